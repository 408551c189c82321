# SPDX-License-Identifier: EUPL-1.2
"""Headers, static files, health check, logs and proxy settings of a public deployment."""

from __future__ import annotations

import logging
import re
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient

from guide import create_app, intake
from guide import publisher as publishers
from tests.conftest import TEST_CONFIG
from tests.helpers import answer_all, check_page, csrf_token

FAMILY = {
    "stand": "weerlegd",
    "wie": "ouder_zonder_gezag",
    "woonplaats": "geen",
    "behoefte": ["klacht", "melder"],
    "klacht_vt": "ja_commissie",
    "melder_bekend": "vermoeden",
    "melder_wanneer": "2_tot_3_maanden",
}


def stylesheet(client: FlaskClient) -> str:
    return check_page(client.get("/")).find("link", rel="stylesheet")["href"]


@pytest.mark.parametrize(
    "path", ["/", "/vraag/stand", "/bestaat-niet", "/healthz", "/weg", "/static/style.css"]
)
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    headers = client.get(path).headers
    csp = dict(part.split(" ", 1) for part in headers["Content-Security-Policy"].split("; "))
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'" and csp["form-action"] == "'self'"
    assert csp["base-uri"] == "'none'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in headers["Permissions-Policy"]


def test_hsts_is_sent_over_https_only(client: FlaskClient) -> None:
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost").headers
    assert secure["Strict-Transport-Security"].startswith("max-age=")


def test_the_form_token_in_a_page_changes_every_second(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A compressed page that repeats a secret can give it away by its size (BREACH).
    first = csrf_token(check_page(client.get("/vraag/stand")))
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 2)
    page = check_page(client.get("/vraag/stand"))
    assert csrf_token(page) != first
    response = client.post("/vraag/stand", data={"csrf_token": first, "stand": "weerlegd"})
    assert response.status_code == 302  # an earlier page's token is still good


def test_pages_have_no_inline_scripts_or_styles(client: FlaskClient) -> None:
    answer_all(client, FAMILY)
    for path in ["/", "/vraag/stand", "/advies", "/advies/meegeven", "/routekaart"]:
        page = check_page(client.get(path))
        assert all(script.get("src") for script in page.find_all("script"))
        assert not page.find("style") and not page.find(style=True)
        assert not [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]


def test_static_files_have_fingerprinted_names_and_a_long_cache(client: FlaskClient) -> None:
    href = stylesheet(client)
    assert re.fullmatch(r"/static/style\.[0-9a-f]{10}\.css", href)
    response = client.get(href)
    response.close()
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Set-Cookie" not in response.headers
    assert client.get("/static/style.css").status_code == 404
    assert client.get("/static/style.0000000000.css").status_code == 404


def test_the_health_check_answers_without_touching_a_session(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"
    assert "Set-Cookie" not in response.headers


def test_the_log_holds_one_line_per_request_and_nothing_of_the_visitor(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="nazorgwijzer.requests")
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_zonder_gezag"})
    page = check_page(client.get("/vraag/woonplaats?wijzigen=1"))
    client.post(
        "/vraag/woonplaats?wijzigen=1", data={"csrf_token": csrf_token(page), "plaats": "Vlieland"}
    )
    answer_all(client, {k: v for k, v in FAMILY.items() if k not in ("stand", "wie", "woonplaats")})
    client.get("/advies?geheim=ouder_zonder_gezag")
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    client.get(link.removeprefix("http://localhost"))
    lines = [r.getMessage() for r in caplog.records if r.name == "nazorgwijzer.requests"]
    assert len(lines) == 17  # every request of the journey above, once
    assert all(re.fullmatch(r"(GET|POST) \S+ \d{3} \d+ms", line) for line in lines), lines
    log = "\n".join(lines)
    secrets = [
        "Vlieland",
        "GM0096",
        "ouder_zonder_gezag",
        "ja_commissie",
        "2_tot_3_maanden",
        "geheim",
        "?",
        client.get_cookie("nazorgwijzer").value[:20],
        link.rsplit("/", 1)[1][:20],
    ]
    assert [s for s in secrets if s in log] == []
    assert "GET /mee/<token> 200" in log


def test_behind_a_proxy_the_handover_link_uses_the_public_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = create_app({**TEST_CONFIG, "BEHIND_PROXY": True})
    client = app.test_client()
    answer_all(client, FAMILY)
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "nazorgwijzer.example"}
    page = check_page(client.get("/advies/meegeven", headers=headers))
    assert (
        page.find(class_="handover-link").a["href"].startswith("https://nazorgwijzer.example/mee/")
    )


