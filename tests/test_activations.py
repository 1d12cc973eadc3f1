"""Tests for course_lib.activations: values, derivatives, numerical care, errors."""

import dataclasses
import inspect
import re
import warnings

import numpy as np
import pytest

from course_lib import activations as act
from course_lib.activations import (
    ACTIVATIONS,
    Activation,
    get_activation,
    naive_sigmoid,
    naive_softmax,
    softmax,
    softmax_grad,
)

NAMES = [
    "identity", "binary_step", "unit_step", "sigmoid", "tanh",
    "arctan", "relu", "leaky_relu", "elu", "softplus",
]
ELEMENTWISE = [f for a in ACTIVATIONS.values() for f in (a.function, a.derivative)]
ALL_STABLE = ELEMENTWISE + [softmax, softmax_grad]
BIG = np.finfo(float).max
EXTREMES = np.array([-BIG, -1e300, -1e4, -1.0, 0.0, 1.0, 1e4, 1e300, BIG])

# Each activation with its default parameter, and again with a non-default one.
CASES = [(name, {}) for name in NAMES] + [
    ("sigmoid", {"c": 2.5}), ("sigmoid", {"c": -0.7}),
    ("leaky_relu", {"alpha": 0.5}), ("leaky_relu", {"alpha": -0.3}),
    ("elu", {"alpha": 2.0}),
]


def _id(case):
    name, kwargs = case
    return name + "".join(f"-{k}={v}" for k, v in kwargs.items())


