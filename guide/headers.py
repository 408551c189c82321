"""Security headers on every response, set through Flask-Talisman."""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman

# Everything comes from this site: no inline script or style, no frames, no other hosts.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
}
PERMISSIONS_POLICY = {
    "camera": "()",
    "microphone": "()",
    "geolocation": "()",
    "browsing-topics": "()",
}

talisman = Talisman()


def init_app(app: Flask) -> None:
    talisman.init_app(
        app,
        # The TLS proxy in front redirects to https; HSTS is sent whenever the request was https.
        force_https=False,
        strict_transport_security=True,
        strict_transport_security_include_subdomains=False,
        frame_options="DENY",
        content_security_policy=CONTENT_SECURITY_POLICY,
        permissions_policy=PERMISSIONS_POLICY,
        referrer_policy="no-referrer",
        # Talisman writes these into the session cookie settings: hand it the app's own.
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_http_only=app.config["SESSION_COOKIE_HTTPONLY"],
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
    )
