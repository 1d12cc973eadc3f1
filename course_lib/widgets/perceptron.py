"""The widget of lesson 03 · The perceptron learning rule: train one sample or one epoch at a time.

:class:`PerceptronTrainer` shows the data, the current decision line, the sample
being looked at and the update it causes, and beside them the two curves of the
lesson growing epoch by epoch: the weight updates *during* each epoch and the
samples misclassified *after* it. Every step is :func:`course_lib.perceptron.update`,
so after N epochs the trainer holds exactly what ``Perceptron(n_epochs=N).fit``
learns (the tests check it).
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from course_lib import datasets, perceptron
from course_lib._validation import as_choice, as_positive_int, as_real
from course_lib.plotting import COLORS, ClassesPlot, style
from course_lib.plotting._core import _num

from ._core import (DPI, _Blitter, _button, _describe, _description_widget, _Explorer, _image_widget, _PlayControl,
                    _png, _row)

__all__ = ["PerceptronTrainer", "TRAINING_SETS"]

IRIS_FEATURES = ("sepal_length_cm", "petal_length_cm")
TRAINING_SETS = ("setosa / versicolor", "versicolor / virginica", "XOR")
"""The data the trainer offers: two pairs of Iris species (sepal and petal length), and XOR."""
EPOCH_AXIS = 10  # the curves' epoch axis starts at 10 epochs and doubles when training goes beyond


def training_set(name: str):
    """``(X, y, feature_names, class_names)`` of one of :data:`TRAINING_SETS`, labels -1 and +1.

    >>> X, y, features, classes = training_set("setosa / versicolor")
    >>> X.shape, classes
    ((100, 2), ['setosa', 'versicolor'])
    """
    name = as_choice(name, "data", TRAINING_SETS)
    if name == "XOR":
        X, y01 = datasets.make_xor(n_samples=40, noise=0.12, random_state=0)
        return X, np.where(y01 == 1, 1.0, -1.0), ["$x_1$", "$x_2$"], ["x₁ = x₂", "x₁ ≠ x₂"]
    first, second = name.split(" / ")
    iris = datasets.load_iris()
    pair = iris[iris["species"].isin([first, second])]
    X = pair[list(IRIS_FEATURES)].to_numpy(dtype=float)
    y = np.where(pair["species"] == first, -1.0, 1.0)
    return X, y, ["sepal length [cm]", "petal length [cm]"], [first, second]


def _pair(v) -> str:
    return "(" + ", ".join(_num(x) for x in v) + ")"


class PerceptronTrainer(_Explorer):
    """Step through the perceptron's training: one sample, one epoch, or playing on its own.

    Parameters
    ----------
    data : str, default "setosa / versicolor"
        One of :data:`TRAINING_SETS`.
    learning_rate : float, default 0.1
    interval_ms : int, default 400
        The pause between two samples while playing.

    Attributes
    ----------
    w, b : the current weights and bias
    epoch : int
        Epochs completed.
    position : int
        Samples of the current epoch already seen (0 at the start of an epoch).
    updates, misclassified : list of int
        Per completed epoch, as ``Perceptron.updates_`` and ``misclassified_``.
    next_sample, next_epoch, reset_button : ipywidgets.Button
    play : ipywidgets.Play
        Each tick is one sample while ``play.playing``; its own icon buttons are hidden.
    play_button : ipywidgets.ToggleButton
        "▶ play" / "❚❚ pause", linked in the browser to ``play.playing``.
    data : ipywidgets.Dropdown
    readout : ipywidgets.HTML
        What the last step did, in numbers.
    image : ipywidgets.Image
    widget : ipywidgets.VBox
    """

    def __init__(self, data="setosa / versicolor", learning_rate=0.1, interval_ms=400):
        data = as_choice(data, "data", TRAINING_SETS)
        self.learning_rate = as_real(learning_rate, "learning_rate", positive=True, maximum=1e6)
        interval_ms = as_positive_int(interval_ms, "interval_ms", maximum=10_000)
        self.data = widgets.Dropdown(options=TRAINING_SETS, value=data, description="data")
        self.next_sample = _button("next sample", "apply the learning rule to the next sample")
        self.next_epoch = _button("next epoch", "apply the learning rule to every sample left in this epoch")
        self.reset_button = _button("reset", "back to w = 0 and b = 0")
        self._player = _PlayControl(interval=interval_ms, maximum=100_000)
        self.play, self.play_button = self._player.play, self._player.button
        self.readout = widgets.HTML()
        self.figure = Figure(figsize=(10.5, 4.2), dpi=DPI, layout="constrained")
        FigureCanvasAgg(self.figure)
        self._data_ax, self._curve_ax = self.figure.subplots(1, 2, width_ratios=[1.15, 1])
        self.image = _image_widget(self.figure)
        self.description = _description_widget()
        controls = _row([self.data, self.next_sample, self.next_epoch, *self._player.widgets, self.reset_button])
        self.widget = widgets.VBox([controls, self.readout, self.image, self.description])
        self._load(data)
        self.next_sample.on_click(lambda _: self._act(self.step))
        self.next_epoch.on_click(lambda _: self._act(self.step_epoch))
        self.reset_button.on_click(lambda _: self._act(self.reset))
        self.play.observe(self._on_tick, names="value")
        self.data.observe(lambda change: self._act(lambda: self._load(change["new"])), names="value")

    # ------------------------------------------------------------ training, with no drawing

    def _start(self):
        self.w, self.b = np.zeros(self.X.shape[1]), 0.0
        self.epoch, self.position, self._epoch_updates = 0, 0, 0
        self.updates, self.misclassified = [], []
        self._last = None  # (sample index, prediction, Δw, Δb) of the last step
        self._last_epoch = None  # (epoch, first sample, w and b before it) after "next epoch"

    def step(self):
        """Look at the next sample and apply the learning rule to it."""
        i = self.position
        x, target = self.X[i], self.y[i]
        prediction = float(perceptron.predict(x[np.newaxis], self.w, self.b)[0])
        w, b = perceptron.update(x, target, self.w, self.b, self.learning_rate)
        self._last = (i, prediction, w - self.w, b - self.b)
        self._epoch_updates += bool(b != self.b)
        self.w, self.b = w, b
        self.position += 1
        if self.position == len(self.y):  # the epoch is over: record both counts
            self.updates.append(self._epoch_updates)
            self.misclassified.append(int((perceptron.predict(self.X, self.w, self.b) != self.y).sum()))
            self.epoch, self.position, self._epoch_updates = self.epoch + 1, 0, 0

    def step_epoch(self):
        """Finish the current epoch (a whole one from its start); the readout then says what it did."""
        start = (self.epoch, self.position, self.w, self.b)
        self.step()
        while self.position:
            self.step()
        self._last_epoch = start

    def reset(self):
        """Back to zero weights, the same start every time; playing stops."""
        self._player.pause()
        self._start()

    # ------------------------------------------------------------ controls and drawing

    def _act(self, action):
        with self._lock:
            self._last_epoch = None
            action()
            self.update()

    def _on_tick(self, change):
        with self._lock:
            ticks = self._player.ticks(change["new"])  # 0 once paused or rewound
            if not ticks:
                return
            self._last_epoch = None
            for _ in range(ticks):
                self.step()
            self.update()

    def _load(self, name):
        """Show a new training set, from zero weights."""
        self.X, self.y, features, classes = training_set(name)
        self._start()
        self._player.pause()
        for ax in (self._data_ax, self._curve_ax):
            ax.clear()
        self._classes = ClassesPlot(self._data_ax, self.X, self.y, feature_names=features, class_names=classes)
        self._data_ax.set_title("placeholder\nplaceholder", fontsize=12)
        style(self._curve_ax, "the two curves", "epoch", "samples", zero_lines=False)
        (self._updates_line,) = self._curve_ax.plot([], [], marker="o", color=COLORS["function"], linewidth=2,
                                                    label="weight updates during the epoch")
        (self._wrong_line,) = self._curve_ax.plot([], [], marker="s", color=COLORS["derivative"], linewidth=2,
                                                  label="misclassified after the epoch")
        self._curve_ax.set_ylim(-0.03 * len(self.y), len(self.y) * 1.05)
        self._curve_ax.set_xlim(0.5, EPOCH_AXIS + 0.5)
        self._curve_ax.grid(alpha=0.3)
        self._curve_ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        self._curve_ax.legend(fontsize=10, loc="upper right", framealpha=0.9)
        self.figure.set_layout_engine("constrained")
        self.figure.canvas.draw()
        self.figure.set_layout_engine("none")
        artists = [self._classes.line, self._classes.highlight, self._data_ax.title, self._updates_line,
                   self._wrong_line]
        self._blitter = _Blitter(self.figure, artists)
        self.update()

    def _redraw(self):
        epochs = np.arange(1, self.epoch + 1)
        limit = EPOCH_AXIS
        while limit < self.epoch:
            limit *= 2
        if self._curve_ax.get_xlim()[1] != limit + 0.5:  # a wider epoch axis: the background is drawn again
            self._curve_ax.set_xlim(0.5, limit + 0.5)
        self._updates_line.set_data(epochs, self.updates)
        self._wrong_line.set_data(epochs, self.misclassified)
        has_line = self.epoch or self.position
        self._classes.set_line(self.w if has_line and np.any(self.w) else None, self.b)
        self._classes.set_highlight(None if self._last is None else self.X[self._last[0]])
        side = self._classes.side(self.w, self.b)
        where = f"; the whole plot is on the {side} side" if side else ""
        self._data_ax.title.set_text(f"epoch {self.epoch + 1}, sample {self.position} of {len(self.y)}\n"
                                     f"w = {_pair(self.w)}, b = {_num(self.b)}{where}")
        self.readout.value = self._describe_last()
        _describe(self.description, self._describe_figure(side))
        self._blitter.render()
        self.image.value = _png(self.figure)

    def _describe_figure(self, side: str) -> str:
        counts = ", ".join(f"{int(np.sum(self.y == c))} {name}" for c, name in zip(self._classes.classes,
                                                                                   self._classes.names))
        line = ("no line yet (w = 0)" if not np.any(self.w) else
                f"the whole plot on the {side} side of the line" if side else "the decision line across the points")
        curves = ("no epoch finished yet" if not self.epoch else
                  f"updates during each epoch {', '.join(map(str, self.updates[-12:]))}; misclassified after each "
                  f"{', '.join(map(str, self.misclassified[-12:]))}")
        return (f"Left: {len(self.y)} samples ({counts}), {line}, w = {_pair(self.w)}, b = {_num(self.b)}; "
                f"epoch {self.epoch + 1}, sample {self.position} of {len(self.y)}. Right: {curves}.")

    def _describe_last(self) -> str:
        if self._last_epoch is not None:
            return self._describe_epoch()
        if self._last is None:
            return "Start: w = 0 and b = 0. Press <b>next sample</b> to see the rule at work."
        i, prediction, dw, db = self._last
        x, target = self.X[i], self.y[i]
        sign = lambda v: "+1" if v > 0 else "−1"  # noqa: E731
        head = f"sample {i + 1}: x = {_pair(x)}, y = {sign(target)}, ŷ = {sign(prediction)}"
        if db == 0:
            return html.escape(f"{head}: right, so nothing changes (y − ŷ = 0).")
        return html.escape(f"{head}: wrong, so Δw = η(y − ŷ)x = {_num(self.learning_rate)}·({_num(target - prediction)})"
                           f"·{_pair(x)} = {_pair(dw)} and Δb = {_num(db)}.")

    def _describe_epoch(self) -> str:
        """What "next epoch" did: the updates during the epoch, the samples misclassified after it, the weights."""
        epoch, first, w, b = self._last_epoch
        n, updates, wrong = len(self.y), self.updates[-1], self.misclassified[-1]
        part = f"all {n} samples" if not first else f"its last {n - first} samples ({first} seen before)"
        made = (f"{updates} weight update{'s' * (updates != 1)}" if updates else "no weight update") + (
            " during the whole epoch" if first else "")
        after = ("every sample is on its side of the line: training has converged" if updates == 0 and wrong == 0 else
                 "none misclassified after it" if wrong == 0 else f"{wrong} of {n} misclassified after it")
        return html.escape(f"Epoch {epoch + 1}, {part}: {made}; {after}. "
                           f"w = {_pair(w)} → {_pair(self.w)}, b = {_num(b)} → {_num(self.b)}.")

    def __repr__(self):
        return (f"PerceptronTrainer(data={self.data.value!r}, epoch={self.epoch}, position={self.position}, "
                f"w={_pair(self.w)}, b={_num(self.b)})")
