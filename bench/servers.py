"""Shared by the benchmark and the load test: gunicorn servers, a visitor's journey, wrk."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOURNEY = [
    ("stand", "weerlegd"),
    ("wie", "ouder_gezag"),
    ("woonplaats", "geen"),
    ("behoefte", "steun"),
    ("behoefte", "klacht"),
    ("zwaarte", "houdt_bezig"),
    ("netwerk", "nee"),
    ("klacht_vt", "nee"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(target: str, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """Serve a WSGI app with the production settings; yield its base URL and process."""
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
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object) -> None:
        return None


NO_REDIRECTS = urllib.request.build_opener(_Stay)


def journey(base: str) -> str:
    """Answer every question as a browser would; return the session cookie for the advice.

    The cookie is Secure (as in production), which urllib's cookie jar will not send over
    plain http: so it is carried by hand, as a browser does for a local address.
    """
    cookie = ""

    def fetch(path: str, fields: list[tuple[str, str]] | None = None) -> str:
        nonlocal cookie
        body = urllib.parse.urlencode(fields).encode() if fields else None
        request = urllib.request.Request(base + path, data=body, headers={"Cookie": cookie})
        try:
            response = NO_REDIRECTS.open(request, timeout=10)
        except urllib.error.HTTPError as redirect:  # the answer is stored: no need to follow
            response = redirect
        with response:
            if set_cookie := response.headers.get("Set-Cookie"):
                cookie = set_cookie.split(";", 1)[0]
            return response.read().decode()

    answers: dict[str, list[str]] = {}
    for question, value in JOURNEY:
        answers.setdefault(question, []).append(value)
    for question, values in answers.items():
        page = fetch(f"/vraag/{question}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        fetch(f"/vraag/{question}", [("csrf_token", token)] + [(question, v) for v in values])
    if "<h1>Uw advies</h1>" not in fetch("/advies"):
        raise RuntimeError("the journey did not reach the advice")
    return cookie


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
