r"""Lesson 04 · Gradient descent: a linear neuron that learns by walking downhill on a cost.

The perceptron's step has no useful slope, so Adaline (Widrow and Hoff, 1960)
learns from the real-valued output :math:`\hat y = Xw + b` instead, and
measures how wrong it is with half the sum of squared errors,

.. math::  J(w, b) = \tfrac12 \sum_i (y_i - \hat y_i)^2, \qquad
           \frac{\partial J}{\partial w} = -X^\top (y - \hat y), \qquad
           \frac{\partial J}{\partial b} = -\sum_i (y_i - \hat y_i).

Each step moves against the gradient: :math:`w \leftarrow w + \eta X^\top(y - \hat y)`,
:math:`b \leftarrow b + \eta \sum (y - \hat y)`. :func:`cost`, :func:`gradient` and
:func:`gradient_step` are those three lines; :class:`AdalineGD` repeats the step
epoch after epoch. :func:`numerical_gradient` and :func:`relative_error` check
any analytic gradient, here or in later lessons; :func:`cost_grid` gives the
cost surface of two weights for a contour plot.

Full batch, mini-batch and stochastic updates are one class, not three siblings:
the update line is the same, only the rows it sees change, and the lesson compares
the three by changing one argument, ``batch_size`` (None, 10, 1).
"""

from __future__ import annotations

import warnings

import numpy as np

from course_lib._estimator import Estimator
from course_lib._validation import (as_bool, as_float_array, as_generator, as_matrix, as_positive_int,
                                    as_real, as_sign_labels, as_vector, check_matching, product_plus_bias)
from course_lib.perceptron import Perceptron

__all__ = ["cost", "gradient", "gradient_step", "numerical_gradient", "relative_error", "cost_grid", "AdalineGD"]


def _data(X, y, w, b):
    """``X``, ``y``, ``w`` and ``b`` checked against each other (the targets ``y`` are any real numbers)."""
    X = as_matrix(X, "X", finite=True)
    y = as_vector(y, "y", length_name="n_samples", finite=True)
    check_matching(X.shape[0], "the samples of X", y.size, "y")
    w = as_vector(w, "w", length_name="n_features", finite=True)
    check_matching(X.shape[1], "the features of X", w.size, "w")
    return X, y, w, as_real(b, "b")


def _finite(value, inputs: str, what: str):
    """``value`` unchanged if finite; otherwise a ValueError that names the inputs (never inf or a warning)."""
    if not np.all(np.isfinite(value)):
        raise ValueError(f"{inputs} must be small enough for {what} to stay below {np.finfo(float).max:.3g}; "
                         "it overflowed. Scale the inputs (standardise each feature) or use smaller weights.")
    return value


def _errors(X, y, w, b, inputs="X, w and b"):
    """The errors :math:`y - \\hat y` on checked inputs, an overflow explained."""
    return y - product_plus_bias(X, w, b, inputs)  # (n_samples, n_features) @ (n_features,)


def cost(X, y, w, b) -> float:
    r"""Half the sum of squared errors of the linear neuron, :math:`J(w, b) = \tfrac12 \sum_i (y_i - (x_i \cdot w + b))^2`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        The targets (any real numbers; -1 and +1 for Adaline's classes).
    w : array_like, shape (n_features,)
    b : float

    Examples
    --------
    >>> cost([[1.0, 2.0], [3.0, 4.0]], [1.0, -1.0], w=[0.0, 0.0], b=0.0)
    1.0
    """
    X, y, w, b = _data(X, y, w, b)
    with np.errstate(all="ignore"):
        J = 0.5 * np.sum(_errors(X, y, w, b) ** 2)                 # J = ½ Σ (y − ŷ)²
    return float(_finite(J, "X, y, w and b", "the cost"))


