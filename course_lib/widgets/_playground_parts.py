"""The playground's settings, data, features and presets: everything it needs except the drawing.

Kept apart from the widget so that a test (or a curious student) can rebuild exactly what the
playground trains: :func:`playground_data` gives the training and test points and
:func:`feature_matrix` the network's inputs, and an ``MLPClassifier`` with the same settings
learns the same weights.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np

from course_lib import datasets
from course_lib._validation import as_choice, as_int, as_matrix, as_real
from course_lib.mlp import _labels
from course_lib.preprocessing import train_test_split

DATASETS = ("circle", "XOR", "gaussians", "spiral", "moons")
YOUR_DATA = "your data"
N_SAMPLES = 500  # as the Playground: 50 % training data gives 250 training points
FEATURES = {  # key (what a config dict holds) -> (label with its formula, function of the two coordinates)
    "x1": ("x₁", lambda x1, x2: x1),
    "x2": ("x₂", lambda x1, x2: x2),
    "x1^2": ("x₁²", lambda x1, x2: x1 * x1),
    "x2^2": ("x₂²", lambda x1, x2: x2 * x2),
    "x1*x2": ("x₁x₂", lambda x1, x2: x1 * x2),
    "sin(x1)": ("sin x₁", lambda x1, x2: np.sin(x1)),
    "sin(x2)": ("sin x₂", lambda x1, x2: np.sin(x2)),
}
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REGULARIZATIONS = (None, "L1", "L2")
REGULARIZATION_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
MAX_LAYERS, MAX_NEURONS, MAX_CLASSES = 6, 8, 6
CONTROLS = ("preset", "data", "noise", "train_ratio", "seed", "n_classes", "features", "hidden_layers",
            "activation", "learning_rate", "regularization", "batch_size", "show_test", "weights", "config")
"""The control groups that ``show=`` may name (play, step, reset and the epoch are always shown)."""

DEFAULTS = {"data": "circle", "noise": 0, "train_ratio": 50, "seed": 0, "n_classes": 2, "features": ("x1", "x2"),
            "hidden_layers": (4, 2), "activation": "tanh", "learning_rate": 0.3, "regularization": None,
            "regularization_rate": 0.0, "batch_size": 10}
"""The settings of a new playground: the Playground's own start (4-2 tanh on the circle), with a learning rate
of 0.3 instead of its 0.03, so that the first ▶ learns visibly within seconds."""

# the shapes of course_lib.datasets, centred and stretched to about ±3 as in the Playground, so that
# x₁x₂ and sin x mean something; noise (0–50 %) times the generator's noise at 100 %
_SHAPES = {  # name -> (generator, keywords, centre, stretch, noise at 100 %)
    "circle": (datasets.make_circles, {}, (0.0, 0.0), 2.5, 0.4),
    "XOR": (datasets.make_xor, {}, (0.5, 0.5), 5.0, 0.4),
    "gaussians": (datasets.make_gaussians, {"distance": 1.4}, (0.0, 0.0), 2.5, 0.8),
    "spiral": (datasets.make_spirals, {}, (0.0, 0.0), 3.0, 0.6),
    "moons": (datasets.make_moons, {}, (0.5, 0.25), 2.0, 0.5),
}

Preset = namedtuple("Preset", ["settings", "why"])
PRESETS = {
    "XOR with no hidden layer": Preset(
        {"data": "XOR", "hidden_layers": ()},
        "Fails: without a hidden layer the boundary is one straight line, and no line separates XOR."),
    "XOR with x₁x₂": Preset(
        {"data": "XOR", "features": ("x1*x2",), "hidden_layers": ()},
        "Works: x₁x₂ is positive in two corners and negative in the other two, so one weight on it is enough."),
    "XOR with one hidden layer": Preset(
        {"data": "XOR", "hidden_layers": (4,), "learning_rate": 0.1},
        "Works: each hidden neuron draws a line; the output combines two or more lines into the corners."),
    "circle with x₁² and x₂²": Preset(
        {"data": "circle", "features": ("x1^2", "x2^2"), "hidden_layers": (), "learning_rate": 0.1},
        "Works: x₁² + x₂² is the squared radius, so a straight line in those features is a circle in the plane."),
    "circle with two neurons": Preset(
        {"data": "circle", "hidden_layers": (2,), "learning_rate": 0.1},
        "Fails: two neurons give two lines, a band at best; it takes three lines to enclose the inner circle."),
    "circle with linear neurons": Preset(
        {"data": "circle", "hidden_layers": (8, 8), "activation": "linear", "learning_rate": 0.01},
        "Fails: linear layers stacked are still one linear map, so however deep, the boundary stays a line."),
    "spiral needs depth": Preset(
        {"data": "spiral", "noise": 0, "hidden_layers": (8, 8, 8), "activation": "relu", "learning_rate": 0.03,
         "batch_size": 10, "features": ("x1", "x2", "sin(x1)", "sin(x2)")},
        "Works, slowly: each layer folds the plane again, and it takes several folds to follow the arms."),
    "three classes with softmax": Preset(
        {"data": "spiral", "n_classes": 3, "hidden_layers": (8, 8), "activation": "tanh", "learning_rate": 0.1,
         "features": ("x1", "x2", "sin(x1)", "sin(x2)")},
        "Works: softmax gives each class its own output neuron, and the largest one colours the plane."),
    "too high a learning rate": Preset(
        {"data": "circle", "learning_rate": 10.0},
        "Fails: every step jumps past the valley of the loss, so it bounces about instead of going down."),
    "too low a learning rate": Preset(
        {"data": "circle", "learning_rate": 0.0001},
        "Fails, for now: the steps are so small that hundreds of epochs barely move the weights."),
    "L1 keeps only the useful inputs": Preset(
        {"data": "circle", "features": tuple(FEATURES), "hidden_layers": (), "learning_rate": 0.1,
         "regularization": "L1", "regularization_rate": 0.01},
        "Works: L1 pushes the weights of the useless inputs to zero and keeps x₁² and x₂² (switch weights on)."),
}
"""Named demonstrations: ``Preset(settings, why)``; settings not named stay at :data:`DEFAULTS`."""


def _grid_value(value, name, grid):
    value = as_real(value, name)
    for option in grid:
        if np.isclose(value, option, rtol=1e-9, atol=0.0) or value == option:
            return option
    raise ValueError(f"{name} must be one of the slider's values {', '.join(f'{v:g}' for v in grid)}; "
                     f"got {value:g}.")


def _on_steps(value: int, name: str, step: int) -> int:
    """``value`` if the slider can show it (a multiple of its ``step``); a browser would snap it otherwise."""
    if value % step:
        raise ValueError(f"{name} must be a multiple of {step}, as on its slider; got {value}. Try "
                         f"{step * round(value / step)}.")
    return value


def _names(value, name, options, *, allow_empty: bool, example: str):
    """A tuple of option names from a list or tuple of them (each at most once)."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise TypeError(f"{name} must be a list or tuple of names such as {example}; got "
                        f"{type(value).__name__} {str(value)[:60]}.")
    names = tuple(as_choice(v, name, options) for v in value)
    if len(set(names)) != len(names):
        raise ValueError(f"{name} must name each option once; got {list(names)}.")
    if not names and not allow_empty:
        raise ValueError(f"{name} must name at least one option, such as {example}; got none.")
    return names


