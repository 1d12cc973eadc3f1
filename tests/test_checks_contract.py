"""Every checker in course_lib.checks keeps the check-cell contract, found by discovery so that
a new lesson's checkers are held to it too."""

import re

import pytest

from course_lib import checks

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
