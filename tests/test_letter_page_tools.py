# SPDX-License-Identifier: EUPL-1.2
"""What the letter page offers to do with the letter: print it, download it as a PDF, mail it,
go back to the advice; and own words in another script kept as a note, never in the letter."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from pypdf import PdfReader

from guide.content import Content
from guide.letters import BLANK
from tests.helpers import answer_all, check_page, cookie_payload, make_letter, text_of
from tests.journeys import EVERY_QUESTION
from tests.test_languages import choose
from tests.test_letter_pages import IN_TILBURG, LETTERS, TYPED, asked

A4_POINTS = (595, 842)  # 210 by 297 mm in PostScript points, rounded
ARABIC_WORDS = "أريد أن أعرف لماذا لم يتصل بي أحد"


def again(client: FlaskClient, page: BeautifulSoup, letter_id: str, action: str):
    """Post the letter page's own form again, as one of its buttons does."""
    form = page.find("form", id="brief")
    data = {i["name"]: i["value"] for i in form.find_all("input")}
    return client.post(f"/brief/{letter_id}", data={**data, "format": action})


def pdf_of(response) -> PdfReader:
    assert response.status_code == 200
    return PdfReader(io.BytesIO(response.get_data()))


def test_the_print_button_is_a_comfort_and_the_page_says_how_to_print_without_it(
    client: FlaskClient,
) -> None:
    page = check_page(make_letter(client, "inzage", TYPED))
    button = page.find("button", attrs={"data-print": True})
    assert button.get_text() == "Print deze brief" and button.has_attr("hidden")
    assert button["type"] == "button"  # it sends nothing
    assert page.find("script", src=lambda src: src and "print" in src)
    assert "Printen kan met de printknop of het menu van uw browser." in text_of(page)


@pytest.mark.parametrize("letter_id", LETTERS)
def test_each_letter_filled_in_downloads_as_one_a4_page_of_pdf_with_its_dutch_text(
    client: FlaskClient, content: Content, letter_id: str
) -> None:
    answer_all(client, IN_TILBURG)
    page = check_page(make_letter(client, letter_id, asked(content, letter_id)))
    response = again(client, page, letter_id, "pdf")
    assert response.headers["Content-Type"] == "application/pdf"
    assert (
        response.headers["Content-Disposition"] == f'attachment; filename="brief-{letter_id}.pdf"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"].startswith("noindex")
    assert "Set-Cookie" not in response.headers or TYPED["name"] not in cookie_payload(client)
    pdf = pdf_of(response)
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(box.width), round(box.height)) == A4_POINTS
    text = " ".join(pdf.pages[0].extract_text().split())
    letter = content.letters.letter(letter_id)
    assert "Geachte heer, mevrouw," in text and "Met vriendelijke groet," in text
    assert " ".join(letter.subject.split()) in text and "Jolanda Zwanenburg-Qvist" in text


def test_the_pdf_of_a_page_in_arabic_holds_the_dutch_letter_only(client: FlaskClient) -> None:
    choose(client, "ar")
    page = check_page(make_letter(client, "gesprek", {"name": "Jolanda Qvist"}))
    assert page.find(class_="letter__translation")
    text = pdf_of(again(client, page, "gesprek", "pdf")).pages[0].extract_text()
    assert "Ik vraag u om een gesprek" in " ".join(text.split())
    assert not any("\u0600" <= c <= "\u06ff" for c in text)


def test_the_plain_text_has_no_lines_to_fill_in_by_hand(client: FlaskClient) -> None:
    page = check_page(make_letter(client, "inzage", {"name": "Jolanda Qvist"}))
    assert BLANK in text_of(page.find("article"))  # on paper: lines to write the address on
    copy = page.find("textarea", id="brief-tekst").get_text()
    download = again(client, page, "inzage", "txt").get_data(as_text=True)
    assert BLANK not in copy and BLANK not in download and "…" not in download
    assert download.startswith("Jolanda Qvist\n\nVeilig Thuis\n\nDatum:")


@pytest.mark.parametrize(("answered", "back"), [(True, "/advies"), (False, "/alle-hulp")])
def test_the_letter_page_leads_back_to_the_advice_and_to_the_form(
    client: FlaskClient, answered: bool, back: str
) -> None:
    if answered:
        answer_all(client, EVERY_QUESTION)
    page = check_page(make_letter(client, "inzage", {"name": "Jolanda Qvist"}))
    assert page.find("a", string="Terug naar het advies")["href"] == back
    assert page.find("button", value="wijzigen").get_text() == "Brief aanpassen"


def test_where_the_data_has_an_e_mail_address_the_page_and_the_copy_link_to_it(
    client: FlaskClient, content: Content
) -> None:
    answer_all(client, {**IN_TILBURG, "woonplaats": content.places.find("Leiden").found})
    page = check_page(make_letter(client, "klacht", {"name": "Jo", "own_words": "Niemand belde."}))
    links = page.find_all("a", href="mailto:klachtenopvang@wijzijnhecht.nl")
    assert len(links) == 2
    assert links[1].find_parent(class_="field").find("textarea", id="brief-tekst")


def test_own_words_in_another_script_are_asked_about_before_they_go_into_a_dutch_letter(
    client: FlaskClient,
) -> None:
    typed = {"name": "Jolanda Qvist", "own_words": ARABIC_WORDS}
    form = check_page(make_letter(client, "klacht", typed), 400)
    error = text_of(form.find(id="own_words-error"))
    assert "De brief gaat naar een Nederlandse organisatie." in error
    assert "Of kruis aan: Alleen een notitie voor mezelf, niet in de brief." in error
    assert form.find(id="own_words").get_text().strip() == ARABIC_WORDS  # nothing lost
    assert form.find("input", id="own_words_note")


def test_own_words_kept_as_a_note_are_beside_the_letter_never_in_it(client: FlaskClient) -> None:
    typed = {"name": "Jolanda Qvist", "own_words": ARABIC_WORDS, "own_words_note": "y"}
    page = check_page(make_letter(client, "gesprek", typed))
    assert ARABIC_WORDS not in text_of(page.find("article"))
    assert ARABIC_WORDS not in page.find("textarea", id="brief-tekst").get_text()
    note = page.find(class_="letter-note")
    assert ARABIC_WORDS in text_of(note) and "no-print" in note["class"]
    assert ARABIC_WORDS not in again(client, page, "gesprek", "txt").get_data(as_text=True)
    pdf_text = pdf_of(again(client, page, "gesprek", "pdf")).pages[0].extract_text()
    assert not any("\u0600" <= c <= "\u06ff" for c in pdf_text)
    changed = check_page(again(client, page, "gesprek", "wijzigen"))
    assert changed.find("input", id="own_words_note").has_attr("checked")


def test_own_words_in_dutch_go_into_the_letter_as_typed(client: FlaskClient) -> None:
    page = check_page(make_letter(client, "klacht", {"name": "Jo", "own_words": "Bel mij."}))
    assert "Bel mij." in text_of(page.find("article")) and not page.find(class_="letter-note")
