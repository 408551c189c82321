# SPDX-License-Identifier: EUPL-1.2
"""Municipalities and Veilig Thuis regions: the data, and finding a place from what a visitor typed.

The data are three CSV files beside this module, kept as published so they can be refreshed
each year (municipalities merge on 1 January):
- gemeenten.csv: every municipality (CBS code) and the Veilig Thuis region it belongs to.
- veilig_thuis.csv: per region the organisation and its pages, "UNVERIFIED" where not seen.
- gemeente_namen.csv: other names people use for a municipality ("Den Bosch").
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

UNVERIFIED = "UNVERIFIED"
MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Region:
    """A Veilig Thuis region. Fields hold the data as published, UNVERIFIED included."""

    code: str  # CBS code, e.g. VT15; codes have gaps
    name: str  # region name, e.g. Midden-Brabant
    raw_organisation: str
    raw_links: dict[str, str]  # "website", "complaints", "file" -> address or UNVERIFIED

    @property
    def organisation(self) -> str | None:
        """The organisation's name, where it was seen."""
        return _verified(self.raw_organisation)

    def link(self, kind: str) -> str | None:
        """The web address of one kind, where it was seen; never a guess."""
        return _verified(self.raw_links.get(kind, UNVERIFIED))


@dataclass(frozen=True)
class Municipality:
    code: str  # CBS code, e.g. GM0855
    name: str
    region: str  # a Region code


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


@dataclass(frozen=True)
class Places:
    regions: tuple[Region, ...]
    municipalities: tuple[Municipality, ...]
    aliases: tuple[tuple[str, str], ...] = ()  # (other name, municipality code)

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
        names = [(m.name, m.code) for m in self.municipalities] + list(self.aliases)
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
LINK_COLUMNS = {"website": "website", "complaints": "klachten_url", "file": "privacy_dossier_url"}


def load_places(directory: Path) -> Places:
    """Read the three CSV files into the model; a folder without them has no places."""
    if not any((directory / name).exists() for name in FILES):
        return Places((), ())
    regions = tuple(
        Region(
            code=row["vt_code"],
            name=row["vt_regio"],
            raw_organisation=row["naam"].strip(),
            raw_links={kind: row[column].strip() for kind, column in LINK_COLUMNS.items()},
        )
        for row in _rows(directory / "veilig_thuis.csv")
    )
    municipalities = tuple(
        Municipality(code=row["gm_code"], name=row["gemeente"], region=row["vt_code"])
        for row in _rows(directory / "gemeenten.csv")
    )
    aliases = tuple(
        (row["naam"], row["gm_code"]) for row in _rows(directory / "gemeente_namen.csv")
    )
    return Places(regions, municipalities, aliases)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _verified(value: str) -> str | None:
    return None if value.startswith(UNVERIFIED) else value
