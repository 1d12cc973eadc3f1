"""Lesson 06's figures: the hidden lines of a 2-2-2 network, and a race of loss curves."""

import numpy as np
import pytest

from course_lib.datasets import make_xor
from course_lib.plotting import plot_hidden_lines, plot_loss_race

W1, b1 = 4 * np.ones((2, 2)), 4 * np.array([-0.5, -1.5])          # "at least one on", "both on"
W2, b2 = np.array([[-0.5, 0.5], [0.5, -0.5]]), np.array([0.5, -0.5])  # class 1 where a1 − a2 − 1 > 0


def test_hidden_lines_of_the_hand_made_xor_network_separate_the_corners():
    X, y = make_xor(n_samples=4, noise=0.0, shuffle=False)
    fig = plot_hidden_lines(W1, b1, W2, b2, X, y)
    assert "4·x₁ + 4·x₂ − 2 = 0" in fig.description and "4·x₁ + 4·x₂ − 6 = 0" in fig.description
    assert "4 of 4 samples on their class's side" in fig.description
    assert len(fig.axes) == 2


@pytest.mark.parametrize("arguments, message", [
    ((np.ones((3, 2)), b1, W2, b2), "2-2-2 network"),
    ((W1, b1, W2, np.ones(3)), "2-2-2 network"),
    ((W1, [np.nan, 0.0], W2, b2), "b1"),
])
def test_hidden_lines_refuse_another_network_clearly(arguments, message):
    X, y = make_xor(n_samples=8, noise=0.1)
    with pytest.raises(ValueError, match=message):
        plot_hidden_lines(*arguments, X, y)


def test_loss_race_names_the_first_epoch_below_the_threshold_and_the_runs_that_never_get_there():
    fig = plot_loss_race({"fast": [1.0, 0.5, 0.2, 0.1], "slow": [1.0, 0.9, 0.8, 0.7]}, threshold=0.3)
    assert "fast from 1 to 0.1, below 0.3 at epoch 3" in fig.description
    assert "slow from 1 to 0.7, never below 0.3" in fig.description


@pytest.mark.parametrize("runs, log, error", [
    ({}, False, TypeError), ({str(i): [1.0] for i in range(5)}, False, TypeError),
    ({"a": []}, False, ValueError), ({"a": [1.0, 0.0]}, True, ValueError), ({"a": [1.0, np.inf]}, False, ValueError),
])
def test_loss_race_refuses_what_it_cannot_draw(runs, log, error):
    with pytest.raises(error):
        plot_loss_race(runs, log=log)
