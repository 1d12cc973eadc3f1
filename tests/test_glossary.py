"""GLOSSARY.md and the lessons point at each other: every term names the lesson that introduces it,
that lesson links to the term, and every link to the glossary lands on a term."""

import re
from pathlib import Path

import pytest

from course_tools import notebooks

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "GLOSSARY.md"
NOTEBOOKS = sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "lessons").glob("*.ipynb"))
REQUIRED = ["neuron", "weight", "bias", "net input", "activation function", "epoch", "learning rate", "cost",
            "gradient", "gradient descent", "standardisation", "one-hot", "softmax", "cross-entropy",
            "backpropagation", "overfitting", "regularisation", "mini-batch"]
LINK = re.compile(r"\]\(\.\./GLOSSARY\.md#([^)\s]+)\)")


def anchor(heading: str) -> str:
    """The id GitHub gives a heading (JupyterLab gives the same to a lower-case heading without punctuation)."""
    return re.sub(r"[^a-z0-9 _-]", "", heading.strip().lower()).replace(" ", "-")


def terms() -> dict[str, str]:
    """``{anchor: the term's section}`` for every ``### term`` of the glossary."""
    sections = re.split(r"^### ", GLOSSARY.read_text(encoding="utf-8"), flags=re.M)[1:]
    return {anchor(section.splitlines()[0]): section for section in sections}


def links_in(path: Path) -> list[str]:
    return [target for cell in notebooks.read(path)["cells"] if cell["cell_type"] == "markdown"
            for target in LINK.findall(cell["source"])]


def test_the_glossary_has_the_courses_words_in_alphabetical_order_as_plain_lower_case_headings():
    headings = re.findall(r"^### (.+)$", GLOSSARY.read_text(encoding="utf-8"), flags=re.M)
    assert headings == sorted(headings), "keep the terms in alphabetical order"
    for heading in headings:
        assert heading == heading.lower() and re.fullmatch(r"[a-z0-9 -]+", heading), \
            f"{heading!r}: lower case, letters, digits, spaces and hyphens only, so that its anchor is the same everywhere"
    missing = [term for term in REQUIRED if anchor(term) not in terms()]
    assert not missing, f"the glossary lacks {missing}"


@pytest.mark.parametrize("term", sorted(terms()))
def test_every_term_names_an_existing_lesson_and_that_lesson_links_to_it(term):
    lessons = re.findall(r"\]\(lessons/([^)\s]+\.ipynb)\)", terms()[term])
    assert len(lessons) == 1, f"{term}: name the one lesson that introduces it, as [Lesson NN](lessons/NN-….ipynb)"
    assert (ROOT / "lessons" / lessons[0]).exists(), f"{term}: lessons/{lessons[0]} does not exist"
    solution = ROOT / "solutions" / lessons[0]
    assert term in links_in(solution), (f"{term}: solutions/{lessons[0]} should link to ../GLOSSARY.md#{term} where "
                                        "it defines the term")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_link_to_the_glossary_points_at_a_term(path):
    known = terms()
    for target in links_in(path):
        assert target in known, f"{path.name} links to GLOSSARY.md#{target}, which is not a term"
