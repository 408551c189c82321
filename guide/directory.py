# SPDX-License-Identifier: EUPL-1.2
"""The regional directory: what was seen of each Veilig Thuis region and municipality.

Every value holds where it was seen and when it was checked; a value that was not seen is not
there (its CSV cell is empty), so nothing shown is ever a guess. `directory_checks.py` has the
rules for their forms.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Where a team's name was seen: the municipality's own pages, the municipalities' regional
# site, the team's own site; or others (news, a school, a provider), which may be out of date.
TEAM_SOURCES = ("gemeente", "regio", "team", "derden")
SHOWN_TEAM_SOURCES = frozenset({"gemeente", "regio", "team"})


@dataclass(frozen=True)
class Fact:
    """One value as it was seen: where, and when it was checked."""

    value: str
    source: str
    checked: dt.date | None


@dataclass(frozen=True)
class Subject:
    """The columns of veilig_thuis.csv about one subject: its page, postal address, e-mail."""

    page: str
    post: str = ""
    email: str = ""


# What a card or letter is about (services.yaml `regional`) -> where the region's data has it.
SUBJECTS = {
    "website": Subject("website"),
    "complaints": Subject("klachten_url", "klachten_postadres", "klachten_email"),
    "file": Subject("privacy_dossier_url", "dossier_postadres", "dossier_email"),
}
NO_SUBJECT = Subject("")  # a card about something else: the region has nothing on it
REGION_COLUMNS = (
    "naam",
    *(c for s in SUBJECTS.values() for c in (s.page, s.post, s.email) if c),
    "klachtencommissie",
)
LINES = " | "  # between the lines of a postal address, and between e-mail addresses


@dataclass(frozen=True)
class Region:
    """A Veilig Thuis region: only the values that were seen, each with its source."""

    code: str  # CBS code, e.g. VT15; codes have gaps
    name: str  # region name, e.g. Midden-Brabant
    facts: Mapping[str, Fact] = field(default_factory=dict)  # column of veilig_thuis.csv -> fact
    checked: dt.date | None = None

    @property
    def organisation(self) -> str | None:
        """The organisation's name, where it was seen."""
        return self.value("naam")

    def value(self, column: str) -> str | None:
        """The value of a column of veilig_thuis.csv, where it was seen."""
        fact = self.facts.get(column)
        return fact.value if fact else None

    def link(self, kind: str) -> str | None:
        """The web address of one kind, where it was seen; never a guess."""
        return self.value(SUBJECTS.get(kind, NO_SUBJECT).page)

    def postal_address(self, kind: str) -> tuple[str, ...]:
        """The lines of the postal address for this subject, where one was seen."""
        column = SUBJECTS.get(kind, NO_SUBJECT).post
        value = self.value(column) if column else None
        return tuple(value.split(LINES)) if value else ()

    def email(self, kind: str) -> str | None:
        """The first e-mail address for this subject, without its note in brackets."""
        column = SUBJECTS.get(kind, NO_SUBJECT).email
        value = self.value(column) if column else None
        return value.split(LINES)[0].split(" (")[0] if value else None


@dataclass(frozen=True)
class Team:
    """The municipality's local team (wijkteam, buurtteam, CJG), where it was seen."""

    name: str
    url: str
    source: str
    seen_on: str  # one of TEAM_SOURCES
    checked: dt.date | None

    @property
    def shown(self) -> bool:
        """Only a name seen on a municipality's, region's or team's own site reaches a family."""
        return self.seen_on in SHOWN_TEAM_SOURCES


@dataclass(frozen=True)
class Municipality:
    code: str  # CBS code, e.g. GM0855
    name: str
    region: str  # a Region code
    website: Fact | None = None
    team: Team | None = None

    @property
    def shown_team(self) -> Team | None:
        return self.team if self.team and self.team.shown else None


def region(row: dict[str, str]) -> Region:
    checked = _date(row["checked"])
    sources = _sources(row["source_per_field"])
    return Region(
        code=row["vt_code"],
        name=row["vt_regio"],
        facts={
            column: Fact(row[column].strip(), sources.get(column, ""), checked)
            for column in REGION_COLUMNS
            if row[column].strip()
        },
        checked=checked,
    )


def _sources(text: str) -> dict[str, str]:
    """'naam=https://... ; website=https://... (host)' -> column -> its source."""
    pairs = (part.strip().partition("=") for part in text.split(" ; ") if part.strip())
    return {column.strip(): source.strip() for column, _, source in pairs}


def website(row: dict[str, str] | None) -> Fact | None:
    if row is None or not row["website"].strip():
        return None
    return Fact(row["website"].strip(), row["source"].strip(), _date(row["checked"]))


def team(row: dict[str, str] | None) -> Team | None:
    if row is None or not row["team_name"].strip():  # searched, not found: the notes say where
        return None
    return Team(
        name=row["team_name"].strip(),
        url=row["url"].strip(),
        source=row["source"].strip(),
        seen_on=row["seen_on"].strip(),
        checked=_date(row["checked"]),
    )


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file; a file that is missing has none."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
