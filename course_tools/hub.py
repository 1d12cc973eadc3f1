"""The course on a JupyterHub: the nbgitpuller link that hands it out, and the image's set-up step.

    python3 -m course_tools.hub student-branch   # in the instructor's checkout; then git push origin student
    python3 -m course_tools.hub link https://hub.example.org https://github.com/ORG/nn-from-scratch
    python3 -m course_tools.hub overrides     # in the hub's image, from the course's folder

``student-branch`` makes, from the repository's last commit, the branch a class is handed:
the lessons, the solutions read-only and without speaker notes, the library and the data, with a
short README; no instructors' pages, tests or tools. Each run adds one commit on top of the last
(so that students' copies update by a fast-forward), and none when nothing changed. ``link``
prints the link to give students, for that branch: one click clones the course into their home
on the hub (or updates their copy, never overwriting a file they changed) and opens the
first lesson. :func:`keep_renamed_lessons` keeps a renamed lesson's old file in the branch
a class is handed, so that an update leaves every student's copy of it alone. ``overrides`` writes the course's JupyterLab defaults (no news fetch, the
slideshow's projector styles) into the environment of the Python that runs it, as
``python3 course.py open`` does for ``.venv``. Standard library only, like the rest of
``course_tools``; see the README's "Teach a class on JupyterHub".
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

FIRST_LESSON = "lessons/00-welcome.ipynb"
RENAMED_NOTE = "RENAMED-LESSONS.md"  # beside the lessons of a hand-out that keeps renamed lessons
STUDENT_BRANCH = "student"
STUDENT_PATHS = ("lessons", "course_lib", "data", "GLOSSARY.md", "pyproject.toml", "constraints.txt",
                 "environment.yml", "postBuild", ".gitattributes", ".gitignore")
"""What a class gets as it is in the repository; ``solutions/`` is added without notes, and a README."""
STUDENT_README = """# Neural Networks from Scratch: your copy

Work in `lessons/`: open `lessons/00-welcome.ipynb` first. Each lesson explains an idea, has you
write it yourself with a check cell after each exercise, and lets you play with widgets.

`solutions/` holds every lesson solved and run, to compare with when you are stuck; its cells
cannot be edited. The words the lessons define are in `GLOSSARY.md`.

Your instructor's link updates this folder: new lessons appear, and your own answers are never
overwritten.
"""


def folder_of(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into, in the student's home: the URL's last part.

    >>> folder_of("https://github.com/ORG/nn-from-scratch.git"), folder_of("file:///srv/nn-from-scratch/")
    ('nn-from-scratch.git', 'nn-from-scratch')
    """
    return repo.rstrip("/").split("/")[-1]


def _git(repo: Path, *args: str, input: bytes | None = None, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=repo, input=input, env=env, check=True,
                          capture_output=True).stdout.decode().strip()


def student_solution(text: bytes) -> bytes:
    """A solution notebook as a class gets it: speaker notes removed, every cell read-only."""
    from course_tools import notebooks
    from course_tools.student_copy import read_only_solution

    with tempfile.TemporaryDirectory() as folder:  # notebooks.read joins the multi-line fields dumps splits
        path = Path(folder) / "solution.ipynb"
        path.write_bytes(text)
        return notebooks.dumps(read_only_solution(notebooks.read(path))).encode()


