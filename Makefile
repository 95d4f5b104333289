# The two commands a steward needs: `make` (set up and convert input/) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all convert test golden fixtures tagged-fixtures bench bench-corpus kill-trials holdout holdout-tagged schema-doc clean distclean

all: convert

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

convert: $(STAMP)
	$(PY) -m pipeline convert input --output output

test: $(STAMP)
	$(PY) -m pytest

# Rewrite the golden files from the reference handbook; review the diff before committing.
golden: $(STAMP)
	$(PY) -m tests.golden_update

# Regenerate the generated test documents (needs LibreOffice for the PDFs); commit the result.
fixtures: $(STAMP)
	$(PY) -m tests.generate_fixtures
	$(PY) -m tests.generate_pdf_fixtures

# Regenerate the tagged-PDF fixtures in tests/fixtures/tagged/ (needs LibreOffice and Chromium).
tagged-fixtures: $(STAMP)
	$(PY) -m tests.generate_tagged_fixtures
	$(PY) -m tests.generate_framework_fixtures

bench: $(STAMP)
	$(PY) -m tests.bench $(BENCH_ARGS)

# Regenerate the long handbook of the benchmark (tests/fixtures/bench; needs LibreOffice); commit it.
bench-corpus: $(STAMP)
	$(PY) -m tests.bench_corpus

# kill -9 at random moments of a 200-file run: no survivors, no stale lock, validate passes.
kill-trials: $(STAMP)
	$(PY) -m tests.kill_trials --trials 20 --files 200

# Print fresh generated handbooks with many writers and read them back (tests/holdout.py). Pick a
# salt the rules were never fixed on: make holdout HOLDOUT_ARGS="--count 40 --salt x --writers word,chromium".
HOLDOUT_ARGS ?= --count 40 --salt w
HOLDOUT_PROGRAMS := soffice chromium wkhtmltopdf
REFERENCE := ../shared/handbooks
HOLDOUT_STAMP := $(VENV)/.holdout-installed

$(HOLDOUT_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,holdout]'
	touch $(HOLDOUT_STAMP)

holdout: $(HOLDOUT_STAMP)
	@for program in $(HOLDOUT_PROGRAMS); do command -v $$program >/dev/null || \
		echo "holdout: $$program is not installed; the writers that need it are skipped" >&2; done
	$(PY) -m tests.holdout $(HOLDOUT_ARGS) $(if $(wildcard $(REFERENCE)/*.docx),--reference $(REFERENCE))

# Rewrite docs/schema.md, the field table of schemas/handbook.schema.json (a test checks it is current).
schema-doc: $(STAMP)
	$(PY) -m pipeline.schema_doc

# Empties output/ but keeps the tracked output/.gitkeep.
# Fresh handbooks printed as tagged PDFs by LibreOffice and Chromium, read back per writer.
holdout-tagged: $(STAMP)
	$(PY) -m tests.holdout_tagged --count 40 --salt t1

clean:
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) build *.egg-info .pytest_cache
