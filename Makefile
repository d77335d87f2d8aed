# The two commands of the README: `make site` and `make test`. Both set up .venv from the hash-pinned lock file.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup generate site serve test lock clean

setup: $(INSTALLED)

$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

generate: setup
	$(PY) -m generator build

site: generate
	$(VENV)/bin/mkdocs build --strict

serve: setup
	$(PY) -m generator serve

test: setup
	$(PY) -m pytest

# Re-pin every dependency with hashes after editing pyproject.toml.
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --allow-unsafe --extra test --strip-extras \
		--no-emit-find-links --no-emit-index-url -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) site docs/facts .cache