def _no_warnings(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return func(*args, **kwargs)


# --- the registry ----------------------------------------------------------------

def test_registry_holds_exactly_the_elementwise_activations():
    assert list(ACTIVATIONS) == NAMES
    assert "softmax" not in ACTIVATIONS


@pytest.mark.parametrize("name", NAMES)
def test_registry_entry_pairs_function_with_its_grad_and_default(name):
    entry = ACTIVATIONS[name]
    assert entry.name == name
    assert entry.function is getattr(act, name)
    assert entry.derivative is getattr(act, name + "_grad")
    assert entry.output_range and entry.output_range != "unknown"
    params = list(inspect.signature(entry.function).parameters.values())[1:]
    if entry.parameter is None:
        assert params == [] and entry.default is None
    else:
        assert [p.name for p in params] == [entry.parameter]
        assert params[0].default == entry.default
        grad_params = list(inspect.signature(entry.derivative).parameters.values())[1:]
        assert grad_params == params


def test_activation_record_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ACTIVATIONS["relu"].name = "other"


def test_get_activation_returns_registry_entry_case_insensitively():
    assert get_activation("relu") is ACTIVATIONS["relu"]
    assert get_activation(" ReLU ") is ACTIVATIONS["relu"]


def test_get_activation_unknown_name_lists_the_choices():
    expected = "activation must be one of " + ", ".join(NAMES) + "; got 'sigmoidd'. Did you mean 'sigmoid'?"
    with pytest.raises(ValueError, match=re.escape(expected)):
        get_activation("sigmoidd")


def test_get_activation_softmax_explains_why_it_is_not_registered():
    with pytest.raises(ValueError, match="softmax is not elementwise"):
        get_activation("softmax")


def test_get_activation_wraps_a_callable_without_derivative():
    def cube(z):
        return np.asarray(z) ** 3

    wrapped = get_activation(cube)
    assert wrapped == Activation(name="cube", function=cube, derivative=None)
    assert wrapped.function(2.0) == 8.0


def test_get_activation_returns_an_activation_unchanged():
    assert get_activation(ACTIVATIONS["elu"]) is ACTIVATIONS["elu"]


@pytest.mark.parametrize("bad", [None, 3, 1.5])
def test_get_activation_rejects_non_names_non_callables(bad):
    with pytest.raises(TypeError, match="activation must be a name such as 'relu' or a function"):
        get_activation(bad)


# --- known values ----------------------------------------------------------------

@pytest.mark.parametrize(
    "func, z, kwargs, expected",
    [
        (act.identity, [-1.5, 0.0, 2.0], {}, [-1.5, 0.0, 2.0]),
        (act.binary_step, [-3.0, -1e-12, 0.0, 2.0], {}, [0.0, 0.0, 1.0, 1.0]),
        (act.unit_step, [-3.0, -1e-12, 0.0, 2.0], {}, [-1.0, -1.0, 1.0, 1.0]),
        (act.sigmoid, [0.0], {}, [0.5]),
        (act.sigmoid, [np.log(3.0)], {}, [0.75]),
        (act.sigmoid, [np.log(3.0) / 2], {"c": 2.0}, [0.75]),
        (act.tanh, [0.0, np.log(2.0)], {}, [0.0, 0.6]),
        (act.arctan, [-1.0, 0.0, 1.0], {}, [-np.pi / 4, 0.0, np.pi / 4]),
        (act.relu, [-2.0, 0.0, 3.0], {}, [0.0, 0.0, 3.0]),
        (act.leaky_relu, [-2.0, 0.0, 3.0], {}, [-0.02, 0.0, 3.0]),
        (act.leaky_relu, [-2.0, 3.0], {"alpha": 0.5}, [-1.0, 3.0]),
        (act.elu, [-1.0, 0.0, 2.0], {}, [np.exp(-1.0) - 1.0, 0.0, 2.0]),
        (act.elu, [-np.log(2.0)], {"alpha": 2.0}, [-1.0]),
        (act.softplus, [0.0, np.log(3.0)], {}, [np.log(2.0), np.log(4.0)]),
        (act.sigmoid_grad, [0.0], {}, [0.25]),
        (act.sigmoid_grad, [0.0], {"c": 3.0}, [0.75]),
        (act.tanh_grad, [0.0], {}, [1.0]),
        (act.arctan_grad, [0.0, 1.0, -3.0], {}, [1.0, 0.5, 0.1]),
        (act.softplus_grad, [0.0], {}, [0.5]),
    ],
)
def test_known_values(func, z, kwargs, expected):
    np.testing.assert_allclose(func(z, **kwargs), expected, rtol=1e-12, atol=1e-15)


def test_step_activations_fire_at_the_threshold():
    assert float(act.binary_step(0)) == 1.0
    assert float(act.unit_step(0)) == 1.0


def test_derivatives_at_kinks_use_the_slope_from_the_left():
    assert float(act.relu_grad(0.0)) == 0.0
    assert float(act.leaky_relu_grad(0.0, alpha=0.3)) == 0.3
    assert float(act.elu_grad(0.0, alpha=2.0)) == 2.0
    assert float(act.binary_step_grad(0.0)) == 0.0
    assert float(act.unit_step_grad(0.0)) == 0.0


def test_leaky_relu_with_alpha_zero_is_relu():
    z = np.linspace(-3, 3, 13)
    np.testing.assert_array_equal(act.leaky_relu(z, alpha=0.0), act.relu(z))
    np.testing.assert_array_equal(act.leaky_relu_grad(z, alpha=0.0), act.relu_grad(z))


def test_tanh_is_a_rescaled_sigmoid():
    z = np.linspace(-6, 6, 101)
    np.testing.assert_allclose(act.tanh(z), 2 * act.sigmoid(2 * z) - 1, atol=1e-14)


def test_sigmoid_c_scales_the_input():
    z = np.linspace(-4, 4, 17)
    np.testing.assert_allclose(act.sigmoid(z, c=3.0), act.sigmoid(3.0 * z), rtol=1e-14)


def test_sigmoid_with_large_c_approaches_binary_step():
    z = np.array([-2.0, -0.1, -0.01, 0.01, 0.1, 2.0])
    gaps = [np.abs(act.sigmoid(z, c=c) - act.binary_step(z)).max() for c in (1.0, 10.0, 100.0, 1e4)]
    assert gaps == sorted(gaps, reverse=True)
    assert gaps[-1] < 1e-40


def test_softplus_grad_is_sigmoid():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_array_equal(act.softplus_grad(z), act.sigmoid(z))


def test_sigmoid_grad_equals_c_sigma_one_minus_sigma():
    z = np.linspace(-5, 5, 21)
    s = act.sigmoid(z, c=1.7)
    np.testing.assert_allclose(act.sigmoid_grad(z, c=1.7), 1.7 * s * (1 - s), rtol=1e-12)


# --- derivatives against finite differences ---------------------------------------

@pytest.mark.parametrize("case", CASES, ids=_id)
def test_derivative_matches_central_finite_difference(case):
    name, kwargs = case
    entry = ACTIVATIONS[name]
    z = np.linspace(-4.05, 3.95, 41)  # no grid point within 0.05 of the kink at 0
    h = 1e-6
    numeric = (entry.function(z + h, **kwargs) - entry.function(z - h, **kwargs)) / (2 * h)
    np.testing.assert_allclose(entry.derivative(z, **kwargs), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("z", [[0.3, -1.2, 2.0], [1.0, 1.0, 1.0, 1.0], [5.0, -5.0]])
def test_softmax_grad_matches_finite_difference_jacobian(z):
    z = np.asarray(z)
    h = 1e-6
    numeric = np.empty((z.size, z.size))
    for j in range(z.size):
        step = np.zeros_like(z)
        step[j] = h
        numeric[:, j] = (softmax(z + step) - softmax(z - step)) / (2 * h)  # column j: ds/dz_j
    np.testing.assert_allclose(softmax_grad(z), numeric, atol=1e-9)


def test_softmax_grad_is_diag_s_minus_outer_s_s():
    s = softmax([0.5, -1.0, 2.0])
    np.testing.assert_allclose(softmax_grad([0.5, -1.0, 2.0]), np.diag(s) - np.outer(s, s), atol=1e-15)


def test_softmax_grad_of_a_batch_is_a_stack_of_jacobians():
    Z = np.array([[0.3, -1.2, 2.0], [1.0, 1.0, 1.0]])
    J = softmax_grad(Z)
    assert J.shape == (2, 3, 3)
    for i in range(2):
        np.testing.assert_array_equal(J[i], softmax_grad(Z[i]))


def test_softmax_grad_columns_sum_to_zero():
    # The outputs always sum to 1, so no change of z can change their sum.
    np.testing.assert_allclose(softmax_grad([0.3, -1.2, 2.0]).sum(axis=0), 0.0, atol=1e-15)


def test_softmax_grad_rejects_other_axes_with_a_fix():
    with pytest.raises(ValueError, match=r"only axis=-1.*np\.moveaxis\(z, 0, -1\)"):
        softmax_grad(np.ones((2, 3)), axis=0)
    assert softmax_grad(np.ones((2, 3)), axis=1).shape == (2, 3, 3)


# --- softmax -----------------------------------------------------------------------

def test_softmax_rows_sum_to_one():
    Z = np.random.default_rng(0).normal(size=(5, 4)) * 10
    S = softmax(Z)
    assert np.all(S > 0)
    np.testing.assert_allclose(S.sum(axis=1), 1.0, rtol=1e-15)


def test_softmax_is_invariant_to_adding_a_constant():
    z = np.array([0.3, -1.2, 2.0])
    np.testing.assert_allclose(softmax(z + 100.0), softmax(z), rtol=1e-12)


def test_softmax_axis_0_normalises_columns_not_rows():
    Z = np.array([[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]])
    by_column = softmax(Z, axis=0)
    np.testing.assert_allclose(by_column.sum(axis=0), 1.0)
    np.testing.assert_allclose(by_column, softmax(Z.T).T)
    assert not np.allclose(by_column, softmax(Z, axis=-1))
    np.testing.assert_allclose(by_column[:, 0], [0.5, 0.5])


def test_softmax_keeps_order_of_scores():
    s = softmax([2.0, 1.0, 0.1])
    assert s[0] > s[1] > s[2]
    np.testing.assert_allclose(s, [0.65900114, 0.24243297, 0.09856589], rtol=1e-7)


# --- numerical care ------------------------------------------------------------------

@pytest.mark.parametrize("func", ALL_STABLE, ids=lambda f: f.__name__)
def test_no_warning_and_finite_output_at_extreme_inputs(func):
    for z in [EXTREMES, *EXTREMES]:
        z = np.atleast_1d(z) if func in (softmax, softmax_grad) else z
        out = _no_warnings(func, z)
        assert np.all(np.isfinite(out)), (func.__name__, z, out)


@pytest.mark.parametrize(
    "func, kwargs",
    [(act.sigmoid, {"c": 3.0}), (act.sigmoid_grad, {"c": 3.0}), (act.leaky_relu, {"alpha": 0.5}),
     (act.leaky_relu_grad, {"alpha": 0.5}), (act.elu, {"alpha": 2.0}), (act.elu_grad, {"alpha": 2.0})],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_no_warning_at_extreme_inputs_with_parameters(func, kwargs):
    assert np.all(np.isfinite(_no_warnings(func, EXTREMES, **kwargs)))


def test_saturated_values_are_exact():
    np.testing.assert_array_equal(act.sigmoid([-1e300, 1e300]), [0.0, 1.0])
    assert float(act.softplus(1e300)) == 1e300
    assert float(act.softplus(BIG)) == BIG
    assert float(act.softplus(-1e300)) == 0.0
    assert float(act.elu(-1e300)) == -1.0
    np.testing.assert_array_equal(softmax([BIG, -BIG]), [1.0, 0.0])
    np.testing.assert_array_equal(softmax([1e4, 1e4]), [0.5, 0.5])


def test_sigmoid_grad_stays_accurate_far_in_the_tail():
    # 1 - sigmoid(40) rounds to 0, but the true slope is about e^-40.
    np.testing.assert_allclose(act.sigmoid_grad(40.0), np.exp(-40.0), rtol=1e-12)


def test_naive_sigmoid_overflows_for_large_negative_input():
    with pytest.warns(RuntimeWarning, match="overflow"):
        naive_sigmoid(-1e4)
    assert float(_no_warnings(act.sigmoid, -1e4)) == 0.0


def test_naive_softmax_overflows_for_large_scores():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = naive_softmax([1000.0, 1000.0])  # exp overflows to inf, then inf / inf
    messages = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    assert any("overflow" in m for m in messages), messages
    assert np.isnan(result).all()
    np.testing.assert_array_equal(_no_warnings(softmax, [1000.0, 1000.0]), [0.5, 0.5])


def test_naive_versions_agree_with_stable_ones_for_moderate_inputs():
    z = np.linspace(-10, 10, 21)
    np.testing.assert_allclose(naive_sigmoid(z), act.sigmoid(z), rtol=1e-12)
    Z = z.reshape(3, 7)
    np.testing.assert_allclose(naive_softmax(Z), softmax(Z), rtol=1e-12)
    np.testing.assert_allclose(naive_softmax(Z, axis=0), softmax(Z, axis=0), rtol=1e-12)


# --- inputs, outputs and shapes ----------------------------------------------------------

@pytest.mark.parametrize("func", ALL_STABLE + [naive_sigmoid, naive_softmax], ids=lambda f: f.__name__)
def test_input_is_not_mutated_nor_shared(func):
    z = np.array([[-2.0, 0.0, 3.0], [1.0, -0.5, 0.25]])
    original = z.copy()
    out = func(z)
    np.testing.assert_array_equal(z, original)
    assert not np.shares_memory(out, z)


@pytest.mark.parametrize("func", ELEMENTWISE, ids=lambda f: f.__name__)
def test_elementwise_functions_preserve_shape(func):
    z = np.linspace(-3, 3, 24).reshape(2, 3, 4)
    out = func(z)
    assert isinstance(out, np.ndarray) and out.shape == (2, 3, 4) and out.dtype == float


@pytest.mark.parametrize("func", ELEMENTWISE, ids=lambda f: f.__name__)
def test_python_scalars_give_0d_float_arrays(func):
    for z in (2, -1.5, 0.0, np.float32(0.5)):
        out = func(z)
        assert isinstance(out, np.ndarray) and out.shape == () and out.dtype == float
        assert isinstance(float(out), float)


@pytest.mark.parametrize("func", ELEMENTWISE + [softmax, softmax_grad], ids=lambda f: f.__name__)
def test_lists_of_ints_are_accepted(func):
    np.testing.assert_array_equal(func([-1, 0, 2]), func(np.array([-1.0, 0.0, 2.0])))


def test_softmax_preserves_shape_and_grad_adds_an_axis():
    Z = np.random.default_rng(1).normal(size=(2, 3, 4))
    assert softmax(Z).shape == (2, 3, 4)
    assert softmax(Z, axis=1).shape == (2, 3, 4)
    assert softmax_grad(Z).shape == (2, 3, 4, 4)
    assert softmax_grad([1.0, 2.0]).shape == (2, 2)


# --- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize("func", ALL_STABLE, ids=lambda f: f.__name__)
@pytest.mark.parametrize("bad", ["1.0", None, [1.0, "a"]])
def test_non_numbers_raise_type_error(func, bad):
    with pytest.raises(TypeError, match="z must"):
        func(bad)


@pytest.mark.parametrize("func", ALL_STABLE, ids=lambda f: f.__name__)
def test_nan_raises_value_error_saying_where(func):
    with pytest.raises(ValueError, match=r"z must not contain NaN; got NaN at z\[1\]\. Remove or replace"):
        func([0.0, np.nan])


def test_ragged_list_raises_value_error():
    with pytest.raises(ValueError, match="rectangular"):
        act.relu([[1.0, 2.0], [3.0]])


@pytest.mark.parametrize(
    "func, kwargs, error, message",
    [
        (act.sigmoid, {"c": "2"}, TypeError, "c must be a real number"),
        (act.sigmoid_grad, {"c": None}, TypeError, "c must be a real number"),
        (act.sigmoid, {"c": np.inf}, ValueError, "c must be finite"),
        (act.sigmoid, {"c": np.nan}, ValueError, "c must be finite"),
        (act.leaky_relu, {"alpha": None}, TypeError, "alpha must be a real number"),
        (act.leaky_relu_grad, {"alpha": [0.1]}, TypeError, "alpha must be a real number"),
        (act.elu, {"alpha": np.inf}, ValueError, "alpha must be finite"),
        (act.elu_grad, {"alpha": "1"}, TypeError, "alpha must be a real number"),
    ],
)
def test_bad_parameters_raise_helpful_errors(func, kwargs, error, message):
    with pytest.raises(error, match=message):
        func([0.0, 1.0], **kwargs)


@pytest.mark.parametrize("func", [softmax, softmax_grad, naive_softmax], ids=lambda f: f.__name__)
def test_softmax_of_a_single_number_explains_it_needs_a_vector(func):
    with pytest.raises(ValueError, match="z must hold a vector of scores"):
        func(3.0)


@pytest.mark.parametrize("func", [softmax, softmax_grad, naive_softmax], ids=lambda f: f.__name__)
def test_softmax_bad_axis_raises_helpful_errors(func):
    with pytest.raises(ValueError, match=r"axis must be between -2 and 1 for z of shape \(2, 3\); got 2"):
        func(np.ones((2, 3)), axis=2)
    with pytest.raises(TypeError, match="axis must be an integer"):
        func(np.ones((2, 3)), axis=1.0)
    with pytest.raises(ValueError, match="at least one score"):
        func(np.ones((2, 0)))


# --- Infinite and extreme inputs (issue 8): limits, never NaN, never a warning ---------------

def test_leaky_relu_of_minus_inf_with_alpha_zero_is_zero_not_nan():
    assert act.leaky_relu(-np.inf, alpha=0) == 0.0
    assert act.leaky_relu([-np.inf, np.inf], alpha=0.5).tolist() == [-np.inf, np.inf]


def test_leaky_relu_beyond_the_float_range_is_minus_inf_without_a_warning():
    assert act.leaky_relu(-1e300, alpha=1e10) == -np.inf


def test_sigmoid_with_zero_steepness_is_one_half_even_at_infinity():
    assert act.sigmoid([-np.inf, 0.0, np.inf], c=0).tolist() == [0.5, 0.5, 0.5]
    assert act.sigmoid_grad([-np.inf, np.inf], c=0).tolist() == [0.0, 0.0]


def test_softmax_of_an_infinite_score_puts_all_probability_on_it():
    assert softmax([np.inf, 1.0]).tolist() == [1.0, 0.0]
    assert softmax([np.inf, np.inf, 0.0]).tolist() == [0.5, 0.5, 0.0]  # shared by the +inf scores
    assert softmax([-np.inf, 0.0]).tolist() == [0.0, 1.0]
    assert np.isfinite(softmax_grad([np.inf, 1.0])).all()


def test_softmax_of_only_minus_inf_scores_is_refused_as_undefined():
    with pytest.raises(ValueError, match=r"^z must have at least one score above -inf along axis -1; got only -inf"):
        softmax([[0.0, 1.0], [-np.inf, -np.inf]])


@pytest.mark.parametrize("func", ELEMENTWISE, ids=lambda f: f.__name__)
def test_every_elementwise_function_gives_its_limit_at_infinity_never_nan(func):
    out = func(np.array([-np.inf, np.inf]))
    assert not np.isnan(out).any()


def test_an_activation_record_built_with_a_name_where_a_function_belongs_says_so():
    with pytest.raises(TypeError, match=r"^function must be a function such as np\.tanh; got str 'relu'\. "
                                        r"For a built-in activation use get_activation\('relu'\)"):
        Activation("relu", "relu", None)
    with pytest.raises(TypeError, match=r"^derivative must be a function"):
        Activation("mine", np.tanh, 3)
    with pytest.raises(TypeError, match=r"^name must be a non-empty str"):
        Activation(None, np.tanh, None)


def test_get_activation_given_a_list_asks_for_the_name_without_brackets():
    with pytest.raises(TypeError, match=r"^activation must be a name such as 'relu' or a function; got list \['relu'\]\. "
                                        r"Pass the name itself, without brackets\.$"):
        get_activation(["relu"])
