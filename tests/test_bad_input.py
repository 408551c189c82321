# SPDX-License-Identifier: EUPL-1.2
"""Tampered, incomplete or odd requests get a clear page, the right status, and keep the answers."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import answer, answer_all, check_page, csrf_token, letter_data, text_of

STARTED = {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "geen"}


def post_behoefte(client: FlaskClient, data: dict) -> tuple:
    page = check_page(client.get("/vraag/behoefte"))
    response = client.post("/vraag/behoefte", data={"csrf_token": csrf_token(page), **data})
    return response


def still_answered(client: FlaskClient) -> bool:
    return client.get("/vraag/behoefte").status_code == 200


@pytest.mark.parametrize(
    ("question_id", "values", "message"),
    [
        ("stand", [], "Kies hoe het onderzoek nu staat."),
        ("stand", [""], "Kies hoe het onderzoek nu staat."),
        ("stand", ["gestopt"], "Dit antwoord kennen we niet."),
        ("stand", ["loopt", "weerlegd"], "Kies één antwoord."),
        ("stand", ["<script>alert(1)</script>"], "Dit antwoord kennen we niet."),
    ],
)
def test_a_wrong_answer_shows_the_question_again_with_an_error_that_links_to_the_field(
    client: FlaskClient, question_id: str, values: list, message: str
) -> None:
    page = check_page(client.get(f"/vraag/{question_id}"))
    response = client.post(
        f"/vraag/{question_id}", data={"csrf_token": csrf_token(page), question_id: values}
    )
    page = check_page(response, status=400)
    assert page.title.get_text().startswith("Fout: ")
    summary = page.find(class_="error-summary")
    link = summary.find("a")
    assert message in link.get_text()
    assert link["href"] == f"#{question_id}-0" and page.find(id=f"{question_id}-0")
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_the_exclusive_answer_cannot_be_combined_with_others(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    page = check_page(post_behoefte(client, {"behoefte": ["weet_niet", "klacht"]}), status=400)
    assert "Dat weet ik nog niet" in text_of(page.find(class_="error-summary"))


def test_the_same_answer_twice_is_refused(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    check_page(post_behoefte(client, {"behoefte": ["klacht", "klacht"]}), status=400)


def test_a_wrong_answer_keeps_the_answers_given_before(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    post_behoefte(client, {"behoefte": ["bestaat_niet"]})
    assert still_answered(client)


@pytest.mark.parametrize("token", [None, "", "vervalst", "a" * 500])
def test_a_missing_or_wrong_form_token_gets_a_clear_page_and_keeps_the_answers(
    client: FlaskClient, token: str | None
) -> None:
    answer_all(client, STARTED)
    data = {"behoefte": "klacht"} | ({} if token is None else {"csrf_token": token})
    response = client.post("/vraag/behoefte", data=data)
    page = check_page(response, status=400)
    assert page.main.find("a", class_="button")["href"] == "/vraag/behoefte"
    assert still_answered(client)


def test_a_form_token_from_another_visitor_is_refused(app, client: FlaskClient) -> None:
    other = app.test_client()
    token = csrf_token(check_page(other.get("/vraag/stand")))
    response = client.post("/vraag/stand", data={"csrf_token": token, "stand": "loopt"})
    check_page(response, status=400)


def test_a_huge_body_is_refused_and_keeps_the_answers(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    response = post_behoefte(client, {"behoefte": "klacht", "extra": "x" * 100_000})
    check_page(response, status=413)
    assert still_answered(client)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/vraag/woonplaats", "plaats"),
        ("/vraag/woonplaats", "woonplaats"),
        ("/brief/inzage", "name"),
        ("/brief/inzage", "address"),
    ],
)
def test_a_file_sent_in_a_form_gets_a_clear_page_and_keeps_the_answers(
    app: Flask, client: FlaskClient, path: str, field: str
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: a crash is a 500 page
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag"})
    page = check_page(client.get(path))
    data = letter_data(page, {field: (io.BytesIO(b"%PDF-1.4"), "brief.pdf")})
    response = client.post(path, data=data, content_type="multipart/form-data")
    page = check_page(response, status=400)
    assert "Traceback" not in response.get_data(as_text=True)
    assert page.main.find("a", class_="button")["href"] == "/vraag/woonplaats"
    assert client.get("/vraag/woonplaats").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("put", "/vraag/stand"),
        ("delete", "/vraag/stand"),
        ("post", "/advies"),
        ("get", "/intake/nieuw"),
        ("post", "/"),
        ("post", "/weg"),
    ],
)
def test_a_wrong_method_gets_a_clear_page(client: FlaskClient, method: str, path: str) -> None:
    answer_all(client, STARTED)
    check_page(getattr(client, method)(path), status=405)
    assert still_answered(client)


@pytest.mark.parametrize(
    "path",
    [
        "/vraag/bestaat_niet",
        "/vraag/..%2F..%2Fetc%2Fpasswd",
        "/nergens",
        "/vraag/",
        "/static/../app.py",
    ],
)
def test_an_unknown_address_gets_a_friendly_404(client: FlaskClient, path: str) -> None:
    page = check_page(client.get(path), status=404)
    assert "bestaat niet" in page.h1.get_text()


def test_the_404_page_offers_to_continue_where_the_visitor_was(client: FlaskClient) -> None:
    answer_all(client, STARTED)
    page = check_page(client.get("/vraag/bestaat_niet"), status=404)
    assert page.main.find("a", class_="button")["href"] == "/vraag/behoefte"


def test_an_unexpected_error_shows_a_calm_page_and_no_trace(app, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/kapot")
    def broken() -> str:
        raise RuntimeError("geheim detail")

    response = client.get("/kapot")
    page = check_page(response, status=500)
    assert "geheim detail" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    assert "Er ging iets mis" in page.h1.get_text()


def test_answering_the_start_question_with_a_query_string_is_ignored(client: FlaskClient) -> None:
    response = answer(client, "stand", "loopt", query="?wijzigen=ja")
    assert response.location == "/vraag/wie"
