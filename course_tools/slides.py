"""Build every solution into a reveal.js slide deck and an HTML handout, for offline use.

    python3 course.py slides          # the usual way: sets up .venv, then runs this module
    .venv/bin/python -m course_tools.slides --out DIR

The notebooks in ``solutions/`` are stored executed and are converted as they
are, never re-executed. The result, by default in the git-ignored ``build/site/``::

    build/site/index.html                      links to every deck and handout
    build/site/slides/NN-name.slides.html      reveal.js deck: skip cells left out, notes for the speaker view
    build/site/handouts/NN-name.html           every cell, with its outputs
    build/site/lib/…                           reveal.js, MathJax, RequireJS and the widget renderer
    build/site/{slides,handouts}/@jupyter-widgets/  the widget renderer's icon fonts, where it looks for them

``build/site/`` is self-contained: zip it and hand it out.

Nothing is fetched from a CDN when a deck is shown: the JavaScript libraries
come from the npm registry at the versions pinned in ``package-lock.json``
(``npm ci``, into ``build/npm/``, only when that lockfile changed) and are
copied into ``lib/`` beside the decks. Show them through a local web server
(``python3 -m http.server --bind 127.0.0.1 --directory build/site``), the way they are
tested, rather than as ``file://`` pages.

This module imports only the standard library at import time, like the rest of
``course_tools``; exporting imports nbconvert, so it runs in the course's
environment.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .lessons import BEGIN, END
from .notebooks import read as read_notebook

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
BUILD = ROOT / "build"
SITE = BUILD / "site"
NPM_DIR = BUILD / "npm"
TEMPLATES = Path(__file__).resolve().parent / "templates"
NPM_FILES = ("package.json", "package-lock.json")
NPM_STAMP = ".installed-from"


@dataclass(frozen=True)
class Library:
    """An npm package, and the parts of it that the pages load, copied to ``lib/<name>/``."""

    name: str
    package: str
    parts: tuple[str, ...]


LIBRARIES = (
    Library("reveal.js", "reveal.js", ("dist", "plugin/notes", "LICENSE")),
    Library("mathjax", "mathjax", ("MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js",
                                   "extensions", "jax", "localization", "fonts/HTML-CSS/TeX", "LICENSE")),
    Library("requirejs", "requirejs", ("require.js",)),
    Library("html-manager", "@jupyter-widgets/html-manager", ("dist/embed-amd.js",)),
)

# Where the pages find the libraries, relative to slides/ and handouts/. No jquery_url: the
# slides template drops jQuery (only reveal_scroll used it). No font_awesome_url: nbconvert 7.17's
# templates never load it.
LIB_URL = "../lib"
SHARED_URLS = {
    "require_js_url": f"{LIB_URL}/requirejs/require.js",
    # The MathJax 2 configuration nbconvert's templates are written for (their default URL's query).
    "mathjax_url": f"{LIB_URL}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
    "widget_renderer_url": f"{LIB_URL}/html-manager/dist/embed-amd.js",
}
SLIDES_OPTIONS = {
    **SHARED_URLS,
    "reveal_url_prefix": f"{LIB_URL}/reveal.js",
    "reveal_theme": "white",  # `simple`, nbconvert's default, imports web fonts from Google
    "reveal_width": "1280",   # 16:9, the shape of today's projectors
    "reveal_height": "720",
    "reveal_number": "c/t",
    "exclude_input_prompt": True,  # the prompts' "In [3]:" only take room on a slide
    "exclude_output_prompt": True,
    "template_file": str(TEMPLATES / "slides.html.j2"),
}
HANDOUT_OPTIONS = {**SHARED_URLS, "template_file": str(TEMPLATES / "handout.html.j2")}


def find_notebooks(folder: Path = SOLUTIONS) -> list[Path]:
    """The lesson notebooks in ``folder``, in course order.

    >>> [p.name for p in find_notebooks()][:1]
    ['00-welcome.ipynb']
    """
    return sorted(path for path in folder.glob("*.ipynb") if not path.name.startswith("."))


def lockfile_digest(root: Path = ROOT) -> str:
    """Changes whenever ``package.json`` or ``package-lock.json`` changes."""
    digest = hashlib.sha256()
    for name in NPM_FILES:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def ensure_npm_packages(root: Path = ROOT, npm_dir: Path = NPM_DIR) -> Path:
    """Install the pinned npm packages into ``npm_dir`` with ``npm ci`` unless they are current.

    Returns the ``node_modules`` folder. ``npm_dir`` holds copies of the two
    npm files, so that ``node_modules`` stays inside the git-ignored build folder.
    """
    modules = npm_dir / "node_modules"
    stamp = npm_dir / NPM_STAMP
    wanted = lockfile_digest(root)
    if modules.is_dir() and stamp.is_file() and stamp.read_text() == wanted:
        return modules
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(
            "Building the slides needs Node.js and npm (any recent LTS, https://nodejs.org) to fetch "
            "reveal.js, MathJax and the widget renderer at the versions in package-lock.json. "
            "Install Node.js, then run the command again."
        )
    print("Installing the slides' JavaScript libraries with `npm ci` (when package-lock.json changes) …", flush=True)
    npm_dir.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    for name in NPM_FILES:
        shutil.copyfile(root / name, npm_dir / name)
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                   cwd=npm_dir, check=True)
    stamp.write_text(wanted)
    return modules


def copy_libraries(modules: Path, out: Path) -> None:
    """Copy the parts of each library that the pages load into ``out/lib/``, replacing older copies."""
    for library in LIBRARIES:
        target = out / "lib" / library.name
        if target.exists():
            shutil.rmtree(target)
        for part in library.parts:
            source = modules / library.package / part
            if source.is_dir():
                shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("*.map"))
            else:
                (target / part).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / part)


# A hint as the lessons write it: <details><summary>Hint</summary>, a blank line, Markdown, </details>.
_DETAILS = re.compile(r"<details>\s*<summary>(?P<summary>.*?)</summary>(?P<body>.*?)</details>", re.DOTALL)


def _render_details(match: re.Match) -> str:
    """One ``<details>`` block of a Markdown cell as a single HTML block, its Markdown rendered inside.

    Left to nbconvert, the opening tags form one HTML block and the text another: with
    ``embed_images`` each block is parsed on its own, which closes ``<details>`` at once
    and leaves the hint outside it, always shown. A blank line would end the HTML block,
    so blank lines of the rendered body (inside a code block) become empty comments.
    """
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    body = markdown2html_mistune(match["body"].strip()).strip()
    lines = [line if line.strip() else "<!-- -->" for line in body.splitlines()]
    return "\n".join([f"<details><summary>{match['summary']}</summary>", *lines, "</details>"])


def prepare_for_pages(nb, resources=None):
    """What the pages show of a solution: hints that open on a click, no answer markers.

    In Markdown cells each ``<details>`` block is rendered whole (:func:`_render_details`);
    in code cells the ``### BEGIN SOLUTION`` / ``### END SOLUTION`` lines are dropped.
    The notebook node is changed in place and returned with ``resources``: nbconvert
    runs this as a preprocessor, the notebook on disk is never touched.

    >>> from types import SimpleNamespace as Cell
    >>> nb = Cell(cells=[Cell(cell_type="code", source="def f():\\n    ### BEGIN SOLUTION\\n    return 1\\n    ### END SOLUTION")])
    >>> print(prepare_for_pages(nb)[0].cells[0].source)
    def f():
        return 1
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "<details>" in cell.source:
            cell.source = _DETAILS.sub(_render_details, cell.source)
        elif cell.cell_type == "code" and (BEGIN in cell.source or END in cell.source):
            cell.source = "\n".join(line for line in cell.source.split("\n") if line.strip() not in (BEGIN, END))
    return nb, resources


