# SPDX-License-Identifier: EUPL-1.2
"""The fields a letter's form can ask: their usual words, and how one letter asks them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from .i18n import N_
from .letters import Ask, Letter


class Spec(NamedTuple):
    label: str
    hint: str
    longest: int
    lines: bool  # a text area, for text of several lines
    # What the browser may fill in (WCAG 1.3.5): the visitor's own name, address and birth
    # date; "off" for what is about others or the report. In intake mode all are "off": what
    # is typed is a client's, and the browser must not offer it to the next family.
    autocomplete: str = "off"
    check: bool = False  # a box to tick
    # A box is ticked at first only when this answer to this question says so: the visitor
    # said it in the questions, and may still untick it.
    ticked_by: tuple[str, str] | None = None
    # A box is left out when the visitor's answer to this question already rules it out: who
    # said the investigation ended otherwise is not asked whether the concern was refuted, a
    # parent who said they have no gezag is not asked whether they have it.
    left_out_by: tuple[str, frozenset[str]] | None = None
    # A date: whether a month and year are enough ("oktober 2026"), where no check needs the day.
    month_enough: bool = False
    # The box shown right after this field, wherever it is asked: "I do not know the exact
    # date"; "a note for me only, not in the letter".
    box: str = ""


SPECS = {
    "name": Spec(N_("Uw naam"), "", 100, False, "name"),
    "address": Spec(
        N_("Uw adres"),
        N_(
            "Straat en huisnummer, postcode en woonplaats. "
            "Leeg laten mag: dan schrijft u het zelf op de brief."
        ),
        200,
        True,
        "street-address",
    ),
    "birth_date": Spec(
        N_("Uw geboortedatum"),
        N_("Bijvoorbeeld 31-12-1985 of 31 december 1985."),
        30,
        False,
        "bday",
    ),
    "children": Spec(
        N_("Namen en geboortedata van uw kinderen"),
        N_(
            "Met gezag (het recht om beslissingen over uw kind te nemen) vraagt u om de "
            "gegevens over uw kind. Zonder gezag vraagt u om belangrijke informatie over uw kind. "
            "Is uw kind 16 jaar of ouder? Dan vraagt uw kind het zelf."
        ),
        200,
        False,
    ),
    "gezag": Spec(
        N_("Ik heb gezag over deze kinderen"),
        N_("Kruis dit alleen aan als u gezag heeft. Anders staat het niet in de brief."),
        0,
        False,
        check=True,
        ticked_by=("wie", "ouder_gezag"),
        left_out_by=("wie", frozenset({"ouder_zonder_gezag"})),
    ),
    "refuted": Spec(
        N_("Veilig Thuis vond dat de zorgen niet klopten"),
        N_("Veilig Thuis noemt dit “weerlegd”. Dan staat dat in de brief."),
        0,
        False,
        check=True,
        ticked_by=("stand", "weerlegd"),
        left_out_by=("stand", frozenset({"loopt", "niet_bevestigd", "bevestigd", "overgedragen"})),
    ),
    "committee": Spec(
        N_("Ik wil meteen naar de klachtencommissie"),
        N_("Dat mag. U slaat dan het gesprek met de klachtenfunctionaris over."),
        0,
        False,
        check=True,
        # Who said the committee already decided is not asked to go there first.
        left_out_by=("klacht_vt", frozenset({"ja_commissie"})),
    ),
    "assisted_by": Spec(
        N_("Wie helpt u bij uw klacht, als iemand dat doet?"),
        N_("Bijvoorbeeld: mijn zus Anna de Vries, of iemand van Jeugdstem."),
        100,
        False,
    ),
    "rules_copy": Spec(
        N_("Stuur mij de klachtenregeling"),
        N_("Daarin staat hoe Veilig Thuis uw klacht behandelt. En hoe lang dat mag duren."),
        0,
        False,
        check=True,
    ),
    "report_date": Spec(
        N_("Datum van de melding, als u die weet"),
        N_(
            "Bijvoorbeeld 31-12-2025 of 31 december 2025. "
            "Weet u alleen de maand? Schrijf dan december 2025."
        ),
        30,
        False,
        month_enough=True,
        box="date_unknown",
    ),
    # Shown right after the date it is about, wherever that is asked.
    "date_unknown": Spec(
        N_("Ik weet de precieze datum niet"),
        N_(
            "Schrijf dan wat u weet. "
            "Kunnen we dat niet lezen als datum? Dan laten we de datum uit de brief."
        ),
        0,
        False,
        check=True,
    ),
    "own_words": Spec(
        N_("Wat wilt u er zelf bij schrijven?"),
        N_(
            "Mag leeg blijven. Er passen ongeveer 80 woorden in. Dit komt in de brief zoals u "
            "het typt."
        ),
        500,
        True,
        box="own_words_note",
    ),
    "own_words_note": Spec(
        N_("Alleen een notitie voor mezelf, niet in de brief"),
        N_(
            "Schrijft u in uw eigen taal? De brief gaat naar een Nederlandse organisatie. "
            "Kruis dit dan aan. U ziet uw tekst bij de brief, maar hij staat er niet in."
        ),
        0,
        False,
        check=True,
    ),
}


class Shown(NamedTuple):
    """A field as one letter's form shows it."""

    field_id: str
    label: str
    hint: str
    rows: int  # 0: one line
    autocomplete: str
    check: bool


def asked_of(letter: Letter, answers: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The fields a letter asks this visitor: none that their answers already rule out.

    Children a letter asks only of a parent with gezag (younger_than) go with the gezag box.
    A field with a box of its own (the unsure date) brings it.
    """
    ruled_out = {f for f in letter.asked if _ruled_out(SPECS[f], answers)}
    if "gezag" in ruled_out and wording(letter, "children").younger_than:
        ruled_out.add("children")
    asked = (f for f in letter.asked if f not in ruled_out)
    return tuple(shown for f in asked for shown in (f, SPECS[f].box) if shown)


def _ruled_out(spec: Spec, answers: Mapping[str, Sequence[str]]) -> bool:
    question, answers_ruling_out = spec.left_out_by or ("", frozenset())
    return bool(answers_ruling_out.intersection(answers.get(question, ())))


def shown_fields(letter: Letter, asked: Sequence[str]) -> list[Shown]:
    """The fields of a letter's form, in the words this letter asks them."""
    return [
        Shown(field_id, ask.label, ask.hint, 4 if spec.lines else 0, spec.autocomplete, spec.check)
        for field_id in asked
        for spec, ask in [(SPECS[field_id], wording(letter, field_id))]
    ]


def wording(letter: Letter, field_id: str) -> Ask:
    """How this letter asks the field: its own words where it has them, else the usual."""
    spec, own = SPECS[field_id], letter.ask.get(field_id, Ask())
    return Ask(
        label=own.label or spec.label,
        hint=own.hint or spec.hint,
        error=own.error,
        longest=own.longest or spec.longest,
        younger_than=own.younger_than,
    )
