# The two commands of the README: `make site` and `make test`. Both set up .venv from the hash-pinned lock file.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup mermaid chromium generate site serve test lock clean

setup: $(INSTALLED)

$(INSTALLED): requirements.lock pyproject.toml
	@echo "setup: creating $(VENV) and installing the locked packages (requirements.lock)"
	@$(PYTHON) -m venv $(VENV)
	@# The lock is the complete, closed set: installed as it is, resolving nothing, so no new release on PyPI can
	@# change or break it; pip check then proves the set consistent.
	@# pip's own output goes to a log, shown only when a step fails.
	@$(PY) -m pip install --disable-pip-version-check --no-deps --require-hashes -r requirements.lock \
		> $(VENV)/setup.log 2>&1 || { cat $(VENV)/setup.log; exit 1; }
	@$(PY) -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e . \
		>> $(VENV)/setup.log 2>&1 || { cat $(VENV)/setup.log; exit 1; }
	@echo "setup: checking that the installed set is consistent (pip check)"
	@$(PY) -m pip check
	@touch $@

# Mermaid draws the diagrams. Material would load it from a CDN, which readers offline or behind a strict policy
# never get, so the site serves its own copy: the npm registry's tarball, checked against a pinned hash. A copy
# also goes into the package's scaffold, so that a project made by `factsheet init` serves its own too.
MERMAID_VERSION := 11.17.2
MERMAID_SHA256 := 6ad2f42c3fc26bbf9e45cbb6d11898972573ea52b33a5f4ff51952899f950ffd
MERMAID_JS := docs/assets/javascripts/mermaid.min.js
MERMAID_SHIPPED := generator/scaffold/docs/assets/javascripts/mermaid.min.js

mermaid: $(MERMAID_JS) $(MERMAID_SHIPPED)

$(MERMAID_SHIPPED):
	@echo "mermaid: mermaid@$(MERMAID_VERSION) from the npm registry (sha256-checked; a tarball already in build/mermaid/ is used)"
	@mkdir -p build/mermaid $(@D)
	@test -f build/mermaid/mermaid-$(MERMAID_VERSION).tgz || (cd build/mermaid && npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null)
	@echo "$(MERMAID_SHA256)  build/mermaid/mermaid-$(MERMAID_VERSION).tgz" | sha256sum --check --quiet --status \
		|| { rm -f build/mermaid/mermaid-$(MERMAID_VERSION).tgz; echo "mermaid: the tarball's sha256 is not the pinned one; removed it" >&2; exit 1; }
	@tar -xzf build/mermaid/mermaid-$(MERMAID_VERSION).tgz -C build/mermaid package/dist/mermaid.min.js
	@cp build/mermaid/package/dist/mermaid.min.js $@

$(MERMAID_JS): $(MERMAID_SHIPPED)
	@mkdir -p $(@D)
	@cp $< $@

generate: setup mermaid
	@echo "generate: extracting the articles of seeds/ into docs/facts/"
	@$(PY) -m generator build

site: generate
	@echo "site: building the site with MkDocs"
	@NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict
	@echo "site: done, in site/ (open site/index.html, or preview with live reload: make serve, then http://127.0.0.1:8000/)"

serve: setup mermaid
	$(PY) -m generator serve

# The browser tests drive Debian's Chromium: Playwright cannot download its own browsers here. Installed only where
# missing (CI runs as root on a fresh machine; elsewhere through sudo).
CHROMIUM := /usr/bin/chromium

chromium: $(CHROMIUM)

$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium'

test: setup mermaid chromium
	$(PY) -m pytest

# Re-pin every dependency with hashes after editing pyproject.toml.
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --allow-unsafe --extra test --strip-extras \
		--no-emit-find-links --no-emit-index-url -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) site docs/facts .cache
