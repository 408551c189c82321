# SPDX-License-Identifier: EUPL-1.2
"""Nazorgwijzer: a guide to help for families after a Veilig Thuis investigation."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from flask import Flask
from flask_compress import Compress
from flask_wtf.csrf import CSRFProtect
from jinja2 import StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix

from . import (
    agenda,
    assets,
    bilingual,
    cli,
    errors,
    headers,
    i18n,
    intake,
    interpreter,
    kaart,
    letter_views,
    logs,
    public_files,
    views,
)
from . import publisher as publishers
from .content import load
from .session import EncryptedSessionInterface
from .validate import validate

ROOT = Path(__file__).resolve().parent.parent
MIN_KEY_BYTES = 32
csrf = CSRFProtect()
compress = Compress()


class StartupError(click.ClickException):
    """The app cannot start; the message says why.

    A ClickException, so that `flask --app app guide check` prints the problems and exits 1
    instead of showing a traceback.
    """


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; refuse to start on missing secrets or invalid content."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=None)
    app.config.from_mapping(_config_from_environment())
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config["SESSION_COOKIE_SECURE"]:  # a __Host- cookie must be Secure
        name = app.config["SESSION_COOKIE_NAME"]
        app.config["SESSION_COOKIE_NAME"] = name.removeprefix("__Host-")
    if not app.config.get("SECRET_KEY"):
        raise StartupError("SECRET_KEY is not set. Set it to a long random value in production.")
    _refuse_short_keys(app.config["SECRET_KEY"], app.config.get("SECRET_KEY_FALLBACKS", ()))
    publisher, problems = publishers.load(app.config["PUBLISHER_FILE"])
    if publisher is None:
        raise StartupError("\n".join(problems))
    app.extensions["publisher"] = publisher
    app.config["QUICK_EXIT_URL"] = publisher.quick_exit

    content = load(Path(app.config["CONTENT_DIR"]))
    problems = validate(content)
    if problems:
        raise StartupError(
            f"{len(problems)} problem(s) in the content:\n" + "\n".join(f"- {p}" for p in problems)
        )
    app.extensions["guide"] = content
    app.session_interface = EncryptedSessionInterface(content.version)

    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.globals["publisher"] = publisher
    if app.config["BEHIND_PROXY"]:  # trust the TLS proxy's X-Forwarded-Proto and -Host
        app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1, x_host=1)  # type: ignore[method-assign]
    logs.init_app(app)
    headers.init_app(app)
    assets.init_app(app, ROOT / "static")
    compress.init_app(app)
    csrf.init_app(app)
    # The letter form checks its own token: refused, it shows again what was typed, which a
    # refusal before the view would lose (guide.letter_views).
    csrf.exempt(letter_views.bp)
    i18n.init_app(app, str(ROOT / "translations"))
    bilingual.init_app(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(intake.bp)
    app.register_blueprint(interpreter.bp)
    app.register_blueprint(kaart.bp)
    app.register_blueprint(letter_views.bp)
    app.register_blueprint(agenda.bp)
    app.register_blueprint(public_files.bp)
    errors.init_app(app)
    app.cli.add_command(cli.guide)
    return app


def _refuse_short_keys(key: str | bytes, fallbacks: Iterable[str | bytes]) -> None:
    """Refuse a key shorter than 32 bytes: it encrypts the answers and the hand-over links.

    Every key can decrypt, so an old key in SECRET_KEY_FALLBACKS must be as strong.
    """
    for setting, value in [("SECRET_KEY", key), *(("SECRET_KEY_FALLBACKS", k) for k in fallbacks)]:
        length = len(value.encode() if isinstance(value, str) else value)
        if length < MIN_KEY_BYTES:
            raise StartupError(
                f"{setting} holds a key of {length} bytes; use at least {MIN_KEY_BYTES} random "
                "bytes, such as python3 -c 'import secrets; print(secrets.token_hex(32))'."
            )


def _config_from_environment() -> dict[str, Any]:
    development = os.environ.get("NAZORGWIJZER_ENV") == "development"
    return {
        # Development gets a throw-away key: answers then end when the server restarts.
        "SECRET_KEY": os.environ.get("SECRET_KEY")
        or (secrets.token_hex(32) if development else None),
        "SECRET_KEY_FALLBACKS": os.environ.get("SECRET_KEY_FALLBACKS", "").split(),
        # The public host names (space-separated, as nginx's server_name): any other Host is
        # refused with the error page. Unset, every host is answered (development, tests).
        "TRUSTED_HOSTS": os.environ.get("NAZORGWIJZER_HOSTS", "").split() or None,
        # __Host-: only this host, over https, may set or read it (create_app drops the prefix
        # where the cookie cannot be Secure: over plain http in development and tests).
        "SESSION_COOKIE_NAME": "__Host-nazorgwijzer",
        "SESSION_COOKIE_SECURE": not development,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "MAX_CONTENT_LENGTH": 16 * 1024,  # the longest real answer form is well under 1 KB
        "WTF_CSRF_TIME_LIMIT": None,  # the token dies with the session (30 minutes idle)
        # Over https Flask-WTF would also demand a Referer from this site. Pages send none
        # (Referrer-Policy: no-referrer, so no other site learns which page a family read),
        # and privacy tools strip it too. The token is bound to the encrypted session cookie,
        # which is SameSite=Lax and host-only, and HSTS keeps the site on https: the Referer
        # would add nothing against another site posting a form.
        "WTF_CSRF_SSL_STRICT": False,
        "WTF_I18N_ENABLED": False,  # every message a visitor sees is our own (guide.forms)
        # Who offers the guide (guide/publisher.py); development uses the fictitious example.
        "PUBLISHER_FILE": os.environ.get(publishers.ENVIRONMENT)
        or (str(publishers.EXAMPLE) if development else None),
        "CONTENT_DIR": str(Path(__file__).parent),
        "BEHIND_PROXY": os.environ.get("BEHIND_PROXY") == "1",
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        # One step above the default: a tenth smaller pages for a few hundredths of a millisecond.
        "COMPRESS_BR_LEVEL": 5,
    }
