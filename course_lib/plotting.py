r"""Figures for the lessons, one call each, styled for a projector.

Every ``plot_*`` function returns a :class:`matplotlib.figure.Figure`; a notebook
cell whose last line is the call shows it once. Colours come from the
Okabe–Ito palette and images use ``cividis``, both readable with any colour
vision; fonts are 11–14 pt and figures fit a 16:9 slide (at most 10 × 5.5 in).

The artists of :func:`plot_neuron_plane` and :func:`plot_function_and_derivative`
are drawn by two small classes, :class:`NeuronPlane` and :class:`FunctionPlot`,
which can also update them in place: :mod:`course_lib.widgets` redraws with them.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from course_lib._validation import LARGEST, as_axes, as_bool, as_int, as_interval, as_real, as_vector
from course_lib.activations import _evaluate, _lookup, get_activation

__all__ = [
    "OKABE_ITO", "COLORS", "style", "decision_line_equation",
    "plot_activation_grid", "plot_function_and_derivative", "plot_neuron_plane",
    "NeuronPlane", "FunctionPlot", "colour_scale",
]

OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
"""Okabe & Ito's colour-blind-safe palette: black, orange, sky blue, bluish green,
yellow, blue, vermillion, reddish purple."""
COLORS = {"function": "#0072B2", "derivative": "#D55E00", "line": "#D55E00", "zero": "0.82"}
CMAP = "cividis"  # perceptually uniform and colour-blind safe
TITLE_SIZE, LABEL_SIZE, TICK_SIZE = 14, 13, 12
GRID_NAMES = ("identity", "binary_step", "sigmoid", "tanh", "arctan", "relu", "leaky_relu", "elu", "softplus")
GRID_PARAMETERS = {"leaky_relu": 0.5}  # alpha = 0.5, as in the figure of lesson 02


def style(ax, title=None, xlabel=None, ylabel=None, *, zero_lines=True):
    """Give ``ax`` the course's font sizes, labels and light-grey zero lines; return ``ax``."""
    ax, zero_lines = as_axes(ax), as_bool(zero_lines, "zero_lines")
    if title is not None:
        ax.set_title(title, fontsize=TITLE_SIZE)
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    if zero_lines:
        ax.axhline(0.0, color=COLORS["zero"], linewidth=1.0, zorder=0)
        ax.axvline(0.0, color=COLORS["zero"], linewidth=1.0, zorder=0)
    return ax


def _num(value: float) -> str:
    """``value`` rounded for a title: 1.0 -> '1', -0.25 -> '−0.25' (with a true minus sign)."""
    text = f"{round(float(value), 2) + 0.0:g}"  # + 0.0 turns -0.0 into 0.0
    return text.replace("-", "\u2212")


class DescribedFigure(Figure):
    """A figure that carries a short description of what it shows, written from its data.

    A notebook shows it as usual (the inline backend adds the PNG); the description becomes
    its plain-text form and the PNG's ``alt`` text (``output.metadata['image/png']['alt']``),
    which the course's slides and handouts put on the ``<img>``.
    """

    description = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        if not self.description:
            return {}, {}
        return {"text/plain": self.description}, {"image/png": {"alt": self.description}}


def _from_to(values, x) -> str:
    """'from 0.01 at z = −5 to 0.99 at z = 5': the first and last finite ``values`` over ``x``."""
    finite = np.flatnonzero(np.isfinite(values))
    if not finite.size:
        return "not finite"
    first, last = finite[0], finite[-1]
    return f"from {_num(values[first])} at z = {_num(x[first])} to {_num(values[last])} at z = {_num(x[last])}"


def _describe_function_plot(plot) -> str:
    """One sentence on what a :class:`FunctionPlot` shows now, from its lines' data."""
    z, f, df = plot.z, np.asarray(plot.f_line.get_ydata(), float), np.asarray(plot.df_line.get_ydata(), float)
    text = f"{plot.ax.title.get_text()} for z from {_num(z[0])} to {_num(z[-1])}: f(z), solid, goes {_from_to(f, z)}"
    finite = np.isfinite(df)
    if finite.any():
        bottom, top = np.min(df[finite]), np.max(df[finite])
        at = z[finite & np.isclose(df, top)]
        where = f"at z = {_num(at[0])}" if at.size == 1 else f"for z from {_num(at[0])} to {_num(at[-1])}"
        text += (f"; f\u2032(z), dashed, is {_num(top)} throughout" if np.isclose(bottom, top) else
                 f"; f\u2032(z), dashed, lies between {_num(bottom)} and {_num(top)}, largest {where}")
    return text + "."


