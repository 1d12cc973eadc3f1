"""Checks for lesson 04 · Gradient descent.

Every expected value comes from :mod:`course_lib.gradient_descent` (``cost``,
``gradient``, ``gradient_step`` and ``AdalineGD``); the known mistakes are small
variations of the same lines (the ½ forgotten, a mean for a sum, the gradient's sign
reversed, the bias left alone …), so no formula is written twice.
"""

from __future__ import annotations

import numpy as np

from course_lib import gradient_descent

from ._core import FLOAT32_IS_FINE, Case, CrashHint, Exercise, Mistake, run_check


# Single-precision answers (float32) are right here too: their last digits differ by about 1e-7.


def _array(values) -> np.ndarray:
    return np.array(values, dtype=float)


# Five flowers of the lesson (sepal, petal length in cm), setosa = -1, versicolor = +1, and a
# second set whose answers are not round numbers.
_FLOWERS = _array([[5.1, 1.4], [4.9, 1.4], [7.0, 4.7], [6.4, 4.5], [5.0, 1.6]])
_SPECIES = _array([-1, -1, 1, 1, -1])
_MIXED = _array([[0.37, -1.21], [2.13, 0.58], [-0.94, 1.77], [1.06, -0.33]])
_SIGNS = _array([1, -1, 1, -1])
# Three features: a slip by a factor 2 cannot pass for one by the number of features here.
_THREE = _array([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7], [-0.4, 0.8, 1.1]])
_THREE_Y = _array([1, -1, -1])


def _errors(X, y, w, b):
    return y - (X @ w + b)


def _step_predictions(X, w, b):
    """The perceptron's ±1 predictions, which a linear neuron's cost must not use."""
    return np.where(X @ w + b >= 0, 1.0, -1.0)


_SHAPES = ("X (n_samples, n_features) @ w (n_features,) + b gives one prediction per sample, (n_samples,), "
           "like y and the errors.")

_STEP_IN_PREDICTION = ("Your predictions went through a step (±1); the linear neuron of this lesson has no step: "
                       "its prediction is the net input itself.")


# ---------------------------------------------------------------- Exercise 4.1


def check_linear_cost(linear_cost) -> None:
    """Exercise 4.1: ``linear_cost(X, y, w, b)`` returns half the sum of squared errors of the linear neuron."""
    half = lambda e: 0.5 * float(np.sum(e ** 2))  # noqa: E731
    run_check(
        Exercise("4.1", "linear_cost", "linear_cost is half the sum of the squared errors over all samples",
                 shapes=_SHAPES),
        linear_cost,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0),             # ŷ = 0: the errors are the targets
            Case(_FLOWERS, _SPECIES, _array([-0.25, 0.6]), -0.1),
            Case(_MIXED, _SIGNS, _array([0.5, -1.5]), 0.25),
            Case(_MIXED[:1], _SIGNS[:1], _array([1.0, 2.0]), 0.3),          # one sample
            Case(_THREE, _THREE_Y, _array([0.2, -0.4, 0.1]), -0.3),
        ],
        reference=gradient_descent.cost,
        mistakes=[
            Mistake("Yours is twice the expected cost: the ½ in front of the sum is missing. It is there so "
                    "that the 2 of the square's derivative cancels.",
                    lambda X, y, w, b: 2 * half(_errors(X, y, w, b))),
            Mistake("That is an average (mean squared error); this cost adds the squared errors of all samples: "
                    "a sum, with ½ in front.", lambda X, y, w, b: 2 * half(_errors(X, y, w, b)) / len(y)),
            Mistake("That is half the mean squared error; this cost is a sum over the samples, not a mean.",
                    lambda X, y, w, b: half(_errors(X, y, w, b)) / len(y)),
            Mistake("That is the root of the mean squared error (RMSE); this cost is ½ times the sum of the "
                    "squared errors, with no root.", lambda X, y, w, b: np.sqrt(2 * half(_errors(X, y, w, b)) / len(y))),
            Mistake("The bias is missing from the prediction: ŷ = X w + b.",
                    lambda X, y, w, b: half(y - X @ w)),
            Mistake("Mind the brackets: the error is y − (X w + b), so the bias is subtracted too; y − X w + b "
                    "adds it.", lambda X, y, w, b: half(y - X @ w + b)),
            Mistake("Square each error first, then add them up: the square of the sum lets positive and "
                    "negative errors cancel.", lambda X, y, w, b: 0.5 * float(np.sum(_errors(X, y, w, b))) ** 2),
            Mistake("Square the errors: a plain sum lets errors of opposite signs cancel out.",
                    lambda X, y, w, b: 0.5 * float(np.sum(_errors(X, y, w, b)))),
            Mistake("Square the errors rather than taking their absolute values.",
                    lambda X, y, w, b: 0.5 * float(np.sum(np.abs(_errors(X, y, w, b))))),
            Mistake("The cost is one number: add up the halved squared errors of all samples.",
                    lambda X, y, w, b: 0.5 * _errors(X, y, w, b) ** 2),
            Mistake(_STEP_IN_PREDICTION, lambda X, y, w, b: half(y - _step_predictions(X, w, b))),
            Mistake("np.linalg.norm is the square root of the sum of squares: square it before halving.",
                    lambda X, y, w, b: 0.5 * float(np.linalg.norm(_errors(X, y, w, b)))),
        ],
        **FLOAT32_IS_FINE,
        general_hint="Take the first case by hand: from zero weights every prediction is 0, so what are the "
                     "errors, and what is the cost? Does your function give that?",
    )


