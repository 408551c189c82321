# SPDX-License-Identifier: EUPL-1.2
"""Answers live only in an encrypted cookie that is refused when forged, stale or outdated."""

from __future__ import annotations

import base64
import json
import time

import pytest
from cryptography.fernet import Fernet
from flask import Flask
from flask.testing import FlaskClient

from guide import create_app
from guide.keys import fernet
from guide.session import (
    IDLE_SECONDS,
    LIFETIME_SECONDS,
    PURPOSE,
    REFRESH_SECONDS,
    EncryptedSessionInterface,
)
from tests.conftest import TEST_CONFIG
from tests.helpers import answer_all, check_page, text_of

STARTED = {"stand": "weerlegd", "wie": "ouder_zonder_gezag", "woonplaats": "geen"}
COOKIE = "nazorgwijzer"


def cookie_of(client: FlaskClient) -> str:
    return client.get_cookie(COOKIE).value


def test_the_cookie_holds_no_readable_answer(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    value = cookie_of(client)
    raw = value + base64.urlsafe_b64decode(value + "==").decode("latin-1")
    assert "ouder_zonder_gezag" not in raw and "weerlegd" not in raw


def test_the_cookie_is_http_only_same_site_and_ends_with_the_browser(client: FlaskClient) -> None:
    response = client.get("/vraag/stand")
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Lax" in header
    assert "Expires" not in header and "Max-Age" not in header


def test_the_cookie_is_secure_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-for-this-test")
    monkeypatch.delenv("NAZORGWIJZER_ENV", raising=False)
    app = create_app({"TESTING": True, "PUBLISHER_FILE": TEST_CONFIG["PUBLISHER_FILE"]})
    assert "Secure" in app.test_client().get("/vraag/stand").headers["Set-Cookie"]


@pytest.mark.parametrize(
    "value",
    [
        "niet-versleuteld",
        "",
        "gAAAAA" + "x" * 80,
        Fernet(Fernet.generate_key()).encrypt(b'{"version": "x", "data": {}}').decode(),
    ],
)
def test_a_forged_cookie_starts_a_fresh_journey_with_a_notice(
    client: FlaskClient, value: str
) -> None:
    client.set_cookie(COOKIE, value)
    response = client.get("/vraag/wie")
    assert response.location == "/vraag/stand"
    page = check_page(client.get(response.location))
    if value:  # an empty cookie is no cookie at all: nothing to explain
        assert "konden uw antwoorden niet lezen" in text_of(page)


def test_a_truncated_cookie_starts_a_fresh_journey(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    client.set_cookie(COOKIE, cookie_of(client)[:-10])
    page = check_page(client.get("/"))
    assert "konden uw antwoorden niet lezen" in text_of(page)
    assert client.get("/vraag/behoefte").location == "/vraag/stand"


def test_answers_expire_after_30_minutes_without_activity(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_all(client, STARTED)
    later = time.time() + IDLE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get("/vraag/behoefte")
    assert response.location == "/vraag/stand"
    assert "30 minuten" in text_of(check_page(client.get("/vraag/stand")))


def test_activity_within_30_minutes_keeps_the_answers(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_all(client, STARTED)
    start = time.time()
    for minutes in (20, 40, 60):  # each visit restarts the clock
        monkeypatch.setattr(time, "time", lambda m=minutes: start + m * 60)
        assert client.get("/vraag/behoefte").status_code == 200


def test_answers_end_2_hours_after_the_visit_began_however_active(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_all(client, STARTED)
    start = time.time()
    for minutes in range(20, 120, 20):
        monkeypatch.setattr(time, "time", lambda m=minutes: start + m * 60)
        assert client.get("/vraag/behoefte").status_code == 200
    monkeypatch.setattr(time, "time", lambda: start + LIFETIME_SECONDS + 1)
    assert client.get("/vraag/behoefte").location == "/vraag/stand"
    assert "meer dan 2 uur geleden" in text_of(check_page(client.get("/vraag/stand")))


@pytest.mark.parametrize("leave", ["/opnieuw", "/weg"])
def test_a_copied_cookie_stops_working_on_the_same_day(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch, leave: str
) -> None:
    # Someone copies the cookie from a shared computer; the family then leaves the guide.
    answer_all(client, STARTED)
    copy = cookie_of(client)
    page = check_page(client.get("/opnieuw"))
    client.open(
        leave,
        method="POST" if leave == "/opnieuw" else "GET",
        data={"csrf_token": page.find("form", action="/opnieuw").find("input")["value"]},
    )
    assert client.get("/vraag/behoefte").location == "/vraag/stand"
    thief = app.test_client()
    thief.set_cookie(COOKIE, copy)
    start = time.time()
    for minutes in range(0, 120, 25):  # replayed within every 30 minutes, kept fresh
        monkeypatch.setattr(time, "time", lambda m=minutes: start + m * 60)
        assert thief.get("/vraag/behoefte").status_code == 200
    monkeypatch.setattr(time, "time", lambda: start + LIFETIME_SECONDS + 1)
    assert thief.get("/vraag/behoefte").location == "/vraag/stand"


def test_an_unchanged_cookie_is_rewritten_at_most_once_a_minute(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_all(client, STARTED)
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start + REFRESH_SECONDS - 5)
    soon = client.get("/vraag/behoefte")
    assert "Set-Cookie" not in soon.headers and "Cookie" in soon.vary
    monkeypatch.setattr(time, "time", lambda: start + REFRESH_SECONDS + 5)
    assert COOKIE in client.get("/vraag/behoefte").headers["Set-Cookie"]


def test_answers_saved_for_other_questions_start_a_fresh_journey(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_all(client, STARTED)
    monkeypatch.setattr(app, "session_interface", EncryptedSessionInterface("another-version"))
    response = client.get("/vraag/behoefte")
    assert response.location == "/vraag/stand"
    assert "vragen zijn veranderd" in text_of(check_page(client.get("/vraag/stand")))


def test_a_cookie_made_with_an_older_key_is_still_read(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    rotated = create_app(
        {
            **TEST_CONFIG,
            "SECRET_KEY": "a-brand-new-key-after-the-rotation",
            "SECRET_KEY_FALLBACKS": [TEST_CONFIG["SECRET_KEY"]],
        }
    )
    other = rotated.test_client()
    other.set_cookie(COOKIE, cookie_of(client))
    assert other.get("/vraag/behoefte").status_code == 200


def test_a_cookie_whose_payload_is_not_a_journey_is_refused(client: FlaskClient) -> None:
    version = client.application.session_interface.content_version
    keys = fernet(client.application, PURPOSE)
    for payload in (
        [1, 2],
        {"version": version, "began": time.time(), "data": "x"},
        {"version": version, "data": {}},  # when did it begin?
        {"version": version, "began": "nu", "data": {}},
        "tekst",
    ):
        client.set_cookie(COOKIE, keys.encrypt(json.dumps(payload).encode()).decode())
        assert "niet lezen" in text_of(check_page(client.get("/")))
