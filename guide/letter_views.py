# SPDX-License-Identifier: EUPL-1.2
"""The letter pages: a form, then the letter, to print, copy or download.

What the visitor types goes into this one response only: never into the session, the log, a
cache or an address. So the letter page posts the values again for the download, or to change
them, instead of keeping them anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, abort, render_template, request
from flask_babel import get_locale

from .agenda import answer_due
from .dates import today
from .headers import download
from .i18n import DEFAULT_LOCALE, shown, translations
from .intake import opened, under_link
from .letter_fields import SPECS, shown_fields
from .letter_form import LetterForm, letter_form, posted_visit, token_refused
from .letter_pdf import letter_pdf
from .letter_text import FRAME, addressee, compose
from .letters import Letter, Letters
from .places import Place
from .session import adopt_visit, visit
from .views import content, journey, place_of, private_page

bp = Blueprint("letters", __name__)


@bp.route("/brief/<letter_id>", methods=["GET", "POST"])
@private_page
def letter(letter_id: str) -> Any:
    return _letter(content().letters, letter_id, place_of(journey()))


@bp.route("/mee/<token>/brief/<letter_id>", methods=["GET", "POST"])
@private_page
def handed_over_letter(token: str, letter_id: str) -> Any:
    """A letter from a hand-over link: to the link's Veilig Thuis, in the link's language."""
    received = opened(token)
    return _letter(received.content.letters, letter_id, received.place)


@bp.app_template_global()
def letter_url(letter_id: str) -> str:
    """A letter's form; on a page opened from a hand-over link, under that link."""
    return under_link("letters.letter", "letters.handed_over_letter", letter_id=letter_id)


def _letter(letters: Letters, letter_id: str, place: Place | None) -> Any:
    letter = letters.letter(letter_id) or abort(404)
    adopt_visit(posted_visit(request.form))
    form = letter_form(letter, journey().answers)
    made = form.validate_on_submit()
    resent = token_refused(form)
    if resent and posted_visit(request.form) != visit():
        abort(400)  # another visit's form (wiped, or another site's): none of it comes back
    if not made or request.form.get("format") == "wijzigen":
        return _form_page(letter, form, resent)
    if request.form.get("format") == "agenda":
        return answer_due(letter)
    service = content().service(letter.service)
    composed = compose(
        letter,
        form.typed(),
        addressee(place.region if place else None, service.regional if service else ""),
        today(),
        translate=None if str(get_locale()) == DEFAULT_LOCALE else _beside,
        locale=str(get_locale()),
    )
    if request.form.get("format") == "txt":
        return download(composed.plain_text, "text/plain; charset=utf-8", f"brief-{letter.id}.txt")
    if request.form.get("format") == "pdf":
        page = render_template("letter_pdf.html", letter=letter, composed=composed, frame=FRAME)
        return download(letter_pdf(page), "application/pdf", f"brief-{letter.id}.pdf")
    return render_template(
        "letter.html",
        letter=letter,
        form=form,
        composed=composed,
        place=place,
        frame=FRAME,
        specs=SPECS,
    )


@bp.app_template_global()
def advice_url() -> str:
    """Back to the advice a letter came from: the hand-over link's page, the visitor's own
    advice, or, before every question is answered, all help."""
    own = "guide.advice" if journey().complete else "guide.all_help"
    return under_link(own, "intake.handed_over")


def _form_page(letter: Letter, form: LetterForm, resent: bool) -> tuple[str, int]:
    """The form, with its errors; sent again after its token was refused, with what was typed.

    Then one notice, about the letter, stands in for the layout's one about the answers: that
    one returns on the next page.
    """
    page = render_template(
        "letter_form.html",
        letter=letter,
        form=form,
        fields=shown_fields(letter, form.asked),
        resent=resent,
        **({"gone": None} if resent else {}),
    )
    return page, 400 if form.errors or resent else 200


def _beside(text: str, values: Mapping[str, str]) -> str:
    """A paragraph of the letter in the page's language, filled in with the same values.

    Each typed value is isolated (first strong isolate ... pop directional isolate): a name and
    a date typed left to right keep their order, brackets included, in an Arabic sentence.
    """
    isolated = {field: f"\u2068{value}\u2069" for field, value in values.items()}
    return shown(translations().ugettext(text) % isolated)
