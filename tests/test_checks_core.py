"""The check-cell contract: ✔ when right, ◻ when not attempted, a teaching AssertionError when wrong."""

import numpy as np
import pytest

from course_lib.checks._core import Case, CrashHint, Exercise, Mistake, Symptom, run_check, show

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


# ---------------------------------------------------------------- engine features every checker gets

PARTS = Exercise("9.5", "grads", "grads", returns=("dW1", "db1", "dW2", "db2"), computed=("dW2", "db2", "dW1", "db1"))


def _grads(X, W):
    n = len(X)
    return X.T @ X @ W / n, W.sum(axis=0) / n, (X @ W).T @ X / n, X.sum(axis=0) / n


def _check_parts(function, mistakes=()):
    X = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [2.0, 1.0, 0.75], [0.1, 0.2, -0.3]])
    W = np.array([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.6]])
    run_check(PARTS, function, cases=[Case(X, W), Case(X[:3], W * 2)], reference=_grads, mistakes=mistakes,
              general_hint="Which quantity goes wrong first?")


def _failure(function, **options):
    with pytest.raises(AssertionError) as caught:
        _check_parts(function, **options)
    return caught.value


def test_several_returned_values_are_judged_by_name_and_the_first_wrong_in_the_chain_is_shown():
    def answer(X, W):
        dW1, db1, dW2, db2 = _grads(X, W)
        return dW1 * 7, db1 - 1, dW2, db2

    failure = _failure(answer)
    assert "dW2 and db2 are right; dW1 and db1 are not — dW1 comes first, look there." in str(failure)
    assert str(failure).startswith("grads(X (4, 3), W (3, 2)) should be dW1 array([[ 0.3206, 0.122 ],")


def test_a_slip_in_one_part_is_named_for_that_part_on_every_case():
    def answer(X, W):
        dW1, db1, dW2, db2 = _grads(X, W)
        return dW1, db1, dW2, db2 * len(X)

    hint = _failure(answer).hint
    assert hint.startswith("Your db2 is exactly n times the expected ones (n = 4, the number of rows of X)")


def test_a_mistake_that_explains_the_first_wrong_part_is_named_even_when_a_later_part_has_another_slip():
    def slip(X, W):
        dW1, db1, dW2, db2 = _grads(X, W)
        return dW1, db1, -dW2, db2

    def answer(X, W):
        dW1, db1, dW2, db2 = slip(X, W)
        return dW1 + 1, db1, dW2, db2  # a second slip, computed later in the chain

    assert _failure(answer, mistakes=[Mistake("The sign of dW2.", slip)]).hint == "The sign of dW2."


def test_a_transposed_part_is_named():
    def answer(X, W):
        dW1, db1, dW2, db2 = _grads(X, W)
        return dW1, db1, dW2.T, db2

    failure = _failure(answer)
    assert "dW2 should have shape (2, 3); yours has (3, 2): rows and columns are swapped" in str(failure)
    assert "Your dW2 is the expected ones transposed" in failure.hint


def test_a_symptom_is_named_only_when_it_shows_on_every_wrong_case():
    twice = Symptom("Some index is drawn twice.", lambda got, X, W: len(set(np.ravel(got[0]))) < np.size(got[0]))

    def answer(X, W):
        return (np.zeros_like(W), *_grads(X, W)[1:])

    assert _failure(answer, mistakes=[twice]).hint == "Some index is drawn twice."
    never = Symptom("Never.", lambda got, X, W: len(X) == 4)  # holds on the first case only
    assert _failure(answer, mistakes=[never]).hint == "Which quantity goes wrong first?"


@pytest.mark.parametrize("answer, hint", [
    (lambda x: 2 * np.asarray(x) * (np.size(x) if np.ndim(x) else 1), "n times the expected ones (n = 2"),
    (lambda x: 2 * np.asarray(x) / (np.size(x) ** 2 if np.ndim(x) else 1) * (np.size(x) if np.ndim(x) else 1),
     "n times too small (n = 2"),
    (lambda x: 4 * np.asarray(x), "exactly twice the expected ones"),
    (lambda x: 2 * np.asarray(x) + 1, "each exactly one more than expected"),
], ids=["factor-n", "divided-twice", "factor-2", "off-by-one"])
def test_systematic_factors_and_offsets_are_named_from_the_numbers(answer, hint):
    with pytest.raises(AssertionError) as caught:
        run_check(EXERCISE, answer, cases=[Case(np.array([1.0, -3.0])), Case(np.array([4.0, 1.0, 5.0]))],
                  reference=lambda x: 2 * np.asarray(x))
    assert hint in caught.value.hint


def test_an_arbitrary_factor_gets_no_guess():
    with pytest.raises(AssertionError, match="Compare your code"):
        _check(lambda x: 2.2 * np.asarray(x))


