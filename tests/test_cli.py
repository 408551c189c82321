# SPDX-License-Identifier: EUPL-1.2
"""`flask guide ...` for content editors, and start-up refusing bad content or a missing secret."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import brotli
import pytest
from flask import Flask

from guide import StartupError, cli, create_app
from guide.content import END, Content
from guide.publisher import EXAMPLE

FIXTURES = Path(__file__).parent / "fixtures"
# The same settings as conftest's TEST_CONFIG, which tests cannot import as a module.
CONFIG = {
    "SECRET_KEY": "test-secret-key-that-is-long-enough-for-tests",
    "TESTING": True,
    "SESSION_COOKIE_SECURE": False,
    "PUBLISHER_FILE": str(EXAMPLE),
}


def without_warnings(output: str) -> list[str]:
    """What `guide check` says besides its warnings, which depend on the day it runs."""
    return [line for line in output.splitlines() if not line.startswith("Warning: ")]


def test_guide_check_prints_a_one_line_summary_of_the_content(app: Flask, content: Content) -> None:
    result = app.test_cli_runner().invoke(args=["guide", "check"])
    assert result.exit_code == 0, result.output
    lines = without_warnings(result.output)
    assert len(lines) == 1
    assert lines[0].startswith(
        f"Content OK: {len(content.questions)} questions, {len(content.services)} services, "
    )


def test_guide_check_warns_about_facts_checked_more_than_a_year_ago(
    app: Flask, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    places = content.places
    due = [
        *content.services,
        *content.letters.letters,
        *content.grounds,
        *content.terms,
        *places.regions,
        *(m.website for m in places.municipalities if m.website),
        *(m.team for m in places.municipalities if m.team),
    ]
    latest = max(item.checked for item in due)
    a_year_on = latest + dt.timedelta(days=366)
    monkeypatch.setattr(cli, "today", lambda: a_year_on)
    result = app.test_cli_runner().invoke(args=["guide", "check"])
    assert result.exit_code == 0, result.output  # a warning, not a problem: the app still runs
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == len(due)
    assert all(line.endswith("more than a year ago") for line in warnings)


def test_guide_facts_lists_every_claim_of_every_service_with_its_sources(
    app: Flask, content: Content
) -> None:
    result = app.test_cli_runner().invoke(args=["guide", "facts", "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = csv.reader(io.StringIO(result.output))
    assert header == ["service", "field", "text", "sources", "checked", "verify"]
    for service in content.services:
        mine = [row for row in rows if row[0] == service.id]
        assert [r[2] for r in mine if r[1] == "cost"] == [service.cost]
        assert len([r for r in mine if r[1] == "contact"]) == len(service.contact)
        assert all(r[3] == "; ".join(service.sources) for r in mine)
        assert all(r[4] == str(service.checked) and r[5] == str(service.verify) for r in mine)
    markdown = app.test_cli_runner().invoke(args=["guide", "facts"]).output
    flagged = re.findall(r"^## .* \(`(\w+)`\) ⚠ verify$", markdown, re.MULTILINE)
    assert flagged == [s.id for s in content.services if s.verify]


def test_guide_facts_lists_every_legal_ground_with_its_article_source_and_who_cites_it(
    app: Flask, content: Content
) -> None:
    assert content.grounds  # the real content cites the law
    result = app.test_cli_runner().invoke(args=["guide", "facts", "--format", "csv"])
    rows = [r for r in csv.reader(io.StringIO(result.output)) if r[0] == "legal ground"]
    assert [r[1] for r in rows] == [g.article for g in content.grounds]
    for row, ground in zip(rows, content.grounds, strict=True):
        assert row[2] == ground.says and row[3] == "; ".join(ground.sources)
        assert row[4] == str(ground.checked)
    markdown = app.test_cli_runner().invoke(args=["guide", "facts"]).output
    section = markdown.split("## Wetsartikelen", 1)[1]
    line = next(x for x in section.splitlines() if x.startswith("| artikel 5.3.5 van de Wmo"))
    assert "https://wetten.overheid.nl/BWBR0035362/2026-01-01" in line
    assert "brief vernietiging" in line and "2026-12-03" in line
    jeugdstem = next(x for x in section.splitlines() if x.startswith("| artikel 4.2.6 van de Wmo"))
    assert jeugdstem.endswith("| brief hulp, kaart jeugdstem |")
    retention = next(x for x in section.splitlines() if x.startswith("| artikel 5.3.4 van de Wmo"))
    assert retention.endswith("| kaart vt_dossier |")


def test_guide_check_with_paths_also_prints_shortest_median_and_longest(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["guide", "check", "--paths"])
    assert result.exit_code == 0, result.output
    summary, paths = without_warnings(result.output)
    assert summary.startswith("Content OK: ")
    assert re.search(r"shortest \d+, median [\d.]+, longest \d+\.$", paths), paths


def test_guide_graph_prints_mermaid_with_every_question_and_an_edge_to_the_advice(
    app: Flask, content: Content
) -> None:
    result = app.test_cli_runner().invoke(args=["guide", "graph"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "flowchart TD"
    for question in content.questions:
        assert any(line.strip().startswith(f'{question.id}["') for line in lines), question.id
    assert any(re.fullmatch(rf'\s+\w+ -->\|"[^"]*"\| {END}', line) for line in lines)


def test_guide_graph_as_dot_starts_with_digraph(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["guide", "graph", "--format", "dot"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("digraph")


def test_guide_static_writes_each_file_under_the_name_the_pages_link_to(
    app: Flask, tmp_path: Path
) -> None:
    folder = tmp_path / "static"
    result = app.test_cli_runner().invoke(args=["guide", "static", str(folder)])
    assert result.exit_code == 0, result.output
    with app.test_request_context():
        linked = app.jinja_env.globals["asset"]("style.css")
    name = linked.removeprefix("/static/")
    assert name in result.output.splitlines()
    assert sorted(path.name for path in folder.iterdir()) == sorted(result.output.splitlines())
    with app.test_client().get(linked) as served:
        assert (folder / name).read_bytes() == served.get_data()
    # Beside each stylesheet and script its Brotli twin, for nginx's brotli_static.
    twins = sorted(path.name for path in folder.glob("*.br"))
    assert twins == sorted(p.name + ".br" for p in folder.iterdir() if p.suffix in (".css", ".js"))
    assert brotli.decompress((folder / f"{name}.br").read_bytes()) == (folder / name).read_bytes()


def test_the_app_refuses_to_start_with_invalid_content_and_lists_the_problems() -> None:
    with pytest.raises(StartupError) as raised:
        create_app({**CONFIG, "CONTENT_DIR": str(FIXTURES / "several_problems")})
    message = raised.value.message
    assert message.startswith("5 problem(s) in the content:\n")
    assert "- group 'steun': id used 2 times" in message.splitlines()
    assert "- service 'luisterlijn': no source" in message.splitlines()


def test_guide_check_refuses_a_young_persons_route_that_reaches_a_text_for_adults() -> None:
    # `flask guide check` builds the app first: content it would refuse never gets that far.
    folder = FIXTURES / "invalid" / "young_route_reaches_adult_text"
    with pytest.raises(StartupError) as raised:
        create_app({**CONFIG, "CONTENT_DIR": str(folder)})
    assert raised.value.message.splitlines() == [
        "1 problem(s) in the content:",
        "- question 'netwerk': 'text' speaks to an adult on a young route: add its je-form",
    ]


@pytest.mark.parametrize(
    ("setting", "value", "length"),
    [
        ("SECRET_KEY", "geheim", 6),
        ("SECRET_KEY", "x" * 31, 31),
        ("SECRET_KEY", "é" * 15, 30),  # bytes, not characters
        ("SECRET_KEY_FALLBACKS", ["the-key-before-the-rotation-long-enough", "oud"], 3),
    ],
)
def test_the_app_refuses_to_start_with_a_short_secret_key(
    setting: str, value: str | list[str], length: int
) -> None:
    with pytest.raises(StartupError) as raised:
        create_app({**CONFIG, setting: value})
    message = raised.value.message
    assert message.splitlines() == [message]  # one line
    assert message.startswith(f"{setting} ") and f" {length} bytes" in message
    assert "32" in message and "oud" not in message.split()  # the key itself is never shown


def test_the_app_starts_with_keys_of_32_bytes_and_the_generated_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = "k" * 32
    assert create_app({**CONFIG, "SECRET_KEY": key, "SECRET_KEY_FALLBACKS": [key]})
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("NAZORGWIJZER_ENV", "development")  # make run: a throw-away key
    assert len(create_app({"TESTING": True}).secret_key) >= 32


def test_the_app_refuses_to_start_without_a_secret_key_outside_development(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("NAZORGWIJZER_ENV", raising=False)
    with pytest.raises(StartupError, match="SECRET_KEY"):
        create_app({"TESTING": True})
