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

What the engine gives every exercise, with nothing to declare:

* numbers print as numbers and larger arrays as their shape and first entries, with the
  place of the first difference ("row 2, column 0: expected 0.0485, got 0.2007"), so that a
  failure fits in ten lines (:mod:`._format`);
* a function that returns several values is judged part by part: which are right and which
  are not, by name when :attr:`Exercise.returns` names them, and the first wrong one in the
  order of :attr:`Exercise.computed` is the one shown and diagnosed;
* slips recognised from the numbers on every input tried: a lost sign, a transpose, a factor
  n (sum for mean, a count for a fraction), a division by n twice, a factor 2 or ½, an
  off-by-one, rounding (:func:`._diagnosis.transformation_hint`);
* shape errors explained with the operands' shapes from the student's own line, plus
  :attr:`Exercise.shapes` (:mod:`._shapes`); a result of the wrong shape gets the axis that
  disagrees;
* an input modified in place, and a result that changes when the same call is repeated.

A :class:`Mistake` matches when it gives the student's whole result on every input; for a
function returning several values it also matches when it gives the student's *first wrong
value* on every input, so that one slip is named even when a later step has another.

For a checker's author, beyond ``run_check(Exercise(...), function, cases=..., reference=...,
mistakes=..., crash_hints=..., general_hint=...)``:

* ``Exercise(..., returns=("dW1", "db1", "dW2", "db2"), computed=("dW2", "db2", "dW1", "db1"),
  shapes="X is (n, n_in), …")`` names the returned values, the order they are computed in and
  the exercise's shapes (all optional);
* a :class:`Symptom` in ``mistakes`` names a slip known by a property of the result (indices
  drawn twice) rather than by its value;
* ``accept_lists=True`` lets a correct list pass where an array is asked;
* the checker's module declares ``DROPPED_TERMS = {"check_name": {"the bias": solution_without_it,
  …}}``: the contract test (tests/test_checks_contract.py) proves each of them fails the check;
* hints ask a question or name the quantity to look at, and never spell out a formula of the
  solution; the general hint ends in a question; every failure fits in ten lines (all three are
  contract tests).
