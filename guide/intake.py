# SPDX-License-Identifier: EUPL-1.2
"""Pages for social workers: intake mode, the route map, the handout and the hand-over link."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale, gettext
from werkzeug.wrappers import Response

from .bilingual import DUTCH_TOO
from .content import END
from .dates import today
from .engine import Journey, advise, is_young
from .handover import HandedOver, HandoverError, make_token, qr_svg, read_token
from .i18n import LANGUAGES, use_page_locale
from .session import wipe
from .views import after_all_answers, content, own_veilig_thuis, private_page, spoken

bp = Blueprint("intake", __name__)

# Why a hand-over link did not open -> the status of the page that says so.
HANDOVER_STATUS = {"invalid": 400, "expired": 410, "outdated": 410}


@bp.get("/intake")
def intake() -> str:
    return render_template("intake.html")


@bp.post("/intake/nieuw")
def new_client() -> Response:
    """Start an intake with a clean slate: nothing of the family before may remain.

    The intake page asks the family's language. The next family may read another language: a
    new client starts in the browser's language. The Dutch shows beside any other language,
    for the social worker.
    """
    chosen = request.form.get("taal")
    if chosen is not None and chosen not in LANGUAGES:
        abort(400)  # only a changed form sends another value
    if session.get("intake", False):
        wipe("new_client")
    else:
        wipe(None, keep=("lang",))
    if chosen:
        session["lang"] = chosen
    session["intake"] = True
    session[DUTCH_TOO] = True
    return redirect(url_for("guide.question", question_id=content().start), 303)


@bp.get("/advies/uitdraai")
@after_all_answers
def handout(current: Journey) -> str:
    return render_template(
        "handout.html",
        advice=advise(spoken(), current.answers),
        place=own_veilig_thuis(current),
        today=today(),
    )


@bp.get("/advies/meegeven")
@after_all_answers
def handover(current: Journey) -> str:
    """The advice as a link: handed over during an intake, or kept by the parent."""
    place = own_veilig_thuis(current)
    advice = advise(spoken(), current.answers)
    region = place.region if place else None
    young = is_young(content(), current.answers)
    token = make_token(current_app, content(), advice, region, str(get_locale()), young)
    link = url_for("intake.handed_over", token=token, _external=True)
    qr = qr_svg(link, gettext("QR-code met de link naar het advies"))
    return render_template("handover.html", link=link, qr=qr)


@bp.get("/mee/<token>")
@private_page
def handed_over(token: str) -> Any:
    try:
        received = read_token(current_app, content(), token)
    except HandoverError as error:
        # The language links lead to the start page: the broken link is not repeated.
        page = render_template(
            "handover_problem.html", reason=error.reason, here=url_for("guide.start")
        )
        return page, HANDOVER_STATUS[error.reason]
    use_page_locale(received.locale)
    g.handover_token = token  # its letters open under the link: its region, its language
    # Its cards offer the letters of that content: none written for a parent to a young person.
    return render_template(
        "handed_over.html", advice=received.advice, place=received.place, content=received.content
    )


def opened(token: str) -> HandedOver:
    """What a hand-over link carries, for a page under it (a letter, a term for the calendar):
    in the link's language, its links under the link too. A link that no longer opens leaves
    for the link's own page, which says why."""
    try:
        received = read_token(current_app, content(), token)
    except HandoverError:
        abort(redirect(url_for("intake.handed_over", token=token), 303))
    use_page_locale(received.locale)
    g.handover_token = token
    return received


def under_link(endpoint: str, handed_over: str, **values: str) -> str:
    """A page's address; on a page opened from a hand-over link, the same page under it."""
    token = g.get("handover_token")
    if token:
        return url_for(handed_over, token=token, **values)
    return url_for(endpoint, **values)


@bp.get("/routekaart")
def route_map() -> str:
    return render_template("route_map.html", end=END)
