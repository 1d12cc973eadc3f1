"""Lesson 01's checks accept every correct way of writing an exercise and name the usual slip when one is wrong."""

import re
import warnings

import numpy as np
import pytest

from course_lib.checks import check_layer_net_input, check_step_neuron, check_two_layer_forward, check_weighted_sum


def _relu(Z):
    return np.maximum(0, Z)


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def _hint(text):
    """A hint as a ``pytest.raises(match=...)`` pattern: the text itself, brackets and all."""
    return re.escape(text)


# ---------------------------------------------------------------- 1.1 weighted_sum


def _weighted_sum_loop(x, w, b):
    z = 0.0
    for i in range(len(x)):
        z += w[i] * x[i]
    return z + b


def _weighted_sum_bias_inside_loop(x, w, b):
    z = 0.0
    for i in range(len(x)):
        z += w[i] * x[i] + b
    return z


@pytest.mark.parametrize(
    "answer",
    [
        _weighted_sum_loop,
        lambda x, w, b: sum(w * x) + b,
        lambda x, w, b: np.dot(w, x) + b,
        lambda x, w, b: x @ w + b,
        lambda x, w, b: float(np.sum(x * w) + b),
    ],
    ids=["loop", "builtin-sum", "np-dot", "matmul", "np-sum-as-float"],
)
def test_weighted_sum_correct_variants_pass(answer, capsys):
    check_weighted_sum(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 1.1")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda x, w, b: x @ w, "The bias is missing"),
        (lambda x, w, b: x @ w - b, "The bias has the wrong sign"),
        (_weighted_sum_bias_inside_loop, "b was added to every product: add it once"),
        (lambda x, w, b: w * x, "add them up into a single number"),
        (lambda x, w, b: w * x + b, "add them up into a single number"),
        (lambda x, w, b: [xi * wi for xi, wi in zip(x, w)], "add them up into a single number"),
        (lambda x, w, b: [x @ w + b], _hint("not `return [z]`")),
        (lambda x, w, b: x @ w + 2 * b, "add the products up, then add b"),
        (lambda x, w, b: np.sum(w * x + b), "b was added to every product"),
    ],
    ids=["forgot-bias", "subtracted-bias", "bias-in-loop", "products-unsummed", "products-plus-bias",
         "list-of-products", "list-of-z", "unknown-slip", "bias-inside-sum"],
)
def test_weighted_sum_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_weighted_sum(answer)


def test_weighted_sum_feedback_shows_the_lessons_example_first():
    with pytest.raises(AssertionError, match=_hint("array([ 2., -1., 3., -2.]), 2.5) should be 7.5; got 5.")):
        check_weighted_sum(lambda x, w, b: x @ w)


# ---------------------------------------------------------------- 1.2 step_neuron


@pytest.mark.parametrize(
    "answer",
    [
        lambda x, w, threshold: 1 if np.dot(w, x) - threshold >= 0 else 0,
        lambda x, w, threshold: 1 if x @ w >= threshold else 0,
        lambda x, w, threshold: float(x @ w >= threshold),
        lambda x, w, threshold: x @ w >= threshold,  # True/False compare equal to 1/0: accepted on purpose
        lambda x, w, threshold: int(np.heaviside(x @ w - threshold, 1.0)),
    ],
    ids=["bias-minus-threshold", "compare-with-threshold", "float", "bool", "heaviside"],
)
def test_step_neuron_correct_variants_pass(answer, capsys):
    check_step_neuron(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 1.2")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda x, w, threshold: 1 if x @ w + threshold >= 0 else 0, "The bias has the wrong sign"),
        (lambda x, w, threshold: 1 if x @ w > threshold else 0, _hint('"At least" means ≥')),
        (lambda x, w, threshold: 1 if x @ w - threshold > 0 else 0, _hint('"At least" means ≥')),
        (lambda x, w, threshold: x @ w - threshold, "not the net input z"),
        (lambda x, w, threshold: x @ w, "not the weighted sum"),
        (lambda x, w, threshold: 0 if x @ w >= threshold else 1, "The answers are swapped"),
    ],
    ids=["bias-wrong-sign", "strict-greater", "strict-greater-on-z", "returns-z", "returns-sum", "swapped"],
)
def test_step_neuron_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_step_neuron(answer)


def test_step_neuron_strict_comparison_is_caught_on_the_household_at_exactly_50000():
    with pytest.raises(AssertionError, match=_hint("array([1, 1, 1]), 50000) should be 1; got 0.")):
        check_step_neuron(lambda x, w, threshold: int(x @ w > threshold))


# ---------------------------------------------------------------- 1.3 layer_net_input


