"""Tests for course_lib.plotting: what each figure shows, not only that it draws."""

import base64
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")  # here, not through MPLBACKEND, which would leak into the notebook kernels

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from course_lib.activations import ACTIVATIONS, get_activation
from course_lib.plotting import (
    OKABE_ITO,
    FunctionPlot,
    colour_scale,
    decision_line_equation,
    plot_activation_grid,
    plot_function_and_derivative,
    plot_neuron_plane,
    style,
)

NINE = ["identity", "binary_step", "sigmoid", "tanh", "arctan", "relu", "leaky_relu", "elu", "softplus"]


def _visible_axes(fig):
    return [ax for ax in fig.axes if ax.get_visible()]


def _plane_parts(fig):
    """The image, the decision line and the main axes of a plot_neuron_plane figure."""
    ax = fig.axes[0]
    return ax.images[0], ax.lines[0], ax


def _pixel_centres(image):
    """The (x1, x2) coordinates of every pixel centre of an imshow image with origin='lower'."""
    left, right, bottom, top = image.get_extent()
    n_rows, n_cols = image.get_array().shape
    x1 = left + (np.arange(n_cols) + 0.5) * (right - left) / n_cols
    x2 = bottom + (np.arange(n_rows) + 0.5) * (top - bottom) / n_rows
    return np.meshgrid(x1, x2)


def test_palette_is_okabe_ito_eight_valid_colours():
    assert len(OKABE_ITO) == 8 and len(set(OKABE_ITO)) == 8
    assert OKABE_ITO[0] == "#000000" and "#E69F00" in OKABE_ITO and "#0072B2" in OKABE_ITO
    assert all(mcolors.is_color_like(c) for c in OKABE_ITO)


def test_style_sets_labels_readable_fonts_and_zero_lines():
    fig, ax = plt.subplots()
    plt.close(fig)
    assert style(ax, "title", "z", "f(z)") is ax
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("title", "z", "f(z)")
    assert ax.title.get_fontsize() >= 12 and ax.xaxis.label.get_fontsize() >= 12
    assert len(ax.lines) == 2  # the light-grey lines z = 0 and f = 0


def test_plot_functions_return_figures_already_closed_by_pyplot():
    before = plt.get_fignums()
    figures = [plot_activation_grid(), plot_function_and_derivative("relu"), plot_neuron_plane([1, 1], -1)]
    assert all(isinstance(fig, Figure) for fig in figures)
    assert plt.get_fignums() == before  # no double display in a notebook, no "20 figures" warning


def test_figures_fit_a_16_9_slide():
    for fig in [plot_activation_grid(), plot_function_and_derivative("tanh"), plot_neuron_plane([1, 1], 0)]:
        width, height = fig.get_size_inches()
        assert width <= 10 and height <= 5.5


def test_activation_grid_has_nine_panels_titled_with_the_names_in_order():
    fig = plot_activation_grid()
    axes = _visible_axes(fig)
    assert len(axes) == 9
    assert [ax.get_title().split(" (")[0] for ax in axes] == NINE
    assert axes[6].get_title() == "leaky_relu (α = 0.5)"  # the alpha of the source figure
    assert fig.axes[0].get_gridspec().get_geometry() == (3, 3)


def test_activation_grid_labels_z_on_bottom_row_and_f_of_z_on_left_column():
    axes = _visible_axes(plot_activation_grid())
    for i, ax in enumerate(axes):
        assert ax.get_xlabel() == ("z" if i >= 6 else "")
        assert ax.get_ylabel() == ("f(z)" if i % 3 == 0 else "")


def test_activation_grid_curves_are_the_registry_functions():
    for name, ax in zip(NINE, _visible_axes(plot_activation_grid(x_range=(-2, 3)))):
        z, y = ax.lines[0].get_data()  # the curve is drawn first, the zero lines after it
        kwargs = {"alpha": 0.5} if name == "leaky_relu" else {}
        assert z[0] == -2 and z[-1] == 3
        np.testing.assert_allclose(y, ACTIVATIONS[name].function(z, **kwargs))


