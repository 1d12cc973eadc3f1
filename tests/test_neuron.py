"""Tests for ``course_lib.neuron``: the worked examples of lesson 01, then every error path."""

import itertools

import numpy as np
import pytest

from course_lib.neuron import forward, layer_forward, net_input, neuron, weighted_sum

# Lesson 01, seed 001: inputs [5, 1, 4, 8], weights [2, 1, 3, 2] printed with their minus
# signs lost, output 5.  Of the 16 sign patterns only [+, -, +, -] gives 5:
# 2*5 - 1*1 + 3*4 - 2*8 = 10 - 1 + 12 - 16 = 5.
INPUTS = np.array([5.0, 1.0, 4.0, 8.0])
WEIGHTS = np.array([2.0, -1.0, 3.0, -2.0])

# Lesson 01, seed 004: the hand network, weights of shape (n_in, n_out).
W1 = np.array([[1.0, -1.0], [1.0, 1.0]])  # columns: hidden node 0 [1, 1], node 1 [-1, 1]
W2 = np.array([[2.0], [-1.0]])  # output node [2, -1]


# --- Worked example 1: the four-input neuron ---------------------------------------------


def test_sign_choice_for_the_four_input_neuron_is_the_only_one_giving_5():
    magnitudes = np.abs(WEIGHTS)
    hits = [s for s in itertools.product([1, -1], repeat=4) if np.dot(np.array(s) * magnitudes, INPUTS) == 5]
    assert hits == [(1, -1, 1, -1)]


def test_four_input_neuron_gives_5_computed_three_ways():
    by_loop = 0.0
    for w_i, x_i in zip(WEIGHTS, INPUTS):
        by_loop += w_i * x_i
    by_sum = sum(WEIGHTS * INPUTS)
    by_dot = np.dot(WEIGHTS, INPUTS)
    assert by_loop == by_sum == by_dot == 5.0
    assert weighted_sum(INPUTS, WEIGHTS) == 5.0
    assert neuron(INPUTS, WEIGHTS) == 5.0  # identity activation by default


def test_four_input_neuron_with_bias_2_5_and_sigmoid():
    assert weighted_sum(INPUTS, WEIGHTS, b=2.5) == 7.5
    expected = 1.0 / (1.0 + np.exp(-7.5))
    assert neuron(INPUTS, WEIGHTS, b=2.5, activation="sigmoid") == pytest.approx(expected, rel=1e-12)


def test_weighted_sum_and_neuron_return_python_floats():
    assert type(weighted_sum([1, 2], [3, 4])) is float
    assert type(neuron([1, 2], [3, 4], activation="relu")) is float


def test_neuron_accepts_a_callable_activation():
    assert neuron(INPUTS, WEIGHTS, activation=lambda z: 2 * z) == 10.0


# --- Worked example 2: the picnic decision -----------------------------------------------


def test_picnic_with_threshold_3_goes():
    x = [0, 1, 1]  # raining? no, road clear? yes, beach good? yes
    w = [-5, 2, 4]  # rain argues against the picnic
    assert weighted_sum(x, w, b=-3) == 3.0
    assert neuron(x, w, b=-3, activation="binary_step") == 1.0


def test_picnic_with_threshold_7_stays_home():
    assert neuron([0, 1, 1], [-5, 2, 4], b=-7, activation="binary_step") == 0.0


# --- Worked example 3: the loan, bias = -threshold ---------------------------------------


@pytest.mark.parametrize(
    "salaries, approved",
    [
        ([30_000, 15_000, 10_000], 1.0),  # 55 000 >= 50 000
        ([20_000, 10_000, 5_000], 0.0),  # 35 000 < 50 000
        ([25_000, 15_000, 10_000], 1.0),  # exactly 50 000: z = 0, "at least" approves
        ([25_000, 15_000, 9_999], 0.0),  # one below the threshold
    ],
)
def test_loan_is_approved_when_household_income_reaches_50000(salaries, approved):
    assert neuron(salaries, [1, 1, 1], b=-50_000, activation="binary_step") == approved


# --- Worked examples 4 and 5: the hand network -------------------------------------------


