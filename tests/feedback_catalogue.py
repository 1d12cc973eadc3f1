"""Catalogues of answers to each exercise, and what every check must do with them (issue 18).

A catalogue maps an exercise number to its checker, right answers written in several styles, and
realistic wrong answers written from what the exercise asks (not from the checker), each with the
words of the one hint aimed at it. A lesson's test module declares its catalogue and gets its tests
from :func:`catalogue_tests`; this module says what "passes", "gets its own hint" and "fits the
screen" mean, once for every lesson.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Callable

import pytest

COLUMNS, MAX_LINES = 100, 10  # a failure must fit 10 lines of a 100-column output area
AIMED_SHARE = 0.9  # of the wrong answers, at least this share gets a hint aimed at its mistake
MIN_WRONG, MIN_RIGHT = 10, 3


@dataclass(frozen=True)
class Wrong:
    """A realistic wrong answer and words that only the hint aimed at it contains.

    ``aimed=False`` marks a slip no hint can name from the numbers: it must then get the exercise's
    fallback question (``hint`` holds words of that question), never a hint meant for another mistake.
    """

    name: str
    answer: Callable
    hint: str
    aimed: bool = True


@dataclass
class Exercise:
    check: Callable
    right: list = field(default_factory=list)  # (name, answer)
    wrong: list = field(default_factory=list)  # Wrong


def right_answers(catalogue: dict[str, Exercise]) -> list:
    return [pytest.param(number, exercise.check, answer, id=f"{number}-{name}")
            for number, exercise in catalogue.items() for name, answer in exercise.right]


def wrong_answers(catalogue: dict[str, Exercise]) -> list:
    return [pytest.param(exercise.check, wrong, id=f"{number}-{wrong.name}")
            for number, exercise in catalogue.items() for wrong in exercise.wrong]


def passes(number: str, check, answer, capsys) -> None:
    """``check(answer)`` prints the ✔ line of exercise ``number`` and warns nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check(answer)
    assert capsys.readouterr().out.startswith(f"✔ Exercise {number}")


def failure(check, answer):
    """The CheckFailed that ``check`` raises for ``answer``; no warning may escape while it is built."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AssertionError) as caught:
            check(answer)
    return caught.value


def screen_lines(error) -> int:
    """How many lines ``error`` takes in an output area :data:`COLUMNS` characters wide."""
    return sum(max(1, math.ceil(len(line) / COLUMNS)) for line in error.lines())


def assert_gets_its_hint(check, wrong: Wrong) -> None:
    error = failure(check, wrong.answer)
    assert wrong.hint in error.hint, f"{wrong.name}: got the hint {error.hint!r}"
    assert screen_lines(error) <= MAX_LINES, "\n".join(error.lines())


def measure(catalogue: dict[str, Exercise]) -> dict[str, tuple[int, int, int, int]]:
    """Per exercise: (wrong answers, caught, given their aimed hint, most screen lines of a failure)."""
    numbers = {}
    for number, exercise in catalogue.items():
        caught = aimed = longest = 0
        for wrong in exercise.wrong:
            try:
                error = failure(exercise.check, wrong.answer)
            except BaseException:  # noqa: BLE001  (a wrong answer that passes, or feedback that warns)
                continue
            caught += 1
            aimed += wrong.aimed and wrong.hint in error.hint
            longest = max(longest, screen_lines(error))
        numbers[number] = (len(exercise.wrong), caught, aimed, longest)
    return numbers


def assert_large_and_aimed(catalogue: dict[str, Exercise]) -> None:
    """Every exercise has enough answers of both kinds, and most wrong ones are aimed at."""
    for number, exercise in catalogue.items():
        assert len(exercise.right) >= MIN_RIGHT, number
        assert len(exercise.wrong) >= MIN_WRONG, number
        assert len({w.name for w in exercise.wrong}) == len(exercise.wrong), number
    wrong = [w for exercise in catalogue.values() for w in exercise.wrong]
    assert sum(w.aimed for w in wrong) >= AIMED_SHARE * len(wrong)


def catalogue_tests(catalogue: dict[str, Exercise]):
    """The three tests every lesson's catalogue must pass, for its test module to bind to ``test_…`` names."""
    @pytest.mark.parametrize("number, check, answer", right_answers(catalogue))
    def test_right_answers_pass(number, check, answer, capsys):
        passes(number, check, answer, capsys)

    @pytest.mark.parametrize("check, wrong", wrong_answers(catalogue))
    def test_each_mistake_gets_its_own_hint_in_ten_lines(check, wrong):
        assert_gets_its_hint(check, wrong)

    def test_the_catalogue_is_large_and_mostly_aimed():
        assert_large_and_aimed(catalogue)

    return test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines, \
        test_the_catalogue_is_large_and_mostly_aimed
