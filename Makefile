# dabiao — `make demo` and `make test` work on a fresh machine (they build .venv first).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE ?= config.settings

.PHONY: help venv demo test lint format serve bench integration clean

help:
	@echo "make demo   - set up, ingest seeds/, evaluate, write out/*.xlsx, print a summary"
	@echo "make test   - set up, lint, run the test suite (SQLite, Celery eager)"
	@echo "make serve  - run the development server on http://127.0.0.1:8000/"
	@echo "make lint   - ruff check and format check"
	@echo "make bench  - benchmarks (extraction, scorecard, 赛马, API)"

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

demo: venv
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py demo

test: venv lint
	$(PY) -m pytest -m "not integration and not browser and not schemathesis and not print" -q

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

serve: venv
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_catalog
	$(PY) manage.py runserver 127.0.0.1:8000

bench: venv
	@for script in bench/bench_*.py; do \
		echo "== $$script"; \
		$(PY) $$script || exit 1; \
	done

integration: venv
	$(PY) -m pytest -m integration -q

clean:
	rm -rf var/ out/ .pytest_cache .ruff_cache
