"""Every slide fits on a projector: a rough height estimate per slide, in lines of text.

A slide is a cell of slide type "slide" or "subslide" plus the "-" and "fragment" cells that
follow it ("skip" and "notes" cells are not shown). The estimate counts a markdown or code
line as 1 (a heading 1.5, a blank line 0.5, a line over 100 characters once more per 100),
each line of stored text output as 1, a figure as 14 and a widget as 16 (a progress bar as 1.5). At 1280×720 a slide
holds about 22 such lines.
"""

from pathlib import Path

import pytest

from course_tools import notebooks

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 22
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


def slides(notebook):
    """``(index of the first cell, cells shown)`` for each slide."""
    found = []
    for index, cell in enumerate(notebook["cells"]):
        kind = cell["metadata"].get("slideshow", {}).get("slide_type", "-")
        if kind in ("skip", "notes"):
            continue
        if kind in ("slide", "subslide") or not found:
            found.append((index, []))
        found[-1][1].append(cell)
    return found


def estimated_lines(cells) -> float:
    lines = 0.0
    for cell in cells:
        for line in cell["source"].splitlines():
            lines += 0.5 if not line.strip() else 1.5 if line.startswith("#") else 1 + len(line) // 100
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data or "".join(data.get("text/html", "")).startswith("<img "):  # a described figure's <img>
                lines += 14
            elif "application/vnd.jupyter.widget-view+json" in data:
                lines += 1.5 if "it/s]" in data.get("text/plain", "") else 16  # a progress bar is one line
            else:
                lines += len((output.get("text") or data.get("text/plain", "")).splitlines())
    return lines


def test_the_estimate_grows_with_content():
    short = [{"source": "# Title\nOne line.", "outputs": []}]
    tall = short + [{"source": "x = 1", "outputs": [{"data": {"image/png": ""}}]}]
    assert estimated_lines(short) == 2.5 and estimated_lines(tall) == 2.5 + 1 + 14
    described = short + [{"source": "x = 1", "outputs": [{"data": {"text/html": '<img alt="a" src="data:">',
                                                                   "text/plain": "a"}}]}]
    assert estimated_lines(described) == estimated_lines(tall)


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_no_slide_is_taller_than_a_projector(path):
    too_tall = [(index, lines) for index, cells in slides(notebooks.read(path))
                if (lines := estimated_lines(cells)) > MAX_LINES]
    assert not too_tall, f"slides starting at these cells are too tall (cell, lines): {too_tall}; split them"
