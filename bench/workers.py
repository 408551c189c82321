# SPDX-License-Identifier: EUPL-1.2
"""gunicorn's workers: which there are, killing one, and seeing the master replace it."""

from __future__ import annotations

import os
import signal
import subprocess
import time


def workers(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def kill_a_worker(master: int) -> int | None:
    """SIGKILL one of the master's workers; its pid, or None when none could be killed."""
    for pid in workers(master):  # one may have just exited on its own: workers are recycled
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
        return pid
    return None


def replaced(master: int, victim: int, count: int) -> bool:
    """Whether the master has its `count` workers again, the victim not among them."""
    for _ in range(20):  # gunicorn notices the dead worker and starts another within seconds
        now = workers(master)
        if victim not in now and len(now) == count:
            return True
        time.sleep(0.5)
    return False
