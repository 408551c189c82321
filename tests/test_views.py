# SPDX-License-Identifier: EUPL-1.2
"""The pages of the wizard: each renders well and the journey moves as a visitor expects."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from guide.content import Content
from tests.helpers import answer, answer_all, check_page, csrf_token, leave_by, session_of, text_of
from tests.journeys import COMPLAINT_NOT_YET_RAISED

REFUTED_PARENT = {
    "stand": "weerlegd",
    "wie": "ouder_gezag",
    "woonplaats": "geen",
    "behoefte": "rechten",
}


@pytest.mark.parametrize(
    "path", ["/", "/alle-hulp", "/kaart", "/privacy", "/toegankelijkheid", "/veilig-online"]
)
def test_pages_without_answers_render_and_may_be_indexed(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    check_page(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert "X-Robots-Tag" not in response.headers


def test_every_question_page_renders_with_its_step_and_a_back_link(
    client: FlaskClient, content: Content
) -> None:
    answers = {
        "stand": "weerlegd",
        "wie": "ouder_gezag",
        "woonplaats": "geen",
        "behoefte": ["steun", "klacht", "melder"],
        "zwaarte": "kan_niet_aan",
        "netwerk": "ja",
        "klacht_vt": "nee",
        "melder_bekend": "nee",
        "melder_wanneer": "weet_niet",
    }
    assert list(answers) == [q.id for q in content.questions]  # this walk sees every question
    previous = "/"
    for number, (question_id, value) in enumerate(answers.items(), start=1):
        response = client.get(f"/vraag/{question_id}")
        page = check_page(response)
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
        assert f"Vraag {number} van 9 of minder" in page.title.get_text()
        assert page.find("a", class_="back-link")["href"] == previous
        heading = page.h1.find("label") if question_id == "woonplaats" else page.legend.h1
        assert heading, question_id  # the question is the heading and names its field
        answer(client, question_id, value)
        previous = f"/vraag/{question_id}"
    assert client.get("/vraag/melder_wanneer").status_code == 200


def test_a_valid_answer_goes_to_the_next_question(client: FlaskClient) -> None:
    response = answer(client, "stand", "weerlegd")
    assert response.status_code == 302 and response.location == "/vraag/wie"


def test_going_back_shows_the_answer_given_before(client: FlaskClient) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "geen"})
    page = check_page(client.get("/vraag/stand"))
    assert page.find("input", value="weerlegd").has_attr("checked")
    assert not page.find("input", value="loopt").has_attr("checked")


def test_several_answers_are_prefilled_on_a_multiple_choice_question(client: FlaskClient) -> None:
    answer_all(
        client,
        {
            "stand": "weerlegd",
            "wie": "ouder_gezag",
            "woonplaats": "geen",
            "behoefte": ["klacht", "rechten"],
        },
    )
    page = check_page(client.get("/vraag/behoefte"))
    checked = {i["value"] for i in page.find_all("input", checked=True)}
    assert checked == {"klacht", "rechten"}


def test_answering_again_after_going_back_continues_to_the_next_question(
    client: FlaskClient,
) -> None:
    answer_all(client, REFUTED_PARENT)
    response = answer(client, "stand", "loopt")
    assert response.location == "/vraag/wie"


def test_a_question_further_along_than_the_visitor_is_redirects_to_the_open_question(
    client: FlaskClient,
) -> None:
    answer(client, "stand", "weerlegd")
    response = client.get("/vraag/behoefte")
    assert response.status_code == 302 and response.location == "/vraag/wie"


def test_a_question_off_the_path_redirects(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    response = client.get("/vraag/zwaarte")
    assert response.status_code == 302 and response.location == "/controleren"


@pytest.mark.parametrize("path", ["/controleren", "/advies"])
def test_summary_and_advice_before_the_last_answer_redirect_to_the_open_question(
    client: FlaskClient, path: str
) -> None:
    answer(client, "stand", "weerlegd")
    response = client.get(path)
    assert response.status_code == 302 and response.location == "/vraag/wie"


def test_check_your_answers_lists_every_answer_with_a_change_link(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    response = client.get("/controleren")
    page = check_page(response)
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    links = [a["href"] for a in page.select(".summary__change a")]
    assert links == [f"/vraag/{q}?wijzigen=1" for q in REFUTED_PARENT]
    assert "Ouder met gezag" in text_of(page)


def test_a_change_returns_to_the_summary(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    page = check_page(client.get("/vraag/wie?wijzigen=1"))
    assert page.find("a", class_="back-link")["href"] == "/controleren"
    response = answer(client, "wie", "ouder_zonder_gezag", query="?wijzigen=1")
    assert response.location == "/controleren"
    assert "Ouder zonder gezag" in text_of(check_page(client.get("/controleren")))


def test_a_change_that_needs_a_new_question_asks_it_first_then_returns_to_the_summary(
    client: FlaskClient,
) -> None:
    answer_all(client, REFUTED_PARENT)
    response = answer(client, "behoefte", ["rechten", "klacht"], query="?wijzigen=1")
    assert response.location == "/vraag/klacht_vt?wijzigen=1"
    response = answer(client, "klacht_vt", "nee", query="?wijzigen=1")
    assert response.location == "/controleren"


def test_a_change_that_needs_several_new_questions_asks_them_all_then_returns_to_the_summary(
    client: FlaskClient,
) -> None:
    answer_all(client, COMPLAINT_NOT_YET_RAISED)
    response = answer(client, "behoefte", ["steun", "klacht"], query="?wijzigen=1")
    assert response.location == "/vraag/zwaarte?wijzigen=1"
    page = check_page(client.get(response.location))
    assert page.find("a", class_="back-link")["href"] == "/vraag/behoefte?wijzigen=1"
    response = answer(client, "zwaarte", "praten_helpt", query="?wijzigen=1")
    assert response.location == "/vraag/netwerk?wijzigen=1"
    response = answer(client, "netwerk", "ja", query="?wijzigen=1")
    assert response.location == "/controleren"  # klacht_vt was answered before: not asked again


def test_a_change_drops_the_answers_that_no_longer_apply(client: FlaskClient) -> None:
    answer_all(client, COMPLAINT_NOT_YET_RAISED)
    answer(client, "behoefte", "rechten", query="?wijzigen=1")
    page = check_page(client.get("/controleren"))
    assert "klacht_vt" not in str(page)
    answer(client, "behoefte", "klacht", query="?wijzigen=1")
    page = check_page(client.get("/vraag/klacht_vt"))
    assert not page.find_all("input", checked=True)


def test_the_advice_page_shows_cards_with_why_cost_and_contact(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    response = client.get("/advies")
    page = check_page(response)
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    card = page.find(id="dienst-vt_dossier").find_parent("article")
    assert "Waarom ziet u dit?" in text_of(card) and "Kosten" in text_of(card)
    assert "schriftelijk" in text_of(card.find(class_="contact"))


def test_all_help_lists_every_service_grouped(client: FlaskClient, content: Content) -> None:
    page = check_page(client.get("/alle-hulp"))
    shown = [card.h3["id"].removeprefix("dienst-") for card in page.find_all("article")]
    assert sorted(shown) == sorted(s.id for s in content.services)
    assert len(page.select("section h2")) == len(content.groups)
    assert not page.select(".card__why")


def test_start_again_asks_once_and_then_wipes_every_answer(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    link = check_page(client.get("/vraag/behoefte")).find(class_="start-again").a["href"]
    assert link == "/opnieuw?terug=/vraag/behoefte"
    page = check_page(client.get(link))
    assert text_of(page.h1) == "Wilt u opnieuw beginnen?"
    assert not page.find(class_="start-again")
    no = page.find("a", string="Nee, ga terug")["href"]
    assert no == "/vraag/behoefte" and check_page(client.get(no))  # nothing wiped by asking
    response = client.post("/opnieuw", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 303 and response.location == "/"
    start = check_page(client.get("/"))
    assert "Uw antwoorden zijn gewist" in text_of(start)
    assert client.get("/vraag/wie").location == "/vraag/stand"


def test_quick_exit_wipes_the_answers_and_leaves_for_a_neutral_site(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    response = client.get("/weg")
    assert response.status_code == 303
    assert response.location == "https://www.google.nl/"
    assert session_of(client) == {"gone": "wiped"}  # no answers: only why they are gone
    assert client.get("/advies").location == "/vraag/stand"


def test_every_page_offers_quick_exit_and_start_again_once_there_are_answers(
    client: FlaskClient,
) -> None:
    page = check_page(client.get("/privacy"))
    assert page.find("a", href="/weg", attrs={"data-quick-exit": True})
    assert page.find("a", class_="skip-link")["href"] == "#inhoud"
    assert not page.find(class_="start-again")  # nothing to wipe yet
    answer_all(client, {"stand": "weerlegd"})
    page = check_page(client.get("/privacy"))
    assert page.find("a", href="/weg", attrs={"data-quick-exit": True})
    assert page.find(class_="start-again").a["href"] == "/opnieuw?terug=/privacy"


def test_pages_load_nothing_from_other_sites(client: FlaskClient) -> None:
    answer_all(client, REFUTED_PARENT)
    for path in ["/", "/vraag/stand", "/controleren", "/advies", "/alle-hulp"]:
        page = check_page(client.get(path))
        sources = [t.get("src") or t.get("href") for t in page.find_all(["script", "link", "img"])]
        assert all(s.startswith("/static/") for s in sources), sources


@pytest.mark.parametrize("way", ["opnieuw", "weg", "nieuw"])
def test_every_page_asked_for_again_after_a_wipe_says_the_answers_are_gone(
    client: FlaskClient, way: str
) -> None:
    if way == "nieuw":
        leave_by(client, "nieuw")  # intake mode on: the next "Nieuwe cliënt" wipes
    answer_all(client, REFUTED_PARENT)
    leave_by(client, way)
    # What Back asks for again: a letter form, a question, the advice (sent on to the first).
    for path in ("/brief/inzage", "/vraag/behoefte", "/advies", "/alle-hulp", "/bestaat-niet"):
        response = client.get(path, follow_redirects=True)
        page = check_page(response, status=404 if path == "/bestaat-niet" else 200)
        assert "gewist" in text_of(page.find(class_="notice", role="status")), path
        assert not page.find_all("input", checked=True), path
        assert "antwoorden zijn bewaard" not in text_of(page), path  # none are kept
    answer(client, "stand", "weerlegd")
    assert not check_page(client.get("/vraag/wie")).find(class_="notice")


@pytest.mark.parametrize("question_id", ["stand", "behoefte", "woonplaats"])
def test_a_question_form_keeps_the_browser_from_putting_answers_back(
    client: FlaskClient, question_id: str
) -> None:
    # Back to a question after a wipe: Chromium restores the choice unless the form is "off".
    answer_all(client, REFUTED_PARENT)
    page = check_page(client.get(f"/vraag/{question_id}"))
    assert page.find("main").find("form")["autocomplete"] == "off"


def test_after_a_young_persons_answer_every_question_and_the_summary_say_je(
    client: FlaskClient,
) -> None:
    answer_all(client, {"stand": "weerlegd", "wie": "jongere_12_15", "woonplaats": "geen"})
    question = check_page(client.get("/vraag/behoefte"))
    assert question.h1.get_text(" ", strip=True).startswith("Waar wil je hulp bij?")
    answer_all(client, {"behoefte": "rechten"})
    summary = text_of(check_page(client.get("/controleren")))
    assert "Wie ben je?" in summary and "Wie bent u?" not in summary


def test_all_help_speaks_to_a_young_person_as_je_and_offers_no_parents_letters(
    client: FlaskClient,
) -> None:
    assert check_page(client.get("/alle-hulp")).select(".card__letters a")
    answer_all(client, {"stand": "weerlegd", "wie": "jongere_16_plus"})
    page = check_page(client.get("/alle-hulp"))
    assert "Je dossier bij Veilig Thuis" in text_of(page)
    assert not page.select(".card__letters")
