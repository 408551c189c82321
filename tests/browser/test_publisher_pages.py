"""What the publisher's statements promise, in a browser through nginx over https."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from tests.browser.conftest import answer

# 1280 by 1024 pixels at 400 % zoom: WCAG 2.1's reflow (1.4.10) asks for no sideways
# scrolling at 320 CSS pixels wide. The accessibility statement says this is tested.
AT_400_PERCENT = {"width": 320, "height": 256}
ANSWERS = {
    "stand": "weerlegd",
    "wie": "ouder_gezag",
    "woonplaats": "Tilburg",
    "behoefte": ["steun", "klacht", "melder", "rechten"],
    "zwaarte": "levenseinde",
    "netwerk": "nee",
    "klacht_vt": "nee",
    "melder_bekend": "nee",
    "melder_wanneer": "2_tot_3_maanden",
}


def test_at_400_percent_zoom_no_question_or_advice_scrolls_sideways(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(viewport=AT_400_PERCENT)
    wide = []

    def check(name: str) -> None:
        if page.evaluate("document.documentElement.scrollWidth") > AT_400_PERCENT["width"]:
            wide.append(name)

    for path in ["/", "/alle-hulp", "/privacy", "/toegankelijkheid", "/veilig-online"]:
        page.goto(path)
        check(path)
    for question, value in ANSWERS.items():
        page.goto(f"/vraag/{question}")
        check(question)
        answer(page, question, value)
    for path in ["/controleren", "/advies"]:
        page.goto(path)
        check(path)
    assert wide == []
