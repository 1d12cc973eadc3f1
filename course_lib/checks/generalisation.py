"""Checks for lesson 07 · Generalisation.

The references are :mod:`course_lib.generalisation`'s functions; each known mistake is the same
rule with one slip (written here, with a switch per slip), and gets a hint aimed at that slip.
"""

from __future__ import annotations

import numpy as np

from course_lib import generalisation

from ._core import Case, CrashHint, Exercise, Mistake, run_check

# ---------------------------------------------------------------- Exercise 7.1


def _early_stopping(losses, patience, *, better=lambda loss, best: loss < best, late=0, keep_counting=False,
                    from_previous=False, look_ahead=False, stop=True):
    """:func:`course_lib.generalisation.early_stopping` with the known slips switched on by the keywords."""
    losses = [float(loss) for loss in losses]
    best, best_epoch, waited, previous = np.inf, 0, 0, np.inf
    for epoch, loss in enumerate(losses, start=1):
        reference = previous if from_previous else best
        if better(loss, reference):
            if better(loss, best):
                best, best_epoch = loss, epoch
            waited = waited if keep_counting else 0
        else:
            waited += 1
            if stop and waited >= patience + late:
                return (int(np.argmin(losses)) + 1 if look_ahead else best_epoch), epoch
        previous = loss
    return (int(np.argmin(losses)) + 1 if look_ahead else best_epoch), len(losses)


def _stop_at_first_rise(losses, patience):
    return _early_stopping(losses, 1)


def _never_stop(losses, patience):
    return _early_stopping(losses, patience, stop=False)


_LOSSES = [0.9, 0.7, 0.6, 0.65, 0.62, 0.61, 0.63, 0.64, 0.66, 0.7]


def check_early_stopping(early_stopping) -> None:
    """Exercise 7.1: ``early_stopping(validation_losses, patience)`` returns ``(best_epoch, stop_epoch)``."""
    run_check(
        Exercise("7.1", "early_stopping",
                 "early_stopping finds where the validation loss was lowest and where patience runs out"),
        early_stopping,
        cases=[Case(_LOSSES, 3),
               Case([1.0, 0.8, 0.8, 0.8, 0.5, 0.4], 2),
               Case([1.0, 1.1, 0.9, 1.0, 0.8, 0.85, 0.7], 2),
               Case(np.array([0.9, 0.6, 0.7, 0.8, 0.75, 0.5]), 3),
               Case([0.5, 0.4, 0.3, 0.2], 2),
               Case([0.5, 0.6, 0.4, 0.3], 1),
               Case(np.array([0.8, 0.5, 0.6, 0.55, 0.58, 0.57, 0.59, 0.6]), 4)],
        reference=generalisation.early_stopping,
        mistakes=[
            Mistake("Your epochs are one too small: epochs count from 1 here (the first loss is epoch 1), "
                    "as in n_epochs and in the loss plot.",
                    lambda losses, p: tuple(e - 1 for e in _early_stopping(losses, p))),
            Mistake("Your best epoch has the highest validation loss: a lower loss is the better one.",
                    lambda losses, p: _early_stopping([-float(loss) for loss in losses], p)),
            Mistake("Your best epoch comes from losses after the stop: when it stops, early stopping has not "
                    "seen them yet.", lambda losses, p: _early_stopping(losses, p, look_ahead=True)),
            Mistake("Your function never stops early: it always runs to the last epoch.", _never_stop),
            Mistake("Your function stops at the first epoch that is not better: that is what patience 1 does; "
                    "use the patience given.", _stop_at_first_rise),
            Mistake("You stop one epoch late: with patience 3 and the best at epoch 3, epochs 4, 5 and 6 are the "
                    "three without improvement.", lambda losses, p: _early_stopping(losses, p, late=1)),
            Mistake("You stop one epoch early: with patience 3 and the best at epoch 3, epochs 4, 5 and 6 are the "
                    "three without improvement.", lambda losses, p: _early_stopping(losses, p, late=-1)),
            Mistake("A loss lower than the epoch before but above the best so far is not an improvement: what do "
                    "you compare each loss with?", lambda losses, p: _early_stopping(losses, p, from_previous=True)),
            Mistake("A loss equal to the best so far is not an improvement: only a lower one is.",
                    lambda losses, p: _early_stopping(losses, p, better=lambda loss, best: loss <= best)),
            Mistake("The epochs without improvement must come in a row: a new lowest loss starts the count again.",
                    lambda losses, p: _early_stopping(losses, p, keep_counting=True)),
            Mistake("The first value is the epoch of the lowest loss seen, not the epoch where the run stops.",
                    lambda losses, p: (_early_stopping(losses, p)[1],) * 2),
            Mistake("The first value must be an epoch number; yours is the loss of that epoch.",
                    lambda losses, p: (float(min(losses[:_early_stopping(losses, p)[1]])),
                                       _early_stopping(losses, p)[1])),
        ],
        crash_hints=[CrashHint(IndexError, "An index past the end of the losses: count the epochs from 1, but "
                                           "index the list from 0.")],
        general_hint="Work the example of the exercise's hint by hand, epoch by epoch, and compare with what your "
                     "function returns for it.",
        rtol=0.0, atol=0.0,
    )


