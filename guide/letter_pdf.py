# SPDX-License-Identifier: EUPL-1.2
"""The letter as a PDF, to attach to an e-mail or to print: made in the response, kept nowhere.

WeasyPrint lays out the same letter article as the page, with the site's own stylesheets in
print (style.css, and paper.css as the letter page has it), so the PDF is the printed letter.
It fetches nothing: not the stylesheets over the network, nor anything a typed value might name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from weasyprint import CSS, HTML

STATIC = Path(__file__).resolve().parent.parent / "static"
STYLESHEETS = (STATIC / "style.css", STATIC / "paper.css")


def letter_pdf(html: str) -> bytes:
    """The PDF of a page holding one letter."""
    return HTML(string=html, url_fetcher=_nothing).write_pdf(
        stylesheets=_stylesheets(), pdf_variant="pdf/ua-1"
    )


@cache
def _stylesheets() -> tuple[CSS, ...]:
    return tuple(CSS(filename=str(path)) for path in STYLESHEETS)


def _nothing(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"the letter's PDF fetches nothing: {url}")
