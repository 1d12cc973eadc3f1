"""course_lib.gradient_descent: the cost, its gradient, one step, AdalineGD and the course's reference numbers."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from course_lib.datasets import load_iris
from course_lib.gradient_descent import (AdalineGD, cost, cost_grid, gradient, gradient_step, numerical_gradient,
                                         relative_error)
from course_lib.perceptron import Perceptron
from course_lib.preprocessing import StandardScaler


@pytest.fixture(scope="module")
def iris_two():
    """Setosa (-1) and versicolor (+1), sepal length and petal length, in file order."""
    iris = load_iris()
    iris = iris[iris["species"] != "virginica"]
    X = iris[["sepal_length_cm", "petal_length_cm"]].to_numpy()
    y = np.where(iris["species"] == "setosa", -1, 1)
    return X, y


def sig4(values):
    """Round to four significant figures, as the syllabus quotes the numbers."""
    return np.array([float(f"{v:.4g}") for v in np.ravel(values)])


# ---------------------------------------------------------------------------- reference numbers

def test_raw_features_with_learning_rate_0_01_diverge(iris_two):
    model = AdalineGD(learning_rate=0.01, n_epochs=10).fit(*iris_two)
    expected = [50, 2231, 3.476e6, 5.423e9, 8.462e12, 1.320e16, 2.060e19, 3.214e22, 5.015e25, 7.824e28]
    np.testing.assert_array_equal(sig4(model.cost_), expected)
    assert not model.diverged_  # still finite after 10 epochs: growing, not yet overflowing
    assert "the cost rose from 50 to 7.824e+28" in model.message_


def test_raw_features_with_learning_rate_0_0001_creep(iris_two):
    model = AdalineGD(learning_rate=0.0001, n_epochs=10).fit(*iris_two)
    expected = [50, 48.07, 46.76, 45.68, 44.69, 43.75, 42.85, 41.96, 41.10, 40.25]
    np.testing.assert_array_equal(sig4(model.cost_), expected)


def test_standardised_features_converge_in_15_epochs(iris_two):
    X, y = iris_two
    X_std = StandardScaler().fit_transform(X)
    np.testing.assert_allclose(X_std, (X - X.mean(axis=0)) / X.std(axis=0))  # population σ
    model = AdalineGD(learning_rate=0.01, n_epochs=15).fit(X_std, y)
    assert model.cost_[0] == 50
    assert float(f"{model.cost_[-1]:.5g}") == 2.5769
    assert model.score(X_std, y) == 1.0


def test_stability_limits_of_batch_gradient_descent(iris_two):
    X, _ = iris_two
    limits = []
    for features in (X, StandardScaler().fit_transform(X)):
        A = np.column_stack([features, np.ones(len(features))])  # the bias as a column of ones
        limits.append(2 / np.linalg.eigvalsh(A.T @ A).max())
    assert float(f"{limits[0]:.2g}") == 4.9e-4
    assert float(f"{limits[1]:.2g}") == 0.011
    # just below the limit the raw cost falls, just above it grows
    below = AdalineGD(learning_rate=0.95 * limits[0], n_epochs=200).fit(*iris_two).cost_
    above = AdalineGD(learning_rate=1.05 * limits[0], n_epochs=200).fit(*iris_two).cost_
    assert below[-1] < below[0] and above[-1] > above[0]


# ---------------------------------------------------------------------------- cost, gradient, step

X_SMALL = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
Y_SMALL = np.array([1.0, -1.0, 2.0])
W_SMALL, B_SMALL = np.array([0.3, -0.2]), 0.1


def test_cost_by_hand():
    # ŷ = (0.3 - 0.4 + 0.1, 0.9 + 0.2 + 0.1, 0.15 - 0.1 + 0.1) = (0, 1.2, 0.15)
    # errors (1, -2.2, 1.85); J = ½ (1 + 4.84 + 3.4225)
    assert cost(X_SMALL, Y_SMALL, W_SMALL, B_SMALL) == pytest.approx(0.5 * (1 + 4.84 + 3.4225))


def test_gradient_matches_central_differences():
    dw, db = gradient(X_SMALL, Y_SMALL, W_SMALL, B_SMALL)
    dw_num, db_num = numerical_gradient(lambda p: cost(X_SMALL, Y_SMALL, *p), (W_SMALL, B_SMALL))
    assert relative_error((dw, db), (dw_num, db_num)) < 1e-8
    np.testing.assert_allclose(dw, dw_num, rtol=1e-6)
    assert db == pytest.approx(db_num, rel=1e-6)


def test_a_wrong_gradient_shows_a_large_relative_error():
    dw, db = gradient(X_SMALL, Y_SMALL, W_SMALL, B_SMALL)
    numeric = numerical_gradient(lambda p: cost(X_SMALL, Y_SMALL, *p), (W_SMALL, B_SMALL))
    assert relative_error((-dw, -db), numeric) > 0.99  # the sign flipped
    assert relative_error((2 * dw, 2 * db), numeric) > 0.3  # the ½ forgotten


def test_one_update_against_a_hand_worked_step():
    # errors (1, -2.2, 1.85); Xᵀe = (1 - 6.6 + 0.925, 2 + 2.2 + 0.925) = (-4.675, 5.125); Σe = 0.65
    w, b = gradient_step(X_SMALL, Y_SMALL, W_SMALL, B_SMALL, learning_rate=0.1)
    np.testing.assert_allclose(w, [0.3 - 0.4675, -0.2 + 0.5125])
    assert b == pytest.approx(0.1 + 0.065)
    np.testing.assert_array_equal(W_SMALL, [0.3, -0.2])  # the input is left unchanged


def test_the_first_epoch_of_adaline_is_one_gradient_step(iris_two):
    X, y = iris_two
    model = AdalineGD(learning_rate=0.0001, n_epochs=1).fit(X, y)
    w, b = gradient_step(X, y, np.zeros(2), 0.0, learning_rate=0.0001)
    np.testing.assert_allclose(model.w_, w)
    assert model.b_ == pytest.approx(b)
    assert model.cost_[0] == cost(X, y, np.zeros(2), 0.0)


def test_numerical_gradient_of_a_single_array_and_of_a_number():
    np.testing.assert_allclose(numerical_gradient(lambda w: float(np.sum(w ** 3)), np.array([1.0, 2.0])),
                               [3.0, 12.0], rtol=1e-7)
    assert numerical_gradient(lambda t: t ** 2, 3.0) == pytest.approx(6.0)


def test_numerical_gradient_explains_a_broken_function():
    with pytest.raises(TypeError, match="f"):
        numerical_gradient(lambda p: None, np.zeros(2))
    with pytest.raises(ValueError, match="eps"):
        numerical_gradient(lambda p: float(np.sum(p ** 2)), np.zeros(2), eps=0.0)
    with pytest.raises(ValueError, match="f\\(params\\)"):
        numerical_gradient(lambda p: float(np.exp(p).sum()), np.array([800.0]))  # overflows: no warning leaks


def test_relative_error_edge_cases():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error([1e308, 1e308], [1e308, 1e308]) == 0.0  # scaled first: no overflow
    with pytest.raises(ValueError, match="a"):
        relative_error([1.0, 2.0], [1.0])


def test_cost_grid_agrees_with_cost_and_has_the_contour_layout(iris_two):
    X, y = iris_two
    w1, w2 = np.linspace(-1, 1, 5), np.linspace(-2, 2, 3)
    J = cost_grid(X, y, w1, w2, b=0.5)
    assert J.shape == (3, 5)
    for i, b2 in enumerate(w2):
        for j, a1 in enumerate(w1):
            assert J[i, j] == pytest.approx(cost(X, y, [a1, b2], 0.5))
    with pytest.raises(ValueError, match="2 features"):
        cost_grid(np.ones((3, 3)), np.ones(3), w1, w2)


# ---------------------------------------------------------------------------- divergence

def test_a_diverging_run_stops_quietly_and_says_so(iris_two):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):  # not even a silenced floating-point problem may escape
            model = AdalineGD(learning_rate=0.01, n_epochs=100).fit(*iris_two)
    assert model.diverged_
    assert 10 < model.n_epochs_run_ < 100 == model.n_epochs
    assert model.cost_.size == model.n_epochs_run_
    assert np.all(np.isfinite(model.cost_)) and np.all(np.diff(model.cost_) > 0)
    assert np.all(np.isfinite(model.w_)) and np.isfinite(model.b_)
    assert np.all(np.isfinite(model.w_path_)) and np.all(np.isfinite(model.b_path_))
    assert model.message_.startswith(f"Diverged: the cost left the float range in epoch {model.n_epochs_run_ + 1}")
    assert "learning_rate" in model.message_ and "standardise" in model.message_
    assert model.predict(iris_two[0]).shape == (100,)  # still usable: the last finite weights


def test_a_converging_run_is_not_flagged(iris_two):
    model = AdalineGD(learning_rate=0.0001, n_epochs=5).fit(*iris_two)
    assert not model.diverged_ and model.n_epochs_run_ == 5
    assert model.message_ == "Ran 5 epochs; the cost fell from 50 to 44.69."


# ---------------------------------------------------------------------------- batches

def _visits(model, X, y):
    """Which samples each update of a fitted model used, recovered from the shuffling it was seeded with."""
    rng = np.random.default_rng(model.random_state)
    return [rng.permutation(len(y)) for _ in range(model.n_epochs)]


@pytest.mark.parametrize("batch_size", [1, 7, 10, 100, 1000])
def test_mini_batches_are_seeded_and_use_every_sample_once_per_epoch(iris_two, batch_size):
    X, y = iris_two
    X = StandardScaler().fit_transform(X)
    first = AdalineGD(learning_rate=0.001, n_epochs=4, batch_size=batch_size, random_state=3).fit(X, y)
    again = AdalineGD(learning_rate=0.001, n_epochs=4, batch_size=batch_size, random_state=3).fit(X, y)
    other = AdalineGD(learning_rate=0.001, n_epochs=4, batch_size=batch_size, random_state=4).fit(X, y)
    np.testing.assert_array_equal(first.w_path_, again.w_path_)
    np.testing.assert_array_equal(first.cost_, again.cost_)
    assert not np.array_equal(first.w_path_, other.w_path_)
    per_epoch = -(-len(y) // min(batch_size, len(y)))  # ceil: the last batch may be smaller
    assert first.w_path_.shape == (4 * per_epoch + 1, 2) and first.b_path_.shape == (4 * per_epoch + 1,)
    # replay the updates by hand from the same permutations: every sample once per epoch
    w, b = np.zeros(2), 0.0
    squared = []
    for order in _visits(first, X, y):
        assert sorted(order) == list(range(len(y)))
        total = 0.0
        for start in range(0, len(y), batch_size):
            batch = order[start:start + batch_size]
            total += 2 * cost(X[batch], y[batch], w, b)
            w, b = gradient_step(X[batch], y[batch], w, b, learning_rate=0.001)
        squared.append(total / 2)
    np.testing.assert_allclose(first.w_, w, rtol=1e-12)
    np.testing.assert_allclose(first.cost_, squared, rtol=1e-12)


def test_full_batch_ignores_the_seed_and_mini_batches_need_one(iris_two):
    X, y = iris_two
    plain = AdalineGD(learning_rate=0.0001).fit(X, y)
    seeded = AdalineGD(learning_rate=0.0001, random_state=5).fit(X, y)
    np.testing.assert_array_equal(plain.cost_, seeded.cost_)
    assert plain.w_path_.shape == (11, 2)
    with pytest.raises(ValueError, match="random_state"):
        AdalineGD(batch_size=10).fit(X, y)
    in_order = AdalineGD(learning_rate=0.0001, batch_size=10, shuffle=False).fit(X, y)  # file order: no seed
    assert in_order.cost_.size == 10


def test_stochastic_and_batch_reach_the_same_region_on_standardised_iris(iris_two):
    X, y = iris_two
    X = StandardScaler().fit_transform(X)
    batch = AdalineGD(learning_rate=0.01, n_epochs=15).fit(X, y)
    sgd = AdalineGD(learning_rate=0.01, n_epochs=15, batch_size=1, random_state=0).fit(X, y)
    assert sgd.score(X, y) == batch.score(X, y) == 1.0
    assert cost(X, y, sgd.w_, sgd.b_) < 3.0


# ---------------------------------------------------------------------------- the estimator contract

def test_init_only_stores_settings_and_fit_checks_them(iris_two):
    model = AdalineGD(learning_rate=-1, n_epochs="ten", batch_size=0)
    assert model.learning_rate == -1 and not hasattr(model, "w_")
    with pytest.raises(ValueError, match="learning_rate"):
        model.fit(*iris_two)
    with pytest.raises(TypeError, match="n_epochs"):
        AdalineGD(n_epochs="ten").fit(*iris_two)
    with pytest.raises(ValueError, match="batch_size"):
        AdalineGD(batch_size=0).fit(*iris_two)
    with pytest.raises(ValueError, match="y must hold two classes; got 3 classes.*AdalineGD separates two classes"):
        AdalineGD().fit(iris_two[0], np.arange(len(iris_two[1])) % 3)


def test_repr_predict_score_and_unfitted(iris_two):
    assert repr(AdalineGD()) == "AdalineGD()"
    assert repr(AdalineGD(0.1, batch_size=1, random_state=0)) == "AdalineGD(learning_rate=0.1, batch_size=1, random_state=0)"
    with pytest.raises(ValueError, match="not fitted"):
        AdalineGD().predict([[1.0, 2.0]])
    model = AdalineGD(learning_rate=0.0001).fit(*iris_two)
    assert model.fit(*iris_two) is model
    assert set(np.unique(model.predict(iris_two[0]))) <= {-1, 1}
    np.testing.assert_allclose(model.net_input(iris_two[0]), iris_two[0] @ model.w_ + model.b_)
    assert 0.0 <= model.score(*iris_two) <= 1.0
    assert not isinstance(model, Perceptron)  # it shares the neuron's methods, it is not a perceptron


@pytest.mark.parametrize("setting", ["learning_rate", "n_epochs", "batch_size", "shuffle", "random_state"])
def test_every_setting_gets_the_bad_input_sweep_in_fit(iris_two, setting):
    from test_bad_input_sweep import SCALAR_BAD  # the same table as the bad-input sweep
    base = {"learning_rate": 0.001, "n_epochs": 3, "batch_size": 2, "random_state": 0}
    problems = []
    for label, bad in SCALAR_BAD.items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                model = AdalineGD(**{**base, setting: bad}).fit(*iris_two)
        except (TypeError, ValueError) as error:
            if setting not in str(error):
                problems.append(f"{label}: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - a warning turned error
            problems.append(f"{label}: {type(error).__name__}: {error}")
            continue
        if not (np.all(np.isfinite(model.cost_)) and np.all(np.isfinite(model.w_))):
            problems.append(f"{label}: not finite")
    assert not problems, "\n".join(problems)
