"""Lesson 04's figures and its gradient-descent explorer: they show what course_lib.gradient_descent computes.

The explorer is driven in plain Python, as its controls would drive it (widget callbacks run
synchronously without a browser); tests/browser exercises the real controls.
"""

import io

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from course_lib.gradient_descent import AdalineGD, cost
from course_lib.plotting import CostSurface, plot_cost_per_epoch, plot_cost_surface, plot_descent_1d
from course_lib.plotting.gradient_descent import descent_1d
from course_lib.widgets.perceptron import training_set


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


X, Y, _, _ = training_set("setosa / versicolor")


def _pixels(png) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"))


# ---------------------------------------------------------------- the cost surface (lesson 05 imports it too)


def test_the_surface_is_the_cost_at_every_point_and_its_minimum_is_the_least_squares_solution():
    surface = CostSurface(Figure().add_subplot(), X, Y, b=0.5)
    w_star = np.linalg.lstsq(X, Y - 0.5, rcond=None)[0]
    assert np.allclose(surface.w_star, w_star)
    assert surface.J_star == pytest.approx(cost(X, Y, w_star, 0.5))
    i, j = 17, 101
    w1 = np.linspace(*surface.w1_range, surface.J.shape[1])[j]
    w2 = np.linspace(*surface.w2_range, surface.J.shape[0])[i]
    assert surface.J[i, j] == pytest.approx(cost(X, Y, [w1, w2], 0.5))
    assert surface.J.min() >= surface.J_star - 1e-9


def test_default_ranges_hold_the_minimum_and_the_usual_start_at_zero():
    surface = CostSurface(Figure().add_subplot(), X, Y)
    assert surface.contains(surface.w_star) and surface.contains([0.0, 0.0])


def test_plot_cost_surface_has_the_agreed_signature_draws_the_path_and_describes_itself():
    model = AdalineGD(learning_rate=0.0001, n_epochs=10).fit(X, Y)
    fig = plot_cost_surface(X, Y, b=0.0, w1_range=(-1.5, 1.0), w2_range=(-0.5, 2.0), path=model.w_path_,
                            title="raw features")
    ax = fig.axes[0]
    assert ax.get_xlim() == (-1.5, 1.0) and ax.get_ylim() == (-0.5, 2.0)
    line = next(line for line in ax.lines if line.get_label() == "path of the weights")
    assert np.allclose(np.column_stack(line.get_data()), model.w_path_)
    assert ax.get_title() == "raw features"
    assert fig.description.startswith("raw features: Filled contour plot of the cost J over w_1 from −1.5 to 1")
    assert "A path of 10 steps goes from w = (0, 0) (cost 50)" in fig.description
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["path of the weights", "start", "end", "minimum"]


def test_on_given_axes_it_draws_there_and_returns_that_figure():
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plot_cost_surface(X, Y, ax=right) is fig
    assert right.collections and not left.collections


def test_a_diverging_path_is_drawn_up_to_where_it_left_the_float_range_and_said_to_leave_the_plot():
    path = np.array([[0.0, 0.0], [0.3, 0.4], [1e200, -1e200], [np.inf, np.nan]])
    fig = plot_cost_surface(X, Y, path=path)
    assert "A path of 2 steps" in fig.description and fig.description.endswith("outside the plot.")


def test_bad_paths_and_data_are_explained():
    with pytest.raises(ValueError, match=r"path must be an \(n, 2\) array"):
        plot_cost_surface(X, Y, path=[0.0, 1.0])
    with pytest.raises(ValueError, match="X must have exactly two features"):
        plot_cost_surface(np.ones((4, 3)), [1, -1, 1, -1])


# ---------------------------------------------------------------- one dimension, and the cost per epoch


def test_descent_in_one_dimension_creeps_arrives_or_overshoots():
    small, good, large = (descent_1d(rate, start=0.5, n_steps=8) for rate in (0.05, 0.3, 1.05))
    assert np.all(np.diff(small) > 0) and small[-1] < 2.5        # every step right, still far from 3
    assert abs(good[-1] - 3) < 1e-2
    assert np.all(np.diff(np.abs(large - 3)) > 0)                  # each step lands further from 3, on the other side
    assert np.all(np.sign(large[1:] - 3) != np.sign(large[:-1] - 3))


def test_the_one_dimensional_figure_has_a_panel_per_rate_and_says_where_each_ends():
    fig = plot_descent_1d([0.05, 0.3, 1.05], labels=["too small", "just right", "too large"])
    assert [ax.get_title() for ax in fig.axes] == ["too small: η = 0.05", "just right: η = 0.3", "too large: η = 1.05"]
    assert "η = 0.3: 8 steps from w = 0.5 end at w = 3 (cost 1)" in fig.description


