"""Tests for course_lib.widgets, without a browser or a kernel.

Setting a control's ``.value`` in plain Python runs its observers at once, so each
test moves a control and checks the plotted data, the text and the PNG bytes.
Speed is measured by ``benchmarks/bench_widgets.py``, never asserted here; the
tests check what makes it fast (blitting, fixed scales) and that the blitted
images equal full redraws.
"""

import matplotlib

matplotlib.use("Agg")  # here, not through MPLBACKEND, which would leak into the notebook kernels

import io

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from course_lib import widgets
from course_lib.activations import ACTIVATIONS, get_activation
from course_lib.widgets import NEURON_ACTIVATIONS, PARAMETER_SLIDERS, ActivationExplorer, NeuronExplorer


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


def _pixels(explorer) -> np.ndarray:
    """The explorer's PNG decoded to an (height, width, 3) array."""
    return np.asarray(Image.open(io.BytesIO(_png(explorer))).convert("RGB"))


def _full_redraw(figure) -> np.ndarray:
    """The figure's pixels from a plain ``canvas.draw()`` with every artist in it (none left out as animated)."""
    animated = [artist for artist in figure.findobj() if artist.get_animated()]
    assert animated, "the explorer blits: some artists are animated"
    for artist in animated:
        artist.set_animated(False)
    try:
        figure.canvas.draw()
        return np.asarray(figure.canvas.buffer_rgba())[..., :3].copy()
    finally:
        for artist in animated:
            artist.set_animated(True)


@pytest.fixture
def draw_count(monkeypatch):
    """``draw_count(explorer)`` starts counting the full draws of its canvas and returns the list of calls."""
    def start(explorer):
        calls, original = [], explorer.figure.canvas.draw
        monkeypatch.setattr(explorer.figure.canvas, "draw", lambda *a, **k: calls.append(1) or original(*a, **k))
        return calls
    return start


@pytest.fixture
def render_count(monkeypatch):
    """How many times a figure was rendered to PNG."""
    calls = []
    original = widgets._core._png
    for module in (widgets.neuron, widgets.activations):  # each explorer's module calls it
        monkeypatch.setattr(module, "_png", lambda figure: calls.append(1) or original(figure))
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


FIXED_COLOURS = {"identity": (-6.0, 6.0, "both"), "binary_step": (0.0, 1.0, "neither"),
                 "sigmoid": (0.0, 1.0, "neither"), "tanh": (-1.0, 1.0, "neither"), "relu": (0.0, 6.0, "max")}


@pytest.mark.parametrize("activation", NEURON_ACTIVATIONS)
def test_colour_limits_are_fixed_by_the_activation_whatever_the_sliders(activation):
    low, high, extend = FIXED_COLOURS[activation]
    explorer = NeuronExplorer(activation=activation)
    image, _ = _plane(explorer)
    for name, value in [("w1", 3.0), ("w2", -3.0), ("b", 2.5), ("w1", 0.1), ("w2", 0.0), ("w1", 0.0)]:
        getattr(explorer, name).value = value
        assert image.get_clim() == (low, high)
    colorbar = image.colorbar
    assert colorbar.extend == extend
    assert (colorbar.vmin, colorbar.vmax) == (low, high)  # the colour bar shows the same scale


def test_switching_activations_switches_the_colour_bar_triangles():
    explorer = NeuronExplorer(activation="sigmoid")
    image, _ = _plane(explorer)
    for activation in ["relu", "identity", "tanh", "relu", "sigmoid"]:
        explorer.activation.value = activation
        low, high, extend = FIXED_COLOURS[activation]
        colorbar = image.colorbar
        assert colorbar.extend == extend and image.get_clim() == (low, high)
        assert (colorbar.vmin, colorbar.vmax) == (low, high)  # the extension slice follows `extend`
        outline_y = colorbar.outline.get_path().vertices[:, 1]  # colour-bar axes coordinates: 0 to 1 without triangles
        assert (outline_y.min() < 0) == (extend in ("min", "both"))
        assert (outline_y.max() > 1) == (extend in ("max", "both"))
        np.testing.assert_array_equal(_pixels(explorer), _full_redraw(explorer.figure))


