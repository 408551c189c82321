# SPDX-License-Identifier: EUPL-1.2
"""Terms a family can put in its own calendar, counted from a date the parent gives.

The content names them (`agenda:` on a card, a note or a letter) and holds their words and
sources (terms.yaml). Pure: no request, no Flask.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar_file import months_after


@dataclass(frozen=True)
class Term:
    id: str
    name: str  # what "Zet in uw agenda" is about, for a screen reader beside the link
    title: str
    text: str  # what the page says above the form
    label: str  # the date the term counts from
    hint: str
    summary: str  # the calendar's one line, on the day the term ends
    description: str  # %(date)s: the date the parent gave, written out
    sources: tuple[str, ...]
    checked: dt.date | None
    months: int = 0
    weeks: int = 0
    # The calendar warns this long before the day: time to act, not only to remember.
    warn_before: dt.timedelta = dt.timedelta(days=7)

    def ends(self, start: dt.date) -> dt.date:
        """The day the term ends, counted from the date the parent gave."""
        return months_after(start, self.months) + dt.timedelta(weeks=self.weeks)
