# The two set-up commands: `make demo` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
VENV_STAMP := .venv/.installed
VENDOR := src/sightline/static/vendor
PG_URL ?= postgres://127.0.0.1:5432/test
export PYTHONDONTWRITEBYTECODE := 1
# make test is repeatable: the property tests use the derandomised "ci" profile (tests/conftest.py).
export HYPOTHESIS_PROFILE ?= ci

.PHONY: demo test test-sqlite test-postgres bench serve install assets chromium report-tools migrate clean

install: $(VENV_STAMP) assets

$(VENV_STAMP): pyproject.toml
	test -x $(PY) || python3.11 -m venv .venv || python3 -m venv .venv
	$(PIP) install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

assets: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/govuk $(VENDOR)/htmx
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(VENDOR)/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(VENDOR)/govuk/assets
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	touch $@

# Browser tests drive Debian's chromium; playwright cannot download its own browser here.
chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The PDF report is set in Liberation Sans (metric-compatible with Arial); poppler reads it back in tests.
report-tools:
	@{ fc-list | grep -q "Liberation Sans" && test -x /usr/bin/pdfinfo; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation poppler-utils >/dev/null; }

migrate: install
	$(PY) -m sightline manage migrate --no-input -v 0

demo: install migrate report-tools
	$(PY) -m sightline synth --profile doncaster --into-db
	$(PY) -m sightline indicators compute --as-of 2021-09-30 >/dev/null
	$(PY) -m sightline indicators compute --from 2020-04-01 --to 2021-09-30 >/dev/null
	$(PY) -m sightline report annual --from 2020-04-01 --to 2021-09-30 --out reports
	@echo "Sightline demo users (password shared by all):"
	@$(PY) -m sightline demo-users
	@echo "Serving http://127.0.0.1:8000 (Ctrl-C to stop)"
	SIGHTLINE_DEBUG=1 $(PY) -m sightline manage runserver 127.0.0.1:8000

# The application as it runs in production: gunicorn's threaded workers, debug off.
serve: install migrate
	.venv/bin/gunicorn sightline.wsgi --bind 127.0.0.1:8000 --workers 2 --threads 8 --worker-class gthread

test: install chromium report-tools test-sqlite test-postgres

test-sqlite:
	SIGHTLINE_VAR_DIR=$(CURDIR)/var/test-sqlite DATABASE_URL= $(PY) -m pytest -q

test-postgres:
	SIGHTLINE_VAR_DIR=$(CURDIR)/var/test-postgres DATABASE_URL=$(PG_URL) SIGHTLINE_DB_CONN_MAX_AGE=0 $(PY) -m pytest -q

bench: install
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf .venv node_modules $(VENDOR) var build src/*.egg-info
