# SPDX-License-Identifier: EUPL-1.2
"""The nazorgkaart: a page per region to print, and the start page its QR code opens."""

from __future__ import annotations

from pathlib import Path

import pytest
import segno
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from guide import create_app
from guide.content import Content
from guide.i18n import LANGUAGES
from guide.publisher import EXAMPLE
from tests.conftest import TEST_CONFIG
from tests.helpers import answer, answer_all, check_page, csrf_token, session_of, text_of
from tests.journeys import FAMILY_IN_TILBURG


def card_page(client: FlaskClient, path: str, status: int = 200) -> BeautifulSoup:
    response = client.get(path)
    page = check_page(response, status)
    assert response.headers["Cache-Control"] == "no-store"
    return page


def at_the_place_question(
    client: FlaskClient, region: str, who: str = "ouder_gezag"
) -> BeautifulSoup:
    """Open the start page from a region's card, answer the first two questions: the place
    question's page."""
    client.get("/", query_string={"regio": region})
    answer(client, "stand", "weerlegd")
    answer(client, "wie", who)
    return check_page(client.get("/vraag/woonplaats"))


def test_the_card_list_links_a_card_and_an_a4_sheet_for_every_region(
    client: FlaskClient, content: Content
) -> None:
    page = card_page(client, "/kaart")
    links = {a["href"] for a in page.select("main .kaart-regions a")}
    codes = [r.code for r in content.places.regions]
    assert len(codes) == 25
    assert links == {f"/kaart/{c}" for c in codes} | {f"/kaart/{c}/a4" for c in codes}
    listed = text_of(page.select_one(".kaart-regions"))
    assert [r.name for r in content.places.regions if r.name not in listed] == []


def test_the_start_page_links_to_the_cards(client: FlaskClient) -> None:
    assert check_page(client.get("/")).find("a", href="/kaart")


@pytest.mark.parametrize(("path", "copies"), [("/kaart/VT15", 1), ("/kaart/VT15/a4", 4)])
def test_a_card_has_the_address_a_qr_code_what_the_guide_does_and_five_other_languages(
    client: FlaskClient, path: str, copies: int
) -> None:
    page = card_page(client, path)
    cards = page.select(".kaarten > article.kaart")
    assert len(cards) == copies
    card = cards[0]
    assert "Midden-Brabant" in page.h1.get_text() and "Midden-Brabant" in text_of(card)
    assert text_of(card.select_one(".kaart__address")) == "nazorgwijzer.example.org"
    qr = card.select_one(".kaart__qr svg")
    assert qr["role"] == "img" and qr["aria-label"] and qr["viewbox"]
    assert qr.find("path")["d"]
    assert len(card.select(".kaart__lines li")) == 3
    assert "bewaren niets" in text_of(card.select_one(".kaart__stored"))
    lines = card.select(".kaart__languages li")
    assert [li["lang"] for li in lines] == [c for c in LANGUAGES if c != "nl"]
    assert [li["dir"] for li in lines] == ["rtl" if li["lang"] == "ar" else "ltr" for li in lines]


def test_each_line_in_another_language_comes_from_that_languages_catalogue(
    client: FlaskClient,
) -> None:
    dutch = card_page(client, "/kaart/VT15").select(".kaart__languages li")
    english = {li["lang"]: text_of(li) for li in dutch}["en"]
    assert english == "Scan the code. This guide is also in English."
    client.get("/taal/ar")
    arabic_page = card_page(client, "/kaart/VT15")
    assert arabic_page.html["lang"] == "ar" and arabic_page.html["dir"] == "rtl"
    lines = {li["lang"]: text_of(li) for li in arabic_page.select(".kaart__languages li")}
    assert list(lines) == ["nl", "en", "tr", "pl", "uk"]
    assert lines["nl"] == "Scan de code. Deze wijzer is er ook in het Nederlands."
    assert len(set(lines.values())) == 5  # each in its own words


@pytest.mark.parametrize("code", ["VT16", "vt15", "GM0855", "VT15x", "%3Cscript%3E"])
def test_a_card_for_anything_but_a_region_is_not_found(client: FlaskClient, code: str) -> None:
    for path in (f"/kaart/{code}", f"/kaart/{code}/a4"):
        page = card_page(client, path, 404)
        assert not page.select(".kaart")


def test_the_region_from_a_cards_address_fills_in_the_place_question(
    client: FlaskClient,
) -> None:
    check_page(client.get("/?regio=VT20"))
    assert session_of(client)["regio"] == "VT20"
    answer(client, "stand", "weerlegd")
    answer(client, "wie", "ouder_gezag")
    page = check_page(client.get("/vraag/woonplaats"))
    assert page.find(id="woonplaats-plaats")["value"] == "Utrecht"
    assert "uw regio van Veilig Thuis" in text_of(page.find(id="woonplaats-hint"))
    # Sent as it is, the region's name stays the region, though a municipality is called
    # Utrecht too: the card names the region, never a municipality.
    response = client.post(
        "/vraag/woonplaats", data={"csrf_token": csrf_token(page), "plaats": "Utrecht"}
    )
    assert response.status_code == 302
    assert session_of(client)["answers"]["woonplaats"] == ["VT20"]


