"""Saved web pages: the article and its metadata come out, the page around it stays out.

The pages in tests/fixtures/html/ were written for these tests, laid out like real news sites:
navigation, cookie banners, ad slots, share buttons, related links, comments, newsletters, footers.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.load import LoadError, article_files, load

PAGES = Path(__file__).resolve().parent / "fixtures" / "html"
JSON_LD_PAGE = PAGES / "dockworkers-pay-deal.html"
OPEN_GRAPH_PAGE = PAGES / "tram-line-vote.html"


def _article_page(head: str = "", body: str = "", charset: str = "utf-8") -> str:
    """A small page around a two-paragraph article, for the cases the fixtures do not cover."""
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>Mayor signs housing pact</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/city">City news</a></nav><article><h1>Mayor signs housing pact</h1>
<p>The mayor signed a housing pact with three developers on Monday, promising 400 new homes by 2028 in the eastern districts.</p>
{body}
<p>"We have waited long enough for these homes," the mayor said at the signing ceremony in the town hall.</p>
</article><footer>Copyright City Times Ltd</footer></body></html>"""


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            JSON_LD_PAGE,
            {
                "title": "Dockworkers and Harbour Line agree three-year pay deal, ending strike",
                "author": "Rosalind Achterberg",
                "published": dt.date(2026, 3, 12),
                "outlet": "The Meridian Courier",
                "url": "https://www.meridiancourier.example/business/2026/03/12/dockworkers-harbour-line-pay-deal",
            },
        ),
        (
            OPEN_GRAPH_PAGE,
            {
                "title": "Council backs tram extension after operator accepts fare cap",
                "author": "Daniel Okonkwo-Hale",
                "published": dt.date(2026, 9, 4),
                "outlet": "Northfield Gazette",
                "url": "https://northfieldgazette.example/news/local/tram-extension-fare-cap-4471",
            },
        ),
    ],
    ids=["json-ld", "open-graph"],
)
def test_metadata_comes_from_the_page(page, expected):
    article = load(page)
    assert {name: getattr(article.meta, name) for name in expected} == expected
    assert article.meta.id == page.stem
    assert article.warnings == []


@pytest.mark.parametrize(
    ("page", "paragraphs", "boilerplate"),
    [
        (
            JSON_LD_PAGE,
            [
                "The Amalgamated Dockworkers Union and the port operator Harbour Line signed a three-year pay agreement on Wednesday, "
                "ending a strike that had halted cargo traffic at the Port of Calloway for two weeks.",
                "“This agreement gives our members the security they asked for from the start,” said Helena Marsh, the union’s general secretary.",
                "Priya Raman, a lecturer in labour economics at Eastbrook University, said the settlement was likely to set a benchmark for "
                "other ports. “Both sides blinked, but the workers won the argument on shift length,” she said.",
            ],
            {
                "navigation": "Business and markets",
                "breadcrumbs": "Ports",
                "cookie banner": "cookie policy",
                "ad": "Brightwater Loans",
                "inline ad": "Saltmarsh Stays",
                "share buttons": "Share on Facebook",
                "related link": "talks collapse",
                "newsletter": "morning newsletter",
                "comment": "cost local shops a fortune",
                "commenter": "portwatcher77",
                "most read": "county derby",
                "footer": "All rights reserved",
                "tracking script": "dataLayer",
            },
        ),
        (
            OPEN_GRAPH_PAGE,
            [
                "The extension was approved by 31 votes to 12. Opposition councillors had insisted that the fare cap be written into "
                "the contract before they would support the scheme.",
                "Northern Rail Transit’s managing director, Samuel Achebe-Lind, said construction would begin in the spring and take about two years.",
            ],
            {
                "menu": "Property listings",
                "billboard ad": "Northfield Motors",
                "inline ad": "Petal Post",
                "sidebar ad": "Bootcamp North",
                "comment": "too much for a four-kilometre ride",
                "trending": "Bin collection days",
                "footer": "Pennine Local Media",
                "tags": "Tags:",
            },
        ),
    ],
    ids=["json-ld", "open-graph"],
)
def test_the_article_text_without_the_page_around_it(page, paragraphs, boilerplate):
    text = load(page).text
    lines = text.split("\n")
    for paragraph in paragraphs:
        assert paragraph in lines, f"missing paragraph (or not on a line of its own): {paragraph[:60]}..."
    left_in = {kind: words for kind, words in boilerplate.items() if words in text}
    assert not left_in, f"page furniture in the article text: {left_in}"


