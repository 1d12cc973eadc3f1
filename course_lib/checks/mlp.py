"""Checks for lesson 06 · The multilayer perceptron and backpropagation.

Every expected value comes from :mod:`course_lib.mlp` (``forward``, ``cross_entropy``,
``backward``) and :mod:`course_lib.activations`; the known mistakes are the same
computations with one slip (a transpose missing, the derivative taken at the wrong
place, the batch size forgotten …). The network is the lesson's: a tanh hidden layer
and a softmax output with cross-entropy, averaged over the batch, L2 on the weights.

``DROPPED_TERMS`` holds, for every checker, the solution with one of its terms left out:
the contract test proves that each of them fails its check.
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
# Output scores near 800: exp overflows unless softmax subtracts each row's maximum first.
B2_LARGE = np.array([800.0, 799.0, -800.0])


def _softmax(Z):
    return activations.softmax(Z)


def _layer(A_prev, W, b):
    """The reference hidden layer: (Z, tanh(Z))."""
    Z = A_prev @ W + b
    return Z, activations.tanh(Z)


def _tanh_grad(Z):
    return activations.tanh_grad(Z)


_SHAPES_6_1 = "A_prev is (n, n_in), W (n_in, n_out), b (n_out,); Z and A are (n, n_out)."
_SHAPES_BACK = ("X is (n, n_in), W1 (n_in, n_hidden), W2 (n_hidden, n_out), Y (n, n_out); each gradient has "
                "its parameter's shape.")

# ---------------------------------------------------------------- Exercise 6.1


def check_layer_forward(layer_forward) -> None:
    """Exercise 6.1: ``layer_forward(A_prev, W, b)`` returns ``(Z, A)`` with Z = A_prev @ W + b and A = tanh(Z)."""
    run_check(
        Exercise("6.1", "layer_forward",
                 "layer_forward computes the net input of a whole batch and passes it through tanh, keeping both",
                 returns=("Z", "A"), shapes=_SHAPES_6_1),
        layer_forward,
        cases=[Case(X5, W1_5, b1_5), Case(X2, W1_2, b1_2), Case(_random(1, 3), W1_5, b1_5)],
        reference=_layer,
        mistakes=[
            Mistake("Return both, the net input and the activation: backpropagation needs Z later, for f'(Z).",
                    lambda A, W, b: activations.tanh(A @ W + b)),
            Mistake("Your A equals your Z: where does the activation come in?",
                    lambda A, W, b: (A @ W + b, A @ W + b)),
            Mistake("Your A is off by b: is the bias added before the activation, or after it?",
                    lambda A, W, b: (A @ W + b, activations.tanh(A @ W) + b)),
            Mistake("This layer uses tanh, not the sigmoid.", lambda A, W, b: (A @ W + b, activations.sigmoid(A @ W + b))),
            Mistake("This layer uses tanh, not ReLU.", lambda A, W, b: (A @ W + b, activations.relu(A @ W + b))),
            Mistake("The bias is missing from Z (and so from A).", lambda A, W, b: (A @ W, activations.tanh(A @ W))),
            Mistake("Your A has the bias but your Z does not: is the Z you return the one you passed to tanh?",
                    lambda A, W, b: (A @ W, activations.tanh(A @ W + b))),
            Mistake("The activation belongs to this layer's net input, not to its input A_prev: which array "
                    "goes through tanh?", lambda A, W, b: (activations.tanh(A) @ W + b, activations.tanh(A) @ W + b)),
            Mistake("tanh is applied to A_prev before the product: which array goes through tanh?",
                    lambda A, W, b: (A @ W + b, activations.tanh(A) @ W + b)),
            Mistake("Your Z has already been through tanh: Z is the net input, before the activation.",
                    lambda A, W, b: (activations.tanh(A @ W + b), activations.tanh(activations.tanh(A @ W + b)))),
            Mistake("Your Z multiplies by the bias: is the bias added to the product, or multiplied?",
                    lambda A, W, b: ((A @ W) * b, activations.tanh((A @ W) * b))),
            Mistake("Your Z has no negative entries: Z is the net input itself, with nothing applied to it "
                    "before tanh.", lambda A, W, b: (activations.relu(A @ W + b),
                                                     activations.tanh(activations.relu(A @ W + b)))),
        ],
        general_hint="Which of Z and A is wrong? Compare its first entry with what you get by hand for the "
                     "first sample.",
    )


# ---------------------------------------------------------------- Exercise 6.2


def _loss(Z, Y):
    return mlp.cross_entropy(Y, Z)


def _log_softmax(Z, axis=1):
    m = Z.max(axis=axis, keepdims=True)
    return Z - m - np.log(np.exp(Z - m).sum(axis=axis, keepdims=True))


def _naive_loss(Z, Y, reduce=np.mean):
    with np.errstate(all="ignore"):
        P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
        return float(reduce(-(Y * np.log(P)).sum(axis=1)))


_OVERFLOW = ("np.exp overflowed on the scores near 1000: how does the lesson keep softmax finite for large "
             "scores (lesson 02)? The log of a softmax can avoid exp of a large number altogether.")
_LOG_ZERO = ("np.log met an exact 0: a probability rounded to 0 before the log. Can you take the log of the "
             "softmax without computing the softmax first (the log of a quotient)?")


def check_softmax_cross_entropy(softmax_cross_entropy) -> None:
    """Exercise 6.2: ``softmax_cross_entropy(Z, Y)`` returns the mean cross-entropy of one-hot ``Y`` under the logits ``Z``."""
    Z_big = np.array([[1000.0, 0.0, -1000.0], [3.0, 2.5, -1.0]])
    run_check(
        Exercise("6.2", "softmax_cross_entropy",
                 "softmax_cross_entropy averages −log of the right class's probability over the batch, "
                 "even for huge scores", shapes="Z and Y are (n, k); the loss is one number."),
        softmax_cross_entropy,
        cases=[
            Case(np.array([[2.0, 1.0, 0.1]]), _one_hot([0], 3)),
            Case(X5 @ W2_5[:3], Y5),
            Case(np.array([[0.0, 0.0], [1.0, -1.0]]), Y2),
            Case(Z_big, _one_hot([0, 1], 3)),
        ],
        reference=_loss,
        mistakes=[
            Mistake("Yours grows with the batch: is the loss a sum over the samples, or their mean?",
                    lambda Z, Y: mlp.cross_entropy(Y, Z, reduction="sum")),
            Mistake("Yours is one loss per sample: the exercise asks for one number, their mean.",
                    lambda Z, Y: -(Y * _log_softmax(Z)).sum(axis=1)),
            Mistake("Yours is also divided by the number of classes: what does a mean over the whole (n, k) "
                    "array divide by?", lambda Z, Y: mlp.cross_entropy(Y, Z) / Z.shape[1]),
            Mistake("Softmax normalises each row (one sample's scores): over which axis does your sum run?",
                    lambda Z, Y: float(-(Y * _log_softmax(Z, axis=0)).sum(axis=1).mean())),
            Mistake("That is −log of the raw score: the log belongs to a probability. Where is the softmax?",
                    lambda Z, Y: float(-(Y * Z).sum(axis=1).mean())),
            Mistake("That is −log of the largest probability in each row: the loss takes the right class's "
                    "probability, where Y is 1.",
                    lambda Z, Y: float(-_log_softmax(Z).max(axis=1).mean())),
            Mistake("Cross-entropy takes −log of the probability; yours averages the probability itself.",
                    lambda Z, Y: float(-(Y * np.exp(_log_softmax(Z))).sum(axis=1).mean())),
            Mistake("np.log is the natural logarithm the loss uses; yours has another base.",
                    lambda Z, Y: mlp.cross_entropy(Y, Z) / np.log(10)),
            Mistake("np.log is the natural logarithm the loss uses; yours has another base.",
                    lambda Z, Y: mlp.cross_entropy(Y, Z) / np.log(2)),
            Mistake("You subtract each row's maximum in one place but not in the other: shifting the scores must "
                    "leave the probabilities unchanged.",
                    lambda Z, Y: float(-(Y * (Z - np.log(np.exp(Z - Z.max(1, keepdims=True)).sum(
                        1, keepdims=True)))).sum(axis=1).mean())),
            Mistake(_OVERFLOW, _naive_loss),
        ],
        crash_hints=[CrashHint(RuntimeWarning, _OVERFLOW, text="overflow"),
                     CrashHint(RuntimeWarning, _LOG_ZERO, text="divide by zero encountered in log")],
        general_hint="Try the first input by hand: which probability does softmax give the right class, and "
                     "what is −log of it?",
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
                 "output_gradients turns the output delta Ŷ − Y into the gradients of W2 and b2, averaged over the batch",
                 returns=("dW2", "db2"),
                 shapes="A1 is (n, n_hidden), Y_hat and Y (n, n_out); dW2 is (n_hidden, n_out), db2 (n_out,)."),
        output_gradients,
        cases=[
            Case(A1_5, activations.softmax(A1_5 @ W2_5 + b2_5), Y5),
            Case(A1_2, activations.softmax(A1_2 @ W2_2 + b2_2), Y2),
        ],
        reference=_output_gradients,
        mistakes=[
            Mistake("Yours are n times too large: the loss is a mean over the samples, and so is its gradient.",
                    lambda A1, P, Y: (A1.T @ (P - Y), (P - Y).sum(axis=0))),
            Mistake("Yours have the opposite sign: which comes first in the delta, the prediction or the target? "
                    "With the wrong one, gradient descent would climb the loss.",
                    lambda A1, P, Y: tuple(-g for g in _output_gradients(A1, P, Y))),
            Mistake("db2 has one entry per output unit: which axis holds the samples you average over?",
                    lambda A1, P, Y: (A1.T @ (P - Y) / len(Y), (P - Y).sum(axis=1) / len(Y))),
            Mistake("db2 has one entry per output unit, not a single number: which axis do you average over?",
                    lambda A1, P, Y: (A1.T @ (P - Y) / len(Y), np.mean(P - Y))),
            Mistake("dW2 must have the shape of W2, (n_hidden, n_out): which factor of the product is transposed?",
                    lambda A1, P, Y: ((P - Y).T @ A1 / len(Y), (P - Y).sum(axis=0) / len(Y))),
            Mistake("Your gradients use the prediction Ŷ alone: the output delta compares it with the target. "
                    "Where is Y?", lambda A1, P, Y: (A1.T @ P / len(Y), P.sum(axis=0) / len(Y))),
            Mistake("dW2 is right but db2 is n times too large: is db2 averaged over the samples too?",
                    lambda A1, P, Y: (A1.T @ (P - Y) / len(Y), (P - Y).sum(axis=0))),
            Mistake("Yours divides by the number of hidden units: the mean is over the samples, the rows of A1.",
                    lambda A1, P, Y: (A1.T @ (P - Y) / A1.shape[1], (P - Y).sum(axis=0) / A1.shape[1])),
            Mistake("Your delta is squared: for softmax with cross-entropy the output delta is the plain "
                    "difference between prediction and target.",
                    lambda A1, P, Y: (A1.T @ (P - Y) ** 2 / len(Y), ((P - Y) ** 2).mean(axis=0))),
        ],
        general_hint="Which of dW2 and db2 is wrong? Write the shape of every array under your line: "
                     "(n, n_hidden), (n, n_out) …",
    )


# ---------------------------------------------------------------- Exercise 6.4


def _hidden_delta(dZ2, W2, Z1):
    return (dZ2 @ W2.T) * _tanh_grad(Z1)


_NO_DERIVATIVE = ("The error must also pass back through the activation: where is the derivative tanh'(Z1) "
                  "in yours?")
_DERIVATIVE_OF_Z = ("Your derivative is 1 − Z1²: tanh' is a function of the activation tanh(Z1), not of the net "
                    "input itself.")
_DERIVATIVE_AT_A = ("Your derivative is taken at tanh(Z1), tanh'(tanh(Z1)): the derivative belongs at the net "
                    "input Z1.")
_TANH_NOT_DERIVATIVE = "Yours multiplies by tanh(Z1) itself: the chain rule needs its derivative, tanh'(Z1)."
_SIGMOID_DERIVATIVE = "This layer is tanh: its derivative is not the sigmoid's σ(1 − σ)."
_RELU_DERIVATIVE = "This layer is tanh, not ReLU: its derivative is not a 0/1 step."
_SQUARE_MISSING = "Your derivative factor is 1 − tanh(Z1): is a square missing?"


def check_hidden_delta(hidden_delta) -> None:
    """Exercise 6.4: ``hidden_delta(dZ2, W2, Z1)`` returns δ1 = (dZ2 @ W2ᵀ) ⊙ tanh'(Z1)."""
    Z1_5 = _layer(X5, W1_5, b1_5)[0]
    Z1_2 = _layer(X2, W1_2, b1_2)[0]
    dZ2_5 = activations.softmax(activations.tanh(Z1_5) @ W2_5 + b2_5) - Y5
    dZ2_2 = activations.softmax(activations.tanh(Z1_2) @ W2_2 + b2_2) - Y2
    back = lambda d, W: d @ W.T  # noqa: E731 - the error sent back through W2
    run_check(
        Exercise("6.4", "hidden_delta",
                 "hidden_delta sends the output error back through W2 and scales it by tanh' at the hidden net inputs",
                 shapes="dZ2 is (n, n_out), W2 (n_hidden, n_out), Z1 (n, n_hidden); δ1 is (n, n_hidden)."),
        hidden_delta,
        cases=[Case(dZ2_5, W2_5, Z1_5), Case(dZ2_2, W2_2, Z1_2)],
        reference=_hidden_delta,
        mistakes=[
            Mistake(_DERIVATIVE_OF_Z, lambda d, W, Z: back(d, W) * (1 - Z ** 2)),
            Mistake(_DERIVATIVE_AT_A, lambda d, W, Z: back(d, W) * _tanh_grad(activations.tanh(Z))),
            Mistake(_NO_DERIVATIVE, lambda d, W, Z: back(d, W)),
            Mistake(_TANH_NOT_DERIVATIVE, lambda d, W, Z: back(d, W) * activations.tanh(Z)),
            Mistake(_SIGMOID_DERIVATIVE, lambda d, W, Z: back(d, W) * activations.sigmoid_grad(Z)),
            Mistake(_RELU_DERIVATIVE, lambda d, W, Z: back(d, W) * (Z > 0)),
            Mistake(_SQUARE_MISSING, lambda d, W, Z: back(d, W) * (1 - activations.tanh(Z))),
            Mistake("Your derivative has a plus where the derivative of tanh has a minus: check the sign inside it.",
                    lambda d, W, Z: back(d, W) * (1 + activations.tanh(Z) ** 2)),
            Mistake("Your derivative squares 1 − tanh(Z1): is the square on tanh(Z1) alone, or on the difference?",
                    lambda d, W, Z: back(d, W) * (1 - activations.tanh(Z)) ** 2),
        ],
        general_hint="Two factors meet entry by entry here: the error sent back through W2, and the derivative "
                     "at Z1. Which of the two differs from yours?",
    )


