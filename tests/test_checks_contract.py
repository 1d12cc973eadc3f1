"""Every checker in course_lib.checks keeps the check-cell contract, found by discovery so that
a new lesson's checkers are held to it too."""

import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from course_lib import checks
from course_lib.checks._feedback import MAX_LINES, WIDTH, CheckFailed
from course_tools import notebooks
from course_tools.lessons import BEGIN, END

ROOT = Path(__file__).resolve().parent.parent

CHECKERS = [getattr(checks, name) for name in checks.__all__ if name.startswith("check_")]


def _number(check) -> str:
    return re.search(r"Exercise (\d+\.\d+)", check.__doc__).group(1)


def test_every_checker_is_discovered_with_a_distinct_exercise_number():
    numbers = [_number(check) for check in CHECKERS]
    assert len(CHECKERS) >= 9 and len(set(numbers)) == len(numbers), numbers


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_an_unattempted_stub_gets_a_note_and_no_exception(check, capsys):
    number = _number(check)

    def stub(*args):
        raise NotImplementedError(f"Exercise {number}: replace this line with your code")

    assert check(stub) is None  # nothing for the notebook to display either
    assert capsys.readouterr().out.startswith(f"◻ Exercise {number} not attempted yet")


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_a_function_that_returns_nothing_gets_a_teaching_assertion(check):
    with pytest.raises(AssertionError, match=r"should be .*; got None\. Your function returned None: "
                                             r"is a `return` statement missing\?\nHint: "):
        check(lambda *args: None)


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_passing_a_value_instead_of_the_function_is_explained(check):
    with pytest.raises(AssertionError, match="needs your function itself"):
        check(3.0)


def _arguments(check, monkeypatch) -> dict:
    """What ``check`` passes to ``run_check``: its cases, reference, mistakes and hints."""
    captured = {}
    module = sys.modules[check.__module__]
    monkeypatch.setattr(module, "run_check", lambda exercise, function, **kwargs: captured.update(kwargs))
    check(lambda *args: None)
    return captured


# Exercises whose every right answer is a whole number, so rounding cannot turn a right answer wrong.
WHOLE_NUMBER_ANSWERS = {"1.2": "the answer is a decision, 1 or 0", "3.1": "the answers are decisions, +1 or -1",
                        "3.4": "the answer is a count", "7.1": "the answers are epoch numbers", "8.1": "a one-hot row holds only 0 and 1",
                        "8.2": "the answer is sample indices", "8.5": "the answer is counts"}


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_some_case_has_an_answer_that_rounding_or_truncating_would_change(check, monkeypatch):
    if _number(check) in WHOLE_NUMBER_ANSWERS:
        pytest.skip(WHOLE_NUMBER_ANSWERS[_number(check)])
    arguments = _arguments(check, monkeypatch)
    def flat(answer):  # a checker's answer may be several values, such as the new (w, b)
        parts = answer if isinstance(answer, (tuple, list)) else (answer,)
        return np.concatenate([flat(part) if isinstance(part, (tuple, list)) else np.ravel(np.asarray(part, dtype=float))
                               for part in parts])  # nested too, such as the (params, losses) of a training loop

    answers = [flat(arguments["reference"](*case.args, **case.kwargs)) for case in arguments["cases"]]
    assert any((np.round(answer, 1) != answer).any() for answer in answers), (
        "every expected value is a whole or round number, so int(), round() or // would pass this check"
    )


def _solution_lines() -> dict[str, list[str]]:
    """The code of every answer in solutions/, by exercise number, one stripped line each."""
    answers: dict[str, list[str]] = {}
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for cell in notebooks.code_cells(notebooks.read(path)):
            if BEGIN in cell["source"]:
                number = re.search(r"Exercise (\d+\.\d+)", cell["source"]).group(1)
                inside = cell["source"].split(BEGIN, 1)[1].split(END, 1)[0]
                answers[number] = [line.strip().removeprefix("return ").strip() for line in inside.splitlines()]
    return answers


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_no_hint_gives_away_a_line_of_the_solution(check, monkeypatch):
    arguments = _arguments(check, monkeypatch)
    hints = [arguments.get("general_hint", "")] + [m.hint for m in arguments.get("mistakes", ())] + [
        h.hint for h in arguments.get("crash_hints", ())]
    answer = [line for line in _solution_lines()[_number(check)] if len(line) >= 8 and not line.startswith("#")]
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    leaks = [(line, hint) for line in answer for hint in hints if squeeze(line) in squeeze(hint)]
    assert answer and not leaks, leaks


