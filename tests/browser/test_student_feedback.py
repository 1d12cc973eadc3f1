"""What a student sees in JupyterLab at 1280 px: a wrong answer and a crashing answer get a short
message (ten lines at most, in every lesson) with no checker code in it and no word broken across
lines; the solutions are one click away in the file browser and cannot be changed by accident."""

import re

import pytest

from course_tools import notebooks

from .conftest import ROOT
from .feedback_answers import ANSWERS
from .jupyterlab import KERNEL_IDLE, error_outputs, open_notebook, run_all

LESSON = "01-the-artificial-neuron.ipynb"
ERROR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
WRONG = "def weighted_sum(x, w, b):\n    return np.sum(x * w) - b\n"  # the bias subtracted
CRASHING = ("def weighted_sum(x, w, b):\n    total = 0.0\n    for i in range(len(x) + 1):\n"
            "        total = total + x[i] * w[i]\n    return total + b\n")  # one index too many
CHECKER_SOURCE = re.compile(r"course_lib|run_check|Mistake\(|Case\(|reference|Traceback|File \"|site-packages")


@pytest.fixture
def viewport() -> dict:
    return {"width": 1280, "height": 800}  # what the issue asks the feedback to fit


def _exercise_cell(name: str, number: str) -> int:
    """The index, among all cells, of the code cell of exercise ``number``."""
    cells = notebooks.read(ROOT / "lessons" / name)["cells"]
    return next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and f"Exercise {number}" in c["source"])


def _answer_and_check(page, index: int, source: str) -> str:
    """Write ``source`` into cell ``index``, run it and the check below it (Shift + Enter twice)."""
    page.evaluate("""([index, source]) => {
        const notebook = window.jupyterapp.shell.currentWidget.content;
        notebook.widgets[index].model.sharedModel.setSource(source);
        notebook.activeCellIndex = index;
    }""", [index, source])
    for _ in range(2):
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-cell-and-select-next')")
        page.wait_for_timeout(300)
        page.get_by_text(KERNEL_IDLE).first.wait_for(timeout=30_000)
    check = page.locator(".jp-Notebook .jp-Cell").nth(index + 1)
    check.scroll_into_view_if_needed()
    check.locator(ERROR).first.wait_for(timeout=30_000)
    return check


def _browser_wrapped_lines(output) -> int:
    """How many lines the browser had to break (0: every line fits, so no word is cut in two)."""
    return output.locator("pre").first.evaluate("""pre => {
        const lines = pre.textContent.replace(/\\n$/, '').split('\\n').length;
        const height = parseFloat(getComputedStyle(pre).lineHeight);
        return Math.round(pre.getBoundingClientRect().height / height) - lines;
    }""")


@pytest.mark.parametrize("answer, shows", [(WRONG, ["expected", "received"]), (CRASHING, ["IndexError",
                         "total = total + x[i] * w[i]"])], ids=["wrong-answer", "crashing-answer"])
def test_a_failed_check_shows_a_short_message_and_none_of_the_checkers_code(lab, page, artifacts, answer, shows):
    open_notebook(page, lab, LESSON)
    run_all(page)
    check = _answer_and_check(page, _exercise_cell(LESSON, "1.1"), answer)
    output = check.locator(ERROR).first
    text = output.inner_text()
    lines = text.strip().splitlines()
    assert lines[0].startswith("✘ Exercise 1.1 · weighted_sum") and lines[-2:][-1].strip(), text
    assert len(lines) <= 9, f"{len(lines)} lines:\n{text}"
    assert any(line.startswith("Hint:") for line in lines), text
    assert not CHECKER_SOURCE.search(text), f"machinery shown to the student:\n{text}"
    for expected in shows:
        assert expected in text, text
    assert _browser_wrapped_lines(output) == 0, "a line was too wide for the output area: a word may be cut"
    output.screenshot(path=str(artifacts / f"feedback-{'crash' if 'IndexError' in shows else 'wrong'}.png"))
    assert page.errors == []


