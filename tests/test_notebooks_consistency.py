"""The notebooks as a whole: lessons match their solutions, and every notebook has the course's shape."""

import re
from pathlib import Path

import pytest

from course_lib.checks import NOT_ATTEMPTED, PASSED
from course_tools import notebooks
from course_tools.lessons import BEGIN, END, NOTEBOOK_METADATA, expected_lessons, is_notes, with_notes

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))
ALL = SOLUTIONS + LESSONS
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def _id(path):
    return f"{path.parent.name}/{path.name}"


def test_there_is_a_lesson_for_every_solution_and_no_other():
    assert SOLUTIONS, "solutions/ holds no notebook"
    assert [p.name for p in LESSONS] == [p.name for p in SOLUTIONS]


def test_lessons_are_up_to_date_with_their_solutions():
    stale = [name for name, text in expected_lessons(ROOT / "solutions").items()
             if (ROOT / "lessons" / name).read_text(encoding="utf-8") != text]
    assert not stale, f"lessons/ out of date for {stale}: run `python3 course.py lessons`"


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lessons_hold_no_answers_and_no_outputs(path):
    for index, cell in enumerate(notebooks.code_cells(notebooks.read(path))):
        assert BEGIN not in cell["source"] and END not in cell["source"], f"code cell {index} holds an answer"
        assert cell["outputs"] == [] and cell["execution_count"] is None, f"code cell {index} holds output"


@pytest.mark.parametrize("path", SOLUTIONS, ids=_id)
def test_solutions_are_stored_executed_with_every_check_passing(path):
    cells = notebooks.code_cells(notebooks.read(path))
    assert all(cell["execution_count"] is not None for cell in cells), "run `python3 course.py execute`"
    text = "\n".join(o.get("text", "") for cell in cells for o in cell["outputs"])
    assert NOT_ATTEMPTED not in text
    exercises = [c for c in cells if BEGIN in c["source"]]
    assert text.count(PASSED + " Exercise") >= len(exercises), "every exercise's check must pass"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_notebook_has_the_course_shape(path):
    assert re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb", path.name)
    notebook = notebooks.read(path)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    first, last = notebook["cells"][0], notebook["cells"][-1]
    for heading in ("**Questions**", "**Objectives**", "**Time:**"):
        assert heading in first["source"], f"title cell lacks {heading}"
    assert first["source"].startswith(f"# {path.name[:2]} · ")
    assert last["source"].startswith("## Key points") and "**Next:**" in last["source"]
    assert notebook["cells"][1]["cell_type"] == "code", "cell 2 holds the imports"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_every_cell_has_slide_metadata_and_every_ignored_output_a_reason(path):
    for index, cell in enumerate(notebooks.read(path)["cells"]):
        slide_type = cell["metadata"].get("slideshow", {}).get("slide_type")
        assert slide_type in SLIDE_TYPES, f"cell {index} has slide type {slide_type!r}"
        if "nbval-ignore-output" in cell["metadata"].get("tags", []):
            assert cell["metadata"].get("nbval_ignore_reason"), f"cell {index} ignores its output without a reason"


@pytest.mark.parametrize("path", SOLUTIONS, ids=_id)
def test_stored_text_is_exactly_what_jupyter_would_write(path):
    assert notebooks.dumps(notebooks.read(path)) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lessons_are_stored_clean_without_speaker_notes_or_widget_state(path):
    notebook = notebooks.read(path)
    assert set(notebook["metadata"]) <= set(NOTEBOOK_METADATA), sorted(notebook["metadata"])
    assert not [index for index, cell in enumerate(notebook["cells"]) if is_notes(cell)], "speaker notes in a lesson"


def test_the_instructors_pages_hold_the_current_speaker_notes():
    for path in SOLUTIONS:
        page = (ROOT / "instructors" / f"{path.stem}.md").read_text(encoding="utf-8")
        assert with_notes(page, notebooks.read(path)) == page, f"run `python3 course.py lessons` ({path.stem})"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_every_link_to_a_lesson_points_at_one_that_exists(path):
    for cell in notebooks.read(path)["cells"]:
        if cell["cell_type"] == "markdown":
            for target in re.findall(r"\]\(([^)#\s]+\.ipynb)", cell["source"]):
                assert (path.parent / target).exists(), f"link to {target}, which does not exist"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_student_text_does_not_refer_to_the_source_articles(path):
    for index, cell in enumerate(notebooks.read(path)["cells"]):
        if cell["cell_type"] == "markdown" and not is_notes(cell):
            found = re.search(r"[^.\n]*\b(the source|source article|the article|seed \d)[^.\n]*", cell["source"], re.I)
            assert found is None, f"cell {index}: {found.group(0)!r}: say what is meant instead"


def test_the_course_map_in_lesson_00_lists_every_lesson_with_its_time():
    welcome = notebooks.read(ROOT / "solutions" / "00-welcome.ipynb")
    course_map = next(c["source"] for c in welcome["cells"] if c["source"].startswith("## 5 · The map of the course"))
    for path in SOLUTIONS:
        first = notebooks.read(path)["cells"][0]["source"]
        title = first.splitlines()[0].lstrip("# ").strip()
        time = re.search(r"\*\*Time:\*\* (.*)", first).group(1)
        assert f"| [{title}]({path.name}) |" in course_map and time in course_map, f"the map misses {path.name}"


def test_the_last_lesson_leads_back_to_the_map():
    last = notebooks.read(SOLUTIONS[-1])["cells"][-1]["source"]
    assert "](00-welcome.ipynb)" in last.split("**Next:**", 1)[1]
