# SPDX-License-Identifier: EUPL-1.2
"""The letter page over https: the print button, the PDF, six languages, dates as people
write them, own words in another script, and pictures for the closing note."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import Outside, axe_violations, printed_pages
from tests.browser.test_letters import LETTERS, fill_in, living_in, write_letter

SHOTS = Path("/work/shots")
A4_POINTS = (595, 842)
# What the print button says, and the way back, in each language the guide speaks.
PRINT = {
    "nl": ("Print deze brief", "Terug naar het advies"),
    "en": ("Print this letter", "Back to the advice"),
    "ar": ("اطبعوا هذه الرسالة", None),
    "tr": ("Bu mektubu yazd\u0131r", None),
    "pl": ("Wydrukuj ten list", None),
    "uk": ("Надрукувати цей лист", None),
}
# The report date as people write it -> what the letter then says.
ACCEPTED = {
    "31-12-2024": "31 december 2024",
    "31/12/24": "31 december 2024",
    "31.12.2024": "31 december 2024",
    "2-10-25": "2 oktober 2025",
    "2 oktober 2025": "2 oktober 2025",
    "2 okt 2025": "2 oktober 2025",
    "oktober 2025": "oktober 2025",
    "\u0662-\u0661\u0660-\u0662\u0660\u0662\u0665": "2 oktober 2025",  # Arabic-Indic digits
    "\u06f2/\u06f1\u06f0/\u06f2\u06f5": "2 oktober 2025",  # Persian digits
}
# ... and what is answered kindly, with what was typed kept.
ANSWERED = {
    "ongeveer 2 maanden geleden": "Kruis dan aan: Ik weet de precieze datum niet.",
    "31-02-2025": "niet lezen als datum",
    "1-1-2999": "ligt in de toekomst",
}


def pdf_downloaded(page: Page, tmp_path: Path) -> PdfReader:
    with page.expect_download() as download:
        page.locator('button[value="pdf"]').click()
    assert download.value.suggested_filename.endswith(".pdf")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    return PdfReader(io.BytesIO(saved.read_bytes()))


@pytest.mark.parametrize("letter_id", LETTERS)
def test_each_letter_prints_from_the_print_buttons_page_on_one_a4_page_and_as_a_pdf(
    new_visitor: Callable[..., Page], tmp_path: Path, letter_id: str
) -> None:
    page = new_visitor(accept_downloads=True)
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    living_in(page, "Leiden")
    write_letter(page, letter_id)  # every field filled in to the full
    button = page.get_by_role("button", name="Print deze brief")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    pdf = pdf_downloaded(page, tmp_path)
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(box.width), round(box.height)) == A4_POINTS
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Geachte heer, mevrouw," in text and "Veilig Thuis Hollands Midden" in text
    assert printed_pages(page) == 1


def test_without_javascript_the_page_says_how_to_print_and_the_pdf_still_downloads(
    new_visitor: Callable[..., Page], tmp_path: Path
) -> None:
    page = new_visitor(java_script_enabled=False, accept_downloads=True)
    write_letter(page, "gesprek", {"name": "Jolanda Qvist"})
    expect(page.locator("[data-print]")).to_be_hidden()
    expect(page.locator("main")).to_contain_text("Printen kan met de printknop of het menu")
    assert "Ik vraag u om een gesprek" in pdf_downloaded(page, tmp_path).pages[0].extract_text()
    assert printed_pages(page) == 1


@pytest.mark.parametrize("code", list(PRINT))
def test_the_letter_page_in_each_language(page: Page, outside: Outside, code: str) -> None:
    page.goto(f"/taal/{code}?terug=/brief/klacht")
    write_letter(page, "klacht", {"name": "Jolanda Qvist", "own_words": "Niemand belde."})
    expect(page.locator("html")).to_have_attribute("lang", code)
    print_label, back = PRINT[code]
    expect(page.get_by_role("button", name=print_label)).to_be_visible()
    if back:
        expect(page.get_by_role("link", name=back)).to_be_visible()
    expect(page.locator("article.letter")).to_have_attribute("lang", "nl")
    assert axe_violations(page) == []
    assert printed_pages(page) == 1
    assert outside.requests == []


@pytest.mark.parametrize(("typed", "written"), list(ACCEPTED.items()))
def test_a_report_date_as_people_write_it_is_accepted_through_the_real_form(
    page: Page, typed: str, written: str
) -> None:
    write_letter(page, "gesprek", {"name": "Jolanda Qvist", "report_date": typed})
    expect(page.locator("article.letter")).to_contain_text(f"melding van {written}.")


@pytest.mark.parametrize(("typed", "told"), list(ANSWERED.items()))
def test_a_date_that_cannot_be_used_is_answered_kindly_and_kept(
    page: Page, typed: str, told: str
) -> None:
    fill_in(page, "gesprek", {"name": "Jolanda Qvist", "report_date": typed})
    expect(page.locator("#report_date-error")).to_contain_text(told)
    expect(page.locator("#report_date")).to_have_value(typed)
    page.check("#date_unknown")  # "Ik weet de precieze datum niet": never a refusal
    page.locator("main form .button").click()
    expect(page.locator("article.letter")).not_to_contain_text("melding van")


def test_arabic_own_words_are_offered_as_a_note_and_stay_off_the_letter(page: Page) -> None:
    page.goto("/taal/ar?terug=/brief/gesprek")
    arabic = "أريد أن أعرف لماذا لم يتصل بي أحد"
    fill_in(page, "gesprek", {"name": "Jolanda Qvist", "own_words": arabic})
    expect(page.locator("#own_words-error")).to_be_visible()
    page.check("#own_words_note")
    page.locator("main form .button").click()
    expect(page.locator(".letter-note")).to_contain_text(arabic)
    expect(page.locator("article.letter")).not_to_contain_text(arabic)
    page.emulate_media(media="print")
    expect(page.locator(".letter-note")).to_be_hidden()


def test_pictures_of_the_letter_page_on_a_phone_and_of_its_pdf_for_the_closing_note(
    new_visitor: Callable[..., Page], tmp_path: Path
) -> None:
    page = new_visitor(viewport={"width": 360, "height": 800}, accept_downloads=True)
    living_in(page, "Leiden")
    typed = {"name": "Jolanda Jansen", "address": "Kwikstaartlaan 17\n2312 AB Leiden"}
    write_letter(page, "klacht", {**typed, "own_words": "Niemand belde mij terug."})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "brief-telefoon.png", full_page=True)
    pdf = pdf_downloaded(page, tmp_path)
    (SHOTS / "brief-klacht.pdf").write_bytes((tmp_path / "brief-klacht.pdf").read_bytes())
    assert len(pdf.pages) == 1
    assert (SHOTS / "brief-telefoon.png").stat().st_size > 5_000
