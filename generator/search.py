"""After the site builder: the search index of the built site, with Pagefind, into `site/pagefind/`.

Pagefind splits the index into small files and the reader's browser fetches only those a query needs, so the
time to the first result stays under a second as the site grows (Material's search downloads and indexes the
whole site first: 2.7 s at 3,000 articles). It runs on the built HTML, so it is the same step after MkDocs or
Zensical.

What is indexed follows the marks the templates leave for search, read the way Material's search reads them:
a page is indexed only inside its `data-pagefind-body` element (overrides/main.html leaves it out of pages whose
front matter says `search: exclude`); an element marked `data-search-exclude` is skipped, and a heading so marked
skips its section up to the next heading. Each result then names what it comes from: its kind (fact sheet,
party, deal, page) and, for a match under a subheading, the path of headings ("Quotes › Anna Berg").
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement
from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The language of the site's pages: fixed, so that a page without a lang attribute does not get an index of its own.
LANGUAGE = "en"
# Folders of the generated site whose pages are of one kind, the label a result carries.
KINDS = {"facts/articles/": "Fact sheet", "facts/parties/": "Party", "facts/deals/": "Deal"}


@dataclass
class IndexReport:
    pages: int = 0
    skipped: int = 0


def index_site(site: Path) -> IndexReport:
    """Index every page of the built site in `site` into `site/pagefind/`, replacing an earlier index."""
    return asyncio.run(_index_site(site.resolve()))


async def _index_site(site: Path) -> IndexReport:
    report = IndexReport()
    # Pagefind names its files by their content: those of an earlier index would stay beside the new ones.
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    # The part of each page that search reads, in a folder laid out as the site, which Pagefind then indexes whole:
    # handing it the pages one by one through its service took a minute per thousand pages, the folder seconds.
    with tempfile.TemporaryDirectory(prefix="factsheet-search-") as folder:
        for page in sorted(site.rglob("*.html")):
            path = page.relative_to(site).as_posix()
            content = searchable_html(page.read_text("utf-8"), page_url(path))
            if content is None:
                report.skipped += 1
                continue
            target = Path(folder, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            report.pages += 1
        async with PagefindIndex(config=IndexConfig(output_path=str(site / BUNDLE), force_language=LANGUAGE)) as index:
            await index.add_directory(folder)
    return report


def page_url(path: str) -> str:
    """The address a built page is served at, from the site's root: `a/b/index.html` is `/a/b/`."""
    return "/" + (path.removesuffix("index.html") if path == "index.html" or path.endswith("/index.html") else path)


def searchable_html(html: str, url: str) -> str | None:
    """The part of a page that search indexes, as HTML for Pagefind; None for a page left out of search."""
    body = next(iter(lxml.html.document_fromstring(html).xpath("//*[@data-pagefind-body]")), None)
    if body is None:
        return None
    # Permalinks ("¶") and navigation, such as the list of the page's tags, are not content.
    for link in body.xpath(".//a[contains(concat(' ', @class, ' '), ' headerlink ')] | .//nav"):
        link.drop_tree()
    _title_subheadings(body)
    for element in body.xpath(".//*[@data-search-exclude]"):
        if element.getparent() is None:
            continue  # inside an element dropped already
        if element.tag in HEADINGS:
            _drop_section(element)
        else:
            element.drop_tree()
    body.set("data-pagefind-meta", f"kind:{kind_of(url)}")
    # Pagefind reads a whole document, not an element alone.
    return f'<html lang="{LANGUAGE}"><body>{lxml.html.tostring(body, encoding="unicode")}</body></html>'


def kind_of(url: str) -> str:
    for folder, kind in KINDS.items():
        if url.startswith(f"/{folder}") and url != f"/{folder}":
            return kind
    return "Page"


def _title_subheadings(body: HtmlElement) -> None:
    """Give each heading below h2 the path of headings above it, which Pagefind shows as the title of its matches."""
    path: dict[int, str] = {}
    for heading in body.iter(*HEADINGS):
        level = int(heading.tag[1])
        text = " ".join(heading.text_content().split())
        path = {above: title for above, title in path.items() if above < level}
        path[level] = text
        if level > 2 and heading.get("id"):
            titled = " › ".join(title for above, title in sorted(path.items()) if above >= 2)
            for child in list(heading):
                child.drop_tree()
            heading.text = titled


def _drop_section(heading: HtmlElement) -> None:
    """A heading and what follows it up to the next heading of any level (a section of Material's search)."""
    following = heading.getnext()
    while following is not None and following.tag not in HEADINGS:
        after = following.getnext()
        following.drop_tree()
        following = after
    heading.drop_tree()