def gradient(X, y, w, b) -> tuple[np.ndarray, float]:
    r"""The gradient of :func:`cost`: :math:`\partial J/\partial w = -X^\top(y - \hat y)`, :math:`\partial J/\partial b = -\sum (y - \hat y)`.

    Returns
    -------
    dw : ndarray, shape (n_features,)
    db : float

    Examples
    --------
    >>> dw, db = gradient([[1.0, 2.0], [3.0, 4.0]], [1.0, 1.0], w=[0.0, 0.0], b=0.0)
    >>> dw, db
    (array([-4., -6.]), -2.0)
    """
    X, y, w, b = _data(X, y, w, b)
    errors = _errors(X, y, w, b)                                   # (n_samples,)
    with np.errstate(all="ignore"):
        dw = -X.T @ errors                                         # ∂J/∂w = −Xᵀ(y − ŷ)   (n_features,)
        db = -errors.sum()                                         # ∂J/∂b = −Σ(y − ŷ)
    _finite(np.append(dw, db), "X, y, w and b", "the gradient")
    return dw, float(db)


def gradient_step(X, y, w, b, learning_rate=0.01) -> tuple[np.ndarray, float]:
    r"""One batch update of gradient descent on :func:`cost`: the new weights and bias.

    .. math::  w \leftarrow w + \eta\, X^\top (y - \hat y), \qquad b \leftarrow b + \eta \sum (y - \hat y)

    Examples
    --------
    From zero weights every prediction is 0, so the errors are the targets themselves:

    >>> w, b = gradient_step([[1.0, 2.0], [3.0, 4.0]], [1.0, -1.0], w=[0.0, 0.0], b=0.0, learning_rate=0.1)
    >>> w, b
    (array([-0.2, -0.2]), 0.0)
    """
    X, y, w, b = _data(X, y, w, b)
    learning_rate = as_real(learning_rate, "learning_rate", positive=True)
    errors = _errors(X, y, w, b)
    with np.errstate(all="ignore"):
        w = w + learning_rate * X.T @ errors                       # w ← w + η Xᵀ(y − ŷ)
        b = b + learning_rate * errors.sum()                       # b ← b + η Σ(y − ŷ)
    _finite(np.append(w, b), "learning_rate, X, y, w and b", "the new weights")
    return w, float(b)


# ---------------------------------------------------------------------------- checking a gradient

def _params(params):
    """A tuple of float arrays (one per parameter) and whether ``params`` was a tuple."""
    several = isinstance(params, tuple)
    items = params if several else (params,)
    if several and not items:
        raise ValueError("params must hold at least one parameter; got an empty tuple.")
    names = [f"params[{i}]" for i in range(len(items))] if several else ["params"]
    return [as_float_array(p, n, finite=True) for p, n in zip(items, names)], several


def _pack(arrays, several):
    out = [float(a) if a.ndim == 0 else a for a in arrays]
    return tuple(out) if several else out[0]


def _call_f(f, arrays, several, where: str) -> float:
    """``f`` at ``arrays``: its failure, a warning or a result that is not one finite number becomes a teaching error."""
    try:
        with warnings.catch_warnings(), np.errstate(all="raise"):
            warnings.simplefilter("error")
            value = f(_pack([a.copy() for a in arrays], several))
    except Exception as err:
        kind = TypeError if isinstance(err, TypeError) else ValueError
        raise kind(f"f(params) must return one finite number at {where}; it raised {type(err).__name__}: "
                   f"{err}"[:500] + ". Try f on params first; use a smaller eps if it overflows.") from err
    try:
        return as_real(value, "f(params)")
    except (TypeError, ValueError) as err:
        raise type(err)(f"f(params) must return one finite number (the cost) at {where}; got {value!r}"[:300]
                        + ". Is a `return` missing, or does f overflow there (then use a smaller eps)?") from None


