"""Checks for lesson 04 · Gradient descent.

Every expected value comes from :mod:`course_lib.gradient_descent` (``cost``,
``gradient``, ``gradient_step`` and ``AdalineGD``); the known mistakes are small
variations of the same lines (the ½ forgotten, a mean for a sum, the gradient's sign
reversed, the bias left alone …), so no formula is written twice.
"""

from __future__ import annotations

import numpy as np

from course_lib import gradient_descent

from ._core import Case, Exercise, Mistake, run_check


def _array(values) -> np.ndarray:
    return np.array(values, dtype=float)


# Five flowers of the lesson (sepal, petal length in cm), setosa = -1, versicolor = +1, and a
# second set whose answers are not round numbers.
_FLOWERS = _array([[5.1, 1.4], [4.9, 1.4], [7.0, 4.7], [6.4, 4.5], [5.0, 1.6]])
_SPECIES = _array([-1, -1, 1, 1, -1])
_MIXED = _array([[0.37, -1.21], [2.13, 0.58], [-0.94, 1.77], [1.06, -0.33]])
_SIGNS = _array([1, -1, 1, -1])


def _errors(X, y, w, b):
    return y - (X @ w + b)


# ---------------------------------------------------------------- Exercise 4.1


def check_linear_cost(linear_cost) -> None:
    """Exercise 4.1: ``linear_cost(X, y, w, b)`` returns half the sum of squared errors of the linear neuron."""
    half = lambda e: 0.5 * float(np.sum(e ** 2))  # noqa: E731
    run_check(
        Exercise("4.1", "linear_cost", "linear_cost is half the sum of the squared errors over all samples"),
        linear_cost,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0),             # ŷ = 0: the errors are the targets
            Case(_FLOWERS, _SPECIES, _array([-0.25, 0.6]), -0.1),
            Case(_MIXED, _SIGNS, _array([0.5, -1.5]), 0.25),
            Case(_MIXED[:1], _SIGNS[:1], _array([1.0, 2.0]), 0.3),          # one sample
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
            Mistake("Square each error first, then add them up: the square of the sum lets positive and "
                    "negative errors cancel.", lambda X, y, w, b: 0.5 * float(np.sum(_errors(X, y, w, b))) ** 2),
            Mistake("Square the errors: a plain sum lets errors of opposite signs cancel out.",
                    lambda X, y, w, b: 0.5 * float(np.sum(_errors(X, y, w, b)))),
            Mistake("Square the errors rather than taking their absolute values.",
                    lambda X, y, w, b: 0.5 * float(np.sum(np.abs(_errors(X, y, w, b))))),
        ],
        general_hint="First the predictions of all rows at once (the net input, no step), then the errors "
                     "target minus prediction, then ½ times the sum of their squares. From zero weights the "
                     "predictions are 0, so the first case is ½·(1 + 1 + 1 + 1 + 1) = 2.5.",
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
        Exercise("4.2", "cost_gradient", "cost_gradient gives ∂J/∂w for every weight and ∂J/∂b, sums over all samples"),
        cost_gradient,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0),
            Case(_FLOWERS, _SPECIES, _array([-0.25, 0.6]), -0.1),
            Case(_MIXED, _SIGNS, _array([0.5, -1.5]), 0.25),
        ],
        reference=gradient_descent.gradient,
        mistakes=[
            Mistake("The signs are reversed: yours points downhill, but the gradient points uphill. ŷ enters the "
                    "error with a minus, so the chain rule brings a minus in front: ∂J/∂wⱼ = −Σ (y − ŷ) xⱼ. "
                    "The step then goes against the gradient.", scaled(one, sign=1.0)),
            Mistake("Yours is twice the gradient: the ½ of the cost cancels the 2 from the square's derivative.",
                    scaled(lambda n: 2.0)),
            Mistake("Yours is the gradient divided by the number of samples (a mean): the cost of this lesson is "
                    "a sum, so its derivative is a sum too.", scaled(lambda n: 1.0 / n)),
            Mistake("∂J/∂b is missing: the bias has a derivative too, −Σ (y − ŷ) (each sample's input "
                    "for the bias is 1).", scaled(one, bias=False)),
            Mistake("Each weight's derivative multiplies every error by that weight's input xⱼ before adding "
                    "them up: yours gives every weight the same number.",
                    lambda X, y, w, b: (np.full(X.shape[1], -_errors(X, y, w, b).sum()), -float(_errors(X, y, w, b).sum()))),
            Mistake("The bias is missing from the prediction: ŷ = X w + b.",
                    lambda X, y, w, b: gradient_descent.gradient(X, y, w, 0.0)),
        ],
        general_hint="The errors y − ŷ of all samples, then one matrix product for ∂J/∂w (each weight's input "
                     "column times the errors, added up, with a minus) and one sum for ∂J/∂b. From zero weights "
                     "the errors are the targets, so ∂J/∂b = −Σ y.",
    )


