"""The engine behind every check cell.

A check calls the student's function on several inputs, compares each
result with the reference in ``course_lib`` and reports one of three ways:

* correct: one friendly line, ``✔ Exercise N.M — …``;
* not attempted (the stub still raises ``NotImplementedError``): a short note
  on what to do, and no exception, so "Run All" reaches the end of a lesson;
* wrong, crashed or warned: a :class:`~._feedback.CheckFailed` (an
  ``AssertionError``) that shows the student a few lines: the input, the
  expected and the received value (or the error and the student's own line),
  and a hint aimed at the mistake actually made.

Hints come from *known mistakes*: small functions that compute what a typical
wrong answer returns (forgetting the bias, the wrong sign …). When the
student's results equal one of them on every input tried, its hint is the one
shown; the engine adds its own for crashes and systematic slips (:mod:`._diagnosis`).
"""

from __future__ import annotations

import copy
import re
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from ._diagnosis import crash_hint, transformation_hint
from ._feedback import CheckFailed, student_frames, warning_frames

PASSED = "✔"
NOT_ATTEMPTED = "◻"


@dataclass(frozen=True)
class Exercise:
    """Which exercise a check is for, and what it proves when it passes."""

    number: str
    function_name: str
    proves: str


class Case:
    """One set of arguments to call the student's function with."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def describe(self, function_name: str) -> str:
        parts = [show(a) for a in self.args] + [f"{k}={show(v)}" for k, v in self.kwargs.items()]
        return f"{function_name}({', '.join(parts)})"


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer: what it returns, and the hint that fixes it."""

    hint: str
    returns: Callable[..., Any]


@dataclass(frozen=True)
class CrashHint:
    """A hint for a student function that raises or warns ``error`` (optionally only when its message contains ``text``)."""

    error: type[BaseException]
    hint: str
    text: str = ""


def show(value, digits: int = 4) -> str:
    """A short, readable form of ``value`` for feedback messages.

    >>> show(0.123456789)
    '0.1235'
    >>> show([1, 2])
    'the list [1, 2]'
    >>> show(np.array([1.0, 2.5]))
    'array([1. , 2.5])'
    """
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=digits, separator=", ", threshold=12, suppress_small=True)
        return f"array({' '.join(text.split())})"  # one line, even for a matrix
    if isinstance(value, (list, tuple)):
        inner = ", ".join(show(item, digits) for item in value[:6]) + (", …" if len(value) > 6 else "")
        opening, closing = ("[", "]") if isinstance(value, list) else ("(", ")")
        return f"the {type(value).__name__} {opening}{inner}{closing}"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.{digits}g}"
    return repr(value)[:80]


