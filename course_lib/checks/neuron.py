"""Checks for lesson 01 · The artificial neuron.

Every expected value comes from :mod:`course_lib.neuron`; the known mistakes
reuse it too (a forward pass with the wrong activation, the net input without
its bias …), so no formula is written twice.
"""

from __future__ import annotations

import numpy as np

from course_lib import neuron

from ._core import FLOAT32_IS_FINE, Case, CrashHint, Exercise, Mistake, run_check

_SUM_THE_PRODUCTS = (
    "You returned the products wᵢ·xᵢ one by one: add them up into a single number (numpy's dot product "
    "multiplies and adds in one step), then add b."
)


# Single-precision answers (float32) are right here too: their last digits differ by about 1e-7.


def _array(values) -> np.ndarray:
    return np.array(values, dtype=float)


def _dot(x, w) -> float:
    """Σ wᵢ·xᵢ, taken from the reference as the net input with no bias."""
    return neuron.weighted_sum(x, w, 0.0)


# The solutions with one of their terms left out: the check must catch each (issue 18, item 6).
DROPPED_TERMS = {
    "check_weighted_sum": {
        "the bias": lambda x, w, b: float(np.dot(w, x)),
        "the weighted sum": lambda x, w, b: float(b),
    },
    "check_step_neuron": {
        "the threshold": lambda x, w, threshold: 1 if np.dot(w, x) >= 0 else 0,
        "the weighted sum": lambda x, w, threshold: 1 if -threshold >= 0 else 0,
    },
    "check_layer_net_input": {
        "the bias": lambda X, W, b: X @ W,
        "the product X @ W": lambda X, W, b: np.zeros((len(X), len(b))) + b,
    },
    "check_two_layer_forward": {
        "the ReLU": lambda X, W1, b1, W2, b2: (X @ W1 + b1) @ W2 + b2,
        "the hidden bias b1": lambda X, W1, b1, W2, b2: np.maximum(0, X @ W1) @ W2 + b2,
        "the output bias b2": lambda X, W1, b1, W2, b2: np.maximum(0, X @ W1 + b1) @ W2,
    },
}


# ---------------------------------------------------------------- Exercise 1.1


def check_weighted_sum(weighted_sum) -> None:
    """Exercise 1.1: ``weighted_sum(x, w, b)`` returns z = Σ wᵢxᵢ + b for one sample, as a number."""
    rng = np.random.default_rng(0)
    run_check(
        Exercise("1.1", "weighted_sum",
                 "weighted_sum multiplies each input by its weight, adds up the products, then adds the bias once"),
        weighted_sum,
        cases=[
            Case(_array([5, 1, 4, 8]), _array([2, -1, 3, -2]), 0.0),  # the lesson's four inputs: z = 5
            Case(_array([5, 1, 4, 8]), _array([2, -1, 3, -2]), 2.5),
            Case(_array([1.5, -2.0, 0.5]), _array([-0.5, -1.0, -2.0]), -1.0),  # negative weights and bias
            Case(_array([3.0]), _array([-2.0]), 0.5),  # a single input
            Case(rng.normal(size=8).round(2), rng.normal(size=8).round(2), 0.75),  # a longer vector
            Case(np.array([1, 2, 3]), np.array([4, 5, 6]), 7),  # integers: 4 + 10 + 18 + 7 = 39
        ],
        reference=neuron.weighted_sum,
        mistakes=[
            Mistake("The bias is missing: z = Σ wᵢ·xᵢ + b, so add b after summing the products.",
                    lambda x, w, b: _dot(x, w)),
            Mistake("The bias has the wrong sign: add b (z = Σ wᵢ·xᵢ + b), don't subtract it.",
                    lambda x, w, b: _dot(x, w) - b),
            Mistake("b was added to every product: add it once, to the sum (z = Σ wᵢ·xᵢ + b), not inside the sum or loop.",
                    lambda x, w, b: _dot(x, w) + len(x) * b),
            Mistake(_SUM_THE_PRODUCTS, lambda x, w, b: np.asarray(w) * np.asarray(x)),
            Mistake(_SUM_THE_PRODUCTS, lambda x, w, b: np.asarray(w) * np.asarray(x) + b),
            Mistake(_SUM_THE_PRODUCTS, lambda x, w, b: [xi * wi for xi, wi in zip(x, w)]),
            Mistake("Return the number itself, not a list holding it: write `return z`, not `return [z]`.",
                    lambda x, w, b: [neuron.weighted_sum(x, w, b)]),
            Mistake("That is the average of the products: the net input adds them up, a sum.",
                    lambda x, w, b: float(np.mean(np.asarray(w) * np.asarray(x))) + b),
            Mistake("Each input is multiplied by its own weight; yours adds them (wᵢ + xᵢ).",
                    lambda x, w, b: float(np.sum(np.asarray(w) + np.asarray(x))) + b),
            Mistake("You multiplied the total of the weights by the total of the inputs; multiply each input by "
                    "its own weight first, then add those products up.",
                    lambda x, w, b: float(np.sum(w) * np.sum(x)) + b),
            Mistake("b was added to every input before weighting it: the bias is added once, to the weighted sum, "
                    "not to x.", lambda x, w, b: _dot(np.asarray(x) + b, w)),
            Mistake("The product of the last input is missing: does your loop stop one step early? range(len(x)) "
                    "already runs up to the last index.", lambda x, w, b: _dot(x[:-1], w[:-1]) + b),
            Mistake("The product of the first input is missing: Python counts from 0, so the loop starts at "
                    "index 0.", lambda x, w, b: _dot(x[1:], w[1:]) + b),
        ],
        general_hint="Work the lesson's example by hand, x = [5, 1, 4, 8], w = [2, -1, 3, -2], b = 0 (z = 5): "
                     "which of your intermediate values differs first?",
    )


