r"""Figures of lesson 05 · Standardisation: why one scale for all features helps gradient descent.

:func:`plot_cost_surfaces_side_by_side` draws the cost surface of the same two
features before and after a transformation (raw and standardised), each with
:func:`~course_lib.plotting.gradient_descent.plot_cost_surface` and an optional path
of the weights: a long narrow valley beside a round bowl. :func:`plot_costs_together`
puts the costs per epoch of several runs on one log-scale axis, so that a run that
creeps and one that arrives can be compared point by point.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

from course_lib._validation import as_bool

from ._core import OKABE_ITO, TICK_SIZE, DescribedFigure, _num, style
from .gradient_descent import _cost_runs, _path, _two_features, plot_cost_surface

__all__ = ["plot_cost_surfaces_side_by_side", "plot_costs_together"]


def _pair(value, name: str, example: str) -> tuple[str, str]:
    if not isinstance(value, (list, tuple)) or len(value) != 2 or not all(isinstance(t, str) for t in value):
        raise TypeError(f"{name} must be two strings, such as {example}; got {value!r}"[:200] + ".")
    return value[0], value[1]


def _features(X, y, name: str):
    """``X`` (two features) and ``y`` checked as for :func:`plot_cost_surface`, errors naming ``name`` instead of X."""
    try:
        return _two_features(X, y)
    except (TypeError, ValueError) as error:
        raise type(error)(re.sub(r"\bX\b", name, str(error))) from None


def _named_path(path, name: str) -> np.ndarray:
    try:
        return _path(path)
    except (TypeError, ValueError) as error:
        raise type(error)(re.sub(r"\bpath\b", name, str(error), count=1)) from None


def _elongation(X: np.ndarray) -> float:
    r"""How many times longer than wide the cost's elliptic contours are: :math:`\sqrt{\lambda_{\max} / \lambda_{\min}}` of :math:`X^\top X`."""
    eig = np.linalg.eigvalsh(X.T @ X)
    return float(np.sqrt(eig[-1] / eig[0])) if eig[0] > 0 else float("inf")


def plot_cost_surfaces_side_by_side(X_left, X_right, y, *, paths=(None, None),
                                    titles=("raw features", "standardised features"), axis_labels=("$w_1$", "$w_2$"),
                                    b=0.0):
    r"""The cost :math:`J(w_1, w_2)` at bias ``b`` for two versions of the same features, side by side.

    Each panel is :func:`~course_lib.plotting.gradient_descent.plot_cost_surface` drawn
    with its own ranges around its own minimum; the description says how elongated each
    surface's contours are, :math:`\sqrt{\lambda_{\max}/\lambda_{\min}}` of :math:`X^\top X`
    (1 for a round bowl).

    Parameters
    ----------
    X_left, X_right : array_like, shape (n_samples, 2)
        E.g. the raw features and the same features standardised.
    y : array_like, shape (n_samples,)
    paths : pair of (array_like of shape (n_steps + 1, 2) or None)
        The weights of a training run to draw on each panel, e.g. ``model.w_path_``.
    titles : pair of str
    axis_labels : pair of str
        The names of the two weights on the axes. With a column of ones as the second
        feature, the second weight is the bias: ``("$w$", "$b$")`` shows :math:`J(w, b)` exactly.
    b : float, default 0.0
        The bias, held fixed on both panels.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> X = np.array([[1.0, 10.0], [2.0, 30.0], [3.0, 20.0]])
    >>> fig = plot_cost_surfaces_side_by_side(X, (X - X.mean(axis=0)) / X.std(axis=0), [-1.0, 1.0, 1.0])
    >>> fig.description.startswith("Two filled contour plots")
    True
    """
    X_left, y = _features(X_left, y, "X_left")
    X_right, _ = _features(X_right, y, "X_right")
    if not isinstance(paths, (list, tuple)) or len(paths) != 2:
        raise TypeError(f"paths must be a pair (left, right), each an (n, 2) array of weights or None; got {paths!r}"[:200]
                        + ".")
    paths = [None if path is None else _named_path(path, f"paths[{i}]") for i, path in enumerate(paths)]
    titles = _pair(titles, "titles", "('raw', 'standardised')")
    xlabel, ylabel = _pair(axis_labels, "axis_labels", "('$w$', '$b$')")
    fig, axes = plt.subplots(1, 2, figsize=(11.5, 4.8), layout="constrained", FigureClass=DescribedFigure)
    try:
        parts = []
        for ax, X, path, title in zip(axes, (X_left, X_right), paths, titles):
            plot_cost_surface(X, y, b=b, path=path, title=title, ax=ax)
            style(ax, None, xlabel, ylabel, zero_lines=False)
            ratio = _elongation(X)
            shape = "round" if ratio < 1.5 else f"{ratio:.3g} times longer than wide"
            part = f"{title}: contours {shape}"
            if path is not None:  # a diverging path is drawn, and described, up to where it left the float range
                steps = len(path) - 1
                w1, w2 = path[steps]
                J_end = 0.5 * float(np.sum((y - X @ np.array([w1, w2]) - b) ** 2))
                part += (f", with a path of {steps} step{'s' if steps != 1 else ''} from ({_num(path[0, 0])}, "
                         f"{_num(path[0, 1])}) to ({_num(w1)}, {_num(w2)}), where the cost is {J_end:.4g}")
            parts.append(part)
        names = " and ".join(label.replace("$", "") for label in (xlabel, ylabel))
        fig.description = (f"Two filled contour plots of the cost J over {names}"
                           f"{f' at bias b = {b:g}' if 'b' not in (xlabel + ylabel) else ''}, "
                           f"darker where the cost is lower. Left, {parts[0]}. Right, {parts[1]}.")
    finally:
        plt.close(fig)
    return fig


