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
        Exercise("3.1", "predict_sign", "predict_sign answers +1 or -1 for every row, and +1 exactly at z = 0",
                 shapes="X (n_samples, n_features) with w (n_features,) and the number b give one z per row, "
                        "(n_samples,)."),
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
            Mistake("That is 1 or 0 (True or False, or the binary step); the perceptron answers +1 or -1 "
                    "(the modified unit step).", lambda X, w, b: binary_step(X @ w + b)),
            Mistake("Return the decision, +1 or -1, not the net input z: compare z with 0 first.",
                    lambda X, w, b: X @ w + b),
            Mistake("The bias is missing: the decision depends on z = X @ w + b.", lambda X, w, b: unit_step(X @ w)),
            Mistake("The bias has the wrong sign: it is added to X @ w, not subtracted (X @ w >= b subtracts it).",
                    lambda X, w, b: unit_step(X @ w - b)),
            Mistake("The answers are swapped: +1 where z ≥ 0, -1 below.", lambda X, w, b: -unit_step(X @ w + b)),
            Mistake("Return a numpy array, not a Python list: np.array(...) turns your list into one, or work "
                    "on the whole batch at once.", lambda X, w, b: perceptron.predict(X, w, b).tolist()),
            Mistake("Only the first sample's answer came back: is the `return` inside your loop? Collect an answer "
                    "for every row, then return them all.", lambda X, w, b: float(perceptron.predict(X, w, b)[0])),
        ],
        general_hint="Take the first flower by hand: what is its z with the first case's w and b, and what must "
                     "the prediction be? Which of your rows differs from that?",
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


def _x_missing(x, target, w, b, learning_rate):
    error = target - float(unit_step(x @ w + b))
    return w + learning_rate * error, b + learning_rate * error


def _bias_times_x(x, target, w, b, learning_rate):
    error = target - float(unit_step(x @ w + b))
    return w + learning_rate * error * x, b + learning_rate * error * x


def _half_step_on_mistakes(x, target, w, b, learning_rate):
    wrong = float(unit_step(x @ w + b)) != target
    return (w + learning_rate * target * x, b + learning_rate * target) if wrong else (w, b)


def _times_w(x, target, w, b, learning_rate):
    error = target - float(unit_step(x @ w + b))
    return w + learning_rate * error * w, b + learning_rate * error


def _none_when_right(x, target, w, b, learning_rate):
    w_new, b_new = perceptron.update(x, target, w, b, learning_rate)
    return None if b_new == b else (w_new, b_new)


