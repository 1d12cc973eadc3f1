"""The course's data: the bundled Iris table and seeded toy problems.

Nothing here reads the network: Iris ships in ``data/`` with its SHA-256,
which every load verifies, and the toy sets are drawn from a seeded generator,
so every run of every notebook sees the same numbers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from ._validation import as_bool, as_choice, as_generator, as_int, as_path, as_real

__all__ = [
    "DATA_DIR", "CHECKSUMS", "IRIS_FEATURES", "IRIS_SPECIES", "XOR_CORNERS", "XOR_LABELS",
    "data_path", "load_iris", "load_digits", "make_moons", "make_xor", "make_spirals", "make_circles", "make_gaussians",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: SHA-256 of each bundled file; ``data/README.md`` lists the same (a test keeps them equal).
#: A copy with Windows line endings (CRLF) is accepted when it differs only by them.
CHECKSUMS = {
    "digits.csv": "592cc047d0a1cc7fdef9fd724514209dcb45a80aa147dc3ab375e3e1a9a380f4",
    "iris.csv": "3c3d1995815c9d9c37c2b4c5a7f189b0dd204228fa4f6f3b935d5c12a273a431",
}

IRIS_FEATURES = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
IRIS_SPECIES = ["setosa", "versicolor", "virginica"]


MAX_SAMPLES = 10_000_000  # more would not fit in a laptop's memory next to the course
MAX_NOISE = 1e6  # the shapes are about 1 apart: far less already hides them; far more overflows


def _restore_hint(name: str, folder: Path) -> str:
    """What to do about a missing or changed file: git only helps in the course's own data/."""
    if folder == DATA_DIR:
        return (f"Restore it: in the course folder run `git checkout -- data/{name}` (a clone made "
                "after this version checks data/ out byte-exact on every system), or download the course again.")
    return (f"Copy the course's own data/{name} into {folder}, or leave data_dir out to use "
            f"the course's copy ({DATA_DIR / name}).")


def _sha256_variants(raw: bytes) -> set[str]:
    """SHA-256 of the bytes as they are and with Windows line endings (CRLF) turned into LF."""
    return {hashlib.sha256(raw).hexdigest(), hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()}


def data_path(name: str, data_dir: Path | None = None) -> Path:
    """Return the path of a bundled data file after checking that it is intact.

    The file's SHA-256 must be the one in :data:`CHECKSUMS`, either as it is or
    after turning CRLF line endings into LF (a Windows checkout of the same text).

    Parameters
    ----------
    name : str
        A file name from :data:`CHECKSUMS`, such as ``"iris.csv"`` (any capitalisation).
    data_dir : str or pathlib.Path, optional
        The folder that holds the file; by default the course's ``data/``.

    Raises
    ------
    TypeError
        ``name`` or ``data_dir`` is not text or a path.
    FileNotFoundError
        The file is missing (with what to do about it).
    ValueError
        Unknown name, a ``data_dir`` that is a file, or contents that differ from
        the ones the course was written for.

    >>> data_path("IRIS.csv").name
    'iris.csv'
    """
    name = as_choice(name, "name", sorted(CHECKSUMS), example="iris.csv")
    folder = DATA_DIR if data_dir is None else as_path(data_dir, "data_dir").expanduser()
    if folder.is_file():
        raise ValueError(
            f"data_dir must be the folder that holds {name}, not a file; got {folder}. "
            f"Pass its folder: data_dir={str(folder.parent)!r}."
        )
    if not folder.is_dir():
        raise FileNotFoundError(
            f"data_dir must be an existing folder; got {folder}, which does not exist. "
            f"Check the spelling, or leave data_dir out to use the course's data/ folder."
        )
    path = folder / name
    if not path.is_file():
        raise FileNotFoundError(f"The data file {path} is missing. {_restore_hint(name, folder)}")
    raw = path.read_bytes()
    if CHECKSUMS[name] not in _sha256_variants(raw):
        digest = hashlib.sha256(raw).hexdigest()
        raise ValueError(
            f"The data file {path} has been changed: its SHA-256 is {digest[:12]}…, expected "
            f"{CHECKSUMS[name][:12]}… (also with its line endings turned from CRLF to LF). The lessons' "
            f"numbers depend on the original. Save a copy first if you edited it on purpose; then "
            f"{_restore_hint(name, folder)[0].lower()}{_restore_hint(name, folder)[1:]}"
        )
    return path