@pytest.mark.parametrize("other", [name for name in NEURON_ACTIVATIONS if name != "sigmoid"])
def test_choosing_another_activation_and_back_restores_the_bytes(other):
    explorer = NeuronExplorer(w1=1.0, w2=1.0, b=-1.0, activation="sigmoid")
    original = _png(explorer)
    explorer.activation.value = other
    assert _png(explorer) != original
    explorer.activation.value = "sigmoid"  # the colour bar loses its triangles again, at its own size
    assert _png(explorer) == original


NEURON_MOVES = {
    "weights and bias": [("w1", 2.3), ("b", -1.7)],
    "vertical line": [("w2", 0.0)],
    "line clipped at the edges": [("w1", 0.2), ("w2", 3.0), ("b", -2.9)],
    "no line, no legend": [("w1", 0.0), ("w2", 0.0)],
    "line back after none": [("w1", 0.0), ("w2", 0.0), ("w2", -1.2)],
    "new activation": [("activation", "identity")],
    "slider after a new activation": [("activation", "relu"), ("w1", -2.0)],
}


@pytest.mark.parametrize("moves", NEURON_MOVES.values(), ids=NEURON_MOVES.keys())
def test_neuron_explorer_image_equals_a_full_redraw_of_the_same_state(moves):
    explorer = NeuronExplorer(w1=1.0, w2=1.0, b=-1.0)
    np.testing.assert_array_equal(_pixels(explorer), _full_redraw(explorer.figure))  # the first image is complete
    for name, value in moves:
        getattr(explorer, name).value = value
    # exact: the blitted image draws the same artists in the same order on the same background
    np.testing.assert_array_equal(_pixels(explorer), _full_redraw(explorer.figure))


def test_neuron_explorer_sliders_blit_and_a_new_colour_scale_redraws_the_background(draw_count):
    explorer = NeuronExplorer(activation="sigmoid")
    draws = draw_count(explorer)
    for name, value in [("w1", -2.0), ("w2", 0.0), ("b", 1.5), ("w1", 0.0)]:
        getattr(explorer, name).value = value
    assert draws == []  # slider moves draw only the changing artists
    explorer.activation.value = "binary_step"  # same colour scale: the background still holds
    assert draws == []
    colour_bar = slice(int(_plane(explorer)[0].colorbar.ax.get_window_extent().x0), None)  # its columns, with labels
    before = _pixels(explorer)[:, colour_bar]
    explorer.activation.value = "identity"  # colour bar -6..6 with triangles: a new background
    assert len(draws) == 1 and _plane(explorer)[0].get_clim() == (-6.0, 6.0)
    assert not np.array_equal(_pixels(explorer)[:, colour_bar], before)
    explorer.b.value = -0.5
    assert len(draws) == 1


def test_frozen_layout_fits_the_longest_titles_and_every_colour_bar():
    explorer = NeuronExplorer(w1=-2.5, w2=-2.5, b=-2.5, activation="binary_step")
    figure, ax = explorer.figure, explorer.figure.axes[0]
    renderer, inside = figure.canvas.get_renderer(), figure.bbox

    def fits(artist):
        box = artist.get_window_extent(renderer)
        return inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1

    assert fits(ax.title)
    explorer.w1.value, explorer.w2.value = 0.0, 0.0  # two lines
    assert "\n" in ax.get_title() and fits(ax.title)
    for activation in NEURON_ACTIVATIONS:
        explorer.activation.value = activation
        colorbar_ax = _plane(explorer)[0].colorbar.ax
        labels = [label for label in colorbar_ax.get_yticklabels() if label.get_text()]
        assert labels and all(fits(label) for label in labels + [colorbar_ax.yaxis.label])


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


def _slider_grid(slider):
    return np.linspace(slider.min, slider.max, round((slider.max - slider.min) / slider.step) + 1)


