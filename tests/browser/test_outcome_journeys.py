# SPDX-License-Identifier: EUPL-1.2
"""Each outcome of the investigation, clicked through over https, in every language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.support import Translations
from playwright.sync_api import Page

from guide.content import Content
from guide.i18n import LANGUAGES
from tests.browser.conftest import Outside, walk
from tests.journeys import BY_OUTCOME, ONLY_IF_REFUTED, OUTCOME_SAYS

CATALOGUES = Path(__file__).parent.parent.parent / "translations"
ISOLATES = re.compile("[\u2066-\u2069]")  # what keeps numbers left to right in Arabic


def advice_text(page: Page) -> str:
    """All the advice says, its folded parts too, without the marks for direction."""
    page.goto("/advies")
    return " ".join(ISOLATES.sub("", page.locator("main").text_content() or "").split())


@pytest.mark.parametrize("stand", BY_OUTCOME)
def test_each_outcome_clicked_through_is_told_what_fits_it(
    page: Page, outside: Outside, stand: str
) -> None:
    walk(page, BY_OUTCOME[stand])
    text = advice_text(page)
    assert [said for said in OUTCOME_SAYS[stand] if said not in text] == []
    assert all((said in text) is (stand == "weerlegd") for said in ONLY_IF_REFUTED)
    assert outside.requests == []


def outcome_texts(content: Content) -> dict[str, str]:
    """The content's own words for two outcomes, and the note said only after a refutation."""
    dossier, stand = content.service("vt_dossier"), content.question("stand")
    assert dossier and stand
    notes = {n.when["stand"][0]: n.text for n in dossier.notes if "stand" in n.when}
    return {
        "niet_bevestigd": notes["niet_bevestigd"],
        "bevestigd": stand.option("bevestigd").gently,
        "weerlegd": notes["weerlegd"],
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stand", ["niet_bevestigd", "bevestigd"])
def test_in_every_language_not_confirmed_and_confirmed_hear_their_own_outcome(
    new_visitor: Callable[..., Page], content: Content, language: str, stand: str
) -> None:
    catalogue, dutch = Translations.load(CATALOGUES, [language]), outcome_texts(content)
    texts = {key: catalogue.ugettext(text) for key, text in dutch.items()}
    assert (texts[stand] == dutch[stand]) is (language == "nl")
    page = new_visitor()
    page.goto(f"/taal/{language}?terug=/")
    walk(page, BY_OUTCOME[stand])
    text = advice_text(page)
    assert " ".join(texts[stand].split()) in text
    assert " ".join(texts["weerlegd"].split()) not in text
