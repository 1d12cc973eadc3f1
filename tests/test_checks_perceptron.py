"""Lesson 03's checks accept correct answers written in several styles and name each realistic slip, in ten lines."""

import numpy as np

from course_lib.checks import check_count_misclassified, check_perceptron_update, check_predict_sign, check_train_epoch
from feedback_catalogue import Exercise, Wrong, catalogue_tests


# ---------------------------------------------------------------- 3.1

def _predict_loop(X, w, b):
    out = []
    for x in X:
        out.append(1.0 if x @ w + b >= 0 else -1.0)
    return np.array(out)


def _predict_return_in_loop(X, w, b):
    for x in X:
        return 1.0 if x @ w + b >= 0 else -1.0


def _predict_if(X, w, b):
    if X @ w + b >= 0:
        return 1.0
    return -1.0


def _predict_X_transposed(X, w, b):
    return np.where(X.T @ w + b >= 0, 1.0, -1.0)


PREDICT_SIGN = Exercise(
    check_predict_sign,
    right=[
        ("where", lambda X, w, b: np.where(X @ w + b >= 0, 1, -1)),
        ("dot-floats", lambda X, w, b: np.where(np.dot(X, w) + b >= 0.0, 1.0, -1.0)),
        ("loop", _predict_loop),
        ("arithmetic", lambda X, w, b: 2 * (X @ w + b >= 0) - 1),
        ("where-less", lambda X, w, b: np.where(X @ w + b < 0, -1, 1)),
        ("float32", lambda X, w, b: np.where(X.astype(np.float32) @ w.astype(np.float32) + b >= 0, 1, -1)),
    ],
    wrong=[
        Wrong("strict", lambda X, w, b: np.where(X @ w + b > 0, 1, -1), "At z = 0 exactly the step fires"),
        Wrong("np-sign", lambda X, w, b: np.sign(X @ w + b), "np.sign(z) gives 0 when z = 0"),
        Wrong("binary", lambda X, w, b: np.where(X @ w + b >= 0, 1, 0), "That is 1 or 0"),
        Wrong("booleans", lambda X, w, b: X @ w + b >= 0, "That is 1 or 0"),
        Wrong("net-input", lambda X, w, b: X @ w + b, "not the net input z"),
        Wrong("no-bias", lambda X, w, b: np.where(X @ w >= 0, 1, -1), "The bias is missing"),
        Wrong("bias-sign", lambda X, w, b: np.where(X @ w >= b, 1, -1), "The bias has the wrong sign"),
        Wrong("swapped", lambda X, w, b: np.where(X @ w + b >= 0, -1, 1), "The answers are swapped"),
        Wrong("list", lambda X, w, b: [1 if x @ w + b >= 0 else -1 for x in X], "not a Python list"),
        Wrong("return-in-loop", _predict_return_in_loop, "Only the first sample's answer"),
        Wrong("if-on-array", _predict_if, "need a single True or False"),
        Wrong("X-transposed", _predict_X_transposed, "In this exercise: X (n_samples, n_features)"),
        Wrong("twice-the-bias", lambda X, w, b: np.where(X @ w + 2 * b >= 0, 1, -1), "Take the first flower",
              aimed=False),
    ],
)


# ---------------------------------------------------------------- 3.2

def _update_if(x, target, w, b, learning_rate):
    prediction = 1 if x @ w + b >= 0 else -1
    if prediction != target:
        w = w + learning_rate * (target - prediction) * x
        b = b + learning_rate * (target - prediction)
    return w, b


def _update_error(x, target, w, b, learning_rate):
    error = target - np.where(np.dot(x, w) + b >= 0, 1, -1)
    return w + learning_rate * error * x, b + learning_rate * error


def _update_copy_then_in_place(x, target, w, b, learning_rate):
    w = w.copy()
    error = target - (1.0 if x @ w + b >= 0 else -1.0)
    w += learning_rate * error * x
    return w, b + learning_rate * error


def _slip(error, rate=True, bias=True):
    def update(x, target, w, b, learning_rate):
        z = x @ w + b
        prediction = 1.0 if z >= 0 else -1.0
        e = error(target, prediction, z)
        r = learning_rate if rate else 1.0
        return w + r * e * x, (b + r * e) if bias else b
    return update


def _in_place(x, target, w, b, learning_rate):
    prediction = 1.0 if x @ w + b >= 0 else -1.0
    w += learning_rate * (target - prediction) * x
    return w, b + learning_rate * (target - prediction)


