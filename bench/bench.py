"""`make bench`: speed and size of the guide, printed as a table and written to bench/results.md.

Throughput is compared with a bare Flask "hello" route on the same gunicorn settings in the
same run, so the ratios hold on any machine; the absolute figures only on this one.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from servers import ROOT, gunicorn, journey, wrk

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
TARGETS = {"question": 0.5, "advice": 0.4}  # share of the hello route's throughput
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SEO_TARGETS = {"start": 90}  # question and advice pages are rightly noindex
MAX_BYTES, MAX_REQUESTS = 25 * 1024, 3


def page_weight(base: str, path: str, cookie: str) -> tuple[int, int]:
    """Bytes on the wire (compressed as a browser asks) and requests for a page and its assets."""
    headers = {"Accept-Encoding": "br, gzip", "Cookie": cookie}

    def fetch(url: str) -> bytes:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.read()

    html = fetch(base + path)
    plain = urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": cookie}))
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', plain.read().decode())
    return len(html) + sum(len(fetch(base + asset)) for asset in assets), 1 + len(assets)


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
    log = Path(tempfile.mkdtemp()) / "servers.log"
    pages = {"start": "/", "question": "/vraag/stand", "advice": "/advies"}
    with gunicorn("bench.hello:app", log) as (hello_base, _):
        hello = wrk(hello_base + "/", SECONDS, CONNECTIONS)
    with gunicorn("app:app", log) as (base, _):
        cookie = journey(base)
        runs = {
            name: wrk(base + path, SECONDS, CONNECTIONS, cookie) for name, path in pages.items()
        }
        # What the app's own layers cost before any page work: no page, no session.
        floor = wrk(base + "/healthz", SECONDS, CONNECTIONS)
        weighed = {
            **pages,
            "all help": "/alle-hulp",
            "place question": "/vraag/woonplaats",
            "regions": "/veilig-thuis-regios",
        }
        weights = {name: page_weight(base, path, cookie) for name, path in weighed.items()}
        scores = {name: lighthouse(base + path, cookie) for name, path in pages.items()}
    report = render(hello, floor, runs, weights, scores, content_load_ms())
    print(report)
    (ROOT / "bench" / "results.md").write_text(report + "\n", encoding="utf-8")


def render(
    hello: dict, floor: dict, runs: dict, weights: dict, scores: dict, load_ms: float
) -> str:
    """The results as a Markdown table, then each target with met or NOT MET."""
    lines = [
        "# Benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores; wrk {SECONDS} s with "
        f"{CONNECTIONS} connections per page; both apps on the settings of gunicorn.conf.py.",
        "",
        "| page | req/s | p99 ms | x hello | bytes | requests | Lighthouse p/a/bp/seo |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| hello (yardstick) | {hello['rps']:.0f} | {hello['p99']:.1f} | 1.00 | | | |",
        f"| /healthz (no page, no session) | {floor['rps']:.0f} | {floor['p99']:.1f} | "
        f"{floor['rps'] / hello['rps']:.2f} | | | |",
    ]
    for name, (size, requests) in weights.items():
        run, score = runs.get(name), scores.get(name)
        speed = (
            f"{run['rps']:.0f} | {run['p99']:.1f} | {run['rps'] / hello['rps']:.2f}"
            if run
            else " | | "
        )
        lighthouse_cell = "/".join(str(score[k]) for k in CATEGORIES) if score else ""
        lines.append(f"| {name} | {speed} | {size} | {requests} | {lighthouse_cell} |")
    checks = [
        (
            f"{page} throughput {runs[page]['rps'] / hello['rps']:.2f} x hello, target {share}",
            runs[page]["rps"] / hello["rps"] >= share,
        )
        for page, share in TARGETS.items()
    ]
    checks += [
        (
            f"{page}: {size} bytes in {requests} requests, target {MAX_BYTES} and {MAX_REQUESTS}",
            size <= MAX_BYTES and requests <= MAX_REQUESTS,
        )
        for page, (size, requests) in weights.items()
    ]
    checks += [
        (
            f"Lighthouse {page}: {'/'.join(str(score[k]) for k in CATEGORIES)}, target 100/100/100"
            f" and SEO {SEO_TARGETS.get(page, 0)}",
            all(score[k] == 100 for k in CATEGORIES[:3])
            and score["seo"] >= SEO_TARGETS.get(page, 0),
        )
        for page, score in scores.items()
    ]
    checks.append(
        (
            f"wrk errors: {sum(r['errors'] for r in [floor, *runs.values()])}, target 0",
            all(r["errors"] == 0 for r in [floor, *runs.values()]),
        )
    )
    lines += ["", f"Content load and validation: {load_ms:.0f} ms.", "", "Targets:", ""]
    lines += [f"- {'met' if ok else 'NOT MET'}: {text}" for text, ok in checks]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
