"""Lesson 02's checks accept every correct way of writing an activation and name each realistic slip, in ten lines."""

import math
import re
import warnings

import numpy as np
import pytest

from course_lib.checks import check_relu, check_sigmoid, check_sigmoid_grad, check_softmax
from feedback_catalogue import Exercise, Wrong, catalogue_tests


def _hint(text):
    """A hint as a ``pytest.raises(match=...)`` pattern: the text itself, brackets and all."""
    return re.escape(text)


def _naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


USE_NP_EXP = "The math module works on one number at a time"

# ---------------------------------------------------------------- 2.1 sigmoid


def _sigmoid_math(z):
    return 1 / (1 + math.exp(-z))


def _sigmoid_loop(z):
    return np.array([1 / (1 + np.exp(-v)) for v in z])


def _sigmoid_one_minus(z):
    return 1 / (1 - np.exp(-z))


def _sigmoid_float(z):
    return float(1 / (1 + np.exp(-z)))


def _sigmoid_stable(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0, -z))


SIGMOID = Exercise(
    check_sigmoid,
    right=[
        ("textbook", _naive_sigmoid),  # the textbook formula passes: stability comes later in the lesson
        ("exp-ratio", lambda z: np.exp(z) / (1 + np.exp(z))),
        ("via-tanh", lambda z: 0.5 * (1 + np.tanh(z / 2))),
        ("numpy-ufuncs", lambda z: np.reciprocal(1.0 + np.exp(np.negative(z)))),
        ("logaddexp", _sigmoid_stable),
        ("float32", lambda z: 1 / (1 + np.exp(-np.float32(z)))),
    ],
    wrong=[
        Wrong("exponent-sign", lambda z: 1 / (1 + np.exp(z)), "Check the sign of the exponent"),
        Wrong("one-minus-sigma", lambda z: np.exp(-z) / (1 + np.exp(-z)), "Check the sign of the exponent"),
        Wrong("math-exp", _sigmoid_math, USE_NP_EXP),
        Wrong("list", lambda z: [1 / (1 + math.exp(-v)) for v in np.atleast_1d(z)], "not a list"),
        Wrong("loop-only", _sigmoid_loop, "must work on a single number too"),
        Wrong("tanh", lambda z: np.tanh(z), "That is tanh"),
        Wrong("denominator-only", lambda z: 1 + np.exp(-z), "the denominator alone"),
        Wrong("precedence", lambda z: 1 / 1 + np.exp(-z), "Mind the brackets"),
        Wrong("exp-only", lambda z: np.exp(-z), "e^(−z) alone"),
        Wrong("minus-in-denominator", _sigmoid_one_minus, "divides by zero at z = 0"),
        Wrong("rounded-e", lambda z: 1 / (1 + 2.718 ** -z), "a rounded e"),
        Wrong("rounded-result", lambda z: np.round(1 / (1 + np.exp(-z)), 3), "Keep every digit"),
        Wrong("float", _sigmoid_float, "take one number, not a whole array"),
        Wrong("two-in-denominator", lambda z: 1 / (2 + np.exp(-z)), "Try your function at 0, 3 and -3",
              aimed=False),
    ],
)


# ---------------------------------------------------------------- 2.2 relu


def _relu_on_a_copy(z):
    z = np.array(z, dtype=float)
    z[z < 0] = 0
    return z


def _relu_in_place(z):
    z[z < 0] = 0
    return z


def _relu_copy_method(z):
    z = z.copy()  # a float has no .copy(): fails on relu(3.0)
    z[z < 0] = 0
    return z


def _relu_builtin_max(z):
    return max(0, z)


def _relu_np_max(z):
    return np.max(0, z)


def _relu_loop(z):
    return np.array([max(0, v) for v in z])


RELU = Exercise(
    check_relu,
    right=[
        ("maximum", lambda z: np.maximum(0, z)),
        ("where", lambda z: np.where(z > 0, z, 0)),
        ("times-mask", lambda z: z * (z > 0)),
        ("clip", lambda z: np.clip(z, 0, None)),
        ("masked-copy", _relu_on_a_copy),
        ("abs-average", lambda z: (np.abs(z) + z) / 2),
    ],
    wrong=[
        Wrong("builtin-max", _relu_builtin_max, "compares two numbers, not arrays"),
        Wrong("returns-booleans", lambda z: z > 0, "You returned 1 (or True)"),
        Wrong("step", lambda z: np.where(z > 0, 1.0, 0.0), "You returned 1 (or True)"),
        Wrong("mutates-input", _relu_in_place, "instead of modifying the input"),
        Wrong("np-max-reduces", lambda z: np.max(z, 0), "np.max(z, 0) returns the single largest entry"),
        Wrong("np-max-with-axis", _relu_np_max, "its second argument is an axis"),
        Wrong("array-only", _relu_copy_method, "relu must work on a single number too"),
        Wrong("loop-only", _relu_loop, "compares two numbers, not arrays"),  # max(0, row) on the 2-D case
        Wrong("list", lambda z: [max(0, v) for v in np.atleast_1d(z)], "not a list"),
        Wrong("absolute", lambda z: np.abs(z), "the absolute value"),
        Wrong("minimum", lambda z: np.minimum(0, z), "Yours keeps the negative entries"),
        Wrong("swapped", lambda z: np.where(z > 0, 0, z), "Yours keeps the negative entries"),
        Wrong("leaky", lambda z: np.maximum(0.01 * z, z), "leaky ReLU"),
        Wrong("int", lambda z: np.maximum(0, z).astype(int), "cut off"),
        Wrong("squared", lambda z: np.maximum(0, z) ** 2, "Try relu([-2, 3]) by hand", aimed=False),
    ],
)


