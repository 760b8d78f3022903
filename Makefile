# The two quick-start commands: `make demo` (build the example graph, query, analyse and view
# it, sync it to Neo4j) and `make test` (lint and the whole test suite). Both set up ./.venv
# on first use.
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= .kg/store

.PHONY: setup system-deps demo test lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[all,dev]'
	touch $@

system-deps:
	@bash scripts/system-deps.sh

demo: setup
	$(BIN)/kg build examples/reports --store $(STORE)
	$(BIN)/kg query reports --store $(STORE)
	$(BIN)/kg query agencies_by_targets --store $(STORE)
	$(BIN)/kg query targets_about_place -p place=东昌府区 --store $(STORE)
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg analyze agencies --top 10 --store $(STORE) --plot .kg/agencies.png
	$(BIN)/kg view --store $(STORE) -o .kg/kg.html
	@bash scripts/demo-neo4j.sh $(BIN) $(STORE)

lint: setup
	$(BIN)/ruff check .

test: setup system-deps lint
	$(BIN)/pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) .kg
