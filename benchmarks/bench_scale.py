"""How close training comes to numpy's own matrix-product speed, and how an epoch grows with N.

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_scale.py              # N = 10 000, 20 000, 40 000
    .venv/bin/python benchmarks/bench_scale.py -n 10000     # one size only

The network of an MNIST-sized problem: 784 inputs, 128 ReLU units, 10 classes, batches of 256,
plain SGD, on seeded random data, in float64 and in float32 (``MLPClassifier(dtype=...)``).

For each batch, training computes five matrix products: ``X W1`` and ``A1 W2`` forward,
``A1ᵀ δ2``, ``δ2 W2ᵀ`` and ``Xᵀ δ1`` backward, ``2 m k n`` floating-point operations each
for an ``(m, k) @ (k, n)`` product. Their sum over an epoch, divided by the epoch's time, is
the rate at which training does its matrix work; it is printed as a fraction of numpy's
peak, the best rate of a large square ``A @ B`` (2048 × 2048) in the same dtype, in the same
process, with the same BLAS threads. The rest of an epoch (the activations, the softmax, the
shuffle's copy, the updates) is what keeps the fraction below 100 %.

Targets: at least **70 %** of the peak, and the time per epoch linear in N (the same
microseconds per sample at every N). This is a script, not a test: timings depend on the
machine and no test asserts them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from course_lib.mlp import MLPClassifier  # noqa: E402

D, H, K, BATCH = 784, 128, 10, 256


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def epoch_flops(n: int) -> int:
    """The floating-point operations of the five matrix products of every batch of one epoch."""
    flops = 0
    for start in range(0, n, BATCH):
        m = min(BATCH, n - start)
        flops += 2 * (m * D * H + m * H * K        # forward: X W1, A1 W2
                      + H * m * K + m * K * H      # backward: A1ᵀ δ2, δ2 W2ᵀ
                      + D * m * H)                 # backward: Xᵀ δ1
    return flops


class Peak:
    """numpy's own rate for a square ``size`` product, in floating-point operations per second."""

    def __init__(self, dtype, size=2048):
        rng = np.random.default_rng(0)
        self.A, self.B = (rng.normal(size=(size, size)).astype(dtype) for _ in range(2))
        self.out, self.flops = np.empty((size, size), dtype), 2 * size ** 3
        self()  # warm-up

    def __call__(self) -> float:
        return self.flops / _seconds(lambda: np.matmul(self.A, self.B, out=self.out))


class Epoch:
    """Seconds per epoch of MLPClassifier on ``n`` seeded random samples."""

    def __init__(self, n, dtype, epochs):
        rng = np.random.default_rng(0)
        X, y = rng.normal(size=(n, D)), rng.integers(0, K, size=n)
        self.model = MLPClassifier((H,), "relu", learning_rate=0.01, batch_size=BATCH, n_epochs=0, dtype=dtype).fit(X, y)
        self.model.train_epochs(1)  # warm-up
        self.epochs = epochs

    def __call__(self) -> float:
        return _seconds(lambda: self.model.train_epochs(self.epochs)) / self.epochs


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, nargs="+", default=[10_000, 20_000, 40_000], help="numbers of samples")
    parser.add_argument("-e", "--epochs", type=int, default=2, help="epochs per timed run")
    parser.add_argument("-r", "--repeats", type=int, default=5,
                        help="alternating runs (peak, then epoch) per row; the best of each is used")
    args = parser.parse_args(argv)
    from threadpoolctl import threadpool_info, threadpool_limits

    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    default = blas[0]["num_threads"] if blas else 1
    print(f"{D}-{H}-{K} ReLU, batch {BATCH}, random data; numpy {np.__version__}, "
          f"{blas[0]['internal_api'] if blas else 'unknown BLAS'} ({default} threads by default)")
    print(f"peak: numpy's best 2048 × 2048 matmul; matmul GFLOP/s: the epoch's five products per batch "
          f"divided by its time; best of {args.repeats} alternating runs each")
    for threads in sorted({1, default}):
        for dtype in ("float64", "float32"):
            with threadpool_limits(limits=threads, user_api="blas"):
                peak_of = Peak(dtype)
                print(f"\n{dtype}, {threads} BLAS thread{'s' if threads > 1 else ''}")
                print(f"  {'N':>7}  {'ms/epoch':>9}  {'µs/sample':>9}  {'matmul GFLOP/s':>14}  {'peak GFLOP/s':>12}  "
                      f"{'of peak':>7}")
                per_sample = []
                for n in args.n:
                    epoch_of = Epoch(n, dtype, args.epochs)
                    peaks, seconds = [], []
                    for _ in range(args.repeats):           # alternately, so both see the same machine
                        peaks.append(peak_of())
                        seconds.append(epoch_of())
                    peak, best = max(peaks), min(seconds)
                    rate = epoch_flops(n) / best
                    per_sample.append(best / n)
                    print(f"  {n:>7}  {best * 1e3:9.1f}  {best / n * 1e6:9.2f}  {rate / 1e9:14.1f}  "
                          f"{peak / 1e9:12.1f}  {rate / peak:6.0%}")
                if len(per_sample) > 1:
                    print(f"  time per sample from N = {min(args.n)} to {max(args.n)}: largest / smallest = "
                          f"{max(per_sample) / min(per_sample):.2f} (1.00 = exactly linear)")
    print("\ntarget: ≥ 70 % of the peak; time per epoch linear in N")


if __name__ == "__main__":
    main()
