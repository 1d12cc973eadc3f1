"""Time the whole course: every notebook in ``solutions/`` executed, and "Run All" in a warm kernel.

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_course.py               # every lesson
    .venv/bin/python benchmarks/bench_course.py 06 07         # the lessons whose names start so

One process (nbclient), a fresh ``python3`` kernel per notebook, in ``solutions/`` as
``python3 course.py execute`` runs them; nothing is written. For each lesson it prints the
kernel's start, the first "Run All" in that fresh kernel (imports included), their sum, and a
second "Run All" in the same kernel, now warm, as a teacher presenting a lesson already opened
would see it. Then the total of the fresh runs, and how long ``import course_lib`` and the
modules the lessons import take on top of numpy, pandas and matplotlib in a new interpreter
(median of 7), and whether scikit-learn got imported with them.

Targets: the whole course under 90 s on 2 cores, a warm "Run All" under 10 s, the import
at most 0.3 s and without scikit-learn. This is a script, not a test: timings depend on the
machine and no test asserts them.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
BASE = "import numpy, pandas, matplotlib, matplotlib.pyplot"
# what the lessons' import cells import from the course (the capstone, lesson 08, is the widest)
COURSE = ("import course_lib, course_lib.neuron, course_lib.activations, course_lib.perceptron, "
          "course_lib.gradient_descent, course_lib.preprocessing, course_lib.mlp, course_lib.datasets, "
          "course_lib.plotting, course_lib.widgets, course_lib.checks, course_lib.setup_check, course_lib.capstone")


def run_all(client, notebook) -> float:
    """Seconds to run every cell of ``notebook`` in the client's kernel, top to bottom."""
    start = time.perf_counter()
    for index, cell in enumerate(notebook.cells):
        client.execute_cell(cell, index)
    return time.perf_counter() - start


def time_lesson(path: Path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(copy.deepcopy(notebook), kernel_name="python3", timeout=600,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no "TCP without encryption"
                            resources={"metadata": {"path": str(SOLUTIONS)}})
    start = time.perf_counter()
    with client.setup_kernel():
        client.kc.kernel_info()                                   # the kernel answers: it is up
        started = time.perf_counter() - start
        first = run_all(client, client.nb)
        client.nb = copy.deepcopy(notebook)
        warm = run_all(client, client.nb)
    return started, first, warm


def _import_seconds() -> tuple[float, float, bool]:
    """In a new interpreter: seconds to import ``BASE``, then the course on top; and whether sklearn came too."""
    code = (f"import sys, time; s = time.perf_counter(); {BASE}; m = time.perf_counter(); {COURSE}; "
            "e = time.perf_counter(); print(m - s, e - m, 'sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    base, course, sklearn = out.stdout.split()
    return float(base), float(course), sklearn == "True"


def time_import(repeats=7):
    """Medians over ``repeats`` new interpreters: ``BASE`` alone, the course on top; sklearn ever imported."""
    runs = [_import_seconds() for _ in range(repeats)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), any(r[2] for r in runs))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson number prefixes (default: all)")
    args = parser.parse_args(argv)
    import os

    paths = sorted(p for p in SOLUTIONS.glob("*.ipynb") if not args.lessons or p.name.startswith(tuple(args.lessons)))
    print(f"solutions/, a fresh python3 kernel per notebook; {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"  {'lesson':<44} {'kernel s':>8} {'Run All s':>9} {'lesson s':>8} {'warm Run All s':>14}")
    total, warmest = 0.0, (0.0, "")
    for path in paths:
        started, first, warm = time_lesson(path)
        total += started + first
        warmest = max(warmest, (warm, path.stem))
        print(f"  {path.stem:<44} {started:8.1f} {first:9.1f} {started + first:8.1f} {warm:14.1f}", flush=True)
    print(f"  {'total':<44} {'':>8} {'':>9} {total:8.1f}")
    print(f"  slowest warm Run All: {warmest[1]}, {warmest[0]:.1f} s")
    base, course, sklearn = time_import()
    print(f"\nimport numpy, pandas, matplotlib: {base:.2f} s; then the course's modules: +{course:.2f} s; "
          f"scikit-learn imported: {'YES' if sklearn else 'no'}")
    print("targets: the whole course < 90 s on 2 cores; warm Run All < 10 s; the import ≤ 0.3 s, no scikit-learn")


if __name__ == "__main__":
    main()
