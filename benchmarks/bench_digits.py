"""Time one epoch of the digits network, ours against scikit-learn's, alternately in one run.

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_digits.py             # 7 rounds of 30 epochs per row
    .venv/bin/python benchmarks/bench_digits.py -r 11 -e 30

A digits network as the capstone first trained it: 64 pixels, 64 ReLU units, 10 classes, plain SGD (no momentum, no L2),
learning rate 0.1, batches of 32 and of 64, on the lesson's split (1 347 training images,
450 test) scaled to [0, 1]. Each round times ``course_lib.mlp.MLPClassifier.train_epochs(E)``
and then scikit-learn's ``MLPClassifier(solver="sgd", momentum=0, alpha=0, max_iter=E)`` on
the same data, so that both see the same machine state; the median of the rounds is printed
per epoch, with the test accuracy each reaches after ``E`` epochs beside it.

Target: ours at most **0.5×** scikit-learn's time per epoch. This is a script, not a test:
timings depend on the machine and no test asserts them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from course_lib.datasets import load_digits  # noqa: E402
from course_lib.mlp import MLPClassifier  # noqa: E402
from course_lib.preprocessing import MinMaxScaler, train_test_split  # noqa: E402


def digits_split():
    """The capstone's split: stratified, seeded, a quarter held out, pixels scaled to [0, 1] on the training set."""
    images, labels = load_digits()
    X = images.reshape(len(images), -1)
    X_train, X_test, y_train, y_test = train_test_split(X, labels, test_size=0.25, random_state=0, stratify=labels)
    scaler = MinMaxScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


def ours(X_train, y_train, batch_size, n_epochs):
    """Seconds for ``n_epochs`` epochs of ``train_epochs`` (set-up excluded), and the trained model."""
    model = MLPClassifier((64,), "relu", learning_rate=0.1, batch_size=batch_size, n_epochs=0, random_state=0)
    model.fit(X_train, y_train)
    start = time.perf_counter()
    model.train_epochs(n_epochs)
    return time.perf_counter() - start, model


def sklearns(X_train, y_train, batch_size, n_epochs):
    """Seconds for scikit-learn's ``fit`` of ``n_epochs`` epochs, and the trained model."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier as SklearnMLP

    model = SklearnMLP((64,), activation="relu", solver="sgd", learning_rate_init=0.1, batch_size=batch_size,
                       momentum=0.0, nesterovs_momentum=False, alpha=0.0, max_iter=n_epochs,
                       n_iter_no_change=n_epochs + 1, tol=0.0, shuffle=True, random_state=0)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # stopping after n_epochs is the point
        model.fit(X_train, y_train)
    return time.perf_counter() - start, model


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--rounds", type=int, default=7, help="alternating rounds per row (median printed)")
    parser.add_argument("-e", "--epochs", type=int, default=30, help="epochs per timed run (the capstone trains 30)")
    args = parser.parse_args(argv)
    import sklearn

    X_train, X_test, y_train, y_test = digits_split()
    print(f"digits 64-64-10 ReLU, SGD lr 0.1, {len(X_train)} training images, {len(X_test)} test; numpy "
          f"{np.__version__}, scikit-learn {sklearn.__version__}; median of {args.rounds} alternating rounds "
          f"of {args.epochs} epochs")
    print(f"  {'batch':>5}  {'ours ms/epoch':>13}  {'sklearn ms/epoch':>16}  {'ratio':>6}  "
          f"{'ours test acc':>13}  {'sklearn test acc':>16}")
    for batch_size in (32, 64):
        ours(X_train, y_train, batch_size, 2), sklearns(X_train, y_train, batch_size, 2)  # warm-up
        times = {"ours": [], "sklearn": []}
        for _ in range(args.rounds):
            seconds, model = ours(X_train, y_train, batch_size, args.epochs)
            times["ours"].append(seconds / args.epochs)
            seconds, sk = sklearns(X_train, y_train, batch_size, args.epochs)
            times["sklearn"].append(seconds / args.epochs)
        mine, theirs = statistics.median(times["ours"]), statistics.median(times["sklearn"])
        print(f"  {batch_size:>5}  {mine * 1e3:13.2f}  {theirs * 1e3:16.2f}  {mine / theirs:5.2f}×  "
              f"{model.score(X_test, y_test):13.4f}  {sk.score(X_test, y_test):16.4f}")
    print("  target: ratio ≤ 0.50×")


if __name__ == "__main__":
    main()
