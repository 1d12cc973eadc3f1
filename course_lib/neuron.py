r"""Lesson 01 · The artificial neuron: from one neuron to a layer to a network.

A neuron computes a weighted sum of its inputs plus a bias, the *net input*
:math:`z = \sum_i w_i x_i + b`, and passes it through an activation
:math:`a = f(z)`.  A layer is many neurons side by side; with weights of shape
``(n_in, n_out)`` a whole batch goes through it in one product,
:math:`Z = XW + b`.  Chaining layers is forward propagation.

Every input must be finite (a ``ValueError`` says which one is not), and a net
input beyond the float range (about ``±1.8e308``) is refused with a hint to scale
the data, instead of becoming ``inf`` or ``nan``. A function passed as
``activation`` is called through :func:`course_lib._validation.call_user_function`,
so that a missing ``return``, a wrong shape or an error inside it is explained.
"""

from __future__ import annotations

import numpy as np

from course_lib._validation import (as_float_array, as_matrix, as_real, as_vector, check_matching, in_float_range,
                                    product_plus_bias, sizes_text)
from course_lib.activations import Activation, _evaluate, _lookup, get_activation

__all__ = ["weighted_sum", "neuron", "layer_forward", "net_input", "forward"]


def _as_weight_matrix(W, name: str) -> np.ndarray:
    """``W`` as a finite 2-D ``(n_in, n_out)`` float array, with a hint for 1-D input."""
    W = as_float_array(W, name, finite=True)
    if W.ndim != 2:
        hint = " For a layer of one neuron give it one column: np.reshape(W, (-1, 1))." if W.ndim == 1 else ""
        raise ValueError(f"{name} must be 2-D with shape (n_in, n_out); got shape {W.shape}.{hint}")
    return W




def _check_chain(n_in: int, W: np.ndarray, b: np.ndarray, *, source: str, target: str, w_name: str, b_name: str) -> None:
    """Check that ``n_in`` inputs feed ``W`` and that ``b`` has one entry per output."""
    if W.shape[0] != n_in:
        transposed = " If W is stored as (n_out, n_in), pass W.T." if W.shape[1] == n_in else ""
        raise ValueError(
            f"{source} but {target} expects {W.shape[0]} inputs ({w_name} has shape {W.shape}). "
            f"Give {w_name} one row per input, shape ({n_in}, n_out).{transposed}"
        )
    if b.size != W.shape[1]:
        raise ValueError(
            f"{b_name} has {b.size} entries but {w_name} has {W.shape[1]} outputs ({w_name} has shape {W.shape}). "
            "Give one bias per output neuron."
        )


def weighted_sum(x, w, b=0.0) -> float:
    r"""Net input of one neuron for one sample, :math:`z = \sum_i w_i x_i + b = x \cdot w + b`.

    Parameters
    ----------
    x : array_like, shape (n_in,)
        The inputs of one sample.
    w : array_like, shape (n_in,)
        One weight per input; its sign makes the input excitatory (+) or inhibitory (-).
    b : float, default 0.0
        The bias, i.e. minus the threshold the weighted inputs must reach.

    Returns
    -------
    float

    Examples
    --------
    The four-input neuron of the lesson, with the signs ``[2, -1, 3, -2]``
    (the only choice that gives the printed output 5): 10 - 1 + 12 - 16 = 5.

    >>> weighted_sum([5, 1, 4, 8], [2, -1, 3, -2])
    5.0
    """
    x = as_vector(x, "x", length_name="n_in", finite=True)
    w = as_vector(w, "w", length_name="n_in", finite=True)
    check_matching(x.size, "x", w.size, "w", hint="Give one weight per input.")
    b = as_real(b, "b")
    with np.errstate(all="ignore"):
        z = x @ w + b  # z = Σ wᵢ·xᵢ + b
    return float(in_float_range(z, "x, w and b", detail=sizes_text(x=x, w=w) + f" and b = {b:g}"))


def neuron(x, w, b=0.0, activation="identity") -> float:
    r"""Output of one neuron for one sample, :math:`a = f\left(\sum_i w_i x_i + b\right)`.

    Parameters
    ----------
    x, w, b
        As in :func:`weighted_sum`.
    activation : str or callable, default "identity"
        The activation :math:`f`: a name known to :func:`course_lib.activations.get_activation`
        (``"identity"``, ``"binary_step"``, ``"sigmoid"``, ``"relu"``, ...) or a function.

    Returns
    -------
    float

    Examples
    --------
    The picnic decision: not raining (0), road clear (1), good beach (1); threshold 3, so b = -3.

    >>> neuron([0, 1, 1], [-5, 2, 4], b=-3, activation="binary_step")
    1.0
    >>> round(neuron([5, 1, 4, 8], [2, -1, 3, -2], b=2.5, activation="sigmoid"), 4)
    0.9994
    """
    act = get_activation(activation)
    z = weighted_sum(x, w, b)
    return float(_evaluate(act, np.asarray(z)))  # a = f(z)


