"""Lesson 03's figures and its trainer widget: they show what course_lib.perceptron computes.

The trainer is driven in plain Python, as its buttons and Play control would drive it
(widget callbacks run synchronously without a browser); tests/browser exercises the real controls.
"""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from course_lib.perceptron import Perceptron
from course_lib.plotting import ClassesPlot, plot_decision_regions, plot_training_curves, plot_two_classes
from course_lib.widgets import TRAINING_SETS, PerceptronTrainer
from course_lib.widgets.perceptron import training_set


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


X, Y, FEATURES, SPECIES = training_set("setosa / versicolor")


def _pixels(png) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"))


# ---------------------------------------------------------------- figures


def test_the_scatter_shows_each_class_and_describes_itself_from_the_data():
    fig = plot_two_classes(X, Y, feature_names=["sepal length [cm]", "petal length [cm]"], class_names=SPECIES)
    ax = fig.axes[0]
    assert [len(c.get_offsets()) for c in ax.collections] == [50, 50]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["setosa (−1)", "versicolor (+1)"]
    assert fig.description == ("Scatter of 100 samples (50 setosa (−1), 50 versicolor (+1)) by sepal length [cm] "
                               "(4.3 to 7) and petal length [cm] (1 to 5.1).")


def test_the_decision_line_is_drawn_where_w_dot_x_plus_b_is_zero():
    fig = plot_two_classes(X, Y, w=[-0.68, 1.82], b=-0.4)
    x1, x2 = fig.axes[0].lines[0].get_data()
    assert np.allclose(-0.68 * np.asarray(x1) + 1.82 * np.asarray(x2) - 0.4, 0.0)


def test_a_vertical_and_an_absent_line():
    plot = ClassesPlot(matplotlib.figure.Figure().add_subplot(), X, Y)
    assert plot.set_line([2.0, 0.0], -11.0).line.get_data()[0] == [5.5, 5.5]
    assert len(plot.set_line([0.0, 0.0], 1.0).line.get_data()[0]) == 0
    assert plot.side([0.0, 1.0], -100.0) == "\u22121" and plot.side([0.0, 1.0], 100.0) == "+1"
    assert plot.side([-0.68, 1.82], -0.4) == ""


def test_decision_regions_colour_the_plane_by_the_models_answer():
    model = Perceptron().fit(X, Y)
    fig = plot_decision_regions(model, X, Y, resolution=50)
    ax = fig.axes[0]
    regions = ax.images[0].get_array()
    left, right, bottom, top = ax.images[0].get_extent()
    x1, x2 = np.meshgrid(np.linspace(left, right, 50), np.linspace(bottom, top, 50))
    expected = (model.predict(np.column_stack([x1.ravel(), x2.ravel()])) > 0).reshape(50, 50)
    assert np.array_equal(regions == 1, expected)
    assert ax.get_title() == "Perceptron: 0 of 100 on the wrong side"
    assert "0 fall on the wrong side" in fig.description


def test_decision_regions_work_for_any_classifier_with_predict_and_refuse_one_without():
    class Nearest:  # three classes, labels that are not ±1
        def predict(self, X):
            return np.where(np.asarray(X)[:, 0] < 5.5, "small", np.where(np.asarray(X)[:, 1] < 4.5, "mid", "big"))

    labels = Nearest().predict(X)
    fig = plot_decision_regions(Nearest(), X, labels, resolution=30)
    assert set(np.unique(fig.axes[0].images[0].get_array())) == {0, 1, 2}
    with pytest.raises(TypeError, match="model must be a fitted classifier with a predict method"):
        plot_decision_regions(object(), X, Y)


def test_the_two_curves_are_side_by_side_and_named_in_the_description():
    model = Perceptron().fit(X, Y)
    fig = plot_training_curves(model.updates_, model.misclassified_, n_samples=100)
    left, right = fig.axes
    assert list(left.lines[0].get_ydata()) == [2, 2, 3, 2, 1, 0, 0, 0, 0, 0]
    assert list(right.lines[0].get_ydata()) == [50, 50, 50, 50, 0, 0, 0, 0, 0, 0]
    assert "2, 2, 3, 2, 1, 0, 0, 0, 0, 0" in fig.description and "50, 50, 50, 50, 0" in fig.description


# ---------------------------------------------------------------- the trainer


@pytest.mark.parametrize("data", TRAINING_SETS)
@pytest.mark.parametrize("n_epochs", [1, 3])
def test_the_trainer_after_n_epochs_holds_what_fit_learns(data, n_epochs):
    trainer = PerceptronTrainer(data)
    for _ in range(n_epochs):
        trainer.next_epoch.click()
    X, y, _, _ = training_set(data)
    model = Perceptron(learning_rate=0.1, n_epochs=n_epochs).fit(X, y)
    assert np.array_equal(trainer.w, model.w_) and trainer.b == model.b_
    assert trainer.updates == list(model.updates_) and trainer.misclassified == list(model.misclassified_)


