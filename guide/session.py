"""The visitor's answers live only in their browser, in an encrypted cookie.

The cookie holds no expiry date, so the browser drops it when it closes; the Fernet token's
own timestamp, which is authenticated, gives the 30 minutes idle expiry. A response that
reads the session writes it again, which restarts that clock; an unchanged cookie is rewritten
at most once a minute, as encrypting it is a good part of the cost of a page.
"""

from __future__ import annotations

import base64
import json
import time
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, Request, Response
from flask.sessions import SecureCookieSession, SessionInterface
from flask_babel import lazy_gettext

IDLE_SECONDS = 30 * 60
REFRESH_SECONDS = 60
NOTICE = "session"  # flash category of the notices about the visitor's answers
NOTICES = {
    "wiped": lazy_gettext("Uw antwoorden zijn gewist."),
    "new_client": lazy_gettext("Alle antwoorden zijn gewist. De volgende cliënt kan beginnen."),
    "expired": lazy_gettext("U deed 30 minuten niets. Daarom hebben we uw antwoorden gewist."),
    "unreadable": lazy_gettext("We konden uw antwoorden niet lezen. Begin opnieuw."),
    "outdated": lazy_gettext("De vragen zijn veranderd. Daarom beginnen we opnieuw."),
}


class CookieSession(SecureCookieSession):
    written_at = 0.0  # when the visitor's cookie was encrypted; 0 for a new session


class EncryptedSessionInterface(SessionInterface):
    """Flask sessions as Fernet tokens, refused when forged, idle too long or outdated."""

    session_class = CookieSession

    def __init__(self, content_version: str) -> None:
        self.content_version = content_version

    def open_session(self, app: Flask, request: Request) -> CookieSession:
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return self.session_class()
        fernet = _fernet(_keys(app))
        try:
            payload = json.loads(fernet.decrypt(token.encode()))
            written_at = fernet.extract_timestamp(token.encode())
        except (InvalidToken, ValueError):
            return _fresh("unreadable")
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
            return _fresh("unreadable")
        if time.time() - written_at > IDLE_SECONDS:
            return _fresh("expired")
        if payload.get("version") != self.content_version:
            return _fresh("outdated")
        session = self.session_class(payload["data"])
        session.written_at = written_at
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
        payload = json.dumps({"version": self.content_version, "data": dict(session)})
        response.set_cookie(
            name,
            _fernet(_keys(app)).encrypt(payload.encode()).decode(),
            domain=domain,
            path=path,
            httponly=self.get_cookie_httponly(app),
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
        )


def _fresh(reason: str) -> CookieSession:
    """A new, empty journey that tells the visitor why their answers are gone."""
    session = CookieSession({"_flashes": [(NOTICE, reason)]})
    session.modified = True
    return session


def _keys(app: Flask) -> tuple[str, ...]:
    """The secret key first (it encrypts), then the older keys that may still decrypt."""
    return (app.secret_key, *app.config.get("SECRET_KEY_FALLBACKS", ()))


@lru_cache(maxsize=4)
def _fernet(secrets: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_derive(secret)) for secret in secrets])


def _derive(secret: str | bytes) -> bytes:
    """A Fernet key of its own for the cookie, so it never equals the signing key."""
    raw = secret.encode() if isinstance(secret, str) else secret
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"nazorgwijzer session")
    return base64.urlsafe_b64encode(hkdf.derive(raw))
