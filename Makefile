# canishare: `make chat` and `make test` each set themselves up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install chat test test-fast bench lint lock clean

install: $(STAMP)

# Dependencies come only from the hash-locked file; the project itself is installed without resolving again.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

chat: install
	$(BIN)/canishare chat

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not model and not postgres and not slow"

bench: install
	$(BIN)/python bench/redaction.py
	$(BIN)/python bench/advice.py
	$(BIN)/python bench/load.py

lint: install
	$(BIN)/ruff check bot knowledge redaction tests bench
	$(BIN)/mypy

# Regenerate the lock after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test --extra lint \
		-o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
