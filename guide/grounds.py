# SPDX-License-Identifier: EUPL-1.2
"""The articles of law the letters and cards cite: grounds.yaml, and how a text cites them.

A letter that cites an article nobody looked up can cost a family its chance, so every
citation must match a ground here that names its source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

LAWS = ("AVG", "Wmo 2015")
# "artikel 15 van de AVG", "artikel 5.3.2 lid 5 van de Wmo 2015", "artikel 3a.1.2 van de ...".
# The law may be missing: that is a citation nobody can check, and the validator says so.
CITATION = re.compile(
    r"\bartikel (\d+[a-z]?(?:\.\d+)*(?: lid \d+)?)(?: van de (" + "|".join(LAWS) + r"))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Ground:
    article: str  # as the texts cite it: "artikel 15 van de AVG"
    says: str  # what the law says there, in its own words
    sources: tuple[str, ...]
    checked: dt.date | None


def citations(text: str) -> Iterator[tuple[str, bool]]:
    """Each article a text cites, and whether it names its law."""
    for match in CITATION.finditer(text):
        yield match.group(0), match.group(2) is not None
