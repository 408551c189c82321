"""Pages rendered once per language, then completed for each visitor.

Most of a page is the same for everyone who reads it in the same language: the layout, a
question and its options, the cards of the services. Rendering all that again for every request
was most of the cost of a page. So a template is rendered once, with marks where a visitor's own
part goes, and kept; a request only completes the kept page, which is a list join.

Two marks, both Jinja globals:

- `blank(name, *args)` is a value of the visitor's: their form token, a number, a link back.
- `{% call keep(name, *args) %}...{% endcall %}` is a part that only some visitors see: a card
  of the advice, a notice. The kept page holds every such part; each visitor keeps theirs.

`fill(page, values)` completes a kept page: `values[name]` is a string, or a function of the
mark's arguments that gives the string (for a blank) or whether to keep the part (for a part).

A kept page is keyed by its template, the language and ids from the content only, never by an
answer: the cache holds what anyone could see, and nothing about who saw it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from flask import Flask, current_app, render_template
from flask_babel import get_locale
from markupsafe import Markup, escape

# Control characters: they cannot occur in the content (YAML refuses them) or in a template.
BLANK, PART, CLOSE, END_PART, SEPARATOR = "\x02", "\x0e", "\x03", "\x0f", "\x1f"
MARK = re.compile(f"([{BLANK}{PART}])([^{CLOSE}]*){CLOSE}|{END_PART}")


class Blank(NamedTuple):
    name: str
    args: tuple[str, ...]


class Part(NamedTuple):
    name: str
    args: tuple[str, ...]
    body: Page


Page = tuple[str | Blank | Part, ...]
Values = Mapping[str, str | Callable[..., Any]]


def blank(name: str, *args: object) -> Markup:
    return _mark(BLANK, name, args)


def keep(name: str, *args: object, caller: Callable[[], str]) -> Markup:
    return _mark(PART, name, args) + caller() + END_PART


def _mark(kind: str, name: str, args: tuple[object, ...]) -> Markup:
    # Names and ids chosen by templates and content, never a visitor's text.
    mark = kind + SEPARATOR.join((name, *map(str, args))) + CLOSE
    return Markup(mark)  # nosec B704


def parse(html: str) -> Page:
    """A rendered template as text, blanks and parts."""
    html = str(html)  # plain text pieces, even from Markup
    stack: list[tuple[list[Any], str, tuple[str, ...]]] = [([], "", ())]
    position = 0
    for mark in MARK.finditer(html):
        items = stack[-1][0]
        if mark.start() > position:
            items.append(html[position : mark.start()])
        position = mark.end()
        if mark.group(1) == BLANK:
            name, *args = mark.group(2).split(SEPARATOR)
            items.append(Blank(name, tuple(args)))
        elif mark.group(1) == PART:
            name, *args = mark.group(2).split(SEPARATOR)
            stack.append(([], name, tuple(args)))
        else:
            body, name, args = stack.pop()
            stack[-1][0].append(Part(name, args, tuple(body)))
    if len(stack) != 1:
        raise ValueError("a kept part is not closed")
    if position < len(html):
        stack[0][0].append(html[position:])
    return tuple(stack[0][0])


def fill(page: Page, values: Values) -> Markup:
    """The page for one visitor: their values in the blanks, and only their parts."""
    out: list[str] = []
    _fill(page, values, out)
    html = "".join(out)  # the page was escaped by Jinja, the values by _fill
    return Markup(html)  # nosec B704


def _fill(page: Page, values: Values, out: list[str]) -> None:
    for item in page:
        kind = type(item)
        if kind is str:
            out.append(item)
        elif kind is Blank:
            value = values[item.name]
            out.append(escape(value(*item.args) if callable(value) else value))
        elif values[item.name](*item.args):
            _fill(item.body, values, out)


def render(
    template: str, key: tuple[object, ...] | None, context: Callable[[], Mapping[str, Any]]
) -> Page:
    """The template rendered and parsed, kept under `key` (with the language) unless it is None.

    Whatever the template shows that is not in the key must be a blank or a part. The context
    is asked for only when the page is rendered, so a kept page costs none of its making.
    """
    if key is None:
        return parse(render_template(template, **context()))
    kept = current_app.extensions["prerendered"]
    full_key = (template, str(get_locale()), *key)
    page = kept.get(full_key)
    if page is None:
        page = kept[full_key] = parse(render_template(template, **context()))
    return page


def init_app(app: Flask) -> None:
    app.extensions["prerendered"] = {}
    app.jinja_env.globals.update(blank=blank, keep=keep)