# ---------------------------------------------------------------- issue 18: feedback that finds the mistake

def _module(check):
    return sys.modules[check.__module__]


def _dropped_terms():
    """Every (checker, term, variant) that a checker module declares in its DROPPED_TERMS."""
    found = []
    for check in CHECKERS:
        for term, variant in getattr(_module(check), "DROPPED_TERMS", {}).get(check.__name__, {}).items():
            found.append(pytest.param(check, term, variant, id=f"{check.__name__}-{term}"))
    return found


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_every_checker_declares_the_solution_with_each_term_dropped(check):
    declared = getattr(_module(check), "DROPPED_TERMS", {}).get(check.__name__, {})
    assert len(declared) >= 2, (
        f"{check.__module__}.DROPPED_TERMS must map {check.__name__!r} to the solution with each of its terms "
        "left out, one function per term: the proof that the cases exercise every part of the answer")


@pytest.mark.parametrize("check, term, variant", _dropped_terms())
def test_dropping_a_term_of_the_solution_fails_the_check(check, term, variant, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(AssertionError):
            check(variant)
    assert capsys.readouterr().out == "", f"without {term}, the check must fail, not pass or call it unattempted"


def _wrong_answers(check, monkeypatch):
    """Every known mistake of ``check`` as a student's function, and its dropped-term variants."""
    arguments = _arguments(check, monkeypatch)
    monkeypatch.undo()
    answers = [m.returns for m in arguments.get("mistakes", ()) if hasattr(m, "returns")]
    return answers + list(getattr(_module(check), "DROPPED_TERMS", {}).get(check.__name__, {}).values())


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_every_failure_fits_in_ten_lines_hint_included(check, monkeypatch):
    too_long = []
    for answer in _wrong_answers(check, monkeypatch) + [lambda *args: None]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(CheckFailed) as caught:
                check(answer)
        lines = caught.value.lines()
        if len(lines) > MAX_LINES or max(map(len, lines)) > WIDTH:
            too_long.append("\n".join(lines))
    assert not too_long, "\n\n".join(too_long)


_SYMBOLS = {"−": "-", "·": "*", "×": "*", "⊙": "*", "ᵀ": ".t", "**2": "²", "`": "", "np.": "", "numpy.": ""}


def _formula(text: str) -> str:
    """``text`` reduced so that code and its written form compare: 1 − tanh(Z1)² ~ 1 - np.tanh(Z1) ** 2."""
    text = re.sub(r"\s+", "", text.lower())
    for symbol, plain in _SYMBOLS.items():
        text = text.replace(symbol, plain)
    return text


def _terms(line: str) -> set[str]:
    """Every operation (a + b, a @ b, f(a) …) in a line of a solution, as :func:`_formula` writes it."""
    import ast
    try:
        tree = ast.parse(line.removeprefix("return "))
    except SyntaxError:
        return set()
    return {_formula(ast.unparse(node)) for node in ast.walk(tree) if isinstance(node, ast.BinOp)}


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_no_hint_gives_away_a_formula_of_the_solution(check, monkeypatch):
    arguments = _arguments(check, monkeypatch)
    hints = [arguments.get("general_hint", "")] + [m.hint for m in arguments.get("mistakes", ())] + [
        h.hint for h in arguments.get("crash_hints", ())]
    terms = {term for line in _solution_lines()[_number(check)] for term in _terms(line) if len(term) >= 7}
    leaks = sorted({(term, hint) for term in terms for hint in hints if term in _formula(hint)})
    assert not leaks, leaks


@pytest.mark.parametrize("check", CHECKERS, ids=lambda c: c.__name__)
def test_the_fallback_hint_asks_a_question_instead_of_giving_the_method(check, monkeypatch):
    general = _arguments(check, monkeypatch).get("general_hint", "")
    assert "?" in general, general


def test_the_formula_contract_catches_a_formula_written_out_in_a_hint():
    old_hint_of_6_4 = "Two factors, entry by entry: … and tanh' at Z1, which is 1 − tanh(Z1)²."
    assert "1-tanh(z1)²" in _terms("return (dZ2 @ W2.T) * (1 - np.tanh(Z1) ** 2)")
    assert "1-tanh(z1)²" in _formula(old_hint_of_6_4)