def numerical_gradient(f, params, eps=1e-6):
    r"""The gradient of ``f`` at ``params`` by central differences, to check an analytic gradient.

    .. math::  \frac{\partial f}{\partial \theta_j} \approx \frac{f(\theta + \varepsilon e_j) - f(\theta - \varepsilon e_j)}{2\varepsilon}

    Its error shrinks like :math:`\varepsilon^2`; two calls of ``f`` per entry, so
    keep it for small checks.

    Parameters
    ----------
    f : callable
        Takes parameters shaped like ``params`` and returns one number (a cost).
    params : array_like or tuple of array_like
        One array, or a tuple such as ``(w, b)`` for several; a number counts as a 0-d array.
    eps : float, default 1e-6
        :math:`\varepsilon`, at most 1.

    Returns
    -------
    ndarray, or a tuple of them (a float for a number) shaped like ``params``

    Examples
    --------
    >>> numerical_gradient(lambda w: float(np.sum(w ** 2)), np.array([1.0, -2.0])).round(6)
    array([ 2., -4.])
    >>> X, y = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, -1.0])
    >>> dw, db = numerical_gradient(lambda p: cost(X, y, *p), (np.zeros(2), 0.0))
    >>> dw.round(6), round(db, 6)
    (array([2., 2.]), 0.0)
    """
    if not callable(f):
        raise TypeError(f"f must be a function of the parameters returning a number; got {type(f).__name__} {f!r}"[:200]
                        + ". Pass e.g. lambda w: cost(X, y, w, b).")
    arrays, several = _params(params)
    eps = as_real(eps, "eps", positive=True, maximum=1.0)
    _call_f(f, arrays, several, "params")
    grads = []
    for theta in arrays:
        grad = np.zeros_like(theta)
        for j in np.ndindex(theta.shape):
            original = theta[j]
            theta[j] = original + eps
            f_plus = _call_f(f, arrays, several, "params + eps")
            theta[j] = original - eps
            f_minus = _call_f(f, arrays, several, "params - eps")
            theta[j] = original
            with np.errstate(all="ignore"):
                grad[j] = (f_plus - f_minus) / (2 * eps)           # (f(θ + ε) − f(θ − ε)) / 2ε
        _finite(grad, "f(params) and eps", "the difference quotient")
        grads.append(grad)
    return _pack(grads, several)


def _flat(value, name: str) -> np.ndarray:
    """All the numbers of an array, or of a tuple of them such as ``(dw, db)``, in one 1-D array."""
    items = value if isinstance(value, tuple) else (value,)
    names = [f"{name}[{i}]" for i in range(len(items))] if isinstance(value, tuple) else [name]
    return np.concatenate([np.ravel(as_float_array(v, n, finite=True)) for v, n in zip(items, names)] or [[]])


def relative_error(a, b) -> float:
    r"""How far two gradients differ, relative to their size: :math:`\lVert a - b\rVert / (\lVert a\rVert + \lVert b\rVert)`.

    0 when both are zero. With :func:`numerical_gradient` as ``b``: below about
    1e-7 the analytic gradient is right; above 1e-3 it is wrong. A tuple such as
    ``(dw, db)`` counts as all its entries.

    >>> relative_error([1.0, 2.0], [1.0, 2.0])
    0.0
    >>> round(relative_error([1.0, 0.0], [0.0, 1.0]), 4)
    0.7071
    """
    a, b_ = _flat(a, "a"), _flat(b, "b")
    check_matching(a.size, "a", b_.size, "b")
    scale = max(np.max(np.abs(a), initial=0.0), np.max(np.abs(b_), initial=0.0))
    if scale == 0.0:
        return 0.0
    a, b_ = a / scale, b_ / scale  # ≤ 1 in size: no overflow for huge gradients
    return float(np.linalg.norm(a - b_) / (np.linalg.norm(a) + np.linalg.norm(b_)))


