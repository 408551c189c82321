# SPDX-License-Identifier: EUPL-1.2
"""What the cards say in the situations they are for, checked against the catalogue's sources."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import Tag
from flask import Flask
from flask.testing import FlaskClient

from guide.content import Content
from tests.helpers import answer_all, check_page, text_of
from tests.journeys import (
    BUSY_AND_ALONE,
    COMPLAINT_NOT_YET_RAISED,
    ENDING_THEIR_LIFE,
    MALICIOUS_REPORTER,
    REFUTED_PARENT,
)

HARDLY_COPING = {**BUSY_AND_ALONE, "zwaarte": "kan_niet_aan"}
# Where VT refuses, the term that costs a family its chance if it is missed (Awb 6:7).
SIX_WEEKS = (
    "Weigert Veilig Thuis? Dan heeft u meestal maar zes weken om bezwaar te maken of de rechter "
    "te vragen. In het besluit staat hoe. Vraag meteen juridisch advies."
)


def asking_about_the_file(who: str) -> dict[str, str]:
    return {"stand": "weerlegd", "wie": who, "woonplaats": "geen", "behoefte": "rechten"}


def card(client: FlaskClient, service_id: str) -> str:
    page = check_page(client.get("/advies"))
    found = page.find(id=f"dienst-{service_id}")
    assert isinstance(found, Tag), service_id
    return text_of(found.find_parent("article"))


# A situation -> the journey, the card, what it must say and what it must never say.
CARD_FACTS = {
    "parent without gezag asks about the file": (
        asking_about_the_file("ouder_zonder_gezag"),
        "vt_dossier",
        [
            "U mag wel lezen wat er over uzelf staat, en daar een kopie van krijgen.",
            "Een kopie van het deel over uw kinderen krijgt u niet.",
        ],
        ["Dan krijgt u geen kopie"],
    ),
    "parent with gezag of a young child asks about the file": (
        asking_about_the_file("ouder_gezag"),
        "vt_dossier",
        [
            "Dan mag u ook inzage vragen in het deel over uw kind:",
            "Dat mag elke ouder.",  # what is written about the parent themselves
            # Wmo 2015 art. 5.3.5 lid 2: the law's two grounds, not a third of a region's site.
            "Vernietiging mag Veilig Thuis maar om twee redenen weigeren:",
            "als het bewaren van groot belang is voor iemand anders, of als een wet vernietiging "
            "verbiedt.",
            "binnen drie maanden",
            "Vraag daarom eerst een kopie",
            # Wmo 2015 art. 5.3.4 lid 2.
            "Veilig Thuis bewaart een dossier 20 jaar na de laatste wijziging.",
            SIX_WEEKS,
        ],
        ["0800-2000", "goede zorg", "drie redenen", "Vraag hoe lang"],
    ),
    "refuted parent asks about the file": (
        asking_about_the_file("ouder_gezag"),
        "vt_dossier",
        [
            "In 2017 schreef de staatssecretaris van VWS dat Veilig Thuis dan zelf het initiatief "
            "tot vernietiging zou moeten nemen.",
        ],
        ["Sinds 2017", "wil de overheid"],
    ),
    "young person asks about the file": (
        asking_about_the_file("jongere_12_15"),
        "vt_dossier",
        ["Vanaf 12 jaar vraag je zelf om vernietiging van je gegevens."],
        [],
    ),
    "complaint at the ombudsman": (
        COMPLAINT_NOT_YET_RAISED,
        "nationale_ombudsman",
        ["alleen zaken waarin geen bezwaar of beroep mogelijk is", SIX_WEEKS],
        [],
    ),
    "reporter unknown": (
        {**MALICIOUS_REPORTER, "melder_bekend": "nee"},
        "politie_aangifte",
        [
            "Maar soms weet ook Veilig Thuis het niet.",
            "U mag ook uw Veilig Thuis om advies over aangifte vragen.",
        ],
        ["weet alleen Veilig Thuis"],
    ),
    "reporter with bad intent, at Slachtofferhulp": (
        MALICIOUS_REPORTER,
        "slachtofferhulp",
        [
            "De hulp is gratis. Bellen naar 0900-0101 kost het lokale tarief.",
            "U mag zich zelf aanmelden.",
        ],
        ["alleen als er echt", "niet helpen"],
    ),
    "reporter with bad intent, at the Juridisch Loket": (
        MALICIOUS_REPORTER,
        "juridisch_loket",
        [
            "In een vestiging helpen de juristen u gratis. U kunt zonder afspraak binnenlopen.",
            "Bellen naar 0900-8020 kost een starttarief van 4,5 cent. Daarna € 0,25 per minuut, "
            "en niet meer dan € 12,50 per gesprek. Daarbij komen uw eigen belkosten.",
        ],
        ["Persoonlijk advies is gratis"],
    ),
    "complaint not yet raised": (
        COMPLAINT_NOT_YET_RAISED,
        "vt_klacht",
        [
            "Vraag naar de klachtenfunctionaris.",
            "Of naar de ombudsman van uw gemeente, als uw gemeente die heeft.",
            # Wmo 2015 art. 4.2.7 lid 2 a, c and f.
            "Dat is een onafhankelijke commissie van ten minste drie mensen. De voorzitter werkt "
            "niet voor Veilig Thuis.",
            "Elke klachtenregeling noemt een eigen termijn. Vraag welke termijn geldt.",
            "U mag zich laten bijstaan",
        ],
        ["0800-2000", "Die werkt niet voor Veilig Thuis", "6 weken"],
    ),
    "complaint, at Jeugdstem": (
        COMPLAINT_NOT_YET_RAISED,
        "jeugdstem",
        [
            "Had u te maken met een melding bij Veilig Thuis? Dan heeft u recht op een "
            "vertrouwenspersoon. Veilig Thuis moet u daar op tijd over vertellen.",
            "artikel 3a.1.2 van de Wmo 2015",
            "artikel 4.2.6 van de Wmo 2015",
        ],
        [],
    ),
    "help for the children, at the huisarts": (
        {**REFUTED_PARENT, "behoefte": "kinderen"},
        "huisarts",
        [
            "Hulp voor kinderen komt via de gemeente, bijvoorbeeld na een verwijzing van de "
            "huisarts. Ook het wijkteam kan een eerste stap zijn.",
        ],
        ["regelt de gemeente, na een verwijzing"],
    ),
    "ending their life, 112": (ENDING_THEIR_LIFE, "alarm_112", ["Bellen naar 112 is gratis."], []),
    "ending their life, 113": (
        ENDING_THEIR_LIFE,
        "zelfmoordpreventie_113",
        ["Bellen naar 113 en naar 0800-0113 is gratis."],
        [],
    ),
}


@pytest.mark.parametrize("situation", CARD_FACTS)
def test_each_card_says_what_is_true_in_the_situation_it_is_for(
    client: FlaskClient, situation: str
) -> None:
    journey, service_id, says, never = CARD_FACTS[situation]
    answer_all(client, journey)
    text = card(client, service_id)
    assert [s for s in says if s not in text] == []
    assert [n for n in never if n in text] == []


@pytest.mark.parametrize(
    ("service_id", "says"),
    [
        ("psycholoog", "Iedereen mag naar een psycholoog gaan en het zelf betalen."),
        ("psycholoog", "verwijzing van de huisarts of de bedrijfsarts"),
        ("kinderombudsman", "Maandag tot en met vrijdag van 12 tot 17 uur"),
        ("kinderombudsman", "Wat er gebeurde, moet minder dan 1 jaar geleden zijn."),
        ("kinderombudsman", "Bellen naar 0800-876 54 32 is gratis."),
        ("autoriteit_persoonsgegevens", "Bellen naar 088-1805 250 is gratis."),
        ("psycholoog", "via de gemeente, bijvoorbeeld na een verwijzing van de huisarts"),
        ("vt_dossier", SIX_WEEKS),
    ],
)
def test_every_card_shows_the_corrected_fact(
    client: FlaskClient, service_id: str, says: str
) -> None:
    page = check_page(client.get("/alle-hulp"))
    assert says in text_of(page.find(id=f"dienst-{service_id}").find_parent("article"))


def test_no_card_cites_public_sources_in_general(content: Content) -> None:
    for service in content.services:
        assert not [s for s in service.sources if s.startswith("Openbare bronnen")], service.id


@pytest.mark.parametrize("crisis", ["levenseinde", "kan_niet_aan"])
def test_after_a_crisis_answer_help_is_one_tap_away_on_every_page_and_first_on_the_advice(
    client: FlaskClient, crisis: str
) -> None:
    journey = {**ENDING_THEIR_LIFE, "zwaarte": crisis}
    answer_all(client, {q: journey.pop(q) for q in ["stand", "wie", "woonplaats", "behoefte"]})
    assert not check_page(client.get("/vraag/zwaarte")).find(class_="safety")
    answer_all(client, journey)
    paths = ["/vraag/netwerk", "/controleren", "/advies", "/advies/uitdraai", "/alle-hulp"]
    for path in [*paths, "/privacy"]:
        page = check_page(client.get(path))
        box = page.find(id="hulp-nu")
        calls = {a["href"] for a in box.find_all("a")}
        assert {"tel:113", "tel:08000113", "tel:112", "https://113.nl"} <= calls, path
        # Before the page's own heading, and the first thing a keyboard reaches.
        assert box.find_next("h1") == page.find("h1"), path
        assert page.body.find(["a", "button", "input"])["href"] == "#hulp-nu", path


@pytest.mark.parametrize("crisis", ["levenseinde", "kan_niet_aan"])
def test_the_handout_and_a_hand_over_link_keep_whom_to_call_tonight(
    client: FlaskClient, crisis: str
) -> None:
    answer_all(client, {**HARDLY_COPING, "zwaarte": crisis})
    expected = "Vanavond nog iemand spreken?" if crisis == "kan_niet_aan" else None
    handout = check_page(client.get("/advies/uitdraai"))
    link = check_page(client.get("/advies/meegeven")).find(class_="handover-link").a["href"]
    handed_over = check_page(app_client(client).get(urlsplit(link).path))
    for page in (handout, handed_over):
        tonight = page.find(id="vanavond")
        assert (tonight and text_of(tonight)) == expected
        if expected:
            calls = {a["href"] for a in tonight.parent.find_all("a")}
            assert {"tel:113", "tel:0880767000"} <= calls
    # Whoever opens the link has given no answers: the plan still starts with 112 and 113.
    assert [h["id"] for h in handed_over.select(".advice--safety h3")] == [
        "dienst-alarm_112",
        "dienst-zelfmoordpreventie_113",
    ]


def app_client(client: FlaskClient) -> FlaskClient:
    """Another visitor of the same app, with no answers of their own."""
    return client.application.test_client()


def test_a_parent_who_can_hardly_cope_sees_a_line_to_call_tonight_before_any_card(
    client: FlaskClient,
) -> None:
    answer_all(client, HARDLY_COPING)
    page = check_page(client.get("/advies"))
    tonight = page.find(id="vanavond").parent
    assert tonight.find_next("article") == page.find("article")  # before the first card
    calls = {a["href"] for a in tonight.find_all("a")}
    assert "tel:0880767000" in calls
    assert "U hoeft niet te wachten op een afspraak." in text_of(tonight)
    # 113 stands in the box "Hulp nu" just above it, and is not said twice.
    assert {"tel:113", "tel:08000113"} <= {a["href"] for a in page.find(id="hulp-nu")("a")}
    assert not calls & {"tel:113", "tel:08000113"}


def test_a_parent_still_under_investigation_reads_what_they_can_do_now_and_nothing_refuted(
    client: FlaskClient,
) -> None:
    answer_all(client, {**BUSY_AND_ALONE, "stand": "loopt", "zwaarte": "kan_niet_aan"})
    page = check_page(client.get("/advies"))
    text = text_of(page)
    for refuted in ["niet klopte", "niet klopten", "weerlegd", "onterecht"]:
        assert refuted not in text, refuted
    jeugdstem = text_of(page.find(id="dienst-jeugdstem").find_parent("article"))
    assert "Loopt het onderzoek nog? Dan mag u nu al vragen stellen aan Veilig Thuis." in jeugdstem
    assert "vertrouwenspersoon van Jeugdstem" in jeugdstem and "tolk" in jeugdstem


def test_a_parent_may_ask_for_an_interpreter_and_never_lets_their_child_translate(
    client: FlaskClient,
) -> None:
    page = text_of(check_page(client.get("/alle-hulp")))
    assert "mag u om een professionele tolk vragen. Laat uw kind nooit voor u tolken." in page
    answer_all(client, {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "geen"})
    answer_all(client, {"behoefte": "gesprek_vt"})
    assert "Laat uw kind nooit voor u tolken." in card(client, "vt_nazorg")


def test_a_card_shows_only_the_ways_to_reach_it_that_fit_the_reason_it_was_advised(
    client: FlaskClient, app: Flask
) -> None:
    smaad = "https://www.juridischloket.nl/politie-en-justitie/aangifte/klachtdelict"
    answer_all(client, asking_about_the_file("ouder_gezag"))
    page = check_page(client.get("/advies"))
    loket = page.find(id="dienst-juridisch_loket").find_parent("article")
    assert loket.find("a", href="tel:09008020") and not loket.find("a", href=smaad)
    reporter = app.test_client()
    answer_all(reporter, MALICIOUS_REPORTER)
    page = check_page(reporter.get("/advies"))
    assert page.find(id="dienst-juridisch_loket").find_parent("article").find("a", href=smaad)


@pytest.mark.parametrize("heard", ["2_tot_3_maanden", "langer_3_maanden", "weet_niet"])
def test_the_criminal_complaint_has_a_name_of_its_own(client: FlaskClient, heard: str) -> None:
    # "Klacht" on the same page is a complaint about Veilig Thuis.
    answer_all(client, {**MALICIOUS_REPORTER, "melder_wanneer": heard})
    text = card(client, "politie_aangifte")
    assert "strafklacht indient" in text and "een klacht indient" not in text
    assert "aangifte met het verzoek om de dader te vervolgen" in text


def test_a_parent_pressed_to_accept_help_learns_only_a_judge_can_make_it_compulsory(
    client: FlaskClient,
) -> None:
    answer_all(client, {**REFUTED_PARENT, "behoefte": "druk"})
    page = check_page(client.get("/advies"))
    first = [h3["id"] for h3 in page.select(".advice--first h3")]
    assert first[0] == "dienst-drang"
    text = card(client, "drang")
    assert "Alleen een kinderrechter kan hulp verplicht maken." in text
    assert "Vraag wat er gebeurt als u nee zegt tegen de hulp." in text
    assert "Vraag of u dat op papier kunt krijgen." in text
    assert "Drang staat niet in de wet." in text
    also = [h3["id"] for h3 in page.select(".advice--also h3")]
    assert "dienst-jeugdstem" in also and "dienst-juridisch_loket" in also


def test_the_painful_answer_is_said_once_gently_and_no_card_repeats_it(
    client: FlaskClient,
) -> None:
    answer_all(client, ENDING_THEIR_LIFE)
    page = check_page(client.get("/advies"))
    html = str(page)
    said = "Ik denk erover om een einde aan mijn leven te maken."
    assert said not in text_of(page.main)
    # A young person (16+) answered: the advice says it in the je-form.
    assert html.count("erover denkt om een einde aan je leven te maken") == 1
    assert page.find(class_="lead", string=lambda t: t and "Goed dat je dat zei" in t)
    for service_id in ["alarm_112", "zelfmoordpreventie_113", "huisarts", "luisterlijn"]:
        why = page.find(id=f"dienst-{service_id}").find_parent("article").find(class_="card__why")
        assert why and why.p and why.p.get_text().strip(), service_id  # why, in its own words
