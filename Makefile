# Two commands set everything up on a fresh machine:
#   make run    create .venv, install khobor, run the nightly flow once on the bundled sample
#   make test   create .venv, install khobor with its test tools, lint, run the default test suite
PYTHON ?= python3
VENV   := .venv
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-slow test-all lint clean-warehouse

$(STAMP): pyproject.toml constraints.txt
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/khobor run

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: lint
	$(VENV)/bin/python -m pytest

# The slow tests (the wheel in a clean venv, long property runs, the scheduler): CI runs them too.
test-slow: $(STAMP)
	$(VENV)/bin/python -m pytest -m slow

test-all: lint
	$(VENV)/bin/python -m pytest -m ''

clean-warehouse:
	rm -rf warehouse/*.duckdb warehouse/marts warehouse/reports warehouse/.prefect warehouse/.state
