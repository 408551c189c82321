# SPDX-License-Identifier: EUPL-1.2
"""Social workers: intake mode, the route map, the handout and the hand-over link."""

from __future__ import annotations

import base64
import json
import re
import time
import zlib
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer

from guide import create_app, handover
from guide.content import Content
from guide.engine import is_young, not_advised, walk
from guide.handover import MAX_AGE_SECONDS, SIGNED_SALT
from guide.keys import fernet
from tests.conftest import TEST_CONFIG
from tests.helpers import (
    Answer,
    answer_all,
    as_answers,
    check_page,
    csrf_token,
    handover_payload,
    letter_data,
    session_of,
    text_of,
)
from tests.journeys import MALICIOUS_REPORTER
from tests.test_languages import choose

FAMILIES: list[dict[str, Answer]] = [
    MALICIOUS_REPORTER,
    {
        "stand": "loopt",
        "wie": "jongere_12_15",
        "woonplaats": "geen",
        "behoefte": ["steun", "kinderen"],
        "zwaarte": "kan_niet_aan",
        "netwerk": "nee",
    },
    {
        "stand": "niet_bevestigd",
        "wie": "andere_volwassene",
        "woonplaats": "geen",
        "behoefte": ["klacht", "rechten"],
        "klacht_vt": "ja_commissie",
    },
]


