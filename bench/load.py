"""`make load`: 64 connections for 30 s over the start, a question and the advice page; then the
same with a worker killed halfway, after which new journeys must all still succeed."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from servers import gunicorn, journey, wrk

SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
CONNECTIONS = 64
JOURNEYS_AFTER_KILL = 20
# wrk asks for the three pages in turn, each with the session of a visitor who has answered.
ROTATE = """
paths = {"/", "/vraag/stand", "/advies"}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""


def workers(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def run(base: str, cookie: str, script: Path) -> dict[str, float]:
    return wrk(base + "/", SECONDS, CONNECTIONS, cookie, script=script)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    script = folder / "rotate.lua"
    script.write_text(ROTATE)
    with gunicorn("app:app", folder / "server.log") as (base, server):
        cookie = journey(base)
        steady = run(base, cookie, script)
        print(
            f"steady: {steady['rps']:.0f} req/s, p99 {steady['p99']:.1f} ms, "
            f"errors {steady['errors']:.0f}"
        )

        before = workers(server.pid)
        killed: list[int] = []

        def kill_a_worker() -> None:  # picked at the moment itself: workers do get recycled
            killed.append(workers(server.pid)[0])
            os.kill(killed[0], signal.SIGKILL)

        killer = threading.Timer(SECONDS / 2, kill_a_worker)
        killer.start()
        during = run(base, cookie, script)
        killer.join()
        victim = killed[0]
        time.sleep(2)  # gunicorn notices the dead worker and starts a new one
        after = workers(server.pid)
        failed = 0
        for _ in range(JOURNEYS_AFTER_KILL):
            try:
                journey(base)
            except Exception as error:  # any failure is a failed journey
                failed += 1
                print(f"journey failed: {error}")
        print(
            f"worker {victim} killed after {SECONDS / 2:.0f} s: {during['rps']:.0f} req/s, "
            f"p99 {during['p99']:.1f} ms, errors during the kill {during['errors']:.0f}"
        )
        print(
            f"workers before {len(before)}, after {len(after)} "
            f"(replaced: {victim not in after and len(after) == len(before)})"
        )
        print(
            f"new journeys after the kill: {JOURNEYS_AFTER_KILL - failed} of "
            f"{JOURNEYS_AFTER_KILL} succeeded"
        )
    ok = steady["errors"] == 0 and failed == 0 and len(after) == len(before)
    print("load test:", "passed" if ok else "FAILED")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
