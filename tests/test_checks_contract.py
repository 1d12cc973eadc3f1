"""Every checker in course_lib.checks keeps the check-cell contract, found by discovery so that
a new lesson's checkers are held to it too."""

import re
import sys
from pathlib import Path

import numpy as np
import pytest

from course_lib import checks
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
                        "3.4": "the answer is a count", "7.1": "a one-hot row holds only 0 and 1",
                        "7.2": "the answer is sample indices", "7.4": "the answer is counts"}


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