def start_intake(client: FlaskClient) -> None:
    page = check_page(client.get("/intake"))
    assert "toestemming" in text_of(page)
    response = client.post("/intake/nieuw", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 303 and response.location == "/vraag/stand"


def new_client(client: FlaskClient) -> None:
    page = check_page(client.get("/advies"))
    form = page.find("form", action="/intake/nieuw")
    assert "Nieuwe cliënt" in text_of(form)
    client.post("/intake/nieuw", data={"csrf_token": csrf_token(form)})


def answer_texts(content: Content, answers: dict[str, Answer]) -> list[str]:
    """The words a visitor chose: the labels of their answers."""
    texts = []
    for question_id, value in answers.items():
        question = content.question(question_id)
        texts += [question.option(v).label for v in ([value] if isinstance(value, str) else value)]
    return texts


def test_the_handover_link_cannot_be_read_without_the_key(client: FlaskClient) -> None:
    start_intake(client)
    answer_all(client, {**FAMILIES[1], "zwaarte": "levenseinde"})
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    token = link.rsplit("/", 1)[1]
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    readable = [raw]
    for start in range(len(raw)):  # whatever part of it might be compressed text
        try:
            readable.append(zlib.decompressobj().decompress(raw[start:]))
        except zlib.error:
            continue
    assert "zelfmoordpreventie_113" in json.dumps(handover_payload(client.application, link))
    assert not [r for r in readable if b"113" in r or b"safety" in r or b"advice" in r]


def test_the_start_page_links_to_intake_mode(client: FlaskClient) -> None:
    assert check_page(client.get("/")).find("a", href="/intake")


def test_intake_mode_is_shown_in_the_header_on_every_page(client: FlaskClient) -> None:
    start_intake(client)
    for path in ["/vraag/stand", "/privacy", "/alle-hulp"]:
        bar = check_page(client.get(path)).find(class_="intake-bar")
        assert bar and "Intake-modus" in text_of(bar) and "toestemming" in text_of(bar)


def test_without_intake_mode_there_is_no_intake_bar_or_not_advised_list_but_a_link_to_keep(
    client: FlaskClient,
) -> None:
    answer_all(client, FAMILIES[0])
    page = check_page(client.get("/advies"))
    assert not page.find(class_="intake-bar") and not page.find(id="advies-niet")
    assert text_of(page.find("a", href="/advies/meegeven")) == "Bewaar dit advies met een link"
    kept = text_of(check_page(client.get("/advies/meegeven")))
    assert "Bewaar dit advies" in kept and "Laat de ouder" not in kept
    assert "Iedereen die de link heeft, kan het advies openen." in kept


def test_intake_mode_shows_why_each_service_is_advised_and_why_others_are_not(
    client: FlaskClient, content: Content
) -> None:
    start_intake(client)
    answer_all(client, FAMILIES[0])
    page = check_page(client.get("/advies"))
    police = page.find(id="dienst-politie_aangifte").find_parent("article")
    assert "Tussen 2 en 3 maanden geleden" in text_of(police.find(class_="card__why"))
    section = page.find(id="advies-niet").parent
    listed = [li.strong.get_text() for li in section.select(".not-advised > li")]
    reasons = text_of(section)
    # Other answers to the questions asked would have brought these; each reason is true.
    expected = not_advised(content, walk(content, FAMILIES[0]).answers)
    assert listed == [service.name for service, _ in expected]
    assert "Huisarts" in listed and "Hulp voor mijn kind of kinderen" in reasons
    # Not listed: crisis lines, and help that needs a question this family was never asked.
    assert "112 bij direct gevaar" not in listed and "113 Zelfmoordpreventie" not in listed
    for never_asked in ("zwaarte", "netwerk", "klacht_vt"):
        assert content.question(never_asked).text not in reasons, never_asked


def test_a_new_client_leaves_no_trace_of_the_previous_family(
    client: FlaskClient, content: Content
) -> None:
    start_intake(client)
    answer_all(client, FAMILIES[1])
    new_client(client)
    assert set(session_of(client)) == {"intake", "gone", "dutch_too"}
    assert client.get("/controleren").location == "/vraag/stand"
    page = check_page(client.get("/vraag/stand"))
    assert not page.find_all("input", checked=True)
    assert "cliënt" in text_of(page.find(class_="notice"))
    all_help = text_of(check_page(client.get("/alle-hulp")))
    for text in answer_texts(content, FAMILIES[1]):
        if text not in text_of(page):  # options of the open question are on the page anyway
            assert not re.search(rf"\b{re.escape(text)}\b", all_help), text


def test_stopping_intake_mode_wipes_everything(client: FlaskClient) -> None:
    start_intake(client)
    answer_all(client, FAMILIES[2])
    page = check_page(client.get("/advies"))
    form = page.find(class_="intake-bar").find("form", action="/opnieuw")
    assert "Intake stoppen" in text_of(form)
    response = client.post("/opnieuw", data={"csrf_token": csrf_token(form)})
    assert response.location == "/"
    assert not check_page(client.get("/")).find(class_="intake-bar")
    assert client.get("/advies").location == "/vraag/stand"


def test_three_intakes_in_a_row_each_get_their_own_handout_and_link_without_answers(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    start_intake(client)
    previous: list[str] = []
    for family in FAMILIES:
        answer_all(client, family)
        advice_page = check_page(client.get("/advies"))
        advised = [
            card.h3["id"].removeprefix("dienst-") for card in advice_page.find_all("article")
        ]
        reasons = " ".join(text_of(why) for why in advice_page.select(".card__why"))
        for text in set(previous) - set(answer_texts(content, family)):
            assert text not in reasons  # nothing of the family before shows in this advice
        handout = client.get("/advies/uitdraai")
        handout_page = check_page(handout)
        handout_html = handout.get_data(as_text=True)
        for text in answer_texts(content, family):
            assert text not in handout_html
        assert not handout_page.select(".card__why")
        # Cards for what to do first, one line each for what is also possible.
        names = [c.h3.get_text() for c in handout_page.find_all("article")]
        names += [li.strong.get_text() for li in handout_page.select(".handout__brief > li")]
        assert names == [content.service(s).name for s in advised]
        handover = check_page(client.get("/advies/meegeven"))
        assert handover.find("svg", attrs={"role": "img"})
        link = handover.find(class_="handover-link").a["href"]
        payload = handover_payload(app, link)
        assert set(payload) == {"advice", "region", "locale", "version", "young"}
        assert payload["young"] is is_young(content, as_answers(family))
        assert [service_id for service_id, *_ in payload["advice"]] == advised
        option_ids = {
            v for value in family.values() for v in ([value] if isinstance(value, str) else value)
        }
        decoded = json.dumps(payload)
        assert not [v for v in option_ids if f'"{v}"' in decoded]
        opened = check_page(app.test_client().get(link.removeprefix("http://localhost")))
        assert [c.h3["id"].removeprefix("dienst-") for c in opened.find_all("article")] == advised
        previous = answer_texts(content, family)
        new_client(client)


def test_the_handout_has_room_for_the_social_worker_and_the_date(client: FlaskClient) -> None:
    answer_all(client, FAMILIES[0])
    page = check_page(client.get("/advies/uitdraai"))
    assert "Naam hulpverlener" in text_of(page) and "volgende stap" in text_of(page)
    assert "Gemaakt met de Nazorgwijzer op" in text_of(page)


@pytest.mark.parametrize("path", ["/advies/uitdraai", "/advies/meegeven"])
def test_handout_and_handover_wait_for_the_last_answer(client: FlaskClient, path: str) -> None:
    answer_all(client, {"stand": "loopt"})
    assert client.get(path).location == "/vraag/wie"


def test_a_handed_over_advice_keeps_its_plan_its_notes_and_its_deadline(
    app: Flask, client: FlaskClient, content: Content
) -> None:
    start_intake(client)
    answer_all(client, MALICIOUS_REPORTER)
    advice = check_page(client.get("/advies"))
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    opened = check_page(app.test_client().get(link.removeprefix("http://localhost")))
    term = "De 3 maanden tellen vanaf het moment dat u het hoorde."
    for page in (advice, opened, check_page(client.get("/advies/uitdraai"))):
        assert term in text_of(page.find(id="dienst-politie_aangifte").find_parent("article"))
    steps = [text_of(li) for li in opened.select(".plan__steps li")]
    assert steps == [text_of(li) for li in advice.select(".plan__steps li")]
    assert steps[0].startswith("Juridisch Loket of een advocaat: De termijn is 3 maanden.")
    # The same links, the letters under the hand-over link (its region and language).
    under_link = urlsplit(link).path
    assert [a["href"].removeprefix(under_link) for a in opened.select(".card a")] == [
        a["href"] for a in advice.select(".card a")
    ]
    assert not opened.select(".card__why")  # why it was advised stays with the family


def test_a_young_persons_handed_over_advice_still_speaks_to_them_as_je(
    app: Flask, client: FlaskClient
) -> None:
    answer_all(client, {**MALICIOUS_REPORTER, "wie": "jongere_16_plus"})
    advice = check_page(client.get("/advies"))
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    opened = check_page(app.test_client().get(link.removeprefix("http://localhost")))
    term = "De 3 maanden tellen vanaf het moment dat je het hoorde."
    for page in (advice, opened):
        assert term in text_of(page.find(id="dienst-politie_aangifte").find_parent("article"))
        assert page.find(id="dienst-vt_dossier") and not page.select(".card__letters")


def make_link(client: FlaskClient) -> str:
    start_intake(client)
    answer_all(client, FAMILIES[2])
    return check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]


def test_a_tampered_link_shows_a_kind_page_with_a_way_to_start(client: FlaskClient) -> None:
    link = make_link(client).removeprefix("http://localhost")
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    for bad in (tampered, "/mee/niets", link[:30] + link[31:]):
        page = check_page(client.get(bad), status=400)
        assert page.main.find("a", href="/")


def test_an_expired_link_shows_a_kind_page(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = make_link(client).removeprefix("http://localhost")
    later = time.time() + MAX_AGE_SECONDS + 60
    monkeypatch.setattr(time, "time", lambda: later)
    page = check_page(client.get(link), status=410)
    assert "verlopen" in page.h1.get_text()


def test_a_link_from_before_the_content_changed_shows_a_kind_page(
    app: Flask, client: FlaskClient
) -> None:
    keys = fernet(app, handover.PURPOSE)
    for payload in (
        {"advice": [["huisarts", "first"]], "locale": "nl", "version": "oud"},
        {
            "advice": [["bestaat_niet", "first"]],
            "locale": "nl",
            "version": app.extensions["guide"].version,
        },
        {
            "advice": [["huisarts", "heel_belangrijk", [], []]],
            "locale": "nl",
            "version": app.extensions["guide"].version,
        },
        # Made before links kept notes and contacts: nothing to show them with.
        {
            "advice": [["huisarts", "first"]],
            "locale": "nl",
            "version": app.extensions["guide"].version,
        },
    ):
        token = keys.encrypt(zlib.compress(json.dumps(payload).encode())).decode()
        page = check_page(client.get(f"/mee/{token}"), status=410)
        assert "te oud" in page.h1.get_text()


def test_a_link_from_before_links_were_encrypted_shows_a_kind_page(
    app: Flask, client: FlaskClient
) -> None:
    payload = {"advice": [["huisarts", "first"]], "locale": "nl", "version": "v"}
    signed = URLSafeTimedSerializer(app.secret_key, salt=SIGNED_SALT).dumps(payload)
    page = check_page(client.get(f"/mee/{signed}"), status=410)
    assert "te oud" in page.h1.get_text()
    forged = URLSafeTimedSerializer("not-our-key", salt=SIGNED_SALT).dumps(payload)
    check_page(client.get(f"/mee/{forged}"), status=400)


def test_a_link_signed_with_an_older_key_still_opens(app: Flask, client: FlaskClient) -> None:
    link = make_link(client).removeprefix("http://localhost")
    rotated = create_app(
        {
            **TEST_CONFIG,
            "SECRET_KEY": "the-key-after-rotation-long-enough",
            "SECRET_KEY_FALLBACKS": [TEST_CONFIG["SECRET_KEY"]],
        }
    )
    check_page(rotated.test_client().get(link))


def test_the_route_map_lists_every_question_option_and_service(
    client: FlaskClient, content: Content
) -> None:
    page = check_page(client.get("/routekaart"))
    text = text_of(page)
    for question in content.questions:
        assert page.find(id=f"vraag-{question.id}")
        options = question.options[:1] if question.type == "place" else question.options
        assert all(option.label in text for option in options)
    for service in content.services:
        assert page.find("h3", string=service.name)
    # Every routing rule appears: the behoefte question has one line per rule.
    rules = page.find(id="vraag-behoefte").find_all("ul")[1].find_all("li")
    assert len(rules) == len(content.question("behoefte").next)


def test_a_new_client_starts_in_the_browsers_language_the_first_intake_keeps_the_chosen_one(
    client: FlaskClient,
) -> None:
    def press(form_action: str, page: str) -> None:
        token = csrf_token(check_page(client.get(page)).find("form", action=form_action))
        assert client.post(form_action, data={"csrf_token": token}).status_code == 303

    client.get("/taal/ar?terug=/intake")
    press("/intake/nieuw", "/intake")  # the social worker chose Arabic for this family
    assert session_of(client)["lang"] == "ar"
    answer_all(client, FAMILIES[0])
    press("/intake/nieuw", "/advies")  # "Nieuwe cliënt — wis alles"
    assert "lang" not in session_of(client)
    assert check_page(client.get("/vraag/stand")).html["lang"] == "nl"


def test_a_new_client_is_a_new_visit_with_its_own_two_hours(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The family before took almost all of its 2 hours; the next family gets 2 hours of its own.
    start = time.time()
    start_intake(client)
    answer_all(client, FAMILIES[0])
    for minutes in (20, 40, 60, 80, 100, 110):  # active all along: never 30 minutes idle
        monkeypatch.setattr(time, "time", lambda m=minutes: start + m * 60)
        assert client.get("/advies").status_code == 200
    new_client(client)
    answer_all(client, FAMILIES[2])
    monkeypatch.setattr(time, "time", lambda: start + 130 * 60)
    page = check_page(client.get("/controleren"))
    assert not page.find(class_="notice")
    assert "gewist" not in text_of(page)
    assert session_of(client)["answers"]["klacht_vt"] == ["ja_commissie"]


def test_a_letter_from_a_handed_over_advice_goes_to_the_links_region_in_its_language(
    app: Flask, client: FlaskClient
) -> None:
    choose(client, "en")
    answer_all(client, {**FAMILIES[2], "wie": "ouder_gezag", "woonplaats": "GM0855"})
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    parent = app.test_client()  # the parent's own phone: no answers, no language chosen
    opened = check_page(parent.get(link.removeprefix("http://localhost")))
    letter_link = opened.find("a", href=re.compile(r"/brief/inzage$"))["href"]
    form = check_page(parent.get(letter_link))
    assert form.html["lang"] == "en"
    made = check_page(parent.post(letter_link, data=letter_data(form, {"name": "Jolanda Qvist"})))
    assert made.html["lang"] == "en"
    letter = made.find("article", class_="letter")
    assert "Veilig Thuis Midden-Brabant" in text_of(letter)
    beside = letter.select(".letter__translation")
    assert beside and all(t["lang"] == "en" for t in beside)


def test_a_letter_under_a_link_that_no_longer_opens_leads_to_the_links_page(
    client: FlaskClient,
) -> None:
    response = client.get("/mee/vervalst/brief/inzage")
    assert response.status_code == 303 and response.location == "/mee/vervalst"
    check_page(client.get(response.location), 400)