# ---------------------------------------------------------------- Exercise 6.5


def _backward_pass(X, Y, W1, b1, W2, b2, alpha):
    Zs, As = mlp.forward(X, [W1, W2], [b1, b2], "tanh")
    (dW1, dW2), (db1, db2) = mlp.backward(Y, Zs, As, [W1, W2], "tanh", alpha=alpha)
    return dW1, db1, dW2, db2


def _with(alpha_on_biases=False, penalty=1.0, penalty_mean=False, mean=True, derivative="tanh'(Z)",
          sign=1.0, input_of_dW1="X", input_of_dW2="A1", softmax_derivative=False):
    """The backward pass with one slip, for the mistakes."""
    def backward_pass(X, Y, W1, b1, W2, b2, a):
        n = len(Y) if mean else 1
        Z1 = X @ W1 + b1
        A1 = np.tanh(Z1)
        P = _softmax(A1 @ W2 + b2)
        dZ2 = sign * (P - Y) * (P * (1 - P) if softmax_derivative else 1.0)
        before_W2 = {"A1": A1, "X": X, "Z1": Z1}[input_of_dW2]
        dW2, db2 = before_W2.T @ dZ2 / n, dZ2.sum(axis=0) / n
        factor = {"tanh'(Z)": 1 - A1 ** 2, "1 - Z**2": 1 - Z1 ** 2, "tanh'(A)": 1 - np.tanh(A1) ** 2,
                  "none": 1.0, "tanh(Z)": A1}[derivative]
        dZ1 = (dZ2 @ W2.T) * factor
        before_W1 = {"X": X, "A1": A1}[input_of_dW1]
        dW1, db1 = before_W1.T @ dZ1 / n, dZ1.sum(axis=0) / n
        scale = penalty * a / (len(Y) if penalty_mean else 1)
        dW1, dW2 = dW1 + scale * W1, dW2 + scale * W2
        if alpha_on_biases:
            db1, db2 = db1 + a * b1, db2 + a * b2
        return dW1, db1, dW2, db2
    return backward_pass