@pytest.mark.parametrize("activation", [name for name, act in ACTIVATIONS.items() if act.parameter])
def test_y_limits_stay_fixed_while_the_parameter_moves_and_hold_every_curve_of_the_slider(activation):
    explorer = ActivationExplorer(activation)
    act, ax = ACTIVATIONS[activation], explorer.figure.axes[0]
    limits = ax.get_ylim()
    for value in [explorer.parameter.max, explorer.parameter.min, 0.5, explorer.parameter.max / 3]:
        explorer.parameter.value = value
        assert ax.get_ylim() == limits
    z = _lines(explorer)[0].get_xdata()
    curves = np.array([f(z, **{act.parameter: p}) for p in _slider_grid(explorer.parameter)
                       for f in (act.function, act.derivative)])
    low, high = limits
    assert low <= curves.min() and curves.max() <= high  # every curve of the slider's range is in view
    margin = 0.1 * (curves.max() - curves.min())
    assert low >= curves.min() - margin and high <= curves.max() + margin  # and not lost in empty space
    assert (explorer.parameter.min, explorer.parameter.max) == PARAMETER_SLIDERS[act.parameter][:2]


@pytest.mark.parametrize("activation", [name for name, act in ACTIVATIONS.items() if not act.parameter])
def test_y_limits_of_an_activation_without_parameter_hold_its_curves(activation):
    explorer = ActivationExplorer(activation)
    f_line, df_line = _lines(explorer)
    low, high = explorer.figure.axes[0].get_ylim()
    values = np.concatenate([f_line.get_ydata(), df_line.get_ydata()])
    assert low < values.min() and values.max() < high


@pytest.mark.parametrize("other", ["identity", "leaky_relu", "tanh"])
def test_choosing_another_function_and_back_restores_the_bytes(other):
    explorer = ActivationExplorer("sigmoid", parameter=3.0)
    original = _png(explorer)
    explorer.choice.value = other
    assert _png(explorer) != original
    explorer.choice.value = "sigmoid"
    explorer.parameter.value = 3.0
    assert _png(explorer) == original


ACTIVATION_MOVES = {
    "parameter": [("parameter", 4.0)],
    "parameter twice": [("parameter", 0.1), ("parameter", 10.0)],
    "new activation": [("choice", "elu")],
    "parameter after a new activation": [("choice", "leaky_relu"), ("parameter", 1.7)],
    "no parameter": [("choice", "tanh")],
}


@pytest.mark.parametrize("moves", ACTIVATION_MOVES.values(), ids=ACTIVATION_MOVES.keys())
def test_activation_explorer_image_equals_a_full_redraw_of_the_same_state(moves):
    explorer = ActivationExplorer("sigmoid")
    np.testing.assert_array_equal(_pixels(explorer), _full_redraw(explorer.figure))
    for name, value in moves:
        getattr(explorer, name).value = value
    np.testing.assert_array_equal(_pixels(explorer), _full_redraw(explorer.figure))


def test_activation_explorer_parameter_moves_blit_and_a_new_choice_redraws_the_background(draw_count):
    explorer = ActivationExplorer("sigmoid")
    draws = draw_count(explorer)
    for value in (0.1, 5.0, 10.0):
        explorer.parameter.value = value
    assert draws == []
    explorer.choice.value = "leaky_relu"  # new y-limits and ticks
    assert len(draws) == 1
    explorer.parameter.value = 2.0
    assert len(draws) == 1
    explorer.choice.value = "sigmoid"  # back: its limits again, once more a new background
    assert len(draws) == 2 and explorer.figure.axes[0].get_ylim()[1] >= 2.5  # f' peaks at c / 4 = 2.5


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


@pytest.mark.parametrize("make", [NeuronExplorer, ActivationExplorer], ids=["neuron", "activation"])
def test_the_image_is_shown_at_the_figures_own_width_never_enlarged(make):
    explorer = make()
    width = round(explorer.figure.get_figwidth() * explorer.figure.dpi)
    assert explorer.image.layout.width == f"{width}px" and explorer.image.layout.max_width == "100%"


