# SPDX-License-Identifier: EUPL-1.2
"""Plain Dutch (B1): short sentences, and jargon explained where a page first uses it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.helpers import answer_all, check_page, text_of
from tests.journeys import EVERY_QUESTION, YOUNG_AND_STRUGGLING

POT = Path(__file__).parent.parent / "translations" / "messages.pot"
MAX_WORDS_PER_SENTENCE = 20
MAX_AVERAGE_WORDS = 13

# Words a reader may not know -> phrases that explain them. Where a page first uses the word,
# one of its explanations must stand within EXPLAINED_WITHIN characters (before or after).
# Web addresses do not count as a use.
GLOSSARY = {
    "gezag": ["beslissingen over uw kind", "beslissingen over je kind", "beslissingen over jou"],
    "klachtdelict": ["alleen vervolgd als"],
    "strafklacht": ["aangifte met het verzoek"],
    "eigen risico": ["het deel dat u zelf betaalt"],
    "POH-GGZ": ["praktijkondersteuner"],
    "inzage": ["lezen wat er"],
    "klachtenfunctionaris": ["persoon die klachten behandelt"],
    "vertrouwenspersoon": ["helpt u en staat aan uw kant", "helpt je en staat aan jouw kant"],
    "weerlegd": ["zorgen niet klopten", "zorgen klopten niet"],
}
EXPLAINED_WITHIN = 250


def dutch_texts() -> list[str]:
    with POT.open("rb") as file:
        return [m.id for m in read_po(file) if m.id and isinstance(m.id, str)]


def sentences(text: str) -> list[list[str]]:
    text = re.sub(r"%\(\w+\)s", "X", text)
    parts = re.split(r"(?<=[.!?:])\s+", text)
    return [words for part in parts if (words := re.findall(r"[\w\u2019'-]+", part))]


def test_the_sentence_counter_counts_words_per_sentence() -> None:
    assert [len(s) for s in sentences("Bel 113. U bent niet alleen! Dag")] == [2, 4, 1]


@pytest.mark.parametrize("text", dutch_texts())
def test_no_sentence_is_longer_than_20_words(text: str) -> None:
    longest = max((len(s) for s in sentences(text)), default=0)
    assert longest <= MAX_WORDS_PER_SENTENCE, text


@pytest.mark.parametrize("text", dutch_texts())
def test_sentences_are_13_words_or_less_on_average(text: str) -> None:
    lengths = [len(s) for s in sentences(text)]
    assert not lengths or sum(lengths) / len(lengths) <= MAX_AVERAGE_WORDS, text


def visible(response: TestResponse) -> str:
    """A page's text as it reads on screen: not the title in the tab, which the heading repeats."""
    return text_of(check_page(response).body)


def pages(client: FlaskClient) -> dict[str, str]:
    """The visible text of every kind of page, with as much advice as the answers give."""
    found = {}
    for path in [
        "/",
        "/alle-hulp",
        "/routekaart",
        "/intake",
        "/privacy",
        "/veilig-online",
        "/agenda/strafklacht",
        "/agenda/bezwaar",
    ]:
        found[path] = visible(client.get(path))
    for question in EVERY_QUESTION:
        found[f"/vraag/{question}"] = visible(client.get(f"/vraag/{question}"))
        answer_all(client, {question: EVERY_QUESTION[question]})
    for path in ["/controleren", "/advies", "/advies/uitdraai"]:
        found[path] = visible(client.get(path))
    for letter in client.application.extensions["guide"].letters.letters:
        found[f"/brief/{letter.id}"] = visible(client.get(f"/brief/{letter.id}"))
    young = client.application.test_client()  # the je-forms explain their words too
    for question in YOUNG_AND_STRUGGLING:
        answer_all(young, {question: YOUNG_AND_STRUGGLING[question]})
        found[f"young /vraag/{question}"] = visible(young.get(f"/vraag/{question}"))
    found["young /advies"] = visible(young.get("/advies"))
    return found


def test_jargon_is_explained_where_a_page_first_uses_it(client: FlaskClient) -> None:
    unexplained = []
    for path, text in pages(client).items():
        text = re.sub(r"\S+\.nl\S*", "", text)
        for term, explanations in GLOSSARY.items():
            first = text.find(term)
            if first == -1:
                continue
            nearby = text[max(0, first - EXPLAINED_WITHIN) : first + len(term) + EXPLAINED_WITHIN]
            if not any(explanation in nearby for explanation in explanations):
                unexplained.append(f"{path}: {term} … {nearby[:120]}")
    assert unexplained == []
