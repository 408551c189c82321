# SPDX-License-Identifier: EUPL-1.2
"""The pages. Views ask the engine, store answers in the session and render templates."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

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
from flask.blueprints import BlueprintSetupState
from flask_babel import lazy_gettext
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from .bilingual import DUTCH_TOO, paired
from .content import END, Content, Question
from .engine import Journey, advise, help_now, not_advised, said_gently, speaking_to, walk
from .forms import question_form
from .i18n import LANGUAGES
from .places import Place
from .session import GONE, NOTICES, wipe

bp = Blueprint("guide", __name__)
PRIORITY_LABELS = {
    "safety": lazy_gettext("Hulp nu"),
    "first": lazy_gettext("Doe dit eerst"),
    "also": lazy_gettext("Ook mogelijk"),
}
# A plan of more steps than this says on its first screen what each step is, and folds its
# cards to their names: the advice stays a few phone screens long however much was asked.
FOLD_CARDS_AFTER = 2
REGION_LINK_LABELS = {
    "website": lazy_gettext("Website van uw Veilig Thuis"),
    "complaints": lazy_gettext("Klachtenregeling van uw Veilig Thuis"),
    "file": lazy_gettext("Uw dossier en uw rechten bij uw Veilig Thuis"),
}
# The nazorgkaart's QR code opens the start page with its Veilig Thuis region in the address
# (guide.kaart): the same for every family that got that region's card.
REGION_PARAMETER = "regio"
# The region page's fields, in the order of veilig_thuis.csv.
REGION_FIELD_LABELS = {
    "naam": lazy_gettext("Naam"),
    "website": lazy_gettext("Website"),
    "klachten_url": lazy_gettext("Pagina over klachten"),
    "klachten_postadres": lazy_gettext("Postadres voor klachten"),
    "klachten_email": lazy_gettext("E-mailadres voor klachten"),
    "privacy_dossier_url": lazy_gettext("Pagina over privacy en het dossier"),
    "dossier_postadres": lazy_gettext("Postadres voor het dossier"),
    "dossier_email": lazy_gettext("E-mailadres voor het dossier"),
    "klachtencommissie": lazy_gettext("Klachtencommissie"),
}
INFO_PAGES = {
    "privacy": "privacy.html",
    "toegankelijkheid": "toegankelijkheid.html",
    "veilig-online": "veilig_online.html",
}


def content() -> Content:
    return current_app.extensions["guide"]


def journey() -> Journey:
    """Where the visitor stands, from the answers in their session.

    Worked out once per request (the page and its layout both ask), and again only when the
    answers are replaced.
    """
    answers = session.get("answers", {})
    known = g.get("journey")
    if known is None or known[0] is not answers:
        known = g.journey = (answers, walk(content(), answers))
    return known[1]


def spoken() -> Content:
    """The content in the words for this visitor: the je-form once a young person answers."""
    return speaking_to(content(), journey().answers)


def step_url(node: str, changing: bool = False) -> str:
    """The page for a question, or the check-your-answers page once all are answered.

    While changing an answer, every question asked on the way keeps returning to the summary.
    """
    if node == END:
        return url_for("guide.check")
    return url_for("guide.question", question_id=node, **({"wijzigen": 1} if changing else {}))


def place_of(current: Journey) -> Place | None:
    """Where the visitor said they live, if they said."""
    question = content().place_question
    code = current.answers.get(question.id, ("",))[0] if question else ""
    return content().places.place(code)


def own_veilig_thuis(current: Journey) -> Place | None:
    """Only the family's Veilig Thuis region, for what they take home: not where they live."""
    place = place_of(current)
    return Place(place.region, None) if place else None


def next_url(current: Journey, changing: bool = False) -> str:
    return step_url(current.next_question or END, changing)


def private_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """Pages about one family (its answers or its advice): never indexed."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        response = current_app.make_response(view(*args, **kwargs))
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def after_all_answers(view: Callable[..., Any]) -> Callable[..., Any]:
    """Pages that need every answer: they get the journey; an unfinished one goes on."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        current = journey()
        if not current.complete:
            return redirect(next_url(current))
        return view(current, *args, **kwargs)

    return private_page(wrapper)


