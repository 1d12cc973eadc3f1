"""The widgets in a real browser show what the library says they should: controls are used in the
order a person uses them, and the state shown (the readouts and the very pixels of the figure)
is compared with the same explorer built in plain Python in that state."""

import io
import time

import matplotlib
import numpy as np
import pytest
from PIL import Image

from course_lib.activations import ACTIVATIONS
from course_lib.widgets import ActivationExplorer, NeuronExplorer

from .jupyterlab import error_outputs, open_notebook, run_all

IMAGE = "img.widget-image"


def _image_bytes(area) -> bytes:
    """The PNG the kernel sent for the widget's image, as the browser holds it."""
    values = area.locator(IMAGE).first.evaluate(
        "async img => Array.from(new Uint8Array(await (await fetch(img.src)).arrayBuffer()))")
    return bytes(values)


def _settled(area, read, timeout_s: float = 15.0):
    """``read(area)`` once it stops changing (each intermediate value of a control redraws)."""
    previous, deadline = object(), time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        current = read(area)
        if current == previous:
            return current
        previous = current
        time.sleep(0.5)
    raise AssertionError("the widget kept changing")


def _widget_area(page, kind: str):
    areas = [a for a in page.locator(".jp-OutputArea-output").all() if a.locator(IMAGE).count()]
    assert len(areas) == 1, f"expected one {kind} on the page, found {len(areas)}"
    areas[0].scroll_into_view_if_needed()
    return areas[0]


def _readout(area, index: int = 0) -> str:
    """The text of the ``index``-th visible slider's readout, with a plain minus sign."""
    return area.locator(".widget-readout").filter(visible=True).nth(index).inner_text().strip().replace("\u2212", "-")


def _same_picture(shown: bytes, expected) -> bool:
    """Whether two PNGs show the same figure: a slider value that differs in its 16th digit (the
    browser adds steps in its own floating point) may move a few pixels, a different state moves many."""
    a, b = (np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"), dtype=int) for png in (shown, expected))
    return a.shape == b.shape and (np.abs(a - b).max(axis=-1) > 8).mean() < 0.002


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


def test_activation_explorer_shows_each_activations_own_default_after_switching(lab, page):
    open_notebook(page, lab, "02-activation-functions.ipynb")
    run_all(page)
    area = _widget_area(page, "ActivationExplorer")
    select = area.locator(".widget-dropdown select")
    assert select.input_value() == "sigmoid"
    for name in ("leaky_relu", "elu", "sigmoid", "tanh", "leaky_relu"):  # as a person explores the list
        select.select_option(label=name)
        act = ACTIVATIONS[name]
        shown = _settled(area, _image_bytes)
        expected = ActivationExplorer(name)
        if act.parameter is not None:
            assert _settled(area, _readout) == f"{act.default:.2f}", f"{name}: the slider shows another default"
        assert _same_picture(shown, expected.image.value), f"after choosing {name}, the figure differs from the library's"
    slider = area.locator(".widget-slider .noUi-handle").filter(visible=True).first
    slider.focus()
    for _ in range(10):  # leaky_relu's alpha: 0.01 → 0.11 in steps of 0.01
        slider.press("ArrowRight")
    assert _settled(area, _readout) == "0.11"
    assert _same_picture(_settled(area, _image_bytes), ActivationExplorer("leaky_relu", 0.11).image.value)
    assert not _same_picture(_settled(area, _image_bytes), ActivationExplorer("leaky_relu", 0.31).image.value)
    assert error_outputs(page) == [] and page.errors == []


def test_neuron_explorer_shows_the_neuron_its_sliders_say_after_quick_moves(lab, page):
    # Controls moved in quick succession used to corrupt the picture (title over title, no ticks):
    # JupyterLab delivers widget messages on kernel subshells, so two callbacks drew at once.
    open_notebook(page, lab, "01-the-artificial-neuron.ipynb")
    run_all(page)
    area = _widget_area(page, "NeuronExplorer")
    handles = area.locator(".widget-slider .noUi-handle")
    moves = [(0, "ArrowRight", 5), (2, "ArrowLeft", 3), (1, "ArrowLeft", 12)]  # w1 up, b down, w2 down
    for index, key, presses in moves:
        handles.nth(index).focus()
        for _ in range(presses):
            handles.nth(index).press(key)
    area.locator(".widget-dropdown select").select_option(label="tanh")
    w1, w2, b = (float(_settled(area, lambda a, i=i: _readout(a, i))) for i in range(3))
    assert (w1, w2, b) == (1.5, -0.2, -1.3)
    assert _same_picture(_settled(area, _image_bytes), NeuronExplorer(w1, w2, b, "tanh").image.value)
    assert not _same_picture(_settled(area, _image_bytes), NeuronExplorer(w1, w2, b, "sigmoid").image.value)
    assert "decision line" in area.inner_text()


def test_perceptron_trainer_buttons_play_and_data_show_what_the_library_trains(lab, page):
    from course_lib.widgets import PerceptronTrainer

    open_notebook(page, lab, "03-the-perceptron-learning-rule.ipynb")
    run_all(page)
    area = _widget_area(page, "PerceptronTrainer")
    readout = area.locator(".widget-html-content").first

    def press(label, times=1):
        for _ in range(times):
            area.get_by_role("button", name=label).click()

    reference = PerceptronTrainer()
    press("next sample", 3)
    for _ in range(3):
        reference.step()
    reference.update()
    assert _settled(area, lambda a: readout.inner_text()) == reference.readout.value.replace("<b>", "").replace("</b>", "")
    press("next epoch", 2)  # the end of epoch 1, then epoch 2
    reference.step_epoch(), reference.step_epoch(), reference.update()
    assert _same_picture(_settled(area, _image_bytes), reference.image.value)
    assert readout.inner_text() == reference.readout.value, "next epoch says what the whole epoch did"
    assert readout.inner_text().startswith("Epoch 2, all 100 samples: ")
    start = PerceptronTrainer().image.value
    press("reset")
    assert _same_picture(_settled(area, _image_bytes), start), "reset goes back to the same start"
    area.get_by_role("button", name="▶ play").click()  # one sample per tick
    page.wait_for_timeout(2500)
    area.get_by_role("button", name="❚❚ pause").click()
    shown = _settled(area, lambda a: readout.inner_text())
    assert shown.startswith("sample ") and not shown.startswith("sample 1:"), shown
    area.locator(".widget-dropdown select").select_option(label="XOR")
    assert _same_picture(_settled(area, _image_bytes), PerceptronTrainer("XOR").image.value)
    assert error_outputs(page) == [] and page.errors == []
