"""The course's data: the bundled Iris table and two seeded toy problems.

Nothing here reads the network: Iris ships in ``data/`` with its SHA-256,
which every load verifies, and the toy sets are drawn from a seeded generator,
so every run of every notebook sees the same numbers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from ._validation import as_generator, as_int, as_real

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: SHA-256 of each bundled file; ``data/README.md`` lists the same (a test keeps them equal).
CHECKSUMS = {
    "iris.csv": "3c3d1995815c9d9c37c2b4c5a7f189b0dd204228fa4f6f3b935d5c12a273a431",
}

IRIS_FEATURES = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
IRIS_SPECIES = ["setosa", "versicolor", "virginica"]


def data_path(name: str, data_dir: Path | None = None) -> Path:
    """Return the path of a bundled data file after checking that it is intact.

    Raises
    ------
    FileNotFoundError
        The file is missing (with what to do about it).
    ValueError
        The file's contents differ from the ones the course was written for.
    """
    if name not in CHECKSUMS:
        raise ValueError(f"unknown data file {name!r}; the course ships: {', '.join(sorted(CHECKSUMS))}.")
    path = Path(data_dir or DATA_DIR) / name
    if not path.is_file():
        raise FileNotFoundError(
            f"The data file {path} is missing. It ships with the course in data/: restore it with "
            f"`git checkout -- data/{name}` in the course folder, or clone the course again."
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != CHECKSUMS[name]:
        raise ValueError(
            f"The data file {path} has been changed: its SHA-256 is {digest[:12]}…, expected "
            f"{CHECKSUMS[name][:12]}…. The lessons' numbers depend on the original; restore it with "
            f"`git checkout -- data/{name}` (save a copy first if you edited it on purpose)."
        )
    return path


def load_iris(data_dir: Path | None = None) -> pd.DataFrame:
    """Fisher's Iris data: 150 flowers, four measurements in cm, three species.

    Rows are in the order of the UCI file (50 setosa, 50 versicolor, 50
    virginica). Rows 35 and 38 (1-based) keep the UCI file's two known errata,
    so that the classic published results reproduce; see ``data/README.md``.

    Returns
    -------
    pandas.DataFrame
        Columns ``sepal_length_cm``, ``sepal_width_cm``, ``petal_length_cm``,
        ``petal_width_cm`` (floats) and ``species`` (``"setosa"``,
        ``"versicolor"`` or ``"virginica"``).

    Examples
    --------
    >>> iris = load_iris()
    >>> iris.shape
    (150, 5)
    >>> iris["species"].value_counts().to_dict()
    {'setosa': 50, 'versicolor': 50, 'virginica': 50}
    """
    return pd.read_csv(data_path("iris.csv", data_dir))


def make_moons(n_samples: int = 200, noise: float = 0.1, shuffle: bool = True, random_state=0):
    r"""Two interleaving half circles: a problem no straight line separates.

    Class 0 lies on the upper arc :math:`(\cos t, \sin t)` and class 1 on the
    lower arc :math:`(1 - \cos t, \tfrac12 - \sin t)`, :math:`t \in [0, \pi]`,
    each point moved by Gaussian noise of standard deviation ``noise``.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,), integers 0 and 1

    Examples
    --------
    >>> X, y = make_moons(n_samples=6, noise=0.0, shuffle=False)
    >>> X.round(2)
    array([[ 1. ,  0. ],
           [ 0. ,  1. ],
           [-1. ,  0. ],
           [ 0. ,  0.5],
           [ 1. , -0.5],
           [ 2. ,  0.5]])
    >>> y
    array([0, 0, 0, 1, 1, 1])
    """
    n_samples = as_int(n_samples, "n_samples", minimum=2)
    noise = as_real(noise, "noise", minimum=0.0)
    rng = as_generator(random_state)
    n_upper = n_samples // 2
    n_lower = n_samples - n_upper
    t_upper = np.linspace(0.0, np.pi, n_upper)
    t_lower = np.linspace(0.0, np.pi, n_lower)
    upper = np.column_stack([np.cos(t_upper), np.sin(t_upper)])
    lower = np.column_stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)])
    X = np.vstack([upper, lower]) + rng.normal(0.0, noise, size=(n_samples, 2))
    y = np.repeat([0, 1], [n_upper, n_lower])
    return _maybe_shuffle(X, y, shuffle, rng)


XOR_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0, 1, 1, 0])


def make_xor(n_samples: int = 200, noise: float = 0.1, shuffle: bool = True, random_state=0):
    r"""Points around the four corners of the unit square, labelled :math:`x_1 \oplus x_2`.

    Corners are used in turn, so each holds a quarter of the points; with
    ``n_samples=4, noise=0, shuffle=False`` this is exactly the XOR truth table.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,), integers 0 and 1

    Examples
    --------
    >>> X, y = make_xor(n_samples=4, noise=0.0, shuffle=False)
    >>> X
    array([[0., 0.],
           [0., 1.],
           [1., 0.],
           [1., 1.]])
    >>> y
    array([0, 1, 1, 0])
    """
    n_samples = as_int(n_samples, "n_samples", minimum=1)
    noise = as_real(noise, "noise", minimum=0.0)
    rng = as_generator(random_state)
    corner = np.arange(n_samples) % 4
    X = XOR_CORNERS[corner] + rng.normal(0.0, noise, size=(n_samples, 2))
    return _maybe_shuffle(X, XOR_LABELS[corner].copy(), shuffle, rng)


def _maybe_shuffle(X, y, shuffle, rng):
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False; got {shuffle!r}.")
    if shuffle:
        order = rng.permutation(len(y))
        X, y = X[order], y[order]
    return X, y
