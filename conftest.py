"""Every notebook is a test.

pytest collects each notebook in ``solutions/`` and ``lessons/`` with nbval:

* ``solutions/`` strictly: each cell's output must match what is stored;
* ``lessons/`` laxly: every cell must run, with the exercises unattempted.

On top of nbval, a cell fails when it writes anything to stderr (warnings
included), and a solution fails when a check in it reports "not attempted".
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell, IPyNbFile

from course_lib.checks import NOT_ATTEMPTED

ROOT = Path(__file__).resolve().parent
STRICT = ROOT / "solutions"
LAX = ROOT / "lessons"


def pytest_configure(config):
    # Kernels inherit the environment: plain tracebacks read better in CI logs.
    profile = Path(tempfile.mkdtemp(prefix="course-ipython-")) / "profile_default"
    profile.mkdir()
    (profile / "ipython_config.py").write_text('c.InteractiveShell.colors = "nocolor"\n')
    os.environ["IPYTHONDIR"] = str(profile.parent)


def pytest_collect_file(file_path, parent):
    option = parent.config.option
    if file_path.suffix != ".ipynb" or option.nbval or option.nbval_lax:
        return None  # explicit --nbval / --nbval-lax: nbval collects as asked
    if file_path.parent not in (STRICT, LAX):
        return None
    notebook = IPyNbFile.from_parent(parent, path=file_path)
    notebook.compare_outputs = file_path.parent == STRICT
    return notebook


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if isinstance(item, IPyNbCell):
        in_solutions = Path(item.fspath).parent == STRICT
        for output in item.test_outputs or []:
            if output.get("output_type") != "stream":
                continue
            if output.get("name") == "stderr":
                raise AssertionError(
                    f"cell {item.cell_num} wrote to stderr; a warning in a lesson fails the tests:\n{output['text']}"
                )
            if in_solutions and any(line.startswith(NOT_ATTEMPTED) for line in output["text"].splitlines()):
                raise AssertionError(
                    f"cell {item.cell_num}: a check in a solution reports an exercise not attempted:\n{output['text']}"
                )
    return result
