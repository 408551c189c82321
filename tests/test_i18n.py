# SPDX-License-Identifier: EUPL-1.2
"""Every text can be translated: the catalogue template is complete and up to date."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from babel.messages.pofile import read_po

from guide.content import Content
from guide.i18n import extract_content

ROOT = Path(__file__).parent.parent


def test_the_committed_catalogue_template_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(["make", "-s", "pot", f"POT={fresh}"], cwd=ROOT, check=True, capture_output=True)
    committed = (ROOT / "translations" / "messages.pot").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == committed, "run `make translations`"


def test_every_content_text_is_in_the_catalogue_template(content: Content) -> None:
    with (ROOT / "translations" / "messages.pot").open("rb") as file:
        msgids = {message.id for message in read_po(file) if message.id}
    # Municipality names are names: only the place question's own option is a text.
    texts = [q.text for q in content.questions]
    texts += [
        o.label
        for q in content.questions
        for o in (q.options[:1] if q.type == "place" else q.options)
    ]
    texts += [
        text
        for s in content.services
        for text in (s.name, s.what, s.cost, s.expect, s.limits, *s.steps)
    ]
    texts += [n.text for s in content.services for n in s.notes]
    texts += [c.label for s in content.services for c in s.contact if c.label]
    # A letter's own words for a field, also for the field called "name" (a text key elsewhere).
    texts += [text for letter in content.letters.letters for text in letter.texts]
    assert content.letters.letter("klacht").ask["name"].hint in texts
    assert set(texts) - msgids == set()


def test_the_extractor_names_the_question_or_service_of_each_text() -> None:
    source = b"""
questions:
  - id: stand
    text: Hoe staat het?
    options:
      - id: loopt
        label: Het loopt nog.
    next:
      - if: {stand: [loopt]}
        goto: advies
services:
  - id: huisarts
    steps: [Bel de huisarts., Maak een afspraak.]
    contact:
      - type: phone
        value: 0800-2000
"""
    found = list(extract_content(io.BytesIO(source), [], [], {}))
    assert found == [
        (4, "gettext", "Hoe staat het?", ["id: stand"]),
        (7, "gettext", "Het loopt nog.", ["id: loopt"]),
        (13, "gettext", "Bel de huisarts.", ["id: huisarts"]),
        (13, "gettext", "Maak een afspraak.", ["id: huisarts"]),
    ]
