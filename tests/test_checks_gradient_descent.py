"""Lesson 04's checks accept correct answers written in several styles and name each realistic slip, in ten lines."""

import numpy as np

from course_lib.checks import check_cost_gradient, check_gradient_descent_step, check_linear_cost, check_train_adaline
from feedback_catalogue import Exercise, Wrong, catalogue_tests


def _errors(X, y, w, b):
    return y - (X @ w + b)


# ---------------------------------------------------------------- 4.1 the cost

def _cost_loop(X, y, w, b):
    total = 0.0
    for x_i, y_i in zip(X, y):
        total += (y_i - (x_i @ w + b)) ** 2
    return total / 2


def _cost_elementwise_star(X, y, w, b):
    errors = y - (X * w + b)
    return 0.5 * np.sum(errors ** 2)


def _cost_w_first(X, y, w, b):
    errors = y - (w @ X + b)
    return 0.5 * np.sum(errors ** 2)


LINEAR_COST = Exercise(
    check_linear_cost,
    right=[
        ("numpy", lambda X, y, w, b: 0.5 * np.sum((y - (X @ w + b)) ** 2)),
        ("dot-product", lambda X, y, w, b: ((y - X.dot(w) - b) @ (y - X.dot(w) - b)) / 2),
        ("square-float", lambda X, y, w, b: float(np.square(y - np.dot(X, w) - b).sum() * 0.5)),
        ("loop", _cost_loop),
        ("prediction-minus-target", lambda X, y, w, b: np.sum((X @ w + b - y) ** 2) / 2),
        ("norm", lambda X, y, w, b: 0.5 * np.linalg.norm(y - X @ w - b) ** 2),
        ("float32", lambda X, y, w, b: 0.5 * np.sum((y - (X @ w + b)).astype(np.float32) ** 2)),
    ],
    wrong=[
        Wrong("half-forgotten", lambda X, y, w, b: np.sum((y - (X @ w + b)) ** 2), "the ½ in front of the sum"),
        Wrong("mse", lambda X, y, w, b: np.mean((y - (X @ w + b)) ** 2), "That is an average (mean squared error)"),
        Wrong("half-mse", lambda X, y, w, b: 0.5 * np.mean((y - (X @ w + b)) ** 2), "half the mean squared error"),
        Wrong("rmse", lambda X, y, w, b: np.sqrt(np.mean((y - (X @ w + b)) ** 2)), "(RMSE)"),
        Wrong("no-bias", lambda X, y, w, b: 0.5 * np.sum((y - X @ w) ** 2), "The bias is missing"),
        Wrong("brackets", lambda X, y, w, b: 0.5 * np.sum((y - X @ w + b) ** 2), "Mind the brackets"),
        Wrong("square-of-sum", lambda X, y, w, b: 0.5 * np.sum(y - (X @ w + b)) ** 2, "Square each error first"),
        Wrong("no-square", lambda X, y, w, b: 0.5 * np.sum(y - (X @ w + b)), "a plain sum lets errors"),
        Wrong("absolute", lambda X, y, w, b: 0.5 * np.sum(np.abs(y - (X @ w + b))), "their absolute values"),
        Wrong("not-summed", lambda X, y, w, b: 0.5 * (y - (X @ w + b)) ** 2, "The cost is one number"),
        Wrong("step-predictions", lambda X, y, w, b: 0.5 * np.sum((y - np.where(X @ w + b >= 0, 1, -1)) ** 2),
              "no step"),
        Wrong("norm-not-squared", lambda X, y, w, b: 0.5 * np.linalg.norm(y - (X @ w + b)), "square it before"),
        Wrong("elementwise-star", _cost_elementwise_star, "In this exercise: X (n_samples, n_features)"),
        Wrong("w-first", _cost_w_first, "In this exercise: X (n_samples, n_features)"),
        Wrong("half-of-w", lambda X, y, w, b: 0.5 * np.sum((y - (0.5 * X @ w + b)) ** 2), "Take the first case",
              aimed=False),
    ],
)


