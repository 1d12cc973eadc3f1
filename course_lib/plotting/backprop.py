"""Figures of lesson 06 · Backpropagation.

:func:`plot_hidden_lines` draws what a 2-2-2 network does with XOR: the two hidden units'
lines in the input plane, and the same points in the hidden units' plane, where one line
(the output's) separates them. :func:`plot_loss_race` puts the loss curves of several
training runs on one axis and marks when each first gets below a threshold.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from course_lib._validation import as_bool, as_matrix, as_real, as_vector, product_plus_bias, sizes_text

from ._core import COLORS, OKABE_ITO, TICK_SIZE, DescribedFigure, _num, style
from .perceptron import ClassesPlot

__all__ = ["plot_hidden_lines", "plot_loss_race"]

_HIDDEN_COLORS = (OKABE_ITO[5], OKABE_ITO[6])  # blue and vermillion: unit 1 and unit 2


def _two_two_two(W1, b1, W2, b2):
    W1, W2 = as_matrix(W1, "W1", finite=True), as_matrix(W2, "W2", finite=True)
    b1, b2 = as_vector(b1, "b1", finite=True), as_vector(b2, "b2", finite=True)
    if W1.shape != (2, 2) or b1.shape != (2,) or W2.shape != (2, 2) or b2.shape != (2,):
        raise ValueError("W1, b1, W2, b2 must be those of a 2-2-2 network: shapes (2, 2), (2,), (2, 2), (2,); got "
                         f"{W1.shape}, {b1.shape}, {W2.shape}, {b2.shape}.")
    return W1, b1, W2, b2


def _line_text(w, b) -> str:
    return f"{_num(w[0])}·x₁ {'+' if w[1] >= 0 else '−'} {_num(abs(w[1]))}·x₂ {'+' if b >= 0 else '−'} {_num(abs(b))} = 0"


def plot_hidden_lines(W1, b1, W2, b2, X, y):
    r"""A 2-2-2 tanh network on two features: its hidden lines (left) and the hidden plane (right).

    Left: the samples with the line :math:`z_j = x W_{1,:j} + b_{1,j} = 0` of each hidden unit
    (where its tanh changes sign), an arrow on the side where it is positive.
    Right: every sample at :math:`(a_1, a_2) = \tanh(x W_1 + b_1)`, with the output's line
    :math:`z_{2,1} - z_{2,0} = 0`, where softmax gives both classes 0.5.

    Parameters
    ----------
    W1, b1, W2, b2 : arrays of shapes (2, 2), (2,), (2, 2), (2,)
    X : array_like, shape (n_samples, 2)
    y : array_like, shape (n_samples,), labels 0 and 1

    Returns
    -------
    matplotlib.figure.Figure
    """
    W1, b1, W2, b2 = _two_two_two(W1, b1, W2, b2)
    X = as_matrix(X, "X", cols="2", finite=True)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns, one per input of the network; got {X.shape[1]}.")
    A = np.tanh(product_plus_bias(X, W1, b1, "X, W1 and b1"))             # (n, 2) the hidden activations
    with np.errstate(all="ignore"):
        w_out, b_out = W2[:, 1] - W2[:, 0], b2[1] - b2[0]                 # class 1 wins where a·w_out + b_out > 0
    if not (np.all(np.isfinite(w_out)) and np.isfinite(b_out)):
        raise ValueError(f"W2 and b2 must be small enough for the difference of their columns to stay below "
                         f"{np.finfo(float).max:.3g}; got {sizes_text(W2=W2, b2=b2)}.")
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5), layout="constrained", FigureClass=DescribedFigure)
    try:
        plot = ClassesPlot(left, X, y)
        parts = []
        for j, color in enumerate(_HIDDEN_COLORS):
            w, b = W1[:, j], b1[j]
            x1 = np.array(plot.xlim)
            if abs(w[1]) > 1e-12:
                left.plot(x1, -(w[0] * x1 + b) / w[1], color=color, linewidth=2.5, label=f"unit {j + 1}: z = 0")
            else:
                left.axvline(-b / w[0], color=color, linewidth=2.5, label=f"unit {j + 1}: z = 0")
            centre = np.array([np.mean(plot.xlim), np.mean(plot.ylim)])
            foot = centre - (centre @ w + b) * w / (w @ w)                # the line's point nearest the centre
            step = 0.12 * (plot.xlim[1] - plot.xlim[0]) * w / np.linalg.norm(w)
            left.annotate("", foot + step, foot, arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 2})
            parts.append(f"hidden unit {j + 1} is the line {_line_text(w, b)}")
        left.set_xlim(*plot.xlim)
        left.set_ylim(*plot.ylim)
        left.set_title("input plane: one line per hidden unit", fontsize=TICK_SIZE + 1)
        left.legend(fontsize=TICK_SIZE - 2, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=4)
        hidden = ClassesPlot(right, A, y, feature_names=["$a_1$ (unit 1)", "$a_2$ (unit 2)"])
        hidden.set_line(w_out, b_out)
        right.set_title("hidden plane: the output draws one line", fontsize=TICK_SIZE + 1)
        right.legend(fontsize=TICK_SIZE - 2, loc="best", framealpha=0.9)
        predicted = (A @ w_out + b_out > 0).astype(int)
        right_count = int(np.sum(predicted == np.asarray(y)))
        fig.description = (f"Two panels. Left, the {len(X)} samples in the input plane; " + "; ".join(parts)
                           + ". Right, the same samples at their hidden activations (a1, a2), with the output's "
                           f"line {_line_text(w_out, b_out).replace('x₁', 'a₁').replace('x₂', 'a₂')}: "
                           f"{right_count} of {len(X)} samples on their class's side.")
    finally:
        plt.close(fig)
    return fig


def plot_loss_race(runs, *, threshold=None, log=False):
    """The loss per epoch of several training runs on one axis, and when each first gets below a threshold.

    Parameters
    ----------
    runs : dict of str to array_like
        A label for each run and its losses per epoch (at most 4 runs).
    threshold : float, optional
        Draw this loss as a grey line and give, for each run, the first epoch below it.
    log : bool, default False
        A logarithmic loss axis (then every loss must be positive).

    Returns
    -------
    matplotlib.figure.Figure

    >>> plot_loss_race({"a": [1.0, 0.5, 0.2], "b": [1.0, 0.9, 0.8]}, threshold=0.3).description[:40]
    'Loss per epoch of 2 runs: a from 1 to 0.'
    """
    if not isinstance(runs, dict) or not 1 <= len(runs) <= 4:
        raise TypeError(f"runs must be a dict of 1 to 4 labels to losses per epoch; got {type(runs).__name__} "
                        f"{str(runs)[:60]}.")
    log = as_bool(log, "log")
    curves = {str(name): as_vector(values, f"runs[{name!r}]", finite=True) for name, values in runs.items()}
    for name, values in curves.items():
        if values.size == 0:
            raise ValueError(f"runs[{name!r}] must hold at least one loss; got none.")
        if log and (values <= 0).any():
            raise ValueError(f"runs[{name!r}] must hold positive losses on a logarithmic axis; got {values[:5]}. "
                             "Use log=False.")
    if threshold is not None:
        threshold = as_real(threshold, "threshold", positive=True)
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained", FigureClass=DescribedFigure)
    try:
        parts = []
        for i, (name, values) in enumerate(curves.items()):
            color = OKABE_ITO[(5, 6, 3, 7)[i]]
            epochs = np.arange(1, values.size + 1)
            ax.plot(epochs, values, color=color, linewidth=2.5, label=name)
            text = f"{name} from {_num(values[0])} to {values[-1]:.2g}"
            if threshold is not None:
                below = np.flatnonzero(values < threshold)
                if below.size:
                    ax.plot(below[0] + 1, values[below[0]], marker="o", markersize=8, color=color)
                    text += f", below {_num(threshold)} at epoch {below[0] + 1}"
                else:
                    text += f", never below {_num(threshold)}"
            parts.append(text)
        if threshold is not None:
            ax.axhline(threshold, color=COLORS["zero"], linewidth=1.5, zorder=0)
        if log:
            ax.set_yscale("log")
        style(ax, "training loss", "epoch", "loss (log scale)" if log else "loss", zero_lines=False)
        ax.legend(fontsize=TICK_SIZE)
        ax.grid(alpha=0.3, which="both")
        fig.description = f"Loss per epoch of {len(curves)} runs{', log scale' if log else ''}: " + "; ".join(parts) + "."
    finally:
        plt.close(fig)
    return fig
