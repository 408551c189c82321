# SPDX-License-Identifier: EUPL-1.2
"""Every journey the flow allows, grouped by how many steps its plan has.

A page of advice is a stack of blocks, so its length grows with the steps it takes: the help
to call now and the steps to take first, each a line in the plan and a card ("also" help is
one name in the plan and a folded card). A plan of more than two steps folds its cards to
their names. Of each group the journeys with the most words on the page are the longest
candidates; those are measured in the browser (screens.py).
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Any

from guide.content import Content
from guide.engine import advise, help_now, said_gently, speaking_to
from guide.paths import answer_sets
from guide.views import FOLD_CARDS_AFTER

CANDIDATES = 5  # per group, the journeys with the most words that are measured


def words_shown(advice: list[Any], now: list[Any], gently: list[str]) -> int:
    """How much the advice shows with its details folded, in characters."""
    steps = [item for item in advice if item.priority != "also"]
    shown = sum(len(text) for text in gently)
    for item in now:  # the box "Hulp nu"
        shown += len(item.service.name) + len(item.service.do) + reach(item)
    folded = len(steps) > FOLD_CARDS_AFTER
    for item in advice:
        # A step's name is in the plan and on its card; other help's in the plan, if short.
        shown += len(item.service.name) * (2 if item in steps else not folded)
        if item.service not in (n.service for n in now):  # "Vanavond nog iemand spreken?"
            shown += sum(len(n.text) for n in item.tonight) + reach(item) * bool(item.tonight)
    for item in steps:
        shown += len(item.service.do) + len(item.deadline)  # its line in the plan
        if not folded:  # and its card, in full
            shown += len(item.service.do) + len(item.service.cost) + reach(item)
            shown += sum(len(n.text) for n in item.notes)
    return shown


def reach(item: Any) -> int:
    return sum(len(c.label) + len(c.value) for c in item.contacts)


def longest_candidates(content: Content) -> dict[int, tuple[int, list[dict]]]:
    """Steps -> (how many journeys have that many, the longest candidates' answers)."""
    journeys: Counter[int] = Counter()
    longest: dict[int, list[tuple[int, int, dict]]] = {}
    for number, answers in enumerate(answer_sets(content)):
        spoken = speaking_to(content, answers)
        advice = advise(spoken, answers)
        steps = sum(1 for item in advice if item.priority != "also")
        journeys[steps] += 1
        now = help_now(spoken, answers)
        entry = (words_shown(advice, now, said_gently(spoken, answers)), number, answers)
        heap = longest.setdefault(steps, [])
        (heapq.heappush if len(heap) < CANDIDATES else heapq.heappushpop)(heap, entry)
    return {
        steps: (journeys[steps], [answers for *_, answers in sorted(longest[steps], reverse=True)])
        for steps in sorted(journeys)
    }
