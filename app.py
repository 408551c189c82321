# SPDX-License-Identifier: EUPL-1.2
"""Entry point for `flask --app app` and `gunicorn app:app`."""

from guide import create_app

app = create_app()