# ---------------------------------------------------------------- 4.2 the gradient

def _gradient_loop(X, y, w, b):
    dw, db = np.zeros_like(w), 0.0
    for x_i, y_i in zip(X, y):
        error = y_i - (x_i @ w + b)
        dw = dw - error * x_i
        db = db - error
    return dw, db


def _gradient_X_not_transposed(X, y, w, b):
    errors = y - (X @ w + b)
    return -X @ errors, -np.sum(errors)


COST_GRADIENT = Exercise(
    check_cost_gradient,
    right=[
        ("matrix", lambda X, y, w, b: (-X.T @ (y - (X @ w + b)), -np.sum(y - (X @ w + b)))),
        ("prediction-minus-target", lambda X, y, w, b: ((X @ w + b - y) @ X, float((X @ w + b - y).sum()))),
        ("list", lambda X, y, w, b: [-np.dot(X.T, y - X.dot(w) - b), -(y - X.dot(w) - b).sum()]),
        ("loop", _gradient_loop),
        ("float32", lambda X, y, w, b: (-X.T.astype(np.float32) @ _errors(X, y, w, b).astype(np.float32),
                                        -np.sum(_errors(X, y, w, b).astype(np.float32)))),
    ],
    wrong=[
        Wrong("sign", lambda X, y, w, b: (X.T @ _errors(X, y, w, b), _errors(X, y, w, b).sum()),
              "The signs are reversed"),
        Wrong("double-minus", lambda X, y, w, b: (-X.T @ (X @ w + b - y), -np.sum(X @ w + b - y)),
              "The signs are reversed"),
        Wrong("half-forgotten", lambda X, y, w, b: (-2 * X.T @ _errors(X, y, w, b), -2 * _errors(X, y, w, b).sum()),
              "twice the gradient"),
        Wrong("mean", lambda X, y, w, b: (-X.T @ _errors(X, y, w, b) / len(y), -_errors(X, y, w, b).mean()),
              "(a mean)"),
        Wrong("no-db", lambda X, y, w, b: (-X.T @ _errors(X, y, w, b), 0.0), "∂J/∂b is missing"),
        Wrong("no-x", lambda X, y, w, b: (-np.full(X.shape[1], _errors(X, y, w, b).sum()), -_errors(X, y, w, b).sum()),
              "yours gives every weight the same number"),
        Wrong("no-bias", lambda X, y, w, b: (-X.T @ (y - X @ w), -np.sum(y - X @ w)),
              "The bias is missing from the prediction"),
        Wrong("dw-only", lambda X, y, w, b: -X.T @ _errors(X, y, w, b), "Return both derivatives together"),
        Wrong("db-not-summed", lambda X, y, w, b: (-X.T @ _errors(X, y, w, b), -_errors(X, y, w, b)),
              "∂J/∂b is one number"),
        Wrong("dw-not-summed", lambda X, y, w, b: (-X * _errors(X, y, w, b)[:, None], -_errors(X, y, w, b).sum()),
              "one number per weight"),
        Wrong("db-mean", lambda X, y, w, b: (-X.T @ _errors(X, y, w, b), -_errors(X, y, w, b).mean()),
              "your ∂J/∂b is a mean"),
        Wrong("targets", lambda X, y, w, b: (-X.T @ y, -np.sum(y)), "not the targets y"),
        Wrong("dw-sign", lambda X, y, w, b: (X.T @ _errors(X, y, w, b), -_errors(X, y, w, b).sum()),
              "∂J/∂w has the wrong sign"),
        Wrong("swapped", lambda X, y, w, b: (-_errors(X, y, w, b).sum(), -X.T @ _errors(X, y, w, b)),
              "right but returned in"),
        Wrong("X-not-transposed", _gradient_X_not_transposed, "(n_samples, n_features)"),
    ],
)


# ---------------------------------------------------------------- 4.3 one step

