"""Checks for lesson 03 · The perceptron learning rule.

Every expected value comes from :mod:`course_lib.perceptron` (``predict`` and
``update``); the known mistakes are small variations of the same rule (the bias
left alone, η forgotten, the error's sign reversed …), so no formula is written twice.
"""

from __future__ import annotations

import numpy as np

from course_lib import perceptron
from course_lib.activations import binary_step, unit_step

from ._core import Case, Exercise, Mistake, run_check


def _array(values) -> np.ndarray:
    return np.array(values, dtype=float)


# The first five flowers of the lesson's training set (sepal, petal length in cm), setosa = -1,
# versicolor = +1, and a second set whose answers are not round numbers.
_FLOWERS = _array([[5.1, 1.4], [4.9, 1.4], [7.0, 4.7], [6.4, 4.5], [5.0, 1.6]])
_SPECIES = _array([-1, -1, 1, 1, -1])
_MIXED = _array([[0.37, -1.21], [2.13, 0.58], [-0.94, 1.77], [1.06, -0.33]])
_SIGN_AT_ZERO = ("np.sign(z) gives 0 when z = 0, but the perceptron answers +1 there: it fires at its "
                 "threshold, so z ≥ 0 means +1.")


# ---------------------------------------------------------------- Exercise 3.1


def check_predict_sign(predict_sign) -> None:
    """Exercise 3.1: ``predict_sign(X, w, b)`` returns +1 where X @ w + b ≥ 0 and -1 elsewhere, for every row."""
    w = _array([-0.68, 1.82])
    run_check(
        Exercise("3.1", "predict_sign", "predict_sign answers +1 or -1 for every row, and +1 exactly at z = 0"),
        predict_sign,
        cases=[
            Case(_FLOWERS, w, -0.4),
            Case(_array([[1.0, 2.0], [2.0, -1.0], [0.0, 0.0]]), _array([1.0, 1.0]), -3.0),  # z = 0, -2, -3
            Case(_MIXED, _array([0.5, -1.5]), 0.25),
            Case(_array([[2.0, 1.0, 0.5]]), _array([1.0, -2.0, 0.0]), 0.0),  # one sample, z = 0 exactly
        ],
        reference=perceptron.predict,
        mistakes=[
            Mistake("At z = 0 exactly the step fires: +1 when z ≥ 0. Your function answers -1 (or 0) there.",
                    lambda X, w, b: np.where(X @ w + b > 0, 1.0, -1.0)),
            Mistake("np.sign(z) gives 0 when z = 0, but the perceptron must answer +1 or -1: "
                    "it fires at its threshold, so z ≥ 0 means +1.", lambda X, w, b: np.sign(X @ w + b)),
            Mistake("That is the binary step, 1 or 0; the perceptron answers +1 or -1 (the modified unit step).",
                    lambda X, w, b: binary_step(X @ w + b)),
            Mistake("Return the decision, +1 or -1, not the net input z: compare z with 0 first.",
                    lambda X, w, b: X @ w + b),
            Mistake("The bias is missing: the decision depends on z = X @ w + b.", lambda X, w, b: unit_step(X @ w)),
            Mistake("The answers are swapped: +1 where z ≥ 0, -1 below.", lambda X, w, b: -unit_step(X @ w + b)),
        ],
        general_hint="Compute the net input of every row at once, then turn each into +1 (z ≥ 0) or -1 "
                     "(z < 0). For the first flower, z = 5.1·(−0.68) + 1.4·1.82 − 0.4 ≈ −1.32, so −1.",
    )


# ---------------------------------------------------------------- Exercise 3.2


def _rule(error_of, *, with_rate=True, bias=True):
    """The update rule with one slip: ``error_of(target, prediction, z)`` replaces y - ŷ."""
    def update(x, target, w, b, learning_rate):
        z = x @ w + b
        error = error_of(target, float(unit_step(z)), z)
        rate = learning_rate if with_rate else 1.0
        return w + rate * error * x, (b + rate * error) if bias else b
    return update