@pytest.mark.parametrize("x, hidden, output", [([2, 3], [5, 1], 9), ([3, 4], [7, 1], 13)])
def test_hand_network_one_sample_layer_by_layer(x, hidden, output):
    a1 = layer_forward(x, W1, [0, 0])
    np.testing.assert_array_equal(a1, hidden)
    a2 = layer_forward(a1, W2, [0])
    assert a2.shape == (1,)
    np.testing.assert_array_equal(a2, [output])


def test_hand_network_on_a_batch_gives_9_and_13():
    layers = [(W1, np.zeros(2), "identity"), (W2, np.zeros(1), "identity")]
    out = forward([[2, 3], [3, 4]], layers)
    assert out.shape == (2, 1)
    np.testing.assert_array_equal(out, [[9.0], [13.0]])


def test_relu_network_on_inputs_3_4_gives_44():
    W1_relu = np.array([[2.0, 4.0], [4.0, -5.0]])  # node 0 [2, 4], node 1 [4, -5]
    W2_relu = np.array([[2.0], [7.0]])
    np.testing.assert_array_equal(net_input([[3, 4]], W1_relu, [0, 0]), [[22.0, -8.0]])
    hidden = layer_forward([3, 4], W1_relu, [0, 0], activation="relu")
    np.testing.assert_array_equal(hidden, [22.0, 0.0])
    layers = [(W1_relu, [0, 0], "relu"), (W2_relu, [0], "identity")]
    np.testing.assert_array_equal(forward([[3, 4]], layers), [[44.0]])


# --- Worked example 6: a batch is the same as a loop over rows ---------------------------


def test_batch_net_input_equals_row_by_row_loop():
    rng = np.random.default_rng(0)
    X, W, b = rng.normal(size=(7, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    Z = net_input(X, W, b)
    assert Z.shape == (7, 3)
    for i, x in enumerate(X):
        np.testing.assert_allclose(Z[i], layer_forward(x, W, b), rtol=1e-12)
        for j in range(3):
            assert Z[i, j] == pytest.approx(weighted_sum(x, W[:, j], b[j]), rel=1e-12)


def test_forward_on_a_batch_equals_one_sample_at_a_time():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5, 3))
    layers = [(rng.normal(size=(3, 4)), rng.normal(size=4), "relu"), (rng.normal(size=(4, 2)), rng.normal(size=2), "sigmoid")]
    out = forward(X, layers)
    assert out.shape == (5, 2)
    for i, x in enumerate(X):
        a = x
        for W, b, activation in layers:
            a = layer_forward(a, W, b, activation)
        np.testing.assert_allclose(out[i], a, rtol=1e-12)


def test_net_input_with_1d_weights_is_one_neuron_on_a_batch():
    Z = net_input([[2, 3], [3, 4]], [1, 1], b=-5)
    assert Z.shape == (2,)
    np.testing.assert_array_equal(Z, [0.0, 2.0])


# --- No mutation -------------------------------------------------------------------------


def test_inputs_are_never_mutated():
    X = np.array([[2.0, 3.0], [3.0, 4.0]])
    W, b, w2, b2 = W1.copy(), np.array([0.5, -0.5]), W2.copy(), np.array([1.0])
    copies = [a.copy() for a in (X, W, b, w2, b2)]
    weighted_sum(X[0], W[:, 0], 1.0)
    neuron(X[0], W[:, 0], 1.0, "relu")
    layer_forward(X[0], W, b, "relu")
    net_input(X, W, b)
    net_input(X, W[:, 0], 1.0)
    forward(X, [(W, b, "relu"), (w2, b2, "identity")])
    for original, copy in zip((X, W, b, w2, b2), copies):
        np.testing.assert_array_equal(original, copy)


def test_outputs_do_not_share_memory_with_inputs():
    X = np.array([[1.0, 2.0]])
    W = np.eye(2)
    out = forward(X, [(W, np.zeros(2), "identity")])
    out[0, 0] = 99.0
    assert X[0, 0] == 1.0


# --- Error paths -------------------------------------------------------------------------


def test_weighted_sum_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match=r"x and w must have matching sizes; got 4 and 3\. Give one weight per input"):
        weighted_sum([5, 1, 4, 8], [2, 1, 3])


