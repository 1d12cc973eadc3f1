"""Figures of lesson 08 · Capstone: handwritten digits.

:func:`plot_digits` shows example images per class, :func:`plot_learning_curves` the loss and
accuracy of training and held-out data epoch by epoch, :func:`plot_confusion_matrix` what is
mistaken for what, and :func:`plot_misclassified` the images the network got wrong.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np

from course_lib._validation import as_float_array, as_positive_int

from ._core import CMAP, COLORS, TICK_SIZE, DescribedFigure, _num, style

__all__ = ["plot_digits", "plot_learning_curves", "plot_confusion_matrix", "plot_misclassified"]


def _images(images, name: str = "images") -> np.ndarray:
    images = as_float_array(images, name, finite=True)
    if images.ndim != 3:
        raise ValueError(f"{name} must be a stack of 2-D images, shape (n_images, height, width); got shape "
                         f"{images.shape}. Reshape rows of 64 pixels with {name}.reshape(-1, 8, 8).")
    if images.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one image; got none.")
    return images


def _labels(labels, n: int, name: str) -> np.ndarray:
    try:
        labels = np.asarray(labels)
    except ValueError:
        raise ValueError(f"{name} must be one whole-number label per image; got a ragged sequence.") from None
    if labels.shape != (n,) or labels.dtype.kind not in "iu":
        raise ValueError(f"{name} must hold one whole-number label per image of images ({n} images); got shape "
                         f"{labels.shape}, dtype {labels.dtype}.")
    return labels


def _show(ax, image, title, vmax):
    ax.imshow(image, cmap="gray_r", vmin=0, vmax=vmax, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=TICK_SIZE - 1)


def plot_digits(images, labels, per_class=6):
    """The first ``per_class`` images of every class, one row per class (dark = more ink).

    Returns
    -------
    matplotlib.figure.Figure
    """
    images = _images(images)
    labels = _labels(labels, len(images), "labels")
    per_class = as_positive_int(per_class, "per_class", maximum=20)
    classes = np.unique(labels)
    fig, axes = plt.subplots(len(classes), per_class, figsize=(0.62 * per_class + 0.6, 0.62 * len(classes)),
                             layout="constrained", FigureClass=DescribedFigure, squeeze=False)
    try:
        vmax = float(images.max()) or 1.0
        for row, label in zip(axes, classes):
            mine = np.flatnonzero(labels == label)[:per_class]
            for col, ax in enumerate(row):
                if col < mine.size:
                    _show(ax, images[mine[col]], None, vmax)
                else:
                    ax.set_visible(False)
            row[0].set_ylabel(str(label), rotation=0, fontsize=TICK_SIZE, labelpad=12, va="center")
        fig.description = (f"A grid of {len(classes)} rows of {per_class} handwritten digit images, "
                           f"{images.shape[1]}×{images.shape[2]} pixels each, one row per digit "
                           f"{', '.join(map(str, classes))}; darker pixels hold more ink.")
    finally:
        plt.close(fig)
    return fig


def plot_learning_curves(loss, accuracy):
    """Loss (left, log scale) and accuracy (right) per epoch: ``{"training": [...], "held out": [...]}`` each.

    Returns
    -------
    matplotlib.figure.Figure
    """
    panels = [("loss", loss), ("accuracy", accuracy)]
    for what, curves in panels:
        if not isinstance(curves, dict) or not curves or not all(isinstance(k, str) for k in curves):
            raise TypeError(f"{what} must be a dict of curve names to values per epoch, such as "
                            f"{{'training': [...], 'held out': [...]}}; got {type(curves).__name__}.")
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained", FigureClass=DescribedFigure)
    try:
        parts = []
        for ax, (what, curves) in zip(axes, panels):
            for (name, values), color in zip(curves.items(), (COLORS["function"], COLORS["derivative"], "#009E73")):
                values = as_float_array(values, f"{what}[{name!r}]", finite=True, ndim=1)
                if values.size == 0:
                    raise ValueError(f"{what}[{name!r}] must hold at least one epoch; got none.")
                ax.plot(np.arange(1, values.size + 1), values, color=color, linewidth=2.2, marker="o", markersize=3,
                        label=name)
                parts.append(f"{what} on {name} data from {_num(values[0])} to {_num(values[-1])}")
            style(ax, what, "epoch", what + (" (log scale)" if what == "loss" else ""), zero_lines=False)
            if what == "loss":
                ax.set_yscale("log")
            ax.grid(alpha=0.3, which="both")
            ax.legend(fontsize=TICK_SIZE)
        fig.description = "Two line charts against the epoch: " + "; ".join(parts) + "."
    finally:
        plt.close(fig)
    return fig


def plot_confusion_matrix(matrix, class_names=None):
    """A confusion matrix as a grid of counts: rows the true class, columns the prediction.

    Returns
    -------
    matplotlib.figure.Figure
    """
    matrix = as_float_array(matrix, "matrix", finite=True, ndim=2)
    if matrix.shape[0] != matrix.shape[1] or matrix.shape[0] == 0:
        raise ValueError(f"matrix must be square, one row and one column per class; got shape {matrix.shape}.")
    bad = (matrix < 0) | (matrix > 1e12) | (matrix != np.round(matrix))
    if bad.any():
        i, j = (int(v) for v in np.argwhere(bad)[0])
        raise ValueError(f"matrix must hold counts: whole numbers from 0 to 1e12, as confusion_matrix returns them; "
                         f"got matrix[{i}, {j}] = {matrix[i, j]:g}.")
    k = matrix.shape[0]
    if class_names is not None and (not isinstance(class_names, (list, tuple))
                                    or not all(isinstance(n, str) for n in class_names)):
        raise TypeError(f"class_names must be a list of {k} names (strings); got {class_names!r}.")
    names = [str(i) for i in range(k)] if class_names is None else list(class_names)
    if len(names) != k:
        raise ValueError(f"class_names must hold {k} names; got {len(names)}.")
    fig, ax = plt.subplots(figsize=(6.2, 5.4), layout="constrained", FigureClass=DescribedFigure)
    try:
        off = matrix - np.diag(np.diag(matrix))
        image = ax.imshow(off, cmap=CMAP, vmin=0, vmax=max(1.0, off.max()))
        for i in range(k):
            for j in range(k):
                if matrix[i, j]:
                    ax.text(j, i, f"{int(matrix[i, j])}", ha="center", va="center", fontsize=TICK_SIZE - 1,
                            color="black" if off[i, j] > 0.6 * off.max() else "white",  # light text on dark cells
                            fontweight="bold" if i == j else "normal")
        ax.set_xticks(range(k), names)
        ax.set_yticks(range(k), names)
        style(ax, "confusion matrix (colour: mistakes only)", "predicted", "true", zero_lines=False)
        fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04).set_label("wrong predictions", fontsize=TICK_SIZE)
        worst = np.unravel_index(np.argmax(off), off.shape)
        fig.description = (f"A {k}×{k} confusion matrix of {int(matrix.sum())} predictions, {int(np.trace(matrix))} "
                           f"on the diagonal (right); the most frequent mistake is true {names[worst[0]]} predicted "
                           f"as {names[worst[1]]}, {int(off[worst])} times.")
    finally:
        plt.close(fig)
    return fig


def plot_misclassified(images, y_true, y_pred, max_images=24):
    """The images whose prediction is wrong, each titled 'true → predicted'.

    Returns
    -------
    matplotlib.figure.Figure
    """
    images = _images(images)
    y_true = _labels(y_true, len(images), "y_true")
    y_pred = _labels(y_pred, len(images), "y_pred")
    max_images = as_positive_int(max_images, "max_images", maximum=100)
    wrong = np.flatnonzero(y_true != y_pred)[:max_images]
    columns = 8
    rows = max(1, math.ceil(wrong.size / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(9, 1.35 * rows + 0.2), layout="constrained",
                             FigureClass=DescribedFigure, squeeze=False)
    try:
        vmax = float(images.max()) or 1.0
        for n, ax in enumerate(axes.flat):
            if n < wrong.size:
                i = wrong[n]
                _show(ax, images[i], f"{y_true[i]} → {y_pred[i]}", vmax)
            else:
                ax.set_visible(False)
        pairs = ", ".join(f"{y_true[i]} as {y_pred[i]}" for i in wrong)
        fig.description = (f"{wrong.size} misclassified digit images, each titled true → predicted: {pairs}."
                           if wrong.size else "No image was misclassified.")
    finally:
        plt.close(fig)
    return fig
