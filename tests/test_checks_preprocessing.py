"""Lesson 05's checks accept correct answers written in several styles and give each realistic
mistake its own hint."""

import warnings

import numpy as np
import pandas as pd
import pytest

from course_lib.checks import check_split_train_test, check_standardise, check_standardise_with_train
from check_helpers import hint_of, message, passes


# ---------------------------------------------------------------- 5.1

def _standardise_loop(X):
    out = np.empty_like(X)
    for j in range(X.shape[1]):
        column = X[:, j]
        out[:, j] = (column - column.mean()) / column.std()
    return out


def _standardise_formula(X):
    n = len(X)
    mu = X.sum(axis=0) / n
    sigma = np.sqrt(((X - mu) ** 2).sum(axis=0) / n)
    return (X - mu) / sigma


@pytest.mark.parametrize("answer", [
    lambda X: (X - X.mean(axis=0)) / X.std(axis=0),
    lambda X: (X - np.mean(X, axis=0, keepdims=True)) / np.std(X, axis=0, ddof=0, keepdims=True),
    _standardise_loop,
    _standardise_formula,
    lambda X: ((pd.DataFrame(X) - pd.DataFrame(X).mean()) / pd.DataFrame(X).std(ddof=0)).to_numpy(),
], ids=["broadcast", "keepdims", "column-loop", "by-formula", "pandas-ddof0"])
def test_standardise_correct_variants_pass(answer, capsys):
    passes(check_standardise, answer, capsys, "5.1")


@pytest.mark.parametrize("answer, hint", [
    (lambda X: (X - X.mean(axis=0)) / X.std(axis=0, ddof=1), "that is the sample σ"),
    (lambda X: ((pd.DataFrame(X) - pd.DataFrame(X).mean()) / pd.DataFrame(X).std()).to_numpy(),
     "that is the sample σ"),
    (lambda X: (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True), "(axis=1)"),
    (lambda X: (X - X.mean()) / X.std(), "one mean and one σ of the whole matrix"),
    (lambda X: X / X.std(axis=0), "Subtract μ first"),
    (lambda X: X - X.mean(axis=0), "Divide by σ as well"),
    (lambda X: (X - X.mean(axis=0)) / X.var(axis=0), "not by the variance"),
    (lambda X: X - X.mean(axis=0) / X.std(axis=0), "Mind the brackets"),
    (lambda X: (X - np.median(X, axis=0)) / X.std(axis=0), "For every column: its mean μ"),
], ids=["ddof1", "pandas-std", "axis1", "no-axis", "no-centring", "no-scaling", "variance", "brackets",
        "unknown-slip"])
def test_standardise_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_standardise, answer)


def test_standardise_row_wise_on_a_single_column_still_gets_the_axis_hint():
    # each row of the one-column case has σ = 0: the mistake's nan must match without a warning escaping
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hint = hint_of(check_standardise,
                        lambda X: np.nan_to_num((X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True))
                        if X.shape[1] > 1 else (X - X.mean(axis=1, keepdims=True)) * np.nan)
    assert "(axis=1)" in hint


def test_standardise_in_place_is_caught():
    def in_place(X):
        X -= X.mean(axis=0)
        X /= X.std(axis=0)
        return X
    assert "instead of modifying the input" in message(check_standardise, in_place)


# ---------------------------------------------------------------- 5.2

def _split_indices(X, y, n_test, random_state):
    rng = np.random.default_rng(random_state)
    order = rng.permutation(len(X))
    return X[order[n_test:]], X[order[:n_test]], y[order[n_test:]], y[order[:n_test]]


def _split_permute_rows(X, y, n_test, random_state):
    rng = np.random.default_rng(random_state)
    both = rng.permutation(np.column_stack([X, y]))  # shuffle the rows of X and y glued together
    X_shuffled, y_shuffled = both[:, :-1], both[:, -1]
    return X_shuffled[n_test:], X_shuffled[:n_test], y_shuffled[n_test:], y_shuffled[:n_test]


def _split_masks(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(y))
    is_test = np.zeros(len(y), dtype=bool)
    is_test[order[:n_test]] = True
    test_rows, train_rows = order[:n_test], order[n_test:]
    return X[train_rows], X[test_rows], y[train_rows], y[test_rows]


def _split_list(X, y, n_test, random_state):
    order = list(np.random.default_rng(random_state).permutation(len(X)))
    test, train = order[:n_test], order[n_test:]
    return np.array([X[i] for i in train]), np.array([X[i] for i in test]), y[train], y[test]


@pytest.mark.parametrize("answer", [_split_indices, _split_permute_rows, _split_masks, _split_list],
                         ids=["indices", "glued-rows", "masks", "lists"])
def test_split_train_test_correct_variants_pass(answer, capsys):
    passes(check_split_train_test, answer, capsys, "5.2")


