# SPDX-License-Identifier: EUPL-1.2
"""The calendar file on its own: valid iCalendar, one whole day, the right day for each term."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from guide.calendar_file import calendar_file, months_after
from guide.content import Content

MADE = dt.datetime(2026, 12, 4, 18, 30, tzinfo=dt.UTC)


def event_of(file: bytes) -> Calendar:
    """The one event of a calendar file, after checking the calendar around it."""
    parsed = Calendar.from_ical(file)
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    events = parsed.walk("VEVENT")
    assert len(events) == 1 and len(parsed.subcomponents) == 1
    return events[0]


def test_the_file_is_one_whole_day_event_with_the_words_it_was_given() -> None:
    file = calendar_file(
        dt.date(2027, 3, 4), "Termijn; loopt af", "Regel een,\nregel twee", made=MADE
    )
    event = event_of(file)
    assert event.decoded("DTSTART") == dt.date(2027, 3, 4)
    assert b"DTSTART;VALUE=DATE:20270304\r\n" in file  # a date, not a moment in a time zone
    assert event.decoded("DTEND") == dt.date(2027, 3, 5)
    assert event.decoded("DTSTAMP") == MADE
    assert str(event["SUMMARY"]) == "Termijn; loopt af"
    assert str(event["DESCRIPTION"]) == "Regel een,\nregel twee"
    assert event.walk("VALARM") == []


def test_each_file_has_its_own_random_id_so_nothing_links_two_families() -> None:
    ids = {str(event_of(calendar_file(dt.date(2027, 1, 1), "a", "b"))["UID"]) for _ in range(3)}
    assert len(ids) == 3


def test_a_warning_before_the_day_is_an_alarm_that_long_before_it() -> None:
    file = calendar_file(dt.date(2027, 1, 1), "Termijn", "Tekst", dt.timedelta(days=7))
    (alarm,) = event_of(file).walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and str(alarm["DESCRIPTION"]) == "Termijn"
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=7)


def test_words_in_any_of_the_six_languages_come_back_as_they_were_written() -> None:
    summary = "Strafklacht: الموعد النهائي, термін, süre, termin, 3 maanden"
    assert str(event_of(calendar_file(dt.date(2027, 1, 1), summary, "x"))["SUMMARY"]) == summary


@pytest.mark.parametrize(
    ("start", "months", "day"),
    [
        (dt.date(2026, 12, 4), 1, dt.date(2027, 1, 4)),  # into the next year
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),  # February has no 31st
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),  # ... nor, in a leap year, a 30th
        (dt.date(2027, 3, 31), 1, dt.date(2027, 4, 30)),
        (dt.date(2027, 1, 30), 1, dt.date(2027, 2, 28)),
        (dt.date(2027, 2, 28), 1, dt.date(2027, 3, 28)),  # the 28th stays the 28th
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 10, 15), 3, dt.date(2027, 1, 15)),
        (dt.date(2026, 12, 31), 12, dt.date(2027, 12, 31)),
    ],
)
def test_months_after_keeps_the_day_of_the_month_or_takes_the_months_last(
    start: dt.date, months: int, day: dt.date
) -> None:
    assert months_after(start, months) == day


def test_the_strafklacht_ends_three_months_after_the_day_the_parent_heard_of_it(
    content: Content,
) -> None:
    term = content.term("strafklacht")
    assert term
    assert term.ends(dt.date(2026, 11, 20)) == dt.date(2027, 2, 20)
    assert term.ends(dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)


def test_the_objection_ends_six_weeks_after_the_date_of_the_decision(content: Content) -> None:
    term = content.term("bezwaar")
    assert term
    assert term.ends(dt.date(2026, 12, 4)) == dt.date(2027, 1, 15)
    assert term.ends(dt.date(2027, 1, 31)) == dt.date(2027, 3, 14)
