"""Lesson 06's checks accept correct answers written in several styles and give each realistic
mistake its own hint, in a message of at most ten lines.

The mistakes are written as a beginner writes them, from what each exercise asks (and the
misconceptions table of instructors/06-the-multilayer-perceptron.md), not from the checkers.
"""

import numpy as np
import pytest

from course_lib.checks import (check_backward_pass, check_hidden_delta, check_layer_forward, check_output_gradients,
                               check_softmax_cross_entropy)
from check_helpers import fails_with, message, passes


def _softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------- 6.1

def _forward_dot(A_prev, W, b):
    Z = np.dot(A_prev, W) + b
    return Z, np.tanh(Z)


def _forward_via_exp(A_prev, W, b):
    Z = A_prev @ W + b
    return Z, (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))


def _forward_loops(A_prev, W, b):
    Z = np.zeros((A_prev.shape[0], W.shape[1]))
    for i in range(A_prev.shape[0]):
        for j in range(W.shape[1]):
            Z[i, j] = sum(A_prev[i, k] * W[k, j] for k in range(W.shape[0])) + b[j]
    return Z, np.tanh(Z)


@pytest.mark.parametrize("answer", [
    _forward_dot, _forward_via_exp, _forward_loops,
    lambda A_prev, W, b: [A_prev @ W + b, np.tanh(A_prev @ W + b)],
    lambda A_prev, W, b: (np.einsum("ij,jk->ik", A_prev, W) + b[None, :], np.tanh(A_prev @ W + b)),
], ids=["dot", "exp", "loops", "list", "einsum"])
def test_layer_forward_correct_variants_pass(answer, capsys):
    passes(check_layer_forward, answer, capsys, "6.1")


def _bias_as_column(A_prev, W, b):
    Z = A_prev @ W + b[:, None]
    return Z, np.tanh(Z)


def _w_first(A_prev, W, b):
    Z = W @ A_prev + b
    return Z, np.tanh(Z)


def _entrywise(A_prev, W, b):
    Z = A_prev * W + b
    return Z, np.tanh(Z)


def _w_transposed(A_prev, W, b):
    Z = A_prev @ W.T + b
    return Z, np.tanh(Z)


def _tanh_twice(A_prev, W, b):
    Z = np.tanh(A_prev @ W + b)
    return Z, np.tanh(Z)


@pytest.mark.parametrize("answer, hint", [
    (lambda A_prev, W, b: np.tanh(A_prev @ W + b), "Return both"),
    (lambda A_prev, W, b: (A_prev @ W + b, A_prev @ W + b), "where does the activation come in"),
    (lambda A_prev, W, b: (A_prev @ W + b, np.tanh(A_prev @ W) + b), "before the activation, or after it"),
    (lambda A_prev, W, b: (A_prev @ W + b, 1 / (1 + np.exp(-(A_prev @ W + b)))), "not the sigmoid"),
    (lambda A_prev, W, b: (A_prev @ W + b, np.maximum(0, A_prev @ W + b)), "not ReLU"),
    (lambda A_prev, W, b: (A_prev @ W, np.tanh(A_prev @ W)), "The bias is missing"),
    (lambda A_prev, W, b: (A_prev @ W, np.tanh(A_prev @ W + b)), "the one you passed to tanh"),
    (lambda A_prev, W, b: (A_prev @ W + b, np.tanh(A_prev) @ W + b), "tanh is applied to A_prev"),
    (lambda A_prev, W, b: (np.tanh(A_prev @ W + b), A_prev @ W + b), "returned in the wrong order"),
    (_w_first, "W @ A_prev: W is (3, 4), A_prev is (5, 3); @ needs the 4 columns of W to match the 5 rows"),
    (_entrywise, "A_prev * W: A_prev is (5, 3), W is (3, 4); * works entry by entry"),
    (_w_transposed, "A_prev @ W.T: A_prev is (5, 3), W.T is (4, 3)"),
    (_bias_as_column, "b[:, None]"),
    (lambda A_prev, W, b: (A_prev @ W + b + 0.1, np.tanh(A_prev @ W + b + 0.1)), "Which of Z and A is wrong?"),
    (_tanh_twice, "Your Z has already been through tanh"),
    (lambda A_prev, W, b: (A_prev @ W * b, np.tanh(A_prev @ W * b)), "added to the product, or multiplied"),
    (lambda A_prev, W, b: (np.maximum(0, A_prev @ W + b), np.tanh(np.maximum(0, A_prev @ W + b))),
     "Your Z has no negative entries"),
], ids=["only-A", "no-activation", "bias-after", "sigmoid", "relu", "no-bias", "Z-without-bias", "tanh-of-input",
        "order", "W-first", "entrywise", "W-transposed", "bias-column", "unknown-slip", "tanh-twice", "bias-times",
        "relu-on-Z"])
