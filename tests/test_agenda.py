# SPDX-License-Identifier: EUPL-1.2
""" "Zet in uw agenda": from a letter, a card's term and a hand-over link, to a calendar file."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from icalendar import Calendar
from werkzeug.test import TestResponse

from guide.calendar_file import months_after
from guide.dates import today
from tests.helpers import (
    answer_all,
    check_page,
    cookie_payload,
    csrf_token,
    make_letter,
    session_of,
    text_of,
)
from tests.journeys import MALICIOUS_REPORTER, YOUNG_AND_STRUGGLING

LETTERS = ["inzage", "correctie", "vernietiging", "klacht", "gesprek"]
# 31 January 2027, noon in Amsterdam: a month on is 28 February.
END_OF_JANUARY = dt.datetime(2027, 1, 31, 11, 0, tzinfo=dt.UTC).timestamp()


def event_of(response: TestResponse, filename: str) -> Calendar:
    """The one event of a calendar file the guide sent, after checking how it was sent."""
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"].startswith("noindex")
    (event,) = Calendar.from_ical(response.get_data()).walk("VEVENT")
    return event


def letter_agenda(client: FlaskClient, letter_id: str, typed: dict[str, str]) -> TestResponse:
    """Make a letter, then press its "Zet in uw agenda"."""
    page = check_page(make_letter(client, letter_id, typed))
    button = page.find("button", value="agenda")
    form = page.find("form", id=button["form"])
    data = {i["name"]: i["value"] for i in form.find_all("input")}
    return client.post(f"/brief/{letter_id}", data={**data, "format": "agenda"})


def term_form(client: FlaskClient, path: str) -> BeautifulSoup:
    page = check_page(client.get(path))
    form = page.find("main").find("form")
    assert form["method"] == "post" and not form.has_attr("action")  # back to its own address
    return page


def send_date(client: FlaskClient, path: str, typed: str) -> TestResponse:
    """Open a term's page and send the date, as a browser would."""
    page = term_form(client, path)
    return client.post(
        path, data={"csrf_token": csrf_token(page), page.find(id="datum")["name"]: typed}
    )


@pytest.mark.parametrize("letter_id", LETTERS)
def test_every_letter_puts_the_day_its_answer_is_due_in_the_calendar(
    client: FlaskClient, letter_id: str
) -> None:
    typed = {"name": "Jolanda Qvist", "own_words": "Niemand belde terug."}
    event = event_of(letter_agenda(client, letter_id, typed), f"antwoord-{letter_id}.ics")
    assert event.decoded("DTSTART") == months_after(today(), 1)
    assert str(event["SUMMARY"]).startswith("Antwoord van Veilig Thuis op uw brief: ")
    file = event.to_ical().decode()
    assert "Jolanda" not in file and "Niemand" not in file  # nothing typed, but the date


def test_a_letter_sent_on_31_january_is_answered_by_28_february(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "time", lambda: END_OF_JANUARY)
    event = event_of(letter_agenda(client, "inzage", {"name": "Jolanda"}), "antwoord-inzage.ics")
    assert event.decoded("DTSTART") == dt.date(2027, 2, 28)


@pytest.mark.parametrize("letter_id", ["inzage", "correctie", "vernietiging"])
def test_a_request_under_the_avg_says_the_answer_may_take_two_months_longer(
    client: FlaskClient, letter_id: str
) -> None:
    typed = {"name": "Jolanda", "own_words": "Er klopt iets niet."}
    event = event_of(letter_agenda(client, letter_id, typed), f"antwoord-{letter_id}.ics")
    assert "twee maanden" in str(event["DESCRIPTION"])
    assert "binnen de eerste maand laten weten" in str(event["DESCRIPTION"])


def test_a_strafklacht_ends_three_months_after_the_day_the_parent_heard_of_it(
    client: FlaskClient,
) -> None:
    heard = today() - dt.timedelta(days=20)
    response = send_date(client, "/agenda/strafklacht", heard.strftime("%d-%m-%Y"))
    event = event_of(response, "termijn-strafklacht.ics")
    assert event.decoded("DTSTART") == months_after(heard, 3)
    assert str(event["SUMMARY"]) == "Strafklacht: de termijn van 3 maanden loopt af"
    assert "U hoorde het op " in str(event["DESCRIPTION"])
    assert event.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(days=7)


def test_an_objection_ends_six_weeks_after_the_date_of_the_decision(client: FlaskClient) -> None:
    decided = today() - dt.timedelta(days=3)
    response = send_date(client, "/agenda/bezwaar", decided.isoformat())
    event = event_of(response, "termijn-bezwaar.ics")
    assert event.decoded("DTSTART") == decided + dt.timedelta(weeks=6)
    assert "zes weken" in str(event["SUMMARY"])


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("", "Vul “Wanneer hoorde u het?” in."),
        ("   ", "Vul “Wanneer hoorde u het?” in."),
        ("31-02-2026", "niet lezen als datum"),
        ("gisteren", "niet lezen als datum"),
        ("oktober 2026", "ook de dag"),
        ("1-1-1885", "is heel lang geleden"),
        ("9" * 5000, "niet lezen als datum"),
        ((dt.date.today() + dt.timedelta(days=3)).isoformat(), "ligt in de toekomst"),
        ("01-01-2020", "waarschijnlijk al voorbij: hij liep tot 1 april 2020"),
    ],
)
def test_a_bad_date_shows_the_form_again_with_the_error_and_what_was_typed(
    client: FlaskClient, typed: str, error: str
) -> None:
    page = check_page(send_date(client, "/agenda/strafklacht", typed), 400)
    assert error in text_of(page.find(class_="error-summary"))
    assert page.find(class_="error-summary").a["href"] == "#datum"
    assert page.title.get_text().startswith("Fout: ")
    assert page.find(id="datum")["value"] == typed


