"""Every lesson works for a person in JupyterLab: Run All reaches the end with no error shown
(but the failed check lesson 00 shows on purpose),
every check cell answers, and every widget's controls redraw its figure and bring it back.

Screenshots go to build/browser/ (kept as test artefacts).
"""

import time
from pathlib import Path

import pytest

from course_tools import notebooks

from .conftest import ROOT
from .jupyterlab import error_outputs, executed_prompts, open_notebook, run_all

LESSONS = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
IMAGE = "img.widget-image"


def _expected_failures(name: str) -> int:
    """How many cells of the lesson are tagged ``raises-exception`` (lesson 00 shows a failed check)."""
    cells = notebooks.read(ROOT / "lessons" / name)["cells"]
    return sum("raises-exception" in cell["metadata"].get("tags", []) for cell in cells)


@pytest.mark.parametrize("name", LESSONS)
def test_run_all_reaches_the_end_with_no_error(lab, page, artifacts, name):
    open_notebook(page, lab, name)
    run_all(page)
    prompts = executed_prompts(page)
    assert prompts and all(p not in ("[ ]:", "[*]:") for p in prompts), f"cells left unrun: {prompts}"
    errors = error_outputs(page)  # only the failures a lesson shows on purpose, which Run All goes past
    assert len(errors) == _expected_failures(name) and all(e.startswith("✘ Exercise") for e in errors), errors
    assert page.errors == [], f"JavaScript errors in the page: {page.errors}"
    page.screenshot(path=str(artifacts / f"{Path(name).stem}.png"))


def _widget_outputs(page):
    """The output areas that hold a widget with an image, in notebook order."""
    page.wait_for_timeout(500)
    return [area for area in page.locator(".jp-OutputArea-output").all() if area.locator(IMAGE).count()]


def _settled_image(area, timeout_s=15.0) -> bytes:
    """The widget's image once it has stopped changing (each intermediate value redraws)."""
    image = area.locator(IMAGE).first
    previous, deadline = None, time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        current = image.screenshot()
        if current == previous:
            return current
        previous = current
        time.sleep(0.4)
    raise AssertionError("the widget's image kept changing")


def _move_slider(handle, key: str, presses: int):
    handle.focus()
    for _ in range(presses):
        handle.press(key)


@pytest.mark.parametrize("name", [n for n in LESSONS if "Explorer(" in (ROOT / "lessons" / n).read_text()])
def test_every_widget_control_redraws_its_figure_and_comes_back(lab, page, artifacts, name):
    open_notebook(page, lab, name)
    run_all(page)
    areas = _widget_outputs(page)
    assert areas, "no widget with an image was displayed"
    for number, area in enumerate(areas):
        area.scroll_into_view_if_needed()
        original = _settled_image(area)
        handles = area.locator(".widget-slider .noUi-handle").all()
        selects = area.locator(".widget-dropdown select").all()
        assert handles or selects, "a widget without controls"
        for index, handle in enumerate(handles):
            if handle.get_attribute("disabled") is not None or area.locator(".widget-slider").nth(index).get_attribute("class").count("mod-disabled"):
                continue
            _move_slider(handle, "ArrowRight", 5)
            moved = _settled_image(area)
            assert moved != original, f"slider {index} of widget {number} did not change the figure"
            _move_slider(handle, "ArrowLeft", 5)
            assert _settled_image(area) == original, f"slider {index} of widget {number} did not come back"
        for index, select in enumerate(selects):
            first = select.input_value()
            other = [o for o in select.locator("option").all_inner_texts() if o != first][0]
            select.select_option(label=other)
            assert _settled_image(area) != original, f"dropdown {index} of widget {number} did not change the figure"
            select.select_option(label=first)
            assert _settled_image(area) == original, f"dropdown {index} of widget {number} did not come back"
        area.screenshot(path=str(artifacts / f"{Path(name).stem}-widget-{number}.png"))
    assert error_outputs(page) == [] and page.errors == []
