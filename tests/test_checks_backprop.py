"""Lesson 06's checks of the student's training loop (Exercises 6.6 and 6.7) accept correct answers
written in several styles and give each realistic mistake its own hint."""

import numpy as np
import pytest

from course_lib import mlp
from course_lib.checks import check_gradient_step, check_train
from check_helpers import hint_of, message, passes


# ---------------------------------------------------------------- 6.6 gradient_step

def _step_unpacked(params, grads, learning_rate):
    W1, b1, W2, b2 = params
    dW1, db1, dW2, db2 = grads
    return [W1 - learning_rate * dW1, b1 - learning_rate * db1, W2 - learning_rate * dW2, b2 - learning_rate * db2]


def _step_loop(params, grads, learning_rate):
    new = []
    for p, g in zip(params, grads):
        new.append(p - learning_rate * g)
    return new


def _step_tuple_with_copy(params, grads, learning_rate):
    out = [p.copy() for p in params]
    for i in range(len(out)):
        out[i] -= learning_rate * grads[i]          # in place, but on copies
    return tuple(out)


@pytest.mark.parametrize("answer", [
    lambda params, grads, learning_rate: [p - learning_rate * g for p, g in zip(params, grads)],
    _step_unpacked, _step_loop, _step_tuple_with_copy,
], ids=["comprehension", "unpacked", "loop", "tuple-of-copies"])
def test_gradient_step_correct_variants_pass(answer, capsys):
    passes(check_gradient_step, answer, capsys, "6.6")


def _in_place(params, grads, learning_rate):
    for p, g in zip(params, grads):
        p -= learning_rate * g
    return params


@pytest.mark.parametrize("answer, hint", [
    (lambda P, G, lr: [p + lr * g for p, g in zip(P, G)], "goes uphill"),
    (lambda P, G, lr: [p - g for p, g in zip(P, G)], "ignores learning_rate"),
    (lambda P, G, lr: [p - g / lr for p, g in zip(P, G)], "divides by learning_rate"),
    (lambda P, G, lr: [p - 0.1 * g for p, g in zip(P, G)], "always uses 0.1"),
    (lambda P, G, lr: [-lr * g for g in G], "returned the steps themselves"),
    (lambda P, G, lr: G, "returned the gradients unchanged"),
    (lambda P, G, lr: P, "Nothing moved"),
    (lambda P, G, lr: [P[0] - lr * G[0], P[1], P[2] - lr * G[2], P[3]], "Only the weights moved"),
    (lambda P, G, lr: [P[0] - lr * G[0], P[2] - lr * G[2], P[1] - lr * G[1], P[3] - lr * G[3]], "The order changed"),
    (lambda P, G, lr: [p - lr * g for p, g in zip(P, G[::-1])], "Pair each parameter with the gradient"),
    (_in_place, "instead of modifying the input"),
    (lambda P, G, lr: map(lambda p, g: p - lr * g, P, G), "It should return a list of 4 items"),
    (lambda P, G, lr: [P[0] - lr * G[0], P[2] - lr * G[2]], "return all four arrays, the biases too"),
    (lambda P, G, lr: None, "is a `return` statement missing?"),
], ids=["plus", "no-rate", "divided", "fixed-rate", "steps", "gradients", "unchanged", "weights-only", "reordered",
        "misaligned", "in-place", "map", "weights-only-two", "no-return"])
def test_gradient_step_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_gradient_step, answer)


def test_gradient_step_failure_is_short_and_keeps_the_answer_back():
    text = message(check_gradient_step, lambda P, G, lr: [p + lr * g for p, g in zip(P, G)])
    assert len(text.splitlines()) <= 10
    assert "p - learning_rate" not in text and "−" not in hint_of(check_gradient_step,
                                                                   lambda P, G, lr: [p + lr * g for p, g in zip(P, G)])


def test_gradient_step_stub_is_reported_as_not_attempted(capsys):
    def gradient_step(params, grads, learning_rate):
        raise NotImplementedError("Exercise 6.6: replace this line with your code")
    check_gradient_step(gradient_step)
    assert capsys.readouterr().out.startswith("◻ Exercise 6.6 not attempted")


# ---------------------------------------------------------------- 6.7 train
# The student's train calls their own Exercise 6.2, 6.5 and 6.6 functions; here the library's stand in.

def _loss(Z2, Y):
    return mlp.cross_entropy(Y, Z2)


def _backward_pass(X, Y, W1, b1, W2, b2, alpha):
    Zs, As = mlp.forward(X, [W1, W2], [b1, b2], "tanh")
    (dW1, dW2), (db1, db2) = mlp.backward(Y, Zs, As, [W1, W2], "tanh", alpha=alpha)
    return dW1, db1, dW2, db2


def _gradient_step(params, grads, learning_rate):
    return [p - learning_rate * g for p, g in zip(params, grads)]


def _objective(X, Y, W1, b1, W2, b2, alpha, half=0.5):
    return _loss(np.tanh(X @ W1 + b1) @ W2 + b2, Y) + half * alpha * (np.sum(W1 ** 2) + np.sum(W2 ** 2))


