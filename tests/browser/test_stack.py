# SPDX-License-Identifier: EUPL-1.2
"""The stack as families reach it: what nginx answers itself, and what never gets past it."""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import threading
import time
import urllib.request
from email.message import Message
from urllib.parse import urlsplit

import pytest

from deploy.stack import Stack, render
from guide.headers import HTTPS_HEADERS, SECURITY_HEADERS

EXPECTED_HEADERS = dict(SECURITY_HEADERS + HTTPS_HEADERS)
IMMUTABLE = "public, max-age=31536000, immutable"
FORGED = {
    "SCRIPT_NAME": "//attacker.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Prefix": "/evil.example",
    "Forwarded": "host=evil.example;proto=http",
}
SLOW_CLIENTS = 40


def fetch(
    stack: Stack, url: str, method: str = "GET", body: bytes | None = None, **headers: str
) -> tuple[int, Message, bytes]:
    """Status, headers and body of one request over its own connection; errors are answers too."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        context = ssl.create_default_context(cafile=stack.certificate)
        connection = http.client.HTTPSConnection(parts.netloc, timeout=10, context=context)
    else:
        connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def links(page: bytes) -> list[str]:
    return re.findall(r'href="([^"]*)"', page.decode())


def stylesheet(stack: Stack) -> str:
    _, _, page = fetch(stack, f"{stack.base}/")
    return next(href for href in links(page) if href.startswith("/static/style."))


def test_the_site_file_is_filled_in_completely_or_not_at_all() -> None:
    assert render("listen @LISTEN@;", {"LISTEN": "443"}) == "listen 443;"
    with pytest.raises(ValueError, match=r"without a value: \['LISTEN'\]"):
        render("listen @LISTEN@;", {})
    with pytest.raises(ValueError, match=r"without a placeholder: \['PORT'\]"):
        render("listen @LISTEN@;", {"LISTEN": "443", "PORT": "80"})


def test_pages_static_files_and_nginx_errors_carry_each_security_header_once(
    stack: Stack,
) -> None:
    answers = {
        "page": fetch(stack, f"{stack.base}/"),
        "static file": fetch(stack, stack.base + stylesheet(stack)),
        "unknown static file": fetch(stack, f"{stack.base}/static/style.0000000000.css"),
        "body too large": fetch(stack, f"{stack.base}/vraag/stand", "POST", b"a" * 20_000),
        "address too long": fetch(stack, f"{stack.base}/{'a' * 10_000}"),
    }
    statuses = {name: status for name, (status, _, _) in answers.items()}
    assert statuses == {
        "page": 200,
        "static file": 200,
        "unknown static file": 404,
        "body too large": 413,
        "address too long": 414,
    }
    for name, (_, headers, _) in answers.items():
        for header, value in EXPECTED_HEADERS.items():
            assert headers.get_all(header) == [value], (name, header)
        assert "nginx/" not in headers["Server"], name
    assert answers["static file"][1]["Cache-Control"] == IMMUTABLE
    assert answers["page"][1]["Cache-Control"] == "no-store"
    assert answers["body too large"][1]["Cache-Control"] == "no-store"  # the app's own page


def test_a_form_too_large_gets_the_apps_own_page_and_keeps_the_answers(stack: Stack) -> None:
    status, headers, page = fetch(stack, f"{stack.base}/vraag/stand")
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.decode()).group(1)
    answer = f"csrf_token={token}&stand=weerlegd".encode()
    kind = {"Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _ = fetch(
        stack, f"{stack.base}/vraag/stand", "POST", answer, Cookie=cookie, **kind
    )
    assert status == 302
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    too_large = answer + b"&stand=" + b"a" * 20_000
    status, headers, page = fetch(
        stack, f"{stack.base}/vraag/wie", "POST", too_large, Cookie=cookie, **kind
    )
    assert status == 413
    html = page.decode()
    assert "<h1>Dit formulier is te groot</h1>" in html
    assert 'href="/vraag/wie">Ga verder met de vragen' in html  # the answer given is kept


def test_a_file_sent_in_a_form_gets_the_apps_own_page_and_keeps_the_answers(
    stack: Stack,
) -> None:
    _, headers, page = fetch(stack, f"{stack.base}/vraag/stand")
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.decode()).group(1)
    kind = {"Content-Type": "application/x-www-form-urlencoded"}
    for question, value in (("stand", "weerlegd"), ("wie", "ouder_gezag")):
        answer = f"csrf_token={token}&{question}={value}".encode()
        status, headers, _ = fetch(
            stack, f"{stack.base}/vraag/{question}", "POST", answer, Cookie=cookie, **kind
        )
        assert status == 302
        cookie = headers["Set-Cookie"].split(";", 1)[0]
    boundary = "grens1234"
    body = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="csrf_token"\r\n\r\n'
        f"{token}\r\n"
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="plaats"; filename="brief.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
        "%PDF-1.4\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    multipart = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    status, _, page = fetch(
        stack, f"{stack.base}/vraag/woonplaats", "POST", body, Cookie=cookie, **multipart
    )
    assert status == 400
    html = page.decode()
    assert "<h1>Dit formulier kunnen we niet verwerken</h1>" in html
    assert "Traceback" not in html
    assert 'href="/vraag/woonplaats">Ga verder met de vragen' in html  # the answers are kept


def test_nginx_serves_the_static_files_under_the_names_gunicorn_also_knows(
    stack: Stack,
) -> None:
    href = stylesheet(stack)
    through_nginx = fetch(stack, stack.base + href)
    from_gunicorn = fetch(stack, stack.upstream + href)
    assert through_nginx[0] == from_gunicorn[0] == 200
    assert through_nginx[2] == from_gunicorn[2]
    # A file only nginx's folder has shows who answered.
    only_nginx = stack.folder / "static" / "nginx-only.txt"
    only_nginx.write_text("served by nginx")
    try:
        assert fetch(stack, f"{stack.base}/static/nginx-only.txt")[0] == 200
        assert fetch(stack, f"{stack.upstream}/static/nginx-only.txt")[0] == 404
    finally:
        only_nginx.unlink()


@pytest.mark.parametrize("way", ["through nginx", "to gunicorn directly"])
def test_forged_forwarding_headers_change_no_link(stack: Stack, way: str) -> None:
    base = stack.base if way == "through nginx" else stack.upstream
    _, _, before = fetch(stack, f"{base}/")
    assert "/weg" in links(before)
    # gunicorn used to take a SCRIPT_NAME header as the start of the path it came with.
    for path in ["//attacker.example/", "/"]:
        _, _, forged = fetch(stack, base + path, **FORGED)
        assert "/weg" in links(forged), path
        assert [h for h in links(forged) if h.startswith("//") or "evil" in h] == [], path
    _, _, forged = fetch(stack, f"{base}/", **FORGED)
    _, _, after = fetch(stack, f"{base}/")
    assert links(forged) == links(before) == links(after)


def test_plain_http_is_sent_to_https(stack: Stack) -> None:
    site = (stack.folder / "site.conf").read_text()
    http_port = re.search(r"listen 127\.0\.0\.1:(\d+);", site).group(1)
    status, headers, _ = fetch(stack, f"http://127.0.0.1:{http_port}/vraag/stand?x=1")
    assert status == 301
    assert headers["Location"].startswith("https://")
    assert headers["Location"].endswith("/vraag/stand?x=1")


def test_gunicorn_logs_an_invalid_request_without_address_or_request(stack: Stack) -> None:
    log = stack.folder / "gunicorn.log"
    start = log.stat().st_size
    upstream = urlsplit(stack.upstream)
    for line in [b"GET /taal/en?terug=x y z HTTP/1.1", b"GET /geheim\x01pad HTTP/1.1"]:
        with socket.create_connection((upstream.hostname, upstream.port), timeout=5) as client:
            client.sendall(line + b"\r\nHost: 127.0.0.1\r\n\r\n")
            assert client.recv(100).startswith(b"HTTP/1.1 400 ")
    deadline = time.monotonic() + 5
    while log.read_bytes()[start:].count(b"Invalid request refused") < 2:
        assert time.monotonic() < deadline, log.read_bytes()[start:]
        time.sleep(0.1)
    written = log.read_bytes()[start:]
    for value in [b"ip=", b"127.0.0.1", b"taal", b"terug", b"geheim"]:
        assert value not in written, value


def test_slow_clients_do_not_keep_others_waiting(stack: Stack) -> None:
    """Many connections that send their request a byte a second (slowloris) tie up nginx only."""
    context = ssl.create_default_context(cafile=stack.certificate)
    base = urlsplit(stack.base)
    stop = threading.Event()
    connected = threading.Semaphore(0)

    def dribble() -> None:
        raw = socket.create_connection((base.hostname, base.port), timeout=5)
        with context.wrap_socket(raw, server_hostname=base.hostname) as client:
            connected.release()
            for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 20:
                client.sendall(bytes([byte]))
                if stop.wait(1):
                    return

    clients = [threading.Thread(target=dribble) for _ in range(SLOW_CLIENTS)]
    for client in clients:
        client.start()
    try:
        for _ in clients:
            assert connected.acquire(timeout=5)
        waits = []
        for _ in range(10):
            started = time.monotonic()
            with urllib.request.urlopen(f"{stack.base}/healthz", timeout=2, context=context) as r:
                assert r.status == 200
            waits.append(time.monotonic() - started)
            time.sleep(0.3)
        assert max(waits) < 2, waits
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=10)
    assert not any(client.is_alive() for client in clients)
