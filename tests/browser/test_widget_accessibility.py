"""Every widget of the course, read as a screen reader reads it: each visible button has a name (its
text, never an icon alone) and a tooltip, the Play controls' unlabelled icon buttons are not shown, and
each widget's figure has its "describe the figure" text, which says what the picture shows now."""

import matplotlib
import pytest

from course_tools import notebooks

from .jupyterlab import error_outputs, open_notebook, run_all
from .notebooks_for_tests import _notebook

NAME = "zz-accessibility.ipynb"
WIDGETS = ("NeuronExplorer", "ActivationExplorer", "PerceptronTrainer", "GradientDescentExplorer", "Playground")

_READ = """(area) => {
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const buttons = [...area.querySelectorAll('button')].filter(shown).map((b) => ({
    name: (b.getAttribute('aria-label') || b.innerText || '').trim(), title: b.title || '',
    icon_only: !/[A-Za-z]/.test(b.innerText || '')}));
  const description = area.querySelector('details.course-figure-description p');
  return {buttons, description: description ? description.textContent : null,
          images: area.querySelectorAll('img.widget-image').length};
}"""


@pytest.fixture(autouse=True)
def _agg():
    matplotlib.use("Agg")


def test_every_button_is_named_and_every_figure_described(lab, page):
    cells = ["from course_lib.widgets import " + ", ".join(WIDGETS)] + [f"{name}()" for name in WIDGETS]
    notebooks.write(_notebook(*cells), lab.root / NAME)
    open_notebook(page, lab, NAME)
    run_all(page)
    areas = page.locator(".jp-OutputArea-output").filter(has=page.locator("img.widget-image"))
    assert areas.count() == len(WIDGETS)
    found = {name: areas.nth(i).evaluate(_READ) for i, name in enumerate(WIDGETS)}
    for name, seen in found.items():
        assert seen["images"] == 1 and seen["description"], f"{name}: no 'describe the figure' text"
        unnamed = [b for b in seen["buttons"] if not b["name"] or b["icon_only"]]
        assert not unnamed, f"{name}: buttons a screen reader cannot name: {unnamed}"
    for name in ("PerceptronTrainer", "Playground"):  # the buttons that act: each says what it does
        assert all(b["title"] for b in found[name]["buttons"]), f"{name}: a button without a tooltip: {found[name]}"
        names = [b["name"] for b in found[name]["buttons"]]
        assert "▶ play" in names, names
    assert "the cost" in found["GradientDescentExplorer"]["description"]
    assert error_outputs(page) == [] and page.errors == []