def _half_step(x, target, w, b, learning_rate):  # η·y·x on a mistake, as scikit-learn's Perceptron does
    if (1 if x @ w + b >= 0 else -1) != target:
        return w + learning_rate * target * x, b + learning_rate * target
    return w, b


def _binary_prediction(x, target, w, b, learning_rate):
    prediction = 1 if x @ w + b >= 0 else 0
    error = target - prediction
    return w + learning_rate * error * x, b + learning_rate * error


def _strict_prediction(x, target, w, b, learning_rate):
    prediction = 1 if x @ w + b > 0 else -1
    error = target - prediction
    return w + learning_rate * error * x, b + learning_rate * error


def _no_x(x, target, w, b, learning_rate):
    error = target - (1 if x @ w + b >= 0 else -1)
    return w + learning_rate * error, b + learning_rate * error


def _bias_times_x(x, target, w, b, learning_rate):
    error = target - (1 if x @ w + b >= 0 else -1)
    return w + learning_rate * error * x, b + learning_rate * error * x


def _times_w(x, target, w, b, learning_rate):
    error = target - (1 if x @ w + b >= 0 else -1)
    return w + learning_rate * error * w, b + learning_rate * error


def _returns_only_when_wrong(x, target, w, b, learning_rate):
    prediction = 1 if x @ w + b >= 0 else -1
    if prediction != target:
        return w + learning_rate * (target - prediction) * x, b + learning_rate * (target - prediction)


def _swapped_return(x, target, w, b, learning_rate):
    error = target - (1 if x @ w + b >= 0 else -1)
    return b + learning_rate * error, w + learning_rate * error * x


PERCEPTRON_UPDATE = Exercise(
    check_perceptron_update,
    right=[
        ("if-wrong", _update_if),
        ("error-always", _update_error),
        ("list", lambda x, t, w, b, lr: [w + lr * (t - (1 if x @ w + b >= 0 else -1)) * x,
                                         b + lr * (t - (1 if x @ w + b >= 0 else -1))]),
        ("copy-then-in-place", _update_copy_then_in_place),
    ],
    wrong=[
        Wrong("bias-frozen", _slip(lambda t, p, z: t - p, bias=False), "The bias must learn too"),
        Wrong("no-eta", _slip(lambda t, p, z: t - p, rate=False), "The learning rate η is missing"),
        Wrong("swapped-error", _slip(lambda t, p, z: p - t), "target minus prediction"),
        Wrong("updates-when-right", _slip(lambda t, p, z: t), "A right prediction must change nothing"),
        Wrong("uses-z", _slip(lambda t, p, z: t - z), "not with the net input z"),
        Wrong("np-sign", _slip(lambda t, p, z: t - np.sign(z)), "np.sign(z) gives 0 when z = 0"),
        Wrong("in-place", _in_place, "instead of modifying the input"),
        Wrong("returns-w-only", lambda x, t, w, b, lr: w + lr * (t - (1 if x @ w + b >= 0 else -1)) * x,
              "Return both new values"),
        Wrong("half-step", _half_step, "takes half the step"),
        Wrong("binary-prediction", _binary_prediction, "Your prediction is 1 or 0"),
        Wrong("strict-prediction", _strict_prediction, "Yours predicts -1 there"),
        Wrong("no-x", _no_x, "the x is missing from your Δw"),
        Wrong("bias-times-x", _bias_times_x, "not x: your b became an array"),
        Wrong("times-w", _times_w, "not by its own value wⱼ"),
        Wrong("none-when-right", _returns_only_when_wrong, "every path needs a `return`"),
        Wrong("swapped-return", _swapped_return, "right but returned in"),
    ],
)


# ---------------------------------------------------------------- 3.3

def _update(x, target, w, b, learning_rate):
    error = target - (1.0 if x @ w + b >= 0 else -1.0)
    return w + learning_rate * error * x, b + learning_rate * error


def _epoch(X, y, w, b, learning_rate):
    updates = 0
    for x_i, y_i in zip(X, y):
        prediction = 1 if x_i @ w + b >= 0 else -1
        if prediction != y_i:
            w = w + learning_rate * (y_i - prediction) * x_i
            b = b + learning_rate * (y_i - prediction)
            updates += 1
    return w, b, updates