def test_activation_grid_with_four_names_uses_two_rows_and_labels_the_last_panels():
    fig = plot_activation_grid(["relu", "tanh", "sigmoid", "elu"])
    axes = _visible_axes(fig)
    assert [ax.get_title().split(" (")[0] for ax in axes] == ["relu", "tanh", "sigmoid", "elu"]
    assert len(fig.axes) == 6  # two hidden
    assert [ax.get_xlabel() for ax in axes] == ["", "z", "z", "z"]  # each column's lowest panel


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"names": ["relu", "swish"]}, ValueError, r"names\[1\] must be one of .*; got 'swish'"),
        ({"names": "relu"}, TypeError, "names must be a non-empty list"),
        ({"names": []}, TypeError, "names must be a non-empty list"),
        ({"x_range": (5, -5)}, ValueError, "low < high"),
        ({"x_range": 5}, TypeError, "pair"),
    ],
)
def test_activation_grid_rejects_bad_arguments_clearly(kwargs, error, message):
    before = plt.get_fignums()
    with pytest.raises(error, match=message):
        plot_activation_grid(**kwargs)
    assert plt.get_fignums() == before


def test_function_and_derivative_lines_are_f_and_f_prime_with_the_parameter():
    fig = plot_function_and_derivative("sigmoid", parameter=2.0, x_range=(-3, 3))
    ax = fig.axes[0]
    z, f = ax.lines[0].get_data()
    np.testing.assert_allclose(f, get_activation("sigmoid").function(z, c=2.0))
    np.testing.assert_allclose(ax.lines[1].get_ydata(), get_activation("sigmoid").derivative(z, c=2.0))
    assert ax.get_title() == "sigmoid (c = 2)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["f(z)", "f′(z)"]
    assert ax.get_xlabel() == "z" and ax.get_ylabel()


def test_function_and_derivative_title_shows_default_parameter_or_only_the_name():
    assert plot_function_and_derivative("leaky_relu").axes[0].get_title() == "leaky_relu (α = 0.01)"
    assert plot_function_and_derivative("tanh").axes[0].get_title() == "tanh"


def test_function_and_derivative_y_axis_fits_the_curves():
    ax = plot_function_and_derivative("elu", parameter=2.0).axes[0]
    low, high = ax.get_ylim()
    assert low <= -2.0 * (1 - np.exp(-5)) and high >= 5.0


def test_function_and_derivative_draws_on_a_given_axes():
    fig, (left, right) = plt.subplots(1, 2)
    plt.close(fig)
    assert plot_function_and_derivative("relu", ax=right) is fig
    assert len(left.lines) == 0 and right.get_title() == "relu"


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        (("tanh",), {"parameter": 0.5}, "tanh has no parameter"),
        (("swish",), {}, "name must be one of .*; got 'swish'"),
        ((np.sin,), {}, r"name must have a known derivative; sin has none"),
        (("sigmoid",), {"parameter": "big"}, "c must be a real number"),
    ],
)
def test_function_and_derivative_rejects_bad_arguments_clearly(args, kwargs, message):
    before = plt.get_fignums()
    with pytest.raises((ValueError, TypeError), match=message):
        plot_function_and_derivative(*args, **kwargs)
    assert plt.get_fignums() == before  # no half-drawn figure left open


@pytest.mark.parametrize("activation", ["sigmoid", "binary_step", "relu", "identity", "tanh"])
def test_neuron_plane_image_is_f_of_w_dot_x_plus_b_at_each_pixel(activation):
    w, b = (1.5, -0.5), 0.25
    image, _, _ = _plane_parts(plot_neuron_plane(w, b, activation))
    x1, x2 = _pixel_centres(image)
    expected = get_activation(activation).function(w[0] * x1 + w[1] * x2 + b)
    np.testing.assert_allclose(image.get_array(), expected)


@pytest.mark.parametrize("w, b", [((1, 1), -1), ((2, -0.5), 0.3), ((-0.2, 3), 1.0), ((0.1, 0.1), 0.0)])
def test_neuron_plane_decision_line_lies_where_w_dot_x_plus_b_is_zero(w, b):
    _, line, ax = _plane_parts(plot_neuron_plane(w, b))
    x1, x2 = (np.asarray(d, dtype=float) for d in line.get_data())
    assert x1.size >= 2
    np.testing.assert_allclose(w[0] * x1 + w[1] * x2 + b, 0.0, atol=1e-12)
    assert (x1.min(), x1.max()) == ax.get_xlim()  # crosses the whole plot