def run_check(
    exercise: Exercise,
    function,
    cases: Sequence[Case],
    reference: Callable,
    *,
    mistakes: Sequence[Mistake] = (),
    crash_hints: Sequence[CrashHint] = (),
    general_hint: str = "Compare your code with the formula just above the exercise.",
    rtol: float = 1e-6,
    atol: float = 1e-9,
) -> None:
    """Check ``function`` against ``reference`` on every case; report as described above.

    The first case that fails is the one reported. Its hint comes from, in order: a
    known ``mistake`` that gives the student's results on *every* case tried (never
    one that merely agrees on the failing case), a systematic transformation found
    by the engine (:mod:`._diagnosis`), and ``general_hint``. A crash gets a matching
    ``crash_hint``, else the engine's own, else a pointer to the student's line.
    """
    name = exercise.function_name
    title = f"Exercise {exercise.number} · {name}"
    if not callable(function):
        message = (f"The check needs your function itself: write check_{name}({name}), with no brackets "
                   f"after {name}. It received {show(function)} instead.")
        raise CheckFailed(f"{title}: the check needs the function itself", [], message.split(". ", 1)[0] + ".",
                          plain=message)
    tried: list[tuple[Case, Any]] = []  # every case that ran, with the student's result
    failure = None  # (case, expected, problem) of the first wrong result
    for case in cases:
        call = case.describe(name)
        args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                got = function(*args, **kwargs)
        except NotImplementedError as stub:
            if failure is None:
                _not_attempted(exercise, name, stub)
                return
            break
        except Exception as error:  # the student's code crashed
            if failure is not None:
                break  # a wrong result came first: report that one
            raise _crashed(title, call, error, crash_hints, name) from None
        if failure is not None:  # only gathering results, to match known mistakes on every case
            tried.append((case, got))
            continue
        if caught:
            raise _warned(title, call, caught[0], crash_hints)
        _check_not_mutated(title, case, args, call)
        expected = reference(*case.args, **case.kwargs)
        tried.append((case, got))
        problem = _compare(got, expected, rtol, atol)
        if problem is not None:
            failure = (case, expected, problem)
    if failure is None:
        print(f"{PASSED} Exercise {exercise.number} — {exercise.proves} (checked on {len(cases)} inputs).")
        return
    case, expected, problem = failure
    hint = next((m.hint for m in mistakes if _matches_everywhere(m, tried, rtol, atol)), None)
    if hint is None:
        hint = _order_hint(tried, reference) or (
            None if isinstance(expected, (tuple, list)) else
            transformation_hint([(got, reference(*c.args, **c.kwargs)) for c, got in tried])) or general_hint
    got = next(got for c, got in tried if c is case)
    shown_expected, shown_got = show(expected), show(got)
    if shown_expected == shown_got:  # the short forms hide the difference
        difference = _first_difference(got, expected)
        if _near(got, expected):  # a near miss: show enough digits to see it
            shown_expected, shown_got = show(expected, digits=12), show(got, digits=12)
            problem = (problem + " " if problem else "") + (
                "Very close, but not exact: a rounded constant (such as 2.718 for e) or a "
                "shortcut in the formula? Use numpy's functions (np.exp) and the exact formula."
            )
        elif difference is not None:  # a long array shortened with "…": say where they differ
            problem = (problem + " " if problem else "") + difference
    call = case.describe(name)
    rows = [("input", call), ("expected", shown_expected), ("received", shown_got)] + ([("", problem)] if problem else [])
    plain = " ".join(filter(None, [f"{call} should be {shown_expected}; got {shown_got}.", problem])) + f"\nHint: {hint}"
    raise CheckFailed(f"{title} is not right yet", rows, hint, plain=plain)


def _order_hint(tried, reference) -> str | None:
    """A hint when the student returned the right values in another order, on every case tried."""
    reordered = False
    for case, got in tried:
        expected = reference(*case.args, **case.kwargs)
        if not isinstance(expected, tuple) or not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return None
        if _compare(got, expected, 1e-9, 1e-12) is None:
            continue
        if _compare(tuple(got)[::-1], expected, 1e-9, 1e-12) is not None:
            return None
        reordered = True
    return ("Your values are right but returned in the wrong order: return them in the order the exercise "
            "names them.") if reordered else None


def _near(got, expected) -> bool:
    """Whether ``got`` equals ``expected`` to about three significant figures (a rounded constant, say)."""
    try:
        return bool(np.allclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float), rtol=1e-3, atol=1e-9))
    except (TypeError, ValueError):
        return False


def _first_difference(got, expected) -> str | None:
    """'The first difference is at [1, 2]: expected 3, got 0.' for two arrays of one shape, else ``None``."""
    try:
        got_array, expected_array = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return None
    if got_array.shape != expected_array.shape or got_array.ndim == 0:
        return None
    differs = ~np.isclose(got_array, expected_array, rtol=1e-6, atol=1e-9, equal_nan=True)
    if not differs.any():
        return None
    index = tuple(int(i) for i in np.argwhere(differs)[0])
    return (f"The first difference is at [{', '.join(map(str, index))}]: expected {show(expected_array[index])}, "
            f"got {show(got_array[index])}.")


def _not_attempted(exercise: Exercise, name: str, stub: NotImplementedError) -> None:
    other = re.search(r"Exercise (\d+\.\d+)", str(stub))
    if other and other.group(1) != exercise.number:
        print(
            f"{NOT_ATTEMPTED} Exercise {exercise.number} cannot be checked yet: `{name}` calls a function that "
            f"is still the empty stub of Exercise {other.group(1)}. Complete Exercise {other.group(1)} first, "
            "or write this one without it."
        )
    else:
        print(
            f"{NOT_ATTEMPTED} Exercise {exercise.number} not attempted yet: `{name}` still raises "
            "NotImplementedError. Replace that line with your code, run the cell, then run this check again."
        )


