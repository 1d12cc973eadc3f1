"""A class on a real JupyterHub, handed the course by an nbgitpuller link (the README's "Teach a
class on JupyterHub"): the instructor makes the student branch (``course_tools.hub student-branch``)
and hands it out; no speaker note, instructors' page or test reaches a student, and the solutions
cannot be edited. Students log in, follow the link, work in lesson 01 and present it as a live deck
whose widget works; the instructor pushes
a corrected lesson 01 and a new lesson; the link followed again brings the new lesson and never
touches a student's answer; a student who changed nothing gets the corrected lesson; a student
who renames their copy and follows the link again gets the corrected lesson beside their own."""

from __future__ import annotations

import shutil
import time

import psutil

from course_tools import hub as course_hub
from course_tools import notebooks

from .conftest import PASSWORD, ROOT, git, write_json

LESSON = "01-the-artificial-neuron.ipynb"
NEW_LESSON = "02-activation-functions.ipynb"
KERNEL_IDLE = "Python 3 (ipykernel) | Idle"
ERROR_OUTPUTS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
STUDENTS = ("ada", "grace")
BYSTANDER = "alan"  # follows the link, changes nothing
STUB = "    raise NotImplementedError("
CORRECTED_DOCSTRING = ' (corrected: a float)"""'
CORRECTION = "\n\n*Corrected after class: the bias is added once per neuron, not once per input.*"


def _exercise_index(notebook: dict) -> int:
    return next(i for i, c in enumerate(notebook["cells"])
                if c["cell_type"] == "code" and c["source"].startswith("### Exercise 1.1"))


def _answer(student: str) -> str:
    """Exercise 1.1's cell with its stub line replaced by the student's answer (def and docstring kept)."""
    lesson = notebooks.read(ROOT / "lessons" / LESSON)
    lines = lesson["cells"][_exercise_index(lesson)]["source"].splitlines()
    assert sum(line.startswith(STUB) for line in lines) == 1, lines
    answer = f"    return float(np.dot(w, x) + b)  # {student}'s own answer"
    return "\n".join(answer if line.startswith(STUB) else line for line in lines) + "\n"


def _make_upstream(folder):
    """The instructor's repository: lessons and solutions 00 and 01 (speaker notes in the solutions), an
    instructors' page, one commit on main; then the student branch made from it."""
    repo = folder / "nn-from-scratch"
    for part in ("lessons", "solutions", "instructors"):
        (repo / part).mkdir(parents=True)
    for name in ("00-welcome.ipynb", LESSON):
        shutil.copy(ROOT / "lessons" / name, repo / "lessons" / name)
        shutil.copy(ROOT / "solutions" / name, repo / "solutions" / name)
    shutil.copy(ROOT / "instructors" / "README.md", repo / "instructors" / "README.md")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "lessons", "solutions", "instructors")
    git(repo, "commit", "--quiet", "-m", "The course, lessons 00 and 01")
    assert course_hub.student_branch(repo) is not None
    return repo


def _speaker_notes() -> list[str]:
    """The text of every speaker note of the solutions handed out."""
    notes = [c["source"] for name in ("00-welcome.ipynb", LESSON) for c in notebooks.read(ROOT / "solutions" / name)
             ["cells"] if c["metadata"].get("slideshow", {}).get("slide_type") == "notes"]
    assert notes, "the solutions handed out have speaker notes (the test would prove nothing)"
    return notes


def _no_note_reaches(home):
    """No speaker note in any file of a student's copy; no instructors' page; solutions not editable."""
    course = home / "nn-from-scratch"
    texts = [p.read_text(errors="replace") for p in course.rglob("*") if p.is_file() and ".git" not in p.parts]
    leaked = [note[:60] for note in _speaker_notes() if any(note.strip()[:200] in text for text in texts)]
    assert not leaked, f"speaker notes reached a student: {leaked}"
    assert not (course / "instructors").exists()
    for path in (course / "solutions").glob("*.ipynb"):
        assert all(c["metadata"].get("editable") is False for c in notebooks.read(path)["cells"]), path.name


def _push_a_correction(repo):
    """A new commit: lesson 01 corrected (its introduction, and the docstring of the very exercise
    the students answered), and lesson 02 added."""
    path = repo / "lessons" / LESSON
    notebook = notebooks.read(path)
    notebook["cells"][0]["source"] += CORRECTION
    exercise = notebook["cells"][_exercise_index(notebook)]
    lines = exercise["source"].split("\n")
    docstring = next(i for i, line in enumerate(lines) if line.rstrip().endswith('"""'))
    lines[docstring] = lines[docstring].rstrip()[:-3] + CORRECTED_DOCSTRING
    exercise["source"] = "\n".join(lines)
    notebooks.write(notebook, path)
    shutil.copy(ROOT / "lessons" / NEW_LESSON, repo / "lessons" / NEW_LESSON)
    git(repo, "add", "lessons")
    git(repo, "commit", "--quiet", "-m", "Lesson 01 corrected; lesson 02")
    assert course_hub.student_branch(repo) is not None, "the student branch did not take the correction"
    return path.read_bytes()


