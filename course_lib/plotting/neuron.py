"""Figures of lesson 01 · The artificial neuron: a two-input neuron's output over the plane, with its decision line."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np

from course_lib._validation import LARGEST, as_axes, as_int, as_real, as_vector
from course_lib.activations import _evaluate, get_activation

from ._core import (CMAP, COLORS, LABEL_SIZE, TICK_SIZE, DescribedFigure, _check_range, _num, style)

__all__ = ["decision_line_equation", "plot_neuron_plane", "NeuronPlane", "colour_scale"]


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
