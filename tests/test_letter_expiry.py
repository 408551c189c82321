# SPDX-License-Identifier: EUPL-1.2
"""A letter form left open outlives its session: what was typed is in the form, and comes back.

Only a wipe ("Opnieuw beginnen", "Snel weg", "Nieuwe cliënt") makes a form posted again come
back empty: the next family must not see the letter of the family before.
"""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from guide import create_app
from guide.session import IDLE_SECONDS
from tests.conftest import TEST_CONFIG
from tests.helpers import answer_all, check_page, leave_by, letter_data, text_of

COOKIE = "nazorgwijzer"
IN_TILBURG = {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "GM0855"}
TYPED = {"name": "Jolanda Zwanenburg-Qvist", "address": "Kwikstaartlaan 17\n5021 XQ Tilburg"}
OLD_KEY = "the-key-before-the-rotation-long-enough-for-tests"
NEW_KEY = "the-key-after-the-rotation-long-enough-for-tests!"


def filled_in_form(client: FlaskClient) -> dict[str, str]:
    """A letter form, opened after the questions and filled in: what the browser will post."""
    answer_all(client, IN_TILBURG)
    return letter_data(check_page(client.get("/brief/inzage")), TYPED)


def as_posted(form: BeautifulSoup) -> dict[str, str]:
    """What the browser posts for the form on this page, as it stands."""
    fields = form.find("main").find("form").select("input, textarea")
    return {f["name"]: f.get("value", f.get_text()) for f in fields if f.get("type") != "checkbox"}


def assert_shown_again_with_one_true_message(response) -> BeautifulSoup:
    page = check_page(response, 400)
    assert page.find(id="name")["value"] == TYPED["name"]
    assert page.find(id="address").get_text() == TYPED["address"]
    notices = page.select(".notice[role=status]")
    assert len(notices) == 1, [text_of(n) for n in notices]
    assert "staat er nog" in text_of(notices[0])
    assert "bewaard" not in text_of(page) and "gewist" not in text_of(page)
    assert not page.select(".error-summary")  # nothing the visitor typed is wrong
    return page


def test_a_letter_sent_after_30_minutes_idle_comes_back_as_typed(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted = filled_in_form(client)
    later = time.time() + IDLE_SECONDS + 60
    monkeypatch.setattr(time, "time", lambda: later)
    page = assert_shown_again_with_one_true_message(client.post("/brief/inzage", data=posted))
    letter = check_page(client.post("/brief/inzage", data=as_posted(page)))
    assert TYPED["name"] in text_of(letter.find("article", class_="letter"))


@pytest.mark.parametrize("fallbacks", [[OLD_KEY], []], ids=["old key kept", "old key gone"])
def test_a_letter_sent_across_a_key_change_comes_back_as_typed(fallbacks: list[str]) -> None:
    before = create_app({**TEST_CONFIG, "SECRET_KEY": OLD_KEY}).test_client()
    posted = filled_in_form(before)
    after = rotated(NEW_KEY, fallbacks).test_client()
    after.set_cookie(COOKIE, before.get_cookie(COOKIE).value)
    page = assert_shown_again_with_one_true_message(after.post("/brief/inzage", data=posted))
    letter = check_page(after.post("/brief/inzage", data=as_posted(page)))
    made = text_of(letter.find("article", class_="letter"))
    assert TYPED["name"] in made
    # With the old key kept, the answers were read: the letter goes to Tilburg's Veilig Thuis.
    assert ("Midden-Brabant" in made) == bool(fallbacks)


def rotated(key: str, fallbacks: list[str]) -> Flask:
    return create_app({**TEST_CONFIG, "SECRET_KEY": key, "SECRET_KEY_FALLBACKS": fallbacks})


@pytest.mark.parametrize("idle", [False, True], ids=["at once", "30 minutes later"])
@pytest.mark.parametrize("way", ["opnieuw", "weg", "nieuw"])
def test_after_a_wipe_a_letter_posted_again_comes_back_empty(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, way: str, idle: bool
) -> None:
    # The browser offers to post a form again (Back, then reload): the family before's letter.
    posted = filled_in_form(client)
    leave_by(client, way)
    if idle:
        later = time.time() + IDLE_SECONDS + 60
        monkeypatch.setattr(time, "time", lambda: later)
    response = client.post("/brief/inzage", data=posted)
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "Zwanenburg" not in text and "Kwikstaartlaan" not in text


def test_a_letter_is_never_made_without_the_visits_own_token(app: Flask) -> None:
    family = app.test_client()
    posted = filled_in_form(family)
    token = next(name for name in posted if name.endswith("csrf_token"))
    # Another site posts the form: the browser sends no cookie with it (SameSite).
    elsewhere = app.test_client().post("/brief/inzage", data=posted)
    assert elsewhere.status_code == 400 and "Zwanenburg" not in elsewhere.get_data(as_text=True)
    # A token that is not this visit's: the form comes back, but no letter.
    forged = family.post("/brief/inzage", data={**posted, token: "forged"})
    assert not check_page(forged, 400).find("article", class_="letter")
