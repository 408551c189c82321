# SPDX-License-Identifier: EUPL-1.2
"""Serving in production: `gunicorn app:app` reads this file.

Each worker is a process with a few threads; the app keeps no state, so workers (and hosts)
can be added freely as long as they share SECRET_KEY. nginx sits in front (deploy/nginx.conf).
"""

import multiprocessing
import os

from gunicorn import glogging

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
timeout = 30  # a page renders in milliseconds: a stuck worker is restarted
graceful_timeout = 20  # on shutdown or reload, running requests get this long to finish
keepalive = 5
max_requests = 5000  # recycle workers now and then, with jitter so they do not restart at once
max_requests_jitter = 500
# Looser than nginx's (an address of 4 KB, 16 KB a header line, 64 KB in all: deploy/nginx.conf),
# so that nginx refuses an over-long request first, with the app's page. nginx limits the header's
# size, not its number of fields: gunicorn's count is at its maximum, more than 64 KB can hold.
limit_request_line = 8190
limit_request_fields = 32768
limit_request_field_size = 32768
# No forwarded header is read by gunicorn, whoever sends it: the app reads the proxy's
# X-Forwarded-Proto and -Host itself (ProxyFix, BEHIND_PROXY=1). Trusting the peer would let
# anyone on this host set the scheme, or a SCRIPT_NAME that every link the app writes starts with.
forwarded_allow_ips = ""
forwarder_headers = ""
secure_scheme_headers = {}
header_map = "drop"  # headers with "_" in their name are dropped, never mixed with "-" ones
accesslog = None  # the app writes its own line per request, without values (guide.logs)
errorlog = "-"
loglevel = "info"
control_socket_disable = True


class ValueFreeLogger(glogging.Logger):
    """gunicorn's log without the visitor's address or any part of their request.

    gunicorn names the address and quotes the request line when it refuses a request, and the
    method and path when a request fails: the same values the app keeps out of its own log.
    """

    def warning(self, msg: str, *args: object, **kwargs: object) -> None:
        if msg.startswith("Invalid request from"):
            msg, args = "Invalid request refused", ()
        super().warning(msg, *args, **kwargs)

    def exception(self, msg: str, *args: object, **kwargs: object) -> None:
        if msg.startswith("Error handling request"):
            msg, args = "Error handling request", ()
        super().exception(msg, *args, **kwargs)


logger_class = ValueFreeLogger