def test_layer_forward_mistakes_get_their_hint(answer, hint):
    fails_with(check_layer_forward, answer, hint)


# ---------------------------------------------------------------- 6.2

def _ce_logsumexp(Z, Y):
    m = Z.max(axis=1, keepdims=True)
    log_p = Z - m - np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
    return -np.mean(np.sum(Y * log_p, axis=1))


def _ce_pick(Z, Y):
    m = Z.max(axis=1, keepdims=True)
    log_p = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(Y)), Y.argmax(axis=1)].mean())


def _ce_loop(Z, Y):
    total = 0.0
    for z, y in zip(Z, Y):
        m = max(z)
        log_sum = m + np.log(sum(np.exp(v - m) for v in z))
        total += log_sum - z[int(np.argmax(y))]
    return total / len(Z)


@pytest.mark.parametrize("answer", [_ce_logsumexp, _ce_pick, _ce_loop,
                                    lambda Z, Y: np.float32(_ce_logsumexp(Z, Y))],
                         ids=["logsumexp", "pick-the-class", "loop", "float32"])
def test_softmax_cross_entropy_correct_variants_pass(answer, capsys):
    passes(check_softmax_cross_entropy, answer, capsys, "6.2")


def _naive(Z, Y):
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    return -np.mean(np.sum(Y * np.log(P), axis=1))


def _stable_probabilities_then_log(Z, Y):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = e / e.sum(axis=1, keepdims=True)
    return -np.mean(np.sum(Y * np.log(P), axis=1))


def _log_p(Z):
    m = Z.max(axis=1, keepdims=True)
    return Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))


def _columns(Z, Y):
    m = Z.max(axis=0, keepdims=True)
    log_p = Z - m - np.log(np.exp(Z - m).sum(axis=0, keepdims=True))
    return -np.mean(np.sum(Y * log_p, axis=1))


def _max_once(Z, Y):
    m = Z.max(axis=1, keepdims=True)
    log_p = Z - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    return -np.mean(np.sum(Y * log_p, axis=1))


@pytest.mark.parametrize("answer, hint", [
    (lambda Z, Y: -np.sum(Y * _log_p(Z)), "a sum over the samples, or their mean"),
    (lambda Z, Y: -np.mean(Y * _log_p(Z)), "divided by the number of classes"),
    (lambda Z, Y: np.mean(np.sum(Y * _log_p(Z), axis=1)), "exact negatives"),
    (_naive, "np.exp overflowed"),
    (_stable_probabilities_then_log, "np.log met an exact 0"),
    (_columns, "over which axis does your sum run"),
    (lambda Z, Y: -np.mean(np.sum(Y * Z, axis=1)), "Where is the softmax"),
    (lambda Z, Y: -np.mean(np.sum(Y * np.exp(_log_p(Z)), axis=1)), "averages the probability itself"),
    (lambda Z, Y: -np.mean(np.sum(Y * _log_p(Z) / np.log(10), axis=1)), "another base"),
    (_max_once, "in one place but not in the other"),
    (lambda Z, Y: -np.mean(np.sum(Y * _log_p(Z), axis=1)) * 2, "exactly twice"),
    (lambda Z, Y: -np.sum(Y * _log_p(Z), axis=1), "one loss per sample"),
], ids=["sum", "mean-over-all", "lost-minus", "naive-softmax", "log-of-zero", "softmax-over-columns",
        "log-of-scores", "no-log", "log10", "max-once", "factor-2", "per-sample"])
