"""Students' own work is never lost: new lessons are copied in, existing files never overwritten."""

import json
from pathlib import Path

from course_tools.student_copy import RECORD, copy_new_lessons, prepare_work_dir


def _lessons(tmp_path, **files):
    folder = tmp_path / "lessons"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.ipynb").write_text(text)
    return folder


def test_first_open_copies_every_lesson(tmp_path):
    lessons = _lessons(tmp_path, **{"00-a": "A", "01-b": "B"})
    report = copy_new_lessons(lessons, tmp_path / "mine")
    assert report.copied == ["00-a.ipynb", "01-b.ipynb"]
    assert (tmp_path / "mine" / "01-b.ipynb").read_text() == "B"


def test_a_students_answers_survive_a_course_update(tmp_path):
    lessons = _lessons(tmp_path, **{"00-a": "original"})
    mine = tmp_path / "mine"
    copy_new_lessons(lessons, mine)
    (mine / "00-a.ipynb").write_text("my answers")
    _lessons(tmp_path, **{"00-a": "improved by the authors", "01-b": "new lesson"})  # git pull
    report = copy_new_lessons(lessons, mine)
    assert (mine / "00-a.ipynb").read_text() == "my answers"
    assert report.copied == ["01-b.ipynb"] and report.kept == ["00-a.ipynb"]
    assert report.changed_upstream == ["00-a.ipynb"]
    assert "rename yours (e.g. to 00-a-mine.ipynb)" in report.summary(mine)


def test_renaming_ones_copy_brings_the_new_version_beside_it(tmp_path):
    lessons = _lessons(tmp_path, **{"00-a": "v1"})
    mine = tmp_path / "mine"
    copy_new_lessons(lessons, mine)
    _lessons(tmp_path, **{"00-a": "v2"})
    (mine / "00-a.ipynb").rename(mine / "00-a-mine.ipynb")
    report = copy_new_lessons(lessons, mine)
    assert report.copied == ["00-a.ipynb"] and (mine / "00-a.ipynb").read_text() == "v2"
    assert report.changed_upstream == []
    assert json.loads((mine / RECORD).read_text())["00-a.ipynb"]


def test_unchanged_course_reports_nothing_to_do(tmp_path):
    lessons = _lessons(tmp_path, **{"00-a": "A"})
    copy_new_lessons(lessons, tmp_path / "mine")
    report = copy_new_lessons(lessons, tmp_path / "mine")
    assert (report.copied, report.changed_upstream, report.kept) == ([], [], ["00-a.ipynb"])


def test_the_student_folder_is_ignored_by_git():
    from pathlib import Path
    gitignore = (Path(__file__).resolve().parent.parent / ".gitignore").read_text().splitlines()
    assert "/my-lessons/" in gitignore


