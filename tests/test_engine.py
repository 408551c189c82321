# SPDX-License-Identifier: EUPL-1.2
"""The engine on the real content: routing per option, journeys, and every way through."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from guide.content import END, PRIORITIES, Content
from guide.engine import Reason, advise, route, walk
from guide.paths import answer_sets, choices
from tests.helpers import as_answers
from tests.journeys import EVERY_QUESTION, MALICIOUS_REPORTER

# (question, answers given before it, its answer) -> where the flow goes next.
OUTCOMES = ("loopt", "weerlegd", "niet_bevestigd", "bevestigd", "overgedragen", "weet_niet")
ROUTES = [
    *[("stand", {}, (o,), "wie") for o in OUTCOMES],
    *[
        ("wie", {}, (o,), "woonplaats")
        for o in (
            "ouder_gezag",
            "ouder_zonder_gezag",
            "jongere_12_15",
            "jongere_16_plus",
            "andere_volwassene",
            "professional",
        )
    ],
    *[("woonplaats", {}, (o,), "behoefte") for o in ("geen", "GM0855", "VT15")],
    ("behoefte", {}, ("steun",), "zwaarte"),
    ("behoefte", {}, ("weet_niet",), "zwaarte"),
    ("behoefte", {}, ("klacht",), "klacht_vt"),
    ("behoefte", {}, ("melder",), "melder_bekend"),
    ("behoefte", {}, ("gesprek_vt",), END),
    ("behoefte", {}, ("rechten",), END),
    ("behoefte", {}, ("kinderen",), END),
    ("behoefte", {}, ("thuis",), END),
    ("behoefte", {}, ("druk",), END),
    ("behoefte", {}, ("klacht", "melder"), "klacht_vt"),
    ("behoefte", {}, ("steun", "melder"), "zwaarte"),
    *[
        ("zwaarte", {}, (o,), "netwerk")
        for o in ("praten_helpt", "houdt_bezig", "kan_niet_aan", "levenseinde")
    ],
    ("netwerk", {"behoefte": ("steun",)}, ("ja",), END),
    ("netwerk", {"behoefte": ("steun",)}, ("nee",), END),
    ("netwerk", {"behoefte": ("steun", "klacht")}, ("ja",), "klacht_vt"),
    ("netwerk", {"behoefte": ("steun", "melder")}, ("nee",), "melder_bekend"),
    *[
        ("klacht_vt", {"behoefte": ("klacht",)}, (o,), END)
        for o in ("nee", "ja_niet_opgelost", "ja_commissie")
    ],
    ("klacht_vt", {"behoefte": ("klacht", "melder")}, ("nee",), "melder_bekend"),
    *[("melder_bekend", {}, (o,), "melder_wanneer") for o in ("ja", "vermoeden", "nee")],
    *[
        ("melder_wanneer", {}, (o,), END)
        for o in ("korter_2_maanden", "2_tot_3_maanden", "langer_3_maanden", "weet_niet")
    ],
]


@pytest.mark.parametrize(("question_id", "before", "values", "target"), ROUTES)
def test_each_answer_leads_to_the_right_next_step(
    content: Content, question_id: str, before: dict, values: tuple, target: str
) -> None:
    question = content.question(question_id)
    assert route(question, {**before, question_id: values}) == target


def test_the_routing_table_covers_every_option_of_every_question(content: Content) -> None:
    covered = {(q, v) for q, _, values, _ in ROUTES for v in values}
    # Where someone lives steers no routing (the validator sees to that): a sample will do.
    every = {(q.id, o.id) for q in content.questions if q.type != "place" for o in q.options}
    assert every - covered == set()


PARENT_BUSY_AND_ALONE = {
    "stand": ("weerlegd",),
    "wie": ("ouder_gezag",),
    "woonplaats": ("GM0855",),
    "behoefte": ("steun",),
    "zwaarte": ("houdt_bezig",),
    "netwerk": ("nee",),
}


def test_a_journey_stops_at_the_first_open_question(content: Content) -> None:
    journey = walk(content, {"stand": ["weerlegd"], "wie": ["ouder_gezag"]})
    assert journey.path == ("stand", "wie")
    assert journey.next_question == "woonplaats"
    assert not journey.complete
    assert journey.position("woonplaats") == 3


def test_a_journey_with_every_answer_is_complete(content: Content) -> None:
    journey = walk(content, PARENT_BUSY_AND_ALONE)
    assert journey.complete
    assert journey.path == tuple(PARENT_BUSY_AND_ALONE)
    assert journey.total == 6
    assert journey.following("netwerk") == END
    assert journey.previous("wie") == "stand"
    assert journey.previous("stand") is None


def test_the_number_of_questions_shown_only_ever_shrinks(content: Content) -> None:
    totals = []
    answers: dict[str, tuple[str, ...]] = {}
    for question_id, values in PARENT_BUSY_AND_ALONE.items():
        totals.append(walk(content, answers).total)
        answers[question_id] = values
    totals.append(walk(content, answers).total)
    assert totals == sorted(totals, reverse=True)
    assert totals[0] == 9 and totals[-1] == 6


def test_answers_that_fall_off_the_path_are_dropped(content: Content) -> None:
    answers = {**PARENT_BUSY_AND_ALONE, "behoefte": ("rechten",)}
    journey = walk(content, answers)
    assert journey.complete
    assert "zwaarte" not in journey.answers and "netwerk" not in journey.answers


def test_answers_to_questions_that_may_still_come_are_kept(content: Content) -> None:
    # Adding "klacht" opens a new question before the reporter questions; those stay answered.
    answers = {
        "stand": ("weerlegd",),
        "wie": ("ouder_gezag",),
        "woonplaats": ("geen",),
        "behoefte": ("klacht", "melder"),
        "melder_bekend": ("ja",),
        "melder_wanneer": ("2_tot_3_maanden",),
    }
    journey = walk(content, answers)
    assert journey.next_question == "klacht_vt"
    assert journey.answers["melder_wanneer"] == ("2_tot_3_maanden",)


@pytest.mark.parametrize(
    "bad",
    [
        {"stand": ["gestopt"]},  # unknown option
        {"stand": ["loopt", "weerlegd"]},  # two answers to a single-choice question
        {"stand": []},
        {"stand": [1]},
        {"stand": {"a": 1}},
    ],
)
def test_answers_that_do_not_fit_the_question_are_ignored(content: Content, bad: dict) -> None:
    journey = walk(content, bad)
    assert journey.answers == {} and journey.next_question == "stand"


def test_an_exclusive_option_cannot_be_combined(content: Content) -> None:
    answers = {
        "stand": ["loopt"],
        "wie": ["ouder_gezag"],
        "woonplaats": ["geen"],
        "behoefte": ["weet_niet", "klacht"],
    }
    assert walk(content, answers).next_question == "behoefte"


def test_unknown_questions_in_the_answers_are_dropped(content: Content) -> None:
    journey = walk(content, {"stand": ["loopt"], "geheim": ["x"]})
    assert "geheim" not in journey.answers


def test_advice_names_the_answers_that_led_to_it(content: Content) -> None:
    advice = {a.service.id: a for a in advise(content, PARENT_BUSY_AND_ALONE)}
    assert Reason("zwaarte", ("houdt_bezig",)) in advice["huisarts"].reasons


def test_the_plan_puts_a_deadline_first_then_follows_the_rank(content: Content) -> None:
    advice = advise(content, as_answers(EVERY_QUESTION))
    steps = [a for a in advice if a.priority == "first"]
    first = [a.service.id for a in steps]
    assert first[:2] == ["juridisch_loket", "politie_aangifte"]
    assert {a.deadline for a in steps[:2]} == {"De termijn is 3 maanden."}
    rest = first[2:]
    assert rest == sorted(rest, key=lambda id_: content.rank.index(id_))
    assert rest.index("luisterlijn") < rest.index("huisarts") < rest.index("vt_klacht")


def test_a_deadline_makes_help_a_first_step_even_where_the_rule_says_also(
    content: Content,
) -> None:
    answers = as_answers({**MALICIOUS_REPORTER, "melder_wanneer": "langer_3_maanden"})
    police = content.service("politie_aangifte")
    priorities = {a.service.id: a.priority for a in advise(content, answers)}
    assert priorities["politie_aangifte"] == "also"
    late = next(n for n in police.notes if n.when == {"melder_wanneer": ("langer_3_maanden",)})
    notes = tuple(replace(n, deadline="Nu meteen.") if n is late else n for n in police.notes)
    changed = replace(
        content,
        services=tuple(replace(s, notes=notes) if s is police else s for s in content.services),
    )
    found = {a.service.id: a for a in advise(changed, answers)}["politie_aangifte"]
    assert (found.priority, found.deadline) == ("first", "Nu meteen.")


def test_every_way_through_the_questions_ends_in_advice(content: Content) -> None:
    reached: Counter[str] = Counter()
    ways = 0
    for answers in answer_sets(content):
        ways += 1
        journey = walk(content, answers)
        assert journey.complete and journey.answers == answers
        advice = advise(content, answers)
        assert advice, answers
        order = [
            (PRIORITIES.index(a.priority), not a.deadline, content.rank_of(a.service))
            for a in advice
        ]
        assert order == sorted(order), answers
        assert not [a for a in advice if a.deadline and a.priority == "also"], answers
        safety = {a.service.id for a in advice if a.priority == "safety"}
        in_danger = answers.get("zwaarte") in (("levenseinde",), ("kan_niet_aan",))
        assert safety == ({"zelfmoordpreventie_113", "alarm_112"} if in_danger else set())
        reached.update(a.service.id for a in advice)
    assert ways == _count_ways(content)
    assert set(reached) == {s.id for s in content.services}


def _count_ways(content: Content) -> int:
    """The number of complete answer sets, counted independently of the walk."""
    per_question = {q.id: len(choices(q)) for q in content.questions}
    behoefte = content.question("behoefte")
    total = 0
    for needs in choices(behoefte):
        follow_ups = 1
        if {"steun", "weet_niet"} & set(needs):
            follow_ups *= per_question["zwaarte"] * per_question["netwerk"]
        if "klacht" in needs:
            follow_ups *= per_question["klacht_vt"]
        if "melder" in needs:
            follow_ups *= per_question["melder_bekend"] * per_question["melder_wanneer"]
        total += follow_ups
    return total * per_question["stand"] * per_question["wie"]
