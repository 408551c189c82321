# SPDX-License-Identifier: EUPL-1.2
"""Check the content for every problem a content editor could make; return them all."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from .content import (
    CONTACT_TYPES,
    END,
    PRIORITIES,
    QUESTION_TYPES,
    REGIONAL,
    Condition,
    Content,
    Service,
)
from .directory_checks import WEB_ADDRESS, directory_problems
from .engine import holds
from .grounds import citations
from .letters import CHOICES, FIELDS
from .paths import answer_sets
from .young import adult_texts

STALE_AFTER = dt.timedelta(days=365)


def validate(content: Content) -> list[str]:
    """Every problem in the content, each naming the question or service it is about."""
    problems = [
        *_duplicates("question", (q.id for q in content.questions)),
        *_duplicates("service", (s.id for s in content.services)),
        *_duplicates("group", (g.id for g in content.groups)),
        *_questions(content),
        *_services(content),
        *_rank(content),
        *_places(content),
        *_duplicates("letter", (letter.id for letter in content.letters.letters)),
        *_letters(content),
        *_grounds(content),
        *_terms(content),
    ]
    if not problems:  # the deeper checks assume a flow whose parts fit together
        problems += _graph(content)
    if not problems:
        problems += _unreachable_services(content)
    return problems + list(adult_texts(content))


def stale(content: Content, today: dt.date) -> list[str]:
    """Facts last checked more than a year ago (services, letters, the directory): due, not
    wrong."""
    places = content.places
    checked = [
        *((f"service '{s.id}'", s.checked) for s in content.services),
        *((f"letter '{x.id}'", x.checked) for x in content.letters.letters),
        *((f"region '{r.code}'", r.checked) for r in places.regions),
        *(
            (f"website of '{m.code}'", m.website.checked)
            for m in places.municipalities
            if m.website
        ),
        *((f"team of '{m.code}'", m.team.checked) for m in places.municipalities if m.team),
        *((f"legal ground '{g.article}'", g.checked) for g in content.grounds),
        *((f"term '{t.id}'", t.checked) for t in content.terms),
    ]
    return [
        f"{where}: checked on {date}, more than a year ago"
        for where, date in checked
        if date is not None and today - date > STALE_AFTER
    ]


def _duplicates(kind: str, ids: Iterable[str]) -> Iterator[str]:
    for id_, count in Counter(ids).items():
        if count > 1:
            yield f"{kind} '{id_}': id used {count} times"


def _questions(content: Content) -> Iterator[str]:
    if content.question(content.start) is None:
        yield f"start: unknown question '{content.start}'"
    for q in content.questions:
        where = f"question '{q.id}'"
        if q.id == END:
            yield f"{where}: the id '{END}' is kept for the advice; choose another"
        if q.type not in QUESTION_TYPES:
            yield f"{where}: unknown type '{q.type}'"
        if len(q.options) < 2:
            yield f"{where}: needs at least 2 options, has {len(q.options)}"
        yield from _duplicates(f"{where}: option", (o.id for o in q.options))
        defaults = [i for i, rule in enumerate(q.next) if rule.when is None]
        if not defaults:
            yield f"{where}: no default rule (a rule without 'if')"
        elif len(defaults) > 1:
            yield f"{where}: {len(defaults)} default rules, expected 1"
        elif defaults[0] != len(q.next) - 1:
            yield f"{where}: the default rule must be the last rule"
        for rule in q.next:
            if rule.goto != END and content.question(rule.goto) is None:
                yield f"{where}: routes to unknown question '{rule.goto}'"
            yield from _condition(content, where, rule.when)


def _services(content: Content) -> Iterator[str]:
    groups = {g.id for g in content.groups}
    for s in content.services:
        where = f"service '{s.id}'"
        if s.group not in groups:
            yield f"{where}: unknown group '{s.group}'"
        if s.regional and s.regional not in REGIONAL:
            yield f"{where}: unknown regional detail '{s.regional}'"
        yield from _sourced(where, s.sources, s.checked)
        if not s.advise:
            yield f"{where}: no advise rule"
        for contact in s.contact:
            yield from _condition(content, where, contact.when)
            if contact.type not in CONTACT_TYPES:
                yield f"{where}: unknown contact type '{contact.type}'"
            elif contact.type == "text" and not contact.label:
                yield f"{where}: a text contact needs a label"
            elif contact.type == "phone" and not contact.value:
                yield f"{where}: a phone contact needs a value"
            elif contact.type == "web" and not contact.value.startswith("https://"):
                yield f"{where}: web address must start with https:// ('{contact.value}')"
        for rule in s.advise:
            if rule.priority not in PRIORITIES:
                yield f"{where}: unknown priority '{rule.priority}'"
            yield from _condition(content, where, rule.when)
        for note in (*s.notes, *s.tonight):
            yield from _condition(content, where, note.when)
        if s.after and (not s.after.title or len(s.after.steps) < 2):
            yield f"{where}: 'after' needs a title and at least 2 steps"
        for term in (s.agenda, *(note.agenda for note in (*s.notes, *s.tonight))):
            yield from _term(content, where, term)
        yield from _cited(content, where, s.texts)


def _rank(content: Content) -> Iterator[str]:
    """The plan's order names every service once, so no step's place is left to chance."""
    ids = {s.id for s in content.services}
    for id_, count in Counter(content.rank).items():
        if id_ not in ids:
            yield f"rank: unknown service '{id_}'"
        elif count > 1:
            yield f"rank: service '{id_}' is listed {count} times"
    for s in content.services:
        if s.id not in content.rank:
            yield f"rank: service '{s.id}' is missing"


def _sourced(where: str, sources: tuple[str, ...], checked: dt.date | None) -> Iterator[str]:
    if not sources:
        yield f"{where}: no source"
    for source in sources:
        if not WEB_ADDRESS.fullmatch(source):
            yield f"{where}: source is not a web address ('{source}')"
    if checked is None:
        yield f"{where}: no checked date"


def _letters(content: Content) -> Iterator[str]:
    for letter in content.letters.letters:
        where = f"letter '{letter.id}'"
        if content.service(letter.service) is None:
            yield f"{where}: unknown service '{letter.service}'"
        for field in letter.fields:
            if field not in FIELDS:
                yield f"{where}: unknown field '{field}' (choose from {', '.join(FIELDS)})"
        asked = set(letter.asked)
        for field, ask in letter.ask.items():
            if field not in asked:
                yield f"{where}: 'ask' names '{field}', which the letter does not ask"
            if ask.younger_than and (field != "children" or "gezag" not in asked):
                yield f"{where}: 'younger_than' is for children, in a letter that asks gezag"
        for number, paragraph in enumerate(letter.paragraphs, start=1):
            here = f"{where}: paragraph {number}"
            for key, fields in (("if", paragraph.when), ("unless", paragraph.unless)):
                for field in fields:
                    if field not in asked:
                        yield f"{here}: '{key}' names '{field}', which the letter does not ask"
            required = {f for f, a in letter.ask.items() if a.error}
            for name in paragraph.placeholders:
                if name not in asked or name in CHOICES:
                    yield f"{here}: uses %({name})s, which the letter does not ask"
                elif name not in {"name", *paragraph.when, *required}:
                    yield f"{here}: uses %({name})s, which may be empty: add 'if: {name}'"
        yield from _term(content, where, letter.agenda)
        yield from _sourced(where, letter.sources, letter.checked)
        yield from _cited(content, where, letter.texts)


def _term(content: Content, where: str, term: str) -> Iterator[str]:
    """An `agenda:` names a term of terms.yaml, or nothing."""
    if term and content.term(term) is None:
        known = ", ".join(t.id for t in content.terms)
        yield f"{where}: unknown agenda term '{term}' (choose from {known})"


def _terms(content: Content) -> Iterator[str]:
    yield from _duplicates("term", (t.id for t in content.terms))
    for term in content.terms:
        where = f"term '{term.id}'"
        if (term.months > 0) == (term.weeks > 0):
            yield f"{where}: give months or weeks, one of them"
        yield from _sourced(where, term.sources, term.checked)


def _cited(content: Content, where: str, texts: Iterable[str]) -> Iterator[str]:
    """Every article a text cites is a legal ground with a source, named with its law."""
    for text in texts:
        for article, with_law in citations(text):
            ground = content.ground(article)
            if not with_law:
                yield f"{where}: cites '{article}' without its law ('van de AVG', ...)"
            elif ground is None:
                yield f"{where}: cites '{article}', which is not in grounds.yaml"
            elif not ground.sources:
                yield f"{where}: cites '{article}', whose legal ground has no source"


def _grounds(content: Content) -> Iterator[str]:
    yield from _duplicates("legal ground", (g.article for g in content.grounds))
    for ground in content.grounds:
        yield from _sourced(f"legal ground '{ground.article}'", ground.sources, ground.checked)


def _places(content: Content) -> Iterator[str]:
    places = content.places
    asking = [q.id for q in content.questions if q.type == "place"]
    if len(asking) > 1:
        yield f"questions {', '.join(asking)}: only one question may ask for the place"
    if asking and not places.municipalities:
        yield f"question '{asking[0]}': asks for the place, but there is no place data"
    yield from _duplicates("region", (r.code for r in places.regions))
    yield from _duplicates("municipality", (m.code for m in places.municipalities))
    regions = {r.code for r in places.regions}
    for region in places.regions:
        where = f"region '{region.code}'"
        if not re.fullmatch(r"VT\d\d", region.code):
            yield f"{where}: not a CBS region code (VT and two digits)"
        if not any(m.region == region.code for m in places.municipalities):
            yield f"{where}: no municipality belongs to it"
    for municipality in places.municipalities:
        where = f"municipality '{municipality.code}'"
        if not re.fullmatch(r"GM\d{4}", municipality.code):
            yield f"{where}: not a CBS municipality code (GM and four digits)"
        if municipality.region not in regions:
            yield f"{where}: unknown region '{municipality.region}'"
    codes = {m.code for m in places.municipalities}
    for alias in places.aliases:
        if alias.code not in codes:
            yield f"other name '{alias.name}': unknown municipality '{alias.code}'"
        if not WEB_ADDRESS.fullmatch(alias.source):
            yield f"other name '{alias.name}': its source is not a web address ('{alias.source}')"
    yield from directory_problems(places)


def _condition(content: Content, where: str, condition: Condition | None) -> Iterator[str]:
    for question_id, values in (condition or {}).items():
        question = content.question(question_id)
        if question and question.type == "place":
            yield f"{where}: condition names '{question_id}': where someone lives steers nothing"
            continue
        if not values:
            yield f"{where}: condition lists no answers for '{question_id}'"
        if question is None:
            yield f"{where}: condition names unknown question '{question_id}'"
            continue
        for value in values:
            if question.option(value) is None:
                yield f"{where}: condition names unknown answer '{value}' of '{question_id}'"


def _graph(content: Content) -> Iterator[str]:
    """Unreachable questions, cycles, and questions from which the advice cannot be reached."""
    targets = {q.id: [r.goto for r in q.next] for q in content.questions}
    reached: set[str] = set()
    stack = [content.start]
    while stack:
        node = stack.pop()
        if node != END and node not in reached:
            reached.add(node)
            stack.extend(targets[node])
    for q in content.questions:
        if q.id not in reached:
            yield f"question '{q.id}': cannot be reached from the start"
    yield from _cycles(targets)
    yield from _routing_looks_back(content, targets)
    ends = {END}
    changed = True
    while changed:  # grow the set of questions that can lead to the advice
        grown = {q for q, goes in targets.items() if any(t in ends for t in goes)}
        changed = not grown <= ends
        ends |= grown
    for q in content.questions:
        if q.id not in ends:
            yield f"question '{q.id}': no path from here leads to the advice"


def _routing_looks_back(content: Content, targets: dict[str, list[str]]) -> Iterator[str]:
    """Routing may only use answers given by then: the question's own or an earlier one."""
    before: dict[str, set[str]] = {q: set() for q in targets}
    changed = True
    while changed:
        changed = False
        for node, goes in targets.items():
            for target in goes:
                if target in before and not before[node] | {node} <= before[target]:
                    before[target] |= before[node] | {node}
                    changed = True
    for q in content.questions:
        for rule in q.next:
            for named in rule.when or {}:
                if named != q.id and named not in before[q.id]:
                    yield f"question '{q.id}': routing uses '{named}', which is not asked before it"


def _cycles(targets: dict[str, list[str]]) -> Iterator[str]:
    state: dict[str, str] = {}  # "open" while on the current route, "done" after

    def visit(node: str, route: list[str]) -> Iterator[str]:
        state[node] = "open"
        for target in targets.get(node, ()):
            if state.get(target) == "open":
                here = [*route, node]
                loop = [*here[here.index(target) :], target]
                yield f"question '{target}': cycle {' -> '.join(loop)}"
            elif target != END and target not in state:
                yield from visit(target, [*route, node])
        state[node] = "done"

    for node in targets:
        if node not in state:
            yield from visit(node, [])


def _unreachable_services(content: Content) -> Iterator[str]:
    routing = {q for question in content.questions for r in question.next for q in (r.when or {})}
    for service in content.services:
        if not _can_be_advised(content, service, routing):
            yield f"service '{service.id}': no answers lead to it"


def _can_be_advised(content: Content, service: Service, routing: set[str]) -> bool:
    named = routing | {q for rule in service.advise for q in (rule.when or {})}
    return any(
        holds(rule.when, answers)
        for answers in answer_sets(content, branch_on=named)
        for rule in service.advise
    )
