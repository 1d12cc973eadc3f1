"""Checks for lesson 08 · Capstone: handwritten digits.

The references are written here in a line each (one-hot rows, a seeded permutation cut into
batches, a comparison, a count); the known mistakes are the same with one slip.

``DROPPED_TERMS`` holds, for every checker, the solution with one of its terms left out:
the contract test proves that each of them fails its check.
"""

from __future__ import annotations

import numpy as np

from ._core import Case, CrashHint, Exercise, Mistake, Symptom, run_check

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


def _rows_with_several_ones(got, labels, n_classes) -> bool:
    rows = np.asarray(got, dtype=float)
    return (rows.shape == (len(labels), n_classes) and bool(np.isin(rows, (0, 1)).all())
            and bool((rows.sum(axis=1) > 1).any()))


_FROM_THE_LABELS = ("How many columns: as many as the largest label you see, or n_classes? A batch may lack "
                    "the largest class.")

# ---------------------------------------------------------------- Exercise 8.1


def check_one_hot(one_hot) -> None:
    """Exercise 8.1: ``one_hot(labels, n_classes)`` returns an (n, n_classes) array with a single 1 per row."""
    run_check(
        Exercise("8.1", "one_hot", "one_hot gives each label a row of zeros with a 1 in the label's column",
                 shapes="labels is (n,); the result is (n, n_classes): one row per sample."),
        one_hot,
        # the last two lack the largest class: the width must come from n_classes
        cases=[Case(_LABELS, 10), Case(np.array([1, 0, 1]), 2), Case(np.array([2]), 4), Case(np.array([0, 1, 0]), 3)],
        reference=_one_hot,
        accept_lists=True,
        mistakes=[
            Mistake("One row per sample and one column per class: your array is transposed.",
                    lambda labels, k: _one_hot(labels, k).T),
            Mistake("The 1 sits one column too far to the left: label 3 belongs in column 3 (columns count from 0).",
                    lambda labels, k: np.eye(k)[np.asarray(labels) - 1]),
            Mistake("The 1 sits one column too far to the right: label 3 belongs in column 3 (columns count from 0).",
                    lambda labels, k: np.eye(k, k + 1, 1)[np.asarray(labels)][:, :k]),
            Mistake(_FROM_THE_LABELS, lambda labels, k: np.eye(int(np.max(labels)) + 1)[np.asarray(labels)]),
            Mistake(_FROM_THE_LABELS, lambda labels, k: np.eye(int(np.max(labels)))[np.asarray(labels) - 1]),
            Mistake("Is the number of columns written into your code? It must come from n_classes.",
                    lambda labels, k: np.eye(10)[np.asarray(labels)]),
            Mistake("Your rows are as many as the classes: one row per label, please — is the sample or the class "
                    "the row?", lambda labels, k: np.eye(k)),
            Symptom("Some rows hold several 1s: your indexing sets whole columns in every row. Which row does "
                    "each label belong to?", _rows_with_several_ones),
        ],
        crash_hints=[
            CrashHint(IndexError, "A label as large as the number of columns: are the columns counted from 1? "
                                  "Label c belongs in column c, and there are n_classes columns.", text="axis 1"),
            CrashHint(IndexError, "A label as large as the number of columns: are the columns counted from 1, or "
                                  "is the width taken from the labels? There are n_classes columns.",
                      text="index 10 is out of bounds for axis 0 with size 10"),
            CrashHint(IndexError, "An index went past the end of an axis: which index counts the samples, and "
                                  "which the classes?", text="out of bounds"),
            CrashHint(IndexError, "Labels used as indices must be whole numbers (int), not floats.",
                      text="arrays used as indices"),
        ],
        general_hint="Which row is wrong? For labels [1, 0, 1] and 2 classes, write the expected rows by hand "
                     "and compare.",
    )


# ---------------------------------------------------------------- Exercise 8.2


def _drawn_twice(got, n_samples, batch_size, random_state) -> bool:
    indices = np.concatenate([np.ravel(batch) for batch in got]).astype(int)
    return len(indices) == n_samples and len(np.unique(indices)) < n_samples


def _not_seeded(got, n_samples, batch_size, random_state) -> bool:
    """A permutation of every index, cut right, but not the one the seeded generator draws."""
    expected = _batches(n_samples, batch_size, random_state)
    indices = np.concatenate([np.ravel(batch) for batch in got]).astype(int)
    return ([len(b) for b in got] == [len(b) for b in expected]
            and sorted(indices.tolist()) == list(range(n_samples)))


