"""Deliberately broken notebooks, so that the browser tests can prove they detect failures."""

from pathlib import Path

from course_tools import notebooks


def _notebook(*sources):
    cells = [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "source": source, "outputs": [],
              "execution_count": None} for i, source in enumerate(sources)]
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}}


BROKEN = {
    "zz-raises.ipynb": _notebook("x = 1", "1 / 0", "print('after the error')"),
    "zz-warns.ipynb": _notebook("import warnings\nwarnings.warn('something odd')", "print('fine')"),
}


def broken_notebooks(folder: Path) -> list[Path]:
    paths = []
    for name, notebook in BROKEN.items():
        path = folder / name
        notebooks.write(notebook, path)
        paths.append(path)
    return paths


PLAYGROUND_LESSON = "07-generalisation.ipynb"
"""The lesson that shows the playground (``Playground()``): the one name to change when it moves."""
