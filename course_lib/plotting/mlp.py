"""Figures of lesson 06 · The multilayer perceptron and backpropagation.

:func:`plot_datasets` puts labelled data sets side by side; :func:`plot_computational_graph`
draws a two-layer network as a chain of operations, forward and backward;
:func:`plot_learning_slowdown` compares a sigmoid neuron's output under two losses;
:func:`plot_decision_regions_grid` shows several trained classifiers on the same data;
:func:`plot_loss_curves` the training and held-out loss of an :class:`~course_lib.mlp.MLPClassifier`.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from course_lib._validation import as_positive_int, as_real, as_vector

from ._core import COLORS, OKABE_ITO, TICK_SIZE, DescribedFigure, _num, style
from .perceptron import ClassesPlot, plot_decision_regions

__all__ = ["plot_datasets", "plot_computational_graph", "plot_learning_slowdown", "plot_decision_regions_grid",
           "plot_loss_curves"]


def _panels(panels, what: str) -> list:
    if not isinstance(panels, dict) or not panels:
        raise TypeError(f"{what} must be a non-empty dict of titles to data; got {type(panels).__name__}.")
    if not all(isinstance(title, str) for title in panels):
        raise TypeError(f"{what} must use titles (strings) as keys; got {list(panels)[:3]!r}.")
    return list(panels.items())


def plot_datasets(panels):
    """Labelled data sets side by side: ``{"title": (X, y), ...}``, each ``X`` with two features.

    Returns
    -------
    matplotlib.figure.Figure
    """
    items = _panels(panels, "panels")
    for title, value in items:
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise TypeError(f"panels[{title!r}] must be a pair (X, y); got {type(value).__name__}.")
    fig, axes = plt.subplots(1, len(items), figsize=(min(10, 4.2 * len(items)), 4), layout="constrained",
                             FigureClass=DescribedFigure, squeeze=False)
    try:
        parts = []
        for ax, (title, (X, y)) in zip(axes[0], items):
            plot = ClassesPlot(ax, X, y)
            ax.set_title(title, fontsize=TICK_SIZE + 1)
            counts = ", ".join(f"{int(np.sum(np.asarray(y) == c))} of class {n}" for c, n in zip(plot.classes, plot.names))
            parts.append(f"{title}: {counts}")
        fig.description = f"{len(items)} scatter plots side by side. " + "; ".join(parts) + "."
    finally:
        plt.close(fig)
    return fig


_NODES = ["$X$", "$Z_1$", "$A_1$", "$Z_2$", "$\\hat Y$", "$J$"]
_FORWARD = ["$\\cdot W_1 + b_1$", "$f$", "$\\cdot W_2 + b_2$", "softmax", "cross-entropy"]
_BACKWARD = ["", "$\\delta_1 = \\delta_1^A \\odot f'(Z_1)$", "$\\delta_1^A = \\delta_2 W_2^\\top$",
             "$\\delta_2 = \\hat Y - Y$", ""]  # the error each arrow carries back, between node i and i + 1


def plot_computational_graph():
    r"""A two-layer network as a chain of operations: forward above (black), backward below (orange).

    The backward arrows carry the deltas of backpropagation; the weight gradients are read off
    them: :math:`\partial J/\partial W_2 = A_1^\top \delta_2 / n`, :math:`\partial J/\partial W_1 = X^\top \delta_1 / n`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = plt.subplots(figsize=(10, 3.4), layout="constrained", FigureClass=DescribedFigure)
    try:
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.axis("off")
        xs = np.linspace(0.06, 0.94, len(_NODES))
        for x, text in zip(xs, _NODES):
            ax.add_patch(FancyBboxPatch((x - 0.035, 0.45), 0.07, 0.14, boxstyle="round,pad=0.01",
                                        facecolor="#F2F2F2", edgecolor=OKABE_ITO[0]))
            ax.text(x, 0.52, text, ha="center", va="center", fontsize=TICK_SIZE + 2)
        for x0, x1, forward, backward in zip(xs, xs[1:], _FORWARD, _BACKWARD):
            ax.add_patch(FancyArrowPatch((x0 + 0.045, 0.56), (x1 - 0.045, 0.56), arrowstyle="-|>",
                                         mutation_scale=16, color=OKABE_ITO[0]))
            ax.text((x0 + x1) / 2, 0.66, forward, ha="center", va="bottom", fontsize=TICK_SIZE)
            ax.add_patch(FancyArrowPatch((x1 - 0.045, 0.48), (x0 + 0.045, 0.48), arrowstyle="-|>",
                                         mutation_scale=16, color=COLORS["derivative"]))
            if backward:
                ax.text((x0 + x1) / 2, 0.38, backward, ha="center", va="top", fontsize=TICK_SIZE,
                        color=COLORS["derivative"])
        ax.text(0.5, 0.92, "forward: each step computes its output from the one on its left", ha="center",
                fontsize=TICK_SIZE)
        ax.text(0.5, 0.06, "backward: each step passes the error back, times its local derivative (the chain rule)",
                ha="center", fontsize=TICK_SIZE, color=COLORS["derivative"])
        fig.description = ("A chain of six boxes, left to right: X, Z1, A1, Z2, Y-hat and the loss J, joined by "
                           "black forward arrows labelled times W1 plus b1, f, times W2 plus b2, softmax and "
                           "cross-entropy. Orange arrows run back, labelled delta2 = Y-hat − Y, then delta2 times "
                           "W2-transposed, then times f'(Z1) to give delta1.")
    finally:
        plt.close(fig)
    return fig


