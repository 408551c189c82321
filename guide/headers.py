# SPDX-License-Identifier: EUPL-1.2
"""Security and caching headers on every response.

They are the same for every response, so they are written out once and added as the response
leaves the app (WSGI middleware), rather than worked out per request in Flask: that was a
large share of the cost of a light page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Flask, Response, after_this_request

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
# What acts on any answer, a stylesheet or script too: no other site may load any of this
# one's answers into its own, and a stylesheet's own requests say nothing of the page.
ASSET_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]
# And what acts on a page alone. No window another site opens shares anything with it.
SECURITY_HEADERS = [
    ("Content-Security-Policy", "; ".join(f"{k} {v}" for k, v in CONTENT_SECURITY_POLICY.items())),
    ("Permissions-Policy", ", ".join(f"{k}={v}" for k, v in PERMISSIONS_POLICY.items())),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    *ASSET_HEADERS,
]
# Every page carries a form token tied to the visitor's session: no cache may keep it.
PAGE_HEADERS = [("Cache-Control", "no-store")]
# The TLS proxy in front redirects http to https; HSTS goes with every answer over https.
HTTPS_HEADERS = [("Strict-Transport-Security", "max-age=31536000")]


# After a wipe the browser drops what it kept of the site: its cache (pages shown again with
# Back are fetched anew) and any storage. Not "cookies": the wipe's own answer sets the new,
# empty session cookie, which must stay.
CLEAR_SITE_DATA = '"cache", "storage"'


def download(body: str | bytes, content_type: str, filename: str) -> Response:
    """A file to save, made for this response: no cache may keep it (only pages get
    no-store from the middleware below)."""
    return Response(
        body,
        content_type=content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def clear_site_data() -> None:
    """Have this request's answer tell the browser to drop what it kept of the site."""

    @after_this_request
    def clear(response: Response) -> Response:
        response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


class SecurityHeaders:
    """WSGI middleware that adds the headers above to every response."""

    def __init__(self, wsgi_app: Any) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            added = SECURITY_HEADERS
            if any(k == "Content-Type" and v.startswith("text/html") for k, v in headers):
                added = added + PAGE_HEADERS
            if environ["wsgi.url_scheme"] == "https":  # as ProxyFix set it, when behind a proxy
                added = added + HTTPS_HEADERS
            return start_response(status, headers + added, exc_info)

        return self.wsgi_app(environ, start)


def init_app(app: Flask) -> None:
    app.wsgi_app = SecurityHeaders(app.wsgi_app)  # type: ignore[method-assign]
