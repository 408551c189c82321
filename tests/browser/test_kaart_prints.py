# SPDX-License-Identifier: EUPL-1.2
"""The nazorgkaart in Chromium over https: one page in print, a QR code that scans back to the
guide, and the region it carries filled in for the family that scans it."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest
import zxingcpp
from playwright.sync_api import Page, expect

from guide.content import load
from guide.i18n import LANGUAGES
from tests.browser.conftest import SCREENSHOTS, Outside, answer
from tests.journeys import FAMILY_IN_TILBURG

REGIONS = [r.code for r in load().places.regions]
ADDRESS = "https://nazorgwijzer.example.org/"  # the example publisher's first host
POINTS_PER_MM = 72 / 25.4
# Each card's page as Chromium lays it out: A6 and A4 in whole pixels at 96 dots per inch.
PAPER = {"A6": (105, 148), "A4": (210, 297)}

# The screenshot's pixels in grey, decoded by the browser itself from the PNG: no image library.
GREY = """async data => {
  const image = new Image();
  image.src = "data:image/png;base64," + data;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, image.width, image.height).data;
  let grey = "";
  for (let i = 0; i < rgba.length; i += 4) {
    grey += String.fromCharCode((rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000 | 0);
  }
  return [image.width, image.height, btoa(grey)];
}"""
# Every card whose text runs past its paper edge (it would be cut off in print).
OVERFLOWING = """() => [...document.querySelectorAll(".kaart")]
  .filter(card => card.scrollHeight > card.clientHeight || card.scrollWidth > card.clientWidth)
  .length"""


def scanned(page: Page, png: bytes) -> list[str]:
    """What a QR reader finds in a screenshot."""
    blank = page.context.new_page()
    width, height, grey = blank.evaluate(GREY, base64.b64encode(png).decode())
    blank.close()
    pixels = memoryview(base64.b64decode(grey)).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(pixels)]


def printed(page: Page) -> list[tuple[float, float]]:
    """Each printed page's size in millimetres, at the page's own @page size."""
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) == len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    return [(float(w) / POINTS_PER_MM, float(h) / POINTS_PER_MM) for w, h in boxes]


def one_page_of(paper: str, pages: list[tuple[float, float]]) -> bool:
    width, height = PAPER[paper]
    return len(pages) == 1 and abs(pages[0][0] - width) < 1 and abs(pages[0][1] - height) < 1


def overflowing(page: Page) -> int:
    page.emulate_media(media="print")
    count = page.evaluate(OVERFLOWING)
    page.emulate_media(media="screen")
    return count


def test_every_regions_card_prints_on_one_a6_page_and_its_qr_code_scans_to_the_guide(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(device_scale_factor=2)  # a phone's camera sees print sharper than 96 dpi
    wrong: dict[str, object] = {}
    for code in REGIONS:
        page.goto(f"/kaart/{code}")
        pages = printed(page)
        found = scanned(page, page.locator(".kaart").screenshot())
        if not one_page_of("A6", pages) or found != [f"{ADDRESS}?regio={code}"]:
            wrong[code] = (pages, found)
        if overflowing(page):
            wrong[code] = "text past the edge"
    assert wrong == {}
    assert len(REGIONS) == 25


def test_the_a4_sheet_prints_four_cards_on_one_a4_page_each_scanning_to_the_guide(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(device_scale_factor=2)
    page.goto("/kaart/VT10/a4")
    assert one_page_of("A4", printed(page))
    assert overflowing(page) == 0
    page.emulate_media(media="print")
    found = scanned(page, page.locator(".kaarten").screenshot())
    assert found == [f"{ADDRESS}?regio=VT10"] * 4
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator(".kaarten").screenshot(path=SCREENSHOTS / "nazorgkaart-a4.png")
    page.goto("/kaart/VT10")
    page.emulate_media(media="print")
    page.locator(".kaart").screenshot(path=SCREENSHOTS / "nazorgkaart-a6.png")


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_in_every_language_the_card_and_the_sheet_print_on_one_page_with_nothing_cut_off(
    page: Page, outside: Outside, code: str
) -> None:
    page.goto(f"/taal/{code}?terug=/kaart/VT13")  # Noord- en Midden Limburg: the longest name
    expect(page.locator("html")).to_have_attribute("lang", code)
    assert one_page_of("A6", printed(page)) and overflowing(page) == 0
    lines = page.locator(".kaart__languages li")
    expect(lines).to_have_count(5)
    for line in lines.all():
        assert line.get_attribute("dir") == ("rtl" if line.get_attribute("lang") == "ar" else "ltr")
    page.goto("/kaart/VT13/a4")
    assert one_page_of("A4", printed(page)) and overflowing(page) == 0
    assert outside.requests == []


def test_the_address_of_the_qr_code_fills_in_the_region_without_javascript(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(java_script_enabled=False)
    page.goto("/kaart/VT20")
    found = scanned(page, page.locator(".kaart__qr").screenshot())
    assert found == [f"{ADDRESS}?regio=VT20"]
    page.goto(found[0].removeprefix(ADDRESS.rstrip("/")))  # the same path on the test server
    expect(page.locator("h1")).to_have_text("Hulp na een onderzoek van Veilig Thuis")
    answer(page, "stand", FAMILY_IN_TILBURG["stand"])
    answer(page, "wie", FAMILY_IN_TILBURG["wie"])
    page.goto("/vraag/woonplaats")
    expect(page.locator("#woonplaats-plaats")).to_have_value("Utrecht")  # the region's name
    page.locator("form .buttons .button").first.click()
    for question, value in list(FAMILY_IN_TILBURG.items())[3:]:
        answer(page, question, value)
    page.goto("/advies")
    advice = page.locator("main")
    expect(advice).to_contain_text("Uw Veilig Thuis")
    expect(advice).to_contain_text("Utrecht")
    # A municipality would add its wijkteam ("... gemeente Tilburg" for this family): the
    # card's region is never taken for the municipality of the same name.
    expect(advice).not_to_contain_text("gemeente Utrecht")
