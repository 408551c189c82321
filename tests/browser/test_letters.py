# SPDX-License-Identifier: EUPL-1.2
"""Letters in a browser over https: one A4 page in print, Dutch beside Arabic, no JavaScript."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENSHOTS, Outside, answer, printed_pages

LETTERS = ["inzage", "correctie", "vernietiging", "klacht", "gesprek", "hulp"]
A4 = {"width": 794, "height": 1123}  # A4 at 96 dots per inch
# Every field at its longest, in words, as a parent might fill it in.
LONGEST = {
    "name": ("Alexandra Wilhelmina van den Heuvel-Oudendijk " * 3)[:100].strip(),
    "address": "Burgemeester van Nispen tot Sevenaerstraat 127 bis\n"
    + ("5021 XQ 's-Hertogenbosch-Noord, Noord-Brabant " * 4)[:140].strip(),
    "birth_date": "14-03-1986",
    # Children under 12, so that a parent with gezag may ask destruction for them too.
    "children": ("Mirthe van den Heuvel (3-5-2016), Daan van den Heuvel (9-1-2017), " * 4)[
        :200
    ].strip(),
    "gezag": "y",
    "report_date": "02-10-2025",
    "refuted": "y",
    "committee": "y",
    "assisted_by": ("Anna van den Heuvel-Oudendijk, vertrouwenspersoon van Jeugdstem " * 2)[
        :100
    ].strip(),
    "rules_copy": "y",
    "own_words": ("Het onderzoek duurde lang en niemand belde mij terug toen ik vragen had. " * 8)[
        :500
    ].strip(),
}
# The correction has room for more of the parent's own words than the other letters, the
# destruction letter (whose paragraphs are many) for fewer.
OWN_WORDS_AT_MOST = {
    "correctie": {"own_words": (LONGEST["own_words"] + " " + LONGEST["own_words"])[:800]},
    "vernietiging": {"own_words": LONGEST["own_words"][:300].strip()},
}
# What each letter must print on its one page, among the paragraphs the legal review added.
NEW_PARAGRAPHS = {
    "inzage": ["artikel 5.3.2 van de Wmo 2015", "voor zover u dat mag zeggen", "Ik heb gezag"],
    "correctie": ["artikel 5.3.2 lid 5 van de Wmo 2015", "artikel 19 van de AVG"],
    "vernietiging": [
        "artikel 5.3.5 van de Wmo 2015",
        "Zij zijn jonger dan 12 jaar.",
        "schriftelijk bevestigen",
        "In 2017 schreef de staatssecretaris van VWS",
        "wiens belang het bewaren nodig maakt",
    ],
    "klacht": ["meteen voorleggen aan de klachtencommissie", "bijstaan door", "welke termijn"],
    "gesprek": ["Ik vraag u om een gesprek daarover."],
    "hulp": [
        "Mogen wij dus ook nee zeggen?",
        "alleen een kinderrechter hulp verplicht kan maken",
        "artikel 4.2.6 van de Wmo 2015",
        "Naar onze gesprekken neem ik mee:",
        "Het liefst voor ons volgende gesprek.",
    ],
}
SIX_WEEKS = "Dan heeft u meestal maar zes weken om bezwaar te maken of de rechter te vragen."


def living_in(page: Page, town: str) -> None:
    """Answer the first questions as a parent who lives in this town."""
    for question, value in {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": town}.items():
        answer(page, question, value)


def write_letter(page: Page, letter_id: str, typed: dict[str, str] | None = None) -> None:
    """Fill in a letter's form as a visitor does, and make the letter."""
    fill_in(page, letter_id, typed)
    expect(page.locator("article.letter")).to_be_visible()


def fill_in(page: Page, letter_id: str, typed: dict[str, str] | None = None) -> None:
    """Type into each field the form has, tick each box asked for, and send the form."""
    page.goto(f"/brief/{letter_id}")
    for field, value in (typed or {**LONGEST, **OWN_WORDS_AT_MOST.get(letter_id, {})}).items():
        box = page.locator(f"#{field}")
        if not box.count():
            continue
        if box.get_attribute("type") == "checkbox":
            box.set_checked(bool(value))
        else:
            box.fill(value)
    page.locator("main form .button").click()


