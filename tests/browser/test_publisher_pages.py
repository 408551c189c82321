# SPDX-License-Identifier: EUPL-1.2
"""What the publisher's statements and files promise, through nginx over https."""

from __future__ import annotations

import ssl
import urllib.request
from collections.abc import Callable

from playwright.sync_api import Page
from protego import Protego
from sectxt import Parser

from deploy.stack import Stack
from tests.browser.conftest import answer
from tests.journeys import FAMILY_IN_TILBURG

# 1280 by 1024 pixels at 400 % zoom: WCAG 2.1's reflow (1.4.10) asks for no sideways
# scrolling at 320 CSS pixels wide. The accessibility statement says this is tested.
AT_400_PERCENT = {"width": 320, "height": 256}


def get(stack: Stack, path: str) -> tuple[int, str, str, bytes]:
    """Status, Content-Type, HSTS header and body of one request through nginx."""
    context = ssl.create_default_context(cafile=stack.certificate)
    url = stack.base + path
    with urllib.request.urlopen(url, timeout=10, context=context) as response:  # nosec B310
        headers = response.headers
        kind, hsts = headers["Content-Type"], headers["Strict-Transport-Security"]
        return response.status, kind, hsts, response.read()


def test_security_txt_and_robots_txt_are_served_through_nginx_over_https(stack: Stack) -> None:
    status, kind, hsts, body = get(stack, "/.well-known/security.txt")
    assert (status, kind) == (200, "text/plain; charset=utf-8") and hsts
    parsed = Parser(body, urls="https://nazorgwijzer.example.org/.well-known/security.txt")
    assert parsed.errors == [] and parsed.is_valid()
    assert b"Contact: mailto:security@example.org\n" in body

    status, kind, hsts, body = get(stack, "/robots.txt")
    assert (status, kind) == (200, "text/plain; charset=utf-8") and hsts
    robots = Protego.parse(body.decode())
    assert robots.can_fetch(f"{stack.base}/alle-hulp", "*")
    assert not robots.can_fetch(f"{stack.base}/advies", "*")


def test_at_400_percent_zoom_no_question_or_advice_scrolls_sideways(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(viewport=AT_400_PERCENT)
    wide = []

    def check(name: str) -> None:
        if page.evaluate("document.documentElement.scrollWidth") > AT_400_PERCENT["width"]:
            wide.append(name)

    for path in ["/", "/alle-hulp", "/privacy", "/toegankelijkheid", "/veilig-online"]:
        page.goto(path)
        check(path)
    for question, value in FAMILY_IN_TILBURG.items():
        page.goto(f"/vraag/{question}")
        check(question)
        answer(page, question, value)
    for path in ["/controleren", "/advies"]:
        page.goto(path)
        check(path)
    assert wide == []
