"""Time one frame of lesson 06's playground: one epoch of training plus the redraw and its PNG.

Run from the repository's root, with the course's environment::

    .venv/bin/python benchmarks/bench_playground.py            # best of 3 runs of 50 frames per row
    .venv/bin/python benchmarks/bench_playground.py -r 5
    .venv/bin/python benchmarks/bench_playground.py --cpu     # CPU time: steadier on a busy machine

Rows: the default network (4-2 tanh on the circle, 250 training points, batches of 10), the
largest one (6 × 8 tanh, all seven inputs), the three-class spiral; then what each kind of click
costs in the kernel (a new network or new data redraws only the regions of the figure that changed),
also as a ratio to the whole figure drawn and encoded, measured in the same run. Issue 12 asks for at most ~30 ms per frame
for the default and under ~100 ms for 6 × 8. The split (training, figure, PNG) says where the
time goes. This is a script, not a test: timings depend on the machine and no test asserts them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from course_lib.widgets import Playground  # noqa: E402
from course_lib.widgets._core import _png as png  # noqa: E402


CLOCK = time.perf_counter


def best_of(repeats: int, frames: int, run) -> float:
    """The shortest mean time per call of ``run()`` over ``repeats`` runs of ``frames`` calls, in seconds."""
    times = []
    for _ in range(repeats):
        start = CLOCK()
        for _ in range(frames):
            run()
        times.append((CLOCK() - start) / frames)
    return min(times)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--repeats", type=int, default=3, help="runs per row; the best is printed")
    parser.add_argument("--cpu", action="store_true",
                        help="time the process's CPU, not the wall clock (on a machine shared with other work)")
    arguments = parser.parse_args(argv)
    repeats = arguments.repeats
    if arguments.cpu:
        global CLOCK
        CLOCK = time.process_time
    cases = {
        "default 4-2 tanh, circle, 250 points, batch 10": {},
        "6 × 8 tanh, all seven inputs, spiral": {"hidden_layers": (8,) * 6, "data": "spiral",
                                                  "features": ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)",
                                                               "sin(x2)")},
        "three-class spiral, 8-8 tanh, test points shown": {"preset": "three classes with softmax", "show_test": True},
    }
    for name, kwargs in cases.items():
        p = Playground(**kwargs)
        p.step(5)
        frame = best_of(repeats, 50, lambda: (p.step(), p.update()))
        train = best_of(repeats, 50, p.step)
        figure = best_of(repeats, 50, lambda: p._figure.show(p.model, p.controls["show_test"].value))
        png_time = best_of(repeats, 50, lambda: png(p.figure))
        print(f"{name}: {frame * 1e3:5.1f} ms per frame (training {train * 1e3:4.1f}, figure {figure * 1e3:4.1f}, "
              f"PNG {png_time * 1e3:4.1f}, readouts and the rest {(frame - train - figure - png_time) * 1e3:4.1f})")
    p = Playground()
    def draw_whole():  # every artist, as a plain canvas.draw() would without blitting
        for artist in p._figure.animated:
            artist.set_animated(False)
        p.figure.canvas.draw()
        png(p.figure)
        for artist in p._figure.animated:
            artist.set_animated(True)

    whole = best_of(repeats, 10, draw_whole)
    print(f"reference, the whole figure drawn and encoded: {whole * 1e3:5.0f} ms")
    controls = {  # (what a click does, a function that does it once more)
        "step one epoch (a frame)": lambda: p.step_button.click(),
        "show test data (a redraw)": lambda: p.controls["show_test"].__setattr__("value", not p.controls["show_test"].value),
        "noise slider (new data)": lambda: p.controls["noise"].__setattr__("value", (p.controls["noise"].value + 5) % 55),
        "seed (new data)": lambda: p.controls["seed"].__setattr__("value", p.controls["seed"].value + 1),
        "data set (new data)": lambda: p.controls["data"].__setattr__(
            "value", "XOR" if p.controls["data"].value == "circle" else "circle"),
        "hidden layers (new network)": lambda: p.controls["hidden_layers"][0].__setattr__(
            "value", 3 if p.controls["hidden_layers"][0].value == 2 else 2),
        "a preset (new data and network)": lambda: p.controls["preset"].__setattr__(
            "value", "XOR with one hidden layer" if p.controls["preset"].value != "XOR with one hidden layer"
            else "circle with two neurons"),
    }
    for name, click in controls.items():
        click()
        cost = best_of(repeats, 6, click)
        print(f"{name}: {cost * 1e3:5.0f} ms per click, {cost / whole:4.2f} × the whole figure")

if __name__ == "__main__":
    main()
