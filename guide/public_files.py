# SPDX-License-Identifier: EUPL-1.2
"""The two files machines ask every site for: robots.txt and security.txt (RFC 9116)."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, current_app

from .publisher import Publisher

bp = Blueprint("public_files", __name__)
# RFC 9116 asks for an Expires under a year ahead. The contact comes from the publisher's
# settings, which the app checks on every start, so the date moves on while the guide runs.
EXPIRES_AFTER = dt.timedelta(days=180)
# Search engines may show the pages for everyone; everything about a family stays out of
# them: the questions, the advice, the letters, hand-over links, intake. The nazorgkaart's
# list may be found by the staff who print it; the cards themselves are pages for a printer,
# fifty nearly alike, and stay out, as does the start page with a card's region. Whatever is not
# allowed here is disallowed, new pages included. "$" ends a path (RFC 9309, 2.2.3).
ROBOTS = """\
User-agent: *
Allow: /$
Allow: /alle-hulp$
Allow: /veilig-thuis-regios$
Allow: /kaart$
Allow: /privacy$
Allow: /toegankelijkheid$
Allow: /veilig-online$
Allow: /static/
Disallow: /
"""


def text(body: str) -> Response:
    return Response(body, mimetype="text/plain", headers={"Cache-Control": "max-age=3600"})


@bp.get("/robots.txt")
def robots() -> Response:
    return text(ROBOTS)


@bp.get("/.well-known/security.txt")
def security_txt() -> Response:
    return text(security_text(current_app.extensions["publisher"], dt.datetime.now(dt.UTC)))


def security_text(publisher: Publisher, now: dt.datetime) -> str:
    """The publisher's security contact, as RFC 9116 writes it, valid from now."""
    expires = (now + EXPIRES_AFTER).replace(hour=0, minute=0, second=0, microsecond=0)
    lines = [
        f"Contact: {publisher.security_uri}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: nl, en",
        *(f"Canonical: https://{host}/.well-known/security.txt" for host in publisher.hosts),
    ]
    return "\n".join(lines) + "\n"