def _shuffled_separately(X, y, n_test, random_state):
    rng = np.random.default_rng(random_state)
    X, y = rng.permutation(X), rng.permutation(y)
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]


def _shuffle_in_place(X, y, n_test, random_state):
    rng = np.random.default_rng(random_state)
    rng.shuffle(X)
    rng.shuffle(y)
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]


def _legacy_seed(X, y, n_test, random_state):
    np.random.seed(random_state)
    order = np.random.permutation(len(X))
    return X[order[n_test:]], X[order[:n_test]], y[order[n_test:]], y[order[:n_test]]


@pytest.mark.parametrize("answer, hint", [
    (_shuffled_separately, "two different permutations"),
    (lambda X, y, n, s: (X[n:], X[:n], y[n:], y[:n]), "The rows were not shuffled"),
    (lambda X, y, n, s: _split_indices(X, y, n, s)[1::-1] + _split_indices(X, y, n, s)[:1:-1], "are swapped"),
    (lambda X, y, n, s: tuple(_split_indices(X, y, n, s)[i] for i in (0, 2, 1, 3)), "X_train, X_test, y_train, y_test"),
    (_legacy_seed, "old global generator"),
    (lambda X, y, n, s: _split_indices(X[::-1], y[::-1], len(X) - n, s)[::-1] if False
     else _test_last(X, y, n, s), "from the start of the order"),
    (lambda X, y, n, s: _split_indices(X, y, n, s + 1), "draw one random order"),
], ids=["separately", "unshuffled", "swapped", "grouped", "legacy", "test-last", "unknown-slip"])
def test_split_train_test_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_split_train_test, answer)


def _test_last(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    cut = len(X) - n_test
    return X[order[:cut]], X[order[cut:]], y[order[:cut]], y[order[cut:]]


def test_split_train_test_shuffling_the_inputs_in_place_is_caught():
    assert "instead of modifying the input" in message(check_split_train_test, _shuffle_in_place)


# ---------------------------------------------------------------- 5.3

def _with_train(X_train, X_test):
    mu, sigma = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_test - mu) / np.where(sigma == 0, 1.0, sigma)


def _with_train_loop(X_train, X_test):
    out = np.empty_like(X_test)
    for j in range(X_train.shape[1]):
        sigma = X_train[:, j].std()
        out[:, j] = (X_test[:, j] - X_train[:, j].mean()) / (sigma if sigma > 0 else 1.0)
    return out


def _with_train_sigma_copy(X_train, X_test):
    sigma = X_train.std(axis=0)
    sigma[sigma == 0] = 1
    return (X_test - X_train.mean(axis=0)) / sigma


def _with_train_library(X_train, X_test):
    from course_lib.preprocessing import StandardScaler
    return StandardScaler().fit(X_train).transform(X_test)


@pytest.mark.parametrize("answer", [_with_train, _with_train_loop, _with_train_sigma_copy, _with_train_library],
                         ids=["where", "column-loop", "mask-assign", "library"])
def test_standardise_with_train_correct_variants_pass(answer, capsys):
    passes(check_standardise_with_train, answer, capsys, "5.3")


def _quiet(function):
    def quiet(X_train, X_test):
        with np.errstate(all="ignore"):
            return function(X_train, X_test)
    return quiet


@pytest.mark.parametrize("answer, hint", [
    (lambda X_train, X_test: (X_test - X_test.mean(axis=0)) / X_test.std(axis=0), "the test set's own μ and σ"),
    (_quiet(lambda X_train, X_test: (X_test - X_test.mean(axis=0)) / X_test.std(axis=0)), "the test set's own μ"),
    (lambda X_train, X_test: _with_train(np.vstack([X_train, X_test]), X_test), "training and test sets together"),
    (lambda X_train, X_test: _with_train(X_train, X_train), "Return the scaled test set"),
    (lambda X_train, X_test: (X_test - X_train.mean(axis=0))
     / np.where(X_train.std(axis=0, ddof=1) == 0, 1, X_train.std(axis=0, ddof=1)), "the sample σ"),
    (lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_test.std(axis=0), "σ from X_test"),
    (lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_train.std(axis=0), "A constant feature has σ = 0"),
    (lambda X_train, X_test: _with_train(X_train, X_test) * 1.01, "μ and σ of each column of X_train"),
], ids=["own-stats", "own-stats-quiet", "pooled", "returns-train", "ddof1", "mixed", "divide-by-zero",
        "unknown-slip"])
def test_standardise_with_train_mistakes_get_their_hint(answer, hint):
    assert hint in hint_of(check_standardise_with_train, answer)


def test_the_divide_by_zero_warning_is_reported_not_shown():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = message(check_standardise_with_train,
                       lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_train.std(axis=0))
    assert text.startswith("standardise_with_train(") and "warned RuntimeWarning" in text
