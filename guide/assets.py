# SPDX-License-Identifier: EUPL-1.2
"""Static files under fingerprinted names, so browsers may keep them for a year.

`/static/style.css` is served as `/static/style.<hash>.css`; a changed file gets a new name,
so no visitor ever runs old styles or scripts from their cache.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import brotli
from flask import Flask, abort, send_from_directory, url_for
from werkzeug.wrappers import Response

ONE_YEAR = 365 * 24 * 60 * 60
# Text files nginx sends compressed. Each is also written compressed once with Brotli at its
# best, for nginx's brotli_static: a fifth smaller than gzip on the fly, at no cost per request.
COMPRESSED = (".css", ".js")


def init_app(app: Flask, folder: Path) -> None:
    app.extensions["static_folder"] = folder  # for `flask guide static`
    fingerprinted = {
        _fingerprinted_name(path): path.name for path in folder.iterdir() if path.is_file()
    }
    names = {original: name for name, original in fingerprinted.items()}

    @app.get("/static/<name>", endpoint="static")
    def static(name: str) -> Response:
        if name not in fingerprinted:
            abort(404)
        response = send_from_directory(folder, fingerprinted[name], max_age=ONE_YEAR)
        response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
        return response

    @app.get("/favicon.ico")
    def favicon() -> Response:
        # Browsers ask for it on every site; "nothing here" costs no bytes and no error.
        return Response(status=204, headers={"Cache-Control": f"public, max-age={ONE_YEAR}"})

    @app.template_global()
    def asset(filename: str) -> str:
        """The address of a static file under its fingerprinted name."""
        return url_for("static", name=names[filename])


def write_fingerprinted(source: Path, target: Path) -> list[Path]:
    """Copy each file in source into target under its fingerprinted name; return the copies.

    For a web server in front (deploy/nginx.conf) to serve the same names the pages link to;
    a stylesheet or script with its Brotli-compressed twin beside it (name.br).
    Copies of older versions already in target stay: a page still open may ask for them.
    """
    target.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in sorted(source.iterdir()):
        if path.is_file():
            copy = target / _fingerprinted_name(path)
            shutil.copyfile(path, copy)
            copies.append(copy)
            if path.suffix in COMPRESSED:
                copies.append(copy.with_name(copy.name + ".br"))
                copies[-1].write_bytes(brotli.compress(path.read_bytes(), quality=11))
    return copies


def _fingerprinted_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return f"{path.stem}.{digest}{path.suffix}"