def test_softmax_cross_entropy_mistakes_get_their_hint(answer, hint):
    fails_with(check_softmax_cross_entropy, answer, hint)


# ---------------------------------------------------------------- 6.3

def _output_loop(A1, Y_hat, Y):
    n = len(Y)
    dW2, db2 = np.zeros((A1.shape[1], Y.shape[1])), np.zeros(Y.shape[1])
    for a, p, y in zip(A1, Y_hat, Y):
        dW2 += np.outer(a, p - y) / n
        db2 += (p - y) / n
    return dW2, db2


@pytest.mark.parametrize("answer", [
    lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y) / len(Y), (Y_hat - Y).mean(axis=0)),
    lambda A1, Y_hat, Y: (np.dot(A1.T, Y_hat - Y) / Y.shape[0], np.sum(Y_hat - Y, axis=0) / Y.shape[0]),
    _output_loop,
    lambda A1, Y_hat, Y: [((Y_hat - Y).T @ A1).T / len(Y), np.mean(Y_hat - Y, axis=0).astype(np.float32)],
], ids=["mean", "dot-sum", "loop", "list-transposed-product"])
def test_output_gradients_correct_variants_pass(answer, capsys):
    passes(check_output_gradients, answer, capsys, "6.3")


@pytest.mark.parametrize("answer, hint", [
    (lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y), (Y_hat - Y).sum(axis=0)), "n times too large"),
    (lambda A1, Y_hat, Y: (A1.T @ (Y - Y_hat) / len(Y), (Y - Y_hat).mean(axis=0)), "opposite sign"),
    (lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y) / len(Y), (Y_hat - Y).mean(axis=1)), "which axis holds the samples"),
    (lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y) / len(Y), np.mean(Y_hat - Y)), "not a single number"),
    (lambda A1, Y_hat, Y: ((Y_hat - Y).T @ A1 / len(Y), (Y_hat - Y).mean(axis=0)), "must have the shape of W2"),
    (lambda A1, Y_hat, Y: (A1 @ (Y_hat - Y) / len(Y), (Y_hat - Y).mean(axis=0)),
     "A1 @ (Y_hat - Y): A1 is (5, 4), (Y_hat - Y) is (5, 3); @ needs the 4 columns"),
    (lambda A1, Y_hat, Y: (A1 * (Y_hat - Y) / len(Y), (Y_hat - Y).mean(axis=0)), "* works entry by entry"),
    (lambda A1, Y_hat, Y: (A1.T @ Y_hat / len(Y), Y_hat.mean(axis=0)), "Where is Y?"),
    (lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y) / len(Y), (Y_hat - Y).sum(axis=0)), "is db2 averaged"),
    (lambda A1, Y_hat, Y: (A1.T @ ((Y_hat - Y) / len(Y)) / len(Y), (Y_hat - Y).mean(axis=0)),
     "n times too small"),
    (lambda A1, Y_hat, Y: (np.mean(A1.T @ (Y_hat - Y), axis=0), (Y_hat - Y).mean(axis=0)),
     "Which axis does your sum or mean run over?"),
    (lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y) / A1.shape[1], (Y_hat - Y).sum(axis=0) / A1.shape[1]),
     "divides by the number of hidden units"),
    (lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y) ** 2 / len(Y), ((Y_hat - Y) ** 2).mean(axis=0)), "delta is squared"),
], ids=["no-n", "sign", "db-axis", "db-scalar", "transposed", "no-transpose", "entrywise", "no-target",
        "db-not-averaged", "divided-twice", "dW-averaged-over-axis", "over-hidden-units", "squared-delta"])
def test_output_gradients_mistakes_get_their_hint(answer, hint):
    fails_with(check_output_gradients, answer, hint)


# ---------------------------------------------------------------- 6.4

def _delta_loop(dZ2, W2, Z1):
    out = np.zeros_like(Z1)
    for i in range(Z1.shape[0]):
        for j in range(Z1.shape[1]):
            out[i, j] = sum(dZ2[i, k] * W2[j, k] for k in range(W2.shape[1])) * (1 - np.tanh(Z1[i, j]) ** 2)
    return out