def _train_list(X, Y, params, learning_rate, n_epochs, alpha=0.0):
    losses = []
    for epoch in range(n_epochs):
        losses.append(_objective(X, Y, *params, alpha))
        params = _gradient_step(params, _backward_pass(X, Y, *params, alpha), learning_rate)
    return params, losses


def _train_named(X, Y, params, learning_rate, n_epochs, alpha=0.0):
    W1, b1, W2, b2 = params
    losses = np.zeros(n_epochs)
    for epoch in range(n_epochs):
        Z1 = X @ W1 + b1
        penalty = alpha / 2 * ((W1 * W1).sum() + (W2 * W2).sum())
        losses[epoch] = _loss(np.tanh(Z1) @ W2 + b2, Y) + penalty
        grads = _backward_pass(X, Y, W1, b1, W2, b2, alpha)
        W1, b1, W2, b2 = _gradient_step([W1, b1, W2, b2], grads, learning_rate)
    return (W1, b1, W2, b2), losses


def _train_while(X, Y, params, learning_rate, n_epochs, alpha=0.0):
    losses, epoch = [], 0
    while epoch < n_epochs:
        losses.append(float(_objective(X, Y, *params, alpha)))
        grads = _backward_pass(X, Y, *params, alpha)
        params = _gradient_step(params, list(grads), learning_rate)
        epoch += 1
    return [params, tuple(losses)]


@pytest.mark.parametrize("answer", [_train_list, _train_named, _train_while], ids=["list", "named-array", "while-tuple"])
def test_train_correct_variants_pass(answer, capsys):
    passes(check_train, answer, capsys, "6.7")


def _variant(*, keep=False, after=False, shift=0, half=0.5, step_alpha=True, rate=None, per_sample=False,
             start=False, last=False, ascent=False):
    def train(X, Y, params, learning_rate, n_epochs, alpha=0.0):
        current, losses = params, []
        for epoch in range(n_epochs + shift):
            if not after:
                losses.append(_objective(X, Y, *current, alpha, half))
            new = current
            for rows in ([slice(i, i + 1) for i in range(len(X))] if per_sample else [slice(None)]):
                grads = _backward_pass(X[rows], Y[rows], *new, alpha if step_alpha else 0.0)
                if ascent:
                    grads = [-g for g in grads]
                new = _gradient_step(new, grads, learning_rate if rate is None else rate)
            if not keep:
                current = new
            if after:
                losses.append(_objective(X, Y, *current, alpha, half))
        return (params if start else current), (losses[-1] if last else losses)
    return train


@pytest.mark.parametrize("answer, hint", [
    (_variant(keep=True), "Your loss never changes"),
    (_variant(after=True), "before that epoch's step"),
    (_variant(shift=-1), "One epoch short"),
    (_variant(shift=1), "One epoch too many"),
    (_variant(half=0.0), "The loss leaves out the penalty"),
    (_variant(half=1.0), "yours has no ½"),
    (_variant(step_alpha=False), "Your steps ignore alpha"),
    (_variant(rate=0.1), "always use the learning rate 0.1"),
    (_variant(per_sample=True), "a step per sample"),
    (_variant(start=True), "the parameters you started from"),
    (_variant(last=True), "holds only the last"),
    (_variant(ascent=True), "Is your first loss that of the params you were given"),
    (lambda X, Y, params, learning_rate, n_epochs, alpha=0.0: _backward_pass(X, Y, params, learning_rate),
     "unpack the list with *params"),
], ids=["params-not-updated", "loss-after-step", "one-short", "one-more", "no-penalty", "no-half", "alpha-not-passed",
        "fixed-rate", "per-sample", "returns-start", "last-loss-only", "unknown-slip", "params-not-unpacked"])
def test_train_mistakes_get_their_hint(answer, hint):
    assert hint in message(check_train, answer)


def test_train_reports_a_stub_of_an_earlier_exercise_as_not_checkable_yet(capsys):
    def gradient_step(params, grads, learning_rate):
        raise NotImplementedError("Exercise 6.6: replace this line with your code")

    def train(X, Y, params, learning_rate, n_epochs, alpha=0.0):
        return gradient_step(params, _backward_pass(X, Y, *params, alpha), learning_rate), []
    check_train(train)
    assert "Complete Exercise 6.6 first" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [_variant(keep=True), _variant(shift=1), _variant(per_sample=True)],
                         ids=["params-not-updated", "one-more", "per-sample"])
def test_train_failures_fit_in_ten_lines(answer):
    assert len(message(check_train, answer).splitlines()) <= 10


def test_train_is_what_mlpclassifier_does_with_the_same_seed():
    """The interface lesson 08 relies on: init_params with one generator, then full-batch steps, equal the estimator."""
    from course_lib.datasets import make_moons
    X, y = make_moons(n_samples=60, noise=0.2, random_state=3)
    rng = np.random.default_rng(7)
    (W1, W2), (b1, b2) = mlp.init_params((2, 5, 2), "tanh", random_state=rng)
    params, losses = _train_list(X, np.eye(2)[y], [W1, b1, W2, b2], 0.5, 40, 0.01)
    model = mlp.MLPClassifier((5,), "tanh", learning_rate=0.5, n_epochs=40, alpha=0.01, random_state=7).fit(X, y)
    for mine, theirs in zip(params, [model.coefs_[0], model.intercepts_[0], model.coefs_[1], model.intercepts_[1]]):
        np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(losses, model.loss_curve_, rtol=1e-9)


