"""Lesson 03's checks accept correct answers written in several styles and give each realistic
mistake its own hint."""

import numpy as np
import pytest

from course_lib.checks import check_count_misclassified, check_perceptron_update, check_predict_sign, check_train_epoch
from check_helpers import hint_of, message, passes


# ---------------------------------------------------------------- 3.1

def _predict_loop(X, w, b):
    out = []
    for x in X:
        out.append(1.0 if x @ w + b >= 0 else -1.0)
    return np.array(out)


@pytest.mark.parametrize("answer", [
    lambda X, w, b: np.where(X @ w + b >= 0, 1, -1),
    lambda X, w, b: np.where(np.dot(X, w) + b >= 0.0, 1.0, -1.0),
    _predict_loop,
    lambda X, w, b: 2 * (X @ w + b >= 0) - 1,
], ids=["where", "dot-floats", "loop", "arithmetic"])
def test_predict_sign_correct_variants_pass(answer, capsys):
    passes(check_predict_sign, answer, capsys, "3.1")


@pytest.mark.parametrize("answer, hint", [
    (lambda X, w, b: np.where(X @ w + b > 0, 1, -1), "At z = 0 exactly the step fires"),
    (lambda X, w, b: np.sign(X @ w + b), "np.sign(z) gives 0 when z = 0"),
    (lambda X, w, b: np.where(X @ w + b >= 0, 1, 0), "That is the binary step"),
    (lambda X, w, b: X @ w + b, "not the net input z"),
    (lambda X, w, b: np.where(X @ w >= 0, 1, -1), "The bias is missing"),
    (lambda X, w, b: np.where(X @ w + b >= 0, -1, 1), "The answers are swapped"),
    (lambda X, w, b: np.where(X @ w - b >= 0, 1, -1), "Compute the net input of every row at once"),
], ids=["strict", "np-sign", "binary", "net-input", "no-bias", "swapped", "unknown-slip"])
def test_predict_sign_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_predict_sign, answer)


# ---------------------------------------------------------------- 3.2

def _update_if(x, target, w, b, learning_rate):
    prediction = 1 if x @ w + b >= 0 else -1
    if prediction != target:
        w = w + learning_rate * (target - prediction) * x
        b = b + learning_rate * (target - prediction)
    return w, b


def _update_error(x, target, w, b, learning_rate):
    error = target - np.where(np.dot(x, w) + b >= 0, 1, -1)
    return w + learning_rate * error * x, b + learning_rate * error


@pytest.mark.parametrize("answer", [_update_if, _update_error,
                                    lambda x, t, w, b, lr: [w + lr * (t - (1 if x @ w + b >= 0 else -1)) * x,
                                                            b + lr * (t - (1 if x @ w + b >= 0 else -1))]],
                         ids=["if-wrong", "error-always", "list"])
def test_perceptron_update_correct_variants_pass(answer, capsys):
    passes(check_perceptron_update, answer, capsys, "3.2")


def _slip(error, rate=True, bias=True):
    def update(x, target, w, b, learning_rate):
        z = x @ w + b
        prediction = 1.0 if z >= 0 else -1.0
        e = error(target, prediction, z)
        r = learning_rate if rate else 1.0
        return w + r * e * x, (b + r * e) if bias else b
    return update


def _in_place(x, target, w, b, learning_rate):
    prediction = 1.0 if x @ w + b >= 0 else -1.0
    w += learning_rate * (target - prediction) * x
    return w, b + learning_rate * (target - prediction)


