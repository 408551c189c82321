# SPDX-License-Identifier: EUPL-1.2
"""Dates as people write them: every accepted way reads back as the date it wrote, and
anything else is a kind error, through the real form too."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.date_input import DIGITS, EARLIEST_YEAR, Month, NotADate, read_date, written
from tests.helpers import check_page, make_letter, text_of

TODAY = dt.date(2026, 12, 4)
LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
ARABIC_INDIC = str.maketrans("0123456789", "".join(chr(0x660 + n) for n in range(10)))
PERSIAN = str.maketrans("0123456789", "".join(chr(0x6F0 + n) for n in range(10)))
days = st.dates(min_value=dt.date(EARLIEST_YEAR, 1, 1), max_value=TODAY)
digits = st.sampled_from([str, lambda s: s.translate(ARABIC_INDIC), lambda s: s.translate(PERSIAN)])


def two_digit_year_reads_back(day: dt.date) -> bool:
    """Two digits name this century's year unless it is still to come, else the last's."""
    return (day.year >= 2000) == (2000 + day.year % 100 <= TODAY.year)


@st.composite
def with_digits(draw: st.DrawFn, day: dt.date) -> str:
    separator = draw(st.sampled_from(["-", "/", ".", " - ", " "]))
    year = str(day.year)
    if two_digit_year_reads_back(day) and draw(st.booleans()):
        year = year[2:]
    day_part, month_part = (
        draw(st.sampled_from([str(n), f"{n:02d}"])) for n in (day.day, day.month)
    )
    return separator.join([day_part, month_part, year])


def in_words(day: dt.date, locale: str, pattern: str) -> str:
    return format_date(day, pattern, locale=locale)


@given(day=days, shape=st.data(), to_digits=digits)
def test_a_date_written_with_digits_and_any_usual_separator_reads_back_as_itself(
    day: dt.date, shape: st.DataObject, to_digits
) -> None:
    typed = to_digits(shape.draw(with_digits(day)))
    assert read_date(typed, TODAY) == day


@given(
    day=days,
    locale=st.sampled_from(LANGUAGES),
    pattern=st.sampled_from(["long", "medium", "d MMMM y", "d MMM y", "d-MMM-y"]),
    to_digits=digits,
)
def test_a_date_with_its_months_name_in_dutch_or_the_visitors_language_reads_back(
    day: dt.date, locale: str, pattern: str, to_digits
) -> None:
    typed = to_digits(in_words(day, locale, pattern))
    assert read_date(typed, TODAY, ("nl", locale)) == day


@given(day=days, locale=st.sampled_from(LANGUAGES), case=st.sampled_from([str.upper, str.lower]))
def test_a_months_name_is_read_whatever_its_case(day: dt.date, locale: str, case) -> None:
    assert read_date(case(in_words(day, locale, "d MMMM y")), TODAY, ("nl", locale)) == day


@given(day=days, locale=st.sampled_from(LANGUAGES), pattern=st.sampled_from(["LLLL y", "MM-y"]))
def test_a_month_alone_reads_back_as_that_month_where_a_month_is_enough(
    day: dt.date, locale: str, pattern: str
) -> None:
    typed = in_words(day, locale, pattern)
    assert read_date(typed, TODAY, ("nl", locale), month_enough=True) == Month(day.year, day.month)
    with pytest.raises(NotADate, match="no_day"):
        read_date(typed, TODAY, ("nl", locale))


@given(day=days)
def test_a_month_posted_again_with_the_letter_reads_back_as_itself(day: dt.date) -> None:
    month = Month(day.year, day.month)
    assert read_date(str(month), TODAY, month_enough=True) == month
    assert written(month, "nl") == format_date(day, "LLLL y", locale="nl")


@given(typed=st.text(max_size=40), month_enough=st.booleans())
@settings(max_examples=300)
def test_anything_else_is_a_date_in_the_past_or_a_reason_never_a_crash(
    typed: str, month_enough: bool
) -> None:
    try:
        read = read_date(typed, TODAY, LANGUAGES, month_enough)
    except NotADate as why:
        assert str(why) in {"unreadable", "no_day", "future", "early"}
    else:
        assert (read.year, read.month) <= (TODAY.year, TODAY.month)


@given(years=st.integers(0, 99))
def test_a_two_digit_year_is_never_in_the_future(years: int) -> None:
    try:
        read = read_date(f"1-1-{years:02d}", TODAY)
    except NotADate as why:
        pytest.fail(f"1-1-{years:02d}: {why}")
    assert read.year <= TODAY.year and read.year % 100 == years


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("31-12-2025", dt.date(2025, 12, 31)),
        ("31/12/25", dt.date(2025, 12, 31)),
        ("31.12.2025", dt.date(2025, 12, 31)),
        ("2-10-26", dt.date(2026, 10, 2)),
        ("2 oktober 2026", dt.date(2026, 10, 2)),
        ("2 okt 2026", dt.date(2026, 10, 2)),
        ("2 okt. 2026", dt.date(2026, 10, 2)),
        ("3 sept 2026", dt.date(2026, 9, 3)),
        ("October 2, 2026", dt.date(2026, 10, 2)),
        ("2-10-2026".translate(ARABIC_INDIC), dt.date(2026, 10, 2)),
        ("2/10/26".translate(PERSIAN), dt.date(2026, 10, 2)),
        ("2 Ekim 2026", dt.date(2026, 10, 2)),
        ("2 kasim 2025", dt.date(2025, 11, 2)),  # Kas\u0131m typed with a dotted i
        ("oktober 2026", Month(2026, 10)),
        ("okt 2026", Month(2026, 10)),
    ],
)
def test_the_issues_examples_are_read(typed: str, read: dt.date | Month) -> None:
    assert read_date(typed, TODAY, ("nl", "en", "tr"), month_enough=True) == read


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("ongeveer 2 maanden geleden", "unreadable"),
        ("2-10", "unreadable"),  # no year
        ("10-26", "unreadable"),  # a day and a month, or a month and a year?
        ("31-2-2026", "unreadable"),
        ("2 oktober november 2026", "unreadable"),
        ("1-1-1885", "early"),
        ("5-12-2026", "future"),
        ("januari 2027", "future"),
    ],
)
def test_what_is_no_date_in_the_past_says_why(typed: str, reason: str) -> None:
    with pytest.raises(NotADate, match=reason):
        read_date(typed, TODAY, month_enough=True)


def test_the_arabic_and_persian_digits_are_the_digits_zero_to_nine() -> None:
    arabic_indic = "".join(chr(0x660 + n) for n in range(10))
    persian = "".join(chr(0x6F0 + n) for n in range(10))
    assert arabic_indic.translate(DIGITS) == persian.translate(DIGITS) == "0123456789"


@given(typed=st.text(max_size=30))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_through_the_form_garbage_in_a_date_is_a_kind_error_that_keeps_what_was_typed(
    client: FlaskClient, typed: str
) -> None:
    response = make_letter(client, "inzage", {"name": "Jolanda Qvist", "birth_date": typed})
    assert response.status_code in (200, 400)
    page = check_page(response, status=response.status_code)
    if response.status_code == 400:
        error = text_of(page.find(id="birth_date-error"))
        assert "Uw geboortedatum" in error and "tekens" not in error


def test_a_report_date_of_a_month_alone_is_written_as_that_month_in_the_letter(
    client: FlaskClient,
) -> None:
    page = check_page(make_letter(client, "inzage", {"name": "Jo", "report_date": "okt 2025"}))
    assert "Het gaat om de melding van oktober 2025." in text_of(page.find("article"))


def test_a_birth_date_needs_its_day(client: FlaskClient) -> None:
    page = check_page(
        make_letter(client, "inzage", {"name": "Jo", "birth_date": "maart 1986"}), 400
    )
    assert "Schrijf in “Uw geboortedatum” ook de dag." in text_of(page.find(id="birth_date-error"))


def test_an_unreadable_report_date_points_to_the_box_and_with_the_box_ticked_is_left_out(
    client: FlaskClient,
) -> None:
    typed = {"name": "Jo", "report_date": "ongeveer 2 maanden geleden"}
    page = check_page(make_letter(client, "inzage", typed), 400)
    error = text_of(page.find(id="report_date-error"))
    assert "Kruis dan aan: Ik weet de precieze datum niet." in error
    assert page.find(id="report_date")["value"] == typed["report_date"]
    letter = check_page(make_letter(client, "inzage", {**typed, "date_unknown": "y"}))
    assert "melding van" not in text_of(letter.find("article"))


def test_a_child_under_12_may_have_a_birth_date_with_its_months_name(
    client: FlaskClient,
) -> None:
    typed = {"name": "Jo", "children": "Mirthe (3 mei 2018)", "gezag": "y", "own_words": "x"}
    page = check_page(make_letter(client, "vernietiging", typed))
    assert "Mirthe (3 mei 2018)" in text_of(page.find("article"))


def test_a_month_alone_survives_the_letter_pages_own_buttons(client: FlaskClient) -> None:
    page = check_page(make_letter(client, "inzage", {"name": "Jo", "report_date": "okt 2025"}))
    form = page.find("form", id="brief")
    data = {i["name"]: i["value"] for i in form.find_all("input")}
    text = client.post("/brief/inzage", data={**data, "format": "txt"}).get_data(as_text=True)
    assert "Het gaat om de melding van oktober 2025." in text
    again = check_page(client.post("/brief/inzage", data={**data, "format": "wijzigen"}))
    assert again.find(id="report_date")["value"] == "2025-10"
