r"""The network's mathematics: initial weights, the forward pass, the two losses, backpropagation.

A network of layers :math:`Z_l = A_{l-1} W_l + b_l,\ A_l = f(Z_l)`, :math:`A_0 = X`,
learns by gradient descent on a loss. Backpropagation is the chain rule, layer by
layer from the output back:

.. math::  \delta_L = \hat Y - Y, \qquad
           \frac{\partial J}{\partial W_l} = \tfrac1n A_{l-1}^\top \delta_l, \qquad
           \frac{\partial J}{\partial b_l} = \tfrac1n \textstyle\sum_i \delta_{l,i}, \qquad
           \delta_{l-1} = (\delta_l W_l^\top) \odot f'(Z_{l-1}).

Plain functions on lists of weights and biases (layer ``l`` is ``weights[l - 1]``,
``biases[l - 1]``, as ``W1, b1`` on the slides): :func:`init_params`, :func:`forward`,
:func:`cross_entropy`, :func:`squared_error`, :func:`backward`. Each public function checks
its arguments; the private ``_forward``, ``_backward``, ``_cross_entropy`` and ``_objective``
do the same arithmetic on arrays already checked, for the gradient check, the learning-slowdown
demonstration and the estimator.

The activations and their derivatives are those of :mod:`course_lib.activations`;
``"linear"`` is another name for ``"identity"``. Everything is float64; the loss comes
from the logits through log-softmax, so huge logits give no warning.
"""

from __future__ import annotations

import numpy as np

from course_lib._validation import as_choice, as_float_array, as_generator, as_int, as_matrix, as_real, product_plus_bias
from course_lib.activations import _evaluate, _lookup, sigmoid, sigmoid_grad, softmax
from course_lib.neuron import _as_weight_matrix, _check_chain

__all__ = ["init_params", "forward", "cross_entropy", "squared_error", "backward"]

OUTPUTS = {"softmax": ("cross_entropy",), "sigmoid": ("cross_entropy", "squared_error"),
           "identity": ("squared_error",)}
HE = ("relu", "leaky_relu", "elu")  # activations that zero or shrink half their inputs: He initialisation
TRAINABLE = ("identity", "sigmoid", "tanh", "arctan", "relu", "leaky_relu", "elu", "softplus")


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
