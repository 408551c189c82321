# SPDX-License-Identifier: EUPL-1.2
"""Visitors over https, as a browser is one: keep-alive, compression, cookies, form tokens."""

from __future__ import annotations

import gzip
import http.client
import re
import ssl
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import brotli

# Visitors who answer differently, as the form fields they fill in: on each question page a
# visitor posts those of its fields that the page has. Two skip the place question, two type one.
JOURNEYS = [
    "stand=weerlegd&wie=ouder_gezag&woonplaats=geen&behoefte=steun&behoefte=klacht"
    "&zwaarte=houdt_bezig&netwerk=nee&klacht_vt=nee",
    "stand=loopt&wie=jongere_16_plus&plaats=Utrecht&behoefte=kinderen&behoefte=thuis",
    "stand=niet_bevestigd&wie=ouder_zonder_gezag&woonplaats=geen&behoefte=melder"
    "&behoefte=rechten&melder_bekend=ja&melder_wanneer=korter_2_maanden",
    "stand=weet_niet&wie=andere_volwassene&plaats=Den Bosch&behoefte=weet_niet"
    "&zwaarte=praten_helpt&netwerk=ja",
]
MAX_QUESTIONS = 20  # a journey that asks more has lost its way
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


def trusting(certificate: Path) -> ssl.SSLContext:
    """A TLS context that trusts the stack's own certificate, and checks it as usual."""
    return ssl.create_default_context(cafile=certificate)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes  # as sent: compressed when the server compressed it
    head_size: int  # the status line and headers, in bytes

    def text(self) -> str:
        encoding = self.headers.get("Content-Encoding", "identity")
        return DECODE.get(encoding, bytes)(self.body).decode()


class Client:
    """One keep-alive https connection, as a browser keeps to a site, asking for compression."""

    def __init__(self, base: str, tls: ssl.SSLContext, timeout: float = 10) -> None:
        address = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPSConnection(
            address.hostname, address.port, context=tls, timeout=timeout
        )

    def send(
        self, method: str, path: str, cookie: str = "", fields: list[tuple[str, str]] | None = None
    ) -> Response:
        headers = {"Accept-Encoding": "br, gzip", **({"Cookie": cookie} if cookie else {})}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body, headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request starts on a fresh connection
            raise
        status_line = len(f"HTTP/1.1 {response.status} {response.reason}\r\n")
        head = status_line + sum(len(f"{k}: {v}\r\n") for k, v in response.headers.items()) + 2
        return Response(response.status, response.headers, content, head)

    def close(self) -> None:
        self.connection.close()


def token(page: str) -> str:
    """The form token of a page's form."""
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def location(response: Response) -> str:
    """The path a redirect leads to."""
    return urllib.parse.urlsplit(response.headers["Location"]).path


def journey(
    base: str, tls: ssl.SSLContext, answers: str, language: str = "", intake: bool = False
) -> list[tuple[str, str]]:
    """Walk from the start page to the advice as a browser would, posting each answer.

    `language`: chosen first from the start page; `intake`: a social worker starts an intake
    in that language, so that the Dutch shows under each text.
    Returns every page the visitor saw, each with the cookie that shows it: the mix of pages
    that the load test asks for again.
    """
    fields = urllib.parse.parse_qsl(answers)
    client, cookies = Client(base, tls), SimpleCookie()

    def send(
        method: str, path: str, form: list[tuple[str, str]] | None = None, expected: int = 200
    ) -> Response:
        response = client.send(method, path, cookie(), form)
        for header in response.headers.get_all("Set-Cookie") or ():
            cookies.load(header)
        if response.status != expected:
            raise RuntimeError(f"{method} {path}: {response.status}, expected {expected}")
        return response

    def cookie() -> str:
        return "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())

    seen = [("/", "")]
    try:
        path = re.search(r'href="(/vraag/[^"]+)"', send("GET", "/").text()).group(1)
        if language:
            send("GET", f"/taal/{language}?terug=/", expected=303)
        if intake:
            page = send("GET", "/intake").text()
            form = [("csrf_token", token(page)), ("taal", language)]
            path = location(send("POST", "/intake/nieuw", form, expected=303))
        for _ in range(MAX_QUESTIONS):
            if not path.startswith("/vraag/"):
                break
            page = send("GET", path).text()
            seen.append((path, cookie()))
            form = [("csrf_token", token(page))] + [
                (k, v) for k, v in fields if f'name="{k}"' in page
            ]
            path = location(send("POST", path, form, expected=302))
        send("GET", path)
        seen.append((path, cookie()))
        if 'aria-labelledby="plan"' not in send("GET", "/advies").text():
            raise RuntimeError("the journey did not reach the advice")
        seen.append(("/advies", cookie()))
    finally:
        client.close()
    return seen
