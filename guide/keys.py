# SPDX-License-Identifier: EUPL-1.2
"""Encryption keys derived from SECRET_KEY, one per purpose, with the old keys still readable.

The cookie and the hand-over link are encrypted (Fernet: AES with an HMAC and a timestamp),
each with a key of its own, so that neither can be read or forged without the secret, and a
token made for one can never be taken for the other.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask


def fernet(app: Flask, purpose: str) -> MultiFernet:
    """Encrypts with the secret key; decrypts with it and with SECRET_KEY_FALLBACKS."""
    return _fernet((app.secret_key, *app.config.get("SECRET_KEY_FALLBACKS", ())), purpose)


@lru_cache(maxsize=8)
def _fernet(secrets: tuple[str | bytes, ...], purpose: str) -> MultiFernet:
    return MultiFernet([Fernet(_derive(secret, purpose)) for secret in secrets])


def _derive(secret: str | bytes, purpose: str) -> bytes:
    raw = secret.encode() if isinstance(secret, str) else secret
    info = f"nazorgwijzer {purpose}".encode()
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info)
    return base64.urlsafe_b64encode(hkdf.derive(raw))