@pytest.mark.parametrize("func", [weighted_sum, neuron])
@pytest.mark.parametrize(
    "x, w, b, error, message",
    [
        ("5148", [1, 2], 0.0, TypeError, "x must be a number or an array of numbers"),
        (None, [1, 2], 0.0, TypeError, "x must be a number"),
        ([1, np.nan], [1, 2], 0.0, ValueError, r"x must not contain NaN; got NaN at x\[1\]"),
        ([1, 2], [1, "a"], 0.0, TypeError, "w must contain numbers only"),
        ([[1, 2]], [1, 2], 0.0, ValueError, r"x must be 1-D with shape \(n_in,\); got shape \(1, 2\)"),
        ([1, 2], [1, 2], "3", TypeError, "b must be a real number"),
        ([1, 2], [1, 2], None, TypeError, "b must be a real number"),
        ([1, 2], [1, 2], float("nan"), ValueError, "b must be finite"),
    ],
)
def test_single_neuron_functions_reject_bad_inputs(func, x, w, b, error, message):
    with pytest.raises(error, match=message):
        func(x, w, b)


def test_neuron_rejects_an_unknown_activation_name():
    with pytest.raises(ValueError, match="no_such_activation"):
        neuron([1, 2], [1, 2], activation="no_such_activation")


def test_layer_forward_rejects_x_that_does_not_chain_into_w():
    with pytest.raises(ValueError, match=r"x has 3 features but W expects 2 inputs \(W has shape \(2, 4\)\)"):
        layer_forward([1, 2, 3], np.ones((2, 4)), np.zeros(4))


def test_layer_forward_rejects_bias_of_wrong_length():
    with pytest.raises(ValueError, match=r"b has 3 entries but W has 4 outputs .* one bias per output neuron"):
        layer_forward([1, 2], np.ones((2, 4)), np.zeros(3))


def test_layer_forward_rejects_1d_weights_with_a_reshape_hint():
    with pytest.raises(ValueError, match=r"W must be 2-D with shape \(n_in, n_out\); got shape \(2,\)\. For a layer of one neuron give it one column: np\.reshape\(W, \(-1, 1\)\)"):
        layer_forward([1, 2], [1, 2], [0])


def test_layer_forward_rejects_a_batch_for_x():
    with pytest.raises(ValueError, match=r"x must be 1-D"):
        layer_forward([[1, 2], [3, 4]], W1, [0, 0])


def test_net_input_rejects_1d_x_and_suggests_reshape():
    with pytest.raises(ValueError, match=r"X must be 2-D .* got shape \(2,\)\. Reshape your data: for a single sample use X\.reshape\(1, -1\)"):
        net_input([2, 3], W1, [0, 0])


def test_net_input_names_both_shapes_when_they_do_not_chain():
    with pytest.raises(ValueError, match=r"X has 3 features but W expects 2 inputs \(W has shape \(2, 4\)\)"):
        net_input(np.ones((5, 3)), np.ones((2, 4)), np.zeros(4))


def test_net_input_suggests_transpose_for_weights_stored_n_out_by_n_in():
    with pytest.raises(ValueError, match=r"pass W\.T"):
        net_input(np.ones((5, 3)), np.ones((2, 3)), np.zeros(2))


def test_net_input_rejects_bias_of_wrong_length():
    with pytest.raises(ValueError, match=r"b has 2 entries but W has 4 outputs"):
        net_input(np.ones((5, 2)), np.ones((2, 4)), np.zeros(2))


def test_net_input_with_1d_weights_rejects_wrong_length_and_array_bias():
    with pytest.raises(ValueError, match=r"X has 2 features but W expects 3 inputs \(W has shape \(3,\)\)"):
        net_input(np.ones((5, 2)), [1, 2, 3], 0.0)
    with pytest.raises(TypeError, match=r"b must be a real number"):
        net_input(np.ones((5, 2)), [1, 2], [0.0, 0.0])