def _step(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    w_new = w + learning_rate * X.T @ errors
    b_new = b + learning_rate * errors.sum()
    return w_new, b_new


def _step_with_gradient(X, y, w, b, learning_rate):
    dw = -(X.T @ (y - X @ w - b))
    db = -np.sum(y - X @ w - b)
    return w - learning_rate * dw, b - learning_rate * db


def _step_copy_in_place(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    w = w.copy()
    w += learning_rate * X.T @ errors
    return w, b + learning_rate * errors.sum()


def _uphill(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w - learning_rate * X.T @ errors, b - learning_rate * errors.sum()


def _w_only(X, y, w, b, learning_rate):
    return w + learning_rate * X.T @ (y - (X @ w + b)), b


def _updated_w_for_b(X, y, w, b, learning_rate):
    w = w + learning_rate * X.T @ (y - (X @ w + b))
    b = b + learning_rate * np.sum(y - (X @ w + b))
    return w, b


def _mean(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + learning_rate * X.T @ errors / len(y), b + learning_rate * errors.mean()


def _no_eta(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + X.T @ errors, b + errors.sum()


def _in_place(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    w += learning_rate * X.T @ errors
    return w, b + learning_rate * errors.sum()


def _returns_gradient(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return -X.T @ errors, -errors.sum()


def _b_uphill(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + learning_rate * X.T @ errors, b - learning_rate * errors.sum()


def _eta_on_w_only(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + learning_rate * X.T @ errors, b + errors.sum()


def _returns_w(X, y, w, b, learning_rate):
    return w + learning_rate * X.T @ (y - (X @ w + b))


def _per_sample(X, y, w, b, learning_rate):
    for x_i, y_i in zip(X, y):
        error = y_i - (x_i @ w + b)
        w, b = w + learning_rate * error * x_i, b + learning_rate * error
    return w, b


def _step_predictions(X, y, w, b, learning_rate):
    errors = y - np.where(X @ w + b >= 0, 1, -1)
    return w + learning_rate * X.T @ errors, b + learning_rate * errors.sum()


def _X_not_transposed(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + learning_rate * X @ errors, b + learning_rate * errors.sum()


def _half_step_for_b(X, y, w, b, learning_rate):
    errors = y - (X @ w + b)
    return w + learning_rate * X.T @ errors, b + learning_rate / 2 * errors.sum()


GRADIENT_DESCENT_STEP = Exercise(
    check_gradient_descent_step,
    right=[
        ("errors", _step),
        ("minus-gradient", _step_with_gradient),
        ("one-line", lambda X, y, w, b, lr: (w + lr * (y - X @ w - b) @ X, b + lr * float(np.sum(y - X @ w - b)))),
        ("copy-then-in-place", _step_copy_in_place),
        ("float32", lambda X, y, w, b, lr: _step(X.astype(np.float32), y.astype(np.float32), w.astype(np.float32),
                                                 np.float32(b), np.float32(lr))),
    ],
    wrong=[
        Wrong("uphill", _uphill, "Your step goes uphill"),
        Wrong("w-only", _w_only, "The bias must learn too"),
        Wrong("updated-w-for-b", _updated_w_for_b, "computes the bias's errors again with the new w"),
        Wrong("mean", _mean, "as if η were n times smaller"),
        Wrong("no-eta", _no_eta, "Multiply the gradient by the learning rate"),
        Wrong("in-place", _in_place, "instead of modifying the input"),
        Wrong("returns-gradient", _returns_gradient, "That is the gradient itself"),
        Wrong("b-uphill", _b_uphill, "b goes uphill"),
        Wrong("eta-on-w-only", _eta_on_w_only, "scales the bias's step too"),
        Wrong("returns-w", _returns_w, "Return both new values"),
        Wrong("per-sample", _per_sample, "updates after every sample"),
        Wrong("step-predictions", _step_predictions, "no step"),
        Wrong("X-not-transposed", _X_not_transposed, "(n_samples, n_features)"),
        Wrong("half-step-for-b", _half_step_for_b, "Take the first case", aimed=False),
    ],
)


# ---------------------------------------------------------------- 4.4 the training loop

def _train(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        errors = y - (X @ w + b)
        costs.append(0.5 * np.sum(errors ** 2))
        w, b = w + learning_rate * X.T @ errors, b + learning_rate * errors.sum()
    return w, b, np.array(costs)


def _train_array(X, y, learning_rate, n_epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    costs = np.zeros(n_epochs)
    for epoch in range(n_epochs):
        costs[epoch] = 0.5 * ((y - X @ w - b) ** 2).sum()
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, costs


def _train_with_functions(X, y, learning_rate, n_epochs):  # the lesson's way: Exercises 4.1 and 4.3
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, b = _step_with_gradient(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _cost_after(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        w, b = _step(X, y, w, b, learning_rate)
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
    return w, b, np.array(costs)


def _bias_frozen(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, _ = _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _per_sample_loop(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        for x_i, y_i in zip(X, y):
            w, b = _step(x_i[np.newaxis], np.array([y_i]), w, b, learning_rate)
    return w, b, np.array(costs)


def _both_costs(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, b = _step(X, y, w, b, learning_rate)
    costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
    return w, b, np.array(costs)


def _appends_to_an_array(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(n_epochs)
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, costs


def _mean_costs(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(np.mean((y - (X @ w + b)) ** 2))
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _ones_start(X, y, learning_rate, n_epochs):
    w, b, costs = np.ones(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _w_per_sample(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(len(y)), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _list_inside_loop(X, y, learning_rate, n_epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        costs = [0.5 * np.sum((y - (X @ w + b)) ** 2)]
        w, b = _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _not_reassigned(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        _step(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


def _uphill_loop(X, y, learning_rate, n_epochs):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(n_epochs):
        costs.append(0.5 * np.sum((y - (X @ w + b)) ** 2))
        w, b = _uphill(X, y, w, b, learning_rate)
    return w, b, np.array(costs)


TRAIN_ADALINE = Exercise(
    check_train_adaline,
    right=[("appended", _train), ("filled", _train_array), ("with-functions", _train_with_functions)],
    wrong=[
        Wrong("cost-after", _cost_after, "yours are the costs after the steps"),
        Wrong("bias-frozen", _bias_frozen, "The bias never moves in your loop"),
        Wrong("per-sample", _per_sample_loop, "updates after every sample, like the perceptron"),
        Wrong("one-epoch-too-many", lambda X, y, lr, n: _train(X, y, lr, n + 1), "one epoch too many"),
        Wrong("one-epoch-too-few", lambda X, y, lr, n: _train(X, y, lr, n - 1), "one epoch too few"),
        Wrong("a-list", lambda X, y, lr, n: _train(X, y, lr, n)[:2] + (list(_train(X, y, lr, n)[2]),),
              "np.array(...) turns your list"),
        Wrong("cost-before-and-after", _both_costs, "yours has one more"),
        Wrong("mean-costs", _mean_costs, "Your costs are averages"),
        Wrong("ones-start", _ones_start, "Start from w = 0"),
        Wrong("appends-to-an-array", _appends_to_an_array, "A numpy array has no .append"),
        Wrong("w-per-sample", _w_per_sample, "one entry per feature"),
        Wrong("list-inside-loop", _list_inside_loop, "Only the last cost"),
        Wrong("not-reassigned", _not_reassigned, "w and b never change in your loop"),
        Wrong("uphill", _uphill_loop, "Your costs grow"),
        Wrong("doubled-rate", lambda X, y, lr, n: _train(X, y, 2 * lr, n), "Take one epoch by hand", aimed=False),
    ],
)


CATALOGUE = {"4.1": LINEAR_COST, "4.2": COST_GRADIENT, "4.3": GRADIENT_DESCENT_STEP, "4.4": TRAIN_ADALINE}


(test_right_answers_pass, test_each_mistake_gets_its_own_hint_in_ten_lines,
 test_the_catalogue_is_large_and_mostly_aimed) = catalogue_tests(CATALOGUE)