def _describe_neuron_plane(plane, w, b, activation) -> str:
    """One sentence on what a :class:`NeuronPlane` shows for ``w``, ``b`` and ``activation``."""
    (w1, w2), b, act = _check_w(w), float(b), get_activation(activation)
    a = np.asarray(plane.image.get_array(), dtype=float)
    low, high = plane.image.get_clim()
    text = (f"Output a of a {act.name} neuron with w = ({_num(w1)}, {_num(w2)}), b = {_num(b)}, over x\u2081 and x\u2082 "
            f"from {_num(plane.low)} to {_num(plane.high)}: ")
    a_low, a_high = np.nanmin(a), np.nanmax(a)
    text += f"a is {_num(a_low)} everywhere" if a_low == a_high else f"a goes from {_num(a_low)} to {_num(a_high)}"
    text += f", coloured dark to light from {_num(low)} to {_num(high)}; "
    equation = " ".join(decision_line_equation(w, b).split())
    if w1 == 0.0 and w2 == 0.0:
        return text + equation + "."
    side = ("above" if w2 > 0 else "below") if w2 != 0.0 else ("to the right of" if w1 > 0 else "to the left of")
    return text + f"decision line {equation}, with z > 0 {side} it."


def _check_range(value, name: str) -> tuple[float, float]:
    """``value`` as a pair of finite reals ``(low, high)`` with ``low < high``, within ±``MAX_COORDINATE``."""
    return as_interval(value, name, limit=MAX_COORDINATE)


MAX_COORDINATE = 1e100  # matplotlib's autoscaling overflows for data near 1e300
MAX_PARAMETER = 1e6  # |c| or |alpha| beyond this draws nothing new, and the curves could overflow


def _parameter_kwargs(act, parameter, name: str = "parameter") -> dict:
    """Keyword arguments for ``act.function``: ``{}`` or ``{act.parameter: value}``."""
    if act.parameter is None:
        if parameter is not None:
            raise ValueError(f"{act.name} has no parameter; got {name}={parameter!r}. Leave {name}=None.")
        return {}
    label = f"{name} {act.parameter}" if name == "parameter" else f"{name} ({act.parameter})"
    value = act.default if parameter is None else as_real(
        parameter, label, minimum=-MAX_PARAMETER, maximum=MAX_PARAMETER)
    return {act.parameter: value}


def _title(act, kwargs: dict) -> str:
    """'sigmoid (c = 1)' or 'tanh'."""
    name = act.parameter.replace("alpha", "\u03b1") if act.parameter else ""
    return f"{act.name} ({name} = {_num(kwargs[act.parameter])})" if kwargs else act.name


def _check_w(w) -> np.ndarray:
    """``w`` as the two weights ``(w1, w2)`` of a two-input neuron."""
    w = as_vector(w, "w", length_name="2", finite=True)
    if w.size != 2:
        raise ValueError(f"w must hold two weights (w1, w2) for the two inputs x1, x2; got {w.size}.")
    return w


