"""The built site in Chromium: search, evidence links, diagrams, and a clean console with no outside requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Visit

FACT_SHEET = "facts/articles/fishing-truce/"
SAMPLE_SHEET = "facts/articles/putin-trump-call/"
# Long enough for a busy CI machine; the waits end as soon as the page is ready, so they cost nothing when it is fast.
TIMEOUT_MS = 30_000


def assert_stayed_local_and_quiet(visit: Visit) -> None:
    assert visit.requests, "the tab made no request at all: the recorder is not attached"
    assert visit.foreign_requests == [], "requests left the machine"
    assert visit.errors == []


def search(visit: Visit, query: str) -> None:
    """Enter the whole query at once (and release a key, which is what Material searches on): typed letter by
    letter, results for a part of it ("Ann") could show first and be taken for the answer."""
    box = visit.page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")


@pytest.mark.parametrize(
    ("query", "sheet", "other"),
    [("Anna Berg", FACT_SHEET, SAMPLE_SHEET), ("Putin", SAMPLE_SHEET, FACT_SHEET)],
)
def test_a_party_name_typed_into_search_finds_its_fact_sheet(visit, query, sheet, other):
    page = visit.page
    page.goto("")
    search(visit, query)
    hit = page.locator(f'.md-search-result__item a[href*="{sheet}"]').first
    hit.wait_for(timeout=TIMEOUT_MS)
    results = page.locator(".md-search-result__item a").evaluate_all("links => links.map(link => link.href)")
    assert not [href for href in results if other in href], f"{query!r} also found {other}: {results}"
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(sheet)), timeout=TIMEOUT_MS)
    expect(page.locator("h1")).to_be_visible()
    assert_stayed_local_and_quiet(visit)


@pytest.mark.parametrize("sheet", [FACT_SHEET, SAMPLE_SHEET])
def test_clicking_a_quote_lands_on_its_highlighted_evidence(visit, sheet):
    page = visit.page
    page.goto(sheet)
    # The first quote of the sheet: its label is the link to the quote's mark in the source text.
    label = page.locator("#quotes ~ ul a.fs-label.fs-quote").first
    fact_id, mark_id = label.get_attribute("id"), label.get_attribute("href").removeprefix("#")
    quote = " ".join(label.locator("xpath=..").inner_text().split())
    label.click()
    expect(page).to_have_url(re.compile(f"#{re.escape(mark_id)}$"))
    assert page.evaluate("document.querySelector(':target').id") == mark_id
    mark = page.locator(f"mark#{mark_id}")
    expect(mark).to_have_class(re.compile(r"\bfs-quote\b"))
    # The words marked are the words quoted.
    assert " ".join(mark.text_content().split()) in quote
    expect(mark).to_be_in_viewport()
    # Highlighted: the :target rule outlines the mark the reader landed on.
    assert mark.evaluate("element => getComputedStyle(element).outlineStyle") == "solid"

    # And back: the link right after the mark returns to the fact it is evidence of.
    page.locator(f'mark#{mark_id} + a.fs-backref[href="#{fact_id}"]').click()
    expect(page).to_have_url(re.compile(f"#{re.escape(fact_id)}$"))
    expect(page.locator(f"#{fact_id}")).to_be_in_viewport()
    assert_stayed_local_and_quiet(visit)


def open_shadow_roots(page: Page) -> None:
    """Material draws each diagram into a closed shadow root; opened here so that a test can look inside."""
    page.add_init_script(
        "const attach = Element.prototype.attachShadow;"
        "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };"
    )


def test_relationship_diagram_renders_to_svg(visit):
    page = visit.page
    open_shadow_roots(page)
    page.goto(FACT_SHEET)
    diagram = page.locator("div.mermaid svg").first
    diagram.wait_for(timeout=TIMEOUT_MS)
    labels = diagram.text_content()
    assert "Northland" in labels and "Southland" in labels
    box = diagram.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50
    assert_stayed_local_and_quiet(visit)


PAGES = [
    "",
    "facts/",
    FACT_SHEET,
    SAMPLE_SHEET,
    "facts/parties/",
    "facts/parties/anna-berg/",
    "facts/agreements/",
    "facts/experts/",
    "facts/quotes/",
    "facts/timeline/",
    "tags/",
    "about/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_outside_requests(visit, path):
    page = visit.page
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'no response'}"
    # Everything the page loads, diagrams and the search index included, has been asked for once the network is idle.
    search(visit, "truce")
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d|No matching")).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    assert_stayed_local_and_quiet(visit)
