"""Search benchmark: how long a reader of a large site waits for search results, at 1,000, 3,000 and 10,000 articles.

For each size it builds a site (benchmarks/corpus.py) in a temporary folder, as `make site` does (the generator's
pages, the builder, the search index), serves it on 127.0.0.1 and, in headless Chromium, types queries into the
search box of a freshly opened home page. For each query it measures, inside the page, the time from the first key
pressed to

- the first result shown (the figure the target is for: under 1 s), and
- the first time a result shown contains every word of the whole query (the answer the reader was typing towards).

Cold: a new browser profile per query, typing as soon as the page is parsed, so the time includes downloading the
search index (the parts of it the query needs) as for a first-time visitor. Warm: a second query on the same page.

Extracting 10,000 articles with spaCy would take most of an hour on 2 cores, so only the first `--extracted`
articles (default 3,000) are, and the rest get copies of their fact sheets (corpus.fact_sheets). Extracted fact
sheets are kept in `--sheets DIR`, when given, for the next run.

`--search builtin` measures the builder's own search instead (Material's or Zensical's: the search plugin on,
without this project's search box), the references Pagefind was chosen against.

    .venv/bin/python benchmarks/search.py                                  # 1,000, 3,000 and 10,000 articles
    .venv/bin/python benchmarks/search.py --articles 1000 --builder zensical
    .venv/bin/python benchmarks/search.py --articles 3000 --search builtin --sheets /tmp/sheets
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from generator.build import write_pages
from generator.config import Settings, available_cores
from generator.render import render_site

# Run as a script: this folder is on the import path.
from browser import chromium, serve_folder
from corpus import ROOT, fact_sheets, make_project

TARGET_SECONDS = 1.0
SIZES = (1000, 3000, 10000)
BUILDERS = ("mkdocs", "zensical")
# Names of people, organisations and countries in the corpus, a name from the sample article, and a topic word.
QUERIES = ["Lindqvist", "Okafor", "Harbourline", "Kenya", "Deyermond", "ceasefire", "dockworkers union"]
WARM_QUERY = "Marchetti"


@dataclass(frozen=True)
class SearchBox:
    """Where a search UI takes a query and shows its results; `opener`, if any, is clicked to show the box."""

    name: str
    box: str
    result: str
    opener: str | None = None


PAGEFIND = SearchBox("Pagefind", ".fs-search__input", ".fs-search__item")
# The builders' own searches, the references Pagefind was chosen against. Zensical's is a dialog in a shadow root.
BUILTIN = {
    "mkdocs": SearchBox("Material's own search", ".md-search__input", ".md-search-result__item"),
    "zensical": SearchBox("Zensical's own search", "dialog input[role=combobox]", "a[role=option]", opener=".md-search__button"),
}

# Installed before any page script runs: records, in the page's own clock, the first key pressed, the first search
# result shown, and the first time a result shown holds every word of the query that was typed in the end. It looks
# at every frame, in the document and in open shadow roots (where Zensical draws its results).
TIMING_SCRIPT = """
window.__search = {key: null, first: null, full: null, words: []};
addEventListener("keydown", (event) => {
  if (window.__search.key === null) window.__search.key = event.timeStamp;
}, true);
window.__searchResults = function allResults() {
  const found = [...document.querySelectorAll(RESULT)];
  for (const host of document.querySelectorAll("*")) {
    if (host.shadowRoot) found.push(...host.shadowRoot.querySelectorAll(RESULT));
  }
  return found;
};
function look(now) {
  const timing = window.__search;
  const items = timing.key === null ? [] : window.__searchResults();
  if (items.length) {
    if (timing.first === null) timing.first = now;
    const holds = (item) => timing.words.every((word) => item.textContent.toLowerCase().includes(word));
    if (timing.full === null && timing.words.length && items.some(holds)) timing.full = now;
  }
  requestAnimationFrame(look);
}
requestAnimationFrame(look);
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append", help="articles in the site; repeat for several sizes (default: 1,000, 3,000 and 10,000)")
    parser.add_argument("--builder", choices=BUILDERS, default="mkdocs", help="site builder (default: mkdocs)")
    parser.add_argument("--search", choices=("pagefind", "builtin"), default="pagefind", help="the site's search box (pagefind) or the builder's own (builtin, MkDocs only)")
    parser.add_argument("--extracted", type=int, default=3000, help="articles extracted with spaCy; fact sheets past them are copies (default: 3,000)")
    parser.add_argument("--sheets", type=Path, metavar="DIR", help="keep extracted fact sheets here for the next run (default: not kept)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR (which must not exist yet) and keep the sites (default: a temporary folder)")
    parser.add_argument("--jobs", type=int, default=available_cores(), help="extraction processes (default: all cores)")
    args = parser.parse_args()
    sizes = args.articles or list(SIZES)
    with tempfile.TemporaryDirectory(prefix="factsheet-search-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        sheets = args.sheets or Path(scratch) / "sheets"
        sheets.mkdir(parents=True, exist_ok=True)
        verdicts = [measure(folder / f"site-{size}", size, args, sheets) for size in sizes]
    print("\nmedian time from the first key to the first result (cold):")
    for size, (median, passed) in zip(sizes, verdicts):
        print(f"  {size:>6,} articles: {median:.2f} s   {'PASS' if passed else 'FAIL'} (target < {TARGET_SECONDS:.0f} s)")
    return 0 if all(passed for _, passed in verdicts) else 1


def measure(folder: Path, articles: int, args, sheets: Path) -> tuple[float, bool]:
    """Build a site of `articles` articles in `folder` and time searches on it: (median to first result, passed)."""
    search = BUILTIN[args.builder] if args.search == "builtin" else PAGEFIND
    site = build_site(folder, articles, args.builder, search, sheets, args.extracted, args.jobs)
    corpus = " ".join(path.read_text("utf-8").lower() for path in (folder / "seeds").iterdir())
    # A small corpus may not name everyone: query only what its articles contain.
    queries = [query for query in QUERIES if all(word in corpus for word in query.lower().split())]
    with serve_folder(site) as url, chromium() as browser:
        cold = [cold_search(browser, url, search, query) for query in queries]
        warm = warm_search(browser, url, search, queries[0], WARM_QUERY if WARM_QUERY.lower() in corpus else queries[-1])

    first = statistics.median(t.first for t in cold)
    full = statistics.median(t.full for t in cold)
    print(f"\n{search.name} on a site of {articles:,} articles ({count_pages(site):,} pages), built with {args.builder}")
    print(f"  index: {index_size(site, search) / 1e6:.2f} MB on the server")
    for timing in cold:
        print(f"  cold  {timing.query!r:22} first result {timing.first:5.2f} s   whole query {timing.full:5.2f} s   {timing.fetched / 1e6:5.2f} MB of index fetched")
    print(f"  warm  {warm.query!r:22} first result {warm.first:5.2f} s   whole query {warm.full:5.2f} s")
    passed = first < TARGET_SECONDS
    print(f"  median time to first results (cold): {first:.2f} s   target < {TARGET_SECONDS:.0f} s   {'PASS' if passed else 'FAIL'}")
    print(f"  median time to results for the whole query (cold): {full:.2f} s")
    since_open = statistics.median(t.since_open for t in cold)
    print(f"  median time from opening the page to first results (cold, typing at once): {since_open:.2f} s")
    return first, passed


def build_site(folder: Path, articles: int, builder: str, search: SearchBox, sheets: Path, extracted: int, jobs: int) -> Path:
    """The built site of `articles` articles in `folder`: the generator's pages, the builder's site, its search index."""
    project = make_project(folder, articles)
    if search is not PAGEFIND:
        use_builtin_search(project)
    settings = Settings(seeds_dir=project / "seeds", docs_dir=project / "docs", templates_dir=ROOT / "templates", cache_dir=project / ".cache", jobs=jobs)
    started = time.perf_counter()
    write_pages(render_site(fact_sheets(settings, sheets, extracted), settings), settings.generated_dir)
    print(f"{articles:,} articles: pages generated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    steps = [[str(Path(sys.executable).parent / builder), "build"]]
    if search is PAGEFIND:
        steps.append([sys.executable, "-m", "generator", "index", "site"])
    for command in steps:
        started = time.perf_counter()
        subprocess.run(command, cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"{articles:,} articles: {' '.join(Path(part).name for part in command[:4])} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return project / "site"


def use_builtin_search(project: Path) -> None:
    """The project as it was before Pagefind: the theme's search plugin on, its own search box in the header."""
    config_path = project / "mkdocs.yml"
    text = config_path.read_text("utf-8")
    off = "  - search:\n      enabled: false\n"
    assert off in text, "mkdocs.yml no longer turns the theme's search off as this expects"
    config_path.write_text(text.replace(off, "  - search\n"), encoding="utf-8")
    for partial in ("header.html", "search.html"):
        (project / "overrides" / "partials" / partial).unlink()


@dataclass
class Timing:
    query: str
    first: float
    full: float
    since_open: float
    fetched: int


def type_query(page, search: SearchBox, query: str, fetched: list[int]) -> Timing:
    page.evaluate("words => { window.__search.words = words; }", query.lower().split())
    if search.opener and not page.locator(search.box).is_visible():
        page.locator(search.opener).click()
    box = page.locator(search.box)
    box.click()
    box.press_sequentially(query)
    try:
        page.wait_for_function("window.__search.first !== null && window.__search.full !== null", timeout=120_000)
    except PlaywrightTimeoutError:
        raise RuntimeError(f"search for {query!r} showed no result holding every word of it within 120 s") from None
    times = page.evaluate("window.__search")
    return Timing(
        query,
        first=(times["first"] - times["key"]) / 1000,
        full=(times["full"] - times["key"]) / 1000,
        # From the start of navigation: includes the time before the first key, when the index may have been loading.
        since_open=times["first"] / 1000,
        fetched=sum(fetched),
    )


def open_home(browser, url: str, search: SearchBox):
    """A new browser profile on the home page, with the timing script and a count of the index bytes it fetches."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(TIMING_SCRIPT.replace("RESULT", repr(search.result)))
    fetched: list[int] = []
    index_paths = ("/pagefind/", "/search/", "/search.json")

    def count(request) -> None:
        if any(part in request.url for part in index_paths):
            fetched.append(request.sizes()["responseBodySize"])

    page.on("requestfinished", count)
    return context, page, fetched


def cold_search(browser, url: str, search: SearchBox, query: str) -> Timing:
    context, page, fetched = open_home(browser, url, search)
    try:
        page.goto(url, wait_until="domcontentloaded")
        return type_query(page, search, query, fetched)
    finally:
        context.close()


def warm_search(browser, url: str, search: SearchBox, first_query: str, query: str) -> Timing:
    """The second of two queries typed on one page: the index is loaded by then."""
    context, page, fetched = open_home(browser, url, search)
    try:
        page.goto(url)
        type_query(page, search, first_query, fetched)
        page.locator(search.box).fill("")
        page.evaluate("window.__search.key = window.__search.first = window.__search.full = null")
        # Wait until the previous results are gone, so that the next first result belongs to the new query.
        page.wait_for_function("!window.__searchResults().length")
        fetched.clear()
        return type_query(page, search, query, fetched)
    finally:
        context.close()


def index_size(site: Path, search: SearchBox) -> int:
    files = [*(site / "pagefind").rglob("*")] if search is PAGEFIND else [*(site / "search").rglob("*"), site / "search.json"]
    return sum(path.stat().st_size for path in files if path.is_file())


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


if __name__ == "__main__":
    sys.exit(main())
