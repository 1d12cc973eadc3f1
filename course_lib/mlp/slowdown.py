r"""The learning slowdown: why a saturated sigmoid neuron learns slowly with squared error.

:func:`learning_slowdown` trains one sigmoid neuron on one sample with either loss and
returns its output after every epoch; lesson 06 plots the two curves side by side
(:func:`course_lib.plotting.plot_learning_slowdown`).
"""

from __future__ import annotations

import numpy as np

from course_lib._validation import as_choice, as_int, as_real
from course_lib.mlp.network import _activation, _backward, _forward

__all__ = ["learning_slowdown"]


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

