# SPDX-License-Identifier: EUPL-1.2
"""A young person answering for themselves: the content as they read it, and what still misses.

An entry's `je:` holds its texts in the je-form; for a young person they replace the "u"-form,
the services in `young_rank` come first, and letters written in a parent's name are left out.
The validator uses `adult_texts` so that no young person's route reaches a text for adults.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, replace
from typing import Any, TypeVar

from .content import TEXT_KEYS, Condition, Content, Service

# What only an adult is told: the "u"-form, and insurance and eigen risico, which children
# under 18 do not pay.
ADULT = re.compile(r"\b(u|uw|uzelf)\b|eigen risico|verzeker", re.IGNORECASE)
Entry = TypeVar("Entry")


def for_young(content: Content) -> Content:
    """The content with every je-form in place and the young person's order of the help."""
    first = content.young_rank
    letters = tuple(x for x in content.letters.letters if not x.parents_only)
    return replace(
        content,
        questions=tuple(
            replace(_je(q), options=tuple(_je(o) for o in q.options)) for q in content.questions
        ),
        services=tuple(_service(s) for s in content.services),
        rank=(*first, *(s for s in content.rank if s not in first)),
        letters=replace(content.letters, letters=letters),
        page_words=content.page_je,
    )


def _je(entry: Entry) -> Entry:
    forms = getattr(entry, "je", ())
    return replace(entry, **dict(forms)) if forms else entry  # type: ignore[type-var]


def _service(service: Service) -> Service:
    return replace(
        _je(service),
        contact=tuple(_je(c) for c in service.contact),
        notes=tuple(_je(n) for n in service.notes),
        tonight=tuple(_je(n) for n in service.tonight),
        advise=tuple(_je(r) for r in service.advise),
        after=service.after and _je(service.after),
    )


def adult_texts(content: Content) -> Iterator[str]:
    """Je-forms of texts an entry does not have, and texts for adults a young route reaches."""
    for where, entry, reached in _entries(content):
        texts = _texts(entry)
        forms = dict(getattr(entry, "je", ()))
        for key in forms.keys() - texts.keys():
            yield f"{where}: a je-form of '{key}', which is not one of its texts"
        for key, text in texts.items():
            if not reached or not _speaks_to_an_adult(forms.get(key, text)):
                continue
            if key in forms:
                yield f"{where}: the je-form of '{key}' still speaks to an adult"
            else:  # a letter is in the visitor's own name: one for adults is not offered
                fix = "add its je-form" if hasattr(entry, "je") else "mark it parents_only"
                yield f"{where}: '{key}' speaks to an adult on a young route: {fix}"
    for said, je_form in content.page_je:  # the pages' own words (page_je.yaml)
        if not _speaks_to_an_adult(said):
            yield f"page_je: '{said}' does not speak to an adult: it needs no je-form"
        elif _speaks_to_an_adult(je_form):
            yield f"page_je: the je-form of '{said}' still speaks to an adult"


def _entries(content: Content) -> Iterator[tuple[str, Any, bool]]:
    """Every entry with texts, where it is, and whether a young person's route may reach it."""
    asked = _questions_on_young_routes(content)
    for question in content.questions:
        where = f"question '{question.id}'"
        yield where, question, question.id in asked
        for option in question.options:
            yield f"{where}: option '{option.id}'", option, question.id in asked
    advised: set[str] = set()  # the services a young route may reach: their letters may show
    for service in content.services:
        where = f"service '{service.id}'"
        reached = any(_may_hold(content, rule.when) for rule in service.advise)
        if reached:
            advised.add(service.id)
        yield where, service, reached
        if service.after:
            yield f"{where}: after", service.after, reached
        parts = [
            ("advise rule", service.advise),
            ("contact", service.contact),
            ("note", service.notes),
            ("tonight", service.tonight),
        ]
        for kind, items in parts:
            for number, item in enumerate(items, start=1):
                yield f"{where}: {kind} {number}", item, reached and _may_hold(content, item.when)
    for letter in content.letters.letters:
        yield f"letter '{letter.id}'", letter, letter.service in advised and not letter.parents_only


def _texts(entry: Any) -> dict[str, Any]:
    """The visitor-facing texts an entry has (its fields named in TEXT_KEYS), by field."""
    return {
        f.name: value
        for f in fields(entry)
        if f.name in TEXT_KEYS and (value := getattr(entry, f.name))
    }


def _speaks_to_an_adult(text: str | tuple[str, ...]) -> bool:
    return any(ADULT.search(t) for t in ((text,) if isinstance(text, str) else text))


def _may_hold(content: Content, condition: Condition | None) -> bool:
    """Whether the condition can hold for a young person: it does not rule their answer out."""
    return any(
        question.type == "multiple"  # a young answer may come beside the ones it names
        or question.id not in (condition or {})
        or option.id in (condition or {})[question.id]
        for question in content.questions
        for option in question.options
        if option.young
    )


def _questions_on_young_routes(content: Content) -> set[str]:
    """The questions asking for a young answer and every question before or after them."""
    ahead = {q.id: {r.goto for r in q.next} for q in content.questions}
    behind: dict[str, set[str]] = {q: set() for q in ahead}
    for question, targets in ahead.items():
        for target in targets & behind.keys():
            behind[target].add(question)
    asking = {q.id for q in content.questions if any(o.young for o in q.options)}
    return _reach(asking, ahead) | _reach(asking, behind)


def _reach(start: set[str], graph: dict[str, set[str]]) -> set[str]:
    seen, stack = set(), list(start)
    while stack:
        node = stack.pop()
        if node in graph and node not in seen:
            seen.add(node)
            stack.extend(graph[node])
    return seen
