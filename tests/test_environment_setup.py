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


def test_the_deck_styles_apply_only_while_presenting(tmp_path):
    overrides = json.loads(environment.write_lab_overrides(tmp_path).read_text())
    styles = overrides["@deathbeds/jupyterlab-fonts:fonts"]["styles"]
    assert styles == environment.DECK_STYLES
    assert all(selector.startswith("body[data-jp-deck-mode='presenting']") for selector in styles)


def test_changed_overrides_reach_an_existing_environment(tmp_path):
    path = environment.lab_overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"an older": "version"}')
    assert environment.ensure_lab_overrides(tmp_path) == path
    assert json.loads(path.read_text()) == environment.LAB_OVERRIDES
    written = path.stat().st_mtime_ns
    environment.ensure_lab_overrides(tmp_path)
    assert path.stat().st_mtime_ns == written, "rewritten although current"
