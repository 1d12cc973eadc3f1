"""The course's own Python environment, ``.venv`` beside the course.

Created on first use and re-synchronised whenever ``pyproject.toml`` or
``constraints.txt`` change, with the exact versions pinned in
``constraints.txt``; ``course_lib`` is installed in editable mode, so that the
notebooks import it from this checkout whatever folder they run in.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "constraints.txt"
STAMP = ".course-installed"
MINIMUM_PYTHON = (3, 11)


def venv_executable(name: str, venv_dir: Path = VENV) -> Path:
    """Path of a program (``python``, ``jupyter``) inside the environment."""
    if os.name == "nt":
        return venv_dir / "Scripts" / f"{name}.exe"
    return venv_dir / "bin" / name


def requirements_fingerprint(root: Path = ROOT) -> str:
    """Changes whenever what the environment must contain changes."""
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((root / name).read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def check_python() -> None:
    """Stop with a clear message on a Python that is too old."""
    if sys.version_info < MINIMUM_PYTHON:
        wanted = ".".join(map(str, MINIMUM_PYTHON))
        sys.exit(
            f"This course needs Python {wanted} or newer; this is Python {sys.version.split()[0]} "
            f"({sys.executable}). Install a newer Python and run the command with it."
        )


def ensure_environment(root: Path = ROOT, venv_dir: Path = VENV) -> Path:
    """Create or update the environment if needed; return its Python."""
    check_python()
    python = venv_executable("python", venv_dir)
    if not python.exists():
        print(f"Creating the course's Python environment in {venv_dir} (first run only) …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    stamp = venv_dir / STAMP
    wanted = requirements_fingerprint(root)
    if not stamp.exists() or stamp.read_text() != wanted:
        print("Installing the course's packages at the versions in constraints.txt (a few minutes, once) …", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet",
             "-c", str(root / "constraints.txt"), "-e", str(root)],
            check=True,
        )
        write_lab_overrides(venv_dir)
        stamp.write_text(wanted)
    return python


#: JupyterLab settings for a classroom that may have no network: no news or update checks.
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def write_lab_overrides(venv_dir: Path = VENV) -> Path:
    """Write ``LAB_OVERRIDES`` where the environment's JupyterLab reads its default settings."""
    path = venv_dir / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(LAB_OVERRIDES, indent=1) + "\n")
    return path
