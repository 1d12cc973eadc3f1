r"""Figures of lesson 04 · Gradient descent (and of lesson 05, which compares cost surfaces).

:func:`plot_cost_surface` draws the cost :math:`J(w_1, w_2)` of a two-feature
linear neuron at a fixed bias as filled contours, with the path of the weights on
it; :class:`CostSurface` draws the same and can move the path in place, for
:class:`course_lib.widgets.GradientDescentExplorer`. :func:`plot_descent_1d`
walks down a parabola with several learning rates, :func:`plot_cost_per_epoch`
puts training runs' costs side by side on a log scale.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm
from matplotlib.ticker import FuncFormatter, MaxNLocator

from course_lib._validation import as_axes, as_bool, as_float_array, as_matrix, as_positive_int, as_real, as_vector
from course_lib._validation import check_matching
from course_lib.gradient_descent import cost_grid

from ._core import CMAP, COLORS, OKABE_ITO, TICK_SIZE, DescribedFigure, _check_range, _num, style

__all__ = ["plot_cost_surface", "CostSurface", "plot_descent_1d", "plot_cost_per_epoch"]

RESOLUTION = 160  # grid points along each axis of a contour plot
N_LEVELS = 12
PATH_COLOR, START_COLOR, MIN_COLOR = "#D55E00", "#FFFFFF", "#E69F00"


def _two_features(X, y):
    X = as_matrix(X, "X", finite=True)
    if X.shape[1] != 2:
        raise ValueError(f"X must have exactly two features (one per weight on the axes); got {X.shape[1]}. "
                         "Choose two columns, e.g. X[:, [0, 2]].")
    if X.shape[0] == 0:
        raise ValueError(f"X must hold at least one sample; got none (shape {X.shape}).")
    if np.abs(X).max() > 1e50:
        raise ValueError(f"X must hold values within ±1e50 for its cost to be drawn; got {np.abs(X).max():.3g}. "
                         "Scale the features first.")
    y = as_vector(y, "y", length_name="n_samples", finite=True)
    check_matching(X.shape[0], "the samples of X", y.size, "y", hint="Give one target per sample.")
    if np.abs(y).max(initial=0.0) > 1e50:
        raise ValueError(f"y must hold targets within ±1e50; got {np.abs(y).max():.3g}.")
    return X, y


def _minimum(X, y, b):
    """The weights of least cost at bias ``b`` (the shortest such if there are many) and that cost."""
    w_star = np.linalg.lstsq(X, y - b, rcond=None)[0]
    errors = y - X @ w_star - b
    return w_star, 0.5 * float(errors @ errors)


def _default_ranges(X, y, b, w_star, J_star):
    """Ranges around the minimum that hold the whole contour through w = 0 (the usual start), with a margin."""
    H = X.T @ X                                                    # J = J* + ½ (w − w*)ᵀ H (w − w*)
    J0 = 0.5 * float((y - b) @ (y - b))
    delta = max(J0 - J_star, 1e-6 * max(J0, 1.0))
    with np.errstate(all="ignore"):
        spread = np.sqrt(2 * delta * np.diag(np.linalg.pinv(H)))  # half-widths of that contour's bounding box
    fallback = 1.0 + np.abs(w_star)
    spread = np.where(np.isfinite(spread) & (spread > 0) & (spread < 1e6 * fallback), spread, fallback)
    return [(float(c - 1.25 * s), float(c + 1.25 * s)) for c, s in zip(w_star, spread)]


def _path(path):
    path = as_float_array(path, "path", allow_nan=True)
    if path.ndim != 2 or path.shape[1] != 2 or path.shape[0] == 0:
        raise ValueError(f"path must be an (n, 2) array of weights (w1, w2), one row per step; got shape {path.shape}. "
                         "For a fitted AdalineGD pass model.w_path_.")
    finite = np.all(np.isfinite(path), axis=1)
    if not finite[0]:
        raise ValueError("path must start at finite weights; its first row is not finite.")
    if not finite.all():  # a diverging run: draw it up to where it left the float range
        path = path[:int(np.argmin(finite))]
    return path


class CostSurface:
    r"""The cost :math:`J(w_1, w_2)` at bias ``b`` as filled contours on ``ax``, its minimum, and a path on top.

    :meth:`set_path` moves the path's artists in place (the axes' limits stay the
    ranges), so a widget can redraw fast. ``path_line``, ``start`` and ``end`` are the
    artists; ``w_star`` and ``J_star`` the minimum at this bias; ``levels`` the contour levels.
    """

    def __init__(self, ax, X, y, *, b=0.0, w1_range=None, w2_range=None, colorbar=True):
        X, y = _two_features(X, y)
        b = as_real(b, "b", minimum=-1e50, maximum=1e50)
        self.ax, self.X, self.y, self.b = as_axes(ax), X, y, b
        self.w_star, self.J_star = _minimum(X, y, b)
        default = _default_ranges(X, y, b, self.w_star, self.J_star)
        self.w1_range = default[0] if w1_range is None else _check_range(w1_range, "w1_range")
        self.w2_range = default[1] if w2_range is None else _check_range(w2_range, "w2_range")
        w1 = np.linspace(*self.w1_range, RESOLUTION)
        w2 = np.linspace(*self.w2_range, RESOLUTION)
        try:
            self.J = cost_grid(X, y, w1, w2, b=b)
        except ValueError:
            raise ValueError("w1_range and w2_range must be small enough for the cost to stay finite; they are not. "
                             "Choose narrower ranges, or leave them None.") from None
        low, high = float(self.J.min()), float(self.J.max())
        if high - low <= 1e-12 * max(abs(high), 1.0):  # a flat surface (e.g. all-zero X): one level
            self.levels = np.array([low - 1.0, high + 1.0])
        else:  # geometric steps above the lowest value: the narrow floor of a valley and its walls both show
            self.levels = low + (high - low) * np.geomspace(1e-3, 1.0, N_LEVELS)
            self.levels = np.concatenate([[low], self.levels])
        norm = BoundaryNorm(self.levels, plt.get_cmap(CMAP).N)
        self.filled = self.ax.contourf(w1, w2, self.J, levels=self.levels, cmap=CMAP, norm=norm, zorder=0)
        self.ax.contour(w1, w2, self.J, levels=self.levels, colors="white", linewidths=0.5, alpha=0.6, zorder=1)
        inside = (self.w1_range[0] <= self.w_star[0] <= self.w1_range[1]
                  and self.w2_range[0] <= self.w_star[1] <= self.w2_range[1])
        self.minimum_marker = None
        if inside:
            (self.minimum_marker,) = self.ax.plot(*self.w_star, marker="*", markersize=17, color=MIN_COLOR, markeredgecolor="black",
                         linestyle="", zorder=5, label="minimum")
        (self.path_line,) = self.ax.plot([], [], color=PATH_COLOR, linewidth=2, marker="o", markersize=4,
                                         zorder=3, label="path of the weights")
        (self.start,) = self.ax.plot([], [], marker="o", markersize=10, markerfacecolor=START_COLOR,
                                     markeredgecolor="black", linestyle="", zorder=4, label="start")
        (self.end,) = self.ax.plot([], [], marker="X", markersize=11, markerfacecolor=PATH_COLOR,
                                   markeredgecolor="black", linestyle="", zorder=4, label="end")
        self.ax.set_xlim(*self.w1_range)
        self.ax.set_ylim(*self.w2_range)
        style(self.ax, None, "$w_1$", "$w_2$", zero_lines=False)
        self.colorbar = None
        if as_bool(colorbar, "colorbar"):
            self.colorbar = self.ax.figure.colorbar(self.filled, ax=self.ax, format="{x:.3g}")
            self.colorbar.set_label("cost $J$", fontsize=TICK_SIZE + 1)
            self.colorbar.ax.tick_params(labelsize=TICK_SIZE - 2)
        self.path, self.left_plot = np.empty((0, 2)), False

    def contains(self, point) -> bool:
        """Whether ``point`` (w1, w2) lies inside the plotted ranges."""
        point = as_vector(point, "point", length_name="2")
        if point.size != 2:
            raise ValueError(f"point must be one pair of weights (w1, w2); got {point.size} numbers.")
        return bool(self.w1_range[0] <= point[0] <= self.w1_range[1] and self.w2_range[0] <= point[1] <= self.w2_range[1])

    def set_path(self, path=None, *, markers=True):
        """Draw ``path`` (an (n, 2) array of weights; ``None`` for none) as a line from a start to an end; return ``self``.

        A path that leaves the plot (a diverging one) is drawn up to its first point well
        outside the ranges: a line that runs off the plot, not a tangle of clipped steps.
        """
        if path is None:
            self.path, self.left_plot = np.empty((0, 2)), False
            for artist in (self.path_line, self.start, self.end):
                artist.set_data([], [])
            return self
        markers = as_bool(markers, "markers")
        self.path = _path(path)
        boxes = []
        for low, high in (self.w1_range, self.w2_range):
            boxes.append((low - (high - low), high + (high - low)))  # the ranges, widened by their width each side
        far = ~((self.path[:, 0] >= boxes[0][0]) & (self.path[:, 0] <= boxes[0][1])
                & (self.path[:, 1] >= boxes[1][0]) & (self.path[:, 1] <= boxes[1][1]))
        shown = self.path[:int(np.argmax(far)) + 1].copy() if far.any() else self.path
        if far.any():  # the one point outside: pulled in along its own direction, so the line keeps its angle
            last, previous = shown[-1], shown[-2] if len(shown) > 1 else shown[-1]
            reach = max(abs(last - previous).max(), 1e-300)
            span = max(boxes[0][1] - boxes[0][0], boxes[1][1] - boxes[1][0])
            shown[-1] = previous + (last - previous) * min(1.0, 2 * span / reach)
        self.path_line.set_data(shown[:, 0], shown[:, 1])
        self.path_line.set_marker("o" if markers and len(shown) <= 300 else "")
        self.start.set_data(shown[:1, 0], shown[:1, 1])
        self.end.set_data(shown[-1:, 0] if not far.any() else [], shown[-1:, 1] if not far.any() else [])
        self.left_plot = bool(far.any())
        return self

    def describe(self) -> str:
        """What the plot shows, in words, from its data."""
        text = (f"Filled contour plot of the cost J over w_1 from {_num(self.w1_range[0])} to {_num(self.w1_range[1])} "
                f"and w_2 from {_num(self.w2_range[0])} to {_num(self.w2_range[1])} at bias b = {_num(self.b)}; "
                f"J ranges from {self.J.min():.4g} to {self.J.max():.4g} on the plot. ")
        if self.contains(self.w_star):
            text += (f"The lowest cost, {self.J_star:.4g}, is at w = ({_num(self.w_star[0])}, {_num(self.w_star[1])}), "
                     "marked with a star. ")
        else:
            text += "The lowest cost lies outside the plotted ranges. "
        eig = np.linalg.eigvalsh(self.X.T @ self.X)
        if eig[0] > 0:
            text += f"The contours are ellipses {np.sqrt(eig[-1] / eig[0]):.3g} times longer than wide. "
        if len(self.path):
            first, last = self.path[0], self.path[-1]
            with np.errstate(all="ignore"):  # a diverged path: its cost may be inf, and is shown so
                J_first, J_last = (0.5 * float(np.sum((self.y - self.X @ p - self.b) ** 2)) for p in (first, last))
            steps = len(self.path) - 1
            text += (f"A path of {steps} step{'s' if steps != 1 else ''} goes from w = ({_num(first[0])}, {_num(first[1])}) "
                     f"(cost {J_first:.4g}) to w = ({_num(last[0])}, {_num(last[1])}) (cost {J_last:.4g})")
            text += "." if self.contains(last) else ", outside the plot."
        return text.strip()


def plot_cost_surface(X, y, *, b=0.0, w1_range=None, w2_range=None, path=None, title=None, ax=None):
    r"""Contours of the cost :math:`J(w_1, w_2) = \tfrac12 \sum_i (y_i - w_1 x_{i1} - w_2 x_{i2} - b)^2` at a fixed bias.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
    y : array_like, shape (n_samples,)
    b : float, default 0.0
        The bias, held fixed.
    w1_range, w2_range : (low, high), optional
        The ranges of the two weights; by default, around the minimum, wide enough to
        hold the contour through ``w = 0``.
    path : array_like, shape (n_steps + 1, 2), optional
        Weights to draw as a line with markers, e.g. ``AdalineGD(...).fit(X, y).w_path_``.
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Draw there (and return ``ax.figure``) instead of on a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        With a ``description`` of what it shows (its alt text), when it is a new figure.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    >>> fig = plot_cost_surface(X, [1.0, -1.0, 0.0], path=[[0.0, 0.0], [0.5, -0.2]])
    >>> fig.description.startswith("Filled contour plot of the cost J")
    True
    """
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a string or None; got {type(title).__name__} {title!r}"[:200] + ".")
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(6.8, 5.0), layout="constrained", FigureClass=DescribedFigure)
    else:
        ax = as_axes(ax)
    try:
        surface = CostSurface(ax, X, y, b=b, w1_range=w1_range, w2_range=w2_range)
        if path is not None:
            surface.set_path(path)
            ax.legend(handles=[h for h in (surface.path_line, surface.start, surface.end) if len(h.get_xdata())]
                      + [line for line in ax.lines if line.get_label() == "minimum"],
                      fontsize=TICK_SIZE - 1, loc="best", framealpha=0.9)
        if title is not None:
            ax.set_title(title, fontsize=TICK_SIZE + 2)
        if own:
            fig.description = (f"{title}: " if title else "") + surface.describe()
    finally:
        if own:
            plt.close(fig)
    return ax.figure


# ---------------------------------------------------------------------------- one dimension

def _cost_runs(runs, log: bool, keys: str, each: str, limit: float | None = None) -> dict:
    """``runs``, a dict of up to four ``keys`` (strings) to costs per epoch, as checked float arrays.

    Shared by the figures that draw costs per epoch; ``each`` says how each run is drawn, and
    ``limit`` (if given) bounds the costs a figure can draw.
    """
    if not isinstance(runs, dict) or not runs or not all(isinstance(k, str) for k in runs):
        raise TypeError(f"runs must be a dict of {keys} (strings) to costs per epoch, such as "
                        f"{{'η = 0.01': model.cost_}}; got {type(runs).__name__} {runs!r}"[:250] + ".")
    if len(runs) > 4:
        raise ValueError(f"runs must hold at most 4 runs ({each}); got {len(runs)}.")
    costs = {name: as_vector(values, f"runs[{name!r}]", length_name="n_epochs", finite=True)
             for name, values in runs.items()}
    for name, values in costs.items():
        if values.size == 0:
            raise ValueError(f"runs[{name!r}] must hold at least one cost; got none.")
        if log and np.any(values <= 0):
            raise ValueError(f"runs[{name!r}] must hold positive costs for a log scale; got {values.min():g}. "
                             "Pass log=False.")
        if limit is not None and np.abs(values).max() > limit:
            raise ValueError(f"runs[{name!r}] must hold costs below {limit:g} to be drawn; "
                             f"got {np.abs(values).max():.3g}.")
    return costs


def _parabola(w):
    return (w - 3.0) ** 2 + 1.0                                    # J(w) = (w − 3)² + 1


def _slope(w):
    return 2.0 * (w - 3.0)                                         # J'(w) = 2 (w − 3)


def descent_1d(learning_rate, start=0.5, n_steps=8):
    r"""The points :math:`w_0, w_1, \dots` of gradient descent on :math:`J(w) = (w - 3)^2 + 1`: :math:`w \leftarrow w - \eta J'(w)`.

    >>> descent_1d(0.25, start=1.0, n_steps=2)
    array([1. , 2. , 2.5])
    """
    learning_rate = as_real(learning_rate, "learning_rate", positive=True, maximum=10.0)
    w = as_real(start, "start", minimum=-100.0, maximum=100.0)
    n_steps = as_positive_int(n_steps, "n_steps", maximum=200)
    points = [w]
    for _ in range(n_steps):
        w = w - learning_rate * _slope(w)                          # w ← w − η J'(w)
        if abs(w) > 1e6:
            break
        points.append(w)
    return np.array(points)


def plot_descent_1d(learning_rates=(0.05, 0.3, 1.05), *, start=0.5, n_steps=8, labels=None):
    r"""Gradient descent on the parabola :math:`J(w) = (w - 3)^2 + 1`, one panel per learning rate.

    Each panel shows the curve and the points :math:`w_0, w_1, \dots` joined in order:
    too small a step creeps, a good one arrives, too large a one overshoots further and further.

    Returns
    -------
    matplotlib.figure.Figure
    """
    rates = as_vector(learning_rates, "learning_rates", length_name="n_panels", finite=True)
    if np.any(rates <= 0) or np.any(rates > 10):
        raise ValueError(f"learning_rates must lie between 0 (excluded) and 10; got {rates.tolist()}.")
    if not 1 <= rates.size <= 4:
        raise ValueError(f"learning_rates must hold 1 to 4 values (one panel each); got {rates.size}.")
    if labels is not None and (not isinstance(labels, (list, tuple)) or len(labels) != rates.size
                               or not all(isinstance(s, str) for s in labels)):
        raise TypeError(f"labels must be a list of {rates.size} strings, one per learning rate; got {labels!r}"[:200] + ".")
    paths = [descent_1d(rate, start=start, n_steps=n_steps) for rate in rates]
    fig, axes = plt.subplots(1, rates.size, figsize=(3.4 * rates.size, 3.9), layout="constrained",
                             FigureClass=DescribedFigure, sharey=True, squeeze=False)
    parts = []
    try:
        w = np.linspace(-1.5, 7.5, 200)
        for i, (ax, rate, points) in enumerate(zip(axes[0], rates, paths)):
            ax.plot(w, _parabola(w), color=COLORS["function"], linewidth=2, zorder=1)
            outside = (points < -1.5) | (points > 7.5)
            shown = points[:int(np.argmax(outside))] if outside.any() else points  # up to where it leaves the plot
            ax.plot(shown, _parabola(shown), color=PATH_COLOR, marker="o", markersize=6, linewidth=1.5, zorder=3)
            ax.plot(shown[:1], _parabola(shown[:1]), marker="o", markersize=11, markerfacecolor="white",
                    markeredgecolor="black", linestyle="", zorder=4)
            ax.plot([3.0], [1.0], marker="*", markersize=15, color=MIN_COLOR, markeredgecolor="black", zorder=2)
            name = f"{labels[i]}: " if labels else ""
            style(ax, f"{name}η = {rate:g}", "$w$", "$J(w)$" if i == 0 else None, zero_lines=False)
            ax.set_xlim(-1.5, 7.5)
            ax.set_ylim(0.0, 22.0)
            ax.grid(alpha=0.3)
            last = points[-1]
            parts.append(f"η = {rate:g}: {len(points) - 1} steps from w = {_num(points[0])} end at w = {_num(last)} "
                         f"(cost {_parabola(last):.3g})")
        fig.description = ("Gradient descent on the parabola J(w) = (w − 3)² + 1, whose minimum is at w = 3, "
                           "one panel per learning rate. " + "; ".join(parts) + ".")
    finally:
        plt.close(fig)
    return fig


# ---------------------------------------------------------------------------- cost per epoch

def _plain_tick(value, _=None) -> str:
    return f"{value:g}"


def plot_cost_per_epoch(runs, *, log=True, sharey=False):
    """The cost of each epoch of one or more training runs, one panel each, side by side.

    Parameters
    ----------
    runs : dict of str to array_like
        A title for each run and its costs per epoch, e.g. ``{"η = 0.01": model.cost_}``.
    log : bool, default True
        A logarithmic cost axis: growth by a constant factor per epoch becomes a straight line.
    sharey : bool, default False

    Returns
    -------
    matplotlib.figure.Figure
    """
    log, sharey = as_bool(log, "log"), as_bool(sharey, "sharey")
    costs = _cost_runs(runs, log, "titles", "one panel each")
    fig, axes = plt.subplots(1, len(costs), figsize=(min(10.0, 5.0 * len(costs)), 3.9), layout="constrained",
                             FigureClass=DescribedFigure, sharey=sharey, squeeze=False)
    parts = []
    try:
        for i, (ax, (name, values)) in enumerate(zip(axes[0], costs.items())):
            epochs = np.arange(1, values.size + 1)
            ax.plot(epochs, values, marker="o", color=OKABE_ITO[(5, 6, 3, 7)[i]], linewidth=2)
            if log:
                ax.set_yscale("log")
                if values.max() < 1e4 * values.min():  # a few decades: plain numbers (40, not 4×10¹)
                    ax.yaxis.set_major_formatter(FuncFormatter(_plain_tick))
                    keep = (1, 2, 3, 4, 5, 6, 7, 8, 9) if values.max() < 10 * values.min() else (1, 2, 5)
                    ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _, keep=keep: _plain_tick(v) if round(
                        v / 10 ** np.floor(np.log10(v))) in keep else ""))
            style(ax, name, "epoch", "cost $J$ (log scale)" if log else "cost $J$", zero_lines=False)
            ax.grid(alpha=0.3, which="major")
            if values.size <= 12 or (values.size <= 20 and len(costs) == 1):
                ax.set_xticks(epochs)
            else:
                ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
            trend = "rises" if values[-1] > values[0] else "falls"
            parts.append(f"{name}: the cost {trend} from {values[0]:.4g} to {values[-1]:.4g} over {values.size} epochs")
        fig.description = (f"{len(costs)} line chart{'s' if len(costs) > 1 else ''} of the cost per epoch"
                           f"{' on a log scale' if log else ''}. " + "; ".join(parts) + ".")
    finally:
        plt.close(fig)
    return fig