def check_backward_pass(backward_pass) -> None:
    """Exercise 6.5: ``backward_pass(X, Y, W1, b1, W2, b2, alpha)`` returns ``(dW1, db1, dW2, db2)``."""
    run_check(
        Exercise("6.5", "backward_pass",
                 "backward_pass computes every gradient of the two-layer network, with L2 on the weights only",
                 returns=("dW1", "db1", "dW2", "db2"), computed=("dW2", "db2", "dW1", "db1"), shapes=_SHAPES_BACK),
        backward_pass,
        cases=[
            Case(X5, Y5, W1_5, b1_5, W2_5, b2_5, 0.0),
            Case(X5, Y5, W1_5, b1_5, W2_5, b2_5, 0.1),
            Case(X2, Y2, W1_2, b1_2, W2_2, b2_2, 0.03),
            Case(X5, Y5, W1_5, b1_5, W2_5, B2_LARGE, 0.01),
        ],
        reference=_backward_pass,
        mistakes=[
            Mistake("L2 regularisation penalises the weights only: should α touch db1 and db2?",
                    _with(alpha_on_biases=True)),
            Mistake("Right for α = 0, wrong for α > 0: the penalty ½α ΣW² is part of the loss. Where is its "
                    "gradient in your dW1 and dW2?", _with(penalty=0.0)),
            Mistake("The L2 term in your dW is half what it should be: what is the derivative of ½α ΣW²?",
                    _with(penalty=0.5)),
            Mistake("The L2 term in your dW is twice what it should be: what is the derivative of ½α ΣW²?",
                    _with(penalty=2.0)),
            Mistake("Your L2 term is divided by n: the penalty ½α ΣW² is added once, not averaged over the samples.",
                    _with(penalty_mean=True)),
            Mistake("Your gradients are n times too large: the loss is a mean over the samples.", _with(mean=False)),
            Mistake("Your gradients have the opposite sign (apart from the penalty): which comes first in the output "
                    "delta, the prediction or the target?", _with(sign=-1.0)),
            Mistake(_DERIVATIVE_OF_Z, _with(derivative="1 - Z**2")),
            Mistake(_DERIVATIVE_AT_A, _with(derivative="tanh'(A)")),
            Mistake(_NO_DERIVATIVE, _with(derivative="none")),
            Mistake(_TANH_NOT_DERIVATIVE, _with(derivative="tanh(Z)")),
            Mistake("Your output delta is multiplied by Ŷ(1 − Ŷ): with softmax and cross-entropy together, the "
                    "softmax's derivative is already inside Ŷ − Y.", _with(softmax_derivative=True)),
            Mistake("dW1 pairs δ1 with the input of the first layer: is that A1, or X?", _with(input_of_dW1="A1")),
            Mistake("dW2 pairs δ2 with the input of the output layer: is that X, or A1?", _with(input_of_dW2="X")),
            Mistake("dW2 pairs δ2 with the input of the output layer, the activation A1, not the net input Z1.",
                    _with(input_of_dW2="Z1")),
        ],
        crash_hints=[CrashHint(RuntimeWarning, "np.exp overflowed on output scores near 800: how does the lesson keep "
                                               "softmax finite for large scores?", text="overflow")],
        general_hint="Which gradient goes wrong first? Check what it is made of, in the order you compute it "
                     "(6.3 and 6.4 are checked pieces you can call).",
    )