@pytest.mark.parametrize("answer", [
    lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 - np.tanh(Z1) ** 2),
    lambda dZ2, W2, Z1: np.dot(dZ2, W2.T) / np.cosh(Z1) ** 2,
    _delta_loop,
    lambda dZ2, W2, Z1: (W2 @ dZ2.T).T * (1 - np.tanh(Z1)) * (1 + np.tanh(Z1)),
], ids=["one-minus-tanh-squared", "sech-squared", "loops", "factored"])
def test_hidden_delta_correct_variants_pass(answer, capsys):
    passes(check_hidden_delta, answer, capsys, "6.4")


def _matmul_for_entrywise(dZ2, W2, Z1):
    return (dZ2 @ W2.T) @ (1 - np.tanh(Z1) ** 2)


def _entrywise_for_matmul(dZ2, W2, Z1):
    return (dZ2 * W2.T) * (1 - np.tanh(Z1) ** 2)


@pytest.mark.parametrize("answer, hint", [
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 - Z1 ** 2), "Your derivative is 1 − Z1²"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 - np.tanh(np.tanh(Z1)) ** 2), "belongs at the net input Z1"),
    (lambda dZ2, W2, Z1: dZ2 @ W2.T, "where is the derivative tanh'(Z1)"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * np.tanh(Z1), "multiplies by tanh(Z1) itself"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2) * (1 - np.tanh(Z1) ** 2), "dZ2 @ W2: dZ2 is (5, 3), W2 is (4, 3)"),
    (_matmul_for_entrywise, "Equal shapes would fit an entry-by-entry product"),
    (_entrywise_for_matmul, "These shapes would fit a matrix product"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 / (1 + np.exp(-Z1))) * (1 - 1 / (1 + np.exp(-Z1))), "not the sigmoid's"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (Z1 > 0), "not ReLU"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 - np.tanh(Z1)), "is a square missing"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (np.tanh(Z1) ** 2 - 1), "exact negatives"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) / len(dZ2) * (1 - np.tanh(Z1) ** 2), "n times too small"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 - np.tanh(Z1)) ** 2, "is the square on tanh(Z1) alone"),
    (lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 + np.tanh(Z1) ** 2), "has a plus where"),
], ids=["formula-on-Z", "derivative-at-A", "no-derivative", "tanh-not-derivative", "no-transpose",
        "matmul-for-entrywise", "entrywise-for-matmul", "sigmoid-derivative", "relu-derivative", "square-missing",
        "sign", "divided-by-n", "square-misplaced", "plus-in-derivative"])
def test_hidden_delta_mistakes_get_their_hint(answer, hint):
    fails_with(check_hidden_delta, answer, hint)


def test_hidden_delta_shape_crash_no_longer_advises_a_transpose_for_a_misplaced_at():
    text = message(check_hidden_delta, _matmul_for_entrywise)
    assert "transposed" not in text.split("Hint:")[1]


# ---------------------------------------------------------------- 6.5

def _backward(X, Y, W1, b1, W2, b2, alpha, *, slip=None):
    n = len(Y)
    Z1 = X @ W1 + b1
    A1 = np.tanh(Z1)
    P = np.exp(A1 @ W2 + b2) / np.exp(A1 @ W2 + b2).sum(axis=1, keepdims=True) if slip == "naive" else _softmax(
        A1 @ W2 + b2)
    dZ2 = (Y - P) if slip == "sign" else P - Y
    dW2 = (X if slip == "X-in-dW2" else A1).T @ dZ2 / n + alpha * W2
    db2 = dZ2.mean(axis=0)
    derivative = {"1-Z2": 1 - Z1 ** 2, "none": 1.0, "at-A": 1 - np.tanh(A1) ** 2}.get(slip, 1 - A1 ** 2)
    dZ1 = (dZ2 @ (W2 if slip == "no-transpose" else W2.T)) * derivative
    dW1 = (A1 if slip == "A1-in-dW1" else X).T @ dZ1 / n + alpha * W1
    db1 = dZ1.sum(axis=1) / n if slip == "db1-axis" else dZ1.mean(axis=0)
    if slip == "bias-l2":
        db1, db2 = db1 + alpha * b1, db2 + alpha * b2
    if slip == "no-l2":
        dW1, dW2 = dW1 - alpha * W1, dW2 - alpha * W2
    if slip == "half-l2":
        dW1, dW2 = dW1 - alpha * W1 / 2, dW2 - alpha * W2 / 2
    if slip == "l2-over-n":
        dW1, dW2 = dW1 - alpha * W1 + alpha * W1 / n, dW2 - alpha * W2 + alpha * W2 / n
    if slip == "sum":
        dW1, db1, dW2, db2 = (dW1 - alpha * W1) * n + alpha * W1, db1 * n, (dW2 - alpha * W2) * n + alpha * W2, db2 * n
    return dW1, db1, dW2, db2


