# SPDX-License-Identifier: EUPL-1.2
"""Letters to send to Veilig Thuis: made from what the visitor types, and that is kept nowhere."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from guide.content import Content
from guide.dates import today
from guide.letters import BLANK
from tests.helpers import (
    answer_all,
    check_page,
    cookie_payload,
    leave_by,
    letter_data,
    make_letter,
    session_of,
    text_of,
)
from tests.test_languages import choose, leaked_dutch

LETTERS = ["inzage", "correctie", "vernietiging", "klacht", "gesprek", "hulp"]
# Every field filled in, each value one that cannot appear on a page by chance.
TYPED = {
    "name": "Jolanda Zwanenburg-Qvist",
    "address": "Kwikstaartlaan 17\n5021 XQ Tilburg",
    "birth_date": "14-03-1986",
    "children": "Mirthe Qvist (3-5-2018)",
    "gezag": "y",
    "report_date": "2025-10-02",
    "own_words": "Het onderzoek duurde lang en niemand belde mij terug.",
}
IN_TILBURG = {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "GM0855"}


SIX_WEEKS = "Dan heeft u meestal maar zes weken om bezwaar te maken of de rechter te vragen."


def asked(content: Content, letter_id: str) -> dict[str, str]:
    letter = content.letters.letter(letter_id)
    return {k: v for k, v in TYPED.items() if k == "name" or k in letter.fields}


def the_letter(response) -> BeautifulSoup:
    return check_page(response).find("article", class_="letter")


def addressee(letter: BeautifulSoup) -> str:
    return letter.find_all("p")[1].get_text()


def test_each_card_with_letters_offers_them_and_each_form_opens(client: FlaskClient) -> None:
    page = check_page(client.get("/alle-hulp"))
    links = [a["href"] for a in page.select(".card__letters a")]
    assert sorted(links) == sorted(f"/brief/{letter}" for letter in LETTERS)
    for card, letters in [
        ("vt_dossier", {"inzage", "correctie", "vernietiging"}),
        ("vt_klacht", {"klacht"}),
        ("vt_nazorg", {"gesprek"}),
        ("drang", {"hulp"}),
    ]:
        offered = page.find(id=f"dienst-{card}").find_parent("article").select(".card__letters a")
        assert {a["href"].rsplit("/", 1)[1] for a in offered} == letters
    for link in links:
        form = check_page(client.get(link)).find("main").find("form")
        assert form["method"] == "post" and form.find("input", id="name")


def test_an_unknown_letter_gets_the_friendly_not_found_page(client: FlaskClient) -> None:
    page = check_page(client.get("/brief/bestaat-niet"), status=404)
    assert "Deze pagina bestaat niet" in text_of(page)


def test_a_form_asks_only_what_its_letter_needs(client: FlaskClient) -> None:
    complaint = check_page(client.get("/brief/klacht"))
    assert not complaint.find(id="children") and not complaint.find(id="birth_date")
    access = check_page(client.get("/brief/inzage"))
    assert "gezag" in text_of(access.find(id="children-hint"))
    assert access.find(id="children")["aria-describedby"] == "children-hint"
    # The visitor's own details may come from the browser (WCAG 1.3.5); nothing about others.
    typed_in = access.select("form input[type=text], form textarea")
    filled = {f["id"]: f["autocomplete"] for f in typed_in}
    assert filled == {
        "name": "name",
        "address": "street-address",
        "birth_date": "bday",
        "children": "off",
        "report_date": "off",
        "own_words": "off",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Vul uw naam in."),
        ("name", "   ", "Vul uw naam in."),
        ("name", "J" * 101, "is te lang. Maak het korter. Er passen ongeveer 20 woorden in."),
        ("name", "Jan\x00Jansen", "een teken dat we niet kunnen gebruiken"),
        ("name", "Jan\u202eJansen", "een teken dat we niet kunnen gebruiken"),
        ("name", "Jan\nJansen", "een teken dat we niet kunnen gebruiken"),
        ("address", "A" * 201, "is te lang. Maak het korter. Er passen ongeveer 30 woorden in."),
        ("birth_date", "31-02-1986", "niet lezen als datum"),
        ("birth_date", "gisteren", "niet lezen als datum"),
        ("birth_date", "maart 1986", "ook de dag"),
        ("birth_date", "1-1-1886", "is heel lang geleden"),
        ("report_date", "01-01-2999", "ligt in de toekomst"),
        ("children", "x" * 201, "is te lang. Maak het korter. Er passen ongeveer 30 woorden in."),
        ("own_words", "x" * 501, "is te lang. Maak het korter. Er passen ongeveer 80 woorden in."),
        ("own_words", "Bel\x07mij", "een teken dat we niet kunnen gebruiken"),
    ],
)
def test_bad_input_shows_the_form_again_with_a_friendly_error_at_the_field(
    client: FlaskClient, field: str, value: str, message: str
) -> None:
    response = make_letter(client, "inzage", {**TYPED, field: value})
    page = check_page(response, status=400)
    assert page.title.get_text().startswith("Fout: ")
    link = page.find(class_="error-summary").find("a")
    assert message in link.get_text()
    assert link["href"] == f"#{field}" and page.find(id=f"{field}-error")
    assert not page.find("article", class_="letter")


@pytest.mark.parametrize(("letter_id", "longest"), [("correctie", 800), ("vernietiging", 300)])
def test_a_letter_gives_the_visitors_own_words_the_room_it_can_print(
    client: FlaskClient, letter_id: str, longest: int
) -> None:
    fits = {"name": "Jolanda Qvist", "own_words": "x" * longest}
    assert "x" * longest in text_of(the_letter(make_letter(client, letter_id, fits)))
    page = make_letter(client, letter_id, {**fits, "own_words": "x" * (longest + 1)})
    error = text_of(check_page(page, status=400).find(id="own_words-error"))
    assert "Maak het korter." in error and "tekens" not in error


def test_a_typed_date_may_be_written_in_several_ways(client: FlaskClient) -> None:
    for written in ["14-03-1986", "14/3/1986", "14.03.1986", "1986-03-14"]:
        letter = the_letter(make_letter(client, "inzage", {**TYPED, "birth_date": written}))
        assert "Geboortedatum: 14 maart 1986" in text_of(letter)


@pytest.mark.parametrize("letter_id", LETTERS)
def test_each_letter_holds_what_was_typed_and_is_addressed_to_the_visitors_own_veilig_thuis(
    client: FlaskClient, content: Content, letter_id: str
) -> None:
    answer_all(client, IN_TILBURG)
    letter = the_letter(make_letter(client, letter_id, asked(content, letter_id)))
    text = text_of(letter)
    assert letter["lang"] == "nl" and letter["dir"] == "ltr"
    assert "Veilig Thuis Midden-Brabant" in text
    assert BLANK in text  # no address of VT Midden-Brabant was seen: a line to fill in
    assert format_date(today(), "long", locale="nl") in text
    assert content.letters.letter(letter_id).subject in text
    assert "Kwikstaartlaan 17" in text and "Jolanda Zwanenburg-Qvist" in text
    assert "Het gaat om de melding van 2 oktober 2025." in text
    assert TYPED["own_words"] in text
    assert not letter.find(class_="letter__translation")


def test_a_paragraph_for_an_empty_field_is_left_out(client: FlaskClient) -> None:
    letter = the_letter(make_letter(client, "inzage", {"name": "Jolanda Qvist"}))
    assert "melding van" not in text_of(letter) and "gezag" not in text_of(letter)


def test_a_verified_postal_address_is_used_for_the_letter_it_was_published_for_only(
    client: FlaskClient,
) -> None:
    answer_all(client, {**IN_TILBURG, "woonplaats": "GM0361"})
    typed = {"name": "Jolanda Qvist", "own_words": TYPED["own_words"]}
    complaint = addressee(the_letter(make_letter(client, "klacht", typed)))
    assert complaint == "Veilig Thuis Noord-Holland Noord\nPostbus 224\n1800 AE Alkmaar"
    access = addressee(the_letter(make_letter(client, "inzage", {"name": "Jolanda Qvist"})))
    assert access == f"Veilig Thuis Noord-Holland Noord\n{BLANK}\n{BLANK}"


def test_without_a_place_the_letter_has_lines_to_fill_in_and_a_way_to_find_the_region(
    client: FlaskClient,
) -> None:
    page = check_page(make_letter(client, "gesprek", {"name": "Jolanda Qvist"}))
    letter = page.find("article", class_="letter")
    assert addressee(letter) == f"Veilig Thuis\n{BLANK}\n{BLANK}"
    assert page.find("main").find("a", href="/veilig-thuis-regios")


def test_the_letter_page_says_what_to_enclose_and_when_an_answer_is_due(
    client: FlaskClient,
) -> None:
    page = text_of(check_page(make_letter(client, "inzage", {"name": "Jolanda Qvist"})))
    assert "BSN en uw foto onleesbaar" in page and "binnen een maand antwoorden" in page


def test_the_letter_comes_as_plain_text_to_copy_and_to_download(
    client: FlaskClient, content: Content
) -> None:
    page = check_page(make_letter(client, "inzage", TYPED))
    copy = page.find("textarea", id="brief-tekst")
    assert copy.has_attr("readonly") and page.find("label", attrs={"for": "brief-tekst"})
    assert "Jolanda Zwanenburg-Qvist" in copy.get_text()
    form = copy.find_parent("form")
    data = {i["name"]: i["value"] for i in form.find_all("input")}
    response = client.post("/brief/inzage", data={**data, "format": "txt"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="brief-inzage.txt"'
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"].startswith("noindex")
    text = response.get_data(as_text=True)
    assert text == copy.get_text().lstrip("\n")
    assert text.startswith("Jolanda Zwanenburg-Qvist\nKwikstaartlaan 17\n5021 XQ Tilburg\n")
    assert "artikel 15 van de AVG" in text and TYPED["own_words"] in text


def test_changing_the_letter_shows_the_form_with_what_was_typed(client: FlaskClient) -> None:
    page = check_page(make_letter(client, "inzage", TYPED))
    data = {i["name"]: i["value"] for i in page.find("main").find("form").find_all("input")}
    form = check_page(client.post("/brief/inzage", data={**data, "format": "wijzigen"}))
    assert form.find(id="name")["value"] == TYPED["name"]
    assert form.find(id="address").get_text() == TYPED["address"]
    assert not form.find("article", class_="letter")


def test_what_was_typed_is_shown_as_text_never_as_markup(client: FlaskClient) -> None:
    response = make_letter(
        client, "klacht", {"name": "<b>Jan</b>", "own_words": "<script>x</script>"}
    )
    html = response.get_data(as_text=True)
    assert "<script>x</script>" not in html and "<b>Jan</b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize("code", ["ar", "en", "uk"])
def test_on_a_page_in_another_language_the_letter_stays_dutch_with_a_translation_beside_it(
    client: FlaskClient, content: Content, code: str
) -> None:
    choose(client, code)
    page = check_page(make_letter(client, "inzage", TYPED))
    letter = page.find("article", class_="letter")
    assert letter["lang"] == "nl" and letter["dir"] == "ltr"
    assert "artikel 15 van de AVG. En op grond van artikel 5.3.2 van de Wmo 2015." in text_of(
        letter
    )
    beside = letter.select(".letter__pair .letter__translation")
    paragraphs = letter.select(".letter__pair > p:not(.letter__translation)")
    assert len(beside) == len(paragraphs) == 6  # the subject and five paragraphs
    assert all(t["lang"] == code for t in beside)
    assert all(t["dir"] == ("rtl" if code == "ar" else "ltr") for t in beside)
    assert "15" in beside[1].get_text() and "5.3.2" in beside[1].get_text()
    assert "artikel" not in beside[1].get_text()
    # As typed, but for the marks that keep its numbers left to right and unbroken in Arabic.
    filled_in = re.sub("[\u2066\u2068\u2069]", "", beside[3].get_text()).replace("\u2011", "-")
    assert TYPED["children"] in filled_in  # with the same values
    letter.decompose()  # outside the letter and its text to copy, nothing is left in Dutch
    page.find("textarea", id="brief-tekst").decompose()
    assert leaked_dutch(code, text_of(page)) == []


def test_the_arabic_translation_writes_the_date_in_arabic(client: FlaskClient) -> None:
    choose(client, "ar")
    letter = the_letter(make_letter(client, "inzage", TYPED))
    pair = next(p for p in letter.select(".letter__pair") if "melding" in p.get_text())
    dutch, arabic = pair.find_all("p")
    assert dutch.get_text() == "Het gaat om de melding van 2 oktober 2025."
    assert format_date(dt.date(2025, 10, 2), "long", locale="ar") in arabic.get_text()


def typed_values_in(text: str) -> list[str]:
    typed = [v for field, v in TYPED.items() if field != "gezag"]  # a ticked box says only "y"
    values = [*typed, "Kwikstaartlaan", "Zwanenburg", "Mirthe", "1986", "2025-10-02"]
    return [v for v in values if v in text]


def test_nothing_typed_in_a_letter_reaches_the_session_cookie(
    app: Flask, client: FlaskClient
) -> None:
    answer_all(client, IN_TILBURG)
    before = session_of(client)
    response = make_letter(client, "inzage", TYPED)
    assert response.status_code == 200
    page = check_page(response)
    data = {i["name"]: i["value"] for i in page.find("main").find("form").find_all("input")}
    client.post("/brief/inzage", data={**data, "format": "txt"})
    client.post("/brief/inzage", data={**data, "format": "wijzigen"})
    after = cookie_payload(client)
    assert typed_values_in(json.dumps(after)) == []
    stored = after["data"]
    # Only what every form adds: its token, and the visit's mark in the field names.
    assert stored == before | {key: stored[key] for key in ("csrf_token", "visit")}


def test_nothing_typed_in_a_letter_reaches_a_log_line(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    make_letter(client, "inzage", TYPED)
    make_letter(client, "inzage", {**TYPED, "birth_date": "31-02-1986"})  # an error, too
    lines = [r.getMessage() for r in caplog.records]
    assert "POST /brief/<letter_id> 200" in " ".join(lines)
    assert typed_values_in(caplog.text) == []


def test_two_visitors_writing_letters_at_once_never_see_each_others_values(app: Flask) -> None:
    first, second = app.test_client(), app.test_client()
    forms = [check_page(c.get("/brief/klacht")) for c in (first, second)]
    names = ["Annemiek Oudeboom", "Bartholomeus Kraai"]
    pages = [
        check_page(
            client.post(
                "/brief/klacht",
                data=letter_data(form, {"name": name, "own_words": "Geen antwoord."}),
            )
        )
        for client, form, name in zip((first, second), forms, names, strict=True)
    ]
    for page, mine, theirs in zip(pages, names, reversed(names), strict=False):
        assert mine in text_of(page) and theirs not in text_of(page)
    for client in (first, second):
        again = client.get("/brief/klacht").get_data(as_text=True)
        assert not any(name in again for name in names)


@pytest.mark.parametrize("path", ["/brief/inzage"])
def test_letter_pages_are_never_stored_or_indexed(client: FlaskClient, path: str) -> None:
    for response in [client.get(path), make_letter(client, "inzage", TYPED)]:
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Robots-Tag"].startswith("noindex")


def test_typed_values_never_go_into_an_address(client: FlaskClient) -> None:
    page = check_page(make_letter(client, "inzage", TYPED))
    assert all(
        form["method"] == "post" and not form.get("action")
        for form in page.find_all("form")
        if form.find("input", attrs={"name": "name"})
    )
    assert typed_values_in(" ".join(a["href"] for a in page.find_all("a"))) == []
    assert client.get("/brief/inzage?name=Jan").status_code == 200
    assert "Jan" not in text_of(check_page(client.get("/brief/inzage?name=Jan")))


@pytest.mark.parametrize("way", ["opnieuw", "weg", "nieuw"])
def test_after_a_wipe_the_letter_form_has_names_the_browser_never_saw(
    client: FlaskClient, way: str
) -> None:
    # The browser puts typed values back by field name into a page shown again with Back.
    if way == "nieuw":
        leave_by(client, "nieuw")
    names = [field_names(client) for _ in range(2)]
    assert names[0] == names[1]  # the same visit: a letter changed keeps what was typed
    leave_by(client, way)
    after = field_names(client)
    assert after.isdisjoint(names[0]) and len(after) == len(names[0])


def field_names(client: FlaskClient) -> set[str]:
    form = check_page(client.get("/brief/inzage")).find("main").find("form")
    return {field["name"] for field in form.select("input, textarea")}


def test_in_intake_mode_the_browser_offers_no_clients_details(client: FlaskClient) -> None:
    leave_by(client, "nieuw")  # intake mode on
    form = check_page(client.get("/brief/inzage")).find("main").find("form")
    assert {f["autocomplete"] for f in form.select("input[type=text], textarea")} == {"off"}


def paragraphs_of(response) -> list[str]:
    return [text_of(p) for p in the_letter(response).select(".letter__pair > p")]


def test_a_parent_who_said_they_have_no_gezag_asks_for_important_information_only(
    client: FlaskClient,
) -> None:
    answer_all(client, {**IN_TILBURG, "wie": "ouder_zonder_gezag"})
    form = check_page(client.get("/brief/inzage"))
    assert form.find(id="children") and not form.find(id="gezag")  # not asked a second time
    typed = {"name": "Jolanda Qvist", "children": "Mirthe Qvist (3-5-2018)"}
    text = text_of(the_letter(make_letter(client, "inzage", typed)))
    assert "Ik heb gezag" not in text
    assert "Ik vraag ook om belangrijke informatie over mijn kinderen." in text
    assert "Mirthe Qvist (3-5-2018)" in text


def test_without_any_answers_a_named_child_does_not_make_the_parent_one_with_gezag(
    client: FlaskClient,
) -> None:
    typed = {"name": "Jolanda Qvist", "children": "Mirthe Qvist (3-5-2018)"}
    assert "Ik heb gezag" not in text_of(the_letter(make_letter(client, "inzage", typed)))


def test_a_parent_who_said_they_have_gezag_finds_the_box_ticked_and_may_untick_it(
    client: FlaskClient,
) -> None:
    answer_all(client, IN_TILBURG)  # wie: ouder_gezag
    assert check_page(client.get("/brief/inzage")).find(id="gezag").has_attr("checked")
    typed = {"name": "Jolanda Qvist", "children": "Mirthe Qvist (3-5-2018)"}
    with_gezag = text_of(the_letter(make_letter(client, "inzage", {**typed, "gezag": "y"})))
    assert "Ik heb gezag over mijn kinderen." in with_gezag
    unticked = text_of(the_letter(make_letter(client, "inzage", typed)))
    assert "Ik heb gezag" not in unticked and "belangrijke informatie" in unticked


def test_an_unticked_box_is_not_sent_back_with_the_letter_and_a_ticked_one_is(
    client: FlaskClient,
) -> None:
    page = check_page(make_letter(client, "inzage", {"name": "Jolanda Qvist"}))
    assert not page.select('form input[type="hidden"][name$="-gezag"]')
    page = check_page(make_letter(client, "inzage", {"name": "Jolanda Qvist", "gezag": "y"}))
    assert page.select_one('form input[type="hidden"][name$="-gezag"]')["value"] == "y"


@pytest.mark.parametrize(
    ("children", "message"),
    [
        ("Daan Qvist (3-5-2012)", "Een kind van 12 jaar of ouder vraagt dit zelf."),
        ("Daan Qvist (3-5-2018), Sem Qvist (1-1-2014)", "Een kind van 12 jaar of ouder"),
        ("Daan Qvist", "achter elke naam de geboortedatum"),
    ],
)
def test_a_parent_asks_destruction_only_for_a_child_under_twelve_with_a_birth_date(
    client: FlaskClient, children: str, message: str
) -> None:
    typed = {"name": "Jolanda Qvist", "children": children, "gezag": "y"}
    page = check_page(make_letter(client, "vernietiging", typed), status=400)
    assert message in text_of(page.find(id="children-error"))
    assert not page.find("article", class_="letter")


def test_without_gezag_a_parent_cannot_ask_destruction_for_a_child(client: FlaskClient) -> None:
    typed = {"name": "Jolanda Qvist", "children": "Daan Qvist (3-5-2018)"}
    page = check_page(make_letter(client, "vernietiging", typed), status=400)
    assert "Alleen een ouder met gezag vraagt dit voor een kind." in text_of(page)


def test_a_young_person_of_twelve_or_more_reads_that_they_ask_destruction_themselves(
    client: FlaskClient,
) -> None:
    answer_all(client, {**IN_TILBURG, "wie": "jongere_12_15"})
    form = check_page(client.get("/brief/vernietiging"))
    assert "Bent u 12 jaar of ouder? Dan vraagt u dat zelf" in text_of(form.find("main"))
    assert "onder de 12 jaar" in form.find("label", attrs={"for": "children"}).get_text()
    own = paragraphs_of(make_letter(client, "vernietiging", {"name": "Sem Qvist"}))
    assert any("alle gegevens over mij te vernietigen" in p for p in own)
    assert not any("gezag" in p for p in own)


def test_the_destruction_letter_rests_on_the_wmo_and_asks_for_confirmation_and_recipients(
    client: FlaskClient,
) -> None:
    answer_all(client, IN_TILBURG)  # stand: weerlegd, wie: ouder_gezag
    typed = {"name": "Jolanda Qvist", "children": "Daan Qvist (3-5-2018)", "gezag": "y"}
    typed["refuted"] = "y"
    text = text_of(the_letter(make_letter(client, "vernietiging", typed)))
    assert (
        "op grond van artikel 5.3.5 van de Wmo 2015. En op grond van artikel 17 van de AVG" in text
    )
    assert "binnen drie maanden" in text
    assert "Ik heb gezag over mijn kinderen. Zij zijn jonger dan 12 jaar." in text
    assert "schriftelijk bevestigen" in text and "artikel 19 van de AVG" in text
    assert "wiens belang het bewaren nodig maakt" in text and "welke wet" in text
    assert "In 2017 schreef de staatssecretaris van VWS dat Veilig Thuis" in text
    assert "Sinds" not in text and "beleid" not in text
    assert "Een vernietigd dossier is weg" not in text  # the warning is for the page


def test_the_destruction_page_warns_that_a_destroyed_file_is_gone_and_to_ask_a_copy_first(
    client: FlaskClient,
) -> None:
    form = text_of(check_page(client.get("/brief/vernietiging")).find("main"))
    page = check_page(make_letter(client, "vernietiging", {"name": "Jolanda Qvist"}))
    page.find("article", class_="letter").decompose()
    page.find("textarea", id="brief-tekst").decompose()
    for text in (form, text_of(page.find("main"))):
        assert "Een vernietigd dossier is weg." in text
        assert "Vraag daarom eerst om een kopie van uw dossier." in text


@pytest.mark.parametrize("letter_id", ["inzage", "vernietiging"])
def test_the_letter_pages_about_a_refusal_name_the_six_weeks(
    client: FlaskClient, letter_id: str
) -> None:
    assert SIX_WEEKS in text_of(check_page(client.get(f"/brief/{letter_id}")))
    page = check_page(make_letter(client, letter_id, {"name": "Jolanda Qvist"}))
    assert SIX_WEEKS in text_of(page) and SIX_WEEKS not in text_of(the_letter_of(page))


def the_letter_of(page: BeautifulSoup) -> BeautifulSoup:
    return page.find("article", class_="letter")


def test_the_access_letter_asks_the_copies_purposes_recipients_retention_and_source(
    client: FlaskClient,
) -> None:
    text = text_of(the_letter(make_letter(client, "inzage", {"name": "Jolanda Qvist"})))
    assert "een kopie van de stukken zelf" in text
    assert "artikel 15 van de AVG. En op grond van artikel 5.3.2 van de Wmo 2015." in text
    for asked_for in ["waarvoor u mijn gegevens gebruikt", "aan wie u ze gaf", "hoe lang"]:
        assert asked_for in text
    assert "van wie u ze kreeg, voor zover u dat mag zeggen?" in text
    assert "binnen die maand weten, met de reden (artikel 12 lid 3 van de AVG)" in text
    assert "Weigert u iets? Schrijf dan waarom, en hoe ik bezwaar kan maken." in text


@pytest.mark.parametrize(
    ("letter_id", "message"),
    [
        ("correctie", "Schrijf wat er volgens u niet klopt in uw dossier."),
        ("klacht", "Schrijf wat er gebeurde: wanneer, en wie het deed."),
    ],
)
def test_the_correction_and_the_complaint_need_the_visitors_own_words(
    client: FlaskClient, letter_id: str, message: str
) -> None:
    page = check_page(make_letter(client, letter_id, {"name": "Jolanda Qvist"}), status=400)
    link = page.find(class_="error-summary").find("a")
    assert link["href"] == "#own_words" and message in link.get_text()


def test_the_correction_starts_from_the_file_read_and_asks_to_tell_the_recipients(
    client: FlaskClient,
) -> None:
    form = check_page(client.get("/brief/correctie"))
    assert "Vraag dan eerst om inzage:" in text_of(form.find("main"))
    assert "bijlage" in text_of(form.find(id="own_words-hint"))
    wrong = "Er staat dat ik niet meewerkte. " * 20  # room for more than a usual field
    text = text_of(
        the_letter(make_letter(client, "correctie", {"name": "J. Q.", "own_words": wrong}))
    )
    assert text.index("Ik heb mijn dossier bij Veilig Thuis gelezen.") < text.index(wrong.strip())
    assert "artikel 16 van de AVG. En op grond van artikel 5.3.2 lid 5 van de Wmo 2015." in text
    assert "laat mij weten wie dat zijn (artikel 19 van de AVG)" in text
    assert "een kopie van het verbeterde dossier" in text


def test_the_complaint_asks_which_term_applies_and_adds_only_the_lines_ticked(
    client: FlaskClient,
) -> None:
    form = check_page(client.get("/brief/klacht"))
    assert "machtiging" in text_of(form.find(id="name-hint"))
    typed = {"name": "Jolanda Qvist", "own_words": "Op 12 mei belde niemand terug."}
    plain = paragraphs_of(make_letter(client, "klacht", typed))
    assert any("welke termijn uw klachtenregeling noemt" in p for p in plain)
    assert not any("klachtencommissie." in p or "bijstaan" in p or "kopie" in p for p in plain)
    every = {**typed, "committee": "y", "rules_copy": "y", "assisted_by": "Anna de Vries"}
    text = " ".join(paragraphs_of(make_letter(client, "klacht", every)))
    assert "Ik wil mijn klacht meteen voorleggen aan de klachtencommissie." in text
    assert "Bij mijn klacht laat ik mij bijstaan door: Anna de Vries." in text
    assert "een kopie van uw klachtenregeling sturen? Daar heb ik recht op (artikel 4.2.11" in text


@pytest.mark.parametrize(
    ("stand", "box"),
    [
        ("weerlegd", "ticked"),
        ("weet_niet", "unticked"),
        ("loopt", None),
        ("niet_bevestigd", None),
        ("bevestigd", None),
        ("overgedragen", None),
    ],
)
def test_a_refuted_concern_is_asked_only_where_the_answers_leave_it_open(
    client: FlaskClient, stand: str, box: str | None
) -> None:
    answer_all(client, {**IN_TILBURG, "stand": stand})
    refuted = check_page(client.get("/brief/vernietiging")).find(id="refuted")
    assert (refuted and ("ticked" if refuted.has_attr("checked") else "unticked")) == box


@pytest.mark.parametrize("stand", ["niet_bevestigd", "bevestigd", "loopt", "overgedragen"])
def test_a_letter_never_says_the_concern_was_refuted_after_another_outcome(
    client: FlaskClient, stand: str
) -> None:
    answer_all(client, {**IN_TILBURG, "stand": stand})
    form = check_page(client.get("/brief/vernietiging"))
    visit_mark = form.find(id="name")["name"].removesuffix("name")
    typed = {"name": "Jolanda Qvist", f"{visit_mark}refuted": "y"}  # a box forged into the form
    text = text_of(the_letter(make_letter(client, "vernietiging", typed)))
    assert "Jolanda Qvist" in text
    assert "niet klopten" not in text