def test_neuron_plane_decision_line_is_vertical_when_w2_is_zero():
    _, line, _ = _plane_parts(plot_neuron_plane([2, 0], 1, "binary_step"))
    x1, x2 = line.get_data()
    np.testing.assert_allclose(x1, [-0.5, -0.5])
    assert min(x2) == -3 and max(x2) == 3


def test_neuron_plane_without_weights_draws_no_line_and_says_so():
    _, line, ax = _plane_parts(plot_neuron_plane([0, 0], 1, "relu"))
    assert len(line.get_xdata()) == 0
    assert "no decision line" in ax.get_title()
    assert not ax.get_legend().get_visible()


def test_neuron_plane_is_labelled_and_uses_a_colour_blind_safe_map():
    fig = plot_neuron_plane([1, 1], -1)
    image, _, ax = _plane_parts(fig)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("$x_1$", "$x_2$")
    assert ax.get_title() == "sigmoid neuron: w = (1, 1), b = −1"
    assert image.get_cmap().name == "cividis"
    assert fig.axes[1].get_ylabel() == "output a"  # the colour bar
    assert image.get_clim() == (0.0, 1.0)  # the sigmoid's whole range, whatever the weights


@pytest.mark.parametrize(
    "activation, limits, extend",
    [("sigmoid", (0, 1), "neither"), ("binary_step", (0, 1), "neither"), ("tanh", (-1, 1), "neither"),
     ("identity", (-6, 6), "both"), ("relu", (0, 6), "max")],
)
def test_neuron_plane_colours_depend_on_the_activation_only(activation, limits, extend):
    for w, b in [((1, 1), -1), ((3, -3), 3), ((0.1, 0.2), 0.0), ((0, 0), -2.5)]:
        image, _, _ = _plane_parts(plot_neuron_plane(w, b, activation))
        assert image.get_clim() == limits  # bounded: its range; unbounded: a fixed window, the same for any w, b
        assert image.colorbar.extend == extend  # triangles where values beyond the window take the end colour
        assert (image.colorbar.vmin, image.colorbar.vmax) == limits


def test_colour_scale_window_of_an_unbounded_function_follows_the_extent_and_its_ends():
    image, _, _ = _plane_parts(plot_neuron_plane([1, 1], 0, "identity", extent=(-1, 2)))
    assert image.get_clim() == (-4, 4)  # |z| <= 2 * 2: the net input of w = (1, 1) over the square
    assert colour_scale(lambda z: -np.asarray(z, dtype=float)) == (-6, 6, "both")
    low, high, extend = colour_scale(np.exp)  # exp(-inf) = 0 is a true bound, +inf is not
    assert (low, extend) == (0, "max") and high == pytest.approx(np.exp(6))
    assert colour_scale("arctan")[:2] == pytest.approx((-np.pi / 2, np.pi / 2))


def test_function_plot_y_limits_hold_the_curves_of_every_parameter_with_a_small_margin():
    fig, ax = plt.subplots()
    plt.close(fig)
    plot = FunctionPlot(ax)
    assert plot.y_limits("relu") == pytest.approx((-0.25, 5.25))  # f in [0, 5], f' in [0, 1], 5 % margin
    low, high = plot.y_limits("sigmoid", [0.5, 4.0])
    assert low == pytest.approx(-0.05) and high == pytest.approx(1.05)  # f' peaks at c / 4 = 1 for c = 4
    ax.set_ylim(low, high)
    plot.set("sigmoid", 2.0, autoscale=False)
    assert ax.get_ylim() == (low, high) and ax.get_title() == "sigmoid (c = 2)"


