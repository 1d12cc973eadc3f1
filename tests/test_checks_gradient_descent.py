"""Lesson 04's checks accept correct answers written in several styles and give each realistic
mistake its own hint."""

import numpy as np
import pytest

from course_lib.checks import check_cost_gradient, check_gradient_descent_step, check_linear_cost, check_train_adaline
from check_helpers import hint_of, message, passes


# ---------------------------------------------------------------- 4.1 the cost

def _cost_loop(X, y, w, b):
    total = 0.0
    for x_i, y_i in zip(X, y):
        total += (y_i - (x_i @ w + b)) ** 2
    return total / 2


@pytest.mark.parametrize("answer", [
    lambda X, y, w, b: 0.5 * np.sum((y - (X @ w + b)) ** 2),
    lambda X, y, w, b: ((y - X.dot(w) - b) @ (y - X.dot(w) - b)) / 2,
    lambda X, y, w, b: float(np.square(y - np.dot(X, w) - b).sum() * 0.5),
    _cost_loop,
], ids=["numpy", "dot-product", "square-float", "loop"])
def test_linear_cost_correct_variants_pass(answer, capsys):
    passes(check_linear_cost, answer, capsys, "4.1")


@pytest.mark.parametrize("answer, hint", [
    (lambda X, y, w, b: np.sum((y - (X @ w + b)) ** 2), "the ½ in front of the sum is missing"),
    (lambda X, y, w, b: np.mean((y - (X @ w + b)) ** 2), "That is an average (mean squared error)"),
    (lambda X, y, w, b: 0.5 * np.mean((y - (X @ w + b)) ** 2), "half the mean squared error"),
    (lambda X, y, w, b: np.sqrt(np.mean((y - (X @ w + b)) ** 2)), "(RMSE)"),
    (lambda X, y, w, b: 0.5 * np.sum((y - X @ w) ** 2), "The bias is missing"),
    (lambda X, y, w, b: 0.5 * np.sum(y - (X @ w + b)) ** 2, "Square each error first"),
    (lambda X, y, w, b: 0.5 * np.sum(y - (X @ w + b)), "a plain sum lets errors of opposite signs cancel"),
    (lambda X, y, w, b: 0.5 * np.sum(np.abs(y - (X @ w + b))), "rather than taking their absolute values"),
    (lambda X, y, w, b: 0.5 * np.sum((y - (X @ w - b)) ** 2), "First the predictions of all rows at once"),
], ids=["half-forgotten", "mse", "half-mse", "rmse", "no-bias", "square-of-sum", "no-square", "absolute",
        "unknown-slip"])
def test_linear_cost_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_linear_cost, answer)


# ---------------------------------------------------------------- 4.2 the gradient

def _gradient_loop(X, y, w, b):
    dw, db = np.zeros_like(w), 0.0
    for x_i, y_i in zip(X, y):
        error = y_i - (x_i @ w + b)
        dw = dw - error * x_i
        db = db - error
    return dw, db


@pytest.mark.parametrize("answer", [
    lambda X, y, w, b: (-X.T @ (y - (X @ w + b)), -np.sum(y - (X @ w + b))),
    lambda X, y, w, b: ((X @ w + b - y) @ X, float((X @ w + b - y).sum())),
    lambda X, y, w, b: [-np.dot(X.T, y - X.dot(w) - b), -(y - X.dot(w) - b).sum()],
    _gradient_loop,
], ids=["matrix", "prediction-minus-target", "list", "loop"])
def test_cost_gradient_correct_variants_pass(answer, capsys):
    passes(check_cost_gradient, answer, capsys, "4.2")


def _errors(X, y, w, b):
    return y - (X @ w + b)


@pytest.mark.parametrize("answer, hint", [
    (lambda X, y, w, b: (X.T @ _errors(X, y, w, b), _errors(X, y, w, b).sum()), "The signs are reversed"),
    (lambda X, y, w, b: (-2 * X.T @ _errors(X, y, w, b), -2 * _errors(X, y, w, b).sum()), "twice the gradient"),
    (lambda X, y, w, b: (-X.T @ _errors(X, y, w, b) / len(y), -_errors(X, y, w, b).mean()), "(a mean)"),
    (lambda X, y, w, b: (-X.T @ _errors(X, y, w, b), 0.0), "∂J/∂b is missing"),
    (lambda X, y, w, b: (-np.full(2, _errors(X, y, w, b).sum()), -_errors(X, y, w, b).sum()),
     "yours gives every weight the same number"),
    (lambda X, y, w, b: (-X.T @ (y - X @ w), -np.sum(y - X @ w)), "The bias is missing from the prediction"),
    (lambda X, y, w, b: -X.T @ _errors(X, y, w, b), "2 values together"),
], ids=["sign", "half-forgotten", "mean", "no-db", "no-x", "no-bias", "dw-only"])
def test_cost_gradient_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_cost_gradient, answer)


