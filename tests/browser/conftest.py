"""A real browser against the real app: gunicorn on a loopback port, Debian's Chromium."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route

ROOT = Path(__file__).parent.parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "screenshots"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUICK_EXIT = "https://www.google.nl/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under gunicorn, as in production, on a free loopback port."""
    port = free_port()
    env = {**os.environ, "SECRET_KEY": "browser-tests-" + "k" * 40, "WEB_CONCURRENCY": "2"}
    env.pop("NAZORGWIJZER_ENV", None)
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
    command += ["--bind", f"127.0.0.1:{port}", "app:app"]
    log = tmp_path_factory.mktemp("server") / "gunicorn.log"
    with log.open("wb") as output:  # a file, not a pipe: a full pipe would stall the server
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                server.wait()
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, never a downloaded one, with its calls home switched off."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, live_server: str) -> dict:
    return {**browser_context_args, "base_url": live_server, "locale": "nl-NL"}


@dataclass
class Outside:
    """Requests the page tried to make to any host but the app's own."""

    requests: list[str] = field(default_factory=list)


@pytest.fixture
def outside(page: Page, live_server: str) -> Outside:
    """Record and block every request to another host; the quick exit gets an empty page."""
    seen = Outside()
    own = urlsplit(live_server).netloc

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == own:
            route.continue_()
        elif url == QUICK_EXIT:
            route.fulfill(status=200, content_type="text/html", body="<title>Elders</title>")
        else:
            seen.requests.append(url)
            route.abort()

    page.route("**/*", guard)
    return seen


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA rules on the page as it is now."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


def html_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """The Nu HTML checker's errors for each page's HTML, checked in one run."""
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        path = folder / f"page{number}.html"
        path.write_text(html, encoding="utf-8")
        files[path.as_uri()] = name
    run = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(run.stderr)["messages"]
    return [
        f"{files.get(m.get('url'), m.get('url'))}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def check_now(page: Page, name: str, seen: Outside, collected: dict[str, str]) -> None:
    """What every page must pass in the browser: axe, and no other host asked."""
    assert axe_violations(page) == [], name
    assert seen.requests == [], name
    collected[name] = page.content()


def answer(page: Page, question: str, value: str | list[str]) -> None:
    """Answer one question the way a visitor does: tick, type or press, then Next."""
    page.goto(f"/vraag/{question}")
    button = page.locator("form .buttons .button").first
    if question == "woonplaats" and value == "geen":
        button = page.locator('button[name="woonplaats"]')
    elif question == "woonplaats":
        page.fill("#woonplaats-plaats", value)
    else:
        for one in [value] if isinstance(value, str) else value:
            page.check(f'input[name="{question}"][value="{one}"]')
    button.click()
    # The next page has loaded before the visitor does anything else (such as Back).
    page.wait_for_url(lambda url: not url.endswith(f"/vraag/{question}"))
