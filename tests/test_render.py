"""Rendering: fact sheets to Markdown pages. The golden file is the fact sheet of a FactSheet built here by hand,
so that changes to extraction do not churn it.

Refresh the golden file after an intended change to the templates or to render.py:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.config import Settings
from generator.model import Account, Agreement, AgreementStatus, ArticleMeta, Commentary, Condition, FactSheet, Party, Quote, Site, Span, UnreadPart
from generator.render import Mark, escape_markdown, highlight_source, mermaid_label, render_site, status_badge

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SETTINGS = Settings(templates_dir=ROOT / "templates")
# The Markdown extensions of mkdocs.yml that change how text is read.
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences", "pymdownx.snippets"]
# A snippet line that got through would fail loudly instead of being dropped.
EXTENSION_CONFIGS = {"pymdownx.snippets": {"base_path": [str(ROOT / "docs")], "check_paths": True}}

# An article written for the tests: two invented countries, a minister, an analyst.
LINES = [
    "Northland and Southland agreed on Tuesday to a 60-day truce in their dispute over fishing rights.",
    "“We have agreed to stop all patrols in the contested waters,” Northland's foreign minister Anna Berg told reporters.",
    "Southland's government said in a statement that the truce covers only the northern banks.",
    "Southland insists that Northland withdraw its coast guard vessels before any permanent agreement.",
    "“This is a fragile pause, not a peace,” said Dr. Omar Haddad, a fellow at the Institute for Maritime Studies.",
    "“Nobody wins a fishing war,” one trawler captain said.",
]
TEXT = "\n".join(LINES)


def span(fragment: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return Span(start=start, end=start + len(fragment))


def sample_sheet(**article) -> FactSheet:
    """A fact sheet with every kind of fact, two accounts of one agreement, and overlapping evidence spans."""
    meta = {
        "id": "fishing-truce",
        "title": "Northland and Southland agree a 60-day fishing truce",
        "source": "seeds/fishing-truce.md",
        "url": "https://news.example.org/2026/fishing-truce",
        "outlet": "The Example Herald",
        "published": dt.date(2026, 11, 3),
        "author": "Jo Reporter",
        "tags": ["fisheries"],
    } | article
    return FactSheet(
        article=ArticleMeta(**meta),
        text=TEXT,
        parties=[
            Party(id="northland", name="Northland", kind="country", mentions=[span("Northland"), span("Northland", 1)]),
            Party(id="southland", name="Southland", kind="country", aliases=["Southland's government"], mentions=[span("Southland")]),
            Party(
                id="anna-berg",
                name="Anna Berg",
                kind="person",
                title="Foreign Minister",
                affiliation="Northland",
                mentions=[span("Anna Berg")],
            ),
            Party(id="omar-haddad", name="Omar Haddad", kind="person", title="Dr.", mentions=[span("Omar Haddad")]),
        ],
        agreements=[
            Agreement(
                id="truce",
                summary="60-day truce in the fishing dispute",
                parties=["northland", "southland"],
                status_evidence=span("agreed"),
                duration="60-day",
                evidence=[span(LINES[0])],
                accounts=[
                    # Crosses the end of Anna Berg's quote: the marks must split, not break the HTML.
                    Account(by="anna-berg", evidence=[span("agreed to stop all patrols in the contested waters,” Northland's")]),
                    Account(by="southland", evidence=[span("the truce covers only the northern banks")]),
                ],
            )
        ],
        conditions=[
            Condition(
                id="withdraw",
                by="southland",
                of="northland",
                summary="withdraw its coast guard vessels",
                agreement="truce",
                evidence=[span(LINES[3])],
            )
        ],
        quotes=[
            Quote(id="q1", speaker="anna-berg", text="We have agreed to stop all patrols in the contested waters,", evidence=span("We have agreed to stop all patrols in the contested waters,")),
            Quote(id="q2", speaker="omar-haddad", text="This is a fragile pause, not a peace,", evidence=span("This is a fragile pause, not a peace,")),
            Quote(id="q3", speaker=None, text="Nobody wins a fishing war,", evidence=span("Nobody wins a fishing war,")),
        ],
        commentary=[
            # Contains quote q2: the quote's mark nests inside this one.
            Commentary(
                id="c1",
                expert="omar-haddad",
                credentials="a fellow at the Institute for Maritime Studies",
                affiliation="Institute for Maritime Studies",
                text="This is a fragile pause, not a peace",
                evidence=[span(LINES[4])],
            )
        ],
    )


def test_fact_sheet_matches_golden_markdown():
    page = render_site([sample_sheet()], SETTINGS)["articles/fishing-truce.md"]
    golden = GOLDEN / "fact-sheet.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8"), "run: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py"


def test_site_has_every_page_kind_and_the_data():
    sheet = sample_sheet()
    pages = render_site([sheet], SETTINGS)
    for page in ["index.md", "agreements.md", "experts.md", "quotes.md", "timeline.md", "parties/index.md", "includes/latest.md"]:
        assert page in pages
    assert {f"parties/{p.id}.md" for p in sheet.parties} <= set(pages)
    assert FactSheet.model_validate_json(pages["data/fishing-truce.json"]) == sheet
    site = Site.model_validate_json(pages["facts.json"])
    assert site.articles == [sheet] and [event.article for deal in site.deals for event in deal.timeline] == ["fishing-truce"]
    assert json.loads(pages["facts.json"]) == site.model_dump(mode="json")  # laid out by hand, read as JSON
    assert json.loads(pages["schema.json"])["title"] == "Site"
    assert "deals/fishing-truce-truce.md" in pages


def test_pages_across_articles_name_what_each_article_says():
    pages = render_site([sample_sheet()], SETTINGS)
    tracker = pages["agreements.md"]
    assert "60-day truce in the fishing dispute" in tracker and "[Southland](../facts/parties/southland.md)" not in tracker
    assert "[Southland](parties/southland.md)" in tracker and "(deals/fishing-truce-truce.md)" in tracker
    assert "Omar Haddad" in pages["experts.md"] and "Institute for Maritime Studies" in pages["experts.md"]
    quotes = pages["quotes.md"]
    assert quotes.index("## Anna Berg") < quotes.index("## Unattributed")
    party = pages["parties/southland.md"]
    assert "withdraw its coast guard vessels" in party and "Southland's government" in party
    assert "November 2026" in pages["timeline.md"]


def test_a_fact_sheet_says_which_parts_could_not_be_read():
    sheet = sample_sheet()
    sheet.quotes, sheet.conditions = [], []
    sheet.unread = [UnreadPart(part="quotes", error="IndexError: x"), UnreadPart(part="conditions", error="KeyError: y")]
    page = render_site([sheet], SETTINGS)["articles/fishing-truce.md"]
    assert '!!! warning "Not everything could be read"' in page
    assert "An error stopped the reading of the quotes and conditions of this article" in page
    assert "The quotes of this article could not be read." in page and "No quotation was found" not in page
    assert "The demands and conditions of this article could not be read." in page
    assert "No agreement was found" not in page and "IndexError" not in page
    html_page = markdown.markdown(page, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    assert '<div class="admonition warning">' in html_page


def test_fact_sheets_are_listed_newest_first():
    older = sample_sheet(id="older", title="Older talks", published=dt.date(2025, 1, 2))
    undated = sample_sheet(id="undated", title="Undated talks", published=None)
    newer = sample_sheet(id="newer", title="Newer talks", published=dt.date(2026, 5, 6))
    index = render_site([older, undated, newer], SETTINGS)["index.md"]
    assert index.index("Newer talks") < index.index("Older talks") < index.index("Undated talks")


def test_each_fact_links_to_its_mark_and_each_mark_back():
    page = render_site([sample_sheet()], SETTINGS)["articles/fishing-truce.md"]
    assert "### 60-day truce in the fishing dispute { #fact-a1 }" in page
    for label in ["c1", "q1", "q2", "q3", "e1"]:
        assert f"(#src-{label}-1){{ #fact-{label} " in page
    for label in ["a1", "c1", "q1", "q2", "q3", "e1"]:
        assert page.count(f"#fact-{label} ") == 1
        assert f'id="src-{label}-1"' in page
        assert f'href="#fact-{label}"' in page


HOSTILE = [
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "| a | b |\n|---|---|",
    "# heading",
    '!!! note "Admonition"',
    "```\ncode fence\n```",
    "{{ 7*7 }} {% include '/etc/passwd' %}",
    "- list item",
    "1. ordered",
    "*emphasis* __strong__ `code`",
    "text { #id .class onclick=alert(1) }",
    "![image](https://example.org/x.png)",
    "<https://example.org>",
    "&lt;script&gt; &amp;",
    "tab\there \x00nul \x02stash\x03",
    "--8<-- \"/etc/passwd\"",
    '--8<-- "index.md"',
    "> quote",
    "Title\n=====",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_exactly_that_text(text):
    rendered = markdown.markdown(escape_markdown(text), extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    assert re.fullmatch(r"<p>[^<>]*</p>", rendered), rendered
    expected = re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)).strip()
    assert html.unescape(rendered[3:-4]).strip() == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_stays_one_table_cell(text):
    table = f"| a | b |\n|---|---|\n| {escape_markdown(text)} | end |"
    rendered = markdown.markdown(table, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    assert rendered.count("<td>") == 2 and "<a" not in rendered and "<script" not in rendered


def test_article_text_is_data_not_template():
    sheet = sample_sheet(title="{{ 7*7 }} {% include '/etc/passwd' %}")
    page = render_site([sheet], SETTINGS)["articles/fishing-truce.md"]
    assert "49" not in page and "root:" not in page
    assert "# &#123;&#123; 7&#42;7 &#125;&#125; &#123;% include '/etc/passwd' %&#125;" in page


def test_front_matter_and_json_ld_keep_hostile_titles_inert():
    title = '</script><script>alert(1)</script> "quoted"'
    page = render_site([sample_sheet(title=title, url="javascript:alert(1)")], SETTINGS)["articles/fishing-truce.md"]
    front = page.split("---\n")[1]
    assert "title: '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;'" in front
    assert "javascript:" not in page


class _WellFormed(HTMLParser):
    """Checks that every tag closes in order and collects the text outside the back links."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.ids.extend(value for name, value in attrs if name == "id")

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing open"

    def handle_data(self, data):
        if "a" not in self.stack:
            self.text.append(data)


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 10), (5, 20)],  # partial overlap
        [(0, 30), (5, 10), (5, 10)],  # nested, and the same span twice
        [(3, 8), (0, 30), (8, 12), (25, 60)],  # a chain
        [(0, 60)],  # across the line break
        [(10, 10), (-5, 3), (55, 500)],  # empty and out of range
    ],
)
def test_highlighted_source_is_well_formed_and_keeps_the_text(spans):
    text = "Alpha <beta> & gamma delta epsilon zeta eta\ntheta iota kappa lambda"
    marks = [Mark(max(0, s), min(len(text), e), "quote", f"src-q{n}-1", f"fact-q{n}", f"Q{n}", "t") for n, (s, e) in enumerate(spans, 1)]
    marks = [m for m in marks if m.end > m.start]
    source = str(highlight_source(text, marks))
    parser = _WellFormed()
    parser.feed(source)
    assert parser.stack == []
    assert "".join(parser.text) == text
    assert sorted(parser.ids) == sorted(m.anchor for m in marks)
    assert source.count("<p") == 2