def test_neuron_plane_shows_the_extent_asked_for():
    image, _, ax = _plane_parts(plot_neuron_plane([1, 1], 0, extent=(-1, 2)))
    assert tuple(image.get_extent()) == (-1, 2, -1, 2)
    assert ax.get_xlim() == (-1, 2) and ax.get_ylim() == (-1, 2)


@pytest.mark.parametrize(
    "args, kwargs, error, message",
    [
        (([1, 1, 1], 0), {}, ValueError, "w must hold two weights"),
        (([1, 1], "zero"), {}, TypeError, "b must be a real number"),
        (([1, 1], 0), {"activation": "swish"}, ValueError, "activation must be one of"),
        (([1, 1], 0), {"extent": (3, -3)}, ValueError, "low < high"),
    ],
)
def test_neuron_plane_rejects_bad_arguments_clearly(args, kwargs, error, message):
    before = plt.get_fignums()
    with pytest.raises(error, match=message):
        plot_neuron_plane(*args, **kwargs)
    assert plt.get_fignums() == before


def test_decision_line_equation_solves_for_x2_and_handles_special_cases():
    assert decision_line_equation([0.5, -2], 1).endswith("x₂ = 0.25·x₁ + 0.5")
    assert "vertical" in decision_line_equation([2, 0], 1)
    assert decision_line_equation([0, 0], 0).startswith("no decision line")


# --- Bad input from issue 8 ---------------------------------------------------------------

from course_lib.plotting import FunctionPlot, NeuronPlane, colour_scale, style  # noqa: E402


def _ax():
    return Figure().add_subplot()


def test_decision_line_equation_with_a_tiny_w2_gives_a_practically_vertical_line_without_warning():
    text = decision_line_equation([1.0, 1e-320], 1.0)
    assert text.endswith("x₁ ≈ −1 (practically vertical: w₂ is tiny next to w₁)")


def test_decision_line_equation_with_both_weights_tiny_says_the_line_is_out_of_range():
    assert decision_line_equation([1e-320, 1e-320], 1.0).endswith("no line within the float range: z has the sign of b everywhere")


def test_decision_line_equation_refuses_infinite_weights():
    with pytest.raises(ValueError, match=r"^w must be finite; got inf at w\[0\]"):
        decision_line_equation([np.inf, 1.0], 0.0)


def test_neuron_plane_with_a_tiny_w2_draws_a_vertical_line():
    plane = NeuronPlane(_ax(), n_pixels=10).set([1.0, 1e-320], -1.0)
    assert list(plane.line.get_xdata()) == [1.0, 1.0]


def test_neuron_plane_whose_net_input_overflows_is_refused_with_the_weights_named():
    with pytest.raises(ValueError, match=r"^w and b must keep the net input .* below 1\.8e\+308 over the extent"):
        NeuronPlane(_ax(), extent=(-1e100, 1e100), n_pixels=10).set([1e300, 1e300], 0.0)


@pytest.mark.parametrize("x_range", [(-1e308, 1e308), (-np.finfo(float).max, 0.0), (0.0, 1e300)])
def test_ranges_near_the_largest_float_are_refused_before_any_overflow(x_range):
    with pytest.raises(ValueError, match=r"^x_range must lie within ±1e\+100; got "):
        plot_function_and_derivative("relu", x_range=x_range)
    with pytest.raises(ValueError, match=r"^extent must lie within ±1e\+100; got "):
        plot_neuron_plane([1, 1], 0, extent=x_range)


def test_ranges_up_to_1e100_draw_without_warning():
    plot_function_and_derivative("identity", x_range=(-1e100, 1e100)).canvas.draw()
    plot_neuron_plane([1, 1], 0, "identity", extent=(-1e100, 1e100)).canvas.draw()


@pytest.mark.parametrize("z_max, error, message", [
    ("6", TypeError, r"^z_max must be a real number; got str '6'\. Write the number without quotes: 6\.$"),
    (0, ValueError, r"^z_max must be greater than 0; got 0\.$"),
    (-6, ValueError, r"^z_max must be greater than 0"),
    (np.inf, ValueError, r"^z_max must be finite"),
    (1e308, ValueError, r"^z_max must be at most 1e\+300"),
])
def test_colour_scale_refuses_a_z_max_that_is_text_zero_negative_or_huge(z_max, error, message):
    with pytest.raises(error, match=message):
        colour_scale("relu", z_max=z_max)
    with pytest.raises(error, match=message):
        NeuronPlane(_ax(), z_max=z_max)


