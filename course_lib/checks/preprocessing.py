"""Checks for lesson 05 · Standardisation.

Every expected value comes from :mod:`course_lib.preprocessing` (``StandardScaler``)
or from the split rule stated in the exercise; the known mistakes are the slips a
careful student still makes: the sample σ (``ddof=1``) instead of the population σ,
σ over the wrong axis, the test set's own μ and σ, both sets pooled, dividing by a
σ of zero, X and y shuffled separately.
"""

from __future__ import annotations

import numpy as np

from course_lib.preprocessing import StandardScaler

from ._core import FLOAT32_IS_FINE, Case, CrashHint, Exercise, Mistake, Symptom, run_check


# Single-precision answers (float32) are right here too: their last digits differ by about 1e-7.


def _array(values) -> np.ndarray:
    return np.array(values, dtype=float)


def _quiet(function):
    """``function`` with numpy's floating-point warnings silenced: a mistake may divide by zero (nan is compared)."""
    def quiet(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)
    return quiet


# Flowers of the lesson (sepal, petal length in cm), a matrix with three features on very different
# scales, and one column: answers that are not round numbers.
_FLOWERS = _array([[5.1, 1.4], [4.9, 1.4], [7.0, 4.7], [6.4, 4.5], [5.0, 1.6], [5.7, 3.5]])
_MIXED = _array([[0.37, 120.0, -3.2], [2.13, 95.5, -1.1], [-0.94, 180.25, 0.4], [1.06, 101.0, -2.7]])
_COLUMN = _array([[12.0], [15.5], [9.25], [20.0], [11.0]])

_DIVIDE_HINT = ("A column that is constant in X_train has σ = 0, and dividing by it gives nan or inf. Where σ is 0, "
                "divide by 1 instead, as the exercise asks: where does your function divide by that σ?")


# ---------------------------------------------------------------- Exercise 5.1


def _standardise(X):
    return StandardScaler().fit_transform(X)


def check_standardise(standardise) -> None:
    """Exercise 5.1: ``standardise(X)`` returns every column of X with mean 0 and population σ 1."""
    run_check(
        Exercise("5.1", "standardise", "standardise gives every column mean 0 and standard deviation 1",
                 shapes="X (n_samples, n_features): one μ and one σ per column, each of shape (n_features,)."),
        standardise,
        cases=[Case(_FLOWERS), Case(_MIXED), Case(_COLUMN)],
        reference=_standardise,
        mistakes=[
            Mistake("Close, but that is the sample σ, which divides by n − 1 (pandas' .std() does that by default). "
                    "Standardising uses the population σ, which divides by n: numpy's np.std with its default ddof=0.",
                    lambda X: (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)),
            Mistake("Each feature needs its own μ and σ, computed down its column (over the samples): axis=0. "
                    "Yours mixes the features of each sample (axis=1).",
                    _quiet(lambda X: (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True))),
            Mistake("Each feature needs its own μ and σ, one per column: without axis=0 numpy takes one mean and "
                    "one σ of the whole matrix, so the features keep their different scales.",
                    lambda X: (X - X.mean()) / X.std()),
            Mistake("Subtract μ first: the columns have σ 1 but not mean 0.", lambda X: X / X.std(axis=0)),
            Mistake("Divide by σ as well: the columns have mean 0 but keep their own spread.",
                    lambda X: X - X.mean(axis=0)),
            Mistake("Divide by the standard deviation σ, not by the variance σ².",
                    lambda X: (X - X.mean(axis=0)) / X.var(axis=0)),
            Mistake("Mind the brackets: (x − μ) / σ. Without them only μ is divided by σ.",
                    lambda X: X - X.mean(axis=0) / X.std(axis=0)),
            Mistake("That is min-max scaling, into [0, 1]; standardising gives every column mean 0 and σ 1.",
                    lambda X: (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))),
            Mistake("Your result is transposed, one row per feature: the columns must stay columns (n_samples, "
                    "n_features), as in X.", lambda X: _standardise(X).T),
            Mistake("Return one numpy array shaped like X, not a list of columns.",
                    lambda X: list(_standardise(X).T)),
        ],
        **FLOAT32_IS_FINE,
        general_hint="Take the one-column case by hand: [12, 15.5, 9.25, 20, 11] has μ = 13.55 and σ ≈ 3.816. "
                     "What should 12 become, and which of μ and σ gives your value?",
    )


