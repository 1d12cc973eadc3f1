"""Lesson 05's checks accept correct answers written in several styles and name each realistic slip, in ten lines."""

import warnings

import numpy as np
import pandas as pd

from course_lib.checks import check_split_train_test, check_standardise, check_standardise_with_train
from check_helpers import hint_of, message
from feedback_catalogue import Exercise, Wrong, catalogue_tests


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


def _standardise_rows(X):
    return (X - X.mean(axis=1)) / X.std(axis=1)


def _standardise_in_place(X):
    X -= X.mean(axis=0)
    X /= X.std(axis=0)
    return X


def _standardise_columns_listed(X):
    return [(c - c.mean()) / c.std() for c in X.T]


def _pandas(X):
    frame = pd.DataFrame(X)
    return ((frame - frame.mean()) / frame.std()).to_numpy()


STANDARDISE = Exercise(
    check_standardise,
    right=[
        ("broadcast", lambda X: (X - X.mean(axis=0)) / X.std(axis=0)),
        ("keepdims", lambda X: (X - np.mean(X, axis=0, keepdims=True)) / np.std(X, axis=0, ddof=0, keepdims=True)),
        ("column-loop", _standardise_loop),
        ("by-formula", _standardise_formula),
        ("pandas-ddof0", lambda X: ((pd.DataFrame(X) - pd.DataFrame(X).mean()) / pd.DataFrame(X).std(ddof=0)).values),
        ("columns-stacked", lambda X: np.column_stack([(c - c.mean()) / c.std() for c in X.T])),
        ("float32", lambda X: _standardise_formula(X.astype(np.float32))),
    ],
    wrong=[
        Wrong("ddof1", lambda X: (X - X.mean(axis=0)) / X.std(axis=0, ddof=1), "that is the sample σ"),
        Wrong("pandas-std", _pandas, "that is the sample σ"),
        Wrong("axis1", lambda X: (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True), "(axis=1)"),
        Wrong("axis1-without-keepdims", _standardise_rows, "In this exercise: X (n_samples, n_features)"),
        Wrong("no-axis", lambda X: (X - X.mean()) / X.std(), "one mean and one σ of the whole matrix"),
        Wrong("no-centring", lambda X: X / X.std(axis=0), "Subtract μ first"),
        Wrong("no-scaling", lambda X: X - X.mean(axis=0), "Divide by σ as well"),
        Wrong("variance", lambda X: (X - X.mean(axis=0)) / X.var(axis=0), "not by the variance"),
        Wrong("brackets", lambda X: X - X.mean(axis=0) / X.std(axis=0), "Mind the brackets"),
        Wrong("min-max", lambda X: (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0)), "min-max scaling"),
        Wrong("transposed", lambda X: np.array([(c - c.mean()) / c.std() for c in X.T]), "Your result is transposed"),
        Wrong("list-of-columns", _standardise_columns_listed, "not a list of columns"),
        Wrong("in-place", _standardise_in_place, "instead of modifying the input"),
        Wrong("median", lambda X: (X - np.median(X, axis=0)) / X.std(axis=0), "Take the one-column case",
              aimed=False),
    ],
)


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


def _split_list(X, y, n_test, random_state):
    order = list(np.random.default_rng(random_state).permutation(len(X)))
    test, train = order[:n_test], order[n_test:]
    return np.array([X[i] for i in train]), np.array([X[i] for i in test]), y[train], y[test]


def _split_shuffled_arange(X, y, n_test, random_state):
    order = np.arange(len(X))
    np.random.default_rng(random_state).shuffle(order)
    X_shuffled, y_shuffled = X[order], y[order]
    return X_shuffled[n_test:], X_shuffled[:n_test], y_shuffled[n_test:], y_shuffled[:n_test]


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


def _test_last(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    cut = len(X) - n_test
    return X[order[:cut]], X[order[cut:]], y[order[:cut]], y[order[cut:]]


def _only_X_shuffled(X, y, n_test, random_state):
    X = np.random.default_rng(random_state).permutation(X)
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]


def _choice(X, y, n_test, random_state):
    rng = np.random.default_rng(random_state)
    test = rng.choice(len(X), size=n_test, replace=False)
    train = np.array([i for i in range(len(X)) if i not in test])
    return X[train], X[test], y[train], y[test]


