"""Lesson 07's checks accept correct answers written in several styles and give each realistic
mistake its own hint, in a message of at most ten lines.

The mistakes are written as a beginner writes them, from what each exercise asks (and the
misconceptions table of instructors/07-capstone-handwritten-digits.md), not from the checkers.
"""

import numpy as np
import pytest

from course_lib.checks import check_accuracy, check_confusion_matrix, check_minibatches, check_one_hot
from check_helpers import fails_with, message, passes


# ---------------------------------------------------------------- 8.1

def _one_hot_loop(labels, n_classes):
    out = np.zeros((len(labels), n_classes))
    for i, label in enumerate(labels):
        out[i, label] = 1
    return out


@pytest.mark.parametrize("answer", [
    lambda labels, n_classes: np.eye(n_classes)[labels],
    _one_hot_loop,
    lambda labels, n_classes: (np.arange(n_classes) == labels[:, None]).astype(float),
    lambda labels, n_classes: [[1 if c == label else 0 for c in range(n_classes)] for label in labels],
    lambda labels, n_classes: np.eye(n_classes, dtype=np.float32)[labels],
], ids=["eye", "loop", "broadcast", "lists", "float32"])
def test_one_hot_correct_variants_pass(answer, capsys):
    passes(check_one_hot, answer, capsys, "8.1")


def _columns_set(labels, n_classes):
    out = np.zeros((len(labels), n_classes))
    out[:, labels] = 1
    return out


def _rows_by_label(labels, n_classes):
    out = np.zeros((len(labels), n_classes))
    for i, label in enumerate(labels):
        out[label, i] = 1
    return out


def _float_labels(labels, n_classes):
    return np.eye(n_classes)[labels / 1]


@pytest.mark.parametrize("answer, hint", [
    (lambda labels, n_classes: np.eye(n_classes)[labels].T, "transposed"),
    (lambda labels, n_classes: np.eye(n_classes)[labels - 1], "one column too far to the left"),
    (lambda labels, n_classes: np.eye(n_classes + 1)[labels + 1][:, :n_classes], "one column too far to the right"),
    (lambda labels, n_classes: _one_hot_loop(labels + 1, n_classes), "Label c belongs in column c"),
    (lambda labels, n_classes: np.eye(labels.max() + 1)[labels], "A batch may lack the largest class"),
    (lambda labels, n_classes: np.eye(10)[labels], "written into your code"),
    (_columns_set, "Some rows hold several 1s"),
    (_rows_by_label, "which index counts the samples"),
    (_float_labels, "whole numbers (int), not floats"),
    (lambda labels, n_classes: np.eye(n_classes), "is the sample or the class the row"),
    (lambda labels, n_classes: np.eye(n_classes)[labels].sum(axis=0), "one axis too few"),
    (lambda labels, n_classes: 2 * np.eye(n_classes)[labels], "exactly twice"),
], ids=["transposed", "shift-left", "shift-right", "index-error", "width-from-labels", "hard-coded-10",
        "columns-set", "rows-by-label", "float-labels", "identity", "counts-per-class", "twos"])
def test_one_hot_mistakes_get_their_hint(answer, hint):
    fails_with(check_one_hot, answer, hint)


def test_an_off_by_one_column_shows_where_the_rows_differ():
    text = message(check_one_hot, lambda labels, n_classes: np.eye(n_classes)[labels - 1])
    assert "They first differ at row 0, column 2: expected 0, got 1." in text


# ---------------------------------------------------------------- 8.2

