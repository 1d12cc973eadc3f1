"""Is this machine ready for the course? One call answers, in plain words.

Lesson 00 calls :func:`check_setup`. It reads the packages and their lowest
versions from the course's own installed metadata (``pyproject.toml``), so the
check never drifts from what the set-up installs.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata

from . import datasets

__all__ = ["DISTRIBUTION", "FIX", "requirements", "setup_report", "check_setup"]

DISTRIBUTION = "nn-from-scratch"
FIX = "Run `python3 course.py open` in the course folder: it installs what is missing."


def _version_tuple(text: str) -> tuple[int, ...]:
    """Leading numeric parts of a version: ``"2.4.6rc1"`` → ``(2, 4, 6)``."""
    return tuple(int(part) for part in re.findall(r"\d+", re.match(r"[\d.]*", text).group(0)))


def requirements() -> list[tuple[str, str]]:
    """``(package, lowest version)`` for each package the course depends on."""
    pairs = []
    for line in metadata.requires(DISTRIBUTION) or []:
        found = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*>=\s*([\d.]+)", line)
        if found:
            pairs.append((found.group(1), found.group(2)))
    return pairs


def setup_report() -> tuple[list[str], list[str]]:
    """Return ``(lines, problems)``: one line per item checked, and what is wrong."""
    lines, problems = [], []
    python = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 11):
        problems.append(f"Python {python} is too old: the course needs 3.11 or newer.")
    lines.append(f"Python {python}")
    try:
        wanted = requirements()
    except metadata.PackageNotFoundError:
        problems.append(f"course_lib is importable but the course is not installed. {FIX}")
        wanted = []
    for package, lowest in wanted:
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            problems.append(f"{package} is missing. {FIX}")
            continue
        if _version_tuple(installed) < _version_tuple(lowest):
            problems.append(f"{package} {installed} is older than {lowest}. {FIX}")
        lines.append(f"{package} {installed} (needs ≥ {lowest})")
    for name in sorted(datasets.CHECKSUMS):
        try:
            datasets.data_path(name)
            lines.append(f"data/{name} present and intact")
        except (FileNotFoundError, ValueError) as error:
            problems.append(str(error))
    return lines, problems


def check_setup() -> None:
    """Print what was checked and say plainly what to do if anything is wrong."""
    lines, problems = setup_report()
    for line in lines:
        print(f"  {line}")
    if problems:
        print("✘ Something needs fixing before you go on:")
        for problem in problems:
            print(f"  - {problem}")
    else:
        print("✔ Everything the course needs is here. You are ready to start.")
