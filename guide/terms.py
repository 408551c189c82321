# SPDX-License-Identifier: EUPL-1.2
"""Terms a family can put in its own calendar, counted from a date the parent gives.

The content names them (`agenda:` on a card, a note or a letter); what each says comes from
the card texts it belongs to, and from their sources. Pure: no request, no Flask.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar_file import months_after
from .letter_fields import N_


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
    months: int = 0
    weeks: int = 0
    # The calendar warns this long before the day: time to act, not only to remember.
    warn_before: dt.timedelta = dt.timedelta(days=7)

    def ends(self, start: dt.date) -> dt.date:
        """The day the term ends, counted from the date the parent gave."""
        return months_after(start, self.months) + dt.timedelta(weeks=self.weeks)


TERMS = {
    # Smaad and laster are klachtdelicten: a strafklacht within 3 months of hearing of it
    # (juridischloket.nl/politie-en-justitie/aangifte/klachtdelict; services.yaml).
    "strafklacht": Term(
        id="strafklacht",
        name=N_("de termijn van 3 maanden bij smaad en laster"),
        title=N_("Zet de termijn voor een strafklacht in uw agenda"),
        text=N_(
            "Een strafklacht voor smaad of laster moet binnen 3 maanden. Een strafklacht is een "
            "aangifte met het verzoek om de dader te vervolgen. De 3 maanden tellen vanaf het "
            "moment dat u het hoorde. Vul in wanneer dat was. U krijgt dan een bestand voor uw "
            "agenda, met de dag waarop de 3 maanden voorbij zijn."
        ),
        label=N_("Wanneer hoorde u het?"),
        hint=N_("Bijvoorbeeld 31-12-2025."),
        summary=N_("Strafklacht: de termijn van 3 maanden loopt af"),
        description=N_(
            "U hoorde het op %(date)s. Een strafklacht voor smaad of laster moet binnen 3 "
            "maanden. Wacht niet tot deze dag. Vraag snel juridisch advies."
        ),
        months=3,
    ),
    # A refusal by Veilig Thuis: bezwaar or the court within six weeks (Awb 6:7; UAVG 34 and
    # 35; content-facts, "Six weeks to challenge a refusal").
    "bezwaar": Term(
        id="bezwaar",
        name=N_("de zes weken om bezwaar te maken"),
        title=N_("Zet de zes weken voor bezwaar in uw agenda"),
        text=N_(
            "Weigert Veilig Thuis? Dan heeft u meestal maar zes weken om bezwaar te maken of de "
            "rechter te vragen. Vul de datum van het besluit in. U krijgt dan een bestand voor uw "
            "agenda, met de dag waarop de zes weken voorbij zijn."
        ),
        label=N_("Datum van het besluit"),
        hint=N_("Die staat in de brief van Veilig Thuis. Bijvoorbeeld 31-12-2025."),
        summary=N_("Bezwaar tegen Veilig Thuis: de zes weken lopen af"),
        description=N_(
            "Het besluit van Veilig Thuis is van %(date)s. U heeft meestal maar zes weken om "
            "bezwaar te maken of de rechter te vragen. In het besluit staat hoe. Wacht niet tot "
            "deze dag. Vraag meteen juridisch advies."
        ),
        weeks=6,
    ),
}
