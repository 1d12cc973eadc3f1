"""An instructor presents a lesson live inside JupyterLab (jupyterlab-slideshow, installed by
the course's set-up): the deck opens on the title slide, and on the widget's slide the widget
works, its slider redrawing the figure. At 1280 × 800, a projector's size, the deck is readable
from the back of a room (the course's deck styles, `course_tools.environment.DECK_STYLES`),
while the same notebook outside the deck keeps JupyterLab's sizes. A deck left open when the tab
closed comes back on reload, and Escape leaves it (README, "Present live")."""

import time

from course_lib.widgets._core import DPI

from .jupyterlab import open_notebook, run_all

LESSON = "01-the-artificial-neuron.ipynb"
PRESENTING = "body[data-jp-deck-mode='presenting']"
PROJECTOR = {"width": 1280, "height": 800}
READABLE_PX = 19.5  # "about 20 px" for text, code and the figures' labels
TICK_PT = 12  # course_lib.plotting.TICK_SIZE: the smallest text in a figure

# What is shown: in the deck only the cells on the current slide (class jp-deck-mod-onscreen).
_MEASURE = """() => {
  const presenting = document.body.dataset.jpDeckMode === 'presenting';
  const shown = (e) => {
    const box = e.getBoundingClientRect(), cell = e.closest('.jp-Cell');
    return box.width > 0 && box.height > 0 && (!presenting || (cell && cell.classList.contains('jp-deck-mod-onscreen')));
  };
  const fonts = (selector) => [...document.querySelectorAll(selector)].filter(shown)
    .map((e) => parseFloat(getComputedStyle(e).fontSize));
  return {
    text: fonts('.jp-RenderedMarkdown p, .jp-RenderedMarkdown li'),
    code: fonts('.jp-CodeCell .cm-content'),
    widget_images: [...document.querySelectorAll('img.widget-image')].filter(shown)
      .map((e) => ({shown: e.getBoundingClientRect().width, natural: e.naturalWidth})),
  };
}"""


def _visible_slider(page):
    sliders = page.locator(".widget-slider").filter(visible=True)
    return sliders.first if sliders.count() else None


def _start_deck(page):
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".jp-NotebookPanel-toolbar [data-command='deck:toggle']").click()
    page.wait_for_selector(PRESENTING, state="attached", timeout=30_000)
    page.wait_for_timeout(1000)


def _leave_deck(page):
    """The deck's own exit button, bottom right (Escape works only with a cell, not a widget, focused)."""
    page.locator(".jp-deck-mod-stop").click()
    page.wait_for_selector(PRESENTING, state="detached", timeout=10_000)


def _label_px(image: dict) -> float:
    """The height in CSS pixels of the figure's tick labels, drawn at TICK_PT at the widgets' DPI."""
    return TICK_PT / 72 * DPI * image["shown"] / image["natural"]


def test_the_live_deck_shows_the_first_slide_and_a_working_widget(lab, page, artifacts):
    page.set_viewport_size(PROJECTOR)
    open_notebook(page, lab, LESSON)
    run_all(page)
    normal = page.evaluate(_MEASURE)
    _start_deck(page)
    title = page.get_by_role("heading", name="01 · The artificial neuron").first
    assert title.is_visible(), "the deck does not open on the lesson's title"
    page.screenshot(path=str(artifacts / "live-deck-first-slide.png"))
    first_slide = page.evaluate(_MEASURE)

    for _ in range(60):  # Space: the next fragment, subslide or slide, as a presenter goes
        if _visible_slider(page) is not None:
            break
        page.keyboard.press("Space")
        page.wait_for_timeout(250)
    slider = _visible_slider(page)
    assert slider is not None, "no slide of the deck shows the widget"
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "live-deck-widget-slide.png"))
    widget_slide = page.evaluate(_MEASURE)
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

    sizes = {"normal": normal, "first slide": first_slide, "widget slide": widget_slide}
    print({name: {key: value[:3] for key, value in found.items()} for name, found in sizes.items()})
    # presenting: readable from the back of a room
    assert first_slide["text"] and min(first_slide["text"]) >= READABLE_PX, sizes
    assert widget_slide["code"] and min(widget_slide["code"]) >= READABLE_PX, sizes
    assert widget_slide["widget_images"] and all(_label_px(i) >= READABLE_PX for i in widget_slide["widget_images"]), sizes
    # at a laptop, outside the deck: JupyterLab's own sizes, figures at their natural size
    assert max(normal["text"]) <= 15 and max(normal["code"]) <= 14, sizes
    assert all(i["shown"] == i["natural"] for i in normal["widget_images"]), sizes
    _leave_deck(page)


def test_a_deck_left_open_comes_back_on_reload_and_escape_leaves_it(lab, page, artifacts):
    """jupyterlab-slideshow stores "active" in the user's settings, which win over any default the
    course could set: a tab closed while presenting reopens in the deck, without menus. The way out,
    in the README beside the deck's keys: click the slide, then Escape."""
    page.set_viewport_size(PROJECTOR)
    open_notebook(page, lab, "00-welcome.ipynb")
    _start_deck(page)
    page.goto(lab.url("lab/tree/00-welcome.ipynb"))
    page.wait_for_selector(PRESENTING, state="attached", timeout=60_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(artifacts / "live-deck-after-reload.png"))
    assert not page.locator("#jp-MainMenu").is_visible(), "reopened in the deck, the menus are hidden"
    page.get_by_role("heading", name="00 · Welcome").first.click()  # as a person would: click the slide,
    page.keyboard.press("Escape")  # then Escape
    page.wait_for_selector(PRESENTING, state="detached", timeout=10_000)
    assert page.locator("#jp-MainMenu").is_visible(), "Escape left the deck but the menus are still hidden"
    page.goto(lab.url("lab/tree/00-welcome.ipynb"))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_timeout(2000)
    assert page.locator(PRESENTING).count() == 0, "after Escape, a reload opens the deck again"
