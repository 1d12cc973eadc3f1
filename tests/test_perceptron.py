"""course_lib.perceptron: the learning rule worked by hand, the syllabus's reference runs exactly,
and the estimator contract of scikit-learn."""

import numpy as np
import pytest

from course_lib.datasets import load_iris
from course_lib.gradient_descent import AdalineGD
from course_lib.perceptron import Perceptron, predict, update


def _iris(first, second):
    iris = load_iris()
    pair = iris[iris["species"].isin([first, second])]
    return pair[["sepal_length_cm", "petal_length_cm"]].to_numpy(), np.where(pair["species"] == first, -1, 1)


SETOSA_VERSICOLOR = _iris("setosa", "versicolor")
VERSICOLOR_VIRGINICA = _iris("versicolor", "virginica")


# ---------------------------------------------------------------- the rule, by hand


def test_a_wrong_prediction_moves_w_and_b_by_eta_times_the_error():
    # z = 0 gives +1, the target is -1: error -2, so Δw = 0.1 · (-2) · (5.1, 1.4), Δb = -0.2
    w, b = update([5.1, 1.4], -1, [0.0, 0.0], 0.0, learning_rate=0.1)
    assert np.allclose(w, [-1.02, -0.28]) and b == pytest.approx(-0.2)


def test_a_right_prediction_changes_nothing():
    w, b = update([4.9, 1.4], -1, [-1.02, -0.28], -0.2, learning_rate=0.1)  # z = -5.59: -1, right
    assert np.array_equal(w, [-1.02, -0.28]) and b == -0.2


def test_the_step_fires_at_zero_and_the_input_weights_are_not_changed():
    w = np.array([1.0, -1.0])
    assert list(predict([[2.0, 2.0], [1.0, 2.0]], w, 0.0)) == [1.0, -1.0]
    update([1.0, 2.0], 1, w, 0.0)
    assert np.array_equal(w, [1.0, -1.0])


# ---------------------------------------------------------------- the reference runs


def test_the_classic_run_reproduces_the_syllabus_exactly():
    model = Perceptron(learning_rate=0.1, n_epochs=10).fit(*SETOSA_VERSICOLOR)
    assert list(model.updates_) == [2, 2, 3, 2, 1, 0, 0, 0, 0, 0]
    assert model.b_ == pytest.approx(-0.4, abs=1e-12) and np.allclose(model.w_, [-0.68, 1.82], atol=1e-12)


def test_the_honest_curve_the_first_four_epochs_leave_half_the_flowers_wrong():
    model = Perceptron(learning_rate=0.1, n_epochs=10).fit(*SETOSA_VERSICOLOR)
    assert list(model.misclassified_) == [50, 50, 50, 50, 0, 0, 0, 0, 0, 0]
    assert model.score(*SETOSA_VERSICOLOR) == 1.0


@pytest.mark.parametrize("n_epochs, fraction", [(10, 0.50), (100, 0.44), (1000, 0.14)])
def test_versicolor_against_virginica_never_separates(n_epochs, fraction):
    model = Perceptron(learning_rate=0.1, n_epochs=n_epochs).fit(*VERSICOLOR_VIRGINICA)
    assert 1 - model.score(*VERSICOLOR_VIRGINICA) == pytest.approx(fraction)
    assert model.misclassified_.min() > 0


@pytest.mark.parametrize("learning_rate", [0.025, 0.05, 0.2, 0.4])
def test_from_a_zero_start_the_learning_rate_only_scales_the_weights(learning_rate):
    # Exact in floating point too, as long as η/0.1 is a power of two (the scaling then loses no digit).
    base = Perceptron(learning_rate=0.1, n_epochs=200).fit(*VERSICOLOR_VIRGINICA)
    scaled = Perceptron(learning_rate=learning_rate, n_epochs=200).fit(*VERSICOLOR_VIRGINICA)
    assert np.array_equal(scaled.misclassified_, base.misclassified_)
    assert np.allclose(scaled.w_ / learning_rate, base.w_ / 0.1)


def _exact_run(X, y, n_epochs):
    """The rule with η = 1 in integers (lengths in mm): exact arithmetic, every z exactly what maths says."""
    X_mm, w, b, ties = np.rint(X * 10).astype(np.int64), np.zeros(2, np.int64), 0, []
    for epoch in range(n_epochs):
        for i, (x, target) in enumerate(zip(X_mm, y)):
            z_100 = int(x @ w) + 100 * b                        # 100 z, exactly
            ties += [(epoch + 1, i)] if z_100 == 0 else []
            error = target - (1 if z_100 >= 0 else -1)
            w, b = w + error * x, b + error
    return int(np.sum(np.where(X_mm @ w + 100 * b >= 0, 1, -1) != y)), ties


