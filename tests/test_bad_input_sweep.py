"""Every public name of ``course_lib``, called with a table of bad values for each parameter.

The promise of ``STYLE.md`` ("errors teach"), checked by construction rather than by example:
for every public callable and every one of its parameters, each bad value in turn (all other
arguments valid) must give

* either a ``TypeError`` or ``ValueError`` raised by ``course_lib``'s own code (not numpy's,
  pandas' or matplotlib's) whose message names the parameter,
* or a result without NaN, and finite unless the bad value itself held ±inf or the entry says
  that an overflow gives ±inf by design,

and never a warning.

How names are found
-------------------
Every module of ``course_lib`` (found with ``pkgutil.walk_packages``, so a new lesson's module
is swept as soon as it exists) must declare ``__all__``; each callable in it (function or class,
and the public methods a class defines or inherits from course_lib, such as the estimator contract's
``get_params``) is swept. Besides the type of error and the parameter named, a message must not show
numpy's repr of a number (``np.float64(1.0)``), and an overflow message must show a value it got. A module or subpackage can only be left out
through ``EXEMPT`` with the reason.

How a new public name gets its valid base arguments
---------------------------------------------------
Add an entry to ``SPECS`` keyed by ``"module.name"`` (``"module.Class.method"`` for a method):
``Spec(base={...})`` with one valid value for each parameter that has no default (and any
default you want replaced). Use ``Fresh(factory)`` for a value that must be new at each call
(a matplotlib Axes) and ``instance=`` for a method's object. Without an entry,
``test_every_public_callable_has_a_sweep_entry`` fails: nobody can add a public name silently.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import course_lib

LIB = Path(course_lib.__file__).resolve().parent

EXEMPT = {  # a module, or a subpackage with all its modules, and why it is not swept
    "course_lib.checks": "check cells answer with AssertionError by contract (tests/test_checks_contract.py)",
}


@dataclass
class Fresh:
    """A base value made anew for each call."""

    make: Callable[[], Any]


@dataclass
class Spec:
    base: dict = field(default_factory=dict)
    instance: Callable[[], Any] | None = None  # for a method: makes the object
    inf_on_overflow: bool = False  # documented: a product beyond the float range gives ±inf
    warns_on_purpose: bool = False  # documented: shows numpy's overflow warning (naive_*)
    also_raises: tuple = ()  # other exception types that are right here, e.g. FileNotFoundError


def _axes():
    return Figure().add_subplot()


def _fitted_mlp():
    return course_lib.mlp.MLPClassifier((3,), n_epochs=3).fit(FLOWERS, SPECIES)


def _fitted_perceptron():
    return course_lib.perceptron.Perceptron(n_epochs=3).fit(FLOWERS, SPECIES)


def _fitted_adaline():
    return course_lib.gradient_descent.AdalineGD(learning_rate=0.001, n_epochs=3).fit(FLOWERS, SPECIES)


FLOWERS, SPECIES = [[5.1, 1.4], [7.0, 4.7], [4.9, 1.5]], [-1, 1, -1]
DIGITS = np.arange(48.0).reshape(3, 4, 4) % 17  # three small images, pixel values 0–16
CORNERS, XOR_Y, ONE_HOT = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0, 1, 1, 0], np.eye(2)[[0, 1, 1, 0]]
NET_W = [[[1.0, -1.0, 0.5], [0.5, 1.0, -1.0]], [[1.0, -1.0], [0.5, 0.5], [-1.0, 1.0]]]
NET_B = [[0.0, 0.1, 0.0], [0.0, 0.0]]


def _net_cache():
    return course_lib.mlp.forward(CORNERS, NET_W, NET_B)


def _fitted_mlp():
    return course_lib.mlp.MLPClassifier((3,), n_epochs=2).fit(CORNERS, XOR_Y)
Z = [-2.0, 0.0, 3.0]
SCORES = [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]
W1, W2 = [[1.0, -1.0], [1.0, 1.0]], [[2.0], [-1.0]]
SPECS: dict[str, Spec] = {
    # activations: z of any shape
    **{f"activations.{name}": Spec({"z": Z}) for name in [
        "identity", "identity_grad", "binary_step", "binary_step_grad", "unit_step", "unit_step_grad",
        "sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "arctan", "arctan_grad", "relu", "relu_grad",
        "softplus", "softplus_grad", "leaky_relu_grad", "elu_grad"]},
    "activations.leaky_relu": Spec({"z": Z}, inf_on_overflow=True),
    "activations.elu": Spec({"z": Z}, inf_on_overflow=True),
    "activations.softmax": Spec({"z": SCORES}),
    "activations.softmax_grad": Spec({"z": SCORES}),
    "activations.naive_sigmoid": Spec({"z": Z}, warns_on_purpose=True),
    "activations.naive_softmax": Spec({"z": SCORES}, warns_on_purpose=True),
    "activations.Activation": Spec({"name": "mine", "function": np.tanh, "derivative": None}),
    "activations.get_activation": Spec({"activation": "relu"}),
    # neuron
    "neuron.weighted_sum": Spec({"x": [5.0, 1.0, 4.0, 8.0], "w": [2.0, -1.0, 3.0, -2.0], "b": 0.5}),
    "neuron.neuron": Spec({"x": [5.0, 1.0, 4.0, 8.0], "w": [2.0, -1.0, 3.0, -2.0], "b": 0.5, "activation": "sigmoid"}),
    "neuron.layer_forward": Spec({"x": [2.0, 3.0], "W": W1, "b": [0.0, 1.0], "activation": "relu"}),
    "neuron.net_input": Spec({"X": [[2.0, 3.0], [3.0, 4.0]], "W": W1, "b": [0.0, 1.0]}),
    "neuron.forward": Spec({"X": [[2.0, 3.0], [3.0, 4.0]], "layers": [(W1, [0.0, 0.0], "relu"), (W2, [0.0], "identity")]}),
    # perceptron
    "perceptron.predict": Spec({"X": FLOWERS, "w": [-0.68, 1.82], "b": -0.4}),
    "perceptron.update": Spec({"x": [5.1, 1.4], "target": -1, "w": [0.0, 0.0], "b": 0.0}),
    "perceptron.Perceptron": Spec({}),  # stores its settings only; fit checks them (test_perceptron.py)
    "perceptron.Perceptron.fit": Spec({"X": FLOWERS, "y": SPECIES}, instance=lambda: course_lib.perceptron.Perceptron()),
    **{f"perceptron.Perceptron.{method}": Spec({"X": FLOWERS}, instance=_fitted_perceptron)
       for method in ("net_input", "predict")},
    "perceptron.Perceptron.score": Spec({"X": FLOWERS, "y": SPECIES}, instance=_fitted_perceptron),
    # gradient_descent
    **{f"gradient_descent.{name}": Spec({"X": FLOWERS, "y": SPECIES, "w": [0.1, -0.2], "b": 0.0})
       for name in ("cost", "gradient", "gradient_step")},
    "gradient_descent.numerical_gradient": Spec({"f": lambda w: float(np.sum(w ** 2)), "params": [1.0, -2.0]}),
    "gradient_descent.relative_error": Spec({"a": [1.0, 2.0], "b": [1.0, 2.5]}),
    "precision.below_power_of_ten": Spec({"value": 1.7e-11}),
    "gradient_descent.cost_grid": Spec({"X": FLOWERS, "y": SPECIES, "w1_values": [-1.0, 0.0, 1.0],
                                        "w2_values": [0.0, 1.0]}),
    "gradient_descent.AdalineGD": Spec({}),  # stores its settings only; fit checks them (test_gradient_descent.py)
    "gradient_descent.AdalineGD.fit": Spec({"X": FLOWERS, "y": SPECIES},
                                           instance=lambda: course_lib.gradient_descent.AdalineGD()),
    **{f"gradient_descent.AdalineGD.{method}": Spec({"X": FLOWERS}, instance=lambda: _fitted_adaline())
       for method in ("net_input", "predict")},
    "gradient_descent.AdalineGD.score": Spec({"X": FLOWERS, "y": SPECIES}, instance=lambda: _fitted_adaline()),
    # preprocessing (transform & co. are inherited from a private base class, and swept here too)
    **{f"preprocessing.{scaler}": Spec({}) for scaler in ("StandardScaler", "MinMaxScaler")},
    **{f"preprocessing.{scaler}.{method}": Spec({"X": FLOWERS},
                                                instance=lambda s=scaler: getattr(course_lib.preprocessing, s)())
       for scaler in ("StandardScaler", "MinMaxScaler") for method in ("fit", "fit_transform")},
    **{f"preprocessing.{scaler}.{method}": Spec({"X": FLOWERS},
                                                instance=lambda s=scaler: getattr(course_lib.preprocessing, s)().fit(FLOWERS))
       for scaler in ("StandardScaler", "MinMaxScaler") for method in ("transform", "inverse_transform")},
    # the estimator contract (course_lib._estimator), inherited by every estimator
    **{f"{estimator}.{method}": Spec({}, instance=make) for estimator, make in [
        ("perceptron.Perceptron", lambda: course_lib.perceptron.Perceptron()),
        ("gradient_descent.AdalineGD", lambda: course_lib.gradient_descent.AdalineGD()),
        ("mlp.MLPClassifier", lambda: course_lib.mlp.MLPClassifier()),
        ("preprocessing.StandardScaler", lambda: course_lib.preprocessing.StandardScaler()),
        ("preprocessing.MinMaxScaler", lambda: course_lib.preprocessing.MinMaxScaler())]
       for method in ("get_params", "set_params")},
    # instance= passes the one array to split as the first positional argument
    "preprocessing.train_test_split": Spec({"random_state": 0}, instance=lambda: FLOWERS),
    # datasets
    "datasets.data_path": Spec({"name": "iris.csv"}, also_raises=(FileNotFoundError,)),
    "datasets.load_iris": Spec({}, also_raises=(FileNotFoundError,)),
    "datasets.load_digits": Spec({}, also_raises=(FileNotFoundError,)),
    "capstone.is_stub": Spec({"function": len}),
    "capstone.load_functions": Spec({}),
    "capstone.yours_or_course": Spec({}),
    "datasets.make_moons": Spec({"n_samples": 20}),
    "datasets.make_xor": Spec({"n_samples": 20}),
    **{f"datasets.{name}": Spec({"n_samples": 20}) for name in ("make_spirals", "make_circles", "make_gaussians")},
    # mlp: a 2-3-2 network on the four XOR corners
    "generalisation.early_stopping": Spec({"validation_losses": [0.9, 0.7, 0.6, 0.65, 0.62, 0.61], "patience": 2}),
    "generalisation.l2_penalty": Spec({"weights": [[[1.0, -2.0]], [[3.0], [-1.0]]], "biases": [[0.5], [0.1]],
                                       "alpha": 0.1}),
    "generalisation.momentum_step": Spec({"w": [1.0, -2.0], "v": [0.5, 0.25], "gradient": [4.0, -1.0],
                                          "learning_rate": 0.1, "momentum": 0.9}),
    "mlp.init_params": Spec({"layer_sizes": (2, 3, 2)}),
    "mlp.forward": Spec({"X": CORNERS, "weights": NET_W, "biases": NET_B}),
    "mlp.cross_entropy": Spec({"Y": [[1.0, 0.0], [0.0, 1.0]], "Z": [[2.0, -1.0], [0.0, 3.0]]}),
    "mlp.squared_error": Spec({"Y": [[1.0], [0.0]], "A": [[0.5], [0.2]]}),
    "mlp.backward": Spec({"Y": ONE_HOT, "Zs": Fresh(lambda: _net_cache()[0]), "As": Fresh(lambda: _net_cache()[1]),
                          "weights": NET_W}),
    "mlp.gradient_check": Spec({"X": CORNERS, "Y": ONE_HOT, "weights": NET_W, "biases": NET_B}),
    "mlp.learning_slowdown": Spec({"n_epochs": 20}),
    "mlp.MLPClassifier": Spec({}),  # stores its settings only; fit checks them (test_mlp.py)
    "mlp.MLPClassifier.fit": Spec({"X": CORNERS, "y": XOR_Y, "X_val": CORNERS, "y_val": XOR_Y},
                                  instance=lambda: course_lib.mlp.MLPClassifier((3,), n_epochs=2)),
    "mlp.MLPClassifier.train_epochs": Spec({"n_epochs": 2}, instance=lambda: _fitted_mlp()),
    "mlp.MLPClassifier.reset": Spec({}, instance=lambda: _fitted_mlp()),
    **{f"mlp.MLPClassifier.{method}": Spec({"X": CORNERS}, instance=lambda: _fitted_mlp())
       for method in ("predict", "predict_proba")},
    "mlp.MLPClassifier.score": Spec({"X": CORNERS, "y": XOR_Y}, instance=lambda: _fitted_mlp()),
    # plotting
    "plotting.style": Spec({"ax": Fresh(_axes), "title": "t", "xlabel": "x", "ylabel": "y"}),
    "plotting.decision_line_equation": Spec({"w": [1.0, 2.0], "b": -1.0}),
    "plotting.plot_activation_grid": Spec({"names": ["relu", "tanh"]}),
    "plotting.plot_function_and_derivative": Spec({"name": "sigmoid"}),
    "plotting.plot_neuron_plane": Spec({"w": [1.0, 2.0], "b": -1.0}),
    "plotting.colour_scale": Spec({"activation": "relu"}),
    "plotting.NeuronPlane": Spec({"ax": Fresh(_axes), "n_pixels": 12}),
    "plotting.NeuronPlane.set": Spec({"w": [1.0, 2.0], "b": -1.0},
                                     instance=lambda: course_lib.plotting.NeuronPlane(_axes(), n_pixels=12)),
    "plotting.FunctionPlot": Spec({"ax": Fresh(_axes), "n_points": 21}),
    "plotting.FunctionPlot.set": Spec({"activation": "elu"},
                                      instance=lambda: course_lib.plotting.FunctionPlot(_axes(), n_points=21)),
    "plotting.FunctionPlot.y_limits": Spec({"activation": "elu"},
                                           instance=lambda: course_lib.plotting.FunctionPlot(_axes(), n_points=21)),
    "plotting.plot_two_classes": Spec({"X": FLOWERS, "y": SPECIES, "w": [-0.68, 1.82], "b": -0.4}),
    "plotting.plot_decision_regions": Spec({"model": Fresh(_fitted_perceptron), "X": FLOWERS, "y": SPECIES,
                                            "resolution": 20}),
    "plotting.plot_training_curves": Spec({"updates": [2, 2, 3], "misclassified": [50, 50, 0]}),
    "plotting.ClassesPlot": Spec({"ax": Fresh(_axes), "X": FLOWERS, "y": SPECIES}),
    **{f"plotting.ClassesPlot.{method}": Spec(base, instance=lambda: course_lib.plotting.ClassesPlot(
        _axes(), FLOWERS, SPECIES)) for method, base in [
        ("set_line", {"w": [-0.68, 1.82], "b": -0.4}), ("set_highlight", {"x": [5.1, 1.4]}),
        ("side", {"w": [-0.68, 1.82], "b": -0.4})]},
    "plotting.plot_cost_surface": Spec({"X": FLOWERS, "y": SPECIES, "path": [[0.0, 0.0], [0.1, 0.2]]}),
    "plotting.CostSurface": Spec({"ax": Fresh(_axes), "X": FLOWERS, "y": SPECIES}),
    **{f"plotting.CostSurface.{method}": Spec(base, instance=lambda: course_lib.plotting.CostSurface(
        _axes(), FLOWERS, SPECIES)) for method, base in [
        ("set_path", {"path": [[0.0, 0.0], [0.1, 0.2]]}), ("contains", {"point": [0.0, 0.1]}), ("describe", {})]},
    "plotting.plot_descent_1d": Spec({"learning_rates": [0.1, 0.5]}),
    "plotting.plot_cost_per_epoch": Spec({"runs": {"a": [50.0, 48.0, 47.0]}}),
    "plotting.plot_cost_surfaces_side_by_side": Spec({"X_left": FLOWERS, "X_right": [[-0.5, -0.7], [1.4, 1.4], [-0.9, -0.7]],
                                                      "y": SPECIES, "paths": ([[0.0, 0.0], [0.1, 0.2]], None)}),
    "plotting.plot_costs_together": Spec({"runs": {"a": [50.0, 48.0, 47.0], "b": [50.0, 20.0, 8.0]}}),
    "plotting.plot_datasets": Spec({"panels": {"flowers": (FLOWERS, SPECIES)}}),
    "plotting.plot_computational_graph": Spec({}),
    "plotting.plot_learning_slowdown": Spec({"squared_error": [0.9, 0.6, 0.4], "cross_entropy": [0.9, 0.3, 0.1]}),
    "plotting.plot_decision_regions_grid": Spec({"models": Fresh(lambda: [_fitted_perceptron()]), "X": FLOWERS, "y": SPECIES,
                                                 "resolution": 10}),
    "plotting.plot_loss_curves": Spec({"model": Fresh(_fitted_mlp)}),
    "plotting.plot_hidden_lines": Spec({"W1": [[1.0, 1.0], [1.0, 1.0]], "b1": [-0.5, -1.5], "W2": [[0.0, 1.0], [1.0, -1.0]],
                                        "b2": [0.0, -0.3], "X": CORNERS, "y": [0, 1, 1, 0]}),
    "plotting.plot_loss_race": Spec({"runs": {"a": [1.0, 0.5, 0.2], "b": [1.0, 0.9, 0.8]}, "threshold": 0.3}),
    "plotting.plot_digits": Spec({"images": DIGITS, "labels": [0, 1, 1], "per_class": 2}),
    "plotting.plot_learning_curves": Spec({"loss": {"training": [1.0, 0.5]}, "accuracy": {"training": [0.5, 0.9]}}),
    "plotting.plot_confusion_matrix": Spec({"matrix": [[3, 1], [0, 4]]}),
    "plotting.plot_misclassified": Spec({"images": DIGITS, "y_true": [0, 1, 1], "y_pred": [0, 0, 1]}),
    # widgets (only the arguments are swept: the controls themselves clamp what a student can set)
    "widgets.NeuronExplorer": Spec({}),
    "widgets.ActivationExplorer": Spec({}),
    "widgets.PerceptronTrainer": Spec({}),
    "widgets.GradientDescentExplorer": Spec({"n_epochs": 2}),
    "widgets.GradientDescentExplorer.run": Spec({}, instance=lambda: course_lib.widgets.GradientDescentExplorer(n_epochs=2)),
    **{f"widgets.PerceptronTrainer.{method}": Spec({}, instance=lambda: course_lib.widgets.PerceptronTrainer("XOR"))
       for method in ("step", "step_epoch", "reset")},
    "widgets.Playground": Spec({}),
    **{f"widgets.Playground.{method}": Spec({}, instance=lambda: course_lib.widgets.Playground(hidden_layers=(2,)))
       for method in ("step", "reset", "pause", "regenerate")},
    **{f"widgets.{name}.update": Spec({}, instance=make) for name, make in [
        ("NeuronExplorer", lambda: course_lib.widgets.NeuronExplorer()),
        ("ActivationExplorer", lambda: course_lib.widgets.ActivationExplorer()),
        ("PerceptronTrainer", lambda: course_lib.widgets.PerceptronTrainer("XOR")),
        ("GradientDescentExplorer", lambda: course_lib.widgets.GradientDescentExplorer(n_epochs=2)),
        ("Playground", lambda: course_lib.widgets.Playground(hidden_layers=(2,)))]},
    "widgets.Playground.load_preset": Spec({"name": "XOR with x₁x₂"},
                                           instance=lambda: course_lib.widgets.Playground(hidden_layers=(2,))),
    # setup_check: no parameters; called once each, they must run without a warning
    "setup_check.requirements": Spec({}),
    "setup_check.setup_report": Spec({}),
    "setup_check.check_setup": Spec({}),
}


# ---------------------------------------------------------------------------- discovery

def _modules():
    yield course_lib
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


def _exempt(module_name: str) -> bool:
    if module_name == "course_lib":  # the package itself: its public names are its modules
        return True
    return any(module_name == name or module_name.startswith(name + ".") for name in EXEMPT)


def _discover() -> dict[str, Callable]:
    """``{"module.name": callable}`` for every public callable, and ``"module.Class.method"``."""
    found, seen = {}, set()
    for module in _modules():
        if _exempt(module.__name__):
            continue
        short = module.__name__.removeprefix("course_lib.")
        for name in module.__all__:
            obj = getattr(module, name)
            if not callable(obj) or id(obj) in seen:
                continue  # a package re-exports its modules' names: each is swept once, by its shortest name
            seen.add(id(obj))
            found[f"{short}.{name}"] = obj
            if inspect.isclass(obj):  # its public methods, also those it inherits from course_lib (get_params, score)
                for attr in dir(obj):
                    member = inspect.getattr_static(obj, attr)
                    if (not attr.startswith("_") and inspect.isfunction(member)
                            and member.__module__.startswith("course_lib")):
                        found[f"{short}.{name}.{attr}"] = member
    return found


PUBLIC = _discover()


def test_every_module_declares_its_public_names():
    missing = [m.__name__ for m in _modules() if not _exempt(m.__name__) and not hasattr(m, "__all__")]
    assert not missing, f"add __all__ to {missing}: the sweep finds public names through it"


def test_every_public_callable_has_a_sweep_entry():
    missing = sorted(set(PUBLIC) - set(SPECS))
    assert not missing, (
        f"no entry in SPECS of tests/test_bad_input_sweep.py for {missing}: add one with valid base "
        "arguments (see the module docstring), so that the new name is swept with bad input"
    )


def test_every_sweep_entry_still_names_a_public_callable():
    assert not sorted(set(SPECS) - set(PUBLIC))


# ---------------------------------------------------------------------------- bad values

def _raises_runtime_error(*args, **kwargs):
    raise RuntimeError("broken on purpose")


SCALAR_BAD = {
    "None": None, "text": "abc", "number as text": "6", "list of names": ["relu"], "empty list": [],
    "nan": math.nan, "+inf": math.inf, "-inf": -math.inf, "+1e300": 1e300, "-1e300": -1e300,
    "largest float": 1.7e308, "zero": 0, "negative count": -1, "fraction": 2.5, "True": True,
    "numpy False": np.bool_(False), "complex": 1 + 2j, "2-D": [[1.0, 2.0], [3.0, 4.0]],
    "3-D": np.ones((2, 2, 2)), "ragged": [[1.0], [1.0, 2.0]], "dict": {"a": 1}, "object": object(),
    "returns None": lambda *args, **kwargs: None, "raises": _raises_runtime_error,
    "a class, not an instance": course_lib.perceptron.Perceptron,  # plot_decision_regions(Perceptron, X, y)
}
NUMPY_REPR = re.compile(r"np\.(float|int|uint|str_|bool_)\w*\(")  # np.float64(1.0): what numpy's repr shows
SHOWN_NUMBER = re.compile(r"\d(\.\d+)?e[+-]\d+|\binf\b|\d{4,}")  # 1e+308, 1.5e+300, inf, 100000


def _array_variants(base) -> dict:
    """Bad values shaped like a valid array argument: same shape with NaN, ±inf, near-overflow, text."""
    try:
        array = np.asarray(base, dtype=float)
    except (TypeError, ValueError):
        return {}
    if array.ndim == 0 or array.size == 0:
        return {}
    def with_value(v):
        out = array.copy()
        out.flat[0] = v
        return out
    return {
        "with nan": with_value(math.nan), "with +inf": with_value(math.inf), "with -inf": with_value(-math.inf),
        "near the largest float": np.where(array >= 0, 1.5e308, -1.5e308),
        "extra dimension": array[np.newaxis], "empty": array[:0], "as text": array.astype(str),
        "one entry short": array.reshape(-1)[:-1] if array.ndim == 1 else array[..., :-1],
    }


def _has_nonfinite(value) -> bool:
    try:
        return not np.isfinite(np.asarray(value, dtype=float)).all()
    except (TypeError, ValueError, OverflowError):
        return False


def _numbers(result):
    """The numeric arrays inside a result (tuples, arrays, floats, a DataFrame's numeric columns)."""
    if isinstance(result, (bool, np.bool_, str)):
        return
    if isinstance(result, (numbers_types := (int, float, np.number))):
        yield np.asarray(result, dtype=float)
    elif isinstance(result, np.ndarray) and (np.issubdtype(result.dtype, np.number) or result.dtype == bool):
        yield result.astype(float)
    elif isinstance(result, (tuple, list)):
        for item in result:
            yield from _numbers(item)
    elif hasattr(result, "select_dtypes"):
        yield result.select_dtypes("number").to_numpy(dtype=float)


def _names_parameter(message: str, parameter: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(parameter)}(?![A-Za-z0-9_])", message) is not None


def _raised_in_course_lib(error: BaseException) -> bool:
    tb = error.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    return Path(tb.tb_frame.f_code.co_filename).resolve().is_relative_to(LIB)


def _parameters(func) -> list[str]:
    skip = {"self"}
    return [p.name for p in inspect.signature(func).parameters.values()
            if p.name not in skip and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


CASES = [(key, parameter) for key in sorted(PUBLIC) if key in SPECS for parameter in _parameters(PUBLIC[key])]
NO_PARAMETERS = [key for key in sorted(PUBLIC) if key in SPECS and not _parameters(PUBLIC[key])]


def _call(key, kwargs, spec, obj):
    func = PUBLIC[key]
    kwargs = {k: (v.make() if isinstance(v, Fresh) else v) for k, v in kwargs.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if spec.warns_on_purpose:
            warnings.simplefilter("ignore", RuntimeWarning)
        try:
            return func(obj, **kwargs) if obj is not None else func(**kwargs)
        finally:
            plt.close("all")


@pytest.mark.parametrize("key, parameter", CASES, ids=[f"{k}-{p}" for k, p in CASES])
def test_bad_values_get_a_teaching_error_or_a_finite_result_and_never_a_warning(key, parameter, capsys):
    spec = SPECS[key]
    obj = spec.instance() if spec.instance else None
    default = inspect.signature(PUBLIC[key]).parameters[parameter].default
    base = spec.base.get(parameter, None if default is inspect.Parameter.empty else default)
    bad_values = {**SCALAR_BAD, **_array_variants(base)}
    problems = []
    for label, bad in bad_values.items():
        kwargs = {**spec.base, parameter: bad}
        try:
            result = _call(key, kwargs, spec, obj)
        except (TypeError, ValueError, *spec.also_raises) as error:
            if not _raised_in_course_lib(error):
                problems.append(f"{label}: {type(error).__name__} from outside course_lib: {error}")
            elif not _names_parameter(str(error), parameter):
                problems.append(f"{label}: message does not name {parameter!r}: {error}")
            elif NUMPY_REPR.search(str(error)):
                problems.append(f"{label}: message shows numpy's repr of a number (np.float64(...)): {error}")
            elif "overflowed" in str(error) and not SHOWN_NUMBER.search(str(error).replace("1.8e+308", "")):
                problems.append(f"{label}: an overflow message must show the value that overflowed: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - a warning turned error, or a foreign exception
            problems.append(f"{label}: {type(error).__name__}: {str(error)[:200]}")
            continue
        if spec.warns_on_purpose:
            continue
        for array in _numbers(result):
            if np.isnan(array).any():
                problems.append(f"{label}: result holds NaN")
            elif np.isinf(array).any() and not (_has_nonfinite(bad) or spec.inf_on_overflow):
                problems.append(f"{label}: result holds inf for finite input")
    capsys.readouterr()  # check_setup prints
    assert not problems, f"{key}({parameter}=...):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("key", NO_PARAMETERS)
def test_callables_without_parameters_run_without_a_warning(key, capsys):
    spec = SPECS[key]
    _call(key, {}, spec, spec.instance() if spec.instance else None)


def test_the_sweep_covers_every_module_and_makes_many_calls():
    modules = {key.split(".")[0] for key in PUBLIC}
    assert {"activations", "neuron", "datasets", "plotting", "widgets", "setup_check"} <= modules
    assert len(CASES) * len(SCALAR_BAD) > 2000
