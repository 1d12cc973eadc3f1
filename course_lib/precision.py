"""How the course prints a number that is rounding noise.

A gradient check's relative error, or a difference that should be 0, lives in the last bits of
floating-point arithmetic: another processor, another BLAS kernel or another thread count
changes it (1.39e-11 on one machine, 1.72e-11 on the next). Printed in full it would tell a
student nothing more and would differ from the text on their machine. What it means is its
size, so it is printed as a bound, the power of ten just above it: ``below 1e-10``.
"""

from __future__ import annotations

from decimal import Decimal

from course_lib._validation import as_real

__all__ = ["below_power_of_ten"]


def below_power_of_ten(value) -> str:
    """``'below 1e-10'`` for 1.7e-11: the smallest power of ten above ``abs(value)``, as words.

    The same on every machine unless the value lies within rounding of a power of ten. Exactly
    0 prints as ``'0'``.

    >>> below_power_of_ten(1.723049266329981e-11), below_power_of_ten(1.3906404916340702e-11)
    ('below 1e-10', 'below 1e-10')
    >>> below_power_of_ten(3.2e-10), below_power_of_ten(-0.25), below_power_of_ten(0.0), below_power_of_ten(1.7e308)
    ('below 1e-09', 'below 1e+00', '0', 'below 1e+309')
    """
    size = abs(as_real(value, "value"))
    if size == 0.0:
        return "0"
    exponent = Decimal(size).adjusted() + 1  # exact: the float's own decimal expansion, no log10 rounding
    return f"below 1e{exponent:+03d}"