def load_iris(data_dir: Path | None = None) -> pd.DataFrame:
    """Fisher's Iris data: 150 flowers, four measurements in cm, three species.

    Rows are in the order of the UCI file (50 setosa, 50 versicolor, 50
    virginica). ``data_dir`` (a folder, as in :func:`data_path`) defaults to
    the course's ``data/``. Rows 35 and 38 (1-based) keep the UCI file's two known errata,
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


def load_digits(data_dir: Path | None = None):
    """The 8×8 handwritten digits: 1797 images of 0–9, each pixel an ink count from 0 to 16.

    Read from the course's ``data/digits.csv`` (UCI "Optical Recognition of Handwritten
    Digits", test set, as scikit-learn ships it; see ``data/README.md``), checked against its
    SHA-256; no network and no scikit-learn.

    Returns
    -------
    images : ndarray of shape (1797, 8, 8), floats 0–16
    labels : ndarray of shape (1797,), integers 0–9

    Examples
    --------
    >>> images, labels = load_digits()
    >>> images.shape, labels[:10].tolist(), int(images.max())
    ((1797, 8, 8), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 16)
    """
    table = np.loadtxt(data_path("digits.csv", data_dir), delimiter=",", skiprows=1)
    return table[:, :64].reshape(-1, 8, 8), table[:, 64].astype(int)


def make_moons(n_samples: int = 200, noise: float = 0.1, shuffle: bool = True, random_state=0):
    r"""Two interleaving half circles: a problem no straight line separates.

    Class 0 lies on the upper arc :math:`(\cos t, \sin t)` and class 1 on the
    lower arc :math:`(1 - \cos t, \tfrac12 - \sin t)`, :math:`t \in [0, \pi]`,
    each point moved by Gaussian noise of standard deviation ``noise``.

    ``n_samples`` is at least 2 and at most ``MAX_SAMPLES``; ``noise`` lies between 0
    and ``MAX_NOISE`` (1e6: the arcs are about 1 apart, so 0.1–0.3 is the useful range);
    ``shuffle`` is a bool; ``random_state`` an integer seed of at least 0 or a Generator.

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
    n_samples = as_int(n_samples, "n_samples", minimum=2, maximum=MAX_SAMPLES)
    noise = as_real(noise, "noise", minimum=0.0, maximum=MAX_NOISE)
    shuffle = as_bool(shuffle, "shuffle")
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
    The arguments follow the rules of :func:`make_moons` (with ``n_samples`` at least 1).

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
    n_samples = as_int(n_samples, "n_samples", minimum=1, maximum=MAX_SAMPLES)
    noise = as_real(noise, "noise", minimum=0.0, maximum=MAX_NOISE)
    shuffle = as_bool(shuffle, "shuffle")
    rng = as_generator(random_state)
    corner = np.arange(n_samples) % 4
    X = XOR_CORNERS[corner] + rng.normal(0.0, noise, size=(n_samples, 2))
    return _maybe_shuffle(X, XOR_LABELS[corner].copy(), shuffle, rng)


def _maybe_shuffle(X, y, shuffle: bool, rng):
    if shuffle:
        order = rng.permutation(len(y))
        X, y = X[order], y[order]
    return X, y


