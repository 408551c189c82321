# SPDX-License-Identifier: EUPL-1.2
"""Plain Dutch (B1): short sentences, and jargon explained where a page first uses it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from guide.i18n import LANGUAGES
from tests.helpers import answer_all, check_page, csrf_token, make_letter, text_of
from tests.journeys import EVERY_QUESTION, YOUNG_AND_STRUGGLING
from tests.plain_words import as_read, forbidden_in, forbidden_words, shown_forbidden
from tests.test_letter_pages import TYPED  # every field filled: each paragraph on the page

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
    "kinderrechter": ["rechter voor zaken over kinderen"],
    "ondertoezichtstelling": ["kan toezicht op uw kind zijn", "kan toezicht zijn"],
    "griffierecht": ["geld dat een rechtbank"],
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


def visible(response: TestResponse, status: int = 200) -> str:
    """A page's text as it reads on screen: not the title in the tab, which the heading repeats."""
    return as_read(text_of(check_page(response, status).body))


PAGES_WITHOUT_ANSWERS = {
    "start": "/",
    "all help": "/alle-hulp",
    "regions": "/veilig-thuis-regios",
    "region": "/regio/VT17",
    "kaart": "/kaart",
    "kaart of a region": "/kaart/VT13",
    "tolk": "/tolk",
    "route map": "/routekaart",
    "intake": "/intake",
    "privacy": "/privacy",
    "accessibility": "/toegankelijkheid",
    "online safety": "/veilig-online",
    "agenda strafklacht": "/agenda/strafklacht",
    "agenda bezwaar": "/agenda/bezwaar",
}


def pages(client: FlaskClient, code: str = "nl") -> dict[str, str]:
    """The visible text of every kind of page in one language, with as much advice as the
    answers give: questions with and without an error, the advice, its handout and hand-over,
    and each letter's form and letter."""
    if code != "nl":
        client.get(f"/taal/{code}")
    found = {name: visible(client.get(path)) for name, path in PAGES_WITHOUT_ANSWERS.items()}
    empty = client.post(
        "/vraag/stand", data={"csrf_token": csrf_token(check_page(client.get("/vraag/stand")))}
    )
    found["question with an error"] = visible(empty, 400)
    for question in EVERY_QUESTION:
        found[f"question {question}"] = visible(client.get(f"/vraag/{question}"))
        answer_all(client, {question: EVERY_QUESTION[question]})
    for name, path in [
        ("check", "/controleren"),
        ("advice", "/advies"),
        ("handout", "/advies/uitdraai"),
    ]:
        found[name] = visible(client.get(path))
    handover = check_page(client.get("/advies/meegeven"))
    found["hand-over"] = visible(client.get("/advies/meegeven"))
    link = handover.select_one(".handover-link a")["href"]
    found["handed-over advice"] = visible(client.get(re.sub(r"^https?://[^/]+", "", link)))
    for letter in client.application.extensions["guide"].letters.letters:
        found[f"letter form {letter.id}"] = visible(client.get(f"/brief/{letter.id}"))
        found[f"letter {letter.id}"] = visible(make_letter(client, letter.id, TYPED))
    return found


def young_pages(client: FlaskClient) -> dict[str, str]:
    """The pages a young person sees: the je-forms explain their words too."""
    found = {}
    for question in YOUNG_AND_STRUGGLING:
        answer_all(client, {question: YOUNG_AND_STRUGGLING[question]})
        found[f"young question {question}"] = visible(client.get(f"/vraag/{question}"))
    found["young advice"] = visible(client.get("/advies"))
    return found


def test_jargon_is_explained_where_a_page_first_uses_it(client: FlaskClient) -> None:
    unexplained = []
    seen = {**pages(client), **young_pages(client.application.test_client())}
    for path, text in seen.items():
        if path.startswith("letter ") and not path.startswith("letter form"):
            continue  # a letter is written to Veilig Thuis, in its words; its form explains them
        text = re.sub(r"\S+\.nl\S*", "", text)
        for term, explanations in GLOSSARY.items():
            first = text.find(term)
            if first == -1:
                continue
            nearby = text[max(0, first - EXPLAINED_WITHIN) : first + len(term) + EXPLAINED_WITHIN]
            if not any(explanation in nearby for explanation in explanations):
                unexplained.append(f"{path}: {term} … {nearby[:120]}")
    assert unexplained == []


def test_each_forbidden_word_says_why_and_what_to_write_instead() -> None:
    for word in forbidden_words():
        assert set(word) <= {"pattern", "why", "instead", "allowed_on"}, word
        assert word["why"] and word["instead"], word
        re.compile(word["pattern"])


@pytest.mark.parametrize(
    "word",
    # A word allowed on some page, such as the sources on the privacy page, is in the catalogue.
    [word for word in forbidden_words() if not word.get("allowed_on")],
    ids=lambda word: word["pattern"],
)
def test_no_text_in_the_catalogue_holds_a_word_that_is_allowed_nowhere(word: dict) -> None:
    pattern = re.compile(word["pattern"])
    assert [text for text in dutch_texts() if pattern.search(text)] == []


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_no_page_in_any_language_shows_a_forbidden_word(client: FlaskClient, code: str) -> None:
    assert shown_forbidden(pages(client, code), code) == []


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "nl"])
def test_the_translations_of_a_forbidden_text_are_found_where_it_is_allowed(
    client: FlaskClient, code: str
) -> None:
    # The sources are on the privacy page, in every language: so the check finds them.
    client.get(f"/taal/{code}")
    privacy = visible(client.get("/privacy"))
    sources = [word for word in forbidden_in(code) if "privacy" in word.allowed_on]
    translated = [word for word in sources if f", in {code}: " in word.name]
    assert translated and all(word.pattern.search(privacy) for word in translated)


COURT_WORDS = ["kinderrechter", "ondertoezichtstelling", "griffierecht"]


def test_the_pressure_card_says_first_what_it_costs_and_folds_the_court_words_away(
    client: FlaskClient,
) -> None:
    card = check_page(client.get("/alle-hulp")).find(
        "article", attrs={"aria-labelledby": "dienst-drang"}
    )
    fold = card.find("details", class_="card__more").extract()
    face = text_of(card)
    cost = text_of(card.find("dt", string="Kosten").find_next_sibling("dd"))
    assert cost.startswith("Een vertrouwenspersoon van Jeugdstem kost u niets.")
    assert "betaalt u niets aan de rechtbank" in cost
    assert [word for word in COURT_WORDS if word in face.lower()] == []
    assert all(word in text_of(fold) for word in COURT_WORDS)  # GLOSSARY: each one explained
