# SPDX-License-Identifier: EUPL-1.2
"""A letter's fields: a value that shows nothing is empty, and hidden characters drop out."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from flask import Flask
from hypothesis import given, settings
from hypothesis import strategies as st

from guide import create_app
from guide.characters import FILLERS, JOINERS, REFUSED
from tests.conftest import TEST_CONFIG
from tests.helpers import check_page, make_letter, text_of

# Everything that shows nothing: format and control characters, spaces, line and paragraph
# separators, and the Hangul fillers.
INVISIBLE = st.characters(categories=["Cf", "Cc", "Zs", "Zl", "Zp"]) | st.sampled_from(
    sorted(FILLERS)
)
# Format characters that only hide something: none of them belongs in a letter.
HIDDEN = st.characters(categories=["Cf"]).filter(
    lambda c: c not in JOINERS and not REFUSED.match(c)
)
LETTERS = st.characters(categories=["L", "Nd"])
CHECKS = settings(max_examples=60, deadline=None)


@pytest.fixture(scope="module")
def app() -> Iterator[Flask]:
    yield create_app(TEST_CONFIG)


@CHECKS
@given(name=st.text(INVISIBLE, min_size=1, max_size=30))
def test_a_name_that_shows_nothing_is_no_name(app: Flask, name: str) -> None:
    page = check_page(make_letter(app.test_client(), "inzage", {"name": name}), 400)
    assert text_of(page.find(class_="error-summary")).endswith("Vul uw naam in.")


@CHECKS
@given(own_words=st.text(INVISIBLE, min_size=1, max_size=30))
def test_own_words_that_show_nothing_are_no_own_words(app: Flask, own_words: str) -> None:
    typed = {"name": "Jolanda Qvist", "own_words": own_words}
    page = check_page(make_letter(app.test_client(), "correctie", typed), 400)
    assert page.find(id="own_words-error")


@CHECKS
@given(parts=st.lists(st.tuples(LETTERS, st.text(HIDDEN, max_size=3)), min_size=1, max_size=30))
def test_hidden_characters_drop_out_of_the_name_in_the_letter(
    app: Flask, parts: list[tuple[str, str]]
) -> None:
    name = "".join(letter + hidden for letter, hidden in parts)
    page = check_page(make_letter(app.test_client(), "inzage", {"name": name}))
    signed = page.find(class_="letter__signature").get_text()
    assert signed == unicodedata.normalize("NFC", "".join(letter for letter, _ in parts))


@pytest.mark.parametrize(
    "name", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200e\u200f", "\u061c", "\u3164", "\u2028"]
)
def test_a_name_of_one_invisible_character_is_asked_for_again(app: Flask, name: str) -> None:
    page = check_page(make_letter(app.test_client(), "inzage", {"name": name}), 400)
    assert "Vul uw naam in." in text_of(page.find(class_="error-summary"))


def test_a_name_is_written_one_way_and_keeps_its_joiners(app: Flask) -> None:
    typed = {"name": "Jose\u0301 Zwanen\u00adburg \u0645\u200c\u0646"}
    page = check_page(make_letter(app.test_client(), "inzage", typed))
    assert page.find(class_="letter__signature").get_text() == "José Zwanenburg \u0645\u200c\u0646"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_separator_breaks_no_line_of_one_and_is_a_line_break_in_the_address(
    app: Flask, separator: str
) -> None:
    typed = {"name": f"Jolanda{separator}Qvist", "address": f"Kwikstaartlaan 17{separator}Tilburg"}
    response = make_letter(app.test_client(), "inzage", typed)
    check_page(response)
    text = response.get_data(as_text=True)
    assert separator not in text
    plain = check_page(response).find(id="brief-tekst").get_text()
    assert plain.startswith("Jolanda Qvist\nKwikstaartlaan 17\nTilburg\n")