# ---------------------------------------------------------------- Exercise 7.2


def _l2_penalty(weights, biases, alpha, *, factor=0.5, grad_factor=1.0, square=np.square, total=np.sum):
    penalty = factor * alpha * sum(float(total(square(W))) for W in weights)
    return penalty, [grad_factor * alpha * W for W in weights]


class _Layers(Case):
    """A case whose weight and bias lists are shown as short matrices, so that a failure stays within ten lines."""

    def describe(self, function_name: str, names=()) -> str:  # names: the engine's parameter names, unused here
        weights, biases, alpha = self.args
        matrices = ", ".join(f"W{i} = {np.array2string(W, separator=', ', formatter={'float': '{:g}'.format})}"
                             for i, W in enumerate(weights, 1))
        return f"{function_name}(weights, biases, {alpha:g}) with {' '.join(matrices.split())}"


_W = [np.array([[1.0, -2.0]]), np.array([[3.0], [-1.0]])]
_B = [np.array([0.5, -0.5]), np.array([2.0])]
_W3 = [np.array([[0.5, -1.0]]), np.array([[1.0], [-2.0]]), np.array([[-4.0]])]
_B3 = [np.array([1.0, -1.0]), np.array([0.3]), np.array([-4.0])]


def check_l2_penalty(l2_penalty) -> None:
    """Exercise 7.2: ``l2_penalty(weights, biases, alpha)`` returns the penalty and a gradient per weight matrix."""
    run_check(
        Exercise("7.2", "l2_penalty",
                 "l2_penalty adds α/2 ΣW² over every layer's weights, not the biases, with gradient αW"),
        l2_penalty,
        cases=[_Layers(_W, _B, 0.1), _Layers(_W3, _B3, 0.01), _Layers(_W, _B, 1.0), _Layers(_W3, _B3, 0.0)],
        reference=generalisation.l2_penalty,
        mistakes=[
            Mistake("Your penalty is twice the reference: where is the ½ of α/2?",
                    lambda W, b, a: _l2_penalty(W, b, a, factor=1.0)),
            Mistake("Your gradients are half the reference: the derivative of ½ w² is w.",
                    lambda W, b, a: _l2_penalty(W, b, a, grad_factor=0.5)),
            Mistake("Your gradients are twice the reference: the ½ cancels the 2 of w².",
                    lambda W, b, a: _l2_penalty(W, b, a, grad_factor=2.0)),
            Mistake("The penalty sums the squares of the entries; yours squares a norm that was not squared.",
                    lambda W, b, a: _l2_penalty(W, b, a, square=np.abs, total=np.linalg.norm)),
            Mistake("Your penalty averages the squares in each matrix: add them up instead.",
                    lambda W, b, a: _l2_penalty(W, b, a, total=np.mean)),
            Mistake("Your penalty squares the sum of the weights; each weight must be squared on its own.",
                    lambda W, b, a: (0.5 * a * sum(float(np.sum(w)) ** 2 for w in W), [a * w for w in W])),
            Mistake("That is the L1 penalty, α Σ|W| with gradient α sign(W); this exercise asks for L2.",
                    lambda W, b, a: (a * sum(float(np.abs(w).sum()) for w in W), [a * np.sign(w) for w in W])),
            Mistake("Your gradients point the wrong way: which sign has the slope of ½w²?",
                    lambda W, b, a: _l2_penalty(W, b, a, grad_factor=-1.0)),
            Mistake("Your gradients do not change with alpha: where is α in them?",
                    lambda W, b, a: (_l2_penalty(W, b, a)[0], [w.copy() for w in W])),
            Mistake("Your penalty counts the biases too: only the weight matrices are penalised.",
                    lambda W, b, a: (_l2_penalty(list(W) + list(b), [], a)[0], _l2_penalty(W, b, a)[1])),
            Mistake("Only the first layer's weights are in your penalty: every layer counts (a return inside "
                    "the loop?).", lambda W, b, a: (_l2_penalty(W[:1], b, a)[0], _l2_penalty(W, b, a)[1])),
            Mistake("Only the last layer's weights are in your penalty: every layer counts (a sum that is "
                    "overwritten in the loop?).", lambda W, b, a: (_l2_penalty(W[-1:], b, a)[0],
                                                                   _l2_penalty(W, b, a)[1])),
        ],
        crash_hints=[CrashHint(ValueError, "weights is a list of matrices of different shapes: take the squares "
                                           "and sums one matrix at a time.", "inhomogeneous"),
                     CrashHint(TypeError, "weights and biases are lists of arrays: arithmetic on a whole list "
                                          "does not reach the numbers; go through the matrices one at a time.",
                               "list")],
        general_hint="Compare your code with the penalty and the gradient written just above the exercise, "
                     "one matrix at a time.",
    )


