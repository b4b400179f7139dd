# One place for the commands the README gives. `make example` runs the main job on the bundled example;
# `make test` runs every check (ruff, mypy, pytest).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/kazakhstan-2022-01-12.txt
OUT := out/example

.PHONY: example test check lint typecheck pytest install install-dev bench clean

$(BIN)/newsprism: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: $(BIN)/newsprism
	$(BIN)/pip install -q -e '.[dev,postgres,spark]'
	touch $@

install: $(BIN)/newsprism

install-dev: $(VENV)/.dev

example: install
	rm -rf $(OUT) && mkdir -p $(OUT)
	$(BIN)/newsprism analyze $(EXAMPLE) --db $(OUT)/newsprism.db
	$(BIN)/newsprism export --db $(OUT)/newsprism.db --format jsonl --out $(OUT)/export
	@if $(BIN)/newsprism brief --help >/dev/null 2>&1; then \
		$(BIN)/newsprism brief --db $(OUT)/newsprism.db --out $(OUT)/briefing; \
		echo "briefing: $(OUT)/briefing/index.html (open it in a browser; it needs no network)"; fi
	@echo "store: $(OUT)/newsprism.db   export: $(OUT)/export/"

lint: install-dev
	$(BIN)/ruff check src tests $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests $(wildcard benchmarks)

typecheck: install-dev
	$(BIN)/mypy

pytest: install-dev
	$(BIN)/pytest -n 2 --dist loadgroup

test: lint typecheck pytest

bench: install-dev
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
