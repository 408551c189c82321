# SPDX-License-Identifier: EUPL-1.2
"""Every journey the flow allows, grouped by how many full cards its advice shows.

A page of advice is a stack of blocks, so its length grows with the cards it shows in full:
the help to call now and the steps to take first ("also" help is one line in the plan and a
folded card). Of each group the journeys with the most words on their full cards are the
longest candidates; those are measured in the browser (screens.py).
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Any

from guide.content import Content
from guide.engine import advise, said_gently, speaking_to
from guide.paths import answer_sets

CANDIDATES = 3  # per group, the journeys with the most words that are measured


def words_shown(advice: list[Any], gently: list[str]) -> int:
    """How much the advice shows with its details folded, in characters."""
    shown = sum(len(text) for text in gently)
    for item in advice:
        shown += len(item.service.name) + len(item.service.do)
        shown += sum(len(c.label) + len(c.value) for c in item.contacts)
        shown += sum(len(n.text) for n in item.tonight)
        if item.priority != "also":
            shown += len(item.service.cost) + sum(len(n.text) for n in item.notes)
    return shown


def longest_candidates(content: Content) -> dict[int, tuple[int, list[dict]]]:
    """Full cards -> (how many journeys show that many, the longest candidates' answers)."""
    journeys: Counter[int] = Counter()
    longest: dict[int, list[tuple[int, int, dict]]] = {}
    for number, answers in enumerate(answer_sets(content)):
        spoken = speaking_to(content, answers)
        advice = advise(spoken, answers)
        full = sum(1 for item in advice if item.priority != "also")
        journeys[full] += 1
        entry = (words_shown(advice, said_gently(spoken, answers)), number, answers)
        heap = longest.setdefault(full, [])
        (heapq.heappush if len(heap) < CANDIDATES else heapq.heappushpop)(heap, entry)
    return {
        full: (journeys[full], [answers for *_, answers in sorted(longest[full], reverse=True)])
        for full in sorted(journeys)
    }
