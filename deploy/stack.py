# SPDX-License-Identifier: EUPL-1.2
"""The production stack on this machine: gunicorn behind nginx over https, production settings.

`make serve` runs it in the foreground (`python deploy/stack.py`; Ctrl-C, SIGTERM or SIGHUP
stops it); the browser tests and the load and benchmark scripts use `running()`. Everything it
makes lives in one folder, removed on stop: a throw-away certificate and its key, the
configuration, the logs (gunicorn.log, error.log) and nginx's temp files.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script, Python puts deploy/ on the path, not the app

from guide.assets import write_fingerprinted  # noqa: E402

NGINX = "/usr/sbin/nginx"
# Debian's /etc/nginx/nginx.conf loads it from modules-enabled; the stack's own loads it here.
BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
SITE = ROOT / "deploy" / "nginx.conf"
PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")
STARTUP = 30  # seconds; gunicorn loads and checks all content before it answers
NAMES = "127.0.0.1 localhost"  # what the certificate is for, nginx serves and the app trusts


@dataclass
class Stack:
    """The stack while it runs: where to reach it, and the processes and folder behind it."""

    base: str  # "https://127.0.0.1:<port>": through nginx, over TLS
    upstream: str  # "http://127.0.0.1:<port>": gunicorn directly, for comparisons only
    certificate: Path  # the throw-away self-signed certificate (PEM) nginx serves
    gunicorn: subprocess.Popen
    nginx: subprocess.Popen
    folder: Path  # configuration, logs (gunicorn.log, error.log) and temp files


@contextmanager
def running(folder: Path, env: dict[str, str] | None = None) -> Iterator[Stack]:
    """Start gunicorn and nginx on free loopback ports; stop both on leaving.

    env is added to this process's environment for gunicorn (WEB_CONCURRENCY, say). Without a
    SECRET_KEY in either, a random one is made: answers then end when the stack stops.
    """
    folder.mkdir(parents=True, exist_ok=True)
    certificate, key = _certificate(folder)
    write_fingerprinted(ROOT / "static", folder / "static")
    https, http, upstream = free_port(), free_port(), free_port()
    site = folder / "site.conf"
    site.write_text(
        render(
            SITE.read_text(),
            {
                "LISTEN": f"127.0.0.1:{https}",
                "LISTEN6": f"[::1]:{https}",
                "HTTP_LISTEN": f"127.0.0.1:{http}",
                "HTTP_LISTEN6": f"[::1]:{http}",
                "SERVER_NAME": NAMES,
                "CERTIFICATE": str(certificate),
                "CERTIFICATE_KEY": str(key),
                "TRUSTED": str(certificate),
                # Never asked: the self-signed certificate names no OCSP responder.
                "RESOLVER": "127.0.0.1",
                "UPSTREAM": f"127.0.0.1:{upstream}",
                "STATIC": str(folder / "static"),
            },
        )
    )
    (folder / "nginx.conf").write_text(_main_config(folder, site))
    (folder / "temp").mkdir(exist_ok=True)
    with ExitStack() as stopping:
        gunicorn = stopping.enter_context(
            _started(_gunicorn(upstream), folder / "gunicorn.log", _production(env))
        )
        nginx = stopping.enter_context(
            _started(
                [NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)], folder / "error.log"
            )
        )
        stack = Stack(
            base=f"https://127.0.0.1:{https}",
            upstream=f"http://127.0.0.1:{upstream}",
            certificate=certificate,
            gunicorn=gunicorn,
            nginx=nginx,
            folder=folder,
        )
        _wait_until_healthy(stack)
        yield stack


def render(template: str, values: dict[str, str]) -> str:
    """The template with each @NAME@ filled in; a placeholder without a value is an error."""
    names = set(PLACEHOLDER.findall(template))
    if names != values.keys():
        raise ValueError(
            f"placeholders without a value: {sorted(names - values.keys())}, "
            f"values without a placeholder: {sorted(values.keys() - names)}"
        )
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for a month."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nazorgwijzer test")])
    now = datetime.datetime.now(datetime.UTC)
    names = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    certificate_path, key_path = folder / "certificate.pem", folder / "key.pem"
    certificate_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return certificate_path, key_path


def _main_config(folder: Path, site: Path) -> str:
    """What /etc/nginx/nginx.conf is in a deploy, with every file inside the folder."""
    # As root, workers would run as nobody and could not read the folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = folder / "temp"
    return f"""{user}daemon off;
load_module {BROTLI_STATIC};
master_process on;
worker_processes auto;
pid {folder / "nginx.pid"};
error_log stderr warn;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    include {site};
}}
"""


def _gunicorn(port: int) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
    return [*command, "--bind", f"127.0.0.1:{port}", "app:app"]


def _production(env: dict[str, str] | None) -> dict[str, str]:
    """The environment gunicorn runs the app in: production settings, behind the proxy."""
    environment = {**os.environ, **(env or {}), "BEHIND_PROXY": "1"}
    environment.pop("NAZORGWIJZER_ENV", None)
    environment.setdefault("SECRET_KEY", secrets.token_hex(32))
    environment.setdefault("NAZORGWIJZER_HOSTS", NAMES)
    # The fictitious publisher (Gemeente Voorbeeldstad), unless the caller names a real one.
    environment.setdefault("NAZORGWIJZER_PUBLISHER", str(ROOT / "publisher.example.toml"))
    return environment


@contextmanager
def _started(
    command: list[str], log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:
    with log.open("ab") as output:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(  # nosec B603
            command, cwd=ROOT, env=env, stdout=output, stderr=output
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(stack: Stack) -> None:
    context = ssl.create_default_context(cafile=stack.certificate)
    deadline = time.monotonic() + STARTUP
    while True:
        try:
            health = f"{stack.base}/healthz"
            with urllib.request.urlopen(health, timeout=1, context=context):  # nosec B310
                return
        except OSError:
            stopped = stack.gunicorn.poll() is not None or stack.nginx.poll() is not None
            if stopped or time.monotonic() > deadline:
                logs = [(stack.folder / name).read_text() for name in ("gunicorn.log", "error.log")]
                raise RuntimeError("the stack did not start:\n" + "\n".join(logs)) from None
            time.sleep(0.2)


def free_port() -> int:
    """A loopback port no one listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _stop(signum: int, frame: object) -> None:
    """Stop as Ctrl-C does, by unwinding: gunicorn and nginx end, the folder and key go."""
    for each in STOP_SIGNALS:  # a second signal must not cut the stopping short
        signal.signal(each, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    # Python's default for SIGTERM and SIGHUP ends at once, leaving gunicorn, nginx and the
    # folder with the private key behind.
    for each in STOP_SIGNALS:
        signal.signal(each, _stop)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="nazorgwijzer-") as folder,
            running(Path(folder)) as stack,
        ):
            print(f"The Nazorgwijzer, as in production: {stack.base}/")
            print("Its certificate is self-signed: the browser warns once. Ctrl-C stops it.")
            print(f"Logs (removed on stop): {stack.folder}/gunicorn.log and error.log", flush=True)
            while stack.gunicorn.poll() is None and stack.nginx.poll() is None:
                time.sleep(1)
    except KeyboardInterrupt:
        return
    raise SystemExit("gunicorn or nginx stopped")


if __name__ == "__main__":
    main()
