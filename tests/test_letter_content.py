# SPDX-License-Identifier: EUPL-1.2
"""letters.yaml: loaded into the model, and every mistake a content editor could make is named."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from guide import StartupError, create_app
from guide.content import CONTENT_DIR, Content, ContentFormatError, load
from guide.grounds import citations
from guide.validate import validate
from tests.conftest import TEST_CONFIG

LettersFile = dict  # letters.yaml as read, to change before loading


def first(data: LettersFile, letter_id: str) -> dict:
    return next(letter for letter in data["letters"] if letter["id"] == letter_id)


def content_with(
    tmp_path: Path, change: Callable[[LettersFile], None], file: str = "letters.yaml"
) -> Path:
    """A copy of the real content folder whose letters.yaml (or `file`) is changed by `change`."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
    change(data)
    (folder / file).write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return folder


def ground(data: LettersFile, article: str) -> dict:
    return next(g for g in data["grounds"] if g["article"] == article)


def test_the_letters_load_with_the_card_they_belong_to(content: Content) -> None:
    offered = {
        s: [x.id for x in content.letters.for_service(s)]
        for s in ("vt_dossier", "vt_klacht", "vt_nazorg")
    }
    assert offered == {
        "vt_dossier": ["inzage", "correctie", "vernietiging"],
        "vt_klacht": ["klacht"],
        "vt_nazorg": ["gesprek"],
    }


def test_a_folder_without_letters_offers_none() -> None:
    assert load(Path(__file__).parent / "fixtures" / "valid").letters.letters == ()


def set_in(letter_id: str, key: str, value: object) -> Callable[[LettersFile], None]:
    return lambda data: first(data, letter_id).__setitem__(key, value)


def add_paragraph(letter_id: str, paragraph: dict) -> Callable[[LettersFile], None]:
    return lambda data: first(data, letter_id)["paragraphs"].append(paragraph)


PROBLEMS = {
    "unknown service": (
        set_in("inzage", "service", "dossier"),
        ["letter 'inzage': unknown service 'dossier'"],
    ),
    "unknown field": (
        set_in("klacht", "fields", ["name", "email"]),
        [
            "letter 'klacht': unknown field 'email' (choose from name, address, birth_date, "
            "children, gezag, report_date, refuted, committee, assisted_by, rules_copy, "
            "own_words)",
            "letter 'klacht': 'ask' names 'own_words', which the letter does not ask",
            "letter 'klacht': paragraph 2: 'if' names 'report_date', which the letter does not ask",
            "letter 'klacht': paragraph 2: uses %(report_date)s, which the letter does not ask",
            "letter 'klacht': paragraph 3: 'if' names 'committee', which the letter does not ask",
            "letter 'klacht': paragraph 4: 'if' names 'assisted_by', which the letter does not ask",
            "letter 'klacht': paragraph 4: uses %(assisted_by)s, which the letter does not ask",
            "letter 'klacht': paragraph 5: 'if' names 'rules_copy', which the letter does not ask",
        ],
    ),
    "placeholder of a field not asked": (
        add_paragraph("gesprek", {"if": "children", "text": "Het gaat om %(children)s."}),
        [
            "letter 'gesprek': paragraph 5: 'if' names 'children', which the letter does not ask",
            "letter 'gesprek': paragraph 5: uses %(children)s, which the letter does not ask",
        ],
    ),
    "placeholder of a field that may be empty": (
        add_paragraph("inzage", {"text": "Het gaat om %(children)s."}),
        ["letter 'inzage': paragraph 7: uses %(children)s, which may be empty: add 'if: children'"],
    ),
    "placeholder of a box to tick": (
        add_paragraph("inzage", {"if": "gezag", "text": "Gezag: %(gezag)s."}),
        ["letter 'inzage': paragraph 7: uses %(gezag)s, which the letter does not ask"],
    ),
    "'unless' names a field not asked": (
        add_paragraph("gesprek", {"unless": "gezag", "text": "Zonder gezag."}),
        ["letter 'gesprek': paragraph 5: 'unless' names 'gezag', which the letter does not ask"],
    ),
    "a child's age limit on a field that is not the children": (
        set_in("klacht", "ask", {"own_words": {"younger_than": 12}}),
        ["letter 'klacht': 'younger_than' is for children, in a letter that asks gezag"],
    ),
    "an article that is not in grounds.yaml": (
        add_paragraph("gesprek", {"text": "Dit staat in artikel 21 van de AVG."}),
        ["letter 'gesprek': cites 'artikel 21 van de AVG', which is not in grounds.yaml"],
    ),
    "an article without its law": (
        add_paragraph("gesprek", {"text": "Dit staat in artikel 5.3.5."}),
        ["letter 'gesprek': cites 'artikel 5.3.5' without its law ('van de AVG', ...)"],
    ),
    "source not a web address": (
        set_in("gesprek", "sources", ["Kamerbrief over nazorg"]),
        ["letter 'gesprek': source is not a web address ('Kamerbrief over nazorg')"],
    ),
    "no checked date": (
        set_in("gesprek", "checked", None),
        ["letter 'gesprek': no checked date"],
    ),
    "duplicate letter id": (
        set_in("gesprek", "id", "klacht"),
        ["letter 'klacht': id used 2 times"],
    ),
}


