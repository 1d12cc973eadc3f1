"""Checks for lesson 00 · Welcome."""

from __future__ import annotations

import numpy as np

from ._core import Case, Exercise, Mistake, run_check


def _fahrenheit(celsius):
    return 1.8 * np.asarray(celsius, dtype=float) + 32.0


def check_celsius_to_fahrenheit(celsius_to_fahrenheit) -> None:
    """Exercise 0.1: ``celsius_to_fahrenheit(c)`` returns 9/5·c + 32, for a number or an array."""
    run_check(
        Exercise("0.1", "celsius_to_fahrenheit", "celsius_to_fahrenheit converts numbers and whole arrays"),
        celsius_to_fahrenheit,
        cases=[Case(100.0), Case(0.0), Case(-40.0), Case(37.0), Case(np.array([-10.0, 0.0, 25.0]))],
        reference=lambda c: float(_fahrenheit(c)) if np.ndim(c) == 0 else _fahrenheit(c),
        mistakes=[
            Mistake("Multiply first, then add 32: the 32 was forgotten. "
                    "(In lesson 01 this added constant gets a name: the bias.)", lambda c: 1.8 * np.asarray(c)),
            Mistake("The factor is 9/5 = 1.8, not 5/9: 5/9 converts the other way.",
                    lambda c: 5 / 9 * np.asarray(c) + 32),
            Mistake("Brackets: (c + 32) * 1.8 adds 32 before multiplying; multiply first.",
                    lambda c: (np.asarray(c) + 32) * 1.8),
            Mistake("9 // 5 is integer division: it gives 1, not 1.8. Use / for the factor 9/5.",
                    lambda c: np.asarray(c) + 32.0),
        ],
        general_hint="Fahrenheit = 9/5 × Celsius + 32; water boils at 100 °C = 212 °F.",
    )
