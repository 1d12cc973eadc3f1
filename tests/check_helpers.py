"""What the tests of every lesson's checks do with a checker: run a right answer, read a wrong one's feedback."""

import warnings

import pytest


def passes(check, answer, capsys, number: str) -> None:
    """``check(answer)`` prints the ✔ line of exercise ``number`` and warns nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a right answer must not make the check warn either
        check(answer)
    assert capsys.readouterr().out.startswith(f"✔ Exercise {number}")


def message(check, answer) -> str:
    """The whole message of the failed check for ``answer``."""
    with pytest.raises(AssertionError) as caught:
        check(answer)
    return str(caught.value)


def hint_of(check, answer) -> str:
    """Only the hint of the failed check for ``answer``."""
    return message(check, answer).split("\nHint: ")[1]


def failure_lines(check, answer) -> list[str]:
    """The lines the student sees in the notebook for the failed check of ``answer`` (hint included)."""
    with pytest.raises(AssertionError) as caught:
        check(answer)
    return caught.value.lines()


def fails_with(check, answer, hint: str) -> None:
    """``check(answer)`` fails with ``hint`` in its message, shown in at most ten lines."""
    text = message(check, answer)
    assert hint in text, text
    lines = failure_lines(check, answer)
    assert len(lines) <= 10, "\n".join(lines)
