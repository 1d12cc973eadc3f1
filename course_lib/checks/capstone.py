"""Checks for lesson 08 · Capstone: handwritten digits, the exercises new to it.

Exercise 8.3 assembles the student's own training loop: one epoch of mini-batch gradient
descent from lesson 06's ``backward_pass`` and ``gradient_step``. The reference is
:func:`course_lib.capstone.minibatch_epoch`; the known mistakes are the same loop with one
slip, written with the course's lesson-06 functions. The student's function calls whichever
``backward_pass`` and ``gradient_step`` their notebook holds (their own, loaded from lesson 06,
or the course's): the two agree to rounding, far inside the check's tolerance.

``DROPPED_TERMS`` holds the solution with one of its terms left out: the contract test proves that
each of them fails the check.
"""

from __future__ import annotations

import numpy as np

from course_lib.capstone import backward_pass, gradient_step
from course_lib.capstone import minibatch_epoch as _course_epoch

from ._core import Case, CrashHint, Exercise, Mistake, Symptom, run_check

_RNG = np.random.default_rng(80)


def _network(n_in, n_hidden, n_out, n_samples):
    """A small network and batch; no two sizes equal, so a batch taken from the wrong rows shows."""
    X = _RNG.normal(size=(n_samples, n_in)).round(2)
    Y = np.eye(n_out)[_RNG.integers(0, n_out, size=n_samples)]
    params = [_RNG.normal(size=(n_in, n_hidden)).round(2), (_RNG.normal(size=n_hidden) / 4).round(2),
              _RNG.normal(size=(n_hidden, n_out)).round(2), (_RNG.normal(size=n_out) / 4).round(2)]
    return X, Y, params


class _Batches(Case):
    """A case described by its shapes and batches, not its numbers: the call stays one short line."""

    def describe(self, function_name: str, names=()) -> str:
        X, Y, params, learning_rate, batches = self.args
        shapes = ", ".join(f"{name} {'×'.join(map(str, p.shape))}" for name, p in zip(("W1", "b1", "W2", "b2"), params))
        rows = ", ".join(str(r.tolist()) for r in batches)
        return (f"{function_name}(X {X.shape[0]}×{X.shape[1]}, Y {Y.shape[0]}×{Y.shape[1]}, params [{shapes}], "
                f"learning_rate={learning_rate}, batches [{rows}])")


# Tiny networks (1 input, 2 hidden units, 3 classes), so that the parameters print in a line or two.
_XA, _YA, _PA = _network(1, 2, 3, 5)
_XB, _YB, _PB = _network(2, 3, 4, 6)
_CASES = [
    _Batches(_XA, _YA, _PA, 0.5, [np.array([4, 0]), np.array([3, 1]), np.array([2])]),   # the last batch smaller
    _Batches(_XA, _YA, _PA, 0.1, [np.array([i]) for i in (2, 0, 4, 1, 3)]),               # one sample per batch
    _Batches(_XB, _YB, _PB, 1.0, [np.array([1, 3, 5]), np.array([0, 2, 4])]),
]


def _steps(X, Y, params, learning_rate, batches, *, rows_of=lambda X, Y, rows: (X[rows], Y[rows]),
           rate=lambda learning_rate, rows, batches: learning_rate, alpha=lambda learning_rate: 0.0, sign=1.0,
           chain=True, stop_after=None):
    """The loop of Exercise 8.3 with one of its parts swapped for a slip (each default is the right part)."""
    start = params
    for count, rows in enumerate(batches[:stop_after], start=1):
        Xb, Yb = rows_of(X, Y, rows)
        grads = backward_pass(Xb, Yb, *(params if chain else start), alpha(learning_rate))
        params = gradient_step(params if chain else start, [sign * g for g in grads], rate(learning_rate, rows, batches))
    return params


def _averaged_once(X, Y, params, learning_rate, batches):
    """The gradients of every batch averaged at the starting weights, then a single step."""
    grads = [backward_pass(X[rows], Y[rows], *params, 0.0) for rows in batches]
    mean = [np.mean([g[i] for g in grads], axis=0) for i in range(4)]
    return gradient_step(params, mean, learning_rate)


# ---------------------------------------------------------------- Exercise 8.3