# ---------------------------------------------------------------- Exercise 1.2


def _decision(x, w, threshold) -> float:
    """The step neuron of the lesson: bias b = -threshold, binary step (fires at z = 0)."""
    return neuron.neuron(x, w, -threshold, "binary_step")


def check_step_neuron(step_neuron) -> None:
    """Exercise 1.2: ``step_neuron(x, w, threshold)`` returns 1 if Σ wᵢxᵢ ≥ threshold, else 0.

    The answer may be written 1/0, 1.0/0.0 or True/False: all compare equal to 1 and 0.
    """
    picnic, picnic_weights = _array([0, 1, 1]), _array([-5, 2, 4])  # not rainy, road clear, good beach
    salaries, ones = np.array([20_000, 18_000, 12_000]), np.array([1, 1, 1])  # the household's three incomes
    run_check(
        Exercise("1.2", "step_neuron",
                 "step_neuron returns 1 exactly when the weighted inputs reach the threshold (≥, so equal counts) "
                 "and 0 below it"),
        step_neuron,
        cases=[
            Case(picnic, picnic_weights, 3.0),  # 6 ≥ 3: go
            Case(picnic, picnic_weights, 7.0),  # 6 < 7: stay home
            Case(_array([1, 1, 1]), picnic_weights, 3.0),  # a rainy day: 1 < 3, stay home
            Case(salaries, ones, 50_000),  # exactly 50 000: at least 50 000, so approved
            Case(salaries - np.array([0, 0, 1]), ones, 50_000),  # 49 999: refused
            Case(_array([2, 3]), _array([1, -1]), -1.0),  # -1 ≥ -1 with a negative weight and threshold
        ],
        reference=_decision,
        mistakes=[  # the first that matches wins: at the threshold, > gives 0 and so does z itself
            Mistake("\"At least\" means ≥: a sum exactly equal to the threshold must give 1, and > gives 0 there.",
                    lambda x, w, threshold: float(_dot(x, w) > threshold)),
            Mistake("Return the decision, 1 or 0, not the weighted sum: compare it with the threshold first.",
                    lambda x, w, threshold: _dot(x, w)),
            Mistake("Return the decision, 1 or 0, not the net input z: compare z with 0 first.",
                    lambda x, w, threshold: _dot(x, w) - threshold),
            Mistake("The bias has the wrong sign: b = -threshold, so z = w·x - threshold "
                    "(you added the threshold, so the neuron says yes far too often).",
                    lambda x, w, threshold: _decision(x, w, -threshold)),
            Mistake("The answers are swapped: return 1 when the sum reaches the threshold and 0 when it doesn't.",
                    lambda x, w, threshold: 1.0 - _decision(x, w, threshold)),
            Mistake("The comparison points the wrong way: yours says 1 at or below the threshold; the neuron "
                    "fires when the sum reaches it or goes above.",
                    lambda x, w, threshold: float(_dot(x, w) <= threshold)),
            Mistake("np.sign answers -1 below the threshold and 0 exactly at it; this neuron answers 1 when the "
                    "sum reaches the threshold and 0 below it.",
                    lambda x, w, threshold: float(np.sign(_dot(x, w) - threshold))),
            Mistake("Below the threshold the neuron answers 0, not -1 (the ±1 answers come with the perceptron, "
                    "in lesson 03).", lambda x, w, threshold: 2.0 * _decision(x, w, threshold) - 1.0),
            Mistake("That is a sigmoid, a soft answer between 0 and 1; this neuron decides: exactly 1 or 0.",
                    lambda x, w, threshold: float(neuron.neuron(x, w, -threshold, "sigmoid"))),
            Mistake("You compared each weighted input with the threshold on its own: add them all up first, "
                    "then compare the total once.",
                    lambda x, w, threshold: np.asarray(w) * np.asarray(x) >= threshold),
            Mistake("The weights are missing: each input counts with its weight (rain counts -5 in the picnic), "
                    "not just as it is.", lambda x, w, threshold: float(np.sum(x) >= threshold)),
        ],
        general_hint="Work the picnic by hand: what is Σ wᵢ·xᵢ for x = (0, 1, 1), w = (-5, 2, 4), and what must "
                     "the neuron answer with threshold 3, and with 7? Which of your two answers differs?",
    )


