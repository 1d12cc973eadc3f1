"""Lesson 02's checks accept every correct way of writing an activation and name the usual slip when one is wrong."""

import math
import re
import warnings

import numpy as np
import pytest

from course_lib.checks import check_relu, check_sigmoid, check_sigmoid_grad, check_softmax


def _hint(text):
    """A hint as a ``pytest.raises(match=...)`` pattern: the text itself, brackets and all."""
    return re.escape(text)


def _naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


USE_NP_EXP = "The math module works on one number at a time"

# ---------------------------------------------------------------- 2.1 sigmoid


@pytest.mark.parametrize(
    "answer",
    [
        _naive_sigmoid,  # the textbook formula passes: stability comes later in the lesson
        lambda z: np.exp(z) / (1 + np.exp(z)),
        lambda z: 0.5 * (1 + np.tanh(z / 2)),
        lambda z: np.reciprocal(1.0 + np.exp(np.negative(z))),
    ],
    ids=["textbook", "exp-ratio", "via-tanh", "numpy-ufuncs"],
)
def test_sigmoid_correct_variants_pass(answer, capsys):
    check_sigmoid(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 2.1")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda z: 1 / (1 + np.exp(z)), "Check the sign of the exponent"),
        (lambda z: np.exp(-z) / (1 + np.exp(-z)), "Check the sign of the exponent"),
        (lambda z: 1 / (1 + math.exp(-z)), _hint(USE_NP_EXP)),
        (lambda z: [1 / (1 + math.exp(-v)) for v in np.atleast_1d(z)], "not a list"),
        (lambda z: 1 / (2 + np.exp(-z)), _hint("σ(z) = 1 / (1 + e^(−z))")),
    ],
    ids=["exponent-sign", "one-minus-sigma", "math-exp", "list", "unknown-slip"],
)
def test_sigmoid_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_sigmoid(answer)


def test_sigmoid_with_the_wrong_sign_is_shown_at_3():
    with pytest.raises(AssertionError, match=_hint("sigmoid(3) should be 0.9526; got 0.04743.")):
        check_sigmoid(lambda z: 1 / (1 + np.exp(z)))


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


@pytest.mark.parametrize(
    "answer",
    [
        lambda z: np.maximum(0, z),
        lambda z: np.where(z > 0, z, 0),
        lambda z: z * (z > 0),
        lambda z: np.clip(z, 0, None),
        _relu_on_a_copy,
    ],
    ids=["maximum", "where", "times-mask", "clip", "masked-copy"],
)
def test_relu_correct_variants_pass(answer, capsys):
    check_relu(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 2.2")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda z: max(0, z), _hint("compares two numbers, not arrays: numpy's np.maximum takes the larger")),
        (lambda z: z > 0, "z > 0 gives True/False"),
        (_relu_in_place, "changed its argument number 1 in place"),
        (lambda z: np.max(z, 0), _hint("np.max(z, 0) returns the single largest entry")),
        (_relu_copy_method, "relu must work on a single number too"),
        (lambda z: [max(0, v) for v in z], "not a list"),
        (lambda z: np.abs(z), _hint("ReLU(z) = max(0, z) for every entry")),
        (lambda z: np.max(0, z), _hint("its second argument is an axis, so np.max(0, z) fails")),
    ],
    ids=["builtin-max", "returns-booleans", "mutates-input", "np-max-reduces", "array-only", "list", "unknown-slip",
         "np-max-with-axis"],
)
def test_relu_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_relu(answer)


# ---------------------------------------------------------------- 2.3 sigmoid_grad


def _sigmoid_grad_via_s(z):
    s = _naive_sigmoid(z)
    return s * (1 - s)


@pytest.mark.parametrize(
    "answer",
    [
        _sigmoid_grad_via_s,
        lambda z: _naive_sigmoid(z) * _naive_sigmoid(-z),
        lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2,
    ],
    ids=["s-times-one-minus-s", "s-times-s-of-minus-z", "quotient-rule"],
)
def test_sigmoid_grad_correct_variants_pass(answer, capsys):
    check_sigmoid_grad(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 2.3")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda z: z * (1 - z), "Apply the sigmoid first"),
        (lambda z: _naive_sigmoid(z) * (1 - z), "Use σ\\(z\\) in both factors"),
        (lambda z: _naive_sigmoid(z) * (1 + _naive_sigmoid(z)), "It is a minus, not a plus"),
        (lambda z: 1 - _naive_sigmoid(z), "Multiply by σ\\(z\\) as well"),
        (_naive_sigmoid, "That is σ\\(z\\) itself"),
        (lambda z: 1 / (1 + math.exp(-z)) * (1 - 1 / (1 + math.exp(-z))), _hint(USE_NP_EXP)),
        (lambda z: _naive_sigmoid(z) ** 2, "That is σ\\(z\\)·σ\\(z\\)"),
        (lambda z: 0.5 * _naive_sigmoid(z) * (1 - _naive_sigmoid(z)), _hint("For example σ'(0) = 0.5 · 0.5 = 0.25")),
    ],
    ids=["z-not-sigma", "mixed-z-and-sigma", "plus-instead-of-minus", "one-minus-sigma-only", "sigma-itself",
         "math-exp", "sigma-squared", "unknown-slip"],
)
def test_sigmoid_grad_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_sigmoid_grad(answer)


# ---------------------------------------------------------------- 2.4 softmax

STABLE = "Subtract each row's own largest score before np.exp: softmax(z) = softmax(z − max(z))"


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


@pytest.mark.parametrize(
    "answer",
    [_softmax, _softmax_last_axis, _softmax_row_by_row],
    ids=["keepdims", "last-axis-newaxis", "row-by-row"],
)
def test_softmax_correct_variants_pass(answer, capsys):
    check_softmax(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 2.4")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (_naive_softmax, _hint(STABLE)),
        (_naive_softmax_silenced, _hint(STABLE)),
        (_softmax_columns, _hint("Each row is one sample: sum along axis=1")),
        (_softmax_whole_array, "not by the total of the whole array"),
        (_softmax_shifted_rows_whole_sum, "not by the total of the whole array"),
        (_softmax_without_keepdims, "Keep the row axis when you reduce"),
        (_softmax_global_max, "A row became 0 / 0"),
        (_softmax_global_max_silenced, "not the maximum of the whole array"),
        (lambda Z: math.exp(Z) / np.sum(math.exp(Z), axis=1, keepdims=True), _hint(USE_NP_EXP)),
        (lambda Z: _softmax(2 * Z), _hint("so that every row sums to 1")),
    ],
    ids=["naive-overflow-warns", "naive-overflow-nan", "columns", "whole-array", "shifted-rows-whole-sum",
         "forgot-keepdims", "global-max-warns", "global-max-nan", "math-exp", "unknown-slip"],
)
def test_softmax_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_softmax(answer)


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
