r"""Gradient checking: any backward pass held against central differences.

:func:`gradient_check` moves every weight and bias in turn by :math:`\pm\varepsilon`,
recomputes the loss of :mod:`course_lib.mlp.network`, and compares the difference quotient
with the analytic gradient, the library's :func:`~course_lib.mlp.network.backward` or a
student's function. It answers with a :class:`GradientCheck` that prints as one sentence and
names the layer, parameter and index that disagree most.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from course_lib._validation import as_float_array, as_real
from course_lib.precision import below_power_of_ten
from course_lib.mlp.network import (_activation, _backward, _finite, _forward, _objective, _output_and_loss, _params,
                                    _penalties, _samples, _targets, backward, forward, init_params)

__all__ = ["gradient_check"]


@dataclass(repr=False)
class GradientCheck:
    """What :func:`gradient_check` found; it prints as one sentence.

    ``relative_error`` is :math:`\\lVert g_a - g_n \\rVert / (\\lVert g_a \\rVert + \\lVert g_n \\rVert)`
    over all parameters at once; ``layer`` (1-based, as ``W1`` on the slides), ``parameter``
    (``"W"`` or ``"b"``) and ``index`` locate the entry where analytic and numeric gradients
    differ most, with their values in ``analytic`` and ``numeric``.
    """

    relative_error: float
    passed: bool
    layer: int
    parameter: str
    index: tuple
    analytic: float
    numeric: float
    n_parameters: int
    tolerance: float

    @property
    def where(self) -> str:
        """The entry, written as on the slides, e.g. ``W1[0, 2]``."""
        return f"{self.parameter}{self.layer}[{', '.join(map(str, self.index))}]"

    def __repr__(self) -> str:
        if self.passed:  # rounding noise, different on every machine: only its size means something
            return (f"✔ gradients agree: relative error {below_power_of_ten(self.relative_error)} over "
                    f"{self.n_parameters} parameters (the check passes below {self.tolerance:.0e}).")
        return (f"✘ gradients disagree: relative error {self.relative_error:.1e} over {self.n_parameters} parameters "
                f"(tolerance {self.tolerance:.0e}). Largest difference in layer {self.layer}, {self.where}: analytic "
                f"{self.analytic:.6g}, numeric {self.numeric:.6g}. Look at how the backward pass computes "
                f"d{self.parameter}{self.layer}.")

    __str__ = __repr__


def _call_gradients(gradients, X, Y, weights, biases):
    """A student's ``gradients(X, Y, weights, biases)``, its failures and wrong shapes explained."""
    if not callable(gradients):
        raise TypeError(f"gradients must be a function gradients(X, Y, weights, biases) -> (dWs, dbs), or None for "
                        f"the library's backward pass; got {type(gradients).__name__} {str(gradients)[:60]}.")
    try:
        with warnings.catch_warnings(), np.errstate(all="raise"):
            warnings.simplefilter("error")
            result = gradients(X.copy(), Y.copy(), [W.copy() for W in weights], [b.copy() for b in biases])
    except Exception as err:  # noqa: BLE001 - whatever the student's code raises, explained
        kind = TypeError if isinstance(err, TypeError) else ValueError
        raise kind(f"gradients must run on X, Y, weights and biases; calling it raised {type(err).__name__}: "
                   f"{err}"[:400] + ". Try it on the same arguments yourself first.") from err
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise TypeError(f"gradients must return a pair (dWs, dbs) of lists; it returned {type(result).__name__}"
                        + (". Is a `return` statement missing?" if result is None else "."))
    out = []
    for grads, params, name in [(result[0], weights, "dW"), (result[1], biases, "db")]:
        if not isinstance(grads, (tuple, list)) or len(grads) != len(params):
            raise ValueError(f"gradients must return {len(params)} arrays {name}1 ... {name}{len(params)}, one per "
                             f"layer; got {type(grads).__name__} of length {len(grads) if hasattr(grads, '__len__') else '?'}.")
        for l, (g, p) in enumerate(zip(grads, params)):
            g = as_float_array(g, f"the {name}{l + 1} that gradients returned", allow_nan=True)
            if g.shape != p.shape:
                raise ValueError(f"gradients must return {name}{l + 1} of shape {p.shape}, the shape of the parameter; "
                                 f"got {g.shape}. A missing transpose, or a sum over the wrong axis?")
        out.append([as_float_array(g, "gradients") for g in grads])
    return out[0], out[1]


