# SPDX-License-Identifier: EUPL-1.2
"""What gets installed is exactly what was locked, and the audit says what it checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_licences import requirement_names, with_dependencies
from tools import audit

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][\w.-]*)==(\S+) \\$")


def locked(file: str) -> dict[str, str]:
    """Each package of a lock file with its version; every entry must be pinned and hashed."""
    text = (ROOT / file).read_text()
    entries = re.split(r"\n(?=\S)", text)
    pins = {}
    for entry in entries:
        if entry.startswith("#") or not entry.strip():
            continue
        first = entry.splitlines()[0]
        match = PIN.match(first)
        assert match, f"{file}: not pinned with hashes: {first}"
        assert "--hash=sha256:" in entry, f"{file}: no hash for {first}"
        pins[match[1].lower()] = match[2]
    return pins


def test_every_locked_package_is_pinned_with_its_hashes() -> None:
    runtime, dev = locked("requirements.txt"), locked("requirements-dev.txt")
    assert {"flask", "gunicorn", "cryptography"} <= set(runtime)
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_locks_hold_every_package_their_packages_need() -> None:
    names = requirement_names()
    assert with_dependencies(names) - names == set()


def test_make_installs_only_what_matches_the_hashes_and_make_test_audits() -> None:
    makefile = (ROOT / "Makefile").read_text()
    installs = re.findall(r"pip install[^\n]*", makefile)
    # Each lock as it stands: complete (above), so nothing is resolved again.
    assert installs and all("--require-hashes --no-deps -r" in line for line in installs)
    test_target = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert test_target and "audit" in test_target[0]
    assert "make audit" in (ROOT / "README.md").read_text()


PIP_AUDIT_SKIPPED = {
    "dependencies": [
        {"name": "babel", "skip_reason": "Dependency not found on PyPI and could not be audited"},
        {"name": "flask", "version": "3.1.3", "vulns": []},
    ],
    "fixes": [],
}
PIP_AUDIT_CLEAN = {"dependencies": [{"name": "flask", "version": "3.1.3", "vulns": []}] * 3}
PIP_AUDIT_VULNERABLE = {
    "dependencies": [{"name": "pip", "version": "23.2.1", "vulns": [{"id": "PYSEC-0000-1"}]}]
}


@pytest.mark.parametrize(
    ("report", "errors", "outcome", "says"),
    [
        (PIP_AUDIT_CLEAN, "", audit.PASSED, "3 of 3 packages audited, 0 known vulnerabilities"),
        (PIP_AUDIT_VULNERABLE, "", audit.VULNERABLE, "1 of 1 packages audited, 1 known"),
        (PIP_AUDIT_SKIPPED, "", audit.NOT_DONE, "audit NOT done: 1 of 2 packages audited"),
        (None, "requests.exceptions.ConnectionError: Max retries", audit.NOT_DONE, "no network"),
        (None, "ValueError: bad requirement", audit.NOT_DONE, "audit failed: ValueError"),
    ],
)
def test_pip_audit_reports_how_many_packages_it_checked(
    report: dict | None, errors: str, outcome: str, says: str
) -> None:
    result = audit.python_result(1, None if report is None else json.dumps(report), errors)
    assert result.outcome == outcome and says in result.line


NPM_CLEAN = {
    "auditReportVersion": 2,
    "vulnerabilities": {},
    "metadata": {
        "vulnerabilities": {
            "info": 0,
            "low": 0,
            "moderate": 0,
            "high": 0,
            "critical": 0,
            "total": 0,
        },
        "dependencies": {"prod": 3, "dev": 0, "optional": 0, "peer": 0, "total": 2},
    },
}
NPM_NO_SERVICE = {"message": "405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk"}
NPM_OFFLINE = {"message": "request to /-/npm/v1/security/advisories/bulk failed, reason: ENOTFOUND"}


@pytest.mark.parametrize(
    ("report", "outcome", "says"),
    [
        (NPM_CLEAN, audit.PASSED, "2 packages audited, 0 known vulnerabilities"),
        (NPM_NO_SERVICE, audit.NOT_DONE, "audit NOT done: the registry answered 405"),
        (NPM_OFFLINE, audit.NOT_DONE, "audit skipped: no network"),
    ],
)
def test_npm_audit_reports_how_many_packages_it_checked(
    report: dict, outcome: str, says: str
) -> None:
    result = audit.npm_result("package-lock.json", json.dumps(report))
    assert result.outcome == outcome and says in result.line


@pytest.mark.parametrize(
    ("outcomes", "argv", "status"),
    [
        ([audit.PASSED, audit.PASSED], [], 0),
        ([audit.PASSED, audit.VULNERABLE], ["--may-skip"], 1),
        ([audit.PASSED, audit.NOT_DONE], [], 2),
        ([audit.NOT_DONE, audit.NOT_DONE], ["--may-skip"], 0),
    ],
)
def test_the_audit_fails_on_a_vulnerability_and_never_passes_unchecked_quietly(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    outcomes: list[str],
    argv: list[str],
    status: int,
) -> None:
    python, npm = (audit.Result(f"part {i}", o, f"part {i}: {o}") for i, o in enumerate(outcomes))
    monkeypatch.setattr(audit, "audit_python", lambda: python)
    monkeypatch.setattr(audit, "audit_npm", lambda lock: npm)
    assert audit.main(argv) == status
    printed = capsys.readouterr().out
    assert all(f": {o}" in printed for o in outcomes)
    assert ("audit incomplete" in printed) == (audit.NOT_DONE in outcomes and status != 1)
