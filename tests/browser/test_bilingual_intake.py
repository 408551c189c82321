# SPDX-License-Identifier: EUPL-1.2
"""An intake with an Arabic-speaking family, over https through nginx: each text in Arabic with
the Dutch under it, for the social worker; and the switch "Ook in het Nederlands"."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from guide.content import load
from tests.browser.conftest import Outside, answer, check_now, html_errors, walk
from tests.journeys import BUSY_AND_ALONE, FAMILY_IN_TILBURG

CONTENT = load()


def start_intake(page: Page, language: str) -> None:
    """The social worker picks the family's language on the intake page, by its own name."""
    page.goto("/intake")
    page.locator(f'input[name="taal"][value="{language}"]').check()
    page.locator("main form .button").click()
    expect(page).to_have_url(re.compile(r"/vraag/stand$"))


def halves(text: Locator) -> tuple[dict, dict]:
    """The language and direction of a text's own half and its Dutch half, as the browser
    lays them out."""
    return tuple(
        text.locator(half).evaluate(
            "e => ({lang: e.lang, dir: e.dir, direction: getComputedStyle(e).direction})"
        )
        for half in (".both__own", ".both__nl")
    )


def test_an_arabic_intake_shows_every_question_in_arabic_and_dutch_and_passes_the_checkers(
    page: Page, outside: Outside, tmp_path: Path
) -> None:
    collected: dict[str, str] = {}
    start_intake(page, "ar")
    arabic = {"lang": "ar", "dir": "rtl", "direction": "rtl"}
    dutch = {"lang": "nl", "dir": "ltr", "direction": "ltr"}
    for question_id, value in FAMILY_IN_TILBURG.items():
        page.goto(f"/vraag/{question_id}")
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        heading = page.locator("h1")
        assert halves(heading) == (arabic, dutch), question_id
        expect(heading.locator(".both__nl")).to_have_text(CONTENT.question(question_id).text)
        expect(heading.locator(".both__own")).not_to_have_text(CONTENT.question(question_id).text)
        # Every answer's label, hint and the button too: none shows in one language only.
        for text in page.locator("main label, main .hint, main .caption, form .button").all():
            assert halves(text) == (arabic, dutch), text.inner_text()
        check_now(page, f"question {question_id}", outside, collected)
        if question_id == "stand":  # its error, in both
            page.locator("form .buttons .button").first.click()
            assert halves(page.locator(".error-summary li")) == (arabic, dutch)
            check_now(page, "question with an error", outside, collected)
        answer(page, question_id, value)
    for name, path in [("check answers", "/controleren"), ("advice", "/advies")]:
        page.goto(path)
        assert halves(page.locator("h1")) == (arabic, dutch), name
        check_now(page, name, outside, collected)  # numbers read left to right in both halves
    cards = page.locator("article.card h3")
    assert cards.count() > 3
    for card in cards.all():
        assert halves(card) == (arabic, dutch), card.inner_text()
    # The handout the family takes home: Arabic only.
    page.goto("/advies/uitdraai")
    assert page.locator("main .both__nl").count() == 0
    check_now(page, "handout", outside, collected)
    assert html_errors(collected, tmp_path) == []


def test_an_intake_and_a_parent_at_the_same_time_each_see_their_own_languages(
    new_visitor: Callable[..., Page],
) -> None:
    worker, parent = new_visitor(), new_visitor()
    start_intake(worker, "ar")
    parent.goto("/taal/tr?terug=/vraag/stand")
    for question_id, value in BUSY_AND_ALONE.items():  # turn by turn, through both workers
        answer(worker, question_id, value)
        answer(parent, question_id, value)
    for visitor in (worker, parent):
        visitor.goto("/controleren")
    expect(worker.locator("h1 .both__nl")).to_have_text("Kloppen uw antwoorden?")
    expect(parent.locator("html")).to_have_attribute("lang", "tr")
    expect(parent.locator(".both__nl:not(.languages__dutch *)")).to_have_count(0)


def test_without_javascript_a_parent_switches_the_dutch_on_and_off(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(java_script_enabled=False)
    page.goto("/taal/pl?terug=/vraag/stand")
    walk(page, BUSY_AND_ALONE)
    page.locator(".languages__dutch a").click()
    expect(page).to_have_url(re.compile(r"/controleren$"))
    expect(page.locator("h1 .both__nl")).to_have_text("Kloppen uw antwoorden?")
    expect(page.locator("h1 .both__own")).to_be_visible()
    page.locator(".languages__dutch a").click()
    expect(page.locator("main .both__nl")).to_have_count(0)