@pytest.mark.parametrize("page", [JSON_LD_PAGE, OPEN_GRAPH_PAGE], ids=["json-ld", "open-graph"])
def test_the_headline_is_kept_apart_from_the_body(page):
    article = load(page)
    assert article.meta.title not in article.text
    assert all(line == " ".join(line.split()) and line for line in article.text.split("\n"))


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://files.example/story.html",
    ],
)
def test_a_url_that_is_not_http_is_dropped(tmp_path, url):
    page = tmp_path / "pact.html"
    head = f"<link rel=\"canonical\" href='{url}'><meta property=\"og:url\" content='{url}'>"
    page.write_text(_article_page(head=head), encoding="utf-8")
    article = load(page)
    assert article.meta.url is None
    assert article.meta.title == "Mayor signs housing pact"


def test_scripts_and_styles_inside_the_article_never_reach_the_text(tmp_path):
    page = tmp_path / "pact.html"
    body = "<script>document.write('injected-by-script')</script><style>p{color:red}</style><p>&lt;b&gt;Literal&lt;/b&gt; markup stays text.</p>"
    page.write_text(_article_page(body=body), encoding="utf-8")
    text = load(page).text
    assert "injected-by-script" not in text and "color:red" not in text
    assert "<b>Literal</b> markup stays text." in text.split("\n")


@pytest.mark.parametrize(
    ("declared", "saved_as"),
    # Browsers read Latin-1 as Windows-1252 (curly quotes included), and UTF-16 in a <meta> as UTF-8.
    [("windows-1252", "cp1252"), ("ISO-8859-1", "cp1252"), ("utf-16", "utf-8"), ("utf-8", "utf-8")],
)
def test_the_declared_charset_decodes_the_page(tmp_path, declared, saved_as):
    page = tmp_path / "cafe.htm"
    html = _article_page(body="<p>The café owners’ association welcomed the pact as a “fair deal” for the district.</p>", charset=declared)
    page.write_bytes(html.encode(saved_as))
    article = load(page)
    assert "The café owners’ association welcomed the pact as a “fair deal” for the district." in article.text
    assert article.warnings == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
        (b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
    ids=["empty", "image", "no-article"],
)
def test_a_page_without_an_article_is_a_load_error(tmp_path, content, reason):
    page = tmp_path / "broken.html"
    page.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load(page)


def test_saved_pages_are_article_files(tmp_path):
    for name in ("a.html", "b.HTM", "c.txt", "d.css", "e_files"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in article_files(tmp_path)] == ["a.html", "b.HTM", "c.txt"]


def test_a_saved_page_becomes_facts_with_its_metadata(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(JSON_LD_PAGE), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    sheet = json.loads((tmp_path / "dockworkers-pay-deal.json").read_text(encoding="utf-8"))
    assert sheet["article"]["outlet"] == "The Meridian Courier"
    assert sheet["article"]["published"] == "2026-03-12"
    assert sheet["text"] == load(JSON_LD_PAGE).text
    names = {party["name"] for party in sheet["parties"]}
    assert {"Helena Marsh", "Harbour Line"} <= names
    speakers = {quote["speaker"] for quote in sheet["quotes"]}
    assert {party["id"] for party in sheet["parties"] if party["name"] == "Helena Marsh"} <= speakers


def test_a_saved_page_in_seeds_becomes_a_fact_sheet_with_its_metadata(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / JSON_LD_PAGE.name).write_bytes(JSON_LD_PAGE.read_bytes())
    docs = tmp_path / "docs"
    templates = Path(__file__).resolve().parent.parent / "templates"
    options = ["--seeds", seeds, "--docs", docs, "--templates", templates, "--cache-dir", tmp_path / "cache", "--strict"]
    result = CliRunner().invoke(app, ["build", *map(str, options)])
    assert result.exit_code == 0, result.output
    page = (docs / "facts" / "articles" / "dockworkers-pay-deal.md").read_text(encoding="utf-8")
    meta = load(JSON_LD_PAGE).meta
    for value in (meta.title, meta.outlet, meta.author, meta.url):
        assert value in page
