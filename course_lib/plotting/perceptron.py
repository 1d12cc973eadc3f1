"""Figures of lesson 03 · The perceptron learning rule, and of every lesson with a classifier after it.

:func:`plot_two_classes` shows labelled points in two features (with a decision
line if given); :func:`plot_decision_regions` colours the plane by what any
classifier with a ``predict`` method answers there; :func:`plot_training_curves`
puts the weight updates of each epoch beside the samples misclassified after it.
:class:`ClassesPlot` draws the points and the line and can move the line in place,
for :class:`course_lib.widgets.PerceptronTrainer`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from course_lib._validation import as_axes, as_matrix, as_positive_int, as_real, as_vector, check_matching, labels_text

from ._core import COLORS, MAX_COORDINATE, OKABE_ITO, TICK_SIZE, DescribedFigure, _num, style
from .neuron import _check_w

__all__ = ["plot_two_classes", "plot_decision_regions", "plot_training_curves", "ClassesPlot"]

CLASS_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")  # Okabe–Ito, dark first
CLASS_MARKERS = ("o", "s", "^", "D", "v", "P")
MARGIN = 0.08  # of the data's range, around the points


def _points(X, y, name: str = "X"):
    """``X`` as an (n, 2) float array and ``y`` as one label per row; the sorted classes."""
    X = as_matrix(X, name, finite=True)
    if X.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one sample to draw; got none (shape {X.shape}).")
    if X.shape[1] != 2:
        raise ValueError(f"{name} must have exactly two features (columns) to be drawn in the plane; "
                         f"got {X.shape[1]}. Choose two, e.g. {name}[:, [0, 2]].")
    if np.abs(X).max() > MAX_COORDINATE:
        raise ValueError(f"{name} must hold values within ±{MAX_COORDINATE:g} to be drawn; got {np.abs(X).max():.3g}. "
                         "Scale the features first.")
    try:
        y = np.asarray(y)
    except ValueError:
        raise ValueError(f"y must be one label per row of {name}, all of one kind; got a ragged sequence.") from None
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError(f"y must hold one label per row of {name}: {name} has {len(X)} rows, y has shape {y.shape}.")
    if y.dtype.kind == "O" and all(isinstance(label, str) for label in y):
        y = y.astype(str)  # names from a pandas column
    if y.dtype.kind == "O" or (y.dtype.kind in "fc" and not np.isfinite(y).all()):
        raise ValueError(f"y must hold labels (numbers or names) with no missing value; got {y[:6].tolist()}.")
    classes = np.unique(y)
    if len(classes) > len(CLASS_COLORS):
        raise ValueError(f"y must hold at most {len(CLASS_COLORS)} classes to be drawn; got {len(classes)}.")
    return X, y, classes


def _names(names, count: int, default, what: str) -> list[str]:
    """``names`` as ``count`` strings (``default`` for ``None``), or a clear error naming ``what``."""
    if names is None:
        return [str(d) for d in default]
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise TypeError(f"{what} must be a list of {count} names (strings), such as {list(map(str, default))}; "
                        f"got {names!r}.")
    if len(names) != count:
        raise ValueError(f"{what} must hold {count} names, one for each; got {len(names)}: {names!r}.")
    return list(names)


def _label(value, signed: bool = True) -> str:
    """A class label for a legend: with ``signed`` (the labels are -1 and +1) '−1' and '+1'; else as it is (0, 1, 'b')."""
    if signed and isinstance(value, (int, float, np.integer, np.floating)) and float(value) in (-1.0, 1.0):
        return "+1" if value > 0 else "\u22121"
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _limits(values: np.ndarray) -> tuple[float, float]:
    low, high = float(values.min()), float(values.max())
    pad = MARGIN * (high - low) if high > low else 0.5
    return low - pad, high + pad


class ClassesPlot:
    """Labelled points in two features on ``ax``, a decision line and a highlighted point.

    :meth:`set_line` and :meth:`set_highlight` move their artists in place (the axes'
    limits stay those of the points), so a widget can redraw them fast.
    ``line`` and ``highlight`` are the artists; ``legend`` the legend.
    """

    def __init__(self, ax, X, y, *, feature_names=None, class_names=None):
        X, y, classes = _points(X, y)
        self.ax, self.classes = as_axes(ax), classes
        features = _names(feature_names, 2, ("$x_1$", "$x_2$"), "feature_names")
        signed = classes.dtype.kind in "iuf" and set(classes.tolist()) <= {-1, 1}
        labels = [_label(c, signed) for c in classes]
        names = _names(class_names, len(classes), labels, "class_names")
        self.names = [f"{name} ({label})" if name != label else name for name, label in zip(names, labels)]
        for i, label in enumerate(classes):
            mine = y == label
            self.ax.scatter(X[mine, 0], X[mine, 1], s=36, c=CLASS_COLORS[i], marker=CLASS_MARKERS[i],
                            edgecolors="white", linewidths=0.6, label=self.names[i], zorder=2)
        (self.line,) = self.ax.plot([], [], color=OKABE_ITO[0], linewidth=2.5, zorder=3)  # not in the legend: it is named in titles
        (self.highlight,) = self.ax.plot([], [], marker="o", markersize=16, markerfacecolor="none",
                                         markeredgecolor=OKABE_ITO[0], markeredgewidth=2.5, linestyle="", zorder=4)
        self.xlim, self.ylim = _limits(X[:, 0]), _limits(X[:, 1])
        self.ax.set_xlim(*self.xlim)
        self.ax.set_ylim(*self.ylim)
        style(self.ax, None, features[0], features[1], zero_lines=False)
        self.legend = self.ax.legend(fontsize=TICK_SIZE - 1, loc="best", framealpha=0.9)

    def set_line(self, w=None, b=0.0):
        """Draw the line :math:`w_1 x_1 + w_2 x_2 + b = 0` (none for ``w=None`` or ``w = 0``); return ``self``."""
        if w is None:
            self.line.set_data([], [])
            return self
        (w1, w2), b = _check_w(w), as_real(b, "b")
        if abs(w2) > 1e-12 * max(abs(w1), 1e-300):  # x2 = -(w1 x1 + b) / w2 across the axes
            x1 = np.array(self.xlim)
            with np.errstate(all="ignore"):
                self.line.set_data(x1, -(w1 * x1 + b) / w2)
        elif w1 != 0.0:  # vertical
            self.line.set_data([-b / w1] * 2, list(self.ylim))
        else:
            self.line.set_data([], [])
        return self

    def side(self, w, b) -> str:
        """'' if the line crosses the axes, else which side of it the whole plot lies on ('+1' or '−1')."""
        w, b = _check_w(w), as_real(b, "b")
        corners = np.array([[x1, x2] for x1 in self.xlim for x2 in self.ylim])
        with np.errstate(all="ignore"):  # huge weights: the sign is all that matters, and inf has one
            signs = np.sign(corners @ w + b)
        if (signs >= 0).all():
            return "+1"
        return "\u22121" if (signs < 0).all() else ""

    def set_highlight(self, x=None):
        """Ring the point ``x`` (two coordinates), or nothing for ``None``; return ``self``."""
        if x is None:
            self.highlight.set_data([], [])
        else:
            x = as_vector(x, "x", length_name="2", finite=True)
            if x.size != 2:
                raise ValueError(f"x must be one point with two coordinates (x1, x2); got {x.size}.")
            self.highlight.set_data([x[0]], [x[1]])
        return self


def _count(plot, values) -> str:
    """'50 setosa (−1), 50 versicolor (+1)': how many samples of each class, by the plot's names."""
    counts = dict(zip(*np.unique(values, return_counts=True)))
    return ", ".join(f"{int(counts[c])} {name}" for c, name in zip(plot.classes, plot.names))


