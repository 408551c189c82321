# SPDX-License-Identifier: EUPL-1.2
"""Load flow.yaml, services.yaml, letters.yaml, terms.yaml and the place data into a typed,
read-only model."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .grounds import Ground, citations
from .letters import Ask, Letter, Letters, Paragraph
from .places import Places, load_places
from .terms import Term

CONTENT_DIR = Path(__file__).parent
T = TypeVar("T")
END = "advies"  # the routing target that means: all questions answered, show the advice
PRIORITIES = ("safety", "first", "also")  # the order in which advice is shown
QUESTION_TYPES = ("single", "multiple", "place")  # place: a municipality or VT region
REGIONAL = ("website", "complaints", "file", "municipality")  # what a card adds for the place
CONTACT_TYPES = ("phone", "web", "text")

# Keys whose values are shown to visitors: the Babel extractor takes these into the catalogue.
TEXT_KEYS = frozenset(
    {
        "text",
        "hint",
        "error",
        "label",
        "title",
        "name",
        "what",
        "cost",
        "expect",
        "limits",
        "steps",
        "hours",
        "gently",
        "why",
        "do",
        "deadline",
        "subject",
        "enclose",
        "due",
        "warning",
        "refusal",
        "summary",
        "description",
    }
)

# A term's texts in terms.yaml (guide.terms.Term): each is a visitor's text, in TEXT_KEYS.
TERM_TEXTS = ("name", "title", "text", "label", "hint", "summary", "description")

# A condition maps a question id to the answers that count: it holds when, for every question
# named, at least one of those answers was given.
Condition = dict[str, tuple[str, ...]]
# An entry's texts as spoken to a young person ("je", not "u"): text key -> its je-form.
# Pairs, not a dict, so that the frozen entries stay hashable.
JeForm = tuple[tuple[str, Any], ...]


def short_id(*texts: str) -> str:
    """An id for a note or contact in a hand-over link: an edited one is no longer found there,
    so an old link leaves it out rather than show another in its place."""
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    hint: str = ""
    exclusive: bool = False
    # A painful answer: the advice says it once, gently, in these words, and no card repeats it.
    gently: str = ""
    young: bool = False  # a young person answering for themselves: every text then says "je"
    je: JeForm = ()


@dataclass(frozen=True)
class Rule:
    goto: str
    when: Condition | None  # None: the default rule


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: str
    error: str
    options: tuple[Option, ...]
    next: tuple[Rule, ...]
    hint: str = ""
    je: JeForm = ()

    def option(self, option_id: str) -> Option | None:
        """The option with this id, if the question has one."""
        return self._options_by_id.get(option_id)

    @cached_property
    def _options_by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}


@dataclass(frozen=True)
class Contact:
    type: str
    value: str = ""  # a phone number or https:// address; a "text" contact has only a label
    label: str = ""
    hours: str = ""
    when: Condition | None = None  # shown in the advice only when the answers meet it
    je: JeForm = ()

    @cached_property
    def id(self) -> str:
        return short_id(self.type, self.value, self.label)


@dataclass(frozen=True)
class AdviseRule:
    priority: str
    when: Condition | None  # None: always
    why: str = ""  # why this help, in its own words, beside the answers that led to it
    je: JeForm = ()


@dataclass(frozen=True)
class Note:
    text: str
    when: Condition
    deadline: str = ""  # a term that runs out: the plan names it, and the step comes first
    agenda: str = ""  # the id of a term in terms.yaml: the note offers it for the calendar
    je: JeForm = ()

    @cached_property
    def id(self) -> str:
        return short_id(self.text)


@dataclass(frozen=True)
class After:
    """What to do once the help has answered (the file has come): a heading and short steps."""

    title: str
    steps: tuple[str, ...]
    je: JeForm = ()


@dataclass(frozen=True)
class Service:
    id: str
    group: str
    name: str
    do: str  # what to do first, in one sentence: the plan's step and the card's first line
    what: str
    cost: str
    contact: tuple[Contact, ...]
    expect: str
    limits: str
    advise: tuple[AdviseRule, ...]
    sources: tuple[str, ...]
    checked: dt.date | None
    verify: bool = False
    steps: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    # Like notes, but shown at the top of the advice: why to call this line tonight.
    tonight: tuple[Note, ...] = ()
    regional: str = ""  # one of REGIONAL: the regional detail this card shows, if any
    agenda: str = ""  # the id of a term in terms.yaml that the card's texts speak of
    interpreter: bool = False  # the card speaks of an interpreter: it links the interpreter card
    after: After | None = None  # the steps once the answer has come, shown on the card's face
    je: JeForm = ()

    @property
    def texts(self) -> tuple[str, ...]:
        """The card's texts that state a fact, to check what they cite."""
        notes = (n.text for n in (*self.notes, *self.tonight))
        after = self.after.steps if self.after else ()
        return (self.what, self.cost, self.expect, self.limits, *self.steps, *after, *notes)


