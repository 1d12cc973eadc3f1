"""The instructors' guide schedules every lesson: a one-day workshop and six sessions, with the
lessons' own times (their title cells) in the day's timetable."""

import re
from pathlib import Path

import pytest

from course_tools import notebooks

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "instructors" / "README.md").read_text(encoding="utf-8")
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", GUIDE, flags=re.M | re.S)
    assert match, f"instructors/README.md has no section '## {title}'"
    return match.group(1)


def lesson(path: Path) -> tuple[str, int]:
    """The lesson's title (``"01 · The artificial neuron"``) and its minutes, teaching plus exercises."""
    first = notebooks.read(path)["cells"][0]["source"]
    minutes = re.search(r"\*\*Time:\*\* (\d+) min teaching · (\d+) min exercises", first)
    return first.splitlines()[0].lstrip("# ").strip(), int(minutes.group(1)) + int(minutes.group(2))


@pytest.mark.parametrize("schedule", ["A one-day workshop", "Six sessions"])
def test_each_schedule_names_every_lesson_with_a_link_to_its_page(schedule):
    text = section(schedule)
    for path in SOLUTIONS:
        title, _ = lesson(path)
        assert f"[{title}]({path.stem}.md)" in text, f"{schedule}: {path.stem} is not scheduled"


def test_the_one_day_timetable_gives_each_lesson_its_time_and_adds_up():
    rows = re.findall(r"^\| (\d\d):(\d\d)–(\d\d):(\d\d) \| (.+?) \| (\d+) \|$", section("A one-day workshop"), flags=re.M)
    assert rows, "the one-day timetable has no rows"
    for path in SOLUTIONS:
        title, minutes = lesson(path)
        row = next(r for r in rows if f"[{title}]" in r[4])
        assert int(row[5]) == minutes, f"{path.stem}: {row[5]} min in the day, {minutes} in its title cell"
    previous_end = None
    for h1, m1, h2, m2, what, minutes in rows:
        start, end = int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)
        assert end - start == int(minutes), f"{what}: {h1}:{m1}–{h2}:{m2} is not {minutes} min"
        assert previous_end in (None, start), f"{what} does not start when the row before it ends"
        previous_end = end


def test_the_six_sessions_are_six_and_each_row_adds_up():
    rows = re.findall(r"^\| (\d) \| (.+) \| (\d+) \|$", section("Six sessions"), flags=re.M)
    assert [int(r[0]) for r in rows] == [1, 2, 3, 4, 5, 6]
    for number, what, total in rows:
        parts = [int(m) for m in re.findall(r"\((\d+)\)", what)]
        assert sum(parts) == int(total), f"session {number}: {parts} do not add up to {total}"
