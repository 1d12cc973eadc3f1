"""Tests for course_lib.widgets, without a browser or a kernel.

Setting a control's ``.value`` in plain Python runs its observers at once, so each
test moves a control and checks the plotted data, the text and the PNG bytes.
"""

import matplotlib

matplotlib.use("Agg")  # here, not through MPLBACKEND, which would leak into the notebook kernels

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_lib import widgets
from course_lib.activations import ACTIVATIONS, get_activation
from course_lib.widgets import ActivationExplorer, NeuronExplorer


def _png(explorer) -> bytes:
    return bytes(explorer.image.value)


def _plane(explorer):
    """The image and the decision line drawn by a NeuronExplorer."""
    ax = explorer.figure.axes[0]
    return ax.images[0], ax.lines[0]


def _expected_plane(explorer, f):
    """``f(w1 x1 + w2 x2 + b)`` at the pixel centres of the explorer's image."""
    image, _ = _plane(explorer)
    left, right, bottom, top = image.get_extent()
    n = image.get_array().shape[0]
    x1, x2 = np.meshgrid(left + (np.arange(n) + 0.5) * (right - left) / n, bottom + (np.arange(n) + 0.5) * (top - bottom) / n)
    return f(explorer.w1.value * x1 + explorer.w2.value * x2 + explorer.b.value)


@pytest.fixture
def render_count(monkeypatch):
    """How many times a figure was rendered to PNG."""
    calls = []
    original = widgets._png
    monkeypatch.setattr(widgets, "_png", lambda figure: calls.append(1) or original(figure))
    return calls


# ---------------------------------------------------------------- NeuronExplorer


def test_neuron_explorer_builds_the_controls_from_its_arguments():
    explorer = NeuronExplorer(w1=0.5, w2=-1.0, b=2.0, activation="relu")
    assert (explorer.w1.value, explorer.w2.value, explorer.b.value) == (0.5, -1.0, 2.0)
    assert explorer.activation.value == "relu"
    assert list(explorer.activation.options) == ["identity", "binary_step", "sigmoid", "tanh", "relu"]
    for slider in (explorer.w1, explorer.w2, explorer.b):
        assert (slider.min, slider.max) == (-3.0, 3.0)
    assert isinstance(explorer.widget, ipywidgets.Box) and explorer.image.format == "png"
    assert _png(explorer).startswith(b"\x89PNG")


def test_neuron_explorer_initial_image_is_the_plane_of_its_values():
    explorer = NeuronExplorer(w1=1.0, w2=-2.0, b=0.5, activation="tanh")
    image, _ = _plane(explorer)
    np.testing.assert_allclose(image.get_array(), _expected_plane(explorer, np.tanh))
    assert explorer.figure.axes[0].get_title() == "tanh neuron: w = (1, −2), b = 0.5"


def test_moving_a_weight_changes_image_bytes_and_line_and_moving_back_restores_the_bytes():
    explorer = NeuronExplorer()
    original_png, original_line = _png(explorer), np.array(_plane(explorer)[1].get_data())
    explorer.w1.value = 2.0
    assert _png(explorer) != original_png
    x1, x2 = (np.asarray(d) for d in _plane(explorer)[1].get_data())
    np.testing.assert_allclose(2.0 * x1 + 1.0 * x2 + 0.0, 0.0, atol=1e-12)  # still w·x + b = 0
    assert not np.allclose(np.array([x1, x2]), original_line)
    explorer.w1.value = 1.0
    assert _png(explorer) == original_png


def test_moving_the_bias_updates_the_image_data_to_the_new_net_input():
    explorer = NeuronExplorer()
    explorer.b.value = -1.5
    image, _ = _plane(explorer)
    np.testing.assert_allclose(image.get_array(), _expected_plane(explorer, get_activation("sigmoid").function))


def test_choosing_another_activation_swaps_the_function_in_the_image():
    explorer = NeuronExplorer(w1=1.0, w2=1.0, b=-1.0)
    explorer.activation.value = "binary_step"
    image, _ = _plane(explorer)
    np.testing.assert_array_equal(image.get_array(), _expected_plane(explorer, get_activation("binary_step").function))
    assert explorer.figure.axes[0].get_title().startswith("binary_step neuron")


def test_each_change_renders_once_and_reuses_the_same_figure_and_artists(render_count):
    explorer = NeuronExplorer()
    figure, (image, line) = explorer.figure, _plane(explorer)
    render_count.clear()
    explorer.w2.value = -0.5
    explorer.activation.value = "relu"
    assert len(render_count) == 2
    assert explorer.figure is figure and _plane(explorer) == (image, line)


def test_readout_gives_the_decision_line_equation_and_follows_the_sliders():
    explorer = NeuronExplorer(w1=1.0, w2=1.0, b=-1.0)
    assert "1·x₁ + 1·x₂ − 1 = 0" in explorer.readout.value
    explorer.b.value = 2.0
    assert "1·x₁ + 1·x₂ + 2 = 0" in explorer.readout.value


