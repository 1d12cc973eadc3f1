"""Lesson 08 trains the student's own network with the student's own loop: the functions are read from
the student's lesson-06 notebook (the course's stand in, and say so, where a stub or a wrong answer
remains), and MLPClassifier with the same seed and settings ends with the same weights."""

import json

import numpy as np
import pytest

from course_lib import capstone
from course_lib.capstone import COURSE_06, is_stub, load_functions, minibatch_epoch, minibatches, yours_or_course
from course_lib.datasets import load_digits
from course_lib.mlp import MLPClassifier, init_params
from course_lib.preprocessing import train_test_split

STUB = '    raise NotImplementedError("Exercise {}: replace this line with your code, then run this cell.")'

# A student's lesson 06 as lesson 06's interface has it: divisions by n, their own softmax, helpers.
STUDENT_06 = {
    "layer_forward": "def layer_forward(A_prev, W, b):\n    Z = A_prev @ W + b\n    return Z, np.tanh(Z)",
    "softmax_cross_entropy": ("def softmax_cross_entropy(Z, Y):\n    Z = Z - Z.max(axis=1, keepdims=True)\n"
                              "    return float(-(Y * (Z - np.log(np.exp(Z).sum(axis=1, keepdims=True)))).sum(axis=1).mean())"),
    "hidden_delta": "def hidden_delta(dZ2, W2, Z1):\n    return (dZ2 @ W2.T) * (1 - np.tanh(Z1) ** 2)",
    "backward_pass": ("def backward_pass(X, Y, W1, b1, W2, b2, alpha):\n    n = len(X)\n"
                      "    Z1, A1 = layer_forward(X, W1, b1)\n    Y_hat = probabilities(A1 @ W2 + b2)\n"
                      "    d2 = Y_hat - Y\n    d1 = hidden_delta(d2, W2, Z1)\n"
                      "    return X.T @ d1 / n + alpha * W1, d1.sum(axis=0) / n, A1.T @ d2 / n + alpha * W2, d2.sum(axis=0) / n"),
    "probabilities": ("def probabilities(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
                      "    return E / E.sum(axis=1, keepdims=True)"),
    "gradient_step": "def gradient_step(params, grads, learning_rate):\n    return [p - learning_rate * g for p, g in zip(params, grads)]",
    "predict": ("def predict(X, params):\n    W1, b1, W2, b2 = params\n"
                "    return np.argmax(layer_forward(X, W1, b1)[1] @ W2 + b2, axis=1)"),
}


