"""The check-cell contract: ✔ when right, ◻ when not attempted, a teaching AssertionError when wrong."""

import numpy as np
import pytest

from course_lib.checks._core import Case, CrashHint, Exercise, Mistake, run_check, show

EXERCISE = Exercise("9.1", "double", "double doubles")


def _check(function, **options):
    run_check(
        EXERCISE, function, cases=[Case(2.0), Case(np.array([1.0, -3.0]))], reference=lambda x: 2 * np.asarray(x) if np.ndim(x) else 2 * x,
        mistakes=[Mistake("You squared instead.", lambda x: np.asarray(x) ** 2 if np.ndim(x) else x**2)],
        **options,
    )


def test_a_correct_function_gets_one_line_naming_the_exercise(capsys):
    _check(lambda x: x + x)
    assert capsys.readouterr().out == "✔ Exercise 9.1 — double doubles (checked on 2 inputs).\n"


def test_an_unattempted_stub_gets_a_note_and_no_exception(capsys):
    def double(x):
        raise NotImplementedError("Exercise 9.1: replace this line")

    _check(double)
    out = capsys.readouterr().out
    assert out.startswith("◻ Exercise 9.1 not attempted yet") and "Replace that line" in out


def test_a_wrong_answer_names_input_expected_received_and_the_matching_hint():
    with pytest.raises(AssertionError) as caught:
        _check(lambda x: x * x)  # right for 2 (2·2 = 2²), wrong for the array
    assert str(caught.value) == (
        "double(array([ 1., -3.])) should be array([ 2., -6.]); got array([1., 9.]).\nHint: You squared instead."
    )


def test_a_wrong_answer_without_a_known_mistake_gets_the_general_hint():
    with pytest.raises(AssertionError, match=r"double\(2\) should be 4; got 5\.\nHint: Compare your code"):
        _check(lambda x: x + 3)


def test_returning_none_is_explained():
    with pytest.raises(AssertionError, match="returned None: is a `return` statement missing"):
        _check(lambda x: None)


def test_returning_a_list_where_an_array_is_expected_is_explained():
    with pytest.raises(AssertionError, match="returned a Python list"):
        _check(lambda x: [2 * v for v in x] if np.ndim(x) else 2 * x)


def test_a_wrong_shape_is_explained_with_both_shapes():
    with pytest.raises(AssertionError, match=r"should have shape \(2,\); yours has \(1, 2\): one axis too many"):
        _check(lambda x: (2 * np.asarray(x)).reshape(1, -1) if np.ndim(x) else 2 * x)


def test_inf_or_nan_points_at_overflow():
    with pytest.raises(AssertionError, match="inf or nan"):
        _check(lambda x: x * np.inf)


def test_a_crash_shows_the_students_error_then_the_hint_with_no_chained_traceback():
    def double(x):
        return int(x) * 2

    with pytest.raises(AssertionError, match=r"double\(array.*raised TypeError: .*\nHint: use numpy") as caught:
        _check(double, crash_hints=[CrashHint(TypeError, "use numpy")])
    assert caught.value.__cause__ is None and caught.value.__suppress_context__, "no second traceback below ours"
    assert [frame.source for frame in caught.value.frames] == ["return int(x) * 2"], "the student's own line"


def test_crash_hint_only_applies_when_its_text_matches():
    with pytest.raises(AssertionError, match="the line of your code shown above it"):
        _check(lambda x: 1 / 0, crash_hints=[CrashHint(ZeroDivisionError, "never", text="no such text")])


def test_a_function_that_mutates_its_input_is_caught():
    def double(x):
        if np.ndim(x):
            x *= 2
            return x
        return 2 * x

    with pytest.raises(AssertionError, match="changed its argument number 1 in place"):
        _check(double)


def test_passing_a_result_instead_of_the_function_is_explained():
    with pytest.raises(AssertionError, match=r"write check_double\(double\), with no brackets"):
        _check(4.0)


def test_show_keeps_messages_short_and_readable():
    assert show(np.arange(100.0)).count(",") < 15
    assert show([np.float64(1.5), 2]) == "the list [1.5, 2]"
    assert show(1 / 3) == "0.3333"
    assert show(np.array([[2.0, 3.0], [3.0, 4.0]])) == "array([[2., 3.], [3., 4.]])"


def test_a_warning_from_the_students_function_is_reported_with_its_hint_and_does_not_leak(recwarn):
    def double(x):
        return 2 * np.exp(np.log(np.abs(x)) + 1000) if np.ndim(x) else 2 * x  # overflows for the array

    with pytest.raises(AssertionError, match=r"warned RuntimeWarning: overflow encountered in exp\nHint: stable"):
        _check(double, crash_hints=[CrashHint(RuntimeWarning, "stable", text="overflow")])
    assert len(recwarn) == 0


def test_a_stub_of_an_earlier_exercise_is_named_instead_of_calling_this_one_unattempted(capsys):
    def double(x):
        raise NotImplementedError("Exercise 9.0: replace this line with your code")  # an earlier stub, called

    _check(double)
    out = capsys.readouterr().out
    assert out.startswith("◻ Exercise 9.1 cannot be checked yet") and "empty stub of Exercise 9.0" in out


def test_a_near_miss_shows_enough_digits_to_see_the_difference():
    with pytest.raises(AssertionError) as caught:
        _check(lambda x: x * 2.00001)
    message = str(caught.value)
    assert message.startswith("double(2) should be 4; got 4.00002.") and "Very close, but not exact" in message
