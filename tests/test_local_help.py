# SPDX-License-Identifier: EUPL-1.2
"""Families in four places, as issue 19 tried them: their own municipality and team on the card,
the best address the data has on every letter, and never a page the guide does not have."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from flask import Flask, render_template_string
from flask.testing import FlaskClient

from guide.content import Content
from guide.letters import BLANK
from guide.links import external_links
from guide.places import Place
from tests.helpers import answer_all, check_page, letter_data, make_letter, text_of
from tests.test_letter_pages import IN_TILBURG, LETTERS, addressee, asked
from tests.test_places import advice_living_in

# Leeuwarden: nothing of its region verified but the name; its team seen only in the news.
# Rotterdam: the team's own page on rotterdam.nl. Utrecht: the team's name on utrecht.nl.
# Vlieland: the smallest municipality, with only its website.
FAMILIES = ["Leeuwarden", "Rotterdam", "Utrecht", "Vlieland"]


def place_of(content: Content, typed: str) -> Place:
    return content.places.place(content.places.find(typed).found)


def living_in(client: FlaskClient, content: Content, typed: str) -> None:
    """Where the family lives, as the place question stores it: all a letter needs."""
    answer_all(client, {**IN_TILBURG, "woonplaats": content.places.find(typed).found})


def card(page: BeautifulSoup, service_id: str) -> Tag:
    return page.find(id=f"dienst-{service_id}").find_parent("article")


def external_hrefs(page: BeautifulSoup) -> set[str]:
    hrefs = {a["href"] for a in page.find_all("a", href=True)}
    return {h for h in hrefs if h.startswith(("http://", "https://"))}


@pytest.mark.parametrize("typed", FAMILIES)
def test_the_wijkteam_card_names_the_municipality_and_links_its_website(
    client: FlaskClient, content: Content, typed: str
) -> None:
    municipality = place_of(content, typed).municipality
    page = BeautifulSoup(advice_living_in(client, typed), "html.parser")
    regional = card(page, "wijkteam").find(class_="card__regional")
    assert municipality.name in regional.h4.get_text()
    assert regional.find("a", href=municipality.website.value)
    team = municipality.shown_team
    if team:
        assert f"In {municipality.name} heet dit: {team.name}." in text_of(regional)
    else:  # what to look for on the municipality's site
        assert f"Zoek het wijkteam op de website van gemeente {municipality.name}" in text_of(
            regional
        )


def test_in_utrecht_the_card_says_it_is_the_buurtteam_and_in_rotterdam_links_its_page(
    client: FlaskClient, app: Flask
) -> None:
    utrecht = BeautifulSoup(advice_living_in(client, "Utrecht"), "html.parser")
    assert "In Utrecht heet dit: Buurtteam jeugd en gezin" in text_of(card(utrecht, "wijkteam"))
    rotterdam = BeautifulSoup(advice_living_in(app.test_client(), "Rotterdam"), "html.parser")
    team_page = "https://www.rotterdam.nl/wonen-leven/zorgdichtbij-opgroeien/"
    assert card(rotterdam, "wijkteam").find("a", href=team_page)


def test_a_team_seen_only_on_a_third_party_page_is_not_shown_to_a_family_in_leeuwarden(
    client: FlaskClient, content: Content
) -> None:
    leeuwarden = place_of(content, "Leeuwarden").municipality
    assert leeuwarden.team and leeuwarden.team.seen_on == "derden"
    page = BeautifulSoup(advice_living_in(client, "Leeuwarden"), "html.parser")
    assert leeuwarden.team.name not in text_of(page)


@pytest.mark.parametrize("typed", FAMILIES)
@pytest.mark.parametrize("letter_id", LETTERS)
def test_each_letter_shows_the_best_address_the_data_has(
    client: FlaskClient, content: Content, typed: str, letter_id: str
) -> None:
    region = place_of(content, typed).region
    subject = content.service(content.letters.letter(letter_id).service).regional
    living_in(client, content, typed)
    page = check_page(make_letter(client, letter_id, asked(content, letter_id)))
    letter, notes = page.find("article", class_="letter"), text_of(page.find(class_="no-print"))
    post, email, link = (
        region.postal_address(subject),
        region.email(subject),
        region.link(subject),
    )
    if post:
        assert addressee(letter).endswith("\n".join(post[-2:]))
    else:
        assert BLANK in addressee(letter) or email
    if email:
        assert page.find("a", href=f"mailto:{email}")
        assert "U kunt deze brief ook mailen naar" in notes
    if not post and not email and link:
        assert page.find("main").find("a", href=link)
    if not post and not email and not link:
        assert "Bel gratis 0800-2000 en vraag naar het postadres" in notes
    assert "op de website van uw Veilig Thuis" not in notes


@pytest.mark.parametrize("typed", FAMILIES)
def test_no_card_or_letter_points_to_a_page_the_guide_does_not_have(
    client: FlaskClient, content: Content, typed: str
) -> None:
    known = {url for _, url in external_links(content)}
    pages = [BeautifulSoup(advice_living_in(client, typed), "html.parser")]
    living_in(client, content, typed)
    pages += [check_page(make_letter(client, x, asked(content, x))) for x in LETTERS]
    for page in pages:
        main = page.find("main")
        assert external_hrefs(main) <= known
        region = place_of(content, typed).region
        if not region.link("website"):  # not even in words: "look on the website of your VT"
            assert "website van uw Veilig Thuis" not in text_of(main)


def test_a_region_with_a_verified_complaints_address_puts_it_on_the_complaint_letter(
    client: FlaskClient, content: Content
) -> None:
    """Alkmaar: Veilig Thuis Noord-Holland Noord published its complaints address and e-mail."""
    living_in(client, content, "Alkmaar")
    page = check_page(make_letter(client, "klacht", asked(content, "klacht")))
    assert addressee(page.find("article", class_="letter")) == (
        "Veilig Thuis Noord-Holland Noord\nPostbus 224\n1800 AE Alkmaar"
    )
    assert page.find("a", href="mailto:klachten@vtnhn.nl")
    assert BLANK not in text_of(page.find("article", class_="letter"))


def test_every_one_of_the_342_municipalities_gets_its_name_and_website_on_the_card(
    app: Flask, content: Content
) -> None:
    card_part = '{% from "macros/regional.html" import regional %}{{ regional(kind, place) }}'
    with app.test_request_context():
        for municipality in content.places.municipalities:
            html = render_template_string(
                card_part, kind="municipality", place=content.places.place(municipality.code)
            )
            part = BeautifulSoup(html, "html.parser")
            assert municipality.name in part.h4.get_text()
            assert part.find("a", href=municipality.website.value)
    assert len(content.places.municipalities) == 342


def test_a_letter_from_a_hand_over_link_has_the_same_best_address(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    """The link keeps only the family's region: that is all the address needs."""
    advice_living_in(client, "Alkmaar")
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    path = link.removeprefix("http://localhost") + "/brief/klacht"
    elsewhere = app.test_client()
    form = check_page(elsewhere.get(path))
    page = check_page(elsewhere.post(path, data=letter_data(form, asked(content, "klacht"))))
    assert addressee(page.find("article", class_="letter")) == (
        "Veilig Thuis Noord-Holland Noord\nPostbus 224\n1800 AE Alkmaar"
    )
    assert page.find("a", href="mailto:klachten@vtnhn.nl")