# ---------------------------------------------------------------- Exercise 4.2


def check_cost_gradient(cost_gradient) -> None:
    """Exercise 4.2: ``cost_gradient(X, y, w, b)`` returns ``(dw, db)``, the partial derivatives of the cost."""
    def scaled(factor, sign=-1.0, bias=True):
        def gradient(X, y, w, b):
            e = _errors(X, y, w, b)
            return sign * factor(len(y)) * (X.T @ e), (sign * factor(len(y)) * float(e.sum())) if bias else 0.0
        return gradient

    one = lambda n: 1.0  # noqa: E731
    run_check(
        Exercise("4.2", "cost_gradient", "cost_gradient gives ∂J/∂w for every weight and ∂J/∂b, sums over all samples",
                 returns=("dw", "db"), shapes=_SHAPES + " dw has the shape of w."),
        cost_gradient,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0),
            Case(_FLOWERS, _SPECIES, _array([-0.25, 0.6]), -0.1),
            Case(_MIXED, _SIGNS, _array([0.5, -1.5]), 0.25),
            Case(_THREE, _THREE_Y, _array([0.2, -0.4, 0.1]), -0.3),
        ],
        reference=gradient_descent.gradient,
        mistakes=[
            Mistake("The signs are reversed: yours points downhill, but the gradient points uphill. ŷ enters the "
                    "error with a minus, so the chain rule brings a minus in front of each derivative. "
                    "The step then goes against the gradient.", scaled(one, sign=1.0)),
            Mistake("Yours is twice the gradient: the ½ of the cost cancels the 2 from the square's derivative.",
                    scaled(lambda n: 2.0)),
            Mistake("Yours is the gradient divided by the number of samples (a mean): the cost of this lesson is "
                    "a sum, so its derivative is a sum too.", scaled(lambda n: 1.0 / n)),
            Mistake("∂J/∂b is missing: the bias has a derivative too (each sample's input for the bias is 1).",
                    scaled(one, bias=False)),
            Mistake("Each weight's derivative multiplies every error by that weight's input xⱼ before adding "
                    "them up: yours gives every weight the same number.",
                    lambda X, y, w, b: (np.full(X.shape[1], -_errors(X, y, w, b).sum()), -float(_errors(X, y, w, b).sum()))),
            Mistake("The bias is missing from the prediction: ŷ = X w + b.",
                    lambda X, y, w, b: gradient_descent.gradient(X, y, w, 0.0)),
            Mistake("∂J/∂b is one number: add up the errors of all samples (with the minus).",
                    lambda X, y, w, b: (-(X.T @ _errors(X, y, w, b)), -_errors(X, y, w, b))),
            Mistake("∂J/∂w has one number per weight: add up each sample's contribution (a sum over the rows).",
                    lambda X, y, w, b: (-(X * _errors(X, y, w, b)[:, None]), -float(_errors(X, y, w, b).sum()))),
            Mistake("∂J/∂w is a sum over the samples but your ∂J/∂b is a mean: both are sums.",
                    lambda X, y, w, b: (-(X.T @ _errors(X, y, w, b)), -float(_errors(X, y, w, b).mean()))),
            Mistake("The derivatives use the errors y − ŷ, not the targets y (they agree only when every "
                    "prediction is 0).", lambda X, y, w, b: (-(X.T @ y), -float(y.sum()))),
            Mistake("∂J/∂w has the wrong sign (∂J/∂b is right): the same minus stands in front of both.",
                    lambda X, y, w, b: (X.T @ _errors(X, y, w, b), -float(_errors(X, y, w, b).sum()))),
            Mistake("∂J/∂b has the wrong sign (∂J/∂w is right): the same minus stands in front of both.",
                    lambda X, y, w, b: (-(X.T @ _errors(X, y, w, b)), float(_errors(X, y, w, b).sum()))),
            Mistake("Return both derivatives together, ∂J/∂w then ∂J/∂b, separated by a comma.",
                    lambda X, y, w, b: gradient_descent.gradient(X, y, w, b)[0]),
        ],
        **FLOAT32_IS_FINE,
        general_hint="Take the first case by hand: from zero weights the errors are the targets. What is ∂J/∂b "
                     "then, and which of your two values differs?",
    )


