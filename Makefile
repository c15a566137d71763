# babelpress: `make site` builds the multilingual site offline, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=
# mkdocs-material's end-of-life banner is not about this project's build
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-fast serve catalogues normalise extract render check status bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## site: normalise seeds, update catalogues, build site/ (offline, no machine translation)
site: $(STAMP)
	$(BIN)/babelpress normalise
	$(BIN)/babelpress extract
	$(BIN)/mkdocs build --strict

## serve: live preview at http://127.0.0.1:8000 (PO edits show up on save)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## test: the whole test suite, browser tests included
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: everything but the slow (browser, big input) tests
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m 'not slow' $(PYTEST_ARGS)

normalise extract render check status: $(STAMP)
	$(BIN)/babelpress $@

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --docs 100

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf site docs/en docs/ru .pytest_cache test-artifacts
