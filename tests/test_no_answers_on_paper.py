# SPDX-License-Identifier: EUPL-1.2
"""The handout and the hand-over link say the answers are not on them: no answer is.

Not as the answer itself, and not in a note that states it ("U heeft al met Veilig Thuis
gepraat."): a note that depends on an answer asks it ("Heeft u al met Veilig Thuis gepraat?").
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from guide.content import Content
from guide.engine import advise, speaking_to
from guide.paths import answer_sets
from tests.helpers import answer_all, as_answers, check_page, text_of
from tests.journeys import (
    BUSY_AND_ALONE,
    BY_OUTCOME,
    COMPLAINT_NOT_YET_RAISED,
    ENDING_THEIR_LIFE,
    EVERY_QUESTION,
    MALICIOUS_REPORTER,
    YOUNG_AND_STRUGGLING,
)

NAMED = [
    BUSY_AND_ALONE,
    COMPLAINT_NOT_YET_RAISED,
    ENDING_THEIR_LIFE,
    EVERY_QUESTION,
    MALICIOUS_REPORTER,
    YOUNG_AND_STRUGGLING,
    *BY_OUTCOME.values(),
]

# A sentence in which the visitor's situation is told back to them: "U heeft …", "Je bent …",
# "Het is nu heel zwaar.", "De klachtencommissie heeft al besloten." A question is not one.
TOLD_BACK = re.compile(
    r"(?:^|(?<=[.!?:] ))"
    r"(?:(?:U|Je|Jij) (?:heeft|hebt|bent|hoorde|koos|wilt|wil|woont)\b"
    r"|Het is nu\b|De klachtencommissie heeft al\b)"
    r"[^.?!]*[.!]"
)


def told_back(text: str) -> list[str]:
    return [found.group() for found in TOLD_BACK.finditer(" ".join(text.split()))]


def test_the_check_finds_a_note_that_tells_an_answer_back_and_not_one_that_asks_it() -> None:
    assert told_back("U heeft al met Veilig Thuis gepraat. Bel nu.") == [
        "U heeft al met Veilig Thuis gepraat."
    ]
    assert told_back("Het is nu heel zwaar. Bel.") == ["Het is nu heel zwaar."]
    assert told_back("Heeft u al met Veilig Thuis gepraat? Dan is uw volgende stap …") == []


def every_note_text(content: Content) -> list[str]:
    """Every note and line for tonight, as written for a parent and for a young person."""
    texts = []
    for service in content.services:
        for note in (*service.notes, *service.tonight):
            texts += [note.text, *(text for key, text in note.je if key == "text")]
    return texts


def test_no_note_tells_the_visitor_their_answer(content: Content) -> None:
    assert {text: told_back(text) for text in every_note_text(content) if told_back(text)} == {}


def shows(content: Content, answers: dict, service_id: str, kind: str, index: int) -> bool:
    spoken = speaking_to(content, answers)
    note = getattr(spoken.service(service_id), kind)[index]
    return any(note in (*item.notes, *item.tonight) for item in advise(spoken, answers))


def journeys(content: Content) -> list[dict[str, tuple[str, ...]]]:
    """The named journeys of the tests, and for each note a way through the questions that
    shows it: between them, every note the handout can print."""
    found = {tuple(as_answers(j).items()) for j in NAMED}
    for service in content.services:
        asked = {q for rule in service.advise for q in (rule.when or {})}
        for kind in ("notes", "tonight"):
            for index, note in enumerate(getattr(service, kind)):
                # Only the questions that decide this note branch: the first way that shows it.
                ways = answer_sets(content, asked | set(note.when) | {"wie"})
                way = next(a for a in ways if shows(content, a, service.id, kind, index))
                found.add(tuple(way.items()))
    return [dict(way) for way in sorted(found)]


def answer_labels(content: Content, answers: dict[str, tuple[str, ...]]) -> list[str]:
    """The visitor's answers as a page would say them: long enough not to be a common word."""
    labels = []
    for question_id, values in answers.items():
        question = content.question(question_id)
        labels += [question.option(value).label for value in values]
    return [label for label in labels if len(label.split()) >= 3]


def paper(client: FlaskClient) -> dict[str, BeautifulSoup]:
    """The handout, the hand-over page and the advice its link opens."""
    handover = check_page(client.get("/advies/meegeven"))
    link = handover.select_one(".handover-link a")["href"]
    return {
        "handout": check_page(client.get("/advies/uitdraai")),
        "hand-over": handover,
        "handed-over advice": check_page(client.get(re.sub(r"^https?://[^/]+", "", link))),
    }


def test_no_handout_or_hand_over_page_shows_an_answer(app: Flask, content: Content) -> None:
    for answers in journeys(content):
        client = app.test_client()
        answer_all(client, {q: list(v) for q, v in answers.items()})
        spoken = speaking_to(content, answers)
        for name, page in paper(client).items():
            text = text_of(page)
            notes = [text_of(note) for note in page.select(".card__note, .safety p")]
            assert [told_back(note) for note in notes if told_back(note)] == [], (name, answers)
            shown = [label for label in answer_labels(spoken, answers) if label in text]
            assert shown == [], (name, answers)
            assert "U koos" not in text and "Je koos" not in text, (name, answers)
