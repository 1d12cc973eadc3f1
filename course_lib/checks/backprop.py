"""Checks for lesson 06 · Backpropagation: the student's own training loop.

Exercises 6.1–6.5 (a layer, the loss, the gradients) are checked in :mod:`.mlp`; this module
checks the two functions that turn them into a network that learns:
``gradient_step(params, grads, learning_rate)`` (Exercise 6.6) and
``train(X, Y, params, learning_rate, n_epochs, alpha)`` (Exercise 6.7). Parameters travel as
one list ``[W1, b1, W2, b2]`` and gradients as ``[dW1, db1, dW2, db2]``, the order in which
``backward_pass`` returns them. Every expected value comes from :mod:`course_lib.mlp`.
"""

from __future__ import annotations

import numpy as np

from course_lib import mlp

from ._core import Case, CrashHint, Exercise, Mistake, run_check

_RNG = np.random.default_rng(60)


def _params(n_in, n_hidden, n_out, scale=0.8):
    """A small network's ``[W1, b1, W2, b2]``, rounded so that the feedback stays readable."""
    return [(scale * _RNG.normal(size=(n_in, n_hidden))).round(2), (0.3 * _RNG.normal(size=n_hidden)).round(2),
            (scale * _RNG.normal(size=(n_hidden, n_out))).round(2), (0.3 * _RNG.normal(size=n_out)).round(2)]


def _like(params, scale=1.0):
    return [(scale * _RNG.normal(size=np.shape(p))).round(2) for p in params]


class _Named(Case):
    """A case shown by a short description instead of every number of every array."""

    def __init__(self, text: str, *args):
        super().__init__(*args)
        self.text = text

    def describe(self, function_name: str, names=()) -> str:  # names: the engine's parameter names, unused here
        return f"{function_name}({self.text})"


# Small networks whose four arrays all have different shapes (a swapped pair cannot pass), small
# enough for the feedback to show every number: 1 input, 1 hidden unit, 2 classes; 2-1-2; 2-3-4.
P_A, P_B = _params(1, 1, 2), _params(2, 1, 2)
G_A, G_B = _like(P_A), _like(P_B)
P_C = _params(2, 3, 4)
X_A = np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8], [1.0, 1.0], [-1.2, -0.4]])
Y_A = np.eye(4)[[0, 3, 1, 2, 3]]
X_B = np.array([[0.2, -0.5], [1.1, 0.4], [-0.9, 0.3], [0.0, -1.3]])
Y_B = np.eye(2)[[1, 0, 0, 1]]


# ---------------------------------------------------------------- Exercise 6.6


def _step(params, grads, learning_rate):
    return [p - learning_rate * g for p, g in zip(params, grads)]        # θ ← θ − η ∂J/∂θ


def check_gradient_step(gradient_step) -> None:
    """Exercise 6.6: ``gradient_step(params, grads, learning_rate)`` returns the list of new parameters."""
    run_check(
        Exercise("6.6", "gradient_step",
                 "gradient_step moves every weight and bias a step of learning_rate against its gradient"),
        gradient_step,
        cases=[_Named("params and grads of a 1-1-2 network, 0.5", P_A, G_A, 0.5),
               _Named("params and grads of a 2-1-2 network, 0.1", P_B, G_B, 0.1),
               _Named("params and grads of a 1-1-2 network, 2.0", P_A, G_A, 2.0)],
        reference=_step,
        mistakes=[
            Mistake("Your step goes uphill: the gradient points where the loss grows, so adding it makes the "
                    "network worse.", lambda P, G, lr: [p + lr * g for p, g in zip(P, G)]),
            Mistake("Your step ignores learning_rate: the gradient says which way, learning_rate says how far.",
                    lambda P, G, lr: [p - g for p, g in zip(P, G)]),
            Mistake("Your step divides by learning_rate: a larger learning rate should mean a longer step.",
                    lambda P, G, lr: [p - g / lr for p, g in zip(P, G)]),
            Mistake("Your step always uses 0.1: take the learning_rate the function is given.",
                    lambda P, G, lr: [p - 0.1 * g for p, g in zip(P, G)]),
            Mistake("You returned the steps themselves; the function should return where each parameter lands "
                    "after its step.", lambda P, G, lr: [-lr * g for g in G]),
            Mistake("You returned the gradients unchanged: they say how to move, they are not the new parameters.",
                    lambda P, G, lr: [g.copy() for g in G]),
            Mistake("Nothing moved: the parameters you returned are the ones you were given.",
                    lambda P, G, lr: [p.copy() for p in P]),
            Mistake("Only the weights moved: the biases have gradients too, at positions 1 and 3 of the list.",
                    lambda P, G, lr: [p - lr * g if i % 2 == 0 else p.copy() for i, (p, g) in enumerate(zip(P, G))]),
            Mistake("Pair each parameter with the gradient at the same position of grads: yours met another "
                    "parameter's gradient.", lambda P, G, lr: [p - lr * g for p, g in zip(P, G[::-1])]),
            Mistake("The order changed: return the parameters in the order of params, W1, b1, W2, b2, so that "
                    "backward_pass can unpack them.",
                    lambda P, G, lr: [P[0] - lr * G[0], P[2] - lr * G[2], P[1] - lr * G[1], P[3] - lr * G[3]]),
        ],
        crash_hints=[CrashHint(ValueError, "Two arrays of different shapes met: pair each parameter with the gradient "
                                           "at the same position of grads (zip walks both lists together).",
                               text="broadcast")],
        general_hint="Each of the four arrays, weights and biases, takes its own step; return them as a list, "
                     "in the order of params.",
    )


# ---------------------------------------------------------------- Exercise 6.7