def test_readout_and_title_say_there_is_no_line_when_both_weights_are_zero():
    explorer = NeuronExplorer(w1=0.0, w2=0.0, b=1.0)
    assert explorer.readout.value.startswith("no decision line")
    assert "no decision line" in explorer.figure.axes[0].get_title()
    assert len(_plane(explorer)[1].get_xdata()) == 0


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"w1": 5.0}, ValueError, "w1 must be between -3 and 3"),
        ({"b": "high"}, TypeError, "b must be a real number"),
        ({"activation": "softplus"}, ValueError, "activation must be one of identity"),
    ],
)
def test_neuron_explorer_rejects_bad_arguments_clearly(kwargs, error, message):
    with pytest.raises(error, match=message):
        NeuronExplorer(**kwargs)


def test_explorers_display_as_their_widget_with_a_short_text_form():
    for explorer in (NeuronExplorer(b=0.5), ActivationExplorer("elu")):
        bundle = explorer._repr_mimebundle_()
        assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == explorer.widget.model_id
        assert bundle["text/plain"] == repr(explorer) and len(repr(explorer)) < 80
    assert repr(NeuronExplorer(b=0.5)) == "NeuronExplorer(w1=1, w2=1, b=0.5, activation='sigmoid')"


def test_explorers_never_touch_pyplot():
    before = plt.get_fignums()
    NeuronExplorer()
    ActivationExplorer()
    assert plt.get_fignums() == before


# ------------------------------------------------------------ ActivationExplorer


def _lines(explorer):
    ax = explorer.figure.axes[0]
    return ax.lines[0], ax.lines[1]


def test_activation_explorer_offers_every_registered_activation():
    assert list(ActivationExplorer().choice.options) == list(ACTIVATIONS)


def test_activation_explorer_lines_are_f_and_f_prime_of_the_choice():
    explorer = ActivationExplorer("sigmoid")
    explorer.choice.value = "softplus"
    f_line, df_line = _lines(explorer)
    z = f_line.get_xdata()
    np.testing.assert_allclose(f_line.get_ydata(), get_activation("softplus").function(z))
    np.testing.assert_allclose(df_line.get_ydata(), get_activation("softplus").derivative(z))
    assert explorer.figure.axes[0].get_title() == "softplus"


def test_parameter_slider_is_disabled_and_says_no_parameter_for_tanh_and_enabled_for_elu():
    explorer = ActivationExplorer("tanh")
    assert explorer.parameter.disabled and explorer.parameter.description == "no parameter"
    explorer.choice.value = "elu"
    assert not explorer.parameter.disabled and explorer.parameter.description == "α"
    assert explorer.parameter.value == ACTIVATIONS["elu"].default


def test_parameter_slider_resets_to_the_default_when_the_choice_changes():
    explorer = ActivationExplorer("sigmoid", parameter=3.0)
    assert explorer.parameter.value == 3.0
    explorer.choice.value = "leaky_relu"
    assert explorer.parameter.value == 0.01 and (explorer.parameter.min, explorer.parameter.max) == (0.0, 2.0)
    explorer.choice.value = "sigmoid"
    assert explorer.parameter.value == 1.0 and explorer.parameter.description == "c"


def test_moving_the_parameter_redraws_lines_title_and_bytes_and_moving_back_restores_them():
    explorer = ActivationExplorer("sigmoid")
    original = _png(explorer)
    explorer.parameter.value = 4.0
    f_line, df_line = _lines(explorer)
    z = f_line.get_xdata()
    np.testing.assert_allclose(f_line.get_ydata(), get_activation("sigmoid").function(z, c=4.0))
    np.testing.assert_allclose(df_line.get_ydata(), get_activation("sigmoid").derivative(z, c=4.0))
    assert explorer.figure.axes[0].get_title() == "sigmoid (c = 4)" and _png(explorer) != original
    explorer.parameter.value = 1.0
    assert _png(explorer) == original


def test_changing_the_choice_renders_once_even_though_the_slider_moves(render_count):
    explorer = ActivationExplorer("sigmoid", parameter=5.0)
    render_count.clear()
    explorer.choice.value = "elu"
    assert len(render_count) == 1


def test_y_axis_follows_the_new_function():
    explorer = ActivationExplorer("sigmoid")
    explorer.choice.value = "identity"
    low, high = explorer.figure.axes[0].get_ylim()
    assert low <= -5 and high >= 5


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"activation": "softmax"}, ValueError, "activation must be one of identity"),
        ({"activation": "tanh", "parameter": 1.0}, ValueError, "tanh has no parameter"),
        ({"activation": "sigmoid", "parameter": 50.0}, ValueError, "c must be between 0.1 and 10"),
        ({"activation": "elu", "parameter": "one"}, TypeError, "alpha must be a real number"),
    ],
)
def test_activation_explorer_rejects_bad_arguments_clearly(kwargs, error, message):
    with pytest.raises(error, match=message):
        ActivationExplorer(**kwargs)
