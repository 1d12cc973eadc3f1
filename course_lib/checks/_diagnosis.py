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


def transformation_hint(pairs, sizes=None, what: str = "Your results are", starts=None) -> str | None:
    """A hint when every ``(received, expected)`` pair differs by the same transformation, or ``None``.

    ``pairs`` holds every input tried, the failing one included. ``sizes`` (optional) holds, for
    each pair, the sizes of its input as ``(description, number)`` pairs — such as ``("the number
    of rows of X", 5)`` (see :func:`case_sizes`) — so that a factor n can be named. ``what`` is the
    subject of the hint's sentence: "Your results are", or "Your dW1 is" for one returned value.
    ``starts`` (optional) holds, for each pair, the call's arguments as ``(name, value)`` pairs, so
    that an update that went the wrong way from its starting value (w + step for w − step) is named.

    Recognised, each only when it holds on every pair: a lost minus sign, an update that went the
    wrong way from its starting value, rounding (to whole
    numbers or to 1-3 decimals), truncation, a
    shift by one position, a lost fractional part, a transpose, a factor n (a sum where the mean
    belongs, or a count where a fraction is asked), a division by n twice, a constant factor
    (2, ½, 100) and an off-by-one (every value one more or one less).

    >>> transformation_hint([(-2.5, 2.5), (1.0, -1.0)])[:40]
    'Your results are the exact negatives of '
    >>> transformation_hint([(3.5, 2.5), (1.0, 1.0)]) is None
    True
    >>> transformation_hint([(10.0, 2.0), (3.0, 1.0)], [[("n", 5)], [("n", 3)]])[:47]
    'Your results are exactly n times the expected o'
    """
    transposed = _transposed(pairs)
    if transposed:
        return (f"{what} the expected ones transposed: rows and columns are swapped. Which operand comes first "
                "in each product, and which is transposed?")
    numeric = _numeric_pairs(pairs)
    if numeric is None or _holds(numeric, lambda want: want):
        return None  # the values themselves are right: the problem is their type or shape, said elsewhere
    if any((want != 0).any() for _, want in numeric) and _holds(numeric, np.negative):
        return (f"{what} the exact negatives of the expected ones: a minus sign is lost, or there is "
                "one too many (look at each subtraction and each sign in the formula).")
    if _holds(numeric, np.round):
        return (f"{what} the expected ones rounded to whole numbers: remove round(), np.round() or "
                "astype(int); keep every digit.")
    for decimals in (1, 2, 3):
        if _holds(numeric, lambda want, d=decimals: np.round(want, d)):
            return (f"{what} the expected ones rounded to {decimals} decimal{'s' if decimals > 1 else ''}: "
                    "round only when you print, and return every digit.")
    if _holds(numeric, np.trunc) or _holds(numeric, np.floor):
        return (f"{what} the expected ones with the part after the decimal point cut off: int() or "
                "// (integer division) does that. Use / and keep the values as floats.")
    for axis in (-1, 0):
        for shift in (1, -1):
            def moved(want, shift=shift, axis=axis):
                return np.roll(want, shift, axis=axis) if want.ndim and want.shape[axis] > 1 else want
            if any((moved(want) != want).any() for _, want in numeric) and _holds(numeric, moved):
                return ("Your values are right but each one sits one position away from where it belongs: check "
                        "your indices (Python counts from 0: range(len(x)), not range(1, len(x) + 1)).")
    wrong_way = _wrong_way(numeric, starts)
    if wrong_way:
        return (f"{what} the starting {wrong_way} moved by the right amount, but the other way: is the step added "
                "where it should be subtracted (or the reverse)?")
    factor = _factor_hint(numeric, sizes, what)
    if factor:
        return factor
    for step, more in ((1, "more"), (-1, "less")):
        if all(_whole(want).all() for _, want in numeric) and _holds(numeric, lambda want, step=step: want + step):
            return (f"{what} each exactly one {more} than expected: an off-by-one in a count, or in where a "
                    "range starts or stops?")
    lost_fraction = all(_whole(got).all() and (np.abs(got - want) < 1).all() for got, want in numeric)
    if lost_fraction and not all(_whole(want).all() for _, want in numeric):
        return ("All your results are whole numbers, but the expected ones are not: is something dropping the "
                "fractional part (// instead of /, int(), round())?")
    return None


