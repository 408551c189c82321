# SPDX-License-Identifier: EUPL-1.2
"""`make load`: the guide as deployed (nginx over TLS in front of gunicorn), under visitors.

Four runs of LOAD_SECONDS each, every one over the same mix of pages that whole journeys see:
1. closed loop, 64 connections: wrk asks for pages with the cookies of finished journeys, while
   threads walk whole journeys, answers posted with their form tokens;
2. open loop: 100 requests a second at fixed times (paced.py), latency from each due time;
3. 80 slow clients hold connections to nginx, while journeys go on and a probe asks /healthz;
4. a gunicorn worker is killed halfway through journeys and a paced run; then new journeys.
Each target is printed as met or NOT MET; the exit status is 1 when one is not met.
"""

from __future__ import annotations

import os
import ssl
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from paced import Paced, paced
from servers import wrk, wrk_mix
from slow import probes, slow_clients
from visitors import JOURNEYS, journey, trusting
from walk import walking
from workers import kill_a_worker, replaced, workers

from deploy.stack import Stack, running

SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
CONNECTIONS, WALKERS = 64, 8  # of the connections, WALKERS walk journeys and wrk has the rest
VISITORS = 16  # finished journeys whose pages wrk and the paced run ask for
RATE = 100  # requests a second in the open loop
SLOW_CLIENTS = 80
JOURNEYS_AFTER_KILL = 20
TARGET_RPS, TARGET_P99_MS = 250, 100
Visits = list[tuple[str, str]]  # pages with the cookie that shows each
Checks = list[tuple[str, bool]]  # each target, and whether it was met


def closed_loop(stack: Stack, tls: ssl.SSLContext, script: Path) -> Checks:
    with ThreadPoolExecutor(1) as pool:
        walked = pool.submit(walking, stack.base, tls, WALKERS, SECONDS)
        mixed = wrk(stack.base + "/", SECONDS, CONNECTIONS - WALKERS, script=script)
        walks = walked.result()
    rate = mixed["rps"] + walks.requests / SECONDS
    errors = mixed["errors"] + len(walks.failed)
    print(
        f"closed loop, {CONNECTIONS} connections for {SECONDS} s: {rate:.0f} req/s "
        f"(wrk {mixed['rps']:.0f}, journeys {walks.requests / SECONDS:.0f}), "
        f"wrk p99 {mixed['p99']:.0f} ms, wrk errors {mixed['errors']:.0f}; "
        f"journeys {walks.completed} completed, {len(walks.failed)} failed {walks.failed[:3]}"
    )
    return [
        (f"closed loop: {errors:.0f} errors, target 0", errors == 0),
        (f"closed loop: {rate:.0f} req/s, target {TARGET_RPS}", rate >= TARGET_RPS),
    ]


def open_loop(stack: Stack, tls: ssl.SSLContext, visits: Visits) -> Checks:
    run = paced(stack.base, tls, visits, RATE, SECONDS)
    p99 = run.percentile(0.99)
    print(f"open loop, {RATE} req/s for {SECONDS} s: {summary(run)}")
    return [
        (
            f"open loop: p99 {p99:.0f} ms and {len(run.errors)} errors, "
            f"target {TARGET_P99_MS} ms and 0",
            p99 <= TARGET_P99_MS and not run.errors,
        )
    ]


def slow_run(stack: Stack, tls: ssl.SSLContext) -> Checks:
    with ThreadPoolExecutor(2) as pool:
        held = pool.submit(slow_clients, stack.base, tls, SLOW_CLIENTS, SECONDS)
        probed = pool.submit(probes, stack.base, tls, SECONDS)
        walks = walking(stack.base, tls, WALKERS, SECONDS)
        dropped, probe = held.result(), probed.result()
    slowest = max(probe.answered, default=0) * 1000
    print(
        f"{SLOW_CLIENTS} slow clients for {SECONDS} s (nginx dropped {dropped} connections, each "
        f"reopened): health probes {len(probe.answered)} answered (slowest {slowest:.0f} ms), "
        f"{len(probe.failed)} failed {probe.failed[:3]}; journeys {walks.completed} completed, "
        f"{len(walks.failed)} failed {walks.failed[:3]}"
    )
    return [
        (f"slow clients: {len(probe.failed)} failed health probes, target 0", not probe.failed),
        (f"slow clients: {len(walks.failed)} failed journeys, target 0", not walks.failed),
    ]


def kill_run(stack: Stack, tls: ssl.SSLContext, visits: Visits, count: int) -> Checks:
    master, killed = stack.gunicorn.pid, []
    killer = threading.Timer(SECONDS / 2, lambda: killed.append(kill_a_worker(master)))
    killer.start()
    with ThreadPoolExecutor(1) as pool:
        walked = pool.submit(walking, stack.base, tls, WALKERS, SECONDS)
        run = paced(stack.base, tls, visits, RATE, SECONDS)
        walks = walked.result()
    killer.join()
    victim = killed[0]
    back = victim is not None and replaced(master, victim, count)
    after = new_journeys(stack.base, tls)
    print(
        f"worker {victim} killed after {SECONDS / 2:.0f} s: paced run {summary(run)} "
        f"{run.errors[:3]}; journeys {walks.completed} completed, {len(walks.failed)} failed "
        f"{walks.failed[:3]}; replaced by a new worker: {back}; new journeys after: "
        f"{JOURNEYS_AFTER_KILL - len(after)} of {JOURNEYS_AFTER_KILL} succeeded {after[:3]}"
    )
    return [
        (f"worker {victim} killed and replaced: {back}", back),
        (
            f"journeys after the kill: {JOURNEYS_AFTER_KILL - len(after)} of "
            f"{JOURNEYS_AFTER_KILL} succeeded",
            not after,
        ),
    ]


def new_journeys(base: str, tls: ssl.SSLContext) -> list[str]:
    """JOURNEYS_AFTER_KILL journeys, one after another; how each that failed went wrong."""
    failed = []
    for i in range(JOURNEYS_AFTER_KILL):
        try:
            journey(base, tls, JOURNEYS[i % len(JOURNEYS)])
        except Exception as error:  # any failure is a failed journey
            failed.append(repr(error))
    return failed


def summary(run: Paced) -> str:
    return (
        f"p50 {run.percentile(0.5):.0f} ms, p99 {run.percentile(0.99):.0f} ms, "
        f"max {max(run.latencies, default=0) * 1000:.0f} ms, {len(run.errors)} errors "
        f"(the generator fell behind by at most {run.behind * 1000:.0f} ms)"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="nazorgwijzer-load-"))
    with running(folder) as stack:
        count = len(workers(stack.gunicorn.pid))
        tls = trusting(stack.certificate)
        visits = [
            visit
            for i in range(VISITORS)
            for visit in journey(stack.base, tls, JOURNEYS[i % len(JOURNEYS)])
        ]
        script = folder / "mix.lua"
        script.write_text(wrk_mix(visits))
        checks = closed_loop(stack, tls, script)
        checks += open_loop(stack, tls, visits)
        checks += slow_run(stack, tls)
        checks += kill_run(stack, tls, visits, count)
    print(f"\nTargets (logs in {folder}):")
    for text, ok in checks:
        print(f"- {'met' if ok else 'NOT MET'}: {text}")
    raise SystemExit(0 if all(ok for _, ok in checks) else 1)


if __name__ == "__main__":
    main()
