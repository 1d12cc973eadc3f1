"""Lesson 05's figures show what the library computes: the valley and the bowl, and costs on one axis."""

import matplotlib
import numpy as np
import pytest

from course_lib.gradient_descent import AdalineGD, cost
from course_lib.plotting import plot_cost_surfaces_side_by_side, plot_costs_together
from course_lib.preprocessing import StandardScaler
from course_lib.widgets.perceptron import training_set


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


X, Y, _, _ = training_set("setosa / versicolor")  # sepal and petal length of setosa (−1) and versicolor (+1)
ONES = np.ones(len(X))
SEPAL_RAW = np.column_stack([X[:, 0], ONES])
SEPAL_STD = np.column_stack([StandardScaler().fit_transform(X)[:, 0], ONES])


def _path(X1, learning_rate):
    run = AdalineGD(learning_rate=learning_rate, n_epochs=15).fit(X1[:, :1], Y)
    return np.column_stack([run.w_path_[:, 0], run.b_path_])


def test_the_lesson_figure_is_a_valley_beside_a_round_bowl_described_from_its_data():
    paths = (_path(SEPAL_RAW, 0.0006), _path(SEPAL_STD, 0.01))
    fig = plot_cost_surfaces_side_by_side(SEPAL_RAW, SEPAL_STD, Y, paths=paths, titles=("raw", "standardised"),
                                          axis_labels=("$w$", "$b$"))
    left, right = [ax for ax in fig.axes if ax.get_title()]  # the two panels, not their colour bars
    assert [left.get_title(), right.get_title()] == ["raw", "standardised"]
    assert left.get_xlabel() == "$w$" and right.get_ylabel() == "$b$"
    assert "49.1 times longer than wide" in fig.description  # sepal length and the bias: √(λmax/λmin)
    assert "Right, standardised: contours round" in fig.description
    end = paths[1][-1]  # one step of η = 0.01 lands on the minimum of the round bowl
    assert f"where the cost is {cost(SEPAL_STD[:, :1], Y, end[:1], end[1]):.4g}" in fig.description
    assert "bias b = " not in fig.description  # the bias is an axis here, not held fixed
    drawn = right.lines[1].get_xydata()  # the path line, after the minimum's star
    assert np.allclose(drawn, paths[1])


def test_without_paths_and_on_a_slice_the_fixed_bias_is_named():
    fig = plot_cost_surfaces_side_by_side(X, StandardScaler().fit_transform(X), Y, b=0.25)
    assert "over w_1 and w_2 at bias b = 0.25" in fig.description and "path" not in fig.description


def test_a_diverging_path_is_described_up_to_where_it_stayed_finite():
    path = np.array([[0.0, 0.0], [0.5, -0.2], [np.inf, 0.0]])
    fig = plot_cost_surfaces_side_by_side(SEPAL_RAW, SEPAL_STD, Y, paths=(path, None))
    assert "a path of 1 step from" in fig.description


@pytest.mark.parametrize("kwargs, message", [
    ({"X_left": X[:, :1]}, "X_left must have exactly two features"),
    ({"X_right": X[:10]}, "X_right and y must have matching sizes"),
    ({"paths": [None]}, "paths must be a pair"),
    ({"paths": ([1.0, 2.0], None)}, r"paths\[0\] must be an \(n, 2\) array"),
    ({"titles": ("one",)}, "titles must be two strings"),
    ({"axis_labels": "wb"}, "axis_labels must be two strings"),
])
def test_bad_arguments_are_explained(kwargs, message):
    arguments = {"X_left": SEPAL_RAW, "X_right": SEPAL_STD, "y": Y, **kwargs}
    with pytest.raises((TypeError, ValueError), match=message):
        plot_cost_surfaces_side_by_side(**arguments)


def test_costs_together_draws_every_run_on_one_log_axis_with_plain_numbers():
    slow, fast = AdalineGD(0.0001, 15).fit(X, Y).cost_, AdalineGD(0.01, 15).fit(StandardScaler().fit_transform(X), Y).cost_
    fig = plot_costs_together({"raw": slow, "standardised": fast})
    (ax,) = fig.axes
    assert ax.get_yscale() == "log" and [line.get_label() for line in ax.lines] == ["raw", "standardised"]
    assert np.allclose(ax.lines[1].get_ydata(), fast)
    assert fig.description == ("Line chart of the cost per epoch of 2 runs on a log scale: raw, the cost falls from 50 "
                               f"to {slow[-1]:.4g} in 15 epochs; standardised, the cost falls from 50 to 2.577 in 15 epochs.")
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels(minor=True) if t.get_text()]
    assert labels and all("10^" not in t and "times" not in t for t in labels), labels


def test_costs_together_on_a_linear_axis_and_its_errors():
    assert plot_costs_together({"a": [1.0, 0.0]}, log=False).axes[0].get_yscale() == "linear"
    with pytest.raises(ValueError, match="positive costs for a log scale"):
        plot_costs_together({"a": [1.0, 0.0]})
    with pytest.raises(TypeError, match="runs must be a dict"):
        plot_costs_together([1.0, 2.0])
    with pytest.raises(ValueError, match="at most 4 runs"):
        plot_costs_together({str(i): [1.0] for i in range(5)})