def test_a_form_without_its_token_or_with_another_gets_the_friendly_error_page(
    client: FlaskClient,
) -> None:
    page = term_form(client, "/agenda/bezwaar")
    name = page.find(id="datum")["name"]
    for data in ({name: "1-12-2026"}, {"csrf_token": "x" * 40, name: "1-12-2026"}):
        refused = check_page(client.post("/agenda/bezwaar", data=data), 400)
        assert "Dit formulier kunnen we niet verwerken" in text_of(refused)


def test_a_date_sent_under_another_name_is_no_date_and_the_form_asks_for_it(
    client: FlaskClient,
) -> None:
    page = term_form(client, "/agenda/bezwaar")
    data = {"csrf_token": csrf_token(page), "datum": "1-12-2026", "format": "agenda"}
    again = check_page(client.post("/agenda/bezwaar", data=data), 400)
    assert "Vul “Datum van het besluit” in." in text_of(again.find(class_="error-summary"))


def test_a_date_in_the_address_makes_no_file(client: FlaskClient) -> None:
    page = term_form(client, "/agenda/bezwaar")
    name = page.find(id="datum")["name"]
    response = client.get(f"/agenda/bezwaar?{name}=1-12-2026")
    assert check_page(response).find(id="datum")["value"] == ""


def test_an_unknown_term_gets_the_friendly_not_found_page(client: FlaskClient) -> None:
    assert "Deze pagina bestaat niet" in text_of(check_page(client.get("/agenda/morgen"), 404))


def test_the_strafklacht_note_on_the_advice_offers_it_for_the_calendar(client: FlaskClient) -> None:
    answer_all(client, MALICIOUS_REPORTER)
    page = check_page(client.get("/advies"))
    notes = [n for n in page.select(".card__note") if n.find("a", class_="agenda-link")]
    assert notes and all("3 maanden" in text_of(n) for n in notes)
    link = notes[0].find("a", class_="agenda-link")
    assert link["href"] == "/agenda/strafklacht"
    assert text_of(link) == "Zet in uw agenda: de termijn van 3 maanden bij smaad en laster"


def test_the_file_card_and_the_letters_that_speak_of_six_weeks_offer_them(
    client: FlaskClient,
) -> None:
    cards = check_page(client.get("/alle-hulp"))
    for service_id in ("vt_dossier", "nationale_ombudsman"):
        card = cards.find(id=f"dienst-{service_id}").find_parent("article")
        assert card.find("a", class_="agenda-link")["href"] == "/agenda/bezwaar"
    for letter_id in ("inzage", "vernietiging"):
        form = check_page(client.get(f"/brief/{letter_id}"))
        assert form.find("a", class_="agenda-link")["href"] == "/agenda/bezwaar"
    assert not check_page(client.get("/brief/klacht")).find("a", class_="agenda-link")


def test_in_english_the_page_and_the_file_are_in_english(client: FlaskClient) -> None:
    client.get("/taal/en")
    page = term_form(client, "/agenda/strafklacht")
    assert page.html["lang"] == "en" and "Zet in" not in text_of(page)
    decided = today() - dt.timedelta(days=1)
    event = event_of(
        send_date(client, "/agenda/bezwaar", decided.isoformat()), "termijn-bezwaar.ics"
    )
    assert "weeks" in str(event["SUMMARY"])


def test_a_young_person_reads_je_on_the_page_and_in_the_file(client: FlaskClient) -> None:
    answer_all(client, YOUNG_AND_STRUGGLING)
    page = text_of(term_form(client, "/agenda/strafklacht"))
    assert "Zet de termijn voor een strafklacht in je agenda" in page and " uw " not in page
    heard = today() - dt.timedelta(days=2)
    response = send_date(client, "/agenda/strafklacht", heard.isoformat())
    assert "Je hoorde het op " in str(event_of(response, "termijn-strafklacht.ics")["DESCRIPTION"])


def test_a_term_from_a_hand_over_link_is_in_the_links_language(client: FlaskClient) -> None:
    client.get("/taal/pl")
    answer_all(client, MALICIOUS_REPORTER)
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    client.get("/taal/nl")
    family = client.application.test_client()  # the parent's own phone, in Dutch by default
    page = check_page(family.get(urlsplit(link).path))
    term = page.find("a", class_="agenda-link")["href"]
    assert term == f"{urlsplit(link).path}/agenda/strafklacht"
    assert term_form(family, term).html["lang"] == "pl"
    heard = today() - dt.timedelta(days=2)
    event = event_of(send_date(family, term, heard.isoformat()), "termijn-strafklacht.ics")
    assert str(event["SUMMARY"]) == "Strafklacht: mija termin 3 miesięcy"
    broken = family.get("/mee/kapot/agenda/strafklacht")
    assert broken.status_code == 303 and broken.location.endswith("/mee/kapot")


def test_the_typed_date_reaches_neither_the_session_cookie_nor_a_log_line(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    answer_all(client, MALICIOUS_REPORTER)
    term_form(client, "/agenda/strafklacht")
    before = session_of(client)
    heard = today() - dt.timedelta(days=17)
    typed = [heard.strftime("%d-%m-%Y"), "29-02-2026"]  # a good date, and a bad one
    for date in typed:
        send_date(client, "/agenda/strafklacht", date)
    assert "POST /agenda/<term_id> 200" in caplog.text
    assert "POST /agenda/<term_id> 400" in caplog.text
    after = json.dumps(cookie_payload(client))
    written = [heard.isoformat(), heard.strftime("%Y%m%d"), *typed]
    assert [d for d in written if d in after or d in caplog.text] == []
    assert session_of(client) == before
