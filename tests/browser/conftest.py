"""A real browser for the tests: Debian's Chromium driven by Playwright, against a JupyterLab
server that a fixture starts on 127.0.0.1 with a token, in a temporary HOME, and stops.

The tests are marked ``browser``. Without Chromium they are skipped with a note on how to
install it, unless ``COURSE_BROWSER_TESTS=required`` (set by ``.ci/run``), where a missing
browser fails instead: CI must never pass by skipping them.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from course_tools import environment, student_copy

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "browser"
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KERNEL_IDLE = "Python 3 (ipykernel) | Idle"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = (f"no Chromium at {CHROMIUM}: install Debian's package (`apt-get install chromium`) "
                   "or set COURSE_CHROMIUM to its path")
        if os.environ.get("COURSE_BROWSER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class LabServer:
    """A JupyterLab server on a scratch copy of some notebooks (JupyterLab autosaves)."""

    def __init__(self, home: Path, notebooks: list[Path]):
        self.home, self.root = home, home / "notebooks"
        self.root.mkdir(parents=True)
        for notebook in notebooks:
            shutil.copy(notebook, self.root / notebook.name)
        self._settings()
        self.port, self.token = _free_port(), secrets.token_hex(16)
        env = dict(os.environ, HOME=str(home), JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
                   JUPYTER_DATA_DIR=str(home / ".local" / "share" / "jupyter"),
                   JUPYTER_RUNTIME_DIR=str(home / "runtime"), IPYTHONDIR=str(home / ".ipython"))
        jupyter = Path(sys.executable).parent / "jupyter"
        command = [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
                   "--LabApp.news_url=None", "--LabApp.expose_app_in_browser=True",
                   f"--LabApp.app_settings_dir={self.app_settings}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self.log = open(home / "jupyterlab.log", "w")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait_until_up()

    def _settings(self):
        """The course's JupyterLab overrides, written by the set-up's own function (so the tests see
        what `course.py open` installs) into this server's settings folder; and, for the tests only,
        every cell in the page (no virtual scrolling)."""
        self.app_settings = environment.write_lab_overrides(self.home / "venv").parent
        user_settings = self.home / ".jupyter" / "lab" / "user-settings"
        path = user_settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"windowingMode": "none"}))

    def _wait_until_up(self, timeout: float = 90.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited; see {self.log.name}")
            try:
                urllib.request.urlopen(self.url("api/status"), timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s; see {self.log.name}")

    def url(self, path: str) -> str:
        separator = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path}{separator}token={self.token}"

    def shutdown_kernels(self):
        """Stop every kernel the server runs: each notebook a test opens starts one, and left running
        they pile up (eight lessons, several tests each) and slow the next tests' kernels down."""
        with urllib.request.urlopen(self.url("api/kernels"), timeout=10) as reply:
            kernels = json.load(reply)
        for kernel in kernels:
            request = urllib.request.Request(self.url(f"api/kernels/{kernel['id']}"), method="DELETE")
            try:
                urllib.request.urlopen(request, timeout=30).close()
            except OSError:
                pass  # already gone

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory, chromium):
    """JupyterLab serving a copy of every lesson with the read-only solutions beside them, as a
    student's folder, plus the guard notebooks of test_error_detection."""
    from .notebooks_for_tests import broken_notebooks

    home = tmp_path_factory.mktemp("lab-home")
    server = LabServer(home, sorted((ROOT / "lessons").glob("*.ipynb")) + broken_notebooks(home))
    student_copy.refresh_solutions(ROOT / "solutions", server.root)  # as `course.py open` lays it out
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fresh_kernels(request):
    """After each test that used the lab server, stop the kernels it left running."""
    yield
    if "lab" in request.fixturenames:
        request.getfixturevalue("lab").shutdown_kernels()


@pytest.fixture
def viewport() -> dict:
    """The browser window's size; a test module defines its own ``viewport`` fixture to change it."""
    return {"width": 1400, "height": 900}


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
