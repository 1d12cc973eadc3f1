r"""Lesson 06 · The multilayer perceptron and backpropagation.

A network of layers :math:`Z_l = A_{l-1} W_l + b_l,\ A_l = f(Z_l)`, :math:`A_0 = X`,
learns by gradient descent on a loss. Backpropagation is the chain rule, layer by
layer from the output back:

.. math::  \delta_L = \hat Y - Y, \qquad
           \frac{\partial J}{\partial W_l} = \tfrac1n A_{l-1}^\top \delta_l, \qquad
           \frac{\partial J}{\partial b_l} = \tfrac1n \textstyle\sum_i \delta_{l,i}, \qquad
           \delta_{l-1} = (\delta_l W_l^\top) \odot f'(Z_{l-1}).

The maths first, as plain functions on lists of weights and biases (layer ``l`` is
``weights[l - 1]``, ``biases[l - 1]``, as ``W1, b1`` on the slides): :func:`init_params`,
:func:`forward`, :func:`cross_entropy`, :func:`squared_error`, :func:`backward`. Then
:func:`gradient_check`, which holds any backward pass (the library's, or a student's
function) against central differences and names the layer, parameter and index that
disagree most; :func:`learning_slowdown`, one sigmoid neuron trained with either loss;
and :class:`MLPClassifier`, the estimator built on them (softmax output, cross-entropy),
which a widget can also train step by step (:meth:`MLPClassifier.train_epochs`,
:meth:`MLPClassifier.reset`).

The activations and their derivatives are those of :mod:`course_lib.activations`;
``"linear"`` is another name for ``"identity"``. Everything is float64 (``MLPClassifier`` can
train in float32, ``dtype="float32"``, for speed on large data); the loss comes
from the logits through log-softmax, so huge logits give no warning.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from course_lib._validation import (as_bool, as_choice, as_float_array, as_generator, as_int, as_matrix, as_real,
                                    call_user_function, product_plus_bias)
from course_lib.activations import ACTIVATIONS, _evaluate, _lookup, sigmoid, sigmoid_grad, softmax
from course_lib.neuron import _as_weight_matrix, _check_chain
from course_lib.precision import below_power_of_ten

__all__ = ["init_params", "forward", "cross_entropy", "squared_error", "backward", "gradient_check",
           "learning_slowdown", "MLPClassifier"]

OUTPUTS = {"softmax": ("cross_entropy",), "sigmoid": ("cross_entropy", "squared_error"),
           "identity": ("squared_error",)}
HE = ("relu", "leaky_relu", "elu")  # activations that zero or shrink half their inputs: He initialisation
TRAINABLE = ("identity", "sigmoid", "tanh", "arctan", "relu", "leaky_relu", "elu", "softplus")
# The training loop's shortcut for the two activations the lessons train with: the same values as
# course_lib.activations' relu/relu_grad and tanh/tanh_grad, without re-checking arrays fit has checked.
# Each derivative takes Z and A = f(Z) (tanh' = 1 − A², from A at no cost).
_FAST = {"relu": (lambda Z: np.maximum(Z, 0.0), lambda Z, A: Z > 0.0),
         "tanh": (np.tanh, lambda Z, A: 1.0 - A * A)}


# ------------------------------------------------------------------------------------------- checks

def _activation(activation, name: str = "activation"):
    """The :class:`~course_lib.activations.Activation` for a name ("linear" = "identity") or an Activation."""
    if isinstance(activation, str) and activation.strip().lower() == "linear":
        activation = "identity"
    if isinstance(activation, str) and activation.strip().lower() in ("binary_step", "unit_step"):
        raise ValueError(f"{name} must have a useful derivative, one of {', '.join(TRAINABLE)}; got {activation!r}. "
                         "A step's derivative is 0 everywhere, so no gradient flows through it (lesson 04).")
    return _lookup(activation, name)


def _params(weights, biases, n_in: int | None = None):
    """``weights`` and ``biases`` as lists of finite float arrays that chain from ``n_in`` inputs."""
    for value, name in [(weights, "weights"), (biases, "biases")]:
        if not isinstance(value, (list, tuple)) or len(value) == 0:
            raise TypeError(f"{name} must be a non-empty list with one array per layer (as from init_params); "
                            f"got {type(value).__name__} {str(value)[:60]}.")
    if len(weights) != len(biases):
        raise ValueError(f"weights and biases must have one entry per layer each; got {len(weights)} weights "
                         f"and {len(biases)} biases.")
    Ws = [_as_weight_matrix(W, f"weights[{l}]") for l, W in enumerate(weights)]
    bs = [_as_bias(b, f"biases[{l}]") for l, b in enumerate(biases)]
    n_in = Ws[0].shape[0] if n_in is None else n_in
    for l, (W, b) in enumerate(zip(Ws, bs)):
        source = f"X has {n_in} features" if l == 0 else f"weights[{l - 1}] has {n_in} outputs"
        _check_chain(n_in, W, b, source=source, target=f"weights[{l}]", w_name=f"weights[{l}]", b_name=f"biases[{l}]")
        n_in = W.shape[1]
    return Ws, bs


def _as_bias(b, name: str) -> np.ndarray:
    """``b`` as a finite 1-D ``(n_out,)`` array; a ``(1, n_out)`` row, as the seed article keeps it, is accepted."""
    b = as_float_array(b, name, finite=True)
    if b.ndim == 2 and b.shape[0] == 1:
        b = b[0]
    if b.ndim != 1:
        raise ValueError(f"{name} must be 1-D with shape (n_out,), one bias per neuron; got shape {b.shape}.")
    return b


def _samples(X, name: str = "X") -> np.ndarray:
    X = as_matrix(X, name, finite=True)
    if X.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one sample; got shape {X.shape}.")
    return X


def _targets(Y, n_samples: int, n_out: int, other: str, name: str = "Y") -> np.ndarray:
    Y = as_matrix(Y, name, cols="n_outputs", finite=True)
    if Y.shape != (n_samples, n_out):
        raise ValueError(f"{name} must have shape ({n_samples}, {n_out}) to match {other}: one row of targets per "
                         f"sample and one column per output (one-hot rows for softmax: np.eye({n_out})[labels]); "
                         f"got {Y.shape}.")
    return Y


def _finite(value, inputs: str):
    """``value`` if every number in it is finite; else a ValueError naming the ``inputs`` that overflowed."""
    arrays = value if isinstance(value, (list, tuple)) else [value]
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError(f"{inputs} must be small enough for the loss and its gradients to stay finite; they "
                         "overflowed. Scale the inputs (standardise X), or use smaller weights and penalties.")
    return value


def _output_and_loss(output, loss):
    output = as_choice(output, "output", list(OUTPUTS), example="softmax")
    loss = as_choice(loss, "loss", ["cross_entropy", "squared_error"], example="cross_entropy")
    if loss not in OUTPUTS[output]:
        raise ValueError(f"loss {loss!r} does not go with output {output!r}: use loss={OUTPUTS[output][0]!r}, "
                         "or output='sigmoid' (which goes with both).")
    return output, loss


def _penalties(alpha, l1):
    return as_real(alpha, "alpha", minimum=0.0), as_real(l1, "l1", minimum=0.0)


# ------------------------------------------------------------------------------------------- the maths

def init_params(layer_sizes, activation="tanh", random_state=0, scheme="auto"):
    r"""Seeded initial weights and zero biases for a network with the given layer sizes.

    ``scheme="auto"`` picks Glorot (Xavier) uniform, :math:`W \sim U(\pm\sqrt{6/(n_{in}+n_{out})})`,
    for tanh, sigmoid and other smooth activations, and He normal,
    :math:`W \sim N(0, 2/n_{in})`, for the hidden layers of ReLU-like ones (the output
    layer stays Glorot). ``"uniform"`` is the seed article's :math:`U[0, 1)` for weights
    *and* biases.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``(n_in, n_hidden_1, ..., n_out)``, at least two sizes.
    activation : str
        The hidden activation, which chooses the scheme.
    random_state : int or numpy.random.Generator
    scheme : {"auto", "glorot", "he", "uniform"}

    Returns
    -------
    weights : list of ndarray, shapes ``(n_in, n_out)`` of each layer
    biases : list of ndarray, shapes ``(n_out,)``

    >>> weights, biases = init_params((2, 16, 3), activation="relu")
    >>> [W.shape for W in weights], [b.shape for b in biases]
    ([(2, 16), (16, 3)], [(16,), (3,)])
    """
    if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
        raise TypeError(f"layer_sizes must be a sequence of integers such as (2, 16, 3); got {layer_sizes!r}"[:160] + ".")
    sizes = [as_int(n, f"layer_sizes[{i}]", minimum=1, maximum=100_000) for i, n in enumerate(layer_sizes)]
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes must hold at least the inputs and outputs, such as (2, 3); got {sizes}.")
    act = _activation(activation)
    scheme = as_choice(scheme, "scheme", ["auto", "glorot", "he", "uniform"])
    rng = as_generator(random_state)
    weights, biases = [], []
    for l, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        hidden = l < len(sizes) - 2
        kind = scheme if scheme != "auto" else ("he" if hidden and act.name in HE else "glorot")
        if kind == "uniform":
            weights.append(rng.uniform(size=(n_in, n_out)))
            biases.append(rng.uniform(size=n_out))
            continue
        if kind == "he":
            weights.append(rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out)))
        else:
            limit = np.sqrt(6.0 / (n_in + n_out))
            weights.append(rng.uniform(-limit, limit, size=(n_in, n_out)))
        biases.append(np.zeros(n_out))
    return weights, biases


def _forward(X, weights, biases, act, output: str, inputs: str | None = None):
    """Forward pass on checked inputs; ``inputs`` names them when a net input overflows (else no check)."""
    Zs, As = [], [X]
    for l, (W, b) in enumerate(zip(weights, biases)):
        Z = product_plus_bias(As[-1], W, b, inputs) if inputs else As[-1] @ W + b  # (n, n_in) @ (n_in, n_out) + (n_out,)
        last = l == len(weights) - 1
        if not last:
            A = _evaluate(act, Z, name="activation")                    # A_l = f(Z_l)
        elif output == "softmax":
            A = softmax(Z)                                              # Ŷ = softmax(Z_L), rows sum to 1
        else:
            A = sigmoid(Z) if output == "sigmoid" else Z                # Ŷ = σ(Z_L) or Z_L
        Zs.append(Z)
        As.append(A)
    return Zs, As


def forward(X, weights, biases, activation="tanh", output="softmax"):
    r"""Forward propagation, keeping every layer's net input :math:`Z_l` and output :math:`A_l`.

    .. math::  Z_l = A_{l-1} W_l + b_l, \quad A_l = f(Z_l), \quad A_0 = X,
               \quad \hat Y = A_L = \operatorname{softmax}(Z_L)

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    weights, biases : lists of arrays, as from :func:`init_params`
    activation : str or Activation
        The hidden layers' activation (``"tanh"``, ``"relu"``, ``"sigmoid"``, ``"linear"`` ...).
    output : {"softmax", "sigmoid", "identity"}
        The output layer's activation.

    Returns
    -------
    Zs : list of ndarray
        ``Zs[l - 1]`` is :math:`Z_l`, shape ``(n_samples, n_out of layer l)``.
    As : list of ndarray
        ``As[0]`` is ``X`` and ``As[l]`` is :math:`A_l`; ``As[-1]`` is the prediction :math:`\hat Y`.

    >>> W1, W2 = np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0], [-1.0]])
    >>> Zs, As = forward([[2.0, 3.0]], [W1, W2], [np.zeros(2), np.zeros(1)], "relu", "identity")
    >>> Zs[0], As[-1]
    (array([[5., 1.]]), array([[9.]]))
    """
    X = _samples(X)
    weights, biases = _params(weights, biases, X.shape[1])
    act = _activation(activation)
    output = as_choice(output, "output", list(OUTPUTS), example="softmax")
    return _forward(X, weights, biases, act, output, inputs="X, weights and biases")


def _log_softmax(Z):
    r""":math:`\log \operatorname{softmax}(Z) = Z - m - \log \sum_j e^{Z_j - m}`, :math:`m = \max_j Z_j`, row by row."""
    shifted = Z - Z.max(axis=1, keepdims=True)                         # (n, k), every entry <= 0: exp cannot overflow
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # (n, k)


def _cross_entropy(Y, Z, output: str, reduction: str) -> float:
    if output == "softmax":
        per_sample = -np.where(Y != 0.0, Y * _log_softmax(Z), 0.0).sum(axis=1)  # −Σ_k y_k log ŷ_k (0 · log 0 = 0)
    else:  # sigmoid: −[y log σ(z) + (1 − y) log(1 − σ(z))] = log(1 + e^z) − y z
        per_sample = (np.logaddexp(0.0, Z) - Y * Z).sum(axis=1)
    return float(per_sample.mean() if reduction == "mean" else per_sample.sum())


def _squared_error(Y, A, reduction: str) -> float:
    per_sample = 0.5 * ((A - Y) ** 2).sum(axis=1)                       # ½ Σ_k (ŷ_k − y_k)²
    return float(per_sample.mean() if reduction == "mean" else per_sample.sum())


def cross_entropy(Y, Z, output="softmax", reduction="mean") -> float:
    r"""Cross-entropy of the targets ``Y`` under the logits ``Z``, computed through log-softmax.

    .. math::  J = -\frac1n \sum_i \sum_k y_{ik} \log \operatorname{softmax}(z_i)_k

    With ``output="sigmoid"`` each column is a yes/no question:
    :math:`-[y\log\sigma(z) + (1-y)\log(1-\sigma(z))] = \log(1 + e^z) - yz`.
    Taking logits rather than probabilities is what keeps huge scores finite.
    ``reduction="sum"`` adds over the samples instead of averaging.

    >>> round(cross_entropy([[1.0, 0.0]], [[0.0, 0.0]]), 4)  # log 2
    0.6931
    >>> cross_entropy([[1.0, 0.0]], [[1000.0, -1000.0]])  # no overflow warning
    0.0
    """
    Z = _samples(Z, "Z")
    Y = _targets(Y, Z.shape[0], Z.shape[1], "Z")
    output = as_choice(output, "output", ["softmax", "sigmoid"], example="softmax")
    reduction = as_choice(reduction, "reduction", ["mean", "sum"])
    with np.errstate(over="ignore", invalid="ignore"):  # logits ~1e308 apart: explained below
        return _finite(_cross_entropy(Y, Z, output, reduction), "Y and Z")


def squared_error(Y, A, reduction="mean") -> float:
    r"""Half the squared error, :math:`J = \frac1n \sum_i \tfrac12 \lVert \hat y_i - y_i \rVert^2`.

    ``reduction="sum"`` gives lesson 04's :math:`\tfrac12 \sum_i (y_i - \hat y_i)^2`.

    >>> squared_error([[1.0], [0.0]], [[0.5], [0.0]], reduction="sum")
    0.125
    """
    A = _samples(A, "A")
    Y = _targets(Y, A.shape[0], A.shape[1], "A")
    reduction = as_choice(reduction, "reduction", ["mean", "sum"])
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite(_squared_error(Y, A, reduction), "Y and A")


def _objective(Y, Zs, As, weights, output, loss, alpha, l1, reduction) -> float:
    """The data loss plus the penalties :math:`\\frac\\alpha2 \\sum W^2 + \\lambda_1 \\sum |W|` (never on biases)."""
    J = _cross_entropy(Y, Zs[-1], output, reduction) if loss == "cross_entropy" else _squared_error(Y, As[-1], reduction)
    if alpha:
        J += 0.5 * alpha * sum(float((W * W).sum()) for W in weights)   # L2: ½ α Σ W²
    if l1:
        J += l1 * sum(float(np.abs(W).sum()) for W in weights)          # L1: λ₁ Σ |W|
    return J


def _backward(Y, Zs, As, weights, act, output, loss, alpha, l1, reduction):
    """Backward pass on checked inputs: lists ``dWs``, ``dbs`` shaped like the weights and biases."""
    n = Y.shape[0]
    scale = 1.0 / n if reduction == "mean" else 1.0
    dZ = As[-1] - Y                                                     # (n, k)  δ_L = Ŷ − Y (softmax or sigmoid + CE)
    if loss == "squared_error" and output == "sigmoid":
        dZ = dZ * sigmoid_grad(Zs[-1])                                  # (n, k)  δ_L = (Ŷ − Y) σ'(Z_L)
    dWs, dbs = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        dWs[l] = As[l].T @ dZ * scale                                   # (n_in, n_out)  ∂J/∂W = A_{l−1}ᵀ δ_l / n
        dbs[l] = dZ.sum(axis=0) * scale                                 # (n_out,)       ∂J/∂b = Σ_i δ_l / n
        if alpha:
            dWs[l] += alpha * weights[l]                                # L2: + α W
        if l1:
            dWs[l] += l1 * np.sign(weights[l])                          # L1: + λ₁ sign(W)
        if l > 0:
            dA = dZ @ weights[l].T                                      # (n, n_in)  the error sent back through W_l
            dZ = dA * _evaluate(act, Zs[l - 1], name="activation", derivative=True)  # (n, n_in)  δ_{l−1} = dA ⊙ f'(Z_{l−1})
    return dWs, dbs


def _check_cache(Zs, As, weights):
    L = len(weights)
    for value, name, count in [(Zs, "Zs", L), (As, "As", L + 1)]:
        if not isinstance(value, (list, tuple)) or len(value) != count:
            raise TypeError(f"{name} must be the list of {count} arrays that forward() returned for these weights; "
                            f"got {type(value).__name__} {str(value)[:60]}.")
    Zs = [as_matrix(Z, f"Zs[{l}]") for l, Z in enumerate(Zs)]
    As = [as_matrix(A, f"As[{l}]") for l, A in enumerate(As)]
    for l, W in enumerate(weights):
        for array, name, cols in [(As[l], f"As[{l}]", W.shape[0]), (Zs[l], f"Zs[{l}]", W.shape[1]),
                                  (As[l + 1], f"As[{l + 1}]", W.shape[1])]:
            if array.shape != (As[0].shape[0], cols):
                raise ValueError(f"{name} must have shape ({As[0].shape[0]}, {cols}) to match weights[{l}] of shape "
                                 f"{W.shape}; got {array.shape}. Pass the Zs and As that forward() returned.")
    return Zs, As


def backward(Y, Zs, As, weights, activation="tanh", output="softmax", loss="cross_entropy", alpha=0.0, l1=0.0,
             reduction="mean"):
    r"""Backpropagation for a batch: the gradient of the loss for every weight and bias.

    .. math::  \delta_L = \hat Y - Y, \quad dW_l = \tfrac1n A_{l-1}^\top \delta_l + \alpha W_l,
               \quad db_l = \tfrac1n \textstyle\sum_i \delta_{l,i},
               \quad \delta_{l-1} = (\delta_l W_l^\top) \odot f'(Z_{l-1})

    The output delta is :math:`\hat Y - Y` for softmax or sigmoid with cross-entropy and
    for a linear output with squared error; sigmoid with squared error multiplies it by
    :math:`\sigma'(Z_L)`, which is what slows a saturated neuron down (:func:`learning_slowdown`).

    Parameters
    ----------
    Y : array_like, shape (n_samples, n_out)
        The targets, one-hot rows for softmax.
    Zs, As : lists of arrays
        What :func:`forward` returned for these weights.
    weights : list of arrays
    activation, output : as in :func:`forward`
    loss : {"cross_entropy", "squared_error"}
    alpha : float, default 0
        L2 penalty :math:`\tfrac\alpha2 \sum W^2` on the weights (not the biases).
    l1 : float, default 0
        L1 penalty :math:`\lambda_1 \sum |W|` on the weights.
    reduction : {"mean", "sum"}
        Average the loss over the samples (default) or add it up, as the seed article does.

    Returns
    -------
    dWs, dbs : lists of ndarray, shaped like ``weights`` and the biases

    >>> W = [np.array([[0.5], [-0.5]])]
    >>> Zs, As = forward([[1.0, 2.0]], W, [np.zeros(1)], output="sigmoid")
    >>> dWs, dbs = backward([[1.0]], Zs, As, W, output="sigmoid")
    >>> dWs[0].round(3), dbs[0].round(3)
    (array([[-0.622],
           [-1.245]]), array([-0.622]))
    """
    if not isinstance(weights, (list, tuple)) or len(weights) == 0:
        raise TypeError(f"weights must be a non-empty list with one array per layer; got {type(weights).__name__}.")
    weights = [_as_weight_matrix(W, f"weights[{l}]") for l, W in enumerate(weights)]
    Zs, As = _check_cache(Zs, As, weights)
    Y = _targets(Y, As[0].shape[0], weights[-1].shape[1], "As[0] and weights[-1]")
    act = _activation(activation)
    output, loss = _output_and_loss(output, loss)
    alpha, l1 = _penalties(alpha, l1)
    reduction = as_choice(reduction, "reduction", ["mean", "sum"])
    if act.derivative is None and len(weights) > 1:
        raise ValueError(f"activation must come with its derivative for backprop; {act.name!r} has none. Pass an "
                         "Activation(name, function, derivative) or a name such as 'tanh'.")
    with np.errstate(over="ignore", invalid="ignore"):
        dWs, dbs = _backward(Y, Zs, As, weights, act, output, loss, alpha, l1, reduction)
    _finite(dWs + dbs, "Y, Zs, As, weights, alpha and l1")
    return dWs, dbs


# ------------------------------------------------------------------------------------------- gradient checking

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
    epsilon = as_real(epsilon, "epsilon", positive=True, maximum=1.0)
    tolerance = as_real(tolerance, "tolerance", positive=True)
    if gradients is None:
        if act.derivative is None and len(weights) > 1:
            raise ValueError(f"activation must come with its derivative to check the library's backward pass; "
                             f"{act.name!r} has none.")
        Zs, As = _forward(X, weights, biases, act, output, inputs="X, weights and biases")
        with np.errstate(over="ignore", invalid="ignore"):
            dWs, dbs = _backward(Y, Zs, As, weights, act, output, loss, alpha, l1, "mean")
        _finite(dWs + dbs, inputs)
    else:
        dWs, dbs = _call_gradients(gradients, X, Y, weights, biases)

    def J():
        Zs, As = _forward(X, weights, biases, act, output, inputs="X, weights and biases")
        with np.errstate(over="ignore", invalid="ignore"):
            return _finite(_objective(Y, Zs, As, weights, output, loss, alpha, l1, "mean"), inputs)

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
    _finite(numeric, inputs)
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


def learning_slowdown(loss="squared_error", w=2.0, b=2.0, x=1.0, y=0.0, learning_rate=0.15, n_epochs=300):
    r"""The output of one sigmoid neuron trained on one sample, epoch by epoch.

    With squared error the gradient carries :math:`\sigma'(z)`, tiny when the neuron is
    saturated, so a neuron that starts badly wrong learns slowly; cross-entropy cancels
    that factor (:math:`\delta = \hat y - y`). From the defaults (w = b = 2, x = 1, y = 0,
    :math:`\eta = 0.15`) the output first drops below 0.5 after 232 epochs with squared
    error and after 17 with cross-entropy.

    Returns
    -------
    ndarray, shape (n_epochs + 1,)
        The output :math:`\sigma(wx + b)` before training and after each epoch.

    >>> outputs = learning_slowdown("cross_entropy", n_epochs=20)
    >>> int(np.argmax(outputs < 0.5))  # the first epoch whose output is below 0.5
    17
    >>> int(np.argmax(learning_slowdown("squared_error") < 0.5))
    232
    """
    loss = as_choice(loss, "loss", ["cross_entropy", "squared_error"], example="cross_entropy")
    w, b, x, y = (as_real(v, name) for v, name in [(w, "w"), (b, "b"), (x, "x"), (y, "y")])
    learning_rate = as_real(learning_rate, "learning_rate", positive=True)
    n_epochs = as_int(n_epochs, "n_epochs", minimum=0, maximum=1_000_000)
    X, Y = np.array([[x]]), np.array([[y]])
    weights, biases = [np.array([[w]])], [np.array([b])]
    identity = _activation("identity")
    outputs = np.empty(n_epochs + 1)
    with np.errstate(all="ignore"):
        for epoch in range(n_epochs + 1):
            Zs, As = _forward(X, weights, biases, identity, "sigmoid")
            outputs[epoch] = As[-1][0, 0]
            dWs, dbs = _backward(Y, Zs, As, weights, identity, "sigmoid", loss, 0.0, 0.0, "mean")
            weights[0] -= learning_rate * dWs[0]                           # w ← w − η ∂J/∂w
            biases[0] -= learning_rate * dbs[0]                            # b ← b − η ∂J/∂b
    if not np.isfinite(outputs).all() or not np.isfinite(weights[0]).all():
        raise ValueError("w, b, x, y and learning_rate must be small enough for the neuron to stay finite; "
                         "it overflowed. Use values such as the defaults.")
    return outputs


# ------------------------------------------------------------------------------------------- the estimator

def _labels(y, name: str, n_samples: int, samples_name: str) -> np.ndarray:
    """``y`` as a 1-D array of class labels of any kind (numbers, text, bools), one per sample."""
    if y is None or isinstance(y, (str, bytes, dict)) or callable(y) or not hasattr(y, "__len__"):
        raise TypeError(f"{name} must be a 1-D array of class labels, one per sample of {samples_name}; "
                        f"got {type(y).__name__} {str(y)[:60]}.")
    try:
        labels = np.asarray(y)
    except ValueError:
        raise ValueError(f"{name} must be a 1-D array of class labels; got a ragged sequence.") from None
    if labels.ndim != 1:
        hint = f" For a column of labels use {name}.ravel()." if labels.ndim == 2 and 1 in labels.shape else ""
        raise ValueError(f"{name} must be 1-D with one label per sample; got shape {labels.shape}.{hint}")
    if labels.size != n_samples:
        raise ValueError(f"{name} must hold one label per sample of {samples_name}: {samples_name} has {n_samples} "
                         f"samples but {name} has {labels.size} labels.")
    if labels.dtype == object:
        if not all(isinstance(v, (str, bool, np.bool_, int, float, np.number)) for v in labels):
            bad = next(v for v in labels if not isinstance(v, (str, bool, np.bool_, int, float, np.number)))
            raise TypeError(f"{name} must hold labels that are numbers or text; got {type(bad).__name__} {str(bad)[:40]}.")
        if len({type(v) is str for v in labels}) > 1:
            raise TypeError(f"{name} must hold labels of one kind, all numbers or all text; got a mixture.")
    if np.iscomplexobj(labels):
        raise TypeError(f"{name} must hold real labels; got complex numbers.")
    if labels.dtype.kind in "fc" or labels.dtype == object and all(isinstance(v, (float, np.floating)) for v in labels):
        if not np.isfinite(labels.astype(float)).all():
            raise ValueError(f"{name} must hold finite labels; got NaN or inf. Drop those samples first.")
    if labels.dtype.kind not in "biufUSO":
        raise TypeError(f"{name} must hold labels that are numbers or text; got dtype {labels.dtype}.")
    return labels


class MLPClassifier:
    r"""A multilayer perceptron for two or more classes, trained by (mini-)batch gradient descent.

    Hidden layers :math:`A_l = f(A_{l-1} W_l + b_l)`, a softmax output and the
    cross-entropy loss, so the output delta is :math:`\hat Y - Y` (:func:`backward`).
    Shaped like scikit-learn's estimator of the same name: ``__init__`` only stores the
    settings, ``fit`` checks them and returns ``self``.

    Parameters
    ----------
    hidden_layer_sizes : int or tuple of int, default (16,)
        Units per hidden layer; ``()`` for none (softmax regression).
    activation : {"tanh", "relu", "sigmoid", "linear", ...}, default "tanh"
        The hidden activation (any of :data:`course_lib.activations.ACTIVATIONS` with a useful
        derivative). Weights start Glorot uniform, or He normal for ReLU-like units; biases 0.
    learning_rate : float, default 0.1
    n_epochs : int, default 200
        Passes over the training set in ``fit``; 0 only initialises (then :meth:`train_epochs`).
    batch_size : int or None, default None
        Samples per update; ``None`` uses the whole training set (full batch).
    alpha : float, default 0
        L2 penalty :math:`\tfrac\alpha2 \sum W^2`, "gradual forgetting": each step shrinks
        the weights by :math:`\eta\alpha W`. Not applied to the biases.
    l1 : float, default 0
        L1 penalty :math:`\lambda_1 \sum |W|`.
    momentum : float in [0, 1), default 0
        :math:`v \leftarrow \mu v - \eta\,\partial J/\partial W,\ W \leftarrow W + v`.
    shuffle : bool, default True
        Visit the samples in a new seeded order every epoch (mini-batches only).
    random_state : int or numpy.random.Generator, default 0
        The seed of the initial weights and of the shuffling.
    dtype : {"float64", "float32"}, default "float64"
        The precision of the weights and of the training arithmetic. float32 halves the memory
        and speeds up the matrix products on large data, at about 7 significant digits.

    Attributes
    ----------
    coefs_, intercepts_ : lists of ndarray
        ``coefs_[l]`` has shape ``(n_in, n_out)`` of layer ``l + 1``.
    classes_ : ndarray
        The class labels; output column ``k`` is ``classes_[k]``.
    loss_curve_ : list of float
        The training objective of each epoch: the mean of its batch losses, penalties included
        (full batch: the loss just before that epoch's update).
    validation_loss_curve_, validation_scores_ : lists of float
        Cross-entropy and accuracy on ``(X_val, y_val)`` after each epoch (empty without them).
    n_epochs_ : int
        Epochs trained since the weights were initialised.
    n_features_in_ : int

    Examples
    --------
    >>> from course_lib.datasets import make_xor
    >>> X, y = make_xor(n_samples=40, noise=0.1)
    >>> model = MLPClassifier((4,), learning_rate=0.5, n_epochs=500).fit(X, y)
    >>> model.score(X, y), model.predict([[0.0, 1.0], [1.0, 1.0]])
    (1.0, array([1, 0]))
    """

    def __init__(self, hidden_layer_sizes=(16,), activation="tanh", learning_rate=0.1, n_epochs=200, batch_size=None,
                 alpha=0.0, l1=0.0, momentum=0.0, shuffle=True, random_state=0, dtype="float64"):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.learning_rate = learning_rate
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.alpha = alpha
        self.l1 = l1
        self.momentum = momentum
        self.shuffle = shuffle
        self.random_state = random_state
        self.dtype = dtype

    def __repr__(self):
        defaults = {"hidden_layer_sizes": (16,), "activation": "tanh", "learning_rate": 0.1, "n_epochs": 200,
                    "batch_size": None, "alpha": 0.0, "l1": 0.0, "momentum": 0.0, "shuffle": True, "random_state": 0,
                    "dtype": "float64"}
        changed = [f"{k}={getattr(self, k)!r}" for k, v in defaults.items() if getattr(self, k) is not v
                   and not (type(getattr(self, k)) is type(v) and getattr(self, k) == v)]
        return f"MLPClassifier({', '.join(changed)})"

    # -- settings

    def _architecture(self):
        sizes = self.hidden_layer_sizes
        if isinstance(sizes, (int, np.integer)) and not isinstance(sizes, bool):
            sizes = (sizes,)
        if not isinstance(sizes, (tuple, list)):
            raise TypeError(f"hidden_layer_sizes must be a tuple of integers such as (16,) or (8, 8); got "
                            f"{type(sizes).__name__} {str(sizes)[:60]}.")
        sizes = tuple(as_int(n, "hidden_layer_sizes", minimum=1, maximum=10_000) for n in sizes)
        if len(sizes) > 50:
            raise ValueError(f"hidden_layer_sizes must list at most 50 layers; got {len(sizes)}.")
        act = _activation(self.activation)
        if act.name not in TRAINABLE:
            raise ValueError(f"activation must be one of {', '.join(TRAINABLE)} (or 'linear'); got {self.activation!r}.")
        return sizes, act

    def _dtype(self) -> np.dtype:
        try:
            dtype = np.dtype(self.dtype) if isinstance(self.dtype, (str, type, np.dtype)) else None
        except TypeError:
            dtype = None
        if dtype not in (np.float64, np.float32):
            raise ValueError(f"dtype must be 'float64' or 'float32'; got {self.dtype!r}. float64 is the default; "
                             "float32 trains faster on large data.")
        return dtype

    def _training_settings(self):
        learning_rate = as_real(self.learning_rate, "learning_rate", positive=True)
        batch_size = None if self.batch_size is None else as_int(self.batch_size, "batch_size", minimum=1)
        alpha, l1 = _penalties(self.alpha, self.l1)
        momentum = as_real(self.momentum, "momentum", minimum=0.0)
        if momentum >= 1.0:
            raise ValueError(f"momentum must be below 1; got {momentum:g}. Use 0.9 or less: at 1 the steps never shrink.")
        return learning_rate, batch_size, alpha, l1, momentum, as_bool(self.shuffle, "shuffle")

    # -- training

    def fit(self, X, y, X_val=None, y_val=None) -> MLPClassifier:
        """Initialise the weights (seeded), then train ``n_epochs`` epochs on ``X, y``; return ``self``.

        With ``X_val, y_val`` (both or neither), the held-out loss and accuracy are recorded
        after every epoch. Every label of ``y_val`` must be one of those of ``y``.
        """
        sizes, act = self._architecture()
        n_epochs = as_int(self.n_epochs, "n_epochs", minimum=0, maximum=1_000_000)
        self._training_settings()
        dtype = self._dtype()
        rng = as_generator(self.random_state)
        X = _samples(X)
        y = _labels(y, "y", X.shape[0], "X")
        classes, codes = np.unique(y, return_inverse=True)
        if classes.size < 2:
            raise ValueError(f"y must hold at least two classes; got only {classes.tolist()[:1]}.")
        if (X_val is None) != (y_val is None):
            raise ValueError("X_val and y_val must be given together (or neither); got only "
                             f"{'y_val' if X_val is None else 'X_val'}.")
        if X_val is not None:
            X_val = _samples(X_val, "X_val")
            if X_val.shape[1] != X.shape[1]:
                raise ValueError(f"X_val must have the {X.shape[1]} features of X; got {X_val.shape[1]}.")
            y_val = _labels(y_val, "y_val", X_val.shape[0], "X_val")
            known = np.isin(y_val, classes)
            if not known.all():
                raise ValueError(f"y_val must hold only the classes of y, {classes.tolist()[:10]}; got "
                                 f"{y_val[~known][0]!r}.")
            self._X_val, self._codes_val = X_val.astype(dtype, copy=False), np.searchsorted(classes, y_val)
        else:
            self._X_val = self._codes_val = None
        self.classes_, self.n_features_in_ = classes, X.shape[1]
        self._X, self._Y = X.astype(dtype, copy=False), np.eye(classes.size, dtype=dtype)[codes]  # (n, k) one-hot targets
        self._act, self._sizes = act, sizes
        weights, biases = init_params((X.shape[1], *sizes, classes.size), act, rng)
        weights, biases = [W.astype(dtype, copy=False) for W in weights], [b.astype(dtype, copy=False) for b in biases]
        self._initial = ([W.copy() for W in weights], [b.copy() for b in biases])
        self._rng, self._rng_state = rng, rng.bit_generator.state
        self.coefs_, self.intercepts_ = weights, biases
        self.reset()
        return self.train_epochs(n_epochs) if n_epochs else self

    def reset(self) -> MLPClassifier:
        """Go back to the initial weights of the last ``fit`` (same seed, same shuffles); return ``self``."""
        self._check_fitted()
        for W, W0 in zip(self.coefs_ + self.intercepts_, self._initial[0] + self._initial[1]):
            W[...] = W0                                                   # in place: views stay valid
        self._velocities = [np.zeros_like(p) for p in self.coefs_ + self.intercepts_]
        self._rng.bit_generator.state = self._rng_state
        self.loss_curve_, self.validation_loss_curve_, self.validation_scores_ = [], [], []
        self.n_epochs_ = 0
        return self

    def train_epochs(self, n_epochs=1) -> MLPClassifier:
        """Train ``n_epochs`` more epochs from the current weights; return ``self``.

        The settings ``learning_rate``, ``batch_size``, ``alpha``, ``l1``, ``momentum`` and
        ``shuffle`` are read anew at each call, so a widget can change them between steps;
        a new ``hidden_layer_sizes`` or ``activation`` needs a new ``fit``.

        >>> from course_lib.datasets import make_moons
        >>> X, y = make_moons(n_samples=50)
        >>> model = MLPClassifier((4,), n_epochs=0).fit(X, y)   # initialised, not trained
        >>> len(model.train_epochs(3).train_epochs(2).loss_curve_), model.n_epochs_
        (5, 5)
        """
        self._check_fitted()
        n_epochs = as_int(n_epochs, "n_epochs", minimum=0, maximum=1_000_000)
        if self._architecture() != (self._sizes, self._act):
            raise ValueError("hidden_layer_sizes and activation must stay as they were at fit; they changed. "
                             "Call fit(X, y) again to start a network of the new shape.")
        learning_rate, batch_size, alpha, l1, momentum, shuffle = self._training_settings()
        X, Y, n = self._X, self._Y, self._X.shape[0]
        batch_size = n if batch_size is None else min(batch_size, n)
        params = self.coefs_ + self.intercepts_
        saved = [p.copy() for p in params]
        grads = [np.empty_like(p) for p in params]                        # reused by every batch
        for _ in range(n_epochs):
            with np.errstate(all="ignore"):  # an overflow is explained just below
                order = self._rng.permutation(n) if batch_size < n and shuffle else None
                total = 0.0
                for start in range(0, n, batch_size):
                    if order is None:
                        Xb, Yb = X[start:start + batch_size], Y[start:start + batch_size]   # views
                    else:                                                 # copied batch by batch: still in cache
                        rows = order[start:start + batch_size]            # when the products read them
                        Xb, Yb = X[rows], Y[rows]
                    total += self._train_batch(Xb, Yb, grads, learning_rate, alpha, l1, momentum) * len(Xb)
            if not (np.isfinite(total) and all(np.isfinite(p).all() for p in params)):
                for p, s, v in zip(params, saved, self._velocities):
                    p[...] = s
                    v[...] = 0.0
                raise ValueError(f"learning_rate must be small enough for training to stay finite; with "
                                 f"learning_rate={learning_rate:g} the weights overflowed in epoch {self.n_epochs_ + 1}, "
                                 "so they were put back as they were before this call. Try a learning_rate 10 times "
                                 "smaller, or standardise X.")
            self.loss_curve_.append(total / n)
            self.n_epochs_ += 1
            if self._X_val is not None:
                Zs, As = _forward(self._X_val, self.coefs_, self.intercepts_, self._act, "softmax", "X_val")
                Y_val = np.eye(self.classes_.size)[self._codes_val]
                self.validation_loss_curve_.append(_cross_entropy(Y_val, Zs[-1], "softmax", "mean"))
                self.validation_scores_.append(float(np.mean(As[-1].argmax(axis=1) == self._codes_val)))
        return self

    def _train_batch(self, X, Y, grads, learning_rate, alpha, l1, momentum) -> float:
        """One gradient step on the batch ``X, Y``, in place; return the batch's objective before the step.

        The same mathematics as :func:`forward`, :func:`cross_entropy` and :func:`backward`, on
        arrays already checked by ``fit``: no checks per batch, the loss taken from the softmax's
        own intermediate values, the gradients written into ``grads`` (one array per parameter).
        """
        weights, biases, L = self.coefs_, self.intercepts_, len(self.coefs_)
        builtin = ACTIVATIONS.get(self._act.name) is self._act           # not an Activation someone built
        function, derivative = _FAST.get(self._act.name, (None, None)) if builtin else (None, None)
        Zs, As = [], [X]
        for W, b in zip(weights[:-1], biases[:-1]):
            Z = As[-1] @ W                                                # (n, n_in) @ (n_in, n_out)
            Z += b                                                        # Z_l = A_{l−1} W_l + b_l
            Zs.append(Z)
            As.append(function(Z) if function else _evaluate(self._act, Z, name="activation"))  # A_l = f(Z_l)
        Z = As[-1] @ weights[-1]
        Z += biases[-1]                                                   # (n, k)  the logits Z_L
        shifted = Z - Z.max(axis=1, keepdims=True)                        # as softmax and _log_softmax do
        e = np.exp(shifted)
        total = e.sum(axis=1, keepdims=True)
        Y_hat = e / total                                                 # Ŷ = softmax(Z_L)
        log_Y_hat = shifted - np.log(total)                               # log-softmax, finite where exp underflows
        loss = float(-np.where(Y != 0.0, Y * log_Y_hat, 0.0).sum(axis=1).mean())  # −Σ_k y_k log ŷ_k
        if alpha:
            loss += 0.5 * alpha * sum(float((W * W).sum()) for W in weights)  # L2: ½ α Σ W²
        if l1:
            loss += l1 * sum(float(np.abs(W).sum()) for W in weights)     # L1: λ₁ Σ |W|
        scale = 1.0 / X.shape[0]
        dZ = Y_hat - Y                                                    # (n, k)  δ_L = Ŷ − Y
        for l in range(L - 1, -1, -1):
            dW, db = grads[l], grads[L + l]
            np.dot(As[l].T, dZ, out=dW)                                   # (n_in, n_out)  A_{l−1}ᵀ δ_l
            dW *= scale                                                   #                ∂J/∂W = A_{l−1}ᵀ δ_l / n
            dZ.sum(axis=0, out=db)
            db *= scale                                                   # (n_out,)       ∂J/∂b = Σ_i δ_l / n
            if alpha:
                dW += alpha * weights[l]                                  # L2: + α W
            if l1:
                dW += l1 * np.sign(weights[l])                            # L1: + λ₁ sign(W)
            if l > 0:
                dA = dZ @ weights[l].T                                    # (n, n_in)  the error sent back through W_l
                if derivative:
                    dA *= derivative(Zs[l - 1], As[l])                    # δ_{l−1} = dA ⊙ f'(Z_{l−1})
                    dZ = dA
                else:
                    dZ = dA * _evaluate(self._act, Zs[l - 1], name="activation", derivative=True)
        for p, g, v in zip(weights + biases, grads, self._velocities):
            if momentum:
                v *= momentum                                             # v ← μ v − η g
                v -= learning_rate * g
                p += v                                                    # θ ← θ + v
            else:
                g *= learning_rate
                p -= g                                                    # θ ← θ − η g
        return loss

    # -- using the trained network

    def _check_fitted(self):
        if not hasattr(self, "coefs_"):
            raise ValueError(f"This {type(self).__name__} is not fitted yet: call fit(X, y) first.")

    def _features(self, X) -> np.ndarray:
        """``X`` checked against the fitted network: finite, 2-D, with its number of features."""
        self._check_fitted()
        X = _samples(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features, but this {type(self).__name__} was fitted with "
                             f"{self.n_features_in_}. Give it the same features, in the same order.")
        return X

    def predict_proba(self, X) -> np.ndarray:
        """The probability of each class for each row of ``X``, shape ``(n_samples, n_classes)``; rows sum to 1."""
        X = self._features(X)
        return _forward(X, self.coefs_, self.intercepts_, self._act, "softmax", inputs="X and the learned weights")[1][-1]

    def predict(self, X) -> np.ndarray:
        """The most probable class label for each row of ``X``."""
        proba = self.predict_proba(X)                                     # (n, k)
        return self.classes_[proba.argmax(axis=1)]

    def score(self, X, y) -> float:
        """The accuracy: the fraction of the samples of ``X`` whose label ``y`` is predicted right."""
        X = self._features(X)
        y = _labels(y, "y", X.shape[0], "X")
        return float(np.mean(self.predict(X).astype(object) == y.astype(object)))