@pytest.mark.parametrize("answer, hint", [
    (_slip(lambda t, p, z: t - p, bias=False), "The bias must learn too"),
    (_slip(lambda t, p, z: t - p, rate=False), "Multiply by the learning rate"),
    (_slip(lambda t, p, z: p - t), "target minus prediction"),
    (_slip(lambda t, p, z: t), "A right prediction must change nothing"),
    (_slip(lambda t, p, z: t - z), "not with the net input z"),
    (_slip(lambda t, p, z: t - np.sign(z)), "np.sign(z) gives 0 when z = 0"),
    (_in_place, "instead of modifying the input"),
    (lambda x, t, w, b, lr: w + lr * (t - (1 if x @ w + b >= 0 else -1)) * x, "2 values together"),
], ids=["bias-frozen", "no-eta", "swapped", "updates-when-right", "uses-z", "np-sign", "in-place", "returns-w-only"])
def test_perceptron_update_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_perceptron_update, answer) or hint in message(check_perceptron_update, answer)


# ---------------------------------------------------------------- 3.3

def _epoch(X, y, w, b, learning_rate):
    updates = 0
    for x_i, y_i in zip(X, y):
        prediction = 1 if x_i @ w + b >= 0 else -1
        if prediction != y_i:
            w = w + learning_rate * (y_i - prediction) * x_i
            b = b + learning_rate * (y_i - prediction)
            updates += 1
    return w, b, updates


def _epoch_indexed(X, y, w, b, learning_rate):
    count = 0
    for i in range(len(y)):
        error = y[i] - np.where(X[i] @ w + b >= 0, 1, -1)
        w, b = w + learning_rate * error * X[i], b + learning_rate * error
        count += int(error != 0)
    return w, b, count


@pytest.mark.parametrize("answer", [_epoch, _epoch_indexed], ids=["zip", "indexed"])
def test_train_epoch_correct_variants_pass(answer, capsys):
    passes(check_train_epoch, answer, capsys, "3.3")


def _frozen(X, y, w, b, learning_rate):
    predictions = np.where(X @ w + b >= 0, 1, -1)
    count = 0
    for x_i, y_i, p in zip(X, y, predictions):
        if p != y_i:
            w, b, count = w + learning_rate * (y_i - p) * x_i, b + learning_rate * (y_i - p), count + 1
    return w, b, count


def _counts_final(X, y, w, b, learning_rate):
    w, b, _ = _epoch(X, y, w, b, learning_rate)
    return w, b, int((np.where(X @ w + b >= 0, 1, -1) != y).sum())


@pytest.mark.parametrize("answer, hint", [
    (_frozen, "with the weights of the start of the epoch"),
    (_counts_final, "not the samples the final weights get wrong"),
    (lambda X, y, w, b, lr: _epoch(X, y, w, b, lr)[:2] + (len(y),), "Loop over the samples in order"),
], ids=["frozen-weights", "counts-misclassified", "unknown-slip"])
def test_train_epoch_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_train_epoch, answer)


# ---------------------------------------------------------------- 3.4

@pytest.mark.parametrize("answer", [
    lambda X, y, w, b: int(np.sum(np.where(X @ w + b >= 0, 1, -1) != y)),
    lambda X, y, w, b: np.count_nonzero(np.where(X @ w + b >= 0, 1, -1) - y),
    lambda X, y, w, b: sum(1 for x_i, y_i in zip(X, y) if (1 if x_i @ w + b >= 0 else -1) != y_i),
], ids=["sum", "count-nonzero", "generator"])
def test_count_misclassified_correct_variants_pass(answer, capsys):
    passes(check_count_misclassified, answer, capsys, "3.4")


@pytest.mark.parametrize("answer, hint", [
    (lambda X, y, w, b: int(np.sum(np.where(X @ w + b >= 0, 1, -1) == y)), "counts the right answers"),
    (lambda X, y, w, b: float(np.mean(np.where(X @ w + b >= 0, 1, -1) != y)), "not the fraction"),
    (lambda X, y, w, b: int(np.sum(np.where(X @ w + b > 0, 1, -1) != y)), "with > the count is off"),
    (lambda X, y, w, b: int(np.sum(np.sign(X @ w + b) != y)), "np.sign(z) gives 0 when z = 0"),
], ids=["counts-right", "fraction", "strict-step", "np-sign"])
def test_count_misclassified_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_count_misclassified, answer)
