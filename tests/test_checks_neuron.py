"""Lesson 01's checks accept every correct way of writing an exercise and name each realistic slip, in ten lines."""

import re
import warnings

import numpy as np
import pytest

from course_lib.checks import check_layer_net_input, check_step_neuron, check_two_layer_forward, check_weighted_sum
from feedback_catalogue import Exercise, Wrong, catalogue_tests


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


def _weighted_sum_stops_early(x, w, b):
    z = 0.0
    for i in range(len(x) - 1):
        z += w[i] * x[i]
    return z + b


def _weighted_sum_from_one(x, w, b):
    z = 0.0
    for i in range(1, len(x)):
        z += w[i] * x[i]
    return z + b


WEIGHTED_SUM = Exercise(
    check_weighted_sum,
    right=[
        ("loop", _weighted_sum_loop),
        ("builtin-sum", lambda x, w, b: sum(w * x) + b),
        ("np-dot", lambda x, w, b: np.dot(w, x) + b),
        ("matmul", lambda x, w, b: x @ w + b),
        ("np-sum-as-float", lambda x, w, b: float(np.sum(x * w) + b)),
        ("zip-generator", lambda x, w, b: sum(xi * wi for xi, wi in zip(x, w)) + b),
        ("float32", lambda x, w, b: np.dot(np.float32(w), np.float32(x)) + np.float32(b)),
    ],
    wrong=[
        Wrong("forgot-bias", lambda x, w, b: x @ w, "The bias is missing"),
        Wrong("subtracted-bias", lambda x, w, b: x @ w - b, "The bias has the wrong sign"),
        Wrong("bias-in-loop", _weighted_sum_bias_inside_loop, "b was added to every product: add it once"),
        Wrong("bias-inside-sum", lambda x, w, b: np.sum(w * x + b), "b was added to every product"),
        Wrong("products-unsummed", lambda x, w, b: w * x, "add them up into a single number"),
        Wrong("products-plus-bias", lambda x, w, b: w * x + b, "add them up into a single number"),
        Wrong("list-of-products", lambda x, w, b: [xi * wi for xi, wi in zip(x, w)], "add them up into a single"),
        Wrong("list-of-z", lambda x, w, b: [x @ w + b], "not `return [z]`"),
        Wrong("mean-of-products", lambda x, w, b: np.mean(w * x) + b, "the average of the products"),
        Wrong("adds-weights-and-inputs", lambda x, w, b: np.sum(w + x) + b, "yours adds them"),
        Wrong("product-of-totals", lambda x, w, b: np.sum(w) * np.sum(x) + b, "total of the weights"),
        Wrong("bias-on-inputs", lambda x, w, b: np.dot(w, x + b), "added to every input"),
        Wrong("loop-stops-early", _weighted_sum_stops_early, "last input is missing"),
        Wrong("loop-from-one", _weighted_sum_from_one, "first input is missing"),
        Wrong("int", lambda x, w, b: int(x @ w + b), "cut off"),
        Wrong("twice-the-bias", lambda x, w, b: x @ w + 2 * b, "which of your intermediate values", aimed=False),
    ],
)


# ---------------------------------------------------------------- 1.2 step_neuron


STEP_NEURON = Exercise(
    check_step_neuron,
    right=[
        ("bias-minus-threshold", lambda x, w, threshold: 1 if np.dot(w, x) - threshold >= 0 else 0),
        ("compare-with-threshold", lambda x, w, threshold: 1 if x @ w >= threshold else 0),
        ("float", lambda x, w, threshold: float(x @ w >= threshold)),
        ("bool", lambda x, w, threshold: x @ w >= threshold),  # True/False compare equal to 1/0: accepted on purpose
        ("heaviside", lambda x, w, threshold: int(np.heaviside(x @ w - threshold, 1.0))),
        ("loop", lambda x, w, threshold: 1 if sum(wi * xi for wi, xi in zip(w, x)) >= threshold else 0),
    ],
    wrong=[
        Wrong("bias-wrong-sign", lambda x, w, threshold: 1 if x @ w + threshold >= 0 else 0, "wrong sign"),
        Wrong("strict-greater", lambda x, w, threshold: 1 if x @ w > threshold else 0, '"At least" means ≥'),
        Wrong("strict-greater-on-z", lambda x, w, threshold: 1 if x @ w - threshold > 0 else 0, '"At least"'),
        Wrong("returns-z", lambda x, w, threshold: x @ w - threshold, "not the net input z"),
        Wrong("returns-sum", lambda x, w, threshold: x @ w, "not the weighted sum"),
        Wrong("swapped", lambda x, w, threshold: 0 if x @ w >= threshold else 1, "The answers are swapped"),
        Wrong("less-or-equal", lambda x, w, threshold: 1 if x @ w <= threshold else 0, "points the wrong way"),
        Wrong("np-sign", lambda x, w, threshold: np.sign(x @ w - threshold), "np.sign answers -1"),
        Wrong("plus-minus-one", lambda x, w, threshold: 1 if x @ w >= threshold else -1, "0, not -1"),
        Wrong("sigmoid", lambda x, w, threshold: 1 / (1 + np.exp(-(x @ w - threshold))), "That is a sigmoid"),
        Wrong("each-input", lambda x, w, threshold: w * x >= threshold, "each weighted input"),
        Wrong("no-weights", lambda x, w, threshold: 1 if np.sum(x) >= threshold else 0, "The weights are missing"),
        Wrong("mean", lambda x, w, threshold: 1 if np.mean(w * x) >= threshold else 0, "Work the picnic",
              aimed=False),
    ],
)