def check_settings(settings: dict, own_data: bool) -> dict:
    """The settings, checked and normalised (grid values, tuples, canonical names)."""
    s = dict(settings)
    data_options = (YOUR_DATA, *DATASETS) if own_data else DATASETS
    s["data"] = as_choice(s["data"], "data", data_options)
    s["noise"] = _on_steps(as_int(s["noise"], "noise", minimum=0, maximum=50), "noise", 5)
    s["train_ratio"] = _on_steps(as_int(s["train_ratio"], "train_ratio", minimum=10, maximum=90), "train_ratio", 10)
    s["seed"] = as_int(s["seed"], "seed", minimum=0, maximum=2**31 - 1)
    s["n_classes"] = as_int(s["n_classes"], "n_classes", minimum=2, maximum=MAX_CLASSES)
    s["features"] = _names(s["features"], "features", FEATURES, allow_empty=False, example="('x1', 'x2')")
    s["features"] = tuple(f for f in FEATURES if f in s["features"])  # in the order of the checkboxes
    layers = s["hidden_layers"]
    if isinstance(layers, (int, np.integer)) and not isinstance(layers, bool):
        layers = (layers,)
    if not isinstance(layers, (list, tuple)):
        raise TypeError(f"hidden_layers must be a tuple of neuron counts such as (4, 2), or () for none; got "
                        f"{type(layers).__name__} {str(layers)[:60]}.")
    if len(layers) > MAX_LAYERS:
        raise ValueError(f"hidden_layers must list at most {MAX_LAYERS} layers; got {len(layers)}.")
    s["hidden_layers"] = tuple(as_int(n, "hidden_layers", minimum=1, maximum=MAX_NEURONS) for n in layers)
    s["activation"] = as_choice(s["activation"], "activation", ACTIVATIONS)
    s["learning_rate"] = _grid_value(s["learning_rate"], "learning_rate", LEARNING_RATES)
    if s["regularization"] is not None:
        s["regularization"] = as_choice(s["regularization"], "regularization", ["L1", "L2"], example="L2")
    s["regularization_rate"] = _grid_value(s["regularization_rate"], "regularization_rate", REGULARIZATION_RATES)
    s["batch_size"] = as_int(s["batch_size"], "batch_size", minimum=1, maximum=30)
    return s


