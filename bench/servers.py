# SPDX-License-Identifier: EUPL-1.2
"""Shared by the benchmark and the load test: the yardstick server and wrk."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deploy.stack import free_port

ROOT = Path(__file__).resolve().parent.parent
# wrk asks for the visitors' pages in turn, each with the cookie that shows it; @REQUESTS@ is
# filled in with the requests, made in init() once wrk knows the Host header.
MIX = """
init = function()
  requests = {@REQUESTS@}
end
i = 0
request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
"""


@contextmanager
def gunicorn(target: str, log: Path) -> Iterator[str]:
    """Serve a WSGI app with the production settings over plain http; yield its base URL."""
    port = free_port()
    env = {**os.environ, "SECRET_KEY": "bench-" + "k" * 40, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
    with log.open("ab") as output:
        server = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{port}", target],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=output,
        )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(base + "/", timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError(log.read_text())
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def wrk_mix(visits: list[tuple[str, str]]) -> str:
    """A wrk script that asks for these pages in turn, each with its cookie."""
    made = (
        f'wrk.format("GET", "{path}", {{["Cookie"] = "{cookie}", '
        f'["Accept-Encoding"] = "br, gzip"}})'
        for path, cookie in visits
    )
    return MIX.replace("@REQUESTS@", ",\n  ".join(made))


def wrk(
    url: str, seconds: int, connections: int, cookie: str = "", script: Path | None = None
) -> dict[str, float]:
    """Requests per second, p99 latency in ms and the error count of one wrk run."""
    command = ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", url]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rate,
        "p99": float(p99.group(1)) * scale,
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }
