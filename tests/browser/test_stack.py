# SPDX-License-Identifier: EUPL-1.2
"""The stack as families reach it: what nginx answers itself, and what never gets past it."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.request
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from deploy.stack import ROOT, Stack, render
from guide.headers import ASSET_HEADERS, HTTPS_HEADERS, SECURITY_HEADERS

EXPECTED_HEADERS = dict(SECURITY_HEADERS + HTTPS_HEADERS)
ASSET_EXPECTED = dict(ASSET_HEADERS + HTTPS_HEADERS)
IMMUTABLE = "public, max-age=31536000, immutable"
FORGED = {
    "SCRIPT_NAME": "//attacker.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Prefix": "/evil.example",
    "Forwarded": "host=evil.example;proto=http",
}
SLOW_CLIENTS = 40
CONNECTIONS_PER_ADDRESS = 100  # limit_conn in deploy/nginx.conf
OVER_LONG_HOST = "a" * 70 + ".example"  # a DNS label has at most 63 characters


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


def raw_https(
    stack: Stack, request: bytes, name: str = "localhost", address: str = "127.0.0.1"
) -> bytes:
    """All nginx sends back for one request written out by hand (name: the TLS server name)."""
    context = ssl.create_default_context(cafile=stack.certificate)
    base = urlsplit(stack.base)
    received = b""
    with (
        socket.create_connection((address, base.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=name) as client,
    ):
        client.sendall(request)
        while chunk := client.recv(65536):
            received += chunk
    return received


def new_log_lines(stack: Stack, start: int) -> list[str]:
    """The lines gunicorn.log got since it was start bytes long, without their times."""
    lines = (stack.folder / "gunicorn.log").read_bytes()[start:].decode().splitlines()
    return [re.sub(r"^\S+ \S+ | \d+ms$", "", line) for line in lines]


def curl(
    stack: Stack, url: str, *options: str, body: bytes | None = None
) -> tuple[int, str, bytes]:
    """Status, headers and body of one request by curl (HTTP/2 with "--http2"); 0: no answer."""
    data = ["--data-binary", "@-"] if body is not None else []
    run = subprocess.run(
        ["curl", "-sS", "--cacert", str(stack.certificate), "-i", *options, *data, url],
        input=body or b"",
        capture_output=True,
        check=False,
        timeout=30,
    )
    head, _, page = run.stdout.partition(b"\r\n\r\n")
    status = re.match(rb"HTTP/[\d.]+ (\d{3})", head)
    return (int(status.group(1)) if status else 0), head.decode("latin-1"), page


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


def test_pages_static_files_and_nginx_errors_carry_each_security_header_that_acts_once(
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
        # Each header it should carry once, with its value; a page's policy not on a script.
        expected = ASSET_EXPECTED if name == "static file" else EXPECTED_HEADERS
        sent = {header: headers.get_all(header) for header in EXPECTED_HEADERS}
        assert sent == {h: [expected[h]] if h in expected else None for h in sent}, name
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
    status, _, forged = fetch(stack, f"{base}/", **FORGED)
    _, _, after = fetch(stack, f"{base}/")
    assert links(before) == links(after)
    if way == "through nginx":  # nginx sets the forwarded headers itself
        assert status == 200 and links(forged) == links(before)
    else:  # the forged host is not one of the site's names (NAZORGWIJZER_HOSTS)
        assert status == 400


def http_port(stack: Stack) -> int:
    """Where the stack answers plain http (with a redirect)."""
    site = (stack.folder / "site.conf").read_text()
    return int(re.search(r"listen 127\.0\.0\.1:(\d+) default_server;", site).group(1))


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_plain_http_is_sent_to_https_on_the_same_host(
    stack: Stack, address: str, host: str
) -> None:
    request = f"GET /vraag/stand?x=1 HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    with socket.create_connection((address, http_port(stack)), timeout=5) as client:
        client.sendall(request.encode())
        answer = client.makefile("rb").read().decode()
    assert answer.startswith("HTTP/1.1 301 "), answer
    assert f"\r\nLocation: https://{host}/vraag/stand?x=1\r\n" in answer


def test_plain_http_for_another_host_gets_no_answer(stack: Stack) -> None:
    request = b"GET / HTTP/1.1\r\nHost: elders.example\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", http_port(stack)), timeout=5) as client:
        client.sendall(request)
        assert client.recv(100) == b""


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


@pytest.mark.parametrize("host", [OVER_LONG_HOST, "elders.example", "127.0.0.2"])
@pytest.mark.parametrize("name", ["localhost", "127.0.0.1"])
def test_nginx_closes_a_request_for_another_host_before_the_app_sees_it(
    stack: Stack, host: str, name: str
) -> None:
    start = (stack.folder / "gunicorn.log").stat().st_size
    request = f"GET /mee/geheim-token HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    assert raw_https(stack, request.encode(), name) == b""
    # A request for the site's own name after it is the only one the app logs.
    assert fetch(stack, f"{stack.base}/mee/ander-token")[0] == 400
    assert new_log_lines(stack, start) == ["GET /mee/<token> 400"]


def test_the_handshake_for_another_name_is_refused(stack: Stack) -> None:
    request = b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    assert raw_https(stack, request, "localhost").startswith(b"HTTP/1.1 200 ")
    with pytest.raises(ssl.SSLError, match="UNRECOGNIZED_NAME"):
        raw_https(stack, request, "elders.example")


def test_gunicorn_answers_an_over_long_host_with_the_friendly_page_and_one_log_line(
    stack: Stack,
) -> None:
    start = (stack.folder / "gunicorn.log").stat().st_size
    status, headers, page = fetch(stack, f"{stack.upstream}/mee/geheim-token", Host=OVER_LONG_HOST)
    assert status == 400 and headers["Content-Type"].startswith("text/html")
    assert b"<h1>Dit formulier kunnen we niet verwerken</h1>" in page
    assert new_log_lines(stack, start) == ["GET - 400"]


def test_over_http2_a_form_too_large_gets_the_apps_own_page(stack: Stack) -> None:
    status, headers, page = curl(
        stack, f"{stack.base}/vraag/stand", "--http2", body=b"stand=" + b"a" * 20_000
    )
    assert headers.startswith("HTTP/2 ")
    assert status == 413
    assert b"<h1>Dit formulier is te groot</h1>" in page
    assert "cache-control: no-store" in headers.lower()  # the app's page, not nginx's


# Over HTTP/1.1 past nginx's buffer too; over HTTP/2 a header field past it (16 KB, as curl
# packs it) ends the connection: HTTP/2 leaves nginx no way to answer it.
@pytest.mark.parametrize(
    ("protocol", "length"),
    [("--http1.1", 4_200), ("--http1.1", 20_000), ("--http2", 4_200), ("--http2", 16_000)],
)
def test_an_address_too_long_gets_the_apps_own_page(
    stack: Stack, protocol: str, length: int
) -> None:
    status, headers, page = curl(stack, f"{stack.base}/{'a' * length}", protocol)
    assert status == 414, headers
    assert b"<h1>Dit adres is te lang</h1>" in page
    assert 'href="/taal/en?terug=/"' in page.decode()  # the language links lead to the start
    assert headers.lower().count("content-security-policy:") == 1


def test_a_request_nginx_cannot_read_gets_the_apps_own_page(stack: Stack) -> None:
    for request in [
        b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: " + b"a" * 20_000 + b"\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: local host\r\n\r\n",
    ]:
        answer = raw_https(stack, request)
        assert answer.startswith(b"HTTP/1.1 400 "), answer[:100]
        assert b"<h1>Dit formulier kunnen we niet verwerken</h1>" in answer


def handshake(stack: Stack, *options: str) -> bool:
    """Whether a TLS handshake with these openssl s_client options succeeds."""
    base = urlsplit(stack.base)
    run = subprocess.run(
        [
            *("openssl", "s_client", "-connect", f"{base.hostname}:{base.port}"),
            *("-servername", "localhost", "-CAfile", str(stack.certificate)),
            *("-verify_return_error", *options),
        ],
        input=b"",
        capture_output=True,
        check=False,
        timeout=10,
    )
    return run.returncode == 0


def test_tls_keys_are_agreed_on_elliptic_curves_only(stack: Stack) -> None:
    # In TLS 1.3 the groups are for the key exchange only (in 1.2 also for the certificate's key).
    offered = ["X25519", "prime256v1", "secp384r1", "secp521r1", "X448", "ffdhe2048", "ffdhe3072"]
    agreed = [group for group in offered if handshake(stack, "-tls1_3", "-groups", group)]
    assert agreed == ["X25519", "prime256v1", "secp384r1"]


def test_nginx_staples_ocsp_where_the_certificate_names_a_responder(stack: Stack) -> None:
    # The test certificate is self-signed and names no responder: nginx says it staples nothing.
    log = (stack.folder / "error.log").read_text()
    assert '"ssl_stapling" ignored' in log


def test_the_site_is_served_over_ipv6(stack: Stack) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    assert raw_https(stack, request, address="::1").startswith(b"HTTP/1.1 200 ")


def held_request(stack: Stack, source: str, request: bytes = b"POST /vraag/stand") -> ssl.SSLSocket:
    """A request from source, its header sent; a POST's body (100 bytes) has not come yet."""
    context = ssl.create_default_context(cafile=stack.certificate)
    base = urlsplit(stack.base)
    raw = socket.create_connection(
        (base.hostname, base.port), timeout=20, source_address=(source, 0)
    )
    client = context.wrap_socket(raw, server_hostname="localhost")
    length = b"Content-Length: 100\r\n" if request.startswith(b"POST") else b""
    client.sendall(request + b" HTTP/1.1\r\nHost: localhost\r\n" + length + b"\r\n")
    return client


def test_one_address_cannot_hold_more_than_its_share_of_requests(stack: Stack) -> None:
    held = []
    try:
        for _ in range(CONNECTIONS_PER_ADDRESS):
            held.append(held_request(stack, "127.0.0.3"))
        time.sleep(0.5)  # nginx has read each request's header
        for source, status in [("127.0.0.3", b"429"), ("127.0.0.4", b"200")]:
            with held_request(stack, source, b"GET /healthz") as client:
                assert client.recv(100).startswith(b"HTTP/1.1 " + status + b" "), source
    finally:
        for client in held:
            client.close()


def test_a_body_that_stops_coming_is_cut_off(stack: Stack) -> None:
    start = (stack.folder / "gunicorn.log").stat().st_size
    with held_request(stack, "127.0.0.5") as client:
        started = time.monotonic()
        client.sendall(b"stand=")
        answer = client.recv(100)
        waited = time.monotonic() - started
    assert answer in (b"", b"HTTP/1.1 408 ") or answer.startswith(b"HTTP/1.1 408 "), answer
    assert 9 < waited < 15
    assert new_log_lines(stack, start) == []  # the app never saw it


def processes() -> dict[int, int]:
    """Each live process (zombies left out) with its parent."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended while we looked
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    return parents


def family(pid: int) -> set[int]:
    """The process and all its descendants."""
    parents = processes()
    found = {pid} & parents.keys()
    while more := {child for child, parent in parents.items() if parent in found} - found:
        found |= more
    return found


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_the_stack_stops_cleanly_and_leaves_nothing_behind(stop: signal.Signals) -> None:
    with subprocess.Popen(
        [sys.executable, str(ROOT / "deploy" / "stack.py")],
        env={**os.environ, "WEB_CONCURRENCY": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    ) as process:
        try:
            for line in process.stdout:
                if folder := re.search(rb"Logs \(removed on stop\): (\S+)/gunicorn\.log", line):
                    break
            folder = Path(os.fsdecode(folder.group(1)))
            assert (folder / "key.pem").exists()
            started = family(process.pid)
            assert len(started) >= 5  # this script, gunicorn and its worker, nginx and a worker
            process.send_signal(stop)
            assert process.wait(timeout=40) == 0
        finally:
            process.kill()  # only if a check above failed: it has ended otherwise
    assert started & processes().keys() == set()  # no gunicorn or nginx left running
    assert not folder.exists()  # nor the key


def test_through_nginx_the_cookie_is_bound_to_the_host_and_snel_weg_clears_the_site(
    stack: Stack,
) -> None:
    _, headers, _ = fetch(stack, f"{stack.base}/vraag/stand")
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("__Host-nazorgwijzer=")
    assert "; Secure" in cookie and "; Path=/" in cookie and "Domain" not in cookie
    status, headers, _ = fetch(stack, f"{stack.base}/weg", Cookie=cookie.split(";", 1)[0])
    assert status == 303
    assert headers.get_all("Clear-Site-Data") == ['"cache", "storage"']


@pytest.mark.parametrize(("accepted", "sent"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_nginx_sends_the_stylesheet_compressed_as_the_browser_reads_it(
    stack: Stack, accepted: str, sent: str
) -> None:
    href = stylesheet(stack)
    status, head, body = curl(stack, stack.base + href, "-H", f"Accept-Encoding: {accepted}")
    assert status == 200
    assert re.search(rf"(?im)^content-encoding: {sent}\r?$", head), head
    assert re.search(r"(?im)^vary: accept-encoding\r?$", head), head
    plain = (ROOT / "static" / "style.css").read_bytes()
    assert (brotli.decompress(body) if sent == "br" else gzip.decompress(body)) == plain