@dataclass(frozen=True)
class Group:
    id: str
    title: str


@dataclass(frozen=True)
class Content:
    start: str
    questions: tuple[Question, ...]
    groups: tuple[Group, ...]
    services: tuple[Service, ...]
    places: Places
    rank: tuple[str, ...] = ()  # service ids, in the order their steps come within a priority
    letters: Letters = field(default_factory=Letters)
    young_rank: tuple[str, ...] = ()  # for a young person these come first, before `rank`
    grounds: tuple[Ground, ...] = ()  # the articles of law the texts may cite
    terms: tuple[Term, ...] = ()  # what a family can put in its calendar (agenda: on the texts)
    # The pages' own words (templates) in the je-form, by their "u"-form: from page_je.yaml.
    page_je: tuple[tuple[str, str], ...] = ()
    # Those the pages of this content use instead of their own: none, or a young person's.
    page_words: tuple[tuple[str, str], ...] = ()

    @cached_property
    def page_word(self) -> dict[str, str]:
        """A page's own text -> the words this content says it in."""
        return dict(self.page_words)

    def term(self, term_id: str) -> Term | None:
        """The term a card, a note or a letter names for the calendar, if there is one."""
        return next((t for t in self.terms if t.id == term_id), None)

    def ground(self, article: str) -> Ground | None:
        """The legal ground a text cites with these words, if it is in grounds.yaml."""
        return next((g for g in self.grounds if g.article.lower() == article.lower()), None)

    def cited_by(self, ground: Ground) -> list[str]:
        """The letters and cards that cite a legal ground, for the yearly review."""
        sources = [
            *((f"brief {x.id}", x.texts) for x in self.letters.letters),
            *((f"kaart {s.id}", s.texts) for s in self.services),
        ]
        return [
            name
            for name, texts in sources
            if any(a.lower() == ground.article.lower() for t in texts for a, _ in citations(t))
        ]

    @cached_property
    def place_question(self) -> Question | None:
        """The question that asks where the visitor lives, if the flow has one."""
        return next((q for q in self.questions if q.type == "place"), None)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if there is one."""
        return self._questions_by_id.get(question_id)

    @cached_property
    def urgent_services(self) -> tuple[Service, ...]:
        """The help to call at once (112, 113), for some answers."""
        return tuple(s for s in self.services if any(r.priority == "safety" for r in s.advise))

    def rank_of(self, service: Service) -> int:
        """Where a service's step comes within its priority: lower comes first."""
        return self._rank_by_id.get(service.id, len(self.rank))

    def service(self, service_id: str) -> Service | None:
        """The service with this id, if there is one."""
        return self._services_by_id.get(service_id)

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _services_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def _rank_by_id(self) -> dict[str, int]:
        return {service_id: number for number, service_id in enumerate(self.rank)}

    @cached_property
    def young(self) -> Content:
        """The same content as a young person reads it: every je-form in place, their order."""
        from .young import for_young  # young.py builds on this model: imported when first asked

        return for_young(self)

    @cached_property
    def version(self) -> str:
        """A short fingerprint of the questions, answers and routing.

        Answers saved under another version may no longer fit the flow. Wording edits do not
        change it, so fixing a typo does not wipe every visitor's answers.
        """
        shape = [
            [q.id, q.type, [o.id for o in q.options], [[r.goto, r.when] for r in q.next]]
            for q in self.questions
        ]
        return hashlib.sha256(json.dumps([self.start, shape]).encode()).hexdigest()[:12]


class ContentFormatError(ValueError):
    """A content file does not have the shape this model reads."""