@pytest.mark.parametrize("letter_id", LETTERS)
def test_each_letter_filled_in_to_the_full_prints_on_one_a4_page(
    page: Page, outside: Outside, letter_id: str
) -> None:
    # Leiden: Veilig Thuis Hollands Midden, whose complaint address has the most lines.
    living_in(page, "Leiden")
    write_letter(page, letter_id)
    letter = page.locator("article.letter")
    expect(letter).to_contain_text("Veilig Thuis Hollands Midden")
    for paragraph in NEW_PARAGRAPHS[letter_id]:
        expect(letter).to_contain_text(paragraph)
    assert printed_pages(page) == 1
    assert outside.requests == []


def test_the_letter_about_help_offered_is_pictured_as_it_prints(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(viewport=A4)
    for question, value in {"stand": "loopt", "wie": "ouder_gezag", "woonplaats": "Leiden"}.items():
        answer(page, question, value)
    write_letter(page, "hulp")
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(exist_ok=True)
    picture = SCREENSHOTS / "letter-hulp-print.png"
    page.screenshot(path=picture, full_page=True)
    assert 20_000 < picture.stat().st_size < 1_000_000
    assert printed_pages(page) == 1


def test_the_arabic_page_shows_the_dutch_letter_with_arabic_beside_it_on_screen_only(
    page: Page, outside: Outside
) -> None:
    page.goto("/taal/ar?terug=/brief/inzage")
    write_letter(page, "inzage")
    letter = page.locator("article.letter")
    expect(letter).to_have_attribute("lang", "nl")
    dutch = letter.locator(".letter__pair > p:not(.letter__translation)").first
    arabic = letter.locator(".letter__translation").first
    expect(dutch).to_contain_text("Betreft:")
    expect(arabic).to_have_attribute("lang", "ar")
    expect(arabic).to_have_attribute("dir", "rtl")
    expect(arabic).to_be_visible()
    left, right = dutch.bounding_box(), arabic.bounding_box()
    assert abs(left["y"] - right["y"]) < 2  # side by side, neither over the other
    assert right["x"] >= left["x"] + left["width"] or left["x"] >= right["x"] + right["width"]
    page.emulate_media(media="print")
    expect(arabic).to_be_hidden()
    expect(dutch).to_be_visible()
    assert printed_pages(page) == 1
    assert outside.requests == []


def test_on_a_phone_the_translation_goes_under_its_paragraph(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(viewport={"width": 360, "height": 640})
    page.goto("/taal/uk?terug=/brief/gesprek")
    write_letter(page, "gesprek", {"name": "Olena Kovalenko"})
    dutch = page.locator(".letter__pair > p:not(.letter__translation)").nth(1).bounding_box()
    beside = page.locator(".letter__translation").nth(1).bounding_box()
    assert beside["y"] >= dutch["y"] + dutch["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_letter_is_made_and_downloaded_without_javascript(
    new_visitor: Callable[..., Page], tmp_path: Path
) -> None:
    page = new_visitor(java_script_enabled=False, accept_downloads=True)
    page.goto("/brief/klacht")
    page.locator("main form .button").click()  # no name: the error, from the server
    expect(page.locator(".error-summary a").first).to_have_text("Vul uw naam in.")
    page.locator(".error-summary a").first.click()
    expect(page.locator("#name")).to_be_focused()
    write_letter(page, "klacht", {"name": "Jolanda Qvist", "own_words": "Niemand belde terug."})
    expect(page.locator("#brief-tekst")).to_have_value(re.compile(r"^Jolanda Qvist\n"))
    with page.expect_download() as download:
        page.locator('button[value="txt"]').click()
    assert download.value.suggested_filename == "brief-klacht.txt"
    saved = tmp_path / "brief.txt"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "Jolanda Qvist" in text and "Niemand belde terug." in text
    page.locator('button[value="wijzigen"]').click()
    expect(page.locator("#own_words")).to_have_value("Niemand belde terug.")


def test_a_picture_of_a_printed_letter_for_the_readme(new_visitor: Callable[..., Page]) -> None:
    page = new_visitor(viewport=A4)
    living_in(page, "Tilburg")
    write_letter(
        page,
        "inzage",
        {
            "name": "Jolanda Jansen",
            "address": "Kwikstaartlaan 17\n5021 XQ Tilburg",
            "birth_date": "14-03-1986",
            "children": "Mirthe Jansen (3-5-2014)",
            "report_date": "02-10-2025",
        },
    )
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(exist_ok=True)
    picture = SCREENSHOTS / "brief-inzage.png"  # copied by hand to docs/ for the README
    page.screenshot(path=picture)
    assert 5_000 < picture.stat().st_size < 150_000


def test_a_parent_without_gezag_who_types_a_childs_name_never_prints_that_they_have_gezag(
    page: Page, outside: Outside
) -> None:
    for question, value in {"stand": "weerlegd", "wie": "ouder_zonder_gezag"}.items():
        answer(page, question, value)
    answer(page, "woonplaats", "Tilburg")
    page.goto("/brief/inzage")
    expect(page.locator("#children")).to_be_visible()
    expect(page.locator("#gezag")).to_have_count(0)  # they said so: not asked a second time
    write_letter(page, "inzage", {"name": "Jolanda Jansen", "children": "Mirthe Jansen (3-5-2018)"})
    letter = page.locator("article.letter")
    expect(letter).not_to_contain_text("gezag")
    expect(letter).to_contain_text("Ik vraag ook om belangrijke informatie over mijn kinderen.")
    page.emulate_media(media="print")
    expect(letter).not_to_contain_text("gezag")
    assert printed_pages(page) == 1
    assert outside.requests == []


def test_a_fourteen_year_olds_destruction_is_not_asked_by_the_parents_letter(
    page: Page, new_visitor: Callable[..., Page]
) -> None:
    living_in(page, "Tilburg")  # a parent with gezag
    fourteen = "Sem Jansen (3-5-2012)"
    fill_in(page, "vernietiging", {"name": "Jolanda Jansen", "children": fourteen})
    expect(page.locator("#children-error")).to_contain_text("vraagt dit zelf")
    expect(page.locator("article.letter")).to_have_count(0)
    # The fourteen-year-old asks for their own data, in a letter without any gezag.
    young = new_visitor()
    for question, value in {"stand": "weerlegd", "wie": "jongere_12_15"}.items():
        answer(young, question, value)
    answer(young, "woonplaats", "Tilburg")
    young.goto("/brief/vernietiging")
    expect(young.locator("main")).to_contain_text("Bent u 12 jaar of ouder? Dan vraagt u dat zelf")
    expect(young.locator("#gezag")).not_to_be_checked()
    write_letter(young, "vernietiging", {"name": "Sem Jansen"})
    letter = young.locator("article.letter")
    expect(letter).to_contain_text("Ik vraag u alle gegevens over mij te vernietigen")
    expect(letter).not_to_contain_text("gezag")


def test_the_six_week_term_is_on_the_file_card_and_the_destruction_page(
    page: Page, outside: Outside
) -> None:
    page.goto("/alle-hulp")
    card = page.locator("article", has=page.locator("#dienst-vt_dossier"))
    expect(card).to_contain_text(SIX_WEEKS)
    expect(card).to_contain_text("In het besluit staat hoe. Vraag meteen juridisch advies.")
    write_letter(page, "vernietiging", {"name": "Jolanda Jansen"})
    expect(page.locator("main")).to_contain_text(SIX_WEEKS)
    expect(page.locator("main")).to_contain_text("Een vernietigd dossier is weg.")
    expect(page.locator("article.letter")).not_to_contain_text(SIX_WEEKS)
    assert outside.requests == []


def test_a_picture_of_the_printed_destruction_letter_for_the_closing_note(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(viewport=A4)
    living_in(page, "Tilburg")
    write_letter(
        page,
        "vernietiging",
        {
            "name": "Jolanda Jansen",
            "address": "Kwikstaartlaan 17\n5021 XQ Tilburg",
            "birth_date": "14-03-1986",
            "children": "Mirthe Jansen (3-5-2018)",
            "gezag": "y",
            "report_date": "02-10-2025",
            "refuted": "y",
        },
    )
    page.emulate_media(media="print")
    assert printed_pages(page) == 1
    SCREENSHOTS.mkdir(exist_ok=True)
    picture = SCREENSHOTS / "vernietiging-letter.png"
    page.screenshot(path=picture, full_page=True)
    assert 5_000 < picture.stat().st_size < 250_000
