"""The course's figures, read as a screen reader reads them in JupyterLab: every figure is an <img>
whose alt is the description course_lib.plotting wrote from its data, and the picture itself loads.
Both where a student runs a lesson (trusted outputs) and where she opens a stored solution read-only
(untrusted outputs, whose HTML JupyterLab sanitises)."""

import pytest

from .jupyterlab import error_outputs, open_notebook, run_all

LESSON = "03-the-perceptron-learning-rule.ipynb"

# In the open notebook: each described figure's output (its metadata carries the description, which is
# also its text/plain) beside the <img> JupyterLab rendered for that output, in document order.
_READ = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.widgets;
  const found = [];
  for (const cell of cells) {
    if (cell.model.type !== 'code') continue;
    const outputs = cell.model.outputs;
    const rendered = cell.outputArea ? cell.outputArea.widgets : [];
    for (let i = 0; i < outputs.length; i++) {
      const output = outputs.get(i);
      const meta = (output.metadata || {})['image/png'] || {};
      if (!meta.alt) continue;
      const node = rendered[i] ? rendered[i].node : null;
      const images = node ? [...node.querySelectorAll('img')] : [];
      for (const img of images) { if (!img.complete) await new Promise((ok) => img.addEventListener('load', ok, {once: true})); }
      found.push({description: meta.alt, text: String(output.data['text/plain'] || ''),
                   trusted: output.trusted, mime: node ? (node.querySelector('[data-mime-type]') || {dataset: {}}).dataset.mimeType : null,
                   images: images.map((img) => ({alt: img.getAttribute('alt'), width: img.naturalWidth,
                                                 src: (img.getAttribute('src') || '').slice(0, 22)}))});
    }
  }
  const figures = [...panel.content.node.querySelectorAll('.jp-OutputArea-output img:not(.widget-image)')];
  return {found, undescribed: figures.filter((img) => !img.getAttribute('alt')).length, total: figures.length};
}"""


def _described_figures(page) -> dict:
    return page.evaluate(_READ)


def _assert_every_figure_has_its_description(seen: dict, trusted: bool):
    assert seen["found"], "no described figure in the notebook"
    assert seen["undescribed"] == 0, f"{seen['undescribed']} of {seen['total']} figures have no alt text"
    for figure in seen["found"]:
        assert figure["trusted"] is trusted, figure
        assert figure["mime"] == "text/html", figure  # JupyterLab chose the <img> that carries the alt
        (image,) = figure["images"]  # exactly one picture per figure, no second copy from image/png
        assert image["alt"] == figure["description"] == figure["text"] and image["alt"].strip(), figure
        assert image["src"] == "data:image/png;base64," and image["width"] > 100, figure  # the picture loaded


def test_figures_of_a_lesson_run_live_carry_their_description_as_alt(lab, page, artifacts):
    open_notebook(page, lab, LESSON)
    run_all(page)
    seen = _described_figures(page)
    page.locator(".jp-RenderedHTML > img").first.screenshot(path=str(artifacts / "figure-as-html-img.png"))
    _assert_every_figure_has_its_description(seen, trusted=True)
    assert seen["total"] == len(seen["found"]), seen  # every figure shown is a described one
    assert page.errors == [] and all(e.startswith("✘ Exercise") for e in error_outputs(page))


def test_figures_of_a_stored_solution_opened_read_only_keep_their_alt(lab, page, artifacts):
    """Never run here: what the student sees is the stored, untrusted output, sanitised by JupyterLab."""
    open_notebook(page, lab, f"solutions/{LESSON}")
    seen = _described_figures(page)
    page.locator(".jp-RenderedHTML > img").last.screenshot(path=str(artifacts / "stored-figure-as-html-img.png"))
    if seen["found"] and all(f["mime"] == "image/png" for f in seen["found"]):
        pytest.fail(f"solutions/{LESSON} was executed before figures had an HTML form: re-execute it")
    _assert_every_figure_has_its_description(seen, trusted=False)
    assert page.errors == []