def load(directory: Path = CONTENT_DIR) -> Content:
    """Read flow.yaml and services.yaml from a folder into the model."""
    flow_path, catalogue_path = directory / "flow.yaml", directory / "services.yaml"
    flow, catalogue = _read_yaml(flow_path), _read_yaml(catalogue_path)
    try:
        places = load_places(directory)
    except (OSError, KeyError, csv.Error) as error:
        raise ContentFormatError(f"{directory}: place data: malformed {error}") from error
    return Content(
        start=str(_field(flow_path, flow, "start")),
        questions=_items(flow_path, flow, "questions", lambda q: _question(q, places)),
        groups=_items(
            catalogue_path, catalogue, "groups", lambda g: Group(id=str(g["id"]), title=g["title"])
        ),
        services=_items(catalogue_path, catalogue, "services", _service),
        places=places,
        rank=tuple(str(s) for s in _field(catalogue_path, catalogue, "rank") or ()),
        letters=_letters(directory / "letters.yaml"),
        grounds=_grounds(directory / "grounds.yaml"),
        terms=_terms(directory / "terms.yaml"),
        young_rank=tuple(str(s) for s in catalogue.get("young_rank") or ()),
        page_je=_page_je(directory / "page_je.yaml"),
    )


def _page_je(path: Path) -> tuple[tuple[str, str], ...]:
    """The pages' own words in the je-form; a folder without page_je.yaml has none."""
    if not path.exists():
        return ()
    return _items(path, _read_yaml(path), "page_je", lambda raw: (str(raw["u"]), str(raw["text"])))


def _grounds(path: Path) -> tuple[Ground, ...]:
    """The articles of law; a folder without grounds.yaml has none, so it may cite none."""
    if not path.exists():
        return ()
    return _items(
        path,
        _read_yaml(path),
        "grounds",
        lambda raw: Ground(
            article=str(raw["article"]),
            says=str(raw["says"]),
            sources=tuple(str(s) for s in raw.get("sources") or ()),
            checked=_date(raw.get("checked")),
        ),
    )


def _terms(path: Path) -> tuple[Term, ...]:
    """The terms for the calendar; a folder without terms.yaml has none, so none is offered."""
    if not path.exists():
        return ()
    return _items(
        path,
        _read_yaml(path),
        "terms",
        lambda raw: Term(
            id=str(raw["id"]),
            **{key: raw[key] for key in TERM_TEXTS},
            sources=tuple(str(s) for s in raw.get("sources") or ()),
            checked=_date(raw.get("checked")),
            months=int(raw.get("months", 0)),
            weeks=int(raw.get("weeks", 0)),
        ),
    )


def _letters(path: Path) -> Letters:
    """The letters a visitor can make; a folder without letters.yaml offers none."""
    if not path.exists():
        return Letters()
    data = _read_yaml(path)
    return Letters(letters=_items(path, data, "letters", _letter))


def _letter(raw: dict[str, Any]) -> Letter:
    return Letter(
        id=str(raw["id"]),
        service=str(raw["service"]),
        title=raw["title"],
        text=raw["text"],
        subject=raw["subject"],
        fields=tuple(str(f) for f in raw["fields"]),
        paragraphs=tuple(
            Paragraph(text=p["text"], when=_fields(p.get("if")), unless=_fields(p.get("unless")))
            for p in raw["paragraphs"]
        ),
        enclose=raw.get("enclose", ""),
        warning=raw.get("warning", ""),
        refusal=raw.get("refusal", ""),
        agenda=raw.get("agenda", ""),
        ask={str(f): Ask(**a) for f, a in (raw.get("ask") or {}).items()},
        due=raw["due"],
        sources=tuple(str(s) for s in raw.get("sources") or ()),
        checked=_date(raw.get("checked")),
        parents_only=bool(raw.get("parents_only", False)),
    )


def _fields(raw: str | list[str] | None) -> tuple[str, ...]:
    """One field or a list of them, as a content editor may write it after `if:`."""
    if not raw:
        return ()
    return (str(raw),) if isinstance(raw, str) else tuple(str(f) for f in raw)


def _field(path: Path, data: dict[str, Any], key: str) -> Any:
    if key not in data:
        raise ContentFormatError(f"{path}: missing '{key}'")
    return data[key]


def _items(path: Path, data: dict[str, Any], key: str, build: Callable[[Any], T]) -> tuple[T, ...]:
    """Build each entry of a list, saying which entry a problem is in."""
    items = _field(path, data, key)
    if not isinstance(items, list):
        raise ContentFormatError(f"{path}: '{key}' must be a list")
    built = []
    for number, raw in enumerate(items, start=1):
        try:
            built.append(build(raw))
        except (KeyError, TypeError, AttributeError, ContentFormatError) as error:
            name = raw.get("id") if isinstance(raw, dict) else None
            raise ContentFormatError(
                f"{path}: {key} entry {number} ({name or 'no id'}): missing or malformed {error}"
            ) from error
    return tuple(built)