def test_switching_activations_never_reconfigures_a_slider_so_the_browser_cannot_clamp_a_value():
    # In the browser, changing a slider's step and range at the same time as its value let the front
    # end clamp the value to the old step and send it back (leaky_relu showed alpha = 1.00 or 0.10).
    explorer = ActivationExplorer("sigmoid")
    settings = {name: (s.min, s.max, s.step) for name, s in explorer._sliders.items()}
    for name in ("leaky_relu", "elu", "sigmoid", "tanh", "leaky_relu"):
        explorer.choice.value = name
        act = ACTIVATIONS[name]
        assert {n: (s.min, s.max, s.step) for n, s in explorer._sliders.items()} == settings
        shown = [n for n, s in explorer._sliders.items() if s.layout.display != "none"]
        assert shown == [act.parameter], f"{name} shows the sliders {shown}"
        if act.parameter:
            assert explorer.parameter.value == act.default
    assert repr(explorer) == "ActivationExplorer(activation='leaky_relu', parameter=0.01)"


# --- Bad input from issue 8: the same spellings as neuron(), and our messages --------------

def test_neuron_explorer_accepts_any_capitalisation_of_a_name_as_neuron_does():
    assert NeuronExplorer(activation=" ReLU").activation.value == "relu"


def test_activation_explorer_accepts_any_capitalisation_and_a_built_in_activation_record():
    assert ActivationExplorer("ELU").choice.value == "elu"
    assert ActivationExplorer(ACTIVATIONS["tanh"]).choice.value == "tanh"


@pytest.mark.parametrize("make", [NeuronExplorer, ActivationExplorer], ids=["neuron", "activation"])
def test_an_activation_in_a_list_asks_for_the_name_without_brackets(make):
    with pytest.raises(TypeError, match=r"^activation must be one name such as .*; got a list of names \['relu'\]\. "
                                        r"Pass the name itself, without brackets: 'relu'\.$"):
        make(activation=["relu"])


@pytest.mark.parametrize("make", [NeuronExplorer, ActivationExplorer], ids=["neuron", "activation"])
def test_a_function_as_activation_is_refused_with_where_to_try_it_instead(make):
    with pytest.raises(TypeError, match=r"^activation must be the name of one of the dropdown's functions .*"
                                        r"try your own function with neuron\(x, w, b, activation=your_function\)"):
        make(activation=np.tanh)


def test_activation_explorer_parameter_errors_name_the_parameter_argument():
    with pytest.raises(ValueError, match=r"^parameter c must be between 0\.1 and 10 \(the slider's range\); got 50\.$"):
        ActivationExplorer("sigmoid", parameter=50)


@pytest.mark.parametrize("make", [lambda: NeuronExplorer(), lambda: ActivationExplorer()], ids=["neuron", "activation"])
def test_two_controls_moved_at_once_from_two_threads_redraw_one_after_the_other(make):
    # JupyterLab with ipykernel 7 runs widget callbacks on subshell threads as well as the main thread;
    # matplotlib's canvas drawn by two at once gave corrupted frames in the browser.
    import threading
    import time

    explorer, active, overlap = make(), [0], []
    redraw = explorer._redraw

    def slow_redraw():
        active[0] += 1
        overlap.append(active[0])
        time.sleep(0.05)
        redraw()
        active[0] -= 1

    explorer._redraw = slow_redraw
    threads = [threading.Thread(target=explorer.update) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlap == [1, 1]


def test_each_explorer_describes_its_figure_in_words_that_follow_the_controls():
    # ipywidgets' Image has no alt text: a collapsed description under it, rewritten at every redraw.
    neuron = NeuronExplorer(w1=1.0, w2=1.0, b=0.0, activation="sigmoid")
    assert "sigmoid neuron with w = (1, 1), b = 0" in neuron.description.value
    neuron.activation.value = "relu"
    assert "relu neuron" in neuron.description.value and "<summary>describe the figure</summary>" in neuron.description.value
    activation = ActivationExplorer("leaky_relu")
    assert activation.description.value.count("leaky_relu (α = 0.01)") == 1
    activation.parameter.value = 0.5
    assert "leaky_relu (α = 0.5)" in activation.description.value
