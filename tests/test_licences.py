# SPDX-License-Identifier: EUPL-1.2
"""Every dependency, Python and npm, transitive ones included, has a licence the EUPL-1.2 allows."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent

# The one list of accepted licences, as SPDX ids and as the PyPI classifiers that packages without
# an SPDX expression declare. Why each may be used in a guide published under the EUPL-1.2:
PERMISSIVE = {
    # Permissive: the code may be combined with EUPL code and shared under the EUPL, keeping
    # its notice.
    "MIT",
    "MIT-0",
    "MIT License",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "BSD License",
    "0BSD",
    "ISC",
    "ISC License (ISCL)",
    "Apache-2.0",
    "Apache Software License",
    "PSF-2.0",
    "Python Software Foundation License",
    "BlueOak-1.0.0",
    "CC0-1.0",
    # The CMU variant of the MIT licence (Pillow): permission to use, copy, modify and share,
    # keeping the notice; no other condition.
    "MIT-CMU",
}
EUPL_COMPATIBLE = {
    # Copyleft licences named in the EUPL-1.2 appendix as compatible (article 5): a work that
    # combines them with EUPL code may be shared under them.
    "MPL-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)",
    "LGPL-2.1-or-later",
    "LGPL-3.0-or-later",
    "GNU Lesser General Public License v2 or later (LGPLv2+)",
    "GNU Lesser General Public License v3 or later (LGPLv3+)",
    "GPL-2.0-or-later",
    "GPL-3.0-or-later",
    "GNU General Public License v2 or later (GPLv2+)",
    "GNU General Public License v3 or later (GPLv3+)",
    "EUPL-1.1",
    "EUPL-1.2",
    "European Union Public Licence 1.2 (EUPL 1.2)",
}
ACCEPTED = PERMISSIVE | EUPL_COMPATIBLE

# npm packages whose lock entry carries no licence: read by hand from the package's own files.
# parse-cache-control declares the old form `licenses: {type: BSD}`, linking a BSD-3-Clause text.
NPM_READ_BY_HAND = {"parse-cache-control@1.0.1": "BSD-3-Clause"}


def accepted(expression: str) -> bool:
    """Whether a licence expression allows use: any choice of OR (or ';'), every part of AND."""
    expression = expression.strip()
    if expression.startswith("(") and expression.endswith(")"):
        expression = expression[1:-1]
    # A nested expression splits into parts with a bracket, which no list entry matches: it is
    # refused until someone reads it and lists it here.
    choices = re.split(r" OR |; ", expression)
    return any(all(part.strip() in ACCEPTED for part in c.split(" AND ")) for c in choices)


def requirement_names() -> set[str]:
    names = set()
    for file in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / file).read_text().splitlines():
            if match := re.match(r"([A-Za-z0-9][\w.-]*)==", line):
                names.add(canonicalize_name(match[1]))
    return names


def with_dependencies(names: set[str]) -> set[str]:
    """The names and everything they need in this environment, as installed."""
    found, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        for line in metadata.requires(name) or []:
            need = Requirement(line)
            if need.marker is None or need.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(need.name))
    return found


def python_licences(names: set[str]) -> dict[str, str]:
    command = [sys.executable, "-m", "piplicenses", "--from=mixed", "--with-system"]
    listed = subprocess.run(
        [*command, "--format=json", "--packages", *sorted(names)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {
        f"{canonicalize_name(p['Name'])} {p['Version']}": p["License"] for p in json.loads(listed)
    }


def npm_licences(lock: Path) -> dict[str, str]:
    licences = {}
    for path, entry in json.loads(lock.read_text())["packages"].items():
        if not path:
            continue
        name = path.rsplit("node_modules/", 1)[1]
        key = f"{name}@{entry['version']}"
        licences[key] = entry.get("license") or NPM_READ_BY_HAND.get(key, "none given")
    return licences


def refused(licences: dict[str, str]) -> list[str]:
    return sorted(
        f"{package}: {licence}" for package, licence in licences.items() if not accepted(licence)
    )


def test_the_licence_rule_follows_the_expression() -> None:
    assert (
        accepted("MIT") and accepted("(MIT OR CC0-1.0)") and accepted("Apache-2.0 OR BSD-3-Clause")
    )
    assert accepted("MIT AND PSF-2.0") and accepted("Artistic License; GPL-2.0-or-later")
    assert (
        not accepted("MIT AND SSPL-1.0") and not accepted("BUSL-1.1") and not accepted("none given")
    )
    assert not accepted("GNU General Public License (GPL)")  # no version: nothing to check
    assert not accepted("MIT AND (SSPL-1.0 OR BUSL-1.1)")


def test_every_python_dependency_has_a_licence_compatible_with_the_eupl() -> None:
    names = with_dependencies(requirement_names())
    licences = python_licences(names)
    assert {package.split()[0] for package in licences} == names
    assert refused(licences) == []


def test_every_npm_package_in_the_lock_files_has_a_licence_compatible_with_the_eupl() -> None:
    for lock in (ROOT / "package-lock.json", ROOT / "bench" / "package-lock.json"):
        licences = npm_licences(lock)
        assert licences, lock
        assert refused(licences) == [], lock
