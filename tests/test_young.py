# SPDX-License-Identifier: EUPL-1.2
"""A young person answering for themselves: the je-form, their order, no letters for parents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

from guide.content import Content, load
from guide.engine import advise, is_young, speaking_to
from guide.young import ADULT, adult_texts
from tests.helpers import answer_all, as_answers, check_page, text_of
from tests.journeys import REFUTED_PARENT, YOUNG_AND_STRUGGLING

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


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


@pytest.mark.parametrize("who", ["jongere_12_15", "jongere_16_plus"])
def test_a_young_person_who_can_hardly_cope_reads_tonight_the_kindertelefoon_or_de_luisterlijn(
    client: FlaskClient, who: str
) -> None:
    answer_all(client, {**YOUNG_AND_STRUGGLING, "wie": who})
    for path in ("/advies", "/advies/uitdraai"):
        tonight = text_of(check_page(client.get(path)).find(id="vanavond").parent)
        # The question that opens the box is asked once; De Luisterlijn follows as the other way.
        assert tonight.count("Is het nu heel zwaar?") == 1, path
        kindertelefoon = tonight.index("Bel de Kindertelefoon.")
        assert kindertelefoon < tonight.index("Of bel vanavond nog De Luisterlijn."), path


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


# The pages of a young person's journey; the start and information pages speak to everyone.
YOUNG_PAGES = [
    "/vraag/behoefte",
    "/controleren",
    "/advies",
    "/advies/uitdraai",
    "/advies/meegeven",
    "/alle-hulp",
    "/agenda/strafklacht",
    "/agenda/bezwaar",
    "/opnieuw",
    "/bestaat-niet",
]


def page_words(client: FlaskClient, path: str) -> list[str]:
    """The visible texts of a page, without the addresses of its sources."""
    page = check_page(client.get(path), status=404 if path == "/bestaat-niet" else 200)
    for source in page.select(".card__source"):
        source.decompose()
    return list(page.body.stripped_strings)


def test_the_pages_of_a_young_persons_journey_say_je_in_their_own_words_too(
    client: FlaskClient,
) -> None:
    answer_all(client, YOUNG_AND_STRUGGLING)
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    for path in [*YOUNG_PAGES, urlsplit(link).path]:
        assert [t for t in page_words(client, path) if ADULT.search(t)] == [], path
    assert "Je advies" in page_words(client, "/advies")


def test_a_parent_on_the_same_pages_still_reads_u(client: FlaskClient) -> None:
    answer_all(client, {**YOUNG_AND_STRUGGLING, "wie": "ouder_gezag"})
    assert "Uw advies" in page_words(client, "/advies")
    assert "Waarom ziet u dit?" in page_words(client, "/advies")


def test_every_page_text_with_a_je_form_is_one_the_pages_have(content: Content) -> None:
    with (ROOT / "translations" / "messages.pot").open("rb") as catalogue:
        msgids = {message.id for message in read_po(catalogue)}
    assert [said for said, _ in content.page_je if said not in msgids] == []


def test_guide_check_refuses_a_page_je_form_that_still_says_u(content: Content) -> None:
    wrong = replace(content, page_je=(("Uw advies", "Uw advies"), ("Doe dit eerst", "Doe het")))
    assert list(adult_texts(wrong))[-2:] == [
        "page_je: the je-form of 'Uw advies' still speaks to an adult",
        "page_je: 'Doe dit eerst' does not speak to an adult: it needs no je-form",
    ]
