"""Checks for lesson 02 · Activation functions.

Every expected value comes from :mod:`course_lib.activations`, and so do the
known mistakes where they can (σ(−z) for the wrong sign, softmax along the
wrong axis …). Sigmoid, ReLU and the sigmoid's slope are checked on moderate
inputs only (|z| ≤ 30): the textbook 1 / (1 + np.exp(-z)) passes, since
stability is taught afterwards. Softmax, by contrast, must survive huge scores.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from course_lib import activations

from ._core import Case, CrashHint, Exercise, Mistake, run_check


def _elementwise(function: Callable) -> Callable:
    """``function`` returning a plain float for a single number and an array for an array.

    The references return 0-d arrays for numbers; a student's ``1 / (1 + np.exp(-z))``
    returns a float there, and both are right.
    """
    def wrapped(z):
        result = function(z)
        return float(result) if np.ndim(z) == 0 else np.asarray(result)
    return wrapped


def _as_list(function: Callable) -> Callable:
    """``function``'s right answer, but as a Python list (for the "returned a list" mistake)."""
    return lambda z: np.atleast_1d(function(z)).tolist()


def _sigma(z) -> np.ndarray:
    return activations.sigmoid(z)


_ROUNDING = "Keep every digit: something in your function rounds the values (round(), np.round)."
_ALSO_NUMBERS = ("{name} must work on a single number too, such as {example}: numpy's entry-by-entry functions "
                 "handle numbers and arrays alike, with no loop and no .shape.")

_NO_LIST = ("Return the numpy result itself, not a list: np.exp and np.maximum handle a whole array "
            "(or a single number) at once, with no loop.")


def _dropped_shift(Z):
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


# The solutions with one of their terms left out: the check must catch each (issue 18, item 6).
DROPPED_TERMS = {
    "check_sigmoid": {
        "the 1 in the denominator": lambda z: 1 / np.exp(-np.asarray(z, dtype=float)),
        "the exponential": lambda z: 1 / (1 + 1) + 0 * np.asarray(z, dtype=float),
    },
    "check_relu": {
        "the 0": lambda z: np.asarray(z, dtype=float) * 1.0,
        "z": lambda z: 0 * np.asarray(z, dtype=float),
    },
    "check_sigmoid_grad": {
        "the factor σ(z)": lambda z: 1 - activations.sigmoid(z),
        "the factor 1 − σ(z)": lambda z: activations.sigmoid(z),
        "the 1 in 1 − σ(z)": lambda z: -activations.sigmoid(z) ** 2,
    },
    "check_softmax": {
        "the row maximum": _dropped_shift,
        "the division by the row's total": lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True)),
    },
}


# ---------------------------------------------------------------- Exercise 2.1


