"""Exercise 0.1's check accepts correct variants and catches the usual slips."""

import math

import numpy as np
import pytest

from course_lib.checks import check_celsius_to_fahrenheit


@pytest.mark.parametrize(
    "answer",
    [lambda c: 9 / 5 * c + 32, lambda c: c * 1.8 + 32, lambda c: (9 * c) / 5 + 32, lambda c: np.add(np.multiply(c, 1.8), 32)],
    ids=["nine-fifths", "one-point-eight", "nine-then-divide", "numpy-ufuncs"],
)
def test_correct_variants_pass(answer, capsys):
    check_celsius_to_fahrenheit(answer)
    assert capsys.readouterr().out.startswith("✔ Exercise 0.1")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda c: 1.8 * c, "the 32 was forgotten"),
        (lambda c: 5 / 9 * c + 32, "not 5/9"),
        (lambda c: (c + 32) * 1.8, "adds 32 before multiplying"),
        (lambda c: math.floor(1.8 * c + 32) if np.ndim(c) == 0 else 1.8 * c + 32, "decimal point cut off"),
        (lambda c: 1.8 * math.fsum([c]) + 32, "The math module works on one number at a time"),
    ],
    ids=["no-bias", "inverted-factor", "brackets", "rounds", "not-vectorised"],
)
def test_typical_mistakes_get_their_hint(answer, hint):
    with pytest.raises(AssertionError, match=hint):
        check_celsius_to_fahrenheit(answer)
