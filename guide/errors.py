# SPDX-License-Identifier: EUPL-1.2
"""Friendly pages for every error, with the right status and the answers left as they were.

The page says the answers are kept only when there are answers: after a wipe it would not be true.
"""

from __future__ import annotations

from typing import NoReturn

from flask import Flask, abort, render_template, request, url_for
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
    500: (
        lazy_gettext("Er ging iets mis"),
        lazy_gettext("Dit ligt aan ons, niet aan u. Probeer het over een paar minuten opnieuw."),
    ),
}


def init_app(app: Flask) -> None:
    # Unexpected exceptions reach this too, as a 500, after Flask has logged them.
    app.register_error_handler(HTTPException, render_error)

    @app.before_request
    def no_files() -> None:
        """No form of the guide asks for a file: one sent anyway would be taken for text."""
        if request.files:
            abort(400)

    @app.get("/te-groot")
    def too_large() -> NoReturn:
        """The page for a form too large, for the proxy, which refuses such forms itself."""
        abort(413)


def render_error(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    heading, text = PAGES.get(code) or PAGES[400 if code < 500 else 500]
    current = journey()
    resume = next_url(current) if current.answers else None
    # The language links lead to the start page: an error page repeats no address it was sent.
    page = render_template(
        "error.html", heading=heading, text=text, resume=resume, here=url_for("guide.start")
    )
    return page, code
