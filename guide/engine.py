# SPDX-License-Identifier: EUPL-1.2
"""The decisions: from the answers so far to the path, the next question and the advice.

Pure functions over the content model; nothing here knows about Flask or the session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import NamedTuple

from .content import END, PRIORITIES, Condition, Contact, Content, Note, Question, Service

Answers = Mapping[str, tuple[str, ...]]


class Truth(Enum):
    """Whether a condition holds, given that some questions may not be answered yet."""

    YES = "yes"
    NO = "no"
    MAYBE = "maybe"


class Reason(NamedTuple):
    """Answers to one question: the ones that made a condition hold, or that it still needs."""

    question: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    service: Service
    priority: str
    reasons: tuple[Reason, ...]
    notes: tuple[Note, ...]  # the service's notes that hold for these answers
    tonight: tuple[Note, ...] = ()  # why to call this line tonight, at the top of the advice
    contacts: tuple[Contact, ...] = ()  # the ways to reach it that fit these answers
    why: str = ""  # why this help, in its own words (the rule's)

    @property
    def deadline(self) -> str:
        """A term that runs out for this family, in a few words, if a note names one."""
        return next((n.deadline for n in self.notes if n.deadline), "")


@dataclass(frozen=True)
class Journey:
    answers: dict[str, tuple[str, ...]]  # valid answers that are, or may still be, on the path
    path: tuple[str, ...]  # the answered questions, in the order they are asked
    next_question: str | None  # None when every question on the path is answered
    total: int  # the most questions this journey can still have: it only ever shrinks

    @property
    def complete(self) -> bool:
        return self.next_question is None

    def position(self, question_id: str) -> int:
        """1-based number of a question on the path (the next question counts too)."""
        return ((*self.path, self.next_question)).index(question_id) + 1

    def previous(self, question_id: str) -> str | None:
        """The question asked before this one, if any."""
        position = self.position(question_id)
        return self.path[position - 2] if position > 1 else None

    def following(self, question_id: str) -> str:
        """Where to go after answering this question: the next one on the path, or END."""
        steps = self.path + ((self.next_question,) if self.next_question else ())
        position = self.position(question_id)
        return steps[position] if position < len(steps) else END


def is_valid_answer(question: Question, values: tuple[str, ...]) -> bool:
    """Whether these values are a complete, allowed answer to the question."""
    if not values or len(set(values)) != len(values):
        return False
    options = [question.option(v) for v in values]
    if any(o is None for o in options):
        return False
    if question.type == "single":
        return len(values) == 1
    return len(values) == 1 or not any(o.exclusive for o in options if o)


def evaluate(condition: Condition, answers: Answers) -> Truth:
    """YES if it holds, NO if it cannot, MAYBE if that depends on questions not yet answered."""
    truth = Truth.YES
    for question_id, wanted in condition.items():
        given = answers.get(question_id)
        if given is None:
            truth = Truth.MAYBE
        elif set(wanted).isdisjoint(given):
            return Truth.NO
    return truth


def holds(condition: Condition | None, answers: Answers) -> bool:
    """Whether a condition holds for these answers (no condition always holds)."""
    return condition is None or evaluate(condition, answers) is Truth.YES


def reasons(condition: Condition | None, answers: Answers) -> tuple[Reason, ...]:
    """The answers that made a condition hold, in the condition's order."""
    return tuple(
        Reason(q, tuple(v for v in answers.get(q, ()) if v in wanted))
        for q, wanted in (condition or {}).items()
    )


def unmet(condition: Condition | None, answers: Answers) -> tuple[Reason, ...]:
    """The parts of a condition the answers did not meet: any of these answers would have done."""
    return tuple(
        Reason(q, wanted)
        for q, wanted in (condition or {}).items()
        if not set(answers.get(q, ())) & set(wanted)
    )


def route(question: Question, answers: Answers) -> str:
    """The target of the first routing rule that holds."""
    return next(rule.goto for rule in question.next if holds(rule.when, answers))


def possible_targets(question: Question, answers: Answers) -> list[str]:
    """Every target the routing could still take, as long as some questions are open."""
    targets = []
    for rule in question.next:
        truth = Truth.YES if rule.when is None else evaluate(rule.when, answers)
        if truth is not Truth.NO:
            targets.append(rule.goto)
        if truth is Truth.YES:
            break
    return targets


def is_young(content: Content, answers: Answers) -> bool:
    """Whether a young person answers for themselves: an answer the flow marks `young`."""
    return any(
        (option := question.option(value)) is not None and option.young
        for question_id, values in answers.items()
        if (question := content.question(question_id))
        for value in values
    )