def _notebook(folder, cells, name="06-backpropagation.ipynb"):
    """A notebook of code cells (and a markdown cell, which must be skipped) in ``folder``."""
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# 06 · Backpropagation"}]
                + [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
                   for source in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (folder / name).write_text(json.dumps(notebook), encoding="utf-8")
    return name


@pytest.fixture
def in_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the lessons' folder, as when a notebook runs
    return tmp_path


def test_a_students_functions_are_read_from_their_notebook_and_nothing_else_runs(in_folder):
    cells = ["import numpy as np\n%matplotlib inline", *STUDENT_06.values(),
             "raise RuntimeError('a training cell must never run when lesson 08 reads this notebook')"]
    found = load_functions(_notebook(in_folder, cells))
    assert found.yours == list(COURSE_06) and not found.not_attempted and not found.wrong
    assert str(found).startswith("✔ Yours, from 06-backpropagation.ipynb: layer_forward")
    layer_forward = list(found)[0]
    assert layer_forward.__globals__["__name__"] == "lesson:06-backpropagation", "the student's own namespace"


def test_a_later_definition_replaces_an_earlier_one_as_when_the_cells_run(in_folder):
    wrong = "def gradient_step(params, grads, learning_rate):\n    return [p + learning_rate * g for p, g in zip(params, grads)]"
    found = load_functions(_notebook(in_folder, ["import numpy as np", wrong, *STUDENT_06.values()]))
    assert "gradient_step" in found.yours


def test_stubs_and_the_functions_that_call_them_fall_back_to_the_courses_with_a_note(in_folder):
    cells = dict(STUDENT_06, layer_forward="def layer_forward(A_prev, W, b):\n" + STUB.format("6.1"))
    found = load_functions(_notebook(in_folder, ["import numpy as np", *cells.values()]))
    assert found.not_attempted == {"layer_forward": "Exercise 6.1", "backward_pass": "needs Exercise 6.1",
                                   "predict": "needs Exercise 6.1"}
    assert found.functions["backward_pass"] is COURSE_06["backward_pass"]
    assert found.yours == ["softmax_cross_entropy", "gradient_step"]
    assert "◻ Not attempted yet in 06-backpropagation.ipynb: layer_forward (Exercise 6.1)" in str(found)


def test_a_wrong_function_is_not_used_and_the_student_is_sent_back_to_its_check(in_folder):
    cells = dict(STUDENT_06, hidden_delta="def hidden_delta(dZ2, W2, Z1):\n    return (dZ2 @ W2.T) * (1 - Z1 ** 2)")
    found = load_functions(_notebook(in_folder, ["import numpy as np", *cells.values()]))
    assert list(found.wrong) == ["backward_pass"] and found.functions["backward_pass"] is COURSE_06["backward_pass"]
    assert "✘ Your backward_pass is not used: it gives other numbers" in str(found)


def test_a_function_that_needs_a_global_of_lesson_06_is_explained_not_crashed(in_folder):
    cells = dict(STUDENT_06, gradient_step="def gradient_step(params, grads, learning_rate):\n"
                                           "    return [p - eta * g for p, g in zip(params, grads)]")
    found = load_functions(_notebook(in_folder, ["import numpy as np", "eta = 0.1", *cells.values()]))
    assert "NameError" in found.wrong["gradient_step"]


def test_a_cell_that_does_not_parse_is_skipped_and_named(in_folder):
    found = load_functions(_notebook(in_folder, ["import numpy as np", "def broken(:\n    pass", *STUDENT_06.values()]))
    assert found.yours == list(COURSE_06) and "cell 3 does not run (SyntaxError" in str(found)


def test_no_notebook_means_the_courses_functions_and_a_note_that_says_so(in_folder):
    found = load_functions("06-backpropagation.ipynb")
    assert not found.found and list(found) == list(COURSE_06.values())
    assert str(found).startswith("◻ 06-backpropagation.ipynb is not in this folder")


@pytest.mark.parametrize("bad", [6, "06-backpropagation", None])
def test_the_notebook_must_be_named_as_a_file(bad):
    with pytest.raises(TypeError, match="notebook must be the file name of a lesson"):
        load_functions(bad)


def test_yours_or_course_keeps_a_written_function_and_stands_in_for_a_stub(capsys):
    def minibatches(n_samples, batch_size, random_state):
        raise NotImplementedError("Exercise 8.2: replace this line with your code, then run this cell.")

    def one_hot(labels, n_classes):
        return np.eye(n_classes)[labels]

    use = yours_or_course(one_hot, minibatches)
    assert use.one_hot is one_hot and use.minibatches is capstone.minibatches
    assert capsys.readouterr().out.startswith("◻ Exercise 8.2 not attempted yet: `minibatches` is still its stub")
    assert is_stub(minibatches) and not is_stub(one_hot)
    with pytest.raises(TypeError, match="no brackets"):
        yours_or_course(one_hot(np.array([1]), 2))


def test_minibatches_from_the_generator_that_drew_the_weights_continue_its_stream():
    rng = np.random.default_rng(3)
    first = minibatches(10, 4, rng)
    expected = np.random.default_rng(3).permutation(10)
    assert [len(b) for b in first] == [4, 4, 2] and np.array_equal(np.concatenate(first), expected)
    assert not np.array_equal(np.concatenate(minibatches(10, 4, rng)), expected), "a new order each epoch"


@pytest.fixture(scope="module")
def digits():
    images, labels = load_digits()
    X = images.reshape(len(images), -1) / 16
    X_train, X_test, y_train, y_test = train_test_split(X, labels, test_size=0.25, random_state=0, stratify=labels)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=0, stratify=y_train)
    return X_fit, y_fit, X_test, y_test


def _students_loop(functions, X, y, n_epochs):
    """Lesson 08's loop: one generator for the initial weights and every epoch's order."""
    namespace = dict(functions)
    epoch = type(minibatch_epoch)(minibatch_epoch.__code__, namespace)  # Exercise 8.3 calling these functions
    rng = np.random.default_rng(0)
    (W1, W2), (b1, b2) = init_params((64, 64, 10), "tanh", random_state=rng)
    params = [W1, b1, W2, b2]
    for _ in range(n_epochs):
        params = epoch(X, np.eye(10)[y], params, 0.5, minibatches(len(X), 32, rng))
    return params


@pytest.mark.parametrize("whose", ["the student's", "the course's"])
def test_the_students_loop_and_mlpclassifier_end_with_the_same_weights_and_97_percent(digits, whose, in_folder):
    X_fit, y_fit, X_test, y_test = digits
    if whose == "the student's":
        functions = dict(zip(COURSE_06, load_functions(_notebook(in_folder, ["import numpy as np", *STUDENT_06.values()]))))
        assert all(f is not COURSE_06[name] for name, f in functions.items())
    else:
        functions = COURSE_06
    params = _students_loop(functions, X_fit, y_fit, n_epochs=30)
    network = MLPClassifier((64,), "tanh", learning_rate=0.5, batch_size=32, n_epochs=30, random_state=0).fit(X_fit, y_fit)
    library = [network.coefs_[0], network.intercepts_[0], network.coefs_[1], network.intercepts_[1]]
    for mine, theirs in zip(params, library):
        np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-12)
    accuracy = np.mean(functions["predict"](X_test, params) == y_test)
    assert accuracy >= 0.97 and accuracy == network.score(X_test, y_test)


def test_an_import_that_fails_is_passed_over_and_a_function_that_needs_it_is_named(in_folder):
    cells = ["import numpy as np\nfrom course_lib.checks import check_not_written_yet",
             *dict(STUDENT_06, gradient_step="from not_a_module import step\n\n"
                                             "def gradient_step(params, grads, learning_rate):\n"
                                             "    return step(params, grads, learning_rate)").values()]
    found = load_functions(_notebook(in_folder, cells))
    assert found.skipped == [] and "NameError" in found.wrong["gradient_step"]
    assert found.yours == ["layer_forward", "softmax_cross_entropy", "backward_pass", "predict"]