def plot_costs_together(runs, *, log=True):
    """The costs per epoch of several training runs as lines on one axis, with a legend.

    Parameters
    ----------
    runs : dict of str to array_like
        A label for each run and its costs per epoch, e.g. ``{"raw, η = 0.0001": model.cost_}``.
    log : bool, default True
        A logarithmic cost axis: growth or decay by a constant factor per epoch is a straight line.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> plot_costs_together({"slow": [50.0, 48.0, 46.0], "fast": [50.0, 20.0, 8.0]}).description[:37]
    'Line chart of the cost per epoch of 2'
    """
    log = as_bool(log, "log")
    costs = _cost_runs(runs, log, "labels", "one line each", limit=1e300)
    fig, ax = plt.subplots(figsize=(7.5, 4.3), layout="constrained", FigureClass=DescribedFigure)
    try:
        parts = []
        for i, (name, values) in enumerate(costs.items()):
            epochs = np.arange(1, values.size + 1)
            ax.plot(epochs, values, marker="os^D"[i], color=OKABE_ITO[(5, 6, 3, 7)[i]], linewidth=2.2,
                    markersize=6, label=name)
            trend = "rises" if values[-1] > values[0] else "falls"
            parts.append(f"{name}, the cost {trend} from {values[0]:.4g} to {values[-1]:.4g} "
                         f"in {values.size} epoch{'s' if values.size != 1 else ''}")
        if log:
            ax.set_yscale("log")
            if max(v.max() for v in costs.values()) / min(v.min() for v in costs.values()) < 1e4:
                ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))  # 10, not 10¹
                ax.yaxis.set_minor_formatter(FuncFormatter(  # 2, 3, 5, 20, 30, 50: enough to read, not crowded
                    lambda value, _: f"{value:g}" if f"{value:.0e}"[0] in "235" else ""))
        style(ax, None, "epoch", "cost $J$ (log scale)" if log else "cost $J$", zero_lines=False)
        ax.tick_params(which="minor", labelsize=TICK_SIZE)
        ax.grid(alpha=0.3, which="both" if log else "major")
        longest = max(v.size for v in costs.values())
        if longest <= 20:
            ax.set_xticks(np.arange(1, longest + 1))
        ax.legend(fontsize=TICK_SIZE, loc="best", framealpha=0.9)
        fig.description = (f"Line chart of the cost per epoch of {len(costs)} run{'s' if len(costs) > 1 else ''}"
                           f"{' on a log scale' if log else ''}: " + "; ".join(parts) + ".")
    finally:
        plt.close(fig)
    return fig

