"""`python3 course.py slides`: every solution becomes a slide deck and a handout that work offline.

Slow-ish: the build runs once for this module, into a temporary folder (about 10 s, plus
`npm ci` the first time or after package-lock.json changed, which needs the npm registry).
It needs Node.js; CI has it.

"Offline" is checked on what a browser would fetch by itself: script sources, stylesheets
(and the fonts and imports inside them), the libraries named in inline scripts (RequireJS
modules, the widget renderer, module imports) and web fonts in inline styles. Ordinary links
in the lessons' text (references, licences) are not fetched, so they may point anywhere.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from course_tools import slides

ROOT = Path(__file__).resolve().parent.parent

# Quoted library paths in inline JavaScript: require([...]) modules, widgetRendererSrc, import(...).
_SCRIPT_LIBRARY = re.compile(r"""["'`]([^"'`\s]+\.(?:m?js|css))(?:\?[^"'`]*)?["'`]""")
_SCRIPT_REMOTE = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""")
_CSS_REFERENCE = re.compile(r"""url\(\s*["']?([^"')]+?)["']?\s*\)|@import\s+["']([^"']+)["']""")


class _PageParts(HTMLParser):
    """What a browser fetches from one page, plus the counts the tests need."""

    def __init__(self):
        super().__init__()
        self.fetched = []        # script src and stylesheet href
        self.inline_js = []      # bodies of inline scripts (widget-state JSON excluded)
        self.inline_css = []     # bodies of <style>
        self.sections = 0
        self.code_cells = 0
        self.notes = 0
        self._inside = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "script" and attrs.get("src") is not None:
            self.fetched.append(attrs["src"])
        elif tag == "script" and "json" not in (attrs.get("type") or ""):
            self._inside = self.inline_js
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.fetched.append(attrs.get("href") or "")
        elif tag == "style":
            self._inside = self.inline_css
        elif tag == "section":
            self.sections += 1
        elif tag == "div" and "jp-CodeCell" in classes:
            self.code_cells += 1
        elif tag == "aside" and "notes" in classes:
            self.notes += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._inside = None

    def handle_data(self, data):
        if self._inside is not None:
            self._inside.append(data)


def _parse(page: Path) -> _PageParts:
    parts = _PageParts()
    parts.feed(page.read_text(encoding="utf-8"))
    return parts


def _is_local(url: str) -> bool:
    split = urlsplit(url)
    return not split.scheme and not split.netloc


def _local_file(base: Path, url: str) -> Path:
    return (base.parent / unquote(urlsplit(url).path)).resolve()


def _css_references(css: str) -> list[str]:
    found = (a or b for a, b in _CSS_REFERENCE.findall(css))
    return [url for url in found if not url.startswith(("data:", "#"))]


def _missing_files(referrer: Path, urls: list[str], out: Path, seen: set[Path]) -> list[str]:
    """Local ``urls`` of ``referrer`` that are not in ``out``, following stylesheets' own references."""
    problems = []
    for url in filter(_is_local, urls):
        target = _local_file(referrer, url)
        if not target.is_file() or out.resolve() not in target.parents:
            problems.append(f"{referrer.relative_to(out)}: {url} is not a file in the build folder")
        elif target.suffix == ".css" and target not in seen:
            seen.add(target)
            problems += _missing_files(target, _css_references(target.read_text(encoding="utf-8")), out, seen)
    return problems


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    if shutil.which("npm") is None:
        pytest.fail("Building the slides needs Node.js and npm, to install reveal.js, MathJax and the widget "
                    "renderer from package-lock.json: install Node.js (https://nodejs.org) and run again.",
                    pytrace=False)
    out = tmp_path_factory.mktemp("slides-build")
    notebooks = slides.find_notebooks()
    slides.build(out)
    return out, notebooks


def _pages(out: Path) -> list[Path]:
    return sorted((out / "slides").glob("*.html")) + sorted((out / "handouts").glob("*.html")) + [out / "index.html"]


