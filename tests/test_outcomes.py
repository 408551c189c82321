# SPDX-License-Identifier: EUPL-1.2
"""Each outcome of the investigation, as the report names it, gets advice that fits it."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.helpers import answer_all, check_page, make_letter, text_of
from tests.journeys import BY_OUTCOME, ONLY_IF_REFUTED, OUTCOME_SAYS
from tests.test_scenarios import advice_for, card_text, section


@pytest.mark.parametrize("stand", BY_OUTCOME)
def test_every_outcome_keeps_the_file_the_complaint_and_support(
    client: FlaskClient, stand: str
) -> None:
    page = advice_for(client, BY_OUTCOME[stand])
    first = section(page, "first")
    assert {"vt_dossier", "vt_klacht", "huisarts"} <= set(first)
    assert "jeugdstem" in first + section(page, "also")
    assert "Vernietiging" in card_text(page, "vt_dossier")  # the right to ask, for everyone


@pytest.mark.parametrize("stand", BY_OUTCOME)
def test_each_outcome_is_told_what_fits_it_and_nothing_that_assumes_another(
    client: FlaskClient, stand: str
) -> None:
    text = text_of(advice_for(client, BY_OUTCOME[stand]).find("main"))
    assert [said for said in OUTCOME_SAYS[stand] if said not in text] == []
    others = {said for other, says in OUTCOME_SAYS.items() if other != stand for said in says}
    assert [said for said in others - set(OUTCOME_SAYS[stand]) if said in text] == []
    assert all((said in text) is (stand == "weerlegd") for said in ONLY_IF_REFUTED)


def test_a_confirmed_concern_is_said_once_kindly_and_no_card_gives_it_as_a_reason(
    client: FlaskClient,
) -> None:
    page = advice_for(client, BY_OUTCOME["bevestigd"])
    assert text_of(page.find("main")).count("iets niet goed ging") == 1
    gentle = [p for p in page.select("main p.lead") if "iets niet goed ging" in text_of(p)]
    assert "Dit advies gaat over uw rechten, en over steun voor uzelf." in text_of(gentle[0])
    reasons = " ".join(text_of(r) for r in page.select(".card__why"))
    assert "niet goed ging" not in reasons and "bevestigd" not in reasons


def test_after_a_hand_over_without_investigation_the_wijkteam_is_advised_with_its_reason(
    client: FlaskClient,
) -> None:
    page = advice_for(client, BY_OUTCOME["overgedragen"])
    assert "wijkteam" in section(page, "also")
    assert "U mag het wijkteam vragen wat het daarmee doet" in card_text(page, "wijkteam")


def test_not_knowing_the_outcome_leads_to_asking_veilig_thuis(client: FlaskClient) -> None:
    page = advice_for(client, BY_OUTCOME["weet_niet"])
    assert "vt_nazorg" in section(page, "also")
    assert "Vraag het Veilig Thuis." in card_text(page, "vt_nazorg")


def test_the_first_question_offers_every_outcome_with_the_reports_own_word(
    client: FlaskClient,
) -> None:
    page = check_page(client.get("/vraag/stand"))
    offered = [i["value"] for i in page.select('input[name="stand"]')]
    assert offered == list(BY_OUTCOME)
    text = text_of(page.find("main"))
    for word in ("“weerlegd”", "“niet bevestigd”", "“bevestigd”"):
        assert f"In het verslag staat {word}" in text


@pytest.mark.parametrize("stand", ["loopt", "overgedragen", "weerlegd"])
def test_the_letter_asking_for_a_conversation_fits_every_outcome(
    client: FlaskClient, stand: str
) -> None:
    answer_all(client, {"stand": stand, "wie": "ouder_gezag", "woonplaats": "geen"})
    page = make_letter(client, "gesprek", {"name": "Jolanda Qvist"})
    text = text_of(check_page(page).find("article", class_="letter"))
    assert "Bij Veilig Thuis is een melding over mijn gezin gedaan." in text
    assert "onderzoek" not in text  # it may still run, or there was none
