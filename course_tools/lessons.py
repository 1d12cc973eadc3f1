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

Lessons are stored clean: no outputs, no execution counts, no timing
metadata, and of the notebook's metadata only what Jupyter needs to run it
(no stored widget state).

Speaker notes (cells whose slide type is ``notes``) are for instructors. The
students' lessons leave them out; the instructors' copy of a lesson
(``python3 course.py open --instructor``) keeps them, and so do the static
slide decks' speaker view (built from ``solutions/``) and the generated
"Speaker notes" section of each page in ``instructors/`` (:func:`notes_section`).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import notebooks

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
_EXERCISE = re.compile(r"Exercise (\d+\.\d+)")
STUB = 'raise NotImplementedError("Exercise {number}: replace this line with your code, then run this cell and the check below it.")'
NOTEBOOK_METADATA = ("kernelspec", "language_info")  # what a lesson keeps of its solution's metadata
NOTES_BEGIN = "<!-- BEGIN SPEAKER NOTES: generated from solutions/ by `python3 course.py lessons`; edit them there -->"
NOTES_END = "<!-- END SPEAKER NOTES -->"


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


def is_notes(cell: dict) -> bool:
    """Whether ``cell`` is a speaker note (slide type ``notes``)."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"


def make_lesson(solution: dict, name: str = "notebook", *, keep_notes: bool = False) -> dict:
    """Return the lesson made from a solution notebook (a new dict): the students' by default,
    the instructors' (speaker notes kept) with ``keep_notes=True``."""
    lesson = {key: value for key, value in solution.items() if key not in ("cells", "metadata")}
    lesson["metadata"] = {k: v for k, v in solution["metadata"].items() if k in NOTEBOOK_METADATA}
    lesson["cells"] = []
    for index, cell in enumerate(solution["cells"]):
        if is_notes(cell) and not keep_notes:
            continue
        cell = dict(cell, metadata={k: v for k, v in cell.get("metadata", {}).items() if k != "execution"})
        if cell["cell_type"] == "code":
            cell["source"] = strip_answers(cell["source"], where=f"{name}, cell {index}")
            cell["outputs"] = []
            cell["execution_count"] = None
        lesson["cells"].append(cell)
    return lesson


def expected_lessons(solutions_dir: Path, *, keep_notes: bool = False) -> dict[str, str]:
    """Map each solution's file name to the exact text its lesson must have (see :func:`make_lesson`)."""
    return {
        path.name: notebooks.dumps(make_lesson(notebooks.read(path), name=path.name, keep_notes=keep_notes))
        for path in sorted(Path(solutions_dir).glob("*.ipynb"))
    }


def notes_section(solution: dict) -> str:
    """The speaker notes of a solution notebook as Markdown, under the heading of the section they follow."""
    parts, heading, shown = [], None, None
    for cell in solution["cells"]:
        if cell["cell_type"] == "markdown" and not is_notes(cell):
            found = re.search(r"^#{1,3} (.+)$", cell["source"], re.MULTILINE)
            heading = found.group(1).strip() if found else heading
        elif is_notes(cell):
            if heading != shown:
                parts.append(f"### {heading}")
                shown = heading
            parts.append(cell["source"].strip())
    body = "\n\n".join(parts) if parts else "This lesson has no speaker notes."
    return f"{NOTES_BEGIN}\n## Speaker notes\n\n{body}\n{NOTES_END}"


def with_notes(page: str, solution: dict) -> str:
    """``page`` (an instructors' page) with its speaker-notes section replaced or, if absent, appended."""
    section = notes_section(solution)
    if NOTES_BEGIN in page and NOTES_END in page:
        before, rest = page.split(NOTES_BEGIN, 1)
        return before + section + rest.split(NOTES_END, 1)[1]
    return page.rstrip("\n") + "\n\n" + section + "\n"


def write_notes(solutions_dir: Path, instructors_dir: Path) -> list[str]:
    """Bring the speaker notes of every page in ``instructors_dir`` up to date; return the pages changed."""
    changed = []
    for path in sorted(Path(solutions_dir).glob("*.ipynb")):
        page = Path(instructors_dir) / f"{path.stem}.md"
        if not page.exists():
            continue  # a test asks for the page; its text is the authors' to write
        text = page.read_text(encoding="utf-8")
        wanted = with_notes(text, notebooks.read(path))
        if wanted != text:
            page.write_text(wanted, encoding="utf-8")
            changed.append(page.name)
    return changed


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
