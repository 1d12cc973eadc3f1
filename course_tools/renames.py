"""Lessons the course renamed or split, and what a student who has the old files is told.

A student's copy of a lesson is theirs: when the course renames a lesson, the old file stays
exactly as it is, the new lessons arrive beside it, and the student is told once which lesson
became which (``python3 course.py open``, see :mod:`course_tools.student_copy`; on a hub, the
hand-out keeps the old files, see :func:`course_tools.hub.keep_renamed_lessons`).
Standard library only, like the rest of ``course_tools``.
"""

from __future__ import annotations

RENAMED = {
    # issue 20: lesson 06 split in two, so the capstone moved from 07 to 08
    "06-the-multilayer-perceptron.ipynb": ("06-backpropagation.ipynb", "07-generalisation.ipynb"),
    "07-capstone-handwritten-digits.ipynb": ("08-capstone-handwritten-digits.ipynb",),
}
"""Old lesson file -> the lesson files that now teach what it taught."""


def renamed_among(names) -> list[str]:
    """The old lesson files among ``names``, in the course's order.

    >>> renamed_among(["07-capstone-handwritten-digits.ipynb", "01-the-artificial-neuron.ipynb"])
    ['07-capstone-handwritten-digits.ipynb']
    """
    names = set(names)
    return [old for old in RENAMED if old in names]


def notice(old_names, where: str = "") -> list[str]:
    """One line per old lesson file: it is kept as it was, and what teaches it now.

    >>> print(notice(["07-capstone-handwritten-digits.ipynb"])[0])
    the course renamed 07-capstone-handwritten-digits.ipynb: it is now 08-capstone-handwritten-digits.ipynb. Your 07-capstone-handwritten-digits.ipynb stays as it was.
    """
    lines = []
    for old in renamed_among(old_names):
        now = " and ".join(RENAMED[old])
        split = ", split in two" if len(RENAMED[old]) > 1 else ""
        lines.append(f"the course renamed {old}{split}: it is now {now}. Your {where}{old} stays as it was.")
    return lines
