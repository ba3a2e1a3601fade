# The two commands: `make run` and `make test` (plus `make bench`). Each sets up what it needs.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 5000
CHROMIUM := /usr/bin/chromium
NODE := /usr/bin/node
CADDY := /usr/bin/caddy

.PHONY: run test test-fast test-dates test-container bench bench-web init-db i18n

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
$(CHROMIUM):
	apt-get install -y chromium || (apt-get update && apt-get install -y chromium)

# The front end's modules with no DOM are tested with Node's own runner (node:test, tests/node/):
# no npm package, a few seconds, before pytest.
$(NODE):
	apt-get install -y nodejs || (apt-get update && apt-get install -y nodejs)

# The OpenID Connect tests sign in at a real provider: oidc-provider (npm, pinned by
# tests/oidc/package-lock.json), started by tests/oidc_server.py.
tests/oidc/node_modules/.installed: tests/oidc/package.json tests/oidc/package-lock.json | $(NODE)
	cd tests/oidc && npm ci --no-audit --no-fund
	touch $@

# The README's Caddyfile for a reverse proxy's login runs in front of the tests' server
# (tests/test_forward_auth_caddy.py): Debian's Caddy.
$(CADDY):
	apt-get install -y caddy || (apt-get update && apt-get install -y caddy)

init-db: $(VENV)/.installed
	$(VENV)/bin/flask --app server init-db

run: init-db
	exec env HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c python:server.gunicorn_conf 'server:create_app()'

test: $(VENV)/.dev-installed $(CHROMIUM) $(NODE) tests/oidc/node_modules/.installed $(CADDY)
	$(NODE) --test --test-reporter=dot tests/node/*.test.mjs
	$(PY) -m pytest

# The loop for a small change: unit, domain, importer and API tests on SQLite, two at a time (no
# browser, PostgreSQL, fuzzing or real servers: `make test` runs those). About a minute here.
test-fast: $(VENV)/.dev-installed $(NODE) tests/oidc/node_modules/.installed
	$(NODE) --test --test-reporter=dot tests/node/*.test.mjs
	env -u TEST_DATABASE_URL $(PY) -m pytest -n 2 -m "not browser and not postgres and not fuzz and not slow"

# The whole suite (SQLite) on awkward days, hours and time zones: see tests/dates.sh.
test-dates: $(VENV)/.dev-installed $(CHROMIUM)
	bash tests/dates.sh

# The image (Containerfile) and the compose stack built and run for real with podman
# (tools/test_container.py); minutes on 2 cores, so not part of `make test`.
test-container: $(VENV)/.dev-installed
	$(PY) tools/test_container.py

bench: $(VENV)/.dev-installed
	$(PY) -m bench.checkins --readme
	$(PY) -m bench.stats
	$(PY) -m bench.reminders --readme
	$(PY) -m bench.imports --readme
	$(PY) -m bench.journal --readme

# Lighthouse 12 (npm, pinned by bench/web/package-lock.json) with Debian's Chromium on the signed-in
# phone screens (bench/lighthouse.py); the table goes to the README. A benchmark, not a test.
bench/web/node_modules/.installed: bench/web/package.json bench/web/package-lock.json
	cd bench/web && npm ci --no-audit --no-fund
	touch $@

bench-web: $(VENV)/.dev-installed $(CHROMIUM) bench/web/node_modules/.installed
	CHROME_PATH=$(CHROMIUM) $(PY) -m bench.lighthouse --readme
	CHROME_PATH=$(CHROMIUM) $(PY) -m bench.round_trips --readme --label after

# The catalogues (README "Adding a language"): the words of server/ and web/ extracted into
# translations/messages.pot, every language's .po brought up to date with it (new msgids empty,
# gone ones dropped), then checked: complete, placeholders and plural forms as in the source.
i18n: $(VENV)/.dev-installed
	$(PY) -m babel.messages.frontend extract -F babel.cfg --sort-by-file \
		--add-comments=TRANSLATORS: --project=Orbit --omit-header -o translations/messages.pot .
	$(PY) -m babel.messages.frontend update -i translations/messages.pot -d translations \
		--ignore-obsolete
	$(PY) -m pytest -p no:warnings -q tests/test_i18n_catalogues.py
