# SPDX-License-Identifier: EUPL-1.2
"""Journeys as a person makes them: by mouse, by keyboard, without JavaScript, on a phone."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from bench.screens import plan_ends
from guide.content import Content
from guide.engine import advise, speaking_to
from guide.i18n import LANGUAGES
from tests.browser.conftest import QUICK_EXIT, SCREENSHOTS, Outside, answer, walk
from tests.helpers import as_answers
from tests.journeys import (
    EVERY_QUESTION,
    ON_A_PHONE,
    PARENT_BUSY_AND_ALONE,
    YOUNG_AND_STRUGGLING,
)

PHONE = {"width": 360, "height": 640}
SCREEN = {"width": 360, "height": 740}  # a small phone, for counting screens
# Per scenario: the priority of the help advised at the top, and that help, in order.
ADVISED_AT_THE_TOP = {
    "busy and alone": ("first", ["huisarts", "poh_ggz"]),
    "complaint": ("first", ["vt_klacht"]),
    "malicious reporter": ("first", ["juridisch_loket", "politie_aangifte"]),
    "ending their life": ("safety", ["alarm_112", "zelfmoordpreventie_113"]),
}
SCENARIOS = {name: (answers, *ADVISED_AT_THE_TOP[name]) for name, answers in ON_A_PHONE.items()}


def advised(page: Page, priority: str) -> list[str]:
    ids = page.locator(f".advice--{priority} article h3").evaluate_all("hs => hs.map(h => h.id)")
    return [i.removeprefix("dienst-") for i in ids]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_scenario_clicked_through_ends_on_the_right_advice(
    page: Page, outside: Outside, scenario: str
) -> None:
    answers, priority, expected = SCENARIOS[scenario]
    walk(page, answers)
    # "u", or "je" to a young person who answers for themselves ("ending their life").
    page.get_by_role("link", name=re.compile(r"^Bekijk (uw|je) advies$")).click()
    expect(page.locator("h1")).to_have_text(re.compile(r"^(Uw|Je) advies$"))
    assert advised(page, priority)[: len(expected)] == expected
    assert outside.requests == []


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_advice_opens_with_its_plan_in_order_and_fits_on_five_phone_screens(
    new_visitor: Callable[..., Page], content: Content, scenario: str
) -> None:
    answers = SCENARIOS[scenario][0]
    page = new_visitor(viewport=SCREEN)
    walk(page, answers)
    page.goto("/advies")
    steps = page.locator(".plan__steps a").evaluate_all("links => links.map(a => a.hash)")
    cards = page.locator("article h3").evaluate_all("hs => hs.map(h => '#' + h.id)")
    given = {**as_answers(answers), "woonplaats": ("geen",)}  # where one lives changes no advice
    spoken = speaking_to(content, given)  # a young person's order puts the Kindertelefoon first
    advice = advise(spoken, given)
    assert cards == [f"#dienst-{a.service.id}" for a in advice]
    assert steps == [f"#dienst-{a.service.id}" for a in advice if a.priority != "also"]
    assert plan_ends(page) <= 1.5 * SCREEN["height"]
    assert page.evaluate("document.documentElement.scrollHeight") <= 5 * SCREEN["height"]


def test_folded_parts_of_a_card_open_in_print(page: Page, outside: Outside) -> None:
    walk(page, SCENARIOS["complaint"][0])
    page.goto("/advies")
    expect_text = page.locator("#dienst-vt_klacht ~ details .card__source")
    assert expect_text.evaluate("e => e.checkVisibility()") is False
    page.emulate_media(media="print")
    assert expect_text.evaluate("e => e.checkVisibility()") is True


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_step_of_a_long_plan_opens_its_folded_card(
    new_visitor: Callable[..., Page], javascript: bool
) -> None:
    page = new_visitor(java_script_enabled=javascript)
    walk(page, {**EVERY_QUESTION, "woonplaats": "Tilburg"})
    page.goto("/advies")
    do = card(page, "vt_klacht").locator(".card__do")
    expect(do).to_be_hidden()
    page.locator('.plan a[href="#dienst-vt_klacht"]').click()
    expect(page).to_have_url(re.compile(r"#dienst-vt_klacht$"))
    if not javascript:  # the step goes to the card's name; a tap on it opens the card
        expect(do).to_be_hidden()
        page.locator("#dienst-vt_klacht").click()
    expect(do).to_be_visible()
    expect(card(page, "vt_klacht").locator(".card__facts").first).to_contain_text("Kosten")
    page.emulate_media(media="print")  # on paper every card is open
    assert card(page, "huisarts").locator(".card__do").evaluate("e => e.checkVisibility()")


def card(page: Page, service: str) -> Locator:
    return page.locator("article", has=page.locator(f"#dienst-{service}"))


def test_a_parent_keeps_the_advice_with_a_link_that_keeps_the_3_month_term(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor()
    walk(page, SCENARIOS["malicious reporter"][0])
    page.goto("/advies")
    page.get_by_role("link", name="Bewaar dit advies met een link").click()
    expect(page.locator("main")).to_contain_text("Iedereen die de link heeft")
    link = page.locator(".handover-link a").get_attribute("href")
    elsewhere = new_visitor()  # later, on another phone: no cookie, no answers
    elsewhere.goto(link)
    expect(elsewhere.locator(".plan__steps li").first).to_contain_text("De termijn is 3 maanden.")
    expect(card(elsewhere, "politie_aangifte").locator(".card__note").first).to_contain_text(
        "De 3 maanden tellen vanaf het moment dat u het hoorde."
    )


def test_a_parent_in_tilburg_sees_their_own_veilig_thuis(page: Page, outside: Outside) -> None:
    walk(page, {**PARENT_BUSY_AND_ALONE, "behoefte": ["steun", "klacht"], "klacht_vt": "nee"})
    page.goto("/advies")
    expect(card(page, "vt_klacht").locator(".card__regional")).to_contain_text(
        "Veilig Thuis Midden-Brabant"
    )


def test_the_whole_journey_works_by_keyboard_alone_with_visible_focus(
    page: Page, outside: Outside
) -> None:
    page.goto("/")
    start = page.locator("main a.button")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('button--start')"):
            break
    assert start.evaluate("el => el === document.activeElement")
    focus = start.evaluate("el => getComputedStyle(el).backgroundColor")
    assert focus == "rgb(255, 221, 0)"  # the yellow focus colour
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/vraag/stand$"))
    for question, keys in [("stand", ["ArrowDown"]), ("wie", [])]:
        page.locator(f"#{question}-0").focus()
        page.keyboard.press("Space")
        for key in keys:
            page.keyboard.press(key)
        page.keyboard.press("Enter")  # Enter in a form submits it
        expect(page).not_to_have_url(re.compile(f"/vraag/{question}$"))
    page.locator('button[name="woonplaats"]').focus()
    page.keyboard.press("Enter")
    page.locator("#behoefte-0").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/vraag/zwaarte$"))
    assert page.locator("#stand-1").count() == 0


def test_tabbing_through_a_page_visits_every_control_and_never_gets_stuck(
    page: Page, outside: Outside
) -> None:
    page.goto("/vraag/stand")
    # The radios of one question are one stop; hidden fields are none.
    stops = page.locator('a[href], button, input:not([type="hidden"]):not([type="radio"])')
    expected = stops.count() + 1
    seen = []
    for _ in range(expected + 3):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    reached = {html for html in seen if not html.startswith("<body")}
    assert len(reached) == expected  # every control once, and on past the last one


def test_without_javascript_the_guide_works_all_the_way(new_visitor: Callable[..., Page]) -> None:
    page = new_visitor(java_script_enabled=False)
    walk(page, SCENARIOS["complaint"][0])
    page.goto("/advies")
    assert "vt_klacht" in advised(page, "first")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("crisis", ["levenseinde", "kan_niet_aan"])
def test_after_a_crisis_answer_112_and_113_are_on_the_advices_first_screen_and_two_tabs_away(
    new_visitor: Callable[..., Page], crisis: str, language: str
) -> None:
    page = new_visitor(viewport=SCREEN)
    page.goto(f"/taal/{language}?terug=/")
    walk(page, {**PARENT_BUSY_AND_ALONE, "zwaarte": crisis})
    page.goto("/advies")
    calls = page.locator('#hulp-nu a[href^="tel:"]')
    first, to_113 = calls.first, page.locator('#hulp-nu a[href="tel:113"]')
    where = {name: screens(link) for name, link in [("first", first), ("113", to_113)]}
    print(f"first tel: link, in screens: {crisis} {language} {where}")  # pytest -s shows it
    assert where["first"] <= 1 and where["113"] <= 1, where
    assert first.get_attribute("href") == "tel:112"
    page.keyboard.press("Tab")  # the skip link "Hulp nu", the first thing on the page
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert first.evaluate("link => link === document.activeElement")


def screens(link: Locator) -> float:
    """How far down the page a link ends, in phone screens: 1 or less is the first screen."""
    box = link.bounding_box()
    assert box is not None
    return round((box["y"] + box["height"]) / SCREEN["height"], 2)


def test_a_fourteen_year_old_is_spoken_to_as_a_child_with_the_kindertelefoon_first(
    new_visitor: Callable[..., Page],
) -> None:
    page = new_visitor(viewport=SCREEN)
    walk(page, YOUNG_AND_STRUGGLING)
    page.get_by_role("link", name="Bekijk je advies").click()
    expect(card(page, "kindertelefoon").locator(".card__do")).to_contain_text("Je hoeft je naam")
    for kindertelefoon, luisterlijn in [
        ('a[href="tel:08000432"]', 'a[href="tel:0880767000"]'),  # the help for tonight
        ('.plan a[href="#dienst-kindertelefoon"]', '.plan a[href="#dienst-luisterlijn"]'),
        ("#dienst-kindertelefoon", "#dienst-luisterlijn"),  # the cards
    ]:
        above = page.locator(kindertelefoon).first.bounding_box()
        below = page.locator(luisterlijn).first.bounding_box()
        assert above and below and above["y"] < below["y"], kindertelefoon
    everything = page.locator("main").text_content() or ""  # the folded parts too
    assert not [w for w in ("eigen risico", "verzekering") if w in everything]
    assert page.locator('.card a[href^="/brief/"]').count() == 0  # letters speak as a parent
    expect(card(page, "jeugdstem").locator(".card__do")).to_contain_text("jongeren")


def test_on_a_small_phone_no_page_scrolls_sideways(new_visitor: Callable[..., Page]) -> None:
    page = new_visitor(viewport=PHONE)
    for question, value in PARENT_BUSY_AND_ALONE.items():
        page.goto(f"/vraag/{question}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, question
        answer(page, question, value)
    pages = ["/controleren", "/advies", "/alle-hulp", "/veilig-thuis-regios", "/routekaart"]
    for path in [*pages, "/regio/VT22", "/regio/VT09"]:  # long addresses, many municipalities
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_browser_back_and_the_back_link_keep_the_answers(page: Page, outside: Outside) -> None:
    answer(page, "stand", "weerlegd")
    answer(page, "wie", "ouder_zonder_gezag")
    page.go_back()
    expect(page.locator('input[value="ouder_zonder_gezag"]')).to_be_checked()
    page.locator("a.back-link").click()
    expect(page).to_have_url(re.compile(r"/vraag/stand$"))
    expect(page.locator('input[value="weerlegd"]')).to_be_checked()


def test_change_from_check_your_answers_returns_there(page: Page, outside: Outside) -> None:
    walk(page, SCENARIOS["complaint"][0])
    page.locator('a[href="/vraag/wie?wijzigen=1"]').click()
    page.check('input[value="ouder_zonder_gezag"]')
    page.locator("form .buttons .button").first.click()
    expect(page).to_have_url(re.compile(r"/controleren$"))
    expect(page.locator(".summary")).to_contain_text("Ouder zonder gezag")


def test_quick_exit_leaves_and_the_answers_are_gone_when_coming_back(
    page: Page, outside: Outside
) -> None:
    walk(page, SCENARIOS["complaint"][0])
    before = page.evaluate("history.length")
    page.get_by_role("link", name=re.compile("Snel weg")).click()
    expect(page).to_have_url(QUICK_EXIT)
    assert page.evaluate("history.length") == before  # the page left was replaced, not kept
    page.goto("/advies")
    expect(page).to_have_url(re.compile(r"/vraag/stand$"))
    assert outside.requests == []


def test_pressing_shift_three_times_is_a_quick_exit_where_javascript_runs(
    page: Page, outside: Outside
) -> None:
    answer(page, "stand", "loopt")
    page.goto("/vraag/wie")
    before = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(QUICK_EXIT)
    assert page.evaluate("history.length") == before
    page.goto("/vraag/wie")
    expect(page).to_have_url(re.compile(r"/vraag/stand$"))


def test_start_again_wipes_every_answer(page: Page, outside: Outside) -> None:
    walk(page, SCENARIOS["complaint"][0])
    page.locator(".start-again a").click()
    expect(page.locator("h1")).to_have_text("Wilt u opnieuw beginnen?")
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(page.locator(".notice")).to_contain_text("gewist")
    page.goto("/controleren")
    expect(page).to_have_url(re.compile(r"/vraag/stand$"))


def test_the_handout_prints_on_one_or_two_a4_pages(page: Page, outside: Outside) -> None:
    walk(
        page,
        {
            "stand": "weerlegd",
            "wie": "ouder_gezag",
            "woonplaats": "geen",
            "behoefte": ["steun", "klacht", "melder", "rechten", "kinderen"],
            "zwaarte": "kan_niet_aan",
            "netwerk": "nee",
            "klacht_vt": "nee",
            "melder_bekend": "ja",
            "melder_wanneer": "2_tot_3_maanden",
        },
    )
    page.goto("/advies/uitdraai")
    page.emulate_media(media="print")
    # Whom to call tonight is on the paper too: it may be read late at night.
    assert page.locator("#vanavond").evaluate("e => e.checkVisibility()")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages


def test_screenshots_of_start_question_and_advice_on_a_phone(
    new_visitor: Callable[..., Page],
) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page = new_visitor(viewport=PHONE)
    page.goto("/")
    page.screenshot(path=SCREENSHOTS / "start.png", full_page=True)
    page.goto("/vraag/stand")
    page.screenshot(path=SCREENSHOTS / "question.png", full_page=True)
    walk(page, PARENT_BUSY_AND_ALONE)
    page.goto("/advies")
    page.screenshot(path=SCREENSHOTS / "advice.png", full_page=True)
    assert all(
        (SCREENSHOTS / f"{name}.png").stat().st_size > 5000
        for name in ("start", "question", "advice")
    )
