"""Lesson 06's checks accept correct answers written in several styles and give each realistic
mistake its own hint."""

import numpy as np
import pytest

from course_lib.checks import (check_backward_pass, check_hidden_delta, check_layer_forward, check_output_gradients,
                               check_softmax_cross_entropy)
from check_helpers import message, passes


def _softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------- 6.1

def _forward_dot(A, W, b):
    Z = np.dot(A, W) + b
    return Z, np.tanh(Z)


def _forward_via_exp(A, W, b):
    Z = A @ W + b
    return Z, (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))


@pytest.mark.parametrize("answer", [_forward_dot, _forward_via_exp,
                                    lambda A, W, b: [A @ W + b, np.tanh(A @ W + b)]], ids=["dot", "exp", "list"])
def test_layer_forward_correct_variants_pass(answer, capsys):
    passes(check_layer_forward, answer, capsys, "6.1")


@pytest.mark.parametrize("answer, hint", [
    (lambda A, W, b: np.tanh(A @ W + b), "Return both"),
    (lambda A, W, b: (A @ W + b, A @ W + b), "The activation is missing"),
    (lambda A, W, b: (A @ W + b, np.tanh(A @ W) + b), "Add the bias before the activation"),
    (lambda A, W, b: (A @ W + b, 1 / (1 + np.exp(-(A @ W + b)))), "not the sigmoid"),
    (lambda A, W, b: (A @ W, np.tanh(A @ W)), "The bias is missing"),
    (lambda A, W, b: (W @ A + b, np.tanh(W @ A + b)), "the batch comes first"),
    (lambda A, W, b: (A @ W + 2 * b, np.tanh(A @ W + 2 * b)), "Z is the batch times the weights"),
], ids=["only-A", "no-activation", "bias-after", "sigmoid", "no-bias", "W-first", "unknown-slip"])
def test_layer_forward_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_layer_forward, answer)


# ---------------------------------------------------------------- 6.2

def _ce_logsumexp(Z, Y):
    m = Z.max(axis=1, keepdims=True)
    log_p = Z - m - np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
    return -np.mean(np.sum(Y * log_p, axis=1))


def _ce_pick(Z, Y):
    m = Z.max(axis=1, keepdims=True)
    log_p = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(Y)), Y.argmax(axis=1)].mean())


@pytest.mark.parametrize("answer", [_ce_logsumexp, _ce_pick], ids=["logsumexp", "pick-the-class"])
def test_softmax_cross_entropy_correct_variants_pass(answer, capsys):
    passes(check_softmax_cross_entropy, answer, capsys, "6.2")


def _naive(Z, Y):
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    return -np.mean(np.sum(Y * np.log(P), axis=1))


@pytest.mark.parametrize("answer, hint", [
    (lambda Z, Y: _ce_logsumexp(Z, Y) * len(Y), "Average over the samples"),
    (lambda Z, Y: -np.mean(Y * (Z - Z.max(1, keepdims=True) - np.log(np.exp(Z - Z.max(1, keepdims=True)).sum(1, keepdims=True)))),
     "also divides by the number of classes"),
    (lambda Z, Y: -_ce_logsumexp(Z, Y), "exact negatives"),
    (_naive, "np.exp overflowed"),
], ids=["sum", "mean-over-all", "lost-minus", "naive-softmax"])
def test_softmax_cross_entropy_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_softmax_cross_entropy, answer)


# ---------------------------------------------------------------- 6.3

@pytest.mark.parametrize("answer", [
    lambda A1, P, Y: (A1.T @ (P - Y) / len(Y), (P - Y).mean(axis=0)),
    lambda A1, P, Y: (np.dot(A1.T, P - Y) / Y.shape[0], np.sum(P - Y, axis=0) / Y.shape[0]),
], ids=["mean", "dot-sum"])
def test_output_gradients_correct_variants_pass(answer, capsys):
    passes(check_output_gradients, answer, capsys, "6.3")


@pytest.mark.parametrize("answer, hint", [
    (lambda A1, P, Y: (A1.T @ (P - Y), (P - Y).sum(axis=0)), "Divide by the batch size"),
    (lambda A1, P, Y: (A1.T @ (Y - P) / len(Y), (Y - P).mean(axis=0)), "opposite sign"),
    (lambda A1, P, Y: (A1.T @ (P - Y) / len(Y), (P - Y).mean(axis=1)), "axis 0"),
    (lambda A1, P, Y: ((P - Y).T @ A1 / len(Y), (P - Y).mean(axis=0)), "must have the shape of W2"),
    (lambda A1, P, Y: (A1 @ (P - Y) / len(Y), (P - Y).mean(axis=0)), "one of them is transposed"),
], ids=["no-n", "sign", "db-axis", "transposed", "no-transpose"])
def test_output_gradients_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_output_gradients, answer)


# ---------------------------------------------------------------- 6.4

@pytest.mark.parametrize("answer", [
    lambda d, W, Z: (d @ W.T) * (1 - np.tanh(Z) ** 2),
    lambda d, W, Z: np.dot(d, W.T) / np.cosh(Z) ** 2,
], ids=["one-minus-tanh-squared", "sech-squared"])
def test_hidden_delta_correct_variants_pass(answer, capsys):
    passes(check_hidden_delta, answer, capsys, "6.4")


@pytest.mark.parametrize("answer, hint", [
    (lambda d, W, Z: (d @ W.T) * (1 - Z ** 2), "applied to Z instead of to A"),
    (lambda d, W, Z: (d @ W.T) * (1 - np.tanh(np.tanh(Z)) ** 2), "belongs at the net input Z"),
    (lambda d, W, Z: d @ W.T, "Multiply by the derivative tanh'(Z1) as well"),
    (lambda d, W, Z: (d @ W.T) * np.tanh(Z), "not by tanh(Z1) itself"),
    (lambda d, W, Z: (d @ W) * (1 - np.tanh(Z) ** 2), "multiply by W2 transposed"),
], ids=["formula-on-Z", "derivative-at-A", "no-derivative", "tanh-not-derivative", "no-transpose"])
def test_hidden_delta_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_hidden_delta, answer)


# ---------------------------------------------------------------- 6.5

def _backward(X, Y, W1, b1, W2, b2, alpha, *, slip=None):
    n = len(Y)
    Z1 = X @ W1 + b1
    A1 = np.tanh(Z1)
    P = _softmax(A1 @ W2 + b2)
    dZ2 = P - Y
    dW2, db2 = A1.T @ dZ2 / n + alpha * W2, dZ2.mean(axis=0)
    dZ1 = (dZ2 @ W2.T) * (1 - A1 ** 2)
    dW1, db1 = X.T @ dZ1 / n + alpha * W1, dZ1.mean(axis=0)
    if slip == "bias-l2":
        db1, db2 = db1 + alpha * b1, db2 + alpha * b2
    if slip == "no-l2":
        dW1, dW2 = dW1 - alpha * W1, dW2 - alpha * W2
    return dW1, db1, dW2, db2


def test_backward_pass_correct_answerpasses(capsys):
    passes(check_backward_pass, _backward, capsys, "6.5")


@pytest.mark.parametrize("slip, hint", [
    ("bias-l2", "penalises the weights only"),
    ("no-l2", "Add the L2 term"),
], ids=["l2-on-biases", "l2-forgotten"])
def test_backward_pass_mistakes_get_their_hint(slip, hint):
    assert hint in message(check_backward_pass, lambda *args: _backward(*args, slip=slip))
