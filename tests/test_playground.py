"""Lesson 06's playground, driven in plain Python as its controls would drive it (widget callbacks run
synchronously without a browser): every control changes the state it should, the training is the
library's own (same weights as ``MLPClassifier`` after a preset and N steps), the presets do what
their one line says, and the frame it shows is the full drawing. tests/browser exercises it in Chromium.
"""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from course_lib.datasets import make_moons
from course_lib.mlp import MLPClassifier
from course_lib.widgets import PRESETS, Playground
from course_lib.widgets._playground_parts import CONTROLS, DEFAULTS, check_settings, playground_data


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


def _pixels(png) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"))


def _weights(model):
    return model.coefs_ + model.intercepts_


def _same_weights(a, b) -> bool:
    return all(np.array_equal(p, q) for p, q in zip(_weights(a), _weights(b), strict=True))


# ---------------------------------------------------------------- the start and the library's training

def test_the_default_is_the_playgrounds_own_start():
    p = Playground()
    assert p.config == {**DEFAULTS, "show_test": False}
    assert len(p.X_train) == 250 and len(p.X_test) == 250
    assert [W.shape for W in p.model.coefs_] == [(2, 4), (4, 2), (2, 2)]
    assert p.model.n_epochs_ == 0 and "epoch 0" in p.readout.value


@pytest.mark.parametrize("preset", ["XOR with x₁x₂", "circle with x₁² and x₂²", "three classes with softmax",
                                    "L1 keeps only the useful inputs"])
def test_after_a_preset_and_n_steps_the_weights_are_what_mlpclassifier_learns(preset):
    p = Playground()
    p.controls["preset"].value = preset
    for _ in range(3):
        p.step_button.click()
    p.play.playing = True  # ▶, as the play button's link sets it in a browser
    p.play.value += 4  # four ticks of the Play control
    s = check_settings({**DEFAULTS, **PRESETS[preset].settings}, own_data=False)
    X_train, X_test, y_train, y_test = playground_data(s)
    columns = {"x1": lambda x: x[:, 0], "x2": lambda x: x[:, 1], "x1*x2": lambda x: x[:, 0] * x[:, 1],
               "x1^2": lambda x: x[:, 0] ** 2, "x2^2": lambda x: x[:, 1] ** 2, "sin(x1)": lambda x: np.sin(x[:, 0]),
               "sin(x2)": lambda x: np.sin(x[:, 1])}
    F = np.column_stack([columns[f](X_train) for f in s["features"]])
    rate = s["regularization_rate"]
    model = MLPClassifier(s["hidden_layers"], s["activation"], s["learning_rate"], n_epochs=7,
                          batch_size=s["batch_size"], alpha=rate if s["regularization"] == "L2" else 0.0,
                          l1=rate if s["regularization"] == "L1" else 0.0, random_state=s["seed"]).fit(F, y_train)
    assert p.model.n_epochs_ == 7 and _same_weights(p.model, model)
    assert np.allclose(p.model.loss_curve_, model.loss_curve_)


def test_the_same_seed_and_settings_give_the_same_weights_and_reset_returns_to_the_same_start():
    a, b = Playground(hidden_layers=(3, 3), seed=7), Playground(hidden_layers=(3, 3), seed=7)
    start_image = bytes(a.image.value)
    start = [w.copy() for w in _weights(a.model)]
    a.step(5), b.step(5)
    assert _same_weights(a.model, b.model)
    after_five = [w.copy() for w in _weights(a.model)]
    a.reset_button.click()
    assert a.model.n_epochs_ == 0 and all(np.array_equal(w, s) for w, s in zip(_weights(a.model), start))
    assert bytes(a.image.value) == start_image
    a.step(5)
    assert all(np.array_equal(w, s) for w, s in zip(_weights(a.model), after_five))


def test_the_config_is_one_line_that_rebuilds_the_same_playground():
    p = Playground(data="moons", noise=20, hidden_layers=(5,), activation="relu", learning_rate=0.1,
                   regularization="L2", regularization_rate=0.003, batch_size=20, seed=3, show_test=True)
    assert "\n" not in p.config_view.value and "<code>Playground(**{'data': 'moons'" in p.config_view.value
    copy = Playground(**p.config)
    assert copy.config == p.config and bytes(copy.image.value) == bytes(p.image.value)
    assert eval(f"dict({p.config!r})") == p.config  # noqa: S307 - what an instructor pastes