def test_without_a_proxy_forwarded_headers_are_ignored(app: Flask, client: FlaskClient) -> None:
    answer_all(client, FAMILY)
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "elders.example"}
    page = check_page(client.get("/advies/meegeven", headers=headers))
    assert page.find(class_="handover-link").a["href"].startswith("http://localhost/mee/")


def test_the_favicon_request_gets_an_empty_answer_not_an_error(client: FlaskClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 204 and response.data == b""


OVER_LONG_HOST = "a" * 70 + ".example"  # a DNS label has at most 63 characters


@pytest.mark.parametrize("hosts", ["", "nazorgwijzer.example"])
def test_a_host_with_an_over_long_label_gets_the_friendly_page_and_logs_no_path(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, hosts: str
) -> None:
    monkeypatch.setenv("NAZORGWIJZER_HOSTS", hosts)
    client = create_app(TEST_CONFIG).test_client()
    caplog.set_level(logging.INFO)
    response = client.get("/mee/geheim-token", headers={"Host": OVER_LONG_HOST})
    page = check_page(response, status=400)
    assert page.find("link", rel="stylesheet")["href"].startswith("/static/style.")
    assert "geheim" not in caplog.text
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_only_the_configured_hosts_are_served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAZORGWIJZER_HOSTS", "nazorgwijzer.example www.nazorgwijzer.example")
    client = create_app(TEST_CONFIG).test_client()
    for host in ["nazorgwijzer.example", "www.nazorgwijzer.example", "nazorgwijzer.example:8443"]:
        check_page(client.get("/", headers={"Host": host}))
    for host in ["elders.example", "nazorgwijzer.example.elders.example", "127.0.0.1"]:
        check_page(client.get("/", headers={"Host": host}), status=400)


def test_an_exception_is_logged_with_its_route_never_its_path(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(intake, "read_token", broken)
    client = create_app({**TEST_CONFIG, "PROPAGATE_EXCEPTIONS": False}).test_client()
    caplog.set_level(logging.INFO)
    check_page(client.get("/mee/geheim-token"), status=500)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == ["Exception on /mee/<token> [GET]"]
    assert errors[0].exc_info and "geheim" not in caplog.text


@pytest.mark.parametrize(("code", "status"), [(400, 400), (413, 413), (414, 414), (500, 404)])
def test_the_proxy_gets_the_apps_page_for_what_it_refuses_itself(
    client: FlaskClient, code: int, status: int
) -> None:
    check_page(client.get(f"/fout/{code}"), status=status)


@pytest.mark.parametrize("path", ["/", "/vraag/stand", "/bestaat-niet", "/healthz", "/weg"])
def test_every_response_is_kept_from_other_sites_windows_and_pages(
    client: FlaskClient, path: str
) -> None:
    headers = client.get(path).headers
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_in_production_the_session_cookie_is_bound_to_this_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-for-this-test")
    monkeypatch.setenv(publishers.ENVIRONMENT, str(publishers.EXAMPLE))
    monkeypatch.delenv("NAZORGWIJZER_ENV", raising=False)
    app = create_app({"TESTING": True})
    header = app.test_client().get("/vraag/stand", base_url="https://localhost").headers
    cookie = header["Set-Cookie"]
    assert cookie.startswith("__Host-nazorgwijzer=")
    assert "; Secure" in cookie and "; Path=/" in cookie and "Domain" not in cookie


def test_in_development_over_http_the_session_cookie_has_a_plain_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NAZORGWIJZER_ENV", "development")
    app = create_app({"TESTING": True})
    cookie = app.test_client().get("/vraag/stand").headers["Set-Cookie"]
    assert cookie.startswith("nazorgwijzer=") and "Secure" not in cookie


CLEAR_SITE_DATA = '"cache", "storage"'  # not "cookies": the wipe itself sets the new cookie


def test_every_wipe_asks_the_browser_to_forget_what_it_kept_of_the_site(
    client: FlaskClient,
) -> None:
    answer_all(client, FAMILY)
    assert "Clear-Site-Data" not in client.get("/advies").headers
    wipes = {
        "Opnieuw beginnen": ("/opnieuw", "/opnieuw"),
        "Nieuwe cliënt": ("/intake", "/intake/nieuw"),
        "Snel weg": (None, "/weg"),
    }
    for name, (page, action) in wipes.items():
        if page:
            token = csrf_token(check_page(client.get(page)))
            response = client.post(action, data={"csrf_token": token})
        else:
            response = client.get(action)
        assert response.status_code == 303, name
        assert response.headers.get("Clear-Site-Data") == CLEAR_SITE_DATA, name
        assert "Set-Cookie" in response.headers, name
