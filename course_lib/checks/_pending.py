"""Cells that run the student's own functions, in a lesson whose exercises are not all done yet.

A lesson sometimes uses the student's functions outside their check cells (lesson 06 trains a
network with them). On a fresh copy those functions are still stubs that raise
``NotImplementedError("Exercise 6.7: …")``, and "Run All" would stop there. Such a cell wraps its
code in ``with uses_your_functions():``: a stub (even one a library call such as
``mlp.gradient_check`` wrapped in its own error) is reported in one line, as a check cell reports
it, and a later wrapped cell that needs what the skipped one would have made says so instead of
failing with a ``NameError``. Every other error goes through: a bug in the student's code must show.
"""

from __future__ import annotations

import re

from ._core import NOT_ATTEMPTED

__all__ = ["uses_your_functions"]

_EXERCISE = re.compile(r"Exercise (\d+\.\d+)")


def _stub_exercise(error: BaseException):
    """The ``Exercise N.M`` match of the stub behind ``error`` (also when a library call wrapped it), or None."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, NotImplementedError):
            found = _EXERCISE.search(str(error))
            if found:
                return found
        error = error.__cause__ or error.__context__
    return None


class uses_your_functions:  # noqa: N801 - used as a statement, `with uses_your_functions():`
    """Run a cell's code; report, instead of raising, an exercise that is not done yet.

    >>> def train():
    ...     raise NotImplementedError("Exercise 6.7: replace this line with your code")
    >>> with uses_your_functions():
    ...     params = train()
    ◻ This cell runs your own functions, and Exercise 6.7 is not done yet: complete it (its check cell says when it is right), then run this cell again.
    >>> with uses_your_functions():
    ...     print(params_never_made)
    ◻ This cell needs what a cell above would have made once Exercise 6.7 is done.
    """

    waiting_for: str | None = None  # the exercise the last skipped cell waited for (shared by all cells)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        if kind is None:
            return False
        found = _stub_exercise(error)
        if found:
            type(self).waiting_for = found.group(1)
            print(f"{NOT_ATTEMPTED} This cell runs your own functions, and Exercise {found.group(1)} is not done yet: "
                  "complete it (its check cell says when it is right), then run this cell again.")
            return True
        if issubclass(kind, NameError) and type(self).waiting_for:
            print(f"{NOT_ATTEMPTED} This cell needs what a cell above would have made once Exercise "
                  f"{type(self).waiting_for} is done.")
            return True
        return False
