"""Checks for lesson 06 · The multilayer perceptron and backpropagation.

Every expected value comes from :mod:`course_lib.mlp` (``forward``, ``cross_entropy``,
``backward``) and :mod:`course_lib.activations`; the known mistakes are the same
computations with one slip (a transpose missing, the derivative taken at the wrong
place, the batch size forgotten …). The network is the lesson's: a tanh hidden layer
and a softmax output with cross-entropy, averaged over the batch, L2 on the weights.
"""

from __future__ import annotations

import numpy as np

from course_lib import activations, mlp

from ._core import Case, CrashHint, Exercise, Mistake, run_check

_RNG = np.random.default_rng(6)


def _random(*shape, scale=1.0) -> np.ndarray:
    return (scale * _RNG.normal(size=shape)).round(2)


def _one_hot(labels, k) -> np.ndarray:
    return np.eye(k)[np.asarray(labels)]


# A batch of 5 samples with 3 features, 4 hidden units and 3 classes, and a batch of 2 with
# 2 features, 3 hidden units and 2 classes: no two sizes equal, so a missing transpose shows.
X5, W1_5, b1_5 = _random(5, 3), _random(3, 4, scale=0.7), _random(4, scale=0.3)
W2_5, b2_5, Y5 = _random(4, 3, scale=0.7), _random(3, scale=0.3), _one_hot([0, 2, 1, 2, 0], 3)
X2, W1_2, b1_2 = np.array([[0.5, -1.2], [1.5, 0.3]]), _random(2, 3), _random(3, scale=0.3)
W2_2, b2_2, Y2 = _random(3, 2), np.array([0.1, -0.2]), _one_hot([1, 0], 2)


def _layer(A_prev, W, b):
    """The reference hidden layer: (Z, tanh(Z))."""
    Z = A_prev @ W + b
    return Z, activations.tanh(Z)


def _tanh_grad(Z):
    return activations.tanh_grad(Z)


# ---------------------------------------------------------------- Exercise 6.1


def check_layer_forward(layer_forward) -> None:
    """Exercise 6.1: ``layer_forward(A_prev, W, b)`` returns ``(Z, A)`` with Z = A_prev @ W + b and A = tanh(Z)."""
    run_check(
        Exercise("6.1", "layer_forward",
                 "layer_forward computes the net input of a whole batch and passes it through tanh, keeping both"),
        layer_forward,
        cases=[Case(X5, W1_5, b1_5), Case(X2, W1_2, b1_2), Case(_random(1, 3), W1_5, b1_5)],
        reference=_layer,
        mistakes=[
            Mistake("Return both, the net input and the activation: backpropagation needs Z later, for f'(Z).",
                    lambda A, W, b: activations.tanh(A @ W + b)),
            Mistake("The activation is missing: A = tanh(Z); you returned Z twice.",
                    lambda A, W, b: (A @ W + b, A @ W + b)),
            Mistake("Add the bias before the activation: A = tanh(A_prev @ W + b), not tanh(A_prev @ W) + b.",
                    lambda A, W, b: (A @ W + b, activations.tanh(A @ W) + b)),
            Mistake("This layer uses tanh, not the sigmoid.", lambda A, W, b: (A @ W + b, activations.sigmoid(A @ W + b))),
            Mistake("The bias is missing from Z.", lambda A, W, b: (A @ W, activations.tanh(A @ W))),
        ],
        crash_hints=[CrashHint(ValueError, "The rows of A_prev are samples and the rows of W are the layer's inputs: "
                                           "the batch comes first in the product.", text="matmul")],
        general_hint="Z is the batch times the weights plus the bias, shape (n_samples, n_out); A is tanh of Z, "
                     "entry by entry. Return them in that order.",
    )


# ---------------------------------------------------------------- Exercise 6.2


def _loss(Z, Y):
    return mlp.cross_entropy(Y, Z)


def _naive_loss(Z, Y, reduce=np.mean):
    with np.errstate(all="ignore"):
        P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
        return float(reduce(-(Y * np.log(P)).sum(axis=1)))


