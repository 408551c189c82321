# SPDX-License-Identifier: EUPL-1.2
"""The regional directory: each region's own page, and how much of it is verified."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from guide.content import Content, load
from guide.coverage import coverage_line
from guide.directory import REGION_COLUMNS, Fact, Region
from guide.letter_text import Addressee, addressee
from guide.letters import BLANK
from guide.views import REGION_FIELD_LABELS
from tests.helpers import check_page, text_of

PLACES = Path(__file__).parent / "fixtures" / "places"


def test_the_coverage_line_counts_each_verified_field_of_the_regions_and_municipalities() -> None:
    # Midden-Brabant has its name, site, complaints page, postal address and e-mail; Oost-Brabant
    # nothing. Both municipalities have a website; Tilburg a team with a page.
    assert coverage_line(load(PLACES).places) == (
        "Verified: regions: naam 1/2, website 1/2, klachten_url 1/2, klachten_postadres 1/2, "
        "klachten_email 1/2, privacy_dossier_url 0/2, dossier_postadres 0/2, dossier_email 0/2, "
        "klachtencommissie 0/2; municipalities: website 2/2, team (shown) 1/2, team page 1/2."
    )


def test_guide_links_coverage_shows_every_region_and_every_municipality(
    app: Flask, content: Content
) -> None:
    output = app.test_cli_runner().invoke(args=["guide", "links", "--coverage"]).output
    lines = output.splitlines()
    places = content.places
    assert sum(line.startswith("| VT") for line in lines) == len(places.regions) == 25
    rows = [line for line in lines if line.startswith("| ") and " | GM" in line]
    assert len(rows) == len(places.municipalities) == 342
    assert "| Vlieland | GM0096 | VT04 | yes | - | - |" in lines
    assert "| Rotterdam | GM0599 | VT18 | yes | yes | yes |" in lines
    assert lines[-1] == coverage_line(places)
    assert "municipalities: website 342/342" in lines[-1]


def test_the_region_page_labels_every_field_of_the_data() -> None:
    assert tuple(REGION_FIELD_LABELS) == REGION_COLUMNS


def test_a_region_page_shows_each_value_with_its_source_and_how_to_correct_it(
    client: FlaskClient, content: Content
) -> None:
    region = content.places.place("VT17").region
    page = check_page(client.get("/regio/VT17"))
    assert page.h1.get_text() == "Veilig Thuis Noord-Holland Noord"
    facts = text_of(page.find(class_="directory"))
    for fact in region.facts.values():
        assert fact.source in facts
    assert "Postbus 224" in facts and "Niet gevonden in onze bronnen." in facts
    assert page.find("a", href=region.link("complaints"))
    assert "Gecontroleerd op 2 december 2026." in text_of(page)
    for municipality in (m for m in content.places.municipalities if m.region == "VT17"):
        entry = page.find(id=f"gemeente-{municipality.code}").find_next("dl")
        assert entry.find("a", href=municipality.website.value)
        assert municipality.website.source in text_of(entry)
    # Corrections go to the publisher of this guide, from its settings.
    assert page.find("a", href="mailto:nazorgwijzer@example.org")
    assert page.find("a", href="https://www.example.org/contact")


def test_a_region_page_marks_a_team_that_families_do_not_see(client: FlaskClient) -> None:
    page = check_page(client.get("/regio/VT04"))  # Leeuwarden's team: seen in the news only
    entry = page.find(id="gemeente-GM0080").find_next("dl")
    assert "Niet getoond aan gezinnen" in text_of(entry)
    assert "Niet getoond" not in text_of(page.find(id="gemeente-GM0096").find_next("dl"))


@pytest.mark.parametrize("path", ["/regio/VT99", "/regio/GM0855", "/regio/vt15"])
def test_a_region_page_for_no_region_is_not_found(client: FlaskClient, path: str) -> None:
    check_page(client.get(path), 404)


def test_the_regions_page_links_each_region_to_its_own_page(
    client: FlaskClient, content: Content
) -> None:
    page = check_page(client.get("/veilig-thuis-regios"))
    for region in content.places.regions:
        assert page.find("a", href=f"/regio/{region.code}")


def region_with(**values: str) -> Region:
    facts = {c: Fact(v, "https://example.org/bron", None) for c, v in values.items()}
    return Region("VT15", "Midden-Brabant", facts)


NAME = "Veilig Thuis Midden-Brabant"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (  # the postal address, which names the organisation itself
            {"naam": NAME, "klachten_postadres": f"{NAME} | Postbus 1 | 5000 AA Tilburg"},
            Addressee((NAME, "Postbus 1", "5000 AA Tilburg")),
        ),
        (  # the postal address under the name, and the e-mail address beside it
            {
                "naam": NAME,
                "klachten_postadres": "GGD | Postbus 1 | 5000 AA Tilburg",
                "klachten_email": "klacht@example.org | commissie@example.org (klachtencommissie)",
            },
            Addressee((NAME, "GGD", "Postbus 1", "5000 AA Tilburg"), "klacht@example.org"),
        ),
        (  # no postal address: the name, and the e-mail on the page
            {"naam": NAME, "klachten_email": "klacht@example.org"},
            Addressee((NAME,), "klacht@example.org"),
        ),
        (  # neither: lines to fill in, and the page where to look
            {"naam": NAME, "klachten_url": "https://example.org/klacht"},
            Addressee((NAME, BLANK, BLANK), page="https://example.org/klacht"),
        ),
        (  # nothing seen, not even the name: the region's name, and lines to fill in
            {"dossier_postadres": "Postbus 2 | 5000 AB Tilburg"},
            Addressee(("Veilig Thuis", "Midden-Brabant", BLANK, BLANK)),
        ),
    ],
    ids=["postal", "postal and e-mail", "e-mail", "page", "nothing"],
)
def test_a_complaint_letter_goes_to_the_best_address_the_region_has(
    values: dict[str, str], expected: Addressee
) -> None:
    assert addressee(region_with(**values), "complaints") == expected


def test_a_letter_without_a_place_or_subject_has_lines_to_fill_in() -> None:
    assert addressee(None, "complaints") == Addressee(("Veilig Thuis", BLANK, BLANK))
    region = region_with(naam=NAME, klachten_postadres="Postbus 1 | 5000 AA Tilburg")
    assert addressee(region, "") == Addressee((NAME, BLANK, BLANK))
