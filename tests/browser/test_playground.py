"""Lesson 06's playground in a real browser: play, pause, step, reset, a preset and the student's own
data, each compared with the same playground built in plain Python in that state (the very pixels).

Lesson 06 is being written; until it shows the playground, the test writes a small scratch notebook
of its own into the lab's folder (JupyterLab lists new files at once).
"""

import re
import time

import matplotlib
import numpy as np
import pytest

from course_lib.datasets import make_moons
from course_lib.widgets import Playground
from course_tools import notebooks

from .jupyterlab import error_outputs, open_notebook, run_all
from .notebooks_for_tests import _notebook
from .test_widget_state import IMAGE, _image_bytes, _same_picture, _settled

NAME = "zz-playground.ipynb"
OWN_DATA = ("X, y = make_moons(n_samples=120, noise=0.1, random_state=2)\n"
            "labels = np.array(['left', 'right'])[y]")


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


def _own_data():
    X, y = make_moons(n_samples=120, noise=0.1, random_state=2)
    return X, np.array(["left", "right"])[y]


def _areas(page):
    page.wait_for_timeout(500)
    return [a for a in page.locator(".jp-OutputArea-output").all() if a.locator(IMAGE).count()]


def _epoch(area) -> int:
    text = area.locator(".widget-html-content").filter(has_text="accuracy").first.inner_text()
    return int(re.search(r"epoch (\d+)", text).group(1))


def _until(area, read, expected, timeout_s: float = 30.0):
    """Wait until ``read(area)`` gives ``expected`` (clicks queue up in a busy kernel); return it."""
    deadline = time.monotonic() + timeout_s
    while (value := read(area)) != expected and time.monotonic() < deadline:
        time.sleep(0.3)
    return value


def _steady(area, read, quiet_s: float = 2.0, timeout_s: float = 60.0):
    """``read(area)`` once it has not changed for ``quiet_s``: ticks sent before the pause may still be
    queued in a busy kernel, each one epoch and a redraw."""
    value, since, deadline = read(area), time.monotonic(), time.monotonic() + timeout_s
    while time.monotonic() - since < quiet_s:
        assert time.monotonic() < deadline, "the playground kept training after pause"
        time.sleep(0.25)
        if (current := read(area)) != value:
            value, since = current, time.monotonic()
    return value


def test_play_pause_step_reset_a_preset_and_your_own_data_show_what_the_library_trains(lab, page, artifacts):
    notebooks.write(_notebook(
        "import numpy as np\nfrom course_lib.datasets import make_moons\nfrom course_lib.widgets import Playground",
        "playground = Playground(hidden_layers=(3,))\nplayground",
        f"{OWN_DATA}\nmine = Playground(X, labels, hidden_layers=(4,))\nmine",
    ), lab.root / NAME)
    open_notebook(page, lab, NAME)
    run_all(page)
    areas = _areas(page)
    assert len(areas) == 2, f"expected two playgrounds, found {len(areas)}"
    area = areas[0]
    area.scroll_into_view_if_needed()

    def press(label, times=1):
        for _ in range(times):
            area.get_by_role("button", name=label).click()

    reference = Playground(hidden_layers=(3,))
    start = bytes(reference.image.value)
    assert _same_picture(_settled(area, _image_bytes), start)
    press("step one epoch", 3)
    reference.step(3)
    reference.update()
    assert _until(area, _epoch, 3) == 3
    assert _same_picture(_settled(area, _image_bytes), reference.image.value), "3 steps differ from the library's"
    page.screenshot(path=str(artifacts / "playground-after-3-steps.png"))

    area.get_by_role("button", name="▶ play").click()  # one epoch per tick
    page.wait_for_timeout(3000)
    area.get_by_role("button", name="❚❚ pause").click()
    played = _steady(area, _epoch)
    assert played > 3, f"playing for 3 s trained only to epoch {played}"
    page.wait_for_timeout(1000)
    assert _epoch(area) == played, "training went on after pause"
    reference.step(played - 3)
    reference.update()
    assert _same_picture(_settled(area, _image_bytes), reference.image.value), "after playing, the weights differ"

    press("reset")
    assert _until(area, _epoch, 0) == 0
    assert _same_picture(_settled(area, _image_bytes), start), "reset goes back to the same start"

    area.locator(".widget-dropdown").filter(has_text="preset").locator("select").select_option(
        label="circle with x₁² and x₂²")
    press("step one epoch", 2)
    assert _until(area, _epoch, 2) == 2
    preset = Playground(preset="circle with x₁² and x₂²")
    preset.step(2)
    preset.update()
    assert _same_picture(_settled(area, _image_bytes), preset.image.value), "the preset differs from the library's"
    assert "a straight line in those features is a circle" in area.inner_text()
    page.screenshot(path=str(artifacts / "playground-preset.png"))

    mine_area = areas[1]
    mine_area.scroll_into_view_if_needed()
    for _ in range(5):
        mine_area.get_by_role("button", name="step one epoch").click()
    assert _until(mine_area, _epoch, 5) == 5
    mine = Playground(*_own_data(), hidden_layers=(4,))
    mine.step(5)
    mine.update()
    assert _same_picture(_settled(mine_area, _image_bytes), mine.image.value), "your data: differs from the library's"
    assert "left" in mine_area.inner_text() and "right" in mine_area.inner_text()
    page.screenshot(path=str(artifacts / "playground-own-data.png"))
    assert error_outputs(page) == [] and page.errors == []
