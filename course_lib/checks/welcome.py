"""Checks for lesson 00 · Welcome."""

from __future__ import annotations

import numpy as np

from ._core import Case, CrashHint, Exercise, Mistake, run_check


def _fahrenheit(celsius):
    return 1.8 * np.asarray(celsius, dtype=float) + 32.0


def _celsius(c):
    return np.asarray(c, dtype=float)


def _divided_by_celsius(c):
    with np.errstate(divide="ignore"):
        return 9 / (5 * _celsius(c)) + 32


_ROUNDED = "Keep every digit: something in your function rounds the result (round(), np.round, int())."

# The solution with one of its terms left out: the check must catch each (issue 18, item 6).
DROPPED_TERMS = {
    "check_celsius_to_fahrenheit": {
        "the 32": lambda c: 9 / 5 * c,
        "the factor 9/5": lambda c: c + 32,
        "the product 9/5 · c": lambda c: 0 * c + 32,
    },
}


def check_celsius_to_fahrenheit(celsius_to_fahrenheit) -> None:
    """Exercise 0.1: ``celsius_to_fahrenheit(c)`` returns 9/5·c + 32, for a number or an array."""
    run_check(
        Exercise("0.1", "celsius_to_fahrenheit", "celsius_to_fahrenheit converts numbers and whole arrays"),
        celsius_to_fahrenheit,
        cases=[Case(100.0), Case(0.0), Case(-40.0), Case(37.0),
               Case(np.array([-12.5, 0.0, 21.37]))],  # 21.37 °C is 70.466 °F: rounding would show
        reference=lambda c: float(_fahrenheit(c)) if np.ndim(c) == 0 else _fahrenheit(c),
        mistakes=[
            Mistake("Multiply first, then add 32: the 32 was forgotten. "
                    "(In lesson 01 this added constant gets a name: the bias.)", lambda c: 1.8 * _celsius(c)),
            Mistake("The factor is 9/5 = 1.8, not 5/9: 5/9 converts the other way.",
                    lambda c: 5 / 9 * _celsius(c) + 32),
            Mistake("Brackets: (c + 32) * 1.8 adds 32 before multiplying; multiply first.",
                    lambda c: (_celsius(c) + 32) * 1.8),
            Mistake("9 // 5 is integer division: it gives 1, not 1.8. Use / for the factor 9/5.",
                    lambda c: _celsius(c) + 32.0),
            Mistake("That turns Fahrenheit into Celsius, the other way round: here the input is in °C and the "
                    "answer in °F, so 100 must give 212.", lambda c: (_celsius(c) - 32) * 5 / 9),
            Mistake("The 32 is added, not subtracted: 0 °C (freezing) is 32 °F, above zero.",
                    lambda c: 1.8 * _celsius(c) - 32),
            Mistake("That is the quick mental rule (double it, add 30): close, but not the exact conversion. "
                    "The factor is 9/5 and the constant 32.", lambda c: 2 * _celsius(c) + 30),
            Mistake("That gives kelvins (c + 273.15), another temperature scale; this exercise asks for "
                    "degrees Fahrenheit.", lambda c: _celsius(c) + 273.15),
            Mistake("Your line divides by the temperature, but in 9/5 · C the temperature multiplies: mind the "
                    "brackets.", _divided_by_celsius),
            Mistake("Your function returns nothing: print() only shows a value, `return` hands it back to the "
                    "caller (and to the check).", lambda c: None),
            *[Mistake(_ROUNDED, lambda c, digits=digits: np.round(_fahrenheit(c), digits)) for digits in (1, 2)],
        ],
        crash_hints=[
            CrashHint(TypeError, "celsius may be a single number, which has no entries to loop over. Plain "
                      "arithmetic (*, /, +) works on one number and on a whole array alike, with no loop.",
                      text="not iterable"),
        ],
        general_hint="Work the rule out by hand for 100 °C and for 0 °C: do you get 212 and 32? Which part of "
                     "your line makes the other number?",
    )
