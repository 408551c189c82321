# SPDX-License-Identifier: EUPL-1.2
"""Every external web address in the content, and whether it still answers (for the operator)."""

from __future__ import annotations

import urllib.error
import urllib.request

from .content import Content
from .directory import SUBJECTS

TIMEOUT_SECONDS = 10
USER_AGENT = "Nazorgwijzer link check"


def external_links(content: Content) -> list[tuple[str, str]]:
    """(entry it belongs to, address) for every web address the pages can show."""
    links = [
        (f"service '{service.id}'", contact.value)
        for service in content.services
        for contact in service.contact
        if contact.type == "web"
    ]
    places = content.places
    links += [
        (f"region '{region.code}' {kind}", url)
        for region in places.regions
        for kind in SUBJECTS
        if (url := region.link(kind))
    ]
    links += [
        (f"municipality '{m.code}' website", m.website.value)
        for m in places.municipalities
        if m.website
    ]
    links += [
        (f"municipality '{m.code}' team", m.shown_team.url)
        for m in places.municipalities
        if m.shown_team and m.shown_team.url
    ]
    return links


def problem_with(url: str, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """None if the address answers; else what went wrong. HEAD first, GET where HEAD is refused."""
    if not url.startswith(("http://", "https://")):
        return "not a web address"
    failure = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            # Only http(s), checked above: no file: or other schemes.
            with urllib.request.urlopen(request, timeout=timeout):  # nosec B310
                return None
        except urllib.error.HTTPError as error:
            failure = f"HTTP {error.code}"
            error.close()
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            failure = str(getattr(error, "reason", error))
    return failure
