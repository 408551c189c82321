# SPDX-License-Identifier: EUPL-1.2
"""One log line per request, naming the route but never its values.

A line holds the method, the route as declared ("/vraag/<question_id>"), the status and the
time taken: no answers, query strings, cookies, hand-over tokens or addresses. It is written
by WSGI middleware as the response leaves, which costs less than Flask's request hooks.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable
from typing import Any

from flask import Flask, request

logger = logging.getLogger("nazorgwijzer.requests")
ROUTE = "nazorgwijzer.route"  # where Flask leaves the matched route for the middleware


class RequestLog:
    """WSGI middleware that logs each request once, except the load balancer's health checks."""

    def __init__(self, wsgi_app: Any) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        started = time.perf_counter()
        status = ""

        def start(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            nonlocal status
            status = line[:3]
            return start_response(line, headers, exc_info)

        body = self.wsgi_app(environ, start)
        rule = environ.get(ROUTE)
        if rule is None or rule.endpoint != "guide.health":
            took = (time.perf_counter() - started) * 1000
            route = rule.rule if rule else "-"
            logger.info("%s %s %s %.0fms", environ["REQUEST_METHOD"], route, status, took)
        return body


def init_app(app: Flask) -> None:
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    app.wsgi_app = RequestLog(app.wsgi_app)  # type: ignore[method-assign]

    @app.before_request
    def note_route() -> None:
        request.environ[ROUTE] = request.url_rule
