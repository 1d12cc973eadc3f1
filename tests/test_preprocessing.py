"""course_lib.preprocessing against scikit-learn (imported here only, never in course_lib) and its edge cases."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn import model_selection, preprocessing as sk

from course_lib.datasets import load_iris
from course_lib.preprocessing import MinMaxScaler, StandardScaler, train_test_split

IRIS = load_iris()
X_IRIS = IRIS[["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]].to_numpy()
Y_IRIS = IRIS["species"].to_numpy()


# ---------------------------------------------------------------------------- scalers

@pytest.mark.parametrize("ours, theirs", [(StandardScaler, sk.StandardScaler), (MinMaxScaler, sk.MinMaxScaler)])
def test_scalers_match_scikit_learn(ours, theirs):
    rng = np.random.default_rng(0)
    X_train, X_new = X_IRIS[:100], rng.normal(5.0, 3.0, size=(7, 4))
    mine, reference = ours().fit(X_train), theirs().fit(X_train)
    np.testing.assert_allclose(mine.transform(X_new), reference.transform(X_new), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(mine.inverse_transform(X_new), reference.inverse_transform(X_new), rtol=1e-12)
    np.testing.assert_allclose(mine.fit_transform(X_train), reference.fit_transform(X_train), atol=1e-12)
    for name in ("mean_", "scale_", "var_", "data_min_", "data_max_", "data_range_", "min_", "n_samples_seen_"):
        if hasattr(reference, name):
            np.testing.assert_allclose(getattr(mine, name), getattr(reference, name), rtol=1e-12)
    assert mine.n_features_in_ == 4


def test_standard_scaler_uses_the_population_sigma_and_round_trips():
    X = np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]])
    scaler = StandardScaler().fit(X)
    np.testing.assert_allclose(scaler.scale_, X.std(axis=0, ddof=0))
    Z = scaler.transform(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-15)
    np.testing.assert_allclose(Z.std(axis=0), 1)
    np.testing.assert_allclose(scaler.inverse_transform(Z), X)


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
def test_a_constant_feature_and_a_single_sample_give_zeros_without_a_warning(Scaler):
    X = np.array([[0.1, 1.0], [0.1, 2.0], [0.1, 4.0]])  # 0.1 three times: np.std gives 1.4e-17, not 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Z = Scaler().fit_transform(X)
        one = Scaler().fit_transform([[3.0, -7.0]])
    np.testing.assert_array_equal(Z[:, 0], 0.0)
    np.testing.assert_array_equal(one, [[0.0, 0.0]])
    reference = (sk.StandardScaler if Scaler is StandardScaler else sk.MinMaxScaler)().fit_transform(X)
    np.testing.assert_allclose(Z, reference, atol=1e-12)


def test_standard_scaler_scale_is_one_for_a_constant_feature():
    scaler = StandardScaler().fit([[2.0, 1.0], [2.0, 3.0]])
    np.testing.assert_array_equal(scaler.scale_, [1.0, 1.0])
    np.testing.assert_array_equal(scaler.var_, [0.0, 1.0])


def test_min_max_scaler_maps_the_training_set_to_0_1_and_lets_new_data_fall_outside():
    scaler = MinMaxScaler().fit([[0.0], [255.0]])
    np.testing.assert_allclose(scaler.transform([[51.0], [510.0], [-255.0]]), [[0.2], [2.0], [-1.0]])


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
@pytest.mark.parametrize("bad, error, words", [
    ([[1.0, np.nan]], ValueError, "NaN"),
    ([[1.0, np.inf]], ValueError, "finite"),
    ([1.0, 2.0], ValueError, "reshape"),
    (np.empty((0, 2)), ValueError, "at least one sample"),
    ([["a", "b"]], TypeError, "numbers"),
])
def test_bad_input_gets_a_clear_error(Scaler, bad, error, words):
    with pytest.raises(error, match=words):
        Scaler().fit(bad)
    fitted = Scaler().fit([[1.0, 2.0], [3.0, 5.0]])
    with pytest.raises(error, match="X"):
        Scaler().fit_transform(bad)
    for method in (fitted.transform, fitted.inverse_transform):
        if np.size(bad) == 0:
            assert method(bad).shape == (0, 2)  # once fitted, nothing to scale is not an error
            continue
        with pytest.raises(error, match="X"):
            method(bad)


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
def test_transform_checks_that_it_was_fitted_on_the_same_features(Scaler):
    with pytest.raises(ValueError, match="not fitted"):
        Scaler().transform([[1.0]])
    with pytest.raises(ValueError, match="3 features, but .* is expecting 2 features as input"):
        Scaler().fit([[1.0, 2.0], [2.0, 1.0]]).transform([[1.0, 2.0, 3.0]])
    assert repr(Scaler()) == f"{Scaler.__name__}()"


def test_scalers_take_a_dataframe_and_overflow_is_explained_not_warned():
    table = IRIS.drop(columns="species")
    np.testing.assert_allclose(StandardScaler().fit_transform(table), sk.StandardScaler().fit_transform(table))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="X must be small enough"):
            StandardScaler().fit([[1.5e308], [-1.5e308]])
        with pytest.raises(ValueError, match="X must be small enough"):
            MinMaxScaler().fit([[1.5e308], [-1.5e308]])


# ---------------------------------------------------------------------------- train_test_split

@pytest.mark.parametrize("test_size", [0.25, 0.3, 0.5, 7, 149])
@pytest.mark.parametrize("random_state", [0, 1, 42])
@pytest.mark.parametrize("stratified", [False, True])
def test_the_split_is_scikit_learns_for_the_same_seed(test_size, random_state, stratified):
    if stratified and test_size == 149:
        pytest.skip("149 test samples leave 1 for training: too few for 3 classes (both refuse)")
    stratify = Y_IRIS if stratified else None
    mine = train_test_split(X_IRIS, Y_IRIS, test_size=test_size, random_state=random_state, stratify=stratify)
    theirs = model_selection.train_test_split(X_IRIS, Y_IRIS, test_size=test_size, random_state=random_state,
                                              stratify=stratify)
    assert len(mine) == 4
    for a, b in zip(mine, theirs):
        np.testing.assert_array_equal(a, b)


def test_proportions_order_and_reproducibility():
    X_train, X_test, y_train, y_test = train_test_split(X_IRIS, Y_IRIS, test_size=0.2, random_state=7, stratify=Y_IRIS)
    assert len(X_test) == 30 and len(X_train) == 120
    assert pd.Series(y_test).value_counts().to_dict() == {"setosa": 10, "versicolor": 10, "virginica": 10}
    assert sorted(map(tuple, np.vstack([X_train, X_test]))) == sorted(map(tuple, X_IRIS))  # a partition
    again = train_test_split(X_IRIS, Y_IRIS, test_size=0.2, random_state=7, stratify=Y_IRIS)
    np.testing.assert_array_equal(again[1], X_test)
    other = train_test_split(X_IRIS, Y_IRIS, test_size=0.2, random_state=8, stratify=Y_IRIS)
    assert not np.array_equal(other[1], X_test)
    assert len(train_test_split(np.arange(10), test_size=0.25, random_state=0)[1]) == 3  # rounded up, as scikit-learn


def test_pandas_lists_and_generators_keep_their_kind():
    X_train, X_test, y_train, y_test = train_test_split(IRIS.drop(columns="species"), IRIS["species"],
                                                        random_state=3, stratify=IRIS["species"])
    reference = model_selection.train_test_split(IRIS.drop(columns="species"), IRIS["species"],
                                                 random_state=3, stratify=IRIS["species"])
    assert isinstance(X_train, pd.DataFrame) and isinstance(y_test, pd.Series)
    assert all(a.equals(b) for a, b in zip([X_train, X_test, y_train, y_test], reference))
    lists = train_test_split(list("abcdefgh"), random_state=0, test_size=2)
    assert isinstance(lists[0], list) and len(lists[1]) == 2
    assert lists == model_selection.train_test_split(list("abcdefgh"), random_state=0, test_size=2)
    seeded = train_test_split(np.arange(8), random_state=np.random.default_rng(0))
    assert sorted(np.concatenate(seeded)) == list(range(8))


@pytest.mark.parametrize("kwargs, error, words", [
    ({"random_state": None}, ValueError, "random_state must be a seed"),
    ({"random_state": 0, "test_size": 1.0}, ValueError, "test_size"),
    ({"random_state": 0, "test_size": 0}, ValueError, "test_size"),
    ({"random_state": 0, "test_size": 150}, ValueError, "test_size"),
    ({"random_state": 0, "test_size": math.nan}, ValueError, "test_size"),
    ({"random_state": 0, "test_size": "0.2"}, TypeError, "test_size"),
    ({"random_state": 0, "stratify": Y_IRIS[:10]}, ValueError, "stratify must hold one class label per sample"),
    ({"random_state": 0, "stratify": np.append(Y_IRIS[:-1], "rare")}, ValueError, "at least 2"),
    ({"random_state": 0, "stratify": Y_IRIS, "test_size": 2}, ValueError, "each of the 3 classes"),
])
def test_bad_split_settings_get_clear_errors(kwargs, error, words):
    with pytest.raises(error, match=words):
        train_test_split(X_IRIS, Y_IRIS, **kwargs)


def test_arrays_of_different_lengths_or_none_at_all_are_refused():
    with pytest.raises(ValueError, match="same number of samples"):
        train_test_split(X_IRIS, Y_IRIS[:-1], random_state=0)
    with pytest.raises(TypeError, match="at least one array"):
        train_test_split(random_state=0)
    with pytest.raises(TypeError, match="arrays\\[0\\]"):
        train_test_split(5, random_state=0)


# ---------------------------------------------------------------------------- the sweep's bad values, for inherited methods

def _sweep_table(base):
    from test_bad_input_sweep import SCALAR_BAD, _array_variants  # the same table as the bad-input sweep
    return {**SCALAR_BAD, **_array_variants(base)}


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
@pytest.mark.parametrize("method", ["transform", "inverse_transform", "fit_transform"])
def test_inherited_methods_get_the_bad_input_sweep(Scaler, method):
    """The sweep only sees methods a class defines itself; these live in the private base class."""
    base = [[5.1, 1.4], [7.0, 4.7], [4.9, 1.5]]
    problems = []
    for label, bad in _sweep_table(base).items():
        scaler = Scaler().fit(base)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                result = getattr(scaler, method)(bad)
        except (TypeError, ValueError) as error:
            if "X" not in str(error):
                problems.append(f"{label}: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - a warning turned error
            problems.append(f"{label}: {type(error).__name__}: {error}")
            continue
        if not np.all(np.isfinite(result)):
            problems.append(f"{label}: not finite")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
def test_a_column_constant_up_to_rounding_counts_as_constant(Scaler):
    X = np.array([[0.1 + 0.2, 1.0], [0.3, 2.0], [0.3, 4.0]])  # 0.30000000000000004 and 0.3: the last bit differs
    Z = Scaler().fit_transform(X)
    np.testing.assert_allclose(Z[:, 0], 0.0, atol=1e-15)  # not 0, -1.22, -1.22 as z-scores of rounding noise
    reference = (sk.StandardScaler if Scaler is StandardScaler else sk.MinMaxScaler)().fit_transform(X)
    np.testing.assert_allclose(Z, reference, atol=1e-12)
    tiny = np.array([[1e-20], [2e-20], [4e-20]])  # small numbers that really differ are not rounding
    assert np.ptp(Scaler().fit_transform(tiny)) >= 1.0


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
def test_the_scalers_take_and_ignore_y_as_a_pipeline_passes_it(Scaler):
    X = X_IRIS[:10]
    np.testing.assert_array_equal(Scaler().fit(X, Y_IRIS[:10]).transform(X), Scaler().fit_transform(X, Y_IRIS[:10]))


def test_an_overflow_in_transform_shows_the_value_that_overflowed():
    scaler = StandardScaler().fit([[0.0], [1e-150]])
    with pytest.raises(ValueError, match=r"it overflowed \(at X\[1, 0\] = 1e\+200\)"):
        scaler.transform([[0.0], [1e200]])
    assert np.isfinite(StandardScaler().fit_transform([[0.0], [1e-300]])).all()  # σ² underflows: no division by 0
