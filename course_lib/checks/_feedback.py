"""What a student sees when a check fails: a few short lines, never the checker's code.

A failed check raises :class:`CheckFailed`, an ``AssertionError`` (so that nbval,
pytest and scripts see a failure). IPython asks an exception for its own
rendering through ``_render_traceback_`` (the protocol ipyparallel uses for remote
errors), so in JupyterLab and the classic notebook the red box holds only::

    ✘ Exercise 2.1 · sigmoid is not right yet
      input      sigmoid(-3.0)
      expected   0.04743
      received   0.9526
    Hint: Check the sign of the exponent: ...

and, when the student's function crashed, the error and the student's own line
(their frames only: nothing from ``course_lib``, numpy or Python itself). Lines
are wrapped at :data:`WIDTH` characters between words, so that the browser never
has to break a word in two. ``str(error)`` stays the plain two-line message.
"""

from __future__ import annotations

import linecache
import os
import sys
import sysconfig
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

WIDTH = 76  # characters: fits JupyterLab's output area at 1280 px with the file browser open
LABEL = 11  # width of the label column ("expected   ")
MAX_LINES = 10  # a failed check's whole message, hint included
_PACKAGE = str(Path(__file__).resolve().parent.parent) + os.sep  # course_lib/
_LIBRARIES = tuple({os.path.realpath(p) for p in (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
                                                  sysconfig.get_paths()["platlib"])})


@dataclass(frozen=True)
class Frame:
    """One line of the student's own code on the way to an error."""

    function: str
    line_number: int
    source: str
    namespace: dict | None = field(default=None, compare=False, repr=False)  # the frame's names, for shapes


def is_student_file(filename: str) -> bool:
    """Whether ``filename`` holds the student's code: not course_lib, not Python's or a package's.

    >>> is_student_file(__file__)
    False
    """
    if not filename or filename.startswith("<frozen"):
        return False
    real = os.path.realpath(filename)
    return not (real.startswith(_PACKAGE) or real.startswith(_LIBRARIES))


def student_frames(error: BaseException, limit: int = 3) -> list[Frame]:
    """The frames of ``error``'s traceback that are the student's, innermost last (at most ``limit``).

    A function that calls itself shows its line once, not a thousand times.
    """
    frames: list[Frame] = []
    traceback = error.__traceback__
    while traceback is not None:
        code = traceback.tb_frame.f_code
        if is_student_file(code.co_filename):
            frame = Frame(code.co_name, traceback.tb_lineno,
                          linecache.getline(code.co_filename, traceback.tb_lineno).strip(),
                          {**traceback.tb_frame.f_globals, **traceback.tb_frame.f_locals})
            if not frames or (frames[-1].line_number, frames[-1].source) != (frame.line_number, frame.source):
                frames.append(frame)  # a comprehension's own frame repeats its line: show it once
        traceback = traceback.tb_next
    return frames[-limit:]


def warning_frames(warning) -> list[Frame]:
    """The student's line that issued ``warning`` (a ``warnings.WarningMessage``), if it is theirs."""
    if not is_student_file(warning.filename):
        return []
    source = linecache.getline(warning.filename, warning.lineno).strip()
    return [Frame("your function", warning.lineno, source)] if source else []


def _use_colour() -> bool:
    """Colour only inside IPython, and not when its profile asks for no colour (as the tests' does)."""
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    return bool(shell) and str(getattr(shell, "colors", "")).lower() != "nocolor"


def _wrap(label: str, text: str, indent: int = 2) -> list[str]:
    """``text`` wrapped after a label column, continuation lines aligned under the text."""
    lead = " " * indent + label.ljust(LABEL)
    lines = []
    for paragraph in str(text).splitlines() or [""]:
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead),
                               break_long_words=False, break_on_hyphens=False) or [lead.rstrip()]
        lead = " " * len(lead)
    return lines


class CheckFailed(AssertionError):
    """A failed check, rendered for the student in a few lines (see the module docstring).

    Parameters
    ----------
    title : str
        ``"Exercise 2.1 · sigmoid is not right yet"``.
    rows : list of (label, text)
        The facts, e.g. ``[("input", "sigmoid(-3.0)"), ("expected", "0.04743"), ("received", "0.9526")]``.
    hint : str
    frames : list of Frame
        The student's lines that led to an error, innermost last.
    plain : str
        ``str(self)``: the message for scripts and tests.
    """

    def __init__(self, title: str, rows, hint: str, *, frames=(), plain: str):
        super().__init__(plain)
        self.title, self.rows, self.hint, self.frames = title, list(rows), hint, list(frames)

    def lines(self) -> list[str]:
        """The rendered lines, without colour: at most :data:`MAX_LINES` whenever the facts allow.

        When the student's code went through several of their functions, the outer frames are
        left out first (the innermost line is where it stopped); then the longest rows are cut
        to two lines, then to one.
        """
        hint = textwrap.wrap(f"Hint: {self.hint}", WIDTH, subsequent_indent="      ",
                             break_long_words=False, break_on_hyphens=False)
        rows = [_wrap(label, text) for label, text in self.rows]
        frames = list(self.frames)
        while True:
            frame_lines = []
            for number, frame in enumerate(frames):
                where = f"{frame.function}, line {frame.line_number}" + (":" if frame.source else "")
                frame_lines += _wrap("your code" if number == 0 else "", where)
                if frame.source:
                    source = frame.source if len(frame.source) <= WIDTH - LABEL - 4 else (
                        frame.source[:WIDTH - LABEL - 6].rstrip() + " …")  # never wider than the box
                    frame_lines.append(" " * (2 + LABEL + 2) + source)
            total = 1 + sum(map(len, rows)) + len(frame_lines) + len(hint)
            if total <= MAX_LINES or len(frames) <= 1:
                break
            frames = frames[1:]
        for keep in (2, 1):  # then cut the longest rows, to two lines each, then to one
            while total > MAX_LINES and any(len(row) > keep for row in rows):
                longest = max(range(len(rows)), key=lambda i: len(rows[i]))
                total -= len(rows[longest]) - keep
                rows[longest] = rows[longest][:keep - 1] + [rows[longest][keep - 1][:WIDTH - 2].rstrip() + " …"]
        return [f"✘ {self.title}"] + [line for row in rows for line in row] + frame_lines + hint

    def _render_traceback_(self) -> list[str]:
        """IPython's protocol: the lines to show instead of a traceback."""
        lines = self.lines()
        if _use_colour():
            lines[0] = f"\x1b[1;31m{lines[0]}\x1b[0m"
            lines = [f"\x1b[1mHint:\x1b[0m{line[5:]}" if line.startswith("Hint:") else line for line in lines]
        return lines
