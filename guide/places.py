# SPDX-License-Identifier: EUPL-1.2
"""Municipalities and Veilig Thuis regions: the data, and finding a place from what a visitor typed.

The data are CSV files beside this module, kept as published so they can be refreshed each
year (municipalities merge on 1 January); bronnen.csv says where each comes from:
- gemeenten.csv: every municipality (CBS code) and the Veilig Thuis region it belongs to.
- veilig_thuis.csv: per region the organisation, its pages, postal and e-mail addresses, each
  with its source in `source_per_field`, and the date they were checked. Empty where not seen.
- gemeenten_websites.csv: every municipality's website, from the government's register.
- wijkteams.csv: the local team's name and page, for the municipalities where they were seen.
- gemeente_namen.csv: other names people use for a municipality ("Den Bosch", or "Ljouwert" in
  Frisian), each with the web address that uses it for the municipality.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from .directory import Municipality, Region, region, rows, team, website

MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Place:
    """Where a visitor lives, as far as they told: a municipality, or only a region."""

    region: Region
    municipality: Municipality | None


@dataclass(frozen=True)
class Match:
    """What a typed name points to: one place, or some to choose from."""

    found: str | None = None  # a municipality or region code
    suggestions: tuple[str, ...] = ()


class Alias(NamedTuple):
    """Another name for a municipality: one in common use ("Den Bosch"), or in Frisian."""

    name: str
    code: str  # the municipality's
    source: str  # a web address that uses the name for the municipality


@dataclass(frozen=True)
class Places:
    regions: tuple[Region, ...]
    municipalities: tuple[Municipality, ...]
    aliases: tuple[Alias, ...] = ()
    strays: tuple[str, ...] = ()  # codes in the websites or teams that name no municipality

    @cached_property
    def by_code(self) -> dict[str, Region | Municipality]:
        return {p.code: p for p in (*self.regions, *self.municipalities)}

    def place(self, code: str) -> Place | None:
        """The place an answer names, if it names one."""
        found = self.by_code.get(code)
        if isinstance(found, Municipality):
            region = self.by_code.get(found.region)
            return Place(region, found) if isinstance(region, Region) else None
        return Place(found, None) if isinstance(found, Region) else None

    def region(self, code: str) -> Region | None:
        """The region a code names, if it names a region (not a municipality)."""
        found = self.by_code.get(code)
        return found if isinstance(found, Region) else None

    def name(self, code: str) -> str:
        return self.by_code[code].name

    @cached_property
    def _index(self) -> dict[str, set[str]]:
        """Every way of writing a place, normalised, to the codes it may mean."""
        index: dict[str, set[str]] = {}
        names = [(m.name, m.code) for m in self.municipalities]
        names += [(a.name, a.code) for a in self.aliases]
        names += [(r.name, r.code) for r in self.regions]
        names += [(r.organisation, r.code) for r in self.regions if r.organisation]
        for name, code in names:
            for key in _spellings(name):
                index.setdefault(key, set()).add(code)
        return index

    def find(self, typed: str) -> Match:
        """Match a typed name tolerantly: case, accents, punctuation, articles, prefixes."""
        key = normalise(typed)
        if not key:
            return Match()
        exact = self._index.get(key, set())
        if exact:
            return self._one_or_choose(exact)
        starting = {
            code for name, codes in self._index.items() if name.startswith(key) for code in codes
        }
        if starting:
            return self._one_or_choose(starting)
        close = difflib.get_close_matches(key, self._index, n=MAX_SUGGESTIONS, cutoff=0.75)
        codes = {c for name in close for c in self._index[name]}
        return Match(suggestions=self._sorted(self._one_of_each_name(codes)))

    def _one_or_choose(self, codes: set[str]) -> Match:
        municipalities = {c for c in codes if isinstance(self.by_code[c], Municipality)}
        # "Utrecht" is a municipality and a region: the municipality says more.
        chosen = municipalities or codes
        if len(chosen) == 1:
            return Match(found=next(iter(chosen)))
        return Match(suggestions=self._sorted(chosen)[:MAX_SUGGESTIONS])

    def _one_of_each_name(self, codes: set[str]) -> set[str]:
        """Without a region that has a suggested municipality's name: "Utrecht" is offered once,
        as the municipality, which says more."""
        names = {self.name(c) for c in codes if isinstance(self.by_code[c], Municipality)}
        return {
            c
            for c in codes
            if isinstance(self.by_code[c], Municipality) or self.name(c) not in names
        }

    def _sorted(self, codes: set[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=lambda c: (self.name(c).casefold(), c)))


def normalise(text: str) -> str:
    """Lower case, no accents, only letters and digits, no leading "Veilig Thuis"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if ch.isalnum() and not unicodedata.combining(ch))
    return plain.removeprefix("veiligthuis")


def _spellings(name: str) -> Iterator[str]:
    """A name as written, and without its article or the part in brackets."""
    yield normalise(name)
    bare = re.sub(r"^('s|'t|s|t)[- ]", "", name.strip())  # 's-Hertogenbosch -> Hertogenbosch
    bare = re.sub(r"\s*\(.*\)$", "", bare)  # Bergen (NH.) -> Bergen
    if bare != name:
        yield normalise(bare)


FILES = ("veilig_thuis.csv", "gemeenten.csv", "gemeente_namen.csv")


def load_places(directory: Path) -> Places:
    """Read the CSV files into the model; a folder without them has no places."""
    if not any((directory / name).exists() for name in FILES):
        return Places((), ())
    regions = tuple(region(row) for row in rows(directory / "veilig_thuis.csv"))
    websites = {row["gm_code"]: row for row in rows(directory / "gemeenten_websites.csv")}
    teams = {row["gm_code"]: row for row in rows(directory / "wijkteams.csv")}
    municipalities = tuple(
        Municipality(
            code=row["gm_code"],
            name=row["gemeente"],
            region=row["vt_code"],
            website=website(websites.pop(row["gm_code"], None)),
            team=team(teams.pop(row["gm_code"], None)),
        )
        for row in rows(directory / "gemeenten.csv")
    )
    aliases = tuple(
        Alias(row["naam"], row["gm_code"], row["bron"])
        for row in rows(directory / "gemeente_namen.csv")
    )
    # What names no municipality of the data stays, for the validator to name.
    strays = tuple(sorted({*websites, *teams}))
    return Places(regions, municipalities, aliases, strays)
