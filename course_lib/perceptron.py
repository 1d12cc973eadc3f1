r"""Lesson 03 · The perceptron learning rule: a neuron that learns its weights from examples.

Rosenblatt's perceptron (1957) is the neuron of lesson 01 with the ±1 step of
lesson 02, :math:`\hat y = \operatorname{step}(x \cdot w + b)`. It learns one
sample at a time: when its prediction is wrong it moves the weights towards the
right answer, when it is right it leaves them alone,

.. math::  \Delta w = \eta\,(y - \hat y)\,x, \qquad \Delta b = \eta\,(y - \hat y).

:func:`update` is that rule for one sample; :class:`Perceptron` applies it to a
whole training set, epoch after epoch, shaped like a scikit-learn estimator.
It converges (makes an epoch without a single update) only when a line can
separate the two classes; otherwise it goes on forever, so ``n_epochs`` caps it.
"""

from __future__ import annotations

import numpy as np

from course_lib._estimator import Classifier
from course_lib._validation import (as_bool, as_class_labels, as_generator, as_matrix, as_positive_int, as_real,
                                    as_samples, as_sign_labels, as_vector, check_fitted, check_matching, in_float_range,
                                    labels_text, largest, product_plus_bias)
from course_lib.activations import unit_step

__all__ = ["predict", "update", "Perceptron"]


def _weights(X: np.ndarray, w, b, features: str = "the features of X") -> tuple[np.ndarray, float]:
    w = as_vector(w, "w", length_name="n_features", finite=True)
    check_matching(X.shape[-1], features, w.size, "w", hint="Give one weight per input.")
    return w, as_real(b, "b")


def predict(X, w, b) -> np.ndarray:
    r"""The perceptron's answers :math:`\hat y = \operatorname{step}(Xw + b)`, +1 or -1 for each row of ``X``.

    A net input of exactly 0 counts as +1 (the step fires at its threshold).

    >>> predict([[2.0, 1.0], [0.0, -3.0]], w=[1.0, 1.0], b=-1.0)
    array([ 1., -1.])
    """
    X = as_matrix(X, "X", finite=True)
    w, b = _weights(X, w, b)
    return unit_step(product_plus_bias(X, w, b, "X, w and b"))  # (n_samples, n_features) @ (n_features,)


def update(x, target, w, b, learning_rate=0.1) -> tuple[np.ndarray, float]:
    r"""One step of the learning rule for one sample: the new weights and bias.

    .. math::  \hat y = \operatorname{step}(x \cdot w + b), \quad
               w \leftarrow w + \eta\,(y - \hat y)\,x, \quad b \leftarrow b + \eta\,(y - \hat y)

    A right prediction gives :math:`y - \hat y = 0` and changes nothing; a wrong
    one gives :math:`\pm 2`, which moves the line towards the sample.

    Parameters
    ----------
    x : array_like, shape (n_features,)
    target : {-1, +1}
        The right answer :math:`y` for ``x``.
    w : array_like, shape (n_features,)
    b : float
    learning_rate : float, default 0.1
        :math:`\eta`, the size of each step.

    Returns
    -------
    w : ndarray, shape (n_features,)
        A new array: the ``w`` passed in is left unchanged.
    b : float

    Examples
    --------
    The first sample of the Iris run (setosa, -1) from zero weights: the step
    says +1 at z = 0, so the weights move by 0.1 · (-1 - 1) · x.

    >>> w, b = update([5.1, 1.4], -1, w=[0.0, 0.0], b=0.0, learning_rate=0.1)
    >>> w.round(2), round(b, 2)
    (array([-1.02, -0.28]), -0.2)
    """
    x = as_vector(x, "x", length_name="n_features", finite=True)
    w, b = _weights(x, w, b, features="x")
    target = float(as_sign_labels([target], "target")[0])
    learning_rate = as_real(learning_rate, "learning_rate", positive=True)
    product_plus_bias(x, w, b, "x, w and b")  # explains an overflowing net input
    with np.errstate(all="ignore"):
        w, b = _update(x, target, w, b, learning_rate)
    in_float_range(np.append(w, b), "learning_rate, x, w and b",
                   detail=f"learning_rate = {learning_rate:g} and x as large as {largest(x)}")
    return w, float(b)


