# SPDX-License-Identifier: EUPL-1.2
"""Every kind of page in every language: axe-core, the Nu HTML checker, and no other host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from guide.i18n import LANGUAGES
from tests.browser.conftest import (
    Outside,
    answer,
    axe_violations,
    check_now,
    html_errors,
    numbers_out_of_order,
)
from tests.journeys import FAMILY_IN_TILBURG
from tests.plain_words import as_read, shown_forbidden

LETTER = {
    "name": "Jolanda Jansen",
    "address": "Kwikstaartlaan 17\n5021 XQ Tilburg",
    "birth_date": "14-03-1986",
    "children": "Mirthe Jansen (3-5-2014)",
    "report_date": "02-10-2025",
    "own_words": "Niemand belde mij terug.",
}
PAGES_WITHOUT_ANSWERS = {
    "start": ("/", 200),
    "all help": ("/alle-hulp", 200),
    "regions": ("/veilig-thuis-regios", 200),
    "region": ("/regio/VT17", 200),
    "route map": ("/routekaart", 200),
    "cards": ("/kaart", 200),
    "card": ("/kaart/VT13", 200),
    "A4 sheet of cards": ("/kaart/VT13/a4", 200),
    "card of no region": ("/kaart/VT99", 404),
    "intake": ("/intake", 200),
    "privacy": ("/privacy", 200),
    "accessibility": ("/toegankelijkheid", 200),
    "online safety": ("/veilig-online", 200),
    "interpreter card": ("/tolk", 200),
    "not found": ("/bestaat-niet", 404),
    "wrong method": ("/intake/nieuw", 405),
    "broken hand-over link": ("/mee/kapot", 400),
}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_page_passes_axe_and_the_html_checker_and_asks_no_other_host(
    page: Page, outside: Outside, code: str, tmp_path: Path
) -> None:
    collected: dict[str, str] = {}

    def visit(name: str, path: str, status: int = 200) -> None:
        response = page.goto(path)
        assert response.status == status, name
        check_now(page, name, outside, collected)

    page.goto("/")
    if code != "nl":
        page.locator(f'.languages a[hreflang="{code}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    for name, (path, status) in PAGES_WITHOUT_ANSWERS.items():
        visit(name, path, status)

    page.goto("/intake")
    page.locator("main form .button").click()  # start an intake: reasons and "not advised"
    for question, value in FAMILY_IN_TILBURG.items():
        visit(f"question {question}", f"/vraag/{question}")
        if question == "stand":  # a question with its error summary
            page.locator("form .buttons .button").first.click()
            check_now(page, "question with an error", outside, collected)
        if question == "woonplaats":  # a name that fits two places: the choice to make
            page.fill("#woonplaats-plaats", "Bergen")
            page.locator("form .buttons .button").first.click()
            check_now(page, "place to choose", outside, collected)
        answer(page, question, value)
    for name, path in [
        ("check answers", "/controleren"),
        ("advice", "/advies"),
        ("handout", "/advies/uitdraai"),
        ("hand-over", "/advies/meegeven"),
    ]:
        visit(name, path)
    link = page.locator(".handover-link a").get_attribute("href")
    visit("handed-over advice", re.sub(r"^https?://[^/]+", "", link))
    visit("letter form", "/brief/inzage")
    page.locator("main form .button").click()
    check_now(page, "letter form with an error", outside, collected)
    for field, value in LETTER.items():
        page.fill(f"#{field}", value)
    page.locator("main form .button").click()
    check_now(page, "letter", outside, collected)
    # Own words in another script: the form asks first, then the letter shows them as a note.
    visit("conversation letter form", "/brief/gesprek")
    page.fill("#name", LETTER["name"])
    page.fill("#own_words", "لم يتصل بي أحد")
    page.locator("main form .button").click()
    check_now(page, "letter form asking about own words in another script", outside, collected)
    page.check("#own_words_note")
    page.locator("main form .button").click()
    check_now(page, "letter with a note beside it", outside, collected)
    # Its own hints, the warning and the six weeks, and boxes ticked by the family's answers.
    visit("destruction letter form", "/brief/vernietiging")
    visit("letter form about help offered", "/brief/hulp")  # its own label for assisted_by
    # "Zet in uw agenda": the date a term counts from, and the form again with its error.
    visit("term for the calendar", "/agenda/strafklacht")
    page.locator("main form .button").click()
    check_now(page, "term with an error", outside, collected)
    visit("start again?", "/opnieuw")

    assert len(collected) == len(PAGES_WITHOUT_ANSWERS) + len(FAMILY_IN_TILBURG) + 18
    assert html_errors(collected, tmp_path) == []
    # Plain words: none of tests/plain_words.yaml, in this language either, where it is not allowed.
    texts = {
        name: as_read(BeautifulSoup(html, "html.parser").body.get_text(" "))
        for name, html in collected.items()
    }
    assert shown_forbidden(texts, code) == []


def test_the_checkers_do_find_problems_in_a_bad_page(
    page: Page, outside: Outside, tmp_path: Path
) -> None:
    bad = (
        "<!doctype html><html><head><title>x</title></head>"
        '<body><img src="/x.png"><p><div></p></body></html>'
    )
    page.set_content(bad)
    assert any(v.startswith("image-alt") for v in axe_violations(page))
    assert any("lang" in v for v in axe_violations(page))
    assert html_errors({"bad": bad}, tmp_path) != []
    page.set_content('<html lang="ar" dir="rtl"><p>الاتصال بالرقم 0800-2000 مجاني.</p></html>')
    assert numbers_out_of_order(page) == ["0800-2000"]