def _crashed(title: str, call: str, error: Exception, crash_hints: Sequence[CrashHint], name: str) -> CheckFailed:
    frames = student_frames(error)
    hint = (next((h.hint for h in crash_hints if isinstance(error, h.error) and h.text in str(error)), None)
            or crash_hint(error, frames, name)
            or "Read the error and the line of your code shown above it: that is where your function stopped.")
    described = f"{type(error).__name__}: {error}"
    return CheckFailed(f"{title} raised an error", [("input", call), ("error", described)], hint, frames=frames,
                       plain=f"{call} raised {described}\nHint: {hint}")


def _warned(title: str, call: str, warning, crash_hints: Sequence[CrashHint]) -> CheckFailed:
    hint = next((h.hint for h in crash_hints if issubclass(warning.category, h.error)
                 and h.text in str(warning.message)), "A warning means something went wrong quietly.")
    described = f"{warning.category.__name__}: {warning.message}"
    return CheckFailed(f"{title} gave a warning", [("input", call), ("warning", described)], hint,
                       frames=warning_frames(warning), plain=f"{call} warned {described}\nHint: {hint}")


def _matches_everywhere(mistake: Mistake, tried, rtol: float, atol: float) -> bool:
    """Whether ``mistake`` returns what the student's function returned, on every case tried."""
    for case, got in tried:
        try:
            wrong = mistake.returns(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        except Exception:
            return False
        if _compare(got, wrong, rtol, atol) is not None:
            return False
    return True


def _check_not_mutated(title: str, case: Case, args, call: str) -> None:
    for position, (before, after) in enumerate(zip(case.args, args)):
        if _compare(after, before, 0.0, 0.0) is not None:
            hint = "Build a new value (x = x + 1) instead of modifying the input (x += 1, x[0] = …)."
            problem = f"{call} changed its argument number {position + 1} in place (it became {show(after)})."
            raise CheckFailed(f"{title} changes its input", [("input", call), ("", problem)], hint,
                              plain=f"{problem}\nHint: {hint}")


_NAMES = ("first", "second", "third", "fourth", "fifth")


def _compare(got, expected, rtol: float, atol: float) -> str | None:
    """``None`` when ``got`` matches ``expected``; otherwise what is wrong, in a sentence."""
    if got is None and expected is not None:
        return "Your function returned None: is a `return` statement missing?"
    if isinstance(expected, tuple):  # several results, e.g. the new (w, b)
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return f"It should return {len(expected)} values together, separated by a comma after `return`."
        for position, (part, wanted) in enumerate(zip(got, expected)):
            problem = _compare(part, wanted, rtol, atol)
            if problem is not None:
                return f"The {_NAMES[position]} of the {len(expected)} values returned is wrong. {problem}".strip()
        return None
    if isinstance(expected, list):  # a list of arrays, e.g. the batches of an epoch
        if not isinstance(got, (list, tuple)):
            return f"It should return a list of {len(expected)} items; it returned {type(got).__name__}."
        if len(got) != len(expected):
            return f"It should return a list of {len(expected)} items; it returned {len(got)}."
        for position, (part, wanted) in enumerate(zip(got, expected)):
            problem = _compare(part, wanted, rtol, atol)
            if problem is not None:
                return f"Item {position} of the list is wrong. {problem}".strip()
        return None
    if isinstance(expected, np.ndarray):
        if isinstance(got, (list, tuple)):
            return "It returned a Python list/tuple: return a numpy array (use numpy operations, or np.array(...))."
        if not isinstance(got, np.ndarray):
            return f"It should return a numpy array of shape {expected.shape}; it returned {type(got).__name__}."
        if got.shape != expected.shape:
            return (f"The shape is wrong: expected {expected.shape}, got {got.shape}. "
                    "Check which axis you sum over and how the arrays broadcast.")
    try:
        got_array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"It returned {type(got).__name__}, which is not a number."
    expected_array = np.asarray(expected, dtype=float)
    if got_array.shape != expected_array.shape:
        return f"Expected a single number; got something of shape {got_array.shape}."
    if not np.isfinite(got_array).all() and np.isfinite(expected_array).all():
        return "The result contains inf or nan: does a step overflow for large inputs?"
    if not np.allclose(got_array, expected_array, rtol=rtol, atol=atol, equal_nan=True):
        return ""
    return None
