# SPDX-License-Identifier: EUPL-1.2
"""'Lees voor' with the device's own voices only, proven with a stand-in for speechSynthesis."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import walk
from tests.journeys import BY_OUTCOME

ONLINE_DUTCH = {"name": "Online stem", "lang": "nl-NL", "localService": False}
LOCAL_DUTCH = {"name": "Eigen stem", "lang": "nl-NL", "localService": True}
LOCAL_ARABIC = {"name": "Eigen Arabische stem", "lang": "ar-SA", "localService": True}

# Records what would be spoken; each utterance ends at once, so a whole part is read in order,
# unless the page holds the speech (window.holdSpeech), as if a long sentence were being read.
STAND_IN = """
(voices => {
  const spoken = [];
  const synth = new EventTarget();
  Object.assign(synth, {
    paused: false,
    getVoices: () => voices,
    speak(utterance) {
      spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice.name});
      if (!window.holdSpeech) { setTimeout(() => utterance.onend && utterance.onend(), 0); }
    },
    cancel() {}, pause() { this.paused = true; }, resume() { this.paused = false; },
  });
  Object.defineProperty(window, "speechSynthesis", {value: synth});
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  window.spoken = spoken;
})(%s);
"""


def visitor_with_voices(new_visitor: Callable[..., Page], voices: list[dict]) -> Page:
    page = new_visitor()
    page.add_init_script(STAND_IN % json.dumps(voices))
    return page


def spoken(page: Page) -> list[dict]:
    return page.evaluate("window.spoken")


def test_a_question_is_read_in_order_with_the_local_voice_never_the_online_one(
    new_visitor: Callable[..., Page],
) -> None:
    page = visitor_with_voices(new_visitor, [ONLINE_DUTCH, LOCAL_DUTCH])
    page.goto("/vraag/stand")
    read = page.get_by_role(
        "button", name="Lees voor: Hoe staat het onderzoek van Veilig Thuis nu?"
    )
    read.press("Enter")  # by keyboard
    expect(page.get_by_role("button", name="Stop met voorlezen")).to_be_hidden()
    texts = [said["text"] for said in spoken(page)]
    assert texts[0] == "Hoe staat het onderzoek van Veilig Thuis nu?"
    assert texts[1].startswith("Is het onderzoek klaar?")
    assert "Het onderzoek loopt nog." in texts and texts[-1] == "Dat weet ik niet."
    assert {said["voice"] for said in spoken(page)} == {"Eigen stem"}
    assert {said["lang"] for said in spoken(page)} == {"nl-NL"}


def test_the_plan_and_a_card_are_read_each_on_its_own(
    new_visitor: Callable[..., Page],
) -> None:
    page = visitor_with_voices(new_visitor, [LOCAL_DUTCH])
    walk(page, BY_OUTCOME["niet_bevestigd"])
    page.goto("/advies")
    plan = page.locator(".plan")
    plan.get_by_role("button", name="Lees voor: Uw stappen").click()
    expect(plan.get_by_role("button", name="Stop met voorlezen")).to_be_hidden()
    texts = [said["text"] for said in spoken(page)]
    assert texts[0] == "Uw stappen" and len(texts) > 2
    shown = " ".join((plan.text_content() or "").split())
    assert [text for text in texts if " ".join(text.split()) not in shown] == []
    card = page.locator("article", has=page.locator("#dienst-vt_dossier"))
    card.locator("summary").first.click()  # a folded card is opened, then read as it shows
    before = len(spoken(page))
    card.get_by_role("button", name="Lees voor: Uw dossier bij Veilig Thuis").click()
    expect(card.get_by_role("button", name="Stop met voorlezen")).to_be_hidden()
    card_texts = [said["text"] for said in spoken(page)[before:]]
    assert card_texts[0] == "Uw dossier bij Veilig Thuis"
    assert any("niet bevestigd" in text for text in card_texts)


def test_a_page_in_arabic_is_read_with_an_arabic_voice_of_the_device(
    new_visitor: Callable[..., Page],
) -> None:
    page = visitor_with_voices(new_visitor, [LOCAL_DUTCH, LOCAL_ARABIC])
    page.goto("/taal/ar?terug=/vraag/stand")
    page.locator("form .voorlezen__button").first.click()
    page.wait_for_function("window.spoken.length > 3")
    assert {said["voice"] for said in spoken(page)} == {"Eigen Arabische stem"}
    assert {said["lang"] for said in spoken(page)} == {"ar-SA"}


@pytest.mark.parametrize("voices", [[ONLINE_DUTCH], [LOCAL_ARABIC]], ids=["online", "Arabic"])
def test_without_a_local_voice_for_the_language_no_button_shows_and_the_page_says_why(
    new_visitor: Callable[..., Page], voices: list[dict]
) -> None:
    page = visitor_with_voices(new_visitor, voices)
    page.goto("/vraag/stand")
    expect(page.locator(".voorlezen--none")).to_have_text(
        "Voorlezen kan hier niet: dit apparaat heeft geen eigen stem voor deze taal."
    )
    assert page.locator(".voorlezen__button").count() == 0
    assert spoken(page) == []


def test_a_device_without_any_voice_shows_nothing_of_it(new_visitor: Callable[..., Page]) -> None:
    page = visitor_with_voices(new_visitor, [])
    page.goto("/vraag/stand")
    page.wait_for_load_state("load")
    assert page.locator(".voorlezen").count() == 0


def test_without_javascript_no_read_aloud_button_shows(new_visitor: Callable[..., Page]) -> None:
    page = new_visitor(java_script_enabled=False)
    page.goto("/vraag/stand")
    assert page.locator(".voorlezen, .voorlezen__button").count() == 0
    assert page.locator("form[data-voorlezen]").count() == 1


def test_reading_can_be_paused_resumed_and_stopped_and_the_part_read_stands_out(
    new_visitor: Callable[..., Page],
) -> None:
    page = visitor_with_voices(new_visitor, [LOCAL_DUTCH])
    page.goto("/vraag/stand")
    page.evaluate("window.holdSpeech = true")
    form = page.locator("form[data-voorlezen]")
    form.locator(".voorlezen__button").first.click()
    expect(page.locator(".voorlezen-nu")).to_have_text(
        "Hoe staat het onderzoek van Veilig Thuis nu?"
    )
    play = form.locator(".voorlezen__button").first
    expect(play).to_have_text("Pauze")
    play.click()
    assert page.evaluate("speechSynthesis.paused") is True
    expect(play).to_have_text("Verder lezen")
    play.click()
    assert page.evaluate("speechSynthesis.paused") is False
    page.get_by_role("button", name="Stop met voorlezen").click()
    expect(play).to_have_text("Lees voor")
    expect(page.locator(".voorlezen-nu")).to_have_count(0)
    expect(page.get_by_role("button", name="Stop met voorlezen")).to_be_hidden()


def test_with_the_dutch_beside_it_only_the_familys_language_is_read_aloud(
    new_visitor: Callable[..., Page],
) -> None:
    page = visitor_with_voices(new_visitor, [LOCAL_DUTCH, LOCAL_ARABIC])
    page.goto("/taal/ar?terug=/vraag/stand")
    page.locator(".languages__dutch a").click()  # "Ook in het Nederlands"
    expect(page.locator("h1 .both__nl")).to_have_text(
        "Hoe staat het onderzoek van Veilig Thuis nu?"
    )
    page.locator("form .voorlezen__button").first.click()
    page.wait_for_function("window.spoken.length > 3")
    texts = [said["text"] for said in spoken(page)]
    assert texts[0] == page.locator("h1 .both__own").inner_text()
    assert not any("Veilig Thuis nu" in text or "Volgende" in text for text in texts)
    assert {said["voice"] for said in spoken(page)} == {"Eigen Arabische stem"}
