# SPDX-License-Identifier: EUPL-1.2
"""`make audit`: known vulnerabilities in every locked Python and npm package, with counts.

An audit that checked nothing must never look like a pass: each part says how many packages it
checked, and says plainly when it could not check them and why.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_LOCKS = ("requirements.txt", "requirements-dev.txt")
NPM_LOCKS = ("package-lock.json", "bench/package-lock.json")

# What requests (pip-audit) and npm report when no connection could be made at all.
NO_CONNECTION = re.compile(
    r"ConnectionError|ProxyError|NameResolutionError|Failed to establish a new connection"
    r"|Temporary failure in name resolution|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN"
)

PASSED, VULNERABLE, NOT_DONE = "passed", "vulnerable", "not done"


@dataclass(frozen=True)
class Result:
    """One part of the audit: what it checked and what came of it."""

    part: str
    outcome: str
    line: str


def python_result(returncode: int, report: str | None, errors: str) -> Result:
    """Read pip-audit's JSON report, or why there is none."""
    part = "pip-audit " + " ".join(PYTHON_LOCKS)
    if report is None:
        if NO_CONNECTION.search(errors):
            return Result(part, NOT_DONE, f"{part}: audit skipped: no network")
        last = errors.strip().splitlines()[-1:] or [f"exit status {returncode}"]
        return Result(part, NOT_DONE, f"{part}: audit failed: {last[0]}")
    packages = json.loads(report)["dependencies"]
    unchecked = [p["name"] for p in packages if "skip_reason" in p]
    found = sum(len(p.get("vulns", [])) for p in packages)
    checked = len(packages) - len(unchecked)
    counts = f"{checked} of {len(packages)} packages audited, {found} known vulnerabilities"
    if found:
        return Result(part, VULNERABLE, f"{part}: {counts}")
    if unchecked:
        return Result(
            part,
            NOT_DONE,
            f"{part}: audit NOT done: {counts}; the vulnerability service had no data for "
            f"{', '.join(unchecked[:5])}{' …' if len(unchecked) > 5 else ''}",
        )
    return Result(part, PASSED, f"{part}: {counts}")


def npm_result(lock: str, report: str) -> Result:
    """Read `npm audit --json`: a report with counts, or an error."""
    part = f"npm audit {lock}"
    answer = json.loads(report) if report.strip() else {}
    if "metadata" not in answer:
        reason = str(answer.get("message", "no report"))
        if NO_CONNECTION.search(reason):
            return Result(part, NOT_DONE, f"{part}: audit skipped: no network")
        return Result(part, NOT_DONE, f"{part}: audit NOT done: the registry answered {reason}")
    checked = answer["metadata"]["dependencies"]["total"]
    found = answer["metadata"]["vulnerabilities"]["total"]
    line = f"{part}: {checked} packages audited, {found} known vulnerabilities"
    return Result(part, VULNERABLE if found else PASSED, line)


def audit_python() -> Result:
    locks = [arg for lock in PYTHON_LOCKS for arg in ("-r", lock)]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        # The locks carry every package with hashes, so nothing needs installing to audit them.
        command = [sys.executable, "-m", "pip_audit", "--disable-pip", "--require-hashes"]
        done = subprocess.run(
            [*command, *locks, "--progress-spinner=off", "--format=json", f"--output={out}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        report = out.read_text() if out.exists() else None
    return python_result(done.returncode, report, done.stderr)


def audit_npm(lock: str) -> Result:
    done = subprocess.run(
        ["npm", "audit", "--json", "--package-lock-only", "--include=dev"],
        cwd=(ROOT / lock).parent,
        capture_output=True,
        text=True,
    )
    return npm_result(lock, done.stdout)


def main(argv: list[str]) -> int:
    """Exit 1 on a known vulnerability; 2 when a part could not audit, 0 with --may-skip."""
    results = [audit_python(), *(audit_npm(lock) for lock in NPM_LOCKS)]
    for result in results:
        print(result.line)
    if any(r.outcome == VULNERABLE for r in results):
        return 1
    if any(r.outcome == NOT_DONE for r in results):
        print("audit incomplete: see above; `make audit` fails until every part could audit")
        return 0 if "--may-skip" in argv else 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
