"""Time the slider updates of the lesson widgets (``course_lib.widgets``).

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_widgets.py            # 50 updates per row
    .venv/bin/python benchmarks/bench_widgets.py -n 200     # more updates per row

For each explorer and each activation it builds the widget, warms it up with a
few moves, then times 50 slider moves (each one sets ``slider.value`` in plain
Python, which runs the same observer as a move in the browser: update the
artists, render, encode the PNG). It prints the mean, median and maximum
wall-clock time per update, and the mean CPU time (``time.process_time``, all
threads of this process). A last row per explorer times the dropdown (a change
of activation), which redraws the whole figure.

Target: a slider move well under 100 ms, with margin on a 2-core machine
(the widget's own work; the kernel-to-browser round trip comes on top), so
aim for a mean below about 30 ms and a maximum below about 50 ms.
This is a script, not a test: timings depend on the machine and no test
asserts them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere without installing

import matplotlib

matplotlib.use("Agg")

from course_lib.activations import ACTIVATIONS  # noqa: E402
from course_lib.widgets import NEURON_ACTIVATIONS, ActivationExplorer, NeuronExplorer  # noqa: E402

WARM_UP = 5


def _time_moves(moves):
    """Run each ``move()`` and return the wall-clock and CPU milliseconds of each."""
    wall, cpu = [], []
    for move in moves:
        w0, c0 = time.perf_counter(), time.process_time()
        move()
        wall.append(1000 * (time.perf_counter() - w0))
        cpu.append(1000 * (time.process_time() - c0))
    return wall, cpu


def _setter(slider, value):
    def move():
        slider.value = value
    return move


def _slider_moves(sliders, n):
    """``n`` moves that each change one of ``sliders`` to a value it does not hold (so it fires)."""
    moves = []
    for i in range(n):
        slider = sliders[i % len(sliders)]
        low, high = slider.min, slider.max
        steps = round((high - low) / slider.step)
        # walk the range with a stride coprime to the number of steps: every move changes the value
        k = (7 * (i // len(sliders)) + 3) % steps
        value = round(low + (k + (i % 2) * 0.5) * slider.step, 10)  # half steps too; the slider rounds them
        moves.append(_setter(slider, min(max(value, low), high)))
    return moves


def _run(moves, n):
    """Warm up with the first moves, then time ``n`` of them."""
    for move in moves[:WARM_UP]:
        move()
    return _time_moves(moves[WARM_UP:WARM_UP + n])


def _row(label, wall, cpu):
    print(f"  {label:<24} {statistics.fmean(wall):7.1f} {statistics.median(wall):7.1f} "
          f"{max(wall):7.1f} {statistics.fmean(cpu):7.1f}")


def _header(title, n):
    print(f"\n{title}: {n} updates per row after {WARM_UP} warm-up moves (milliseconds per update)")
    print(f"  {'':<24} {'mean':>7} {'median':>7} {'max':>7} {'CPU':>7}")


def bench_neuron(n):
    _header("NeuronExplorer", n)
    totals = ([], [])
    for name in NEURON_ACTIVATIONS:
        explorer = NeuronExplorer(activation=name)
        sliders = [explorer.w1, explorer.w2, explorer.b]
        wall, cpu = _run(_slider_moves(sliders, n + WARM_UP), n)
        _row(f"{name}", wall, cpu)
        totals[0].extend(wall), totals[1].extend(cpu)
    _row("all sliders", *totals)
    explorer = NeuronExplorer()
    names = [NEURON_ACTIVATIONS[i % len(NEURON_ACTIVATIONS)] for i in range(1, n + WARM_UP + 1)]
    _row("(dropdown change)", *_run([_setter(explorer.activation, name) for name in names], n))


def bench_activation(n):
    _header("ActivationExplorer", n)
    totals = ([], [])
    for name, act in ACTIVATIONS.items():
        if act.parameter is None:
            continue  # the slider is disabled: nothing to move
        explorer = ActivationExplorer(name)
        wall, cpu = _run(_slider_moves([explorer.parameter], n + WARM_UP), n)
        _row(f"{name} ({act.parameter})", wall, cpu)
        totals[0].extend(wall), totals[1].extend(cpu)
    _row("all sliders", *totals)
    print(f"  ({', '.join(name for name, act in ACTIVATIONS.items() if act.parameter is None)}: no parameter slider)")
    explorer = ActivationExplorer()
    names = list(ACTIVATIONS)
    names = [names[i % len(names)] for i in range(1, n + WARM_UP + 1)]  # a cycle: each one differs from the last
    _row("(dropdown change)", *_run([_setter(explorer.choice, name) for name in names], n))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=50, help="timed updates per row (default 50)")
    n = parser.parse_args(argv).n
    print(f"matplotlib {matplotlib.__version__}, backend Agg, Python {sys.version.split()[0]}")
    bench_neuron(n)
    bench_activation(n)


if __name__ == "__main__":
    main()