def gradient_check(X, Y, weights, biases, activation="tanh", output="softmax", loss="cross_entropy", alpha=0.0,
                   l1=0.0, gradients=None, epsilon=1e-6, tolerance=1e-7) -> GradientCheck:
    r"""Compare a backward pass with central differences over every weight and bias.

    Each parameter :math:`\theta` in turn is moved by :math:`\pm\varepsilon` and the loss
    recomputed, :math:`\partial J/\partial\theta \approx (J(\theta+\varepsilon) -
    J(\theta-\varepsilon)) / 2\varepsilon`. A correct float64 backward pass agrees to a
    relative error of about 1e-10; a wrong derivative gives 1e-2 or more.

    Parameters
    ----------
    X, Y, weights, biases, activation, output, loss, alpha, l1
        As in :func:`forward` and :func:`backward`; the loss is always the library's.
    gradients : callable, optional
        The backward pass under test, ``gradients(X, Y, weights, biases) -> (dWs, dbs)``
        (it gets copies). By default, :func:`forward` then :func:`backward`, so that an
        ``Activation`` with a wrong derivative is caught too.
    epsilon : float, default 1e-6
    tolerance : float, default 1e-7
        The relative error below which the check passes.

    Returns
    -------
    GradientCheck
        Prints as one sentence; fields ``relative_error``, ``passed``, ``layer``,
        ``parameter``, ``index``, ``analytic``, ``numeric``.

    Examples
    --------
    >>> weights, biases = init_params((2, 3, 2), random_state=0)
    >>> X, Y = np.array([[0.5, -1.0], [1.5, 0.2]]), np.eye(2)
    >>> check = gradient_check(X, Y, weights, biases)
    >>> check.passed, check.relative_error < 1e-8
    (True, True)
    >>> def wrong(X, Y, weights, biases):  # db2 summed over the wrong axis
    ...     dWs, dbs = backward(Y, *forward(X, weights, biases), weights)
    ...     return dWs, [dbs[0], dbs[1][::-1]]
    >>> gradient_check(X, Y, weights, biases, gradients=wrong).where
    'b2[0]'
    """
    X = _samples(X)
    weights, biases = _params(weights, biases, X.shape[1])
    Y = _targets(Y, X.shape[0], weights[-1].shape[1], "X and weights[-1]")
    act = _activation(activation)
    output, loss = _output_and_loss(output, loss)
    alpha, l1 = _penalties(alpha, l1)
    inputs = "X, Y, weights, biases, alpha and l1"
    got = dict(X=X, Y=Y, weights=weights, alpha=alpha, l1=l1)  # how large they were, if they overflow
    epsilon = as_real(epsilon, "epsilon", positive=True, maximum=1.0)
    tolerance = as_real(tolerance, "tolerance", positive=True)
    if gradients is None:
        if act.derivative is None and len(weights) > 1:
            raise ValueError(f"activation must come with its derivative to check the library's backward pass; "
                             f"{act.name!r} has none.")
        Zs, As = _forward(X, weights, biases, act, output, inputs="X, weights and biases")
        with np.errstate(over="ignore", invalid="ignore"):
            dWs, dbs = _backward(Y, Zs, As, weights, act, output, loss, alpha, l1, "mean")
        _finite(dWs + dbs, inputs, **got)
    else:
        dWs, dbs = _call_gradients(gradients, X, Y, weights, biases)

    def J():
        Zs, As = _forward(X, weights, biases, act, output, inputs="X, weights and biases")
        with np.errstate(over="ignore", invalid="ignore"):
            return _finite(_objective(Y, Zs, As, weights, output, loss, alpha, l1, "mean"), inputs, **got)

    weights, biases = [W.copy() for W in weights], [b.copy() for b in biases]  # perturbed in place below
    analytic, numeric, labels = [], [], []
    for l in range(len(weights)):
        for parameter, theta, grad in [("W", weights[l], dWs[l]), ("b", biases[l], dbs[l])]:
            for index in np.ndindex(theta.shape):
                saved = theta[index]
                theta[index] = saved + epsilon
                plus = J()
                theta[index] = saved - epsilon
                minus = J()
                theta[index] = saved
                analytic.append(grad[index])
                numeric.append((plus - minus) / (2.0 * epsilon))         # central difference
                labels.append((l + 1, parameter, index))
    analytic, numeric = np.array(analytic), np.array(numeric)
    _finite(numeric, inputs, **got)
    if not np.isfinite(analytic).all():
        worst = int(np.argmin(np.isfinite(analytic)))
        raise ValueError(f"gradients must be finite; {labels[worst][1]}{labels[worst][0]} holds NaN or inf.")
    top = max(np.abs(analytic).max(), np.abs(numeric).max())
    if top == 0.0:
        relative = 0.0
    else:  # norms of the rescaled vectors: the ratio is the same and cannot overflow
        a, g = analytic / top, numeric / top
        relative = float(np.linalg.norm(a - g) / (np.linalg.norm(a) + np.linalg.norm(g)))
    difference = np.abs(analytic - numeric)
    worst = int(np.argmax(difference))
    layer, parameter, index = labels[worst]
    return GradientCheck(relative, relative < tolerance, layer, parameter, tuple(int(i) for i in index),
                         float(analytic[worst]), float(numeric[worst]), int(analytic.size), tolerance)