# ---------------------------------------------------------------- Exercise 4.3


def _per_sample_steps(X, y, w, b, learning_rate):
    for x_i, y_i in zip(X, y):
        w, b = gradient_descent.gradient_step(x_i[None, :], np.array([y_i]), w, b, learning_rate)
    return w, b


def _step_with_step_predictions(X, y, w, b, learning_rate):
    e = y - _step_predictions(X, w, b)
    return w + learning_rate * (X.T @ e), b + learning_rate * float(e.sum())


def check_gradient_descent_step(gradient_descent_step) -> None:
    """Exercise 4.3: ``gradient_descent_step(X, y, w, b, learning_rate)`` returns the new ``(w, b)`` after one batch step."""
    def step(direction=1.0, rate=True, bias=True, mean=False, fresh_errors=False):
        def update(X, y, w, b, learning_rate):
            e = _errors(X, y, w, b)
            eta = (learning_rate if rate else 1.0) / (len(y) if mean else 1.0)
            w_new = w + direction * eta * (X.T @ e)
            if fresh_errors:  # the bias learns from the errors of the weights just updated
                e = _errors(X, y, w_new, b)
            return w_new, (b + direction * eta * float(e.sum())) if bias else b
        return update

    run_check(
        Exercise("4.3", "gradient_descent_step",
                 "gradient_descent_step moves w and b together, a step of size η against the gradient",
                 returns=("the new w", "the new b"), shapes=_SHAPES),
        gradient_descent_step,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0, 0.001),
            Case(_FLOWERS, _SPECIES, _array([-0.25, 0.6]), -0.1, 0.01),
            Case(_MIXED, _SIGNS, _array([0.5, -1.5]), 0.25, 0.05),
            Case(_THREE, _THREE_Y, _array([0.2, -0.4, 0.1]), -0.3, 0.1),
        ],
        reference=gradient_descent.gradient_step,
        mistakes=[
            Mistake("Your step goes uphill: it adds the gradient. Step against it, so that the cost falls.",
                    step(direction=-1.0)),
            Mistake("The bias must learn too: it moves by −η ∂J/∂b in the same step.", step(bias=False)),
            Mistake("Compute the errors once, with the weights you were given, and update w and b from those same "
                    "errors: yours computes the bias's errors again with the new w. Both move together.",
                    step(fresh_errors=True)),
            Mistake("Your step uses the mean of the gradient over the samples: that divides the step by n, "
                    "as if η were n times smaller. Use the sum, as in the cost of this lesson.", step(mean=True)),
            Mistake("Multiply the gradient by the learning rate η: it sets the size of the step.", step(rate=False)),
            Mistake("That is the gradient itself; return the new w and b after the step.",
                    lambda X, y, w, b, learning_rate: gradient_descent.gradient(X, y, w, b)),
            Mistake("w moves the right way but b goes uphill: both step against their own derivative.",
                    lambda X, y, w, b, learning_rate: (step()(X, y, w, b, learning_rate)[0],
                                                       step(direction=-1.0)(X, y, w, b, learning_rate)[1])),
            Mistake("The learning rate η scales the bias's step too, not only the weights'.",
                    lambda X, y, w, b, learning_rate: (step()(X, y, w, b, learning_rate)[0],
                                                       step(rate=False)(X, y, w, b, learning_rate)[1])),
            Mistake("Return both new values, w and b, separated by a comma.",
                    lambda X, y, w, b, learning_rate: step()(X, y, w, b, learning_rate)[0]),
            Mistake("That updates after every sample, like the perceptron. One batch step moves w and b once, "
                    "from the errors of all samples together.", _per_sample_steps),
            Mistake(_STEP_IN_PREDICTION, _step_with_step_predictions),
        ],
        **FLOAT32_IS_FINE,
        general_hint="Take the first case by hand: what are the errors from zero weights, and in which direction "
                     "must w and b move for the cost to fall? Which of your two values differs?",
    )