def decision_line_equation(w, b) -> str:
    r"""The decision line :math:`w_1 x_1 + w_2 x_2 + b = 0` as text, solved for :math:`x_2` when possible.

    >>> decision_line_equation([1, 1], -1)
    '1·x₁ + 1·x₂ − 1 = 0,  i.e.  x₂ = −1·x₁ + 1'
    >>> decision_line_equation([2, 0], 1)
    '2·x₁ + 0·x₂ + 1 = 0,  i.e.  x₁ = −0.5 (a vertical line)'
    >>> decision_line_equation([0, 0], 1)
    'no decision line: w₁ = w₂ = 0, so z = b everywhere'

    A weight so small next to the other that solving for :math:`x_2` would leave the float
    range gives the practically vertical (or, with both tiny, unreachable) line instead.
    """
    (w1, w2), b = (float(v) for v in _check_w(w)), as_real(b, "b")  # Python floats: no overflow warnings
    if w1 == 0.0 and w2 == 0.0:
        return "no decision line: w\u2081 = w\u2082 = 0, so z = b everywhere"

    def signed(v):  # ' + 1' or ' − 1'
        return f" {'−' if v < 0 else '+'} {_num(abs(v))}"

    equation = f"{_num(w1)}·x\u2081{signed(w2)}·x\u2082{signed(b)} = 0"
    slope, intercept = (-w1 / w2, -b / w2) if w2 != 0.0 else (math.inf, math.inf)
    if math.isfinite(slope) and math.isfinite(intercept):
        return f"{equation},  i.e.  x\u2082 = {_num(slope)}·x\u2081{signed(intercept)}"
    where = -b / w1 if w1 != 0.0 else math.inf
    if not math.isfinite(where):
        return f"{equation},  i.e.  no line within the float range: z has the sign of b everywhere"
    if w2 == 0.0:
        return f"{equation},  i.e.  x\u2081 = {_num(where)} (a vertical line)"
    return f"{equation},  i.e.  x\u2081 ≈ {_num(where)} (practically vertical: w\u2082 is tiny next to w\u2081)"


class FunctionPlot:
    """The lines of an activation ``f`` and its derivative ``f'`` on ``ax``; :meth:`set` redraws them.

    ``f_line``, ``df_line`` and ``legend`` are the artists, ``z`` the x values of both lines.
    """

    def __init__(self, ax, x_range=(-5, 5), n_points=401):
        self.ax = ax = as_axes(ax)
        n_points = as_int(n_points, "n_points", minimum=2, maximum=100_000)
        self.z = np.linspace(*_check_range(x_range, "x_range"), n_points)
        (self.f_line,) = ax.plot(self.z, self.z, color=COLORS["function"], linewidth=2.5, label="f(z)")
        (self.df_line,) = ax.plot(self.z, self.z, color=COLORS["derivative"], linewidth=2.5,
                                  linestyle="--", label="f\u2032(z)")
        style(ax, "", "z", "f(z), f\u2032(z)")
        self.legend = ax.legend(fontsize=TICK_SIZE, loc="upper left", framealpha=0.9)

    def _curves(self, act, parameter):
        kwargs = _parameter_kwargs(act, parameter)
        return kwargs, _evaluate(act, self.z, **kwargs), _evaluate(act, self.z, derivative=True, **kwargs)

    def y_limits(self, activation, parameters=(None,), margin=0.05):
        """Y-limits ``(low, high)`` that hold ``f`` and ``f'`` for every value in ``parameters``.

        Over this plot's x range, with ``margin`` (a fraction of the span, as
        matplotlib's autoscaling) added at both ends; ``None`` in ``parameters``
        stands for the default. Fixed limits let a change of the parameter show
        as a change of the curve instead of a change of the axis.
        """
        act, margin = _with_derivative(activation), as_real(margin, "margin", minimum=0.0, maximum=10.0)
        if isinstance(parameters, np.ndarray):
            parameters = parameters.tolist()
        if not isinstance(parameters, (list, tuple)) or not parameters:
            raise TypeError(
                "parameters must be a non-empty list of parameter values (None for the default), "
                f"such as [None] or [0.5, 1.0]; got {parameters!r}"[:200] + "."
            )
        for i, p in enumerate(parameters):
            _parameter_kwargs(act, p, f"parameters[{i}]")
        values = np.concatenate([np.concatenate(self._curves(act, p)[1:]) for p in parameters])
        values = values[np.isfinite(values)]
        low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
        pad = margin * (high - low) if high > low else 0.5
        with np.errstate(over="ignore"):  # curves near the float limit: keep the limits finite
            return float(np.clip(low - pad, -LARGEST, LARGEST)), float(np.clip(high + pad, -LARGEST, LARGEST))

    def set(self, activation, parameter=None, *, autoscale=True):
        """Show ``activation`` (a name) with ``parameter`` (``None``: its default); return ``self``.

        With ``autoscale=False`` the y-limits stay as they are (see :meth:`y_limits`).
        """
        act, autoscale = _with_derivative(activation), as_bool(autoscale, "autoscale")
        kwargs, f, df = self._curves(act, parameter)
        self.f_line.set_ydata(f)
        self.df_line.set_ydata(df)
        self.ax.title.set_text(_title(act, kwargs))  # font set by style(); set_title would also touch the other titles
        if autoscale:
            self.ax.relim()
            self.ax.autoscale_view()
        return self


