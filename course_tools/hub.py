"""The course on a JupyterHub: the nbgitpuller link that hands it out, and the image's set-up step.

    python3 -m course_tools.hub link https://hub.example.org https://github.com/ORG/nn-from-scratch
    python3 -m course_tools.hub overrides     # in the hub's image, from the course's folder

``link`` prints the link to give students: one click clones the course into their home
on the hub (or updates their copy, never overwriting a file they changed) and opens the
first lesson. :func:`keep_renamed_lessons` keeps a renamed lesson's old file in the branch
a class is handed, so that an update leaves every student's copy of it alone. ``overrides`` writes the course's JupyterLab defaults (no news fetch, the
slideshow's projector styles) into the environment of the Python that runs it, as
``python3 course.py open`` does for ``.venv``. Standard library only, like the rest of
``course_tools``; see the README's "Teach a class on JupyterHub".
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from urllib.parse import urlencode

FIRST_LESSON = "lessons/00-welcome.ipynb"
RENAMED_NOTE = "RENAMED-LESSONS.md"  # beside the lessons of a hand-out that keeps renamed lessons


def folder_of(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into, in the student's home: the URL's last part.

    >>> folder_of("https://github.com/ORG/nn-from-scratch.git"), folder_of("file:///srv/nn-from-scratch/")
    ('nn-from-scratch.git', 'nn-from-scratch')
    """
    return repo.rstrip("/").split("/")[-1]


def nbgitpuller_link(hub: str, repo: str, branch: str = "main", open_path: str = FIRST_LESSON,
                     app: str = "lab") -> str:
    """The link that pulls ``repo`` at ``branch`` into the student's home and opens ``open_path``
    (a path inside the course) in JupyterLab.

    >>> nbgitpuller_link("https://hub.example.org/", "https://github.com/ORG/nn-from-scratch")
    'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2FORG%2Fnn-from-scratch&branch=main&urlpath=lab%2Ftree%2Fnn-from-scratch%2Flessons%2F00-welcome.ipynb'
    """
    query = {"repo": repo, "branch": branch, "urlpath": f"{app}/tree/{folder_of(repo)}/{open_path}"}
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{urlencode(query)}"


def keep_renamed_lessons(previous: Path, handout: Path) -> list[str]:
    """Copy into ``handout`` every renamed lesson that ``previous`` had, byte for byte, with a note; return their names.

    ``previous`` and ``handout`` are the ``lessons/`` folders of the branch the class already has and of
    the one being made from the course. nbgitpuller merges each update into a student's clone:
    a lesson deleted upstream would vanish from every clone where the student had not changed it,
    and where git takes a new lesson for a rename of the old one (as when a lesson is split and
    the first part keeps most of its cells), the student's answers would be merged into the new
    lesson and their own file would disappear. Left unchanged in the hand-out, the old file is
    never touched by a merge: the student keeps it as it was, the new lessons arrive beside it,
    and ``RENAMED-LESSONS.md`` beside them says which lesson became which
    (:data:`course_tools.renames.RENAMED`).
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from course_tools.renames import notice, renamed_among

    previous, handout = Path(previous), Path(handout)
    kept = [old for old in renamed_among(p.name for p in previous.glob("*.ipynb")) if not (handout / old).exists()]
    for old in kept:
        shutil.copyfile(previous / old, handout / old)
    if kept:
        lines = [f"- {line[0].upper()}{line[1:]}" for line in notice(kept, where="copy of ")]
        (handout / RENAMED_NOTE).write_text("# Renamed lessons\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m course_tools.hub", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    link = commands.add_parser("link", help="print the nbgitpuller link that hands the course out")
    link.add_argument("hub", help="the hub's address, e.g. https://hub.example.org")
    link.add_argument("repo", help="the course's git repository, as the hub can clone it")
    link.add_argument("--branch", default="main")
    link.add_argument("--open", default=FIRST_LESSON, help=f"what to open, inside the course (default {FIRST_LESSON})")
    commands.add_parser("overrides", help="write the course's JupyterLab defaults into this Python's environment")
    args = parser.parse_args(argv)
    if args.command == "link":
        print(nbgitpuller_link(args.hub, args.repo, args.branch, args.open))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from course_tools import environment

        print(f"wrote {environment.write_lab_overrides(Path(sys.prefix))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
