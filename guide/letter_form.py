# SPDX-License-Identifier: EUPL-1.2
"""The form for a letter, built from the fields it asks; every error message it can show."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import gettext, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, StringField, TextAreaField
from wtforms.validators import StopValidation

from .characters import ONE_LINE, REFUSED, normalised, shows_nothing
from .dates import today
from .i18n import shown
from .letter_fields import SPECS, asked_of, wording
from .letters import DATES, Letter
from .session import visit

MESSAGES = {
    "name": lazy_gettext("Vul uw naam in."),
    "too_long": lazy_gettext("“%(label)s” is te lang. Schrijf niet meer dan %(max)s letters."),
    "no_date": lazy_gettext(
        "“%(label)s” is geen datum die we kennen. Schrijf bijvoorbeeld 31-12-2025."
    ),
    "future": lazy_gettext("“%(label)s” ligt in de toekomst. Kies vandaag of een dag eerder."),
    "character": lazy_gettext(
        "In “%(label)s” staat een teken dat we niet kunnen gebruiken. Typ het opnieuw."
    ),
    "birth_dates": lazy_gettext(
        "Schrijf in “%(label)s” achter elke naam de geboortedatum. Bijvoorbeeld: Daan (3-5-2018)."
    ),
    "too_old": lazy_gettext(
        "Een kind van %(age)s jaar of ouder vraagt dit zelf. "
        "Noem in “%(label)s” alleen kinderen jonger dan %(age)s jaar."
    ),
    "needs_gezag": lazy_gettext(
        "Alleen een ouder met gezag vraagt dit voor een kind. Heeft u gezag? Kruis dat dan aan. "
        "Anders laat u “%(label)s” leeg."
    ),
}
CSRF_SUFFIX = "-csrf_token"  # the form token's name, after the visit's mark
EARLIEST_YEAR = 1900  # "1-1-85" reads as the year 85: ask again rather than guess
DATE_FORMS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")  # a date field, or typed
# A birth date written after a child's name: "Daan (3-5-2018)".
DATE_IN_TEXT = re.compile(r"\b(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\b")


class Typed:
    """Check one typed value: its length, its characters and, for a date, the date."""

    def __init__(self, letter: Letter, field_id: str) -> None:
        self.field_id = field_id
        self.spec = SPECS[field_id]
        self.ask = wording(letter, field_id)

    def __call__(self, form: FlaskForm, field: Field) -> None:
        value = normalised(field.data or "", self.spec.lines)
        if shows_nothing(value):  # an invisible name is no name
            field.data = None if self.field_id in DATES else ""  # shown again empty
            if self.field_id == "name":
                raise StopValidation(MESSAGES["name"])
            if self.ask.error:
                raise StopValidation(gettext(self.ask.error))
            return
        label = gettext(self.ask.label)
        if REFUSED.search(value) or (not self.spec.lines and ONE_LINE.search(value)):
            field.data = REFUSED.sub("", value)  # shown again without what cannot be shown
            raise StopValidation(shown(MESSAGES["character"] % {"label": label}))
        if len(value) > self.ask.longest:
            raise StopValidation(
                shown(MESSAGES["too_long"] % {"label": label, "max": self.ask.longest})
            )
        if self.ask.younger_than:
            _for_a_young_child(form, value, label, self.ask.younger_than)
        field.data = typed_date(value, label) if self.field_id in DATES else value


def _for_a_young_child(form: FlaskForm, value: str, label: str, younger_than: int) -> None:
    """Only a parent with gezag asks for a child, and only for a child too young to ask."""
    if not form.gezag.data:
        raise StopValidation(shown(MESSAGES["needs_gezag"] % {"label": label}))
    born = [typed_date(found, label) for found in DATE_IN_TEXT.findall(value)]
    if not born:
        raise StopValidation(shown(MESSAGES["birth_dates"] % {"label": label}))
    if any(_age(day, today()) >= younger_than for day in born):
        raise StopValidation(shown(MESSAGES["too_old"] % {"label": label, "age": younger_than}))


def _age(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def typed_date(value: str, label: str) -> dt.date:
    """The date a visitor typed in a field with this label; else the reason, as their error."""
    for form in DATE_FORMS:
        try:
            day = dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
        if day.year < EARLIEST_YEAR:
            break
        if day > today():
            raise StopValidation(shown(MESSAGES["future"] % {"label": label}))
        return day
    raise StopValidation(shown(MESSAGES["no_date"] % {"label": label}))


class LetterForm(FlaskForm):
    """What one letter asks. After validation, `typed()` holds the values, dates as dates."""

    letter: Letter
    asked: tuple[str, ...]  # the fields this visitor is asked, in their order

    def typed(self) -> dict[str, Any]:
        return {field_id: self[field_id].data for field_id in self.asked}

    def error_target_for(self, field_id: str) -> str:
        """The id of the input that an error links to."""
        return self[field_id].id


def posted_visit(formdata: Mapping[str, Any]) -> str:
    """The mark of the visit that a posted letter form's field names carry; "" if none."""
    return next((name[: -len(CSRF_SUFFIX)] for name in formdata if name.endswith(CSRF_SUFFIX)), "")


def token_refused(form: LetterForm) -> bool:
    """Whether the form's token was refused, which is then no error of the visitor's.

    The session ended (30 minutes idle, 2 hours, new content) or the secret key changed while
    the form was open. What was typed is in the form: it is shown again, to be sent again.
    """
    refused = bool(form.csrf_token.errors)
    form.csrf_token.errors = []
    return refused


def letter_form(letter: Letter, answers: Mapping[str, Sequence[str]]) -> LetterForm:
    """A form for the fields this letter asks, filled from the request's form data.

    A box starts ticked only where the visitor's own answers say so, and is left out where
    they rule it out. The fields' names carry the mark of this visit (their ids stay as they
    are): a page shown again after a wipe has other names, so the browser has nothing to put
    back into it.
    """
    asked = asked_of(letter, answers)
    fields = {field_id: _field(letter, field_id, answers) for field_id in asked}
    members = {**fields, "letter": letter, "asked": asked}
    return type("LetterForm", (LetterForm,), members)(prefix=visit())


def _field(letter: Letter, field_id: str, answers: Mapping[str, Sequence[str]]) -> Field:
    spec = SPECS[field_id]
    if spec.check:
        question, answer = spec.ticked_by or ("", "")
        return BooleanField(default=answer in answers.get(question, ()), id=field_id)
    return (TextAreaField if spec.lines else StringField)(
        validators=[Typed(letter, field_id)], id=field_id
    )
