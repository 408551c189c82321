# SPDX-License-Identifier: EUPL-1.2
"""The advice for real situations, clicked through the site as a parent would."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.helpers import Answer, answer_all, check_page, text_of
from tests.journeys import (
    BUSY_AND_ALONE,
    COMPLAINT_NOT_YET_RAISED,
    ENDING_THEIR_LIFE,
    MALICIOUS_REPORTER,
    YOUNG_AND_STRUGGLING,
)


def advice_for(client: FlaskClient, answers: dict[str, Answer]) -> BeautifulSoup:
    assert answer_all(client, answers).location == "/controleren"
    return check_page(client.get("/advies"))


def section(page: BeautifulSoup, priority: str) -> list[str]:
    """The service ids shown under one heading of the advice, in order."""
    block = page.find("section", class_=f"advice--{priority}")
    cards = block.find_all("article") if block else []
    return [card.h3["id"].removeprefix("dienst-") for card in cards]


def card_text(page: BeautifulSoup, service_id: str) -> str:
    return text_of(page.find(id=f"dienst-{service_id}").parent)


def test_refuted_parent_who_is_kept_busy_and_has_nobody_gets_the_huisarts_first(
    client: FlaskClient,
) -> None:
    page = advice_for(client, BUSY_AND_ALONE)
    assert section(page, "safety") == []
    assert section(page, "first")[:2] == ["huisarts", "poh_ggz"]
    assert {"psycholoog", "jeugdstem"} <= set(section(page, "also"))
    psycholoog = card_text(page, "psycholoog")
    assert "verwijzing" in psycholoog and "eigen risico" in psycholoog


def test_parent_who_wants_to_complain_and_did_not_talk_to_vt_yet_starts_with_the_staff_member(
    client: FlaskClient,
) -> None:
    page = advice_for(client, COMPLAINT_NOT_YET_RAISED)
    assert "vt_klacht" in section(page, "first")
    steps = page.find(id="dienst-vt_klacht").parent.find("ol").find_all("li")
    assert "medewerker" in steps[0].get_text()
    assert "klachtenfunctionaris" in text_of(steps[0]) + text_of(steps[1])
    assert "jeugdstem" in section(page, "first") + section(page, "also")
    assert "nationale_ombudsman" in section(page, "also")


def test_after_the_complaints_committee_the_ombudsman_comes_first(client: FlaskClient) -> None:
    page = advice_for(client, {**COMPLAINT_NOT_YET_RAISED, "klacht_vt": "ja_commissie"})
    assert "nationale_ombudsman" in section(page, "first")


def test_parent_who_learned_of_a_malicious_report_two_months_ago_sees_the_three_month_term(
    client: FlaskClient,
) -> None:
    page = advice_for(client, MALICIOUS_REPORTER)
    first = section(page, "first")
    assert "politie_aangifte" in first and "juridisch_loket" in first
    police = card_text(page, "politie_aangifte")
    assert "3 maanden" in police and "klachtdelict" in police


def test_anyone_who_thinks_of_ending_their_life_sees_113_and_112_above_everything(
    client: FlaskClient,
) -> None:
    page = advice_for(client, ENDING_THEIR_LIFE)
    cards = [card.h3["id"] for card in page.find_all("article")]
    assert cards[:2] == ["dienst-alarm_112", "dienst-zelfmoordpreventie_113"]
    assert set(section(page, "safety")) == {"alarm_112", "zelfmoordpreventie_113"}
    assert "113" in card_text(page, "zelfmoordpreventie_113")


def test_help_to_call_now_shows_on_the_next_questions_once_the_answer_calls_for_it(
    client: FlaskClient,
) -> None:
    answer_all(
        client,
        {
            "stand": "loopt",
            "wie": "ouder_gezag",
            "woonplaats": "geen",
            "behoefte": ["steun", "klacht"],
            "zwaarte": "levenseinde",
        },
    )
    page = check_page(client.get("/vraag/netwerk"))
    banner = page.find("aside", class_="safety")
    assert banner and "113" in text_of(banner)


def test_a_fourteen_year_old_is_spoken_to_as_je_with_the_kindertelefoon_first_and_no_insurance(
    client: FlaskClient,
) -> None:
    page = advice_for(client, YOUNG_AND_STRUGGLING)
    cards = [card.h3["id"].removeprefix("dienst-") for card in page.find_all("article")]
    assert cards.index("kindertelefoon") < cards.index("luisterlijn")
    advice = text_of(page.main)
    assert " je " in advice
    assert not [w for w in ("eigen risico", "verzeker", "Uw dossier") if w in advice]
    assert not page.select(".card__letters")  # the letters speak as a parent
    assert "jongeren" in text_of(page.find(id="dienst-jeugdstem").parent.find(class_="card__do"))


def test_a_parent_on_the_same_path_still_gets_the_letters_and_the_cost_of_insurance(
    client: FlaskClient,
) -> None:
    page = advice_for(client, {**YOUNG_AND_STRUGGLING, "wie": "ouder_gezag"})
    assert page.select(".card__letters a")
    assert "eigen risico" in card_text(page, "psycholoog")
