# SPDX-License-Identifier: EUPL-1.2
""" "Zet in uw agenda" in a browser over https: a calendar file downloads and parses, in six
languages, for a letter's answer and for the term of a strafklacht; without JavaScript too."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.support import Translations
from icalendar import Calendar
from playwright.sync_api import Page, expect

from guide.calendar_file import months_after
from guide.dates import today
from guide.i18n import LANGUAGES
from tests.browser.conftest import ROOT, SCREENSHOTS, Outside, answer
from tests.journeys import MALICIOUS_REPORTER

STRAFKLACHT = "Strafklacht: de termijn van 3 maanden loopt af"
ANSWER = "Antwoord van Veilig Thuis op uw brief: %(subject)s"
SUBJECT = "Verzoek om inzage en een kopie van mijn gegevens"
HEARD = today() - dt.timedelta(days=20)  # when the parent heard of the smaad


def in_language(code: str) -> Callable[[str], str]:
    """The guide's own catalogue for a language: what a text must read in it."""
    catalogue = Translations.load(str(ROOT / "translations"), [code])
    return catalogue.ugettext


def downloaded(page: Page, button: str, folder: Path) -> tuple[str, Calendar]:
    """Press a button that sends a calendar file; its name and its one event, parsed."""
    with page.expect_download() as download:
        page.locator(button).click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    (event,) = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    return download.value.suggested_filename, event


def open_card(page: Page, service_id: str) -> None:
    """Go to a card from the plan, as a parent does: a folded card opens."""
    page.locator(f'.plan a[href="#dienst-{service_id}"]').click()


def strafklacht_from_the_advice(page: Page, folder: Path) -> tuple[str, Calendar]:
    """From the advice of a parent whose reporter meant harm, to the strafklacht's file."""
    for question, value in MALICIOUS_REPORTER.items():
        answer(page, question, value)
    page.goto("/advies")
    open_card(page, "politie_aangifte")
    card = page.locator("article", has=page.locator("#dienst-politie_aangifte"))
    card.locator(".card__note a.agenda-link").click()
    page.fill("#datum", HEARD.strftime("%d-%m-%Y"))
    return downloaded(page, "main form .button", folder)


def letter_answer(page: Page, folder: Path) -> tuple[str, Calendar]:
    """Make the letter asking for the file, then put its answer in the calendar."""
    page.goto("/brief/inzage")
    page.fill("#name", "Jolanda Jansen")
    page.locator("main form .button").click()
    expect(page.locator("article.letter")).to_be_visible()
    return downloaded(page, 'button[value="agenda"]', folder)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_a_letters_answer_and_a_strafklacht_download_in_the_visitors_language(
    page: Page, outside: Outside, code: str, tmp_path: Path
) -> None:
    said = in_language(code)
    page.goto("/")
    if code != "nl":
        page.locator(f'.languages a[hreflang="{code}"]').click()
    name, event = strafklacht_from_the_advice(page, tmp_path)
    assert name == "termijn-strafklacht.ics"
    assert event.decoded("DTSTART") == months_after(HEARD, 3)
    assert str(event["SUMMARY"]) == said(STRAFKLACHT)
    name, event = letter_answer(page, tmp_path)
    assert name == "antwoord-inzage.ics"
    assert event.decoded("DTSTART") == months_after(today(), 1)
    assert str(event["SUMMARY"]) == said(ANSWER) % {"subject": said(SUBJECT)}
    assert "Jolanda" not in (tmp_path / name).read_text(encoding="utf-8")
    assert outside.requests == []


def test_without_javascript_a_bad_date_is_told_and_a_good_one_downloads(
    new_visitor: Callable[..., Page], tmp_path: Path
) -> None:
    page = new_visitor(java_script_enabled=False, accept_downloads=True)
    page.goto("/agenda/bezwaar")
    page.fill("#datum", "31-02-2026")
    page.locator("main form .button").click()
    expect(page.locator(".error-summary a")).to_contain_text("niet lezen als datum")
    expect(page.locator("#datum")).to_have_value("31-02-2026")  # nothing lost
    assert "?" not in page.url  # no date in the address
    page.locator(".error-summary a").click()
    expect(page.locator("#datum")).to_be_focused()
    decided = today() - dt.timedelta(days=2)
    page.fill("#datum", decided.isoformat())
    name, event = downloaded(page, "main form .button", tmp_path)
    assert name == "termijn-bezwaar.ics"
    assert event.decoded("DTSTART") == decided + dt.timedelta(weeks=6)
    _, event = letter_answer(page, tmp_path)
    assert event.decoded("DTSTART") == months_after(today(), 1)


def test_pictures_of_zet_in_uw_agenda_on_a_letter_and_a_card_for_the_closing_note(
    new_visitor: Callable[..., Page], tmp_path: Path
) -> None:
    page = new_visitor(viewport={"width": 800, "height": 900}, accept_downloads=True)
    SCREENSHOTS.mkdir(exist_ok=True)
    name, _ = strafklacht_from_the_advice(page, tmp_path)
    shutil.copy(tmp_path / name, SCREENSHOTS / "example.ics")
    page.goto("/advies")
    open_card(page, "politie_aangifte")
    card = page.locator("article", has=page.locator("#dienst-politie_aangifte"))
    card.screenshot(path=SCREENSHOTS / "agenda-card.png")
    letter_answer(page, tmp_path)
    page.locator('button[value="agenda"]').scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "agenda-letter.png")
    for picture in ("agenda-card.png", "agenda-letter.png"):
        assert 5_000 < (SCREENSHOTS / picture).stat().st_size < 400_000
