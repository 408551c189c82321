# SPDX-License-Identifier: EUPL-1.2
"""Dutch beside the visitor's language, on the pages a family answers and reads its advice on.

A social worker who reads no Arabic follows an Arabic intake in the Dutch under each text, and
a parent who reads some Dutch can switch the Dutch on ("Ook in het Nederlands"). Only the
question, the check of the answers, the advice and the cards pair their texts: what the family
takes home (the handout, a hand-over link, a letter) stays in one language.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import wraps
from typing import Any, ClassVar, NamedTuple

from flask import Flask, g, session
from flask_babel import get_locale
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from markupsafe import Markup

from .i18n import DEFAULT_LOCALE, speaking, text_direction

DUTCH_TOO = "dutch_too"  # in the session: the visitor, or the intake, asked for Dutch beside

PAIR = Markup(
    '<span class="both__own" lang="{}" dir="{}">{}</span> '
    '<span class="both__nl" lang="nl" dir="ltr">{}</span>'
)


def paired(view: Callable[..., Any]) -> Callable[..., Any]:
    """A page that shows Dutch beside its language when the visitor asked for it."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        g.paired = True
        return view(*args, **kwargs)

    return wrapper


class Pairing(NamedTuple):
    """What this request's page may pair, worked out once: a page asks for each text."""

    foreign: bool  # the page is in another language than Dutch
    page: bool  # and it is a page that pairs its texts (@paired)
    asked: bool  # and the visitor, or the intake, asked for the Dutch beside it


# In the Dutch half nothing pairs again.
DUTCH_HALF = Pairing(foreign=False, page=False, asked=False)


def pairing() -> Pairing:
    found = g.get("pairing")
    if found is None:
        foreign = str(get_locale()) != DEFAULT_LOCALE
        page = foreign and g.get("paired", False)
        found = g.pairing = Pairing(foreign, page, foreign and session.get(DUTCH_TOO, False))
    return found


def can_pair(anywhere: bool = False) -> bool:
    """Whether this page pairs its texts at all: one in another language than Dutch.
    `anywhere`: on any page (the intake bar, which the social worker reads on every page)."""
    found = pairing()
    return found.foreign if anywhere else found.page


def dutch_too(anywhere: bool = False) -> bool:
    """Whether this page shows Dutch beside its own language."""
    return can_pair(anywhere) and pairing().asked


def shows_both(always: bool = False, anywhere: bool = False) -> bool:
    """Whether a block of this page shows in both languages. `always`: wherever the page could
    show the Dutch (the switch itself); `anywhere`: on every page, where the Dutch is shown
    beside (the intake bar)."""
    found = pairing()
    if always:
        return found.page
    return found.asked and (found.foreign if anywhere else found.page)


def both(caller: Callable[[], Markup]) -> Markup:
    """A block (`caller`) in the page's language, with the same block in Dutch under it, each
    half in its own lang and dir. A block that reads the same in both (a name, a number) is
    shown once."""
    own = caller()  # a Jinja macro's output: markup already, escaped as it was made
    own_pairing, g.pairing = g.pairing, DUTCH_HALF
    try:
        with speaking(DEFAULT_LOCALE):
            dutch = caller()
    finally:
        g.pairing = own_pairing
    if dutch == own:
        return own
    locale = str(get_locale())
    return PAIR.format(locale, text_direction(locale), own, dutch)


class BothExtension(Extension):
    """`{% both %}…{% endboth %}` (options: `always=true`, `anywhere=true`, see shows_both): a
    block that shows the Dutch under it where the page shows the Dutch beside its language.

    It compiles to `{% if shows_both() %}{% call both() %}…{% endcall %}{% else %}…{% endif %}`,
    so that a page in one language renders the block as if the tag were not there: a page asks
    for a hundred of them.
    """

    tags: ClassVar[set[str]] = {"both"}

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        options = []
        while parser.stream.current.type != "block_end":
            name = parser.stream.expect("name").value
            parser.stream.expect("assign")
            options.append(nodes.Keyword(name, parser.parse_expression()))
        body = parser.parse_statements(("name:endboth",), drop_needle=True)
        test = nodes.Call(nodes.Name("shows_both", "load"), [], options, None, None)
        pair = nodes.Call(nodes.Name("both", "load"), [], [], None, None)
        paired = nodes.CallBlock(pair, [], [], copy.deepcopy(body))
        return nodes.If(test, [paired], [], body).set_lineno(lineno)


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension(BothExtension)
    app.jinja_env.globals.update(
        both=both, shows_both=shows_both, dutch_too=dutch_too, can_pair=can_pair
    )