def check_softmax_cross_entropy(softmax_cross_entropy) -> None:
    """Exercise 6.2: ``softmax_cross_entropy(Z, Y)`` returns the mean cross-entropy of one-hot ``Y`` under the logits ``Z``."""
    Z_big = np.array([[1000.0, 0.0, -1000.0], [3.0, 2.5, -1.0]])
    run_check(
        Exercise("6.2", "softmax_cross_entropy",
                 "softmax_cross_entropy averages −log of the right class's probability over the batch, "
                 "even for huge scores"),
        softmax_cross_entropy,
        cases=[
            Case(np.array([[2.0, 1.0, 0.1]]), _one_hot([0], 3)),
            Case(X5 @ W2_5[:3], Y5),
            Case(np.array([[0.0, 0.0], [1.0, -1.0]]), Y2),
            Case(Z_big, _one_hot([0, 1], 3)),
        ],
        reference=_loss,
        mistakes=[
            Mistake("Average over the samples (the batch), don't add them up: divide by n, the number of rows.",
                    lambda Z, Y: mlp.cross_entropy(Y, Z, reduction="sum")),
            Mistake("Average over the samples only: np.mean over every entry also divides by the number of classes.",
                    lambda Z, Y: mlp.cross_entropy(Y, Z) / Z.shape[1]),
            Mistake("softmax(z) overflows for scores above about 709: compute log-softmax as z − max − "
                    "log Σ e^(z − max), row by row, so no exp ever sees a large number.", _naive_loss),
        ],
        crash_hints=[CrashHint(RuntimeWarning, "np.exp overflowed: subtract each row's largest score before np.exp, "
                                               "and take the log of the softmax as z − max − log Σ e^(z − max).")],
        general_hint="For each sample, −log of the probability softmax gives its right class (the one where Y is 1); "
                     "then the mean over the samples. For Z = [[2, 1, 0.1]] and class 0: −log 0.659 = 0.417.",
    )


# ---------------------------------------------------------------- Exercise 6.3


def _output_gradients(A1, Y_hat, Y):
    dZ2 = Y_hat - Y
    n = Y.shape[0]
    return A1.T @ dZ2 / n, dZ2.sum(axis=0) / n


def check_output_gradients(output_gradients) -> None:
    """Exercise 6.3: ``output_gradients(A1, Y_hat, Y)`` returns ``(dW2, db2)`` for softmax with cross-entropy."""
    A1_5 = _layer(X5, W1_5, b1_5)[1]
    A1_2 = _layer(X2, W1_2, b1_2)[1]
    run_check(
        Exercise("6.3", "output_gradients",
                 "output_gradients turns the output delta Ŷ − Y into the gradients of W2 and b2, averaged over the batch"),
        output_gradients,
        cases=[
            Case(A1_5, activations.softmax(A1_5 @ W2_5 + b2_5), Y5),
            Case(A1_2, activations.softmax(A1_2 @ W2_2 + b2_2), Y2),
        ],
        reference=_output_gradients,
        mistakes=[
            Mistake("Divide by the batch size n: the loss is a mean over the samples, so its gradient is too.",
                    lambda A1, P, Y: (A1.T @ (P - Y), (P - Y).sum(axis=0))),
            Mistake("The delta is Ŷ − Y (prediction minus target): yours has the opposite sign, so gradient "
                    "descent would climb the loss.", lambda A1, P, Y: tuple(-g for g in _output_gradients(A1, P, Y))),
            Mistake("db2 has one entry per output unit: sum (or average) the delta over the samples, axis 0.",
                    lambda A1, P, Y: (A1.T @ (P - Y) / len(Y), (P - Y).sum(axis=1) / len(Y))),
            Mistake("dW2 must have the shape of W2, (n_hidden, n_out): the hidden activations come first and "
                    "transposed, so the samples are summed over.", lambda A1, P, Y: ((P - Y).T @ A1 / len(Y),
                                                                                  (P - Y).sum(axis=0) / len(Y))),
        ],
        crash_hints=[CrashHint(ValueError, "Check the shapes: A1 is (n, n_hidden) and the delta (n, n_out); dW2 must "
                                           "be (n_hidden, n_out), so one of them is transposed.", text="matmul")],
        general_hint="The output delta is Ŷ − Y, shape (n, n_out). dW2 multiplies the transposed hidden "
                     "activations by it and divides by n; db2 is its average over the samples.",
    )


# ---------------------------------------------------------------- Exercise 6.4


def _hidden_delta(dZ2, W2, Z1):
    return (dZ2 @ W2.T) * _tanh_grad(Z1)


