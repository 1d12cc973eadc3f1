"""No stored output of ``solutions/`` prints more digits than its computation justifies.

The last bits of a floating-point result change with the processor, the BLAS kernel and the
number of threads. A stored output that shows them (a gradient check's relative error in full,
a difference that should be 0) matches only the machine that stored it: nbval fails elsewhere,
and a student's screen disagrees with the text. These rules flag such numbers in every text a
solution stores (streams, plain-text results, figure descriptions and their alt text):

* **full precision**: a number with 7 or more significant digits. Nothing the course prints
  is known to that many digits (a float64 printed in full, ``1.723049266329981e-11``, has 16);
* **tiny and precise**: a number below 1e-6 in size with more than 2 significant figures;
* **noise shown as a value**: on a line about an error or a difference, a number below 1e-6
  with more than 1 significant figure (``relative error 3.2e-10`` is 3.8e-10 under another
  kernel): print it as a bound, ``below 1e-09`` (:func:`course_lib.precision.below_power_of_ten`);
* **negative zero**: ``-0.0`` or ``-0.000`` is a 0 computed with a rounding error's sign.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))

NUMBER = re.compile(r"(?<![\w.])[-+\u2212]?(?:\d+\.\d+|\.\d+|\d+(?=[eE][-+]?\d))(?:[eE][-+]?\d+)?(?!\w|\.\d)")
NOISE_LINE = re.compile(r"error|differ|residual|should be 0", re.IGNORECASE)


def significant_digits(token: str) -> int:
    """Significant figures as printed: '0.0450' -> 3, '5.0000e+01' -> 5, '3.2e-10' -> 2."""
    mantissa = re.split(r"[eE]", token.lstrip("+-\u2212"))[0].replace(".", "")
    return max(len(mantissa.lstrip("0")), 1)


def value(token: str) -> float:
    return float(token.replace("\u2212", "-"))


def too_precise(text: str) -> list[str]:
    """Each number of ``text`` printed to more digits than it can hold on another machine, with the rule it breaks."""
    found = []
    for line in text.splitlines():
        for match in NUMBER.finditer(line):
            token = match.group()
            digits, size = significant_digits(token), abs(value(token))
            if digits >= 7:
                found.append(f"{token} (full precision: {digits} significant digits) in: {line.strip()[:120]}")
            elif 0 < size < 1e-6 and digits > 2:
                found.append(f"{token} (tiny and precise: {digits} significant figures) in: {line.strip()[:120]}")
            elif 0 < size < 1e-6 and digits > 1 and NOISE_LINE.search(line):
                found.append(f"{token} (rounding noise shown as a value: print a bound) in: {line.strip()[:120]}")
            elif size == 0 and token[0] in "-\u2212":
                found.append(f"{token} (negative zero: a 0 with a rounding error's sign) in: {line.strip()[:120]}")
    return found


def stored_texts(path: Path):
    """(cell number as nbval counts them, text) for every text output a notebook stores."""
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    for number, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                yield number, "".join(output["text"])
            for key, data in output.get("data", {}).items():
                if key == "text/plain":
                    yield number, "".join(data)
            for meta in output.get("metadata", {}).values():
                if isinstance(meta, dict) and isinstance(meta.get("alt"), str):
                    yield number, meta["alt"]


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.name for p in SOLUTIONS])
def test_no_stored_output_prints_rounding_noise(path):
    problems = [f"cell {number}: {problem}" for number, text in stored_texts(path) for problem in too_precise(text)]
    assert not problems, ("these stored outputs print digits that change from machine to machine; round them to "
                          "what they mean (course_lib.precision):\n" + "\n".join(problems))


@pytest.mark.parametrize("text", [
    "relative error: 1.723049266329981e-11",  # lesson 04 as it was stored before issue 17
    "✔ gradients agree: relative error 3.2e-10 over 27 parameters (below 1e-07).",  # lesson 06's, as it was
    "difference: 2.220446049250313e-16",
    "the cost: 40.25183172663402",
    "tiny: 9.537e-07",
    "mean after centring: [-0.000  0.000]",
])
def test_the_rules_flag_noise_printed_in_full(text):
    assert too_precise(text), f"not flagged: {text}"


@pytest.mark.parametrize("text", [
    "relative error: below 1e-10",
    "✔ gradients agree: relative error below 1e-09 over 27 parameters (the check passes below 1e-07).",
    "ten sigmoid slopes, each at most 0.25: 0.25 ** 10 = 9.5e-07",
    "formula:    [0.045177 0.104994 0.196612 0.25     0.196612 0.104994 0.045177]",
    "η = 0.01:   [5.0000e+01 2.2309e+03 3.4760e+06]",
    "relative error 1.4e-01 over 27 parameters; analytic 0.193184, numeric 0.0321973.",
    "OpenBLAS 0.3.31, epoch 2147, lowest (0.64).",
    "after  sepal_length_cm  0.000  1.0000",
])
def test_the_rules_let_meaningful_digits_through(text):
    assert not too_precise(text)
