r"""The widget of lesson 04 · Gradient descent: the path of the weights on the cost surface, live.

:class:`GradientDescentExplorer` runs gradient descent on a two-weight linear neuron
(:math:`\hat y = w_1 x_1 + w_2 x_2`, the bias held at 0 so that the cost is a surface
over the plane) and draws the path of the weights on the contours of
:math:`J(w_1, w_2)`, beside the cost after every step. Controls: the learning rate on
a log scale, the number of epochs, the start point, and full batch, mini-batch or
stochastic updates. Each step is :func:`course_lib.gradient_descent.gradient_step`'s
update of ``w`` (the tests check it step by step), written out here so that a
thousand steps take milliseconds.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course_lib._validation import as_choice, as_int, as_positive_int
from course_lib.plotting import COLORS, CostSurface, style
from course_lib.plotting._core import _num

from ._core import DPI, _WIDE, _Blitter, _describe, _description_widget, _Explorer, _image_widget, _in_range, _png
from .perceptron import training_set

__all__ = ["GradientDescentExplorer", "BATCH_MODES"]

BATCH_MODES = {"full batch": None, "mini-batch (10)": 10, "stochastic (1)": 1}
"""The update modes the explorer offers, and the batch size of each (None: all samples)."""
RATE_EXPONENTS = (-5.0, -1.0)  # the learning-rate slider: 1e-5 to 0.1
MAX_EPOCHS = 50
TOO_LARGE = 1e12  # a cost beyond this is called diverged and the run stops


def descend(X, y, start, learning_rate, n_epochs, batch_size=None, random_state=0):
    r"""The weights after every update of gradient descent on :math:`J(w) = \tfrac12 \sum (y - Xw)^2` (no bias).

    Returns ``(path, diverged)``: the start and every update as rows of ``path``,
    and whether the run stopped because the cost left ``TOO_LARGE`` behind. Batches
    visit the samples in a seeded random order each epoch (full batch: all at once).
    """
    n = len(y)
    size = n if batch_size is None else min(batch_size, n)
    rng = np.random.default_rng(random_state)
    w = np.array(start, dtype=float)
    path = [w]
    with np.errstate(all="ignore"):  # leaving the float range is caught below, not warned about
        for _ in range(n_epochs):
            order = np.arange(n) if size == n else rng.permutation(n)
            Xo, yo = X[order], y[order]                            # this epoch's order: batches are slices
            for first in range(0, n, size):
                Xb, yb = Xo[first:first + size], yo[first:first + size]
                errors = yb - Xb @ w                               # y − ŷ      (batch,)
                w = w + learning_rate * (errors @ Xb)              # w ← w + η Xᵀ(y − ŷ)
                path.append(w)
            finite = np.all(np.abs(path[-1]) < 1e100)
            if not finite or 0.5 * float(np.sum((y - X @ w) ** 2)) > TOO_LARGE:
                path = np.array(path)
                keep = np.all(np.abs(path) < 1e100, axis=1)        # up to the first step out of range
                return path[:int(np.argmin(keep))] if not keep.all() else path, True
    return np.array(path), False


def _grid(limits):
    """``(low, high, step)`` of a slider over ``limits``: a round step (1, 2 or 5 times a power of ten,
    about a hundredth of the range) and ends that are whole multiples of it."""
    width = limits[1] - limits[0]
    power = 10.0 ** np.floor(np.log10(width / 100))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= width / 100)
    return (round(float(np.floor(limits[0] / step) * step), 10), round(float(np.ceil(limits[1] / step) * step), 10),
            round(float(step), 12))


class GradientDescentExplorer(_Explorer):
    r"""Gradient descent on the cost surface of a two-weight neuron: learning rate, epochs, start and batch size.

    Parameters
    ----------
    X, y : array_like, optional
        Two features and targets; by default the lesson's raw Iris lengths (setosa −1, versicolor +1).
    learning_rate : float, default 1e-4
        Between 1e-5 and 0.1 (the slider is logarithmic).
    n_epochs : int, default 10
        Passes over the data, 1 to 50.
    start : (float, float), default (0, 0)
        The initial weights; inside the plotted ranges.
    mode : str, default "full batch"
        One of :data:`BATCH_MODES`.
    random_state : int, default 0
        The seed of the order in which mini-batches and single samples are visited.

    Attributes
    ----------
    learning_rate : ipywidgets.FloatLogSlider
    n_epochs : ipywidgets.IntSlider
    w1_start, w2_start : ipywidgets.FloatSlider
    mode : ipywidgets.ToggleButtons
    readout : ipywidgets.HTML
    path : ndarray, shape (n_updates + 1, 2)
        The weights drawn, from the start.
    costs : ndarray
        The cost after each update (the start first).
    diverged : bool
    image : ipywidgets.Image
    description : ipywidgets.HTML
        "describe the figure": the picture in words, rewritten at every redraw.
    widget : ipywidgets.VBox
    """

    def __init__(self, X=None, y=None, *, learning_rate=1e-4, n_epochs=10, start=(0.0, 0.0), mode="full batch",
                 random_state=0):
        if X is None and y is None:
            X, y, _, _ = training_set("setosa / versicolor")
        elif X is None or y is None:
            raise TypeError("X and y must be given together (or neither, for the lesson's Iris data); got only "
                            f"{'y' if X is None else 'X'}.")
        self.figure = Figure(figsize=(11.0, 4.4), dpi=DPI, layout="constrained")
        FigureCanvasAgg(self.figure)
        surface_ax, self._curve_ax = self.figure.subplots(1, 2, width_ratios=[1.2, 1])
        self._surface = CostSurface(surface_ax, X, y, colorbar=False)
        self.X, self.y = self._surface.X, self._surface.y
        self.random_state = as_int(random_state, "random_state", minimum=0)
        low, high = 10 ** RATE_EXPONENTS[0], 10 ** RATE_EXPONENTS[1]
        learning_rate = _in_range(learning_rate, "learning_rate", low, high)
        n_epochs = as_positive_int(n_epochs, "n_epochs", maximum=MAX_EPOCHS)
        if not isinstance(start, (tuple, list, np.ndarray)) or len(start) != 2:
            raise TypeError(f"start must be a pair of weights (w1, w2) such as (0, 0); got {start!r}"[:200] + ".")
        # Start sliders on a grid of round steps that holds 0: the browser snaps a value to its slider's
        # grid, so a start off the grid would be moved there, and the picture would differ from Python's.
        grids = [_grid(r) for r in (self._surface.w1_range, self._surface.w2_range)]
        start = [round(round(_in_range(s, name, low, high) / step) * step, 10) + 0.0 for s, name, (low, high, step) in
                 zip(start, ("start[0]", "start[1]"), grids)]
        mode = as_choice(mode, "mode", tuple(BATCH_MODES))

        self.learning_rate = widgets.FloatLogSlider(value=learning_rate, base=10, min=RATE_EXPONENTS[0],
                                                    max=RATE_EXPONENTS[1], step=0.1, description="learning rate η",
                                                    readout_format=".1e", style=_WIDE)
        self.n_epochs = widgets.IntSlider(value=n_epochs, min=1, max=MAX_EPOCHS, description="epochs", style=_WIDE)
        self.w1_start, self.w2_start = (
            widgets.FloatSlider(value=s, min=low, max=high, step=step, description=label, readout_format=".2f",
                                style=_WIDE)
            for s, (low, high, step), label in zip(start, grids, ("start w₁", "start w₂")))
        self.mode = widgets.ToggleButtons(options=tuple(BATCH_MODES), value=mode, description="update")
        self.mode.style.button_width = "auto"
        self.readout = widgets.HTML()
        self.description = _description_widget()
        self._build_curve_axes()
        self.image = _image_widget(self.figure)
        self.widget = widgets.VBox([
            widgets.HBox([widgets.VBox([self.learning_rate, self.n_epochs]), widgets.VBox([self.w1_start, self.w2_start])]),
            self.mode, self.readout, self.image, self.description])
        for control in (self.learning_rate, self.n_epochs, self.w1_start, self.w2_start, self.mode):
            control.observe(self._on_change, names="value")
        self.update()

    def _build_curve_axes(self):
        ax, surface = self._curve_ax, self._surface
        J_start_max = max(0.5 * float(np.sum((self.y - self.X @ np.array([a, c])) ** 2))
                          for a in surface.w1_range for c in surface.w2_range)
        self._ylim = (0.7 * max(surface.J_star, 1e-3), 100 * max(J_start_max, 1.0))
        ax.set_yscale("log")
        ax.set_ylim(*self._ylim)
        ax.set_xlim(0, self.n_epochs.value)
        ax.axhline(surface.J_star, color=COLORS["zero"], linestyle="--", linewidth=1.5, zorder=0)
        ax.text(0.02, surface.J_star * 1.15, f"lowest cost {surface.J_star:.3g}", transform=ax.get_yaxis_transform(),
                fontsize=10, color="0.4")
        (self._cost_line,) = ax.plot([], [], color=COLORS["function"], linewidth=1.8)
        (self._epoch_marks,) = ax.plot([], [], color=COLORS["function"], marker="o", markersize=4, linestyle="")
        style(ax, None, "epoch", "cost $J$ (log scale)", zero_lines=False)
        ax.grid(alpha=0.3)
        surface.ax.legend(handles=[surface.start, surface.path_line, surface.end], fontsize=10, loc="upper right",
                          framealpha=0.85)
        # Lay out once with two-line titles in place, then keep that layout (see _core._freeze_layout).
        for a in (surface.ax, ax):
            a.set_title("placeholder\nplaceholder", fontsize=12)
        self.figure.canvas.draw()
        self.figure.set_layout_engine("none")
        changing = [surface.path_line, surface.start, surface.end, surface.ax.title, ax.title, self._cost_line,
                    self._epoch_marks, surface.ax.get_legend()]
        changing += [surface.minimum_marker] if surface.minimum_marker is not None else []  # drawn over the path
        changing += [*ax.spines.values(), *surface.ax.spines.values()]  # over the curve where it meets the frame
        self._blitter = _Blitter(self.figure, changing)

    def _on_change(self, change):
        self.update()

    # ------------------------------------------------------------ computing, then drawing

    def run(self):
        """Recompute :attr:`path`, :attr:`costs` and :attr:`diverged` for the controls' current values."""
        batch_size = BATCH_MODES[self.mode.value]
        start = (self.w1_start.value, self.w2_start.value)
        self.path, self.diverged = descend(self.X, self.y, start, self.learning_rate.value, self.n_epochs.value,
                                           batch_size, self.random_state)
        with np.errstate(all="ignore"):
            residuals = self.y - self.path @ self.X.T              # (n_updates + 1, n_samples)
            self.costs = 0.5 * np.sum(residuals ** 2, axis=1)      # J after each update
        self.steps_per_epoch = -(-len(self.y) // (len(self.y) if batch_size is None else min(batch_size, len(self.y))))

    def _redraw(self):
        self.run()
        ax, surface = self._curve_ax, self._surface
        if ax.get_xlim()[1] != self.n_epochs.value:  # a new epoch axis: the background is drawn again
            ax.set_xlim(0, self.n_epochs.value)
        surface.set_path(self.path, markers=len(self.path) <= 120)
        epochs = np.arange(len(self.costs)) / self.steps_per_epoch
        shown = np.minimum(self.costs, self._ylim[1] * 10)  # diverged costs leave the top of the plot as a line
        self._cost_line.set_data(epochs, shown)
        whole = np.arange(0, len(self.costs), self.steps_per_epoch)
        self._epoch_marks.set_data(epochs[whole], shown[whole])
        steps, rate = len(self.path) - 1, self.learning_rate.value
        w = self.path[-1]
        surface.ax.title.set_text(f"η = {rate:.1e}, {self.mode.value}: {steps} steps\n"
                                  f"from ({_num(self.path[0][0])}, {_num(self.path[0][1])}) "
                                  f"to ({_num(w[0])}, {_num(w[1])})")
        if self.diverged:
            ax.title.set_text(f"diverged after {steps} steps:\nthe cost grew past {TOO_LARGE:.0e}")
        else:
            ax.title.set_text(f"cost after {self.n_epochs.value} epochs: {self.costs[-1]:.4g}\n"
                              f"(lowest possible {surface.J_star:.4g})")
        self.readout.value = self._describe()
        _describe(self.description, self._describe_figure())
        self._blitter.render()
        self.image.value = _png(self.figure)

    def _describe(self) -> str:
        limit = 2.0 / np.linalg.eigvalsh(self.X.T @ self.X)[-1]
        text = (f"{self.steps_per_epoch} update{'s' if self.steps_per_epoch > 1 else ''} per epoch "
                f"({len(self.path) - 1} in all). Full-batch descent on these features is stable only for "
                f"η below 2/λ<sub>max</sub> ≈ {limit:.2g}.")
        if self.diverged or self.costs[-1] > self.costs[0]:
            text += " <b>The cost grew</b>: every step overshoots the valley's floor further than the last."
        if self._surface.left_plot:
            text += " The path left the plot."
        return text

    def _describe_figure(self) -> str:
        epochs = self.n_epochs.value
        if self.diverged:
            curve = f"the cost grows with every step until it passes {TOO_LARGE:.0e}, where the run stops"
        else:
            curve = (f"the cost falls from {self.costs[0]:.4g} to {self.costs[-1]:.4g} after {epochs} "
                     f"epoch{'s' * (epochs != 1)}" if self.costs[-1] <= self.costs[0] else
                     f"the cost rises from {self.costs[0]:.4g} to {self.costs[-1]:.4g} after {epochs} "
                     f"epoch{'s' * (epochs != 1)}")
        return (f"Left: {self._surface.describe()} Right: the cost after each of the {len(self.path) - 1} updates "
                f"({self.mode.value}, η = {self.learning_rate.value:.1e}) on a log scale, a dot at each epoch's end, and "
                f"a dashed line at the lowest cost {self._surface.J_star:.4g}: {curve}.")

    def __repr__(self):
        return (f"GradientDescentExplorer(learning_rate={self.learning_rate.value:.2g}, n_epochs={self.n_epochs.value}, "
                f"start=({self.w1_start.value:g}, {self.w2_start.value:g}), mode={self.mode.value!r}, "
                f"final cost={self.costs[-1]:.4g}{', diverged' if self.diverged else ''})")
