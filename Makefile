# Two commands set everything up on a fresh machine:
#   make run    create .venv, install khobor, run the nightly flow once on the bundled sample
#   make test   create .venv, install khobor with its test tools, run the test suite
PYTHON ?= python3
VENV   := .venv
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-all bench clean-warehouse

$(STAMP): pyproject.toml constraints.txt
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/khobor run

test: $(STAMP)
	$(VENV)/bin/python -m pytest

test-all: $(STAMP)
	$(VENV)/bin/python -m pytest -m ''

clean-warehouse:
	rm -rf warehouse/*.duckdb warehouse/marts warehouse/reports warehouse/.prefect