# ---------------------------------------------------------------- 2.3 sigmoid_grad


def _sigmoid_grad_via_s(z):
    s = _naive_sigmoid(z)
    return s * (1 - s)


def _sigmoid_grad_math(z):
    s = 1 / (1 + math.exp(-z))
    return s * (1 - s)


def _sigmoid_grad_undefined(z):
    s = sigmoid(z)  # noqa: F821  (defined in the lesson, not here: a cell not run)
    return s * (1 - s)


def _sigmoid_grad_finite_difference(z):
    h = 1e-4
    return (_naive_sigmoid(z + h) - _naive_sigmoid(z)) / h


SIGMOID_GRAD = Exercise(
    check_sigmoid_grad,
    right=[
        ("s-times-one-minus-s", _sigmoid_grad_via_s),
        ("s-times-s-of-minus-z", lambda z: _naive_sigmoid(z) * _naive_sigmoid(-z)),
        ("quotient-rule", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
        ("s-minus-s-squared", lambda z: _naive_sigmoid(z) - _naive_sigmoid(z) ** 2),
    ],
    wrong=[
        Wrong("z-not-sigma", lambda z: z * (1 - z), "Apply the sigmoid first"),
        Wrong("mixed-z-and-sigma", lambda z: _naive_sigmoid(z) * (1 - z), "uses σ(z) too, not z"),
        Wrong("plus-instead-of-minus", lambda z: _naive_sigmoid(z) * (1 + _naive_sigmoid(z)), "a minus, not a plus"),
        Wrong("one-minus-sigma-only", lambda z: 1 - _naive_sigmoid(z), "only one of the two factors"),
        Wrong("quotient-without-square", lambda z: np.exp(-z) / (1 + np.exp(-z)), "only one of the two factors"),
        Wrong("sigma-itself", _naive_sigmoid, "That is σ(z) itself"),
        Wrong("sigma-squared", lambda z: _naive_sigmoid(z) ** 2, "That is σ(z)·σ(z)"),
        Wrong("constant-quarter", lambda z: 0.25 + 0 * z, "You return the slope at z = 0"),
        Wrong("tanh-pattern", lambda z: 1 - _naive_sigmoid(z) ** 2, "pattern of tanh's slope"),
        Wrong("relu-slope", lambda z: np.where(z > 0, 1.0, 0.0), "slope of the ReLU"),
        Wrong("math-exp", _sigmoid_grad_math, USE_NP_EXP),
        Wrong("negated", lambda z: -_sigmoid_grad_via_s(z), "exact negatives"),
        Wrong("not-defined", _sigmoid_grad_undefined, "is not defined"),
        Wrong("finite-difference", _sigmoid_grad_finite_difference, "Check two points by hand", aimed=False),
        Wrong("halved", lambda z: 0.5 * _sigmoid_grad_via_s(z), "exactly half"),
    ],
)


# ---------------------------------------------------------------- 2.4 softmax

STABLE = "Subtract each row's own largest score before np.exp"


def _softmax(Z):
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def _softmax_last_axis(Z):
    e = np.exp(Z - Z.max(axis=-1)[:, np.newaxis])
    return e / e.sum(axis=-1)[:, np.newaxis]


def _softmax_row_by_row(Z):
    rows = []
    for z in Z:
        e = np.exp(z - z.max())
        rows.append(e / e.sum())
    return np.array(rows)


def _softmax_log_sum_exp(Z):
    m = Z.max(axis=1, keepdims=True)
    return np.exp(Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True)))


def _naive_softmax(Z):
    e = np.exp(Z)
    return e / e.sum(axis=1, keepdims=True)


def _naive_softmax_silenced(Z):
    with np.errstate(all="ignore"):
        return _naive_softmax(Z)


def _softmax_columns(Z):
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def _softmax_whole_array(Z):
    e = np.exp(Z - np.max(Z))
    return e / np.sum(e)


def _softmax_naive_whole_array(Z):
    with np.errstate(all="ignore"):
        return np.exp(Z) / np.sum(np.exp(Z))


def _softmax_shifted_rows_whole_sum(Z):
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.sum(e)


def _softmax_without_keepdims(Z):
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1)


def _softmax_global_max(Z):
    e = np.exp(Z - np.max(Z))
    return e / np.sum(e, axis=1, keepdims=True)