def _first_below(outputs: np.ndarray, threshold: float):
    below = np.flatnonzero(outputs < threshold)
    return int(below[0]) if below.size else None


def plot_learning_slowdown(squared_error, cross_entropy, threshold=0.5):
    """A sigmoid neuron's output epoch by epoch under two losses, with the epoch each first drops below ``threshold``.

    ``squared_error`` and ``cross_entropy`` are the outputs before training and after each epoch,
    as :func:`course_lib.mlp.learning_slowdown` returns them.

    Returns
    -------
    matplotlib.figure.Figure
    """
    curves = {"squared error": as_vector(squared_error, "squared_error", finite=True),
              "cross-entropy": as_vector(cross_entropy, "cross_entropy", finite=True)}
    threshold = as_real(threshold, "threshold")
    for name, outputs in zip(("squared_error", "cross_entropy"), curves.values()):
        if outputs.size == 0:
            raise ValueError(f"{name} must hold the output before training and after each epoch; got none.")
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained", FigureClass=DescribedFigure)
    try:
        parts = []
        for (name, outputs), color in zip(curves.items(), (COLORS["function"], COLORS["derivative"])):
            ax.plot(np.arange(outputs.size), outputs, color=color, linewidth=2.5, label=name)
            epoch = _first_below(outputs, threshold)
            if epoch is not None:
                ax.axvline(epoch, color=color, linestyle=":", linewidth=1.5)
                ax.annotate(f"{epoch} epochs", (epoch, threshold), xytext=(6, 8), textcoords="offset points",
                            color=color, fontsize=TICK_SIZE)
            parts.append(f"with {name} from {_num(outputs[0])}" + (f", below {_num(threshold)} after {epoch} epochs"
                                                                   if epoch is not None else ", never below it"))
        ax.axhline(threshold, color=COLORS["zero"], linewidth=1.2, zorder=0)
        style(ax, "one sigmoid neuron, target 0", "epoch", "output ŷ", zero_lines=False)
        ax.legend(fontsize=TICK_SIZE, loc="upper right")
        fig.description = "The neuron's output against the epoch: " + "; ".join(parts) + "."
    finally:
        plt.close(fig)
    return fig