def test_one_sample_at_a_time_reports_the_rule_in_numbers():
    trainer = PerceptronTrainer()
    assert "Start: w = 0 and b = 0" in trainer.readout.value
    trainer.next_sample.click()  # setosa (5.1, 1.4): z = 0 gives +1, wrong
    assert trainer.readout.value == ("sample 1: x = (5.1, 1.4), y = −1, ŷ = +1: wrong, so Δw = η(y − ŷ)x = "
                                     "0.1·(−2)·(5.1, 1.4) = (−1.02, −0.28) and Δb = −0.2.")
    trainer.next_sample.click()  # (4.9, 1.4) now gives −1: right
    assert trainer.readout.value.endswith("right, so nothing changes (y − ŷ = 0).")
    assert (trainer.epoch, trainer.position) == (0, 2)


def test_playing_takes_one_sample_per_tick_and_reset_returns_to_the_same_start():
    trainer = PerceptronTrainer()
    start = bytes(trainer.image.value)
    trainer.play.playing = True  # ▶ (the play button is linked to it in the browser)
    trainer.play.value = 5  # the Play control ticked five times (or jumped five)
    assert (trainer.epoch, trainer.position) == (0, 5)
    trainer.play.value = 105
    assert (trainer.epoch, trainer.position, trainer.updates) == (1, 5, [2])
    trainer.reset_button.click()
    assert (trainer.epoch, trainer.position, trainer.updates) == (0, 0, []) and not np.any(trainer.w)
    assert bytes(trainer.image.value) == start
    trainer.play.value = 106  # a tick sent before the browser heard of the reset: ignored
    assert (trainer.epoch, trainer.position) == (0, 0) and trainer.play_button.description == "▶ play"
    trainer.play.playing = True
    trainer.play.value = 108  # ticking on from where the control is: two more samples, not 108
    assert (trainer.epoch, trainer.position) == (0, 2)


def test_next_epoch_says_what_the_whole_epoch_did_not_only_its_last_sample():
    trainer = PerceptronTrainer()
    trainer.next_epoch.click()
    assert trainer.readout.value == ("Epoch 1, all 100 samples: 2 weight updates; 50 of 100 misclassified after it. "
                                     "w = (0, 0) → (0.38, 0.66), b = 0 → 0.")
    for _ in range(4):
        trainer.next_epoch.click()
    assert trainer.readout.value.startswith("Epoch 5, all 100 samples: 1 weight update; none misclassified after it.")
    trainer.next_sample.click()
    assert trainer.readout.value.startswith("sample 1: "), "a sample's step describes that sample"
    trainer.next_epoch.click()
    assert trainer.readout.value.startswith("Epoch 6, its last 99 samples (1 seen before): no weight update during the "
                                            "whole epoch; every sample is on its side of the line: training has converged.")


def test_choosing_other_data_starts_again_from_zero_on_them():
    trainer = PerceptronTrainer()
    trainer.next_epoch.click()
    trainer.data.value = "XOR"
    assert len(trainer.y) == 40 and (trainer.epoch, trainer.position) == (0, 0) and not np.any(trainer.w)
    for _ in range(20):
        trainer.next_epoch.click()
    assert min(trainer.misclassified) > 0, "no line separates XOR"


def test_the_blitted_frame_is_the_full_drawing():
    trainer = PerceptronTrainer()
    for _ in range(3):
        trainer.next_epoch.click()
    for _ in range(7):
        trainer.next_sample.click()
    blitted = _pixels(trainer.image.value)
    animated = [a for a in trainer.figure.findobj() if a.get_animated()]
    for artist in animated:
        artist.set_animated(False)
    trainer.figure.canvas.draw()
    full = np.asarray(trainer.figure.canvas.buffer_rgba())[..., :3]
    assert np.array_equal(blitted, full)


def test_eleven_epochs_widen_the_epoch_axis():
    trainer = PerceptronTrainer("versicolor / virginica")
    for _ in range(11):
        trainer.next_epoch.click()
    assert trainer.figure.axes[1].get_xlim() == (0.5, 20.5)
    assert len(trainer.figure.axes[1].lines[0].get_xdata()) == 11


def test_labels_may_be_names_from_a_pandas_column():
    import pandas as pd
    names = pd.Series(np.where(Y < 0, "setosa", "versicolor"))
    fig = plot_two_classes(X, names)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["setosa", "versicolor"]


def test_the_trainer_describes_its_figure_in_words():
    trainer = PerceptronTrainer()
    assert "no line yet (w = 0)" in trainer.description.value and "no epoch finished yet" in trainer.description.value
    trainer.next_epoch.click()
    text = trainer.description.value
    assert "50 setosa (−1), 50 versicolor (+1)" in text and "updates during each epoch 2; misclassified after each 50" in text