# ---------------------------------------------------------------- Exercise 1.3

_X_AT_W = ("Mind the order and the shapes: the rows of X are samples and the rows of W are inputs "
           "(W has shape (n_in, n_out)), so X comes first in the product and W is used as it is.")
_BIAS_PER_COLUMN = ("b has one entry per neuron, i.e. per column of the product; numpy adds a 1-D b to every "
                    "row by itself, so don't reshape or transpose it.")


def check_layer_net_input(layer_net_input) -> None:
    """Exercise 1.3: ``layer_net_input(X, W, b)`` returns Z = X @ W + b, of shape (n_samples, n_out)."""
    rng = np.random.default_rng(0)
    X1, W1 = _array([[2, 3], [3, 4]]), _array([[1, -1], [1, 1]])  # the two customers, the hand network's hidden layer
    run_check(
        Exercise("1.3", "layer_net_input",
                 "layer_net_input computes Z = X @ W + b for a whole batch: one row per sample, one column per neuron",
                 shapes="X (n_samples, n_in), W (n_in, n_out) and b (n_out,) give Z (n_samples, n_out)."),
        layer_net_input,
        cases=[
            Case(X1, W1, _array([0, 0])),
            Case(X1, W1, _array([1, -2])),
            Case(rng.normal(size=(5, 3)).round(1), rng.normal(size=(3, 4)).round(1), rng.normal(size=4).round(1)),
            Case(_array([[1, -1, 2]]), _array([[0.5, 1], [2, -1], [-1, 0.5]]), _array([0.25, -0.5])),  # one sample
        ],
        reference=neuron.net_input,
        mistakes=[
            Mistake("The bias is missing: add b, one entry per neuron, to every row of the product.",
                    lambda X, W, b: X @ W),
            Mistake("The bias has the wrong sign: it is added to the product, not subtracted.",
                    lambda X, W, b: X @ W - b),
            Mistake("`*` multiplies entry by entry; a layer needs the matrix product, written `@` in numpy.",
                    lambda X, W, b: X * W + b),
            Mistake(_X_AT_W, lambda X, W, b: W @ X + b),
            Mistake(_X_AT_W, lambda X, W, b: X @ W.T + b),
            Mistake("The result is transposed: Z needs one row per sample and one column per neuron, "
                    "shape (n_samples, n_out).", lambda X, W, b: (X @ W + b).T),
            Mistake(_BIAS_PER_COLUMN, lambda X, W, b: X @ W + b.reshape(-1, 1)),
            Mistake("Keep one column per neuron: Z has shape (n_samples, n_out); "
                    "don't sum the neurons' outputs together.", lambda X, W, b: (X @ W + b).sum(axis=1)),
            Mistake("Only the first sample's row came back: is the `return` inside your loop? Collect every "
                    "row, then return them all.", lambda X, W, b: X[0] @ W + b),
            Mistake("You returned a Python list of rows: np.array(...) turns it into one array of shape "
                    "(n_samples, n_out).", lambda X, W, b: [row for row in X @ W + b]),
        ],
        **FLOAT32_IS_FINE,
        general_hint="Take the two customers by hand: which entry of your Z differs from [[5, 1], [7, 1]], and "
                     "which row of X and which column of W make that entry?",
    )


# ---------------------------------------------------------------- Exercise 1.4