def _with_derivative(activation, name: str = "activation"):
    """The :class:`Activation` for ``activation``, which must have a known derivative."""
    act = _lookup(activation, name)
    if act.derivative is None:
        raise ValueError(
            f"{name} must have a known derivative; {act.name} has none. Choose a name from ACTIVATIONS, "
            "or pass Activation(name, f, f_grad) with your own derivative."
        )
    return act


def colour_scale(activation, z_max=6.0):
    r"""The colour limits ``(low, high)`` and colour-bar ``extend`` of a neuron plane, from ``f`` alone.

    The limits are the range of :math:`f(z)` for :math:`|z| \le` ``z_max``, widened to
    :math:`f(-\infty)` and :math:`f(+\infty)` where these are finite. A bounded ``f`` thus
    gets its whole range (sigmoid and binary_step [0, 1], tanh [-1, 1]); an unbounded one a
    fixed window (with ``z_max = 6``: identity [-6, 6], relu [0, 6]), beyond which values
    take the end colours, and ``extend`` ("min", "max", "both" or "neither") says at which
    ends of the colour bar that can happen.

    >>> colour_scale("sigmoid"), colour_scale("relu")
    ((0.0, 1.0, 'neither'), (0.0, 6.0, 'max'))
    """
    act = get_activation(activation)
    z_max = as_real(z_max, "z_max", positive=True, maximum=1e300)
    ends = _ends(act)
    values = _evaluate(act, np.linspace(-z_max, z_max, 241), name="activation")
    values = np.concatenate([values.ravel(), ends])
    values = values[np.isfinite(values)]
    low, high = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
    if low == high:
        low, high = low - 0.5, high + 0.5
    unknown = np.isnan(ends).any()  # no limit at infinity: values beyond the window may occur
    below, above = unknown or (ends == -np.inf).any(), unknown or (ends == np.inf).any()
    extend = {(True, True): "both", (True, False): "min", (False, True): "max"}.get((below, above), "neither")
    return low + 0.0, high + 0.0, extend


def _ends(act) -> np.ndarray:
    """``f(-inf)`` and ``f(+inf)``; ``nan`` where a student's function has no answer there."""
    try:
        return _evaluate(act, np.array([-np.inf, np.inf]))
    except (TypeError, ValueError):  # it may fail or give nan at ±inf: then no limit is known
        return np.array([np.nan, np.nan])


_EXTEND_INSIDE = {"neither": slice(0, None), "both": slice(1, -1), "min": slice(1, None), "max": slice(0, -1)}


def _set_extend(colorbar, extend, box_aspect):
    """Give ``colorbar`` the end triangles of ``extend`` after its creation.

    matplotlib sets ``extend`` only in the constructor: the slice ``_inside`` must
    follow it, and the box aspect that the triangles changed must come back to the
    colour bar's own, ``box_aspect`` (the tests check both through the colour bar's
    limits and outline, and by switching back and forth).
    """
    if colorbar.extend != extend:
        colorbar.extend, colorbar._inside = extend, _EXTEND_INSIDE[extend]
        colorbar.ax.set_box_aspect(box_aspect)  # with triangles, each draw sets its own again
        colorbar.update_normal(colorbar.mappable)


