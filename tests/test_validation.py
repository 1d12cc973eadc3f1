"""The helpers of course_lib._validation, one behaviour per test: what each accepts and what it explains."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from course_lib import _validation as v


# ------------------------------------------------------------------ as_real: one number

@pytest.mark.parametrize("value", [2, 2.5, np.float32(2.5), np.int64(2), np.array(2.5)])
def test_as_real_accepts_python_and_numpy_numbers_and_0d_arrays(value):
    assert v.as_real(value, "b") == float(value) and type(v.as_real(value, "b")) is float


def test_as_real_refuses_a_number_in_quotes_and_shows_it_without():
    with pytest.raises(TypeError, match=r"^z_max must be a real number; got str '6'\. Write the number without quotes: 6\.$"):
        v.as_real("6", "z_max")


@pytest.mark.parametrize("value", [True, np.bool_(True), [1.0], None, 1 + 2j])
def test_as_real_refuses_bools_sequences_none_and_complex_with_a_type_error(value):
    with pytest.raises(TypeError, match=r"^b must be a real number; got "):
        v.as_real(value, "b")


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_as_real_refuses_nan_and_inf(value):
    with pytest.raises(ValueError, match=r"^b must be finite; got .*\. Use a finite number"):
        v.as_real(value, "b")


def test_as_real_checks_bounds_and_positivity():
    with pytest.raises(ValueError, match=r"^z_max must be greater than 0; got 0\.$"):
        v.as_real(0, "z_max", positive=True)
    with pytest.raises(ValueError, match=r"^noise must be at least 0; got -0\.1\.$"):
        v.as_real(-0.1, "noise", minimum=0.0)
    with pytest.raises(ValueError, match=r"^noise must be at most 1e\+06; got 1e\+300\.$"):
        v.as_real(1e300, "noise", maximum=1e6)


# ------------------------------------------------------------------ as_int / as_positive_int

def test_as_int_accepts_numpy_integers():
    assert v.as_int(np.int32(7), "n") == 7


@pytest.mark.parametrize("value, hint", [(10.0, r"Write 10 without the decimal point"),
                                         ("many", r"Write a whole number such as 100, without quotes"),
                                         (True, "")])
def test_as_int_refuses_floats_text_and_bools_with_a_hint(value, hint):
    with pytest.raises(TypeError, match=rf"^n_points must be an integer; got .*{hint}"):
        v.as_int(value, "n_points")


def test_as_positive_int_refuses_zero_and_negative_counts():
    for value in (0, -3):
        with pytest.raises(ValueError, match=rf"^n_pixels must be at least 1; got {value}\.$"):
            v.as_positive_int(value, "n_pixels")


def test_as_int_checks_the_upper_bound():
    with pytest.raises(ValueError, match=r"^n_samples must be at most 10; got 11\.$"):
        v.as_int(11, "n_samples", maximum=10)


# ------------------------------------------------------------------ as_generator: a seed

def test_as_generator_gives_the_same_draws_for_the_same_seed_and_passes_a_generator_through():
    assert v.as_generator(3).normal() == v.as_generator(np.int64(3)).normal()
    rng = np.random.default_rng(0)
    assert v.as_generator(rng) is rng


def test_a_negative_seed_gets_our_message_not_numpys():
    with pytest.raises(ValueError, match=r"^random_state must be a seed of at least 0; got -1\. Use a seed such as 0 or 42\.$"):
        v.as_generator(-1)


@pytest.mark.parametrize("value", [None, 1.5, "0", True, np.random.RandomState(0)])
def test_a_seed_that_is_not_an_integer_is_refused_and_the_reason_for_seeds_given(value):
    with pytest.raises(TypeError, match=r"^random_state must be an integer seed .* fixes every seed"):
        v.as_generator(value)


# ------------------------------------------------------------------ as_bool

@pytest.mark.parametrize("value, expected", [(True, True), (False, False), (np.bool_(False), False), (np.True_, True)])
def test_as_bool_accepts_python_and_numpy_bools(value, expected):
    assert v.as_bool(value, "shuffle") is expected


@pytest.mark.parametrize("value", [1, "yes", None, [True]])
def test_as_bool_refuses_everything_else(value):
    with pytest.raises(TypeError, match=r"^shuffle must be True or False; got "):
        v.as_bool(value, "shuffle")


# ------------------------------------------------------------------ as_choice: a name from a registry

def test_as_choice_matches_case_insensitively_and_trims_spaces():
    assert v.as_choice("  ReLU ", "activation", ["relu", "tanh"]) == "relu"


def test_as_choice_refuses_a_list_holding_the_name_and_says_to_drop_the_brackets():
    with pytest.raises(TypeError, match=r"^activation must be one name such as 'relu'; got a list of names \['tanh'\]\. "
                                        r"Pass the name itself, without brackets: 'tanh'\.$"):
        v.as_choice(["tanh"], "activation", ["relu", "tanh"])


def test_as_choice_lists_the_options_and_suggests_a_close_one():
    with pytest.raises(ValueError, match=r"^activation must be one of relu, tanh; got 'tanhh'\. Did you mean 'tanh'\?$"):
        v.as_choice("tanhh", "activation", ["relu", "tanh"])


def test_as_choice_refuses_non_text():
    with pytest.raises(TypeError, match=r"^activation must be one name such as 'relu'; got int 3\.$"):
        v.as_choice(3, "activation", ["relu"])


# ------------------------------------------------------------------ arrays

def test_as_float_array_returns_a_new_float_array():
    x = np.array([1, 2])
    out = v.as_float_array(x, "x")
    assert out.dtype == float and not np.shares_memory(out, x)


def test_as_float_array_names_the_non_numeric_column_of_a_table():
    table = pd.DataFrame({"petal_cm": [1.4, 4.7], "species": ["setosa", "versicolor"]})
    with pytest.raises(TypeError, match=r"^X must contain numbers only; column 'species' holds str values such as 'setosa'\. "
                                        r"Drop it \(X = table\.drop\(columns='species'\)\) or encode it as numbers\.$"):
        v.as_float_array(table, "X")


def test_as_float_array_names_the_column_of_text_in_a_2d_list():
    with pytest.raises(TypeError, match=r"column 4 \(X\[0, 4\]\) is str 'setosa'"):
        v.as_float_array([[5.1, 3.5, 1.4, 0.2, "setosa"]], "X")


def test_as_float_array_points_at_numbers_written_as_text():
    with pytest.raises(TypeError, match=r"x\[0\] is the text '1'\. Write numbers without quotes"):
        v.as_float_array(["1", "2"], "x")


def test_as_float_array_says_where_nan_and_inf_are():
    with pytest.raises(ValueError, match=r"^x must not contain NaN; got NaN at x\[1\]\."):
        v.as_float_array([0.0, math.nan], "x")
    with pytest.raises(ValueError, match=r"^x must be finite; got -inf at x\[0, 1\]\."):
        v.as_float_array([[0.0, -math.inf]], "x", finite=True)
    assert np.isinf(v.as_float_array([math.inf], "z")).all()  # inf allowed unless finite=True


def test_as_finite_array_checks_the_number_of_dimensions():
    with pytest.raises(ValueError, match=r"^X must be 2-D; got 1-D, shape \(2,\)\.$"):
        v.as_finite_array([1, 2], "X", ndim=2)


@pytest.mark.parametrize("value, error, message", [
    ([[1, 2], [3]], ValueError, r"^x must be a rectangular array of numbers"),
    ({"a": 1}, TypeError, r"^x must be a number or an array of numbers; got dict"),
    ([1 + 2j], TypeError, r"^x must be real; got complex values"),
    ([10**400], ValueError, r"^x must hold numbers below 1\.8e\+308"),
    ([1, None], TypeError, r"^x must contain numbers only; x\[1\] is NoneType None"),
])
def test_as_float_array_explains_every_kind_of_non_array(value, error, message):
    with pytest.raises(error, match=message):
        v.as_float_array(value, "x")


# ------------------------------------------------------------------ as_interval, as_axes, as_path

def test_as_interval_refuses_a_range_whose_width_overflows_or_cannot_be_split():
    with pytest.raises(ValueError, match=r"^x_range must be narrower than the float range"):
        v.as_interval((-1e308, 1e308), "x_range")
    with pytest.raises(ValueError, match=r"^x_range must be wide enough for its points to differ"):
        v.as_interval((1.0, 1.0 + 1e-13), "x_range")
    assert v.as_interval(np.array([-1, 1]), "x_range") == (-1.0, 1.0)


def test_as_axes_explains_an_array_of_axes_and_a_figure():
    figure = Figure()
    axes = np.array([[figure.add_subplot(2, 2, i + 1) for i in range(2)] for _ in range(1)])
    with pytest.raises(TypeError, match=r"^ax must be one matplotlib Axes .*got an array of 2 Axes of shape \(1, 2\)\. "
                                        r"Pass one of them, e\.g\. ax=axes\[0, 0\]\.$"):
        v.as_axes(axes)
    with pytest.raises(TypeError, match=r"got a Figure\. Pass one of its axes"):
        v.as_axes(figure)
    assert v.as_axes(axes[0, 0]) is axes[0, 0]


def test_as_path_accepts_text_and_path_objects_and_refuses_numbers_and_empty_text():
    assert v.as_path("data", "data_dir") == Path("data") == v.as_path(Path("data"), "data_dir")
    for value in (123, "", b"data", None):
        with pytest.raises(TypeError, match=r"^data_dir must be a path \(a str such as 'data' or a pathlib\.Path\)"):
            v.as_path(value, "data_dir")


# ------------------------------------------------------------------ call_user_function

Z = np.array([-1.0, 0.0, 2.0])


def test_a_user_function_is_called_with_a_copy_and_its_result_returned_as_floats():
    def mutating(z):
        z[0] = 99
        return z.astype(int)
    out = v.call_user_function(mutating, Z, "activation")
    assert Z[0] == -1.0 and out.dtype == float


def test_a_user_function_without_return_is_asked_about_its_return_statement():
    def forgot(z):
        z * 2
    with pytest.raises(TypeError, match=r"^activation must return an array of numbers; it returned None .*Is a `return` statement missing\?$"):
        v.call_user_function(forgot, Z, "activation")


def test_a_user_function_with_the_wrong_number_of_arguments_is_a_type_error_naming_the_parameter():
    with pytest.raises(TypeError, match=r"^activation must take one array z .*raised TypeError: .*maximum"):
        v.call_user_function(np.maximum, Z, "activation")


def test_a_user_function_that_raises_is_wrapped_and_chained():
    def broken(z):
        raise NotImplementedError("Exercise 2.1")
    with pytest.raises(ValueError, match=r"^activation must work for every z it is given; .*NotImplementedError: Exercise 2\.1") as info:
        v.call_user_function(broken, Z, "activation")
    assert isinstance(info.value.__cause__, NotImplementedError)


def test_a_user_function_that_overflows_gets_an_error_not_a_warning():
    with pytest.raises(ValueError, match=r"^activation must compute without overflow .*FloatingPointError: overflow"):
        v.call_user_function(lambda z: np.exp(z * 1000), Z, "activation")


def test_a_user_function_returning_the_wrong_shape_text_or_inf_for_finite_input_is_explained():
    with pytest.raises(ValueError, match=r"^activation must keep the shape of its input \(3,\); it returned shape \(\)"):
        v.call_user_function(lambda z: max(z), Z, "activation")
    with pytest.raises(TypeError, match=r"^the result of activation must "):
        v.call_user_function(lambda z: "relu", Z, "activation")
    with pytest.raises(ValueError, match=r"^activation must return finite values for finite input; it returned inf for z = 2"):
        v.call_user_function(lambda z: np.where(z > 1, np.inf, z), Z, "activation")


def test_a_user_function_may_return_inf_where_its_input_was_inf():
    out = v.call_user_function(lambda z: z, np.array([np.inf, 1.0]), "activation")
    assert out[0] == np.inf
