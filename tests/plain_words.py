# SPDX-License-Identifier: EUPL-1.2
"""The words no visitor may see (plain_words.yaml), in Dutch and in each translation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

WORDS = Path(__file__).parent / "plain_words.yaml"
CATALOGUES = Path(__file__).parent.parent / "translations"


@dataclass(frozen=True)
class Forbidden:
    """A text no visitor may see, but on the pages it is allowed on."""

    name: str
    pattern: re.Pattern[str]
    allowed_on: frozenset[str]


def forbidden_words() -> list[dict]:
    return yaml.safe_load(WORDS.read_text(encoding="utf-8"))


def as_pattern(text: str) -> re.Pattern[str]:
    """A catalogue text as it can show on a page: a placeholder stands for any words."""
    parts = re.split(r"%\(\w+\)[sd]|%[sd]", " ".join(text.split()))
    return re.compile(".+?".join(re.escape(part) for part in parts))


def both(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def forbidden_in(code: str) -> list[Forbidden]:
    """Each forbidden Dutch text, and in another language the translation of every catalogue
    text that holds it: a forbidden phrase cannot hide in a translation."""
    found = []
    catalogue = []
    if code != "nl":
        with (CATALOGUES / code / "LC_MESSAGES" / "messages.po").open("rb") as file:
            catalogue = [m for m in read_po(file) if m.id]
    for word in forbidden_words():
        dutch = re.compile(word["pattern"])
        allowed = frozenset(word.get("allowed_on", ()))
        found.append(Forbidden(word["pattern"], dutch, allowed))
        for message in catalogue:
            if any(dutch.search(text) for text in both(message.id)):
                found += [
                    Forbidden(f"{word['pattern']}, in {code}: {text}", as_pattern(text), allowed)
                    for text in both(message.string)
                    if text  # one not yet translated shows in Dutch: the Dutch pattern finds it
                ]
    return found


def as_read(text: str) -> str:
    """Text as a reader sees it: without the marks that keep numbers left to right in Arabic,
    with ordinary hyphens and spaces for the ones that never break, in single spaces."""
    text = re.sub("[\u2066-\u2069]", "", text).replace("\u2011", "-").replace("\u00a0", " ")
    return " ".join(text.split())


def shown_forbidden(pages: Mapping[str, str], code: str) -> list[str]:
    """Each forbidden text a page shows, where it is not allowed: "page: text"."""
    forbidden = forbidden_in(code)
    return [
        f"{name}: {word.name}"
        for name, text in pages.items()
        for word in forbidden
        if name not in word.allowed_on and word.pattern.search(text)
    ]