# ---------------------------------------------------------------- every term matters

DROPPED_TERMS = {
    "check_layer_forward": {
        "the bias": lambda A_prev, W, b: (A_prev @ W, np.tanh(A_prev @ W)),
        "the activation": lambda A_prev, W, b: (A_prev @ W + b, A_prev @ W + b),
        "the weights": lambda A_prev, W, b: (A_prev[:, :1] * 0 + b, np.tanh(A_prev[:, :1] * 0 + b)),
    },
    "check_softmax_cross_entropy": {
        "the row maximum": lambda Z, Y: _naive_loss(Z, Y),
        "the log-sum of the exponentials": lambda Z, Y: float(-(Y * (Z - Z.max(1, keepdims=True))).sum(1).mean()),
        "the mean over the samples": lambda Z, Y: float(-(Y * _log_softmax(Z)).sum()),
        "the target Y": lambda Z, Y: float(-_log_softmax(Z).sum(axis=1).mean()),
    },
    "check_output_gradients": {
        "the target in the delta": lambda A1, Y_hat, Y: (A1.T @ Y_hat / len(Y), Y_hat.sum(axis=0) / len(Y)),
        "the division by n": lambda A1, Y_hat, Y: (A1.T @ (Y_hat - Y), (Y_hat - Y).sum(axis=0)),
        "the hidden activations in dW2": lambda A1, Y_hat, Y: (
            np.ones_like(A1).T @ (Y_hat - Y) / len(Y), (Y_hat - Y).sum(axis=0) / len(Y)),
    },
    "check_hidden_delta": {
        "the derivative": lambda dZ2, W2, Z1: dZ2 @ W2.T,
        "the weights W2": lambda dZ2, W2, Z1: dZ2.sum(axis=1, keepdims=True) * (1 - np.tanh(Z1) ** 2),
        "the square in the derivative": lambda dZ2, W2, Z1: (dZ2 @ W2.T) * (1 - np.tanh(Z1)),
    },
    "check_backward_pass": {
        "the L2 penalty": _with(penalty=0.0),
        "the division by n": _with(mean=False),
        "the activation derivative": _with(derivative="none"),
        "the softmax's maximum": lambda X, Y, W1, b1, W2, b2, alpha: _naive_backward(X, Y, W1, b1, W2, b2, alpha),
    },
}


def _naive_backward(X, Y, W1, b1, W2, b2, alpha):
    """The backward pass with a softmax that does not subtract the maximum (nan for large scores)."""
    with np.errstate(all="ignore"):
        n = len(Y)
        A1 = np.tanh(X @ W1 + b1)
        E = np.exp(A1 @ W2 + b2)
        dZ2 = E / E.sum(axis=1, keepdims=True) - Y
        dZ1 = (dZ2 @ W2.T) * (1 - A1 ** 2)
        return X.T @ dZ1 / n + alpha * W1, dZ1.sum(0) / n, A1.T @ dZ2 / n + alpha * W2, dZ2.sum(0) / n
