# SPDX-License-Identifier: EUPL-1.2
""" "Zet in uw agenda": a calendar file for a term, or for the answer a letter awaits.

The parent types the date a term counts from in a posted form, never in an address: no
date lands in a log or a browser's history. The file is made in the response and kept
nowhere; it holds that date and the guide's own words, nothing else.
"""

from __future__ import annotations

from typing import Any

from babel.dates import format_date
from flask import Blueprint, abort, render_template
from flask_babel import get_locale, lazy_gettext
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import StringField
from wtforms.validators import StopValidation

from .calendar_file import CONTENT_TYPE, calendar_file, months_after
from .characters import REFUSED, normalised, shows_nothing
from .content import Content
from .date_input import typed_date
from .dates import today
from .headers import download
from .i18n import said, shown, translated
from .intake import opened, under_link
from .letters import Letter
from .session import visit
from .terms import Term
from .views import content, private_page, spoken

bp = Blueprint("agenda", __name__)

MESSAGES = {
    "empty": lazy_gettext("Vul “%(label)s” in. Schrijf bijvoorbeeld 31-12-2025."),
    "over": lazy_gettext(
        "Deze termijn is waarschijnlijk al voorbij: hij liep tot %(date)s. "
        "Vraag juridisch advies wat nog kan."
    ),
}
# The letter's answer: a month, as the AVG's first term and the letters' own words say; the
# letter's `due` tells what may make it longer.
ANSWER = {
    "summary": lazy_gettext("Antwoord van Veilig Thuis op uw brief: %(subject)s"),
    "then": lazy_gettext("Heeft u nog geen antwoord? Vraag Veilig Thuis dan wanneer het komt."),
}


class TermForm(FlaskForm):
    """The date a term counts from. After validation, `day.data` is that date."""

    term: Term
    label: str  # the date's label, as this visitor reads it
    day = StringField(id="datum")

    def validate_day(self, field: StringField) -> None:
        # Shown again as read: control characters would make the page's HTML invalid.
        field.data = REFUSED.sub("", field.data or "")
        value = normalised(field.data, lines=False)
        if shows_nothing(value):
            raise StopValidation(shown(MESSAGES["empty"] % {"label": self.label}))
        start = typed_date(value, self.label)
        if self.term.ends(start) < today():
            ended = format_date(self.term.ends(start), "long", locale=get_locale())
            raise StopValidation(shown(MESSAGES["over"] % {"date": ended}))
        field.data = start

    def error_target_for(self, field_name: str) -> str:
        return self.day.id


@bp.app_template_global()
def agenda_url(term_id: str) -> str:
    """A term's page; on a page opened from a hand-over link, under that link."""
    return under_link("agenda.term", "agenda.handed_over_term", term_id=term_id)


@bp.app_template_global()
def agenda_term(term_id: str) -> Term:
    """The term a card, a note or a letter names (checked by the validator)."""
    term = content().term(term_id)
    if term is None:  # content naming an unknown term does not pass the validator
        raise LookupError(term_id)
    return term


@bp.route("/agenda/<term_id>", methods=["GET", "POST"])
@private_page
def term(term_id: str) -> Any:
    return _term(term_id, spoken())


@bp.route("/mee/<token>/agenda/<term_id>", methods=["GET", "POST"])
@private_page
def handed_over_term(token: str, term_id: str) -> Any:
    """A term from a hand-over link: in the link's language and words ("je" to the young)."""
    received = opened(token)
    return _term(term_id, received.content)


def _term(term_id: str, content: Content) -> Any:
    term = content.term(term_id) or abort(404)
    attributes = {"term": term, "label": said(content, term.label)}
    # The field's name carries the visit's mark, as a letter's do: after a wipe the browser
    # has no typed date to put back into the page.
    form = type("TermForm", (TermForm,), attributes)(prefix=visit())
    if form.validate_on_submit():
        start = format_date(form.day.data, "long", locale=get_locale())
        file = calendar_file(
            term.ends(form.day.data),
            said(content, term.summary),
            said(content, term.description) % {"date": start},
            term.warn_before,
        )
        return download(file, CONTENT_TYPE, f"termijn-{term.id}.ics")
    page = render_template("agenda.html", term=term, form=form, content=content)
    return page, 400 if form.errors else 200


def answer_due(letter: Letter) -> Response:
    """The day a letter's answer is due: a month from today, in the Netherlands."""
    file = calendar_file(
        months_after(today(), 1),
        ANSWER["summary"] % {"subject": translated(letter.subject)},
        f"{translated(letter.due)}\n\n{ANSWER['then']}",
    )
    return download(file, CONTENT_TYPE, f"antwoord-{letter.id}.ics")