def plot_decision_regions_grid(models, X, y, *, titles=None, X_test=None, y_test=None, ncols=4, resolution=80):
    """Several trained classifiers' decision regions on the same training data, one small panel each.

    With ``X_test, y_test`` every title gives the training and test accuracy.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if not isinstance(models, (list, tuple)) or not models:
        raise TypeError(f"models must be a non-empty list of fitted classifiers; got {type(models).__name__}.")
    for i, model in enumerate(models):
        if isinstance(model, type):
            raise TypeError(f"models[{i}] must be a fitted classifier, an object such as {model.__name__}().fit(X, y); "
                            f"got the class {model.__name__} itself. Create one and fit it first.")
        if not callable(getattr(model, "predict", None)):
            raise TypeError(f"models[{i}] must be a fitted classifier with a predict method; got {type(model).__name__}.")
    if titles is not None and (not isinstance(titles, (list, tuple)) or len(titles) != len(models)):
        raise ValueError(f"titles must hold one title per model ({len(models)}); got {titles!r}.")
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together (or neither).")
    ncols = as_positive_int(ncols, "ncols", maximum=8)
    nrows = math.ceil(len(models) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(10, 2.6 * nrows + 0.3), layout="constrained",
                             FigureClass=DescribedFigure, squeeze=False)
    try:
        parts = []
        for i, ax in enumerate(axes.flat):
            if i >= len(models):
                ax.set_visible(False)
                continue
            plot_decision_regions(models[i], X, y, resolution=resolution, ax=ax)
            name = titles[i] if titles is not None else type(models[i]).__name__
            train = float(np.mean(np.asarray(models[i].predict(X)) == np.asarray(y)))
            title = f"{name}: train {train:.2f}"
            if X_test is not None:
                test = float(np.mean(np.asarray(models[i].predict(X_test)) == np.asarray(y_test)))
                title += f", test {test:.2f}"
            ax.set_title(title, fontsize=TICK_SIZE - 1)
            ax.legend().set_visible(False)
            ax.set_xlabel("")
            ax.set_ylabel("")
            ax.tick_params(labelsize=TICK_SIZE - 3)
            parts.append(title)
        fig.description = (f"{len(models)} small maps of the plane, each shaded by one "
                           f"model's predicted class with the training points on top: " + "; ".join(parts) + ".")
    finally:
        plt.close(fig)
    return fig


def plot_loss_curves(model):
    """The training loss per epoch of an :class:`~course_lib.mlp.MLPClassifier`, and the held-out loss if recorded.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if isinstance(model, type):
        raise TypeError(f"model must be a fitted MLPClassifier, an object such as {model.__name__}().fit(X, y); got "
                        f"the class {model.__name__} itself. Create one and fit it first.")
    train = getattr(model, "loss_curve_", None)
    if train is None or len(train) == 0:
        raise ValueError("model must be an MLPClassifier fitted for at least one epoch (its loss_curve_ is empty).")
    train = as_vector(train, "model.loss_curve_", finite=True)
    held_out = np.asarray(getattr(model, "validation_loss_curve_", []) or [], dtype=float)
    fig, ax = plt.subplots(figsize=(8, 4), layout="constrained", FigureClass=DescribedFigure)
    try:
        epochs = np.arange(1, train.size + 1)
        ax.plot(epochs, train, color=COLORS["function"], linewidth=2.5, label="training")
        text = f"Loss against epoch over {train.size} epochs: training from {_num(train[0])} to {_num(train[-1])}"
        if held_out.size:
            ax.plot(epochs[:held_out.size], held_out, color=COLORS["derivative"], linewidth=2.5, label="held out")
            best = int(np.argmin(held_out)) + 1
            text += f"; held out from {_num(held_out[0])} to {_num(held_out[-1])}, lowest ({_num(held_out.min())}) at epoch {best}"
        ax.set_yscale("log")
        style(ax, "cross-entropy loss", "epoch", "loss (log scale)", zero_lines=False)
        ax.legend(fontsize=TICK_SIZE)
        ax.grid(alpha=0.3, which="both")
        fig.description = text + "."
    finally:
        plt.close(fig)
    return fig
