# SPDX-License-Identifier: EUPL-1.2
"""Dutch beside the family's language: in an intake, and for a parent who switches it on."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale

from guide.content import Content
from guide.engine import advise, walk
from guide.i18n import translated
from tests.helpers import (
    answer,
    answer_all,
    as_answers,
    check_page,
    csrf_token,
    session_of,
)
from tests.journeys import EVERY_QUESTION, MALICIOUS_REPORTER

STEP = "Vraag %(number)s van %(total)s of minder"


def start_intake(client: FlaskClient, language: str) -> None:
    """The social worker chooses the family's language on the intake page and starts."""
    page = check_page(client.get("/intake"))
    choice = page.find("input", attrs={"name": "taal", "value": language})
    assert choice and page.find("label", attrs={"for": choice["id"]})["lang"] == language
    response = client.post("/intake/nieuw", data={"csrf_token": csrf_token(page), "taal": language})
    assert response.status_code == 303 and response.location == "/vraag/stand"


def in_language(app: Flask, code: str, text: str) -> str:
    """A text as a page in that language shows it: translated, numbers kept left to right."""
    with app.test_request_context(), force_locale(code):
        return translated(text)


def words(tag: Tag) -> str:
    return " ".join(tag.get_text().split())


def pairs(page: BeautifulSoup) -> dict[str, Tag]:
    """Each Dutch half on the page, by its words; its own half is just before it."""
    return {words(dutch): dutch for dutch in page.select(".both__nl")}


def assert_paired(app: Flask, page: BeautifulSoup, dutch_text: str, code: str = "ar") -> None:
    """The text shows in the family's language, with the same text in Dutch under it."""
    found = pairs(page)
    dutch_text = " ".join(dutch_text.split())
    assert dutch_text in found, dutch_text
    dutch = found[dutch_text]
    own = dutch.find_previous_sibling(class_="both__own")
    assert (dutch["lang"], dutch["dir"]) == ("nl", "ltr")
    assert (own["lang"], own["dir"]) == (code, "rtl" if code == "ar" else "ltr")
    assert words(own) == " ".join(in_language(app, code, dutch_text).split())
    assert words(own) != dutch_text


