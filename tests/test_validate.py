# SPDX-License-Identifier: EUPL-1.2
"""The validator: each rule has a tiny fixture that breaks only it, and the exact problems it gives.

Each folder under fixtures/invalid/ is a copy of fixtures/valid/ with one thing broken; the
first line of the changed file says what.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide.content import Content, ContentFormatError, load
from guide.validate import stale, validate

FIXTURES = Path(__file__).parent / "fixtures"

# Fixture folder under invalid/ -> the exact problems the validator must report for it.
EXPECTED: dict[str, list[str]] = {
    "duplicate_question_id": ["question 'netwerk': id used 2 times"],
    "duplicate_service_id": ["service 'huisarts': id used 2 times"],
    "duplicate_group_id": ["group 'steun': id used 2 times"],
    "duplicate_option_id": ["question 'wie': option 'ouder': id used 2 times"],
    "unknown_start": ["start: unknown question 'begin'"],
    "unknown_question_type": ["question 'wie': unknown type 'dropdown'"],
    "too_few_options": ["question 'wie': needs at least 2 options, has 1"],
    "missing_default_rule": ["question 'behoefte': no default rule (a rule without 'if')"],
    "two_default_rules": ["question 'behoefte': 2 default rules, expected 1"],
    "default_rule_not_last": ["question 'behoefte': the default rule must be the last rule"],
    "routes_to_unknown_question": ["question 'behoefte': routes to unknown question 'netwerken'"],
    "routing_names_unknown_question": [
        "question 'behoefte': condition names unknown question 'behoeften'"
    ],
    "routing_names_unknown_answer": [
        "question 'behoefte': condition names unknown answer 'praten' of 'behoefte'"
    ],
    "advise_names_unknown_question": [
        "service 'luisterlijn': condition names unknown question 'vrienden'"
    ],
    "advise_names_unknown_answer": [
        "service 'luisterlijn': condition names unknown answer 'misschien' of 'netwerk'"
    ],
    "note_names_unknown_answer": [
        "service 'klachtenfunctionaris': condition names unknown answer 'kind' of 'wie'"
    ],
    "note_names_unknown_term": [
        "service 'klachtenfunctionaris': unknown agenda term 'morgen' (choose from strafklacht)"
    ],
    "term_without_source": [
        "term 'strafklacht': no source",
        "term 'strafklacht': no checked date",
    ],
    "term_of_months_and_weeks": ["term 'strafklacht': give months or weeks, one of them"],
    "contact_names_unknown_answer": [
        "service 'klachtenfunctionaris': condition names unknown answer 'buurman' of 'wie'"
    ],
    "unknown_group": ["service 'luisterlijn': unknown group 'hulp'"],
    "after_without_title": [
        "service 'klachtenfunctionaris': 'after' needs a title and at least 2 steps"
    ],
    "missing_source": ["service 'luisterlijn': no source"],
    "source_not_a_web_address": [
        "service 'luisterlijn': source is not a web address ('Openbare bronnen over hulplijnen')"
    ],
    "missing_checked_date": ["service 'luisterlijn': no checked date"],
    "no_advise_rule": ["service 'huisarts': no advise rule"],
    "unknown_contact_type": ["service 'klachtenfunctionaris': unknown contact type 'email'"],
    "text_contact_without_label": ["service 'huisarts': a text contact needs a label"],
    "phone_contact_without_value": ["service 'luisterlijn': a phone contact needs a value"],
    "web_address_not_https": [
        "service 'klachtenfunctionaris': web address must start with https:// "
        "('http://example.org/klacht')"
    ],
    "unknown_priority": ["service 'luisterlijn': unknown priority 'urgent'"],
    "rank_misses_a_service": ["rank: service 'huisarts' is missing"],
    "rank_names_unknown_service": ["rank: unknown service 'tandarts'"],
    "rank_lists_a_service_twice": ["rank: service 'luisterlijn' is listed 2 times"],
    "unreachable_question": ["question 'extra': cannot be reached from the start"],
    "cycle": ["question 'behoefte': cycle behoefte -> netwerk -> behoefte"],
    # Without a way out of a loop there is always a cycle too.
    "no_path_to_advice": [
        "question 'rondje': cycle rondje -> rondje",
        "question 'netwerk': no path from here leads to the advice",
        "question 'rondje': no path from here leads to the advice",
    ],
    "routing_uses_a_later_question": [
        "question 'wie': routing uses 'netwerk', which is not asked before it"
    ],
    "question_named_advies": [
        "question 'advies': the id 'advies' is kept for the advice; choose another",
        # The renamed question was 'netwerk', which a service still names.
        "service 'luisterlijn': condition names unknown question 'netwerk'",
    ],
    "condition_without_answers": ["question 'behoefte': condition lists no answers for 'behoefte'"],
    "place_steers_routing": [
        "question 'behoefte': condition names 'woonplaats': where someone lives steers nothing"
    ],
    "region_link_is_not_an_address": [
        "region 'VT15': klachten_url 'www.example.org/klacht' is not an https:// address"
    ],
    "region_postal_address_without_postcode": [
        "region 'VT15': klachten_postadres 'Postbus 1 | Tilburg' is not a postal address "
        "(lines between '|', the last a postcode and place)"
    ],
    "region_email_not_an_address": [
        "region 'VT15': klachten_email 'klachten at example.org' is not an e-mail address"
    ],
    "region_value_without_source": ["region 'VT15': klachten_postadres has no source"],
    "region_source_not_a_web_address": [
        "region 'VT15': the source of klachten_url is not a web address "
        "('de website van Veilig Thuis')"
    ],
    # A value that was not seen stays empty: a word in its place would be shown as the value.
    "region_value_says_unverified": [
        "region 'VT27': naam says UNVERIFIED: leave a value that was not seen empty"
    ],
    "region_without_checked_date": ["region 'VT27': no checked date"],
    "municipality_without_website": ["municipality 'GM0796': no website"],
    "municipality_website_not_https": [
        "municipality 'GM0796': website 'http://example.org/den-bosch' is not an https:// address"
    ],
    "municipality_website_without_checked_date": [
        "municipality 'GM0855': website has no checked date"
    ],
    "team_page_not_https": [
        "team of 'GM0855': url 'example.org/tilburg/wijkteam' is not an https:// address"
    ],
    "team_without_source": ["team of 'GM0855': team_name has no source"],
    "team_seen_on_unknown": [
        "team of 'GM0855': seen_on 'krant' is not one of gemeente, regio, team, derden"
    ],
    "team_without_checked_date": ["team of 'GM0855': no checked date"],
    "team_of_unknown_municipality": ["websites or teams: unknown municipality 'GM9999'"],
    "municipality_in_unknown_region": [
        "region 'VT27': no municipality belongs to it",
        "municipality 'GM0796': unknown region 'VT28'",
    ],
    "other_name_of_unknown_municipality": ["other name 'Den Bosch': unknown municipality 'GM0797'"],
    "other_name_without_source": ["other name 'Den Bosch': its source is not a web address ('')"],
    "not_a_cbs_code": ["municipality 'G855': not a CBS municipality code (GM and four digits)"],
    "place_question_without_place_data": [
        "question 'woonplaats': needs at least 2 options, has 1",
        "question 'woonplaats': asks for the place, but there is no place data",
    ],
    # Its rule needs 'weet_niet' and 'netwerk', but 'weet_niet' routes past 'netwerk'.
    "service_excluded_by_routing": ["service 'luisterlijn': no answers lead to it"],
    # A young person ("jongere") answers for themselves: what follows must say "je".
    "young_route_reaches_adult_text": [
        "question 'netwerk': 'text' speaks to an adult on a young route: add its je-form"
    ],
    "je_form_speaks_to_an_adult": [
        "service 'luisterlijn': the je-form of 'expect' still speaks to an adult"
    ],
    "je_form_of_unknown_text": [
        "question 'netwerk': a je-form of 'titel', which is not one of its texts"
    ],
    # Children pay no insurance or eigen risico: their card does not speak of it.
    "young_card_names_insurance": [
        "service 'huisarts': the je-form of 'cost' still speaks to an adult"
    ],
    # The letter marked parents_only beside it is left out for a young person: no problem.
    "young_route_reaches_adult_letter": [
        "letter 'klacht': 'title' speaks to an adult on a young route: mark it parents_only",
        "letter 'klacht': 'text' speaks to an adult on a young route: mark it parents_only",
    ],
}


def test_the_valid_fixture_has_no_problems() -> None:
    assert validate(load(FIXTURES / "valid")) == []


def test_the_fixture_with_places_has_no_problems() -> None:
    assert validate(load(FIXTURES / "places")) == []


def test_the_real_content_has_no_problems(content: Content) -> None:
    assert validate(content) == []


@pytest.mark.parametrize(("fixture", "expected"), EXPECTED.items(), ids=EXPECTED)
def test_each_broken_rule_gives_exactly_its_own_problem(fixture: str, expected: list[str]) -> None:
    assert validate(load(FIXTURES / "invalid" / fixture)) == expected


def test_every_invalid_fixture_has_its_expected_problems_listed() -> None:
    folders = {p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir()}
    assert folders == set(EXPECTED)


def test_several_problems_are_all_reported_in_order_of_the_checks() -> None:
    assert validate(load(FIXTURES / "several_problems")) == [
        "group 'steun': id used 2 times",
        "question 'wie': unknown type 'dropdown'",
        "question 'behoefte': routes to unknown question 'netwerken'",
        "service 'luisterlijn': no source",
        "service 'klachtenfunctionaris': web address must start with https:// "
        "('http://example.org/klacht')",
    ]


@pytest.mark.parametrize(
    ("fixture", "named_path", "detail"),
    [
        ("list_at_top", "list_at_top/flow.yaml", "expected a mapping at the top"),
        ("not_yaml", "not_yaml/flow.yaml", "expected ',' or ']'"),
        (
            "missing_field",
            "missing_field/services.yaml",
            "services entry 3 (huisarts): missing or malformed 'name'",
        ),
        ("duplicate_key", "duplicate_key/flow.yaml", "key 'behoefte' appears twice"),
        (
            "unquoted_phone_number",
            "unquoted_phone_number/services.yaml",
            "contact value 75: put it in quotes",
        ),
        ("impossible_date", "impossible_date/services.yaml", "day is out of range"),
    ],
    ids=[
        "list at the top",
        "not yaml",
        "missing field",
        "duplicate key",
        "unquoted phone",
        "impossible date",
    ],
)
def test_a_malformed_content_file_is_refused_with_its_path(
    fixture: str, named_path: str, detail: str
) -> None:
    with pytest.raises(ContentFormatError) as raised:
        load(FIXTURES / "malformed" / fixture)
    message = str(raised.value)
    assert message.startswith(f"{FIXTURES / 'malformed' / named_path}: ")
    assert detail in message


def test_a_check_more_than_a_year_old_is_a_warning_not_a_problem() -> None:
    content = load(FIXTURES / "valid")  # every service checked on 2026-11-28
    assert stale(content, dt.date(2027, 11, 28)) == []
    assert stale(content, dt.date(2027, 11, 29)) == [
        f"service '{s.id}': checked on 2026-11-28, more than a year ago" for s in content.services
    ]