# ---------------------------------------------------------------- 1.3 layer_net_input


def _layer_return_in_loop(X, W, b):
    for x in X:
        return x @ W + b


def _layer_X_transposed(X, W, b):
    return X.T @ W + b


def _layer_dot_X_transposed(X, W, b):
    return np.dot(X.T, W) + b


def _layer_double_loop(X, W, b):
    Z = np.zeros((X.shape[0], W.shape[1]))
    for i in range(X.shape[0]):
        for j in range(W.shape[1]):
            Z[i, j] = X[i] @ W[:, j] + b[j]
    return Z


LAYER_NET_INPUT = Exercise(
    check_layer_net_input,
    right=[
        ("matmul", lambda X, W, b: X @ W + b),
        ("np-dot", lambda X, W, b: np.dot(X, W) + b),
        ("bias-as-row", lambda X, W, b: np.matmul(X, W) + b.reshape(1, -1)),
        ("loop-over-samples", lambda X, W, b: np.array([x @ W + b for x in X])),
        ("transposed-twice", lambda X, W, b: (W.T @ X.T).T + b),
        ("double-loop", _layer_double_loop),
        ("float32", lambda X, W, b: X.astype(np.float32) @ W.astype(np.float32) + b.astype(np.float32)),
    ],
    wrong=[
        Wrong("forgot-bias", lambda X, W, b: X @ W, "The bias is missing"),
        Wrong("subtracted-bias", lambda X, W, b: X @ W - b, "The bias has the wrong sign"),
        Wrong("W-times-X", lambda X, W, b: W @ X + b, "Mind the order and the shapes"),
        Wrong("W-transposed", lambda X, W, b: X @ W.T + b, "Mind the order and the shapes"),
        Wrong("X-transposed-crashes", _layer_X_transposed, "In this exercise: X (n_samples, n_in)"),
        Wrong("np-dot-not-aligned", _layer_dot_X_transposed, "In this exercise: X (n_samples, n_in)"),
        Wrong("result-transposed", lambda X, W, b: (X @ W + b).T, "The result is transposed"),
        Wrong("bias-per-row", lambda X, W, b: X @ W + b.reshape(-1, 1), "b has one entry per neuron"),
        Wrong("bias-per-row-broadcast", lambda X, W, b: X @ W + b[:, np.newaxis] * np.ones((1, W.shape[1])),
              "b has one entry per neuron"),
        Wrong("summed-over-neurons", lambda X, W, b: (X @ W + b).sum(axis=1), "Keep one column per neuron"),
        Wrong("elementwise-star", lambda X, W, b: X * W + b, "multiplies entry by entry"),
        Wrong("return-in-loop", _layer_return_in_loop, "Only the first sample's row"),
        Wrong("list-of-rows", lambda X, W, b: [x @ W + b for x in X], "Python list of rows"),
        Wrong("twice-the-bias", lambda X, W, b: X @ W + 2 * b, "Take the two customers", aimed=False),
    ],
)


# ---------------------------------------------------------------- 1.4 two_layer_forward


def _two_layer_in_steps(X, W1, b1, W2, b2):
    Z1 = X @ W1 + b1
    A1 = Z1 * (Z1 > 0)
    return A1 @ W2 + b2


def _two_layer_per_sample(X, W1, b1, W2, b2):
    rows = []
    for x in X:
        hidden = np.maximum(0.0, x @ W1 + b1)
        rows.append(hidden @ W2 + b2)
    return np.array(rows)