_MISTAKES = [
    Mistake("Your parameters come back as they went in: gradient_step returns a new list and leaves its input "
            "alone. Where do you keep what it returns, for the next batch?",
            lambda X, Y, params, lr, batches: params),
    Mistake("Only the last batch's step survives: every step starts again from the parameters that came in. Each "
            "step must start from the parameters the step before it returned.",
            lambda *args: _steps(*args, chain=False)),
    Mistake("Only the first batch took a step: is the `return` inside the loop? It belongs after it, once every "
            "batch has had its step.", lambda *args: _steps(*args, stop_after=1)),
    Mistake("Every batch must take its step, the last, smaller one too: loop over all of batches.",
            lambda *args: _steps(*args, stop_after=-1)),
    Mistake("Each step should see only its own batch, the rows of X and Y at its indices, not all of X and Y.",
            lambda *args: _steps(*args, rows_of=lambda X, Y, rows: (X, Y))),
    Mistake("Downhill is minus the gradient: your parameters moved with it. Did you add it, or flip the "
            "gradients' sign?", lambda *args: _steps(*args, sign=-1.0)),
    Mistake("One step per batch, not one per epoch: averaging the batches' gradients and stepping once is full-batch "
            "gradient descent again. Update the parameters inside the loop.", _averaged_once),
    Mistake("The last argument of backward_pass is alpha, the L2 penalty, 0.0 here; the learning rate goes to "
            "gradient_step only.", lambda *args: _steps(*args, alpha=lambda lr: lr)),
    Mistake("backward_pass already averages over the batch (it divides by its number of rows): pass learning_rate "
            "as it is, not multiplied by the batch size.",
            lambda *args: _steps(*args, rate=lambda lr, rows, batches: lr * len(rows))),
    Mistake("backward_pass already averages over the batch (it divides by its number of rows): use the learning "
            "rate and the gradients as they are, without dividing by the batch size again.",
            lambda *args: _steps(*args, rate=lambda lr, rows, batches: lr / len(rows))),
    Symptom("The epoch returns the parameters, all four arrays W1, b1, W2, b2 in that order, after their last "
            "step: what does yours return?",
            lambda got, *args: not (isinstance(got, (list, tuple)) and len(got) == 4)),
    Mistake("Each batch takes a full step of learning_rate: do not share it out among the batches (that divides "
            "the epoch's progress by their number).",
            lambda *args: _steps(*args, rate=lambda lr, rows, batches: lr / len(batches))),
]


def _as_four(X, Y, params, learning_rate, batches):
    """The course's epoch, its four parameters returned as four values, for the engine to judge one by one."""
    return tuple(_course_epoch(X, Y, params, learning_rate, batches))


_ROWS_OF_Y = ("Take the batch's rows of Y as well as of X: backward_pass compares each sample's scores with its "
              "own target row.")


def check_minibatch_epoch(minibatch_epoch) -> None:
    """Exercise 8.3: ``minibatch_epoch(X, Y, params, learning_rate, batches)``, one step of gradient descent per batch."""
    run_check(
        Exercise("8.3", "minibatch_epoch",
                 "minibatch_epoch takes one step per batch, in order, each from the parameters the last one left",
                 returns=("W1", "b1", "W2", "b2"),
                 shapes="X is (n, n_in) and Y (n, n_out); a batch is the rows of both at its indices; params is "
                        "[W1, b1, W2, b2]."),
        minibatch_epoch,
        cases=_CASES,
        reference=_as_four,
        mistakes=_MISTAKES,
        crash_hints=[
            CrashHint(ValueError, _ROWS_OF_Y, text="Y must have shape"),
            CrashHint(ValueError, _ROWS_OF_Y, text="broadcast"),
            CrashHint(TypeError, "backward_pass takes X, Y, then the four parameters one by one, then alpha: a star "
                                 "unpacks a list into separate arguments (*params).", text="positional argument"),
        ],
        general_hint="Follow the first two batches by hand: which rows does each one's gradient come from, and "
                     "which parameters does the second step start from?",
    )


# ---------------------------------------------------------------- every term matters

DROPPED_TERMS = {
    "check_minibatch_epoch": {
        "the batch's rows": lambda *args: _steps(*args, rows_of=lambda X, Y, rows: (X, Y)),
        "the parameters carried from step to step": lambda *args: _steps(*args, chain=False),
        "the steps": lambda X, Y, params, learning_rate, batches: params,
        "the learning rate": lambda X, Y, params, learning_rate, batches: _steps(
            X, Y, params, 1.0, batches),
    },
}