def check_sigmoid(sigmoid) -> None:
    """Exercise 2.1: ``sigmoid(z)`` returns 1 / (1 + e^(−z)) for a number or, elementwise, an array."""
    sign = ("Check the sign of the exponent: σ(z) = 1 / (1 + e^(−z)), with 1 on top, "
            "so large positive z gives values near 1 (σ(3) ≈ 0.95).")
    run_check(
        Exercise("2.1", "sigmoid",
                 "sigmoid computes 1 / (1 + e^(−z)) for single numbers and, entry by entry, whole arrays"),
        sigmoid,
        cases=[
            Case(0.0),
            Case(3.0),
            Case(-3.0),
            Case(np.array([-2.0, -1.0, 0.0, 1.0, 2.0])),
            Case(np.array([[-30.0, -5.0, 0.5], [5.0, 12.0, 30.0]])),
            Case(np.array([-4, 0, 4])),  # integers
        ],
        reference=_elementwise(activations.sigmoid),
        mistakes=[
            # 1 / (1 + e^z), e^(−z) / (1 + e^(−z)) and 1 − σ(z) all give σ(−z)
            Mistake(sign, _elementwise(lambda z: _sigma(-np.asarray(z, dtype=float)))),
            Mistake(_NO_LIST, _as_list(activations.sigmoid)),
            Mistake("That is tanh, which runs from -1 to 1; the sigmoid runs from 0 to 1 (σ(0) = 0.5).",
                    _elementwise(np.tanh)),
            Mistake("That is 1 + e^(−z), the denominator alone: the sigmoid is 1 divided by it. Mind the "
                    "brackets, as 1 / 1 + … divides only 1 by 1.",
                    _elementwise(lambda z: 1 + np.exp(-np.asarray(z)))),
            Mistake("That is e^(−z) alone; the sigmoid puts it into a fraction that stays between 0 and 1.",
                    _elementwise(lambda z: np.exp(-np.asarray(z)))),
            *[Mistake("Very close: that is a rounded e. Let np.exp supply the exact e^(…) instead of a typed "
                      "2.718…", _elementwise(lambda z, e=e: 1 / (1 + e ** -np.asarray(z, dtype=float))))
              for e in (2.718, 2.7183, 2.71828, 2.72, 2.7)],
            *[Mistake(_ROUNDING, _elementwise(lambda z, d=d: np.round(_sigma(z), d))) for d in range(1, 5)],
        ],
        crash_hints=[
            CrashHint(TypeError, _ALSO_NUMBERS.format(name="sigmoid", example="sigmoid(3.0)"), text="not iterable"),
            CrashHint(RuntimeWarning, "Your formula divides by zero at z = 0, where the sigmoid is ½. Look at "
                      "the sign between the 1 and e^(−z) in the denominator.", text="divide by zero"),
        ],
        general_hint="Try your function at 0, 3 and -3 by hand: σ(0) is 0.5, σ(3) ≈ 0.95 and σ(-3) ≈ 0.05. "
                     "Which one differs, and which part of your formula makes it?",
    )


# ---------------------------------------------------------------- Exercise 2.2


def check_relu(relu) -> None:
    """Exercise 2.2: ``relu(z)`` returns max(0, z) for a number or, elementwise, an array, without changing ``z``."""
    also_numbers = _ALSO_NUMBERS.format(name="relu", example="relu(3.0)")
    entrywise = "numpy's np.maximum takes the larger of two values entry by entry"
    run_check(
        Exercise("2.2", "relu",
                 "relu keeps positive entries, turns negative ones into 0, works on numbers and arrays "
                 "and leaves its input unchanged"),
        relu,
        cases=[  # arrays first: they catch an input changed in place and Python's max()
            Case(np.array([-2.0, -0.5, 0.0, 0.5, 2.0])),
            Case(np.array([[-1.0, 2.0], [3.0, -4.0]])),
            Case(np.array([-3.71, 0.25, 1.83])),  # not round: rounding or truncating cannot pass
            Case(3.0),
            Case(-2.0),
            Case(0.0),
        ],
        reference=_elementwise(activations.relu),
        mistakes=[
            Mistake("You returned 1 (or True) where z is positive: ReLU returns z itself there, and 0 elsewhere.",
                    lambda z: np.asarray(z) > 0),
            Mistake(f"np.max(z, 0) returns the single largest entry along an axis; {entrywise}.",
                    lambda z: np.max(z, axis=0)),
            Mistake(_NO_LIST, _as_list(activations.relu)),
            Mistake("Yours keeps the negative entries and turns the positive ones into 0 (np.minimum does that, "
                    "and so does np.where with its two cases swapped): ReLU does the opposite.",
                    _elementwise(lambda z: np.minimum(0.0, z))),
            Mistake("ReLU turns negative entries into 0; the absolute value turns them positive instead.",
                    _elementwise(np.abs)),
            *[Mistake("That is the leaky ReLU (a small slope for negative z); plain ReLU gives exactly 0 there.",
                      _elementwise(lambda z, slope=slope: np.maximum(slope * np.asarray(z), z)))
              for slope in (0.01, 0.1, 0.2, 0.3, 0.05)],
        ],
        crash_hints=[
            CrashHint(ValueError, f"Python's max(0, z) compares two numbers, not arrays: {entrywise}.",
                      text="truth value"),
            CrashHint(TypeError, also_numbers, text="'float' object"),
            CrashHint(AttributeError, also_numbers, text="'float' object"),
        ],
        general_hint="Try relu([-2, 3]) by hand: what should it give, and which entry of yours differs?",
    )