# ---------------------------------------------------------------- cells that run the student's functions

@pytest.fixture
def fresh_guard(monkeypatch):
    from course_lib.checks import uses_your_functions
    monkeypatch.setattr(uses_your_functions, "waiting_for", None)
    return uses_your_functions


def test_a_stub_in_a_guarded_cell_is_reported_once_and_run_all_goes_on(fresh_guard, capsys):
    def train():
        raise NotImplementedError("Exercise 6.7: replace this line with your code, then run this cell and the check.")
    with fresh_guard():
        train()
    out = capsys.readouterr().out
    assert out.startswith("◻ This cell runs your own functions, and Exercise 6.7 is not done yet")
    assert len(out.splitlines()) == 1


def test_a_later_cell_missing_the_skipped_results_says_which_exercise(fresh_guard, capsys):
    with fresh_guard():
        raise NotImplementedError("Exercise 6.5: replace this line with your code")
    with fresh_guard():
        print(params_that_were_never_made)  # noqa: F821 - the NameError under test
    assert "once Exercise 6.5 is done" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.parametrize("error", [ValueError("shapes (3,2) and (3,2) not aligned"), NotImplementedError("no exercise"),
                                   ZeroDivisionError("division by zero")], ids=["bug", "other-stub", "zero-division"])
def test_the_students_own_bugs_still_show(fresh_guard, error):
    with pytest.raises(type(error)):
        with fresh_guard():
            raise error


def test_a_name_error_with_no_skipped_cell_above_still_shows(fresh_guard):
    with pytest.raises(NameError):
        with fresh_guard():
            print(a_typo)  # noqa: F821 - the NameError under test


def test_a_cell_with_no_error_prints_nothing(fresh_guard, capsys):
    with fresh_guard():
        value = 1 + 1
    assert value == 2 and capsys.readouterr().out == ""


def test_a_stub_wrapped_by_a_library_call_is_still_reported(fresh_guard, capsys):
    """mlp.gradient_check turns whatever the student's function raises into its own ValueError."""
    def backward_pass(X, Y, weights, biases):
        raise NotImplementedError("Exercise 6.5: replace this line with your code")
    weights, biases = mlp.init_params((2, 3, 2), random_state=0)
    with fresh_guard():
        mlp.gradient_check(np.ones((2, 2)), np.eye(2), weights, biases, gradients=backward_pass)
    assert "Exercise 6.5 is not done yet" in capsys.readouterr().out


def test_the_minibatch_loop_of_the_lesson_08_interface_is_what_mlpclassifier_does():
    """/work/notes/lesson06-interface.md: one generator initialises, then draws one permutation per epoch."""
    from course_lib.datasets import make_moons
    X, y = make_moons(n_samples=70, noise=0.2, random_state=4)
    Y, n, B = np.eye(2)[y], len(X), 16
    rng = np.random.default_rng(5)
    (W1, W2), (b1, b2) = mlp.init_params((2, 6, 2), "tanh", random_state=rng)
    params, curve = [W1, b1, W2, b2], []
    for epoch in range(15):
        order, total = rng.permutation(n), 0.0
        for start in range(0, n, B):
            rows = order[start:start + B]
            total += _objective(X[rows], Y[rows], *params, 0.01) * len(rows)
            params = _gradient_step(params, _backward_pass(X[rows], Y[rows], *params, 0.01), 0.3)
        curve.append(total / n)
    model = mlp.MLPClassifier((6,), "tanh", learning_rate=0.3, n_epochs=15, batch_size=B, alpha=0.01,
                              random_state=5).fit(X, y)
    for mine, theirs in zip(params, [model.coefs_[0], model.intercepts_[0], model.coefs_[1], model.intercepts_[1]]):
        np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(curve, model.loss_curve_, rtol=1e-9)


@pytest.mark.parametrize("check, answer", [
    (check_gradient_step, lambda P, G, lr: [p + lr * g for p, g in zip(P, G)]),
    (check_gradient_step, lambda P, G, lr: map(lambda p, g: p - lr * g, P, G)),
    (check_gradient_step, _in_place),
    (check_train, _variant(keep=True)),
    (check_train, _variant(last=True)),
    (check_train, _variant(ascent=True)),
], ids=["step-uphill", "step-map", "step-in-place", "train-not-updated", "train-last-loss", "train-unknown"])
def test_what_the_student_sees_fits_in_ten_lines(check, answer):
    from course_lib.checks import CheckFailed
    with pytest.raises(CheckFailed) as caught:
        check(answer)
    assert len(caught.value.lines()) <= 10, "\n".join(caught.value.lines())


def test_train_says_which_of_its_two_results_is_wrong():
    assert "loss(params) is right; losses is not" in message(check_train, _variant(last=True))
    assert "losses and loss(params) are wrong — losses comes first" in message(check_train, _variant(keep=True))