def _plain(label: str) -> str:
    """An axis label without matplotlib's mathtext dollars: '$x_1$' → 'x_1'."""
    return label.replace("$", "")


def plot_two_classes(X, y, *, feature_names=None, class_names=None, w=None, b=0.0, ax=None):
    r"""The samples of ``X`` (two features) coloured and shaped by their label ``y``, and the line
    :math:`w_1 x_1 + w_2 x_2 + b = 0` if ``w`` is given.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if ax is not None:
        ClassesPlot(as_axes(ax), X, y, feature_names=feature_names, class_names=class_names).set_line(w, b)
        return ax.figure
    fig, ax = plt.subplots(figsize=(6.5, 4.8), layout="constrained", FigureClass=DescribedFigure)
    try:
        plot = ClassesPlot(ax, X, y, feature_names=feature_names, class_names=class_names).set_line(w, b)
        X = np.asarray(X, dtype=float)
        fig.description = (f"Scatter of {len(X)} samples ({_count(plot, np.asarray(y))}) by "
                           f"{_plain(ax.get_xlabel())} ({_num(X[:, 0].min())} to {_num(X[:, 0].max())}) and "
                           f"{_plain(ax.get_ylabel())} ({_num(X[:, 1].min())} to {_num(X[:, 1].max())})"
                           + ("" if w is None else ", with the decision line") + ".")
    finally:
        plt.close(fig)
    return fig


def plot_decision_regions(model, X, y, *, feature_names=None, class_names=None, resolution=200, ax=None):
    """The plane coloured by ``model.predict`` (any fitted classifier of two features), with the samples on top.

    Parameters
    ----------
    model : object with a ``predict(X)`` method
        Fitted on two features, e.g. :class:`course_lib.perceptron.Perceptron` or a scikit-learn classifier.
    X : array_like, shape (n_samples, 2)
    y : array_like, shape (n_samples,)
    feature_names, class_names : list of str, optional
    resolution : int, default 200
        Points along each axis of the grid that is coloured.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    if isinstance(model, type):
        raise TypeError(f"model must be a fitted classifier, an object such as {model.__name__}().fit(X, y); got "
                        f"the class {model.__name__} itself. Create one and fit it first.")
    if not callable(getattr(model, "predict", None)):
        raise TypeError(f"model must be a fitted classifier with a predict method; got {type(model).__name__}.")
    resolution = as_positive_int(resolution, "resolution", maximum=2000)
    X, y, classes = _points(X, y)
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(6.5, 4.8), layout="constrained", FigureClass=DescribedFigure)
    else:
        ax = as_axes(ax)
    try:
        plot = ClassesPlot(ax, X, y, feature_names=feature_names, class_names=class_names)
        x1, x2 = np.linspace(*plot.xlim, resolution), np.linspace(*plot.ylim, resolution)
        grid = np.column_stack([g.ravel() for g in np.meshgrid(x1, x2)])
        answers = np.asarray(model.predict(grid)).reshape(resolution, resolution)
        index = np.searchsorted(classes, answers)  # which class each point of the grid gets
        known = (index < len(classes)) & (classes[np.minimum(index, len(classes) - 1)] == answers)
        if not known.all():
            answered = np.unique(answers[~known])
            raise ValueError(f"model.predict answers labels that are not in y: it answered {labels_text(answered)}, "
                             f"but y holds {labels_text(classes)}. Fit the model on these labels (or pass the y it "
                             "was fitted on).")
        ax.imshow(index, extent=(*plot.xlim, *plot.ylim), origin="lower", aspect="auto", interpolation="nearest",
                  cmap=ListedColormap(CLASS_COLORS[:len(classes)]), vmin=0, vmax=len(classes) - 1, alpha=0.22,
                  zorder=0)
        wrong = int((np.asarray(model.predict(X)) != y).sum())
        ax.set_title(f"{type(model).__name__}: {wrong} of {len(y)} on the wrong side", fontsize=TICK_SIZE + 1)
        if own:
            shares = ", ".join(f"{name} {np.mean(index == i):.0%}" for i, name in enumerate(plot.names))
            fig.description = (f"Decision regions of {type(model).__name__} over {_plain(ax.get_xlabel())} and "
                               f"{_plain(ax.get_ylabel())}: the plane is shaded by the predicted class ({shares} of the "
                               f"area), with the {len(y)} samples on top; {wrong} fall on the wrong side.")
    finally:
        if own:
            plt.close(fig)
    return ax.figure


