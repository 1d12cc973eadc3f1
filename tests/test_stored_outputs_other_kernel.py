"""The solutions' stored outputs hold on a processor other than the one that stored them.

The main run compares ``solutions/`` with its stored outputs on this machine's BLAS kernel. This
test runs that same nbval comparison a second time, in a subprocess, with the settings of
:func:`course_tools.blas_kernels.second_run_environment`:

* on x86-64, OpenBLAS's Prescott kernel (SSE3, which every x86-64 processor runs; AVX2 and
  AVX-512 machines default to Haswell's or SkylakeX's, which sum in another order) and one
  thread: a stored output that shows the last bits of a matrix product, or a chaotic training
  run, fails here even when the main run passes;
* on any other processor (an ARM Mac, a Raspberry Pi), OpenBLAS has no x86 kernel to switch to:
  only the thread count changes (``WHAT`` below, which a failure names).

It costs one more execution of the solutions (about 2 minutes on 2 cores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course_tools.blas_kernels import is_x86_64, second_run_environment

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = second_run_environment()
WHAT = "another BLAS kernel and one thread" if is_x86_64() else "one BLAS thread (no other kernel off x86-64)"

PROBE = ("import json, numpy\n"
         "from threadpoolctl import threadpool_info\n"
         "print(json.dumps([i for i in threadpool_info() if i['user_api'] == 'blas']))")


def _blas(settings: dict[str, str]) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", PROBE], env=os.environ | settings, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def test_the_second_run_really_changes_the_blas_kernel_and_threads():
    # Without this the test below could pass while proving nothing (a BLAS that ignores the settings).
    pytest.importorskip("threadpoolctl")
    blas = _blas(SETTINGS)
    if not blas or blas[0]["internal_api"] != "openblas":
        pytest.skip(f"numpy's BLAS is not OpenBLAS here ({blas}); the second run changes nothing it can control")
    assert blas[0]["num_threads"] == 1
    if is_x86_64():
        assert blas[0]["architecture"] != _blas({"OPENBLAS_CORETYPE": "Haswell"})[0]["architecture"]


def test_solutions_match_their_stored_outputs_under_a_second_blas_setting():
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "solutions", "-q", "--no-header", "-rf"],
        cwd=ROOT, env=os.environ | SETTINGS, capture_output=True, text=True)
    report = done.stdout[-6000:]
    assert done.returncode == 0, (f"solutions/ under {WHAT} ({SETTINGS}) differ from their stored outputs: a "
                                  f"stored output depends on the processor. Print it to the digits that hold "
                                  f"(course_lib.precision) or choose a run that is not chaotic "
                                  f"(python3 -m course_tools.blas_kernels SCRIPT shows it).\n{report}")
