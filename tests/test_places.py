# SPDX-License-Identifier: EUPL-1.2
"""Where the family lives: finding the place, and their own Veilig Thuis on the advice."""

from __future__ import annotations

import csv
import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from guide import cli, create_app
from guide.content import Content
from guide.directory import SUBJECTS
from guide.engine import advise
from guide.links import problem_with
from guide.paths import answer_sets
from tests.conftest import TEST_CONFIG
from tests.helpers import answer_all, check_page, csrf_token, handover_payload, text_of

GUIDE = Path(__file__).parent.parent / "guide"
EVERY_REGIONAL_CARD = {"behoefte": ["gesprek_vt", "klacht", "rechten", "thuis"], "klacht_vt": "nee"}


def rows(name: str) -> list[dict[str, str]]:
    with (GUIDE / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def type_place(client: FlaskClient, typed: str, query: str = "") -> tuple:
    page = check_page(client.get(f"/vraag/woonplaats{query}"))
    response = client.post(
        f"/vraag/woonplaats{query}", data={"csrf_token": csrf_token(page), "plaats": typed}
    )
    return response


def advice_living_in(client: FlaskClient, typed: str) -> str:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    assert type_place(client, typed).location == "/vraag/behoefte"
    answer_all(client, EVERY_REGIONAL_CARD)
    return check_page(client.get("/advies")).decode()


def test_every_municipality_in_the_data_resolves_to_its_region(content: Content) -> None:
    places = content.places
    data = rows("gemeenten.csv")
    assert len(data) == 342
    for row in data:
        assert places.find(row["gemeente"]).found == row["gm_code"], row
        assert places.place(row["gm_code"]).region.code == row["vt_code"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Tilburg", "GM0855"),
        ("  tilburg ", "GM0855"),
        ("TILBURG", "GM0855"),
        ("'s-Hertogenbosch", "GM0796"),
        ("s-hertogenbosch", "GM0796"),
        ("Hertogenbosch", "GM0796"),
        ("Den Bosch", "GM0796"),
        ("den haag", "GM0518"),
        ("Ljouwert", "GM0080"),  # Leeuwarden, as it is called in Frisian
        ("Nuenen", "GM0820"),
        ("Sudwest-Fryslan", "GM1900"),
        ("Súdwest-Fryslân", "GM1900"),
        ("Bergen (NH.)", "GM0373"),
        ("Utrecht", "GM0344"),  # also a region: the municipality says more
        ("Veilig Thuis Midden-Brabant", "VT15"),
        ("midden-brabant", "VT15"),
        ("Friesland", "VT04"),
    ],
)
def test_spelling_variants_find_the_place(content: Content, typed: str, code: str) -> None:
    assert content.places.find(typed).found == code


def test_an_ambiguous_name_gives_suggestions_to_choose_from(content: Content) -> None:
    match = content.places.find("Bergen")
    assert match.found is None
    assert set(match.suggestions) == {"GM0373", "GM0893"}
    assert "GM1945" in content.places.find("Berg").suggestions  # Berg en Dal, Bergeijk, ...
    assert len(content.places.find("B").suggestions) == 8  # never a list too long to read


def test_a_typo_gives_close_suggestions(content: Content) -> None:
    assert "GM0855" in content.places.find("Tilbrug").suggestions


@pytest.mark.parametrize("typed, municipality", [("utreht", "GM0344"), ("groningn", "GM0014")])
def test_a_typo_offers_a_municipality_once_not_beside_its_region_of_the_same_name(
    content: Content, typed: str, municipality: str
) -> None:
    assert content.places.find(typed).suggestions == (municipality,)


def test_a_name_that_is_no_place_gives_nothing(content: Content) -> None:
    match = content.places.find("Atlantis")
    assert match.found is None and match.suggestions == ()


def test_typing_a_municipality_answers_the_question(client: FlaskClient) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    assert type_place(client, "tilburg").location == "/vraag/behoefte"
    page = check_page(client.get("/vraag/woonplaats"))
    assert page.find("input", attrs={"name": "plaats"})["value"] == "Tilburg"
    assert page.find("datalist").find("option", value="Tilburg")