@pytest.mark.parametrize("n_pixels, error", [(0, ValueError), (1, ValueError), (-5, ValueError), (2.5, TypeError),
                                             ("many", TypeError), (10**6, ValueError)])
def test_neuron_plane_refuses_n_pixels_that_would_give_an_empty_or_huge_image(n_pixels, error):
    with pytest.raises(error, match=r"^n_pixels must be "):
        NeuronPlane(_ax(), n_pixels=n_pixels)


@pytest.mark.parametrize("n_points, error", [(0, ValueError), ("many", TypeError), (None, TypeError)])
def test_function_plot_refuses_bad_n_points(n_points, error):
    with pytest.raises(error, match=r"^n_points must be "):
        FunctionPlot(_ax(), n_points=n_points)


def test_an_array_of_axes_as_ax_says_to_pass_one_of_them():
    fig, axes = plt.subplots(1, 2)
    plt.close(fig)
    for call in (lambda: plot_neuron_plane([1, 1], 0, ax=axes), lambda: plot_function_and_derivative("relu", ax=axes),
                 lambda: style(axes)):
        with pytest.raises(TypeError, match=r"^ax must be one matplotlib Axes .*got an array of 2 Axes of shape \(2,\)\. "
                                            r"Pass one of them, e\.g\. ax=axes\[0\]\.$"):
            call()


def test_style_accepts_a_numpy_bool_for_zero_lines():
    ax = _ax()
    style(ax, zero_lines=np.bool_(False))
    assert not ax.lines


def test_a_student_activation_is_drawn_through_the_checked_call():
    def forgot(z):
        np.tanh(z)

    with pytest.raises(TypeError, match=r"^activation must return an array of numbers; it returned None"):
        plot_neuron_plane([1, 1], 0, activation=forgot)
    fig = plot_neuron_plane([1, 1], 0, activation=np.tanh)
    assert fig.axes[0].images[0].get_clim() == (-1.0, 1.0)


def test_colour_scale_of_a_student_function_that_fails_at_infinity_still_works():
    def odd(z):
        if np.isinf(z).any():
            raise ValueError("no infinity here")
        return np.tanh(z)

    assert colour_scale(odd, z_max=6.0)[2] == "both"  # no known limits: triangles at both ends


def test_function_plot_parameter_is_named_and_bounded():
    with pytest.raises(TypeError, match=r"^parameter c must be a real number; got str 'big'"):
        plot_function_and_derivative("sigmoid", parameter="big")
    with pytest.raises(ValueError, match=r"^parameter alpha must be at most 1e\+06"):
        plot_function_and_derivative("elu", parameter=1e300)
    plot = FunctionPlot(_ax(), n_points=11)
    with pytest.raises(TypeError, match=r"^parameters must be a non-empty list"):
        plot.y_limits("elu", parameters=0.5)
    with pytest.raises(TypeError, match=r"^parameters\[1\] \(alpha\) must be a real number"):
        plot.y_limits("elu", parameters=[None, "x"])
    with pytest.raises(TypeError, match=r"^autoscale must be True or False"):
        plot.set("elu", autoscale="no")


# --- Alt text: every figure of course_lib.plotting describes itself from its own data ---------------

from course_lib import plotting as _plotting  # noqa: E402  (appended section; the imports above are shared)


def _alt(fig) -> str:
    """The description a notebook stores with the figure's PNG, checked to be its plain text too."""
    data, metadata = fig._repr_mimebundle_()
    assert data == {"text/plain": metadata["image/png"]["alt"]}
    return metadata["image/png"]["alt"]


def test_the_activation_grid_names_every_panel_and_the_range():
    alt = _alt(_plotting.plot_activation_grid())
    assert alt.startswith("9 activation functions f(z) for z from −5 to 5, one panel each: identity, binary_step, ")
    assert "sigmoid (c = 1)" in alt and "leaky_relu (α = 0.5)" in alt and alt.endswith("softplus.")
    alt = _alt(_plotting.plot_activation_grid(["relu"], x_range=(-2, 3)))
    assert alt == "1 activation function f(z) for z from −2 to 3, one panel each: relu."


