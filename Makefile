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
# never get, so the site serves its own copy: the npm registry's tarball, checked against a pinned hash.
MERMAID_VERSION := 11.17.2
MERMAID_SHA256 := 6ad2f42c3fc26bbf9e45cbb6d11898972573ea52b33a5f4ff51952899f950ffd
MERMAID_JS := docs/assets/javascripts/mermaid.min.js

mermaid: $(MERMAID_JS)

$(MERMAID_JS):
	rm -rf build/mermaid && mkdir -p build/mermaid $(@D)
	cd build/mermaid && npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null
	echo "$(MERMAID_SHA256)  build/mermaid/mermaid-$(MERMAID_VERSION).tgz" | sha256sum --check --quiet
	tar -xzf build/mermaid/mermaid-$(MERMAID_VERSION).tgz -C build/mermaid package/dist/mermaid.min.js
	cp build/mermaid/package/dist/mermaid.min.js $@

generate: setup mermaid
	$(PY) -m generator build

# The site builder, reading mkdocs.yml: mkdocs (the default while Zensical is below 1.0) or zensical. Either way the
# built site is then indexed for search (Pagefind, into site/pagefind/).
BUILDER ?= mkdocs
BUILDERS := mkdocs zensical

site: generate
	$(if $(filter $(BUILDER),$(BUILDERS)),,$(error BUILDER must be one of: $(BUILDERS)))
	$(VENV)/bin/$(BUILDER) build --strict
	$(PY) -m generator index site

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
