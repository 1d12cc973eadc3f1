"""`python3 course.py open` sets up the student's copy and starts JupyterLab on it."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_open_starts_jupyterlab_on_the_students_own_copy(tmp_path):
    port, token, work_dir = _free_port(), "course-test-token", tmp_path / "mine"
    env = dict(os.environ, HOME=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter"))
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "course.py"), "open", "--work-dir", str(work_dir), "--no-browser",
         "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        listing = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=5) as reply:
                    listing = json.load(reply)
                    break
            except OSError:
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not answer within 90 s"
        served = sorted(item["name"] for item in listing["content"] if item["name"].endswith(".ipynb"))
        assert served == sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
        assert {"name": "solutions", "type": "directory"}.items() <= next(
            item for item in listing["content"] if item["name"] == "solutions").items(), "solutions one click away"
        assert (work_dir / "00-welcome.ipynb").read_bytes() == (ROOT / "lessons" / "00-welcome.ipynb").read_bytes()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as reply:
            assert reply.status == 200 and b"JupyterLab" in reply.read()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert "Your own copy of the lessons is in" in output and "new lessons copied: 00-welcome.ipynb" in output
    assert sorted(p.name for p in (work_dir / "solutions").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "solutions").glob("*.ipynb"))


def test_copy_lessons_for_an_instructor_keeps_the_speaker_notes(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "copy-lessons", "--instructor",
                             "--work-dir", str(tmp_path / "teach")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    from course_tools import lessons, notebooks
    copied = notebooks.read(tmp_path / "teach" / "01-the-artificial-neuron.ipynb")
    assert any(lessons.is_notes(cell) for cell in copied["cells"])
    assert not any(lessons.BEGIN in cell["source"] for cell in notebooks.code_cells(copied)), "no answers"


def test_unknown_options_of_other_commands_are_refused_clearly():
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "lessons", "--bogus"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "unrecognized arguments: --bogus" in result.stderr


@pytest.mark.parametrize("command", ["open", "test", "lessons", "execute", "copy-lessons", "lock", "slides"])
def test_every_command_is_documented_in_the_help(command):
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "--help"], capture_output=True, text=True)
    assert command in result.stdout
