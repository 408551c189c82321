# SPDX-License-Identifier: EUPL-1.2
"""An open-loop load: requests leave at fixed times, whatever became of the ones before.

A closed loop (wrk) sends a connection's next request only when its last one returned: when the
server stalls it simply sends less, and its latency mirrors its own concurrency. Here request i
is due at start + i / rate, and its latency counts from that moment, so time spent waiting for
a free connection while the server stalls counts too.
"""

from __future__ import annotations

import http.client
import queue
import ssl
import threading
import time
from dataclasses import dataclass, field

from visitors import Client

SENDERS = 32  # keep-alive connections: far more than 100 requests/s need when all is well
TIMEOUT = 10  # seconds: a request still unanswered by then is an error


@dataclass
class Paced:
    latencies: list[float] = field(default_factory=list)  # seconds from due to answered
    errors: list[str] = field(default_factory=list)
    behind: float = 0.0  # how late the generator itself put a request out, at worst

    def percentile(self, share: float) -> float:
        """Latency in ms below which this share of the answered requests fell."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0


def paced(
    base: str, tls: ssl.SSLContext, visits: list[tuple[str, str]], rate: int, seconds: float
) -> Paced:
    """Ask for the visits' pages in turn, `rate` a second for `seconds`, over keep-alive TLS."""
    result = Paced()
    due: queue.Queue[tuple[float, str, str] | None] = queue.Queue()

    def send() -> None:
        client = Client(base, tls, TIMEOUT)
        while (item := due.get()) is not None:
            at, path, cookie = item
            if time.monotonic() - at > TIMEOUT:  # a stalled server: do not queue forever
                result.errors.append(f"{path}: not sent within {TIMEOUT} s")
                continue
            try:
                status = client.send("GET", path, cookie).status
            except (OSError, http.client.HTTPException) as error:
                result.errors.append(f"{path}: {error!r}")
                continue
            if status == 200:
                result.latencies.append(time.monotonic() - at)
            else:
                result.errors.append(f"{path}: {status}")
        client.close()

    senders = [threading.Thread(target=send, daemon=True) for _ in range(SENDERS)]
    for sender in senders:
        sender.start()
    start = time.monotonic()
    for i in range(int(rate * seconds)):
        at = start + i / rate
        time.sleep(max(0.0, at - time.monotonic()))
        result.behind = max(result.behind, time.monotonic() - at)
        due.put((at, *visits[i % len(visits)]))
    for _ in senders:
        due.put(None)
    # What is left in the queue is at most TIMEOUT overdue, and then has TIMEOUT to be answered.
    deadline = time.monotonic() + 2 * TIMEOUT
    for sender in senders:
        sender.join(timeout=max(0.0, deadline - time.monotonic()))
    return result
