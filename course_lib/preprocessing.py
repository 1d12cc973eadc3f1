r"""Lesson 05 · Standardisation: put the features on one scale, and evaluate fairly.

Gradient descent takes one learning rate for every weight, so features measured
on different scales make the cost surface a long narrow valley. Standardising
each feature, :math:`x' = (x - \mu) / \sigma`, turns it into a round bowl;
min–max scaling, :math:`x' = (x - \min) / (\max - \min)`, maps each feature to
[0, 1] (pixel intensities). Both learn their numbers from the *training* set only
and apply them unchanged to the test set: :func:`train_test_split` makes the two.

The names, attributes and behaviour are scikit-learn's (``StandardScaler``,
``MinMaxScaler``, ``train_test_split``), so that the code students meet next is
familiar; an integer seed even gives scikit-learn's split.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from course_lib._estimator import Estimator
from course_lib._validation import as_float_array, as_generator, as_int, as_matrix, as_real, check_fitted

__all__ = ["StandardScaler", "MinMaxScaler", "train_test_split"]


def _features(X, name: str = "X") -> np.ndarray:
    """``X`` as a 2-D float array of finite numbers (a DataFrame's values), at least one sample."""
    X = as_matrix(X, name, finite=True)
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} must hold at least one sample and one feature; got shape {X.shape}.")
    return X


def _finite(Z: np.ndarray, name: str, what: str = "the scaled values") -> np.ndarray:
    if not np.all(np.isfinite(Z)):
        raise ValueError(f"{name} must be small enough for {what} to stay below {np.finfo(float).max:.3g}; "
                         "it overflowed. Check the units of the features.")
    return Z


