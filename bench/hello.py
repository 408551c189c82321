# SPDX-License-Identifier: EUPL-1.2
"""The yardstick: a bare Flask "hello" route, served with the same gunicorn settings."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "hello"
