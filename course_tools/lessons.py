"""Generate the student notebooks in ``lessons/`` from ``solutions/``.

A solution marks each answer with two comment lines, inside a function body::

    ### Exercise 1.2 · Add the bias
    def net_input(x, w, b):
        ### BEGIN SOLUTION
        return x @ w + b
        ### END SOLUTION

The lesson keeps everything else and replaces each marked block with one line
that raises ``NotImplementedError("Exercise 1.2: …")`` at the same indentation.
Answers must sit inside a function so that "Run All" on a fresh lesson still
reaches the end: the check cell below reports "not attempted" instead of the
stub's exception stopping the notebook.

Lessons are stored clean: no outputs, no execution counts, no timing metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import notebooks

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
_EXERCISE = re.compile(r"Exercise (\d+\.\d+)")
STUB = 'raise NotImplementedError("Exercise {number}: replace this line with your code, then run this cell and the check below it.")'


class LessonSourceError(ValueError):
    """A solution notebook whose exercise markers cannot be turned into a lesson."""


def strip_answers(source: str, where: str = "cell") -> str:
    """Replace every marked answer in one code cell's ``source`` with a stub.

    >>> cell = "### Exercise 0.1 · Say hi\\ndef hi():\\n    ### BEGIN SOLUTION\\n    return 'hi'\\n    ### END SOLUTION"
    >>> print(strip_answers(cell))
    ### Exercise 0.1 · Say hi
    def hi():
        raise NotImplementedError("Exercise 0.1: replace this line with your code, then run this cell and the check below it.")
    """
    if BEGIN not in source and END not in source:
        return source
    found = _EXERCISE.search(source)
    if found is None:
        raise LessonSourceError(
            f"{where} has a solution block but no '### Exercise N.M · title' line naming the exercise."
        )
    lines_out, inside = [], False
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if inside:
                raise LessonSourceError(f"{where}, line {number}: {BEGIN} inside another solution block.")
            indent = line[: len(line) - len(line.lstrip())]
            if not indent:
                raise LessonSourceError(
                    f"{where}, line {number}: {BEGIN} must be indented inside a function body, "
                    "so that the lesson's stub raises only when the student's function is called."
                )
            lines_out.append(indent + STUB.format(number=found.group(1)))
            inside = True
        elif stripped == END:
            if not inside:
                raise LessonSourceError(f"{where}, line {number}: {END} without a {BEGIN} before it.")
            inside = False
        elif not inside:
            lines_out.append(line)
    if inside:
        raise LessonSourceError(f"{where}: {BEGIN} is never closed by {END}.")
    return "\n".join(lines_out)


def make_lesson(solution: dict, name: str = "notebook") -> dict:
    """Return the student version of a solution notebook (a new dict)."""
    lesson = {key: value for key, value in solution.items() if key != "cells"}
    lesson["cells"] = []
    for index, cell in enumerate(solution["cells"]):
        cell = dict(cell, metadata={k: v for k, v in cell.get("metadata", {}).items() if k != "execution"})
        if cell["cell_type"] == "code":
            cell["source"] = strip_answers(cell["source"], where=f"{name}, cell {index}")
            cell["outputs"] = []
            cell["execution_count"] = None
        lesson["cells"].append(cell)
    return lesson


def expected_lessons(solutions_dir: Path) -> dict[str, str]:
    """Map each solution's file name to the exact text its lesson must have."""
    return {
        path.name: notebooks.dumps(make_lesson(notebooks.read(path), name=path.name))
        for path in sorted(Path(solutions_dir).glob("*.ipynb"))
    }


def write_lessons(solutions_dir: Path, lessons_dir: Path) -> list[str]:
    """Regenerate ``lessons_dir`` from ``solutions_dir``; return the names that changed.

    Lessons whose solution no longer exists are removed.
    """
    lessons_dir = Path(lessons_dir)
    lessons_dir.mkdir(exist_ok=True)
    wanted = expected_lessons(solutions_dir)
    changed = []
    for name, text in wanted.items():
        target = lessons_dir / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    for stale in sorted(set(p.name for p in lessons_dir.glob("*.ipynb")) - set(wanted)):
        (lessons_dir / stale).unlink()
        changed.append(stale)
    return changed
