"""Check cells: immediate, friendly feedback on the student's own functions.

Each lesson's exercises are followed by a cell such as
``check_celsius_to_fahrenheit(celsius_to_fahrenheit)``. See ``_core`` for the
contract every check follows.
"""

from ._core import NOT_ATTEMPTED, PASSED, preview_feedback
from .welcome import check_celsius_to_fahrenheit

__all__ = ["NOT_ATTEMPTED", "PASSED", "preview_feedback", "check_celsius_to_fahrenheit"]
