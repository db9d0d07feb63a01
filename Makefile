# redbrolly — the two commands a new user runs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint format typecheck ci migrations-check messages clean

# Reinstall only when the dependency list changes, so a second `make run` starts in seconds.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@

run: $(BIN)/.installed
	PORT=$(PORT) $(BIN)/python scripts/run.py

test: $(BIN)/.installed-test
	$(BIN)/python -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(BIN)/.installed-test
	$(BIN)/mypy redbrolly

migrations-check: $(BIN)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: $(BIN)/.installed
	cd redbrolly && ../$(BIN)/django-admin makemessages -l en --ignore '*/tests/*'

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var