# ---------------------------------------------------------------- every control

def test_data_noise_ratio_seed_and_regenerate_change_the_points():
    p = Playground()
    circle = p.X_train.copy()
    p.controls["data"].value = "XOR"
    assert not np.array_equal(p.X_train, circle) and p.settings["data"] == "XOR"
    clean = p.X_train.copy()
    p.controls["noise"].value = 30
    assert p.X_train.shape == clean.shape and not np.allclose(p.X_train, clean)
    p.controls["train_ratio"].value = 80
    assert (len(p.X_train), len(p.X_test)) == (400, 100)
    first = p.model.coefs_[0].copy()
    p.regenerate_button.click()
    assert p.controls["seed"].value == 1 and p.settings["seed"] == 1
    assert not np.array_equal(p.model.coefs_[0], first), "the seed seeds the weights too"
    p.controls["data"].value = "spiral"
    p.controls["n_classes"].value = 3
    assert list(p.model.classes_) == [0, 1, 2] and p.model.coefs_[-1].shape[1] == 3
    assert p.confusion.value.count("<tr>") == 4  # the confusion matrix: a header and three classes


def test_features_layers_and_activation_rebuild_the_network():
    p = Playground()
    boxes = p.controls["features"]
    boxes[2].value = True    # x₁²
    boxes[4].value = True    # x₁x₂
    assert p.settings["features"] == ("x1", "x2", "x1^2", "x1*x2") and p.model.n_features_in_ == 4
    for box in boxes[1:]:
        box.value = False
    boxes[0].value = False   # the last input stays
    assert boxes[0].value and p.settings["features"] == ("x1",) and "at least one input" in p.readout.value
    layers, *neurons = p.controls["hidden_layers"]
    layers.value = 3
    neurons[2].value = 7
    assert p.settings["hidden_layers"] == (4, 2, 7) and [W.shape[1] for W in p.model.coefs_] == [4, 2, 7, 2]
    assert [box.layout.display for box in neurons] == [None] * 3 + ["none"] * 3
    layers.value = 0
    assert p.model.coefs_[0].shape == (1, 2)
    p.controls["activation"].value = "relu"
    assert p.model.activation == "relu" and p.model.n_epochs_ == 0


def test_learning_rate_regularisation_and_batch_size_change_training_without_a_reset():
    p = Playground()
    p.step(3)
    p.controls["learning_rate"].value = 0.3
    reg, rate = p.controls["regularization"]
    reg.value, rate.value = "L1", 0.01
    p.controls["batch_size"].value = 25
    m = p.model
    assert (m.learning_rate, m.l1, m.alpha, m.batch_size, m.n_epochs_) == (0.3, 0.01, 0.0, 25, 3)
    reg.value = "L2"
    assert (m.l1, m.alpha) == (0.0, 0.01) and p.config["regularization"] == "L2"
    p.step_button.click()
    assert p.model is m and m.n_epochs_ == 4


def test_playing_trains_one_epoch_per_tick_and_show_test_and_weights_show_more():
    p = Playground()
    p.play.playing = True
    assert p.play_button.value and p.play_button.description == "❚❚ pause"
    p.play.value = 6
    assert p.model.n_epochs_ == 6 and len(p.model.validation_loss_curve_) == 6
    p.reset()
    assert not p.play.playing and p.play_button.description == "▶ play"
    p.play.playing = True
    p.play.value = 8  # ticking on from where the control is: two more epochs
    assert p.model.n_epochs_ == 2
    without = bytes(p.image.value)
    p.controls["show_test"].value = True
    assert all(points.get_visible() for points in p._figure.test_points) and bytes(p.image.value) != without
    assert "test points (black rims)" in p.caption.value
    assert p.weights_view.value == ""
    p.controls["weights"].value = True
    assert f"{p.model.coefs_[0][0, 0]:.6g}" in p.weights_view.value and "W3, b3" in p.weights_view.value


