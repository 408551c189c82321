"""Hand the advice to a parent as a signed link: the advice only, never the answers.

Nothing is stored: the link itself carries which services were advised, at which priority,
in which language and for which version of the content, signed and valid for 30 days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import segno
from flask import Flask
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from markupsafe import Markup

from .content import PRIORITIES, Content, Service
from .engine import Advice

MAX_AGE_SECONDS = 30 * 24 * 60 * 60
SALT = "nazorgwijzer hand-over"


class HandoverError(Exception):
    """A link that cannot be opened; `reason` is invalid, expired or outdated."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class HandedOver:
    advice: list[tuple[Service, str]]  # (service, priority), in the order advised
    locale: str


def _serializer(app: Flask) -> URLSafeTimedSerializer:
    # itsdangerous signs with the last key and accepts all: the old keys first.
    keys = [*app.config.get("SECRET_KEY_FALLBACKS", ()), app.secret_key]
    return URLSafeTimedSerializer(keys, salt=SALT)


def make_token(app: Flask, content: Content, advice: Sequence[Advice], locale: str) -> str:
    """A signed token for this advice; it holds service ids, priorities, language and version."""
    payload = {
        "advice": [[a.service.id, a.priority] for a in advice],
        "locale": locale,
        "version": content.version,
    }
    return _serializer(app).dumps(payload)


def read_token(app: Flask, content: Content, token: str) -> HandedOver:
    """The advice in a token, or HandoverError when it is forged, too old or outdated."""
    try:
        payload = _serializer(app).loads(token, max_age=MAX_AGE_SECONDS)
    except SignatureExpired as error:
        raise HandoverError("expired") from error
    except BadData as error:
        raise HandoverError("invalid") from error
    if not isinstance(payload, dict) or payload.get("version") != content.version:
        raise HandoverError("outdated")
    advice = []
    for service_id, priority in payload.get("advice", ()):
        service = content.service(service_id)
        if service is None or priority not in PRIORITIES:
            raise HandoverError("outdated")
        advice.append((service, priority))
    return HandedOver(advice, str(payload.get("locale", "")))


def qr_svg(url: str, label: str) -> Markup:
    """The link as a QR code in inline SVG: no script, no image request."""
    svg = segno.make(url, error="m").svg_inline(scale=4, svgclass="qr", lineclass=None)
    # The SVG is segno's own drawing of our URL, and the label is escaped: safe to embed.
    labelled = svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1)
    return Markup(labelled)  # nosec B704