def cost_grid(X, y, w1_values, w2_values, b=0.0) -> np.ndarray:
    r"""The cost :math:`J(w_1, w_2, b)` of a two-feature linear neuron at every pair of a grid, for a contour plot.

    Returns ``J`` of shape ``(len(w2_values), len(w1_values))``, with
    ``J[i, j]`` the cost at ``w = (w1_values[j], w2_values[i])``: the layout
    ``plt.contour(w1_values, w2_values, J)`` expects.

    Examples
    --------
    >>> X, y = [[1.0, 0.0], [0.0, 1.0]], [1.0, -1.0]
    >>> cost_grid(X, y, w1_values=[0.0, 1.0], w2_values=[-1.0, 0.0, 1.0])
    array([[0.5, 0. ],
           [1. , 0.5],
           [2.5, 2. ]])
    """
    X = as_matrix(X, "X", finite=True)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 features (one per axis of the grid); got shape {X.shape}. "
                         "Select two columns, e.g. X[:, :2].")
    X, y, _, b = _data(X, y, np.zeros(2), b)
    w1_values = as_vector(w1_values, "w1_values", finite=True)
    w2_values = as_vector(w2_values, "w2_values", finite=True)
    J = np.empty((w2_values.size, w1_values.size))
    with np.errstate(all="ignore"):
        for i, w2 in enumerate(w2_values):                         # one row of the grid at a time
            y_hat = np.outer(w1_values, X[:, 0]) + w2 * X[:, 1] + b  # (n_w1, n_samples)
            J[i] = 0.5 * np.sum((y - y_hat) ** 2, axis=1)          # J = ½ Σ (y − ŷ)²
    return _finite(J, "X, y, w1_values, w2_values and b", "the costs")


# ---------------------------------------------------------------------------- the estimator