@pytest.mark.parametrize(
    "X, W, b, error, message",
    [
        ("X", W1, [0, 0], TypeError, "X must be a number or an array of numbers"),
        (None, W1, [0, 0], TypeError, "X must be a number"),
        ([[1, np.nan]], W1, [0, 0], ValueError, r"X must not contain NaN; got NaN at X\[0, 1\]"),
        ([[1, 2]], None, [0, 0], TypeError, "W must be a number"),
        ([[1, 2]], np.ones((2, 2, 1)), [0, 0], ValueError, r"W must be 2-D with shape \(n_in, n_out\)"),
        ([[1, 2]], W1, None, TypeError, "b must be a number"),
        ([[1, 2]], W1, [[0, 0]], ValueError, r"b must be 1-D with shape \(n_out,\)"),
        ([[1, 2]], W1, [0, np.nan], ValueError, r"b must not contain NaN; got NaN at b\[1\]"),
    ],
)
def test_net_input_rejects_bad_inputs(X, W, b, error, message):
    with pytest.raises(error, match=message):
        net_input(X, W, b)


def test_forward_names_the_layer_whose_shapes_do_not_chain():
    layers = [(np.ones((2, 4)), np.zeros(4), "relu"), (np.ones((3, 1)), np.zeros(1), "identity")]
    with pytest.raises(ValueError, match=r"layer 0 has 4 outputs but layer 1 expects 3 inputs \(W of layer 1 has shape \(3, 1\)\)"):
        forward(np.ones((5, 2)), layers)


def test_forward_names_x_when_the_first_layer_does_not_fit():
    with pytest.raises(ValueError, match=r"X has 3 features but layer 0 expects 2 inputs \(W of layer 0 has shape \(2, 4\)\)"):
        forward(np.ones((5, 3)), [(np.ones((2, 4)), np.zeros(4), "relu")])


def test_forward_names_the_layer_whose_bias_is_wrong():
    layers = [(W1, [0, 0], "identity"), (W2, [0, 0], "identity")]
    with pytest.raises(ValueError, match=r"b of layer 1 has 2 entries but W of layer 1 has 1 outputs"):
        forward([[2, 3]], layers)


def test_forward_validates_every_layer_before_computing():
    layers = [(W1, [0, 0], "identity"), ("W2", [0], "identity")]
    with pytest.raises(TypeError, match=r"W of layer 1 must be a number or an array of numbers"):
        forward([[2, 3]], layers)


@pytest.mark.parametrize(
    "layers, error, message",
    [
        (None, TypeError, "layers must be a list of \\(W, b, activation\\) tuples; got NoneType"),
        ("relu", TypeError, "layers must be a list"),
        ([], ValueError, r"layers must hold at least one \(W, b, activation\) tuple; got an empty list"),
        ([(W1, [0, 0])], ValueError, r"layers\[0\] must be a \(W, b, activation\) tuple; got tuple of length 2"),
        ((W1, [0, 0], "relu"), TypeError, r"got one \(W, b, activation\) tuple without the list\. "
                                         r"Wrap it in square brackets: forward\(X, \[\(W, b, activation\)\]\)"),
    ],
)
def test_forward_rejects_malformed_layers(layers, error, message):
    with pytest.raises(error, match=message):
        forward([[2, 3]], layers)


def test_forward_rejects_1d_x_and_unknown_activation():
    with pytest.raises(ValueError, match=r"X\.reshape\(1, -1\)"):
        forward([2, 3], [(W1, [0, 0], "identity")])
    with pytest.raises(ValueError, match="no_such_activation"):
        forward([[2, 3]], [(W1, [0, 0], "no_such_activation")])


def test_activation_that_changes_shape_is_reported():
    with pytest.raises(ValueError, match=r"activation must keep the shape of its input \(2,\); it returned shape \(\)"):
        layer_forward([1, 2], W1, [0, 0], activation=lambda z: z.sum())


# --- Bad input from issue 8: each example gets a teaching error, never a warning or NaN ---

def test_an_activation_that_forgot_its_return_is_asked_about_return_not_given_nan():
    def relu_without_return(z):
        np.maximum(z, 0)

    with pytest.raises(TypeError, match=r"activation must return an array of numbers; it returned None .* `return` statement missing"):
        neuron(INPUTS, WEIGHTS, activation=relu_without_return)


def test_an_activation_with_the_wrong_number_of_arguments_names_activation():
    with pytest.raises(TypeError, match=r"^activation must take one array z .*calling activation\(z\) .*raised TypeError"):
        neuron(INPUTS, WEIGHTS, activation=np.maximum)