@bp.get("/healthz")
def health() -> tuple[str, int, dict[str, str]]:
    """For the load balancer: the app is up and its content valid (else it would not run)."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/")
def start() -> str:
    remember_region(request.args.get(REGION_PARAMETER, ""))
    return render_template(
        "start.html", started=bool(journey().answers), first_question=content().start
    )


def remember_region(code: str) -> None:
    """Keep the region of a scanned card, in the visitor's cookie, for the place question.

    Only a region: a municipality or any other value in the address is ignored, and the guide
    starts as it always does.
    """
    if content().places.region(code):
        session[REGION_PARAMETER] = code


def given_answer(question: Question, current: Journey) -> tuple[str, ...] | None:
    """The visitor's answer to a question; for the place question, until there is one, the
    region of the card they scanned: filled in, and theirs to change."""
    given = current.answers.get(question.id)
    if given is None and question.type == "place" and REGION_PARAMETER in session:
        return (session[REGION_PARAMETER],)
    return given


@bp.route("/vraag/<question_id>", methods=["GET", "POST"])
@private_page
@paired
def question(question_id: str) -> Any:
    question = spoken().question(question_id) or abort(404)
    current = journey()
    if question_id not in current.path and question_id != current.next_question:
        return redirect(next_url(current))
    changing = request.args.get("wijzigen") == "1"
    form = question_form(question, given_answer(question, current), content().places)
    if form.validate_on_submit():
        updated = walk(content(), {**current.answers, question_id: form.answer()})
        session["answers"] = {q: list(values) for q, values in updated.answers.items()}
        session.pop(GONE, None)  # answering anew: the notice that the old answers are gone ends
        if changing:  # back to the summary, asking any newly needed question first
            return redirect(next_url(updated, changing))
        return redirect(step_url(updated.following(question_id)))
    previous = current.previous(question_id)
    back = step_url(previous, changing) if previous else url_for("guide.start")
    if changing and current.complete:
        back = url_for("guide.check")
    page = render_template(
        "question.html", question=question, form=form, journey=current, back=back, changing=changing
    )
    return page, 400 if form.errors else 200


@bp.get("/controleren")
@after_all_answers
@paired
def check(current: Journey) -> str:
    rows = [(spoken().question(q), current.answers[q]) for q in current.path]
    return render_template("check.html", rows=rows)


@bp.get("/advies")
@after_all_answers
@paired
def advice(current: Journey) -> str:
    # In intake mode the page also shows what was not advised, and why.
    missed = not_advised(spoken(), current.answers) if session.get("intake") else []
    return render_template(
        "advice.html",
        advice=advise(spoken(), current.answers),
        gently=said_gently(spoken(), current.answers),
        not_advised=missed,
        place=place_of(current),
    )


@bp.get("/alle-hulp")
@paired
def all_help() -> str:
    return render_template("all_help.html", groups=content().groups, services=spoken().services)


@bp.get("/opnieuw")
def confirm_start_again() -> str:
    """Ask once before everything is wiped: a mistaken tap costs a family all its answers."""
    back = return_path(request.args.get("terug", ""))
    return render_template("start_again.html", back=back, offer_start_again=False)


@bp.post("/opnieuw")
def start_again() -> Response:
    wipe("wiped", keep=("lang",))
    return redirect(url_for("guide.start"), 303)


@bp.get("/weg")
def quick_exit() -> Response:
    wipe("wiped")  # whoever comes back to the guide is told the answers are gone
    return redirect(current_app.config["QUICK_EXIT_URL"], 303)


@bp.get('/<any(privacy, toegankelijkheid, "veilig-online"):page>')
def info(page: str) -> str:
    return render_template(INFO_PAGES[page])


@bp.get("/veilig-thuis-regios")
def regions() -> str:
    return render_template("regions.html", places=content().places)


@bp.get("/regio/<code>")
def region(code: str) -> str:
    """One region's entry with its sources: for a Veilig Thuis or municipality to check it."""
    places = content().places
    found = places.region(code) or abort(404)
    members = [m for m in places.municipalities if m.region == code]
    return render_template("region.html", region=found, members=members, labels=REGION_FIELD_LABELS)


@bp.record_once
def layout_constants(state: BlueprintSetupState) -> None:
    """What any page may show, the same for every visitor."""
    guide = state.app.extensions["guide"]
    state.app.jinja_env.globals.update(
        content=guide,
        notices=NOTICES,
        priority_labels=PRIORITY_LABELS,
        fold_cards_after=FOLD_CARDS_AFTER,
        region_link_labels=REGION_LINK_LABELS,
    )


@bp.app_context_processor
def layout() -> dict[str, Any]:
    """The visitor's own part of the layout: intake mode, answers, help to call now."""
    answers = journey().answers
    return {
        "content": spoken(),  # letters on the cards and answers in words, as this visitor reads
        "intake": session.get("intake", False),
        "offer_start_again": bool(answers),  # nothing to wipe before the first answer
        "help_now": help_now(spoken(), answers) if answers else [],
        "gone": None if answers else session.get(GONE),
        "here": this_page(),
    }


def this_page() -> str:
    """Where the language links return to: this page, and of its query only "wijzigen"."""
    if request.args.get("wijzigen") == "1":
        return request.path + "?wijzigen=1"
    return request.path


@bp.get("/taal/<code>")
def choose_language(code: str) -> Response:
    """Switch the language and return to the same page, answers and all."""
    if code not in LANGUAGES:
        abort(404)
    session["lang"] = code
    return redirect(return_path(request.args.get("terug", "")), 303)


@bp.get("/ook-nederlands/<any(aan, uit):switch>")
def dutch_beside(switch: str) -> Response:
    """Show the Dutch beside the visitor's language, or no longer, on the same page."""
    session[DUTCH_TOO] = switch == "aan"
    return redirect(return_path(request.args.get("terug", "")), 303)


def return_path(wanted: str) -> str:
    """A page of this site to return to, else the start page: never a page elsewhere.

    Browsers drop tabs and newlines from an address and read a backslash as a slash: a slash,
    a tab and a slash would leave the site. Such a path is refused, not repaired.
    """
    start_page = url_for("guide.start")
    parts = urlsplit(wanted)
    if (
        not wanted.startswith("/")
        or wanted.startswith("//")
        or "\\" in wanted
        or any(c.isspace() or unicodedata.category(c).startswith("C") for c in wanted)
        or parts.query not in ("", "wijzigen=1")
    ):
        return start_page
    try:
        current_app.url_map.bind("").match(parts.path, method="GET")
    except HTTPException:  # no page here, or one that redirects
        return start_page
    return wanted