# ---------------------------------------------------------------- Exercise 5.2


def _split(X, y, n_test, random_state):
    """The rule of the exercise: one seeded permutation; its first n_test rows are the test set."""
    order = np.random.default_rng(random_state).permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


def _separately(X, y, n_test, random_state):
    rng = np.random.default_rng(random_state)
    X, y = X[rng.permutation(len(X))], y[rng.permutation(len(y))]
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]


def _unshuffled(X, y, n_test, random_state):
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]


def _swapped(X, y, n_test, random_state):
    X_train, X_test, y_train, y_test = _split(X, y, n_test, random_state)
    return X_test, X_train, y_test, y_train


def _grouped(X, y, n_test, random_state):
    X_train, X_test, y_train, y_test = _split(X, y, n_test, random_state)
    return X_train, y_train, X_test, y_test


def _legacy(X, y, n_test, random_state):
    order = np.random.RandomState(random_state).permutation(len(X))
    return X[order[n_test:]], X[order[:n_test]], y[order[n_test:]], y[order[:n_test]]


def _test_last(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    test, train = order[len(X) - n_test:], order[:len(X) - n_test]
    return X[train], X[test], y[train], y[test]


def _only_x(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    return X[order[n_test:]], X[order[:n_test]], y[n_test:], y[:n_test]


def _chosen(X, y, n_test, random_state):
    test = np.random.default_rng(random_state).choice(len(X), size=n_test, replace=False)
    train = np.setdiff1d(np.arange(len(X)), test)
    return X[train], X[test], y[train], y[test]


def _in_file_order(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])
    return X[train], X[test], y[train], y[test]


def _indices_returned(X, y, n_test, random_state):
    order = np.random.default_rng(random_state).permutation(len(X))
    return order[n_test:], order[:n_test], order[n_test:], order[:n_test]


def _another_valid_split(received, X, y, n_test, random_state) -> bool:
    """Whether ``received`` is a split of X and y (every row once, with its own label), with n_test test rows."""
    X_train, X_test, y_train, y_test = (np.asarray(part, dtype=float) for part in received)
    if len(X_test) != n_test or len(y_test) != n_test or len(X_train) + n_test != len(X):
        return False
    pairs = sorted(map(tuple, np.column_stack([np.vstack([X_train, X_test]), np.concatenate([y_train, y_test])])))
    return pairs == sorted(map(tuple, np.column_stack([X, y])))


# Eight flowers in the file's order (four setosa, then four versicolor), and a second set.
_EIGHT = _array([[5.1, 1.4], [4.9, 1.4], [4.7, 1.3], [5.0, 1.6], [7.0, 4.7], [6.4, 4.5], [6.9, 4.9], [5.5, 4.0]])
_EIGHT_Y = _array([-1, -1, -1, -1, 1, 1, 1, 1])
_SIX = _array([[0.37, -1.21], [2.13, 0.58], [-0.94, 1.77], [1.06, -0.33], [0.52, 0.91], [-1.48, 2.05]])
_SIX_Y = _array([1, -1, -1, 1, 1, -1])


def check_split_train_test(split_train_test) -> None:
    """Exercise 5.2: ``split_train_test(X, y, n_test, random_state)`` splits X and y by one seeded permutation."""
    run_check(
        Exercise("5.2", "split_train_test",
                 "split_train_test shuffles X and y by the same seeded permutation and keeps every row once",
                 returns=("X_train", "X_test", "y_train", "y_test")),
        split_train_test,
        cases=[Case(_EIGHT, _EIGHT_Y, 2, 0), Case(_EIGHT, _EIGHT_Y, 3, 42), Case(_SIX, _SIX_Y, 2, 7)],
        reference=_split,
        mistakes=[
            Mistake("X and y were shuffled by two different permutations, so each flower lost its label. Draw the "
                    "order once and index both X and y with that same order.", _separately),
            Mistake("The rows were not shuffled: the test set is just the first rows of the file (here all of "
                    "one species). Draw a random order of the row indices first.", _unshuffled),
            Mistake("Training and test set are swapped: the first n_test indices of the order are the test set.",
                    _swapped),
            Mistake("Return the four parts in the order train_test_split uses: X_train, X_test, y_train, y_test.",
                    _grouped),
            Mistake("That is the old global generator (np.random.seed / RandomState). Use the Generator of "
                    "np.random.default_rng(random_state), as the exercise says, so the check can reproduce your "
                    "order.", _legacy),
            Mistake("Take the test set from the start of the order (its first n_test indices), the rest is the "
                    "training set.", _test_last),
            Mistake("Only X was shuffled: y kept the file's order, so each flower lost its label. Index y with "
                    "the same order as X.", _only_x),
            Mistake("The exercise draws one permutation of all the row numbers and cuts it in two; rng.choice "
                    "draws other numbers from the same seed, so the check cannot reproduce your split.", _chosen),
            Mistake("Those are row numbers: index X and y with them (X[rows]) to return the rows themselves.",
                    _indices_returned),
            Mistake("Your rows are the right ones, but in the file's order: a True/False mask (or sorting) keeps "
                    "that order. Take them in the order of the permutation.", _in_file_order),
            Symptom("Yours is a fair split, every row once with its own label, but not the one this seed gives: "
                    "is your generator made from random_state, and is one permutation all you draw from it?",
                    _another_valid_split),
        ],
        crash_hints=[CrashHint(IndexError, "Index the rows with an array of row numbers drawn once: X[rows] and "
                                           "y[rows] with the same rows, each row number below len(X).")],
        general_hint="np.random.default_rng(0).permutation(8) is the order of the first case: which of those rows "
                     "are in your test set, and how many?",
    )


# ---------------------------------------------------------------- Exercise 5.3


def _standardise_test(X_train, X_test):
    return StandardScaler().fit(X_train).transform(X_test)


def _own(X_train, X_test):
    return (X_test - X_test.mean(axis=0)) / X_test.std(axis=0)


def _pooled(X_train, X_test):
    both = np.vstack([X_train, X_test])
    return (X_test - both.mean(axis=0)) / np.where(both.std(axis=0) == 0, 1.0, both.std(axis=0))


def _train_returned(X_train, X_test):
    return StandardScaler().fit_transform(X_train)


def _sample_sigma(X_train, X_test):
    sigma = X_train.std(axis=0, ddof=1)
    return (X_test - X_train.mean(axis=0)) / np.where(sigma == 0, 1.0, sigma)


def _mixed(X_train, X_test):
    return (X_test - X_train.mean(axis=0)) / X_test.std(axis=0)


def _mixed_other_way(X_train, X_test):
    sigma = X_train.std(axis=0)
    return (X_test - X_test.mean(axis=0)) / np.where(sigma == 0, 1.0, sigma)


def _with_epsilon(epsilon):
    """(X_test − μ) / (σ + ε), for one of the small ε a student would pick."""
    def scaled(X_train, X_test):
        return (X_test - X_train.mean(axis=0)) / (X_train.std(axis=0) + epsilon)
    return scaled


_TRAIN = _array([[5.1, 1.4], [7.0, 4.7], [4.9, 1.5], [6.4, 4.5], [5.4, 1.7], [5.9, 4.2]])
_TEST = _array([[5.0, 1.6], [6.1, 4.0], [5.7, 3.5]])
_TRAIN_CONSTANT = _array([[0.37, 2.5, 120.0], [2.13, 2.5, 95.5], [-0.94, 2.5, 180.25], [1.06, 2.5, 101.0]])
_TEST_CONSTANT = _array([[0.5, 2.5, 110.0], [1.5, 3.0, 150.0]])


def check_standardise_with_train(standardise_with_train) -> None:
    """Exercise 5.3: ``standardise_with_train(X_train, X_test)`` scales X_test with the μ and σ of X_train."""
    run_check(
        Exercise("5.3", "standardise_with_train",
                 "standardise_with_train scales the test set with the training set's μ and σ, "
                 "and keeps a constant feature finite",
                 shapes="X_train (n_train, n_features) and X_test (n_test, n_features); μ and σ have one entry "
                        "per feature, (n_features,)."),
        standardise_with_train,
        cases=[
            Case(_TRAIN, _TEST),
            Case(_MIXED, _array([[0.8, 130.0, -2.0], [1.7, 99.0, 0.1]])),
            Case(_TRAIN_CONSTANT, _TEST_CONSTANT),  # the second feature is constant in the training set
            Case(_TRAIN, _array([[6.3, 4.9]])),  # one new flower
        ],
        reference=_standardise_test,
        mistakes=[
            Mistake("Those are the test set's own μ and σ. The test set stands in for data not seen yet: scale it "
                    "with the numbers learned from X_train, exactly as the training set was scaled.", _quiet(_own)),
            Mistake("μ and σ came from the training and test sets together: that lets the test set leak into "
                    "what the model learns. Compute them from X_train alone.", _quiet(_pooled)),
            Mistake("Return the scaled test set: compute μ and σ on X_train, then apply them to X_test.",
                    _train_returned),
            Mistake("That is the sample σ (ddof=1, dividing by n − 1); use the population σ of X_train, dividing "
                    "by n (np.std's default).", _quiet(_sample_sigma)),
            Mistake("μ came from X_train but σ from X_test: take both from X_train.", _quiet(_mixed)),
            Mistake("Subtract the training set's μ first: your columns were only divided by σ.",
                    lambda X_train, X_test: X_test / np.where(X_train.std(axis=0) == 0, 1.0, X_train.std(axis=0))),
            Mistake("σ came from X_train but μ from X_test: take both from X_train.", _quiet(_mixed_other_way)),
            Mistake("Return only the scaled test set, one array, not both sets.",
                    lambda X_train, X_test: (_standardise(X_train), _standardise_test(X_train, X_test))),
            *[Mistake("Adding a small ε to σ still divides a constant column by almost 0, so its values explode. "
                      "The exercise asks for σ = 1 exactly where σ is 0.", _with_epsilon(epsilon))
              for epsilon in (1e-8, 1e-7, 1e-6, 1e-5, 1e-9, 1e-10, 1e-12, 1e-15)],
            Mistake("Each feature needs its own μ and σ, one per column of X_train: without axis=0 numpy takes "
                    "one mean and one σ of the whole matrix.",
                    lambda X_train, X_test: (X_test - X_train.mean()) / X_train.std()),
        ],
        crash_hints=[
            CrashHint(RuntimeWarning, _DIVIDE_HINT, "divide"),
        ],
        **FLOAT32_IS_FINE,
        general_hint="Take the first case by hand: what are μ and σ of X_train's first column, and what does the "
                     "test flower (5.0, 1.6) become with them? Which of your numbers differs?",
    )


# The solutions with one of their terms left out: the check must catch each (issue 18, item 6).
DROPPED_TERMS = {
    "check_standardise": {
        "μ": lambda X: X / X.std(axis=0),
        "σ": lambda X: X - X.mean(axis=0),
    },
    "check_split_train_test": {
        "the permutation": _unshuffled,
        "the permutation of y": _only_x,
    },
    "check_standardise_with_train": {
        "μ": lambda X_train, X_test: X_test / np.where(X_train.std(axis=0) == 0, 1.0, X_train.std(axis=0)),
        "σ": lambda X_train, X_test: X_test - X_train.mean(axis=0),
        "the σ = 0 guard": lambda X_train, X_test: (X_test - X_train.mean(axis=0)) / X_train.std(axis=0),
    },
}
