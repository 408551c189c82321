# SPDX-License-Identifier: EUPL-1.2
"""Every way through the flow: for the validator, the tests and the content editor's figures."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import combinations

from .content import END, Content, Question
from .engine import route


def choices(question: Question) -> list[tuple[str, ...]]:
    """Every allowed answer to a question: each option, or each allowed set of options.

    Where someone lives steers neither the route nor the advice (the validator sees to that),
    only the contact details on the cards: its first answer stands for all.
    """
    if question.type == "place":
        return [(question.options[0].id,)]
    if question.type == "single":
        return [(o.id,) for o in question.options]
    plain = [o.id for o in question.options if not o.exclusive]
    sets = [c for size in range(1, len(plain) + 1) for c in combinations(plain, size)]
    return sets + [(o.id,) for o in question.options if o.exclusive]


def answer_sets(
    content: Content, branch_on: Collection[str] | None = None
) -> Iterator[dict[str, tuple[str, ...]]]:
    """Every complete set of answers, one per way through the flow.

    With `branch_on`, questions outside it take only their first answer: enough to know
    whether something can happen at all, at a fraction of the cost.
    Expects a flow that the structural checks passed (no cycles, every target exists).
    """
    answers: dict[str, tuple[str, ...]] = {}

    def visit(node: str) -> Iterator[dict[str, tuple[str, ...]]]:
        if node == END:
            yield dict(answers)
            return
        question = content.question(node)
        options = choices(question)
        if branch_on is not None and node not in branch_on:
            options = options[:1]
        for values in options:
            answers[node] = values
            yield from visit(route(question, answers))
        del answers[node]

    yield from visit(content.start)
