# One task runner for people and CI. `make run` and `make test` do all set-up themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench bytecode system-deps clean

run: $(STAMP) bytecode
	$(BIN)/prodplans demo
	$(BIN)/prodplans serve

test: $(STAMP) system-deps lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) bytecode
	$(BIN)/python -m pytest

bench: $(STAMP) bytecode
	$(BIN)/python bench/ingest.py

# The package is installed editable, so pip compiles none of it, and where
# PYTHONDONTWRITEBYTECODE is set (as on our CI machines) no process writes .pyc files: every
# `prodplans` run and every ingest worker would compile the modules it imports from source
# (≈ 35 ms of CPU per worker for the extract stage alone). Python still reads .pyc files
# written here, and ignores any that are older than their source.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q src

system-deps:
	bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