# ---------------------------------------------------------------- Exercise 4.4


def _train(X, y, learning_rate, n_epochs):
    model = gradient_descent.AdalineGD(learning_rate=learning_rate, n_epochs=n_epochs).fit(X, y)
    return model.w_, model.b_, model.cost_


def check_train_adaline(train_adaline) -> None:
    """Exercise 4.4: ``train_adaline(X, y, learning_rate, n_epochs)`` returns ``(w, b, costs)`` after batch descent
    from zero, ``costs`` a numpy array of the cost before each step."""
    def loop(cost_after=False, bias=True, per_sample=False, start=0.0, frozen=False, direction=1.0, extra=0,
             cost=lambda e: 0.5 * float(np.sum(e ** 2))):
        def train(X, y, learning_rate, n_epochs):
            w, b, costs = np.full(X.shape[1], start), 0.0, []
            for _ in range(n_epochs + extra):
                if not cost_after:
                    costs.append(cost(_errors(X, y, w, b)))
                batches = [[i] for i in range(len(y))] if per_sample else [list(range(len(y)))]
                for rows in batches:
                    e = _errors(X[rows], y[rows], w, b)
                    w_new = w + direction * learning_rate * (X[rows].T @ e)
                    b_new = b + direction * learning_rate * float(e.sum())
                    if not frozen:
                        w, b = w_new, (b_new if bias else b)
                if cost_after:
                    costs.append(cost(_errors(X, y, w, b)))
            return w, b, np.array(costs)
        return train

    run_check(
        Exercise("4.4", "train_adaline",
                 "train_adaline takes n_epochs batch steps from zero and records the cost before each",
                 returns=("w", "b", "costs")),
        train_adaline,
        cases=[
            Case(_FLOWERS, _SPECIES, 0.001, 5),
            Case(_MIXED, _SIGNS, 0.05, 4),
            Case(_FLOWERS, _SPECIES, 0.002, 1),
            Case(_THREE, _THREE_Y, 0.1, 3),
        ],
        reference=_train,
        mistakes=[
            Mistake("Record each epoch's cost before its step, with the weights the step starts from: yours are "
                    "the costs after the steps, so the first one (the cost of the zero start) is missing.",
                    loop(cost_after=True)),
            Mistake("The bias never moves in your loop: keep both values that one step returns.", loop(bias=False)),
            Mistake("That updates after every sample, like the perceptron (stochastic descent). Batch descent "
                    "takes one step per epoch, from the errors of all samples at once.", loop(per_sample=True)),
            Mistake("Return the costs as a numpy array: np.array(...) turns your list into one.",
                    lambda X, y, learning_rate, n_epochs: _train(X, y, learning_rate, n_epochs)[:2]
                    + (list(_train(X, y, learning_rate, n_epochs)[2]),)),
            Mistake("Your costs are averages over the samples (mean squared errors); this lesson's cost is ½ times "
                    "the sum, the one of Exercise 4.1.", loop(cost=lambda e: float(np.mean(e ** 2)))),
            Mistake("Your costs are averages over the samples (mean squared errors); this lesson's cost is ½ times "
                    "the sum, the one of Exercise 4.1.", loop(cost=lambda e: 0.5 * float(np.mean(e ** 2)))),
            Mistake("Your loop takes one epoch too many: range(n_epochs) runs exactly n_epochs times.",
                    loop(extra=1)),
            Mistake("Your loop takes one epoch too few: range(n_epochs) runs exactly n_epochs times, from 0.",
                    loop(extra=-1)),
            Mistake("One cost per epoch, recorded before its step: yours has one more, the cost after the last "
                    "step.", lambda X, y, learning_rate, n_epochs: _train(X, y, learning_rate, n_epochs)[:2]
                    + (np.append(_train(X, y, learning_rate, n_epochs)[2],
                                 gradient_descent.cost(X, y, *_train(X, y, learning_rate, n_epochs)[:2])),)),
            Mistake("Start from w = 0: the first cost is the cost of all-zero weights.",
                    loop(start=1.0)),
            Mistake("Only the last cost is in your result: create the list once, before the loop, and append to "
                    "it in every epoch.", lambda X, y, learning_rate, n_epochs:
                    _train(X, y, learning_rate, n_epochs)[:2] + (_train(X, y, learning_rate, n_epochs)[2][-1:],)),
            Mistake("w and b never change in your loop: keep the new values that each step returns.",
                    loop(frozen=True)),
            Mistake("Your costs grow: the steps go uphill. Each step moves against the gradient.",
                    loop(direction=-1.0)),
        ],
        crash_hints=[
            CrashHint(ValueError, "In X @ w the columns of X meet the entries of w, so w needs one entry per "
                      "feature, per column of X. How many entries has yours?", text="matmul"),
            CrashHint(AttributeError, "A numpy array has no .append: collect the costs in a Python list, which "
                      "does, and turn it into an array at the end (or fill an array by index).",
                      text="has no attribute 'append'"),
        ],
        general_hint="Take one epoch by hand (n_epochs = 1): the costs should hold one value, the cost of the zero "
                     "start. Which of your three results differs first?",
    )


