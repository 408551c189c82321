"""One log line per request, naming the route but never its values.

A line holds the method, the route as declared ("/vraag/<question_id>"), the status and the
time taken: no answers, query strings, cookies, hand-over tokens or addresses.
"""

from __future__ import annotations

import logging
import sys
import time

from flask import Flask, g, request
from werkzeug.wrappers import Response

logger = logging.getLogger("nazorgwijzer.requests")


def init_app(app: Flask) -> None:
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)

    @app.before_request
    def start_clock() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        if request.endpoint != "guide.health":
            took = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
            route = request.url_rule.rule if request.url_rule else "-"
            logger.info("%s %s %d %.0fms", request.method, route, response.status_code, took)
        return response
