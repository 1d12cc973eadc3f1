"""Run the same Python under several BLAS kernels and thread counts, and compare what it prints.

numpy's OpenBLAS picks a kernel for the processor it finds (Haswell on an AVX2 machine,
SkylakeX with AVX-512, ...) and splits large products over threads; each choice sums in another
order, so the last bits of a matrix product differ from machine to machine. What the course
prints must not depend on them (README, "The same numbers on every machine"). Two uses:

* the test suite runs the solutions' nbval a second time in :func:`second_run_environment`
  (``tests/test_stored_outputs_other_kernel.py``);
* a course author checks a script or a training run under every kernel this machine can run::

      python3 -m course_tools.blas_kernels course_tools/stability_runs/spiral.py
      python3 -m course_tools.blas_kernels -m pytest solutions/04-gradient-descent.ipynb -q

  It prints each distinct output once, with the settings that gave it, and exits 1 when they
  differ (pytest's closing line, with its timing, is compared by its counts only).
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys

X86_64 = {"x86_64", "amd64", "x64"}

# Every x86-64 processor runs Prescott's (SSE3) kernel and Sandybridge's (AVX) one; Haswell's
# needs AVX2 and FMA, which nearly every machine of the last ten years has.
KERNELS = {
    "Haswell": {"OPENBLAS_CORETYPE": "Haswell"},
    "Sandybridge": {"OPENBLAS_CORETYPE": "Sandybridge"},
    "Prescott": {"OPENBLAS_CORETYPE": "Prescott"},
    "one thread": {"OPENBLAS_NUM_THREADS": "1"},
}


def is_x86_64(machine: str | None = None) -> bool:
    """Whether ``machine`` (default: this one's ``platform.machine()``) is an x86-64 processor."""
    return (machine if machine is not None else platform.machine()).lower() in X86_64


def second_run_environment(machine: str | None = None) -> dict[str, str]:
    """The settings of the test suite's second nbval run over ``solutions/``.

    On x86-64: OpenBLAS's Prescott kernel (the oldest one, SSE3 only, which every x86-64
    processor runs and nobody's default is any more) and one thread. Elsewhere (an ARM Mac,
    a Raspberry Pi) OpenBLAS has no x86 kernel to switch to, so only the thread count changes.
    """
    settings = {"OPENBLAS_NUM_THREADS": "1"}
    if is_x86_64(machine):
        settings["OPENBLAS_CORETYPE"] = "Prescott"
    return settings


def settings_for_this_machine() -> dict[str, dict[str, str]]:
    """:data:`KERNELS` on x86-64; only the thread count elsewhere."""
    return KERNELS if is_x86_64() else {"default": {}, "one thread": KERNELS["one thread"]}


def _comparable(text: str) -> str:
    """``text`` without what changes from run to run anyway: pytest's timing."""
    return re.sub(r" in \d+\.\d+s( \(\d+:\d\d:\d\d\))?", "", text)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0 if argv else 2
    outputs: dict[str, list[str]] = {}
    for name, settings in settings_for_this_machine().items():
        print(f"running under {name} …", flush=True)
        done = subprocess.run([sys.executable, *argv], env=os.environ | settings, capture_output=True, text=True)
        text = done.stdout + (f"\n(exit status {done.returncode})" if done.returncode else "")
        outputs.setdefault(_comparable(text), []).append(name)
    for text, names in outputs.items():
        print(f"\n=== {', '.join(names)} ===\n{text.rstrip()}")
    same = len(outputs) == 1
    print("\nthe same under every setting" if same else f"\nDIFFERENT: {len(outputs)} distinct outputs")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
