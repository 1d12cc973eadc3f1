"""What the student sees when a check fails: a few short lines from the exception's own rendering
(IPython's ``_render_traceback_``), and hints the engine finds for every checker by itself."""

import linecache
import math

import numpy as np
import pytest

from course_lib.checks._core import Case, Exercise, Mistake, run_check
from course_lib.checks._feedback import WIDTH, CheckFailed, is_student_file

EXERCISE = Exercise("9.2", "scaled", "scaled multiplies by 2.5")
GENERAL = "Multiply by 2.5."


def _check(function, mistakes=()):
    run_check(EXERCISE, function,
              cases=[Case(np.array([1.0, -2.0, 4.0])), Case(0.4), Case(np.array([[1.5, 3.0], [-0.5, 2.0]]))],
              reference=lambda x: 2.5 * np.asarray(x, dtype=float) if np.ndim(x) else 2.5 * x,
              mistakes=mistakes, general_hint=GENERAL)


def _student(source: str, name: str = "scaled"):
    """The function ``name`` defined by ``source`` as in a notebook cell, whose lines Python can show."""
    filename = f"/tmp/ipykernel_0/{abs(hash(source))}.py"  # where a kernel keeps a cell's code
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"np": np, "math": math}
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - a student's cell, in miniature
    return namespace[name]


def _failure(function, **options) -> CheckFailed:
    with pytest.raises(CheckFailed) as caught:
        _check(function, **options)
    return caught.value


def test_a_failed_check_is_an_assertion_error_that_renders_itself_for_ipython():
    failure = _failure(lambda x: 2 * x)
    assert isinstance(failure, AssertionError)
    rendered = failure._render_traceback_()
    assert isinstance(rendered, list) and all(isinstance(line, str) for line in rendered)
    assert rendered[0] == "✘ Exercise 9.2 · scaled is not right yet"
    assert [line.split()[0] for line in rendered[1:4]] == ["input", "expected", "received"]
    assert rendered[-1].startswith("Hint: ") and len(rendered) <= 6


def test_the_rendering_shows_no_checker_source_and_no_frame_of_course_lib():
    rendered = "\n".join(_failure(lambda x: 2 * x)._render_traceback_())
    for machinery in ("run_check", "course_lib", "Traceback", "File ", "Mistake(", "reference"):
        assert machinery not in rendered


def test_long_lines_wrap_between_words_within_the_width():
    long_hint = " ".join(["representation"] * 30)
    failure = _failure(lambda x: 2 * x, mistakes=[Mistake(long_hint, lambda x: 2 * np.asarray(x))])
    lines = failure.lines()
    assert max(map(len, lines)) <= WIDTH
    words = " ".join(lines).split()
    assert words.count("representation") == 30, "every word stays whole"


def test_a_crash_shows_the_students_own_line_and_nothing_of_ours():
    failure = _failure(_student("def scaled(x):\n    factor = 2.5\n    return math.exp(x) * factor"))
    text = "\n".join(failure.lines())
    assert "return math.exp(x) * factor" in text and "scaled, line 3" in text
    assert "course_lib" not in text and failure.__cause__ is None and failure.__suppress_context__
    assert "TypeError: only 0-dimensional arrays" in text


def test_the_student_frames_are_told_apart_from_the_library():
    assert is_student_file(__file__)
    assert not is_student_file(np.__file__) and not is_student_file(math.__spec__.origin or "")
    assert not is_student_file(CheckFailed.__module__.replace(".", "/"))  # not a real file: no frame


def test_a_function_that_calls_itself_is_named_with_its_line_once():
    def scaled(x):
        return scaled(x) * 2.5

    failure = _failure(scaled)
    assert "scaled calls itself" in failure.hint
    assert len(failure.frames) == 1 and failure.frames[0].source == "return scaled(x) * 2.5"


@pytest.mark.parametrize(
    "source, hint",
    [
        ("def scaled(x):\n    return np.max(0, x) * 2.5", "its second argument is an axis"),
        ("def scaled(x):\n    if x > 0:\n        return 2.5 * x\n    return 2.5 * x", "need a single True or False"),
        ("def scaled(x):\n    return helper(x)", "`helper` is not defined when scaled runs"),
        ("def scaled(x):\n    return nump.asarray(x) * 2.5", "`nump` is not defined"),
        ("def scaled(x):\n    return float(x) * 2.5", "int(), float() and round() take one number"),
    ],
    ids=["np-max-axis", "if-on-array", "cell-not-run", "typo-name", "float-of-array"],
)
def test_crashes_with_a_known_cause_get_the_engines_hint(source, hint):
    assert hint in _failure(_student(source)).hint


@pytest.mark.parametrize(
    "answer, hint",
    [
        (lambda x: -2.5 * np.asarray(x) if np.ndim(x) else -2.5 * x, "exact negatives"),
        (lambda x: np.round(2.5 * np.asarray(x)) if np.ndim(x) else round(2.5 * x), "rounded to whole numbers"),
        (lambda x: np.trunc(2.5 * np.asarray(x)) if np.ndim(x) else float(int(2.5 * x)), "cut off"),
        (lambda x: np.roll(2.5 * np.asarray(x), 1, axis=-1) if np.ndim(x) else 2.5 * x, "one position away"),
    ],
    ids=["lost-minus", "rounded", "truncated", "shifted-by-one"],
)
def test_results_off_by_a_systematic_transformation_are_named(answer, hint):
    assert hint in _failure(answer).hint


def test_a_known_mistake_that_agrees_only_on_the_failing_case_is_not_blamed():
    # The mistake "multiplied by 2" agrees with this answer on the first case only.
    def answer(x):
        return 2 * np.asarray(x) if np.ndim(x) == 1 else 2.5 * np.asarray(x) + 1

    twice = Mistake("You multiplied by 2.", lambda x: 2 * np.asarray(x))
    assert _failure(answer, mistakes=[twice]).hint == GENERAL


def test_a_known_mistake_that_matches_every_case_gets_its_hint():
    twice = Mistake("You multiplied by 2.", lambda x: 2 * np.asarray(x))
    assert _failure(lambda x: 2 * np.asarray(x), mistakes=[twice]).hint == "You multiplied by 2."


def test_an_unknown_slip_falls_back_to_the_general_hint():
    assert _failure(lambda x: 2.5 * np.asarray(x) + 0.3).hint == GENERAL


def test_values_returned_in_the_wrong_order_are_named_not_taken_for_a_shift():
    def layer(A, W):
        Z = A @ W
        return Z, np.tanh(Z)

    with pytest.raises(CheckFailed) as caught:
        run_check(Exercise("9.3", "layer", "layer"), lambda A, W: layer(A, W)[::-1],
                  cases=[Case(np.eye(2), np.array([[0.5, -1.0], [2.0, 0.3]]))], reference=layer)
    assert "returned in the wrong order" in caught.value.hint


def test_right_values_of_the_wrong_type_get_no_rounding_hint():
    failure = _failure(lambda x: (2.5 * np.asarray(x)).tolist() if np.ndim(x) else 2.5 * x)
    assert "rounded" not in failure.hint and "Python list" in str(failure)


def test_arrays_whose_short_forms_look_alike_show_their_first_difference_not_a_near_miss():
    def counts(n):
        return np.arange(n * n).reshape(n, n)

    with pytest.raises(CheckFailed) as caught:
        run_check(Exercise("9.4", "counts", "counts"), lambda n: counts(n) + (counts(n) == 210),
                  cases=[Case(20)], reference=counts)
    message = str(caught.value)
    assert "Very close" not in message and "They first differ at row 10, column 10: expected 210, got 211." in message
