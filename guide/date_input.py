# SPDX-License-Identifier: EUPL-1.2
"""A date as people write it, read the one way every date field reads it.

Day first, as in the Netherlands: 31-12-2025, 31/12/25, 31.12.2025, 2-10-26. A month by its
name in Dutch or in the visitor's language: "2 oktober 2026", "2 okt 2026", "October 2, 2026".
Digits may be Arabic-Indic or Persian. A field that may hold a month alone ("oktober 2026")
gets a `Month`, and the letter then says the month, never a day nobody typed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import NamedTuple

from babel.dates import format_date, get_month_names
from flask_babel import get_locale, lazy_gettext
from wtforms.validators import StopValidation

from .dates import today
from .i18n import shown

EARLIEST_YEAR = 1900
# What may stand between a date's parts: spaces, dashes, slashes, dots, commas (also Arabic),
# and the direction marks an Arabic date carries between its numbers.
SEPARATORS = re.compile(r"[\s\-/.,\u060c\u2010-\u2015\u200e\u200f\u061c]+")
# Arabic-Indic and Persian digits, as the digits 0-9.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# The short word for "year" that Ukrainian and Polish may write after one ("2026 r."):
# Cyrillic er and ghe, Latin r.
YEAR_WORDS = frozenset({"\u0440", "r", "\u0433"})
SHORTEST_PREFIX = 3  # "okt", "sept": the start of a month's name, where only one month starts so
MESSAGES = {
    "unreadable": lazy_gettext(
        "We kunnen “%(label)s” niet lezen als datum. Schrijf de dag, de maand en het jaar. "
        "Bijvoorbeeld 31-12-2025 of 31 december 2025."
    ),
    "unreadable_month": lazy_gettext(
        "We kunnen “%(label)s” niet lezen als datum. Schrijf de dag, de maand en het jaar. "
        "Of alleen de maand en het jaar. Bijvoorbeeld 31-12-2025 of december 2025."
    ),
    "no_day": lazy_gettext("Schrijf in “%(label)s” ook de dag. Bijvoorbeeld 31-12-2025."),
    "future": lazy_gettext("“%(label)s” ligt in de toekomst. Kies vandaag of een dag eerder."),
    "early": lazy_gettext(
        "“%(label)s” is heel lang geleden. Kijk het jaar na. Bijvoorbeeld 31-12-1985."
    ),
}


class Month(NamedTuple):
    """A month and its year, for a date whose day the visitor does not know."""

    year: int
    month: int

    def __str__(self) -> str:  # as it is posted again with the letter, and read back
        return f"{self.year}-{self.month:02d}"


class NotADate(ValueError):
    """Why a typed value is not a date we can use: "unreadable", "no_day", "future", "early"."""


def read_date(
    value: str, today: dt.date, locales: tuple[str, ...] = ("nl",), month_enough: bool = False
) -> dt.date | Month:
    """The date (or, where `month_enough`, the month) that the value writes, in the past."""
    parts = [_part(p, locales) for p in SEPARATORS.split(value.translate(DIGITS)) if p]
    parts = [p for p in parts if p not in YEAR_WORDS]
    read = _ordered(parts, today)
    if read is None:
        raise NotADate("unreadable")
    if isinstance(read, Month) and not month_enough:
        raise NotADate("no_day")
    if read.year < EARLIEST_YEAR:
        raise NotADate("early")
    if (read.year, read.month, getattr(read, "day", 1)) > (today.year, today.month, today.day):
        raise NotADate("future")
    return read


def typed_date(value: str, label: str, month_enough: bool = False) -> dt.date | Month:
    """The date typed in a form's field with this label; else the reason, as the visitor's error.

    Month names are read in Dutch and in the page's language.
    """
    locales = tuple(dict.fromkeys(("nl", str(get_locale()))))
    try:
        return read_date(value, today(), locales, month_enough)
    except NotADate as why:
        reason = f"{why}_month" if month_enough and str(why) == "unreadable" else str(why)
        raise StopValidation(shown(MESSAGES[reason] % {"label": label})) from None


def written(value: dt.date | Month, locale: str) -> str:
    """A date in words in this language: "2 oktober 2026", or "oktober 2026" for a month."""
    if isinstance(value, Month):
        return format_date(dt.date(value.year, value.month, 1), "LLLL y", locale=locale)
    return format_date(value, "long", locale=locale)


def _part(part: str, locales: tuple[str, ...]) -> str | int:
    """Digits as they are; a month's name as its number; any other word as itself."""
    if part.isdigit():
        return part
    return _month_names(locales).get(_plain(part), _plain(part))


# The orders people write a date in: n a number, m a month's name; d day, M month, y year.
ORDERS = {
    "nnn": "dMy",  # 2-10-2026; 2026-10-02, as a date field sends it, is read reversed
    "nmn": "dMy",  # 2 oktober 2026
    "mnn": "Mdy",  # October 2, 2026
    "nn": "My",  # 10-2026; 2026-10, as a month is posted again, is read reversed
    "mn": "My",  # oktober 2026
}


def _ordered(parts: list[str | int], today: dt.date) -> dt.date | Month | None:
    """The date that these parts write, in an order people use; None if none."""
    shape = "".join("m" if isinstance(p, int) else "n" if p.isdigit() else "?" for p in parts)
    order = ORDERS.get(shape)
    if order is None:
        return None  # a word that is no month's name, two months, or too many numbers
    if shape in ("nnn", "nn") and len(str(parts[0])) == 4:  # the year first: reversed
        parts = parts[::-1]
    found = dict(zip(order, parts, strict=True))
    if shape in ("nn", "mn") and len(str(found["y"])) != 4:
        return None  # "10-26" could be a day and a month as well as a month and a year
    day = found.get("d")
    return _valid(_year(str(found["y"]), today), int(found["M"]), None if day is None else str(day))


def _valid(year: int | None, month: int, day: str | None) -> dt.date | Month | None:
    if year is None or not 1 <= month <= 12 or (day is not None and len(day) > 2):
        return None
    if day is None:
        return Month(year, month)
    try:
        return dt.date(year, month, int(day))
    except ValueError:  # 31-2-2026
        return None


def _year(year: str, today: dt.date) -> int | None:
    """A year of four digits, or of two: this century's, unless that is still to come."""
    if len(year) == 4:
        return int(year)
    if len(year) == 2:
        this_century = 2000 + int(year)
        return this_century if this_century <= today.year else this_century - 100
    return None


@cache
def _month_names(locales: tuple[str, ...]) -> dict[str, int]:
    """Every way these languages write a month, and each unambiguous start of its name."""
    names: dict[str, int] = {}
    starts: dict[str, set[int]] = {}
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    name = _plain(name)
                    names[name] = number
                    for end in range(SHORTEST_PREFIX, len(name)):
                        starts.setdefault(name[:end], set()).add(number)
    only = {start: next(iter(n)) for start, n in starts.items() if len(n) == 1}
    return {**only, **names}


def _plain(word: str) -> str:
    """A word as we compare it: lower case, without accents, the Turkish dotless i as i."""
    word = unicodedata.normalize("NFKD", word.casefold().replace("\u0131", "i"))
    return "".join(c for c in word if not unicodedata.combining(c)).rstrip(".")
