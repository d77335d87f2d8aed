"""End to end: generated pages built by MkDocs (`mkdocs build --strict`) into a temporary folder.

One site from a fact sheet written for the tests (checks the theme override, the search index and the data
files without depending on extraction), and one from the sample article through the whole pipeline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import write_pages
from generator.config import Settings
from generator.render import render_site
from tests.test_render import sample_sheet

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"
MERMAID = Path("assets/javascripts/mermaid.min.js")


def new_project(tmp: Path) -> Settings:
    """A copy of the project's site configuration and hand-written pages, without any generated page."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("facts"))
    (tmp / "seeds").mkdir()
    return Settings(seeds_dir=tmp / "seeds", docs_dir=tmp / "docs", templates_dir=ROOT / "templates", cache_dir=tmp / "cache")


def mkdocs_build(project: Path) -> Path:
    site = project / "site"
    result = subprocess.run(
        # From the project folder, as `make site` runs it: snippets' base_path is relative to the working folder.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^WARNING", result.stderr, re.M), result.stderr
    return site


class Sections(HTMLParser):
    """The text of a page under each of its h2 headings, by heading id."""

    def __init__(self):
        super().__init__()
        self.current = ""
        self.text: dict[str, list[str]] = {"": []}

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.current = dict(attrs).get("id", "")
            self.text.setdefault(self.current, [])

    def handle_data(self, data):
        self.text[self.current].append(data)

    def section(self, heading_id: str) -> str:
        return " ".join(" ".join(self.text.get(heading_id, [])).split())


def sections(page: Path) -> Sections:
    parser = Sections()
    parser.feed(page.read_text("utf-8"))
    return parser


HOSTILE_TITLE = "</script><script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }}"


@pytest.fixture(scope="module")
def handmade_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("handmade")
    settings = new_project(project)
    hostile = sample_sheet(id="hostile", title=HOSTILE_TITLE, url="javascript:alert(1)", outlet="<b onmouseover=alert(1)>x</b>")
    write_pages(render_site([sample_sheet(), hostile], settings), settings.generated_dir)
    return mkdocs_build(project)


def test_fact_sheet_page_names_its_facts(handmade_site):
    page = sections(handmade_site / "facts/articles/fishing-truce/index.html")
    assert "Anna Berg" in page.section("parties") and "Southland" in page.section("parties")
    assert "60-day truce in the fishing dispute" in page.section("agreements")
    assert "Omar Haddad" in page.section("commentary")
    html = (handmade_site / "facts/articles/fishing-truce/index.html").read_text("utf-8")
    assert re.search(r'<mark class="fs-mark fs-quote" id="src-q1-1"', html)
    assert 'href="#src-q1-1"' in html and 'href="#fact-q1"' in html


def test_fact_sheet_carries_json_ld(handmade_site):
    html = (handmade_site / "facts/articles/fishing-truce/index.html").read_text("utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2026-11-03"
    assert {"Northland", "Southland"} <= {party["name"] for party in data["about"]}


def test_deal_page_follows_the_deal_across_articles(handmade_site):
    """The two copies of the sample report one truce: one deal page, linked from both fact sheets and the tracker."""
    page = sections(handmade_site / "facts/deals/fishing-truce-truce/index.html")
    timeline = page.section("timeline")
    assert "60-day truce" in timeline and "withdraw its coast guard vessels" in page.section("conditions")
    assert "Omar Haddad" in page.section("commentary")
    html = (handmade_site / "facts/deals/fishing-truce-truce/index.html").read_text("utf-8")
    assert 'href="../../articles/fishing-truce/' in html and 'href="../../articles/hostile/' in html
    for article in ("fishing-truce", "hostile"):
        assert 'href="../../deals/fishing-truce-truce/"' in (handmade_site / f"facts/articles/{article}/index.html").read_text("utf-8")
    assert 'href="../deals/fishing-truce-truce/"' in (handmade_site / "facts/agreements/index.html").read_text("utf-8")


def test_site_serves_data_and_its_own_mermaid(handmade_site):
    data = json.loads((handmade_site / "facts/facts.json").read_text("utf-8"))
    assert data["articles"][0]["article"]["id"] == "fishing-truce" and data["deals"][0]["id"] == "fishing-truce-truce"
    assert json.loads((handmade_site / "facts/schema.json").read_text("utf-8"))["title"] == "Site"
    assert (handmade_site / "facts/data/fishing-truce.json").is_file()
    html = (handmade_site / "facts/articles/fishing-truce/index.html").read_text("utf-8")
    assert 'class="mermaid"' in html and 'src="../../../assets/javascripts/mermaid.min.js"' in html
    # Nothing the page loads comes from another host (the theme's bundle alone names unpkg.com, as a fallback).
    assert not re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//', html)
    assert "mermaid.min.js" not in (handmade_site / "facts/agreements/index.html").read_text("utf-8")


def test_mermaid_script_is_fetched_for_the_site():
    if not (ROOT / "docs" / MERMAID).is_file():
        pytest.fail(f"docs/{MERMAID} is missing: run `make mermaid` (the site would load Mermaid from a CDN)")


def test_search_indexes_facts_once_not_the_source_text(handmade_site):
    index = json.loads((handmade_site / "search/search_index.json").read_text("utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    # Words of the article that no fact repeats are in the source text only, which search skips.
    assert "trawler captain" not in text
    assert "4 parties, 1 agreement" not in text  # the at-a-glance box repeats the facts below it
    # Once per article (the handmade site has two copies of the sample): in its quote, not again in the source.
    assert text.count("We have agreed to stop all patrols") == 2
    assert "Anna Berg" in text
    # Nor the copies of the article's words under an agreement, nor the labels and links that lead to the source.
    assert "agreed on Tuesday to a 60-day truce" not in text
    assert "source\xa0↓" not in text and "Q1" not in text
    # Nor the page's tags, which Material's search would copy into the entry of every section.
    assert not [doc["location"] for doc in index["docs"] if doc.get("tags")]


def test_home_page_lists_the_latest_fact_sheets(handmade_site):
    home = (handmade_site / "index.html").read_text("utf-8")
    assert 'href="facts/articles/fishing-truce/"' in home


def test_sample_article_builds_into_a_fact_sheet(tmp_path):
    settings = new_project(tmp_path)
    shutil.copy(SAMPLE, settings.seeds_dir / SAMPLE.name)
    generate = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--seeds", str(settings.seeds_dir), "--docs", str(settings.docs_dir),
         "--templates", str(settings.templates_dir)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert generate.returncode == 0, generate.stderr
    site = mkdocs_build(tmp_path)
    page = sections(site / "facts/articles/putin-trump-call/index.html")
    assert "Donald Trump" in page.section("parties") and "Vladimir Putin" in page.section("parties")
    assert "ceasefire" in page.section("agreements").lower()
    assert "Ruth Deyermond" in page.section("commentary")


class LiveMarkup(HTMLParser):
    """Script elements, event-handler attributes and javascript: URLs in a page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = self.data_only = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        self.data_only = ("type", "application/ld+json") in attrs
        for name, value in attrs:
            if name.startswith("on") or (name in {"href", "src", "action"} and (value or "").strip().lower().startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        # JSON-LD may hold any text as data, but never a '<' that could close its element.
        if self.in_script and ("<" in data if self.data_only else "alert(" in data):
            self.found.append(f"<script>{data[:80]}")


def test_hostile_metadata_stays_text_everywhere(handmade_site):
    for page in handmade_site.rglob("*.html"):
        parser = LiveMarkup()
        parser.feed(page.read_text("utf-8"))
        assert not parser.found, page
    html = (handmade_site / "facts/articles/hostile/index.html").read_text("utf-8")
    data = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[0])
    assert data["headline"] == HOSTILE_TITLE and "url" not in data
    assert "49" not in html.split("<h1", 1)[1].split("</h1>", 1)[0]