class NeuronPlane:
    r"""A two-input neuron's output :math:`a = f(w_1 x_1 + w_2 x_2 + b)` over a square of the input plane.

    ``image``, ``line`` (the decision line), ``legend`` and ``colorbar`` are the artists.
    An unbounded ``f`` is coloured over :math:`|z| \le` ``z_max``, by default twice the
    largest coordinate of ``extent`` (6 for the square [-3, 3]²): see :func:`colour_scale`.
    """

    def __init__(self, ax, extent=(-3, 3), n_pixels=150, z_max=None):
        self.ax = ax = as_axes(ax)
        self.n_pixels = n_pixels = as_int(n_pixels, "n_pixels", minimum=2, maximum=2000)
        self.low, self.high = _check_range(extent, "extent")
        # colour window of an unbounded f: the net input z = x1 + x2 of w = (1, 1), b = 0 over the square
        self.z_max = (min(2.0 * max(abs(self.low), abs(self.high)), 1e300) if z_max is None
                      else as_real(z_max, "z_max", positive=True, maximum=1e300))
        centres = self.low + (np.arange(n_pixels) + 0.5) * (self.high - self.low) / n_pixels
        self.x1, self.x2 = np.meshgrid(centres, centres)  # row i of the image is x2 = centres[i]
        box = (self.low, self.high, self.low, self.high)
        # interpolate the outputs, then colour them: smooth, and twice as fast as blending colours
        self.image = ax.imshow(np.zeros((n_pixels, n_pixels)), extent=box, origin="lower", cmap=CMAP,
                               interpolation="bilinear", interpolation_stage="data", aspect="equal")
        (self.line,) = ax.plot([], [], color=COLORS["line"], linewidth=3, label="decision line z = 0")
        self.colorbar = ax.figure.colorbar(self.image, ax=ax, fraction=0.046, pad=0.04)
        self._colorbar_aspect = self.colorbar.ax.get_box_aspect()  # without triangles
        self.colorbar.set_label("output a", fontsize=LABEL_SIZE)
        self.colorbar.ax.tick_params(labelsize=TICK_SIZE)
        style(ax, "", "$x_1$", "$x_2$", zero_lines=False)
        ax.set_xlim(self.low, self.high)
        ax.set_ylim(self.low, self.high)
        self.legend = ax.legend(fontsize=TICK_SIZE - 1, loc="best", framealpha=0.85)  # a corner off the line

    def set(self, w, b, activation="sigmoid"):
        """Show the neuron with weights ``w = (w1, w2)``, bias ``b`` and ``activation``; return ``self``.

        The colours depend on the activation only (:func:`colour_scale` with this
        plane's ``z_max``), never on ``w`` and ``b``.
        """
        (w1, w2), b = (float(v) for v in _check_w(w)), as_real(b, "b")
        act = get_activation(activation)
        with np.errstate(all="ignore"):
            z = w1 * self.x1 + w2 * self.x2 + b
        if not np.isfinite(z).all():
            raise ValueError(
                f"w and b must keep the net input z = w1·x1 + w2·x2 + b below {LARGEST:.3g} over the extent "
                f"[{self.low:g}, {self.high:g}]; got w = ({w1:g}, {w2:g}), b = {b:g}. Use smaller weights or a smaller extent."
            )
        a = _evaluate(act, z)  # a = f(z)
        low, high, extend = colour_scale(act, self.z_max)
        self.image.set_clim(low, high)  # no redraw of the colour bar if unchanged
        _set_extend(self.colorbar, extend, self._colorbar_aspect)
        self.image.set_data(a)
        title = f"{act.name} neuron: w = ({_num(w1)}, {_num(w2)}), b = {_num(b)}"
        self.legend.set_visible(True)
        x = np.array([self.low, self.high])
        with np.errstate(all="ignore"):  # a tiny w2 makes the line practically vertical
            y = -(w1 * x + b) / w2 if w2 != 0.0 else np.array([np.inf, np.inf])
            x1 = -b / w1 if w1 != 0.0 else np.inf
        if np.isfinite(y).all():  # x2 = -(w1 x1 + b) / w2 at both edges
            self.line.set_data(x, y)
        elif np.isfinite(x1):  # vertical line x1 = -b / w1
            self.line.set_data([x1] * 2, [self.low, self.high])
        elif w1 != 0.0 or w2 != 0.0:  # the line lies beyond the float range
            self.line.set_data([], [])
            self.legend.set_visible(False)
        else:
            self.line.set_data([], [])
            self.legend.set_visible(False)
            title += "\nno decision line: w = 0, output is f(b) everywhere"
        self.ax.title.set_text(title)  # font set by style(); set_title would also touch the other titles
        return self


