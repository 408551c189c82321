"""The form for a letter, built from the fields it asks; every error message it can show."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from flask_babel import gettext, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import Field, StringField, TextAreaField
from wtforms.validators import StopValidation

from .i18n import shown
from .letters import DATES, Letter
from .session import visit


def N_(text: str) -> str:
    """Mark a text for the catalogue; it is translated where it is shown."""
    return text


class Spec(NamedTuple):
    label: str
    hint: str
    longest: int
    lines: bool  # a text area, for text of several lines
    # What the browser may fill in (WCAG 1.3.5): the visitor's own name, address and birth
    # date; "off" for what is about others or the report. In intake mode all are "off": what
    # is typed is a client's, and the browser must not offer it to the next family.
    autocomplete: str = "off"


SPECS = {
    "name": Spec(N_("Uw naam"), "", 100, False, "name"),
    "address": Spec(
        N_("Uw adres"),
        N_(
            "Straat en huisnummer, postcode en woonplaats. "
            "Leeg laten mag: dan schrijft u het zelf op de brief."
        ),
        200,
        True,
        "street-address",
    ),
    "birth_date": Spec(N_("Uw geboortedatum"), N_("Bijvoorbeeld 31-12-1985."), 20, False, "bday"),
    "children": Spec(
        N_("Namen en geboortedata van uw kinderen"),
        N_(
            "Alleen als u gezag heeft: het recht om beslissingen over uw kind te nemen. "
            "Is uw kind 16 jaar of ouder? Dan vraagt uw kind het zelf."
        ),
        200,
        False,
    ),
    "report_date": Spec(
        N_("Datum van de melding, als u die weet"),
        N_("Bijvoorbeeld 31-12-2025."),
        20,
        False,
    ),
    "own_words": Spec(
        N_("Wat wilt u er zelf bij schrijven?"),
        N_("Mag leeg blijven. Hooguit 500 tekens. Dit komt in de brief zoals u het typt."),
        500,
        True,
    ),
}
MESSAGES = {
    "name": lazy_gettext("Vul uw naam in."),
    "too_long": lazy_gettext("“%(label)s” is te lang. Gebruik hooguit %(max)s tekens."),
    "no_date": lazy_gettext(
        "“%(label)s” is geen datum die we kennen. Schrijf bijvoorbeeld 31-12-2025."
    ),
    "future": lazy_gettext("“%(label)s” ligt in de toekomst. Kies vandaag of een dag eerder."),
    "character": lazy_gettext(
        "In “%(label)s” staat een teken dat we niet kunnen gebruiken. Typ het opnieuw."
    ),
}
# Control characters, and the marks that reverse or embed text direction: they could make the
# letter read differently from what the visitor sees in the form.
REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ONE_LINE = re.compile(r"[\r\n\t]")
EARLIEST_YEAR = 1900  # "1-1-85" reads as the year 85: ask again rather than guess
DATE_FORMS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")  # a date field, or typed


class Typed:
    """Check one typed value: its length, its characters and, for a date, the date."""

    def __init__(self, field_id: str) -> None:
        self.field_id = field_id
        self.spec = SPECS[field_id]

    def __call__(self, form: FlaskForm, field: Field) -> None:
        value = (field.data or "").strip()
        if not value:
            if self.field_id == "name":
                raise StopValidation(MESSAGES["name"])
            field.data = None if self.field_id in DATES else ""
            return
        label = gettext(self.spec.label)
        if REFUSED.search(value) or (not self.spec.lines and ONE_LINE.search(value)):
            field.data = REFUSED.sub("", value)  # shown again without what cannot be shown
            raise StopValidation(shown(MESSAGES["character"] % {"label": label}))
        if len(value) > self.spec.longest:
            raise StopValidation(
                shown(MESSAGES["too_long"] % {"label": label, "max": self.spec.longest})
            )
        field.data = _date(value, label) if self.field_id in DATES else value


def _date(value: str, label: str) -> dt.date:
    for form in DATE_FORMS:
        try:
            day = dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
        if day.year < EARLIEST_YEAR:
            break
        if day > dt.date.today():
            raise StopValidation(shown(MESSAGES["future"] % {"label": label}))
        return day
    raise StopValidation(shown(MESSAGES["no_date"] % {"label": label}))


class LetterForm(FlaskForm):
    """What one letter asks. After validation, `typed()` holds the values, dates as dates."""

    letter: Letter

    def typed(self) -> dict[str, Any]:
        return {field_id: self[field_id].data for field_id in self.letter.asked}

    def error_target_for(self, field_id: str) -> str:
        """The id of the input that an error links to."""
        return self[field_id].id


def letter_form(letter: Letter) -> LetterForm:
    """A form for the fields this letter asks, filled from the request's form data.

    The fields' names carry the mark of this visit (their ids stay as they are): a page shown
    again after a wipe has other names, so the browser has nothing to put back into it.
    """
    fields = {
        field_id: (TextAreaField if SPECS[field_id].lines else StringField)(
            validators=[Typed(field_id)], id=field_id
        )
        for field_id in letter.asked
    }
    return type("LetterForm", (LetterForm,), {**fields, "letter": letter})(prefix=visit())
