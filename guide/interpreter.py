# SPDX-License-Identifier: EUPL-1.2
"""The interpreter card: a page a parent shows or prints, in Dutch and in their own language.

It asks for a professional interpreter and that no child is asked to interpret. It promises no
interpreter and says nothing of who pays: the sources do not say (../shared/content-facts.md).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from babel import Locale
from flask import Blueprint, render_template
from flask_babel import force_locale, get_locale, gettext

from .i18n import DEFAULT_LOCALE, N_, text_direction

bp = Blueprint("interpreter", __name__)


TITLE = N_("Ik wil graag een tolk")
LINES = (
    N_("Ik spreek niet goed Nederlands."),
    N_("Ik wil graag een professionele tolk."),
    N_("Bijvoorbeeld bij gesprekken met Veilig Thuis, het wijkteam of de huisarts."),
    N_("Vraag mijn kind alstublieft niet om te tolken."),
)
LANGUAGE_LINE = N_("Mijn taal is: %(language)s.")
# When the page's facts were last checked against the guideline it names (nji.nl, nhg.org).
CHECKED = dt.date(2026, 11, 30)


class Side(NamedTuple):
    """The card in one language."""

    locale: str
    direction: str
    title: str
    lines: tuple[str, ...]


@bp.get("/tolk")
def card() -> str:
    own = str(get_locale())
    locales = [DEFAULT_LOCALE] if own == DEFAULT_LOCALE else [own, DEFAULT_LOCALE]
    sides = [side(code, own) for code in locales]
    return render_template("interpreter.html", sides=sides, checked=CHECKED)


def side(code: str, own: str) -> Side:
    """The card in the language `code`, naming the parent's own language `own` in it."""
    with force_locale(code):
        lines = tuple(gettext(line) for line in LINES)
        if own != DEFAULT_LOCALE:
            named = Locale.parse(own).get_display_name(code) or own
            lines += (gettext(LANGUAGE_LINE, language=named),)
        return Side(code, text_direction(code), gettext(TITLE), lines)