def test_every_article_a_letter_cites_is_a_legal_ground_with_a_source(content: Content) -> None:
    cited = {
        letter.id: sorted({a for t in letter.texts for a, _ in citations(t)})
        for letter in content.letters.letters
    }
    assert cited == {
        "inzage": [
            "artikel 12 lid 3 van de AVG",
            "artikel 15 van de AVG",
            "artikel 5.3.2 van de Wmo 2015",
        ],
        "correctie": [
            "artikel 16 van de AVG",
            "artikel 19 van de AVG",
            "artikel 5.3.2 lid 5 van de Wmo 2015",
        ],
        "vernietiging": [
            "artikel 17 van de AVG",
            "artikel 19 van de AVG",
            "artikel 5.3.5 van de Wmo 2015",
        ],
        "klacht": ["artikel 4.2.11 van de Wmo 2015", "artikel 4.2.7 van de Wmo 2015"],
        "gesprek": [],
        "hulp": ["artikel 3a.1.2 van de Wmo 2015", "artikel 4.2.6 van de Wmo 2015"],
    }
    for article in {a for articles in cited.values() for a in articles}:
        assert content.ground(article).sources, article


def test_a_letter_whose_legal_ground_has_no_source_is_refused(tmp_path: Path) -> None:
    folder = content_with(
        tmp_path,
        lambda data: ground(data, "artikel 5.3.5 van de Wmo 2015").update(sources=[]),
        file="grounds.yaml",
    )
    assert validate(load(folder)) == [
        "service 'vt_dossier': cites 'artikel 5.3.5 van de Wmo 2015', "
        "whose legal ground has no source",
        "letter 'vernietiging': cites 'artikel 5.3.5 van de Wmo 2015', "
        "whose legal ground has no source",
        "legal ground 'artikel 5.3.5 van de Wmo 2015': no source",
    ]
    with pytest.raises(StartupError, match=r"'vernietiging': cites 'artikel 5\.3\.5 van de Wmo"):
        create_app({**TEST_CONFIG, "CONTENT_DIR": str(folder)})


def test_a_card_may_cite_only_an_article_with_a_legal_ground(tmp_path: Path) -> None:
    def cite(data: dict) -> None:
        next(s for s in data["services"] if s["id"] == "jeugdstem")["limits"] += (
            " Zie artikel 4.2.9 van de Wmo 2015."
        )

    folder = content_with(tmp_path, cite, file="services.yaml")
    assert validate(load(folder)) == [
        "service 'jeugdstem': cites 'artikel 4.2.9 van de Wmo 2015', which is not in grounds.yaml"
    ]


@pytest.mark.parametrize("problem", PROBLEMS)
def test_each_mistake_in_the_letters_is_named_exactly(tmp_path: Path, problem: str) -> None:
    change, expected = PROBLEMS[problem]
    assert validate(load(content_with(tmp_path, change))) == expected


def test_a_letter_missing_a_text_is_refused_with_the_file_and_the_letter_named(
    tmp_path: Path,
) -> None:
    folder = content_with(tmp_path, lambda data: first(data, "klacht").pop("subject"))
    with pytest.raises(
        ContentFormatError, match=r"letters\.yaml: letters entry 4 \(klacht\).*subject"
    ):
        load(folder)


def test_the_app_does_not_start_with_a_broken_letters_file(tmp_path: Path) -> None:
    folder = content_with(tmp_path, set_in("inzage", "service", "dossier"))
    with pytest.raises(StartupError, match="letter 'inzage': unknown service 'dossier'"):
        create_app({**TEST_CONFIG, "CONTENT_DIR": str(folder)})
