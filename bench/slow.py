# SPDX-License-Identifier: EUPL-1.2
"""Slow clients and health probes: what a proxy in front must absorb, and how it looks meanwhile.

A slow client opens a TLS connection and sends its request headers one byte a second, never
finishing them: left to gunicorn, each would hold a worker thread. A load balancer's probe
asks /healthz on a fresh connection twice a second; one unanswered within two seconds fails.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from visitors import Client

HEADERS = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + b"s" * 1000
PROBE_EVERY = 0.5
PROBE_TIMEOUT = 2.0


@dataclass
class Probes:
    answered: list[float] = field(default_factory=list)  # seconds each
    failed: list[str] = field(default_factory=list)


def slow_clients(base: str, tls: ssl.SSLContext, count: int, seconds: float) -> int:
    """Keep `count` connections sending headers for `seconds`; return how often one was dropped.

    A dropped connection is the server's defence (a header timeout), not a failure: the client
    opens another at once, as an attacker would, so `count` stay open all along.
    """
    address = urllib.parse.urlsplit(base)
    deadline = time.monotonic() + seconds

    def hold(_: int) -> int:
        dropped = 0
        while time.monotonic() < deadline:
            try:
                with (
                    socket.create_connection((address.hostname, address.port), timeout=5) as raw,
                    tls.wrap_socket(raw, server_hostname=address.hostname) as connection,
                ):
                    for byte in HEADERS:
                        if time.monotonic() >= deadline:
                            break
                        connection.sendall(bytes([byte]))
                        time.sleep(1)
            except OSError:
                dropped += 1
                time.sleep(1)
        return dropped

    with ThreadPoolExecutor(count) as pool:
        return sum(pool.map(hold, range(count)))


def probes(base: str, tls: ssl.SSLContext, seconds: float) -> Probes:
    """Ask /healthz every PROBE_EVERY seconds for `seconds`, each on a fresh connection."""
    result, start = Probes(), time.monotonic()
    for i in range(int(seconds / PROBE_EVERY)):
        time.sleep(max(0.0, start + i * PROBE_EVERY - time.monotonic()))
        client, sent = Client(base, tls, PROBE_TIMEOUT), time.monotonic()
        try:
            response = client.send("GET", "/healthz")
        except (OSError, http.client.HTTPException) as error:
            result.failed.append(repr(error))
            continue
        finally:
            client.close()
        if response.status == 200 and response.text().strip() == "ok":
            result.answered.append(time.monotonic() - sent)
        else:
            result.failed.append(f"status {response.status}")
    return result
