"""The playground where an instructor and a student meet it: at 1280 px in JupyterLab with the file
browser open, and presented live on a 1080 px slide (jupyterlab-slideshow).

At each size, in the notebook: no control squeezed (every slider's track, every label and button whole,
in every tab) and the controls and the figure in view together. Then presenting: ▶ is clicked as a
person clicks it (Playwright refuses a click that another element would receive: the deck's prompt
overlay lay over ▶, see ``course_tools.environment.DECK_STYLES``), the frames change, the output is not
collapsed, and on the 1080 px slide everything shown lies inside the slide.
"""

import re
import time

import pytest

from .jupyterlab import error_outputs, open_notebook, run_all
from .notebooks_for_tests import PLAYGROUND_LESSON
from .test_live_slideshow import PRESENTING, _leave_deck, _start_deck

SIZES = {"laptop": {"width": 1280, "height": 800}, "projector": {"width": 1920, "height": 1080}}
MIN_TRACK_PX = 100  # a slider's track: wide enough to aim at each of its values

# Every control of the widget shown now: its kind, label, width, and whether its text is cut.
_CONTROLS = """(area) => {
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const cut = (e) => !!e && e.scrollWidth > e.clientWidth + 1;
  const controls = [];
  for (const e of area.querySelectorAll('.widget-slider, .widget-dropdown, .widget-checkbox, .widget-text, '
                                        + 'button.jupyter-button, .widget-toggle-button')) {
    if (!shown(e)) continue;
    const label = e.querySelector('.widget-label, label') || e;
    const track = e.querySelector('.slider-container');
    controls.push({kind: e.className.split(' ').find((c) => /^(widget-(slider|dropdown|checkbox|text|toggle-button)|jupyter-button)$/.test(c)),
                   label: (label.innerText || e.innerText || '').trim(), width: e.getBoundingClientRect().width,
                   track: track ? track.getBoundingClientRect().width : null,
                   cut: cut(label) || (e.tagName === 'BUTTON' && cut(e))});
  }
  return controls;
}"""

# The vertical extent of the widget's controls and image, and of the scrolling box around the notebook.
_EXTENT = """(area) => {
  const box = (e) => e.getBoundingClientRect();
  const image = area.querySelector('img.widget-image');
  const notebook = area.closest('.jp-WindowedPanel-outer') || area.closest('.jp-Notebook');
  return {top: box(area.querySelector('.widget-vbox')).top, image_bottom: box(image).bottom,
          view_top: box(notebook).top, view_bottom: box(notebook).bottom, image_width: box(image).width,
          natural: image.naturalWidth};
}"""


@pytest.fixture(params=list(SIZES))
def viewport(request):
    return SIZES[request.param]


def _playground(page):
    areas = page.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-tab"))
    assert areas.count() == 1, f"expected one playground in {PLAYGROUND_LESSON}, found {areas.count()}"
    return areas.first


def _epoch(area) -> int:
    text = area.locator(".widget-html-content").filter(has_text="accuracy").first.inner_text()
    return int(re.search(r"epoch (\d+)", text).group(1))


def _check_controls(area, where: str) -> list:
    """Every control of every tab: a real track on each slider, no label or button cut."""
    found = []
    tabs = area.locator(".widget-tab .lm-TabBar-tab")
    for i in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(i).click()
            area.page.wait_for_timeout(300)
        found += area.evaluate(_CONTROLS)
    squeezed = [c for c in found if c["track"] is not None and c["track"] < MIN_TRACK_PX]
    cut = [c for c in found if c["cut"]]
    assert found and not squeezed and not cut, f"{where}: squeezed {squeezed}, cut {cut}"
    if tabs.count():
        tabs.first.click()
    return found


def test_the_playground_fits_and_plays_at_a_laptop_and_on_a_live_slide(lab, page, viewport, artifacts):
    size = f"{viewport['width']}x{viewport['height']}"
    open_notebook(page, lab, PLAYGROUND_LESSON)
    if not page.locator("#filebrowser").is_visible():  # as a student works: the file browser open
        page.evaluate("window.jupyterapp.commands.execute('filebrowser:activate')")
        page.wait_for_timeout(500)
    started = time.monotonic()
    run_all(page)
    print(f"\n{size}: Run All of {PLAYGROUND_LESSON} in JupyterLab, a fresh kernel, until idle: "
          f"{time.monotonic() - started:.1f} s")  # what a student waits for (the README's Speed)
    area = _playground(page)
    area.scroll_into_view_if_needed()
    controls = _check_controls(area, f"notebook at {size}")
    area.evaluate("a => a.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)
    extent = area.evaluate(_EXTENT)
    page.screenshot(path=str(artifacts / f"playground-notebook-{size}.png"))
    print(size, "notebook", extent, [(c["label"], round(c["width"]), c["track"] and round(c["track"])) for c in controls])
    assert extent["image_bottom"] - extent["top"] <= extent["view_bottom"] - extent["view_top"], (
        f"at {size} the controls and the figure are not in view together: {extent}")

    _start_deck(page)
    shown_cells = page.locator(".jp-Cell.jp-deck-mod-onscreen.jp-deck-mod-visible")  # a fragment not yet shown: opacity 0
    for _ in range(120):  # Space, as a presenter goes, until the playground's fragment is shown
        if shown_cells.get_by_role("button", name="▶ play").count():
            break
        page.keyboard.press("Space")
        page.wait_for_timeout(150)
    play = shown_cells.get_by_role("button", name="▶ play")
    assert play.count() == 1, "no slide shows the playground"
    page.wait_for_timeout(1000)
    area = _playground(page)
    page.screenshot(path=str(artifacts / f"playground-deck-{size}.png"))
    _check_controls(area, f"deck at {size}")
    if viewport["height"] >= 1080:  # a projector: the whole slide on the screen
        shown = page.evaluate("""() => [...document.querySelectorAll('.jp-Cell.jp-deck-mod-onscreen.jp-deck-mod-visible')]
            .map((c) => { const r = c.getBoundingClientRect(); return [r.top, r.bottom]; })""")
        assert shown and min(t for t, _ in shown) >= 0 and max(b for _, b in shown) <= viewport["height"], (
            f"the playground's slide does not fit {size}: cells at {shown}")

    image = area.locator("img.widget-image").first
    frames, before = set(), _epoch(area)
    play.click(timeout=10_000)  # fails if anything lies over ▶
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(frames) < 4:
        frames.add(image.get_attribute("src"))
        time.sleep(0.1)
    page.screenshot(path=str(artifacts / f"playground-deck-playing-{size}.png"))
    shown_cells.get_by_role("button", name="❚❚ pause").click()
    assert len(frames) >= 4 and _epoch(area) > before, f"▶ on the slide at {size}: {len(frames)} frames"
    assert page.locator(".jp-Cell.jp-deck-mod-onscreen .jp-mod-outputsScrolled").count() == 0, (
        "the click collapsed the output into a scroll box")
    assert page.locator(PRESENTING).count() == 1, "playing left the slideshow"
    _leave_deck(page)  # or the next test's JupyterLab opens in the deck (its "active" setting persists)
    assert error_outputs(page) == [] and page.errors == []