"""

from __future__ import annotations

import copy
import inspect
import re
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from ._diagnosis import case_sizes, crash_hint, transformation_hint
from ._feedback import CheckFailed, student_frames, warning_frames
from ._format import describe_call, first_difference, parameter_names, shape_problem, show
from ._shapes import explain_shape_error, is_shape_error

PASSED = "✔"
NOT_ATTEMPTED = "◻"
FLOAT32_IS_FINE = {"rtol": 1e-5, "atol": 1e-6}
"""Tolerances for a check whose answer in float32 is as right as in float64 (``run_check(..., **FLOAT32_IS_FINE)``)."""


@dataclass(frozen=True)
class Exercise:
    """Which exercise a check is for, and what it proves when it passes.

    Optional, for richer feedback:

    returns : tuple of str
        The names of the values the function returns, in the order returned, e.g.
        ``("dW1", "db1", "dW2", "db2")``. A failure then says which are right and which are
        not, by name ("dW2 and db2 are right; dW1 and db1 are not").
    computed : tuple of str
        The same names in the order a solution computes them, e.g. ``("dW2", "db2", "dW1",
        "db1")`` for a backward pass: the first wrong one in this order is where to look, and
        the one shown. Defaults to ``returns``.
    shapes : str
        The exercise's shapes in a line, shown with a shape error, e.g.
        ``"A_prev (n, n_in) @ W (n_in, n_out) + b (n_out,) gives Z (n, n_out)"``.
    """

    number: str
    function_name: str
    proves: str
    returns: tuple[str, ...] = ()
    computed: tuple[str, ...] = ()
    shapes: str = ""


class Case:
    """One set of arguments to call the student's function with."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def describe(self, function_name: str, names: Sequence[str] = ()) -> str:
        """The call in one short line; larger arrays appear as ``name (shape)`` (``names``: the parameters')."""
        return describe_call(function_name, self.args, self.kwargs, names)


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer: what it returns, and the hint that fixes it."""

    hint: str
    returns: Callable[..., Any]


@dataclass(frozen=True)
class Symptom:
    """A typical wrong answer known by a property of its result rather than by its value.

    ``test(received, *args, **kwargs)`` says whether the student's result for one case shows
    the symptom (indices drawn twice, several 1s in a one-hot row …). It is given in
    ``mistakes`` beside the :class:`Mistake` s and its hint shown only when the symptom holds
    on *every* case where the result is wrong. A ``test`` that raises counts as "no".
    """

    hint: str
    test: Callable[..., bool]


@dataclass(frozen=True)
class CrashHint:
    """A hint for a student function that raises or warns ``error`` (optionally only when its message contains ``text``)."""

    error: type[BaseException]
    hint: str
    text: str = ""


def run_check(
    exercise: Exercise,
    function,
    cases: Sequence[Case],
    reference: Callable,
    *,
    mistakes: Sequence[Mistake | Symptom] = (),
    crash_hints: Sequence[CrashHint] = (),
    general_hint: str = "Compare your code with the formula just above the exercise.",
    rtol: float = 1e-6,
    atol: float = 1e-9,
    accept_lists: bool = False,
) -> None:
    """Check ``function`` against ``reference`` on every case; report as described above.

    ``accept_lists``: a list of numbers where the reference returns an array passes when its
    values and shape are right (for exercises where the type does not matter); by default it
    fails with a note to return a numpy array.

    The first case that fails is the one reported. Its hint comes from, in order: a
    known ``mistake`` that gives the student's results on *every* case tried (never
    one that merely agrees on the failing case), a result that changes when the call is
    repeated, values returned in another order, for several returned values a mistake that
    gives the first wrong value on every case, a systematic slip found by the engine
    (:mod:`._diagnosis`), a shape hint from :attr:`Exercise.shapes`, and ``general_hint``. A crash
    gets a matching ``crash_hint``, else the engine's own (shapes included), else a pointer
    to the student's line.
    """
    name = exercise.function_name
    title = f"Exercise {exercise.number} · {name}"
    if not callable(function):
        message = (f"The check needs your function itself: write check_{name}({name}), with no brackets "
                   f"after {name}. It received {show(function)} instead.")
        raise CheckFailed(f"{title}: the check needs the function itself", [], message.split(". ", 1)[0] + ".",
                          plain=message)
    names = parameter_names(function) or parameter_names(reference)
    tried: list[tuple[Case, Any]] = []  # every case that ran, with the student's result
    failure = None  # (case, expected, problem) of the first wrong result
    for case in cases:
        call = _described(case, name, names)
        args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                got = _snapshot(function(*args, **kwargs))
        except NotImplementedError as stub:
            if failure is None:
                _not_attempted(exercise, name, stub)
                return
            break
        except Exception as error:  # the student's code crashed
            if failure is not None:
                break  # a wrong result came first: report that one
            raise _crashed(title, call, error, crash_hints, name, exercise) from None
        if failure is not None:  # only gathering results, to match known mistakes on every case
            tried.append((case, got))
            continue
        if caught:
            raise _warned(title, call, caught[0], crash_hints)
        _check_not_mutated(title, case, args, call, names)
        expected = reference(*case.args, **case.kwargs)
        tried.append((case, got))
        problem = _compare(got, expected, rtol, atol, exercise.returns, function, "", accept_lists)
        if problem is not None:
            failure = (case, expected, problem)
    if failure is None:
        _check_repeatable(title, function, cases, tried, rtol, atol, names)
        print(f"{PASSED} Exercise {exercise.number} — {exercise.proves} (checked on {len(cases)} inputs).")
        return
    raise _wrong(exercise, title, function, failure, tried, reference, mistakes, general_hint, rtol, atol, names,
                 accept_lists)


def _wrong(exercise, title, function, failure, tried, reference, mistakes, general_hint, rtol, atol, names,
           accept_lists=False):
    """The CheckFailed for a wrong result: the facts of one case, and the hint that fits every case."""
    name = exercise.function_name
    reference = _remembered(reference)  # the hints compare with it many times: compute each case once
    case, expected, problem = failure
    got = next(got for c, got in tried if c is case)
    sizes = [case_sizes(c.args, names) for c, _ in tried]
    starts = [[(n or f"argument {i + 1}", a) for i, (n, a) in enumerate(zip(list(names) + [""] * len(c.args), c.args))]
              for c, _ in tried]
    hint = next((m.hint for m in mistakes if _matches_everywhere(m, tried, rtol, atol, reference)), None)
    if hint is None and not _same_again(function, case, got, rtol, atol):
        hint = _UNSTEADY
    facts: list[tuple[str, str]] = []
    def differs(received, wanted) -> bool:
        return _compare(received, wanted, rtol, atol, accept_lists=accept_lists) is not None

    wrong = []
    parts = _parts(got, expected)
    if parts:
        labels = _labels(exercise, len(expected))
        wrong = [i for i in range(len(expected))
                 if any(_parts(g, expected) and differs(g[i], reference(*c.args, **c.kwargs)[i]) for c, g in tried)]
        parts = bool(wrong)
    if parts:
        order = [labels.index(n) for n in exercise.computed if n in labels] or list(range(len(expected)))
        order += [i for i in range(len(expected)) if i not in order]
        focus = next(i for i in order if i in wrong)
        case, got = next((c, g) for c, g in tried
                         if _parts(g, expected) and differs(g[focus], reference(*c.args, **c.kwargs)[focus]))
        expected = reference(*case.args, **case.kwargs)
        hint = hint or _order_hint(tried, reference)
        if hint is None and all(_parts(g, expected) for _, g in tried):
            hint = next((m.hint for m in mistakes if isinstance(m, Mistake)
                         and _matches_part(m, focus, tried, reference, rtol, atol)), None)
        if hint is None and all(_parts(g, expected) for _, g in tried):
            subject = f"Your {labels[focus]} is" if exercise.returns else f"Your {_NAMES[focus]} value is"
            hint = transformation_hint([(g[focus], reference(*c.args, **c.kwargs)[focus]) for c, g in tried],
                                       sizes, what=subject, starts=starts)
        facts.append(("returned", _which_parts(labels, wrong, focus, order, bool(exercise.returns))))
        wanted, received, label = expected[focus], got[focus], labels[focus]
        problem = _compare(received, wanted, rtol, atol, (), function, label if exercise.returns else "",
                           accept_lists) or ""
        if hint is None and np.shape(received) != np.shape(wanted) and exercise.shapes:
            hint = f"Compare the shapes. In this exercise: {exercise.shapes}"
    else:
        hint = hint or _order_hint(tried, reference) or (
            None if isinstance(expected, tuple) else
            transformation_hint([(_flat(g), _flat(reference(*c.args, **c.kwargs))) for c, g in tried], sizes,
                                starts=starts))
        wanted, received = expected, got
        if hint is None and exercise.shapes and isinstance(expected, np.ndarray) and np.shape(got) != expected.shape:
            hint = f"Compare the shapes. In this exercise: {exercise.shapes}"
    overflowed = problem and problem.startswith("The result contains inf or nan")
    if overflowed:
        hint = hint or ("Your result holds inf or nan where the expected one is finite: does a step overflow "
                        "(np.exp of a large number) or divide by zero?")
        problem = ""
    if hint is None and problem and problem.startswith(("It returned a generator", "It returned a pandas")):
        hint, problem = problem, ""
    hint = hint or general_hint
    shown_expected, shown_got = show(wanted), show(received)
    difference = None if overflowed else _where_they_differ(received, wanted, rtol, atol)
    if difference and problem and re.fullmatch(r"Item \d+ of the list is wrong\.", problem):
        problem = ""  # the difference says which item, and where in it
    if shown_expected == shown_got and _near(received, wanted):  # a near miss: show enough digits to see it
        shown_expected, shown_got = show(wanted, digits=12), show(received, digits=12)
        problem = (problem + " " if problem else "") + (
            "Very close, but not exact: a rounded constant (such as 2.718 for e) or a "
            "shortcut in the formula? Use numpy's functions (np.exp) and the exact formula.")
        difference = None
    elif difference and not problem and shown_expected != shown_got and "…" not in shown_expected + shown_got:
        difference = None  # both arrays are shown whole: the difference is plain to see
    call = _described(case, name, names)
    if parts and exercise.returns:  # say which of the values is shown
        shown_expected, shown_got = f"{label} {shown_expected}", f"{label} {shown_got}"
    rows = [("input", call)] + facts + [("expected", shown_expected), ("received", shown_got)]
    rows += [("differs at", difference)] if difference else []
    rows += [("", problem)] if problem else []
    sentence = " ".join(filter(None, [f"{call} should be {shown_expected}; got {shown_got}."]
                               + [text for _, text in facts]
                               + ([f"They first differ at {difference}."] if difference else []) + [problem]))
    return CheckFailed(f"{title} is not right yet", rows, hint, plain=f"{sentence}\nHint: {hint}")


def _described(case: Case, name: str, names: Sequence[str]) -> str:
    """``case.describe``, also for a Case subclass that overrides it with the older ``describe(function_name)``."""
    try:
        parameters = inspect.signature(case.describe).parameters
    except (TypeError, ValueError):
        parameters = {}
    return case.describe(name, names) if len(parameters) >= 2 else case.describe(name)


def _remembered(reference):
    """``reference``, computing each case's expected value once (cases are told apart by their arguments)."""
    memory = {}

    def remembered(*args, **kwargs):
        key = tuple(map(id, args)) + tuple((k, id(v)) for k, v in sorted(kwargs.items()))
        if key not in memory:
            memory[key] = reference(*args, **kwargs)
        return memory[key]
    return remembered


