"""A wrong answer and a crashing answer for one exercise of every lesson, as a student types them:
what the browser test of a failed check's length runs in each lesson.

Each answer is found in the lessons by the function it defines, so that renaming or renumbering
a lesson (or moving an exercise to another one) needs no change here.
"""

# lesson: [(the student's cell, what the failure must show), ...]: a wrong answer, then a crash
ANSWERS = {
    "00": [
        ("def celsius_to_fahrenheit(celsius):\n    return 9 / 5 * celsius\n", "expected"),
        ("def celsius_to_fahrenheit(celsius):\n    return int(celsius) * 9 / 5 + 32\n", "TypeError"),
    ],
    "01": [
        ("def layer_net_input(X, W, b):\n    return X @ W\n", "expected"),
        ("def layer_net_input(X, W, b):\n    return np.array([X[i] @ W + b for i in range(len(X) + 1)])\n",
         "IndexError"),
    ],
    "02": [
        ("def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n", "expected"),
        ("def softmax(Z):\n    e = np.exp(Z - Z.max(axis=1))\n    return e / e.sum(axis=1)\n",
         "ValueError"),
    ],
    "03": [
        ("def predict_sign(X, w, b):\n    return np.sign(X @ w + b)\n", "expected"),
        ("def count_misclassified(X, y, w, b):\n    return int(np.where(X @ w + b >= 0, 1, -1) != y)\n",
         "TypeError"),
    ],
    "04": [
        ("def cost_gradient(X, y, w, b):\n    errors = X @ w + b - y\n"
                "    return X.T @ errors / len(y), errors.mean()\n", "expected"),
        ("def cost_gradient(X, y, w, b):\n    errors = X @ w + b - y\n"
                "    return X @ errors / len(y), errors.mean()\n", "ValueError in X @ errors"),
    ],
    "05": [
        ("def standardise(X):\n    return (X - X.mean()) / X.std()\n", "expected"),
        ("def standardise_with_train(X_train, X_test):\n"
                "    return (X_test - X_train.mean(axis=1)) / X_train.std(axis=1)\n", "ValueError"),
    ],
    "06": [
        ("def backward_pass(X, Y, W1, b1, W2, b2, alpha):\n    n = len(X)\n    Z1 = X @ W1 + b1\n"
                "    A1 = np.tanh(Z1)\n    Z2 = A1 @ W2 + b2\n    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))\n"
                "    dZ2 = E / E.sum(axis=1, keepdims=True) - Y\n    dZ1 = (dZ2 @ W2.T) * (1 - Z1 ** 2)\n"
                "    return X.T @ dZ1 / n + alpha * W1, dZ1.mean(axis=0), A1.T @ dZ2 / n + alpha * W2, "
                "dZ2.mean(axis=0)\n", "dW2 and db2 are right"),
        ("def hidden_delta(dZ2, W2, Z1):\n    return (dZ2 @ W2) * (1 - np.tanh(Z1) ** 2)\n",
         "ValueError in dZ2 @ W2"),
    ],
    "07": [
        ("def early_stopping(validation_losses, patience):\n    best = int(np.argmin(validation_losses))\n"
                "    return best, min(best + patience, len(validation_losses))\n", "best_epoch"),
        ("def l2_penalty(weights, biases, alpha):\n    return alpha / 2 * np.sum(weights ** 2), alpha * weights\n",
         "TypeError"),
    ],
    "08": [
        ("def one_hot(labels, n_classes):\n    return np.eye(n_classes)[labels - 1]\n", "differs at"),
        ("def minibatches(n_samples, batch_size, random_state):\n"
                "    order = np.random.default_rng(random_state).shuffle(np.arange(n_samples))\n"
                "    return [order[i:i + batch_size] for i in range(0, n_samples, batch_size)]\n", "TypeError"),
    ],
}