def _update(x: np.ndarray, target: float, w: np.ndarray, b: float, learning_rate: float):
    """The rule itself, on checked inputs (``fit`` calls it for every sample of every epoch)."""
    prediction = 1.0 if x @ w + b >= 0.0 else -1.0  # the ±1 step, firing at z = 0
    error = target - prediction                    # 0 when right, ±2 when wrong
    return w + learning_rate * error * x, b + learning_rate * error  # Δw = η (y − ŷ) x,  Δb = η (y − ŷ)


class _LinearTwoClasses(Classifier):
    """What the perceptron and Adaline share: a line :math:`z = Xw + b` between two classes.

    They learn on the labels -1 and +1; any two labels a student has (0 and 1, ``'setosa'`` and
    ``'versicolor'``) are kept in ``classes_``, sorted, and stand for -1 (``classes_[0]``) and +1
    (``classes_[1]``), so labels that already are -1 and +1 learn exactly as themselves. A third
    class is refused (naming :class:`~course_lib.mlp.MLPClassifier`), and so is a column ``y`` of
    shape ``(n, 1)``, with the fix (``y.ravel()``), rather than flattened with a warning.
    """

    _binary_only = True

    def _two_classes(self, y, n_samples: int) -> tuple[np.ndarray, np.ndarray]:
        """The two labels of ``y``, sorted, and ``y`` as -1 (the first) and +1 (the second)."""
        y = as_class_labels(y, "y", n_samples=n_samples)
        classes = np.unique(y)
        model = type(self).__name__
        if classes.size < 2:
            raise ValueError(f"y must hold two classes, one for each side of the line; got only one class, "
                             f"{labels_text(classes)}. {model} needs samples of both classes to learn where "
                             "the line goes.")
        if classes.size > 2:
            raise ValueError(f"y must hold two classes; got {classes.size} classes, {labels_text(classes)}. Only "
                             f"binary classification is supported: {model} separates two classes with one line. "
                             "Keep two of them, or use course_lib.mlp.MLPClassifier (lesson 06), which learns any "
                             "number of classes.")
        return classes, np.where(y == classes[1], 1.0, -1.0)

    def _check_fitted(self, X, name: str = "X") -> np.ndarray:
        return check_fitted(self, X, "w_", name=name)

    def net_input(self, X) -> np.ndarray:
        r""":math:`z = Xw + b` for each row of ``X``."""
        X = self._check_fitted(X)
        return product_plus_bias(X, self.w_, self.b_, "X and the learned weights")  # (n, features) @ (features,)

    def predict(self, X) -> np.ndarray:
        """The label of each row of ``X``: ``classes_[1]`` where z = Xw + b >= 0 (the +1 side), else ``classes_[0]``."""
        z = self.net_input(X)                                         # checks that it is fitted first
        return self.classes_[(z >= 0.0).astype(int)]