# ---------------------------------------------------------------- Exercise 4.3


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
                 "gradient_descent_step moves w and b together, a step of size η against the gradient"),
        gradient_descent_step,
        cases=[
            Case(_FLOWERS, _SPECIES, _array([0.0, 0.0]), 0.0, 0.001),
            Case(_FLOWERS, _SPECIES, _array([-0.25, 0.6]), -0.1, 0.01),
            Case(_MIXED, _SIGNS, _array([0.5, -1.5]), 0.25, 0.05),
        ],
        reference=gradient_descent.gradient_step,
        mistakes=[
            Mistake("Your step goes uphill: it adds the gradient. Step against it, so that the cost falls: "
                    "w moves by −η ∂J/∂w, which is +η Σ (y − ŷ) x.", step(direction=-1.0)),
            Mistake("The bias must learn too: it moves by −η ∂J/∂b in the same step.", step(bias=False)),
            Mistake("Compute the errors once, with the weights you were given, and update w and b from those same "
                    "errors: yours computes the bias's errors again with the new w. Both move together.",
                    step(fresh_errors=True)),
            Mistake("Your step uses the mean of the gradient over the samples: that divides the step by n, "
                    "as if η were n times smaller. Use the sum, as in the cost of this lesson.", step(mean=True)),
            Mistake("Multiply the gradient by the learning rate η: it sets the size of the step.", step(rate=False)),
        ],
        general_hint="Compute the errors y − ŷ once with the given w and b, then move each of w and b by η times "
                     "minus its partial derivative (Exercise 4.2). Return new arrays; do not change w in place.",
    )


# ---------------------------------------------------------------- Exercise 4.4


def _train(X, y, learning_rate, n_epochs):
    model = gradient_descent.AdalineGD(learning_rate=learning_rate, n_epochs=n_epochs).fit(X, y)
    return model.w_, model.b_, model.cost_


def check_train_adaline(train_adaline) -> None:
    """Exercise 4.4: ``train_adaline(X, y, learning_rate, n_epochs)`` returns ``(w, b, costs)`` after batch descent
    from zero, ``costs`` a numpy array of the cost before each step."""
    def loop(cost_after=False, bias=True, per_sample=False):
        def train(X, y, learning_rate, n_epochs):
            w, b, costs = np.zeros(X.shape[1]), 0.0, []
            for _ in range(n_epochs):
                if not cost_after:
                    costs.append(gradient_descent.cost(X, y, w, b))
                batches = [[i] for i in range(len(y))] if per_sample else [list(range(len(y)))]
                for rows in batches:
                    w_new, b_new = gradient_descent.gradient_step(X[rows], y[rows], w, b, learning_rate)
                    w, b = w_new, (b_new if bias else b)
                if cost_after:
                    costs.append(gradient_descent.cost(X, y, w, b))
            return w, b, np.array(costs)
        return train

    run_check(
        Exercise("4.4", "train_adaline",
                 "train_adaline takes n_epochs batch steps from zero and records the cost before each"),
        train_adaline,
        cases=[
            Case(_FLOWERS, _SPECIES, 0.001, 5),
            Case(_MIXED, _SIGNS, 0.05, 4),
            Case(_FLOWERS, _SPECIES, 0.002, 1),
        ],
        reference=_train,
        mistakes=[
            Mistake("Record each epoch's cost before its step, with the weights the step starts from: yours are "
                    "the costs after the steps, so the first one (the cost of the zero start) is missing.",
                    loop(cost_after=True)),
            Mistake("The bias never moves in your loop: keep both values that one step returns.", loop(bias=False)),
            Mistake("That updates after every sample, like the perceptron (stochastic descent). Batch descent "
                    "takes one step per epoch, from the errors of all samples at once.", loop(per_sample=True)),
        ],
        general_hint="Start from w = 0 and b = 0 and an empty list. In each epoch: append the cost of the current "
                     "w and b, then replace them with the result of one step (your functions of Exercises 4.1 and "
                     "4.3). Return w, b and the costs as a numpy array.",
    )
