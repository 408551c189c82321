# SPDX-License-Identifier: EUPL-1.2
"""Visitors walking whole journeys side by side, posts and form tokens included."""

from __future__ import annotations

import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from visitors import JOURNEYS, journey


@dataclass
class Walks:
    completed: int = 0
    failed: list[str] = field(default_factory=list)
    requests: int = 0  # of the completed journeys


def walking(base: str, tls: ssl.SSLContext, walkers: int, seconds: float) -> Walks:
    """`walkers` visitors each walk one journey after another until `seconds` have passed."""
    deadline = time.monotonic() + seconds

    def walk(walker: int) -> Walks:
        walks = Walks()
        while time.monotonic() < deadline:
            answers = JOURNEYS[(walker + walks.completed + len(walks.failed)) % len(JOURNEYS)]
            try:
                seen = journey(base, tls, answers)
            except Exception as error:  # any failure is a failed journey
                walks.failed.append(repr(error))
                time.sleep(0.1)  # a server that refuses at once is not hammered in a loop
                continue
            walks.completed += 1
            # Each page seen is a GET; each question page was answered with a POST too.
            walks.requests += len(seen) + sum(path.startswith("/vraag/") for path, _ in seen)
        return walks

    with ThreadPoolExecutor(walkers) as pool:
        each = list(pool.map(walk, range(walkers)))
    return Walks(
        sum(walks.completed for walks in each),
        [failure for walks in each for failure in walks.failed],
        sum(walks.requests for walks in each),
    )