def speaking_to(content: Content, answers: Answers) -> Content:
    """The content in the words and order for whoever gave these answers: "je" for the young."""
    return content.young if is_young(content, answers) else content


def walk(content: Content, raw_answers: Mapping[str, object]) -> Journey:
    """Follow the flow with the given answers as far as they go."""
    given = {
        q.id: values
        for q in content.questions
        if (values := _as_tuple(raw_answers.get(q.id))) and is_valid_answer(q, values)
    }
    kept: dict[str, tuple[str, ...]] = {}  # routing sees only the answers on the path so far
    node = content.start
    while node != END and node in given:
        kept[node] = given[node]
        node = route(content.question(node), kept)
    path = list(kept)
    if node == END:
        return Journey(kept, tuple(path), None, len(path))
    # Answers to questions that may still come are kept, so a changed answer loses no more
    # than it must; the rest fell off the path and are dropped.
    ahead = _longest_and_reachable(content, node, kept)
    kept.update({q: given[q] for q in ahead[1] if q in given})
    return Journey(kept, tuple(path), node, len(path) + ahead[0])


def _longest_and_reachable(content: Content, start: str, answers: Answers) -> tuple[int, set[str]]:
    """The longest number of questions from `start` to the end, and every question on the way."""
    longest: dict[str, int] = {END: 0}

    def visit(node: str) -> int:
        if node not in longest:
            question = content.question(node)
            longest[node] = 1 + max(visit(t) for t in possible_targets(question, answers))
        return longest[node]

    return visit(start), set(longest) - {END}


def _as_tuple(values: object) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    if isinstance(values, (list, tuple)) and all(isinstance(v, str) for v in values):
        return tuple(values)
    return ()


Missed = list[tuple[Reason, ...]]  # per advise rule: the parts of its condition not met


def not_advised(content: Content, answers: Answers) -> list[tuple[Service, Missed]]:
    """The help not advised that other answers to the questions asked would have brought, with
    what each such rule still missed.

    Left out, so that every reason shown is true for this family: crisis lines (no one is to be
    steered towards the answers that call for them), and rules that need a question this
    journey never asked.
    """
    found = []
    for service in content.services:
        rules = service.advise
        if any(r.priority == "safety" for r in rules) or any(holds(r.when, answers) for r in rules):
            continue
        missed = [unmet(r.when, answers) for r in rules if set(r.when or {}) <= answers.keys()]
        if missed:
            found.append((service, missed))
    return found


def advise(
    content: Content, answers: Answers, services: Iterable[Service] | None = None
) -> list[Advice]:
    """Every service whose rules hold, in the order of the plan: safety first, then 'first' with
    the steps that have a deadline leading, then 'also'; within each, in the content's rank."""
    found = []
    for service in content.services if services is None else services:
        rule = next((r for r in service.advise if holds(r.when, answers)), None)
        if rule is None:
            continue
        advice = Advice(
            service,
            rule.priority,
            _not_painful(content, reasons(rule.when, answers)),
            tuple(n for n in service.notes if holds(n.when, answers)),
            tuple(n for n in service.tonight if holds(n.when, answers)),
            tuple(c for c in service.contact if holds(c.when, answers)),
            rule.why,
        )
        if advice.deadline and advice.priority == "also":
            # A term that runs out cannot wait behind the rest: it is always a first step.
            advice = replace(advice, priority="first")
        found.append(advice)
    return sorted(
        found,
        key=lambda a: (PRIORITIES.index(a.priority), not a.deadline, content.rank_of(a.service)),
    )


def _not_painful(content: Content, found: Iterable[Reason]) -> tuple[Reason, ...]:
    """The reasons without a painful answer: the advice says that once, gently, at the top."""
    kept = []
    for reason in found:
        question = content.question(reason.question)
        options = tuple(o for o in reason.options if not question.option(o).gently)
        if options:
            kept.append(Reason(reason.question, options))
    return tuple(kept)


def said_gently(content: Content, answers: Answers) -> list[str]:
    """What the advice says once about the painful answers given, in the flow's words."""
    return [
        option.gently
        for question in content.questions
        for value in answers.get(question.id, ())
        if (option := question.option(value)) and option.gently
    ]


def help_now(content: Content, answers: Answers) -> list[Advice]:
    """Only the help to call at once (112, 113), when the answers so far call for it."""
    found = advise(content, answers, content.urgent_services)
    return [a for a in found if a.priority == "safety"]