def test_a_preset_sets_its_settings_resets_the_others_and_says_why():
    p = Playground(learning_rate=1.0, batch_size=3)
    p.controls["preset"].value = "XOR with no hidden layer"
    assert p.settings == {**DEFAULTS, "data": "XOR", "hidden_layers": ()}
    assert p.controls["hidden_layers"][0].value == 0 and p.controls["batch_size"].value == 10
    assert "no line separates XOR" in p.why.value and p.model.n_epochs_ == 0


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_does_what_its_line_says(name):
    p = Playground(preset=name)
    p.step(300)
    accuracy = p.model.score(p._inputs[1], p.y_test)
    if PRESETS[name].why.startswith("Works"):
        assert accuracy >= 0.9, f"{name}: test accuracy {accuracy:.2f}"
    else:
        assert accuracy < 0.85, f"{name}: test accuracy {accuracy:.2f}"


def test_l1_keeps_only_the_useful_inputs():
    p = Playground(preset="L1 keeps only the useful inputs")
    p.step(300)
    W = np.abs(p.model.coefs_[0])                                      # (7 inputs, 2 outputs)
    useful = [p.settings["features"].index(f) for f in ("x1^2", "x2^2")]
    assert W[useful].min() > 10 * np.delete(W, useful, axis=0).max()


# ---------------------------------------------------------------- the student's own data, classroom mode

def test_your_own_data_with_text_labels_and_three_classes():
    X, y = make_moons(n_samples=90, noise=0.1, random_state=1)
    labels = np.array(["cat", "dog", "owl"])[np.where(X[:, 0] > 1.2, 2, y)]
    p = Playground(X, labels, hidden_layers=(6,))
    assert p.settings["data"] == "your data" and list(p.model.classes_) == ["cat", "dog", "owl"]
    assert len(p.X_train) + len(p.X_test) == 90 and "P(owl)" in [t.get_text() for t in p._figure.net_ax.texts]
    assert all(name in p.confusion.value for name in ("cat", "dog", "owl"))
    p.step(20)
    copy = Playground(X, labels, **p.config)
    assert copy.config == p.config
    p.controls["data"].value = "circle"  # the built-in shapes are still there
    assert len(p.X_train) == 250


def test_classroom_mode_shows_only_the_controls_of_the_day():
    p = Playground(show=("features", "learning_rate"))
    shown = {name for name in CONTROLS if all(
        w.layout.display != "none" for w in (p.controls[name] if isinstance(p.controls[name], tuple)
                                             else (p.controls[name],)))}
    assert shown == {"features", "learning_rate"}
    assert p.play_button.layout.display != "none" and p.step_button.layout.display != "none"
    tabs = [child for child in p.widget.children if child.__class__.__name__ == "Tab"]
    assert [tab.titles for tab in tabs] == [("inputs", "training")], "only the tabs of the day's controls"
    assert p.config["show"] == ("features", "learning_rate")
    assert Playground(**p.config).config == p.config


@pytest.mark.parametrize("kwargs, error, words", [
    ({"features": ("x3",)}, ValueError, "features must be one of x1, x2"),
    ({"features": "x1"}, TypeError, "features must be a list or tuple"),
    ({"hidden_layers": (4, 9)}, ValueError, "hidden_layers must be at most 8"),
    ({"learning_rate": 0.05}, ValueError, "learning_rate must be one of the slider's values"),
    ({"noise": 12}, ValueError, "noise must be a multiple of 5, as on its slider; got 12. Try 10"),
    ({"preset": "spirals"}, ValueError, "preset must be one of"),
    ({"show": ("sliders",)}, ValueError, "show must be one of"),
    ({"X": [[0.0, 1.0]] * 20}, TypeError, "X and y must be given together"),
    ({"X": np.zeros((20, 3)), "y": [0, 1] * 10}, ValueError, "X must have two columns"),
])
def test_bad_settings_get_a_teaching_error(kwargs, error, words):
    with pytest.raises(error, match=words):
        Playground(**kwargs)


# ---------------------------------------------------------------- the picture

def _full_drawing(p) -> np.ndarray:
    """The figure drawn whole, as a plain ``canvas.draw()`` draws it (nothing animated); the playground's
    own rendering state is left as it was."""
    animated = p._figure.animated
    for artist in animated:
        artist.set_animated(False)
    p.figure.canvas.draw()
    full = np.asarray(p.figure.canvas.buffer_rgba())[..., :3].copy()
    for artist in animated:
        artist.set_animated(True)
    return full


