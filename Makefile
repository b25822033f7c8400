# The two entry points of the README: `make demo` and `make test`.
# Each creates .venv when missing and (re)installs the package when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench lint typecheck clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed; installing python3-venv"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }

# Debian packages, installed when missing: what the pipeline needs (OCR; English and medical word lists that
# veto OCR repairs of real words; a Unicode font for rendered fixtures),
# and what the tests and benchmarks add (Java for the Spark engine, PostgreSQL for the results-store tests).
define apt_ensure
	@missing=""; for check in $(1); do \
	  pkg=$${check%%:*}; probe=$${check#*:}; sh -c "$$probe" >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef
RUN_DEPS := "tesseract-ocr:command -v tesseract" \
            "tesseract-ocr-eng:ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata" \
            "fonts-dejavu-core:test -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf" \
            "wamerican-large:test -f /usr/share/dict/american-english-large" \
            "wbritish-large:test -f /usr/share/dict/british-english-large" \
            "hunspell-en-med:test -f /usr/share/hunspell/en_med_glut.dic"
TEST_DEPS := "openjdk-17-jre-headless:command -v java" \
             "postgresql:ls /usr/lib/postgresql/*/bin/initdb" \
             "chromium:command -v chromium"
RUNDEPS_STAMP := $(VENV)/.rundeps
TESTDEPS_STAMP := $(VENV)/.testdeps
$(RUNDEPS_STAMP): | $(BIN)/python
	$(call apt_ensure,$(RUN_DEPS))
	touch $@
$(TESTDEPS_STAMP): $(RUNDEPS_STAMP)
	$(call apt_ensure,$(TEST_DEPS))
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,spark,postgres]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP) $(RUNDEPS_STAMP)
	$(BIN)/prescreen screen examples/*.pdf examples/*.txt --format text --out out/demo
	$(BIN)/prescreen screen examples/*.pdf examples/*.txt --format html --out out/demo
	$(BIN)/prescreen batch examples --out out/demo-batch --progress none
	@echo
	@echo "The reviewer workbench over these cases (store: out/demo-batch/results.db):"
	@echo "  $(BIN)/prescreen users add reviewer1 --role reviewer --store sqlite:///out/demo-batch/results.db"
	@echo "  $(BIN)/prescreen users add physician1 --role physician --store sqlite:///out/demo-batch/results.db"
	@echo "  $(BIN)/prescreen review --store sqlite:///out/demo-batch/results.db   # then open http://127.0.0.1:8000/"

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

typecheck: $(STAMP)
	$(BIN)/mypy

# The suite runs on TEST_WORKERS pytest-xdist workers (one per core of the 2-core CI machine); TEST_WORKERS=0
# runs it in this process.
TEST_WORKERS ?= 2
test: $(STAMP) $(TESTDEPS_STAMP)
	$(BIN)/ruff check pipeline tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup --durations=25

bench: $(STAMP) $(TESTDEPS_STAMP)
	$(BIN)/python -m pipeline.bench
	$(BIN)/python -m pipeline.bench_review

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