class _StrictLoader(yaml.SafeLoader):
    """YAML that refuses a key written twice in one mapping, instead of keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        for key in keys:
            if keys.count(key) > 1:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' appears twice", node.start_mark
                )
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        # _StrictLoader is a SafeLoader: it builds only plain data, never objects.
        data = yaml.load(text, Loader=_StrictLoader)  # nosec B506
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise ContentFormatError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise ContentFormatError(f"{path}: expected a mapping at the top")
    return data


def _condition(raw: dict[str, Any] | None) -> Condition | None:
    if raw is None:
        return None
    return {str(q): tuple(str(v) for v in values) for q, values in raw.items()}


def _question(raw: dict[str, Any], places: Places) -> Question:
    options = tuple(
        Option(
            id=str(o["id"]),
            label=o["label"],
            hint=o.get("hint", ""),
            exclusive=bool(o.get("exclusive", False)),
            gently=o.get("gently", ""),
            young=bool(o.get("young", False)),
            je=_je(o),
        )
        for o in raw["options"]
    )
    if raw["type"] == "place":  # the flow names the way to skip; the data add every place
        options += tuple(
            Option(id=p.code, label=p.name) for p in (*places.municipalities, *places.regions)
        )
    return Question(
        id=str(raw["id"]),
        type=raw["type"],
        text=raw["text"],
        hint=raw.get("hint", ""),
        error=raw["error"],
        options=options,
        next=tuple(Rule(goto=str(r["goto"]), when=_condition(r.get("if"))) for r in raw["next"]),
        je=_je(raw),
    )


def _notes(raw: list[dict[str, Any]]) -> tuple[Note, ...]:
    return tuple(
        Note(
            text=n["text"],
            when=_condition(n["if"]),
            deadline=n.get("deadline", ""),
            agenda=n.get("agenda", ""),
            je=_je(n),
        )
        for n in raw
    )


def _service(raw: dict[str, Any]) -> Service:
    checked = raw.get("checked")
    return Service(
        id=str(raw["id"]),
        group=str(raw["group"]),
        name=raw["name"],
        do=raw["do"],
        what=raw["what"],
        cost=raw["cost"],
        contact=tuple(_contact(c) for c in raw.get("contact", ())),
        expect=raw["expect"],
        limits=raw["limits"],
        steps=tuple(raw.get("steps", ())),
        notes=_notes(raw.get("notes", ())),
        tonight=_notes(raw.get("tonight", ())),
        advise=tuple(
            AdviseRule(
                priority=a["priority"],
                when=_condition(a.get("if")),
                why=a.get("why", ""),
                je=_je(a),
            )
            for a in raw["advise"]
        ),
        sources=tuple(str(s) for s in raw.get("sources") or ()),
        checked=_date(checked),
        verify=bool(raw.get("verify", False)),
        regional=raw.get("regional", ""),
        agenda=raw.get("agenda", ""),
        interpreter=bool(raw.get("interpreter", False)),
        after=_after(raw.get("after")),
        je=_je(raw),
    )


def _after(raw: dict[str, Any] | None) -> After | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ContentFormatError("'after' must be a mapping with a title and steps")
    return After(title=raw.get("title", ""), steps=tuple(raw.get("steps") or ()), je=_je(raw))


def _contact(raw: dict[str, Any]) -> Contact:
    value = raw.get("value") or ""
    if not isinstance(value, str):  # YAML reads 0113 as the number 75: quotes keep it as written
        raise ContentFormatError(f"contact value {value!r}: put it in quotes")
    return Contact(
        type=raw["type"],
        value=value,
        label=raw.get("label", ""),
        hours=raw.get("hours", ""),
        when=_condition(raw.get("if")),
        je=_je(raw),
    )


def _je(raw: dict[str, Any]) -> JeForm:
    """An entry's je-forms; a list (steps) becomes a tuple, as the entry's own texts do."""
    forms = raw.get("je") or {}
    if not isinstance(forms, dict):
        raise ContentFormatError("'je' must be a mapping of texts")
    return tuple((str(k), tuple(v) if isinstance(v, list) else v) for k, v in forms.items())


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
