"""Turning a solution into a lesson: answers become stubs, outputs go, the rest stays."""

import pytest

from course_tools.lessons import NOTES_BEGIN, LessonSourceError, make_lesson, strip_answers, with_notes

SOLVED = '''### Exercise 3.2 · Add the bias
def net_input(x, w, b):
    """z = x·w + b."""
    ### BEGIN SOLUTION
    z = x @ w
    return z + b
    ### END SOLUTION'''


def test_answer_is_replaced_by_a_stub_naming_the_exercise_at_the_same_indentation():
    lesson = strip_answers(SOLVED)
    assert lesson.splitlines()[-1] == (
        '    raise NotImplementedError("Exercise 3.2: replace this line with your code, '
        'then run this cell and the check below it.")'
    )
    assert "return z + b" not in lesson and "BEGIN SOLUTION" not in lesson
    assert '"""z = x·w + b."""' in lesson  # the docstring students read is kept


def test_cells_without_markers_are_left_alone():
    assert strip_answers("x = 1\nprint(x)") == "x = 1\nprint(x)"


def test_two_answers_in_one_cell_both_become_stubs():
    source = SOLVED + "\n\n\ndef other():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION"
    assert strip_answers(source).count("NotImplementedError") == 2


@pytest.mark.parametrize(
    "source, message",
    [
        ("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION", "no '### Exercise N.M"),
        ("### Exercise 1.1 · top level\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "must be indented"),
        ("### Exercise 1.1 · open\ndef f():\n    ### BEGIN SOLUTION\n    return 1", "never closed"),
        ("### Exercise 1.1 · stray\ndef f():\n    return 1\n    ### END SOLUTION", "without a ### BEGIN"),
        ("### Exercise 1.1 · nested\ndef f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n", "inside another"),
    ],
)
def test_malformed_markers_are_reported_with_where_and_why(source, message):
    with pytest.raises(LessonSourceError, match=message):
        strip_answers(source, where="01-x.ipynb, cell 4")


def test_lesson_drops_outputs_counts_and_timing_but_keeps_slides_and_tags():
    solution = {
        "metadata": {"kernelspec": {"name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
        "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {"slideshow": {"slide_type": "slide"}}, "source": "# T"},
            {
                "cell_type": "code", "id": "b", "execution_count": 7, "source": SOLVED,
                "metadata": {"execution": {"x": 1}, "tags": ["nbval-skip"], "slideshow": {"slide_type": "-"}},
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi"}],
            },
        ],
    }
    lesson = make_lesson(solution)
    code = lesson["cells"][1]
    assert code["outputs"] == [] and code["execution_count"] is None
    assert code["metadata"] == {"tags": ["nbval-skip"], "slideshow": {"slide_type": "-"}}
    assert lesson["cells"][0] == solution["cells"][0]
    assert solution["cells"][1]["execution_count"] == 7, "the solution itself must not be modified"


NOTES = {"cell_type": "markdown", "id": "n", "metadata": {"slideshow": {"slide_type": "notes"}},
         "source": "Typical slips here: let students hit them."}


def _solution_with_notes():
    return {
        "metadata": {"kernelspec": {"name": "python3"}, "language_info": {"name": "python"},
                     "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {"x": 1}}}},
        "nbformat": 4, "nbformat_minor": 5,
        "cells": [{"cell_type": "markdown", "id": "a", "metadata": {"slideshow": {"slide_type": "slide"}},
                   "source": "## 2 · Running cells"}, NOTES],
    }


def test_students_lessons_leave_the_speaker_notes_out():
    lesson = make_lesson(_solution_with_notes())
    assert [cell["id"] for cell in lesson["cells"]] == ["a"]


def test_the_instructors_lessons_keep_the_speaker_notes():
    lesson = make_lesson(_solution_with_notes(), keep_notes=True)
    assert [cell["id"] for cell in lesson["cells"]] == ["a", "n"]


def test_lessons_keep_only_the_metadata_jupyter_needs_and_no_widget_state():
    assert set(make_lesson(_solution_with_notes())["metadata"]) == {"kernelspec", "language_info"}


def test_speaker_notes_go_into_the_instructors_page_under_their_section():
    page = with_notes("# 00 · Welcome — instructor notes\n\nHand-written text.\n", _solution_with_notes())
    assert page.startswith("# 00 · Welcome — instructor notes\n\nHand-written text.\n")
    assert "### 2 · Running cells\n\nTypical slips here: let students hit them." in page
    assert page.count(NOTES_BEGIN) == 1 and with_notes(page, _solution_with_notes()) == page, "idempotent"
