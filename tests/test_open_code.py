# SPDX-License-Identifier: EUPL-1.2
"""Open code: anyone may reuse the guide under the EUPL-1.2, and every file says so."""

from __future__ import annotations

import subprocess
from pathlib import Path

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
