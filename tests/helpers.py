# SPDX-License-Identifier: EUPL-1.2
"""Helpers that let tests read like a visitor using the guide."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping, Sequence

import html5lib
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from guide import handover, session
from guide.keys import fernet

Answer = str | Sequence[str]


def as_answers(journey: Mapping[str, Answer]) -> dict[str, tuple[str, ...]]:
    """A journey as the engine reads answers: a tuple of option ids per question."""
    return {q: (v,) if isinstance(v, str) else tuple(v) for q, v in journey.items()}


def check_page(response: TestResponse, status: int = 200) -> BeautifulSoup:
    """Assert what every page must have; return the parsed page."""
    assert response.status_code == status, response.status_code
    assert response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(text)  # raises on any HTML parse error
    page = BeautifulSoup(text, "html.parser")
    assert page.html["lang"] and page.html["dir"] in ("ltr", "rtl")
    headings = page.find_all("h1")
    assert len(headings) == 1, [h.get_text() for h in headings]
    # The title is in the page's language; a heading may show the Dutch beside it.
    heading = " ".join((headings[0].select_one(".both__own") or headings[0]).get_text().split())
    title = " ".join(page.title.get_text().split())
    if page.select_one(".error-summary"):  # "Fout: " (in the page's language) comes first
        title = title.split(" ", 1)[1]
    assert title.startswith(heading), (title, heading)
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for label in page.find_all("label"):
        assert page.find(id=label["for"]), label
    for link in page.select('a[href^="#"]'):
        assert link["href"] == "#" or page.find(id=link["href"][1:]), link
    return page


CSRF_FIELD = re.compile(r"csrf_token$")  # a letter form's has the visit's mark in front


def csrf_token(page: BeautifulSoup) -> str:
    return page.find("input", attrs={"name": CSRF_FIELD})["value"]


def answer(client: FlaskClient, question_id: str, value: Answer, query: str = "") -> TestResponse:
    """Open a question page and submit an answer to it, as a browser would."""
    page = check_page(client.get(f"/vraag/{question_id}{query}"))
    values = [value] if isinstance(value, str) else list(value)
    return client.post(
        f"/vraag/{question_id}{query}", data={"csrf_token": csrf_token(page), question_id: values}
    )


def answer_all(client: FlaskClient, answers: Mapping[str, Answer]) -> TestResponse:
    """Answer the questions in order, following each redirect; return the last response."""
    response = None
    for question_id, value in answers.items():
        response = answer(client, question_id, value)
        assert response.status_code == 302, (question_id, response.status_code)
    return response


def text_of(page: BeautifulSoup) -> str:
    return " ".join(page.get_text().split())


def cookie_payload(client: FlaskClient) -> dict:
    """Everything the visitor's session cookie holds (its clocks too), read with the app's key."""
    cookie = client.get_cookie("nazorgwijzer").value
    return json.loads(fernet(client.application, session.PURPOSE).decrypt(cookie.encode()))


def session_of(client: FlaskClient) -> dict:
    """What the visitor's session holds."""
    return cookie_payload(client)["data"]


def handover_payload(app: Flask, link: str) -> dict:
    """What a hand-over link holds, read with the app's key."""
    token = link.rsplit("/", 1)[1]
    padded = token + "=" * (-len(token) % 4)
    return json.loads(zlib.decompress(fernet(app, handover.PURPOSE).decrypt(padded.encode())))


def make_letter(client: FlaskClient, letter_id: str, typed: Mapping[str, str]) -> TestResponse:
    """Open a letter's form and send it filled in, as a browser would."""
    page = check_page(client.get(f"/brief/{letter_id}"))
    return client.post(f"/brief/{letter_id}", data=letter_data(page, typed))


def letter_data(form: BeautifulSoup, typed: Mapping[str, str]) -> dict[str, str]:
    """The form data a browser sends for a letter form: its fields by their names on the page."""
    token = form.find("input", attrs={"name": CSRF_FIELD})
    names = {
        field_id: form.find(id=field_id)["name"] for field_id in typed if form.find(id=field_id)
    }
    return {token["name"]: token["value"], **{names.get(k, k): v for k, v in typed.items()}}


def leave_by(client: FlaskClient, way: str) -> None:
    """Leave as a visitor can: "Opnieuw beginnen", "Snel weg" or "Nieuwe cliënt"."""
    if way == "weg":
        client.get("/weg")
        return
    action = {"opnieuw": "/opnieuw", "nieuw": "/intake/nieuw"}[way]
    form = check_page(client.get("/intake" if way == "nieuw" else "/opnieuw"))
    client.post(action, data={"csrf_token": csrf_token(form.find("form", action=action))})
