# SPDX-License-Identifier: EUPL-1.2
"""The regional directory's rules: every value in its form, with its source and checked date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .directory import LINES, SUBJECTS, TEAM_SOURCES, Fact
from .places import Places

# A source is a web address: a host name, maybe with https:// and a path, maybe with a note in
# brackets after it ("vvaa.nl (psychische zorg bij de huisarts, 2019)").
WEB_ADDRESS = re.compile(r"(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(/\S*)?( \(.+\))?", re.IGNORECASE)
HTTPS = re.compile(r"https://\S+")
POSTCODE_AND_PLACE = re.compile(r"\d{4} ?[A-Z]{2} \S.*")
EMAIL = re.compile(r"[^@\s|]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}( \(.+\))?", re.IGNORECASE)
PAGES = frozenset(s.page for s in SUBJECTS.values())
POSTS = frozenset(s.post for s in SUBJECTS.values() if s.post)
EMAILS = frozenset(s.email for s in SUBJECTS.values() if s.email)
UNVERIFIED = "UNVERIFIED"


def directory_problems(places: Places) -> Iterator[str]:
    """Every value not in its form, without its source or without a checked date."""
    for region in places.regions:
        where = f"region '{region.code}'"
        for column, fact in region.facts.items():
            yield from _fact(where, column, fact)
        if region.checked is None:  # one date for the row: each fact holds the same
            yield f"{where}: no checked date"
    with_website = any(m.website for m in places.municipalities)
    for municipality in places.municipalities:
        where = f"municipality '{municipality.code}'"
        if municipality.website:
            yield from _fact(where, "website", municipality.website)
            if municipality.website.checked is None:
                yield f"{where}: website has no checked date"
        elif with_website:
            yield f"{where}: no website"
        team = municipality.team
        if team:
            here = f"team of '{municipality.code}'"
            if team.url:
                yield from _form(here, "url", team.url)
            yield from _sourced(here, "team_name", Fact(team.name, team.source, team.checked))
            if team.checked is None:
                yield f"{here}: no checked date"
            if team.seen_on not in TEAM_SOURCES:
                yield f"{here}: seen_on '{team.seen_on}' is not one of {', '.join(TEAM_SOURCES)}"
    for code in places.strays:
        yield f"websites or teams: unknown municipality '{code}'"


def _fact(where: str, column: str, fact: Fact) -> Iterator[str]:
    if fact.value.startswith(UNVERIFIED):
        yield f"{where}: {column} says {UNVERIFIED}: leave a value that was not seen empty"
        return
    yield from _form(where, column, fact.value)
    yield from _sourced(where, column, fact)


def _form(where: str, column: str, value: str) -> Iterator[str]:
    if (column in PAGES or column == "url") and not HTTPS.fullmatch(value):
        yield f"{where}: {column} '{value}' is not an https:// address"
    elif column in POSTS and not _postal(value):
        yield (
            f"{where}: {column} '{value}' is not a postal address "
            f"(lines between '{LINES.strip()}', the last a postcode and place)"
        )
    elif column in EMAILS and not all(EMAIL.fullmatch(a) for a in value.split(LINES)):
        yield f"{where}: {column} '{value}' is not an e-mail address"


def _postal(value: str) -> bool:
    lines = value.split(LINES)
    return len(lines) >= 2 and all(lines) and bool(POSTCODE_AND_PLACE.fullmatch(lines[-1]))


def _sourced(where: str, column: str, fact: Fact) -> Iterator[str]:
    """One source or more, between " ; " or " + ", each a web address with maybe a note."""
    if not fact.source:
        yield f"{where}: {column} has no source"
    elif not all(WEB_ADDRESS.fullmatch(s.strip()) for s in re.split(" [;+] ", fact.source)):
        yield f"{where}: the source of {column} is not a web address ('{fact.source}')"