def _where_they_differ(got, expected, rtol, atol) -> str | None:
    """:func:`first_difference`, also inside a list of arrays ("item 1, entry 0: expected 3, got 5")."""
    if isinstance(expected, list) and isinstance(got, (list, tuple)) and len(got) == len(expected):
        for position, (part, wanted) in enumerate(zip(got, expected)):
            if _compare(part, wanted, rtol, atol, accept_lists=True) is not None:
                inside = first_difference(part, wanted, rtol, atol)
                return f"item {position}" + (f", {inside}" if inside else "")
        return None
    return first_difference(got, expected, rtol, atol)


def _flat(value):
    """A list of arrays (the batches of an epoch) as one array, so that slips show across items; else ``value``."""
    if isinstance(value, list) and value and all(isinstance(item, (np.ndarray, list)) for item in value):
        try:
            return np.concatenate([np.ravel(np.asarray(item, dtype=float)) for item in value])
        except (TypeError, ValueError):
            return value
    return value


def _parts(got, expected) -> bool:
    """Whether the result is several values that can be judged one by one."""
    return (isinstance(expected, tuple) and isinstance(got, (tuple, list)) and len(got) == len(expected)
            and len(expected) > 1)


def _labels(exercise: Exercise, count: int) -> list[str]:
    if len(exercise.returns) == count:
        return list(exercise.returns)
    return [f"the {_NAMES[i]} value" for i in range(count)]


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _which_parts(labels, wrong, focus, order, named: bool) -> str:
    """'dW2 and db2 are right; dW1 and db1 are not — dW1 comes first, look there.' (``order``: as computed)"""
    right = [labels[i] for i in order if i not in wrong]
    bad = [labels[i] for i in order if i in wrong]
    if not named:
        right = [label.removeprefix("the ").removesuffix(" value") for label in right]
        bad = [label.removeprefix("the ").removesuffix(" value") for label in bad]
        text = (f"of the {len(labels)} values returned, " + (f"the {_join(right)} "
                f"{'is' if len(right) == 1 else 'are'} right; " if right else "") + f"the {_join(bad)} "
                + ("is wrong." if len(bad) == 1 else "are wrong."))
        return text[0].upper() + text[1:]
    text = (f"{_join(right)} {'is' if len(right) == 1 else 'are'} right; " if right else "") + (
        f"{_join(bad)} {'is' if len(bad) == 1 else 'are'} {'not' if right else 'wrong'}")
    if len(bad) > 1:
        text += f" — {labels[focus]} comes first, look there"
    return text + "."


