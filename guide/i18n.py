# SPDX-License-Identifier: EUPL-1.2
"""Languages: which ones we offer, which one a request gets, and the content texts for Babel."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import yaml
from babel.support import Translations
from flask import Flask, g, request, session
from flask_babel import Babel, force_locale, get_locale, get_translations, pgettext, refresh
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .content import TEXT_KEYS, Content

DEFAULT_LOCALE = "nl"  # Dutch is the source language: its texts are the msgids
# Each language by its own name, so that a visitor finds theirs without reading Dutch.
LANGUAGES = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "uk": "Українська",
}
RIGHT_TO_LEFT = frozenset({"ar"})
# In right-to-left text, digits after Arabic letters are laid out as Arabic numbers: a phone
# number in a sentence shows its groups in the wrong order ("0800-2000" as "2000-0800"). Each
# number of several groups, and each web address, is wrapped in Unicode isolates (left-to-right
# isolate ... pop directional isolate), so that it reads as typed. Plain characters, not markup:
# they hold in a title or an attribute too.
LEFT_TO_RIGHT = re.compile(r"(?:https?://|www\.)\S*[^\s.,;:!?)]|\d+(?:[ \-./:]\d+)+")
# Inside such a number a hyphen or space never ends a line: "0800-" and "2000" stay together.
UNBROKEN = {"-": "\u2011", " ": "\u00a0"}  # non-breaking hyphen, no-break space
BETWEEN_DIGITS = re.compile(r"(?<=\d)[- ](?=\d)")

babel = Babel()


def N_(text: str) -> str:
    """Mark a text for the catalogue; it is translated where it is shown."""
    return text


def select_locale() -> str:
    """The language for this request: the visitor's own choice, else what the page is for
    (a hand-over link carries the family's language), else the browser's, else Dutch."""
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    if g.get("page_locale") in LANGUAGES:
        return g.page_locale
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LOCALE


def use_page_locale(locale: str) -> None:
    """Show this page in the language it was made for, unless the visitor chose one."""
    g.page_locale = locale
    g.pop("translations", None)
    refresh()  # the locale may have been looked up already in this request


def translations() -> Translations:
    """This request's catalogue (and whether its language is written right to left)."""
    found = g.get("translations")
    if found is None:
        found = g.translations = get_translations()
        g.right_to_left = str(get_locale()) in RIGHT_TO_LEFT
    return found


@contextmanager
def speaking(locale: str) -> Iterator[None]:
    """Texts in another language for a while: Babel's look-ups and this module's alike."""
    own = {key: g.pop(key) for key in ("translations", "right_to_left") if key in g}
    try:
        with force_locale(locale):
            yield
    finally:
        g.pop("translations", None)
        g.pop("right_to_left", None)
        for key, value in own.items():
            setattr(g, key, value)


def shown(text: str) -> str:
    """A translated text as it is to be shown: numbers and addresses kept left to right."""
    translations()
    if not g.right_to_left:
        return text
    return LEFT_TO_RIGHT.sub(_left_to_right, text)


def _left_to_right(run: re.Match[str]) -> str:
    unbroken = BETWEEN_DIGITS.sub(lambda gap: UNBROKEN[gap.group()], run.group())
    return f"\u2066{unbroken}\u2069"


def translated(text: str) -> str:
    return shown(translations().ugettext(text))


def said(content: Content, text: str) -> str:
    """A text of the guide's own, in the words of the content the visitor reads: "je" to a
    young person (page_je.yaml), else as written; translated."""
    return translated(content.page_word.get(text, text))


@pass_context
def page_text(context: Context, text: str) -> str:
    """A text of the page itself, in the words of the content it shows."""
    return said(context["content"], text)


@pass_context
def in_words(context: Context, pairs: Iterable[tuple[str, Iterable[str]]]) -> Markup:
    """Answers in words: “Question”: “Answer” of “Answer” en “Question”: “Answer”.

    `pairs` are (question id, option ids): a condition's items or the engine's reasons. The
    quotes are <q>, so that each language gets its own quotation marks.
    """
    content = context["content"]  # the visitor's own: a young person's answers in the je-form
    text = translated
    parts = []
    for question_id, option_ids in pairs:
        question = content.question(question_id)
        options = [f"<q>{escape(text(question.option(o).label))}</q>" for o in option_ids]
        answer = _joined(options, lambda: pgettext("voegwoord", "of"))
        parts.append(f"<q>{escape(text(question.text))}</q>: {answer}")
    # Built as text, which is several times quicker than with Markup: every piece is escaped.
    words = _joined(parts, lambda: pgettext("voegwoord", "en"))
    return Markup(words)  # nosec B704


def _joined(items: list[str], conjunction: Callable[[], str]) -> str:
    # Most lists here have one item: the conjunction is looked up only when it is needed.
    return f" {escape(conjunction())} ".join(items) if len(items) > 1 else "".join(items)


def text_direction(locale: str) -> str:
    return "rtl" if locale in RIGHT_TO_LEFT else "ltr"


def init_app(app: Flask, directory: str) -> None:
    babel.init_app(
        app,
        default_locale=DEFAULT_LOCALE,
        default_translation_directories=directory,
        locale_selector=select_locale,
    )
    # A page asks for a few hundred translations; look the catalogue up once per request.
    app.jinja_env.install_gettext_callables(
        gettext=page_text,
        ngettext=lambda s, p, n: shown(translations().ungettext(s, p, n)),
        pgettext=lambda c, s: shown(translations().upgettext(c, s)),
        npgettext=lambda c, s, p, n: shown(translations().unpgettext(c, s, p, n)),
        newstyle=True,
    )
    # Content texts are data, not markup: translated but still escaped, never %-formatted.
    app.jinja_env.filters["t"] = translated
    app.jinja_env.globals["in_words"] = in_words
    # For the macros, which see no request context: does this visitor read the Dutch pages?
    app.jinja_env.globals["reads_dutch"] = lambda: str(get_locale()) == DEFAULT_LOCALE

    @app.context_processor
    def language() -> dict[str, object]:
        locale = str(get_locale())
        return {"locale": locale, "direction": text_direction(locale), "languages": LANGUAGES}


def extract_content(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor: every visitor-facing text in a content YAML file.

    The translator comment names the question or service the text belongs to.
    """
    root = yaml.compose(fileobj.read().decode("utf-8"))
    yield from _texts(root, owner="")


def _texts(node: yaml.Node, owner: str) -> Iterator[tuple[int, str, str, list[str]]]:
    if isinstance(node, yaml.MappingNode):
        owner = next(
            (
                f"id: {v.value}"
                for k, v in node.value
                if k.value == "id" and isinstance(v, yaml.ScalarNode)
            ),
            owner,
        )
        for key, value in node.value:
            # A letter's `ask` names fields, and one is called "name": a mapping under it holds
            # texts of its own, not a text.
            if key.value in TEXT_KEYS and not isinstance(value, yaml.MappingNode):
                yield from _scalars(value, owner)
            else:
                yield from _texts(value, owner)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _texts(item, owner)


def _scalars(node: yaml.Node, owner: str) -> Iterator[tuple[int, str, str, list[str]]]:
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for item in items:
        if isinstance(item, yaml.ScalarNode) and item.value:
            yield item.start_mark.line + 1, "gettext", item.value, [owner]
