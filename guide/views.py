"""The pages. Views ask the engine, store answers in the session and render templates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any
from urllib.parse import quote

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    get_flashed_messages,
    get_template_attribute,
    redirect,
    request,
    session,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from flask_babel import gettext, lazy_gettext
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from werkzeug.wrappers import Response

from . import prerender
from .content import END, Content, Question
from .engine import Advice, Journey, Reason, advise, help_now, not_advised, walk
from .forms import TYPED, QuestionForm, prefill, question_form
from .i18n import LANGUAGES, in_words
from .places import Place
from .session import NOTICE, NOTICES

bp = Blueprint("guide", __name__)
PRIORITY_LABELS = {
    "safety": lazy_gettext("Hulp nu"),
    "first": lazy_gettext("Doe dit eerst"),
    "also": lazy_gettext("Ook mogelijk"),
}
REGION_LINK_LABELS = {
    "website": lazy_gettext("Website van uw Veilig Thuis"),
    "complaints": lazy_gettext("Klachtenregeling van uw Veilig Thuis"),
    "file": lazy_gettext("Uw dossier en uw rechten bij uw Veilig Thuis"),
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


def render_page(
    template: str,
    context: Callable[[], Mapping[str, Any]] = dict,
    key: tuple[object, ...] | None = None,
    values: Mapping[str, Any] | None = None,
) -> Markup:
    """A page, kept per language under `key` if it has one, completed for this visitor.

    `values` fill the page's own blanks and parts (see guide.prerender); the layout's are here.
    """
    page = prerender.render(
        template, None if key is None else (session.get("intake", False), *key), context
    )
    return prerender.fill(page, {**layout_values(), **(values or {})})


def layout_values() -> dict[str, Any]:
    """The visitor's own part of the layout: form token, notices, help to call now."""
    flashed = {key for kind, key in get_flashed_messages(with_categories=True) if kind == NOTICE}
    answers = journey().answers
    urgent_now = set()
    if answers and request.endpoint != "guide.advice":  # the advice lists that help itself
        urgent_now = {a.service.id for a in help_now(content(), answers)}
    return {
        "csrf_token": generate_csrf,
        "here": quote(request.full_path.rstrip("?")),
        "notice": flashed.__contains__,
        "help_now": lambda: bool(urgent_now),
        "urgent": urgent_now.__contains__,
    }


@bp.get("/")
def start() -> Markup:
    started = bool(journey().answers)
    return render_page(
        "start.html",
        lambda: {"started": started, "first_question": content().start},
        key=(started,),
    )


@bp.route("/vraag/<question_id>", methods=["GET", "POST"])
@private_page
def question(question_id: str) -> Any:
    question = content().question(question_id) or abort(404)
    current = journey()
    if question_id not in current.path and question_id != current.next_question:
        return redirect(next_url(current))
    changing = request.args.get("wijzigen") == "1"
    form = None
    if request.method == "POST":
        form = question_form(question, content().places)
        if form.validate_on_submit():
            updated = walk(content(), {**current.answers, question_id: form.answer()})
            session["answers"] = {q: list(values) for q, values in updated.answers.items()}
            if changing:  # back to the summary, asking any newly needed question first
                return redirect(next_url(updated, changing))
            return redirect(step_url(updated.following(question_id)))
    previous = current.previous(question_id)
    back = step_url(previous, changing) if previous else url_for("guide.start")
    if changing and current.complete:
        back = url_for("guide.check")
    page = render_page(
        "question.html",
        # The visitor's answer reaches the page through its blanks only.
        lambda: {
            "question": question,
            "form": form if form is not None else question_form(question, content().places),
            "changing": changing,
        },
        key=None if form is not None else (question_id, changing),  # a refused answer is theirs
        values=question_values(question, current, form, back),
    )
    return page, 400 if form is not None and form.errors else 200


