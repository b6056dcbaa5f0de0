# newsroom-verify — every entry point a user or CI needs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
SEED := $(SHARED)/examples/seed-ar-001.txt
export VERIFY_DATABASE_URL ?= sqlite:///$(CURDIR)/.run/verify.db
export PREFECT_API_URL ?= http://127.0.0.1:4200/api
export VERIFY_KAFKA_BOOTSTRAP ?= 127.0.0.1:9092

.PHONY: help install lint test test-unit test-integration soak up down status demo bench eval schema clean

help:
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## create .venv and install the project with its pinned dependencies

lint: install ## ruff + mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy contracts workers flows storage cli api ops bench evaluation

up: install ## start Kafka, topics, Prefect server and all services in the background (idempotent)
	bash infra/up.sh

down: ## stop everything `make up` started
	bash infra/down.sh

status: ## what is running
	bash infra/status.sh

test-unit: install ## fast tests: no broker, no Prefect server
	$(PY) -m pytest -m "not integration" -q

# PostgreSQL too (apt-installed when missing, as root), so every database test runs on SQLite
# and PostgreSQL; a URL already in VERIFY_TEST_POSTGRES_URL is used as it is. A private
# --basetemp: the fault tests' supervisord lives there, and other pytest runs on the machine
# prune /tmp/pytest-of-<user>.
PG_TEST_URL = $${VERIFY_TEST_POSTGRES_URL:-$$(bash infra/postgres/start.sh)}

test: install ## all tests: starts PostgreSQL, Kafka and the Prefect server; unit, integration, short fault tests
	bash infra/up.sh --infra-only
	pg="$(PG_TEST_URL)" && export VERIFY_TEST_POSTGRES_URL="$$pg" && $(PY) -m pytest -q --basetemp=.run/pytest

soak: install ## long fault tests: 1,000 real articles per fault (VERIFY_FAULT_ARTICLES); figures in .run/fault-report.jsonl
	bash infra/up.sh --infra-only
	pg="$(PG_TEST_URL)" && export VERIFY_TEST_POSTGRES_URL="$$pg" VERIFY_FAULT_ARTICLES="$${VERIFY_FAULT_ARTICLES:-1000}" && \
	  $(PY) -m pytest -q -s -m fault --timeout 0 --basetemp=.run/pytest-soak tests/integration/test_faults.py

demo: install ## the whole stack on the seed article: start, import archives, submit, print the record
	bash infra/up.sh
	@if [ -d "$(SHARED)/corpora" ]; then \
	  $(VENV)/bin/verify archive import $(SHARED)/corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl; \
	  $(VENV)/bin/verify archive import $(SHARED)/corpora/claimreview-ar/unique_claim_reviews.json; \
	fi
	$(VENV)/bin/verify submit $(SEED) --id seed-ar-001 --lang ar --outlet example-outlet
	$(VENV)/bin/verify records get seed-ar-001 --wait 180 --table
	@echo "Prefect UI: http://127.0.0.1:4200/runs  (flow 'verify-article', artifact 'verify-seed-ar-001')"
	@echo "HTTP API:   http://127.0.0.1:8000/docs  (GET /records/seed-ar-001)"

bench: install ## speed and memory benchmarks, reported as ratios against in-run baselines
	bash infra/up.sh
	VERIFY_BENCH_POSTGRES_URL="$$(bash infra/postgres/start.sh)" $(PY) -m bench

eval: install ## quality figures on ../shared dev sets (extraction, sources, stance, retrieval, issue-8 status and evidence)
	$(PY) -m evaluation.extraction
	$(PY) -m evaluation.sources
	$(PY) -m evaluation.stance
	$(PY) -m evaluation.xref
	$(PY) -m evaluation.status_e2e                   # fresh isolated workdir .run/eval/status_e2e/
	$(PY) -m evaluation.status_e2e --no-distractors  # .run/eval/status_e2e-no-distractors/
	$(PY) -m evaluation.evidence                     # .run/eval/evidence/

schema: install ## write JSON Schema + AsyncAPI into docs/schemas
	$(VENV)/bin/verify schema export --out docs/schemas

clean: down
	rm -rf .run
