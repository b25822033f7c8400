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

# Debian packages the pipeline, tests and benchmarks use (OCR, a Unicode font for rendered fixtures, Java for
# the Spark engine, PostgreSQL for the results-store tests), installed when missing.
SYSDEPS_STAMP := $(VENV)/.sysdeps
$(SYSDEPS_STAMP): | $(BIN)/python
	@missing=""; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	[ -n "$$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] || missing="$$missing postgresql"; \
	[ -n "$$(ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata 2>/dev/null)" ] || missing="$$missing tesseract-ocr-eng"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	touch $(SYSDEPS_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,spark,postgres]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/prescreen screen examples/*.pdf examples/*.txt --format text --out out/demo
	$(BIN)/prescreen screen examples/*.pdf examples/*.txt --format html --out out/demo

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/ruff check pipeline tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(STAMP) $(SYSDEPS_STAMP)
	$(BIN)/python -m pipeline.bench

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