def check_perceptron_update(perceptron_update) -> None:
    """Exercise 3.2: ``perceptron_update(x, target, w, b, learning_rate)`` returns the new ``(w, b)``."""
    right = lambda target, prediction, z: target - prediction  # noqa: E731
    run_check(
        Exercise("3.2", "perceptron_update",
                 "perceptron_update leaves right predictions alone and moves w and b by η(y − ŷ) on wrong ones"),
        perceptron_update,
        cases=[
            Case(_array([5.1, 1.4]), -1.0, _array([0.0, 0.0]), 0.0, 0.1),  # wrong (+1 at z = 0): w moves
            Case(_array([7.0, 4.7]), 1.0, _array([-1.02, -0.28]), -0.2, 0.1),  # wrong: z = -8.658
            Case(_array([5.1, 1.4]), -1.0, _array([-1.02, -0.28]), -0.2, 0.1),  # right: nothing changes
            Case(_array([0.37, -1.21]), 1.0, _array([0.25, 0.5]), 0.1, 0.03),  # wrong, a small η
            Case(_array([2.13, 0.58]), 1.0, _array([0.25, 0.5]), 0.1, 0.5),  # right
        ],
        reference=lambda x, target, w, b, learning_rate: perceptron.update(x, target, w, b, learning_rate),
        mistakes=[
            Mistake("The bias must learn too: b ← b + η (y − ŷ), like the weights.", _rule(right, bias=False)),
            Mistake("Multiply by the learning rate η: Δw = η (y − ŷ) x and Δb = η (y − ŷ).",
                    _rule(right, with_rate=False)),
            Mistake("The error is target minus prediction, y − ŷ: yours moves the line away from the sample.",
                    _rule(lambda target, prediction, z: prediction - target)),
            Mistake("A right prediction must change nothing: use the error y − ŷ, which is 0 then, "
                    "not the target alone.", _rule(lambda target, prediction, z: target)),
            Mistake("Compare the target with the prediction ŷ, +1 or -1, not with the net input z.",
                    _rule(lambda target, prediction, z: target - z)),
            Mistake(_SIGN_AT_ZERO, _rule(lambda target, prediction, z: target - np.sign(z))),
        ],
        general_hint="First the prediction ŷ (+1 if x·w + b ≥ 0, else -1), then the error y − ŷ (0, +2 or −2), "
                     "then Δw = η·error·x and Δb = η·error. From w = (0, 0), b = 0, the setosa flower (5.1, 1.4) "
                     "with y = −1 gives ŷ = +1, error −2, so w becomes (−1.02, −0.28) and b −0.2.",
    )


# ---------------------------------------------------------------- Exercise 3.3


def _epoch(X, y, w, b, learning_rate):
    """One epoch with the reference rule: the final (w, b) and the number of updates."""
    updates = 0
    for x_i, y_i in zip(X, y):
        w_new, b_new = perceptron.update(x_i, y_i, w, b, learning_rate)
        updates += bool(b_new != b)
        w, b = w_new, b_new
    return w, b, updates


def check_train_epoch(train_epoch) -> None:
    """Exercise 3.3: ``train_epoch(X, y, w, b, learning_rate)`` returns ``(w, b, n_updates)`` after one pass."""
    def frozen_weights(X, y, w, b, learning_rate):  # every prediction made with the weights of the start
        wrong = perceptron.predict(X, w, b) != y
        error = np.where(wrong, y - perceptron.predict(X, w, b), 0.0)
        return w + learning_rate * error @ X, b + learning_rate * error.sum(), int(wrong.sum())

    def misclassified_after(X, y, w, b, learning_rate):
        w, b, _ = _epoch(X, y, w, b, learning_rate)
        return w, b, int((perceptron.predict(X, w, b) != y).sum())

    run_check(
        Exercise("3.3", "train_epoch",
                 "train_epoch updates after every sample, in order, and counts the samples that changed the weights"),
        train_epoch,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0, 0.1),
            Case(_FLOWERS, _SPECIES, _array([-0.68, 1.82]), -0.4, 0.1),  # the trained weights: no update
            Case(_MIXED, _array([1, -1, 1, -1]), _array([0.2, -0.1]), 0.05, 0.25),
        ],
        reference=_epoch,
        mistakes=[
            Mistake("Update after every sample, with the weights as they are at that moment: your function "
                    "made every prediction with the weights of the start of the epoch.", frozen_weights),
            Mistake("Count the updates made during the epoch (the samples whose prediction was wrong when "
                    "they were met), not the samples the final weights get wrong.", misclassified_after),
        ],
        general_hint="Loop over the samples in order; for each, apply the update rule (Exercise 3.2's) to the "
                     "current w and b, and add 1 to a counter when the prediction was wrong. "
                     "Return w, b and the counter.",
    )


# ---------------------------------------------------------------- Exercise 3.4


def check_count_misclassified(count_misclassified) -> None:
    """Exercise 3.4: ``count_misclassified(X, y, w, b)`` returns how many rows of X the weights get wrong."""
    def misclassified(X, y, w, b):
        return int((perceptron.predict(X, w, b) != y).sum())

    run_check(
        Exercise("3.4", "count_misclassified",
                 "count_misclassified counts the samples whose prediction differs from their label"),
        count_misclassified,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([-1.02, -0.28]), -0.2),  # after the first update: 2 wrong
            Case(_FLOWERS, _SPECIES, _array([-0.68, 1.82]), -0.4),  # trained: 0 wrong
            Case(_MIXED, _array([1, -1, 1, -1]), _array([0.5, 0.5]), 0.0),
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0),  # z = 0 everywhere: all +1, so 3 wrong
        ],
        reference=misclassified,
        mistakes=[
            Mistake("That counts the right answers; count the wrong ones (prediction ≠ label).",
                    lambda X, y, w, b: len(y) - misclassified(X, y, w, b)),
            Mistake("Return how many, a whole number, not the fraction of the samples.",
                    lambda X, y, w, b: misclassified(X, y, w, b) / len(y)),
            Mistake("At z = 0 the perceptron answers +1 (z ≥ 0): with > the count is off there.",
                    lambda X, y, w, b: int((np.where(X @ w + b > 0, 1, -1) != y).sum())),
            Mistake(_SIGN_AT_ZERO, lambda X, y, w, b: int((np.sign(X @ w + b) != y).sum())),
        ],
        general_hint="Predict every row (+1 if z ≥ 0, else -1), compare with y, and count the rows where they "
                     "differ: a comparison gives True/False, and summing them counts the Trues.",
    )
