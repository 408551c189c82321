# SPDX-License-Identifier: EUPL-1.2
"""The interpreter card: in Dutch and the parent's language, linked where a tolk is spoken of."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from guide.i18n import LANGUAGES
from guide.interpreter import LINES
from tests.helpers import answer_all, check_page, text_of
from tests.journeys import REFUTED_PARENT

ARABIC_CARD = [
    "لا أتكلم الهولندية جيدًا.",
    "أرغب في مترجم شفهي محترف.",
    "مثلًا في المحادثات مع Veilig Thuis أو فريق الحي (wijkteam) أو طبيب العائلة (huisarts).",
    "من فضلكم لا تطلبوا من طفلي أن يترجم.",
    "لغتي هي: العربية.",
]


def card_in(client: FlaskClient, language: str):
    client.get(f"/taal/{language}?terug=/")
    return check_page(client.get("/tolk"))


def test_in_arabic_the_card_is_in_arabic_right_to_left_with_the_dutch_under_it(
    client: FlaskClient,
) -> None:
    sides = card_in(client, "ar").select(".interpreter-card__side")
    assert [(s["lang"], s["dir"]) for s in sides] == [("ar", "rtl"), ("nl", "ltr")]
    assert [text_of(li) for li in sides[0].select("li")] == ARABIC_CARD
    dutch = [text_of(li) for li in sides[1].select("li")]
    assert dutch == [*(" ".join(line.split()) for line in LINES), "Mijn taal is: Arabisch."]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "nl"])
def test_every_language_has_its_own_side_that_names_the_language_in_dutch(
    client: FlaskClient, language: str
) -> None:
    sides = card_in(client, language).select(".interpreter-card__side")
    own, dutch = (text_of(s) for s in sides)
    assert own != dutch and "Mijn taal is:" in dutch and "Mijn taal is:" not in own


def test_in_dutch_the_card_is_dutch_only_and_says_how_to_get_it_in_another_language(
    client: FlaskClient,
) -> None:
    page = card_in(client, "nl")
    assert [s["lang"] for s in page.select(".interpreter-card__side")] == ["nl"]
    assert "Mijn taal is" not in text_of(page)
    assert "Kies bovenaan de pagina een andere taal." in text_of(page)


def test_the_card_promises_no_interpreter_and_names_no_payer(client: FlaskClient) -> None:
    text = text_of(card_in(client, "nl").find("main"))
    assert "Wij kunnen niet beloven dat er een tolk komt." in text
    assert "Wie een tolk regelt en betaalt, staat niet in onze bronnen." in text
    assert "gratis" not in text and "vergoed" not in text


def test_the_cards_that_speak_of_an_interpreter_link_the_card(client: FlaskClient) -> None:
    page = check_page(client.get("/alle-hulp"))
    linked = {
        a.find_parent("article").h3["id"].removeprefix("dienst-")
        for a in page.select('article a[href="/tolk"]')
    }
    assert linked == {"vt_nazorg", "jeugdstem", "vt_dossier"}
    assert page.select('main > p a[href="/tolk"]')  # beside the all-help page's word on a tolk
    answer_all(
        client,
        {**REFUTED_PARENT, "behoefte": "weet_niet", "zwaarte": "praten_helpt", "netwerk": "ja"},
    )
    advice = check_page(client.get("/advies"))
    card = advice.find(id="dienst-vt_nazorg").find_parent("article")
    assert card.select('a[href="/tolk"]')  # also on a card of "Ook mogelijk", in its fold


def test_intake_mode_links_the_card(client: FlaskClient) -> None:
    assert check_page(client.get("/intake")).select('main a[href="/tolk"]')
