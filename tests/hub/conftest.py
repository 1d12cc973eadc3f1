"""A real JupyterHub for the tests, as a class gets the course: the hub with its
configurable-http-proxy (npm, pinned by this folder's package-lock.json, installed into
build/hub-npm/), a shared-password authenticator, one local single-user server per student in
a home of its own under a temporary folder, nbgitpuller in the single-user environment (the
course's .venv), and the course served from a local git repository that the test makes.
Everything listens on 127.0.0.1; the fixture stops the hub and every process it started.

The tests are marked ``hub``. Without Chromium or npm they are skipped with a note, unless
``COURSE_BROWSER_TESTS=required`` (set by ``.ci/run``), where they fail instead.

Playwright runs in a thread of its own: its sync API refuses to start a second time in the
thread where the browser tests' session fixture keeps one running.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
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

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
NPM_DIR = ROOT / "build" / "hub-npm"
NPM_FILES = ("package.json", "package-lock.json")
ARTIFACTS = ROOT / "build" / "hub"
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "a shared class password"
REQUIRED = os.environ.get("COURSE_BROWSER_TESTS") == "required"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(HERE):
            item.add_marker(pytest.mark.hub)


def _unavailable(message: str):
    if REQUIRED:
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_proxy() -> Path:
    """configurable-http-proxy at the version of package-lock.json (``npm ci``, only when it changed)."""
    digest = hashlib.sha256(b"".join((HERE / name).read_bytes() for name in NPM_FILES)).hexdigest()
    program, stamp = NPM_DIR / "node_modules" / ".bin" / "configurable-http-proxy", NPM_DIR / ".installed-from"
    if program.exists() and stamp.is_file() and stamp.read_text() == digest:
        return program
    npm = shutil.which("npm")
    if npm is None:
        _unavailable("the hub tests need npm (Debian's `nodejs` and `npm` packages) for configurable-http-proxy")
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    for name in NPM_FILES:
        shutil.copyfile(HERE / name, NPM_DIR / name)
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NPM_DIR, check=True)
    stamp.write_text(digest)
    return program


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Instructor", GIT_AUTHOR_EMAIL="instructor@example.org",
               GIT_COMMITTER_NAME="Instructor", GIT_COMMITTER_EMAIL="instructor@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


class Hub:
    """JupyterHub on 127.0.0.1 with local single-user servers, one home per student under ``homes``."""

    def __init__(self, folder: Path):
        self.folder, self.homes = folder, folder / "homes"
        self.homes.mkdir(parents=True)
        self.port = _free_port()
        venv_bin = Path(sys.executable).parent
        config = {
            "JupyterHub.ip": "127.0.0.1", "JupyterHub.port": self.port,
            "JupyterHub.hub_ip": "127.0.0.1", "JupyterHub.hub_port": _free_port(),
            "JupyterHub.db_url": f"sqlite:///{folder / 'jupyterhub.sqlite'}",
            "JupyterHub.cookie_secret_file": str(folder / "cookie_secret"),
            "JupyterHub.pid_file": str(folder / "jupyterhub.pid"),
            "JupyterHub.authenticator_class": "shared-password",
            "SharedPasswordAuthenticator.user_password": PASSWORD,
            "Authenticator.allow_all": True,
            "JupyterHub.spawner_class": "simple",
            "SimpleLocalProcessSpawner.home_dir_template": str(self.homes / "{username}"),
            "Spawner.cmd": [str(venv_bin / "jupyterhub-singleuser")],
            "Spawner.args": ["--allow-root", "--LabApp.news_url=None", "--LabApp.expose_app_in_browser=True"],
            "Spawner.ip": "127.0.0.1",
            "Spawner.default_url": "/lab",
            "Spawner.start_timeout": 180, "Spawner.http_timeout": 180,
            "ConfigurableHTTPProxy.command": [str(ensure_proxy()), "--log-level=warn"],
            "ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{_free_port()}",
            "ConfigurableHTTPProxy.auth_token": secrets.token_hex(16),
            "JupyterHub.cleanup_servers": True, "JupyterHub.cleanup_proxy": True,
        }
        lines = []
        for key, value in config.items():
            section, name = key.split(".")
            lines.append(f"c.{section}.{name} = {value!r}")
        (folder / "jupyterhub_config.py").write_text("\n".join(lines) + "\n")
        env = dict(os.environ, PATH=f"{venv_bin}{os.pathsep}{os.environ['PATH']}")
        self.log = open(folder / "jupyterhub.log", "w")
        self.process = subprocess.Popen([str(venv_bin / "jupyterhub"), "-f", str(folder / "jupyterhub_config.py")],
                                        cwd=folder, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait_until_up()

    def _wait_until_up(self, timeout: float = 90.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited; see {self.log.name}")
            try:
                urllib.request.urlopen(self.url("hub/api/"), timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"JupyterHub did not answer within {timeout:.0f} s; see {self.log.name}")

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def home(self, student: str) -> Path:
        return self.homes / student

    def processes(self):
        """The hub and every process it started (proxy, single-user servers, kernels, git) now alive."""
        import psutil

        try:
            hub = psutil.Process(self.process.pid)
            return [hub, *hub.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self):
        """SIGTERM: the hub stops its proxy and single-user servers; then anything left is killed."""
        import psutil

        started = self.processes()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        alive = [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        for process in alive:
            process.kill()
        psutil.wait_procs(alive, timeout=10)
        self.log.close()
        return alive


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM}: install Debian's package (`apt-get install chromium`) "
                     "or set COURSE_CHROMIUM to its path")
    return CHROMIUM


@pytest.fixture(scope="module")
def hub(tmp_path_factory, chromium):
    server = Hub(tmp_path_factory.mktemp("hub"))
    yield server
    left = server.stop()
    assert not left, f"processes still running after the hub stopped: {[p.pid for p in left]}"


class BrowserThread:
    """Chromium under Playwright, driven from one thread of its own: ``call(fn, *args)`` runs
    ``fn(browser, *args)`` there and returns its result (or raises its exception)."""

    def __init__(self, chromium: Path):
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="playwright")
        self.call(lambda _: None)
        self.pool.submit(self._launch, chromium).result()

    def _launch(self, chromium):
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)

    def call(self, fn, *args):
        return self.pool.submit(lambda: fn(getattr(self, "browser", None), *args)).result()

    def close(self):
        def _close(browser):
            browser.close()
            self.playwright.stop()

        self.call(_close)
        self.pool.shutdown()


@pytest.fixture(scope="module")
def hub_browser(chromium):
    thread = BrowserThread(chromium)
    yield thread
    thread.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