def test_an_activation_that_raises_is_reported_with_the_layer_it_belongs_to():
    def unfinished(z):
        raise NotImplementedError("Exercise 1.4")

    with pytest.raises(ValueError, match=r"^the activation of layer 1 must work .*NotImplementedError: Exercise 1\.4"):
        forward([[2, 3]], [(W1, [0, 0], "relu"), (W2, [0], unfinished)])


def test_an_activation_returning_inf_for_a_finite_net_input_is_refused():
    with pytest.raises(ValueError, match=r"activation must return finite values for finite input"):
        layer_forward([2, 3], W1, [0, 0], activation=lambda z: np.full_like(z, np.inf))


@pytest.mark.parametrize("x", [[np.inf, 1, 4, 8], [5, 1, -np.inf, 8]])
def test_weighted_sum_with_inf_in_x_is_refused_with_where_it_is(x):
    with pytest.raises(ValueError, match=r"^x must be finite; got -?inf at x\[\d\]\. Replace infinite values"):
        weighted_sum(x, WEIGHTS)


def test_products_beyond_the_float_range_are_explained_in_every_neuron_function():
    big = 1e300
    message = r"must be small enough for their products to stay below 1\.8e\+308; the net input overflowed\. Scale the inputs"
    with pytest.raises(ValueError, match=r"^x, w and b " + message):
        weighted_sum([big, big], [big, big])
    with pytest.raises(ValueError, match=r"^x, W and b " + message):
        layer_forward([big, big], [[big], [big]], [0])
    with pytest.raises(ValueError, match=r"^X, W and b " + message):
        net_input([[big, big]], [big, -big], 0)  # inf - inf would be nan
    with pytest.raises(ValueError, match=r"^X and the weights of layer 0 " + message):
        forward([[big, big]], [([[big], [big]], [0], "relu")])
    with pytest.raises(ValueError, match=r"^the outputs of layer 0 and the weights of layer 1 " + message):
        forward([[1e200, 1e200]], [([[1e100], [1e100]], [0], "identity"), ([[1e100]], [0], "identity")])


def test_a_bias_that_overflows_the_net_input_is_explained_too():
    with pytest.raises(ValueError, match=r"^X, W and b must be small enough"):
        net_input([[1.0]], [[1.5e308]], [1.5e308])


def test_an_unknown_activation_in_forward_names_its_layer():
    with pytest.raises(ValueError, match=r"^the activation of layer 1 must be one of .*; got 'rleu'\. Did you mean 'relu'\?"):
        forward([[2, 3]], [(W1, [0, 0], "relu"), (W2, [0], "rleu")])


def test_large_but_representable_products_are_computed_exactly_without_warning():
    assert weighted_sum([1e150, 1e150], [1e150, 1e150]) == pytest.approx(2e300)
    assert weighted_sum([1e300], [1.0], b=-1e300) == 0.0


def test_forward_given_one_layer_tuple_without_the_list_names_that_mistake():
    with pytest.raises(TypeError, match=r"^layers must be a list of \(W, b, activation\) tuples; got one \(W, b, activation\) "
                                        r"tuple without the list\. Wrap it in square brackets"):
        forward([[2, 3]], (np.ones((2, 1)), [0], "relu"))


def test_forward_reshape_hint_is_valid_python():
    with pytest.raises(ValueError, match=r"W of layer 0 must be 2-D .*np\.reshape\(W, \(-1, 1\)\)\.$"):
        forward([[2, 3]], [([1, 1], [0], "relu")])


def test_a_table_with_a_text_column_names_that_column():
    import pandas as pd

    table = pd.DataFrame({"x1": [2.0, 3.0], "x2": [3.0, 4.0], "label": ["yes", "no"]})
    with pytest.raises(TypeError, match=r"^X must contain numbers only; column 'label' holds str values such as 'yes'"):
        net_input(table, np.ones((3, 1)), [0])
    assert net_input(table[["x1", "x2"]], W1, [0, 0]).tolist() == [[5.0, 1.0], [7.0, 1.0]]


def test_activation_given_as_a_list_asks_for_the_name_without_brackets():
    with pytest.raises(TypeError, match=r"^activation must be a name such as 'relu' or a function; got list \['relu'\]\. Pass the name itself"):
        neuron(INPUTS, WEIGHTS, activation=["relu"])