def layer_forward(x, W, b, activation="identity") -> np.ndarray:
    r"""One sample through a layer of neurons, :math:`a = f(xW + b)`.

    Parameters
    ----------
    x : array_like, shape (n_in,)
    W : array_like, shape (n_in, n_out)
        Column ``j`` holds the weights of neuron ``j``.
    b : array_like, shape (n_out,)
    activation : str or callable, default "identity"

    Returns
    -------
    ndarray, shape (n_out,)

    Examples
    --------
    The hidden layer of the lesson's hand network: neurons with weights [1, 1] and [-1, 1].

    >>> layer_forward([2, 3], [[1, -1], [1, 1]], [0, 0])
    array([5., 1.])
    """
    act = get_activation(activation)
    x = as_vector(x, "x", length_name="n_in", finite=True)
    W = _as_weight_matrix(W, "W")
    b = as_vector(b, "b", length_name="n_out", finite=True)
    _check_chain(x.size, W, b, source=f"x has {x.size} features", target="W", w_name="W", b_name="b")
    z = product_plus_bias(x, W, b, "x, W and b")  # (n_in,) @ (n_in, n_out) -> (n_out,)
    return _evaluate(act, z)


def net_input(X, W, b) -> np.ndarray:
    r"""Net input of a layer for a whole batch, :math:`Z = XW + b`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    W : array_like, shape (n_in, n_out), or (n_in,) for a single neuron
    b : array_like, shape (n_out,), or a real number when ``W`` is 1-D

    Returns
    -------
    ndarray, shape (n_samples, n_out), or (n_samples,) when ``W`` is 1-D

    Examples
    --------
    >>> net_input([[2, 3], [3, 4]], [[1, -1], [1, 1]], [0, 0])
    array([[5., 1.],
           [7., 1.]])
    >>> net_input([[2, 3], [3, 4]], [1, 1], b=-5.0)
    array([0., 2.])
    """
    X = as_matrix(X, "X", rows="n_samples", cols="n_in", finite=True)
    W = as_float_array(W, "W", finite=True)
    if W.ndim == 1:  # a single neuron applied to every row
        if W.size != X.shape[1]:
            raise ValueError(
                f"X has {X.shape[1]} features but W expects {W.size} inputs (W has shape {W.shape}). "
                "Give one weight per feature."
            )
        b = as_real(b, "b")
        return product_plus_bias(X, W, b, "X, W and b")  # (n_samples, n_in) @ (n_in,) -> (n_samples,)
    W = _as_weight_matrix(W, "W")
    b = as_vector(b, "b", length_name="n_out", finite=True)
    _check_chain(X.shape[1], W, b, source=f"X has {X.shape[1]} features", target="W", w_name="W", b_name="b")
    return product_plus_bias(X, W, b, "X, W and b")  # (n_samples, n_in) @ (n_in, n_out) -> (n_samples, n_out)


def forward(X, layers) -> np.ndarray:
    r"""Forward propagation through several layers, :math:`A_k = f_k(A_{k-1} W_k + b_k)`, :math:`A_0 = X`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_in)
    layers : sequence of (W, b, activation) tuples
        ``W`` of shape (n_in, n_out), ``b`` of shape (n_out,); each layer's
        ``n_in`` must equal the previous layer's ``n_out``.

    Returns
    -------
    ndarray, shape (n_samples, n_out)
        The output of the last layer.

    Examples
    --------
    The lesson's hand network: inputs (2, 3) give 9, inputs (3, 4) give 13.

    >>> W1, W2 = [[1, -1], [1, 1]], [[2], [-1]]
    >>> forward([[2, 3], [3, 4]], [(W1, [0, 0], "identity"), (W2, [0], "identity")])
    array([[ 9.],
           [13.]])
    """
    X = as_matrix(X, "X", rows="n_samples", cols="n_in", finite=True)
    if not isinstance(layers, (list, tuple)):
        raise TypeError(f"layers must be a list of (W, b, activation) tuples; got {type(layers).__name__}.")
    if len(layers) == 0:
        raise ValueError("layers must hold at least one (W, b, activation) tuple; got an empty list.")
    if len(layers) == 3 and _looks_like_activation(layers[2]):  # a list of layers holds tuples, not a function
        raise TypeError(
            "layers must be a list of (W, b, activation) tuples; got one (W, b, activation) tuple without the list. "
            "Wrap it in square brackets: forward(X, [(W, b, activation)])."
        )
    checked, n_in = [], X.shape[1]
    for i, layer in enumerate(layers):  # validate every layer before computing anything
        if not isinstance(layer, (list, tuple)) or len(layer) != 3:
            got = type(layer).__name__ + (f" of length {len(layer)}" if isinstance(layer, (list, tuple)) else "")
            raise ValueError(
                f"layers[{i}] must be a (W, b, activation) tuple; got {got}. "
                "For a single layer write layers=[(W, b, activation)]."
            )
        W = _as_weight_matrix(layer[0], f"W of layer {i}")
        b = as_vector(layer[1], f"b of layer {i}", length_name="n_out", finite=True)
        act = _lookup(layer[2], f"the activation of layer {i}")
        source = f"X has {n_in} features" if i == 0 else f"layer {i - 1} has {n_in} outputs"
        _check_chain(
            n_in, W, b, source=source, target=f"layer {i}", w_name=f"W of layer {i}", b_name=f"b of layer {i}"
        )
        checked.append((W, b, act))
        n_in = W.shape[1]
    A = X
    for i, (W, b, act) in enumerate(checked):
        inputs = "X and the weights of layer 0" if i == 0 else f"the outputs of layer {i - 1} and the weights of layer {i}"
        Z = product_plus_bias(A, W, b, inputs)
        A = _evaluate(act, Z, name=f"the activation of layer {i}")  # (n_samples, n_in) @ (n_in, n_out) -> (n_samples, n_out)
    return A


def _looks_like_activation(value) -> bool:
    return isinstance(value, (str, Activation)) or callable(value)
