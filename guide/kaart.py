# SPDX-License-Identifier: EUPL-1.2
"""The nazorgkaart: a printed card per Veilig Thuis region that leads a family to the guide.

Veilig Thuis puts it in the investigation report or hands it over in the last conversation;
social workers print it too. It says nothing about a family: every card of a region is the same,
and its QR code opens the start page with only the region in the address, which then fills in
the place question (guide.views.remember_region). A card prints on A6; the A4 sheet holds four
to cut, for an office printer.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
from flask_babel import force_locale, get_locale, gettext

from .handover import qr_svg
from .i18n import LANGUAGES, text_direction
from .views import REGION_PARAMETER, content

bp = Blueprint("kaart", __name__)
COPIES_ON_A4 = 4  # A4 is four A6 cards, two by two


@bp.get("/kaart")
def cards() -> str:
    return render_template("cards.html", regions=content().places.regions)


@bp.get("/kaart/<code>")
def card(code: str) -> str:
    return render_card(code, copies=1)


# A path of its own rather than a query: a page of its own title, and no page repeats a query.
@bp.get("/kaart/<code>/a4")
def sheet(code: str) -> str:
    return render_card(code, copies=COPIES_ON_A4)


def render_card(code: str, copies: int) -> str:
    """The card of one region, once or four times; any code but a region's is not found."""
    region = content().places.region(code) or abort(404)
    publisher = current_app.extensions["publisher"]
    # The publisher's address, never the request's host: the card outlives the request.
    address = f"{publisher.address}?{REGION_PARAMETER}={region.code}"
    return render_template(
        "card.html",
        region=region,
        host=publisher.hosts[0],
        qr=qr_svg(address, gettext("QR-code met het adres van de Nazorgwijzer")),
        other_languages=other_languages(str(get_locale())),
        copies=copies,
    )


def other_languages(own: str) -> list[tuple[str, str, str]]:
    """(language, direction, line) for each language but the page's own, from its catalogue."""
    lines = []
    for code in LANGUAGES:
        if code == own:
            continue
        with force_locale(code):
            line = gettext("Scan de code. Deze wijzer is er ook in het Nederlands.")
        lines.append((code, text_direction(code), line))
    return lines
