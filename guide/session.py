# SPDX-License-Identifier: EUPL-1.2
"""The visitor's answers live only in their browser, in an encrypted cookie.

The cookie holds no expiry date, so the browser drops it when it closes. Two clocks end it on
the server's side as well, both inside the encryption so that nobody can set them back:
- the Fernet token's own timestamp gives 30 minutes idle expiry. A response that reads the
  session writes it again, which restarts that clock; an unchanged cookie is rewritten at most
  once a minute, as encrypting it is a good part of the cost of a page;
- the time the visit began gives an end 2 hours later, however active. A copied cookie
  (from a shared computer, say) then stops working the same day, even if it is replayed every
  few minutes: "Opnieuw beginnen" and "Snel weg" cannot reach a copy, but this clock does.
"""

from __future__ import annotations

import json
import re
import secrets
import time

from cryptography.fernet import InvalidToken
from flask import Flask, Request, Response, session
from flask.sessions import SecureCookieSession, SessionInterface
from flask_babel import lazy_gettext

from .headers import clear_site_data
from .keys import fernet

IDLE_SECONDS = 30 * 60
LIFETIME_SECONDS = 2 * 60 * 60
REFRESH_SECONDS = 60
GONE = "gone"  # why the answers are gone: said on every page until the next answer
NOTICES = {
    "wiped": lazy_gettext("Uw antwoorden zijn gewist."),
    "new_client": lazy_gettext("Alle antwoorden zijn gewist. De volgende cliënt kan beginnen."),
    "expired": lazy_gettext("U deed 30 minuten niets. Daarom hebben we uw antwoorden gewist."),
    "too_old": lazy_gettext(
        "U begon meer dan 2 uur geleden. Daarom hebben we uw antwoorden gewist."
    ),
    "unreadable": lazy_gettext("We konden uw antwoorden niet lezen. Begin opnieuw."),
    "outdated": lazy_gettext("De vragen zijn veranderd. Daarom beginnen we opnieuw."),
}
PURPOSE = "session"
VISIT = re.compile(r"[0-9a-f]{8}")  # the mark of a visit: secrets.token_hex(4)


class CookieSession(SecureCookieSession):
    written_at = 0.0  # when the visitor's cookie was encrypted; 0 for a new session
    began_at = 0.0  # when the visit began; 0 for a new session
    unreadable = False  # the browser's cookie, of this request, could not be read


class EncryptedSessionInterface(SessionInterface):
    """Flask sessions as Fernet tokens, refused when forged, idle or too old, or outdated."""

    session_class = CookieSession

    def __init__(self, content_version: str) -> None:
        self.content_version = content_version

    def open_session(self, app: Flask, request: Request) -> CookieSession:
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return self.session_class()
        keys = fernet(app, PURPOSE)
        try:
            payload = json.loads(keys.decrypt(token.encode()))
            written_at = keys.extract_timestamp(token.encode())
        except (InvalidToken, ValueError):
            return _fresh("unreadable", unreadable=True)
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
            return _fresh("unreadable")
        began_at = payload.get("began")
        if not isinstance(began_at, int | float):
            return _fresh("unreadable")
        now = time.time()
        # Ended, not wiped: the visit's mark stays, so that a letter form still open reads.
        kept = payload["data"].get("visit")
        if now - written_at > IDLE_SECONDS:
            return _fresh("expired", kept)
        if now - began_at > LIFETIME_SECONDS:
            return _fresh("too_old", kept)
        if payload.get("version") != self.content_version:
            return _fresh("outdated", kept)
        session = self.session_class(payload["data"])
        session.written_at = written_at
        session.began_at = began_at
        return session

    def save_session(self, app: Flask, session: CookieSession, response: Response) -> None:
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if not session:
            if session.modified:
                response.delete_cookie(name, domain=domain, path=path)
            return
        if not (session.modified or session.accessed):
            return
        response.vary.add("Cookie")
        if not session.modified and time.time() - session.written_at < REFRESH_SECONDS:
            return
        payload = {
            "version": self.content_version,
            "began": session.began_at or int(time.time()),
            "data": dict(session),
        }
        response.set_cookie(
            name,
            fernet(app, PURPOSE).encrypt(json.dumps(payload).encode()).decode(),
            domain=domain,
            path=path,
            httponly=self.get_cookie_httponly(app),
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
        )


def wipe(reason: str | None, keep: tuple[str, ...] = ()) -> None:
    """End the visit: its answers, the names of its form fields and its clock.

    Every page asked for again afterwards, with Back as well, says why the answers are gone
    (when there is a reason to say) until the visitor answers anew.
    """
    clear_site_data()
    kept = {key: session[key] for key in keep if key in session}
    session.clear()
    session.update(kept)
    session.began_at = 0.0
    if reason:
        session[GONE] = reason


def visit() -> str:
    """A mark of this visit, new after every wipe, that the letter form's field names carry.

    The browser puts typed values back into a page it shows again (with Back, Forward or a
    reopened tab) by the names of the fields. After a wipe the names are new: nothing matches.
    """
    return session.setdefault("visit", secrets.token_hex(4))


def adopt_visit(posted: str) -> None:
    """Take the mark a form was posted with as this visit's, when the cookie was unreadable.

    Then the secret key changed (or the cookie broke): the server cannot tell which visit the
    form belongs to, but it did not wipe it, and the values are the browser's own. A wipe
    leaves a cookie the server reads, without the mark of the names from before.
    """
    if session.unreadable and "visit" not in session and VISIT.fullmatch(posted):
        session["visit"] = posted


def _fresh(reason: str, visit: object = None, unreadable: bool = False) -> CookieSession:
    """A new, empty journey that tells the visitor why their answers are gone."""
    fresh = CookieSession({GONE: reason})
    if isinstance(visit, str) and VISIT.fullmatch(visit):
        fresh["visit"] = visit
    fresh.modified = True
    fresh.unreadable = unreadable
    return fresh