def _prepare_home(hub, student):
    """Every cell in the page (no virtual scrolling), for the test to find them, as in tests/browser."""
    settings = hub.home(student) / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension"
    write_json(settings / "tracker.jupyterlab-settings", {"windowingMode": "none"})


def _follow_link(browser, hub, student, link, artifacts, shot):
    """A fresh browser: the link, the hub's login form, then the hub starts the student's server,
    nbgitpuller pulls, and JupyterLab opens the first lesson. Returns the open page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(link)
    page.locator("input[name=username]").fill(student)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()
    try:
        page.wait_for_url(f"**/user/{student}/lab/tree/nn-from-scratch/lessons/00-welcome.ipynb*", timeout=240_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    except Exception:
        page.screenshot(path=str(artifacts / f"{shot}-failed.png"))
        raise AssertionError(f"{student} did not reach JupyterLab through the link; page at {page.url}:\n"
                             f"{page.locator('body').inner_text()[:2000]}")
    page.screenshot(path=str(artifacts / f"{shot}.png"))
    return context, page


def _wait_idle(page, timeout_ms=120_000):
    page.get_by_text(KERNEL_IDLE).first.wait_for(timeout=timeout_ms)


def _run_all(page, timeout_s=180.0):
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        if not any("*" in prompt for prompt in prompts) and page.get_by_text(KERNEL_IDLE).count():
            return prompts
        time.sleep(0.5)
    raise AssertionError(f"Run All did not finish within {timeout_s:.0f} s")


def _work_in_lesson_01(browser, hub, student, link, artifacts):
    """Follow the link, open lesson 01, Run All, answer exercise 1.1 and run its check, move the
    neuron's w1 slider three steps, save."""
    context, page = _follow_link(browser, hub, student, link, artifacts, f"{student}-1-link")
    try:
        page.goto(hub.url(f"user/{student}/lab/tree/nn-from-scratch/lessons/{LESSON}?reset"))
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        _wait_idle(page)
        prompts = _run_all(page)
        assert all(p.strip() != "[ ]:" for p in prompts), "Run All left cells unexecuted"
        index = _exercise_index(notebooks.read(ROOT / "lessons" / LESSON))
        page.evaluate("""([index, source]) => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            notebook.widgets[index].model.sharedModel.setSource(source);
            notebook.activeCellIndex = index;
        }""", [index, _answer(student)])
        for _ in range(2):  # the answer, then its check (Shift + Enter twice)
            page.evaluate("window.jupyterapp.commands.execute('notebook:run-cell-and-select-next')")
            page.wait_for_timeout(300)
            _wait_idle(page, 30_000)
        check = page.locator(".jp-Notebook .jp-Cell").nth(index + 1)
        check.scroll_into_view_if_needed()
        assert "✔" in check.locator(".jp-OutputArea").inner_text(), "the check of a correct answer did not pass"
        area = next(a for a in page.locator(".jp-OutputArea-output").all() if a.locator("img.widget-image").count())
        area.scroll_into_view_if_needed()
        readout = area.locator(".widget-readout").first
        before = readout.inner_text()
        handle = area.locator(".widget-slider .noUi-handle").first
        handle.focus()
        for _ in range(3):
            handle.press("ArrowRight")
        deadline = time.monotonic() + 15
        while readout.inner_text() == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert readout.inner_text() != before, "the widget's slider did not move"
        if student == STUDENTS[0]:
            _present(page, artifacts, student)
        page.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(artifacts / f"{student}-2-answered.png"))
        assert page.locator(ERROR_OUTPUTS).all_inner_texts() == [] and page.errors == []
    finally:
        context.close()


def _present(page, artifacts, student):
    """Present the lesson as a live deck on the hub, as on a laptop (tests/browser/test_live_slideshow):
    Space to the widget's slide, a slider moved there redraws its figure; then leave the deck."""
    presenting = "body[data-jp-deck-mode='presenting']"
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".jp-NotebookPanel-toolbar [data-command='deck:toggle']").click()
    page.wait_for_selector(presenting, state="attached", timeout=30_000)
    shown = page.locator(".jp-Cell.jp-deck-mod-onscreen.jp-deck-mod-visible .widget-slider")
    for _ in range(80):
        if shown.count():
            break
        page.keyboard.press("Space")
        page.wait_for_timeout(200)
    assert shown.count(), "no slide of the deck shows the widget"
    image = page.locator(".jp-Cell.jp-deck-mod-onscreen img.widget-image").first
    before = image.get_attribute("src")
    handle = shown.first.locator(".noUi-handle")
    handle.focus()
    for _ in range(3):
        handle.press("ArrowLeft")
    deadline = time.monotonic() + 20
    while image.get_attribute("src") == before and time.monotonic() < deadline:
        time.sleep(0.2)
    page.screenshot(path=str(artifacts / f"{student}-deck.png"))
    assert image.get_attribute("src") != before, "on the hub, moving a slider on the slide did not redraw"
    page.locator(".jp-deck-mod-stop").click()
    page.wait_for_selector(presenting, state="detached", timeout=10_000)


