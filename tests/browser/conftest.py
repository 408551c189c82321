# SPDX-License-Identifier: EUPL-1.2
"""A real browser against the app as families reach it: nginx with TLS in front of gunicorn."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from deploy.stack import Stack, running

ROOT = Path(__file__).parent.parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "screenshots"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUICK_EXIT = "https://www.google.nl/"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """gunicorn with the production settings behind nginx, over https on loopback ports."""
    with running(tmp_path_factory.mktemp("stack"), {"WEB_CONCURRENCY": "2"}) as started:
        yield started


@pytest.fixture(scope="session")
def live_server(stack: Stack) -> str:
    return stack.base


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
    # The stack's certificate is a throw-away one that no browser trusts.
    return {
        **browser_context_args,
        "base_url": live_server,
        "locale": "nl-NL",
        "ignore_https_errors": True,
    }


@pytest.fixture
def new_visitor(browser: Browser, browser_context_args: dict) -> Iterator[Callable[..., Page]]:
    """Each call is another visitor: a page in a fresh browser context (options: its settings)."""
    contexts: list[BrowserContext] = []

    def visitor(**options: Any) -> Page:
        contexts.append(browser.new_context(**{**browser_context_args, **options}))
        return contexts[-1].new_page()

    yield visitor
    for context in contexts:
        context.close()


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


# Each number on screen made of digit groups ("0800-2000", "0800-33 55 555", their hyphens and
# spaces breaking or not): the x position of each digit, line by line. Right-to-left text after
# Arabic letters could lay one out backwards.
DIGIT_POSITIONS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\d+(?:[ \\u00a0\\-\\u2011.\\/:]\\d+)+/g)) {
      const lines = {};
      [...match[0]].forEach((character, i) => {
        if (!/\\d/.test(character)) { return; }
        const range = document.createRange();
        range.setStart(node, match.index + i);
        range.setEnd(node, match.index + i + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) { (lines[Math.round(box.top)] ||= []).push(box.left); }
      });
      found.push([match[0], Object.values(lines)]);
    }
  }
  return found;
}"""


def numbers_out_of_order(page: Page) -> list[str]:
    """Numbers whose digits do not show from left to right, as they are read."""
    return [
        number
        for number, lines in page.evaluate(DIGIT_POSITIONS)
        if any(line != sorted(line) for line in lines)
    ]


def check_now(page: Page, name: str, seen: Outside, collected: dict[str, str]) -> None:
    """What every page must pass in the browser: axe, numbers in reading order, no other host."""
    assert axe_violations(page) == [], name
    assert numbers_out_of_order(page) == [], name
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


def walk(page: Page, answers: dict) -> None:
    """Answer every question of a journey, in order, up to the check of the answers."""
    for question, value in answers.items():
        answer(page, question, value)
    expect(page).to_have_url(re.compile(r"/controleren$"))


def printed_pages(page: Page) -> int:
    """How many A4 pages the page prints on."""
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))