# ---------------------------------------------------------------- Exercise 2.3


def check_sigmoid_grad(sigmoid_grad) -> None:
    """Exercise 2.3: ``sigmoid_grad(z)`` returns σ(z)·(1 − σ(z)), the slope of the sigmoid at z."""
    run_check(
        Exercise("2.3", "sigmoid_grad",
                 "sigmoid_grad computes the sigmoid's slope σ(z)·(1 − σ(z)) for numbers and arrays"),
        sigmoid_grad,
        cases=[
            Case(2.0),
            Case(0.0),  # the steepest point: 0.25
            Case(-1.5),
            Case(np.array([-4.0, -1.0, 0.0, 1.0, 4.0])),
            Case(np.array([[-10.0, 0.5], [3.0, 10.0]])),
        ],
        reference=_elementwise(activations.sigmoid_grad),
        mistakes=[
            Mistake("Apply the sigmoid first: the rule uses σ(z), the neuron's output, not z itself.",
                    _elementwise(lambda z: np.asarray(z) * (1 - np.asarray(z)))),
            Mistake("The second factor uses σ(z) too, not z.",
                    _elementwise(lambda z: _sigma(z) * (1 - np.asarray(z)))),
            Mistake("It is a minus, not a plus, in the second factor: the slope is at most 0.25, at z = 0.",
                    _elementwise(lambda z: _sigma(z) * (1 + _sigma(z)))),
            Mistake("Your values are 1 − σ(z), only one of the two factors: multiply by σ(z) as well.",
                    _elementwise(lambda z: 1 - _sigma(z))),
            Mistake("That is σ(z) itself; the slope multiplies it by a second factor.",
                    _elementwise(_sigma)),
            Mistake("That is σ(z)·σ(z): look again at the second factor (at 0 both give 0.25, elsewhere not).",
                    _elementwise(lambda z: _sigma(z) ** 2)),
            Mistake("You return the slope at z = 0, 0.25, for every z: the slope changes with z, so compute it "
                    "from σ(z) of each input.", _elementwise(lambda z: np.full(np.shape(z), 0.25))),
            Mistake("1 − σ(z)² follows the pattern of tanh's slope (1 − tanh²); the sigmoid's slope is a product "
                    "of two factors.", _elementwise(lambda z: 1 - _sigma(z) ** 2)),
            Mistake("That is the slope of the ReLU (1 for positive z, 0 elsewhere), not of the sigmoid.",
                    _elementwise(lambda z: (np.asarray(z) > 0).astype(float))),
        ],
        crash_hints=[
            CrashHint(TypeError, _ALSO_NUMBERS.format(name="sigmoid_grad", example="sigmoid_grad(2.0)"),
                      text="not iterable"),
        ],
        general_hint="Check two points by hand: the slope is 0.25 at z = 0 and about 0.105 at z = 2. "
                     "Which factor of yours is off at z = 2?",
    )


# ---------------------------------------------------------------- Exercise 2.4

_STABLE = ("np.exp overflows above about 709. Subtract each row's own largest score before np.exp: "
           "softmax(z) = softmax(z − max(z)), so the probabilities stay the same and the largest e^… is e^0 = 1.")


def _quietly(function: Callable) -> Callable:
    """``function`` with numpy's overflow and 0/0 warnings silenced: a mistake's result may well be nan."""
    def wrapped(Z):
        with np.errstate(all="ignore"):
            return function(Z)
    return wrapped


def _shift_rows(Z: np.ndarray) -> np.ndarray:
    """Each row minus its maximum, the first (right) step of a student's stable softmax."""
    return Z - Z.max(axis=1, keepdims=True)