def _network(hidden: str, output: str, *, biases: str = "both"):
    """The two-layer forward pass with the given activations, optionally dropping biases (for mistakes)."""
    def forward(X, W1, b1, W2, b2):
        if biases in ("none", "hidden"):
            b1 = np.zeros_like(b1)
        if biases in ("none", "output"):
            b2 = np.zeros_like(b2)
        return neuron.forward(X, [(W1, b1, hidden), (W2, b2, output)])
    return forward


def check_two_layer_forward(two_layer_forward) -> None:
    """Exercise 1.4: ``two_layer_forward(X, W1, b1, W2, b2)`` returns relu(X @ W1 + b1) @ W2 + b2."""
    rng = np.random.default_rng(0)
    W1, b1, W2, b2 = _array([[2, 4], [4, -5]]), _array([0, 0]), _array([[2], [7]]), _array([0])
    forgot_biases = "A bias is missing: each layer adds its own bias (b1 in the hidden layer, b2 in the output) to its net input."
    run_check(
        Exercise("1.4", "two_layer_forward",
                 "two_layer_forward sends a batch through a ReLU hidden layer and a linear output layer, "
                 "biases included",
                 shapes="X (n, n_in) with W1 (n_in, n_hidden), b1 (n_hidden,) gives A1 (n, n_hidden); "
                        "A1 with W2 (n_hidden, n_out), b2 (n_out,) gives (n, n_out)."),
        two_layer_forward,
        cases=[
            Case(_array([[3, 4]]), W1, b1, W2, b2),  # hidden (22, -8) -> ReLU (22, 0) -> 44
            Case(_array([[2, 3], [3, 4]]), W1, b1, W2, b2),
            Case(rng.normal(size=(2, 3)).round(1), rng.normal(size=(3, 4)).round(1), rng.normal(size=4).round(1),
                 rng.normal(size=(4, 2)).round(1), _array([-0.5, 0.25])),  # 3 inputs, 4 hidden, 2 outputs
        ],
        reference=_network("relu", "identity"),
        mistakes=[
            Mistake("The ReLU is missing: the hidden layer's negative net inputs must become 0 before they "
                    "reach the output layer.", _network("identity", "identity")),
            Mistake("ReLU belongs to the hidden layer only: the output layer is linear, "
                    "so its results may be negative.", _network("relu", "relu")),
            Mistake("That is the sigmoid: this network's hidden layer uses ReLU, max(0, z) entry by entry.",
                    _network("sigmoid", "identity")),
            Mistake(forgot_biases, _network("relu", "identity", biases="none")),
            Mistake(forgot_biases, _network("relu", "identity", biases="hidden")),
            Mistake(forgot_biases, _network("relu", "identity", biases="output")),
            Mistake("ReLU was applied before the bias was added: it acts on the whole net input, "
                    "bias included.", lambda X, W1, b1, W2, b2: (np.maximum(0, X @ W1) + b1) @ W2 + b2),
            Mistake("ReLU keeps positive values and turns negative ones into 0; the absolute value turns them "
                    "positive instead.", lambda X, W1, b1, W2, b2: np.abs(X @ W1 + b1) @ W2 + b2),
            Mistake("The output layer takes the hidden layer's output (after ReLU) as its input, not X.",
                    lambda X, W1, b1, W2, b2: X @ W2 + b2),
            Mistake("That is the hidden layer's output: the network's answer comes from the output layer, "
                    "which takes it as its input.", lambda X, W1, b1, W2, b2: np.maximum(0, X @ W1 + b1)),
            Mistake("ReLU was applied to the inputs X; it belongs to the hidden layer's net input.",
                    lambda X, W1, b1, W2, b2: (np.maximum(0, X) @ W1 + b1) @ W2 + b2),
        ],
        crash_hints=[
            CrashHint(ValueError, "Python's max compares two numbers; for arrays numpy has a function that takes "
                      "the larger of two values entry by entry (np.max, by contrast, finds one largest entry).",
                      text="truth value"),
            # the engine's own np.max(0, z) hint is longer than this exercise's two-line input allows
            CrashHint(TypeError, "np.max(0, z) reads z as an axis: np.max finds one largest entry. The larger of "
                      "two values, entry by entry, is np.maximum's job.", text="integer scalar arrays"),
        ],
        general_hint="Follow the customer (3, 4) by hand: the hidden net input should be (22, -8), after ReLU "
                     "(22, 0), and the output 44. Which of these does your function get first wrong?",
    )
