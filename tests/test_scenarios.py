# SPDX-License-Identifier: EUPL-1.2
"""The advice for real situations, clicked through the site as a parent would."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from flask.testing import FlaskClient

from guide.views import FOLD_CARDS_AFTER
from tests.helpers import Answer, answer_all, check_page, text_of
from tests.journeys import (
    BUSY_AND_ALONE,
    COMPLAINT_NOT_YET_RAISED,
    ENDING_THEIR_LIFE,
    EVERY_QUESTION,
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


def card_of(page: BeautifulSoup, service_id: str) -> Tag:
    return page.find(id=f"dienst-{service_id}").find_parent("article")


def card_text(page: BeautifulSoup, service_id: str) -> str:
    return text_of(card_of(page, service_id))


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
    steps = page.find(id="dienst-vt_klacht").find_parent("article").find("ol").find_all("li")
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
    assert "jongeren" in text_of(card_of(page, "jeugdstem").find(class_="card__do"))


def test_a_parent_on_the_same_path_still_gets_the_letters_and_the_cost_of_insurance(
    client: FlaskClient,
) -> None:
    page = advice_for(client, {**YOUNG_AND_STRUGGLING, "wie": "ouder_gezag"})
    assert page.select(".card__letters a")
    assert "eigen risico" in card_text(page, "psycholoog")


def test_a_plan_of_many_steps_folds_its_cards_to_their_names(client: FlaskClient) -> None:
    page = advice_for(client, EVERY_QUESTION)
    steps = page.select(".plan__steps li")
    cards = page.select("section.advice--safety article, section.advice--first article")
    assert len(steps) == len(cards) > FOLD_CARDS_AFTER
    for card in cards:
        fold = card.find("details", class_="card__fold", recursive=False)
        assert fold and fold.summary.h3, card.h3["id"]  # only the name shows
        assert fold.find(class_="card__do")
    # What is also possible is one line in the plan, with its names in the fold below.
    also = page.select(".plan__also a")
    assert [a["href"] for a in also] == ["#advies-also"]
    assert text_of(also[0]) == f"Ook mogelijk: {len(section(page, 'also'))} andere vormen van hulp"


def test_a_plan_of_two_steps_shows_its_cards_whole(client: FlaskClient) -> None:
    page = advice_for(client, COMPLAINT_NOT_YET_RAISED)
    assert 0 < len(page.select(".plan__steps li")) <= FOLD_CARDS_AFTER
    assert page.select("article") and not page.select(".card__fold")
    assert [a["href"] for a in page.select(".plan__also a")] == [
        f"#dienst-{service}" for service in section(page, "also")
    ]