def _softmax_global_max_silenced(Z):
    with np.errstate(all="ignore"):
        return _softmax_global_max(Z)


def _softmax_math_loop(Z):
    rows = []
    for z in Z:
        e = [math.exp(v) for v in z]
        rows.append([v / sum(e) for v in e])
    return np.array(rows)


def _softmax_math(Z):
    return math.exp(Z) / np.sum(math.exp(Z), axis=1, keepdims=True)


def _softmax_minus_min(Z):
    e = np.exp(Z - Z.min(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _softmax_over_max(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.max(axis=1, keepdims=True)


def _softmax_no_exp(Z):
    with np.errstate(all="ignore"):
        return Z / Z.sum(axis=1, keepdims=True)


def _softmax_sigmoid(Z):
    with np.errstate(all="ignore"):
        return 1 / (1 + np.exp(-Z))


SOFTMAX = Exercise(
    check_softmax,
    right=[
        ("keepdims", _softmax),
        ("last-axis-newaxis", _softmax_last_axis),
        ("row-by-row", _softmax_row_by_row),
        ("log-sum-exp", _softmax_log_sum_exp),
        ("float32", lambda Z: _softmax(Z.astype(np.float32))),
    ],
    wrong=[
        Wrong("naive-overflow-warns", _naive_softmax, STABLE),
        Wrong("naive-overflow-nan", _naive_softmax_silenced, STABLE),
        Wrong("math-exp-overflows", _softmax_math_loop, STABLE),
        Wrong("minus-the-minimum", _softmax_minus_min, STABLE),
        Wrong("columns", _softmax_columns, "Each row is one sample: sum along axis=1"),
        Wrong("whole-array", _softmax_whole_array, "not by the total of the whole array"),
        Wrong("naive-whole-array", _softmax_naive_whole_array, "not by the total of the whole array"),
        Wrong("shifted-rows-whole-sum", _softmax_shifted_rows_whole_sum, "not by the total of the whole array"),
        Wrong("forgot-keepdims", _softmax_without_keepdims, "Keep the row axis when you reduce"),
        Wrong("global-max-warns", _softmax_global_max, "A row became 0 / 0"),
        Wrong("global-max-nan", _softmax_global_max_silenced, "not the maximum of the whole array"),
        Wrong("math-exp", _softmax_math, USE_NP_EXP),
        Wrong("no-division", lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True)), "Your rows do not add up to 1"),
        Wrong("divided-by-max", _softmax_over_max, "dividing by it changes nothing"),
        Wrong("no-exp", _softmax_no_exp, "without np.exp first"),
        Wrong("sigmoid-of-scores", _softmax_sigmoid, "the sigmoid of each score"),
        Wrong("doubled-scores", lambda Z: _softmax(2 * Z), "Take [[1, 2, 3]] by hand", aimed=False),
    ],
)


CATALOGUE = {"2.1": SIGMOID, "2.2": RELU, "2.3": SIGMOID_GRAD, "2.4": SOFTMAX}


(test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines,
 test_the_catalogue_is_large_and_mostly_aimed) = catalogue_tests(CATALOGUE)


def test_sigmoid_with_the_wrong_sign_is_shown_at_3():
    with pytest.raises(AssertionError, match=_hint("sigmoid(3) should be 0.9526; got 0.04743.")):
        check_sigmoid(lambda z: 1 / (1 + np.exp(z)))


def test_softmax_naive_overflow_is_reported_at_the_huge_scores():
    with pytest.raises(AssertionError, match=_hint("softmax(array([[1000., 1001., 1002.]])) warned RuntimeWarning")):
        check_softmax(_naive_softmax)


# ---------------------------------------------------------------- all four

# Each wrong answer fails at the hardest input and matches no known mistake, so every mistake is tried there.
CHECKS = [
    ("2.1", check_sigmoid, lambda z: _naive_sigmoid(z) + (np.max(z) >= 30)),
    ("2.2", check_relu, lambda z: np.maximum(0, z) + (np.ndim(z) == 0)),
    ("2.3", check_sigmoid_grad, lambda z: _sigmoid_grad_via_s(z) + (np.max(z) >= 10)),
    ("2.4", check_softmax, lambda Z: _softmax(Z) + (Z.shape == (2, 3) and Z[0, 0] == 1000)),
]


@pytest.mark.parametrize("number, check, wrong", CHECKS, ids=[number for number, *_ in CHECKS])
def test_feedback_on_a_wrong_answer_leaks_no_warning(number, check, wrong):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(AssertionError, match=r"(?s)should be .*\nHint: "):
            check(wrong)
    assert [str(w.message) for w in caught] == []


@pytest.mark.parametrize(
    "answer",
    [_naive_softmax, _naive_softmax_silenced, _softmax_global_max, _softmax_global_max_silenced],
    ids=["naive-warns", "naive-nan", "global-max-warns", "global-max-nan"],
)
def test_unstable_softmax_feedback_leaks_no_warning(answer):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(AssertionError):
            check_softmax(answer)
    assert [str(w.message) for w in caught] == []
