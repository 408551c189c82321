"""One form per question, built from the content; every error message the visitor can see."""

from __future__ import annotations

from flask_babel import gettext, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectChoice, SelectMultipleField
from wtforms.validators import StopValidation

from .content import Question

MESSAGES = {
    "one_only": lazy_gettext("Kies één antwoord."),
    "unknown": lazy_gettext("Dit antwoord kennen we niet. Kies een van de antwoorden hieronder."),
    "exclusive": lazy_gettext("Kies “%(label)s” alleen, of kies andere antwoorden."),
}


class AnswerAllowed:
    """Accept only the question's own options, as many as its type allows."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def __call__(self, form: FlaskForm, field: Field) -> None:
        values = [v for v in field.raw_data or () if v]
        if not values:
            raise StopValidation(gettext(self.question.error))
        options = [self.question.option(v) for v in values]
        if None in options or len(set(values)) != len(values):
            raise StopValidation(MESSAGES["unknown"])
        if self.question.type == "single" and len(values) > 1:
            raise StopValidation(MESSAGES["one_only"])
        exclusive = next((o for o in options if o.exclusive), None)
        if exclusive and len(values) > 1:
            raise StopValidation(MESSAGES["exclusive"] % {"label": gettext(exclusive.label)})


def question_form(question: Question, answer: tuple[str, ...] | None) -> FlaskForm:
    """A form for one question, prefilled with the answer given before."""
    field_class = RadioField if question.type == "single" else SelectMultipleField
    field = field_class(
        choices=[SelectChoice(o.id, o.label) for o in question.options],
        validators=[AnswerAllowed(question)],
        validate_choice=False,  # AnswerAllowed says it in the visitor's language
    )
    form_class = type("QuestionForm", (FlaskForm,), {question.id: field})
    data = None
    if answer:
        data = {question.id: answer[0] if question.type == "single" else list(answer)}
    return form_class(data=data)


def answer_of(form: FlaskForm, question: Question) -> tuple[str, ...]:
    """The validated answer as the engine stores it."""
    value = form[question.id].data
    return (value,) if question.type == "single" else tuple(value)