@pytest.mark.parametrize("name, parameter, expected", [
    ("sigmoid", None, "sigmoid (c = 1) for z from −5 to 5: f(z), solid, goes from 0.01 at z = −5 to 0.99 at z = 5; "
                      "f′(z), dashed, lies between 0.01 and 0.25, largest at z = 0."),
    ("sigmoid", 2.0, "sigmoid (c = 2) for z from −5 to 5: f(z), solid, goes from 0 at z = −5 to 1 at z = 5; "
                     "f′(z), dashed, lies between 0 and 0.5, largest at z = 0."),
    ("binary_step", None, "binary_step for z from −5 to 5: f(z), solid, goes from 0 at z = −5 to 1 at z = 5; "
                          "f′(z), dashed, is 0 throughout."),
])
def test_a_function_plot_describes_its_curves(name, parameter, expected):
    assert _alt(_plotting.plot_function_and_derivative(name, parameter)) == expected


def test_a_function_plot_says_where_a_flat_derivative_is_largest():
    alt = _alt(_plotting.plot_function_and_derivative("relu", x_range=(-1, 4)))
    assert "for z from −1 to 4" in alt and "lies between 0 and 1, largest for z from 0.01 to 4." in alt


@pytest.mark.parametrize("w, b, activation, expected", [
    ([1, 1], -1, "sigmoid", "decision line 1·x₁ + 1·x₂ − 1 = 0, i.e. x₂ = −1·x₁ + 1, with z > 0 above it."),
    ([1, -2], 0.5, "binary_step", "decision line 1·x₁ − 2·x₂ + 0.5 = 0, i.e. x₂ = 0.5·x₁ + 0.25, with z > 0 below it."),
    ([2, 0], 1, "relu", "decision line 2·x₁ + 0·x₂ + 1 = 0, i.e. x₁ = −0.5 (a vertical line), with z > 0 to the right of it."),
    ([-1, 0], 0, "tanh", "i.e. x₁ = 0 (a vertical line), with z > 0 to the left of it."),
    ([0, 0], 1, "tanh", "a is 0.76 everywhere, coloured dark to light from −1 to 1; no decision line: w₁ = w₂ = 0, "
                        "so z = b everywhere."),
])
def test_a_neuron_plane_describes_the_neuron_its_outputs_and_the_line(w, b, activation, expected):
    alt = _alt(_plotting.plot_neuron_plane(w, b, activation))
    assert alt.startswith(f"Output a of a {activation} neuron with w = ") and alt.endswith(expected), alt


def test_a_neuron_plane_gives_the_range_of_its_outputs_and_colours():
    alt = _alt(_plotting.plot_neuron_plane([2, 0], 1, "relu", extent=(-1, 2)))  # top pixel centre: x₁ = 1.99
    assert "over x₁ and x₂ from −1 to 2: a goes from 0 to 4.98, coloured dark to light from 0 to 4;" in alt


def test_a_figure_without_a_description_shows_as_any_figure():
    from course_lib.plotting._core import DescribedFigure

    assert DescribedFigure()._repr_mimebundle_() == ({}, {})


def test_a_plot_drawn_on_given_axes_returns_that_figure_unchanged():
    fig, ax = plt.subplots()
    plt.close(fig)
    assert _plotting.plot_neuron_plane([1, 1], 0, ax=ax) is fig and type(fig) is Figure


# --- Alt text in JupyterLab: the figure's text/html is an <img> whose alt is the description -------

class _Imgs(HTMLParser):
    """The attributes of every <img> of a piece of HTML."""

    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def _images(markup: str) -> list[dict]:
    parser = _Imgs()
    parser.feed(markup)
    return parser.images