def check_perceptron_update(perceptron_update) -> None:
    """Exercise 3.2: ``perceptron_update(x, target, w, b, learning_rate)`` returns the new ``(w, b)``."""
    right = lambda target, prediction, z: target - prediction  # noqa: E731
    run_check(
        Exercise("3.2", "perceptron_update",
                 "perceptron_update leaves right predictions alone and moves w and b by η(y − ŷ) on wrong ones",
                 returns=("w_new", "b_new")),
        perceptron_update,
        cases=[
            Case(_array([5.1, 1.4]), -1.0, _array([0.0, 0.0]), 0.0, 0.1),  # wrong (+1 at z = 0): w moves
            Case(_array([7.0, 4.7]), 1.0, _array([-1.02, -0.28]), -0.2, 0.1),  # wrong: z = -8.658
            Case(_array([5.1, 1.4]), -1.0, _array([-1.02, -0.28]), -0.2, 0.1),  # right: nothing changes
            Case(_array([0.37, -1.21]), 1.0, _array([0.25, 0.5]), 0.1, 0.03),  # wrong, a small η
            Case(_array([2.13, 0.58]), 1.0, _array([0.25, 0.5]), 0.1, 0.5),  # right
            Case(_array([0.5, -1.0, 2.0]), -1.0, _array([0.3, 0.1, 0.2]), 0.05, 0.2),  # three inputs, wrong: z = 0.5
        ],
        reference=lambda x, target, w, b, learning_rate: perceptron.update(x, target, w, b, learning_rate),
        mistakes=[
            Mistake("The bias must learn too: it moves like a weight whose input is always 1.",
                    _rule(right, bias=False)),
            Mistake("The learning rate η is missing: it scales both changes, of w and of b.",
                    _rule(right, with_rate=False)),
            Mistake("The error is target minus prediction, y − ŷ: yours moves the line away from the sample.",
                    _rule(lambda target, prediction, z: prediction - target)),
            Mistake("A right prediction must change nothing: use the error y − ŷ, which is 0 then, "
                    "not the target alone.", _rule(lambda target, prediction, z: target)),
            Mistake("Compare the target with the prediction ŷ, +1 or -1, not with the net input z.",
                    _rule(lambda target, prediction, z: target - z)),
            Mistake(_SIGN_AT_ZERO, _rule(lambda target, prediction, z: target - np.sign(z))),
            Mistake("On a mistake the error y − ŷ is +2 or -2, not the target alone: yours takes half the step "
                    "(scikit-learn's variant of the rule, not this lesson's).", _half_step_on_mistakes),
            Mistake("Your prediction is 1 or 0; the perceptron predicts +1 or -1, so that y − ŷ is 0, +2 or -2.",
                    _rule(lambda target, prediction, z: target - float(binary_step(z)))),
            Mistake("At z = 0 exactly the perceptron fires: ŷ = +1 when z ≥ 0. Yours predicts -1 there.",
                    _rule(lambda target, prediction, z: target - (1.0 if z > 0 else -1.0))),
            Mistake("Each weight moves by η · error · its own input xⱼ: the x is missing from your Δw.",
                    _x_missing),
            Mistake("The bias's input is the constant 1, not x: your b became an array.",
                    _bias_times_x),
            Mistake("Each weight moves by η · error · its input xⱼ, not by its own value wⱼ.", _times_w),
            Mistake("Return both new values, w and b, separated by a comma.",
                    lambda x, target, w, b, learning_rate: perceptron.update(x, target, w, b, learning_rate)[0]),
            Mistake("When the prediction is right your function returns nothing: every path needs a `return` "
                    "(w and b unchanged, then).", _none_when_right),
        ],
        general_hint="Take the first case by hand: what are z, ŷ and the error y − ŷ there? Which of w and b "
                     "has a different value in your result?",
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


def _epoch_with(X, y, w, b, learning_rate, *, order=None, counted=None, reassign=True):
    """One epoch with a slip: samples visited in ``order``, an update counted when ``counted(w, b, w_new, b_new)``."""
    updates = 0
    for i in (range(len(y)) if order is None else order(len(y))):
        w_new, b_new = perceptron.update(X[i], y[i], w, b, learning_rate)
        updates += bool(counted(w, b, w_new, b_new) if counted else b_new != b)
        if reassign:
            w, b = w_new, b_new
    return w, b, updates


def _frozen_weights(X, y, w, b, learning_rate):
    """Every prediction made with the weights of the start of the epoch, all updates added up."""
    wrong = perceptron.predict(X, w, b) != y
    error = np.where(wrong, y - perceptron.predict(X, w, b), 0.0)
    return w + learning_rate * error @ X, b + learning_rate * error.sum(), int(wrong.sum())


def _counts_final_mistakes(X, y, w, b, learning_rate):
    w, b, _ = _epoch(X, y, w, b, learning_rate)
    return w, b, int((perceptron.predict(X, w, b) != y).sum())


def _strict_epoch(X, y, w, b, learning_rate):
    updates = 0
    for x_i, y_i in zip(X, y):
        error = y_i - (1.0 if x_i @ w + b > 0 else -1.0)
        w, b, updates = w + learning_rate * error * x_i, b + learning_rate * error, updates + int(error != 0)
    return w, b, updates


_EVEN_IF_STILL = ("A sample counts as an update whenever its prediction was wrong, even if some weights did not "
                  "move: an input of 0 leaves its weight as it was (the bias changes every time).")

# A set where the count needs care: the first sample (x₀ = 0) and the third (all zeros) are wrong, yet
# they leave w[0], or all of w, as it was; the last sample is wrong too.
_CAREFUL = _array([[0.0, 1.5], [1.2, -0.4], [0.0, 0.0], [-0.8, 0.9], [0.5, -1.1]])
_CAREFUL_Y = _array([-1, 1, 1, -1, -1])


def check_train_epoch(train_epoch) -> None:
    """Exercise 3.3: ``train_epoch(X, y, w, b, learning_rate)`` returns ``(w, b, n_updates)`` after one pass."""
    run_check(
        Exercise("3.3", "train_epoch",
                 "train_epoch updates after every sample, in order, and counts the samples that changed the weights",
                 returns=("w", "b", "the number of updates")),
        train_epoch,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0, 0.1),
            Case(_FLOWERS, _SPECIES, _array([-0.68, 1.82]), -0.4, 0.1),  # the trained weights: no update
            Case(_MIXED, _array([1, -1, 1, -1]), _array([0.2, -0.1]), 0.05, 0.25),
            Case(_CAREFUL, _CAREFUL_Y, _array([0.3, 0.2]), 0.1, 0.25),  # 3 updates: samples 1, 3 and 5
            Case(_array([[0.5, -1.0, 2.0], [1.0, 0.5, -0.5], [-0.3, 0.8, 0.1]]), _array([-1, 1, 1]),
                 _array([0.3, 0.1, 0.2]), 0.05, 0.2),  # three features
        ],
        reference=_epoch,
        mistakes=[
            Mistake("Update after every sample, with the weights as they are at that moment: your function "
                    "made every prediction with the weights of the start of the epoch.", _frozen_weights),
            Mistake("Count the updates made during the epoch (the samples whose prediction was wrong when "
                    "they were met), not the samples the final weights get wrong.", _counts_final_mistakes),
            Mistake(_EVEN_IF_STILL,
                    lambda *args: _epoch_with(*args, counted=lambda w, b, w_new, b_new: w_new[0] != w[0])),
            Mistake(_EVEN_IF_STILL,
                    lambda *args: _epoch_with(*args, counted=lambda w, b, w_new, b_new: (w_new != w).any())),
            Mistake("Your count is the number of samples; count only those whose prediction was wrong.",
                    lambda X, y, w, b, learning_rate: _epoch(X, y, w, b, learning_rate)[:2] + (len(y),)),
            Mistake("That counts the samples that were right; count those that caused an update.",
                    lambda X, y, w, b, learning_rate: _epoch(X, y, w, b, learning_rate)[:2]
                    + (len(y) - _epoch(X, y, w, b, learning_rate)[2],)),
            Mistake("Each update counts 1: yours adds the size of the error, |y − ŷ| = 2, or counts each one twice.",
                    lambda X, y, w, b, learning_rate: _epoch(X, y, w, b, learning_rate)[:2]
                    + (2 * _epoch(X, y, w, b, learning_rate)[2],)),
            Mistake("Your count stays 0: add 1 to it each time a sample causes an update.",
                    lambda X, y, w, b, learning_rate: _epoch(X, y, w, b, learning_rate)[:2] + (0,)),
            Mistake("w and b never change in your loop: keep the new values the update gives you, so that the "
                    "next sample starts from them.", lambda *args: _epoch_with(*args, reassign=False)),
            Mistake("Only the first sample was used: is the `return` inside your loop? Return after the loop "
                    "has met every sample.",
                    lambda X, y, w, b, learning_rate: _epoch(X[:1], y[:1], w, b, learning_rate)),
            Mistake("The last sample is never used: range(len(y)) already runs up to the last index.",
                    lambda X, y, w, b, learning_rate: _epoch(X[:-1], y[:-1], w, b, learning_rate)),
            Mistake("Go through the samples in their order, first to last: the result of an epoch depends on it.",
                    lambda *args: _epoch_with(*args, order=lambda n: range(n - 1, -1, -1))),
            Mistake("Return three values: w, b and the number of updates.",
                    lambda X, y, w, b, learning_rate: _epoch(X, y, w, b, learning_rate)[:2]),
            Mistake("At z = 0 exactly the perceptron fires (+1): with > your predictions are -1 there.",
                    _strict_epoch),
        ],
        general_hint="Follow the first flowers by hand from w = (0, 0), b = 0: which is the first sample whose "
                     "w, b or count differ from yours?",
    )


