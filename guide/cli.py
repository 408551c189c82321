# SPDX-License-Identifier: EUPL-1.2
"""`flask guide ...`: commands for content editors and operators."""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Iterator
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from .assets import write_fingerprinted
from .content import END, Content, Service
from .coverage import coverage_report
from .dates import today
from .links import external_links, problem_with
from .paths import answer_sets
from .validate import stale

DOT_QUOTE, MERMAID_QUOTE = '\\"', "#quot;"
guide = AppGroup(
    "guide", help="Check and draw the content of the guide; write its static files for nginx."
)


def _content() -> Content:
    return current_app.extensions["guide"]


@guide.command("check")
@click.option("--paths", is_flag=True, help="Also walk every way through the questions.")
def check(paths: bool) -> None:
    """Check the content; the app would not have started with problems in it."""
    content = _content()
    verify = [s.id for s in content.services if s.verify]
    click.echo(
        f"Content OK: {len(content.questions)} questions, {len(content.services)} services, "
        f"{len(content.letters.letters)} letters, "
        f"{len(verify)} to re-check ({', '.join(verify) or 'none'})."
    )
    for warning in stale(content, today()):
        click.echo(f"Warning: {warning}")
    if paths:
        lengths = [len(answers) for answers in answer_sets(content)]
        click.echo(
            f"{len(lengths)} ways through; answers to advice: shortest {min(lengths)}, "
            f"median {statistics.median(lengths):g}, longest {max(lengths)}."
        )


@guide.command("links")
@click.option(
    "--check", "check_them", is_flag=True, help="Fetch each address and report dead ones."
)
@click.option(
    "--coverage",
    is_flag=True,
    help="Instead: per region and field what is verified, and which municipalities have a team.",
)
def links(check_them: bool, coverage: bool) -> None:
    """List every external web address in the content, with the entry it belongs to."""
    if coverage:
        for line in coverage_report(_content().places):
            click.echo(line)
        return
    dead = 0
    for entry, url in external_links(_content()):
        problem = problem_with(url) if check_them else None
        dead += problem is not None
        click.echo(f"{entry}\t{url}" + (f"\tDEAD: {problem}" if problem else ""))
    if check_them:
        click.echo(f"{dead} dead link(s).")
        if dead:
            raise SystemExit(1)


@guide.command("facts")
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "csv"]), default="markdown", show_default=True
)
def facts(fmt: str) -> None:
    """A review sheet of every claim the help catalogue makes, with its sources, for the yearly
    check: cost, contact, steps, notes and limits of each service, and every article of law the
    letters and cards cite."""
    content = _content()
    services = content.services
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["service", "field", "text", "sources", "checked", "verify"])
        for s in services:
            for field, text in _claims(s):
                writer.writerow([s.id, field, text, "; ".join(s.sources), s.checked, s.verify])
        for g in content.grounds:  # a legal ground is a claim with its article as the field
            writer.writerow(
                ["legal ground", g.article, g.says, "; ".join(g.sources), g.checked, ""]
            )
        click.echo(out.getvalue(), nl=False)
        return
    for s in services:
        click.echo(f"## {s.name} (`{s.id}`){' ⚠ verify' if s.verify else ''}\n")
        click.echo(f"Checked {s.checked}. Sources: {'; '.join(s.sources)}\n")
        click.echo("| field | text |\n|---|---|")
        for field, text in _claims(s):
            click.echo(f"| {field} | {text.replace('|', '/')} |")
        click.echo()
    click.echo("## Wetsartikelen (legal grounds)\n")
    click.echo("| article | the law says | source | checked | cited by |\n|---|---|---|---|---|")
    for g in content.grounds:
        cells = [g.article, g.says, "; ".join(g.sources), str(g.checked), *content.cited_by(g)]
        click.echo(
            f"| {' | '.join(c.replace('|', '/') for c in cells[:4])} | "
            f"{', '.join(cells[4:]) or '-'} |"
        )


def _claims(service: Service) -> Iterator[tuple[str, str]]:
    """The texts of a service that state a fact someone could check."""
    yield "cost", service.cost
    for contact in service.contact:
        parts = [contact.label, contact.value, f"({contact.hours})" if contact.hours else ""]
        yield "contact", " ".join(p for p in parts if p)
    for step in service.steps:
        yield "step", step
    for note in (*service.notes, *service.tonight):
        yield "note", note.text
    yield "limits", service.limits


@guide.command("static")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def static(folder: Path) -> None:
    """Write the static files into FOLDER under their fingerprinted names, for nginx."""
    for path in write_fingerprinted(current_app.extensions["static_folder"], folder):
        click.echo(path.name)


@guide.command("graph")
@click.option(
    "--format", "fmt", type=click.Choice(["mermaid", "dot"]), default="mermaid", show_default=True
)
def graph(fmt: str) -> None:
    """Print the question tree as a Mermaid or Graphviz DOT diagram."""
    content = _content()
    click.echo(_mermaid(content) if fmt == "mermaid" else _dot(content))


def _edges(content: Content) -> list[tuple[str, str, str]]:
    """(from, to, label) for every routing rule; the label is its condition."""
    return [
        (
            q.id,
            rule.goto,
            "; ".join(f"{k} = {' or '.join(v)}" for k, v in (rule.when or {}).items())
            or "otherwise",
        )
        for q in content.questions
        for rule in q.next
    ]


def _mermaid(content: Content) -> str:
    lines = ["flowchart TD"]
    lines += [f'    {q.id}["{q.id}: {_quote(q.text, MERMAID_QUOTE)}"]' for q in content.questions]
    lines.append(f"    {END}([{END}])")
    lines += [f'    {a} -->|"{label}"| {b}' for a, b, label in _edges(content)]
    return "\n".join(lines)


def _dot(content: Content) -> str:
    lines = ["digraph flow {", "    rankdir=TB;", f"    {END} [shape=doublecircle];"]
    lines += [
        f'    {q.id} [shape=box, label="{q.id}\\n{_quote(q.text, DOT_QUOTE)}"];'
        for q in content.questions
    ]
    lines += [f'    {a} -> {b} [label="{label}"];' for a, b, label in _edges(content)]
    lines.append("}")
    return "\n".join(lines)


def _quote(text: str, escaped_quote: str) -> str:
    return text.replace('"', escaped_quote)