def _drop(w_update=True, b_update=True, rate=True, bias_in_errors=True):
    def step(X, y, w, b, learning_rate):
        e = y - (X @ w + (b if bias_in_errors else 0.0))
        eta = learning_rate if rate else 1.0
        return (w + eta * X.T @ e) if w_update else w, (b + eta * float(e.sum())) if b_update else b
    return step


def _train_without_steps(X, y, learning_rate, n_epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    return w, b, np.array([gradient_descent.cost(X, y, w, b)] * n_epochs)


# The solutions with one of their terms left out: the check must catch each (issue 18, item 6).
DROPPED_TERMS = {
    "check_linear_cost": {
        "the ½": lambda X, y, w, b: float(np.sum(_errors(X, y, w, b) ** 2)),
        "the bias": lambda X, y, w, b: 0.5 * float(np.sum((y - X @ w) ** 2)),
        "the square": lambda X, y, w, b: 0.5 * float(np.sum(_errors(X, y, w, b))),
    },
    "check_cost_gradient": {
        "the minus": lambda X, y, w, b: (X.T @ _errors(X, y, w, b), float(_errors(X, y, w, b).sum())),
        "the inputs X in dw": lambda X, y, w, b: (np.full(X.shape[1], -_errors(X, y, w, b).sum()),
                                                  -float(_errors(X, y, w, b).sum())),
        "the bias in the errors": lambda X, y, w, b: gradient_descent.gradient(X, y, w, 0.0),
    },
    "check_gradient_descent_step": {
        "the learning rate": _drop(rate=False),
        "the step of w": _drop(w_update=False),
        "the step of b": _drop(b_update=False),
        "the bias in the errors": _drop(bias_in_errors=False),
    },
    "check_train_adaline": {
        "the step": _train_without_steps,
        "the costs": lambda X, y, learning_rate, n_epochs: _train(X, y, learning_rate, n_epochs)[:2] + (np.array([]),),
    },
}
