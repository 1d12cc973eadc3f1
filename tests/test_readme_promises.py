"""The README promises what exists: its map of the course names every lesson and only those, with
their titles and times, and every lesson, file or folder it points at is there."""

import re
from pathlib import Path

import pytest

from course_tools import notebooks

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LESSONS = sorted(path.name for path in (ROOT / "solutions").glob("*.ipynb"))


def course_map() -> str:
    match = re.search(r"^## The lessons\n(.*?)(?=^## )", README, flags=re.M | re.S)
    assert match, "README.md has no '## The lessons' section"
    return match.group(1)


def test_the_map_names_every_lesson_in_order_and_no_other():
    named = re.findall(r"^\| \[[^\]]+\]\(lessons/([^)]+\.ipynb)\) \|", course_map(), flags=re.M)
    assert named == LESSONS, f"the README's map names {named}; the lessons are {LESSONS}"


@pytest.mark.parametrize("name", LESSONS)
def test_each_lesson_in_the_map_has_its_title_and_time_from_its_title_cell(name):
    first = notebooks.read(ROOT / "solutions" / name)["cells"][0]["source"]
    title = first.splitlines()[0].lstrip("# ").strip()
    time = re.search(r"\*\*Time:\*\* (.*)", first).group(1).strip()
    row = next(line for line in course_map().splitlines() if f"(lessons/{name})" in line)
    assert row.startswith(f"| [{title}](lessons/{name}) |") and row.rstrip().endswith(f"| {time} |"), row


def test_every_lesson_the_readme_names_exists():
    for folder, name in re.findall(r"\b(lessons|solutions)/(\d\d-[\w-]+\.ipynb)", README):
        assert (ROOT / folder / name).exists(), f"README.md names {folder}/{name}, which does not exist"
    numbers = {name[:2] for name in LESSONS}
    for number in re.findall(r"\b[Ll]essons? (\d\d)\b", README):
        assert number in numbers, f"README.md names lesson {number}, which does not exist"


def test_every_local_link_and_command_path_in_the_readme_exists():
    targets = [t for t in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README) if not re.match(r"[a-z]+:", t)]
    targets += re.findall(r"\.venv/bin/python (benchmarks/\w+\.py)", README)
    assert targets
    for target in targets:
        assert (ROOT / target).exists(), f"README.md points at {target}, which does not exist"
