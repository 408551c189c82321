# SPDX-License-Identifier: EUPL-1.2
"""The interpreter card as a parent shows or prints it, over https, in every language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from guide.i18n import LANGUAGES
from tests.browser.conftest import printed_pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interpreter_card_prints_on_one_page_with_the_dutch_beside_the_parents_language(
    new_visitor: Callable[..., Page], language: str
) -> None:
    page = new_visitor()
    page.goto(f"/taal/{language}?terug=/tolk")
    sides = page.locator(".interpreter-card__side")
    expected = [language, "nl"] if language != "nl" else ["nl"]
    assert sides.evaluate_all("s => s.map(e => e.lang)") == expected
    expect(sides.last).to_contain_text("Vraag mijn kind alstublieft niet om te tolken.")
    if language == "ar":
        assert sides.first.evaluate("s => getComputedStyle(s).direction") == "rtl"
    assert printed_pages(page) == 1
    page.emulate_media(media="screen")
