"""Every figure of the README's "Speed, measured", from one run: the three benchmarks in turn.

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_speed.py          # about 3 minutes on 2 cores

* ``bench_digits.py``: a 64-64-10 ReLU network on the digits, ours against scikit-learn's, per epoch (target ≤ 0.5×);
* ``bench_scale.py``: 784-128-10 at N = 10 000 to 40 000, the matrix products' rate as a fraction of
  numpy's matmul peak (target ≥ 70 %) and the time per epoch against N (target: linear);
* ``bench_course.py``: every lesson executed, the total (target < 90 s), a warm Run All (< 10 s) and
  the import of the course (≤ 0.3 s on top of numpy, pandas and matplotlib, without scikit-learn).

Measured, never asserted: no test runs this.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_course  # noqa: E402
import bench_digits  # noqa: E402
import bench_scale  # noqa: E402


def main() -> None:
    for name, module in [("digits", bench_digits), ("scale", bench_scale), ("course", bench_course)]:
        print(f"\n=== {name}: benchmarks/{module.__name__}.py", flush=True)
        module.main([])


if __name__ == "__main__":
    main()
