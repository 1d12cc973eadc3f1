#!/usr/bin/env python3
"""Neural Networks from Scratch: the course's one entry point.

    python3 course.py open      set up (first time only) and open the course in JupyterLab
    python3 course.py test      set up (first time only) and run the whole test suite

and, for the people who write the course:

    python3 course.py lessons       regenerate lessons/ from solutions/
    python3 course.py execute [NB]  re-execute solutions/ (or the named ones), then regenerate lessons/
    python3 course.py copy-lessons  copy new lessons into your own folder without opening JupyterLab
    python3 course.py open --instructor   the lessons with speaker notes, in instructor-lessons/
    python3 course.py lock          re-resolve the newest versions into constraints.txt
    python3 course.py slides        build offline slide decks and handouts of solutions/ into build/site/

Needs only Python 3.11 or newer: everything else is installed into .venv on first use.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from course_tools import environment, lessons, student_copy

ROOT = Path(__file__).resolve().parent
LESSONS = ROOT / "lessons"
SOLUTIONS = ROOT / "solutions"
WORK_DIR = ROOT / "my-lessons"
INSTRUCTOR_DIR = ROOT / "instructor-lessons"


def _copy_lessons(args: argparse.Namespace) -> student_copy.CopyReport:
    """The student's (or, with --instructor, the instructor's) copy of the lessons, with read-only solutions."""
    source = lessons.expected_lessons(SOLUTIONS, keep_notes=True) if args.instructor else LESSONS
    return student_copy.prepare_work_dir(source, SOLUTIONS, args.work_dir, keep_notes=args.instructor)


def cmd_open(args: argparse.Namespace) -> int:
    environment.ensure_environment()
    print(_copy_lessons(args).summary(args.work_dir))
    command = [str(environment.venv_executable("jupyter")), "lab", f"--ServerApp.root_dir={args.work_dir}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    command += args.extra
    print("Starting JupyterLab; stop it with Ctrl+C.", flush=True)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0


def cmd_test(args: argparse.Namespace) -> int:
    python = environment.ensure_environment()
    return subprocess.call([str(python), "-m", "pytest", *args.extra], cwd=ROOT)


def cmd_lessons(args: argparse.Namespace) -> int:
    changed = lessons.write_lessons(SOLUTIONS, LESSONS)
    print(f"lessons/ regenerated: {', '.join(changed) if changed else 'already up to date'}")
    pages = lessons.write_notes(SOLUTIONS, ROOT / "instructors")
    print(f"instructors/ speaker notes: {', '.join(pages) if pages else 'already up to date'}")
    return 0


def cmd_execute(args: argparse.Namespace) -> int:
    environment.ensure_environment()
    targets = [Path(p).resolve() for p in args.notebooks] or sorted(SOLUTIONS.glob("*.ipynb"))
    for path in targets:
        if path.parent != SOLUTIONS:
            sys.exit(f"{path} is not in solutions/: only solutions are stored executed.")
        print(f"executing {path.name} …", flush=True)
        subprocess.run(
            [str(environment.venv_executable("jupyter")), "nbconvert", "--to", "notebook", "--execute",
             "--inplace", "--log-level=ERROR", "--ExecutePreprocessor.kernel_name=python3",
             "--ExecutePreprocessor.record_timing=False", str(path)],
            check=True, cwd=SOLUTIONS,
        )
    return cmd_lessons(args)


def cmd_copy_lessons(args: argparse.Namespace) -> int:
    print(_copy_lessons(args).summary(args.work_dir))
    return 0


def cmd_slides(args: argparse.Namespace) -> int:
    python = environment.ensure_environment()
    return subprocess.call([str(python), "-m", "course_tools.slides", "--out", str(args.out.resolve())], cwd=ROOT)


def cmd_lock(args: argparse.Namespace) -> int:
    environment.check_python()
    with tempfile.TemporaryDirectory() as tmp:
        venv.EnvBuilder(with_pip=True).create(tmp)
        python = str(environment.venv_executable("python", Path(tmp)))
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)], check=True)
        frozen = subprocess.run([python, "-m", "pip", "freeze", "--exclude", "nn-from-scratch"],
                                check=True, capture_output=True, text=True).stdout
    header = (
        "# Exact versions for the course's environment, used as pip constraints by course.py.\n"
        f"# Resolved by `python3 course.py lock` with Python {sys.version.split()[0]}; "
        "lower bounds are in pyproject.toml.\n"
    )
    (ROOT / "constraints.txt").write_text(header + frozen)
    print(f"constraints.txt: {len(frozen.splitlines())} pinned packages")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="course.py", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = main.add_subparsers(dest="command", required=True)
    opener = sub.add_parser("open", help="open the course in JupyterLab (sets it up first if needed); "
                            "other options go to `jupyter lab`, e.g. --no-browser")
    opener.add_argument("--work-dir", type=Path, default=None,
                        help="your own copy of the lessons (default: my-lessons/, or instructor-lessons/)")
    opener.add_argument("--instructor", action="store_true",
                        help="the lessons with the speaker notes, to teach from (in instructor-lessons/)")
    opener.set_defaults(run=cmd_open, passes_on=True)
    tester = sub.add_parser("test", help="run the whole test suite (sets it up first if needed); "
                            "other options go to pytest, e.g. -k neuron")
    tester.set_defaults(run=cmd_test, passes_on=True)
    sub.add_parser("lessons", help="regenerate lessons/ from solutions/").set_defaults(run=cmd_lessons)
    executor = sub.add_parser("execute", help="re-execute solutions, then regenerate lessons/")
    executor.add_argument("notebooks", nargs="*", help="solution notebooks (default: all)")
    executor.set_defaults(run=cmd_execute)
    copier = sub.add_parser("copy-lessons", help="copy new lessons into your own folder")
    copier.add_argument("--work-dir", type=Path, default=None)
    copier.add_argument("--instructor", action="store_true", help="the lessons with the speaker notes")
    copier.set_defaults(run=cmd_copy_lessons)
    sub.add_parser("lock", help="re-resolve constraints.txt").set_defaults(run=cmd_lock)
    slides = sub.add_parser("slides", help="build offline reveal.js slides and HTML handouts of solutions/ "
                            "(needs Node.js for npm)")
    slides.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="output folder (default: build/site/)")
    slides.set_defaults(run=cmd_slides)
    return main


def main(argv: list[str] | None = None) -> int:
    command_line = parser()
    args, extra = command_line.parse_known_args(argv)
    if extra and not getattr(args, "passes_on", False):
        command_line.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    if hasattr(args, "work_dir"):
        default = INSTRUCTOR_DIR if args.instructor else WORK_DIR
        args.work_dir = (args.work_dir or default).resolve()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
