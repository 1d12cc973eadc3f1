"""The student's personal copy of the lessons.

``python3 course.py open`` copies every lesson the student does not have yet
into a git-ignored folder and never overwrites a file that is already there,
so that ``git pull`` can update ``lessons/`` without touching anyone's answers.

A small record (``.course-copies.json``) remembers the fingerprint of each
lesson as it was copied, so that when a lesson is later improved the student
is told, and shown how to get the new version without losing their own.
When the course renames or splits a lesson (:mod:`course_tools.renames`), the
student's old file stays as it is, the new lessons are copied in beside it, and
the student is told once which lesson became which.

Beside the lessons, a ``solutions/`` folder holds the solved, executed
notebooks, one click away in JupyterLab's file browser. They are the course's,
not the student's: every run replaces them, and they cannot be changed by
accident (the files are read-only, and every cell is marked not editable, which
JupyterLab honours even where file permissions do not apply, as for root).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .renames import notice, renamed_among

RECORD = ".course-copies.json"
TOLD_RENAMED = "renamed lessons already told"  # the record's key for the old files the student was told about
SOLUTIONS = "solutions"
GLOSSARY = "GLOSSARY.md"  # beside the lessons in the student's folder, where JupyterLab can open it
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


@dataclass
class CopyReport:
    """What one call of :func:`copy_new_lessons` did."""

    copied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    changed_upstream: list[str] = field(default_factory=list)
    solutions: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)  # old lesson files kept, told about for the first time

    def summary(self, work_dir: Path) -> str:
        """A few lines for the terminal."""
        lines = [f"Your own copy of the lessons is in {work_dir}"]
        if self.copied:
            lines.append(f"  new lessons copied: {', '.join(self.copied)}")
        if self.kept:
            lines.append(f"  your work kept untouched: {len(self.kept)} lesson(s)")
        if self.solutions:
            lines.append(f"  solutions, read-only, to compare with when stuck: {Path(work_dir) / SOLUTIONS}")
        for name in self.changed_upstream:
            stem = Path(name).stem
            lines.append(
                f"  note: lessons/{name} was updated since you copied it. Your copy is untouched; "
                f"to get the new version, rename yours (e.g. to {stem}-mine.ipynb) and run this command again."
            )
        lines += [f"  note: {line}" for line in notice(self.renamed)]
        return "\n".join(lines)


def fingerprint(data: bytes) -> str:
    """SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def _sources(lessons) -> dict[str, bytes]:
    """The lessons to copy, by file name: from a folder of notebooks, or a mapping of names to texts."""
    if isinstance(lessons, Mapping):
        return {name: text.encode("utf-8") for name, text in sorted(lessons.items())}
    return {path.name: path.read_bytes() for path in sorted(Path(lessons).glob("*.ipynb"))}


def copy_new_lessons(lessons, work_dir: Path) -> CopyReport:
    """Copy the lessons that are missing from ``work_dir``; never overwrite a file.

    ``lessons`` is a folder of notebooks, or a mapping of file names to notebook texts.
    """
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    record_path = work_dir / RECORD
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    report = CopyReport()
    for name, data in _sources(lessons).items():
        target = work_dir / name
        current = fingerprint(data)
        if target.exists():
            report.kept.append(name)
            if name in record and record[name] != current:
                report.changed_upstream.append(name)
            continue
        target.write_bytes(local_links(data))
        record[name] = current
        report.copied.append(name)
    told, current = record.get(TOLD_RENAMED, []), set(_sources(lessons))
    report.renamed = [old for old in renamed_among(p.name for p in work_dir.glob("*.ipynb"))
                      if old not in told and old not in current]
    if report.renamed:
        record[TOLD_RENAMED] = sorted(set(told) | set(report.renamed))
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report


def read_only_solution(notebook: dict, *, keep_notes: bool = False) -> dict:
    """``notebook`` with every cell marked not editable and not deletable (JupyterLab honours both),
    and without the speaker notes unless ``keep_notes``."""
    from .lessons import is_notes

    cells = [dict(cell, metadata={**cell.get("metadata", {}), "editable": False, "deletable": False})
             for cell in notebook["cells"] if keep_notes or not is_notes(cell)]
    return dict(notebook, cells=cells)


def refresh_solutions(solutions_dir: Path, work_dir: Path, *, keep_notes: bool = False) -> list[str]:
    """Put a fresh, read-only copy of every solution in ``work_dir/solutions/``; return their names.

    Older copies are replaced (they are the course's, never the student's work), and
    copies of solutions that no longer exist are removed. Speaker notes are left out
    unless ``keep_notes`` (the instructor's copy).
    """
    from . import notebooks  # standard library only, like this module

    target_dir = Path(work_dir) / SOLUTIONS
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    wanted = {path.name: path for path in sorted(Path(solutions_dir).glob("*.ipynb"))}
    for old in target_dir.glob("*.ipynb"):
        os.chmod(old, stat.S_IRUSR | stat.S_IWUSR)  # writable again, to replace or remove it
        if old.name not in wanted:
            old.unlink()
    for name, path in wanted.items():
        target = target_dir / name
        notebooks.write(read_only_solution(notebooks.read(path), keep_notes=keep_notes), target)
        os.chmod(target, READ_ONLY)
        written.append(name)
    return written


def local_links(data: bytes) -> bytes:
    """A lesson's links to the course's glossary, ``../GLOSSARY.md``, pointed at the copy beside it.

    In the repository the lessons sit in ``lessons/`` and the glossary one folder up; in the
    student's folder JupyterLab cannot open anything above its root, so the glossary is copied in.

    >>> local_links(b'[bias](../GLOSSARY.md#bias)')
    b'[bias](GLOSSARY.md#bias)'
    """
    return data.replace(b"](../" + GLOSSARY.encode(), b"](" + GLOSSARY.encode())


def refresh_glossary(glossary: Path, work_dir: Path) -> bool:
    """Put a fresh, read-only copy of the course's glossary in ``work_dir``; ``False`` if there is none."""
    glossary, target = Path(glossary), Path(work_dir) / GLOSSARY
    if not glossary.is_file():
        return False
    if target.exists():
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    target.write_bytes(glossary.read_bytes())
    os.chmod(target, READ_ONLY)
    return True


def prepare_work_dir(lessons, solutions_dir: Path, work_dir: Path, *, keep_notes: bool = False) -> CopyReport:
    """Copy new lessons into ``work_dir`` (never overwriting), and refresh its read-only solutions and glossary.

    The solutions sit in ``work_dir/solutions/``, whose ``../GLOSSARY.md`` is the copy in ``work_dir``.
    """
    report = copy_new_lessons(lessons, work_dir)
    report.solutions = refresh_solutions(solutions_dir, work_dir, keep_notes=keep_notes)
    refresh_glossary(Path(solutions_dir).parent / GLOSSARY, work_dir)
    return report