def _backward_with_helpers(X, Y, W1, b1, W2, b2, alpha):
    n = X.shape[0]
    Z1 = X @ W1 + b1
    A1 = np.tanh(Z1)
    Z2 = A1 @ W2 + b2
    Z2 = Z2 - Z2.max(axis=1, keepdims=True)
    Y_hat = np.exp(Z2) / np.exp(Z2).sum(axis=1, keepdims=True)
    dZ2 = Y_hat - Y
    dZ1 = dZ2 @ W2.T * (1 - np.tanh(Z1) ** 2)
    return (np.dot(X.T, dZ1) / n + alpha * W1, np.sum(dZ1, axis=0) / n,
            np.dot(A1.T, dZ2) / n + alpha * W2, np.sum(dZ2, axis=0) / n)


def _backward_loop(X, Y, W1, b1, W2, b2, alpha):
    grads = [np.zeros_like(W1), np.zeros_like(b1), np.zeros_like(W2), np.zeros_like(b2)]
    for x, y in zip(X, Y):
        a1 = np.tanh(x @ W1 + b1)
        z2 = a1 @ W2 + b2
        p = np.exp(z2 - z2.max())
        p /= p.sum()
        d2 = p - y
        d1 = (W2 @ d2) * (1 - a1 ** 2)
        for g, value in zip(grads, [np.outer(x, d1), d1, np.outer(a1, d2), d2]):
            g += value / len(X)
    return grads[0] + alpha * W1, grads[1], grads[2] + alpha * W2, grads[3]


@pytest.mark.parametrize("answer", [_backward, _backward_with_helpers, _backward_loop],
                         ids=["vectorised", "dot-and-sum", "sample-by-sample"])
def test_backward_pass_correct_variants_pass(answer, capsys):
    passes(check_backward_pass, answer, capsys, "6.5")


@pytest.mark.parametrize("slip, hint", [
    ("bias-l2", "should α touch db1 and db2"),
    ("no-l2", "Right for α = 0, wrong for α > 0"),
    ("half-l2", "half what it should be"),
    ("l2-over-n", "Your L2 term is divided by n"),
    ("sum", "n times too large"),
    ("sign", "opposite sign"),
    ("1-Z2", "Your derivative is 1 − Z1²"),
    ("at-A", "belongs at the net input Z1"),
    ("none", "where is the derivative tanh'(Z1)"),
    ("naive", "np.exp overflowed on output scores near 800"),
    ("db1-axis", "db1 should have shape (4,); yours has (5,)"),
], ids=["l2-on-biases", "l2-forgotten", "l2-halved", "l2-over-n", "sum-not-mean", "sign", "formula-on-Z",
        "derivative-at-A", "no-derivative", "unstable-softmax", "db1-axis"])
def test_backward_pass_mistakes_get_their_hint(slip, hint):
    fails_with(check_backward_pass, lambda *args: _backward(*args, slip=slip), hint)


def _A1_in_dW1(X, Y, W1, b1, W2, b2, alpha):
    n = len(Y)
    A1 = np.tanh(X @ W1 + b1)
    dZ2 = _softmax(A1 @ W2 + b2) - Y
    dZ1 = (dZ2 @ W2.T) * (1 - A1 ** 2)
    dW1 = A1.T @ dZ1 / n + alpha * W1
    return dW1, dZ1.mean(axis=0), A1.T @ dZ2 / n + alpha * W2, dZ2.mean(axis=0)


