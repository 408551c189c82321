# SPDX-License-Identifier: EUPL-1.2
"""A letter filled in with what the visitor typed: its Dutch lines, and a translation beside each.

Pure: the caller gives the date, the region and a way to translate. Nothing here is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from .date_input import written
from .directory import Region
from .letters import BLANK, DATES, Letter

# The frame of every letter, for the page and the plain text alike. Dutch only: the letter
# goes to a Dutch organisation.
FRAME = {
    "greeting": "Geachte heer, mevrouw,",
    "closing": "Met vriendelijke groet,",
    "subject": "Betreft:",
    "date": "Datum:",
    "birth_date": "Geboortedatum:",
}

# A paragraph's Dutch text and the values to fill in -> the same paragraph in the page's language.
Translate = Callable[[str, Mapping[str, str]], str]


@dataclass(frozen=True)
class Block:
    dutch: str
    translation: str = ""  # on a page in another language: what the Dutch says


@dataclass(frozen=True)
class Addressee:
    """Where the letter goes: the best address the data has for its subject.

    A verified postal address; else, beside the name, the verified e-mail address; else the
    region's page on the subject, where the visitor looks it up; else only lines to fill in.
    """

    lines: tuple[str, ...]
    email: str | None = None
    page: str | None = None


def addressee(region: Region | None, subject: str) -> Addressee:
    """The visitor's own Veilig Thuis for a letter about this subject (a `regional` kind)."""
    if region is None:
        return Addressee(("Veilig Thuis", BLANK, BLANK))
    name = (region.organisation,) if region.organisation else ("Veilig Thuis", region.name)
    post = region.postal_address(subject)
    email = region.email(subject)
    if post:  # its first line may name the organisation already ("Veilig Thuis ... | Postbus")
        return Addressee(post if name[0] in post[0] else (*name, *post), email)
    if email:
        return Addressee(name, email)
    return Addressee((*name, BLANK, BLANK), page=region.link(subject))


@dataclass(frozen=True)
class Composed:
    sender: tuple[str, ...]
    to: Addressee
    date: str
    subject: Block
    paragraphs: tuple[Block, ...]
    own_words: str
    name: str
    note: str = ""  # the visitor's own words as a note for themselves: beside the letter, not in it

    @property
    def addressee(self) -> tuple[str, ...]:
        return self.to.lines

    @property
    def to_fill_in(self) -> bool:
        """Whether the visitor writes the address of their Veilig Thuis by hand."""
        return BLANK in self.addressee

    @property
    def plain_text(self) -> str:
        """The letter as text to copy into an e-mail or to download: without the lines to
        fill in by hand, which only paper has."""
        parts = [
            "\n".join(line for line in self.sender if line != BLANK),
            "\n".join(line for line in self.addressee if line != BLANK),
            f"{FRAME['date']} {self.date}",
            f"{FRAME['subject']} {self.subject.dutch}",
            FRAME["greeting"],
            *(p.dutch for p in self.paragraphs),
            *([self.own_words] if self.own_words else []),
            f"{FRAME['closing']}\n\n{self.name}",
        ]
        return "\n\n".join(parts) + "\n"


def compose(
    letter: Letter,
    typed: Mapping[str, Any],
    to: Addressee,
    today: dt.date,
    translate: Translate | None = None,
    locale: str = "nl",
) -> Composed:
    """The letter for these typed values; `translate` adds the page's language beside it."""
    dutch = _values(typed, "nl")
    foreign = _values(typed, locale)

    def block(text: str) -> Block:
        return Block(text % dutch, translate(text, foreign) if translate else "")

    paragraphs = tuple(block(p.text) for p in letter.paragraphs if p.holds(typed))
    own = str(typed.get("own_words") or "").strip()
    address = [line.strip() for line in str(typed.get("address") or "").splitlines()]
    birth = [f"{FRAME['birth_date']} {dutch['birth_date']}"] if typed.get("birth_date") else []
    return Composed(
        sender=(dutch["name"], *([line for line in address if line] or [BLANK, BLANK]), *birth),
        to=to,
        date=format_date(today, "long", locale="nl"),
        subject=block(letter.subject),
        paragraphs=paragraphs,
        own_words="" if typed.get("own_words_note") else own,
        name=dutch["name"],
        note=own if typed.get("own_words_note") else "",
    )


def _values(typed: Mapping[str, Any], locale: str) -> dict[str, str]:
    """What fills the placeholders: text as typed, dates written out in the language."""
    return {
        field: written(value, locale) if field in DATES and value else str(value or "").strip()
        for field, value in typed.items()
    }
