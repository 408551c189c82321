# SPDX-License-Identifier: EUPL-1.2
"""The letter's date and what lies "in the future" are the day it is in the Netherlands."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from flask.testing import FlaskClient

from tests.helpers import answer_all, check_page, make_letter, text_of

# New Year's Eve, 23:30 UTC: in Amsterdam (UTC+1) it is already half past midnight, 1 January.
NEW_YEAR = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC).timestamp()


@pytest.fixture
def new_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: NEW_YEAR)


@pytest.mark.usefixtures("new_year")
def test_the_letter_is_dated_the_day_it_is_in_the_netherlands(client: FlaskClient) -> None:
    letter = check_page(make_letter(client, "inzage", {"name": "Jolanda Qvist"}))
    assert "Datum: 1 januari 2027" in text_of(letter.find("article", class_="letter"))


@pytest.mark.usefixtures("new_year")
def test_a_date_of_today_in_the_netherlands_is_not_in_the_future(client: FlaskClient) -> None:
    typed = {"name": "Jolanda Qvist", "report_date": "1-1-2027"}
    letter = check_page(make_letter(client, "inzage", typed)).find("article", class_="letter")
    assert "1 januari 2027" in text_of(letter)
    too_late = make_letter(client, "inzage", {**typed, "report_date": "2-1-2027"})
    assert "ligt in de toekomst" in text_of(check_page(too_late, 400))


@pytest.mark.usefixtures("new_year")
def test_a_childs_age_counts_from_the_day_it_is_in_the_netherlands(client: FlaskClient) -> None:
    # Twelve on 1 January 2027: too old for a parent to ask destruction for, from that day on.
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "geen"})
    typed = {"name": "Jolanda Qvist", "gezag": "y", "children": "Mirthe (1-1-2015)"}
    response = make_letter(client, "vernietiging", typed)
    assert "12 jaar of ouder" in text_of(check_page(response, 400))
