# SPDX-License-Identifier: EUPL-1.2
"""A calendar file (iCalendar, RFC 5545) with one day in it: a term that ends, an answer due.

Pure: the caller gives the day and the words. The file is made for one response and kept
nowhere; it holds only that day and those words, and a random id that is not kept either.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid

from icalendar import Alarm, Calendar, Event

PRODID = "-//Nazorgwijzer//Zet in uw agenda//NL"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day of the month, so many months on; the month's last day where it has none.

    A month after 31 January is 28 (or 29) February, not a day in March.
    """
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def calendar_file(
    day: dt.date,
    summary: str,
    description: str,
    warn_before: dt.timedelta | None = None,
    made: dt.datetime | None = None,
) -> bytes:
    """One whole-day event on `day`; with `warn_before`, a reminder that long before it."""
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@nazorgwijzer")  # random: nothing links two files
    event.add("dtstamp", made or dt.datetime.now(dt.UTC))
    event.add("dtstart", day)  # a date: VALUE=DATE, the whole day wherever the family is
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
    if warn_before:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", -warn_before)
        event.add_component(alarm)
    file = Calendar()
    file.add("prodid", PRODID)
    file.add("version", "2.0")
    file.add("calscale", "GREGORIAN")
    file.add_component(event)
    return file.to_ical()
