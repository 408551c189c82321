"""A young person answering for themselves: the je-form, their order, no letters for parents."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.content import Content, load
from guide.engine import advise, is_young, speaking_to
from guide.young import ADULT
from tests.helpers import as_answers
from tests.journeys import REFUTED_PARENT, YOUNG_AND_STRUGGLING

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def tiny() -> Content:
    return load(FIXTURES / "valid")


def test_an_answer_marked_young_makes_the_journey_young(tiny: Content) -> None:
    assert is_young(tiny, {"wie": ("jongere",)})
    assert not is_young(tiny, {"wie": ("ouder",)})
    assert not is_young(tiny, {})


def test_a_young_person_reads_each_text_in_its_je_form_and_the_rest_as_written(
    tiny: Content,
) -> None:
    young = speaking_to(tiny, {"wie": ("jongere",)})
    assert young.question("netwerk").text == "Zijn er mensen om je heen met wie je kunt praten?"
    assert young.question("netwerk").error == tiny.question("netwerk").error  # it has no je-form
    huisarts = young.service("huisarts")
    assert huisarts.what == "Je eigen huisarts."
    assert huisarts.contact[0].label == "Bel je eigen huisarts."
    assert speaking_to(tiny, {"wie": ("ouder",)}) is tiny


def test_young_rank_puts_the_kindertelefoon_before_de_luisterlijn(content: Content) -> None:
    ranked = sorted(content.services, key=content.young.rank_of)
    ids = [s.id for s in ranked]
    assert ids.index("kindertelefoon") < ids.index("luisterlijn")
    assert sorted(content.rank) == sorted(content.young.rank)  # the same services, once each


def test_a_young_person_is_offered_no_letter_written_in_a_parents_name(content: Content) -> None:
    assert content.letters.letters and all(x.parents_only for x in content.letters.letters)
    assert content.young.letters.letters == ()


def test_a_fourteen_year_old_who_can_hardly_cope_hears_of_the_kindertelefoon_first(
    content: Content,
) -> None:
    answers = as_answers(YOUNG_AND_STRUGGLING)
    ids = [a.service.id for a in advise(speaking_to(content, answers), answers)]
    assert ids.index("kindertelefoon") < ids.index("luisterlijn")


def test_every_text_of_a_fourteen_year_olds_advice_says_je_and_names_no_insurance(
    content: Content,
) -> None:
    answers = as_answers(YOUNG_AND_STRUGGLING)
    young = speaking_to(content, answers)
    shown = [
        text
        for a in advise(young, answers)
        for text in (
            a.service.name,
            a.service.do,
            a.service.what,
            a.service.cost,
            a.service.expect,
            a.service.limits,
            *a.service.steps,
            a.why,
            *(n.text for n in a.notes),
            *(n.text for n in a.tonight),
            *(c.label for c in a.contacts),
        )
    ]
    assert [t for t in shown if ADULT.search(t)] == []
    assert any(" je " in f" {t} " for t in shown)


def test_jeugdstem_tells_a_young_person_it_is_there_for_young_people_too(content: Content) -> None:
    answers = as_answers(YOUNG_AND_STRUGGLING)
    jeugdstem = next(
        a for a in advise(speaking_to(content, answers), answers) if a.service.id == "jeugdstem"
    )
    assert "jongeren" in jeugdstem.service.what
    assert any("jongeren" in n.text for n in jeugdstem.notes)


def test_a_parent_still_reads_the_u_form_and_the_cost_of_insurance(content: Content) -> None:
    answers = as_answers({**REFUTED_PARENT, "behoefte": "steun", "zwaarte": "houdt_bezig"})
    assert speaking_to(content, answers) is content
    assert "eigen risico" in content.service("psycholoog").cost