def _X_in_dW2(X, Y, W1, b1, W2, b2, alpha):
    n = len(Y)
    A1 = np.tanh(X @ W1 + b1)
    dZ2 = _softmax(A1 @ W2 + b2) - Y
    dW2 = X.T @ dZ2 / n + alpha * W2
    dZ1 = (dZ2 @ W2.T) * (1 - A1 ** 2)
    return X.T @ dZ1 / n + alpha * W1, dZ1.mean(axis=0), dW2, dZ2.mean(axis=0)


def _W2_not_transposed(X, Y, W1, b1, W2, b2, alpha):
    n = len(Y)
    A1 = np.tanh(X @ W1 + b1)
    dZ2 = _softmax(A1 @ W2 + b2) - Y
    dZ1 = (dZ2 @ W2) * (1 - A1 ** 2)
    return X.T @ dZ1 / n + alpha * W1, dZ1.mean(axis=0), A1.T @ dZ2 / n + alpha * W2, dZ2.mean(axis=0)


def _W1_in_the_hidden_delta(X, Y, W1, b1, W2, b2, alpha):
    n = len(Y)
    A1 = np.tanh(X @ W1 + b1)
    dZ2 = _softmax(A1 @ W2 + b2) - Y
    dZ1 = (dZ2 @ W1.T) * (1 - A1 ** 2)
    return X.T @ dZ1 / n + alpha * W1, dZ1.mean(axis=0), A1.T @ dZ2 / n + alpha * W2, dZ2.mean(axis=0)


def _in_the_order_computed(X, Y, W1, b1, W2, b2, alpha):
    dW1, db1, dW2, db2 = _backward(X, Y, W1, b1, W2, b2, alpha)
    return dW2, db2, dW1, db1


def _softmax_derivative_too(X, Y, W1, b1, W2, b2, alpha):
    n = len(Y)
    A1 = np.tanh(X @ W1 + b1)
    P = _softmax(A1 @ W2 + b2)
    dZ2 = (P - Y) * P * (1 - P)
    dZ1 = (dZ2 @ W2.T) * (1 - A1 ** 2)
    return X.T @ dZ1 / n + alpha * W1, dZ1.mean(axis=0), A1.T @ dZ2 / n + alpha * W2, dZ2.mean(axis=0)


def test_backward_pass_with_the_softmax_derivative_applied_twice_is_named():
    fails_with(check_backward_pass, _softmax_derivative_too, "already inside Ŷ − Y")


def test_backward_pass_gradients_returned_in_the_order_computed_are_named():
    fails_with(check_backward_pass, _in_the_order_computed, "returned in the wrong order")


@pytest.mark.parametrize("answer, hint", [
    (_A1_in_dW1, "(A1.T @ dZ1 / n) + (alpha * W1): the left is (4, 4), the right (3, 4)"),
    (_X_in_dW2, "(X.T @ dZ2 / n) + (alpha * W2): the left is (3, 3), the right (4, 3)"),
    (_W2_not_transposed, "dZ2 @ W2: dZ2 is (5, 3), W2 is (4, 3)"),
    (_W1_in_the_hidden_delta, "dZ2 @ W1.T: dZ2 is (5, 3), W1.T is (4, 3)"),
], ids=["A1-in-dW1", "X-in-dW2", "no-transpose", "W1-for-W2"])
def test_backward_pass_shape_crashes_name_the_operands(answer, hint):
    fails_with(check_backward_pass, answer, hint)


def test_backward_pass_names_the_right_and_wrong_gradients_and_where_to_look():
    text = message(check_backward_pass, lambda *args: _backward(*args, slip="1-Z2"))
    assert "dW2 and db2 are right; dW1 and db1 are not — dW1 comes first, look there." in text
    assert "backward_pass(X (5, 3), Y (5, 3), W1 (3, 4), b1 (4,), W2 (4, 3), b2 (3,), alpha=0)" in text
    assert "They first differ at row 0, column 0: expected 0.02564, got 0.0979." in text
