# SPDX-License-Identifier: EUPL-1.2
# `make run` and `make test` set everything up themselves on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYBABEL := $(BIN)/python -m babel.messages.frontend
PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
# nginx's module that sends the static files' Brotli twins (deploy/nginx.conf).
BROTLI_STATIC := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so

.PHONY: build run serve test audit requirements bench load pot translations content-check clean java wrk curl pango

build: $(VENV)/.deps $(MO) pango

run: build
	NAZORGWIJZER_ENV=development $(BIN)/flask --app app run --host 127.0.0.1 --port 5000

# As in production: gunicorn behind nginx over https, with a throw-away certificate.
serve: build $(NGINX) $(BROTLI_STATIC)
	$(BIN)/python deploy/stack.py

# The audit needs the package registries: without them it says so, and the tests still run.
test: $(VENV)/.dev-deps $(MO) pango $(CHROMIUM) $(NGINX) $(BROTLI_STATIC) node_modules/.installed java curl
	$(BIN)/python tools/audit.py --may-skip
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -r guide deploy app.py gunicorn.conf.py
	$(BIN)/python -m pytest

# Known vulnerabilities in every locked Python and npm package, with how many were checked.
# Fails on a vulnerability, and also when it could not check (no network, no advisory service).
audit: $(VENV)/.dev-deps
	$(BIN)/python tools/audit.py

# Lock requirements*.in again, with every package they need and its hashes, from the package
# index alone (no local wheel folders). Run after changing a .in file, then `make test`.
requirements: $(VENV)/.dev-deps
	for lock in requirements requirements-dev; do \
		env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(BIN)/pip-compile --quiet --generate-hashes \
			--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
			--output-file $$lock.txt $$lock.in || exit 1; \
	done

# Not part of `make test`: figures, not pass or fail. Results go to bench/results.md.
bench: $(VENV)/.dev-deps $(MO) $(CHROMIUM) $(NGINX) $(BROTLI_STATIC) wrk bench/node_modules/.installed
	PYTHONPATH=. $(BIN)/python bench/bench.py

load: $(VENV)/.dev-deps $(MO) $(NGINX) $(BROTLI_STATIC) wrk
	PYTHONPATH=. $(BIN)/python bench/load.py

content-check: $(VENV)/.deps
	NAZORGWIJZER_ENV=development $(BIN)/flask --app app guide check --paths

# Re-extract every text (templates, Python and the content files) and merge it into each language.
POT ?= translations/messages.pot
pot: $(VENV)/.deps
	$(PYBABEL) extract -F babel.cfg -k lazy_gettext -k lazy_pgettext:1c,2 --no-location \
		--sort-output --omit-header -o $(POT) . >/dev/null

translations: pot
	$(PYBABEL) update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete >/dev/null

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(VENV)/.deps
	$(PYBABEL) compile -i $< -o $@

# What the browser tests need: Debian's Chromium, Java for the HTML checker, and the npm checkers.
$(CHROMIUM):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# Debian's nginx, the TLS proxy in front of gunicorn (deploy/), with its Brotli module; its own
# service is not used.
$(NGINX) $(BROTLI_STATIC):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static \
		>/dev/null

java:
	@command -v java >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# The stack's tests speak HTTP/2 to nginx with curl, and offer it TLS groups with openssl.
curl:
	@command -v curl >/dev/null && command -v openssl >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl openssl >/dev/null; }

# WeasyPrint lays out the letter's PDF with the system's Pango, HarfBuzz and fonts.
pango:
	@{ ldconfig -p | grep -q libpangoft2-1.0.so.0 && ldconfig -p | grep -q libharfbuzz-subset.so.0 \
		&& command -v fc-list >/dev/null && fc-list | grep -qi dejavu; } || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
		libharfbuzz-subset0 fontconfig fonts-dejavu-core >/dev/null; }

wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Only the locked versions with their hashes: a changed or substituted file is refused. Each lock
# names every package it needs, so it goes in as it stands (--no-deps), not resolved again: the
# older pip in some Pythons' venv refuses that for a locked package's extras.
$(VENV)/.deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.deps
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) node_modules bench/node_modules translations/*/LC_MESSAGES/*.mo .pytest_cache .ruff_cache \
		.hypothesis screenshots
