# SPDX-License-Identifier: EUPL-1.2
"""`make bench`: speed, weight and Lighthouse scores of the guide, written to bench/results.md.

Throughput is compared with a bare Flask "hello" route on the same gunicorn settings in the
same run, both asked directly over plain http, so the ratios hold on any machine; the absolute
figures only on this one. Weight, Lighthouse and the advice's length on a phone are measured
as a visitor gets the pages: through nginx over https (deploy/stack.py).
"""

from __future__ import annotations

import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from longest import longest_candidates
from screens import MAX_PLAN_SCREENS, MAX_SCREENS, SCENARIOS, advice_screens, posted
from servers import ROOT, gunicorn, wrk
from visitors import JOURNEYS, Client, journey, trusting

from deploy.stack import running
from guide.content import load
from guide.coverage import coverage_line

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--ignore-certificate-errors "  # the stack's certificate is its own, made for the run
    # The pages' Cross-Origin-Opener-Policy moves the first navigation to a new browsing
    # context group, and Lighthouse then loses its trace (NO_NAVSTART). The header changes
    # nothing a single page load costs, so Lighthouse measures without it.
    "--disable-features=CrossOriginOpenerPolicy"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MAX_BYTES = 14 * 1024  # what the first round trip carries: TCP's initial window of 10 packets
PAGES = {"start": "/", "question": "/vraag/stand", "advice": "/advies"}
WEIGHED = {
    "start": "/",
    "question": "/vraag/stand",
    "place question": "/vraag/woonplaats",
    "check": "/controleren",
    "advice": "/advies",
    "all help": "/alle-hulp",
    "regions": "/veilig-thuis-regios",
    "nazorgkaart A4 sheet": "/kaart/VT13/a4",
    "letter form": "/brief/inzage",
}
# The pages that can show the Dutch beside the family's language (guide/bilingual.py), weighed
# again for a parent reading Arabic, and for an Arabic intake with the Dutch under each text:
# that has no target, as the worker's screen carries two languages; it is reported.
PAIRED = {
    "question": "/vraag/stand",
    "place question": "/vraag/woonplaats",
    "check": "/controleren",
    "advice": "/advies",
    "all help": "/alle-hulp",
}


def page_weight(base: str, tls: ssl.SSLContext, path: str, cookie: str) -> tuple[int, int]:
    """Bytes a browser receives on a cold load, and requests: the page with its CSS and JS.

    Bodies as sent (compressed when asked for br or gzip), with each response's status line and
    headers as HTTP/1.1 sends them; HTTP/2 compresses headers, so a browser gets a little less.
    """
    client = Client(base, tls)
    try:
        page = client.send("GET", path, cookie)
        assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text())
        responses = [page, *(client.send("GET", asset, cookie) for asset in assets)]
    finally:
        client.close()
    return sum(r.head_size + len(r.body) for r in responses), len(responses)


