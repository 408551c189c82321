# SPDX-License-Identifier: EUPL-1.2
"""The situations the tests walk through, each as a visitor would answer, in order."""

from __future__ import annotations

from tests.helpers import Answer

Journey = dict[str, Answer]

REFUTED_PARENT: Journey = {"stand": "weerlegd", "wie": "ouder_gezag", "woonplaats": "geen"}

BUSY_AND_ALONE: Journey = {
    **REFUTED_PARENT,
    "behoefte": "steun",
    "zwaarte": "houdt_bezig",
    "netwerk": "nee",
}
COMPLAINT_NOT_YET_RAISED: Journey = {**REFUTED_PARENT, "behoefte": "klacht", "klacht_vt": "nee"}
MALICIOUS_REPORTER: Journey = {
    **REFUTED_PARENT,
    "behoefte": "melder",
    "melder_bekend": "ja",
    "melder_wanneer": "2_tot_3_maanden",
}
ENDING_THEIR_LIFE: Journey = {
    "stand": "loopt",
    "wie": "jongere_16_plus",
    "woonplaats": "geen",
    "behoefte": "steun",
    "zwaarte": "levenseinde",
    "netwerk": "ja",
}
# A 14-year-old answering for themselves, who can hardly cope and wants to know their rights.
YOUNG_AND_STRUGGLING: Journey = {
    "stand": "weerlegd",
    "wie": "jongere_12_15",
    "woonplaats": "geen",
    "behoefte": ["steun", "rechten"],
    "zwaarte": "kan_niet_aan",
    "netwerk": "nee",
}
# Where they live typed, as a parent would: their own Veilig Thuis shows on the cards.
PARENT_BUSY_AND_ALONE: Journey = {**BUSY_AND_ALONE, "woonplaats": "Tilburg"}
# The journeys whose advice must fit on a small phone: the browser tests check them, and
# `make bench` prints how many screens each takes.
ON_A_PHONE: dict[str, Journey] = {
    "busy and alone": PARENT_BUSY_AND_ALONE,
    "complaint": COMPLAINT_NOT_YET_RAISED,
    "malicious reporter": MALICIOUS_REPORTER,
    "ending their life": ENDING_THEIR_LIFE,
}
# Every question asked and as much advice as possible: the pages at their fullest.
EVERY_QUESTION: Journey = {
    "stand": "weerlegd",
    "wie": "ouder_gezag",
    "woonplaats": "GM0855",
    "behoefte": ["steun", "gesprek_vt", "klacht", "rechten", "melder", "kinderen", "thuis"],
    "zwaarte": "kan_niet_aan",
    "netwerk": "nee",
    "klacht_vt": "nee",
    "melder_bekend": "nee",
    "melder_wanneer": "2_tot_3_maanden",
}
# A family in Tilburg in crisis, with four needs: every kind of question and advice page.
FAMILY_IN_TILBURG: Journey = {
    "stand": "weerlegd",
    "wie": "ouder_gezag",
    "woonplaats": "Tilburg",
    "behoefte": ["steun", "klacht", "melder", "rechten"],
    "zwaarte": "levenseinde",
    "netwerk": "nee",
    "klacht_vt": "nee",
    "melder_bekend": "nee",
    "melder_wanneer": "2_tot_3_maanden",
}
# One family per outcome of the investigation, as its report names it, with the same needs:
# support, a complaint and their file. Whatever the outcome, those three hold.
BY_OUTCOME: dict[str, Journey] = {
    stand: {
        "stand": stand,
        "wie": "ouder_gezag",
        "woonplaats": "geen",
        "behoefte": ["steun", "klacht", "rechten"],
        "zwaarte": "houdt_bezig",
        "netwerk": "ja",
        "klacht_vt": "nee",
    }
    for stand in ("loopt", "weerlegd", "niet_bevestigd", "bevestigd", "overgedragen", "weet_niet")
}
# Said only where the concern was refuted: to anyone else it would be untrue.
ONLY_IF_REFUTED = ("dat de zorgen niet klopten", "In 2017 schreef")
# What each outcome's advice must say.
OUTCOME_SAYS: dict[str, tuple[str, ...]] = {
    "loopt": ("Loopt het onderzoek nog?",),
    "weerlegd": ONLY_IF_REFUTED,
    "niet_bevestigd": (
        "Staat in het verslag “niet bevestigd”",
        "niet eens met wat er in het dossier",
    ),
    "bevestigd": ("Veilig Thuis vond dat er thuis iets niet goed ging", "Vraag Veilig Thuis wie"),
    "overgedragen": ("Veilig Thuis gaf de zorgen door aan het wijkteam",),
    "weet_niet": ("Veilig Thuis kan u vertellen hoe het onderzoek afliep", "om het verslag"),
}