def test_an_ambiguous_name_asks_which_one_and_the_choice_answers(client: FlaskClient) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    page = check_page(type_place(client, "Bergen"))
    choices = {i["value"] for i in page.select('input[name="woonplaats"][type="radio"]')}
    assert choices == {"GM0373", "GM0893"}
    assert not page.find(class_="error-summary")
    response = client.post(
        "/vraag/woonplaats", data={"csrf_token": csrf_token(page), "woonplaats": "GM0893"}
    )
    assert response.location == "/vraag/behoefte"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"plaats": "Atlantis"}, "We kennen geen gemeente met deze naam"),
        ({"plaats": "   "}, "Vul de naam van uw gemeente in"),
        ({}, "Vul de naam van uw gemeente in"),
        ({"woonplaats": "GM9999"}, "Dit antwoord kennen we niet"),
        ({"woonplaats": ["GM0855", "GM0796"]}, "Dit antwoord kennen we niet"),
    ],
)
def test_a_place_that_cannot_be_used_gets_a_clear_error(
    client: FlaskClient, data: dict, message: str
) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    page = check_page(client.get("/vraag/woonplaats"))
    response = client.post("/vraag/woonplaats", data={"csrf_token": csrf_token(page), **data})
    page = check_page(response, status=400)
    link = page.find(class_="error-summary").a
    assert message in link.get_text() and link["href"] == "#woonplaats-plaats"


def test_the_skip_button_wins_over_a_typed_name(client: FlaskClient) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    page = check_page(client.get("/vraag/woonplaats"))
    skip = page.find("button", attrs={"name": "woonplaats"})
    assert skip["value"] == "geen" and "Zeg ik liever niet" in skip.get_text()
    response = client.post(
        "/vraag/woonplaats",
        data={"csrf_token": csrf_token(page), "plaats": "Tilburg", "woonplaats": "geen"},
    )
    assert response.location == "/vraag/behoefte"
    assert (
        check_page(client.get("/vraag/woonplaats")).find("input", attrs={"name": "plaats"})["value"]
        == ""
    )


def test_a_parent_in_tilburg_sees_veilig_thuis_midden_brabant_and_their_municipality(
    client: FlaskClient, content: Content
) -> None:
    html = advice_living_in(client, "Tilburg")
    region = content.places.place("VT15").region
    assert "Veilig Thuis Midden-Brabant" in html
    assert f'href="{region.link("complaints")}"' in html
    assert "website van gemeente Tilburg" in html
    assert "CBS Gebiedsindelingen" not in html  # its sources are on the privacy page


def test_a_parent_who_skips_the_question_sees_the_national_route(client: FlaskClient) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "geen"})
    answer_all(client, EVERY_REGIONAL_CARD)
    page = check_page(client.get("/advies"))
    assert not page.select(".card__regional")
    complaint = page.find(id="dienst-vt_klacht").find_parent("article")
    assert "klachtenfunctionaris" in text_of(complaint.find(class_="contact"))
    assert "0800-2000" not in text_of(complaint)  # the line for reports takes no complaints


@pytest.mark.parametrize("code", [row["vt_code"] for row in rows("veilig_thuis.csv")])
def test_every_region_shows_only_verified_links_and_always_something_to_do(
    app: Flask, content: Content, code: str
) -> None:
    region = content.places.place(code).region
    municipality = next(m for m in content.places.municipalities if m.region == code)
    verified = {url for kind in SUBJECTS if (url := region.link(kind))}
    jeugdstem = content.service("jeugdstem").contact[0].value
    for typed in (region.organisation or region.name, municipality.name):
        html = advice_living_in(app.test_client(), typed)
        assert "UNVERIFIED" not in html
        blocks = [
            block
            for block in BeautifulSoup(html, "html.parser").select(".card__regional")
            if block.h4.get_text().startswith("Uw Veilig Thuis")
        ]
        assert len(blocks) == 3  # the cards with the visitor's own Veilig Thuis
        for block in blocks:
            kind = content.service(block.find_parent("article").h3["id"][7:]).regional
            links = {a["href"] for a in block.find_all("a")}
            assert links <= verified | {jeugdstem}
            if kind == "complaints" and not region.link(kind):  # Jeugdstem helps complain
                assert jeugdstem in links
                assert "0800-2000" not in text_of(block)  # the line for reports
            elif not region.link(kind):  # the region's site, or the national number
                assert links or "0800-2000" in text_of(block)


