# SPDX-License-Identifier: EUPL-1.2
"""The letter about help offered, and letters that never ask what the visitor already answered."""

from __future__ import annotations

import pytest
from bs4 import Tag
from flask.testing import FlaskClient

from tests.helpers import answer_all, check_page, make_letter, text_of
from tests.journeys import REFUTED_PARENT
from tests.test_letter_pages import IN_TILBURG, the_letter

UNDER_PRESSURE = {**REFUTED_PARENT, "stand": "loopt", "behoefte": "druk"}
RUNNING = {**REFUTED_PARENT, "stand": "loopt", "behoefte": "rechten"}
QUESTIONS = [
    "Welke hulp biedt u mijn gezin aan? Wie geeft die hulp, en hoe lang duurt die?",
    "Is deze hulp vrijwillig? Mogen wij dus ook nee zeggen?",
    "Wat gebeurt er als wij nee zeggen tegen deze hulp? Vraagt u dan de Raad voor de "
    "Kinderbescherming om onderzoek te doen?",
]


def drang_card(client: FlaskClient) -> Tag | None:
    found = check_page(client.get("/advies")).find(id="dienst-drang")
    return found and found.find_parent("article")


def test_a_parent_under_pressure_finds_the_letter_on_the_card_about_pressure(
    client: FlaskClient,
) -> None:
    answer_all(client, UNDER_PRESSURE)
    links = [a["href"] for a in drang_card(client).select(".card__letters a")]
    assert links == ["/brief/hulp"]


def test_while_the_investigation_runs_a_parent_is_offered_the_card_as_also_possible(
    client: FlaskClient,
) -> None:
    answer_all(client, RUNNING)
    card = drang_card(client)
    assert "card--also" in card["class"]
    assert "Het onderzoek loopt nog. Stelt Veilig Thuis hulp voor?" in text_of(card)


@pytest.mark.parametrize("stand", ["weerlegd", "bevestigd"])
def test_after_the_investigation_the_card_waits_for_pressure_to_be_named(
    client: FlaskClient, stand: str
) -> None:
    answer_all(client, {**RUNNING, "stand": stand})
    assert drang_card(client) is None


def test_a_young_person_gets_the_card_but_no_letter_in_a_parents_name(
    client: FlaskClient,
) -> None:
    answer_all(client, {**UNDER_PRESSURE, "wie": "jongere_16_plus"})
    card = drang_card(client)
    assert "Vraag wat er gebeurt als je nee zegt." in text_of(card)
    assert not card.select(".card__letters")


def test_the_letter_asks_in_writing_what_is_offered_whether_it_is_voluntary_and_what_a_no_means(
    client: FlaskClient,
) -> None:
    answer_all(client, UNDER_PRESSURE)
    form = check_page(client.get("/brief/hulp"))
    assert "Wie neemt u mee naar gesprekken" in text_of(
        form.find("label", attrs={"for": "assisted_by"})
    )
    typed = {
        "name": "Jolanda Qvist",
        "report_date": "02-10-2025",
        "assisted_by": "Anna de Vries van Jeugdstem",
    }
    page = make_letter(client, "hulp", typed)
    text = text_of(the_letter(page))
    for question in QUESTIONS:
        assert question in text
    assert "alleen een kinderrechter hulp verplicht kan maken" in text
    assert "artikel 3a.1.2 van de Wmo 2015" in text and "(artikel 4.2.6 van de Wmo 2015)" in text
    assert "Naar onze gesprekken neem ik mee: Anna de Vries van Jeugdstem." in text
    assert "Het liefst voor ons volgende gesprek." in text
    # Only what is certain: no right to refuse is claimed, and no legal term invented.
    assert "weiger" not in text and "binnen een maand" not in text
    shown = text_of(check_page(make_letter(client, "hulp", typed)))
    assert "geeft de wet Veilig Thuis geen vaste termijn" in shown


def test_the_letter_leaves_out_whom_the_parent_brings_when_they_name_nobody(
    client: FlaskClient,
) -> None:
    text = text_of(the_letter(make_letter(client, "hulp", {"name": "Jolanda Qvist"})))
    assert "neem ik mee" not in text and "melding van" not in text
    assert all(question in text for question in QUESTIONS)


# No question asked twice: a box the answers already settle is not on the form.


@pytest.mark.parametrize("letter_id", ["inzage", "vernietiging"])
def test_a_parent_who_said_they_have_no_gezag_is_not_asked_it_again(
    client: FlaskClient, letter_id: str
) -> None:
    answer_all(client, {**IN_TILBURG, "wie": "ouder_zonder_gezag"})
    form = check_page(client.get(f"/brief/{letter_id}"))
    assert form.find(id="name") and not form.find(id="gezag")
    # The destruction letter asks children only of a parent with gezag: they go with the box.
    assert bool(form.find(id="children")) == (letter_id == "inzage")
    visit_mark = form.find(id="name")["name"].removesuffix("name")
    typed = {"name": "Jolanda Qvist", f"{visit_mark}gezag": "y"}  # a box forged into the form
    typed[f"{visit_mark}children"] = "Mirthe Qvist (3-5-2018)"
    assert "Ik heb gezag" not in text_of(the_letter(make_letter(client, letter_id, typed)))


@pytest.mark.parametrize("wie", ["ouder_gezag", "andere_volwassene", "professional"])
def test_others_still_decide_the_gezag_box_themselves(client: FlaskClient, wie: str) -> None:
    answer_all(client, {**IN_TILBURG, "wie": wie})
    box = check_page(client.get("/brief/inzage")).find(id="gezag")
    assert box.has_attr("checked") == (wie == "ouder_gezag")


@pytest.mark.parametrize(
    ("talked", "asked"), [("nee", True), ("ja_niet_opgelost", True), ("ja_commissie", False)]
)
def test_who_said_the_committee_already_decided_is_not_asked_to_go_there_first(
    client: FlaskClient, talked: str, asked: bool
) -> None:
    answer_all(client, {**REFUTED_PARENT, "behoefte": "klacht", "klacht_vt": talked})
    form = check_page(client.get("/brief/klacht"))
    assert bool(form.find(id="committee")) == asked
    assert form.find(id="rules_copy")  # what the answers do not settle is still asked