def plot_activation_grid(names=None, x_range=(-5, 5)):
    """The activations in a grid of three columns, one titled panel each.

    Parameters
    ----------
    names : sequence of str, optional
        Names from ``ACTIVATIONS``; by default the nine of lesson 02, with
        ``leaky_relu`` drawn at ``alpha = 0.5`` (``GRID_PARAMETERS``).
    x_range : (float, float), default (-5, 5)

    Returns
    -------
    matplotlib.figure.Figure
    """
    names = GRID_NAMES if names is None else names
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise TypeError(f"names must be a non-empty list of activation names such as ['relu', 'tanh']; got {names!r}.")
    acts = [_lookup(name, f"names[{i}]") for i, name in enumerate(names)]
    z = np.linspace(*_check_range(x_range, "x_range"), 401)
    n_rows = math.ceil(len(acts) / 3)
    fig, axes = plt.subplots(n_rows, 3, figsize=(10, min(5.5, 1.9 * n_rows)), sharex=True,
                             layout="constrained", squeeze=False, FigureClass=DescribedFigure)
    for i, ax in enumerate(axes.flat):
        if i >= len(acts):
            ax.set_visible(False)
            continue
        kwargs = _parameter_kwargs(acts[i], GRID_PARAMETERS.get(acts[i].name))
        ax.plot(z, acts[i].function(z, **kwargs), color=COLORS["function"], linewidth=2.5)
        last_row = i + 3 >= len(acts)
        style(ax, _title(acts[i], kwargs), "z" if last_row else None, "f(z)" if i % 3 == 0 else None)
        ax.xaxis.set_tick_params(labelbottom=last_row)
    titles = ", ".join(ax.title.get_text() for ax in axes.flat[:len(acts)])
    fig.description = (f"{len(acts)} activation function{'s' if len(acts) > 1 else ''} f(z) for z from "
                       f"{_num(z[0])} to {_num(z[-1])}, one panel each: {titles}.")
    plt.close(fig)
    return fig


def plot_function_and_derivative(name, parameter=None, x_range=(-5, 5), ax=None):
    """An activation ``f`` and its derivative ``f'`` on one axes, with a legend.

    Parameters
    ----------
    name : str
        A name from ``ACTIVATIONS``.
    parameter : float, optional
        ``c`` for sigmoid, ``alpha`` for leaky_relu and elu; ``None`` uses the default.
    x_range : (float, float), default (-5, 5)
    ax : matplotlib.axes.Axes, optional
        Draw there instead of on a new figure.

    Returns
    -------
    matplotlib.figure.Figure
    """
    act = _with_derivative(name, "name")
    if ax is not None:
        FunctionPlot(as_axes(ax), x_range).set(act, parameter)
        return ax.figure
    fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained", FigureClass=DescribedFigure)
    try:
        fig.description = _describe_function_plot(FunctionPlot(ax, x_range).set(act, parameter))
    finally:
        plt.close(fig)  # even on a bad argument, so that no half-drawn figure lingers
    return fig


def plot_neuron_plane(w, b, activation="sigmoid", ax=None, extent=(-3, 3)):
    r"""A two-input neuron's output :math:`a = f(w_1 x_1 + w_2 x_2 + b)` as an image over the plane.

    The decision line :math:`w_1 x_1 + w_2 x_2 + b = 0` (where :math:`z` changes sign) is drawn
    on top; it is vertical when :math:`w_2 = 0` and absent when both weights are 0.

    The colours depend on the activation only, not on ``w`` and ``b``, so that two
    plots compare at a glance (the rule of :func:`colour_scale`): a bounded activation
    spans its range (sigmoid and binary_step [0, 1], tanh [-1, 1]); an unbounded one
    the values of :math:`f(z)` for :math:`|z| \le 2 \max(|\text{low}|, |\text{high}|)`,
    e.g. identity [-6, 6] and relu [0, 6] on the default square [-3, 3]². Outputs beyond
    take the end colours, marked by a triangle at that end of the colour bar.

    Parameters
    ----------
    w : array_like, shape (2,)
    b : float
    activation : str or callable, default "sigmoid"
    ax : matplotlib.axes.Axes, optional
    extent : (float, float), default (-3, 3)
        The square ``[low, high]²`` of inputs shown.

    Returns
    -------
    matplotlib.figure.Figure
    """
    w, b, act = _check_w(w), as_real(b, "b"), get_activation(activation)
    if ax is not None:
        NeuronPlane(as_axes(ax), extent).set(w, b, act)
        return ax.figure
    fig, ax = plt.subplots(figsize=(7, 5.5), layout="constrained", FigureClass=DescribedFigure)
    try:
        fig.description = _describe_neuron_plane(NeuronPlane(ax, extent).set(w, b, act), w, b, act)
    finally:
        plt.close(fig)
    return fig
