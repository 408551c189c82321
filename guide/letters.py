"""Letters a visitor can send to their Veilig Thuis: the model of letters.yaml.

A letter is always Dutch: it goes to a Dutch organisation. What the visitor types fills it in
for one response and is kept nowhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Every field a letter may ask for, in the order the form shows them. The name is always asked.
FIELDS = ("name", "address", "birth_date", "children", "report_date", "own_words")
DATES = frozenset({"birth_date", "report_date"})
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
BLANK = "…" * 16  # a line the visitor fills in by hand


@dataclass(frozen=True)
class Paragraph:
    text: str  # Dutch, with %(field)s for what the visitor typed
    when: str = ""  # a field: the paragraph is in the letter only when it was filled in

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(PLACEHOLDER.findall(self.text))


@dataclass(frozen=True)
class Letter:
    id: str
    service: str  # the service whose card offers it
    title: str
    text: str  # what the letter is for, above the form
    subject: str
    fields: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    due: str
    sources: tuple[str, ...]
    checked: dt.date | None
    enclose: str = ""
    # Written in a parent's own name: a young person answering for themselves is not offered it.
    parents_only: bool = False

    @property
    def asked(self) -> tuple[str, ...]:
        """The fields its form shows, in their order: the name always."""
        return tuple(f for f in FIELDS if f == "name" or f in self.fields)


@dataclass(frozen=True)
class PostalAddress:
    """An address seen on a Veilig Thuis's own site, for the letters it was published for."""

    region: str  # a region code
    letters: tuple[str, ...]
    lines: tuple[str, ...]
    source: str
    checked: dt.date | None


@dataclass(frozen=True)
class Letters:
    letters: tuple[Letter, ...] = ()
    addresses: tuple[PostalAddress, ...] = ()

    def letter(self, letter_id: str) -> Letter | None:
        """The letter with this id, if there is one."""
        return next((item for item in self.letters if item.id == letter_id), None)

    def for_service(self, service_id: str) -> tuple[Letter, ...]:
        """The letters offered on a service's card."""
        return tuple(item for item in self.letters if item.service == service_id)

    def address(self, region: str, letter_id: str) -> tuple[str, ...] | None:
        """The verified postal address of a region for this letter, if there is one."""
        return next(
            (a.lines for a in self.addresses if a.region == region and letter_id in a.letters),
            None,
        )