# ---------------------------------------------------------------- Exercise 3.4


def _misclassified(X, y, w, b):
    return int((perceptron.predict(X, w, b) != y).sum())


def check_count_misclassified(count_misclassified) -> None:
    """Exercise 3.4: ``count_misclassified(X, y, w, b)`` returns how many rows of X the weights get wrong."""
    predict = perceptron.predict
    run_check(
        Exercise("3.4", "count_misclassified",
                 "count_misclassified counts the samples whose prediction differs from their label"),
        count_misclassified,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([-1.02, -0.28]), -0.2),  # after the first update: 2 wrong
            Case(_FLOWERS, _SPECIES, _array([-0.68, 1.82]), -0.4),  # trained: 0 wrong
            Case(_MIXED, _array([1, -1, 1, -1]), _array([0.5, 0.5]), 0.0),
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0),  # z = 0 everywhere: all +1, so 3 wrong
            Case(_MIXED, _array([1, -1, -1, -1]), _array([0.5, 0.5]), -0.6),  # the bias turns rows 3 and 4 to -1
            # z = 1, 2, -0.5: a net input equal to its label, so comparing z with y is not the same as len(y)
            Case(_array([[1.0, 0.5], [2.0, 1.0], [-1.0, 0.0]]), _array([1, 1, -1]), _array([0.5, 1.0]), 0.0),
        ],
        reference=_misclassified,
        mistakes=[
            Mistake("That counts the right answers; count the wrong ones (prediction ≠ label).",
                    lambda X, y, w, b: len(y) - _misclassified(X, y, w, b)),
            Mistake("Return how many, a whole number, not the fraction of the samples.",
                    lambda X, y, w, b: _misclassified(X, y, w, b) / len(y)),
            Mistake("Return how many, a whole number, not a percentage of the samples.",
                    lambda X, y, w, b: 100 * _misclassified(X, y, w, b) / len(y)),
            Mistake("At z = 0 the perceptron answers +1 (z ≥ 0): with > the count is off there.",
                    lambda X, y, w, b: int((np.where(X @ w + b > 0, 1, -1) != y).sum())),
            Mistake(_SIGN_AT_ZERO, lambda X, y, w, b: int((np.sign(X @ w + b) != y).sum())),
            Mistake("The bias is missing from the predictions: z = X @ w + b.",
                    lambda X, y, w, b: _misclassified(X, y, w, 0.0)),
            Mistake("The bias has the wrong sign in your predictions: it is added to X @ w, not subtracted.",
                    lambda X, y, w, b: _misclassified(X, y, w, -b)),
            Mistake("Your predictions are 1 or 0 (True or False), but the labels are +1 and -1, so every -1 "
                    "label counts as wrong. Predict +1 or -1.",
                    lambda X, y, w, b: int((binary_step(X @ w + b) != y).sum())),
            Mistake("Compare the labels with the predictions, +1 or -1, not with the net input z.",
                    lambda X, y, w, b: int((X @ w + b != y).sum())),
            Mistake("Return the number of wrong rows, one number: add up your True/False array (a True counts 1).",
                    lambda X, y, w, b: predict(X, w, b) != y),
            Mistake("Return how many rows are wrong, one number, not the predictions themselves.",
                    lambda X, y, w, b: predict(X, w, b)),
            Mistake("Adding up prediction − label lets +2 and -2 cancel: count the rows where they differ.",
                    lambda X, y, w, b: float(np.sum(predict(X, w, b) - y))),
            Mistake("Each wrong row adds 2 to the sum of |prediction − label| (as +1 − (−1) = 2): count the rows "
                    "instead.", lambda X, y, w, b: float(np.sum(np.abs(predict(X, w, b) - y)))),
            Mistake("len() counts every entry of the comparison, True or False: count only the Trues.",
                    lambda X, y, w, b: len(y)),
        ],
        general_hint="Take the first case by hand: which flowers does it predict wrongly? Does your function find "
                     "the same rows, and does it return how many there are?",
    )


def _no_update_epoch(X, y, w, b, learning_rate):
    return w, b, _epoch(X, y, w, b, learning_rate)[2]


# The solutions with one of their terms left out: the check must catch each (issue 18, item 6).
DROPPED_TERMS = {
    "check_predict_sign": {
        "the bias": lambda X, w, b: np.where(X @ w >= 0, 1.0, -1.0),
        "the product X @ w": lambda X, w, b: np.where(np.zeros(len(X)) + b >= 0, 1.0, -1.0),
    },
    "check_perceptron_update": {
        "the learning rate": _rule(lambda target, prediction, z: target - prediction, with_rate=False),
        "the input x in Δw": _x_missing,
        "the bias's update": _rule(lambda target, prediction, z: target - prediction, bias=False),
        "the prediction in the error": _rule(lambda target, prediction, z: target),
    },
    "check_train_epoch": {
        "the count": lambda X, y, w, b, learning_rate: _epoch(X, y, w, b, learning_rate)[:2] + (0,),
        "the update": _no_update_epoch,
    },
    "check_count_misclassified": {
        "the bias": lambda X, y, w, b: _misclassified(X, y, w, 0.0),
        "the product X @ w": lambda X, y, w, b: _misclassified(0 * X, y, w, b),
    },
}
