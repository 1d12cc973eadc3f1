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
        stamp.write_text(wanted)
    ensure_lab_overrides(venv_dir)
    return python


#: The body's attribute while jupyterlab-slideshow presents a notebook (and only then).
PRESENTING = "body[data-jp-deck-mode='presenting']"

#: Styles for a live deck read from the back of a room, applied only while presenting
#: (students at a laptop keep JupyterLab's sizes): Markdown text 22 px (headings scale with it),
#: code and text outputs 20 px, widget labels 18 px, and figures zoomed so that their labels,
#: drawn at 12-13 pt, reach about 20 px. They go in through @deathbeds/jupyterlab-fonts (which
#: jupyterlab-slideshow depends on): its "styles" setting is JSS applied to the whole page.
DECK_STYLES = {
    PRESENTING: {
        "--jp-content-font-size1": "22px",
        "--jp-code-font-size": "20px",
        "--jp-widgets-font-size": "18px",
    },
    # matplotlib figures at 100 dpi: 12 pt tick labels are 16.7 px, zoomed 1.2 they are 20 px
    f"{PRESENTING} .jp-Deck .jp-RenderedImage img": {"zoom": "1.2"},
    # the same figures shown through their text/html form, an <img> that carries the alt text
    # (course_lib.plotting.DescribedFigure): JupyterLab renders it as HTML, not as an image output
    f"{PRESENTING} .jp-Deck .jp-RenderedHTML > img[src^='data:image/png']": {"zoom": "1.2"},
    # the widgets' images at 90 dpi: 12 pt is 15 px, zoomed 1.35 it is 20 px
    f"{PRESENTING} .jp-Deck img.widget-image": {"zoom": "1.35"},
    # jupyterlab-slideshow hides the output prompts while presenting, so every output moves left by
    # the prompt's width, but it hides the prompt's overlay (transparent, the prompt's width, the
    # output's full height; a click on it collapses the output into a scroll box) only in Notebook 7
    # (its rule names body[data-notebook='notebooks']). In JupyterLab the overlay stayed, over the first
    # 64 px of every output: over the playground's ▶, whose click collapsed the output instead.
    f"{PRESENTING} .jp-Deck .jp-OutputArea-promptOverlay": {"display": "none"},
}

#: JupyterLab settings for a classroom that may have no network (no news or update checks),
#: and the deck's styles above. Defaults, not locks: a person's own settings still win.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@deathbeds/jupyterlab-fonts:fonts": {"styles": DECK_STYLES},
}


def lab_overrides_path(venv_dir: Path = VENV) -> Path:
    """Where the environment's JupyterLab reads the defaults that override its extensions' own."""
    return venv_dir / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def write_lab_overrides(venv_dir: Path = VENV) -> Path:
    """Write ``LAB_OVERRIDES`` where the environment's JupyterLab reads its default settings."""
    path = lab_overrides_path(venv_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(LAB_OVERRIDES, indent=1) + "\n")
    return path


def ensure_lab_overrides(venv_dir: Path = VENV) -> Path:
    """Write ``LAB_OVERRIDES`` unless the file holds them already (they change with the course, not the packages)."""
    path = lab_overrides_path(venv_dir)
    try:
        current = json.loads(path.read_text())
    except (OSError, ValueError):
        current = None
    return path if current == LAB_OVERRIDES else write_lab_overrides(venv_dir)