@pytest.mark.parametrize("description", [
    'A "quoted" name, an apostrophe\'s, x < 0 & y > 1.',
    "<script>alert(1)</script> is text here",
    "Output a of a sigmoid neuron with w = (1, −2): x₂ = 0.5·x₁ + 0.25",
])
def test_the_html_image_carries_the_description_escaped_as_its_alt(description):
    from course_lib.plotting._core import described_image_html

    markup = described_image_html(b"\x89PNG\r\n\x1a\n", {}, description)
    assert "<script>" not in markup and markup.count("<") == 1  # the only tag is the <img> itself
    (image,) = _images(markup)
    assert image == {"alt": description, "src": "data:image/png;base64,iVBORw0KGgo="}


def test_base64_from_the_inline_formatter_is_used_as_it_is_and_a_retina_size_kept():
    from course_lib.plotting._core import described_image_html

    (image,) = _images(described_image_html("iVBORw0KGgo=\n", {"width": 320, "height": 240.0}, "x"))
    assert image == {"alt": "x", "width": "320", "height": "240", "src": "data:image/png;base64,iVBORw0KGgo="}


def test_a_displayed_figure_adds_an_html_image_of_its_png_with_the_description(monkeypatch):
    from course_lib.plotting import _core

    shown = []
    monkeypatch.setattr(_core, "_inline_png", lambda fig: shown.append(fig) or (b"PNG", {}))
    fig = _plotting.plot_function_and_derivative("tanh")
    data, metadata = fig._repr_mimebundle_()
    assert shown == [fig]
    (image,) = _images(data["text/html"])
    assert image == {"alt": fig.description, "src": "data:image/png;base64,UE5H"}
    assert data["text/plain"] == metadata["image/png"]["alt"] == fig.description


def _ipython_with_a_png_formatter(monkeypatch, drawn):
    """A display formatter whose image/png printer for figures counts what it draws, as IPython's shell."""
    from types import SimpleNamespace

    from IPython.core.formatters import DisplayFormatter

    formatter = DisplayFormatter()
    formatter.formatters["image/png"].for_type(Figure, lambda fig: drawn.append(fig) or b"the inline PNG")
    monkeypatch.setattr("IPython.get_ipython", lambda: SimpleNamespace(display_formatter=formatter))
    return formatter


def test_under_ipython_the_png_is_drawn_once_and_stored_once_in_the_html(monkeypatch):
    drawn = []
    formatter = _ipython_with_a_png_formatter(monkeypatch, drawn)
    fig = _plotting.plot_neuron_plane([1, 1], -1)
    for _ in range(2):  # shown twice: the same, each time
        bundle, metadata = formatter.format(fig)
        assert set(bundle) == {"text/plain", "text/html"}  # no image/png beside the one in the HTML
        (image,) = _images(bundle["text/html"])
        assert image["alt"] == fig.description == metadata["image/png"]["alt"] == bundle["text/plain"]
        assert image["src"] == "data:image/png;base64," + base64.b64encode(b"the inline PNG").decode()
    assert drawn == [fig, fig]


def test_under_ipython_other_figures_keep_their_png(monkeypatch):
    from course_lib.plotting._core import DescribedFigure

    drawn = []
    formatter = _ipython_with_a_png_formatter(monkeypatch, drawn)
    formatter.format(_plotting.plot_activation_grid(["relu"]))  # registers the described figures' printer
    plain, undescribed = Figure(), DescribedFigure()
    for fig in (plain, undescribed):
        bundle, _ = formatter.format(fig)
        assert bundle["image/png"] == b"the inline PNG" and "text/html" not in bundle
    assert drawn[1:] == [plain, undescribed]


def test_where_figures_are_not_shown_as_png_there_is_no_html_image(monkeypatch):
    drawn = []
    formatter = _ipython_with_a_png_formatter(monkeypatch, drawn)
    formatter.formatters["image/png"].pop(Figure)  # e.g. %config InlineBackend.figure_formats = ["svg"]
    bundle, metadata = formatter.format(_plotting.plot_activation_grid(["relu"]))
    assert set(bundle) == {"text/plain"} and drawn == []


def test_a_figure_outside_ipython_is_not_drawn_for_an_html_image():
    from course_lib.plotting._core import _inline_png

    assert _inline_png(_plotting.plot_activation_grid(["relu"])) is None