@pytest.mark.parametrize(
    "answer",
    [
        lambda X, W, b: X @ W + b,
        lambda X, W, b: np.dot(X, W) + b,
        lambda X, W, b: np.matmul(X, W) + b.reshape(1, -1),
        lambda X, W, b: np.array([x @ W + b for x in X]),
        lambda X, W, b: (W.T @ X.T).T + b,
    ],
    ids=["matmul", "np-dot", "bias-as-row", "loop-over-samples", "transposed-twice"],
)
def test_layer_net_input_correct_variants_pass(answer, capsys):
    check_layer_net_input(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 1.3")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda X, W, b: X @ W, "The bias is missing"),
        (lambda X, W, b: W @ X + b, _hint("Mind the order and the shapes: the rows of X are samples")),
        (lambda X, W, b: X @ W.T + b, _hint("Mind the order and the shapes: the rows of X are samples")),
        (lambda X, W, b: X.T @ W + b, _hint("Mind the order and the shapes: the rows of X are samples")),  # crashes in matmul
        (lambda X, W, b: np.dot(X.T, W) + b, _hint("Mind the order and the shapes: the rows of X are samples")),  # "not aligned"
        (lambda X, W, b: (X @ W + b).T, "The result is transposed"),
        (lambda X, W, b: X @ W + b.reshape(-1, 1), "b has one entry per neuron"),
        (lambda X, W, b: X @ W + b[:, np.newaxis] * np.ones((1, W.shape[1])), "b has one entry per neuron"),
        (lambda X, W, b: (X @ W + b).sum(axis=1), "Keep one column per neuron"),
        (lambda X, W, b: X * W + b, "`\\*` multiplies entry by entry"),
    ],
    ids=["forgot-bias", "W-times-X", "W-transposed", "X-transposed-crashes", "np-dot-not-aligned", "result-transposed",
         "bias-per-row", "bias-per-row-broadcast", "summed-over-neurons", "elementwise-star"],
)
def test_layer_net_input_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_layer_net_input(answer)


def test_layer_net_input_feedback_names_the_lessons_two_customers():
    with pytest.raises(AssertionError, match=_hint("should be array([[5., 1.], [7., 1.]])")):
        check_layer_net_input(lambda X, W, b: W @ X + b)


# ---------------------------------------------------------------- 1.4 two_layer_forward


def _two_layer_in_steps(X, W1, b1, W2, b2):
    Z1 = X @ W1 + b1
    A1 = Z1 * (Z1 > 0)
    return A1 @ W2 + b2


@pytest.mark.parametrize(
    "answer",
    [
        lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1) @ W2 + b2,
        _two_layer_in_steps,
        lambda X, W1, b1, W2, b2: np.dot(np.where(X @ W1 + b1 > 0, X @ W1 + b1, 0), W2) + b2,
    ],
    ids=["maximum", "in-steps", "where-and-dot"],
)
def test_two_layer_forward_correct_variants_pass(answer, capsys):
    check_two_layer_forward(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 1.4")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda X, W1, b1, W2, b2: (X @ W1 + b1) @ W2 + b2, "The ReLU is missing"),
        (lambda X, W1, b1, W2, b2: _relu(_relu(X @ W1 + b1) @ W2 + b2), "ReLU belongs to the hidden layer only"),
        (lambda X, W1, b1, W2, b2: _sigmoid(X @ W1 + b1) @ W2 + b2, "That is the sigmoid"),
        (lambda X, W1, b1, W2, b2: _relu(X @ W1) @ W2, "A bias is missing: each layer adds its own bias"),
        (lambda X, W1, b1, W2, b2: _relu(X @ W1) @ W2 + b2, "A bias is missing: each layer adds its own bias"),
        (lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1) @ W2, "A bias is missing: each layer adds its own bias"),
        (lambda X, W1, b1, W2, b2: max(0, X @ W1 + b1) @ W2 + b2, _hint("Python's max compares two numbers")),
        (lambda X, W1, b1, W2, b2: _relu(W1 @ X + b1) @ W2 + b2, "Multiply in the order of the data flow"),
    ],
    ids=["forgot-relu", "relu-on-output", "sigmoid", "forgot-both-biases", "forgot-hidden-bias", "forgot-output-bias",
         "builtin-max", "W1-times-X"],
)
def test_two_layer_forward_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_two_layer_forward(answer)


def test_two_layer_forward_without_relu_shows_the_lessons_minus_12():
    with pytest.raises(AssertionError, match=_hint("should be array([[44.]]); got array([[-12.]]).")):
        check_two_layer_forward(lambda X, W1, b1, W2, b2: (X @ W1 + b1) @ W2 + b2)


# ---------------------------------------------------------------- all four


# Each wrong answer matches no known mistake, so the check tries every one of them before giving the general hint.
CHECKS = [
    ("1.1", check_weighted_sum, lambda x, w, b: x @ w + 2 * b),
    ("1.2", check_step_neuron, lambda x, w, threshold: 5),
    ("1.3", check_layer_net_input, lambda X, W, b: X @ W + 2 * b),
    ("1.4", check_two_layer_forward, lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1) @ W2 + 2 * b2),
]


@pytest.mark.parametrize("number, check, wrong", CHECKS, ids=[number for number, *_ in CHECKS])
def test_feedback_on_a_wrong_answer_leaks_no_warning(number, check, wrong):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(AssertionError, match=r"(?s)should be .*\nHint: "):
            check(wrong)
    assert [str(w.message) for w in caught] == []