def _objective(X, Y, params, alpha, penalty=0.5):
    W1, b1, W2, b2 = params
    Z2 = np.tanh(X @ W1 + b1) @ W2 + b2
    return mlp.cross_entropy(Y, Z2) + penalty * alpha * (np.sum(W1 ** 2) + np.sum(W2 ** 2))


def _gradients(X, Y, params, alpha):
    W1, b1, W2, b2 = params
    Zs, As = mlp.forward(X, [W1, W2], [b1, b2], "tanh")
    (dW1, dW2), (db1, db2) = mlp.backward(Y, Zs, As, [W1, W2], "tanh", alpha=alpha)
    return [dW1, db1, dW2, db2]


def _loop(*, epochs=0, after=False, keep=False, step_alpha=True, penalty=0.5, fixed_rate=None, per_sample=False,
          return_start=False, last_only=False):
    """The training loop with one slip, for the mistakes (the default arguments give the right loop)."""
    def train(X, Y, params, learning_rate, n_epochs, alpha=0.0):
        rate = learning_rate if fixed_rate is None else fixed_rate
        current, losses = list(params), []
        for _ in range(n_epochs + epochs):
            if not after:
                losses.append(_objective(X, Y, current, alpha, penalty))
            batches = [slice(i, i + 1) for i in range(len(X))] if per_sample else [slice(None)]
            new = current
            for rows in batches:
                new = _step(new, _gradients(X[rows], Y[rows], new, alpha if step_alpha else 0.0), rate)
            if not keep:
                current = new
            if after:
                losses.append(_objective(X, Y, current, alpha, penalty))
        if last_only:
            return (params if return_start else current), losses[-1]
        return (list(params) if return_start else current), np.array(losses)
    return train


def _summarised(train):
    """``train`` as the check shows it: the returned params by their loss, and the losses as a float array.

    Twenty numbers of trained weights would not fit in a short message; one loss does, and any
    wrong step changes it. A result of another shape is passed on unchanged, for the engine to explain.
    """
    def call(X, Y, params, learning_rate, n_epochs, alpha=0.0):
        result = train(X, Y, params, learning_rate, n_epochs, alpha)
        if not (isinstance(result, (tuple, list)) and len(result) == 2):
            return result
        trained, losses = result
        try:
            if len(trained) != 4 or any(np.shape(p) != np.shape(q) for p, q in zip(trained, params)):
                return result
            with np.errstate(all="ignore"):
                reached = float(_objective(X, Y, [np.asarray(p, dtype=float) for p in trained], alpha))
        except (TypeError, ValueError):
            return result
        if isinstance(losses, (list, tuple, np.ndarray)):
            try:
                losses = np.asarray(losses, dtype=float)
            except (TypeError, ValueError):
                pass
        return reached, losses
    return call


_train = _summarised(_loop())


_SHOWN = "); shown: (the loss of the params returned, losses"


def check_train(train) -> None:
    """Exercise 6.7: ``train(X, Y, params, learning_rate, n_epochs, alpha)`` returns ``(params, losses)``."""
    run_check(
        Exercise("6.7", "train",
                 "train runs full-batch gradient descent with your own functions, recording the loss before each step"),
        _summarised(train) if callable(train) else train,
        cases=[
            _Named(f"X (5, 2), Y (5, 4), params of a 2-3-4 network, 0.5, 3, 0.0{_SHOWN}", X_A, Y_A, P_C, 0.5, 3, 0.0),
            _Named(f"X (4, 2), Y (4, 2), params of a 2-1-2 network, 0.2, 4, 0.05{_SHOWN}", X_B, Y_B, P_B, 0.2, 4, 0.05),
            _Named(f"X (5, 2), Y (5, 4), params of a 2-3-4 network, 1.0, 2, 0.1{_SHOWN}", X_A, Y_A, P_C, 1.0, 2, 0.1),
        ],
        reference=_train,
        mistakes=[
            Mistake("Your loss never changes: the new parameters that gradient_step returns are not used in the "
                    "next epoch.", _summarised(_loop(keep=True))),
            Mistake("Your first loss is already that of a trained network: each epoch's loss should be measured "
                    "before that epoch's step.", _summarised(_loop(after=True))),
            Mistake("One epoch short: the loop should run n_epochs times (range(n_epochs) counts from 0).",
                    _summarised(_loop(epochs=-1))),
            Mistake("One epoch too many: the loop should run exactly n_epochs times.", _summarised(_loop(epochs=1))),
            Mistake("The loss leaves out the penalty: with alpha > 0 it is the cross-entropy plus α/2 times the "
                    "sum of the squared weights.", _summarised(_loop(penalty=0.0))),
            Mistake("The penalty is α/2 times the sum of the squared weights: yours has no ½.", _summarised(_loop(penalty=1.0))),
            Mistake("Your steps ignore alpha: pass it on to backward_pass.", _summarised(_loop(step_alpha=False))),
            Mistake("Your steps always use the learning rate 0.1: use the learning_rate train is given.",
                    _summarised(_loop(fixed_rate=0.1))),
            Mistake("This loop takes a step per sample: here every epoch is one step on the whole batch X.",
                    _summarised(_loop(per_sample=True))),
            Mistake("You return the parameters you started from: return the trained ones.", _summarised(_loop(return_start=True))),
            Mistake("losses should hold one loss per epoch; yours holds only the last: append to a list.",
                    _summarised(_loop(last_only=True))),
        ],
        crash_hints=[CrashHint(TypeError, "backward_pass takes X, Y, W1, b1, W2, b2, alpha: unpack the list with "
                                          "*params, or name its four arrays.", text="backward_pass")],
        general_hint="Each epoch: append the loss of the current params (with the penalty), then one step with "
                     "backward_pass and gradient_step. Return the last params and the losses.",
    )
