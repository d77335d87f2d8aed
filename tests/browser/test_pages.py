"""The built site in Chromium: search, evidence links, diagrams, and a clean console with no outside requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Visit
from tests.test_site import HOSTILE_TITLE

FACT_SHEET = "facts/articles/fishing-truce/"
SAMPLE_SHEET = "facts/articles/putin-trump-call/"
# Long enough for a busy CI machine; the waits end as soon as the page is ready, so they cost nothing when it is fast.
TIMEOUT_MS = 30_000


def assert_stayed_local_and_quiet(visit: Visit) -> None:
    assert visit.requests, "the tab made no request at all: the recorder is not attached"
    assert visit.foreign_requests == [], "requests left the machine"
    assert visit.errors == []


def search(visit: Visit, query: str) -> None:
    """Enter the whole query at once: typed letter by letter, results for a part of it ("Ann") could show first and
    be taken for the answer."""
    box = visit.page.locator(".fs-search__input")
    box.click()
    box.fill(query)


def results(visit: Visit) -> list[dict]:
    """The results shown: kind, title, section and address of each."""
    return visit.page.locator(".fs-search__item").evaluate_all(
        """items => items.map(item => ({
          kind: item.querySelector(".fs-search__kind").textContent,
          title: item.querySelector(".fs-search__title").textContent,
          section: item.querySelector(".fs-search__section")?.textContent ?? "",
          href: item.querySelector("a").getAttribute("href"),
        }))"""
    )


@pytest.mark.parametrize(
    ("query", "sheet", "other"),
    [("Anna Berg", FACT_SHEET, SAMPLE_SHEET), ("Putin", SAMPLE_SHEET, FACT_SHEET)],
)
def test_a_party_name_typed_into_search_finds_its_fact_sheet(visit, query, sheet, other):
    page = visit.page
    page.goto("")
    search(visit, query)
    hit = page.locator(f'.fs-search__item a[href*="{sheet}"]').first
    hit.wait_for(timeout=TIMEOUT_MS)
    found = [result["href"] for result in results(visit)]
    assert not [href for href in found if other in href], f"{query!r} also found {other}: {found}"
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(sheet)), timeout=TIMEOUT_MS)
    expect(page.locator("h1")).to_be_visible()
    assert_stayed_local_and_quiet(visit)


@pytest.mark.parametrize(
    ("query", "kind", "title", "section", "lands_on"),
    [
        # A party: its own page.
        ("Omar Haddad", "Party", "Omar Haddad", "", "facts/parties/omar-haddad/"),
        # A quote: the fact sheet it is on, at its speaker's quotes.
        ("stop all patrols", "Fact sheet", "Northland and Southland agree a 60-day fishing truce", "Quotes › Anna Berg", f"{FACT_SHEET}#anna-berg"),
        # A fact sheet: by the words of its headline.
        ("fishing truce", "Fact sheet", "Northland and Southland agree a 60-day fishing truce", "", FACT_SHEET),
    ],
)
def test_search_finds_a_party_a_quote_and_a_fact_sheet(visit, query, kind, title, section, lands_on):
    page = visit.page
    page.goto("facts/agreements/")
    search(visit, query)
    page.locator(".fs-search__item").first.wait_for(timeout=TIMEOUT_MS)
    shown = [(result["kind"], result["title"], result["section"]) for result in results(visit)]
    assert (kind, title, section) in shown, shown
    page.locator(".fs-search__link").nth(shown.index((kind, title, section))).click()
    expect(page).to_have_url(re.compile(re.escape(lands_on) + "$"), timeout=TIMEOUT_MS)
    assert_stayed_local_and_quiet(visit)


@pytest.mark.parametrize("keys", ["/", "Control+k"])
def test_slash_and_ctrl_k_go_to_the_search_box(visit, keys):
    page = visit.page
    page.goto(FACT_SHEET)
    page.locator("h1").click()
    page.keyboard.press(keys)
    expect(page.locator(".fs-search__input")).to_be_focused()
    page.keyboard.type("Haddad")
    page.locator(".fs-search__item").first.wait_for(timeout=TIMEOUT_MS)
    # Escape closes the results.
    page.keyboard.press("Escape")
    expect(page.locator(".fs-search__output")).to_be_hidden()
    assert_stayed_local_and_quiet(visit)


def test_a_headline_of_markup_shows_in_results_as_text(visit):
    page = visit.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("")
    search(visit, "javascript alert")
    page.locator(".fs-search__item").first.wait_for(timeout=TIMEOUT_MS)
    titles = [result["title"] for result in results(visit)]
    assert HOSTILE_TITLE in titles, titles
    # Nothing in the results but the elements the search box makes.
    tags = page.locator(".fs-search__list *").evaluate_all("elements => [...new Set(elements.map(element => element.tagName))]")
    assert set(tags) <= {"LI", "A", "SPAN", "P", "MARK"}, tags
    assert dialogs == []
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
    page.locator(".fs-search__meta").filter(has_text=re.compile(r"\d+ results?|No results")).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    assert_stayed_local_and_quiet(visit)
