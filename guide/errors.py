# SPDX-License-Identifier: EUPL-1.2
"""Friendly pages for every error, with the right status and the answers left as they were.

The page says the answers are kept only when there are answers: after a wipe it would not be true.
"""

from __future__ import annotations

from types import TracebackType
from typing import NoReturn

from flask import Flask, abort, current_app, render_template, request, url_for
from flask.globals import request_ctx
from flask_babel import lazy_gettext
from werkzeug.exceptions import HTTPException

from .views import journey, next_url

# Status code -> (heading, explanation); other codes get the text of 400 or 500.
PAGES = {
    400: (
        lazy_gettext("Dit formulier kunnen we niet verwerken"),
        lazy_gettext("Misschien stond de pagina te lang open. Probeer het nog een keer."),
    ),
    404: (
        lazy_gettext("Deze pagina bestaat niet"),
        lazy_gettext("Misschien is het adres niet goed."),
    ),
    405: (
        lazy_gettext("Dit kan niet op deze pagina"),
        lazy_gettext("Gebruik de knoppen op de pagina."),
    ),
    413: (
        lazy_gettext("Dit formulier is te groot"),
        lazy_gettext("Wij kunnen zoveel tekst niet verwerken."),
    ),
    414: (
        lazy_gettext("Dit adres is te lang"),
        lazy_gettext("Misschien is het adres niet goed."),
    ),
    500: (
        lazy_gettext("Er ging iets mis"),
        lazy_gettext("Dit ligt aan ons, niet aan u. Probeer het over een paar minuten opnieuw."),
    ),
}

# What nginx refuses before the app sees it, and asks the app's page for (deploy/nginx.conf).
PROXY_ERRORS = {400, 413, 414}


def init_app(app: Flask) -> None:
    # Unexpected exceptions reach this too, as a 500, after Flask has logged them.
    app.register_error_handler(HTTPException, render_error)
    app.log_exception = log_exception  # type: ignore[method-assign]

    @app.before_request
    def no_files() -> None:
        """No form of the guide asks for a file: one sent anyway would be taken for text.

        Only a posted multipart form is read here: the proxy's own error pages come as a GET
        that may still name the refused body's length, which is never sent.
        """
        multipart = request.method == "POST" and request.mimetype == "multipart/form-data"
        if multipart and request.files:
            abort(400)

    @app.get("/fout/<int:code>")
    def refused_by_proxy(code: int) -> NoReturn:
        """The page for what the proxy refuses itself: a form too large, an address too long."""
        abort(code if code in PROXY_ERRORS else 404)


def log_exception(
    exc_info: tuple[type, BaseException, TracebackType] | tuple[None, None, None],
) -> None:
    """Flask's line for an exception, with the route as declared instead of the path.

    A path can hold a hand-over token or a question id that says something of a family.
    """
    route = request.url_rule.rule if request.url_rule else "-"
    current_app.logger.error("Exception on %s [%s]", route, request.method, exc_info=exc_info)


def render_error(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    if request_ctx.url_adapter is None:
        # A refused or malformed Host leaves the request without a URL adapter. The page's links
        # are paths, which need no host: build them with a name that is never served.
        request_ctx.url_adapter = current_app.url_map.bind("invalid", request.script_root or "/")
    heading, text = PAGES.get(code) or PAGES[400 if code < 500 else 500]
    current = journey()
    resume = next_url(current) if current.answers else None
    # The language links lead to the start page: an error page repeats no address it was sent.
    page = render_template(
        "error.html", heading=heading, text=text, resume=resume, here=url_for("guide.start")
    )
    return page, code
