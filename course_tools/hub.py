"""The course on a JupyterHub: the nbgitpuller link that hands it out, and the image's set-up step.

    python3 -m course_tools.hub link https://hub.example.org https://github.com/ORG/nn-from-scratch
    python3 -m course_tools.hub overrides     # in the hub's image, from the course's folder

``link`` prints the link to give students: one click clones the course into their home
on the hub (or updates their copy, never overwriting a file they changed) and opens the
first lesson. ``overrides`` writes the course's JupyterLab defaults (no news fetch, the
slideshow's projector styles) into the environment of the Python that runs it, as
``python3 course.py open`` does for ``.venv``. Standard library only, like the rest of
``course_tools``; see the README's "Teach a class on JupyterHub".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

FIRST_LESSON = "lessons/00-welcome.ipynb"


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