def test_a_visitor_may_change_the_region_from_the_card_for_their_municipality(
    client: FlaskClient,
) -> None:
    page = at_the_place_question(client, "VT15")
    assert page.find(id="woonplaats-plaats")["value"] == "Midden-Brabant"
    client.post("/vraag/woonplaats", data={"csrf_token": csrf_token(page), "plaats": "Breda"})
    assert session_of(client)["answers"]["woonplaats"] == ["GM0758"]
    changed = check_page(client.get("/vraag/woonplaats"))
    assert changed.find(id="woonplaats-plaats")["value"] == "Breda"
    assert "uw regio" not in text_of(changed.find(id="woonplaats-hint"))


def test_a_name_typed_over_the_region_that_fits_two_places_asks_which_without_the_regions_hint(
    client: FlaskClient,
) -> None:
    page = at_the_place_question(client, "VT15")
    response = client.post(
        "/vraag/woonplaats", data={"csrf_token": csrf_token(page), "plaats": "Bergen"}
    )
    asked = check_page(response)
    assert asked.select(".suggestions input[type=radio]")
    assert "uw regio" not in text_of(asked.find(id="woonplaats-hint"))


def test_a_visitor_may_skip_the_place_question_despite_the_card(client: FlaskClient) -> None:
    client.get("/?regio=VT15")
    answer(client, "stand", "weerlegd")
    answer(client, "wie", "ouder_gezag")
    answer(client, "woonplaats", "geen")
    assert session_of(client)["answers"]["woonplaats"] == ["geen"]


@pytest.mark.parametrize("code", ["GM0855", "VT99", "", "VT15' OR 1=1", "vt15"])
def test_an_address_with_anything_but_a_region_starts_the_guide_as_always(
    client: FlaskClient, code: str
) -> None:
    response = client.get("/", query_string={"regio": code})
    check_page(response)
    assert not code or code not in response.get_data(as_text=True)  # never said back
    answer(client, "stand", "weerlegd")
    answer(client, "wie", "ouder_gezag")
    assert "regio" not in session_of(client)
    field = check_page(client.get("/vraag/woonplaats")).find(id="woonplaats-plaats")
    assert field["value"] == ""


def test_an_answer_given_before_wins_over_a_card_scanned_later(client: FlaskClient) -> None:
    answer(client, "stand", "weerlegd")
    answer(client, "wie", "ouder_gezag")
    answer(client, "woonplaats", "geen")
    client.get("/?regio=VT15")
    assert check_page(client.get("/vraag/woonplaats")).find(id="woonplaats-plaats")["value"] == ""


def test_starting_again_forgets_the_region_of_the_card(client: FlaskClient) -> None:
    client.get("/?regio=VT15")
    answer(client, "stand", "weerlegd")
    form = check_page(client.get("/opnieuw"))
    client.post("/opnieuw", data={"csrf_token": csrf_token(form.find("form", action="/opnieuw"))})
    assert "regio" not in session_of(client)


def test_a_young_person_is_told_of_the_region_in_the_je_form(client: FlaskClient) -> None:
    page = at_the_place_question(client, "VT15", who="jongere_12_15")
    hint = text_of(page.find(id="woonplaats-hint"))
    assert "je regio van Veilig Thuis" in hint and " uw " not in hint


@pytest.mark.parametrize("host", ["nazorgwijzer.example.org", "hulp.voorbeeldstad.example"])
def test_the_card_prints_and_encodes_the_publishers_address_with_the_region(
    tmp_path: Path, host: str
) -> None:
    settings = EXAMPLE.read_text(encoding="utf-8").replace(
        'hosts = ["nazorgwijzer.example.org"]', f'hosts = ["{host}", "www.{host}"]'
    )
    (tmp_path / "publisher.toml").write_text(settings, encoding="utf-8")
    client = create_app({**TEST_CONFIG, "PUBLISHER_FILE": str(tmp_path / "publisher.toml")})
    card = card_page(client.test_client(), "/kaart/VT01").select_one(".kaart")
    assert text_of(card.select_one(".kaart__address")) == host
    # The same drawing as the QR code of that address: the browser tests scan it back.
    expected = segno.make(f"https://{host}/?regio=VT01", error="m")
    drawn = expected.svg_inline(scale=4, lineclass=None)
    assert card.select_one(".kaart__qr path")["d"] in drawn
    assert "localhost" not in str(card)


def test_the_advice_names_the_cards_region_and_no_municipality_of_the_same_name(
    client: FlaskClient, app: Flask
) -> None:
    page = at_the_place_question(client, "VT20")
    client.post("/vraag/woonplaats", data={"csrf_token": csrf_token(page), "plaats": "Utrecht"})
    answer_all(client, dict(list(FAMILY_IN_TILBURG.items())[3:]))
    advice = text_of(check_page(client.get("/advies")))
    # The same family living in the municipality Utrecht is sent to its wijkteam.
    living_there = app.test_client()
    answer_all(living_there, {**FAMILY_IN_TILBURG, "woonplaats": "GM0344"})
    assert "gemeente Utrecht" in text_of(check_page(living_there.get("/advies")))
    assert "Uw Veilig Thuis" in advice and "gemeente Utrecht" not in advice
