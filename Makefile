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
	$(BIN)/python -m bench.desk --articles 10000

# Extraction quality on ../shared/eval's dev data (see its README); writes predictions to $(EVAL_OUT).
EVAL := ../shared/eval
EVAL_OUT ?= /tmp/copydesk-eval
eval: $(STAMP)
	mkdir -p $(EVAL_OUT)
	$(BIN)/copydesk analyze ../shared/corpus/*.txt --no-cache -o $(EVAL_OUT)/corpus.jsonl
	$(BIN)/copydesk analyze $(EVAL)/quotes/polnear_dev.jsonl --no-cache -o $(EVAL_OUT)/polnear_dev.jsonl
	$(BIN)/copydesk analyze $(EVAL)/quotes/ggt_dev.jsonl --no-cache -o $(EVAL_OUT)/ggt_dev.jsonl
	python3 $(EVAL)/score_quotes.py $(EVAL)/quotes/polnear_dev.jsonl $(EVAL_OUT)/polnear_dev.jsonl
	python3 $(EVAL)/score_quotes.py $(EVAL)/quotes/ggt_dev.jsonl $(EVAL_OUT)/ggt_dev.jsonl --resolved
	python3 $(EVAL)/score_numbers.py $(EVAL)/numbers/dev.jsonl $(EVAL_OUT)/corpus.jsonl
	python3 $(EVAL)/score_entities.py $(EVAL)/entities/dev.jsonl $(EVAL_OUT)/corpus.jsonl

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