def _just_follow(browser, hub, student, link, artifacts, shot):
    context, page = _follow_link(browser, hub, student, link, artifacts, shot)
    errors = list(page.errors)
    context.close()
    assert errors == []


def _kind(process) -> str:
    line = " ".join(process.cmdline())
    return next((k for k in ("singleuser", "ipykernel", "configurable-http-proxy", "jupyterhub") if k in line),
                process.name())


def _listening(hub):
    """(kind of process, address) of every socket that the hub's processes listen on."""
    kinds = {p.pid: _kind(p) for p in hub.processes()}
    return sorted({(kinds[c.pid], c.laddr.ip) for c in psutil.net_connections("inet")
                   if c.pid in kinds and c.status == psutil.CONN_LISTEN})


def _memory(hub):
    """Resident memory of each of the hub's processes, for the README's capacity note (not asserted)."""
    return sorted((_kind(p), round(p.memory_info().rss / 2**20)) for p in hub.processes())


def test_a_class_gets_the_course_by_link_and_keeps_its_answers_when_it_is_updated(
        hub, hub_browser, tmp_path, artifacts):
    started = time.monotonic()
    upstream = _make_upstream(tmp_path / "upstream")
    link = course_hub.nbgitpuller_link(hub.url(), f"file://{upstream}")
    for student in (*STUDENTS, BYSTANDER):
        _prepare_home(hub, student)

    for student in STUDENTS:
        hub_browser.call(_work_in_lesson_01, hub, student, link, artifacts)
    hub_browser.call(_just_follow, hub, BYSTANDER, link, artifacts, f"{BYSTANDER}-1-link")
    course = {s: hub.home(s) / "nn-from-scratch" / "lessons" for s in (*STUDENTS, BYSTANDER)}
    answered = {s: notebooks.read(course[s] / LESSON) for s in STUDENTS}
    for student in (*STUDENTS, BYSTANDER):
        _no_note_reaches(hub.home(student))
    for student in STUDENTS:
        cell = answered[student]["cells"][_exercise_index(answered[student])]
        assert cell["source"] == _answer(student).rstrip("\n") or cell["source"] == _answer(student)
        assert any(c.get("outputs") for c in answered[student]["cells"]), "Run All's outputs were not saved"
    listening = _listening(hub)
    print("memory of the hub's processes after the work (MiB):", _memory(hub))
    assert all(ip == "127.0.0.1" for _, ip in listening), listening
    assert {"jupyterhub", "configurable-http-proxy", "singleuser", "ipykernel"} <= {k for k, _ in listening}, listening

    corrected = _push_a_correction(upstream)
    for student in (*STUDENTS, BYSTANDER):
        hub_browser.call(_just_follow, hub, student, link, artifacts, f"{student}-3-link-again")

    for student in STUDENTS:
        after = notebooks.read(course[student] / LESSON)
        index = _exercise_index(after)
        mine = answered[student]["cells"][index]["source"]
        assert after["cells"][index]["source"].encode() == mine.encode(), f"{student}'s answer was changed"
        assert [c.get("outputs") for c in after["cells"]] == [c.get("outputs") for c in answered[student]["cells"]]
        assert (course[student] / NEW_LESSON).read_bytes() == (ROOT / "lessons" / NEW_LESSON).read_bytes()
        # nbgitpuller merges by lines (git merge -Xours): a correction in lines the student did not
        # change reaches their copy too; where both changed the same lines, the student's version wins.
        assert after["cells"][0]["source"].endswith(CORRECTION)
        assert CORRECTED_DOCSTRING not in after["cells"][index]["source"]
    assert (course[BYSTANDER] / LESSON).read_bytes() == corrected, "an unchanged lesson was not updated"
    assert (course[BYSTANDER] / NEW_LESSON).exists()
    _no_note_reaches(hub.home(BYSTANDER))

    # The corrected lesson beside one's own: rename yours, follow the link again.
    student = STUDENTS[0]
    mine = (course[student] / LESSON).read_bytes()
    (course[student] / LESSON).rename(course[student] / LESSON.replace(".ipynb", "-mine.ipynb"))
    hub_browser.call(_just_follow, hub, student, link, artifacts, f"{student}-4-renamed")
    assert (course[student] / LESSON).read_bytes() == corrected
    assert (course[student] / LESSON.replace(".ipynb", "-mine.ipynb")).read_bytes() == mine
    print(f"hub scenario: {time.monotonic() - started:.0f} s")