def test_the_blitted_frame_is_the_full_drawing():
    p = Playground(preset="three classes with softmax", show_test=True)
    p.step(30)
    p.update()
    assert np.array_equal(_pixels(p.image.value), _full_drawing(p))


@pytest.mark.parametrize("change", [
    ("noise", 30), ("data", "moons"), ("seed", 3), ("train_ratio", 80), ("activation", "relu"),
    ("preset", "spiral needs depth"), ("preset", "three classes with softmax"), ("n_classes", 5),
    ("preset", "L1 keeps only the useful inputs"), ("hidden_layers", 0)])
def test_after_a_rebuild_that_redraws_only_what_changed_the_frame_is_the_full_drawing(change):
    """A rebuild redraws only the regions of the figure whose axes changed: the pixels must still be
    those of a whole drawing, before and after playing past the epoch axis (a new loss region)."""
    p = Playground(hidden_layers=(8, 8, 8, 8, 8, 8), show_test=True)
    name, value = change
    control = p.controls[name][0] if name == "hidden_layers" else p.controls[name]
    if name == "n_classes":
        p.controls["data"].value = "spiral"
    control.value = value
    assert np.array_equal(_pixels(p.image.value), _full_drawing(p)), f"after {name} = {value!r}"
    p.step(60)
    p.update()
    assert np.array_equal(_pixels(p.image.value), _full_drawing(p)), f"after {name} = {value!r} and 60 epochs"


def test_the_caption_describes_the_figure_and_the_heat_maps_follow_the_network():
    p = Playground(hidden_layers=(3,))
    p.step(10)
    p.update()
    assert "2 inputs (x₁, x₂) through 3 hidden tanh neurons to 2 softmax outputs" in p.caption.value
    assert "epoch 10" in p.caption.value
    # the first hidden neuron's heat map is tanh(x W[:, 0] + b[0]) over the plane, on every second grid point
    image = p._figure.neuron_values[0]
    grid = p._figure.grid_inputs.reshape(48, 48, -1)[::2, ::2]
    expected = np.tanh(grid @ p.model.coefs_[0][:, 0] + p.model.intercepts_[0][0])
    assert np.allclose(image, expected)
    widths = p._figure.connections.get_linewidths()
    assert len(widths) == 2 * 3 + 3 * 2


def test_ticks_still_on_their_way_after_a_new_network_leave_it_at_epoch_0():
    """The browser's clock runs until it hears of the pause: its last ticks reach the kernel after the
    new data, and must not train the new network (they did: it started at epoch 2)."""
    p = Playground()
    p.play.playing = True
    p.play.value = 5
    p.controls["data"].value = "XOR"  # a new network; playing stops
    p.play.value = 6
    p.play.value = 7
    assert not p.play.playing and p.model.n_epochs_ == 0 and "epoch 0" in p.readout.value
    p.play.playing = True  # ▶ again: training resumes from the clock's value, one epoch per tick
    p.play.value = 9
    assert p.model.n_epochs_ == 2


def test_the_default_playground_learns_the_circle_within_twenty_epochs():
    """What a student sees first: ▶ must show learning within a couple of seconds (10 ticks a second)."""
    p = Playground()
    p.play.playing = True
    accuracy = []
    for tick in range(1, 21):
        p.play.value = tick
        accuracy.append(float(p.readout.value.split("test ")[-1].split("%")[0]))
    assert accuracy[0] < 75 and max(accuracy) >= 95, accuracy


def test_training_that_overflows_stops_playing_and_says_why(monkeypatch):
    p = Playground()
    p.play.playing = True

    def overflow(n_epochs=1):
        raise ValueError("learning_rate must be small enough for training to stay finite; ...")

    monkeypatch.setattr(p.model, "train_epochs", overflow)
    p.play.value = 1
    assert not p.play.playing and "Training stopped: learning_rate must be small enough" in p.readout.value


def test_with_wide_tick_labels_the_figure_is_drawn_whole_and_still_right():
    """Your data in thousands: the prediction's tick labels reach into the network's region, so a rebuild
    cannot redraw one region alone; it draws the whole figure instead."""
    X, y = make_moons(n_samples=100, noise=0.1, random_state=1)
    p = Playground(X * 100_000, y, hidden_layers=(3,))
    p.controls["seed"].value = 1
    assert np.array_equal(_pixels(p.image.value), _full_drawing(p))
