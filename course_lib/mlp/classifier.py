r"""The estimator: :class:`MLPClassifier`, a network trained by (mini-)batch gradient descent.

Softmax output and cross-entropy, on the maths of :mod:`course_lib.mlp.network`; a widget can
also train it step by step (:meth:`MLPClassifier.train_epochs`, :meth:`MLPClassifier.reset`).
It can train in float32 (``dtype="float32"``) for speed on large data.
"""

from __future__ import annotations

import numpy as np

from course_lib._estimator import Classifier
from course_lib._validation import (as_bool, as_class_labels, as_generator, as_int, as_real, as_samples, check_fitted,
                                    label_text, labels_text, require_fitted)
from course_lib.activations import ACTIVATIONS, _evaluate
from course_lib.mlp.network import TRAINABLE, _activation, _cross_entropy, _forward, _penalties, _samples, init_params

__all__ = ["MLPClassifier"]

# The training loop's shortcut for the two activations the lessons train with: the same values as
# course_lib.activations' relu/relu_grad and tanh/tanh_grad, without re-checking arrays fit has checked.
# Each derivative takes Z and A = f(Z) (tanh' = 1 − A², from A at no cost).
_FAST = {"relu": (lambda Z: np.maximum(Z, 0.0), lambda Z, A: Z > 0.0),
         "tanh": (np.tanh, lambda Z, A: 1.0 - A * A)}


def _labels(y, name: str, n_samples: int, samples_name: str) -> np.ndarray:
    """``y`` as a 1-D array of class labels (the playground widget's name for the shared check)."""
    return as_class_labels(y, name, n_samples=n_samples, samples_name=samples_name)


class MLPClassifier(Classifier):
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
        :math:`\eta`; scikit-learn's ``learning_rate_init`` (its ``learning_rate`` names a schedule).
    n_epochs : int, default 200
        Passes over the training set in ``fit``; 0 only initialises (then :meth:`train_epochs`).
        scikit-learn's ``max_iter``, without its early stop.
    batch_size : int or None, default None
        Samples per update; ``None`` uses the whole training set (full batch).
    alpha : float, default 0
        L2 penalty :math:`\tfrac\alpha2 \sum W^2`, "gradual forgetting": each step shrinks
        the weights by :math:`\eta\alpha W`. Not applied to the biases. scikit-learn divides
        its ``alpha`` by the samples in a batch: ours is its ``alpha / batch_size``.
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

    ``y`` holds class labels of any kind, one per sample; a column of shape ``(n, 1)`` is refused
    with the fix (``y.ravel()``) rather than flattened with a warning, and numbers that are not
    whole (a regression target) are refused.

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
        X = as_samples(X)
        y = as_class_labels(y, "y", n_samples=X.shape[0])
        classes, codes = np.unique(y, return_inverse=True)
        if classes.size < 2:
            raise ValueError(f"y must hold at least two classes; got only one class, {labels_text(classes)}. A classifier "
                             "learns to tell classes apart: give it samples of each.")
        if (X_val is None) != (y_val is None):
            raise ValueError("X_val and y_val must be given together (or neither); got only "
                             f"{'y_val' if X_val is None else 'X_val'}.")
        if X_val is not None:
            X_val = _samples(X_val, "X_val")
            if X_val.shape[1] != X.shape[1]:
                raise ValueError(f"X_val must have the {X.shape[1]} features of X; got {X_val.shape[1]}.")
            y_val = as_class_labels(y_val, "y_val", n_samples=X_val.shape[0], samples_name="X_val")
            known = np.isin(y_val, classes)
            if not known.all():
                raise ValueError(f"y_val must hold only the classes of y, {labels_text(classes, 10)}; got "
                                 f"{label_text(y_val[~known][0])}.")
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
        sizes, act = self._architecture()
        if (sizes, act) != (self._sizes, self._act):
            was, now = f"{self._sizes}, {self._act.name!r}", f"{sizes}, {act.name!r}"
            raise ValueError(f"hidden_layer_sizes and activation must stay as they were at fit; they changed from "
                             f"{was} to {now}. Call fit(X, y) again to start a network of the new shape.")
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
        require_fitted(self, "coefs_")

    def _features(self, X) -> np.ndarray:
        """``X`` checked against the fitted network: finite, 2-D, with its number of features."""
        return _samples(check_fitted(self, X, "coefs_"))

    def predict_proba(self, X) -> np.ndarray:
        """The probability of each class for each row of ``X``, shape ``(n_samples, n_classes)``; rows sum to 1."""
        X = self._features(X)
        return _forward(X, self.coefs_, self.intercepts_, self._act, "softmax", inputs="X and the learned weights")[1][-1]

    def predict(self, X) -> np.ndarray:
        """The most probable class label for each row of ``X``."""
        proba = self.predict_proba(X)                                     # (n, k)
        return self.classes_[proba.argmax(axis=1)]