WIDGET_FONTS = ("*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg")


def copy_widget_fonts(modules: Path, out: Path) -> None:
    """Put the widget renderer's icon fonts (Font Awesome, e.g. for the Play control's buttons) where it
    looks for them: ``@jupyter-widgets/`` beside each page, so slides/ and handouts/ each get a copy."""
    dist = modules / "@jupyter-widgets" / "html-manager" / "dist"
    for folder in ("slides", "handouts"):
        target = out / folder / "@jupyter-widgets"
        target.mkdir(parents=True, exist_ok=True)
        for pattern in WIDGET_FONTS:
            for font in dist.glob(pattern):
                shutil.copy2(font, target / font.name)


def _convert(notebook: Path, kind: str, options: dict) -> str:
    """The page nbconvert makes of ``notebook``: ``kind`` is ``"slides"`` or ``"html"``."""
    from nbconvert import HTMLExporter, SlidesExporter
    from traitlets.config import Config

    exporter_class = SlidesExporter if kind == "slides" else HTMLExporter
    # embed_images: a picture a Markdown cell links to travels inside the page.
    config = Config({exporter_class.__name__: {**options, "embed_images": True}})
    exporter = exporter_class(config=config)
    exporter.register_preprocessor(prepare_for_pages, enabled=True)
    body, _ = exporter.from_filename(str(notebook))
    return body