def _matches_part(mistake: Mistake, part: int, tried, reference, rtol: float, atol: float) -> bool:
    """Whether ``mistake`` gives the student's value number ``part`` on every case, and that value is wrong."""
    differs = False
    for case, got in tried:
        try:
            wrong = mistake.returns(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
            mine, wanted = wrong[part], reference(*case.args, **case.kwargs)[part]
        except Exception:
            return False
        if _compare(got[part], mine, rtol, atol) is not None:
            return False
        differs = differs or _compare(mine, wanted, rtol, atol) is not None
    return differs


_UNSTEADY = ("Called again with the same input, yours returns something else: does it keep an array between "
             "calls (a global, a default argument), or draw random numbers without its seed?")


def _again(function, case):
    """``function`` called once more on ``case`` (a fresh copy), or a sentinel if it raises."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return function(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
    except Exception:
        return _FAILED


_FAILED = object()


def _snapshot(result):
    """``result`` copied, so that a view of an array the student keeps changing stays as it was returned."""
    try:
        return copy.deepcopy(result)
    except Exception:
        return result


def _same_again(function, case, got, rtol, atol) -> bool:
    """Whether a second call on ``case`` returns what the first returned (a crash on the second call counts as
    the same, and so does a result that cannot be compared even with itself, such as a generator)."""
    if _compare(got, got, rtol, atol, accept_lists=True) is not None:
        return True
    again = _again(function, case)
    return again is _FAILED or _compare(again, got, rtol, atol, accept_lists=True) is None


def _check_repeatable(title, function, cases, tried, rtol, atol, names) -> None:
    """A function whose second call on the same input returns something else keeps state between calls."""
    if not cases:
        return
    case, first = tried[0]
    again = _again(function, case)
    if again is _FAILED or _compare(again, first, rtol, atol, accept_lists=True) is None:
        return
    call = _described(case, title.split(" · ")[-1], names)
    problem = f"Called twice, it returned {show(first)}, then {show(again)}."
    hint = _UNSTEADY
    raise CheckFailed(f"{title} changes from one call to the next", [("input", call), ("", problem)], hint,
                      plain=f"{call}: {problem}\nHint: {hint}")


def _order_hint(tried, reference) -> str | None:
    """A hint when the student returned the right values in another order, on every case tried."""
    reordered = False
    for case, got in tried:
        expected = reference(*case.args, **case.kwargs)
        if not isinstance(expected, tuple) or not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return None
        if _compare(got, expected, 1e-9, 1e-12) is None:
            continue
        unused = list(range(len(expected)))
        for part in got:
            match = next((i for i in unused if _compare(part, expected[i], 1e-9, 1e-12) is None), None)
            if match is None:
                return None
            unused.remove(match)
        reordered = True
    return ("Your values are right but returned in the wrong order: return them in the order the exercise "
            "names them.") if reordered else None


def _near(got, expected) -> bool:
    """Whether ``got`` equals ``expected`` to about three significant figures (a rounded constant, say)."""
    try:
        return bool(np.allclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float), rtol=1e-3, atol=1e-9))
    except (TypeError, ValueError):
        return False


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


def _crashed(title: str, call: str, error: Exception, crash_hints: Sequence[CrashHint], name: str,
             exercise: Exercise | None = None) -> CheckFailed:
    frames = student_frames(error)
    described = f"{type(error).__name__}: {error}"
    try:  # the explanation must never hide the student's error behind one of ours
        shapes = explain_shape_error(error, frames[-1].source, frames[-1].namespace) if frames else None
    except Exception:
        shapes = None
    if shapes:
        described = f"{type(error).__name__} in {shapes}"
    elif len(described) > 150:
        described = described[:149] + "…"
    shapes_hint = None
    if is_shape_error(error):
        shapes_hint = (f"Write each operand's shape under the line. In this exercise: {exercise.shapes}"
                       if exercise is not None and exercise.shapes else
                       "Write each operand's shape under the line: which one is not the shape you meant?")
    hint = (next((h.hint for h in crash_hints if isinstance(error, h.error) and h.text in str(error)), None)
            or crash_hint(error, frames, name) or shapes_hint
            or "Read the error and the line of your code shown above it: that is where your function stopped.")
    return CheckFailed(f"{title} raised an error", [("input", call), ("error", described)], hint, frames=frames,
                       plain=f"{call} raised {described}\nHint: {hint}")


def _warned(title: str, call: str, warning, crash_hints: Sequence[CrashHint]) -> CheckFailed:
    hint = next((h.hint for h in crash_hints if issubclass(warning.category, h.error)
                 and h.text in str(warning.message)), "A warning means something went wrong quietly.")
    described = f"{warning.category.__name__}: {warning.message}"
    return CheckFailed(f"{title} gave a warning", [("input", call), ("warning", described)], hint,
                       frames=warning_frames(warning), plain=f"{call} warned {described}\nHint: {hint}")


def _matches_everywhere(mistake, tried, rtol: float, atol: float, reference=None) -> bool:
    """Whether ``mistake`` returns what the student's function returned, on every case tried.

    A :class:`Symptom` matches when its test holds on every case whose result is wrong.
    """
    if isinstance(mistake, Symptom):
        wrong = [(case, got) for case, got in tried
                 if reference is None or _compare(got, reference(*case.args, **case.kwargs), rtol, atol) is not None]
        try:
            return bool(wrong) and all(mistake.test(got, *copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
                                       for case, got in wrong)
        except Exception:
            return False
    for case, got in tried:
        try:
            wrong = mistake.returns(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        except Exception:
            return False
        if _compare(got, wrong, rtol, atol) is not None:
            return False
    return True


def _check_not_mutated(title: str, case: Case, args, call: str, names: Sequence[str] = ()) -> None:
    for position, (before, after) in enumerate(zip(case.args, args)):
        if _compare(after, before, 0.0, 0.0) is not None:
            called = f" ({names[position]})" if position < len(names) else ""
            hint = ("The caller's array must stay as it was: build a new value (x = x + 1) instead of "
                    "modifying the input (x += 1, x[0] = …).")
            problem = f"It changed its argument number {position + 1} in place{called}: it became {show(after)}."
            raise CheckFailed(f"{title} changes its input", [("input", call), ("", problem)], hint,
                              plain=f"{call}: {problem}\nHint: {hint}")


_NAMES = ("first", "second", "third", "fourth", "fifth")


def _compare(got, expected, rtol: float, atol: float, returns: Sequence[str] = (), function=None,
             name: str = "", accept_lists: bool = False) -> str | None:
    """``None`` when ``got`` matches ``expected``; otherwise what is wrong, in a sentence.

    ``returns`` names the parts of a tuple, ``name`` the value itself, and ``function`` is the
    student's (its source tells whether a wrong shape may come from a sum over the wrong axis).
    With ``accept_lists``, a list of numbers where an array is asked is fine when its values and
    shape are right; otherwise it is explained.
    """
    if got is None and expected is not None:
        return "Your function returned None: is a `return` statement missing?"
    if isinstance(expected, tuple):  # several results, e.g. the new (w, b)
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return f"It should return {len(expected)} values together, separated by a comma after `return`."
        for position, (part, wanted) in enumerate(zip(got, expected)):
            label = returns[position] if len(returns) == len(expected) else ""
            problem = _compare(part, wanted, rtol, atol, (), function, label, accept_lists)
            if problem is not None:
                what = label or f"The {_NAMES[position]} of the {len(expected)} values returned"
                return f"{what} is wrong. {problem}".strip()
        return None
    if inspect.isgenerator(got):
        return "It returned a generator (a function with `yield`): return the values themselves, in a list."
    if type(got).__module__.split(".")[0] == "pandas" and type(expected).__module__.split(".")[0] != "pandas":
        return (f"It returned {show(got)}: return a numpy array, as the exercise asks (a pandas table keeps "
                "labels, and may drop empty rows or columns).")
    if isinstance(expected, list):  # a list of arrays, e.g. the batches of an epoch
        if not isinstance(got, (list, tuple)):
            return f"It should return a list of {len(expected)} items; it returned {show(got)}."
        if len(got) != len(expected):
            more = "one item too many" if len(got) == len(expected) + 1 else (
                "one item too few" if len(got) + 1 == len(expected) else "")
            return f"It should return a list of {len(expected)} items; it returned {len(got)}" + (
                f": {more}." if more else ".")
        for position, (part, wanted) in enumerate(zip(got, expected)):
            problem = _compare(part, wanted, rtol, atol, (), function, "", accept_lists)
            if problem is not None:
                return f"Item {position} of the list is wrong. {problem}".strip()
        return None
    if isinstance(expected, np.ndarray):
        if isinstance(got, (list, tuple)):
            if not accept_lists:
                return "It returned a Python list/tuple: return a numpy array (use numpy operations, or np.array(...))."
            try:
                got = np.asarray(got, dtype=float)
            except (TypeError, ValueError):
                return f"It should return a numpy array of shape {expected.shape}; it returned {show(got)}."
        if not isinstance(got, np.ndarray):
            return f"It should return a numpy array of shape {expected.shape}; it returned {show(got)}."
        if got.shape != expected.shape:
            return shape_problem(got.shape, expected.shape, name, function)
    try:
        got_array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"It returned {show(got)}, which is not a number."
    expected_array = np.asarray(expected, dtype=float)
    if got_array.shape != expected_array.shape:
        return f"Expected a single number; got something of shape {got_array.shape}."
    if not np.isfinite(got_array).all() and np.isfinite(expected_array).all():
        return "The result contains inf or nan: does a step overflow for large inputs?"
    if not np.allclose(got_array, expected_array, rtol=rtol, atol=atol, equal_nan=True):
        return ""
    return None
