"""The instructors' guide keeps up with the lessons: a page per lesson, every exercise discussed."""

import re
from pathlib import Path

import pytest

from course_tools import notebooks
from course_tools.lessons import BEGIN

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_each_lesson_has_a_page_naming_its_exercises_objectives_and_time(path):
    page = ROOT / "instructors" / f"{path.stem}.md"
    assert page.exists(), f"instructors/{page.name} is missing"
    text = page.read_text()
    notebook = notebooks.read(path)
    exercises = {m.group(1) for cell in notebooks.code_cells(notebook) if BEGIN in cell["source"]
                 for m in [re.search(r"Exercise (\d+\.\d+)", cell["source"])]}
    for number in sorted(exercises):
        assert f"{number} " in text or f"{number}\u00a0" in text, f"exercise {number} is not discussed"
    time_line = re.search(r"\*\*Time:\*\* .*", notebook["cells"][0]["source"]).group(0)
    assert time_line.rstrip(".") in text, "the page's time differs from the lesson's title cell"
    assert "## Objectives" in text


def test_the_overview_links_every_page():
    overview = (ROOT / "instructors" / "README.md").read_text()
    for path in SOLUTIONS:
        assert f"({path.stem}.md)" in overview
