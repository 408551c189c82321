# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: an app built from the real content, and a browser-like test client."""

from __future__ import annotations

import os

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import settings

from guide import create_app
from guide.content import Content, load

# CI runs the same generated cases every time, so that a red run can be reproduced.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

TEST_CONFIG = {
    "SECRET_KEY": "test-secret-key-that-is-long-enough-for-tests",
    "TESTING": True,
    "SESSION_COOKIE_SECURE": False,  # the test client speaks plain http
}


@pytest.fixture
def app() -> Flask:
    return create_app(TEST_CONFIG)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def content() -> Content:
    return load()
