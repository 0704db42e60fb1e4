# Two commands for a fresh machine (see README): `make demo` and `make test`.
# Both create the virtual environment .venv and install newsnlp with its dev tools into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(BIN)/newsnlp summarize --format markdown corpora/sample/ningde-2024-02-19.txt

test: setup
	$(BIN)/python -m pytest
	$(MAKE) lint

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
