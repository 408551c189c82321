"""Letters in a browser over https: one A4 page in print, Dutch beside Arabic, no JavaScript."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENSHOTS, Outside, answer

LETTERS = ["inzage", "correctie", "vernietiging", "klacht", "gesprek"]
A4 = {"width": 794, "height": 1123}  # A4 at 96 dots per inch
# Every field at its longest, in words, as a parent might fill it in.
LONGEST = {
    "name": ("Alexandra Wilhelmina van den Heuvel-Oudendijk " * 3)[:100].strip(),
    "address": "Burgemeester van Nispen tot Sevenaerstraat 127 bis\n"
    + ("5021 XQ 's-Hertogenbosch-Noord, Noord-Brabant " * 4)[:140].strip(),
    "birth_date": "14-03-1986",
    "children": ("Mirthe van den Heuvel (3-5-2014), Daan van den Heuvel (9-1-2017), " * 4)[
        :200
    ].strip(),
    "report_date": "02-10-2025",
    "own_words": ("Het onderzoek duurde lang en niemand belde mij terug toen ik vragen had. " * 8)[
        :500
    ].strip(),
}


def living_in(page: Page, town: str) -> None:
    """Answer the first questions as a parent who lives in this town."""
    for question, value in {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": town}.items():
        answer(page, question, value)


def write_letter(page: Page, letter_id: str, typed: dict[str, str] | None = None) -> None:
    """Fill in a letter's form as a visitor does, and make the letter."""
    page.goto(f"/brief/{letter_id}")
    for field, value in (typed or LONGEST).items():
        box = page.locator(f"#{field}")
        if box.count():
            box.fill(value)
    page.locator("main form .button").click()
    expect(page.locator("article.letter")).to_be_visible()


def printed_pages(page: Page) -> int:
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("letter_id", LETTERS)
def test_each_letter_filled_in_to_the_full_prints_on_one_a4_page(
    page: Page, outside: Outside, letter_id: str
) -> None:
    # Leiden: Veilig Thuis Hollands Midden, whose complaint address has the most lines.
    living_in(page, "Leiden")
    write_letter(page, letter_id)
    expect(page.locator("article.letter")).to_contain_text("Veilig Thuis Hollands Midden")
    assert printed_pages(page) == 1
    assert outside.requests == []


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
    expect(page.locator(".error-summary a")).to_have_text("Vul uw naam in.")
    page.locator(".error-summary a").click()
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
