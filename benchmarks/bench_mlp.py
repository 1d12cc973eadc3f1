"""Time the training of ``course_lib.mlp.MLPClassifier`` on the lessons' networks.

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_mlp.py             # best of 3 runs per row
    .venv/bin/python benchmarks/bench_mlp.py -r 5        # best of 5

Rows:

* lesson 06's two moons, 2-16-2 tanh, 200 points, 3000 full-batch epochs;
* the three-class spiral, 2-64-3 ReLU with momentum, 300 points, 1500 full-batch epochs
  (the test of the syllabus' 0.80);
* the playground's default frame: one ``train_epochs(1)`` of a 4-2 tanh network on 250 points
  in batches of 10, and of a 6 × 8 network (issue 12 wants ~30 ms per frame *including*
  the redraw, so training should take a small part of it);
* ``gradient_check`` of a 2-16-2 network on 50 points (every parameter, two forward passes each).

Target: "seconds, not minutes" for the thousands of epochs; well under a millisecond of
training per playground frame. This is a script, not a test: timings depend on the machine
and no test asserts them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from course_lib.datasets import make_moons, make_spirals  # noqa: E402
from course_lib.mlp import MLPClassifier, gradient_check, init_params  # noqa: E402


def best_of(repeats: int, run) -> float:
    """The shortest wall-clock time of ``repeats`` calls of ``run()``, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--repeats", type=int, default=3, help="runs per row; the best is printed")
    repeats = parser.parse_args(argv).repeats

    X, y = make_moons(n_samples=200, noise=0.2, random_state=0)
    seconds = best_of(repeats, lambda: MLPClassifier((16,), "tanh", learning_rate=0.5, n_epochs=3000).fit(X, y))
    print(f"moons 2-16-2 tanh, 200 points, 3000 full-batch epochs: {seconds:6.2f} s "
          f"({seconds / 3000 * 1e6:5.0f} µs per epoch)")

    X, y = make_spirals(n_samples=300, random_state=0)
    seconds = best_of(repeats, lambda: MLPClassifier((64,), "relu", learning_rate=0.5, momentum=0.9,
                                                     n_epochs=1500).fit(X, y))
    print(f"spiral 2-64-3 relu, 300 points, 1500 full-batch epochs: {seconds:6.2f} s "
          f"({seconds / 1500 * 1e6:5.0f} µs per epoch)")

    X, y = make_moons(n_samples=250, noise=0.2, random_state=0)
    for hidden in [(4, 2), (8,) * 6]:
        model = MLPClassifier(hidden, "tanh", learning_rate=0.03, batch_size=10, n_epochs=0).fit(X, y)
        seconds = best_of(repeats, lambda: [model.train_epochs(1) for _ in range(100)]) / 100
        print(f"playground frame, {'-'.join(map(str, (2, *hidden, 2)))} tanh, 250 points, batch 10: "
              f"{seconds * 1e3:6.2f} ms per train_epochs(1)")

    X, y = make_moons(n_samples=50, noise=0.2, random_state=0)
    weights, biases = init_params((2, 16, 2), "tanh", random_state=0)
    seconds = best_of(repeats, lambda: gradient_check(X, np.eye(2)[y], weights, biases))
    print(f"gradient_check, 2-16-2 tanh (82 parameters), 50 points: {seconds * 1e3:6.1f} ms")


if __name__ == "__main__":
    main()
