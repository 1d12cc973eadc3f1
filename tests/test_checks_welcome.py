"""Exercise 0.1's check accepts right answers in several styles and names each realistic slip, in ten lines."""

import math

import numpy as np

from course_lib.checks import check_celsius_to_fahrenheit
from feedback_catalogue import Exercise, Wrong, catalogue_tests, failure


def _loop_or_number(c):
    if np.ndim(c) == 0:
        return 9 / 5 * c + 32
    return np.array([9 / 5 * t + 32 for t in c])


def _in_place(c):
    c *= 1.8  # an array is changed for the caller too
    c += 32
    return c


def _printed(c):
    print(9 / 5 * c + 32)


CATALOGUE = {
    "0.1": Exercise(
        check_celsius_to_fahrenheit,
        right=[
            ("nine-fifths", lambda c: 9 / 5 * c + 32),
            ("one-point-eight", lambda c: c * 1.8 + 32),
            ("nine-then-divide", lambda c: (9 * c) / 5 + 32),
            ("numpy-ufuncs", lambda c: np.add(np.multiply(c, 1.8), 32)),
            ("float32", lambda c: np.float32(1.8) * np.asarray(c, dtype=np.float32) + np.float32(32)),
            ("loop-or-number", _loop_or_number),
        ],
        wrong=[
            Wrong("no-32", lambda c: 1.8 * c, "the 32 was forgotten"),
            Wrong("five-ninths", lambda c: 5 / 9 * c + 32, "not 5/9"),
            Wrong("adds-first", lambda c: (c + 32) * 1.8, "adds 32 before multiplying"),
            Wrong("integer-division", lambda c: 9 // 5 * c + 32, "9 // 5 is integer division"),
            Wrong("the-other-way", lambda c: (c - 32) * 5 / 9, "Fahrenheit into Celsius"),
            Wrong("minus-32", lambda c: 9 / 5 * c - 32, "added, not subtracted"),
            Wrong("mental-rule", lambda c: 2 * c + 30, "quick mental rule"),
            Wrong("kelvin", lambda c: c + 273.15, "kelvins"),
            Wrong("int", lambda c: int(9 / 5 * c + 32), "cut off"),
            Wrong("round", lambda c: round(9 / 5 * c + 32), "rounded to whole numbers"),
            Wrong("round-one-digit", lambda c: np.round(9 / 5 * c + 32, 1), "Keep every digit"),
            Wrong("float", lambda c: float(9 / 5 * c + 32), "take one number, not a whole array"),
            Wrong("math", lambda c: 1.8 * math.fsum([c]) + 32, "The math module works on one number at a time"),
            Wrong("loop-only", lambda c: np.array([9 / 5 * t + 32 for t in c]), "no entries to loop over"),
            Wrong("in-place", _in_place, "instead of modifying the input"),
            Wrong("divides-by-c", lambda c: 9 / (5 * c) + 32, "the temperature multiplies"),
            Wrong("printed", _printed, "print() only shows a value"),
            Wrong("typo", lambda c: 1.6 * c + 32, "Which part of your line", aimed=False),
        ],
    ),
}


(test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines,
 test_the_catalogue_is_large_and_mostly_aimed) = catalogue_tests(CATALOGUE)


def test_a_print_instead_of_return_is_told_that_return_is_missing():
    assert "is a `return` statement missing?" in str(failure(check_celsius_to_fahrenheit, _printed))
