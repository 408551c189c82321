# SPDX-License-Identifier: EUPL-1.2
"""How long the advice is on a small phone: in screens of 360x740, with its details folded."""

from __future__ import annotations

from playwright.sync_api import Page, sync_playwright

from guide.forms import TYPED
from tests.journeys import ON_A_PHONE

PHONE = {"width": 360, "height": 740}
MAX_SCREENS = 5  # the whole advice
MAX_PLAN_SCREENS = 1.5  # the numbered plan at its top


def posted(answers: dict) -> dict:
    """The answers as the bench's visitors post them: a place the parent types goes into the
    text field, not the button that skips the question."""
    return {
        (TYPED if question == "woonplaats" and answer not in ("geen", ("geen",)) else question): (
            answer
        )
        for question, answer in answers.items()
    }


SCENARIOS = {name: posted(answers) for name, answers in ON_A_PHONE.items()}


def plan_ends(page: Page) -> float:
    """Where the numbered plan ends, in pixels, not counting the help to call now above it:
    after a crisis answer that box stands first, and its numbers are the plan's first steps."""
    plan = page.locator(".plan").bounding_box() or {"y": 0, "height": 0}
    now = page.locator("#hulp-nu")
    box = now.bounding_box() if now.count() else None
    return plan["y"] + plan["height"] - (box["height"] if box else 0)


def advice_screens(base: str, cookies: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Per journey (name -> its cookie): the advice's length and where its plan ends, in
    screens."""
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for name, cookie in cookies.items():
            context = browser.new_context(
                viewport=PHONE,
                locale="nl-NL",  # the page in Dutch, as in the browser tests
                ignore_https_errors=True,
                extra_http_headers={"Cookie": cookie},
            )
            page = context.new_page()
            page.goto(base + "/advies")
            height = page.evaluate("document.documentElement.scrollHeight")
            found[name] = (height / PHONE["height"], plan_ends(page) / PHONE["height"])
            context.close()
        browser.close()
    return found
