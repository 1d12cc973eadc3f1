"""MLPClassifier's training loop (issue 13's speed-up) computes what forward/cross_entropy/backward compute,
and its ``dtype`` option trains in float32."""

import numpy as np
import pytest

from course_lib.activations import ACTIVATIONS, Activation
from course_lib.datasets import make_moons, make_spirals
from course_lib.mlp import MLPClassifier, backward, cross_entropy, forward


def _reference_epoch(model, X, Y):
    """One full-batch epoch written with the public functions, as lesson 06 derives it."""
    Zs, As = forward(X, model.coefs_, model.intercepts_, model.activation)
    loss = cross_entropy(Y, Zs[-1])
    dWs, dbs = backward(Y, Zs, As, model.coefs_, model.activation)
    weights = [W - model.learning_rate * dW for W, dW in zip(model.coefs_, dWs)]
    biases = [b - model.learning_rate * db for b, db in zip(model.intercepts_, dbs)]
    return loss, weights, biases


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "elu", "leaky_relu", "softplus", "arctan", "linear"])
def test_one_epoch_of_the_training_loop_is_forward_cross_entropy_and_backward(activation):
    X, y = make_spirals(n_samples=90, random_state=0)
    model = MLPClassifier((6, 5), activation, learning_rate=0.3, n_epochs=0).fit(X, y)
    loss, weights, biases = _reference_epoch(model, X, np.eye(3)[y])
    model.train_epochs(1)
    assert model.loss_curve_[0] == pytest.approx(loss, rel=1e-12)
    for got, expected in zip(model.coefs_ + model.intercepts_, weights + biases):
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


def test_an_activation_object_that_is_not_the_librarys_trains_through_the_checked_path():
    relu = ACTIVATIONS["relu"]
    mine = Activation("relu", lambda z: np.maximum(z, 0.0), lambda z: (np.asarray(z) > 0) * 1.0)
    X, y = make_moons(n_samples=60, noise=0.2)
    ours = MLPClassifier((8,), relu, learning_rate=0.3, n_epochs=20, batch_size=16).fit(X, y)
    theirs = MLPClassifier((8,), mine, learning_rate=0.3, n_epochs=20, batch_size=16).fit(X, y)
    np.testing.assert_allclose(ours.loss_curve_, theirs.loss_curve_, rtol=1e-12)


def test_float32_trains_in_float32_and_learns_what_float64_learns():
    X, y = make_moons(n_samples=200, noise=0.2, random_state=0)
    double = MLPClassifier((16,), "tanh", learning_rate=0.5, n_epochs=300, batch_size=32).fit(X, y)
    single = MLPClassifier((16,), "tanh", learning_rate=0.5, n_epochs=300, batch_size=32, dtype="float32").fit(X, y)
    assert all(p.dtype == np.float32 for p in single.coefs_ + single.intercepts_)
    assert all(p.dtype == np.float64 for p in double.coefs_ + double.intercepts_)
    np.testing.assert_allclose(single.loss_curve_, double.loss_curve_, rtol=1e-3)
    assert single.score(X, y) == pytest.approx(double.score(X, y), abs=0.01)
    assert single.predict_proba(X[:3]).sum(axis=1) == pytest.approx(1.0, abs=1e-6)
    assert repr(single) == "MLPClassifier(learning_rate=0.5, n_epochs=300, batch_size=32, dtype='float32')"
    assert MLPClassifier(dtype=np.float32).fit(X, y).coefs_[0].dtype == np.float32


@pytest.mark.parametrize("dtype", ["float16", "int", None, 3, "double precision"])
def test_dtype_other_than_float64_or_float32_is_refused_with_a_hint(dtype):
    X, y = make_moons(n_samples=20)
    with pytest.raises(ValueError, match=r"dtype must be 'float64' or 'float32'; got"):
        MLPClassifier(dtype=dtype).fit(X, y)
