"""Pages are rendered once per language and completed per visitor; what is kept is nobody's."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import Markup

from guide.content import Content
from guide.engine import advise, walk
from guide.i18n import LANGUAGES
from guide.prerender import Blank, Page, blank, fill, keep, parse
from tests.helpers import answer, answer_all, check_page, csrf_token
from tests.journeys import COMPLAINT_NOT_YET_RAISED, EVERY_QUESTION


def part(name: str, *args: object, body: Markup) -> Markup:
    return keep(name, *args, caller=lambda: body)


def test_blanks_get_the_visitors_values_escaped_unless_they_are_markup() -> None:
    page = parse(Markup("<p>") + blank("name") + blank("bold") + blank("twice", 2) + Markup("</p>"))
    values = {"name": "<Ada>", "bold": Markup("<b>!</b>"), "twice": lambda n: "x" * int(n)}
    assert fill(page, values) == "<p>&lt;Ada&gt;<b>!</b>xx</p>"


def test_only_the_parts_a_visitor_keeps_are_shown_nested_ones_too() -> None:
    inner = part("note", "b", 1, body=Markup("<i>note</i>"))
    page = parse(
        part("card", "a", body=Markup("<p>A</p>"))
        + part("card", "b", body=Markup("<p>B ") + inner + blank("why", "b") + Markup("</p>"))
    )
    values = {
        "card": lambda id: id == "b",
        "note": lambda id, index: (id, index) == ("b", "1"),  # arguments come back as text
        "why": lambda id: f"why {id}",
    }
    assert fill(page, values) == "<p>B <i>note</i>why b</p>"
    assert fill(page, {**values, "note": lambda *_: False}) == "<p>B why b</p>"


def test_a_part_that_is_not_closed_is_refused() -> None:
    with pytest.raises(ValueError):
        parse(part("card", "a", body=Markup("<p>")) + Markup(keep("open", caller=str)[:-1]))


def kept_text(page: Page) -> str:
    return "".join(
        item if isinstance(item, str) else "" if isinstance(item, Blank) else kept_text(item.body)
        for item in page
    )


def test_the_kept_pages_hold_nothing_a_visitor_told_us(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    answer_all(client, EVERY_QUESTION)
    page = check_page(client.get("/vraag/woonplaats?wijzigen=1"))
    client.post(
        "/vraag/woonplaats?wijzigen=1", data={"csrf_token": csrf_token(page), "plaats": "Vlieland"}
    )
    token = csrf_token(check_page(client.get("/advies")))
    for path in ["/", "/controleren", "/alle-hulp", "/privacy", "/veilig-thuis-regios"]:
        check_page(client.get(path))
    for question in content.questions:
        check_page(client.get(f"/vraag/{question.id}"))
    assert 'value="Vlieland"' in client.get("/vraag/woonplaats").get_data(as_text=True)
    kept = app.extensions["prerendered"]
    assert ("question.html", "nl", False, "woonplaats", False) in kept
    for template, locale, intake, *rest in kept:
        assert template.endswith(".html") and locale in LANGUAGES and intake is False
        assert all(isinstance(r, bool) or content.question(r) for r in rest), rest
    for key, page in kept.items():
        text = kept_text(page)
        assert token not in text and " checked" not in text, key
        typed = BeautifulSoup(text, "html.parser").find("input", attrs={"name": "plaats"})
        assert typed is None or typed["value"] == "", key


def test_visitors_share_a_kept_page_and_each_sees_their_own_answer(app: Flask) -> None:
    first, second = app.test_client(), app.test_client()
    answer(first, "stand", "weerlegd")
    answer(second, "stand", "loopt")
    pages = [check_page(c.get("/vraag/stand")) for c in (first, second)]
    assert [p.find("input", checked=True)["value"] for p in pages] == ["weerlegd", "loopt"]
    assert csrf_token(pages[0]) != csrf_token(pages[1])
    assert [k for k in app.extensions["prerendered"] if k[0] == "question.html"] == [
        ("question.html", "nl", False, "stand", False)
    ]


def test_the_advice_shows_the_engines_cards_in_its_order(app: Flask, content: Content) -> None:
    for journey in (COMPLAINT_NOT_YET_RAISED, EVERY_QUESTION):
        client = app.test_client()
        answer_all(client, journey)
        page = check_page(client.get("/advies"))
        shown = [(card.h3["id"], card["class"][1]) for card in page.select("article.card")]
        expected = advise(content, walk(content, journey).answers)
        assert shown == [(f"dienst-{a.service.id}", f"card--{a.priority}") for a in expected]
        for card, item in zip(page.select("article.card"), expected, strict=True):
            assert len(card.select(".card__why li")) == len(item.reasons)
            assert len(card.select(".card__note")) == len(item.notes)
