"""An instructor presents a lesson live inside JupyterLab (jupyterlab-slideshow, installed by
the course's set-up): the deck opens on the title slide, and on the widget's slide the widget
works, its slider redrawing the figure."""

import time

from .jupyterlab import open_notebook, run_all

LESSON = "01-the-artificial-neuron.ipynb"
PRESENTING = "body[data-jp-deck-mode='presenting']"


def _visible_slider(page):
    sliders = page.locator(".widget-slider").filter(visible=True)
    return sliders.first if sliders.count() else None


def test_the_live_deck_shows_the_first_slide_and_a_working_widget(lab, page, artifacts):
    open_notebook(page, lab, LESSON)
    run_all(page)
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".jp-NotebookPanel-toolbar [data-command='deck:toggle']").click()
    page.wait_for_selector(PRESENTING, state="attached", timeout=30_000)
    page.wait_for_timeout(1000)
    title = page.get_by_role("heading", name="01 · The artificial neuron").first
    assert title.is_visible(), "the deck does not open on the lesson's title"
    page.screenshot(path=str(artifacts / "live-deck-first-slide.png"))

    for _ in range(60):  # Space: the next fragment, subslide or slide, as a presenter goes
        if _visible_slider(page) is not None:
            break
        page.keyboard.press("Space")
        page.wait_for_timeout(250)
    slider = _visible_slider(page)
    assert slider is not None, "no slide of the deck shows the widget"
    image = page.locator("img.widget-image").filter(visible=True).first
    before = image.get_attribute("src")
    handle = slider.locator(".noUi-handle")
    handle.focus()
    for _ in range(5):
        handle.press("ArrowRight")
    deadline = time.monotonic() + 15
    while image.get_attribute("src") == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert image.get_attribute("src") != before, "moving the slider on the slide did not redraw the figure"
    assert page.locator(PRESENTING).count() == 1, "moving the slider left the slideshow"
    page.screenshot(path=str(artifacts / "live-deck-widget-slide.png"))
