"""Read and write ``.ipynb`` files exactly as Jupyter writes them.

The output matches ``nbformat.write`` byte for byte (multi-line strings split
into lists of lines, keys sorted, one-space indent), so that a notebook
written here and then saved by JupyterLab produces no spurious diff.
"""

from __future__ import annotations

import json
from pathlib import Path

_SPLIT_MIME = ("application/javascript", "image/svg+xml")


def read(path: Path) -> dict:
    """Return the notebook at ``path`` with every multi-line field joined into one string."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        cell["source"] = _join(cell.get("source", ""))
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = _join(output["text"])
            for key, value in output.get("data", {}).items():
                output["data"][key] = _join(value) if isinstance(value, list) else value
    return notebook


def dumps(notebook: dict) -> str:
    """Return the text Jupyter would write for ``notebook``."""
    notebook = json.loads(json.dumps(notebook))  # a deep copy
    for cell in notebook["cells"]:
        cell["source"] = _split(cell["source"])
        for output in cell.get("outputs", []):
            if isinstance(output.get("text"), str):
                output["text"] = _split(output["text"])
            data = output.get("data", {})
            for key, value in data.items():
                if isinstance(value, str) and (key.startswith("text/") or key in _SPLIT_MIME):
                    data[key] = _split(value)
    text = json.dumps(notebook, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)
    return text + "\n"


def write(notebook: dict, path: Path) -> None:
    """Write ``notebook`` to ``path`` in Jupyter's own format."""
    Path(path).write_text(dumps(notebook), encoding="utf-8")


def code_cells(notebook: dict) -> list[dict]:
    """The notebook's code cells, in order."""
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def _join(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def _split(text: str) -> list[str]:
    return text.splitlines(True)
