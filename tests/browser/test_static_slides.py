"""The offline slide decks and handouts load in a real browser from a local HTTP server:
no failed request, no request leaving the machine, no page error, maths typeset."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

from course_tools import slides

from .conftest import ROOT

SOLUTIONS = sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb"))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory, chromium):
    out = tmp_path_factory.mktemp("site")
    slides.build(out)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _load(page, url):
    """Open ``url``; return (failed requests, requests to other hosts)."""
    failed, outside = [], []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))

    def guard(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(url, wait_until="networkidle")
    return failed, outside


@pytest.mark.parametrize("stem", SOLUTIONS)
def test_a_deck_loads_offline_and_shows_its_first_slide(site, page, artifacts, stem):
    failed, outside = _load(page, f"{site}/slides/{stem}.slides.html")
    page.wait_for_selector(".reveal.ready", timeout=30_000)
    assert failed == [] and outside == [] and page.errors == [], (failed, outside, page.errors)
    title = page.locator(".reveal .slides section.present h1").first.inner_text()
    assert title.startswith(stem[:2]), title
    page.screenshot(path=str(artifacts / f"slides-{stem}.png"))


@pytest.mark.parametrize("stem", SOLUTIONS)
def test_a_handout_loads_offline_with_its_maths_typeset(site, page, stem):
    failed, outside = _load(page, f"{site}/handouts/{stem}.html")
    assert failed == [] and outside == [] and page.errors == [], (failed, outside, page.errors)
    if "$" in (ROOT / "solutions" / f"{stem}.ipynb").read_text():
        page.wait_for_selector(".MathJax, .MathJax_CHTML, mjx-container", timeout=30_000)


def test_the_guard_sees_a_request_that_leaves_the_machine(site, page):
    _, outside = _load(page, f"{site}/index.html")
    assert outside == []
    page.evaluate("fetch('http://example.invalid/x').catch(() => null)")
    page.wait_for_timeout(300)
    assert outside and "example.invalid" in outside[0]


@pytest.mark.parametrize("stem", SOLUTIONS)
def test_a_handout_shows_hints_on_a_click_and_never_the_answer_markers(site, page, artifacts, stem):
    _load(page, f"{site}/handouts/{stem}.html")
    text = page.locator("body").inner_text()
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    hints = page.locator("details")
    for i in range(hints.count()):
        hint = hints.nth(i)
        body = hint.locator(":scope > :not(summary)").first
        assert body.count() and not body.is_visible(), f"hint {i} is not collapsed, or has nothing inside"
        hint.locator("summary").click()
        assert body.is_visible() and body.inner_text().strip(), f"hint {i} shows no text when opened"
        if i == 0:
            hint.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / f"handout-{stem}-hint-open.png"))
