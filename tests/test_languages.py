# SPDX-License-Identifier: EUPL-1.2
"""Six languages: complete catalogues, every page in every language, and a switch that keeps all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from guide.i18n import LANGUAGES, RIGHT_TO_LEFT
from tests.helpers import answer_all, check_page, csrf_token, text_of
from tests.journeys import BUSY_AND_ALONE, EVERY_QUESTION

TRANSLATIONS = Path(__file__).parent.parent / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
FOREIGN = [code for code in LANGUAGES if code != "nl"]


def catalog(code: str) -> Catalog:
    path = TRANSLATIONS / ("messages.pot" if code == "nl" else f"{code}/LC_MESSAGES/messages.po")
    with path.open("rb") as file:
        return read_po(file, locale=None if code == "nl" else code)


def entries(code: str) -> list:
    return [m for m in catalog(code) if m.id]


def singular(text: str | tuple) -> str:
    return text[0] if isinstance(text, tuple) else text


@pytest.mark.parametrize("code", FOREIGN)
def test_every_catalogue_has_exactly_the_texts_of_the_template(code: str) -> None:
    ids = {(m.context, singular(m.id)) for m in entries(code)}
    assert ids == {(m.context, singular(m.id)) for m in entries("nl")}


@pytest.mark.parametrize("code", FOREIGN)
def test_every_text_is_translated_and_none_is_fuzzy(code: str) -> None:
    def translated(message) -> bool:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        return all(strings)

    assert [m.id for m in entries(code) if not translated(m)] == []
    assert [m.id for m in entries(code) if m.fuzzy] == []


@pytest.mark.parametrize("code", FOREIGN)
def test_placeholders_match_between_source_and_translation(code: str) -> None:
    wrong = []
    for message in entries(code):
        wanted = set(PLACEHOLDER.findall(singular(message.id)))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wrong += [(message.id, s) for s in strings if set(PLACEHOLDER.findall(s)) != wanted]
        # A lone % would break the %-formatting of template texts.
        wrong += [(message.id, s) for s in strings if re.search(r"%(?!\(\w+\)[sd])", s)]
    assert wrong == []


def choose(client: FlaskClient, code: str, back: str = "/") -> None:
    response = client.get(f"/taal/{code}?terug={back}")
    assert response.status_code == 303 and response.location == back


def leaked_dutch(code: str, text: str) -> list[str]:
    """Dutch texts of three words or more that show although they have a translation."""
    translated = {singular(m.id): singular(m.string) for m in entries(code) if singular(m.string)}
    return [
        dutch
        for dutch, foreign in translated.items()
        if len(dutch.split()) >= 3 and dutch != foreign and dutch in text
    ]


def own_words(page: BeautifulSoup) -> str:
    """The page's text without what is marked as Dutch, which is meant so: the nazorgkaart's
    line for Dutch readers, the switch "Ook in het Nederlands", and in an intake the Dutch
    beside each text (tests/test_bilingual.py)."""
    for meant in page.select('body [lang="nl"]'):
        meant.decompose()
    return text_of(page)


def every_page(client: FlaskClient) -> dict[str, tuple[int, str]]:
    """Every kind of page, reached as a visitor would, with its status."""
    pages = {}
    for path in [
        "/",
        "/alle-hulp",
        "/veilig-thuis-regios",
        "/kaart",
        "/kaart/VT15",
        "/kaart/VT15/a4",
        "/routekaart",
        "/intake",
        "/privacy",
        "/toegankelijkheid",
        "/veilig-online",
        "/bestaat-niet",
    ]:
        pages[path] = (404 if path == "/bestaat-niet" else 200, path)
    pages["/mee/kapot"] = (400, "/mee/kapot")
    page = check_page(client.get("/intake"))
    client.post("/intake/nieuw", data={"csrf_token": csrf_token(page)})
    for question, value in EVERY_QUESTION.items():
        pages[f"/vraag/{question}"] = (200, f"/vraag/{question}")
        answer_all(client, {question: value})
    for path in ["/controleren", "/advies", "/advies/uitdraai", "/advies/meegeven"]:
        pages[path] = (200, path)
    for letter in ["inzage", "klacht", "gesprek"]:  # the letter itself: tests/test_letter_pages.py
        pages[f"/brief/{letter}"] = (200, f"/brief/{letter}")
    return pages


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_page_shows_in_the_language_with_its_direction_and_no_dutch_left(
    client: FlaskClient, code: str
) -> None:
    choose(client, code)
    for name, (status, path) in every_page(client).items():
        page = check_page(client.get(path), status=status)
        assert page.html["lang"] == code, name
        assert page.html["dir"] == ("rtl" if code in RIGHT_TO_LEFT else "ltr"), name
        if code != "nl":
            assert leaked_dutch(code, own_words(page)) == [], name


@pytest.mark.parametrize("code", FOREIGN)
def test_a_wrong_answer_and_a_refused_form_speak_the_language(
    client: FlaskClient, code: str
) -> None:
    choose(client, code)
    page = check_page(client.get("/vraag/stand"))
    response = client.post("/vraag/stand", data={"csrf_token": csrf_token(page)})
    assert leaked_dutch(code, own_words(check_page(response, status=400))) == []
    response = client.post("/vraag/stand", data={"stand": "loopt"})
    assert leaked_dutch(code, own_words(check_page(response, status=400))) == []


def test_the_language_switch_keeps_the_place_and_every_answer(client: FlaskClient) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    page = check_page(client.get("/vraag/wie"))
    link = page.find("a", hreflang="ar")
    assert link["lang"] == "ar" and link.get_text() == "العربية"
    response = client.get(link["href"])
    assert response.location == "/vraag/wie"
    page = check_page(client.get("/vraag/wie"))
    assert page.html["dir"] == "rtl"
    assert page.find("input", value="ouder_gezag").has_attr("checked")
    assert page.find(attrs={"aria-current": "true"}).get_text() == "العربية"


def test_the_language_switch_keeps_the_change_mode(client: FlaskClient) -> None:
    answer_all(client, EVERY_QUESTION)
    page = check_page(client.get("/vraag/netwerk?wijzigen=1"))
    response = client.get(page.find("a", hreflang="en")["href"])
    assert response.location == "/vraag/netwerk?wijzigen=1"


@pytest.mark.parametrize(
    "back",
    [
        "//elders.example/",
        "https://elders.example/",
        "elders",
        "/\\elders.example",
        "/\t/elders.example",  # browsers drop the tab: //elders.example
        "/\n/elders.example",
        "/ /elders.example",
        "/\x00/elders.example",
        "/%2F/elders.example",  # no page of ours
        "/bestaat-niet",
        "/intake/nieuw",  # a form's address, not a page
        "/alle-hulp?volgende=//elders.example",
    ],
)
def test_the_language_switch_only_returns_to_a_page_of_this_site(
    client: FlaskClient, back: str
) -> None:
    response = client.get("/taal/en", query_string={"terug": back})
    assert response.status_code == 303 and response.location == "/"


@pytest.mark.parametrize("back", ["/alle-hulp", "/vraag/wie?wijzigen=1", "/privacy"])
def test_the_language_switch_returns_to_the_page_it_came_from(
    client: FlaskClient, back: str
) -> None:
    response = client.get("/taal/en", query_string={"terug": back})
    assert response.status_code == 303 and response.location == back


@pytest.mark.parametrize("code", ["xx", "EN", "nl-NL", "..", "a" * 200])
def test_an_unknown_language_code_gets_a_friendly_404(client: FlaskClient, code: str) -> None:
    check_page(client.get(f"/taal/{code}"), status=404)


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("ar,en;q=0.5", "ar"),
        ("uk-UA", "uk"),
        ("de-DE,de;q=0.9", "nl"),
        ("tr;q=0.1, pl;q=0.9", "pl"),
        (";;;=,q=x", "nl"),
        ("", "nl"),
    ],
)
def test_the_browser_language_is_used_until_the_visitor_chooses(
    client: FlaskClient, header: str, lang: str
) -> None:
    page = check_page(client.get("/", headers={"Accept-Language": header}))
    assert page.html["lang"] == lang
    choose(client, "en")
    assert check_page(client.get("/", headers={"Accept-Language": header})).html["lang"] == "en"


def test_a_handover_link_opens_in_the_language_of_the_family(client: FlaskClient, app) -> None:
    choose(client, "tr")
    page = check_page(client.get("/intake"))
    client.post("/intake/nieuw", data={"csrf_token": csrf_token(page)})
    answer_all(client, EVERY_QUESTION)
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    parent = app.test_client()
    opened = check_page(parent.get(link.removeprefix("http://localhost")))
    assert opened.html["lang"] == "tr"
    choose(parent, "pl")  # the parent's own choice wins
    assert check_page(parent.get(link.removeprefix("http://localhost"))).html["lang"] == "pl"


@pytest.mark.parametrize(
    ("code", "date"), [("nl", "28 november 2026"), ("en", "November 28, 2026")]
)
def test_dates_are_written_the_way_the_language_writes_them(
    client: FlaskClient, code: str, date: str
) -> None:
    choose(client, code)
    assert date in text_of(check_page(client.get("/alle-hulp")))


def test_phone_numbers_stay_left_to_right_in_arabic(client: FlaskClient) -> None:
    choose(client, "ar")
    page = check_page(client.get("/alle-hulp"))
    for link in page.select('a[href^="tel:"]'):
        assert link["dir"] == "ltr"


def test_numbers_and_addresses_in_arabic_sentences_are_isolated_left_to_right(
    client: FlaskClient,
) -> None:
    page = client.get("/alle-hulp").get_data(as_text=True)
    assert "0800-2000" in page and "\u2066" not in page  # left-to-right text needs nothing
    choose(client, "ar")
    page = client.get("/alle-hulp").get_data(as_text=True)
    for number in ["0800\u20112000", "0800\u20110113"]:  # with a hyphen that never breaks
        assert f"\u2066{number}\u2069" in page
    assert page.count("\u2066") == page.count("\u2069")
    assert "\u2066" not in "".join(re.findall(r'href="[^"]*"', page))  # links stay as they are


def translation_of(code: str, dutch_start: str) -> list[str]:
    return [singular(m.string) for m in entries(code) if singular(m.id).startswith(dutch_start)]


def test_the_criminal_law_klacht_is_never_the_word_for_a_complaint_in_ukrainian() -> None:
    texts = [singular(m.string) for m in entries("uk") if "klachtdelict" in singular(m.id)]
    assert texts and not [t for t in texts if "скарг" in t]


def test_polish_speaks_to_young_people_without_pan_or_pani() -> None:
    texts = [
        *translation_of("pl", "Bent u 1"),
        *translation_of("pl", "Ben je 1"),
        *translation_of("pl", "Ook jongeren"),
        *translation_of("pl", "Ook voor jongeren"),
    ]
    assert len(texts) == 7 and not [t for t in texts if "Pan" in t]


@pytest.mark.parametrize("code", FOREIGN)
def test_an_unknown_place_asks_for_the_dutch_name_in_the_visitors_language(
    client: FlaskClient, code: str
) -> None:
    choose(client, code)
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    page = check_page(client.get("/vraag/woonplaats"))
    response = client.post(
        "/vraag/woonplaats", data={"csrf_token": csrf_token(page), "plaats": "لاهاي"}
    )
    error = text_of(check_page(response, status=400).find(class_="error-message"))
    assert error.split(" ", 1)[1] == singular(
        next(m.string for m in entries(code) if singular(m.id).startswith("We kennen geen"))
    )


@pytest.mark.parametrize("path", ["/alle-hulp", "/veilig-thuis-regios", "/regio/VT15", "/privacy"])
def test_a_link_to_a_page_in_dutch_says_so_on_a_page_in_another_language(
    client: FlaskClient, path: str
) -> None:
    links = check_page(client.get(path)).select('main a[href^="https://"]')
    assert links and all(link["hreflang"] == "nl" for link in links)
    assert not check_page(client.get(path)).select(".lang-note")  # a Dutch reader needs no note
    choose(client, "en")
    page = check_page(client.get(path))
    for link in page.select('main a[href^="https://"]'):
        note = link.find_next_sibling()
        assert note and "lang-note" in note["class"] and note.get_text() == "(in Dutch)", link


def test_a_list_in_arabic_is_joined_with_the_arabic_comma(client: FlaskClient) -> None:
    answer_all(client, BUSY_AND_ALONE)  # a short plan: what is also possible, in one line
    choose(client, "ar", back="/advies")
    also = text_of(check_page(client.get("/advies")).select_one(".plan__also"))
    names = also.split(":", 1)[1]
    assert names.count("، ") >= 2 and ", " not in re.sub(r"\([^)]*\)", "", names)
    choose(client, "nl", back="/advies")
    also = text_of(check_page(client.get("/advies")).select_one(".plan__also"))
    assert also.count(", ") >= 2 and "،" not in also


def test_a_phone_number_never_breaks_at_its_hyphen(client: FlaskClient) -> None:
    page = check_page(client.get("/alle-hulp"))
    phones = page.select('a[href^="tel:"]')
    assert phones and all("phone" in link["class"] for link in phones)  # white-space: nowrap
    choose(client, "ar")
    text = client.get("/alle-hulp").get_data(as_text=True)
    assert "0800\u20112000" in text and not re.search(r"\u2066[^\u2069]*\d-\d", text)
