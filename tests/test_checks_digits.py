"""Lesson 07's checks accept correct answers written in several styles and give each realistic
mistake its own hint."""

import numpy as np
import pytest

from course_lib.checks import check_accuracy, check_confusion_matrix, check_minibatches, check_one_hot
from check_helpers import message, passes


def _one_hot_loop(labels, n_classes):
    out = np.zeros((len(labels), n_classes))
    for i, label in enumerate(labels):
        out[i, label] = 1
    return out


@pytest.mark.parametrize("answer", [lambda y, k: np.eye(k)[y], _one_hot_loop,
                                    lambda y, k: (np.arange(k) == y[:, None]).astype(float)],
                         ids=["eye", "loop", "broadcast"])
def test_one_hot_correct_variants_pass(answer, capsys):
    passes(check_one_hot, answer, capsys, "7.1")


@pytest.mark.parametrize("answer, hint", [
    (lambda y, k: np.eye(k)[y].T, "transposed"),
    (lambda y, k: np.eye(k)[y - 1], "one column too far to the left"),
    (lambda y, k: np.eye(k + 1)[y + 1][:, :k], "one column too far to the right"),
    (lambda y, k: _one_hot_loop(y + 1, k), "Label c belongs in column c"),
], ids=["transposed", "shift-left", "shift-right", "index-error"])
def test_one_hot_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_one_hot, answer)


def _batches_loop(n, b, seed):
    order = np.random.default_rng(seed).permutation(n)
    batches, start = [], 0
    while start < n:
        batches.append(order[start:start + b])
        start += b
    return batches


@pytest.mark.parametrize("answer", [
    _batches_loop,
    lambda n, b, seed: np.array_split(np.random.default_rng(seed).permutation(n), range(b, n, b)),
], ids=["while-loop", "array-split"])
def test_minibatches_correct_variants_pass(answer, capsys):
    passes(check_minibatches, answer, capsys, "7.2")


@pytest.mark.parametrize("answer, hint", [
    (lambda n, b, seed: [np.arange(n)[s:s + b] for s in range(0, n, b)], "Shuffle first"),
    (lambda n, b, seed: _batches_loop(n, b, seed)[:n // b] if n % b else _batches_loop(n, b, seed), "Keep the last"),
    (lambda n, b, seed: np.array_split(np.random.default_rng(seed).integers(0, n, size=n), range(b, n, b)),
     "as a permutation"),
    (lambda n, b, seed: _batches_loop(n, b, seed + 1), "Draw one permutation of all the indices"),
], ids=["not-shuffled", "last-dropped", "with-replacement", "other-seed"])
def test_minibatches_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_minibatches, answer)


@pytest.mark.parametrize("answer", [lambda t, p: np.mean(t == p), lambda t, p: (t == p).sum() / len(t)],
                         ids=["mean", "sum-over-len"])
def test_accuracy_correct_variants_pass(answer, capsys):
    passes(check_accuracy, answer, capsys, "7.3")


@pytest.mark.parametrize("answer, hint", [
    (lambda t, p: (t == p).sum(), "divide by the number of samples"),
    (lambda t, p: np.mean(t != p), "error rate"),
], ids=["count", "error-rate"])
def test_accuracy_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_accuracy, answer)


def _confusion_loop(t, p, k):
    m = np.zeros((k, k), dtype=int)
    for true, pred in zip(t, p):
        m[true, pred] += 1
    return m


@pytest.mark.parametrize("answer", [_confusion_loop, lambda t, p, k: np.bincount(t * k + p, minlength=k * k).reshape(k, k)],
                         ids=["loop", "bincount"])
def test_confusion_matrix_correct_variants_pass(answer, capsys):
    passes(check_confusion_matrix, answer, capsys, "7.4")


def _set_not_add(t, p, k):
    m = np.zeros((k, k), dtype=int)
    m[t, p] = 1
    return m


@pytest.mark.parametrize("answer, hint", [
    (lambda t, p, k: _confusion_loop(t, p, k).T, "transposed"),
    (_set_not_add, "must add 2, not set 1"),
    (lambda t, p, k: _confusion_loop(t, p, k) / np.maximum(_confusion_loop(t, p, k).sum(1, keepdims=True), 1), "counts themselves"),
], ids=["transposed", "fancy-index-set", "normalised"])
def test_confusion_matrix_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_confusion_matrix, answer)
