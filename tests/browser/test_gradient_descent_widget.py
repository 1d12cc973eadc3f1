"""Lesson 04's GradientDescentExplorer in a real browser: the learning-rate slider (log scale), the
epochs slider and the update buttons, used as a person uses them, show the very picture the same
explorer built in plain Python shows in that state."""

import matplotlib
import pytest

from course_lib.widgets import GradientDescentExplorer

from .jupyterlab import error_outputs, open_notebook, run_all
from .test_widget_state import _image_bytes, _readout, _same_picture, _settled, _widget_area


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


def test_gradient_descent_explorer_shows_the_path_its_controls_say(lab, page):
    open_notebook(page, lab, "04-gradient-descent.ipynb")
    run_all(page)
    area = _widget_area(page, "GradientDescentExplorer")
    assert _same_picture(_settled(area, _image_bytes), GradientDescentExplorer().image.value)
    rate = area.locator(".widget-slider .noUi-handle").first
    rate.focus()
    for _ in range(5):  # 1e-4 → 10^-3.5 on the log slider, one tenth of a decade per press
        rate.press("ArrowRight")
    assert _settled(area, _readout) == "3.2e-4"
    epochs = area.locator(".widget-slider .noUi-handle").nth(1)
    epochs.focus()
    for _ in range(20):
        epochs.press("ArrowRight")
    assert _settled(area, lambda a: _readout(a, 1)) == "30"
    area.get_by_role("button", name="stochastic (1)").click()
    expected = GradientDescentExplorer(learning_rate=10 ** -3.5, n_epochs=30, mode="stochastic (1)")
    assert _same_picture(_settled(area, _image_bytes), expected.image.value)
    assert "100 updates per epoch (3000 in all)" in area.inner_text()
    area.get_by_role("button", name="full batch").click()
    full = GradientDescentExplorer(learning_rate=10 ** -3.5, n_epochs=30)
    assert _same_picture(_settled(area, _image_bytes), full.image.value)
    assert not _same_picture(_settled(area, _image_bytes), expected.image.value)
    assert error_outputs(page) == [] and page.errors == []