# ---------------------------------------------------------------- 4.3 one step

def _step(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    w_new = w + learning_rate * X.T @ errors
    b_new = b + learning_rate * errors.sum()
    return w_new, b_new


def _step_with_gradient(X, y, w, b, learning_rate):
    dw = -(X.T @ (y - X @ w - b))
    db = -np.sum(y - X @ w - b)
    return w - learning_rate * dw, b - learning_rate * db


@pytest.mark.parametrize("answer", [_step, _step_with_gradient,
                                    lambda X, y, w, b, lr: (w + lr * (y - X @ w - b) @ X, b + lr * float(np.sum(y - X @ w - b)))],
                         ids=["errors", "minus-gradient", "one-line"])
def test_gradient_descent_step_correct_variants_pass(answer, capsys):
    passes(check_gradient_descent_step, answer, capsys, "4.3")


def _uphill(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w - learning_rate * X.T @ errors, b - learning_rate * errors.sum()


def _w_only(X, y, w, b, learning_rate):
    return w + learning_rate * X.T @ (y - (X @ w + b)), b


def _updated_w_for_b(X, y, w, b, learning_rate):
    w = w + learning_rate * X.T @ (y - (X @ w + b))
    b = b + learning_rate * np.sum(y - (X @ w + b))
    return w, b


def _mean(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + learning_rate * X.T @ errors / len(y), b + learning_rate * errors.mean()


def _no_eta(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + X.T @ errors, b + errors.sum()


def _in_place(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    w += learning_rate * X.T @ errors
    return w, b + learning_rate * errors.sum()


@pytest.mark.parametrize("answer, hint", [
    (_uphill, "Your step goes uphill"),
    (_w_only, "The bias must learn too"),
    (_updated_w_for_b, "computes the bias's errors again with the new w"),
    (_mean, "as if η were n times smaller"),
    (_no_eta, "Multiply the gradient by the learning rate"),
    (_in_place, "instead of modifying the input"),
], ids=["uphill", "w-only", "updated-w-for-b", "mean", "no-eta", "in-place"])
def test_gradient_descent_step_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_gradient_descent_step, answer)


# ---------------------------------------------------------------- 4.4 the training loop

def _train(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        errors = y - (X @ w + b)
        costs.append(0.5 * np.sum(errors ** 2))
        w, b = w + learning_rate * X.T @ errors, b + learning_rate * errors.sum()
    return w, b, np.array(costs)


def _train_array(X, y, learning_rate, n_epochs):
    w, b = np.zeros(2), 0.0
    costs = np.zeros(n_epochs)
    for epoch in range(n_epochs):
        costs[epoch] = 0.5 * ((y - X @ w - b) ** 2).sum()
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, costs


@pytest.mark.parametrize("answer", [_train, _train_array], ids=["appended", "filled"])
def test_train_adaline_correct_variants_pass(answer, capsys):
    passes(check_train_adaline, answer, capsys, "4.4")


def _cost_after(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        w, b = _step(X, y, w, b, learning_rate)
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
    return w, b, np.array(costs)


def _bias_frozen(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, _ = _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _per_sample(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        for x_i, y_i in zip(X, y):
            w, b = _step(x_i[np.newaxis], np.array([y_i]), w, b, learning_rate)
    return w, b, np.array(costs)


@pytest.mark.parametrize("answer, hint", [
    (_cost_after, "yours are the costs after the steps"),
    (_bias_frozen, "The bias never moves in your loop"),
    (_per_sample, "updates after every sample, like the perceptron"),
    (lambda X, y, lr, n: _train(X, y, lr, n + 1), "Start from w = 0 and b = 0"),
    (lambda X, y, lr, n: _train(X, y, lr, n)[:2] + (list(_train(X, y, lr, n)[2]),), "return a numpy array"),
], ids=["cost-after", "bias-frozen", "per-sample", "one-epoch-too-many", "a-list"])
def test_train_adaline_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_train_adaline, answer)
