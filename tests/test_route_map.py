# SPDX-License-Identifier: EUPL-1.2
"""The route map's words fit each question: how it is answered, and where each answer leads."""

from __future__ import annotations

from flask.testing import FlaskClient

from guide.content import Content
from tests.helpers import check_page, text_of

HOW_ANSWERED = {
    "single": "Eén antwoord kiezen.",
    "multiple": "Eén of meer antwoorden kiezen.",
    "place": "Een gemeente of een regio van Veilig Thuis typen.",
}


def test_each_question_says_how_it_is_answered_and_a_typed_place_is_not_chosen(
    client: FlaskClient, content: Content
) -> None:
    page = check_page(client.get("/routekaart"))
    types = {question.type for question in content.questions}
    assert types == set(HOW_ANSWERED)
    for question in content.questions:
        said = text_of(page.find(id=f"vraag-{question.id}"))
        assert [how for how in HOW_ANSWERED.values() if how in said] == [
            HOW_ANSWERED[question.type]
        ], question.id


def test_otherwise_is_said_only_after_a_condition(client: FlaskClient, content: Content) -> None:
    page = check_page(client.get("/routekaart"))
    always = 0
    for question in content.questions:
        lines = [text_of(li) for li in page.find(id=f"vraag-{question.id}").select("ul")[-1]("li")]
        assert len(lines) == len(question.next)
        for line, rule, before in zip(lines, question.next, [None, *question.next], strict=False):
            if rule.when:
                assert line.startswith("Als "), (question.id, line)
            else:
                assert line.startswith("Anders:") == bool(before and before.when), (
                    question.id,
                    line,
                )
                always += before is None
    assert always  # a question that always leads to the same next one is in the flow