def test_an_arabic_intake_asks_every_question_in_arabic_with_the_dutch_under_it(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    start_intake(client, "ar")
    given: dict = {}
    for question_id, value in EVERY_QUESTION.items():
        page = check_page(client.get(f"/vraag/{question_id}"))
        assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
        question = content.question(question_id)
        texts = [question.text, "Volgende"]
        if question.type == "place":
            texts += [question.hint, question.options[0].label]
        else:
            texts += [question.hint] if question.hint else []
            texts += [option.label for option in question.options]
            texts += [option.hint for option in question.options if option.hint]
        for text in texts:
            assert_paired(app, page, text)
        so_far = walk(content, as_answers(given))
        step = {"number": so_far.position(question_id), "total": so_far.total}
        caption = page.select_one(".caption")
        assert words(caption.select_one(".both__nl")) == STEP % step
        assert words(caption.select_one(".both__own")) == in_language(app, "ar", STEP) % step
        answer(client, question_id, value)
        given[question_id] = value


def test_an_error_shows_in_the_familys_language_and_in_dutch(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    start_intake(client, "ar")
    page = check_page(client.get("/vraag/stand"))
    response = client.post("/vraag/stand", data={"csrf_token": csrf_token(page)})
    page = check_page(response, status=400)
    error = content.question("stand").error
    assert_paired(app, page, "Er is een probleem")
    assert_paired(app, page.select_one(".error-summary"), error)
    message = page.select_one(".error-message")
    assert words(message.select_one(".both__nl")) == f"Fout: {error}"
    arabic = f"{in_language(app, 'ar', 'Fout:')} {in_language(app, 'ar', error)}"
    assert words(message.select_one(".both__own")) == arabic
    # An answer that only goes alone: the message names it, in each language its own way.
    answer(client, "stand", "loopt")
    answer(client, "wie", "ouder_gezag")
    answer(client, "woonplaats", "geen")
    response = answer(client, "behoefte", ["steun", "weet_niet"])
    page = check_page(response, status=400)
    label = content.question("behoefte").option("weet_niet").label
    dutch = words(page.select_one(".error-summary li .both__nl"))
    assert dutch == f"Kies “{label}” alleen, of kies andere antwoorden."
    assert in_language(app, "ar", label) in words(page.select_one(".error-summary li .both__own"))


def test_the_check_page_and_the_advice_show_each_answer_step_and_card_in_both(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    start_intake(client, "ar")
    answer_all(client, MALICIOUS_REPORTER)
    page = check_page(client.get("/controleren"))
    for question_id, value in MALICIOUS_REPORTER.items():
        question = content.question(question_id)
        assert_paired(app, page, question.text)
        if question.type != "place":
            assert_paired(app, page, question.option(value).label)
    assert_paired(app, page, "Wijzigen")
    page = check_page(client.get("/advies"))
    assert_paired(app, page, "Uw stappen")
    for item in advise(content, as_answers(MALICIOUS_REPORTER)):
        card = page.find(id=f"dienst-{item.service.id}")
        assert_paired(app, card, item.service.name)
        assert_paired(app, card.find_parent("article"), item.service.do)
    # Numbers read left to right in the Arabic half; the Dutch half needs no such marks.
    own = " ".join(words(tag) for tag in page.select(".both__own"))
    assert "\u20660900\u20118020\u2069" in own
    assert not any("\u2066" in words(tag) for tag in page.select(".both__nl"))
    # What is not advised, for the social worker: in Dutch too.
    assert page.select(".not-advised .both__nl")


@pytest.mark.parametrize("path", ["/advies/uitdraai", "/advies/meegeven", "/brief/inzage"])
def test_what_the_family_takes_home_is_in_its_own_language_only(
    client: FlaskClient, path: str
) -> None:
    start_intake(client, "ar")
    answer_all(client, MALICIOUS_REPORTER)
    page = check_page(client.get(path))
    assert page.html["lang"] == "ar"
    assert page.select("main .both__nl") == []
    assert page.select(".languages__dutch") == []
    # The intake bar is the social worker's: in Dutch too, on every page of the intake.
    assert words(page.select_one(".intake-bar form .both__nl")) == "Nieuwe cliënt — wis alles"


def test_the_hand_over_link_opens_in_arabic_without_the_dutch(client: FlaskClient) -> None:
    start_intake(client, "ar")
    answer_all(client, MALICIOUS_REPORTER)
    link = check_page(client.get("/advies/meegeven")).select_one(".handover-link a")["href"]
    client.post("/opnieuw", data={"csrf_token": csrf_token(check_page(client.get("/opnieuw")))})
    page = check_page(client.get(re.sub(r"^https?://[^/]+", "", link)))
    assert page.html["lang"] == "ar" and page.select(".both__nl") == []


def test_a_dutch_intake_shows_each_text_once(client: FlaskClient) -> None:
    start_intake(client, "nl")
    page = check_page(client.get("/vraag/stand"))
    assert page.html["lang"] == "nl"
    assert page.select(".both__own, .both__nl, .languages__dutch") == []


@pytest.mark.parametrize("code", ["xx", "NL", "", "ar<script>"])  # a radio sends none of these
def test_an_intake_in_an_unknown_language_is_refused_kindly_and_starts_nothing(
    client: FlaskClient, code: str
) -> None:
    page = check_page(client.get("/intake"))
    response = client.post("/intake/nieuw", data={"csrf_token": csrf_token(page), "taal": code})
    check_page(response, status=400)
    assert "intake" not in session_of(client)


def test_a_parent_switches_the_dutch_on_and_off_and_keeps_every_answer(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    client.get("/taal/tr?terug=/vraag/wie")
    page = check_page(client.get("/vraag/wie?wijzigen=1"))
    assert page.select(".both__nl.languages__dutch, main .both__nl") == []
    switch = page.select_one(".languages__dutch a")
    # Named in the parent's language and in Dutch, for someone the screen is shown to.
    assert words(switch.select_one(".both__nl")) == "Ook in het Nederlands"
    assert words(switch.select_one(".both__own")) == in_language(app, "tr", "Ook in het Nederlands")
    response = client.get(switch["href"])
    assert response.status_code == 303 and response.location == "/vraag/wie?wijzigen=1"
    page = check_page(client.get("/vraag/wie?wijzigen=1"))
    assert_paired(app, page, content.question("wie").text, code="tr")
    assert page.find("input", value="ouder_gezag").has_attr("checked")
    switch = page.select_one(".languages__dutch a")
    assert words(switch.select_one(".both__nl")) == "Zonder Nederlands"
    client.get(switch["href"])
    assert check_page(client.get("/vraag/wie")).select("main .both__nl") == []


def test_the_switch_shows_only_where_the_page_can_pair_its_texts(client: FlaskClient) -> None:
    assert check_page(client.get("/vraag/stand")).select(".languages__dutch") == []  # Dutch
    client.get("/taal/en")
    for path, shown in [("/vraag/stand", True), ("/alle-hulp", True), ("/", False)]:
        assert bool(check_page(client.get(path)).select(".languages__dutch")) is shown, path


@pytest.mark.parametrize("switch", ["half", "AAN", "aan/extra"])
def test_an_unknown_switch_gets_a_friendly_404(client: FlaskClient, switch: str) -> None:
    check_page(client.get(f"/ook-nederlands/{switch}"), status=404)


def test_the_switch_only_returns_to_a_page_of_this_site(client: FlaskClient) -> None:
    response = client.get("/ook-nederlands/aan?terug=//elders.example/")
    assert response.status_code == 303 and response.location == "/"


def test_starting_again_or_a_new_client_leaves_no_dutch_switched_on_for_the_next_visitor(
    client: FlaskClient,
) -> None:
    client.get("/taal/ar")
    client.get("/ook-nederlands/aan")
    answer(client, "stand", "loopt")
    client.post("/opnieuw", data={"csrf_token": csrf_token(check_page(client.get("/opnieuw")))})
    assert session_of(client).get("dutch_too") is None
    assert check_page(client.get("/vraag/stand")).select("main .both__nl") == []


def test_the_dutch_speaks_to_a_young_person_as_the_guide_does(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    young = {"stand": "weerlegd", "wie": "jongere_12_15", "woonplaats": "geen"}
    start_intake(client, "en")
    answer_all(client, {**young, "behoefte": "steun", "zwaarte": "kan_niet_aan", "netwerk": "nee"})
    page = check_page(client.get("/controleren"))
    assert_paired(app, page, "Kloppen je antwoorden?", code="en")
    assert_paired(app, page, content.young.question("zwaarte").text, code="en")
    assert content.young.question("zwaarte").text != content.question("zwaarte").text


def test_all_help_shows_its_headings_and_each_card_in_both(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    client.get("/taal/uk")
    client.get("/ook-nederlands/aan")
    page = check_page(client.get("/alle-hulp"))
    assert_paired(app, page, "Alle hulp op een rij", code="uk")
    headings = [(f"groep-{group.id}", group.title) for group in content.groups]
    headings += [(f"dienst-{service.id}", service.name) for service in content.services]
    for heading_id, text in headings:
        heading = page.find(id=heading_id)
        if in_language(app, "uk", text) == text:  # a name that reads the same: shown once
            assert words(heading) == text and not heading.select(".both__nl")
        else:
            assert_paired(app, heading, text, code="uk")