def test_a_shape_error_names_the_operands_and_their_shapes():
    def layer(A_prev, W):
        return A_prev * W

    with pytest.raises(AssertionError) as caught:
        run_check(Exercise("9.6", "layer", "layer", shapes="A_prev (n, 3), W (3, 4)"), layer,
                  cases=[Case(np.ones((5, 3)), np.ones((3, 4)))], reference=lambda A, W: A @ W)
    failure = caught.value
    assert "A_prev * W: A_prev is (5, 3), W is (3, 4); * works entry by entry" in str(failure)
    assert "would fit a matrix product" in str(failure) and "A_prev (n, 3), W (3, 4)" in failure.hint


def test_a_matrix_product_of_equal_shapes_suggests_the_entry_by_entry_product():
    def delta(D, W, G):
        return (D @ W.T) @ (1 - np.tanh(G) ** 2)

    with pytest.raises(AssertionError) as caught:
        run_check(Exercise("9.7", "delta", "delta"), delta,
                  cases=[Case(np.ones((5, 3)), np.ones((4, 3)), np.ones((5, 4)))], reference=lambda D, W, G: G)
    assert ("(D @ W.T) @ (1 - np.tanh(G) ** 2): the left is (5, 4), the right (5, 4); @ needs the 4 columns of "
            "the left to match the 5 rows of the right.") in str(caught.value)
    assert "(Equal shapes would fit an entry-by-entry product, *.)" in str(caught.value)


def test_numbers_print_as_numbers_and_objects_in_one_line():
    assert show(np.int64(5)) == "5" and show(np.float64(0.04851)) == "0.04851" and show(np.bool_(True)) == "True"
    pandas = pytest.importorskip("pandas")
    assert show(pandas.DataFrame(np.zeros((30, 2)))) == "a pandas DataFrame of shape (30, 2)"


def test_a_large_input_is_shown_by_name_and_shape_and_a_large_result_by_its_first_entries():
    with pytest.raises(AssertionError) as caught:
        run_check(EXERCISE, lambda values: values * 2 + (values == 7), cases=[Case(np.arange(20.0))],
                  reference=lambda values: values * 2)
    message = str(caught.value)
    assert message.startswith("double(values (20,)) should be array (20,) [0, 2, 4, 6, …]")
    assert "They first differ at entry 7: expected 14, got 15." in message


def test_the_in_place_message_shows_the_call_once():
    def double(x):
        if np.ndim(x):
            x *= 2
            return x
        return 2 * x

    with pytest.raises(AssertionError) as caught:
        _check(double)
    assert str(caught.value).count("double(") == 1


def test_a_function_that_keeps_state_between_calls_is_caught():
    calls = []

    def double(x):
        calls.append(1)
        return 2 * np.asarray(x) if len(calls) != 3 else 0.0

    with pytest.raises(AssertionError, match="Called twice, it returned 4, then 0"):
        _check(double)


def test_a_list_passes_where_an_array_is_asked_only_when_the_check_accepts_lists(capsys):
    def as_list(x):
        return (2 * np.asarray(x)).tolist() if np.ndim(x) else 2 * x

    run_check(EXERCISE, as_list, cases=[Case(np.array([1.0, -3.0]))], reference=lambda x: 2 * x, accept_lists=True)
    assert capsys.readouterr().out.startswith("✔")


def test_an_update_that_went_the_wrong_way_is_named():
    def step(w, grad):
        return w - 0.5 * grad

    with pytest.raises(AssertionError) as caught:
        run_check(Exercise("9.8", "step", "step"), lambda w, grad: w + 0.5 * grad,
                  cases=[Case(np.array([1.0, 2.0]), np.array([0.5, -1.0])), Case(np.array([0.0]), np.array([2.0]))],
                  reference=step)
    assert caught.value.hint.startswith("Your results are the starting w moved by the right amount, but the other way")


def test_a_result_one_entry_too_long_is_said_so():
    with pytest.raises(AssertionError, match=r"should have shape \(3,\); yours has \(4,\): one entry too many\."):
        run_check(EXERCISE, lambda n: np.arange(n + 1.0), cases=[Case(3)], reference=lambda n: np.arange(float(n)))


def test_a_case_that_describes_itself_the_older_way_still_works():
    class Named(Case):
        def describe(self, function_name):
            return f"{function_name}(a named case)"

    with pytest.raises(AssertionError, match=r"^double\(a named case\) should be 4; got 5\."):
        _check_with_cases(lambda x: x + 3, [Named(2.0)])


def _check_with_cases(function, cases):
    run_check(EXERCISE, function, cases=cases, reference=lambda x: 2 * x)
