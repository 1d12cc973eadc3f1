"""Hints the engine finds by itself, so that every checker, in every lesson, gets them.

Two kinds:

* :func:`crash_hint`: a crash whose cause is known from the error and the student's
  own failing line (an ``if`` on an array, ``np.max(0, z)``, ``math.exp`` on an array,
  a name not defined because a cell was not run, a function that calls itself);
* :func:`transformation_hint`: results that are the expected ones under a systematic
  transformation, on *every* input tried (the negative, rounded, truncated, shifted
  by one position), or that lost their fractional part.

Each returns ``None`` unless it is sure, so that a checker falls back to its general
hint rather than point at a mistake the student did not make.
"""

from __future__ import annotations

import re

import numpy as np

from ._feedback import Frame

_ONE_NUMBER_ONLY = ("0-dimensional arrays", "length-1 arrays", "size-1 arrays")


def crash_hint(error: BaseException, frames: list[Frame], function_name: str) -> str | None:
    """A hint for ``error`` raised in the student's ``function_name``, or ``None``."""
    message, line = str(error), frames[-1].source if frames else ""
    if isinstance(error, RecursionError):
        return (f"{function_name} calls itself, which calls itself again, until Python gives up. Inside "
                f"{function_name}, compute the result directly instead of calling {function_name}.")
    if isinstance(error, NameError):
        missing = getattr(error, "name", None) or (re.findall(r"'(\w+)'", message) or ["that name"])[0]
        if missing in ("np", "numpy", "math"):
            return (f"`{missing}` is not imported in this session: run the lesson's imports cell near the top, "
                    "then this exercise's cell, then the check again.")
        return (f"`{missing}` is not defined when {function_name} runs. If it comes from an earlier cell or "
                "exercise, run that cell first: after a restart, every cell must run again from the top. "
                f"If it is a value, compute it inside {function_name} or pass it in as an argument.")
    if re.search(r"\b(np|numpy)\.(max|amax)\(\s*0\s*,", line):
        return ("np.max looks for the largest entry inside one array; its second argument is an axis, so "
                "np.max(0, z) fails. To compare 0 with every entry of z, numpy has np.maximum, which takes the "
                "larger of two values entry by entry.")
    if isinstance(error, ValueError) and "truth value of an array" in message:
        return ("`if`, `and`, `or` and Python's `max` need a single True or False, but here they got a whole "
                "array. Work on every entry at once instead: np.where chooses between two values entry by "
                "entry, and np.maximum takes the larger of two values entry by entry.")
    if isinstance(error, TypeError) and any(text in message for text in _ONE_NUMBER_ONLY):
        if "math." in line:
            return ("The math module works on one number at a time; numpy's functions (np.exp, np.log, np.sqrt "
                    "…) work on whole arrays and on single numbers alike.")
        if re.search(r"\b(int|float|round)\(", line):
            return ("int(), float() and round() take one number, not a whole array. Keep the values as they "
                    "are: numpy arithmetic works entry by entry.")
        return ("Something on this line takes one number only (math.*, int(), float()), but it got an array. "
                "Use numpy's functions, which work on whole arrays.")
    return None


def _numeric_pairs(pairs):
    """``pairs`` as float arrays of equal shapes, or ``None`` if any pair is not comparable."""
    numeric = []
    for received, expected in pairs:
        try:
            got, want = np.asarray(received, dtype=float), np.asarray(expected, dtype=float)
        except (TypeError, ValueError):
            return None
        if got.shape != want.shape or not (np.isfinite(got).all() and np.isfinite(want).all()):
            return None
        numeric.append((got, want))
    return numeric or None


def _holds(numeric, transform) -> bool:
    return all(np.allclose(got, transform(want), rtol=1e-6, atol=1e-9) for got, want in numeric)


def _whole(values: np.ndarray) -> np.ndarray:
    return np.isclose(values, np.round(values), rtol=0.0, atol=1e-12)


def transformation_hint(pairs) -> str | None:
    """A hint when every ``(received, expected)`` pair differs by the same transformation, or ``None``.

    ``pairs`` holds every input tried, the failing one included.

    >>> transformation_hint([(-2.5, 2.5), (1.0, -1.0)])[:40]
    'Your results are the exact negatives of '
    >>> transformation_hint([(3.5, 2.5), (1.0, 1.0)]) is None
    True
    """
    numeric = _numeric_pairs(pairs)
    if numeric is None or _holds(numeric, lambda want: want):
        return None  # the values themselves are right: the problem is their type or shape, said elsewhere
    if any((want != 0).any() for _, want in numeric) and _holds(numeric, np.negative):
        return ("Your results are the exact negatives of the expected ones: a minus sign is lost, or there is "
                "one too many (look at each subtraction and each sign in the formula).")
    if _holds(numeric, np.round):
        return ("Your results are the expected ones rounded to whole numbers: remove round(), np.round() or "
                "astype(int); keep every digit.")
    if _holds(numeric, np.trunc) or _holds(numeric, np.floor):
        return ("Your results are the expected ones with the part after the decimal point cut off: int() or "
                "// (integer division) does that. Use / and keep the values as floats.")
    for axis in (-1, 0):
        for shift in (1, -1):
            def moved(want, shift=shift, axis=axis):
                return np.roll(want, shift, axis=axis) if want.ndim and want.shape[axis] > 1 else want
            if any((moved(want) != want).any() for _, want in numeric) and _holds(numeric, moved):
                return ("Your values are right but each one sits one position away from where it belongs: check "
                        "your indices (Python counts from 0: range(len(x)), not range(1, len(x) + 1)).")
    lost_fraction = all(_whole(got).all() and (np.abs(got - want) < 1).all() for got, want in numeric)
    if lost_fraction and not all(_whole(want).all() for _, want in numeric):
        return ("All your results are whole numbers, but the expected ones are not: is something dropping the "
                "fractional part (// instead of /, int(), round())?")
    return None