def check_hidden_delta(hidden_delta) -> None:
    """Exercise 6.4: ``hidden_delta(dZ2, W2, Z1)`` returns δ1 = (dZ2 @ W2ᵀ) ⊙ tanh'(Z1)."""
    Z1_5 = _layer(X5, W1_5, b1_5)[0]
    Z1_2 = _layer(X2, W1_2, b1_2)[0]
    dZ2_5 = activations.softmax(activations.tanh(Z1_5) @ W2_5 + b2_5) - Y5
    dZ2_2 = activations.softmax(activations.tanh(Z1_2) @ W2_2 + b2_2) - Y2
    run_check(
        Exercise("6.4", "hidden_delta",
                 "hidden_delta sends the output error back through W2 and scales it by tanh' at the hidden net inputs"),
        hidden_delta,
        cases=[Case(dZ2_5, W2_5, Z1_5), Case(dZ2_2, W2_2, Z1_2)],
        reference=_hidden_delta,
        mistakes=[
            Mistake("tanh'(z) = 1 − tanh(z)²: you used 1 − z², the formula applied to Z instead of to A = tanh(Z).",
                    lambda d, W, Z: (d @ W.T) * (1 - Z ** 2)),
            Mistake("The derivative was taken of the activation A, tanh'(tanh(Z)); it belongs at the net input Z.",
                    lambda d, W, Z: (d @ W.T) * _tanh_grad(activations.tanh(Z))),
            Mistake("Multiply by the derivative tanh'(Z1) as well: the error must pass back through the activation.",
                    lambda d, W, Z: d @ W.T),
            Mistake("Multiply by the derivative, 1 − tanh(Z1)², not by tanh(Z1) itself.",
                    lambda d, W, Z: (d @ W.T) * activations.tanh(Z)),
        ],
        crash_hints=[CrashHint(ValueError, "W2 has shape (n_hidden, n_out) and the delta (n, n_out): to send the "
                                           "error back, multiply by W2 transposed.", text="matmul")],
        general_hint="Two factors, entry by entry: the output delta sent back through the transposed W2, "
                     "shape (n, n_hidden), and tanh' at Z1, which is 1 − tanh(Z1)².",
    )


# ---------------------------------------------------------------- Exercise 6.5


def _backward_pass(X, Y, W1, b1, W2, b2, alpha):
    Zs, As = mlp.forward(X, [W1, W2], [b1, b2], "tanh")
    (dW1, dW2), (db1, db2) = mlp.backward(Y, Zs, As, [W1, W2], "tanh", alpha=alpha)
    return dW1, db1, dW2, db2


def _with(alpha_on_biases=False, alpha=True, mean=True):
    """The backward pass with one slip, for the mistakes."""
    def backward_pass(X, Y, W1, b1, W2, b2, a):
        n = len(Y) if mean else 1
        Z1 = X @ W1 + b1
        A1 = np.tanh(Z1)
        dZ2 = activations.softmax(A1 @ W2 + b2) - Y
        dW2, db2 = A1.T @ dZ2 / n, dZ2.sum(axis=0) / n
        dZ1 = (dZ2 @ W2.T) * (1 - A1 ** 2)
        dW1, db1 = X.T @ dZ1 / n, dZ1.sum(axis=0) / n
        if alpha:
            dW1, dW2 = dW1 + a * W1, dW2 + a * W2
        if alpha_on_biases:
            db1, db2 = db1 + a * b1, db2 + a * b2
        return dW1, db1, dW2, db2
    return backward_pass


def check_backward_pass(backward_pass) -> None:
    """Exercise 6.5: ``backward_pass(X, Y, W1, b1, W2, b2, alpha)`` returns ``(dW1, db1, dW2, db2)``."""
    run_check(
        Exercise("6.5", "backward_pass",
                 "backward_pass computes every gradient of the two-layer network, with L2 on the weights only"),
        backward_pass,
        cases=[
            Case(X5, Y5, W1_5, b1_5, W2_5, b2_5, 0.0),
            Case(X5, Y5, W1_5, b1_5, W2_5, b2_5, 0.1),
            Case(X2, Y2, W1_2, b1_2, W2_2, b2_2, 0.03),
        ],
        reference=_backward_pass,
        mistakes=[
            Mistake("L2 regularisation penalises the weights only: leave α out of db1 and db2.",
                    _with(alpha_on_biases=True)),
            Mistake("Add the L2 term α·W to dW1 and dW2: the penalty ½α ΣW² is part of the loss.", _with(alpha=False)),
            Mistake("Divide by the batch size n: the loss is a mean over the samples.", _with(mean=False)),
        ],
        general_hint="Forward first (Z1, A1, then the softmax output), then back: δ2 = Ŷ − Y, the gradients of "
                     "W2 and b2 (Exercise 6.3), δ1 (Exercise 6.4), the gradients of W1 and b1 the same way, and "
                     "α·W added to each dW. Exercises 6.3 and 6.4 can be called from here.",
    )