def _wrong_way(numeric, starts) -> str | None:
    """The name of the argument that every result moved away from by minus the expected step, or ``None``."""
    if not starts or len(starts) != len(numeric):
        return None
    for name, _ in starts[0]:
        moved = False
        for (got, want), arguments in zip(numeric, starts):
            start = dict(arguments).get(name)
            try:
                start = np.asarray(start, dtype=float)
            except (TypeError, ValueError):
                break
            if start.shape != want.shape or not np.allclose(got, 2 * start - want, rtol=1e-6, atol=1e-9):
                break
            moved = moved or not np.allclose(want, start)
        else:
            if moved:
                return name
    return None


def _transposed(pairs) -> bool:
    """Whether every received value is the expected matrix transposed (and at least one is not symmetric)."""
    asymmetric = False
    for received, expected in pairs:
        try:
            got, want = np.asarray(received, dtype=float), np.asarray(expected, dtype=float)
        except (TypeError, ValueError):
            return False
        if want.ndim != 2 or got.shape != want.shape[::-1] or not np.allclose(got, want.T, rtol=1e-6, atol=1e-9):
            return False
        asymmetric = asymmetric or want.shape[0] != want.shape[1] or not np.allclose(want, want.T)
    return asymmetric


def _ratios(numeric) -> list[float] | None:
    """The one factor k with received = k · expected, pair by pair (``nan`` where a pair has only zeros)."""
    ratios = []
    for got, want in numeric:
        nonzero = np.abs(want) > 1e-12
        if not np.allclose(got[~nonzero], 0.0, atol=1e-9):
            return None
        if not nonzero.any():
            ratios.append(float("nan"))
            continue
        k = got[nonzero] / want[nonzero]
        if not np.allclose(k, k[0], rtol=1e-6, atol=1e-9):
            return None
        ratios.append(float(k[0]))
    return ratios


def _factor_hint(numeric, sizes, what: str) -> str | None:
    if sum(int((np.abs(want) > 1e-12).sum()) for _, want in numeric) < 2:
        return None  # one number alone fits any factor: no evidence
    ratios = _ratios(numeric)
    if ratios is None:
        return None
    known = [(i, k) for i, k in enumerate(ratios) if k == k]
    if not known or all(np.isclose(k, 1.0) or np.isclose(k, -1.0) for _, k in known):
        return None
    for description, _ in (sizes[known[0][0]] if sizes else []):
        values = [dict(sizes[i]).get(description) for i, _ in known]
        if None in values or any(v in (0, 1) for v in values):
            continue
        if all(np.isclose(k, v) for (_, k), v in zip(known, values)):
            counts = all(_whole(got).all() and (0 <= want).all() and (want <= 1).all() for got, want in numeric)
            if counts:
                return (f"{what} counts where the exercise asks for a fraction: each is n times the expected value "
                        f"(n = {values[0]}, {description}). What do you divide by?")
            return (f"{what} exactly n times the expected ones (n = {values[0]}, {description}) on every input: "
                    "a sum where the mean belongs, or a division by n missing?")
        if all(np.isclose(k, 1 / v) for (_, k), v in zip(known, values)):
            return (f"{what} exactly n times too small (n = {values[0]}, {description}) on every input: is "
                    "something divided by n twice, such as a mean of values already averaged?")
    k = known[0][1]
    if not all(np.isclose(other, k, rtol=1e-6) for _, other in known):
        return None
    if np.isclose(k, 2.0):
        return (f"{what} exactly twice the expected ones on every input: a factor 2 too many, or a ½ lost "
                "(the ½ of a squared term, or of a penalty)?")
    if np.isclose(k, 0.5):
        return f"{what} exactly half the expected ones on every input: a ½ too many, or a factor 2 lost?"
    if np.isclose(k, 100.0):
        return f"{what} exactly 100 times the expected ones on every input: a percentage where a fraction is asked?"
    return None  # another constant: no slip this engine can name for sure


def case_sizes(args, names=()) -> list[tuple[str, int]]:
    """The sizes a factor may come from, in one call's arguments: rows, columns, entries, whole numbers.

    >>> case_sizes((np.zeros((5, 3)), 4), ["X", "k"])
    [('the number of rows of X', 5), ('the number of columns of X', 3), ('k', 4)]
    """
    names = list(names) + [f"argument {i + 1}" for i in range(len(names), len(args))]
    sizes = []
    for value, name in zip(args, names):
        if isinstance(value, (list, tuple)):
            sizes.append((f"the number of entries of {name}", len(value)))
        elif isinstance(value, np.ndarray) and value.ndim == 1:
            sizes.append((f"the number of entries of {name}", value.shape[0]))
        elif isinstance(value, np.ndarray) and value.ndim >= 2:
            sizes += [(f"the number of rows of {name}", value.shape[0]),
                      (f"the number of columns of {name}", value.shape[1])]
        elif isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            sizes.append((name, int(value)))
    return sizes
