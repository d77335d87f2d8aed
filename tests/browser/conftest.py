"""The site in a real browser: built once per session into a temporary folder, served on 127.0.0.1, and read
by Debian's Chromium through Playwright. Every page a test opens records its requests and console errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route

from benchmarks.browser import CHROMIUM, LOCAL_HOSTS, chromium, serve_folder
from generator.build import BuildReport, extract_articles, load_articles, write_pages
from generator.render import render_site
from tests.test_render import sample_sheet
from tests.test_site import BUILDERS, HOSTILE_TITLE, MERMAID, ROOT, SAMPLE, new_project, site_build


@pytest.fixture(scope="session", params=BUILDERS)
def site(request, tmp_path_factory) -> Path:
    """The sample article through the whole pipeline, beside the fact sheet written for the render tests (every kind
    of fact, independent of what extraction finds) and a copy of it under a headline of markup, built by each
    builder (`mkdocs build --strict`, `zensical build --strict`) and indexed for search: every browser test runs on
    both sites."""
    if not (ROOT / "docs" / MERMAID).is_file():
        pytest.fail(f"docs/{MERMAID} is missing: run `make mermaid` (the site would load Mermaid from a CDN)")
    project = tmp_path_factory.mktemp(f"browser-site-{request.param}")
    settings = new_project(project).model_copy(update={"cache_dir": project / ".cache", "jobs": 1})
    report = BuildReport()
    sheets = extract_articles(load_articles([SAMPLE], report), settings, report)
    assert not report.problems, report.problems
    hostile = sample_sheet(id="hostile", title=HOSTILE_TITLE)
    write_pages(render_site([sample_sheet(), hostile, *sheets], settings), settings.generated_dir)
    return site_build(project, request.param)


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.exists():
        # Not a skip: `make test` installs it first, so a missing browser is a broken setup.
        pytest.fail(f"{CHROMIUM} not found: run `make chromium` (Debian's chromium package) before the browser tests")
    with chromium() as launched:
        yield launched


@dataclass
class Visit:
    """A browser tab and what it did: every request it made (or tried), and every error it logged."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).hostname not in LOCAL_HOSTS]


@pytest.fixture
def visit(browser, base_url) -> Visit:
    """A fresh tab (own cache and storage) on a desktop-sized window. Requests to any other host are blocked, so a
    test never waits on the network, and recorded, so the tests fail on them all the same."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    tab = Visit(page)

    def only_local(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", only_local)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("websocket", lambda socket: tab.requests.append(socket.url))
    page.on("console", lambda message: tab.errors.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: tab.errors.append(f"uncaught: {error}"))
    yield tab
    context.close()