class Perceptron(_LinearTwoClasses):
    r"""Rosenblatt's perceptron, trained by :func:`update` one sample at a time, shaped like scikit-learn.

    Parameters
    ----------
    learning_rate : float, default 0.1
        :math:`\eta` (scikit-learn's ``eta0``). From zero initial weights it only scales ``w_`` and ``b_``
        (every update is a multiple of it), so the predictions do not depend on it.
    n_epochs : int, default 10
        Passes over the training set: the cap that stops training on data no line separates.
    shuffle : bool, default False
        Visit the samples in a new random order every epoch (needs ``random_state``).
    random_init : bool, default False
        Start from small random weights, N(0, 0.01²), instead of zeros (needs ``random_state``).
    random_state : int or numpy.random.Generator, optional
        The seed of the shuffling and the initial weights.

    Attributes
    ----------
    classes_ : ndarray, shape (2,)
        The two labels of ``y``, sorted: ``classes_[0]`` is learned as -1, ``classes_[1]`` as +1.
        Labels that are -1 and +1 already learn exactly as themselves.
    w_ : ndarray, shape (n_features,)
    b_ : float
    updates_ : ndarray of int, shape (n_epochs,)
        How many samples of each epoch changed the weights.
    misclassified_ : ndarray of int, shape (n_epochs,)
        How many training samples the weights at the *end* of each epoch get wrong.
        Not the same as ``updates_``: an update happens during the epoch, and each
        one can change the answers for many samples.
    n_features_in_ : int

    Examples
    --------
    >>> X = np.array([[2.0, 1.0], [1.0, 3.0], [-1.0, -2.0], [-2.0, 1.0]])
    >>> y = np.array([1, 1, -1, -1])
    >>> model = Perceptron(n_epochs=5).fit(X, y)
    >>> model.updates_, model.misclassified_
    (array([1, 0, 0, 0, 0]), array([0, 0, 0, 0, 0]))
    >>> model.predict([[3.0, 0.0]]), model.score(X, y)
    (array([1]), 1.0)

    Any two labels: they are kept in ``classes_``, and ``predict`` answers them.

    >>> Perceptron(n_epochs=5).fit(X, ["rose", "rose", "tulip", "tulip"]).predict([[3.0, 0.0]])
    array(['rose'], dtype='<U5')
    """

    def __init__(self, learning_rate=0.1, n_epochs=10, *, shuffle=False, random_init=False, random_state=None):
        self.learning_rate = learning_rate
        self.n_epochs = n_epochs
        self.shuffle = shuffle
        self.random_init = random_init
        self.random_state = random_state

    def _settings(self):
        """The settings, checked (as scikit-learn does, in ``fit``, not in ``__init__``)."""
        learning_rate = as_real(self.learning_rate, "learning_rate", positive=True)
        n_epochs = as_positive_int(self.n_epochs, "n_epochs", maximum=1_000_000)
        shuffle, random_init = as_bool(self.shuffle, "shuffle"), as_bool(self.random_init, "random_init")
        if (shuffle or random_init) and self.random_state is None:
            raise ValueError("random_state must be a seed such as 0 when shuffle or random_init is True; got None. "
                             "The course fixes every seed so that every run shows the same numbers.")
        rng = as_generator(self.random_state) if (shuffle or random_init) else None
        return learning_rate, n_epochs, shuffle, random_init, rng

    def fit(self, X, y) -> Perceptron:
        """Learn ``w_`` and ``b_`` from the samples ``X`` and their labels ``y`` (any two); return ``self``."""
        learning_rate, n_epochs, shuffle, random_init, rng = self._settings()
        X = as_samples(X)
        classes, y = self._two_classes(y, X.shape[0])                 # y as -1 and +1 from here on
        w = rng.normal(0.0, 0.01, size=X.shape[1]) if random_init else np.zeros(X.shape[1])
        b = 0.0
        updates, misclassified = [], []
        for _ in range(n_epochs):
            order = rng.permutation(len(y)) if shuffle else range(len(y))
            changed = 0
            with np.errstate(all="ignore"):  # an overflow is explained just below
                for i in order:
                    w_new, b_new = _update(X[i], y[i], w, b, learning_rate)
                    changed += bool(b_new != b)  # a wrong prediction always moves the bias by ±2η
                    w, b = w_new, b_new
            in_float_range(np.append(w, b), "X and learning_rate",
                           detail=f"learning_rate = {learning_rate:g} and X as large as {largest(X)}")
            updates.append(changed)
            misclassified.append(int((unit_step(product_plus_bias(X, w, b, "X and learning_rate")) != y).sum()))
        self.w_, self.b_ = w, float(b)
        self.updates_, self.misclassified_ = np.array(updates), np.array(misclassified)
        self.classes_, self.n_features_in_ = classes, X.shape[1]
        return self