def test_mermaid_labels_cannot_break_out():
    label = mermaid_label('a"] --> evil["x <b>bold</b> `md` #quot; | ; %%{init: {}}%% end')
    assert not set(label) & set('"[]<>`#|;{}%')
    assert mermaid_label("x" * 200).endswith("…") and len(mermaid_label("x" * 200)) <= 60
    assert mermaid_label('"') == "?"


def test_diagram_draws_agreements_and_demands_between_parties():
    page = render_site([sample_sheet()], SETTINGS)["articles/fishing-truce.md"]
    diagram = page.split("``` mermaid\n")[1].split("```")[0]
    assert re.search(r'n\d+\["Northland"\]', diagram) and re.search(r'n\d+\["Southland"\]', diagram)
    assert '<-->|"60-day truce in the fishing dispute (60-day, agreed)"|' in diagram
    assert '-.->|"demands: withdraw its coast guard vessels"|' in diagram, diagram
    corpus = render_site([sample_sheet()], SETTINGS)["parties/index.md"]
    assert "``` mermaid" in corpus and "60-day truce" in corpus


def test_a_party_called_index_does_not_replace_the_parties_index():
    sheet = sample_sheet()
    sheet.parties[0].id = "index"
    pages = render_site([sheet], SETTINGS)
    assert pages["parties/index.md"].startswith("---\nsearch:") and "parties/index-party.md" in pages


