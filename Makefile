# The two commands a steward needs: `make` (set up and convert input/) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all convert test golden fixtures tagged-fixtures bench holdout holdout-tagged clean distclean

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

bench: $(STAMP)
	$(PY) -m tests.bench

# Read back fresh generated handbooks the rules were never tuned on (needs LibreOffice).
holdout: $(STAMP)
	$(PY) -m tests.holdout --count 40 --salt a

# Fresh handbooks printed as tagged PDFs by LibreOffice and Chromium, read back per writer.
holdout-tagged: $(STAMP)
	$(PY) -m tests.holdout_tagged --count 40 --salt t1

clean:
	rm -rf output

distclean: clean
	rm -rf $(VENV) *.egg-info .pytest_cache
