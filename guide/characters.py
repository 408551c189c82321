# SPDX-License-Identifier: EUPL-1.2
"""The characters of a typed value: one way to write each, none that only hide, none that mislead.

A name pasted from a chat or a PDF can carry characters that show nothing (a zero-width space,
a soft hyphen, a byte-order mark, a direction mark). In the letter they would be a name that
looks filled in but is empty, or one that differs from the same name typed by hand.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters, and the marks that reverse or embed text direction: they could make the
# letter read differently from what the visitor sees in the form. Refused, not dropped.
REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ONE_LINE = re.compile(r"[\r\n\t]")  # a field of one line that holds these was tampered with
# The line and paragraph separators: a line break in a text area, a space in a field of one line
# (the browser lets them through, and the letter's text would break its line there).
SEPARATORS = re.compile("[\u2028\u2029]")
# The joiners are format characters a name can need: in Arabic or Persian script, an emoji.
JOINERS = frozenset("\u200c\u200d")
# Letters that show nothing: the Hangul fillers.
FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
# Categories of characters that show nothing of their own: format and control characters,
# spaces and separators, and marks, which need a letter to sit on.
UNSEEN = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"})


def normalised(value: str, lines: bool) -> str:
    """The value as the letter uses it: without hidden format characters, composed (NFC)."""
    value = SEPARATORS.sub("\n" if lines else " ", value)
    kept = "".join(c for c in value if not _hidden(c))
    return unicodedata.normalize("NFC", kept).strip()


def shows_nothing(value: str) -> bool:
    """Whether the value would look empty on paper: nothing but what shows nothing."""
    return all(c in FILLERS or unicodedata.category(c) in UNSEEN for c in value)


def _hidden(c: str) -> bool:
    """A format character that only hides: dropped. Joiners and direction controls stay."""
    return unicodedata.category(c) == "Cf" and c not in JOINERS and not REFUSED.match(c)


def other_script(value: str) -> bool:
    """Whether the value has letters of a script other than the Latin one Dutch is written in:
    a Dutch organisation may not be able to read them."""
    return any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in value)