def test_lesson_03s_answer_on_eta_exact_arithmetic_gives_14_wrong_and_eta_0_01_gives_19():
    wrong, ties = _exact_run(*VERSICOLOR_VIRGINICA, n_epochs=1000)
    assert wrong == 14 == Perceptron(learning_rate=0.1, n_epochs=1000).fit(*VERSICOLOR_VIRGINICA).misclassified_[-1]
    assert (377, 1) in ties and tuple(VERSICOLOR_VIRGINICA[0][1]) == (6.4, 4.5)  # versicolor (6.4, 4.5), z = 0
    for learning_rate in (0.01, 0.25, 0.5, 1.0):  # rounding tips that flower to the other side
        assert Perceptron(learning_rate=learning_rate, n_epochs=1000).fit(*VERSICOLOR_VIRGINICA).misclassified_[-1] == 19


def _fewest_errors_of_any_line(X, y):
    """Exhaustive: the order of the projections X @ u changes only where u is perpendicular to the
    difference of two points; one direction inside each arc between those angles, and every
    threshold along it, sees every way a line can split the plane."""
    i, j = np.triu_indices(len(X), 1)
    d = X[j] - X[i]
    d = d[np.any(d != 0, axis=1)]
    critical = np.unique(np.mod(np.arctan2(d[:, 1], d[:, 0]) + np.pi / 2, np.pi))
    angles = (critical + np.append(critical[1:], critical[0] + np.pi)) / 2
    best = len(y)
    for angle in angles:
        projection = X @ np.array([np.cos(angle), np.sin(angle)])
        order = np.argsort(projection, kind="stable")
        p, t = projection[order], y[order]
        cut = np.concatenate([[True], p[1:] != p[:-1], [True]])  # equal points stay on one side
        plus_below = np.concatenate([[0], np.cumsum(t == 1)])
        minus_below = np.concatenate([[0], np.cumsum(t == -1)])
        errors_if_minus_below = plus_below + (minus_below[-1] - minus_below)
        errors_if_plus_below = minus_below + (plus_below[-1] - plus_below)
        best = min(best, errors_if_minus_below[cut].min(), errors_if_plus_below[cut].min())
    return int(best)


def test_lesson_03s_proof_one_flower_is_in_both_species_and_the_best_line_gets_4_wrong():
    X, y = VERSICOLOR_VIRGINICA
    both = set(map(tuple, X[y == -1].tolist())) & set(map(tuple, X[y == 1].tolist()))
    assert both == {(6.3, 4.9)}
    assert _fewest_errors_of_any_line(X, y) == 4
    assert _fewest_errors_of_any_line(*SETOSA_VERSICOLOR) == 0  # the search finds a separating line
    assert _fewest_errors_of_any_line(np.array([[0.0, 0], [0, 1], [1, 0], [1, 1]]), np.array([-1, 1, 1, -1])) == 1


def test_shuffling_is_reproducible_with_a_seed_and_changes_the_path():
    one = Perceptron(n_epochs=50, shuffle=True, random_state=0).fit(*VERSICOLOR_VIRGINICA)
    two = Perceptron(n_epochs=50, shuffle=True, random_state=0).fit(*VERSICOLOR_VIRGINICA)
    plain = Perceptron(n_epochs=50).fit(*VERSICOLOR_VIRGINICA)
    assert np.array_equal(one.w_, two.w_) and not np.array_equal(one.w_, plain.w_)


def test_random_initial_weights_are_small_and_seeded():
    model = Perceptron(n_epochs=1, random_init=True, random_state=3).fit(*SETOSA_VERSICOLOR)
    again = Perceptron(n_epochs=1, random_init=True, random_state=3).fit(*SETOSA_VERSICOLOR)
    assert np.array_equal(model.w_, again.w_)


def test_xor_defeats_every_line():
    X, y = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([-1, 1, 1, -1])
    model = Perceptron(n_epochs=100).fit(X, y)
    assert model.misclassified_.min() >= 1 and model.updates_.min() >= 1


# ---------------------------------------------------------------- the estimator contract


