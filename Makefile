# canishare: `make chat` and `make test` each set themselves up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install chat test test-fast bench lint lock clean

install: $(STAMP)

# Dependencies come only from the hash-locked files; the project itself is installed without resolving again.
# requirements.lock is what runs (the Docker image installs only it); requirements-dev.lock adds the test and
# lint tools at the same versions.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
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

# Regenerate the locks after changing dependencies in pyproject.toml (existing pins are kept unless they
# must change; add --upgrade to move everything). The development lock is constrained by the runtime one.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: install
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) -o requirements.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra test --extra lint -c requirements.lock \
		-o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