def student_branch(repo: Path, source: str = "HEAD", branch: str = STUDENT_BRANCH) -> str | None:
    """Commit, on ``branch`` of the git repository ``repo``, what a class gets from ``source``; return the
    new commit, or ``None`` when the branch already holds exactly that.

    Built with git's plumbing in a temporary index: the work tree, the index and the current branch
    are untouched. The new commit's parent is the branch's last commit, so that nbgitpuller updates a
    student's copy by merging one commit.
    """
    repo = Path(repo)
    env = dict(os.environ, GIT_INDEX_FILE=str(Path(tempfile.mkdtemp()) / "index"))
    entries = []
    for line in _git(repo, "ls-tree", "-r", "--full-tree", source, "--", *STUDENT_PATHS).splitlines():
        meta, path = line.split("\t", 1)
        mode, _, blob = meta.split()
        entries.append(f"{mode},{blob},{path}")
    for line in _git(repo, "ls-tree", "-r", "--full-tree", source, "--", "solutions").splitlines():
        meta, path = line.split("\t", 1)
        mode, _, blob = meta.split()
        if path.endswith(".ipynb"):
            text = subprocess.run(["git", "cat-file", "blob", blob], cwd=repo, check=True, capture_output=True).stdout
            blob = _git(repo, "hash-object", "-w", "--stdin", input=student_solution(text))
        entries.append(f"{mode},{blob},{path}")
    readme = _git(repo, "hash-object", "-w", "--stdin", input=STUDENT_README.encode())
    entries.append(f"100644,{readme},README.md")
    try:
        parent = _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    except subprocess.CalledProcessError:
        parent = ""
    if parent:
        entries += _renamed_lessons_kept(repo, parent, {entry.split(",", 2)[2] for entry in entries})
    _git(repo, "read-tree", "--empty", env=env)
    for entry in entries:
        _git(repo, "update-index", "--add", "--cacheinfo", entry, env=env)
    tree = _git(repo, "write-tree", env=env)
    if parent and _git(repo, "rev-parse", f"{parent}^{{tree}}") == tree:
        return None
    origin = _git(repo, "rev-parse", "--short", source)
    message = f"The student's course, from {origin}: lessons, solutions without speaker notes, library, data"
    commit = _git(repo, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message)
    _git(repo, "update-ref", f"refs/heads/{branch}", commit)
    return commit


def _renamed_lessons_kept(repo: Path, parent: str, paths: set[str]) -> list[str]:
    """Index entries that keep, from the hand-out ``parent``, every lesson the course has renamed since,
    with the note ``lessons/RENAMED-LESSONS.md`` (see :func:`keep_renamed_lessons` for why)."""
    from course_tools.renames import notice, renamed_among

    had = {}
    for line in _git(repo, "ls-tree", parent, "--", "lessons/").splitlines():
        meta, path = line.split("\t", 1)
        had[Path(path).name] = meta.split()
    kept = [old for old in renamed_among(had) if f"lessons/{old}" not in paths]
    entries = [f"{had[old][0]},{had[old][2]},lessons/{old}" for old in kept]
    if kept:
        lines = [f"- {line[0].upper()}{line[1:]}" for line in notice(kept, where="copy of ")]
        note = _git(repo, "hash-object", "-w", "--stdin", input=("# Renamed lessons\n\n" + "\n".join(lines) + "\n").encode())
        entries.append(f"100644,{note},lessons/{RENAMED_NOTE}")
    return entries


def nbgitpuller_link(hub: str, repo: str, branch: str = STUDENT_BRANCH, open_path: str = FIRST_LESSON,
                     app: str = "lab") -> str:
    """The link that pulls ``repo`` at ``branch`` into the student's home and opens ``open_path``
    (a path inside the course) in JupyterLab.

    >>> nbgitpuller_link("https://hub.example.org/", "https://github.com/ORG/nn-from-scratch")
    'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2FORG%2Fnn-from-scratch&branch=student&urlpath=lab%2Ftree%2Fnn-from-scratch%2Flessons%2F00-welcome.ipynb'
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
    link.add_argument("--branch", default=STUDENT_BRANCH, help=f"default {STUDENT_BRANCH}, made by student-branch")
    link.add_argument("--open", default=FIRST_LESSON, help=f"what to open, inside the course (default {FIRST_LESSON})")
    commands.add_parser("overrides", help="write the course's JupyterLab defaults into this Python's environment")
    make = commands.add_parser("student-branch", help="commit what a class gets on a branch of its own")
    make.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent))
    make.add_argument("--from", dest="source", default="HEAD", help="the commit to take the course from")
    make.add_argument("--branch", default=STUDENT_BRANCH)
    args = parser.parse_args(argv)
    if args.command == "student-branch":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        commit = student_branch(Path(args.repo), args.source, args.branch)
        print(f"{args.branch}: {commit or 'unchanged'} (push it: git push origin {args.branch})")
    elif args.command == "link":
        print(nbgitpuller_link(args.hub, args.repo, args.branch, args.open))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from course_tools import environment

        print(f"wrote {environment.write_lab_overrides(Path(sys.prefix))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
