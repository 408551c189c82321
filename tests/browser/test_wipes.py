# SPDX-License-Identifier: EUPL-1.2
"""After "Snel weg", Shiftx3, "Opnieuw beginnen" or "Nieuwe cliënt", Back and Forward show nothing.

The browser keeps pages and what was typed into them: its form restore, and its back/forward
cache (which Playwright switches off; these tests switch it on again, as in a person's browser).
Each test walks to checked answers and a filled-in letter, leaves, and then goes Back and
Forward through everything that came before.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserType, Error, Page, Route, expect

from tests.browser.conftest import QUICK_EXIT, answer

STEPS = 10
ANSWERS = {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "Tilburg"}
TYPED = {"name": "Jolanda Zwanenburg-Qvist", "address": "Kwikstaartlaan 17\n5021 XQ Tilburg"}
SHOWN_AGAIN = """() => [...document.querySelectorAll("input, textarea")]
  .filter(e => e.type !== "hidden")
  .filter(e => (["radio", "checkbox"].includes(e.type) ? e.checked : e.value))
  .map(e => e.name + "=" + e.value)"""
WAYS = ["Snel weg", "Shiftx3", "Opnieuw beginnen", "Nieuwe cliënt"]
# Each way out with JavaScript, and without it but Shiftx3, which is JavaScript's.
CASES = [(way, True) for way in WAYS] + [(way, False) for way in WAYS if way != "Shiftx3"]


@pytest.fixture(scope="module")
def person_browser(browser_type: BrowserType, browser_type_launch_args: dict) -> Iterator[Browser]:
    """Chromium as a person has it: with the back/forward cache."""
    browser = browser_type.launch(
        **browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield browser
    browser.close()


@pytest.fixture
def visitor(person_browser: Browser, browser_context_args: dict) -> Iterator[Callable[..., Page]]:
    """Each call is another visitor; the quick exit's site gets an empty page."""
    contexts = []

    def new(**options: Any) -> Page:
        context = person_browser.new_context(**{**browser_context_args, **options})
        context.route(QUICK_EXIT, elsewhere)
        contexts.append(context)
        return context.new_page()

    yield new
    for context in contexts:
        context.close()


def elsewhere(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<title>Elders</title>")


def fill_in_everything(page: Page) -> None:
    """Checked answers, a letter written with a name and an address and its boxes ticked, and a
    date typed for the calendar, as a parent does."""
    for question, value in ANSWERS.items():
        answer(page, question, value)
    page.goto("/brief/inzage")
    for field, value in TYPED.items():
        page.fill(f"#{field}", value)
    for box in ("date_unknown", "own_words_note"):  # the letter's own boxes, ticked too
        page.check(f"#{box}")
    page.locator("main form .button").click()
    expect(page.locator("article.letter")).to_contain_text(TYPED["name"])
    page.goto("/agenda/bezwaar")  # a date typed for the calendar, not yet sent
    page.fill("#datum", "03-11-2026")


def leave(page: Page, way: str) -> None:
    if way == "Snel weg":
        page.get_by_role("link", name=re.compile("Snel weg")).click()
        expect(page).to_have_url(QUICK_EXIT)
    elif way == "Shiftx3":
        page.locator("h1").click()  # the page has the keyboard's focus
        for _ in range(3):
            page.keyboard.press("Shift")
        expect(page).to_have_url(QUICK_EXIT)
    elif way == "Opnieuw beginnen":
        page.locator(".start-again a").click()
        page.get_by_role("button", name="Ja, wis alles").click()
        expect(page.locator(".notice")).to_contain_text("gewist")
    else:
        page.locator(".intake-bar").get_by_role("button", name=re.compile("Nieuwe cliënt")).click()
        expect(page.locator(".notice")).to_contain_text("gewist")


def travel(page: Page, direction: str, guide: str) -> list[str]:
    """Go Back (or Forward) up to ten times; the guide's pages seen, each checked on the way."""
    seen = []
    for _ in range(STEPS):
        # A page that was a form's answer the browser will not post again; a question asked
        # for again redirects to the first one, a navigation Playwright waits for in vain.
        with contextlib.suppress(Error):
            (page.go_back if direction == "back" else page.go_forward)(timeout=2_000)
        page.wait_for_function("document.readyState === 'complete'")
        if not page.url.startswith(guide):  # the start of the history, or the site left for
            continue
        seen.append(page.url)
        assert page.evaluate(SHOWN_AGAIN) == [], page.url
        text = page.locator("body").inner_text()
        assert not any(part in text for part in ("Zwanenburg", "Kwikstaartlaan")), page.url
        expect(page.locator(".notice[role=status]")).to_contain_text("gewist")
    return seen


@pytest.mark.parametrize(
    ("way", "javascript"), CASES, ids=[f"{w}, {'with' if j else 'no'} JS" for w, j in CASES]
)
def test_after_leaving_no_back_or_forward_shows_what_was_typed_or_chosen(
    visitor: Callable[..., Page], live_server: str, way: str, javascript: bool
) -> None:
    page = visitor(java_script_enabled=javascript)
    other = visitor(java_script_enabled=javascript)  # a second visitor, at the same time
    if way == "Nieuwe cliënt":
        page.goto("/intake")
        page.check('input[name="taal"][value="tr"]')  # the first family reads Turkish
        page.locator("main form .button").click()
    answer(other, "stand", "loopt")
    fill_in_everything(page)
    leave(page, way)
    if way == "Nieuwe cliënt":  # the next family starts in the browser's language, Dutch alone
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.locator(".both__nl")).to_have_count(0)
    back = travel(page, "back", live_server)
    forward = travel(page, "forward", live_server)
    assert "/brief/inzage" in " ".join(back) and "/vraag/stand" in " ".join(back)
    if not (javascript and way in ("Snel weg", "Shiftx3")):  # those replace the page left
        assert "/agenda/bezwaar" in " ".join(back)
    assert forward  # Forward, too, reached the guide's pages again
    # The other visitor's answer is untouched by this one's leaving.
    other.goto("/vraag/stand")
    expect(other.locator('input[value="loopt"]')).to_be_checked()