def test_the_regions_page_lists_every_region_with_its_counts_and_the_cbs_source(
    client: FlaskClient,
) -> None:
    page = check_page(client.get("/veilig-thuis-regios"))
    counts = Counter(row["vt_code"] for row in rows("gemeenten.csv"))
    assert len(counts) == 25
    for code, count in counts.items():
        section = page.find(id=f"regio-{code}").parent
        assert section.summary.get_text().startswith(f"{count} gemeente")
    assert "UNVERIFIED" not in str(page)
    assert "CBS Gebiedsindelingen" not in text_of(page)
    privacy = text_of(check_page(client.get("/privacy")))  # the sources, with their licences
    assert "Bron: CBS Gebiedsindelingen (CC BY 4.0); eigen bewerking." in privacy


def test_skipping_the_place_changes_nothing_else_in_the_advice(content: Content) -> None:
    def advice_for(answers: dict) -> list[tuple[str, str, tuple]]:
        return [(a.service.id, a.priority, a.notes) for a in advise(content, answers)]

    for answers in islice(answer_sets(content), 0, None, 199):
        skipped = advice_for(answers)
        for code in ("GM0855", "VT12", "GM0344"):
            assert advice_for({**answers, "woonplaats": (code,)}) == skipped


def test_a_handover_link_keeps_the_own_veilig_thuis_but_not_where_the_family_lives(
    app: Flask, client: FlaskClient
) -> None:
    advice_living_in(client, "Tilburg")
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    payload = handover_payload(app, link)
    assert payload["region"] == "VT15"
    assert "GM0855" not in json.dumps(payload) and "Tilburg" not in json.dumps(payload)
    opened = app.test_client().get(link.removeprefix("http://localhost")).get_data(as_text=True)
    assert "Tilburg" not in opened
    assert "Uw Veilig Thuis: Veilig Thuis Midden-Brabant" in opened
    assert 'href="https://veiligthuismiddenbrabant.nl/"' in opened


def test_the_handout_has_the_own_veilig_thuis_but_not_where_the_family_lives(
    client: FlaskClient,
) -> None:
    advice_living_in(client, "Tilburg")
    html = client.get("/advies/uitdraai").get_data(as_text=True)
    assert "Tilburg" not in html
    assert "Uw Veilig Thuis: Veilig Thuis Midden-Brabant" in html


def test_guide_links_lists_every_external_address_with_its_entry(app: Flask) -> None:
    output = app.test_cli_runner().invoke(args=["guide", "links"]).output
    lines = [line.split("\t") for line in output.splitlines()]
    assert [
        "service 'politie_aangifte'",
        "https://www.politie.nl/onderwerpen/aangifte-doen.html",
    ] in lines
    assert [
        "region 'VT15' complaints",
        "https://veiligthuismiddenbrabant.nl/mijn-rechten-als-client/",
    ] in lines
    assert not any("UNVERIFIED" in line for line in output.splitlines())


class _Site(BaseHTTPRequestHandler):
    """A local stand-in for the web: /ok answers, /weg is gone, /alleen-get refuses HEAD."""

    def do_HEAD(self) -> None:
        self.send_response({"/ok": 200, "/alleen-get": 405}.get(self.path, 404))
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200 if self.path in ("/ok", "/alleen-get") else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_link_check_tells_live_from_dead_addresses(site: str) -> None:
    assert problem_with(f"{site}/ok") is None
    assert problem_with(f"{site}/alleen-get") is None
    assert problem_with(f"{site}/weg") == "HTTP 404"
    assert problem_with("http://127.0.0.1:1/", timeout=2) is not None


def test_guide_links_check_reports_dead_links_and_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    fixture = Path(__file__).parent / "fixtures" / "places"
    app = create_app({**TEST_CONFIG, "CONTENT_DIR": str(fixture)})
    # Region links are https only, which a local stand-in cannot be: the check itself is
    # tested above, against one; here every address the content has goes through it.
    asked: list[str] = []

    def answered(url: str) -> str | None:
        asked.append(url)
        return "HTTP 404" if url.endswith("/klacht") else None

    monkeypatch.setattr(cli, "problem_with", answered)
    result = app.test_cli_runner().invoke(args=["guide", "links", "--check"])
    assert result.exit_code == 1
    assert "region 'VT15' complaints\thttps://example.org/klacht\tDEAD: HTTP 404" in result.output
    assert "region 'VT15' website\thttps://example.org/\n" in result.output
    assert "municipality 'GM0855' team\thttps://example.org/tilburg/wijkteam\n" in result.output
    assert "2 dead link(s)." in result.output  # the service's complaints page too
    assert len(asked) == 6
