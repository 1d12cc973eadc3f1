"""Lesson 07's checks accept correct answers written in several styles, give each realistic mistake
its own hint (written here independently of the checker's own versions of them), and keep every
failure within ten lines."""

import numpy as np
import pytest

from check_helpers import hint_of, message, passes
from course_lib.checks import CheckFailed, check_early_stopping, check_l2_penalty, check_momentum_step


def _lines(check, answer) -> int:
    with pytest.raises(CheckFailed) as caught:
        check(answer)
    return len(caught.value.lines())


# ---------------------------------------------------------------- 7.1 early stopping


def _stop_counter(losses, patience):
    best, best_epoch, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited == patience:
                return best_epoch, epoch
    return best_epoch, len(losses)


def _stop_distance(losses, patience):
    best_epoch = 1
    for epoch in range(2, len(losses) + 1):
        if losses[epoch - 1] < losses[best_epoch - 1]:
            best_epoch = epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(losses)


def _stop_numpy(losses, patience):
    losses = np.asarray(losses, dtype=float)
    running = np.minimum.accumulate(losses)
    improved = np.r_[True, losses[1:] < running[:-1]]
    last_best = np.maximum.accumulate(np.where(improved, np.arange(len(losses)), 0))
    late = np.flatnonzero(np.arange(len(losses)) - last_best >= patience)
    stop = late[0] if late.size else len(losses) - 1
    return int(last_best[stop]) + 1, int(stop) + 1


def _stop_while(losses, patience):
    epoch = best_epoch = 0                                # indices from 0
    while epoch + 1 < len(losses) and epoch - best_epoch < patience:
        epoch += 1
        if losses[epoch] < losses[best_epoch]:
            best_epoch = epoch
    return best_epoch + 1, epoch + 1


@pytest.mark.parametrize("answer", [_stop_counter, _stop_distance, _stop_numpy, _stop_while],
                         ids=["counter", "distance", "numpy", "while"])
def test_early_stopping_correct_variants_pass(answer, capsys):
    passes(check_early_stopping, answer, capsys, "7.1")


def _variant(*, compare=lambda loss, best: loss < best, patience_shift=0, reset=True, against_previous=False,
             stops=True):
    """A hand-written early stopping with one slip switched on."""
    def early_stopping(losses, patience):
        best, best_epoch, waited, previous = float("inf"), 0, 0, float("inf")
        for epoch, loss in enumerate(losses, start=1):
            if compare(loss, previous if against_previous else best):
                if compare(loss, best):
                    best, best_epoch = loss, epoch
                if reset:
                    waited = 0
            else:
                waited += 1
                if stops and waited >= patience + patience_shift:
                    return best_epoch, epoch
            previous = loss
        return best_epoch, len(losses)
    return early_stopping


EARLY_STOPPING_MISTAKES = [
    (lambda losses, p: tuple(e - 1 for e in _stop_counter(losses, p)), "count from 1"),
    (lambda losses, p: _stop_counter([-x for x in losses], p), "highest validation loss"),
    (lambda losses, p: (int(np.argmin(losses)) + 1, _stop_counter(losses, p)[1]), "losses after the stop"),
    (_variant(stops=False), "never stops early"),
    (lambda losses, p: _stop_counter(losses, 1), "use the patience given"),
    (_variant(patience_shift=1), "one epoch late"),
    (_variant(patience_shift=-1), "one epoch early"),
    (_variant(against_previous=True), "what do you compare each loss with"),
    (_variant(compare=lambda loss, best: loss <= best), "equal to the best so far"),
    (_variant(reset=False), "must come in a row"),
    (lambda losses, p: (_stop_counter(losses, p)[1],) * 2, "not the epoch where the run stops"),
    (lambda losses, p: (min(losses[:_stop_counter(losses, p)[1]]), _stop_counter(losses, p)[1]), "an epoch number"),
    (lambda losses, p: _stop_counter(losses, p)[::-1], "another order"),
    (lambda losses, p: _stop_counter(losses, p)[0], "2 values together"),
]


@pytest.mark.parametrize("answer, hint", EARLY_STOPPING_MISTAKES,
                         ids=["zero-based", "argmax", "look-ahead", "never-stops", "first-rise", "late", "early",
                              "previous-epoch", "ties-improve", "no-reset", "stop-as-best", "loss-not-epoch",
                              "swapped", "best-only"])
def test_early_stopping_mistakes_get_their_hint_in_ten_lines(answer, hint):
    assert hint in message(check_early_stopping, answer)
    assert _lines(check_early_stopping, answer) <= 10


