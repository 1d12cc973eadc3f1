"""Lesson 08's new check (Exercise 8.3, the student's own mini-batch epoch) accepts the loop written in
several styles and gives each realistic mistake its own hint, in a few lines, without the answer."""

import textwrap
from functools import reduce

import numpy as np
import pytest

from check_helpers import hint_of, message, passes
from course_lib.capstone import backward_pass, gradient_step
from course_lib.checks import check_minibatch_epoch


def _for_loop(X, Y, params, learning_rate, batches):
    for rows in batches:
        grads = backward_pass(X[rows], Y[rows], *params, 0.0)
        params = gradient_step(params, grads, learning_rate)
    return params


def _unpacked(X, Y, params, learning_rate, batches):
    W1, b1, W2, b2 = params
    for rows in batches:
        dW1, db1, dW2, db2 = backward_pass(X[rows], Y[rows], W1, b1, W2, b2, alpha=0.0)
        W1, b1 = W1 - learning_rate * dW1, b1 - learning_rate * db1
        W2, b2 = W2 - learning_rate * dW2, b2 - learning_rate * db2
    return [W1, b1, W2, b2]


def _indexed(X, Y, params, learning_rate, batches):
    for i in range(len(batches)):
        X_batch, Y_batch = X[batches[i]], Y[batches[i]]
        params = gradient_step(params, backward_pass(X_batch, Y_batch, *params, 0), learning_rate)
    return list(params)


def _reduced(X, Y, params, learning_rate, batches):
    return reduce(lambda p, rows: gradient_step(p, backward_pass(X[rows], Y[rows], *p, 0.0), learning_rate),
                  batches, params)


def _sorted_rows(X, Y, params, learning_rate, batches):
    for rows in batches:  # the order of the rows inside a batch does not change its mean gradient
        rows = np.sort(rows)
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), learning_rate)
    return tuple(params)


@pytest.mark.parametrize("answer", [_for_loop, _unpacked, _indexed, _reduced, _sorted_rows],
                         ids=["for-loop", "unpacked", "indexed", "reduce", "sorted-rows-tuple"])
def test_minibatch_epoch_correct_variants_pass(answer, capsys):
    passes(check_minibatch_epoch, answer, capsys, "8.3")


def _fresh_start(X, Y, params, lr, batches):
    for rows in batches:
        new = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr)
    return new


def _not_kept(X, Y, params, lr, batches):
    for rows in batches:
        gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr)
    return params


def _return_inside(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr)
        return params


def _last_dropped(X, Y, params, lr, batches):
    for rows in batches[:-1]:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr)
    return params


def _whole_data(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X, Y, *params, 0.0), lr)
    return params


def _uphill(X, Y, params, lr, batches):
    for rows in batches:
        grads = backward_pass(X[rows], Y[rows], *params, 0.0)
        params = [p + lr * g for p, g in zip(params, grads)]
    return params


def _one_step_per_epoch(X, Y, params, lr, batches):
    total = [np.zeros_like(p) for p in params]
    for rows in batches:
        total = [t + g for t, g in zip(total, backward_pass(X[rows], Y[rows], *params, 0.0))]
    return gradient_step(params, [t / len(batches) for t in total], lr)


def _lr_as_alpha(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, lr), lr)
    return params


def _times_batch_size(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr * len(rows))
    return params


def _divided_again(X, Y, params, lr, batches):
    for rows in batches:
        grads = [g / len(rows) for g in backward_pass(X[rows], Y[rows], *params, 0.0)]
        params = gradient_step(params, grads, lr)
    return params


def _shared_out(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr / len(batches))
    return params


def _Y_not_indexed(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y, *params, 0.0), lr)
    return params


def _list_not_unpacked(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], params, 0.0), lr)
    return params


def _in_place(X, Y, params, lr, batches):
    for rows in batches:
        for p, g in zip(params, backward_pass(X[rows], Y[rows], *params, 0.0)):
            p -= lr * g
    return params


def _first_layer_only(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr)
    return params[:2]


def _weights_only(X, Y, params, lr, batches):
    for rows in batches:
        params = gradient_step(params, backward_pass(X[rows], Y[rows], *params, 0.0), lr)
    return params[0], params[2]


MISTAKES = [
    (_fresh_start, "Only the last batch's step survives"),
    (_not_kept, "come back as they went in"),
    (_return_inside, "is the `return` inside the loop?"),
    (_last_dropped, "the last, smaller one too"),
    (_whole_data, "only its own batch"),
    (_uphill, "Downhill is minus the gradient"),
    (_one_step_per_epoch, "One step per batch, not one per epoch"),
    (_lr_as_alpha, "alpha, the L2 penalty"),
    (_times_batch_size, "not multiplied by the batch size"),
    (_divided_again, "without dividing by the batch size again"),
    (_shared_out, "do not share it out among the batches"),
    (_Y_not_indexed, "Y as well as of X"),
    (_list_not_unpacked, "a star unpacks a list"),
    (_in_place, "instead of modifying the input"),
    (_first_layer_only, "all four arrays W1, b1, W2, b2"),
    (_weights_only, "all four arrays W1, b1, W2, b2"),
]


@pytest.mark.parametrize("answer, hint", MISTAKES, ids=[m[0].__name__.strip("_") for m in MISTAKES])
def test_minibatch_epoch_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_minibatch_epoch, answer)


@pytest.mark.parametrize("answer", [m[0] for m in MISTAKES], ids=[m[0].__name__.strip("_") for m in MISTAKES])
def test_every_failure_fits_in_ten_lines_of_a_hundred_columns(answer):
    text = message(check_minibatch_epoch, answer)
    lines = sum(len(textwrap.wrap(line, 100)) or 1 for line in text.splitlines())
    assert lines <= 10, f"{lines} lines:\n{text}"


def test_each_mistake_gets_a_different_hint():
    hints = [hint_of(check_minibatch_epoch, answer) for answer, _ in MISTAKES[:11]]  # the known mistakes
    assert len(set(hints)) == len(hints)


def test_no_hint_spells_out_the_loop():
    from course_lib.checks.capstone import _MISTAKES
    for text in [m.hint for m in _MISTAKES]:
        assert "params = gradient_step(params, grads" not in text and "for rows in batches" not in text


def test_a_loop_that_calls_a_lesson_06_stub_is_told_which_exercise_to_finish(capsys):
    def backward_stub(*args):
        raise NotImplementedError("Exercise 6.5: replace this line with your code")

    def answer(X, Y, params, lr, batches):
        for rows in batches:
            params = gradient_step(params, backward_stub(X[rows], Y[rows], *params, 0.0), lr)
        return params

    check_minibatch_epoch(answer)
    assert "still the empty stub of Exercise 6.5" in capsys.readouterr().out


def test_a_wrong_epoch_shows_the_first_wrong_parameter_by_name_not_all_four_arrays():
    text = message(check_minibatch_epoch, _whole_data)
    assert "W1, b1, W2 and b2 are wrong — W1 comes first" in text
    assert "should be W1 array(" in text and "; got W1 array(" in text and "b2 array" not in text
