"""Serving in production: `gunicorn app:app` reads this file.

Each worker is a process with a few threads; the app keeps no state, so workers (and hosts)
can be added freely as long as they share SECRET_KEY.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
timeout = 30  # a page renders in milliseconds: a stuck worker is restarted
graceful_timeout = 20  # on shutdown or reload, running requests get this long to finish
keepalive = 5
max_requests = 5000  # recycle workers now and then, with jitter so they do not restart at once
max_requests_jitter = 500
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
accesslog = None  # the app writes its own line per request, without values (guide.logs)
errorlog = "-"
loglevel = "info"
control_socket_disable = True
