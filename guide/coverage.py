# SPDX-License-Identifier: EUPL-1.2
"""How much of the regional directory is verified: per region and field, per municipality."""

from __future__ import annotations

from collections.abc import Iterator

from .directory import REGION_COLUMNS, Municipality
from .places import Places

# What each municipality may have, and how the table names it.
MUNICIPALITY_FIELDS = {
    "website": lambda m: m.website is not None,
    "team (shown)": lambda m: m.shown_team is not None,
    "team page": lambda m: bool(m.shown_team and m.shown_team.url),
}


def region_counts(places: Places) -> dict[str, int]:
    """Per column of veilig_thuis.csv: how many regions have a verified value."""
    return {c: sum(c in r.facts for r in places.regions) for c in REGION_COLUMNS}


def municipality_counts(places: Places) -> dict[str, int]:
    return {
        name: sum(has(m) for m in places.municipalities)
        for name, has in MUNICIPALITY_FIELDS.items()
    }


def coverage_line(places: Places) -> str:
    """One line: what share of every field is verified, for reports such as make bench."""
    regions, municipalities = len(places.regions), len(places.municipalities)
    per_region = ", ".join(f"{c} {n}/{regions}" for c, n in region_counts(places).items())
    per_municipality = ", ".join(
        f"{c} {n}/{municipalities}" for c, n in municipality_counts(places).items()
    )
    return f"Verified: regions: {per_region}; municipalities: {per_municipality}."


def coverage_report(places: Places) -> Iterator[str]:
    """Per region which fields are verified, then every municipality with or without a team."""
    yield "| region | name | " + " | ".join(REGION_COLUMNS) + " |"
    yield "|---|---|" + "---|" * len(REGION_COLUMNS)
    for region in places.regions:
        cells = ("yes" if c in region.facts else "-" for c in REGION_COLUMNS)
        yield f"| {region.code} | {region.name} | " + " | ".join(cells) + " |"
    yield ""
    yield "| municipality | code | region | " + " | ".join(MUNICIPALITY_FIELDS) + " |"
    yield "|---|---|---|" + "---|" * len(MUNICIPALITY_FIELDS)
    for municipality in sorted(places.municipalities, key=_without_team_first):
        cells = ("yes" if has(municipality) else "-" for has in MUNICIPALITY_FIELDS.values())
        yield (
            f"| {municipality.name} | {municipality.code} | {municipality.region} | "
            + " | ".join(cells)
            + " |"
        )
    yield ""
    yield coverage_line(places)


def _without_team_first(municipality: Municipality) -> tuple[bool, str]:
    """Those without a team first: the table shows at once where one is missing."""
    return (municipality.shown_team is not None, municipality.name.casefold())
