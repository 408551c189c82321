# SPDX-License-Identifier: EUPL-1.2
"""An Arabic handout in Chromium over https, as printed: each web address after its link reads
left to right, apart from the Arabic around it, and numbers keep their order."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import Outside, numbers_out_of_order, printed_pages, walk
from tests.journeys import FAMILY_IN_TILBURG

# Each link whose address paper adds after it, with what print shows there and how it is laid out.
PRINTED_ADDRESSES = """() => [...document.querySelectorAll(
  '.handout .contact a[href^="http"], .handout .card__regional a[href^="http"]'
)].map(link => {
  const after = getComputedStyle(link, "::after");
  return {
    href: link.getAttribute("href"),
    content: after.content,
    direction: after.direction,
    bidi: after.unicodeBidi,
    page: getComputedStyle(link.closest("p, li")).direction,
  };
})"""


def test_an_arabic_handout_prints_its_web_addresses_left_to_right(
    page: Page, outside: Outside
) -> None:
    page.goto("/")
    page.locator('.languages a[hreflang="ar"]').click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    walk(page, FAMILY_IN_TILBURG)  # their own Veilig Thuis: its links on the cards too
    page.goto("/advies/uitdraai")
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED_ADDRESSES)
    assert len(printed) >= 5
    for link in printed:
        assert link["page"] == "rtl", link  # in an Arabic sentence ...
        assert link["content"] == f'" ({link["href"]})"', link
        assert (link["direction"], link["bidi"]) == ("ltr", "isolate"), link  # ... read as typed
    assert numbers_out_of_order(page) == []
    phones = page.locator(".handout a.phone")
    assert phones.count() and all(
        white == "nowrap"
        for white in phones.evaluate_all("ps => ps.map(p => getComputedStyle(p).whiteSpace)")
    )
    assert printed_pages(page) <= 3
    assert outside.requests == []