def check_minibatches(minibatches) -> None:
    """Exercise 8.2: ``minibatches(n_samples, batch_size, random_state)`` returns the index arrays of one epoch."""
    run_check(
        Exercise("8.2", "minibatches",
                 "minibatches shuffles with its seed, then cuts the order into batches that use every sample once"),
        minibatches,
        cases=[Case(10, 4, 0), Case(12, 3, 1), Case(7, 7, 2), Case(5, 1, 3)],
        reference=_batches,
        accept_lists=True,
        mistakes=[
            Mistake("Your batches are in file order: with the same batches every epoch, the network sees the "
                    "samples in the same sequence each time. Where is the shuffle?",
                    lambda n, b, seed: [np.arange(n)[s:s + b] for s in range(0, n, b)]),
            Mistake("The last, smaller batch is missing: every sample must be used once per epoch.",
                    lambda n, b, seed: _batches(n, b, seed)[:n // b] if n % b else _batches(n, b, seed)),
            Mistake("Your last batch is missing, even when it would be full: where does your range of starts stop?",
                    lambda n, b, seed: _batches(n, b, seed)[:len(range(0, n - b, b))]),
            Mistake("Your batches have other sizes than batch_size: how many pieces do you cut, and of which size?",
                    lambda n, b, seed: np.array_split(np.random.default_rng(seed).permutation(n), max(n // b, 1))),
            Mistake("Only the first batch is full: where does each slice end?",
                    lambda n, b, seed: [np.random.default_rng(seed).permutation(n)[s:b] for s in range(0, n, b)]),
            Mistake("Your last batch is empty: how many batches does an epoch have when batch_size divides "
                    "n_samples?", lambda n, b, seed: _batches(n, b, seed) + [np.array([], dtype=int)] * (n % b == 0)),
            Mistake("Your indices run from 1 to n_samples: Python's indices count from 0.",
                    lambda n, b, seed: [batch + 1 for batch in _batches(n, b, seed)]),
            Symptom("Some index appears twice (and another never): drawing each index at random picks with "
                    "replacement. Does your order hold every index exactly once?", _drawn_twice),
            Symptom("Every index is used once, but not in the order the seeded generator gives: is your order "
                    "drawn from the generator the exercise names, seeded with random_state, and drawn only once?",
                    _not_seeded),
        ],
        crash_hints=[
            CrashHint(TypeError, "rng.shuffle shuffles its argument in place and returns None: what did you slice?",
                      text="'NoneType' object is not subscriptable"),
            CrashHint(ValueError, "The last batch may be shorter than batch_size, so the batches cannot all be rows "
                                  "of one array: what holds pieces of different sizes?", text="cannot reshape"),
        ],
        general_hint="Compare your batches with the expected ones for 10 samples in batches of 4: which batch "
                     "differs first, and how?",
    )


# ---------------------------------------------------------------- Exercise 8.4


def check_accuracy(accuracy) -> None:
    """Exercise 8.4: ``accuracy(y_true, y_pred)`` returns the fraction of predictions equal to the truth."""
    run_check(
        Exercise("8.4", "accuracy", "accuracy is the fraction of the samples predicted right, between 0 and 1"),
        accuracy,
        cases=[Case(_LABELS, np.array([3, 0, 9, 8, 7, 1])), Case(np.array([1, 1, 2]), np.array([1, 2, 2])),
               Case(np.array([5, 5]), np.array([5, 5])), Case(np.array([0, 1, 2, 3]), np.array([1, 2, 3, 0]))],
        reference=_accuracy,
        mistakes=[
            Mistake("That counts the right predictions; the exercise asks for a fraction. Of how many?",
                    lambda t, p: float(np.sum(np.asarray(t) == np.asarray(p)))),
            Mistake("That is the error rate, the fraction wrong; accuracy is the fraction right.",
                    lambda t, p: 1.0 - _accuracy(t, p)),
            Mistake("Yours is 1 when every prediction is right and 0 otherwise: is something answering one question "
                    "for the whole arrays (np.array_equal), or cutting the fraction off (//, int())?",
                    lambda t, p: float(np.array_equal(t, p))),
            Mistake("That is a percentage: the exercise asks for a fraction between 0 and 1.",
                    lambda t, p: 100.0 * _accuracy(t, p)),
            Mistake("Yours is one True/False per sample: accuracy is one number, the share of them that are True.",
                    lambda t, p: np.asarray(t) == np.asarray(p)),
            Mistake("Yours divides by the number of distinct classes: a fraction of the samples is out of how many?",
                    lambda t, p: float(np.sum(np.asarray(t) == np.asarray(p)) / len(np.unique(t)))),
            Mistake("Yours divides by one more than the number of samples: how many samples are there?",
                    lambda t, p: float(np.sum(np.asarray(t) == np.asarray(p)) / (len(t) + 1))),
        ],
        general_hint="Try [1, 1, 2] against [1, 2, 2] by hand: how many are right, out of how many?",
    )


# ---------------------------------------------------------------- Exercise 8.5


def _counted_once(got, y_true, y_pred, n_classes) -> bool:
    """Every pair that occurs is in the matrix, but only once, however often it occurs."""
    wanted = _confusion(y_true, y_pred, n_classes)
    try:
        mine = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    return mine.shape == wanted.shape and np.array_equal(mine, (wanted > 0).astype(float))


_ONCE = ("Pairs that occur several times count only once in yours: with arrays of indices, numpy's `=` and even "
         "`+=` write each cell once, however often it is named. How can each sample add its own 1?")


def check_confusion_matrix(confusion_matrix) -> None:
    """Exercise 8.5: ``confusion_matrix(y_true, y_pred, n_classes)``: entry [i, j] counts true i predicted as j."""
    run_check(
        Exercise("8.5", "confusion_matrix",
                 "confusion_matrix counts, for every true class (row), how often each class was predicted (column)",
                 shapes="y_true and y_pred are (n,); the matrix is (n_classes, n_classes), rows the true classes."),
        confusion_matrix,
        # the third case lacks the largest class (2 of 3): the size must come from n_classes
        cases=[Case(np.array([0, 1, 2, 2, 1]), np.array([0, 2, 2, 1, 1]), 3),
               Case(_LABELS, np.array([3, 0, 4, 3, 1, 7]), 10), Case(np.array([1, 1]), np.array([0, 0]), 3)],
        reference=_confusion,
        accept_lists=True,
        mistakes=[
            Mistake("Rows are the true classes and columns the predictions: your matrix is transposed.",
                    lambda t, p, k: _confusion(t, p, k).T),
            Symptom(_ONCE, _counted_once),
            Mistake("Return the counts themselves, not each row divided by its total.",
                    lambda t, p, k: _confusion(t, p, k) / np.maximum(_confusion(t, p, k).sum(axis=1, keepdims=True), 1)),
            Mistake("Return the counts themselves, not each column divided by its total.",
                    lambda t, p, k: _confusion(t, p, k) / np.where(_confusion(t, p, k).sum(axis=0) == 0, np.nan,
                                                                   _confusion(t, p, k).sum(axis=0))),
            Mistake("Return the counts themselves, not divided by the number of samples.",
                    lambda t, p, k: _confusion(t, p, k) / len(t)),
            Mistake("How many rows and columns: as many as the largest label you see, or n_classes? A batch may "
                    "lack the largest class.", lambda t, p, k: _confusion(t, p, int(max(np.max(t), np.max(p))) + 1)),
            Mistake("Your counts sit one row and one column away: classes count from 0, like the rows.",
                    lambda t, p, k: np.roll(_confusion(t, p, k), (-1, -1), axis=(0, 1))),
            Mistake("The last sample is not counted: does your loop reach every sample?",
                    lambda t, p, k: _confusion(np.asarray(t)[:-1], np.asarray(p)[:-1], k)),
            Mistake("Your matrix counts only the right predictions (the diagonal): every pair (true, predicted) "
                    "counts, right or wrong.", lambda t, p, k: np.diag(np.diag(_confusion(t, p, k)))),
        ],
        crash_hints=[CrashHint(IndexError, _FROM_THE_LABELS, text="out of bounds")],
        general_hint="Which entry is wrong? For that row's class, count by hand how often each class was "
                     "predicted.",
    )


# ---------------------------------------------------------------- every term matters

DROPPED_TERMS = {
    "check_one_hot": {
        "n_classes (width from the labels)": lambda labels, n_classes: np.eye(int(np.max(labels)) + 1)[labels],
        "the labels (a row per class)": lambda labels, n_classes: np.eye(n_classes)[: len(labels)],
    },
    "check_minibatches": {
        "the shuffle": lambda n_samples, batch_size, random_state: [
            np.arange(n_samples)[s:s + batch_size] for s in range(0, n_samples, batch_size)],
        "the seed": lambda n_samples, batch_size, random_state: _batches(n_samples, batch_size, 0),
        "the batch size": lambda n_samples, batch_size, random_state: [
            np.random.default_rng(random_state).permutation(n_samples)],
    },
    "check_accuracy": {
        "the division by n": lambda y_true, y_pred: float(np.sum(y_true == y_pred)),
        "the predictions": lambda y_true, y_pred: 1.0,
    },
    "check_confusion_matrix": {
        "n_classes": lambda y_true, y_pred, n_classes: _confusion(
            y_true, y_pred, int(max(np.max(y_true), np.max(y_pred))) + 1),
        "the predicted class (column)": lambda y_true, y_pred, n_classes: _confusion(y_true, y_true, n_classes),
        "repeated pairs": lambda y_true, y_pred, n_classes: (_confusion(y_true, y_pred, n_classes) > 0).astype(int),
    },
}