# ---------------------------------------------------------------- 7.2 L2 penalty


def _l2_loop(weights, biases, alpha):
    penalty, grads = 0.0, []
    for W in weights:
        penalty += alpha / 2 * np.sum(W ** 2)
        grads.append(alpha * W)
    return penalty, grads


@pytest.mark.parametrize("answer", [
    _l2_loop,
    lambda weights, biases, alpha: (0.5 * alpha * sum((W * W).sum() for W in weights), [alpha * W for W in weights]),
    lambda weights, biases, alpha: (alpha / 2 * sum(np.linalg.norm(W) ** 2 for W in weights),
                                    [np.multiply(alpha, W) for W in weights]),
    lambda weights, biases, alpha: (alpha * sum(np.vdot(W, W) for W in weights) / 2, list(map(lambda W: alpha * W, weights))),
], ids=["loop", "generator", "norm-squared", "vdot"])
def test_l2_penalty_correct_variants_pass(answer, capsys):
    passes(check_l2_penalty, answer, capsys, "7.2")


def _l2_only(layers):
    def l2_penalty(weights, biases, alpha):
        return alpha / 2 * sum(np.sum(W ** 2) for W in layers(weights)), [alpha * W for W in weights]
    return l2_penalty


def _first_layer_only(weights, biases, alpha):
    grads = []
    for W in weights:
        grads.append(alpha * W)
    for W in weights:
        return alpha / 2 * np.sum(W ** 2), grads


L2_MISTAKES = [
    (lambda w, b, a: (a * sum(np.sum(W ** 2) for W in w), [a * W for W in w]), "the ½ of α/2"),
    (lambda w, b, a: (a / 2 * sum(np.sum(W ** 2) for W in w), [a / 2 * W for W in w]), "derivative of ½ w²"),
    (lambda w, b, a: (a / 2 * sum(np.sum(W ** 2) for W in w), [2 * a * W for W in w]), "cancels the 2"),
    (lambda w, b, a: (a / 2 * sum(np.linalg.norm(W) for W in w), [a * W for W in w]), "norm that was not squared"),
    (lambda w, b, a: (a / 2 * sum(np.mean(W ** 2) for W in w), [a * W for W in w]), "averages the squares"),
    (lambda w, b, a: (a / 2 * sum(np.sum(W) ** 2 for W in w), [a * W for W in w]), "squares the sum"),
    (lambda w, b, a: (a * sum(np.abs(W).sum() for W in w), [a * np.sign(W) for W in w]), "L1 penalty"),
    (lambda w, b, a: (a / 2 * sum(np.sum(W ** 2) for W in w), [-a * W for W in w]), "wrong way"),
    (lambda w, b, a: (a / 2 * sum(np.sum(W ** 2) for W in w), [W for W in w]), "do not change with alpha"),
    (_l2_only(lambda w: w), None),  # the correct answer, as a sanity check of the helper
    (lambda w, b, a: (a / 2 * sum(np.sum(P ** 2) for P in w + b), [a * W for W in w]), "counts the biases"),
    (_first_layer_only, "Only the first layer"),
    (_l2_only(lambda w: w[-1:]), "Only the last layer"),
    (lambda w, b, a: (a / 2 * np.sum(np.array(w) ** 2), [a * W for W in w]), "one matrix at a time"),
    (lambda w, b, a: a / 2 * sum(np.sum(W ** 2) for W in w), "2 values together"),
]


@pytest.mark.parametrize("answer, hint", [m for m in L2_MISTAKES if m[1] is not None],
                         ids=["no-half", "half-gradient", "double-gradient", "norm", "mean", "square-of-sum", "l1",
                              "sign", "no-alpha-in-gradient", "biases", "first-layer", "last-layer", "ragged-array",
                              "penalty-only"])
def test_l2_penalty_mistakes_get_their_hint_in_ten_lines(answer, hint):
    assert hint in message(check_l2_penalty, answer)
    assert _lines(check_l2_penalty, answer) <= 10


@pytest.mark.parametrize("container", [list, tuple])
def test_an_unforeseen_slip_in_gradients_of_different_shapes_is_a_failed_check_not_a_crash(container):
    """The gradients are matrices of different shapes: the part-by-part feedback must not try to stack them."""
    text = message(check_l2_penalty, lambda w, b, a: (a / 2 * sum(np.sum(W ** 2) for W in w),
                                                      container(a * W + 0.1 for W in w)))
    assert "penalty is right; gradients is not" in text and "\nHint: Which is wrong, the penalty or the gradients?" in text
    assert f"the {container.__name__} " in text  # shown as the student returned it