def lighthouse(url: str, cookie: str) -> dict[str, int]:
    """Lighthouse's four scores for one page, in Debian's Chromium."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--extra-headers={json.dumps({'Cookie': cookie})}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ],
            check=True,
            timeout=300,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        categories = json.loads(report.read_text())["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}


def content_load_ms() -> float:
    """Loading and validating the content, as the app does at start-up."""
    code = (
        "import time; from guide.content import load; from guide.validate import validate; "
        "t = time.perf_counter(); validate(load()); print((time.perf_counter() - t) * 1000)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return float(output.stdout)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="nazorgwijzer-bench-"))
    with gunicorn("bench.hello:app", folder / "hello.log") as hello_base:
        hello = wrk(hello_base + "/", SECONDS, CONNECTIONS)
    with running(folder) as stack:
        tls = trusting(stack.certificate)
        cookie = journey(stack.base, tls, JOURNEYS[0])[-1][1]
        runs = {
            name: wrk(stack.upstream + path, SECONDS, CONNECTIONS, cookie)
            for name, path in PAGES.items()
        }
        # What the app's own layers cost before any page work: no page, no session.
        runs["/healthz (no page, no session)"] = wrk(
            stack.upstream + "/healthz", SECONDS, CONNECTIONS
        )
        weights = {
            name: page_weight(stack.base, tls, path, cookie) for name, path in WEIGHED.items()
        }
        arabic = journey(stack.base, tls, JOURNEYS[0], language="ar")[-1][1]
        weights |= {
            f"{name}, Arabic": page_weight(stack.base, tls, path, arabic)
            for name, path in PAIRED.items()
        }
        intake = journey(stack.base, tls, JOURNEYS[0], language="ar", intake=True)[-1][1]
        paired = {name: page_weight(stack.base, tls, path, intake) for name, path in PAIRED.items()}
        scores = {name: lighthouse(stack.base + path, cookie) for name, path in PAGES.items()}
        cookies = {
            name: journey(stack.base, tls, urllib.parse.urlencode(answers, doseq=True))[-1][1]
            for name, answers in SCENARIOS.items()
        }
        screens = advice_screens(stack.base, cookies)
        groups = longest_candidates(load())
        candidates = {
            (steps, number): journey(
                stack.base, tls, urllib.parse.urlencode(posted(answers), doseq=True)
            )[-1][1]
            for steps, (_, longest) in groups.items()
            for number, answers in enumerate(longest)
        }
        measured = advice_screens(stack.base, candidates)
        every = {
            steps: (count, max(measured[(steps, n)][0] for n in range(len(longest))))
            for steps, (count, longest) in groups.items()
        }
    report = render(
        hello,
        runs,
        weights,
        paired,
        scores,
        screens,
        every,
        content_load_ms(),
        coverage_line(load().places),
    )
    print(report)
    (ROOT / "bench" / "results.md").write_text(report + "\n", encoding="utf-8")


def render(
    hello: dict,
    runs: dict,
    weights: dict,
    paired: dict,
    scores: dict,
    screens: dict,
    every: dict,
    load_ms: float,
    coverage: str,
) -> str:
    """The results as Markdown tables, then each target with met or NOT MET."""
    lines = [
        "# Benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores.",
        "",
        f"Throughput: wrk {SECONDS} s with {CONNECTIONS} connections per page, over plain http to",
        "gunicorn directly; both apps on the settings of gunicorn.conf.py. No targets: the ratios",
        "show where time goes.",
        "",
        "| page | req/s | p99 ms | x hello | wrk errors |",
        "|---|---:|---:|---:|---:|",
        f"| hello (yardstick) | {hello['rps']:.0f} | {hello['p99']:.1f} | 1.00 | "
        f"{hello['errors']:.0f} |",
    ]
    lines += [
        f"| {name} | {run['rps']:.0f} | {run['p99']:.1f} | {run['rps'] / hello['rps']:.2f} | "
        f"{run['errors']:.0f} |"
        for name, run in runs.items()
    ]
    lines += [
        "",
        "Pages through nginx over https: bytes a browser receives on a cold load (the page, its",
        "CSS and JS; compressed as asked, HTTP/1.1 headers included) and Lighthouse's scores.",
        "",
        "| page | bytes | requests | Lighthouse p/a/bp/seo |",
        "|---|---:|---:|---|",
    ]
    for name, (size, requests) in weights.items():
        score = scores.get(name)
        cell = "/".join(str(score[k]) for k in CATEGORIES) if score else ""
        lines.append(f"| {name} | {size} | {requests} | {cell} |")
    lines += [
        "",
        "An intake in Arabic with the Dutch under each text, as the social worker's screen",
        "shows it (intake mode adds what is not advised, and why). No target: what the",
        "family reads alone keeps the budget above.",
        "",
        f"| page | bytes | requests | over {MAX_BYTES} |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {size} | {requests} | {max(0, size - MAX_BYTES)} |"
        for name, (size, requests) in paired.items()
    ]
    lines += [
        "",
        "The advice on a 360x740 phone, details folded, per scenario journey: its length and",
        "where its plan ends, in screens.",
        "",
        "| scenario | advice | plan ends at |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {whole:.1f} | {plan:.2f} |" for name, (whole, plan) in screens.items()]
    total = sum(count for count, _ in every.values())
    lines += [
        "",
        f"Every journey the flow allows ({total}), by the steps of its plan (the help to call",
        "now and the steps to take first; a plan of more than two folds its cards to their",
        "names); of each group the journeys with the most text on the page measured, in screens.",
        "",
        "| steps | journeys | share | longest measured |",
        "|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {steps} | {count} | {count / total:.1%} | {longest:.1f} |"
        for steps, (count, longest) in every.items()
    ]
    checks = [
        (f"{page}: {size} bytes on a cold load, target {MAX_BYTES}", size <= MAX_BYTES)
        for page, (size, _) in weights.items()
    ]
    checks += [
        (
            f"advice for {name}: {whole:.1f} screens, plan {plan:.2f}; "
            f"target {MAX_SCREENS} and {MAX_PLAN_SCREENS}",
            whole <= MAX_SCREENS and plan <= MAX_PLAN_SCREENS,
        )
        for name, (whole, plan) in screens.items()
    ]
    checks += [
        (
            f"every journey with {steps} steps: at most {longest:.1f} screens, "
            f"target {MAX_SCREENS}",
            longest <= MAX_SCREENS,
        )
        for steps, (_, longest) in every.items()
    ]
    checks += [
        (
            f"Lighthouse {page}: {'/'.join(str(score[k]) for k in CATEGORIES[:3])}, "
            "target 100/100/100",
            all(score[k] == 100 for k in CATEGORIES[:3]),
        )
        for page, score in scores.items()
    ]
    lines += ["", f"Content load and validation: {load_ms:.0f} ms.", ""]
    lines += ["Regional directory (what families see is verified):", "", coverage, ""]
    lines += ["Targets:", ""]
    lines += [f"- {'met' if ok else 'NOT MET'}: {text}" for text, ok in checks]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
