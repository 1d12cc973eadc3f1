"""Input checks shared by every module of ``course_lib``.

Each function either returns a clean value or raises a ``TypeError`` /
``ValueError`` whose message says what was expected, what arrived and how to
fix it, so that a student never meets a numpy traceback from deep inside.
"""

from __future__ import annotations

import numbers

import numpy as np


def _describe(value) -> str:
    """A short description of ``value`` for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    return f"{type(value).__name__} {value!r}"[:120]


def as_float_array(value, name: str, *, allow_nan: bool = False) -> np.ndarray:
    """Return ``value`` as a float ndarray (a scalar becomes a 0-d array).

    >>> as_float_array([1, 2], "x")
    array([1., 2.])
    """
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a number or an array of numbers; got {_describe(value)}.")
    try:
        array = np.asarray(value)
    except ValueError as err:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers; got a ragged sequence ({err})."
        ) from None
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or array.dtype == bool
    ):
        raise TypeError(f"{name} must contain numbers only; got {_describe(array)}.")
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must be real; got complex values.")
    array = array.astype(float)
    if not allow_nan and np.isnan(array).any():
        raise ValueError(
            f"{name} contains NaN (at index {tuple(int(i) for i in np.argwhere(np.isnan(array))[0])}); "
            "remove or replace missing values before calling this function."
        )
    return array


def as_matrix(value, name: str, *, rows: str = "n_samples", cols: str = "n_features") -> np.ndarray:
    """Return ``value`` as a 2-D float array, or explain why it is not one."""
    array = as_float_array(value, name)
    if array.ndim != 2:
        hint = (
            f" For a single sample use {name}.reshape(1, -1); for a single feature use {name}.reshape(-1, 1)."
            if array.ndim == 1
            else ""
        )
        raise ValueError(
            f"{name} must be 2-D with shape ({rows}, {cols}); got shape {array.shape}.{hint}"
        )
    return array


def as_vector(value, name: str, *, length_name: str = "n") -> np.ndarray:
    """Return ``value`` as a 1-D float array, or explain why it is not one."""
    array = as_float_array(value, name)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D with shape ({length_name},); got shape {array.shape}.")
    return array


def check_matching(size_a: int, name_a: str, size_b: int, name_b: str) -> None:
    """Raise ``ValueError`` when two sizes that must agree do not."""
    if size_a != size_b:
        raise ValueError(
            f"{name_a} and {name_b} must have matching sizes; got {size_a} and {size_b}. "
            "Give one weight per input."
        )


def as_int(value, name: str, *, minimum: int | None = None) -> int:
    """Return ``value`` as an ``int``, checking its type and lower bound."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer; got {_describe(value)}.")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}.")
    return int(value)


def as_real(value, name: str, *, minimum: float | None = None) -> float:
    """Return ``value`` as a finite ``float``, checking its type and lower bound."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number; got {_describe(value)}.")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}.")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}.")
    return value


def as_generator(random_state, name: str = "random_state") -> np.random.Generator:
    """Return a numpy ``Generator`` from an integer seed or an existing generator.

    ``None`` is refused on purpose: the course fixes every seed so that every
    run shows the same numbers and figures.
    """
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer seed (such as 0) or a numpy Generator; got "
            f"{_describe(random_state)}. The course fixes every seed so that every run "
            "shows the same numbers."
        )
    return np.random.default_rng(int(random_state))
