# SPDX-License-Identifier: EUPL-1.2
"""After the file arrives: the file card and the kept advice say what to do next, step by step."""

from __future__ import annotations

from bs4 import Tag
from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import answer_all, check_page, text_of
from tests.journeys import MALICIOUS_REPORTER, REFUTED_PARENT

RIGHTS = {**REFUTED_PARENT, "behoefte": "rechten"}  # the file card is then a first step
STEPS = [
    "Lees het samen met iemand die u vertrouwt. Bijvoorbeeld iemand van Jeugdstem of van het "
    "wijkteam. Spreekt u liever uw eigen taal? Vraag dan om een tolk.",
    "Zet een streep onder wat niet klopt. Schrijf erbij wat er volgens u had moeten staan.",
    "Stuur dan de brief voor correctie. Die staat hieronder. Bent u het ergens niet mee eens? "
    "Dan vraagt u in die brief ook om uw eigen verklaring in het dossier.",
]


def file_card(page: Tag) -> Tag:
    return page.find(id="dienst-vt_dossier").find_parent("article")


def test_the_file_card_says_on_its_face_what_to_do_once_the_file_has_come(
    client: FlaskClient,
) -> None:
    answer_all(client, RIGHTS)
    card = file_card(check_page(client.get("/advies")))
    after = card.find(class_="card__after")
    assert after.find_parent(class_="card__more") is None  # not folded away
    assert text_of(after.h4) == "Heeft u uw dossier gekregen?"
    assert [text_of(li) for li in after.select("ol li")] == STEPS
    # The steps come before the letters, the last of which they name, and the interpreter card.
    letters = card.find(class_="card__letters")
    assert after in letters.find_all_previous(class_="card__after")
    assert "Brief: correctie of een eigen verklaring" in text_of(letters)
    assert card.find(class_="card__interpreter").a["href"] == "/tolk"


def test_the_kept_advice_shows_the_same_steps_after_the_file(
    app: Flask, client: FlaskClient
) -> None:
    answer_all(client, RIGHTS)
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    opened = check_page(app.test_client().get(link.removeprefix("http://localhost")))
    after = file_card(opened).find(class_="card__after")
    assert [text_of(li) for li in after.select("ol li")] == STEPS


def test_a_young_person_reads_the_steps_as_je_without_a_letter_to_send(
    client: FlaskClient,
) -> None:
    answer_all(client, {**RIGHTS, "wie": "jongere_12_15"})
    card = file_card(check_page(client.get("/advies")))
    after = card.find(class_="card__after")
    assert text_of(after.h4) == "Heb je je dossier gekregen?"
    steps = [text_of(li) for li in after.select("ol li")]
    assert steps[-1].startswith("Vraag Veilig Thuis dan om verbetering.")
    assert "brief" not in " ".join(steps) and not card.select(".card__letters")


def test_on_a_card_of_also_possible_the_steps_fold_away_with_the_letters(
    client: FlaskClient,
) -> None:
    answer_all(client, MALICIOUS_REPORTER)  # weerlegd: the file card is "also possible"
    card = file_card(check_page(client.get("/advies")))
    more = card.find(class_="card__more")
    assert more.find(class_="card__after") and more.find(class_="card__letters")
