"""The notebook tests can fail: each guard in conftest.py is shown catching what it guards against.

Runs pytest on small made-up notebooks in a scratch copy of the course's test set-up.
"""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from course_tools import notebooks

ROOT = Path(__file__).resolve().parent.parent


def _notebook(source, output=None):
    cell = {"cell_type": "code", "id": "c0", "metadata": {}, "source": source,
            "execution_count": 1 if output is not None else None,
            "outputs": [] if output is None else [{"output_type": "stream", "name": "stdout", "text": output}]}
    return {"cells": [cell], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


NOTEBOOKS = {
    "solutions/10-matches.ipynb": _notebook('print("hi")', "hi\n"),
    "solutions/11-output-changed.ipynb": _notebook('print("hi")', "bye\n"),
    "lessons/12-warns.ipynb": _notebook('import warnings\nwarnings.warn("careful")'),
    "solutions/13-unattempted.ipynb": _notebook('print("◻ Exercise 1.1 not attempted yet")', "◻ Exercise 1.1 not attempted yet\n"),
    "solutions/14-address.ipynb": _notebook("print(object())", "<object object at 0x7f00deadbeef>\n"),
    "lessons/10-matches.ipynb": _notebook('print("hi")'),
    "lessons/15-lax-about-output.ipynb": _notebook('print("hi")', "bye\n"),
    "lessons/16-crashes.ipynb": _notebook("1 / 0"),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("course")
    for name in ("conftest.py", "pyproject.toml", "tests/nbval-sanitize.cfg"):
        (scratch / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, scratch / name)
    for name, notebook in NOTEBOOKS.items():
        (scratch / name).parent.mkdir(exist_ok=True)
        notebooks.write(notebook, scratch / name)
    report = scratch / "report.xml"
    subprocess.run([sys.executable, "-m", "pytest", "solutions", "lessons", f"--junitxml={report}", "-q"],
                   cwd=scratch, capture_output=True, text=True, timeout=300)
    results = {}
    for case in ElementTree.parse(report).iter("testcase"):
        failure = case.find("failure")
        results[case.get("classname")] = "passed" if failure is None else failure.get("message", "") + (failure.text or "")
    return results


def _result(outcomes, name):
    return next(value for key, value in outcomes.items() if name in key)


def test_a_solution_whose_output_still_matches_passes(outcomes):
    assert _result(outcomes, "10-matches") == "passed"


def test_a_solution_whose_stored_output_no_longer_matches_fails(outcomes):
    assert "Cell outputs differ" in _result(outcomes, "11-output-changed")


def test_a_warning_written_by_a_cell_fails(outcomes):
    assert "wrote to stderr" in _result(outcomes, "12-warns")


def test_a_solution_with_an_unattempted_check_fails(outcomes):
    assert "reports an exercise not attempted" in _result(outcomes, "13-unattempted")


def test_memory_addresses_are_sanitised_before_comparing(outcomes):
    assert _result(outcomes, "14-address") == "passed"


def test_lessons_are_run_but_their_outputs_are_not_compared(outcomes):
    assert _result(outcomes, "lessons.10-matches") == "passed"
    assert _result(outcomes, "15-lax-about-output") == "passed"


def test_a_lesson_cell_that_raises_fails(outcomes):
    assert "ZeroDivisionError" in _result(outcomes, "16-crashes")
