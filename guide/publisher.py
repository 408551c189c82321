# SPDX-License-Identifier: EUPL-1.2
"""Who publishes the guide, named once in a small TOML file and checked when the app starts.

NAZORGWIJZER_PUBLISHER names the file. Every setting is required: the privacy and accessibility
statements, the footer, security.txt and the quick exit all speak for the publisher, and a
statement that names nobody is worth nothing. `publisher.example.toml` holds fictitious values
(example.org, RFC 2606) for development and the test stack.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from flask_babel import lazy_gettext

from .dates import today

ENVIRONMENT = "NAZORGWIJZER_PUBLISHER"
EXAMPLE = Path(__file__).resolve().parent.parent / "publisher.example.toml"
# The statuses digitoegankelijk.nl gives an accessibility statement.
STATUSES = {
    "voldoet volledig": lazy_gettext("voldoet volledig"),
    "voldoet gedeeltelijk": lazy_gettext("voldoet gedeeltelijk"),
    "eerste maatregelen genomen": lazy_gettext("eerste maatregelen genomen"),
    "voldoet niet": lazy_gettext("voldoet niet"),
}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
HTTPS = re.compile(r"https://[^/\s?#]+\.[^/\s?#]+(/\S*)?")
HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


@dataclass(frozen=True)
class Publisher:
    """The publisher's settings; each help is what start-up says when one is missing or wrong."""

    name: str = field(metadata={"help": "the name of the organisation that offers the guide"})
    email: str = field(
        metadata={"help": "the e-mail address for questions and feedback on accessibility"}
    )
    contact_page: str = field(
        metadata={"help": "the https address of the publisher's contact page"}
    )
    controller: str = field(
        metadata={"help": "the controller (verwerkingsverantwoordelijke) under the AVG"}
    )
    privacy_email: str = field(
        metadata={"help": "the e-mail address of the data protection officer (FG)"}
    )
    security_contact: str = field(
        metadata={"help": "an e-mail or https address for security reports"}
    )
    hosts: tuple[str, ...] = field(
        metadata={"help": "the public host name(s), a list; the first is canonical"}
    )
    quick_exit: str = field(metadata={"help": "the https address 'Snel weg' leads to"})
    log_retention_days: int = field(
        metadata={"help": "how many days the server's logs are kept, 1 or more"}
    )
    accessibility_status: str = field(
        metadata={"help": f"the status of the last evaluation: {list(STATUSES)}"}
    )
    accessibility_evaluated: dt.date = field(
        metadata={"help": "the date of the last evaluation, not in the future"}
    )

    @property
    def address(self) -> str:
        """The guide's public address: the canonical host, where the app answers at the root.

        The nazorgkaart prints the host name and its QR code opens this address.
        """
        return f"https://{self.hosts[0]}/"

    @property
    def security_uri(self) -> str:
        """The security contact as security.txt wants it: a URI."""
        contact = self.security_contact
        return contact if contact.startswith("https://") else f"mailto:{contact}"

    @property
    def status_label(self) -> str:
        return str(STATUSES[self.accessibility_status])


HELP = {f.name: f.metadata["help"] for f in fields(Publisher)}


def load(path: str | Path | None) -> tuple[Publisher | None, list[str]]:
    """The publisher from the file at path, or None and one line for each problem."""
    if not path:
        return None, [f"{ENVIRONMENT} is not set: name the publisher's file ({EXAMPLE.name})."]
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return None, [f"{ENVIRONMENT}: cannot read {path}: {error}"]
    problems = [f"{path}: `{key}` is missing: {HELP[key]}." for key in HELP if key not in raw] + [
        f"{path}: `{key}` is not a setting." for key in raw if key not in HELP
    ]
    problems += [
        f"{path}: `{key}` is wrong: {HELP[key]}."
        for key, value in raw.items()
        if key in HELP and not _valid(key, value)
    ]
    if problems:
        return None, problems
    return Publisher(**{**raw, "hosts": tuple(raw["hosts"])}), []


def _valid(key: str, value: Any) -> bool:
    if key == "hosts":
        return isinstance(value, list) and bool(value) and all(_valid("host", h) for h in value)
    if key == "log_retention_days":
        return type(value) is int and value >= 1
    if key == "accessibility_evaluated":
        return type(value) is dt.date and value <= today()
    if not isinstance(value, str) or value != value.strip() or not value:
        return False
    if key in ("email", "privacy_email"):
        return bool(EMAIL.fullmatch(value))
    if key in ("contact_page", "quick_exit"):
        return bool(HTTPS.fullmatch(value))
    if key == "security_contact":
        return bool(EMAIL.fullmatch(value) or HTTPS.fullmatch(value))
    if key == "host":
        return bool(HOST.fullmatch(value))
    if key == "accessibility_status":
        return value in STATUSES
    return True