def _epoch_indexed(X, y, w, b, learning_rate):
    count = 0
    for i in range(len(y)):
        error = y[i] - np.where(X[i] @ w + b >= 0, 1, -1)
        w, b = w + learning_rate * error * X[i], b + learning_rate * error
        count += int(error != 0)
    return w, b, count


def _epoch_with_update(X, y, w, b, learning_rate):  # the lesson's way: Exercise 3.2's function, bias changed
    n_updates = 0
    for x_i, target in zip(X, y):
        w_new, b_new = _update(x_i, target, w, b, learning_rate)
        n_updates += int(b_new != b)
        w, b = w_new, b_new
    return w, b, n_updates


def _frozen(X, y, w, b, learning_rate):
    predictions = np.where(X @ w + b >= 0, 1, -1)
    count = 0
    for x_i, y_i, p in zip(X, y, predictions):
        if p != y_i:
            w, b, count = w + learning_rate * (y_i - p) * x_i, b + learning_rate * (y_i - p), count + 1
    return w, b, count


def _counts_final(X, y, w, b, learning_rate):
    w, b, _ = _epoch(X, y, w, b, learning_rate)
    return w, b, int((np.where(X @ w + b >= 0, 1, -1) != y).sum())


def _counts_first_weight(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        w_new, b_new = _update(x_i, y_i, w, b, learning_rate)
        if w_new[0] != w[0]:
            count += 1
        w, b = w_new, b_new
    return w, b, count


def _counts_weights(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        w_new, b_new = _update(x_i, y_i, w, b, learning_rate)
        if not np.array_equal(w_new, w):
            count += 1
        w, b = w_new, b_new
    return w, b, count


def _counts_right(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        if (1 if x_i @ w + b >= 0 else -1) == y_i:
            count += 1
        w, b = _update(x_i, y_i, w, b, learning_rate)
    return w, b, count


def _counts_error_size(X, y, w, b, learning_rate):
    n_updates = 0
    for x_i, y_i in zip(X, y):
        error = y_i - (1 if x_i @ w + b >= 0 else -1)
        w, b = w + learning_rate * error * x_i, b + learning_rate * error
        n_updates += abs(error)
    return w, b, n_updates


def _never_counts(X, y, w, b, learning_rate):
    n_updates = 0
    for x_i, y_i in zip(X, y):
        w, b = _update(x_i, y_i, w, b, learning_rate)
    return w, b, n_updates


def _not_reassigned(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        w_new, b_new = _update(x_i, y_i, w, b, learning_rate)
        count += int(b_new != b)
    return w, b, count


def _return_in_loop(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        w_new, b_new = _update(x_i, y_i, w, b, learning_rate)
        count += int(b_new != b)
        w, b = w_new, b_new
        return w, b, count


def _stops_early(X, y, w, b, learning_rate):
    count = 0
    for i in range(len(y) - 1):
        w_new, b_new = _update(X[i], y[i], w, b, learning_rate)
        count += int(b_new != b)
        w, b = w_new, b_new
    return w, b, count


def _reversed(X, y, w, b, learning_rate):
    return _epoch(X[::-1], y[::-1], w, b, learning_rate)


def _in_place_epoch(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        error = y_i - (1.0 if x_i @ w + b >= 0 else -1.0)
        w += learning_rate * error * x_i
        b += learning_rate * error
        count += int(error != 0)
    return w, b, count


def _strict_epoch(X, y, w, b, learning_rate):
    count = 0
    for x_i, y_i in zip(X, y):
        prediction = 1 if x_i @ w + b > 0 else -1
        if prediction != y_i:
            error = y_i - prediction
            w, b, count = w + learning_rate * error * x_i, b + learning_rate * error, count + 1
    return w, b, count


TRAIN_EPOCH = Exercise(
    check_train_epoch,
    right=[
        ("zip", _epoch),
        ("indexed", _epoch_indexed),
        ("with-update", _epoch_with_update),
        ("list", lambda X, y, w, b, lr: list(_epoch(X, y, w, b, lr))),
    ],
    wrong=[
        Wrong("frozen-weights", _frozen, "with the weights of the start of the epoch"),
        Wrong("counts-misclassified", _counts_final, "not the samples the final weights get wrong"),
        Wrong("counts-first-weight", _counts_first_weight, "even if some weights did not move"),
        Wrong("counts-weights", _counts_weights, "even if some weights did not move"),
        Wrong("counts-samples", lambda X, y, w, b, lr: _epoch(X, y, w, b, lr)[:2] + (len(y),), "number of samples"),
        Wrong("counts-right", _counts_right, "counts the samples that were right"),
        Wrong("counts-error-size", _counts_error_size, "adds the size of the error"),
        Wrong("never-counts", _never_counts, "Your count stays 0"),
        Wrong("not-reassigned", _not_reassigned, "w and b never change in your loop"),
        Wrong("return-in-loop", _return_in_loop, "Only the first sample was used"),
        Wrong("stops-early", _stops_early, "The last sample is never used"),
        Wrong("reversed", _reversed, "in their order"),
        Wrong("w-and-b-only", lambda X, y, w, b, lr: _epoch(X, y, w, b, lr)[:2], "Return three values"),
        Wrong("strict", _strict_epoch, "with > your predictions are -1 there"),
        Wrong("in-place", _in_place_epoch, "instead of modifying the input"),
        Wrong("eta-twice", lambda X, y, w, b, lr: _epoch(X, y, w, b, 2 * lr), "Follow the first flowers",
              aimed=False),
    ],
)


# ---------------------------------------------------------------- 3.4

def _predict(X, w, b):
    return np.where(X @ w + b >= 0, 1, -1)


COUNT_MISCLASSIFIED = Exercise(
    check_count_misclassified,
    right=[
        ("sum", lambda X, y, w, b: int(np.sum(_predict(X, w, b) != y))),
        ("count-nonzero", lambda X, y, w, b: np.count_nonzero(_predict(X, w, b) - y)),
        ("generator", lambda X, y, w, b: sum(1 for x_i, y_i in zip(X, y) if (1 if x_i @ w + b >= 0 else -1) != y_i)),
        ("numpy-integer", lambda X, y, w, b: (_predict(X, w, b) != y).sum()),
        ("mean-times-n", lambda X, y, w, b: np.mean(_predict(X, w, b) != y) * len(y)),
    ],
    wrong=[
        Wrong("counts-right", lambda X, y, w, b: int(np.sum(_predict(X, w, b) == y)), "counts the right answers"),
        Wrong("fraction", lambda X, y, w, b: float(np.mean(_predict(X, w, b) != y)), "not the fraction"),
        Wrong("percentage", lambda X, y, w, b: 100 * np.mean(_predict(X, w, b) != y), "not a percentage"),
        Wrong("strict-step", lambda X, y, w, b: int(np.sum(np.where(X @ w + b > 0, 1, -1) != y)),
              "with > the count is off"),
        Wrong("np-sign", lambda X, y, w, b: int(np.sum(np.sign(X @ w + b) != y)), "np.sign(z) gives 0 when z = 0"),
        Wrong("no-bias", lambda X, y, w, b: int(np.sum(_predict(X, w, 0) != y)), "The bias is missing"),
        Wrong("bias-sign", lambda X, y, w, b: int(np.sum(np.where(X @ w - b >= 0, 1, -1) != y)),
              "The bias has the wrong sign"),
        Wrong("binary-predictions", lambda X, y, w, b: int(np.sum((X @ w + b >= 0) != y)), "are 1 or 0"),
        Wrong("compares-z", lambda X, y, w, b: int(np.sum(X @ w + b != y)), "not with the net input z"),
        Wrong("boolean-array", lambda X, y, w, b: _predict(X, w, b) != y, "add up your True/False array"),
        Wrong("predictions", lambda X, y, w, b: _predict(X, w, b), "not the predictions themselves"),
        Wrong("sum-of-differences", lambda X, y, w, b: np.sum(_predict(X, w, b) - y), "+2 and -2 cancel"),
        Wrong("sum-of-absolute-differences", lambda X, y, w, b: np.sum(np.abs(_predict(X, w, b) - y)),
              "Each wrong row adds 2"),
        Wrong("len", lambda X, y, w, b: len(_predict(X, w, b) != y), "len() counts every entry"),
        Wrong("first-rows-only", lambda X, y, w, b: int(np.sum(_predict(X[:-1], w, b) != y[:-1])),
              "Take the first case by hand", aimed=False),
    ],
)


CATALOGUE = {"3.1": PREDICT_SIGN, "3.2": PERCEPTRON_UPDATE, "3.3": TRAIN_EPOCH, "3.4": COUNT_MISCLASSIFIED}


(test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines,
 test_the_catalogue_is_large_and_mostly_aimed) = catalogue_tests(CATALOGUE)