def _returns_indices(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    return order[n_test:], order[:n_test], order[n_test:], order[:n_test]


def _test_unshuffled(X, y, n_test, random_state):  # only the training rows come from the order
    order = np.random.default_rng(random_state).permutation(len(X))
    return X[order[n_test:]], X[:n_test], y[order[n_test:]], y[:n_test]


def _boolean_mask(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    is_test = np.zeros(len(X), dtype=bool)
    is_test[order[:n_test]] = True
    return X[~is_test], X[is_test], y[~is_test], y[is_test]


def _unseeded(X, y, n_test, random_state):
    order = np.random.default_rng().permutation(len(X))
    return X[order[n_test:]], X[order[:n_test]], y[order[n_test:]], y[order[:n_test]]


SPLIT_TRAIN_TEST = Exercise(
    check_split_train_test,
    right=[
        ("indices", _split_indices),
        ("glued-rows", _split_permute_rows),
        ("lists", _split_list),
        ("shuffled-arange", _split_shuffled_arange),
    ],
    wrong=[
        Wrong("separately", _shuffled_separately, "two different permutations"),
        Wrong("shuffled-in-place", _shuffle_in_place, "instead of modifying the input"),
        Wrong("unshuffled", lambda X, y, n, s: (X[n:], X[:n], y[n:], y[:n]), "The rows were not shuffled"),
        Wrong("swapped", lambda X, y, n, s: _split_indices(X, y, n, s)[1::-1] + _split_indices(X, y, n, s)[:1:-1],
              "are swapped"),
        Wrong("grouped", lambda X, y, n, s: tuple(_split_indices(X, y, n, s)[i] for i in (0, 2, 1, 3)),
              "X_train, X_test, y_train, y_test"),
        Wrong("legacy", _legacy_seed, "old global generator"),
        Wrong("test-last", _test_last, "from the start of the order"),
        Wrong("only-X", _only_X_shuffled, "Only X was shuffled"),
        Wrong("choice", _choice, "rng.choice draws other numbers"),
        Wrong("indices-returned", _returns_indices, "Those are row numbers"),
        Wrong("boolean-mask", _boolean_mask, "in the file's order"),
        Wrong("other-seed", lambda X, y, n, s: _split_indices(X, y, n, s + 1), "not the one this seed gives"),
        Wrong("unseeded", _unseeded, "not the one this seed gives"),
        Wrong("test-unshuffled", _test_unshuffled, "The rows were not shuffled"),
        Wrong("n-test-plus-one", lambda X, y, n, s: _split_indices(X, y, n + 1, s), "which of those rows", aimed=False),
    ],
)


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


def _quiet(function):
    def quiet(X_train, X_test):
        with np.errstate(all="ignore"):
            return function(X_train, X_test)
    return quiet


def _zero_kept(X_train, X_test):
    sigma = X_train.std(axis=0)
    return (X_test - X_train.mean(axis=0)) / np.where(sigma == 0, 0, sigma)


def _rows(X_train, X_test):
    return (X_test - X_train.mean(axis=1)) / X_train.std(axis=1)


STANDARDISE_WITH_TRAIN = Exercise(
    check_standardise_with_train,
    right=[
        ("where", _with_train),
        ("column-loop", _with_train_loop),
        ("mask-assign", _with_train_sigma_copy),
        ("library", _with_train_library),
        ("float32", lambda X_train, X_test: _with_train(X_train.astype(np.float32), X_test.astype(np.float32))),
    ],
    wrong=[
        Wrong("own-stats", lambda X_train, X_test: (X_test - X_test.mean(axis=0)) / X_test.std(axis=0),
              "the test set's own μ and σ"),
        Wrong("own-stats-quiet", _quiet(lambda X_train, X_test: (X_test - X_test.mean(axis=0)) / X_test.std(axis=0)),
              "the test set's own μ"),
        Wrong("pooled", lambda X_train, X_test: _with_train(np.vstack([X_train, X_test]), X_test),
              "training and test sets together"),
        Wrong("returns-train", lambda X_train, X_test: _with_train(X_train, X_train), "Return the scaled test set"),
        Wrong("ddof1", lambda X_train, X_test: (X_test - X_train.mean(axis=0))
              / np.where(X_train.std(axis=0, ddof=1) == 0, 1, X_train.std(axis=0, ddof=1)), "the sample σ"),
        Wrong("mixed", lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_test.std(axis=0), "σ from X_test"),
        Wrong("mixed-other-way", lambda X_train, X_test: (X_test - X_test.mean(axis=0))
              / np.where(X_train.std(axis=0) == 0, 1, X_train.std(axis=0)), "μ from X_test"),
        Wrong("divide-by-zero", lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_train.std(axis=0),
              "has σ = 0"),
        Wrong("zero-kept", _zero_kept, "has σ = 0"),
        Wrong("epsilon", lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / (X_train.std(axis=0) + 1e-8),
              "Adding a small ε"),
        Wrong("not-centred", lambda X_train, X_test: X_test / np.where(X_train.std(axis=0) == 0, 1, X_train.std(axis=0)),
              "Subtract the training set's μ first"),
        Wrong("both-sets", lambda X_train, X_test: (_with_train(X_train, X_train), _with_train(X_train, X_test)),
              "not both sets"),
        Wrong("no-axis", lambda X_train, X_test: (X_test - X_train.mean()) / X_train.std(), "without axis=0"),
        Wrong("rows", _rows, "In this exercise: X_train (n_train, n_features)"),
        Wrong("scaled-by-1-01", lambda X_train, X_test: _with_train(X_train, X_test) * 1.01,
              "Take the first case by hand", aimed=False),
    ],
)


CATALOGUE = {"5.1": STANDARDISE, "5.2": SPLIT_TRAIN_TEST, "5.3": STANDARDISE_WITH_TRAIN}


(test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines,
 test_the_catalogue_is_large_and_mostly_aimed) = catalogue_tests(CATALOGUE)


def test_standardise_row_wise_on_a_single_column_still_gets_the_axis_hint():
    # each row of the one-column case has σ = 0: the mistake's nan must match without a warning escaping
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hint = hint_of(check_standardise,
                        lambda X: np.nan_to_num((X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True))
                        if X.shape[1] > 1 else (X - X.mean(axis=1, keepdims=True)) * np.nan)
    assert "(axis=1)" in hint


def test_the_divide_by_zero_warning_is_reported_not_shown():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = message(check_standardise_with_train,
                       lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_train.std(axis=0))
    assert text.startswith("standardise_with_train(") and "warned RuntimeWarning" in text
