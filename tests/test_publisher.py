# SPDX-License-Identifier: EUPL-1.2
"""The publisher, named once: refused at start-up when incomplete, shown wherever the guide
speaks for them, and in the files machines read (security.txt, robots.txt)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.support import Translations
from flask import Flask
from flask.testing import FlaskClient
from protego import Protego
from sectxt import Parser

from guide import StartupError, create_app
from guide.dates import today
from guide.i18n import LANGUAGES
from guide.public_files import security_text
from guide.publisher import ENVIRONMENT, EXAMPLE, HELP, load
from tests.conftest import TEST_CONFIG
from tests.helpers import check_page, text_of

TRANSLATIONS = Path(__file__).parent.parent / "translations"
# Another publisher than the example, so that nothing shown can come from the templates.
OTHER = {
    "name": "Veilig Thuis Proefregio",
    "email": "vragen@proefregio.example.net",
    "contact_page": "https://proefregio.example.net/contact",
    "controller": "het algemeen bestuur van de Proefregio",
    "privacy_email": "fg@proefregio.example.net",
    "security_contact": "https://proefregio.example.net/melden",
    "hosts": ["wijzer.proefregio.example.net", "nazorg.proefregio.example.net"],
    "quick_exit": "https://www.example.com/",
    "log_retention_days": 9,
    "accessibility_status": "eerste maatregelen genomen",
    "accessibility_evaluated": dt.date(2025, 3, 14),
}


def toml(values: dict) -> str:
    def value(v: object) -> str:
        if isinstance(v, str):
            return f'"{v}"'
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return str(v)

    return "".join(f"{key} = {value(v)}\n" for key, v in values.items())


def publisher_file(tmp_path: Path, values: dict) -> str:
    path = tmp_path / "publisher.toml"
    path.write_text(toml(values), encoding="utf-8")
    return str(path)


def refusal(tmp_path: Path, values: dict) -> list[str]:
    with pytest.raises(StartupError) as refused:
        create_app({**TEST_CONFIG, "PUBLISHER_FILE": publisher_file(tmp_path, values)})
    return refused.value.message.splitlines()


@pytest.fixture
def other(tmp_path: Path) -> Flask:
    return create_app({**TEST_CONFIG, "PUBLISHER_FILE": publisher_file(tmp_path, OTHER)})


def test_the_example_names_every_setting_with_a_fictitious_value() -> None:
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert list(example) == list(HELP)
    assert example["name"] == "Gemeente Voorbeeldstad"
    addresses = [example[k] for k in ("email", "privacy_email", "security_contact")]
    assert all(a.endswith("@example.org") for a in addresses)
    assert all(host.endswith(".example.org") for host in example["hosts"])
    assert load(EXAMPLE)[1] == []


@pytest.mark.parametrize("setting", list(HELP))
def test_start_up_refuses_each_missing_setting_with_one_line(tmp_path: Path, setting: str) -> None:
    lines = refusal(tmp_path, {k: v for k, v in OTHER.items() if k != setting})
    assert len(lines) == 1
    assert f"`{setting}` is missing: {HELP[setting]}." in lines[0]


def test_in_production_a_missing_publisher_file_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.delenv("NAZORGWIJZER_ENV", raising=False)
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-key-for-these-tests")
    with pytest.raises(StartupError, match=f"^{ENVIRONMENT} is not set: name the publisher"):
        create_app()


def test_development_uses_the_fictitious_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setenv("NAZORGWIJZER_ENV", "development")
    assert create_app().extensions["publisher"].name == "Gemeente Voorbeeldstad"


@pytest.mark.parametrize(
    ("setting", "wrong"),
    [
        ("name", ""),
        ("email", "geen adres"),
        ("contact_page", "http://proefregio.example.net/contact"),
        ("privacy_email", "fg@"),
        ("security_contact", "ftp://proefregio.example.net"),
        ("hosts", []),
        ("hosts", ["https://wijzer.proefregio.example.net/"]),
        ("quick_exit", "www.example.com"),
        ("log_retention_days", "14"),
        ("log_retention_days", 0),
        ("accessibility_status", "prima"),
        # Tomorrow in the Netherlands, where the guide's day ends an hour or two before UTC's.
        ("accessibility_evaluated", today() + dt.timedelta(days=1)),
    ],
)
def test_start_up_refuses_a_wrong_value_with_one_line(
    tmp_path: Path, setting: str, wrong: object
) -> None:
    lines = refusal(tmp_path, {**OTHER, setting: wrong})
    assert len(lines) == 1
    assert f"`{setting}` is wrong: {HELP[setting]}." in lines[0]


def test_start_up_refuses_an_unknown_setting_and_an_unreadable_file(tmp_path: Path) -> None:
    assert refusal(tmp_path, {**OTHER, "naam": "Gemeente X"})[0].endswith(
        "`naam` is not a setting."
    )
    (tmp_path / "broken.toml").write_text('name = "Gemeente', encoding="utf-8")
    with pytest.raises(StartupError, match="cannot read"):
        create_app({**TEST_CONFIG, "PUBLISHER_FILE": str(tmp_path / "broken.toml")})


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_statements_name_the_publisher_in_every_language(other: Flask, code: str) -> None:
    client = other.test_client()
    client.get(f"/taal/{code}?terug=/")
    privacy = check_page(client.get("/privacy"))
    text = text_of(privacy.main)
    assert OTHER["name"] in text and OTHER["controller"] in text
    assert privacy.main.find("a", href=f"mailto:{OTHER['privacy_email']}")
    assert privacy.main.find("a", href="https://www.autoriteitpersoonsgegevens.nl/")
    assert " 9 " in f" {text} "  # the days the logs are kept

    statement = check_page(client.get("/toegankelijkheid"))
    text = text_of(statement.main)
    status = Translations.load(TRANSLATIONS, [code]).gettext(OTHER["accessibility_status"])
    assert OTHER["name"] in text and status in text
    evaluated = format_date(OTHER["accessibility_evaluated"], "long", locale=code)
    assert " ".join(evaluated.split()) in text
    assert statement.main.find("a", href=f"mailto:{OTHER['email']}")
    assert statement.main.find("a", href=OTHER["contact_page"])

    for page in (privacy, statement, check_page(client.get("/"))):
        assert page.title.get_text().endswith(f"Nazorgwijzer \N{EN DASH} {OTHER['name']}")
        assert OTHER["name"] in text_of(page.footer)
        assert page.footer.find("a", href=OTHER["contact_page"])


def test_the_statements_claim_no_test_that_nobody_recorded(client: FlaskClient) -> None:
    text = text_of(check_page(client.get("/toegankelijkheid")).main)
    assert "testen wij ook zelf" not in text
    assert "werkt met een schermlezer" not in text
    assert "niet hoe de wijzer klinkt met een schermlezer" in text


def test_the_quick_exit_leads_where_the_publisher_says(other: Flask) -> None:
    response = other.test_client().get("/weg")
    assert response.status_code == 303 and response.location == OTHER["quick_exit"]


def test_security_txt_is_valid_by_rfc_9116_and_names_the_security_contact(other: Flask) -> None:
    response = other.test_client().get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.content_type == "text/plain; charset=utf-8"
    canonical = [f"https://{host}/.well-known/security.txt" for host in OTHER["hosts"]]
    parsed = Parser(response.data, urls=canonical[0])
    assert parsed.errors == [] and parsed.is_valid()
    fields = [line.split(": ", 1) for line in response.get_data(as_text=True).splitlines()]
    assert ["Contact", OTHER["security_contact"]] in fields
    assert [value for name, value in fields if name == "Canonical"] == canonical
    assert ["Preferred-Languages", "nl, en"] in fields
    expires = [dt.datetime.fromisoformat(v) for name, v in fields if name == "Expires"]
    now = dt.datetime.now(dt.UTC)
    assert len(expires) == 1 and now < expires[0] < now + dt.timedelta(days=365)


def test_an_e_mail_security_contact_becomes_a_mailto_address(app: Flask) -> None:
    text = security_text(app.extensions["publisher"], dt.datetime(2026, 12, 3, tzinfo=dt.UTC))
    assert "Contact: mailto:security@example.org\n" in text
    assert "Expires: 2027-06-01T00:00:00Z\n" in text


INDEXED = [
    "/",
    "/alle-hulp",
    "/veilig-thuis-regios",
    "/kaart",
    "/privacy",
    "/toegankelijkheid",
    "/veilig-online",
]
ABOUT_A_FAMILY = [
    "/vraag/stand",
    "/controleren",
    "/advies",
    "/advies/meegeven",
    "/advies/uitdraai",
    "/brief/inzage",
    "/mee/gAAAAABkZXJ0",
    "/intake",
    "/intake/nieuw",
    "/opnieuw",
    "/taal/en?terug=/advies",
    "/?regio=VT15",  # the start page as a card's QR code opens it: once is enough
    "/kaart/VT15",  # the cards are pages for a printer
]


def test_robots_txt_lets_search_engines_show_the_pages_for_everyone_only(
    client: FlaskClient, app: Flask
) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.content_type.startswith("text/plain")
    robots = Protego.parse(response.get_data(as_text=True))
    base = "https://nazorgwijzer.example.org"
    assert [p for p in INDEXED if not robots.can_fetch(base + p, "*")] == []
    assert [p for p in ABOUT_A_FAMILY if robots.can_fetch(base + p, "*")] == []
    # Any page added later stays out until it is allowed on purpose.
    public = {"guide.start", "guide.all_help", "guide.regions", "guide.info", "kaart.cards"}
    public.add("static")
    public.add("public_files.robots")  # read by every crawler, whatever it says
    for rule in app.url_map.iter_rules():
        if rule.endpoint not in public and "GET" in rule.methods:
            path = rule.rule.replace("<", "").replace(">", "")
            assert not robots.can_fetch(base + path, "*"), rule.rule