def test_the_l2_helper_of_these_tests_is_itself_right(capsys):
    passes(check_l2_penalty, _l2_only(lambda w: w), capsys, "7.2")


# ---------------------------------------------------------------- 7.3 momentum step


def _momentum_copy(w, v, gradient, learning_rate, momentum):
    new_v = momentum * v
    new_v -= learning_rate * gradient
    new_w = w.copy()
    new_w += new_v
    return new_w, new_v


@pytest.mark.parametrize("answer", [
    lambda w, v, g, eta, mu: (w + (mu * v - eta * g), mu * v - eta * g),
    _momentum_copy,
    lambda w, v, g, eta, mu: (lambda new_v: [np.add(w, new_v), new_v])(np.subtract(mu * v, eta * g)),
], ids=["one-line", "copy-then-in-place", "numpy-functions-list"])
def test_momentum_step_correct_variants_pass(answer, capsys):
    passes(check_momentum_step, answer, capsys, "7.3")


def _in_place(w, v, g, eta, mu):
    v *= mu
    v -= eta * g
    w += v
    return w, v


MOMENTUM_MISTAKES = [
    (lambda w, v, g, eta, mu: (w + v, mu * v - eta * g), "previous velocity"),
    (lambda w, v, g, eta, mu: (w + mu * v + eta * g, mu * v + eta * g), "uphill"),
    (lambda w, v, g, eta, mu: (w - (mu * v - eta * g), mu * v - eta * g), "moves by +v"),
    (lambda w, v, g, eta, mu: (w + mu * v - g, mu * v - g), "learning rate is missing"),
    (lambda w, v, g, eta, mu: (w + eta * (mu * v - g), mu * v - g), "the step before η"),
    (lambda w, v, g, eta, mu: (w + v - eta * g, v - eta * g), "not shrunk by momentum"),
    (lambda w, v, g, eta, mu: (w - eta * g, -eta * g), "plain gradient descent"),
    (lambda w, v, g, eta, mu: (w + mu * v - (1 - mu) * eta * g, mu * v - (1 - mu) * eta * g), "(1 − momentum)"),
    (lambda w, v, g, eta, mu: (w + mu * (v - eta * g), mu * (v - eta * g)), "only the old velocity"),
    (lambda w, v, g, eta, mu: (mu * v - eta * g, w + mu * v - eta * g), "wrong order"),
    (_in_place, "instead of modifying the input"),
    (lambda w, v, g, eta, mu: w + mu * v - eta * g, "2 values together"),
]


@pytest.mark.parametrize("answer, hint", MOMENTUM_MISTAKES,
                         ids=["old-velocity", "uphill", "minus-v", "no-eta", "eta-outside", "no-momentum",
                              "plain-gd", "ema", "momentum-on-step", "swapped", "in-place", "w-only"])
def test_momentum_step_mistakes_get_their_hint_in_ten_lines(answer, hint):
    assert hint in message(check_momentum_step, answer)
    assert _lines(check_momentum_step, answer) <= 10


def test_every_known_mistake_of_the_three_checks_has_a_hint_of_its_own():
    hints = [hint_of(check_momentum_step, answer) for answer, _ in MOMENTUM_MISTAKES[:9]]
    hints += [hint_of(check_early_stopping, answer) for answer, _ in EARLY_STOPPING_MISTAKES[:12]]
    hints += [hint_of(check_l2_penalty, answer) for answer, hint in L2_MISTAKES[:13] if hint is not None]
    assert len(set(hints)) == len(hints)


@pytest.mark.parametrize("check, number", [(check_early_stopping, "7.1"), (check_l2_penalty, "7.2"),
                                           (check_momentum_step, "7.3")])
def test_an_untouched_stub_is_reported_as_not_attempted(check, number, capsys):
    def stub(*args):
        raise NotImplementedError(f"Exercise {number}: replace this line with your code")
    check(stub)
    assert capsys.readouterr().out.startswith(f"◻ Exercise {number} not attempted yet")


def test_momentum_step_names_the_wrong_value_and_looks_at_v_first():
    assert "w is right; v is not" in message(check_momentum_step, lambda w, v, g, eta, mu: (w + mu * v - eta * g,
                                                                                           mu * v - eta * g + 0.01))
    assert "v and w are wrong — v comes first" in message(check_momentum_step,
                                                          lambda w, v, g, eta, mu: (w + v, v))
