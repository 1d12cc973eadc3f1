"""course_lib.generalisation: early stopping, the L2 penalty and a momentum step, worked by hand."""

import numpy as np
import pytest

from course_lib.generalisation import early_stopping, l2_penalty, momentum_step
from course_lib.mlp import MLPClassifier, backward, forward, init_params


def test_early_stopping_waits_patience_epochs_without_a_lower_loss_and_counts_from_1():
    losses = [0.9, 0.7, 0.6, 0.65, 0.62, 0.61, 0.63]
    assert early_stopping(losses, 3) == (3, 6)
    assert early_stopping(losses, 1) == (3, 4)
    assert early_stopping([1.0, 0.8, 0.8, 0.8], 2) == (2, 4)          # an equal loss is no progress
    assert early_stopping([0.5, 0.4, 0.3], 5) == (3, 3)               # never runs out: the last epoch


def test_early_stopping_on_a_trained_network_keeps_the_epoch_of_the_lowest_validation_loss():
    X, y = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]]), np.array([0, 0, 1, 1])
    model = MLPClassifier((3,), learning_rate=0.5, n_epochs=50).fit(X, y, X, y)
    best, stop = early_stopping(model.validation_loss_curve_, patience=100)
    assert stop == 50 and best == int(np.argmin(model.validation_loss_curve_)) + 1


def test_the_l2_penalty_is_what_the_library_network_adds_to_its_gradients():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(5, 2)), np.eye(3)[[0, 1, 2, 0, 1]]
    weights, biases = init_params([2, 4, 3], "tanh", random_state=0)
    Zs, As = forward(X, weights, biases, "tanh")
    plain, _ = backward(Y, Zs, As, weights, "tanh")
    penalised, _ = backward(Y, Zs, As, weights, "tanh", alpha=0.1)
    penalty, gradients = l2_penalty(weights, biases, 0.1)
    assert penalty == pytest.approx(0.05 * sum((W ** 2).sum() for W in weights))
    for with_penalty, without, extra in zip(penalised, plain, gradients):
        np.testing.assert_allclose(with_penalty, without + extra)


def test_a_momentum_step_worked_by_hand_and_its_inputs_left_alone():
    w, v, g = np.array([1.0, -2.0]), np.array([0.5, 0.25]), np.array([4.0, -1.0])
    new_w, new_v = momentum_step(w, v, g, learning_rate=0.1, momentum=0.9)
    np.testing.assert_allclose(new_v, [0.45 - 0.4, 0.225 + 0.1])
    np.testing.assert_allclose(new_w, [1.05, -1.675])
    np.testing.assert_array_equal(w, [1.0, -2.0])
    np.testing.assert_array_equal(v, [0.5, 0.25])


@pytest.mark.parametrize("call, message", [
    (lambda: early_stopping([], 3), "at least one loss"),
    (lambda: early_stopping([0.5, np.nan], 3), "validation_losses"),
    (lambda: early_stopping([0.5, 0.4], 0), "patience"),
    (lambda: l2_penalty(np.ones((2, 2)), [], 0.1), "one array per layer"),
    (lambda: l2_penalty([np.ones((2, 2))], [np.zeros(2)], -1.0), "alpha"),
    (lambda: momentum_step(np.zeros(2), np.zeros(3), np.zeros(2), 0.1, 0.9), "np.zeros_like"),
    (lambda: momentum_step(np.zeros(2), np.zeros(2), np.zeros(2), 0.1, 1.5), "momentum"),
])
def test_bad_input_gets_a_clear_error(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