def check_softmax(softmax) -> None:
    """Exercise 2.4: ``softmax(Z)`` turns each row of an (n_samples, n_classes) array into probabilities, stably."""
    rng = np.random.default_rng(0)
    keep_the_row_axis = ("Keep the row axis when you reduce: a row sum with keepdims=True has shape "
                         "(n_samples, 1), which divides each row by its own total (the same goes for np.max).")
    columns = ("Each row is one sample: sum along axis=1 (with keepdims=True), so that every row adds up to 1; "
               "axis=0 made the columns add up to 1.")
    whole_array = ("Each row must add up to 1 on its own: divide by each row's total, "
                   "summed along axis 1, not by the total of the whole array.")
    run_check(
        Exercise("2.4", "softmax",
                 "softmax turns every row of scores into probabilities that sum to 1, even for huge scores"),
        softmax,
        cases=[
            Case(np.array([[1.0, 2.0, 3.0]])),
            Case(np.array([[1.0, 2.0, 3.0], [2.0, 0.0, -1.0]])),
            Case(np.array([[2.0, 2.0, 2.0], [-1.0, -1.0, -1.0]])),  # equal scores: 1/3 each
            Case((2 * rng.normal(size=(3, 4))).round(1)),
            Case(np.array([[1000.0, 1001.0, 1002.0]])),  # same probabilities as [[0, 1, 2]]
            Case(np.array([[-1000.0, 0.0, 1000.0]])),
            Case(np.array([[1000.0, 1001.0, 1002.0], [0.0, 1.0, 2.0]])),  # rows on very different scales
        ],
        reference=lambda Z: activations.softmax(Z, axis=-1),
        mistakes=[
            Mistake(columns, lambda Z: activations.softmax(Z, axis=0)),
            Mistake(columns, _quietly(lambda Z: np.exp(_shift_rows(Z)) / np.exp(_shift_rows(Z)).sum(axis=0))),
            Mistake(whole_array, lambda Z: activations.softmax(Z.reshape(-1)).reshape(Z.shape)),
            Mistake(whole_array, lambda Z: activations.softmax(_shift_rows(Z).reshape(-1)).reshape(Z.shape)),
            Mistake(whole_array + " (And subtract each row's largest score first, or np.exp overflows.)",
                    _quietly(lambda Z: np.exp(Z) / np.exp(Z).sum())),
            Mistake(_STABLE, _quietly(activations.naive_softmax)),
            Mistake("Subtract each row's own maximum, np.max(Z, axis=1, keepdims=True), not the maximum of the "
                    "whole array: otherwise a row of small scores becomes 0 / 0.",
                    _quietly(lambda Z: activations.naive_softmax(Z - Z.max()))),
            Mistake("Your rows do not add up to 1: each row must be divided by its own total. (After the shift "
                    "a row's largest entry is already e^0 = 1, so dividing by it changes nothing.)",
                    lambda Z: np.exp(_shift_rows(Z))),
            Mistake("The scores were divided by their total without np.exp first: negative scores then give "
                    "negative 'probabilities'. Exponentiate first.",
                    _quietly(lambda Z: Z / Z.sum(axis=1, keepdims=True))),
            Mistake("That is the sigmoid of each score: each is between 0 and 1, but a row does not add up to 1. "
                    "Softmax shares 1 among the scores of a row.", _quietly(lambda Z: 1 / (1 + np.exp(-Z)))),
        ],
        crash_hints=[
            CrashHint(RuntimeWarning, _STABLE, text="overflow"),
            CrashHint(OverflowError, _STABLE),
            CrashHint(RuntimeWarning, "A row became 0 / 0. Subtract each row's own maximum, "
                      "np.max(Z, axis=1, keepdims=True), so every row keeps one entry e^0 = 1.", text="invalid value"),
            CrashHint(ValueError, keep_the_row_axis, text="broadcast"),
        ],
        general_hint="Take [[1, 2, 3]] by hand: softmax gives about [[0.090, 0.245, 0.665]]. Which of your "
                     "entries differs, and does each of your rows add up to 1?",
    )
