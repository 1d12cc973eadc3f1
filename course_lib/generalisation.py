r"""Lesson 07 · Generalisation: the three small rules the lesson has the student write.

- :func:`early_stopping`: where the validation loss was lowest, and where patience ran out;
- :func:`l2_penalty`: :math:`\tfrac\alpha2 \sum_l \sum W_l^2` and its gradients :math:`\alpha W_l`
  (what :class:`course_lib.mlp.MLPClassifier` adds for ``alpha``);
- :func:`momentum_step`: :math:`v \leftarrow \mu v - \eta \nabla J,\ w \leftarrow w + v`
  (what it does for ``momentum``).

After each exercise the lesson uses these, so that it runs on whether or not the student's
own version is finished.
"""

from __future__ import annotations

import numpy as np

from course_lib._validation import as_float_array, as_int, as_real, as_vector, sizes_text

__all__ = ["early_stopping", "l2_penalty", "momentum_step"]


def early_stopping(validation_losses, patience):
    """``(best_epoch, stop_epoch)`` of early stopping on a validation-loss curve, epochs counted from 1.

    Training stops at the first epoch where ``patience`` epochs in a row have brought no loss
    lower than the best so far (an equal loss is no progress); ``best_epoch`` is the epoch of
    the lowest loss seen by then. If patience never runs out, ``stop_epoch`` is the last epoch.

    >>> early_stopping([0.9, 0.7, 0.6, 0.65, 0.62, 0.61, 0.63], patience=3)
    (3, 6)
    >>> early_stopping([0.5, 0.4, 0.3], patience=2)
    (3, 3)
    """
    losses = as_vector(validation_losses, "validation_losses", length_name="n_epochs", finite=True)
    if losses.size == 0:
        raise ValueError("validation_losses must hold at least one loss; got none. Train with X_val, y_val "
                         "to record them (model.validation_loss_curve_).")
    patience = as_int(patience, "patience", minimum=1)
    best, best_epoch = np.inf, 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, int(losses.size)


def _layers(arrays, name: str) -> list[np.ndarray]:
    if not isinstance(arrays, (list, tuple)):
        raise TypeError(f"{name} must be a list with one array per layer, as mlp.init_params returns; "
                        f"got {type(arrays).__name__}.")
    return [as_float_array(A, f"{name}[{i}]", finite=True) for i, A in enumerate(arrays)]


def l2_penalty(weights, biases, alpha):
    r"""The L2 penalty :math:`\tfrac\alpha2 \sum_l \sum W_l^2` on the weights (not the biases), and its gradients.

    Returns ``(penalty, gradients)``: a float, and :math:`\alpha W_l` for each weight matrix.

    >>> penalty, gradients = l2_penalty([np.array([[1.0, -2.0]]), np.array([[3.0], [-1.0]])],
    ...                                 [np.zeros(2), np.zeros(1)], alpha=0.1)
    >>> round(penalty, 4), gradients[1].ravel()
    (0.75, array([ 0.3, -0.1]))
    """
    weights = _layers(weights, "weights")
    _layers(biases, "biases")
    alpha = as_real(alpha, "alpha", minimum=0.0)
    with np.errstate(all="ignore"):  # an overflow is explained below, with the values that caused it
        penalty = 0.5 * alpha * sum(float(np.sum(W * W)) for W in weights)  # ½ α Σ_l Σ W_l²
        gradients = [alpha * W for W in weights]                            # ∂/∂W_l = α W_l
    if not (np.isfinite(penalty) and all(np.all(np.isfinite(g)) for g in gradients)):
        raise ValueError(f"alpha and weights must be small enough for the penalty to stay below "
                         f"{np.finfo(float).max:.3g}; got {sizes_text(alpha=alpha, weights=weights)}.")
    return penalty, gradients


def momentum_step(w, v, gradient, learning_rate, momentum):
    r"""One step of gradient descent with momentum: :math:`v \leftarrow \mu v - \eta \nabla J,\ w \leftarrow w + v`.

    Returns the new ``(w, v)``; the arrays given are not changed. ``v`` is the step itself
    (the learning rate included) and starts at zeros.

    >>> momentum_step(np.array([1.0]), np.array([0.5]), np.array([4.0]), learning_rate=0.1, momentum=0.9)
    (array([1.05]), array([0.05]))
    """
    w = as_float_array(w, "w", finite=True)
    v = as_float_array(v, "v", finite=True)
    gradient = as_float_array(gradient, "gradient", finite=True)
    if not w.shape == v.shape == gradient.shape:
        raise ValueError(f"w, v and gradient must have one shape; got {w.shape}, {v.shape} and {gradient.shape}. "
                         "Start v as np.zeros_like(w).")
    learning_rate = as_real(learning_rate, "learning_rate", positive=True)
    momentum = as_real(momentum, "momentum", minimum=0.0, maximum=1.0)
    with np.errstate(all="ignore"):  # an overflow is explained below, with the values that caused it
        v_new = momentum * v - learning_rate * gradient                   # v ← μ v − η ∇J
        w_new = w + v_new                                                 # w ← w + v
    if not (np.all(np.isfinite(v_new)) and np.all(np.isfinite(w_new))):
        raise ValueError(f"learning_rate, gradient, v and w must be small enough for the step to stay below "
                         f"{np.finfo(float).max:.3g}; got "
                         f"{sizes_text(learning_rate=learning_rate, gradient=gradient, v=v, w=w)}.")
    return w_new, v_new
