"""The student's personal copy of the lessons.

``python3 course.py open`` copies every lesson the student does not have yet
into a git-ignored folder and never overwrites a file that is already there,
so that ``git pull`` can update ``lessons/`` without touching anyone's answers.

A small record (``.course-copies.json``) remembers the fingerprint of each
lesson as it was copied, so that when a lesson is later improved the student
is told, and shown how to get the new version without losing their own.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

RECORD = ".course-copies.json"


@dataclass
class CopyReport:
    """What one call of :func:`copy_new_lessons` did."""

    copied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    changed_upstream: list[str] = field(default_factory=list)

    def summary(self, work_dir: Path) -> str:
        """A few lines for the terminal."""
        lines = [f"Your own copy of the lessons is in {work_dir}"]
        if self.copied:
            lines.append(f"  new lessons copied: {', '.join(self.copied)}")
        if self.kept:
            lines.append(f"  your work kept untouched: {len(self.kept)} lesson(s)")
        for name in self.changed_upstream:
            stem = Path(name).stem
            lines.append(
                f"  note: lessons/{name} was updated since you copied it. Your copy is untouched; "
                f"to get the new version, rename yours (e.g. to {stem}-mine.ipynb) and run this command again."
            )
        return "\n".join(lines)


def fingerprint(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def copy_new_lessons(lessons_dir: Path, work_dir: Path) -> CopyReport:
    """Copy the lessons that are missing from ``work_dir``; never overwrite a file."""
    lessons_dir, work_dir = Path(lessons_dir), Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    record_path = work_dir / RECORD
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    report = CopyReport()
    for lesson in sorted(lessons_dir.glob("*.ipynb")):
        target = work_dir / lesson.name
        current = fingerprint(lesson)
        if target.exists():
            report.kept.append(lesson.name)
            if lesson.name in record and record[lesson.name] != current:
                report.changed_upstream.append(lesson.name)
            continue
        shutil.copyfile(lesson, target)
        record[lesson.name] = current
        report.copied.append(lesson.name)
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report
