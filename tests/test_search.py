"""What search indexes of a built page (generator/search.py): the marks the templates leave, read as Material's
search reads them, and the names a result shows."""

from __future__ import annotations

import lxml.html
import pytest

from generator.search import kind_of, page_url, searchable_html


def page(body: str, marked: bool = True) -> str:
    attribute = " data-pagefind-body" if marked else ""
    return f'<html><body><nav>Home Parties</nav><article><div{attribute}>{body}</div></article><footer>Made with</footer></body></html>'


def indexed_text(html: str | None) -> str:
    assert html is not None
    return " ".join(lxml.html.document_fromstring(html).text_content().split())


def headings(html: str | None) -> list[str]:
    assert html is not None
    return [" ".join(h.text_content().split()) for h in lxml.html.document_fromstring(html).iter("h1", "h2", "h3", "h4")]


def test_only_the_marked_body_of_a_page_is_indexed():
    text = indexed_text(searchable_html(page("<h1>Harbour talks</h1>\n<p>The pier reopens.</p>"), "/facts/articles/harbour/"))
    assert text == "Harbour talks The pier reopens."


def test_a_page_without_the_mark_is_left_out():
    assert searchable_html(page("<h1>Every quote</h1>", marked=False), "/facts/quotes/") is None


@pytest.mark.parametrize(
    ("body", "kept", "dropped"),
    [
        # A marked heading skips its section up to the next heading, of any level.
        (
            '<h2 id="text" data-search-exclude>Source text</h2><p>The mayor of Velmora said the ferry would run.</p>'
            '<h2 id="parties">Parties</h2><p>Velmora</p>',
            ["Parties", "Velmora"],
            ["Source text", "ferry would run"],
        ),
        (
            '<h2 id="quotes" data-search-exclude>Quotes</h2><p>Intro</p><h3 id="ines-moll">Ines Moll</h3><p>“We sail at dawn.”</p>',
            ["We sail at dawn"],
            ["Intro"],
        ),
        # A marked element is skipped with what it holds; its neighbours stay.
        (
            '<p>Ines Moll demands a pay rise <a data-search-exclude="data-search-exclude" href="#src-1">source ↓</a></p>'
            '<div class="glance" data-search-exclude="data-search-exclude"><p>1 party, 1 demand</p></div>',
            ["Ines Moll demands a pay rise"],
            ["source", "1 party"],
        ),
        # Permalinks and navigation inside the content (a page's tags) are not content.
        (
            '<nav class="md-tags"><a href="#tag">Ferries</a></nav><h2 id="a">Agreements<a class="headerlink" href="#a">¶</a></h2>',
            ["Agreements"],
            ["Ferries", "¶"],
        ),
    ],
)
def test_what_search_skips(body, kept, dropped):
    text = indexed_text(searchable_html(page(f"<h1>Ferry strike</h1>{body}"), "/facts/articles/ferry/"))
    for words in kept:
        assert words in text
    for words in dropped:
        assert words not in text


def test_a_subheading_carries_the_path_of_headings_above_it():
    body = (
        '<h1 id="t">Ferry strike</h1><h2 id="quotes" data-search-exclude>Quotes</h2>'
        '<h3 id="ines-moll"><a href="../../parties/ines-moll/">Ines Moll</a><a class="headerlink" href="#ines-moll">¶</a></h3><p>“We sail.”</p>'
        '<h2 id="commentary">Expert commentary</h2><h3 id="c1">Pay</h3><h4 id="c1-1">Overtime</h4>'
    )
    assert headings(searchable_html(page(body), "/facts/articles/ferry/")) == [
        "Ferry strike",
        "Quotes › Ines Moll",
        "Expert commentary",
        "Expert commentary › Pay",
        "Expert commentary › Pay › Overtime",
    ]


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/facts/articles/ferry-strike/", "Fact sheet"),
        ("/facts/parties/ines-moll/", "Party"),
        ("/facts/deals/ferry-strike-pay-deal/", "Deal"),
        ("/facts/parties/", "Page"),
        ("/facts/agreements/", "Page"),
        ("/", "Page"),
    ],
)
def test_each_result_names_the_kind_of_page_it_is_on(url, kind):
    assert kind_of(url) == kind
    assert f'data-pagefind-meta="kind:{kind}"' in searchable_html(page("<h1>Ferry strike</h1>"), url)


@pytest.mark.parametrize(
    ("path", "url"),
    [("index.html", "/"), ("facts/parties/ines-moll/index.html", "/facts/parties/ines-moll/"), ("404.html", "/404.html")],
)
def test_page_url(path, url):
    assert page_url(path) == url