def test_an_expert_with_several_points_is_named_once_at_a_glance():
    sheet = sample_sheet()
    point = sheet.commentary[0]
    sheet.commentary.append(point.model_copy(update={"id": "c2", "text": "not a peace"}))
    page = render_site([sheet], SETTINGS)["articles/fishing-truce.md"]
    assert "- Experts: Omar Haddad\n" in page


@pytest.mark.parametrize("status", list(AgreementStatus))
def test_each_status_badge_has_a_class_that_is_a_slug(status):
    badge = status_badge(status.value)
    css_class = re.search(r'fs-status--([^"]+)"', badge).group(1)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", css_class)
    stylesheet = (ROOT / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert f".fs-status--{css_class} {{" in stylesheet and f'[data-md-color-scheme="slate"] .fs-status--{css_class} {{' in stylesheet


def test_a_status_shows_who_set_it_and_links_its_words_into_the_source():
    sheet = sample_sheet()
    sheet.agreements[0] = sheet.agreements[0].model_copy(
        update={"status": AgreementStatus.approved, "status_by": "southland", "status_evidence": span("said in a statement")}
    )
    page = render_site([sheet], SETTINGS)["articles/fishing-truce.md"]
    line = next(line for line in page.splitlines() if 'class="fs-status fs-status--approved"' in line and "Duration" in line)
    assert "approved</span> by [Southland]" in line
    anchor = re.search(r"“said in a statement” \[source&nbsp;↓\]\(#(src-a1-\d+)\)", line).group(1)
    assert f'id="{anchor}"' in page


def test_each_sides_account_on_a_deal_page_is_quoted_once_in_a_block():
    sheet = sample_sheet()
    page = render_site([sheet], SETTINGS)["deals/fishing-truce-truce.md"]
    html = markdown.markdown(page, extensions=["attr_list", "md_in_html"])
    # The account's words keep their own closing quotation mark, and get no marks of ours around them.
    assert "<blockquote>\n<p>agreed to stop all patrols in the contested waters,” Northland's</p>\n</blockquote>" in html
    assert "“agreed to stop" not in page
