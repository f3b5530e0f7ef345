# The two commands of the README: `make dashboard` and `make test`.
# Both create the virtual environment on first use; nothing is downloaded at run time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HASH := $(shell sha256sum pyproject.toml | cut -c1-12)
STAMP := $(VENV)/.installed-$(HASH)
# The tests also need the stanza extra (torch, CPU wheel); the dashboard does not.
TEST_STAMP := $(VENV)/.installed-test-$(HASH)

.PHONY: dashboard test build validate setup bench screenshots chromium

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,stanza]'
	touch $(TEST_STAMP)

dashboard: $(STAMP)
	$(BIN)/python -m pipeline build --if-missing
	$(BIN)/streamlit run dashboard.py --server.headless true --browser.gatherUsageStats false

# The browser tests drive Debian's chromium through the playwright package (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the end-to-end test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(TEST_STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/python -m pipeline build

validate: $(STAMP)
	$(BIN)/python -m pipeline validate

bench: $(STAMP)
	$(BIN)/python benchmarks/pipeline_speed.py
	$(BIN)/python -m benchmarks.dashboard_latency

screenshots: $(STAMP)
	$(BIN)/python -m pipeline build --if-missing
	$(BIN)/python -m benchmarks.screenshots