# ---------------------------------------------------------------- Exercise 7.3


def _momentum_step(w, v, gradient, learning_rate, momentum):
    v = momentum * v - learning_rate * gradient
    return w + v, v


def check_momentum_step(momentum_step) -> None:
    """Exercise 7.3: ``momentum_step(w, v, gradient, learning_rate, momentum)`` returns the new ``(w, v)``."""
    w, v, g = np.array([1.0, -2.0]), np.array([0.5, 0.25]), np.array([4.0, -1.0])
    W, V, G = np.array([[0.3, -0.1], [0.0, 2.0]]), np.array([[0.1, 0.0], [-0.2, 0.4]]), np.array([[1.0, 2.0], [-3.0, 0.5]])
    run_check(
        Exercise("7.3", "momentum_step",
                 "momentum_step keeps momentum × the last step and adds −η × the gradient, then moves w by it"),
        momentum_step,
        cases=[Case(w, v, g, 0.1, 0.9), Case(W, V, G, 0.05, 0.5), Case(w, np.zeros(2), g, 0.1, 0.9),
               Case(W, V, G, 0.2, 0.0)],
        reference=generalisation.momentum_step,
        mistakes=[
            Mistake("Your w moves by the previous velocity: compute the new velocity first, then move w by it.",
                    lambda w, v, g, eta, mu: (w + v, mu * v - eta * g)),
            Mistake("Your step goes uphill: the gradient points to where the cost grows.",
                    lambda w, v, g, eta, mu: _momentum_step(w, v, -g, eta, mu)),
            Mistake("Your w moves away from the velocity: v is already the step, so w moves by +v.",
                    lambda w, v, g, eta, mu: (w - (mu * v - eta * g), mu * v - eta * g)),
            Mistake("The learning rate is missing from your step: the gradient's part is −η × gradient.",
                    lambda w, v, g, eta, mu: _momentum_step(w, v, g, 1.0, mu)),
            Mistake("Your v is the step before η: in this lesson's rule v is the step itself, η included.",
                    lambda w, v, g, eta, mu: (w + eta * (mu * v - g), mu * v - g)),
            Mistake("Your old velocity is not shrunk by momentum: it should be multiplied by it.",
                    lambda w, v, g, eta, mu: _momentum_step(w, v, g, eta, 1.0)),
            Mistake("Your step ignores the previous velocity: that is plain gradient descent.",
                    lambda w, v, g, eta, mu: _momentum_step(w, v, g, eta, 0.0)),
            Mistake("There is no (1 − momentum) factor in this rule: the new gradient step is added in full.",
                    lambda w, v, g, eta, mu: _momentum_step(w, v, (1 - mu) * g, eta, mu)),
            Mistake("Momentum multiplies only the old velocity, not the new gradient step.",
                    lambda w, v, g, eta, mu: (w + mu * (v - eta * g), mu * (v - eta * g))),
        ],
        general_hint="Compare your two lines with the rule above the exercise: first the new velocity, then the "
                     "weights.",
    )
