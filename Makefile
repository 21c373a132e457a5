# copydesk: `make run` opens the app on seeds/, `make test` builds .venv from nothing and runs the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/copydesk seeds/

test: $(STAMP)
	$(BIN)/ruff check analysis tui tests bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check analysis tui tests bench

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m bench.analyze
	$(BIN)/python -m bench.numbers
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.search --articles 10000

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