def _two_layer_builtin_max(X, W1, b1, W2, b2):
    A1 = max(0, X @ W1 + b1)
    return A1 @ W2 + b2


def _two_layer_np_max(X, W1, b1, W2, b2):
    A1 = np.max(0, X @ W1 + b1)
    return A1 @ W2 + b2


def _two_layer_W1_first(X, W1, b1, W2, b2):
    A1 = np.maximum(0, W1 @ X + b1)
    return A1 @ W2 + b2


def _two_layer_W2_transposed(X, W1, b1, W2, b2):
    A1 = np.maximum(0, X @ W1 + b1)
    return A1 @ W2.T + b2


TWO_LAYER_FORWARD = Exercise(
    check_two_layer_forward,
    right=[
        ("maximum", lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1) @ W2 + b2),
        ("in-steps", _two_layer_in_steps),
        ("where-and-dot", lambda X, W1, b1, W2, b2: np.dot(np.where(X @ W1 + b1 > 0, X @ W1 + b1, 0), W2) + b2),
        ("clip", lambda X, W1, b1, W2, b2: np.clip(X @ W1 + b1, 0, None) @ W2 + b2),
        ("per-sample", _two_layer_per_sample),
    ],
    wrong=[
        Wrong("forgot-relu", lambda X, W1, b1, W2, b2: (X @ W1 + b1) @ W2 + b2, "The ReLU is missing"),
        Wrong("relu-on-output", lambda X, W1, b1, W2, b2: _relu(_relu(X @ W1 + b1) @ W2 + b2),
              "ReLU belongs to the hidden layer only"),
        Wrong("sigmoid", lambda X, W1, b1, W2, b2: _sigmoid(X @ W1 + b1) @ W2 + b2, "That is the sigmoid"),
        Wrong("forgot-both-biases", lambda X, W1, b1, W2, b2: _relu(X @ W1) @ W2, "A bias is missing"),
        Wrong("forgot-hidden-bias", lambda X, W1, b1, W2, b2: _relu(X @ W1) @ W2 + b2, "A bias is missing"),
        Wrong("forgot-output-bias", lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1) @ W2, "A bias is missing"),
        Wrong("builtin-max", _two_layer_builtin_max, "Python's max compares two numbers"),
        Wrong("np-max-with-axis", _two_layer_np_max, "np.max(0, z) reads z as an axis"),
        Wrong("W1-times-X", _two_layer_W1_first, "In this exercise: X (n, n_in)"),
        Wrong("W2-transposed", _two_layer_W2_transposed, "In this exercise: X (n, n_in)"),
        Wrong("relu-before-bias", lambda X, W1, b1, W2, b2: (_relu(X @ W1) + b1) @ W2 + b2,
              "ReLU was applied before the bias"),
        Wrong("absolute-value", lambda X, W1, b1, W2, b2: np.abs(X @ W1 + b1) @ W2 + b2, "absolute value"),
        Wrong("X-into-output", lambda X, W1, b1, W2, b2: X @ W2 + b2, "not X"),
        Wrong("returns-hidden", lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1), "hidden layer's output"),
        Wrong("relu-on-inputs", lambda X, W1, b1, W2, b2: (_relu(X) @ W1 + b1) @ W2 + b2, "applied to the inputs"),
        Wrong("twice-the-output-bias", lambda X, W1, b1, W2, b2: _relu(X @ W1 + b1) @ W2 + 2 * b2,
              "Follow the customer", aimed=False),
    ],
)


CATALOGUE = {"1.1": WEIGHTED_SUM, "1.2": STEP_NEURON, "1.3": LAYER_NET_INPUT, "1.4": TWO_LAYER_FORWARD}


(test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines,
 test_the_catalogue_is_large_and_mostly_aimed) = catalogue_tests(CATALOGUE)


def test_weighted_sum_feedback_shows_the_lessons_example_first():
    with pytest.raises(AssertionError, match=_hint("array([ 2., -1., 3., -2.]), 2.5) should be 7.5; got 5.")):
        check_weighted_sum(lambda x, w, b: x @ w)


def test_step_neuron_strict_comparison_is_caught_on_the_household_at_exactly_50000():
    with pytest.raises(AssertionError, match=_hint("array([1, 1, 1]), 50000) should be 1; got 0.")):
        check_step_neuron(lambda x, w, threshold: int(x @ w > threshold))


def test_layer_net_input_feedback_names_the_lessons_two_customers():
    with pytest.raises(AssertionError, match=_hint("should be array([[5., 1.], [7., 1.]])")):
        check_layer_net_input(lambda X, W, b: W @ X + b)


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
