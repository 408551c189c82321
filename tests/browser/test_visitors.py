# SPDX-License-Identifier: EUPL-1.2
"""Several visitors at once, each step of one between steps of another, through the stack."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response, expect

from guide.content import Content
from tests.browser.conftest import answer
from tests.journeys import BUSY_AND_ALONE, MALICIOUS_REPORTER, Journey

# Two social workers, each with a family: different answers from the first question on.
FAMILIES: list[Journey] = [BUSY_AND_ALONE, {**MALICIOUS_REPORTER, "stand": "loopt"}]
CHANGED = ("wie", "ouder_zonder_gezag")  # the second one corrects an answer afterwards
# The first advice on the advice page, and on the page a hand-over link opens.
ADVISED_FIRST = "section.advice--first article h3, section[aria-labelledby='advies-first'] h3"


def advised(page: Page) -> list[str]:
    return page.locator(ADVISED_FIRST).evaluate_all("hs => hs.map(h => h.id)")


def labels(content: Content, journey: Journey) -> list[str]:
    """What the check-your-answers page shows for each answer, in Dutch."""
    questions = {question.id: question for question in content.questions}
    return [questions[q].option(value).label for q, value in journey.items()]


def test_visitors_at_the_same_time_each_keep_their_own_answers_language_and_advice(
    new_visitor: Callable[..., Page], content: Content
) -> None:
    posts: list[tuple[int, str]] = []

    def note(response: Response) -> None:
        if response.request.method == "POST":
            posts.append((response.status, response.url))

    pages = [new_visitor(), new_visitor()]
    for page in pages:
        page.set_default_timeout(10_000)  # a refused form fails the test in seconds, not 30
        page.on("response", note)
    for page in pages:
        page.goto("/intake")
        with page.expect_navigation():
            page.locator("main form .button").click()  # "Start de intake"
    assert [status for status, _ in posts] == [303, 303]  # each with their own form token
    for step in range(max(len(journey) for journey in FAMILIES)):
        for page, journey in zip(pages, FAMILIES, strict=True):
            if step < len(journey):
                answer(page, *list(journey.items())[step])

    first, second = pages
    question, value = CHANGED
    second.goto(f"/vraag/{question}?wijzigen=1")
    second.check(f'input[name="{question}"][value="{value}"]')
    with second.expect_navigation():
        second.locator("form .buttons .button").first.click()
    journeys = [FAMILIES[0], {**FAMILIES[1], question: value}]
    for page, journey in zip(pages, journeys, strict=True):
        page.goto("/controleren")
        shown = page.locator(".summary__row dd:not(.summary__change)").all_inner_texts()
        assert shown == labels(content, journey)

    first.locator('.languages a[hreflang="en"]').click()
    expect(first.locator("html")).to_have_attribute("lang", "en")
    advice = []
    for page, language in zip(pages, ["en", "nl"], strict=True):
        page.goto("/advies")
        expect(page.locator("html")).to_have_attribute("lang", language)
        advice.append(advised(page))
    assert advice[0][:2] == ["dienst-huisarts", "dienst-poh_ggz"]
    assert "dienst-juridisch_loket" in advice[1]
    assert not set(advice[0]) & set(advice[1])

    for page, own, language in zip(pages, advice, ["en", "nl"], strict=True):
        page.goto("/advies/meegeven")
        link = page.locator(".handover-link a").get_attribute("href")
        assert urlsplit(link).netloc == urlsplit(page.url).netloc
        parent = new_visitor()  # the parent's own phone
        parent.goto(link)
        expect(parent.locator("html")).to_have_attribute("lang", language)
        assert advised(parent) == own

    refused = [(status, url) for status, url in posts if status >= 400]
    assert refused == [] and len(posts) == 2 + sum(len(j) for j in FAMILIES) + 1