def link_lessons(page: str, notebooks: list[Path], suffix: str) -> str:
    """Point links to another lesson's ``.ipynb`` at its page of the same kind (``suffix``).

    >>> link_lessons('see <a href="01-x.ipynb">lesson 01</a>', [Path("01-x.ipynb")], ".slides.html")
    'see <a href="01-x.slides.html">lesson 01</a>'
    """
    for notebook in notebooks:
        page = page.replace(f'href="{notebook.name}', f'href="{notebook.stem}{suffix}')
    return page


def export_slides(notebook: Path, out: Path, notebooks: list[Path] = ()) -> Path:
    """Write ``out/slides/<name>.slides.html``, a reveal.js deck of the executed ``notebook``."""
    target = out / "slides" / f"{notebook.stem}.slides.html"
    page = _convert(notebook, "slides", SLIDES_OPTIONS)
    target.write_text(link_lessons(page, notebooks, ".slides.html"), encoding="utf-8")
    return target


def export_handout(notebook: Path, out: Path, notebooks: list[Path] = ()) -> Path:
    """Write ``out/handouts/<name>.html``: every cell of the executed ``notebook`` with its outputs."""
    target = out / "handouts" / f"{notebook.stem}.html"
    page = _convert(notebook, "html", HANDOUT_OPTIONS)
    target.write_text(link_lessons(page, notebooks, ".html"), encoding="utf-8")
    return target


def lesson_title(notebook: Path) -> str:
    """The first Markdown heading of ``notebook``, or its file name.

    >>> lesson_title(SOLUTIONS / "00-welcome.ipynb")
    '00 · Welcome'
    """
    for cell in read_notebook(notebook)["cells"]:
        if cell["cell_type"] == "markdown":
            for line in cell["source"].splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return notebook.stem


def write_index(notebooks: list[Path], out: Path) -> Path:
    """Write ``out/index.html``, a plain page linking every deck and handout."""
    rows = "\n".join(
        f'<li>{html.escape(lesson_title(nb))}: <a href="slides/{nb.stem}.slides.html">slides</a> · '
        f'<a href="handouts/{nb.stem}.html">handout</a></li>'
        for nb in notebooks
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>Neural Networks from Scratch: slides and handouts</title>\n"
        "<style>body { font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.6; }</style>\n"
        "</head>\n<body>\n<h1>Neural Networks from Scratch</h1>\n"
        f"<ul>\n{rows}\n</ul>\n"
        "<p>In a slide deck: arrow keys or space to move, <kbd>S</kbd> for the speaker view with the notes, "
        "<kbd>Esc</kbd> for an overview.</p>\n</body>\n</html>\n"
    )
    target = out / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def build(out: Path = SITE, solutions: Path = SOLUTIONS, npm_dir: Path = NPM_DIR) -> list[Path]:
    """Build every deck and handout of ``solutions`` into ``out``; return the pages written."""
    notebooks = find_notebooks(solutions)
    modules = ensure_npm_packages(npm_dir=npm_dir)
    for folder in ("slides", "handouts"):  # generated only: start afresh, so no deck outlives its notebook
        shutil.rmtree(out / folder, ignore_errors=True)
        (out / folder).mkdir(parents=True)
    copy_libraries(modules, out)
    copy_widget_fonts(modules, out)
    pages = []
    for notebook in notebooks:
        print(f"  {notebook.name}", flush=True)
        pages += [export_slides(notebook, out, notebooks), export_handout(notebook, out, notebooks)]
    return pages + [write_index(notebooks, out)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_tools.slides", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=SITE, help="output folder (default: build/site/)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    started = time.monotonic()
    print(f"Building slides and handouts of {SOLUTIONS.name}/ into {out} …", flush=True)
    pages = build(out)
    decks = sum(page.parent.name == "slides" for page in pages)
    print(f"{decks} slide decks and {decks} handouts in {out} ({time.monotonic() - started:.0f} s). "
          f"To show them: python3 -m http.server --bind 127.0.0.1 --directory {out}, "
          "then open http://127.0.0.1:8000/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