def check_show(show):
    if show is None:
        return CONTROLS
    return _names(show, "show", CONTROLS, allow_empty=True, example="('features', 'learning_rate')")


def check_own_data(X, y):
    """The student's ``X`` (n, 2) and ``y``, or ``(None, None)``."""
    if X is None and y is None:
        return None, None
    if X is None or y is None:
        raise TypeError(f"X and y must be given together, Playground(X, y); got only {'y' if X is None else 'X'}.")
    X = as_matrix(X, "X", finite=True)
    if X.shape[1] != 2 or X.shape[0] < 10:
        raise ValueError(f"X must have two columns (x₁ and x₂, drawn as the plane) and at least 10 rows; got shape "
                         f"{X.shape}. Choose two columns, e.g. X[:, [0, 2]].")
    if np.abs(X).max() > 1e6:
        raise ValueError(f"X must hold values within ±1e6; got {np.abs(X).max():.3g}. Standardise it first.")
    y = _labels(y, "y", X.shape[0], "X")
    classes, counts = np.unique(y, return_counts=True)
    if not 2 <= classes.size <= MAX_CLASSES or counts.min() < 2:
        raise ValueError(f"y must hold 2 to {MAX_CLASSES} classes with at least 2 samples each; got "
                         f"{dict(zip(classes.tolist(), counts.tolist()))}"[:200] + ".")
    return X, y


def playground_data(settings: dict, X=None, y=None):
    """``(X_train, X_test, y_train, y_test)`` for the settings: the named shape (or ``X, y``), split.

    The split is stratified and seeded with ``seed``; ``train_ratio`` % of the points train.
    """
    if settings["data"] == YOUR_DATA:
        points, labels = X, y
    else:
        make, keywords, centre, stretch, noise_at_100 = _SHAPES[settings["data"]]
        if settings["data"] == "spiral":
            keywords = {"n_classes": settings["n_classes"]}
        noise = settings["noise"] / 100 * noise_at_100 + (0.25 if settings["data"] == "gaussians" else 0.0)
        points, labels = make(n_samples=N_SAMPLES, noise=noise, random_state=settings["seed"], **keywords)
        points = (points - np.array(centre)) * stretch
    return train_test_split(points, labels, test_size=1 - settings["train_ratio"] / 100,
                            random_state=settings["seed"], stratify=labels)


def feature_matrix(X, features) -> np.ndarray:
    """The network's inputs: one column per feature key, computed from the two coordinates of ``X``."""
    x1, x2 = X[:, 0], X[:, 1]
    return np.column_stack([FEATURES[f][1](x1, x2) for f in features])


def model_settings(settings: dict) -> dict:
    """The keyword arguments of :class:`~course_lib.mlp.MLPClassifier` for these settings."""
    rate = settings["regularization_rate"]
    return {"hidden_layer_sizes": settings["hidden_layers"], "activation": settings["activation"],
            "learning_rate": settings["learning_rate"], "batch_size": settings["batch_size"],
            "alpha": rate if settings["regularization"] == "L2" else 0.0,
            "l1": rate if settings["regularization"] == "L1" else 0.0, "random_state": settings["seed"]}