class AdalineGD(Estimator):
    r"""Adaline: a linear neuron trained by gradient descent on :func:`cost`, shaped like scikit-learn.

    Parameters
    ----------
    learning_rate : float, default 0.01
        :math:`\eta`. Batch descent is stable below :math:`2/\lambda_{\max}` of
        :math:`[X\,1]^\top [X\,1]`: about 4.9e-4 on the raw Iris lengths, 0.011 standardised.
    n_epochs : int, default 10
        Passes over the training set.
    batch_size : int, optional
        None (the default) updates once per epoch with all samples (batch gradient
        descent); an int ``k`` updates after every ``k`` samples (mini-batch), 1 after
        every sample (stochastic). Every sample is used exactly once per epoch; the
        last batch may be smaller.
    shuffle : bool, default True
        With a ``batch_size``, visit the samples in a new random order each epoch
        (needs ``random_state``); False keeps the order of ``X``. Full batch ignores it.
    random_state : int or numpy.random.Generator, optional
        The seed of the shuffling.

    Attributes
    ----------
    w_ : ndarray, shape (n_features,)
    b_ : float
        The weights when training stopped.
    cost_ : ndarray, shape (n_epochs_run_,)
        :math:`J` of each epoch, from the errors its updates used: for full batch
        the cost of the weights at the start of the epoch (``cost_[0]`` is that of the
        initial weights); for mini-batches, half the sum of the squared errors each
        batch saw when its update was made.
    w_path_ : ndarray, shape (n_updates + 1, n_features)
    b_path_ : ndarray, shape (n_updates + 1,)
        The weights at the start and after every update, for drawing the path on the cost surface.
    diverged_ : bool
        True when the cost or the weights left the float range and training stopped
        early; a cost that grows but stays finite is not flagged: read ``cost_`` or ``message_``.
    n_epochs_run_ : int
        The epochs completed (``n_epochs`` unless it diverged).
    message_ : str
        One sentence on how training went.
    n_features_in_ : int

    Examples
    --------
    >>> X = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
    >>> y = np.array([-1, -1, 1, 1])
    >>> model = AdalineGD(learning_rate=0.125, n_epochs=3).fit(X, y)
    >>> model.cost_, model.w_
    (array([2.   , 0.5  , 0.125]), array([0.875, 0.   ]))
    >>> model.predict([[0.5, 3.0]]), model.score(X, y)
    (array([1.]), 1.0)
    >>> AdalineGD(learning_rate=10.0, n_epochs=1000).fit(X, y).diverged_
    True
    """

    _kind, _binary_only = "classifier", True

    def __init__(self, learning_rate=0.01, n_epochs=10, *, batch_size=None, shuffle=True, random_state=None):
        self.learning_rate = learning_rate
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state

    def _settings(self):
        """The settings, checked (as scikit-learn does, in ``fit``, not in ``__init__``)."""
        learning_rate = as_real(self.learning_rate, "learning_rate", positive=True)
        n_epochs = as_positive_int(self.n_epochs, "n_epochs", maximum=100_000)
        batch_size = None if self.batch_size is None else as_positive_int(self.batch_size, "batch_size")
        shuffle = as_bool(self.shuffle, "shuffle") and batch_size is not None
        if shuffle and self.random_state is None:
            raise ValueError("random_state must be a seed such as 0 when batch_size is set and shuffle is True; "
                             "got None. The course fixes every seed so that every run shows the same numbers.")
        return learning_rate, n_epochs, batch_size, as_generator(self.random_state) if shuffle else None

    def fit(self, X, y) -> AdalineGD:
        """Learn ``w_`` and ``b_`` from the samples ``X`` and their labels ``y`` (-1 or +1); return ``self``."""
        learning_rate, n_epochs, batch_size, rng = self._settings()
        X = as_matrix(X, "X", finite=True)
        y = as_sign_labels(y, "y", n_samples=X.shape[0])
        n = len(y)
        batch_size = n if batch_size is None else min(batch_size, n)
        w, b = np.zeros(X.shape[1]), 0.0
        costs, w_path, b_path = [], [w], [b]
        diverged = False
        for _ in range(n_epochs):
            order = rng.permutation(n) if rng is not None else np.arange(n)
            squared_errors = 0.0
            with np.errstate(all="ignore"):  # leaving the float range is caught just below, not warned about
                for start in range(0, n, batch_size):
                    batch = order[start:start + batch_size]
                    Xb, yb = X[batch], y[batch]
                    errors = yb - (Xb @ w + b)                     # y − ŷ      (batch,)
                    squared_errors += errors @ errors
                    w_new = w + learning_rate * Xb.T @ errors      # w ← w + η Xᵀ(y − ŷ)
                    b_new = b + learning_rate * errors.sum()       # b ← b + η Σ(y − ŷ)
                    diverged = not (np.isfinite(squared_errors) and np.all(np.isfinite(w_new)) and np.isfinite(b_new))
                    if diverged:
                        break
                    w, b = w_new, float(b_new)
                    w_path.append(w)
                    b_path.append(b)
            if diverged:
                break
            costs.append(0.5 * squared_errors)                     # J = ½ Σ (y − ŷ)²
        self.w_, self.b_ = w, b
        self.cost_, self.w_path_, self.b_path_ = np.array(costs), np.array(w_path), np.array(b_path)
        self.diverged_, self.n_epochs_run_, self.n_features_in_ = diverged, len(costs), X.shape[1]
        self.message_ = self._message(n_epochs, learning_rate)
        return self

    def _message(self, n_epochs, learning_rate) -> str:
        costs = self.cost_
        if self.diverged_:
            last = f"; the last finite cost was {costs[-1]:.4g}" if costs.size else ""
            return (f"Diverged: the cost left the float range in epoch {self.n_epochs_run_ + 1} of {n_epochs}, "
                    f"so training stopped{last}. learning_rate={learning_rate:g} is too large for these features: "
                    "lower it or standardise the features.")
        trend = "fell" if costs[-1] < costs[0] else "rose" if costs[-1] > costs[0] else "stayed"
        hint = "" if costs[-1] < costs[0] else " learning_rate may be too large for these features."
        return f"Ran {n_epochs} epochs; the cost {trend} from {costs[0]:.4g} to {costs[-1]:.4g}.{hint}"

    # The same linear neuron as the perceptron: only the way the two learn differs.
    _check_fitted = Perceptron._check_fitted
    net_input = Perceptron.net_input
    predict = Perceptron.predict
    score = Perceptron.score
