# `make run` and `make test` set everything up themselves on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYBABEL := $(BIN)/python -m babel.messages.frontend
PO := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)
CHROMIUM := /usr/bin/chromium

.PHONY: build run test pot translations content-check clean java

build: $(VENV)/.deps $(MO)

run: build
	NAZORGWIJZER_ENV=development $(BIN)/flask --app app run --host 127.0.0.1 --port 5000

test: $(VENV)/.dev-deps $(MO) $(CHROMIUM) node_modules/.installed java
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -r guide app.py gunicorn.conf.py
	$(BIN)/python -m pytest

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

java:
	@command -v java >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

$(VENV)/.deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.deps
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) node_modules translations/*/LC_MESSAGES/*.mo .pytest_cache .ruff_cache \
		.hypothesis screenshots
