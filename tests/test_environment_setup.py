"""The course's environment as set up by course.py: offline-friendly JupyterLab settings."""

import json
import sys
from pathlib import Path

import pytest

from course_tools import environment


def test_overrides_turn_off_news_and_update_checks(tmp_path):
    path = environment.write_lab_overrides(tmp_path)
    assert path == tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = json.loads(path.read_text())["@jupyterlab/apputils-extension:notification"]
    assert settings == {"fetchNews": "false", "checkForUpdates": False}


@pytest.mark.skipif(Path(sys.prefix).resolve() != environment.VENV.resolve(),
                    reason="only course.py's own .venv is set up by course.py (conda users: environment.yml)")
def test_the_environment_running_these_tests_has_them():
    overrides = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(overrides.read_text()) == environment.LAB_OVERRIDES
