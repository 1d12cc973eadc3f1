"""Checks for lesson 07 · Capstone: handwritten digits.

The references are written here in a line each (one-hot rows, a seeded permutation cut into
batches, a comparison, a count); the known mistakes are the same with one slip.
"""

from __future__ import annotations

import numpy as np

from ._core import Case, CrashHint, Exercise, Mistake, run_check

_LABELS = np.array([3, 0, 9, 3, 7, 1])


def _one_hot(labels, n_classes):
    return np.eye(n_classes)[np.asarray(labels)]


def _batches(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    return [order[start:start + batch_size] for start in range(0, n_samples, batch_size)]


def _accuracy(y_true, y_pred):
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def _confusion(y_true, y_pred, n_classes):
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return matrix


# ---------------------------------------------------------------- Exercise 7.1


def check_one_hot(one_hot) -> None:
    """Exercise 7.1: ``one_hot(labels, n_classes)`` returns an (n, n_classes) array with a single 1 per row."""
    run_check(
        Exercise("7.1", "one_hot", "one_hot gives each label a row of zeros with a 1 in the label's column"),
        one_hot,
        cases=[Case(_LABELS, 10), Case(np.array([1, 0, 1]), 2), Case(np.array([2]), 4)],
        reference=_one_hot,
        mistakes=[
            Mistake("One row per sample and one column per class: your array is transposed.",
                    lambda labels, k: _one_hot(labels, k).T),
            Mistake("The 1 sits one column too far to the left: label 3 belongs in column 3 (columns count from 0).",
                    lambda labels, k: np.eye(k)[np.asarray(labels) - 1]),
            Mistake("The 1 sits one column too far to the right: label 3 belongs in column 3 (columns count from 0).",
                    lambda labels, k: np.eye(k, k + 1, 1)[np.asarray(labels)][:, :k]),
        ],
        crash_hints=[CrashHint(IndexError, "A label as large as the number of columns: are the columns counted from 1? "
                                           "Label c belongs in column c, and there are n_classes columns.")],
        general_hint="An (n, n_classes) array of zeros, then a 1 in row i, column labels[i], for every i; for "
                     "labels [1, 0, 1] and 2 classes: [[0, 1], [1, 0], [0, 1]].",
    )


# ---------------------------------------------------------------- Exercise 7.2


def check_minibatches(minibatches) -> None:
    """Exercise 7.2: ``minibatches(n_samples, batch_size, random_state)`` returns the index arrays of one epoch."""
    run_check(
        Exercise("7.2", "minibatches",
                 "minibatches shuffles with its seed, then cuts the order into batches that use every sample once"),
        minibatches,
        cases=[Case(10, 4, 0), Case(12, 3, 1), Case(7, 7, 2), Case(5, 1, 3)],
        reference=_batches,
        mistakes=[
            Mistake("Shuffle first: with the same batches every epoch, in file order, the network sees the classes "
                    "in the same sequence each time. Use the generator's permutation of all the indices.",
                    lambda n, b, seed: [np.arange(n)[s:s + b] for s in range(0, n, b)]),
            Mistake("Keep the last, smaller batch: every sample must be used once per epoch.",
                    lambda n, b, seed: _batches(n, b, seed)[:n // b] if n % b else _batches(n, b, seed)),
            Mistake("Draw the order once, as a permutation: drawing each index at random picks some samples twice "
                    "and misses others.", lambda n, b, seed: [part for part in np.array_split(
                        np.random.default_rng(seed).integers(0, n, size=n), range(b, n, b))]),
        ],
        general_hint="Draw one permutation of all the indices with the generator the exercise names, then cut it "
                     "into consecutive slices of batch_size (the last may be shorter) and return them in a list. "
                     "For 10 samples in batches of 4: sizes 4, 4 and 2.",
    )


# ---------------------------------------------------------------- Exercise 7.3


def check_accuracy(accuracy) -> None:
    """Exercise 7.3: ``accuracy(y_true, y_pred)`` returns the fraction of predictions equal to the truth."""
    run_check(
        Exercise("7.3", "accuracy", "accuracy is the fraction of the samples predicted right, between 0 and 1"),
        accuracy,
        cases=[Case(_LABELS, np.array([3, 0, 9, 8, 7, 1])), Case(np.array([1, 1, 2]), np.array([1, 2, 2])),
               Case(np.array([5, 5]), np.array([5, 5]))],
        reference=_accuracy,
        mistakes=[
            Mistake("That counts the right predictions; divide by the number of samples for a fraction.",
                    lambda t, p: float(np.sum(np.asarray(t) == np.asarray(p)))),
            Mistake("That is the error rate, the fraction wrong; accuracy is the fraction right.",
                    lambda t, p: 1.0 - _accuracy(t, p)),
        ],
        general_hint="Compare the two arrays entry by entry and average the Trues: for [1, 1, 2] against "
                     "[1, 2, 2], 2 of 3 are right, 0.667.",
    )


# ---------------------------------------------------------------- Exercise 7.4


def check_confusion_matrix(confusion_matrix) -> None:
    """Exercise 7.4: ``confusion_matrix(y_true, y_pred, n_classes)``: entry [i, j] counts true i predicted as j."""
    run_check(
        Exercise("7.4", "confusion_matrix",
                 "confusion_matrix counts, for every true class (row), how often each class was predicted (column)"),
        confusion_matrix,
        cases=[Case(np.array([0, 1, 2, 2, 1]), np.array([0, 2, 2, 1, 1]), 3),
               Case(_LABELS, np.array([3, 0, 4, 3, 1, 7]), 10), Case(np.array([1, 1]), np.array([0, 0]), 2)],
        reference=_confusion,
        mistakes=[
            Mistake("Rows are the true classes and columns the predictions: your matrix is transposed.",
                    lambda t, p, k: _confusion(t, p, k).T),
            Mistake("Count every sample: a pair (true, predicted) that occurs twice must add 2, not set 1.",
                    lambda t, p, k: (_confusion(t, p, k) > 0).astype(int)),
            Mistake("Return the counts themselves, not each row divided by its total.",
                    lambda t, p, k: _confusion(t, p, k) / np.maximum(_confusion(t, p, k).sum(axis=1, keepdims=True), 1)),
        ],
        general_hint="Start from an n_classes × n_classes array of zeros and add 1 at [true, predicted] for every "
                     "sample. Its diagonal holds the right answers, so trace / total is the accuracy.",
    )
