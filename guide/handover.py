# SPDX-License-Identifier: EUPL-1.2
"""Hand the advice to a parent as an encrypted link: the advice only, never the answers.

Nothing is stored: the link itself carries which services were advised, at which priority,
with which of their notes and contacts, which Veilig Thuis region is the family's own, in
which language and for which version of the content, encrypted and valid for 30 days.
Encrypted, not only signed: which help was advised says something of the answers (113 after
thoughts of ending one's life), and the link may be seen on a shared phone.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import segno
from cryptography.fernet import InvalidToken
from flask import Flask
from itsdangerous import BadData, URLSafeTimedSerializer
from markupsafe import Markup

from .content import PRIORITIES, Content
from .engine import Advice
from .keys import fernet
from .places import Place, Region

MAX_AGE_SECONDS = 30 * 24 * 60 * 60
PURPOSE = "hand-over"
# Links made before they were encrypted: signed with this salt. Recognised only to tell the
# parent the link is too old; no such link is younger than 30 days after 2026-11-30.
SIGNED_SALT = "nazorgwijzer hand-over"


class HandoverError(Exception):
    """A link that cannot be opened; `reason` is invalid, expired or outdated."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class HandedOver:
    advice: list[Advice]  # in the order advised, with the notes and contacts that were shown
    place: Place | None  # the family's own Veilig Thuis region, never their municipality
    locale: str
    content: Content  # as the advice was spoken: a young person's in the je-form


def make_token(
    app: Flask,
    content: Content,
    advice: Sequence[Advice],
    region: Region | None,
    locale: str,
    young: bool = False,
) -> str:
    """An encrypted token for this advice: ids of services, notes, contacts, lines to call
    tonight and the region, the priorities, the language, the version and whether it speaks
    to a young person."""
    payload = {
        "advice": [
            [
                a.service.id,
                a.priority,
                [n.id for n in a.notes],
                [c.id for c in a.contacts],
                [n.id for n in a.tonight],
            ]
            for a in advice
        ],
        "region": region.code if region else "",
        "locale": locale,
        "version": content.version,
        "young": young,
    }
    packed = zlib.compress(json.dumps(payload, separators=(",", ":")).encode())
    return fernet(app, PURPOSE).encrypt(packed).decode().rstrip("=")  # a shorter QR code


def read_token(app: Flask, content: Content, token: str) -> HandedOver:
    """The advice in a token, or HandoverError when it is forged, too old or outdated."""
    keys = fernet(app, PURPOSE)
    padded = (token + "=" * (-len(token) % 4)).encode()
    try:
        packed = keys.decrypt(padded)
        made_at = keys.extract_timestamp(padded)
        payload = json.loads(zlib.decompress(packed))
    except (InvalidToken, ValueError, zlib.error) as error:
        raise HandoverError("outdated" if _signed_link(app, token) else "invalid") from error
    if time.time() - made_at > MAX_AGE_SECONDS:
        raise HandoverError("expired")
    if not isinstance(payload, dict) or payload.get("version") != content.version:
        raise HandoverError("outdated")
    if payload.get("young") is True:  # a young person's notes are found by their je-form
        content = content.young
    try:
        advice = [_advice(content, *item) for item in payload["advice"]]
    except (KeyError, TypeError, ValueError) as error:  # a link from an older version
        raise HandoverError("outdated") from error
    place = content.places.place(str(payload.get("region", "")))
    return HandedOver(advice, place, str(payload.get("locale", "")), content)


def _advice(
    content: Content,
    service_id: str,
    priority: str,
    notes: list[str],
    contacts: list[str],
    tonight: Sequence[str] = (),  # not in the links made before it was
) -> Advice:
    service = content.service(service_id)
    if service is None or priority not in PRIORITIES:
        raise ValueError(service_id)
    return Advice(
        service,
        priority,
        reasons=(),  # the answers that led to it stay with the family
        notes=tuple(n for n in service.notes if n.id in notes),
        contacts=tuple(c for c in service.contact if c.id in contacts),
        tonight=tuple(n for n in service.tonight if n.id in tonight),
    )


def _signed_link(app: Flask, token: str) -> bool:
    """Whether this is a real link from the time links were signed, not encrypted."""
    keys = [*app.config.get("SECRET_KEY_FALLBACKS", ()), app.secret_key]
    try:
        URLSafeTimedSerializer(keys, salt=SIGNED_SALT).loads(token)
    except BadData:
        return False
    return True


def qr_svg(url: str, label: str) -> Markup:
    """The link as a QR code in inline SVG: no script, no image request.

    Its own size for the screen, and a viewBox so that a stylesheet can draw it at any size
    (the nazorgkaart prints it in millimetres).
    """
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, svgclass="qr", lineclass=None)
    width, height = code.symbol_size(scale=4)
    # The SVG is segno's own drawing of our URL, and the label is escaped: safe to embed.
    labelled = svg.replace(
        "<svg ",
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{Markup.escape(label)}" ',
        1,
    )
    return Markup(labelled)  # nosec B704