class _Scaler(Estimator):
    """What both scalers share: the scikit-learn contract around a per-feature shift and scale."""

    _kind = "transformer"

    def fit_transform(self, X, y=None) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``: only ever on the training set. ``y`` is ignored (as in ``fit``)."""
        return self.fit(X, y).transform(X)

    def transform(self, X) -> np.ndarray:
        r"""Scale ``X`` with the numbers learned by ``fit``: :math:`x' = (x - \text{shift}) / \text{scale}`."""
        X = check_fitted(self, X, "n_features_in_", call="fit(X_train)")
        with np.errstate(all="ignore"):
            return _finite((X - self._shift) / self._scale, "X")   # x′ = (x − μ) / σ  or  (x − min) / range

    def inverse_transform(self, X) -> np.ndarray:
        r"""Undo :meth:`transform`: :math:`x = x' \cdot \text{scale} + \text{shift}`."""
        X = check_fitted(self, X, "n_features_in_", call="fit(X_train)")
        with np.errstate(all="ignore"):
            return _finite(X * self._scale + self._shift, "X")     # x = x′ σ + μ


class StandardScaler(_Scaler):
    r"""Standardise each feature to mean 0 and standard deviation 1: :math:`x' = (x - \mu) / \sigma`.

    :math:`\sigma` is the population standard deviation (divided by n, ``ddof=0``),
    as in scikit-learn. A constant feature has :math:`\sigma = 0`: it gets scale 1
    and becomes all zeros, without a warning. One sample is a constant for every feature.

    Attributes
    ----------
    mean_ : ndarray, shape (n_features,)
    scale_ : ndarray, shape (n_features,)
        :math:`\sigma` per feature, 1 where the feature is constant.
    var_ : ndarray, shape (n_features,)
        :math:`\sigma^2` per feature (0 where constant).
    n_features_in_, n_samples_seen_ : int

    Examples
    --------
    >>> scaler = StandardScaler().fit([[1.0, 5.0], [3.0, 5.0]])
    >>> scaler.mean_, scaler.scale_
    (array([2., 5.]), array([1., 1.]))
    >>> scaler.transform([[1.0, 5.0], [5.0, 6.0]])
    array([[-1.,  0.],
           [ 3.,  1.]])
    """

    def fit(self, X, y=None) -> StandardScaler:
        r"""Learn :math:`\mu` and :math:`\sigma` of each column of ``X`` (the training set); return ``self``.

        ``y`` is ignored: it is there so that a scikit-learn ``Pipeline`` can pass the labels along.
        """
        X = _features(X)
        constant = (X == X[0]).all(axis=0)                         # σ = 0: nothing to divide by
        with np.errstate(all="ignore"):  # an overflow is explained just below
            mean = X.mean(axis=0)                                  # μ = Σx / n
            sigma = X.std(axis=0)                                  # σ = √(Σ(x − μ)² / n), the population σ
            self.var_ = np.where(constant, 0.0, sigma ** 2)
        _finite(np.append(mean, sigma), "X", "the mean and the standard deviation")
        self.mean_ = np.where(constant, X[0], mean)                # a constant column becomes exactly 0
        self.scale_ = np.where(constant, 1.0, sigma)
        self.n_features_in_, self.n_samples_seen_ = X.shape[1], X.shape[0]
        self._shift, self._scale = self.mean_, self.scale_
        return self


class MinMaxScaler(_Scaler):
    r"""Scale each feature to [0, 1]: :math:`x' = (x - \min) / (\max - \min)`, min and max from the training set.

    A constant feature (:math:`\max = \min`) becomes all zeros, without a warning.
    New data can land outside [0, 1]: that is the test set telling the truth.

    Attributes
    ----------
    data_min_, data_max_ : ndarray, shape (n_features,)
    data_range_ : ndarray, shape (n_features,)
        :math:`\max - \min` per feature (0 where constant; divided by 1 there).
    scale_, min_ : ndarray, shape (n_features,)
        scikit-learn's form of the same map, :math:`x' = x \cdot \text{scale\_} + \text{min\_}`.
    n_features_in_, n_samples_seen_ : int

    Examples
    --------
    >>> MinMaxScaler().fit_transform([[0.0, 7.0], [255.0, 7.0], [51.0, 7.0]])
    array([[0. , 0. ],
           [1. , 0. ],
           [0.2, 0. ]])
    """

    def fit(self, X, y=None) -> MinMaxScaler:
        """Learn the minimum and maximum of each column of ``X`` (the training set); return ``self``.

        ``y`` is ignored: it is there so that a scikit-learn ``Pipeline`` can pass the labels along.
        """
        X = _features(X)
        self.data_min_, self.data_max_ = X.min(axis=0), X.max(axis=0)
        with np.errstate(over="ignore"):
            self.data_range_ = _finite(self.data_max_ - self.data_min_, "X", "max - min")
        self.n_features_in_, self.n_samples_seen_ = X.shape[1], X.shape[0]
        self._shift, self._scale = self.data_min_, np.where(self.data_range_ == 0, 1.0, self.data_range_)
        with np.errstate(all="ignore"):  # scikit-learn's names for the same numbers: x′ = x · scale_ + min_
            self.scale_ = 1.0 / self._scale
            self.min_ = -self.data_min_ * self.scale_
        return self


# ---------------------------------------------------------------------------- the split

def _length(array, i: int) -> int:
    if isinstance(array, (str, bytes)) or not hasattr(array, "__len__") or getattr(array, "ndim", 1) == 0:
        raise TypeError(f"arrays[{i}] must be an array, a list, a DataFrame or a Series; got "
                        f"{type(array).__name__} {array!r}"[:200] + ".")
    return len(array)


def _take(array, indices: np.ndarray):
    """The rows ``indices`` of ``array``, of the same kind: pandas keeps its index, a list stays a list."""
    if hasattr(array, "iloc"):
        return array.iloc[indices]
    if isinstance(array, np.ndarray):
        return array[indices]
    return [array[i] for i in indices]


def _sizes(test_size, n_samples: int) -> tuple[int, int]:
    """``(n_train, n_test)`` as scikit-learn counts them: a fraction rounds the test set up."""
    if isinstance(test_size, numbers.Integral) and not isinstance(test_size, (bool, np.bool_)):
        n_test = as_int(test_size, "test_size", minimum=1, maximum=max(n_samples - 1, 1))
    else:
        fraction = as_real(test_size, "test_size", positive=True)
        if not fraction < 1:
            raise ValueError(f"test_size must be a fraction in (0, 1) or a count of samples; got {fraction:g}. "
                             "Use e.g. 0.25 for a quarter of the samples.")
        n_test = math.ceil(fraction * n_samples)
    if n_samples - n_test < 1:
        raise ValueError(f"test_size={test_size!r} leaves no training samples out of {n_samples}; "
                         "use a smaller test_size, or more samples.")
    return n_samples - n_test, n_test


def _rng(random_state):
    """An integer seed gives numpy's legacy ``RandomState``, the generator scikit-learn draws the same split with."""
    if random_state is None:
        raise ValueError("random_state must be a seed such as 0; got None. The course fixes every seed "
                         "so that every run splits the same way.")
    rng = as_generator(random_state)
    if isinstance(random_state, np.random.Generator):
        return rng
    return np.random.RandomState(as_int(random_state, "random_state", maximum=2**32 - 1))


def _approximate_mode(counts: np.ndarray, n_draws: int, rng) -> np.ndarray:
    """How many of ``n_draws`` each class gets, in proportion, remainders to the largest fractions (ties at random)."""
    continuous = counts / counts.sum() * n_draws
    taken = np.floor(continuous)
    need = int(n_draws - taken.sum())
    remainder = continuous - taken
    for value in np.sort(np.unique(remainder))[::-1]:
        if need == 0:
            break
        (tied,) = np.where(remainder == value)
        chosen = rng.choice(tied, size=min(len(tied), need), replace=False)
        taken[chosen] += 1
        need -= len(chosen)
    return taken.astype(int)


def _stratified(labels: np.ndarray, n_train: int, n_test: int, rng):
    """Train and test indices holding each class in the proportions of ``labels`` (scikit-learn's algorithm)."""
    classes, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    if counts.min() < 2:
        raise ValueError(f"stratify must give every class at least 2 samples; class {classes[counts.argmin()]!r} "
                         "has 1. Drop it or split without stratify.")
    if min(n_train, n_test) < len(classes):
        raise ValueError(f"test_size must leave room for each of the {len(classes)} classes of stratify in both "
                         f"sets; got {n_train} training and {n_test} test samples.")
    by_class = np.split(np.argsort(inverse, kind="stable"), np.cumsum(counts)[:-1])
    n_i = _approximate_mode(counts, n_train, rng)
    t_i = _approximate_mode(counts - n_i, n_test, rng)
    train, test = [], []
    for members, n, t in zip(by_class, n_i, t_i):
        members = members[rng.permutation(len(members))]
        train.extend(members[:n])
        test.extend(members[n:n + t])
    return rng.permutation(train), rng.permutation(test)


def train_test_split(*arrays, test_size=0.25, random_state=None, stratify=None) -> list:
    """Split each of ``arrays`` into a random training part and test part, by the same rows.

    Parameters
    ----------
    *arrays : arrays, lists, DataFrames or Series of the same length
    test_size : float or int, default 0.25
        A fraction in (0, 1) (the test set is rounded up) or a number of samples.
    random_state : int or numpy.random.Generator
        The seed; required, so that every run splits the same way. An integer
        gives the same split as scikit-learn's ``train_test_split`` with it.
    stratify : array_like, optional
        Class labels (usually ``y``): each class keeps its proportion in both parts.

    Returns
    -------
    list
        ``[a_train, a_test, b_train, b_test, ...]``, each of the kind passed in
        (a DataFrame keeps its index).

    Examples
    --------
    >>> X, y = np.arange(16).reshape(8, 2), np.array([0, 0, 0, 0, 1, 1, 1, 1])
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, random_state=0, stratify=y)
    >>> X_train.shape, X_test.shape, np.bincount(y_test)
    ((4, 2), (4, 2), array([2, 2]))
    """
    rng = _rng(random_state)
    if not arrays:
        raise TypeError("train_test_split needs at least one array to split, e.g. train_test_split(X, y, ...).")
    n_samples = _length(arrays[0], 0)
    for i, array in enumerate(arrays[1:], start=1):
        if _length(array, i) != n_samples:
            raise ValueError(f"arrays must all have the same number of samples; arrays[0] has {n_samples} "
                             f"but arrays[{i}] has {len(array)}.")
    n_train, n_test = _sizes(test_size, n_samples)
    if stratify is None:
        order = rng.permutation(n_samples)
        test, train = order[:n_test], order[n_test:]
    else:
        labels = _labels(stratify, n_samples)
        train, test = _stratified(labels, n_train, n_test, rng)
    return [part for array in arrays for part in (_take(array, train), _take(array, test))]


def _labels(stratify, n_samples: int) -> np.ndarray:
    """The class labels of ``stratify``: names (``'setosa'``) or numbers, one per sample."""
    values = stratify.to_numpy() if hasattr(stratify, "to_numpy") else stratify
    names = np.asarray(values, dtype=object) if isinstance(values, (list, tuple, np.ndarray)) else None
    if names is not None and names.ndim == 1 and names.size and all(isinstance(v, str) for v in names):
        labels = names.astype(str)
    else:
        labels = as_float_array(values, "stratify", finite=True)
    if labels.ndim != 1 or labels.size != n_samples:
        raise ValueError(f"stratify must hold one class label per sample ({n_samples}); got shape {labels.shape}. "
                         "Pass the labels y themselves: stratify=y.")
    return labels
