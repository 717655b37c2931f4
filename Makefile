# Rebound: `make run` starts the app, `make test` runs every test layer, `make bench` measures.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test check test-unit test-app test-e2e bench clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: $(BIN)/.installed-dev check
	$(BIN)/python -m pytest tests -n 2 -q

# The rules that check themselves: lint, format and the layer contracts in pyproject.toml.
check: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test-unit: $(BIN)/.installed-dev
	$(BIN)/python -m pytest tests/unit -q

test-app: $(BIN)/.installed-dev
	$(BIN)/python -m pytest tests/app -q

test-e2e: $(BIN)/.installed-dev
	$(BIN)/python -m pytest tests/e2e -q

bench: $(BIN)/.installed-dev
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache
