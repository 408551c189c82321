# SPDX-License-Identifier: EUPL-1.2
"""One form per question, built from the content; every error message the visitor can see.

The messages are lazy: translated where they are shown, so that the Dutch beside the visitor's
language says them again in Dutch (guide/bilingual.py)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import StopValidation, ValidationError

from .content import Question
from .i18n import N_
from .places import Places, normalise

MESSAGES = {
    "one_only": lazy_gettext("Kies één antwoord."),
    "unknown": lazy_gettext("Dit antwoord kennen we niet. Kies een van de antwoorden hieronder."),
    "exclusive": N_("Kies “%(label)s” alleen, of kies andere antwoorden."),  # with its label
    "no_place": lazy_gettext(
        "We kennen geen gemeente met deze naam. Typ de Nederlandse naam van de gemeente, "
        "en controleer de spelling. Of kies “Zeg ik liever niet”."
    ),
}
TYPED = "plaats"  # the field in which a visitor types where they live


class AnswerAllowed:
    """Accept only the question's own options, as many as its type allows."""

    def __init__(self, question: Question) -> None:
        self.question = question

    def __call__(self, form: FlaskForm, field: Field) -> None:
        values = [v for v in field.raw_data or () if v]
        if not values:
            raise StopValidation(lazy_gettext(self.question.error))
        options = [self.question.option(v) for v in values]
        if None in options or len(set(values)) != len(values):
            raise StopValidation(MESSAGES["unknown"])
        if self.question.type == "single" and len(values) > 1:
            raise StopValidation(MESSAGES["one_only"])
        exclusive = next((o for o in options if o.exclusive), None)
        if exclusive and len(values) > 1:
            message, label = MESSAGES["exclusive"], lazy_gettext(exclusive.label)
            raise StopValidation(lazy_gettext(message, label=label))


class QuestionForm(FlaskForm):
    """A form for one question: after validation, `answer()` is what the engine stores."""

    question: Question
    suggestions: tuple[str, ...] = ()  # places to choose from, when a typed name was unclear

    def answer(self) -> tuple[str, ...]:
        value = self[self.question.id].data
        return (value,) if self.question.type == "single" else tuple(value)

    @property
    def error_target(self) -> str:
        """The id of the input that the error summary links to."""
        return f"{self.question.id}-0"

    def error_target_for(self, field_name: str) -> str:
        """The input an error links to: a question has one place for all its errors."""
        return self.error_target


class PlaceForm(QuestionForm):
    """Where the visitor lives: typed and matched, picked from suggestions, or skipped."""

    places: Places
    chosen: tuple[str, ...] = ()
    # The region the field was filled in with: its name keeps meaning the region, also where
    # a municipality has the same name ("Utrecht", "Groningen").
    region: str = ""

    def answer(self) -> tuple[str, ...]:
        return self.chosen

    def validate(self, extra_validators: Any = None) -> bool:
        # Suggestions are no error, but no answer either: the page asks again.
        return super().validate(extra_validators) and bool(self.chosen)

    @property
    def error_target(self) -> str:
        return f"{self.question.id}-{TYPED}"

    @property
    def typed(self) -> Field:
        return self[TYPED]

    @property
    def shows_region(self) -> bool:
        """Whether the field still holds the name of the region it was filled in with."""
        typed = normalise(self.typed.data or "")
        return bool(self.region) and typed == normalise(self.places.name(self.region))

    def validate_plaats(self, field: Field) -> None:
        # The skip button and the suggestions carry the question's own name; a typed name
        # is only matched when neither was used.
        picked = [v for v in self[self.question.id].data or () if v]
        skip = self.question.options[0].id
        if skip in picked:
            self.chosen = (skip,)
        elif picked:
            if len(picked) > 1 or self.question.option(picked[0]) is None:
                raise ValidationError(MESSAGES["unknown"])
            self.chosen = (picked[0],)
        elif not (field.data or "").strip():
            raise ValidationError(lazy_gettext(self.question.error))
        elif self.shows_region:
            self.chosen = (self.region,)
        else:
            match = self.places.find(field.data)
            if match.found:
                self.chosen = (match.found,)
            elif match.suggestions:
                self.suggestions = match.suggestions
                raise StopValidation()  # no error: the page asks which one was meant
            else:
                raise ValidationError(MESSAGES["no_place"])


def question_form(
    question: Question, answer: tuple[str, ...] | None, places: Places
) -> QuestionForm:
    """A form for one question, prefilled with the answer given before."""
    data = _prefill(question, answer)
    if question.type == "place":
        fields: dict[str, Any] = {
            question.id: SelectMultipleField(validate_choice=False),
            TYPED: StringField(),
        }
        region = answer[0] if answer and places.region(answer[0]) else ""
        form_class = type(
            "PlaceForm",
            (PlaceForm,),
            {**fields, "question": question, "places": places, "region": region},
        )
        return form_class(data=data)
    field_class = RadioField if question.type == "single" else SelectMultipleField
    field = field_class(
        choices=[SelectChoice(o.id, o.label) for o in question.options],
        validators=[AnswerAllowed(question)],
        validate_choice=False,  # AnswerAllowed says it in the visitor's language
    )
    form_class = type("ChoiceForm", (QuestionForm,), {question.id: field, "question": question})
    return form_class(data=data)


def _prefill(question: Question, answer: tuple[str, ...] | None) -> dict[str, Any]:
    """The answer given before as form data: the place's name, or the chosen options."""
    if not answer:
        return {}
    if question.type == "place":
        skipped = answer[0] == question.options[0].id
        return {} if skipped else {TYPED: question.option(answer[0]).label}
    return {question.id: answer[0] if question.type == "single" else list(answer)}
