# SPDX-License-Identifier: EUPL-1.2
"""Letters a visitor can send to their Veilig Thuis: the model of letters.yaml.

A letter is always Dutch: it goes to a Dutch organisation. What the visitor types fills it in
for one response and is kept nowhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Every field a letter may ask for, in the order the form shows them. The name is always asked.
FIELDS = (
    "name",
    "address",
    "birth_date",
    "children",
    "gezag",
    "report_date",
    "refuted",
    "committee",
    "assisted_by",
    "rules_copy",
    "own_words",
)
DATES = frozenset({"birth_date", "report_date"})
# Boxes to tick: what the visitor says is so, never what the guide assumes.
CHOICES = frozenset({"gezag", "refuted", "committee", "rules_copy"})
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
BLANK = "…" * 16  # a line the visitor fills in by hand


@dataclass(frozen=True)
class Paragraph:
    text: str  # Dutch, with %(field)s for what the visitor typed
    when: tuple[str, ...] = ()  # fields: the paragraph is in the letter only when all are filled
    unless: tuple[str, ...] = ()  # fields: ... and only when none of these is

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(PLACEHOLDER.findall(self.text))

    def holds(self, typed: Mapping[str, Any]) -> bool:
        """Whether the paragraph belongs in the letter for what the visitor typed and ticked."""
        return all(typed.get(f) for f in self.when) and not any(typed.get(f) for f in self.unless)


@dataclass(frozen=True)
class Ask:
    """How one letter asks a field, where that differs from the form's usual words."""

    label: str = ""
    hint: str = ""
    error: str = ""  # the field is required in this letter; this is what an empty one is told
    longest: int = 0  # room for more text than usual (0: the usual)
    # Birth dates in the field must be of children younger than this, whose parent with gezag
    # asks for them; an older child asks for themselves (Wmo 2015 art. 5.3.5 lid 3-4).
    younger_than: int = 0


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
    warning: str = ""  # on the page, never in the letter: what to know before sending it
    refusal: str = ""  # on the page: what to do if Veilig Thuis says no
    agenda: str = ""  # the id of a term in terms.yaml: for the refusal, offered on the page
    ask: Mapping[str, Ask] = field(default_factory=dict)

    @property
    def texts(self) -> tuple[str, ...]:
        """Every Dutch text of the letter and its page, to check what they cite."""
        asks = [t for a in self.ask.values() for t in (a.label, a.hint, a.error)]
        pieces = (self.text, self.subject, *(p.text for p in self.paragraphs), self.enclose)
        return tuple(t for t in (*pieces, self.due, self.warning, self.refusal, *asks) if t)

    @property
    def asked(self) -> tuple[str, ...]:
        """The fields its form shows, in their order: the name always."""
        return tuple(f for f in FIELDS if f == "name" or f in self.fields)


@dataclass(frozen=True)
class Letters:
    letters: tuple[Letter, ...] = ()

    def letter(self, letter_id: str) -> Letter | None:
        """The letter with this id, if there is one."""
        return next((item for item in self.letters if item.id == letter_id), None)

    def for_service(self, service_id: str) -> tuple[Letter, ...]:
        """The letters offered on a service's card."""
        return tuple(item for item in self.letters if item.service == service_id)