def test_every_solution_has_one_deck_and_one_handout(build):
    out, notebooks = build
    assert notebooks, "no notebooks in solutions/"
    assert sorted(p.name for p in (out / "slides").glob("*.html")) == sorted(f"{nb.stem}.slides.html" for nb in notebooks)
    assert sorted(p.name for p in (out / "handouts").glob("*.html")) == sorted(f"{nb.stem}.html" for nb in notebooks)
    for folder in ("slides", "handouts"):  # the widget renderer's icon fonts, for the Play control
        assert list((out / folder / "@jupyter-widgets").glob("*.woff2"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"slides/{nb.stem}.slides.html" in index and f"handouts/{nb.stem}.html" in index for nb in notebooks)


def test_no_page_fetches_anything_from_the_network(build):
    out, _ = build
    problems = []
    for page in _pages(out):
        parts = _parse(page)
        name = page.relative_to(out)
        problems += [f"{name}: fetches {url}" for url in parts.fetched if not _is_local(url)]
        for script in parts.inline_js:
            problems += [f"{name}: an inline script loads {url}" for url in _SCRIPT_REMOTE.findall(script)]
            problems += [f"{name}: an inline script loads {url}"
                         for url in _SCRIPT_LIBRARY.findall(script) if not _is_local(url)]
        for style in parts.inline_css:
            problems += [f"{name}: a style imports {url}" for url in _css_references(style) if not _is_local(url)]
    assert not problems, "\n".join(problems)


def test_every_library_a_page_loads_is_in_the_build_folder(build):
    out, _ = build
    problems, seen = [], set()
    for page in _pages(out):
        parts = _parse(page)
        libraries = [url for script in parts.inline_js for url in _SCRIPT_LIBRARY.findall(script)]
        styles = [url for style in parts.inline_css for url in _css_references(style)]
        problems += _missing_files(page, parts.fetched + libraries + styles, out, seen)
    assert not problems, "\n".join(problems)


def test_decks_are_reveal_decks_without_skipped_cells_and_handouts_show_every_cell(build):
    out, notebooks = build
    for notebook in notebooks:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = [cell for cell in cells if cell["cell_type"] == "code"]
        shown = [cell for cell in code if cell["metadata"].get("slideshow", {}).get("slide_type") != "skip"]
        has_notes = any(cell["metadata"].get("slideshow", {}).get("slide_type") == "notes" for cell in cells)
        deck = out / "slides" / f"{notebook.stem}.slides.html"
        parts, text = _parse(deck), deck.read_text(encoding="utf-8")
        assert parts.sections > 0 and "Reveal.initialize(" in text, deck.name
        assert "../lib/reveal.js/plugin/notes/notes.js" in text, f"{deck.name}: no speaker notes plugin"
        assert parts.code_cells == len(shown), f"{deck.name}: {parts.code_cells} code cells, {len(shown)} not skipped"
        assert parts.notes > 0 or not has_notes, f"{deck.name}: the notes cells are missing"
        handout = _parse(out / "handouts" / f"{notebook.stem}.html")
        assert handout.sections == 0 and handout.code_cells == len(code), f"{notebook.stem}: handout"


def test_links_to_other_lessons_lead_to_their_pages(build):
    out, notebooks = build
    for page in _pages(out)[:-1]:
        text = page.read_text(encoding="utf-8")
        for notebook in notebooks:
            assert f'href="{notebook.name}' not in text, f"{page.name} links to {notebook.name}"


def test_npm_packages_are_pinned_exactly_and_locked():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert package["private"] is True
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned exactly: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, f"package-lock.json is stale: {name}"
    wanted = {library.package for library in slides.LIBRARIES}
    assert wanted <= set(package["dependencies"]), "a library copied into build/lib is not in package.json"
    assert package["dependencies"]["reveal.js"].startswith("4."), "nbconvert's template needs reveal.js 4 (notes plugin)"
    assert package["dependencies"]["mathjax"].startswith("2."), "nbconvert's template configures MathJax 2"


class _Details(HTMLParser):
    """The text inside each <details> of a page, and the text after its <summary>."""

    def __init__(self):
        super().__init__()
        self.found, self._depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self._depth += 1
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == "details":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.found[-1] += data


def _hints(notebook: Path) -> list[tuple[str, str]]:
    """Summary and Markdown of every hint ("Hint", "Answer", …) in ``notebook``'s ``<details>`` blocks."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    return [(match["summary"], match["body"]) for source in sources for match in slides._DETAILS.finditer(source)]


def _words(markdown: str) -> list[str]:
    """The plain words of some Markdown, for comparison with the rendered text."""
    return re.findall(r"[A-Za-z]{4,}", markdown)


def test_every_hint_is_a_closed_details_with_its_text_inside(build):
    out, notebooks = build
    assert any(_hints(notebook) for notebook in notebooks), "no hint in solutions/: nothing is tested"
    for notebook in notebooks:
        hints = _hints(notebook)
        for page in (out / "slides" / f"{notebook.stem}.slides.html", out / "handouts" / f"{notebook.stem}.html"):
            parser = _Details()
            parser.feed(page.read_text(encoding="utf-8"))
            assert len(parser.found) == len(hints), f"{page.name}: {len(parser.found)} <details>, {len(hints)} hints"
            for (summary, hint), shown in zip(hints, parser.found):
                missing = [word for word in _words(hint) if word not in shown]
                assert shown.strip().startswith(summary) and not missing, f"{page.name}: {missing} not inside {shown!r}"


def test_no_page_shows_the_answer_markers(build):
    out, _ = build
    for page in _pages(out):
        text = page.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text, page.name


def test_a_hint_with_code_and_maths_stays_one_details_block():
    from types import SimpleNamespace as Node

    source = ("Before.\n\n<details><summary>Hint</summary>\n\nUse $\\sigma(z)$:\n\n"
              "```python\nx = 1\n\ny = 2\n```\n</details>\n\nAfter.")
    code = "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n"
    nb = Node(cells=[Node(cell_type="markdown", source=source), Node(cell_type="code", source=code)])
    slides.prepare_for_pages(nb)
    markdown = nb.cells[0].source
    block = markdown[markdown.index("<details>"):markdown.index("</details>")]
    assert "\n\n" not in block, "a blank line would end the HTML block"
    text = re.sub(r"<[^>]+>", "", block)
    assert "$\\sigma(z)$" in text and "x = 1" in text and "y = 2" in text
    assert markdown.startswith("Before.\n\n") and markdown.endswith("</details>\n\nAfter.")
    assert nb.cells[1].source == "def f():\n    return 1\n"


_NO_ALT = "No description has been provided for this image"  # what nbconvert writes on an <img> without alt


class _Images(HTMLParser):
    """The alt attribute of every <img> of a page (None where there is none)."""

    def __init__(self):
        super().__init__()
        self.alts = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.alts.append(dict(attrs).get("alt"))


def _image_alts(page: Path) -> list[str | None]:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.alts


def _solutions_carry_descriptions(notebooks: list[Path]) -> bool:
    """Whether the stored outputs were executed since figures carry a description (any PNG with alt)."""
    outputs = [output for notebook in notebooks
               for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"] for output in cell.get("outputs", [])]
    return any("alt" in output.get("metadata", {}).get("image/png", {}) for output in outputs)


def test_every_figure_in_the_handouts_and_decks_has_a_description(build):
    out, notebooks = build
    if not _solutions_carry_descriptions(notebooks):
        pytest.xfail("solutions/ were executed before course_lib.plotting described its figures: "
                     "re-execute them (python3 course.py execute solutions/NN-name.ipynb)")
    for page in _pages(out)[:-1]:
        alts = _image_alts(page)
        assert all(alt and alt != _NO_ALT for alt in alts), f"{page.name}: an image without alt text: {alts}"


def test_a_figure_description_becomes_the_alt_text_of_its_image(tmp_path, caplog):
    """End to end on a small notebook: executed in a kernel, exported as the course exports."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("from course_lib.plotting import plot_function_and_derivative, plot_neuron_plane"),
                nbformat.v4.new_code_cell('plot_function_and_derivative("tanh")'),
                nbformat.v4.new_code_cell('plot_neuron_plane([2, 0], 1, activation="relu")')]
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    outputs = [cell.outputs[0] for cell in nb.cells[1:]]
    alts = [output.metadata["image/png"]["alt"] for output in outputs]
    assert all(output.data["text/plain"] == alt for output, alt in zip(outputs, alts))
    assert alts[0].startswith("tanh for z from −5 to 5") and "to the right of it" in alts[1]
    for output, alt in zip(outputs, alts):  # JupyterLab shows the text/html: one <img> with the alt, holding the PNG
        parser = _Images()
        parser.feed(output.data["text/html"])
        assert parser.alts == [alt] and "image/png" not in output.data  # the PNG is stored once
        png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', output.data["text/html"])[1])
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    notebook = tmp_path / "99-figures.ipynb"
    nbformat.write(nb, notebook)
    for folder in ("slides", "handouts"):
        (tmp_path / folder).mkdir()
    with caplog.at_level("WARNING"):
        pages = [slides.export_handout(notebook, tmp_path), slides.export_slides(notebook, tmp_path)]
    assert "Alternative text is missing" not in caplog.text
    for page in pages:  # each figure once (its HTML form, not also its image/png), with its description
        assert _image_alts(page) == alts, page.name