def _solutions(tmp_path, *names):
    from course_tools import notebooks
    folder = tmp_path / "solutions"
    folder.mkdir(exist_ok=True)
    for name in names:
        cell = {"cell_type": "code", "id": "c", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": 1}
        notebooks.write({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, folder / f"{name}.ipynb")
    return folder


def test_the_solutions_sit_beside_the_lessons_read_only_and_locked_against_edits(tmp_path):
    import stat

    from course_tools import notebooks
    mine = tmp_path / "mine"
    report = prepare_work_dir(_lessons(tmp_path, **{"00-a": "A"}), _solutions(tmp_path, "00-a"), mine)
    copy = mine / "solutions" / "00-a.ipynb"
    assert report.solutions == ["00-a.ipynb"] and "solutions, read-only" in report.summary(mine)
    assert not copy.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH), "the file is read-only"
    cell = notebooks.read(copy)["cells"][0]
    assert cell["metadata"] == {"editable": False, "deletable": False}, "JupyterLab locks every cell"
    assert cell["outputs"] == [] and cell["source"] == "x = 1"


def test_the_students_solutions_leave_the_speaker_notes_out_and_the_instructors_keep_them():
    from course_tools.student_copy import read_only_solution
    notes = {"cell_type": "markdown", "id": "n", "metadata": {"slideshow": {"slide_type": "notes"}}, "source": "Say…"}
    notebook = {"cells": [notes], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    assert read_only_solution(notebook)["cells"] == []
    assert [c["id"] for c in read_only_solution(notebook, keep_notes=True)["cells"]] == ["n"]


def test_the_solutions_are_renewed_on_every_run_and_stale_ones_removed(tmp_path):
    mine = tmp_path / "mine"
    lessons = _lessons(tmp_path, **{"00-a": "A"})
    prepare_work_dir(lessons, _solutions(tmp_path, "00-a", "01-b"), mine)
    (tmp_path / "solutions" / "01-b.ipynb").unlink()
    _solutions(tmp_path, "02-c")
    report = prepare_work_dir(lessons, tmp_path / "solutions", mine)
    assert report.solutions == ["00-a.ipynb", "02-c.ipynb"]
    assert sorted(p.name for p in (mine / "solutions").iterdir()) == ["00-a.ipynb", "02-c.ipynb"]


def test_lessons_can_come_from_generated_texts_as_for_the_instructors_copy(tmp_path):
    report = copy_new_lessons({"00-a.ipynb": "with notes"}, tmp_path / "teach")
    assert report.copied == ["00-a.ipynb"] and (tmp_path / "teach" / "00-a.ipynb").read_text() == "with notes"


def test_the_instructors_folder_is_ignored_by_git():
    from pathlib import Path
    gitignore = (Path(__file__).resolve().parent.parent / ".gitignore").read_text().splitlines()
    assert "/instructor-lessons/" in gitignore


def test_the_glossary_sits_beside_the_students_lessons_and_their_links_reach_it(tmp_path):
    (tmp_path / "GLOSSARY.md").write_text("## bias\nMinus the threshold.\n")
    lessons = _lessons(tmp_path, **{"01-a": '{"source": "a [bias](../GLOSSARY.md#bias)"}'})
    mine = tmp_path / "mine"
    prepare_work_dir(lessons, _solutions(tmp_path, "01-a"), mine)
    assert (mine / "GLOSSARY.md").read_text() == "## bias\nMinus the threshold.\n"
    assert "[bias](GLOSSARY.md#bias)" in (mine / "01-a.ipynb").read_text(), "the link points at the copy beside it"
    assert json.loads((mine / RECORD).read_text())["01-a.ipynb"], "the record keeps the course's own fingerprint"


OLD_06, OLD_07 = "06-the-multilayer-perceptron.ipynb", "07-capstone-handwritten-digits.ipynb"
NEW = {"06-backpropagation": "06 new", "07-generalisation": "07 new", "08-capstone-handwritten-digits": "08 new"}


def test_a_renamed_lesson_stays_as_the_student_left_it_the_new_ones_arrive_and_the_student_is_told_once(tmp_path):
    mine = tmp_path / "mine"
    copy_new_lessons(_lessons(tmp_path, **{OLD_06[:-6]: "old 06", OLD_07[:-6]: "old 07"}), mine)
    (mine / OLD_06).write_text("my answers to the old 06")
    for old in (OLD_06, OLD_07):
        (tmp_path / "lessons" / old).unlink()  # the course renames them (git pull)
    report = copy_new_lessons(_lessons(tmp_path, **NEW), mine)
    assert (mine / OLD_06).read_text() == "my answers to the old 06" and (mine / OLD_07).read_text() == "old 07"
    assert report.copied == [f"{name}.ipynb" for name in NEW] and report.renamed == [OLD_06, OLD_07]
    summary = report.summary(mine)
    assert (f"note: the course renamed {OLD_06}, split in two: it is now 06-backpropagation.ipynb and "
            f"07-generalisation.ipynb. Your {OLD_06} stays as it was.") in summary
    assert f"it is now 08-capstone-handwritten-digits.ipynb. Your {OLD_07} stays" in summary
    again = copy_new_lessons(tmp_path / "lessons", mine)
    assert again.renamed == [] and "the course renamed" not in again.summary(mine), "told once, not at every open"


def test_a_student_who_starts_after_the_renaming_is_told_nothing_about_it(tmp_path):
    report = copy_new_lessons(_lessons(tmp_path, **NEW), tmp_path / "mine")
    assert report.renamed == [] and "the course renamed" not in report.summary(tmp_path / "mine")


def test_an_old_name_the_course_still_has_is_no_renaming(tmp_path):
    mine = tmp_path / "mine"
    copy_new_lessons(_lessons(tmp_path, **{OLD_07[:-6]: "old 07"}), mine)
    assert copy_new_lessons(tmp_path / "lessons", mine).renamed == []


def _git(cwd, *args):
    import subprocess
    subprocess.run(["git", "-c", "user.name=course", "-c", "user.email=course@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


def _hand_out(branch_dir, lessons: dict, message: str):
    """Replace the hand-out branch's lessons with ``lessons`` (name -> text) and commit."""
    folder = branch_dir / "lessons"
    for old in folder.glob("*"):
        old.unlink()
    for name, text in lessons.items():
        (folder / name).write_text(text)
    _git(branch_dir, "add", "-A")
    _git(branch_dir, "commit", "-qm", message)


def _pull(upstream, clone):
    """What the hub's link does for a student: nbgitpuller clones, or merges the update into the clone."""
    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "nbgitpuller.pull", str(upstream), "main", str(clone)], check=True,
                   capture_output=True)


def test_a_hub_hand_out_that_keeps_the_renamed_lessons_leaves_every_students_copy_alone(tmp_path):
    """nbgitpuller merges each update into the student's clone, as a class on a hub gets it."""
    import shutil

    from course_tools.hub import RENAMED_NOTE, keep_renamed_lessons
    root = Path(__file__).resolve().parent.parent
    old_06 = (root / "tests" / "test_student_copy.py").read_text()  # any text of many lines
    old_07 = "\n".join(f"old capstone line {i}" for i in range(200))
    upstream = tmp_path / "upstream"
    (upstream / "lessons").mkdir(parents=True)
    _git(upstream, "init", "-q", "--initial-branch=main")
    _hand_out(upstream, {"00-welcome.ipynb": "00", OLD_06: old_06, OLD_07: old_07}, "the course")
    ada, alan = tmp_path / "ada" / "course", tmp_path / "alan" / "course"
    for student in (ada, alan):
        _pull(upstream, student)
    answered = old_06.replace("import json", "import json  # ada's answer", 1)
    (ada / "lessons" / OLD_06).write_text(answered)  # alan changes nothing

    previous = tmp_path / "previous"
    shutil.copytree(upstream / "lessons", previous)
    new = {"00-welcome.ipynb": "00", "06-backpropagation.ipynb": old_06.replace("Students", "Learners"),  # git would
           "07-generalisation.ipynb": "07 new", "08-capstone-handwritten-digits.ipynb": "08 new"}     # see a rename
    _hand_out(upstream, new, "lesson 06 split")
    assert keep_renamed_lessons(previous, upstream / "lessons") == [OLD_06, OLD_07]
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-qm", "the renamed lessons kept for the students")
    for student in (ada, alan):
        _pull(upstream, student)

    assert (ada / "lessons" / OLD_06).read_text() == answered, "ada's answers stay in her file"
    assert (alan / "lessons" / OLD_06).read_text() == old_06 and (alan / "lessons" / OLD_07).read_text() == old_07
    for student in (ada, alan):
        for name, text in new.items():
            assert (student / "lessons" / name).read_text() == text, f"{name} arrives whole"
        note = (student / "lessons" / RENAMED_NOTE).read_text()
        assert f"Your copy of {OLD_06} stays as it was" in note and "08-capstone-handwritten-digits.ipynb" in note


def test_the_student_branch_keeps_a_renamed_lesson_for_the_students_who_have_it(tmp_path):
    """`python3 -m course_tools.hub student-branch` after a renaming: each clone keeps its old lesson as it was."""
    import subprocess
    import sys

    from course_tools.hub import RENAMED_NOTE, student_branch
    course = tmp_path / "course"
    (course / "lessons").mkdir(parents=True)
    _git(course, "init", "-q", "--initial-branch=main")
    old_06 = "\n".join(f"old lesson 06 line {i}" for i in range(200))
    _hand_out(course, {"00-welcome.ipynb": "00", OLD_06: old_06}, "the course")
    assert student_branch(course) is not None
    ada = tmp_path / "ada" / "course"
    pull = [sys.executable, "-m", "nbgitpuller.pull", str(course), "student", str(ada)]
    subprocess.run(pull, check=True, capture_output=True)
    answered = old_06.replace("line 3", "line 3  # ada's answer")
    (ada / "lessons" / OLD_06).write_text(answered)

    new = {"00-welcome.ipynb": "00", "06-backpropagation.ipynb": old_06.replace("old", "new", 150),  # a "rename"
           "07-generalisation.ipynb": "07 new"}
    _hand_out(course, new, "lesson 06 split")
    assert student_branch(course) is not None
    assert student_branch(course) is None, "nothing changed: no new commit"
    subprocess.run(pull, check=True, capture_output=True)

    assert (ada / "lessons" / OLD_06).read_text() == answered, "ada's answers stay in her file"
    for name, text in new.items():
        assert (ada / "lessons" / name).read_text() == text, f"{name} arrives whole"
    assert f"Your copy of {OLD_06} stays as it was" in (ada / "lessons" / RENAMED_NOTE).read_text()