def question_values(
    question: Question, current: Journey, form: QuestionForm | None, back: str
) -> dict[str, Any]:
    """A question page's blanks: the step, the way back and the answer, given or sent."""
    data = form.data if form is not None else prefill(question, current.answers.get(question.id))
    chosen = data.get(question.id)
    chosen = {chosen} if isinstance(chosen, str) else set(chosen or ())
    return {
        "position": str(current.position(question.id)),
        "total": str(current.total),
        "back": back,
        "checked": lambda option: " checked" if option in chosen else "",
        "typed": data.get(TYPED) or "",
    }


@bp.get("/controleren")
@after_all_answers
def check(current: Journey) -> Markup:
    rows = [(content().question(q), current.answers[q]) for q in current.path]
    return render_page("check.html", lambda: {"rows": rows})


@bp.get("/advies")
@after_all_answers
def advice(current: Journey) -> Markup:
    intake = session.get("intake", False)
    return render_page(
        "advice.html",
        # In intake mode the page also shows what was not advised and why: that is the family's.
        lambda: {"not_advised": not_advised(content(), current.answers) if intake else []},
        key=None if intake else (),
        values=advice_values(advise(content(), current.answers), place_of(current)),
    )


def regional(kind: str, place: Place) -> Markup:
    """A card's part about the visitor's own Veilig Thuis or municipality."""
    return get_template_attribute("macros/regional.html", "regional")(kind, place)


def advice_values(advice: list[Advice], place: Place | None) -> dict[str, Any]:
    """The advice page's parts and blanks: the visitor's cards, with their reasons and notes."""
    advised = {item.service.id: item for item in advice}
    chose = gettext("U koos:")
    words: dict[Reason, Markup] = {}  # one answer is often the reason for several cards

    def reason(answer: Reason) -> Markup:
        if answer not in words:
            words[answer] = Markup("<li>%s %s</li>") % (chose, in_words([answer]))
        return words[answer]

    return {
        "section": lambda priority: any(item.priority == priority for item in advice),
        "card": lambda id, priority: id in advised and advised[id].priority == priority,
        "why": lambda id: bool(advised[id].reasons),
        "reasons": lambda id: Markup().join(map(reason, advised[id].reasons)),
        "note": lambda id, i: advised[id].service.notes[int(i)].text in advised[id].notes,
        "regional": lambda id: regional(advised[id].service.regional, place) if place else "",
        "place": lambda: place is not None,
    }


@bp.get("/alle-hulp")
def all_help() -> Markup:
    return render_page(
        "all_help.html",
        lambda: {"groups": content().groups, "services": content().services},
        key=(),
    )


def wipe_answers() -> None:
    """Forget everything about the visitor except the language they read in."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


@bp.post("/opnieuw")
def start_again() -> Response:
    wipe_answers()
    flash("wiped", NOTICE)
    return redirect(url_for("guide.start"), 303)


@bp.get("/weg")
def quick_exit() -> Response:
    session.clear()
    return redirect(current_app.config["QUICK_EXIT_URL"], 303)


@bp.get('/<any(privacy, toegankelijkheid, "veilig-online"):page>')
def info(page: str) -> Markup:
    return render_page(INFO_PAGES[page], key=())


@bp.record_once
def layout_constants(state: BlueprintSetupState) -> None:
    """What any page may show, the same for every visitor; `layout_values` picks theirs."""
    guide = state.app.extensions["guide"]
    state.app.jinja_env.globals.update(
        content=guide,
        notices=NOTICES,
        priority_labels=PRIORITY_LABELS,
        region_link_labels=REGION_LINK_LABELS,
    )


@bp.app_context_processor
def mode() -> dict[str, Any]:
    return {"intake": session.get("intake", False)}


@bp.get("/taal/<code>")
def choose_language(code: str) -> Response:
    """Switch the language and return to the same page, answers and all."""
    if code not in LANGUAGES:
        abort(404)
    session["lang"] = code
    back = request.args.get("terug", "")
    # Only a path on this site: never send the visitor elsewhere.
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = url_for("guide.start")
    return redirect(back, 303)


@bp.get("/veilig-thuis-regios")
def regions() -> Markup:
    return render_page("regions.html", lambda: {"places": content().places}, key=())
