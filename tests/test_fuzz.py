# SPDX-License-Identifier: EUPL-1.2
"""Random and malicious requests in random order: never a 5xx, never a reflected payload,
never another visitor's answers."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import answer_all, check_page

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "../../../../etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "{{7*7}}",
    "{% debug %}",
    "%(name)s%s%d",
    "' OR '1'='1",
    "\x00\x01\x02",
    "Vlieland\u202e",
    "\uff34\uff49\uff4c\uff42\uff55\uff52\uff47",  # Tilburg in full-width letters
    "ل" * 50,
    "a" * 5000,
]
IDS = [
    "stand",
    "wie",
    "woonplaats",
    "behoefte",
    "zwaarte",
    "netwerk",
    "klacht_vt",
    "melder_bekend",
    "melder_wanneer",
    "bestaat_niet",
    "advies",
]
VALUES = [
    "loopt",
    "weerlegd",
    "ouder_gezag",
    "geen",
    "GM0855",
    "VT15",
    "steun",
    "klacht",
    "melder",
    "weet_niet",
    "ja",
    "nee",
    "levenseinde",
    "2_tot_3_maanden",
]
GET_PATHS = [
    "/",
    "/vraag/{id}",
    "/vraag/{id}?wijzigen=1",
    "/controleren",
    "/advies",
    "/advies/uitdraai",
    "/advies/meegeven",
    "/alle-hulp",
    "/routekaart",
    "/intake",
    "/veilig-thuis-regios",
    "/kaart",
    "/kaart/{text}",
    "/kaart/{text}/a4",
    "/?regio={text}",
    "/privacy",
    "/taal/{text}",
    "/taal/en?terug={text}",
    "/mee/{text}",
    "/static/{text}",
    "/{text}",
    "/healthz",
]
POST_PATHS = [
    "/vraag/{id}",
    "/vraag/{id}?wijzigen=1",
    "/opnieuw",
    "/intake/nieuw",
    "/advies",
    "/",
]
VICTIM = {"stand": "loopt", "wie": "professional", "woonplaats": "GM0096"}  # Vlieland

texts = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=60))
values = st.one_of(st.sampled_from(VALUES), texts)
# What a browser can put in a header: no line breaks or other control characters.
header_texts = st.text(
    st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=60
)


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, str, dict, dict]:
    """One request: method, path, form fields (maybe repeated or huge), extra headers."""
    question = draw(st.sampled_from(IDS))
    if draw(st.booleans()):
        method, template = "GET", draw(st.sampled_from(GET_PATHS))
    else:
        method, template = (
            draw(st.sampled_from(["POST", "PUT", "DELETE"])),
            draw(st.sampled_from(POST_PATHS)),
        )
    path = template.format(id=question, text=draw(texts).replace("/", "%2F"))
    fields = draw(
        st.dictionaries(
            st.sampled_from([question, "plaats", "csrf_token", *IDS[:3], draw(texts)]),
            st.lists(values, max_size=4),
            max_size=4,
        )
    )
    headers = draw(
        st.sampled_from(
            [
                {},
                {"Content-Type": "application/json"},
                {"Content-Type": "text/plain"},
                {"Accept-Language": draw(header_texts)},
            ]
        )
    )
    return method, path, fields, headers


# What the browser sends as the session cookie: nothing new, a made-up value, or the other
# visitor's cookie cut short (a whole stolen cookie is a stolen session, not a leak).
cookies = st.one_of(
    st.none(),
    st.tuples(st.just("set"), st.sampled_from(PAYLOADS[:-1])),  # the longest cannot be a cookie
    st.tuples(
        st.just("set"), st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=300)
    ),
    st.tuples(st.just("set"), st.just("gAAAAA" + "A" * 120)),
    st.tuples(st.just("truncate"), st.integers(0, 1000)),
)


@pytest.fixture
def victim_cookie(app: Flask) -> str:
    """The session cookie of another visitor, who lives on Vlieland."""
    victim = app.test_client()
    answer_all(victim, VICTIM)
    return victim.get_cookie("nazorgwijzer").value


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.tuples(requests(), cookies), min_size=1, max_size=8))
def test_random_requests_never_break_the_guide_or_leak(
    app: Flask, victim_cookie: str, steps: list
) -> None:
    stolen = victim_cookie
    client: FlaskClient = app.test_client()
    for (method, path, fields, headers), cookie in steps:
        if cookie is not None:
            kind, value = cookie
            if kind == "truncate":
                value = stolen[: min(value, len(stolen) - 1)]
            client.set_cookie("nazorgwijzer", value.encode("ascii", "ignore").decode())
        if headers.get("Content-Type") == "application/json":
            response = client.open(path, method=method, json=fields, headers=headers)
        else:
            response = client.open(path, method=method, data=fields, headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code < 500, (method, path, response.status_code)
        for payload in PAYLOADS[:2]:
            assert payload not in body, (method, path)
        if response.mimetype == "text/html" and response.status_code == 200:
            check_page(response)
        typed = re.search(r'name="plaats" value="([^"]*)"', body)
        assert not typed or typed.group(1) != "Vlieland"  # the victim's answer, never ours
        assert stolen not in body