def test_the_two_raw_runs_side_by_side_on_a_log_scale():
    runs = {f"η = {rate:g}": AdalineGD(learning_rate=rate, n_epochs=10).fit(X, Y).cost_ for rate in (0.01, 0.0001)}
    fig = plot_cost_per_epoch(runs)
    assert [ax.get_yscale() for ax in fig.axes] == ["log", "log"]
    assert "η = 0.01: the cost rises from 50 to 7.824e+28 over 10 epochs" in fig.description
    assert "η = 0.0001: the cost falls from 50 to 40.25 over 10 epochs" in fig.description
    with pytest.raises(ValueError, match="log=False"):
        plot_cost_per_epoch({"zero": [1.0, 0.0]})


# ---------------------------------------------------------------- the explorer

from course_lib.gradient_descent import gradient_step  # noqa: E402
from course_lib.widgets import BATCH_MODES, GradientDescentExplorer  # noqa: E402
from course_lib.widgets.gradient_descent import descend  # noqa: E402


@pytest.fixture(scope="module")
def explorer():
    return GradientDescentExplorer()


def test_each_full_batch_step_is_the_librarys_step_with_the_bias_held_at_zero():
    path, diverged = descend(X, Y, (0.1, -0.2), 2e-4, n_epochs=5)
    w = np.array([0.1, -0.2])
    for row in path[1:]:
        w, _ = gradient_step(X, Y, w, 0.0, learning_rate=2e-4)
        assert np.allclose(row, w)
    assert not diverged and len(path) == 6


def test_stochastic_steps_visit_every_sample_once_per_epoch_in_a_seeded_order():
    path, _ = descend(X, Y, (0.0, 0.0), 1e-3, n_epochs=2, batch_size=1, random_state=3)
    order = np.random.default_rng(3).permutation(len(Y))
    w = np.zeros(2)
    for i in order:
        w, _ = gradient_step(X[[i]], Y[[i]], w, 0.0, learning_rate=1e-3)
    assert len(path) == 2 * len(Y) + 1 and np.allclose(path[len(Y)], w)
    again, _ = descend(X, Y, (0.0, 0.0), 1e-3, n_epochs=2, batch_size=1, random_state=3)
    assert np.array_equal(path, again)


def test_a_mini_batch_of_ten_makes_ten_updates_per_epoch(explorer):
    explorer.mode.value = "mini-batch (10)"
    explorer.n_epochs.value = 3
    assert explorer.steps_per_epoch == 10 and len(explorer.path) == 31
    assert "10 updates per epoch (30 in all)" in explorer.readout.value
    explorer.mode.value = "full batch"
    explorer.n_epochs.value = 10


def test_the_controls_redraw_the_path_the_cost_curve_and_the_titles(explorer):
    explorer.learning_rate.value = 1e-4
    before = bytes(explorer.image.value)
    explorer.learning_rate.value = 3e-4
    assert bytes(explorer.image.value) != before
    surface_ax, curve_ax = explorer.figure.axes
    assert np.allclose(np.column_stack(explorer._surface.path_line.get_data()), explorer.path)
    assert surface_ax.get_title().startswith("η = 3.0e-04, full batch: 10 steps")
    assert np.allclose(explorer._cost_line.get_ydata(), [0.5 * np.sum((Y - X @ w) ** 2) for w in explorer.path])
    assert curve_ax.get_title().startswith("cost after 10 epochs: ")


def test_a_start_point_moves_the_first_point_of_the_path(explorer):
    explorer.w1_start.value, explorer.w2_start.value = -0.8, 1.5
    assert np.allclose(explorer.path[0], [-0.8, 1.5])
    explorer.w1_start.value, explorer.w2_start.value = 0.0, 0.0


def test_too_large_a_rate_grows_the_cost_and_says_so_and_stochastic_survives_it(explorer):
    explorer.learning_rate.value = 1e-3
    explorer.n_epochs.value = 50
    assert explorer.diverged and "The cost grew" in explorer.readout.value
    assert explorer.figure.axes[1].get_title().startswith("diverged after")
    explorer.mode.value = "stochastic (1)"
    assert not explorer.diverged and explorer.costs[-1] < 1.1 * explorer._surface.J_star
    explorer.mode.value, explorer.n_epochs.value, explorer.learning_rate.value = "full batch", 10, 1e-4


def test_the_blitted_frame_is_the_full_drawing():
    explorer = GradientDescentExplorer(learning_rate=4e-4, n_epochs=20, mode="mini-batch (10)")
    explorer.learning_rate.value = 2e-4
    blitted = _pixels(explorer.image.value)
    for artist in [a for a in explorer.figure.findobj() if a.get_animated()]:
        artist.set_animated(False)
    explorer.figure.canvas.draw()
    assert np.array_equal(blitted, np.asarray(explorer.figure.canvas.buffer_rgba())[..., :3])


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="learning_rate must be between 1e-05 and 0.1"):
        GradientDescentExplorer(learning_rate=1.0)
    with pytest.raises(TypeError, match="X and y must be given together"):
        GradientDescentExplorer(X=X)
    with pytest.raises(ValueError, match="mode"):
        GradientDescentExplorer(mode="online")
    assert set(BATCH_MODES) == {"full batch", "mini-batch (10)", "stochastic (1)"}