def _batches_loop(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    batches, start = [], 0
    while start < n_samples:
        batches.append(order[start:start + batch_size])
        start += batch_size
    return batches


def _batches_as_lists(n_samples, batch_size, random_state):
    order = list(np.random.default_rng(random_state).permutation(n_samples))
    return [order[i:i + batch_size] for i in range(0, n_samples, batch_size)]


@pytest.mark.parametrize("answer", [
    _batches_loop,
    lambda n_samples, batch_size, random_state: np.array_split(
        np.random.default_rng(random_state).permutation(n_samples), range(batch_size, n_samples, batch_size)),
    _batches_as_lists,
    lambda n_samples, batch_size, random_state: [
        np.random.default_rng(random_state).permutation(np.arange(n_samples))[i * batch_size:(i + 1) * batch_size]
        for i in range(-(-n_samples // batch_size))],
], ids=["while-loop", "array-split", "lists", "ceil-count"])
def test_minibatches_correct_variants_pass(answer, capsys):
    passes(check_minibatches, answer, capsys, "8.2")


def _global_seed(n_samples, batch_size, random_state):
    np.random.seed(random_state)
    order = np.random.permutation(n_samples)
    return [order[i:i + batch_size] for i in range(0, n_samples, batch_size)]


def _shuffle_returns_none(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).shuffle(np.arange(n_samples))
    return [order[i:i + batch_size] for i in range(0, n_samples, batch_size)]


def _range_stops_early(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    return [order[i:i + batch_size] for i in range(0, n_samples - batch_size, batch_size)]


def _slice_end(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    return [order[i:batch_size] for i in range(0, n_samples, batch_size)]


def _drop_last(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    return [order[i * batch_size:(i + 1) * batch_size] for i in range(n_samples // batch_size)]


def _choice(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).choice(n_samples, size=n_samples)
    return [order[i:i + batch_size] for i in range(0, n_samples, batch_size)]


def _new_rng_per_batch(n_samples, batch_size, random_state):
    return [np.random.default_rng(random_state + i).permutation(n_samples)[i:i + batch_size]
            for i in range(0, n_samples, batch_size)]


def _reshaped(n_samples, batch_size, random_state):
    return np.random.default_rng(random_state).permutation(n_samples).reshape(-1, batch_size)


def _yielded(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    for i in range(0, n_samples, batch_size):
        yield order[i:i + batch_size]


def _one_batch_too_many(n_samples, batch_size, random_state):
    order = np.random.default_rng(random_state).permutation(n_samples)
    return [order[i * batch_size:(i + 1) * batch_size] for i in range(n_samples // batch_size + 1)]


def _unseeded(n_samples, batch_size, random_state):
    order = np.random.default_rng().permutation(n_samples)
    return [order[i:i + batch_size] for i in range(0, n_samples, batch_size)]


@pytest.mark.parametrize("answer, hint", [
    (lambda n_samples, batch_size, random_state: [np.arange(n_samples)[s:s + batch_size]
                                                  for s in range(0, n_samples, batch_size)], "Where is the shuffle?"),
    (_drop_last, "The last, smaller batch is missing"),
    (_range_stops_early, "where does your range of starts stop"),
    (lambda n_samples, batch_size, random_state: np.array_split(
        np.random.default_rng(random_state).integers(0, n_samples, size=n_samples),
        range(batch_size, n_samples, batch_size)), "Some index appears twice"),
    (_choice, "Some index appears twice"),
    (lambda n_samples, batch_size, random_state: _batches_loop(n_samples, batch_size, random_state + 1),
     "not in the order the seeded generator gives"),
    (_global_seed, "not in the order the seeded generator gives"),
    (_shuffle_returns_none, "returns None"),
    (_slice_end, "where does each slice end"),
    (lambda n_samples, batch_size, random_state: np.array_split(
        np.random.default_rng(random_state).permutation(n_samples), n_samples // batch_size),
     "how many pieces do you cut"),
    (lambda n_samples, batch_size, random_state: [b + 1 for b in _batches_loop(n_samples, batch_size, random_state)],
     "count from 0"),
    (_new_rng_per_batch, "Some index appears twice"),
    (_reshaped, "cannot all be rows of one array"),
    (_unseeded, "not in the order the seeded generator gives"),
    (_yielded, "It returned a generator"),
    (_one_batch_too_many, "Your last batch is empty"),
], ids=["not-shuffled", "last-dropped", "range-stops-early", "with-replacement", "choice", "other-seed",
        "global-seed", "shuffle-returns-none", "slice-end", "array-split-count", "from-one", "new-rng-per-batch",
        "reshaped", "unseeded", "generator", "empty-last-batch"])
def test_minibatches_mistakes_get_their_hint(answer, hint):
    fails_with(check_minibatches, answer, hint)


# ---------------------------------------------------------------- 8.4

def _accuracy_loop(y_true, y_pred):
    right = 0
    for t, p in zip(y_true, y_pred):
        if t == p:
            right += 1
    return right / len(y_true)


@pytest.mark.parametrize("answer", [
    lambda y_true, y_pred: np.mean(y_true == y_pred),
    lambda y_true, y_pred: (y_true == y_pred).sum() / len(y_true),
    _accuracy_loop,
    lambda y_true, y_pred: np.float32(np.count_nonzero(y_true == y_pred) / y_true.size),
], ids=["mean", "sum-over-len", "loop", "count-nonzero-float32"])
def test_accuracy_correct_variants_pass(answer, capsys):
    passes(check_accuracy, answer, capsys, "8.4")


@pytest.mark.parametrize("answer, hint", [
    (lambda y_true, y_pred: (y_true == y_pred).sum(), "counts the right predictions"),
    (lambda y_true, y_pred: np.mean(y_true != y_pred), "error rate"),
    (lambda y_true, y_pred: float(np.array_equal(y_true, y_pred)), "answering one question for the whole arrays"),
    (lambda y_true, y_pred: 100 * np.mean(y_true == y_pred), "percentage"),
    (lambda y_true, y_pred: (y_true == y_pred).sum() // len(y_true), "cutting the fraction off"),
    (lambda y_true, y_pred: np.sum(y_true == y_pred) / len(np.unique(y_true)), "number of distinct classes"),
    (lambda y_true, y_pred: np.mean(y_true == y_pred) * len(y_true) / len(y_true) ** 2, "n times too small"),
    (lambda y_true, y_pred: round(np.mean(y_true == y_pred), 1), "rounded to 1 decimal"),
    (lambda y_true, y_pred: 1 - (y_true == y_pred).sum() / len(y_true), "error rate"),
    (lambda y_true, y_pred: (y_true == y_pred).sum() / (len(y_true) + 1), "one more than the number of samples"),
    (lambda y_true, y_pred: np.mean(y_true[:-1] == y_pred[:-1]), "Try [1, 1, 2] against [1, 2, 2]"),
    (lambda y_true, y_pred: y_true == y_pred, "one True/False per sample"),
], ids=["count", "error-rate", "array-equal", "percent", "floor-division", "over-classes", "divided-twice",
        "rounded", "one-minus", "n-plus-one", "unknown-slip", "booleans"])
def test_accuracy_mistakes_get_their_hint(answer, hint):
    fails_with(check_accuracy, answer, hint)


def test_accuracy_count_prints_as_a_number():
    text = message(check_accuracy, lambda y_true, y_pred: (y_true == y_pred).sum())
    assert "got 5." in text and "np.int64" not in text


# ---------------------------------------------------------------- 8.5

def _confusion_loop(y_true, y_pred, n_classes):
    m = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        m[t, p] += 1
    return m


def _confusion_lists(y_true, y_pred, n_classes):
    m = [[0] * n_classes for _ in range(n_classes)]
    for t, p in zip(y_true, y_pred):
        m[t][p] += 1
    return m


@pytest.mark.parametrize("answer", [
    _confusion_loop,
    lambda y_true, y_pred, n_classes: np.bincount(y_true * n_classes + y_pred,
                                                  minlength=n_classes * n_classes).reshape(n_classes, n_classes),
    _confusion_lists,
    lambda y_true, y_pred, n_classes: np.histogram2d(y_true, y_pred, bins=n_classes,
                                                     range=[[0, n_classes], [0, n_classes]])[0],
], ids=["loop", "bincount", "lists", "histogram2d"])
def test_confusion_matrix_correct_variants_pass(answer, capsys):
    passes(check_confusion_matrix, answer, capsys, "8.5")


def _set_not_add(y_true, y_pred, n_classes):
    m = np.zeros((n_classes, n_classes), dtype=int)
    m[y_true, y_pred] = 1
    return m


def _fancy_add(y_true, y_pred, n_classes):
    m = np.zeros((n_classes, n_classes), dtype=int)
    m[y_true, y_pred] += 1
    return m


def _size_from_labels(y_true, y_pred, n_classes):
    k = max(y_true.max(), y_pred.max()) + 1
    m = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        m[t, p] += 1
    return m


def _size_from_true_labels(y_true, y_pred, n_classes):
    k = y_true.max() + 1
    m = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        m[t, p] += 1
    return m


def _labels_from_one(y_true, y_pred, n_classes):
    m = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        m[t - 1, p - 1] += 1
    return m


def _diagonal_only(y_true, y_pred, n_classes):
    m = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        if t == p:
            m[t, p] += 1
    return m


def _columns_normalised(y_true, y_pred, n_classes):
    m = _confusion_loop(y_true, y_pred, n_classes).astype(float)
    with np.errstate(invalid="ignore"):
        return m / m.sum(axis=0)


def _last_sample_skipped(y_true, y_pred, n_classes):
    m = np.zeros((n_classes, n_classes))
    for i in range(len(y_true) - 1):
        m[y_true[i], y_pred[i]] += 1
    return m


def _crosstab(y_true, y_pred, n_classes):
    pandas = pytest.importorskip("pandas")
    return pandas.crosstab(y_true, y_pred)


COUNTS = np.zeros((10, 10), dtype=int)


def _kept_between_calls(y_true, y_pred, n_classes):
    for t, p in zip(y_true, y_pred):
        COUNTS[t, p] += 1
    return COUNTS[:n_classes, :n_classes]


@pytest.mark.parametrize("answer, hint", [
    (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes).T, "transposed"),
    (lambda y_true, y_pred, n_classes: _confusion_loop(y_pred, y_true, n_classes), "transposed"),
    (_set_not_add, "count only once in yours"),
    (_fancy_add, "count only once in yours"),
    (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes)
     / np.maximum(_confusion_loop(y_true, y_pred, n_classes).sum(1, keepdims=True), 1), "counts themselves"),
    (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes) / len(y_true),
     "not divided by the number of samples"),
    (_size_from_labels, "A batch may lack the largest class"),
    (_size_from_true_labels, "A batch may lack the largest class"),
    (_labels_from_one, "one row and one column away"),
    (_diagonal_only, "only the right predictions"),
    (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes) * 2, "exactly twice"),
    (lambda y_true, y_pred, n_classes: _confusion_loop(y_true, y_pred, n_classes)
     + np.eye(n_classes, dtype=int), "For that row's class"),
    (_columns_normalised, "each column divided by its total"),
    (_kept_between_calls, "Called again with the same input"),
    (_last_sample_skipped, "The last sample is not counted"),
    (_crosstab, "return a numpy array"),
], ids=["transposed", "swapped-arguments", "fancy-index-set", "fancy-index-add", "normalised", "over-n",
        "size-from-labels", "size-from-true-labels", "labels-from-one", "diagonal-only", "twice", "plus-identity",
        "columns-normalised", "kept-between-calls", "last-sample-skipped", "pandas-crosstab"])
def test_confusion_matrix_mistakes_get_their_hint(answer, hint):
    fails_with(check_confusion_matrix, answer, hint)


def test_adding_with_fancy_indexing_is_not_told_to_add():
    hint = message(check_confusion_matrix, _fancy_add).split("\nHint: ")[1]
    assert "+=" in hint and "must add 2, not set 1" not in hint