def test_init_only_stores_and_fit_returns_self_with_learned_attributes():
    model = Perceptron(learning_rate="not checked yet")
    assert model.learning_rate == "not checked yet"
    with pytest.raises(TypeError, match="learning_rate"):
        model.fit(*SETOSA_VERSICOLOR)
    model = Perceptron()
    assert model.fit(*SETOSA_VERSICOLOR) is model
    assert model.w_.shape == (2,) and isinstance(model.b_, float) and model.n_features_in_ == 2
    assert repr(Perceptron(n_epochs=5)) == "Perceptron(n_epochs=5)"


def test_using_an_unfitted_model_or_other_features_is_explained():
    with pytest.raises(ValueError, match="not fitted yet: call fit"):
        Perceptron().predict([[1.0, 2.0]])
    model = Perceptron().fit(*SETOSA_VERSICOLOR)
    with pytest.raises(ValueError, match="X has 3 features, but Perceptron is expecting 2 features as input, the number it was fitted with"):
        model.predict([[1.0, 2.0, 3.0]])


@pytest.mark.parametrize("Model, settings", [(Perceptron, {}), (AdalineGD, {"learning_rate": 0.0001, "n_epochs": 100})])
@pytest.mark.parametrize("labels", [(-1, 1), (0, 1), ("setosa", "versicolor"), (False, True), (1.0, 2.0)])
def test_any_two_labels_learn_as_minus_and_plus_one_and_predict_answers_them(Model, settings, labels):
    X, signs = SETOSA_VERSICOLOR
    y = np.array([labels[0] if s == -1 else labels[1] for s in signs])
    reference, model = Model(**settings).fit(X, signs), Model(**settings).fit(X, y)
    assert list(model.classes_) == list(labels)
    assert np.array_equal(model.w_, reference.w_) and model.b_ == reference.b_  # the same ±1 run, bit for bit
    assert model.predict(X).dtype == y.dtype and np.array_equal(model.predict(X), y)
    assert model.score(X, y) == reference.score(X, signs) == 1.0


def test_labels_given_as_minus_and_plus_one_are_answered_as_given():
    X, y = SETOSA_VERSICOLOR
    assert Perceptron().fit(X, y).predict(X[:1]).tolist() == [-1]
    assert Perceptron().fit(X, y.astype(float)).predict(X[:1]).tolist() == [-1.0]


@pytest.mark.parametrize("Model", [Perceptron, AdalineGD])
@pytest.mark.parametrize("y, message", [
    (np.repeat(["setosa", "versicolor", "virginica", "setosa"], 25),
     r"y must hold two classes; got 3 classes, \['setosa', 'versicolor', 'virginica'\]\. Only binary "
     r"classification is supported: \w+ separates two classes with one line\. .*MLPClassifier"),
    (np.ones(100), r"y must hold two classes, one for each side of the line; got only one class, \[1\.0\]"),
    (np.linspace(0.0, 1.0, 100), r"not whole, such as 0\.0101.*not classes"),
    (np.array([1, -1] * 50)[:, np.newaxis], r"got shape \(100, 1\)\. For a column of labels use y\.ravel\(\)"),
    ([1, -1] * 49, "X has 100 samples but y has 98 labels"),
])
def test_labels_that_are_not_two_classes_are_explained(Model, y, message):
    with pytest.raises(ValueError, match=message):
        Model().fit(SETOSA_VERSICOLOR[0], y)


@pytest.mark.parametrize("Model", [Perceptron, AdalineGD])
@pytest.mark.parametrize("X", [np.empty((0, 2)), np.empty((4, 0))])
def test_nothing_to_learn_from_is_refused(Model, X):
    with pytest.raises(ValueError, match=r"X must hold at least one sample and one feature to learn from"):
        Model().fit(X, [-1, 1, -1, 1][:len(X)])


def test_shuffling_without_a_seed_is_refused():
    with pytest.raises(ValueError, match="random_state must be a seed such as 0 when shuffle"):
        Perceptron(shuffle=True).fit(*SETOSA_VERSICOLOR)


def test_predictions_match_scikit_learns_perceptron_when_it_is_set_up_the_same_way():
    from sklearn.linear_model import Perceptron as SkPerceptron

    X, y = SETOSA_VERSICOLOR
    ours = Perceptron(learning_rate=1.0, n_epochs=10).fit(X, y)
    theirs = SkPerceptron(eta0=1.0, max_iter=10, tol=None, shuffle=False).fit(X, y)
    new = np.array([[5.0, 1.5], [6.0, 4.0], [5.5, 2.5], [4.6, 3.1]])
    assert np.array_equal(ours.predict(new), theirs.predict(new))
    assert ours.score(X, y) == theirs.score(X, y) == 1.0
