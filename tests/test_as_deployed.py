# SPDX-License-Identifier: EUPL-1.2
"""The app with its production settings, as the TLS proxy hands it requests: over https."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from guide import create_app
from tests.helpers import answer, answer_all, check_page, csrf_token, make_letter, text_of
from tests.journeys import EVERY_QUESTION

PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "nazorgwijzer.example"}


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> Flask:
    """The settings `gunicorn app:app` starts with behind the proxy: nothing for tests."""
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-for-these-tests")
    monkeypatch.setenv("BEHIND_PROXY", "1")
    monkeypatch.delenv("NAZORGWIJZER_ENV", raising=False)
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] and not app.testing
    return app


def visitor(app: Flask) -> FlaskClient:
    """A browser reaching the app through the proxy: https, and the proxy's headers."""
    client = app.test_client()
    client.environ_base.update(
        {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in PROXY_HEADERS.items()}
    )
    return client


def test_every_answer_is_taken_over_https_without_a_referer(production: Flask) -> None:
    client = visitor(production)
    answer_all(client, EVERY_QUESTION)  # no Referer: the pages ask browsers to send none
    page = check_page(client.get("/advies"))
    assert text_of(page.h1) == "Uw advies"
    assert "Strict-Transport-Security" in client.get("/advies").headers


def test_over_https_a_form_token_still_works_for_its_own_visitor_only(production: Flask) -> None:
    family, other = visitor(production), visitor(production)
    token = csrf_token(check_page(family.get("/vraag/stand")))
    check_page(other.get("/vraag/stand"))
    refused = other.post("/vraag/stand", data={"csrf_token": token, "stand": "weerlegd"})
    check_page(refused, status=400)
    from_elsewhere = production.test_client().post(  # another site's form: no cookie comes along
        "/vraag/stand", data={"csrf_token": token, "stand": "weerlegd"}, headers=PROXY_HEADERS
    )
    check_page(from_elsewhere, status=400)
    assert (
        family.post("/vraag/stand", data={"csrf_token": token, "stand": "weerlegd"}).status_code
        == 302
    )


def test_every_visitor_can_start_an_intake_with_their_own_form_token(production: Flask) -> None:
    visitors = [visitor(production) for _ in range(3)]
    pages = [check_page(v.get("/intake")) for v in visitors]
    tokens = [csrf_token(page) for page in pages]
    assert len(set(tokens)) == len(tokens)
    for client, token in zip(visitors, tokens, strict=True):
        response = client.post("/intake/nieuw", data={"csrf_token": token})
        assert response.status_code == 303 and response.location == "/vraag/stand"
        assert "Intake-modus" in text_of(check_page(client.get("/vraag/stand")))


@pytest.mark.parametrize(("path", "status"), [("/bestaat-niet", 404), ("/intake/nieuw", 405)])
def test_an_error_page_sets_no_cookie_for_a_visitor_without_one(
    production: Flask, path: str, status: int
) -> None:
    response = visitor(production).get(path)
    check_page(response, status=status)
    assert "Set-Cookie" not in response.headers


def test_a_page_repeats_nothing_from_its_query_string(production: Flask) -> None:
    client = visitor(production)
    answer(client, "stand", "weerlegd")
    for path in [
        "/alle-hulp?geheim=x1y2z3",
        "/vraag/wie?wijzigen=1&geheim=x1y2z3",
        "/bestaat?geheim=x1y2z3",
    ]:
        html = client.get(path).get_data(as_text=True)
        assert "x1y2z3" not in html and "geheim" not in html, path


def test_a_letter_is_made_over_https_and_nothing_typed_is_kept(production: Flask) -> None:
    client = visitor(production)
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "GM0855"})
    response = make_letter(client, "inzage", {"name": "Wilhelmina Qvist", "children": "Otto Qvist"})
    letter = check_page(response).find("article", class_="letter")
    assert "Wilhelmina Qvist" in text_of(letter) and "Veilig Thuis Midden-Brabant" in text_of(
        letter
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" in response.headers
    assert all("Qvist" not in cookie for cookie in response.headers.getlist("Set-Cookie"))