def make_spirals(n_samples: int = 300, n_classes: int = 3, noise: float = 0.2, shuffle: bool = True, random_state=0):
    r"""Spiral arms wound around the origin, one per class: the NNFS book's classic three-class problem.

    Arm :math:`j` holds points at radius :math:`r` from 0 to 1 and angle
    :math:`2.5\,t` with :math:`t` from :math:`4j` to :math:`4(j + 1)`, plus Gaussian noise of
    standard deviation ``noise`` on :math:`t`: :math:`x = (r \sin 2.5t,\ r \cos 2.5t)`.
    The classes share ``n_samples`` as evenly as possible. ``n_classes`` is 2 to 10; the
    other arguments follow the rules of :func:`make_moons`.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,), integers 0 to n_classes - 1

    Examples
    --------
    >>> X, y = make_spirals(n_samples=9, n_classes=3, noise=0.0, shuffle=False)
    >>> np.hypot(X[:, 0], X[:, 1]).round(2)  # each arm runs from the centre out to radius 1
    array([0. , 0.5, 1. , 0. , 0.5, 1. , 0. , 0.5, 1. ])
    >>> y
    array([0, 0, 0, 1, 1, 1, 2, 2, 2])
    """
    n_samples = as_int(n_samples, "n_samples", minimum=2, maximum=MAX_SAMPLES)
    n_classes = as_int(n_classes, "n_classes", minimum=2, maximum=10)
    if n_samples < n_classes:
        raise ValueError(f"n_samples must be at least n_classes ({n_classes}), one point per arm; got {n_samples}.")
    noise = as_real(noise, "noise", minimum=0.0, maximum=MAX_NOISE)
    shuffle = as_bool(shuffle, "shuffle")
    rng = as_generator(random_state)
    counts = [n_samples // n_classes + (j < n_samples % n_classes) for j in range(n_classes)]
    y = np.repeat(np.arange(n_classes), counts)
    r = np.concatenate([np.linspace(0.0, 1.0, c) for c in counts])
    t = np.concatenate([np.linspace(4.0 * j, 4.0 * (j + 1), c) for j, c in enumerate(counts)])
    t = t + rng.normal(0.0, noise, size=n_samples)
    X = np.column_stack([r * np.sin(2.5 * t), r * np.cos(2.5 * t)])
    return _maybe_shuffle(X, y, shuffle, rng)


def make_circles(n_samples: int = 200, noise: float = 0.1, factor: float = 0.5, shuffle: bool = True, random_state=0):
    r"""A small circle inside a large one: class 0 on the unit circle, class 1 on radius ``factor``.

    Each point is moved by Gaussian noise of standard deviation ``noise``. No line
    separates them; the features :math:`x_1^2` and :math:`x_2^2` do. ``factor`` lies
    between 0 and 1 (exclusive); the other arguments follow the rules of :func:`make_moons`.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,), integers 0 and 1

    Examples
    --------
    >>> X, y = make_circles(n_samples=4, noise=0.0, shuffle=False)
    >>> X.round(2)
    array([[ 1. ,  0. ],
           [-1. ,  0. ],
           [ 0.5,  0. ],
           [-0.5,  0. ]])
    >>> y
    array([0, 0, 1, 1])
    """
    n_samples = as_int(n_samples, "n_samples", minimum=2, maximum=MAX_SAMPLES)
    noise = as_real(noise, "noise", minimum=0.0, maximum=MAX_NOISE)
    factor = as_real(factor, "factor", minimum=0.0, maximum=1.0)
    if not 0.0 < factor < 1.0:
        raise ValueError(f"factor must lie strictly between 0 and 1 (the inner circle's radius); got {factor:g}.")
    shuffle = as_bool(shuffle, "shuffle")
    rng = as_generator(random_state)
    n_outer = n_samples // 2
    n_inner = n_samples - n_outer
    t_outer = np.linspace(0.0, 2.0 * np.pi, n_outer, endpoint=False)
    t_inner = np.linspace(0.0, 2.0 * np.pi, n_inner, endpoint=False)
    outer = np.column_stack([np.cos(t_outer), np.sin(t_outer)])
    inner = factor * np.column_stack([np.cos(t_inner), np.sin(t_inner)])
    X = np.vstack([outer, inner]) + rng.normal(0.0, noise, size=(n_samples, 2))
    y = np.repeat([0, 1], [n_outer, n_inner])
    return _maybe_shuffle(X, y, shuffle, rng)


def make_gaussians(n_samples: int = 200, noise: float = 0.5, distance: float = 2.0, shuffle: bool = True,
                   random_state=0):
    r"""Two round Gaussian blobs: class 0 around :math:`(-d/2, -d/2)`, class 1 around :math:`(d/2, d/2)`.

    ``noise`` is the standard deviation of each blob and ``distance`` (:math:`d`, between 0
    and 1e6) the offset of the centres along each axis; a line separates them when the
    noise is small. The other arguments follow the rules of :func:`make_moons`.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,), integers 0 and 1

    Examples
    --------
    >>> X, y = make_gaussians(n_samples=4, noise=0.0, shuffle=False)
    >>> X
    array([[-1., -1.],
           [-1., -1.],
           [ 1.,  1.],
           [ 1.,  1.]])
    >>> y
    array([0, 0, 1, 1])
    """
    n_samples = as_int(n_samples, "n_samples", minimum=2, maximum=MAX_SAMPLES)
    noise = as_real(noise, "noise", minimum=0.0, maximum=MAX_NOISE)
    distance = as_real(distance, "distance", minimum=0.0, maximum=MAX_NOISE)
    shuffle = as_bool(shuffle, "shuffle")
    rng = as_generator(random_state)
    n_first = n_samples // 2
    y = np.repeat([0, 1], [n_first, n_samples - n_first])
    centres = np.where(y == 0, -0.5, 0.5)[:, np.newaxis] * distance * np.ones(2)
    X = centres + rng.normal(0.0, noise, size=(n_samples, 2))
    return _maybe_shuffle(X, y, shuffle, rng)