def plot_training_curves(updates, misclassified, n_samples=None):
    """Side by side: the weight updates made during each epoch, and the samples misclassified after it.

    The two differ: an update happens *during* an epoch and can change the answer for many
    samples at once, so a few updates may leave half the samples wrong.

    Returns
    -------
    matplotlib.figure.Figure
    """
    updates = as_vector(updates, "updates", length_name="n_epochs", finite=True)
    misclassified = as_vector(misclassified, "misclassified", length_name="n_epochs", finite=True)
    check_matching(updates.size, "updates", misclassified.size, "misclassified",
                   hint="Pass the updates_ and misclassified_ of the same model.")
    if updates.size == 0:
        raise ValueError("updates must hold at least one epoch; got none.")
    epochs = np.arange(1, updates.size + 1)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained", FigureClass=DescribedFigure, sharex=True)
    try:
        for ax, values, color, title in [
            (axes[0], updates, COLORS["function"], "weight updates during each epoch"),
            (axes[1], misclassified, COLORS["derivative"], "misclassified after each epoch"),
        ]:
            ax.plot(epochs, values, marker="o", color=color, linewidth=2)
            style(ax, title, "epoch", "samples", zero_lines=False)
            ax.set_ylim(bottom=0, top=max(1.0, float(values.max())) * 1.1 if n_samples is None
                        else as_positive_int(n_samples, "n_samples") * 1.05)
            ax.set_xticks(epochs if epochs.size <= 20 else np.linspace(1, epochs.size, 6).round())
            ax.grid(alpha=0.3)
        shown = lambda v: ", ".join(str(int(x)) if float(x).is_integer() else _num(x) for x in v[:12])  # noqa: E731
        more = ", …" if updates.size > 12 else ""
        fig.description = (f"Two line charts over {updates.size} epochs. Left, the weight updates during each "
                           f"epoch: {shown(updates)}{more}. Right, the training samples misclassified after each "
                           f"epoch: {shown(misclassified)}{more}.")
    finally:
        plt.close(fig)
    return fig