def _run_imports(page, name: str) -> None:
    """Run only the lesson's imports cell (the one that imports its checks), as after a fresh start."""
    cells = notebooks.read(ROOT / "lessons" / name)["cells"]
    index = next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and "course_lib.checks import" in c["source"])
    page.evaluate("""(index) => {
        const notebook = window.jupyterapp.shell.currentWidget.content;
        notebook.activeCellIndex = index;
    }""", index)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-cell')")
    page.wait_for_timeout(300)
    page.get_by_text(KERNEL_IDLE).first.wait_for(timeout=60_000)


def _defining(function: str) -> tuple[str, int]:
    """The lesson, and the index of its exercise cell, where the student writes ``function``."""
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        for index, cell in enumerate(notebooks.read(path)["cells"]):
            if cell["cell_type"] == "code" and "Exercise" in cell["source"] and f"def {function}(" in cell["source"]:
                return path.name, index
    raise AssertionError(f"no lesson has an exercise that defines {function}")


def _function(source: str) -> str:
    return re.search(r"def (\w+)\(", source).group(1)


@pytest.mark.parametrize("lesson", list(ANSWERS), ids=list(ANSWERS))
def test_every_lesson_shows_a_wrong_answer_and_a_crash_in_ten_lines_or_fewer(lab, page, artifacts, lesson):
    name = _defining(_function(ANSWERS[lesson][0][0]))[0]
    open_notebook(page, lab, name)
    _run_imports(page, name)
    for kind, (source, shows) in zip(("wrong", "crash"), ANSWERS[lesson]):
        found, index = _defining(_function(source))
        assert found == name, f"{_function(source)} moved to {found}: give lesson {lesson} two exercises of one file"
        assert "check_" in notebooks.read(ROOT / "lessons" / name)["cells"][index + 1]["source"]
        output = _answer_and_check(page, index, source).locator(ERROR).first
        text = output.inner_text()
        lines = text.strip().splitlines()
        assert lines[0].startswith("✘ Exercise ") and _function(source) in lines[0] and len(lines) <= 10, (
            f"{len(lines)} lines:\n{text}")
        assert shows in text and any(line.startswith("Hint:") for line in lines), text
        assert not CHECKER_SOURCE.search(text), f"machinery shown to the student:\n{text}"
        assert _browser_wrapped_lines(output) == 0, f"a line was too wide for the output area:\n{text}"
        output.screenshot(path=str(artifacts / f"feedback-{name[:2]}-{kind}.png"))
    assert page.errors == []


def _sources(path) -> list[str]:
    return [cell["source"] for cell in notebooks.read(path)["cells"]]


def test_the_solution_of_a_lesson_is_one_click_away_and_cannot_be_edited_by_accident(lab, page, artifacts):
    page.goto(lab.url("lab?reset"))
    listing = page.locator(".jp-DirListing-itemText")
    listing.get_by_text("solutions", exact=True).wait_for(timeout=60_000)
    listing.get_by_text("solutions", exact=True).dblclick()  # click 1: into solutions/
    page.locator(".jp-BreadCrumbs", has_text="solutions").wait_for()
    listing.get_by_text(LESSON, exact=True).dblclick()  # click 2: the lesson's solution
    page.get_by_text(KERNEL_IDLE).first.wait_for(timeout=90_000)
    opened = page.evaluate("window.jupyterapp.shell.currentWidget.context.path")
    assert opened == f"solutions/{LESSON}"
    copy = lab.root / "solutions" / LESSON
    before = _sources(copy)
    cell = page.locator(".jp-Notebook .jp-Cell.jp-CodeCell").nth(1)
    cell.locator(".cm-content").click()
    page.keyboard.type("oops")
    page.keyboard.press("Control+s")  # as root the file's read-only mode does not stop a save: the
    page.wait_for_timeout(1500)       # locked cells must, so what is saved is the solution unchanged
    assert "oops" not in cell.inner_text(), "a solution's cell took a student's typing"
    assert _sources(copy) == before, "the solution's cells changed on disk"
    page.screenshot(path=str(artifacts / "solutions-read-only.png"))
    assert error_outputs(page) == []
