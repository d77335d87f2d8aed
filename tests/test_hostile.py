"""The hostile corpus (tests/hostile/, plus files too big or too oddly named to commit) through the whole build.

One site is built from it with the real stages and `mkdocs build`, into a temporary copy of the
project; the tests then read what the build printed, what it wrote, and every HTML page of the site.
Payloads in the corpus carry the marker HOSTILE, so markup that came from article text can be told
from the theme's own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import MANIFEST, build, write_pages
from generator.config import Settings
from tests.test_site import search_records, site_build

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
MARKER = "HOSTILE"

UNREADABLE = {
    "empty.txt": "empty file",
    "whitespace-only.txt": "no text, only white space",
    "headline-only.txt": "no article text after the headline",
    "image.txt": "binary file (a PNG image), not text",
    "malformed-front-matter.md": "front matter is not valid YAML",
    "unclosed-front-matter.md": "front matter is not closed",
    "huge.txt": "too large to be an article",
    "quote-marks.txt": "not article text: 50,000 characters without a space",
}
# File name: the slug it must get. Names a clone on Windows could not hold are made here, not committed.
NAMED = {
    "CON.txt": "con-article",
    "nul.md": "nul-article",
    "index.txt": "index-article",
    "Путин и Трамп.txt": "putin-i-tramp",
    "🎉🎉.txt": "article-9bbfb342",
    "Café.txt": "cafe",
    "cafe.txt": "cafe-2",
    ("long " * 49) + "end.txt": None,  # 250 bytes, near the file-name limit: cut to 80 characters with a hash
}
# Title of the named files: the same for two of them, and a path for another.
TITLES = {"CON.txt": "../../etc/passwd", "Café.txt": "Same title", "cafe.txt": "Same title", "index.txt": "x" * 300}
BODY = "Ruritania and Freedonia agreed to a 30-day ceasefire on Monday, officials said.\n"
HAND_WRITTEN = {
    "docs/notes.md": "# Notes\n\nWritten by hand.\n",
    # A folder and a page named like generated ones, outside the generated folder.
    "docs/articles/markup.md": "# Not generated\n",
    "docs/putin-trump-call/index.md": "# Also not generated\n",
    "docs/facts-archive/old.md": "# Old\n",
}


def payload_lines() -> list[str]:
    """The body lines of the markup article: each must reach the page as exactly this text."""
    return (HOSTILE / "markup.txt").read_text(encoding="utf-8").splitlines()[1:]


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not str(p.relative_to(folder)).startswith(skip)
    }


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def make_project(base: Path) -> Path:
    """A copy of the project's site configuration, docs and templates, with the hostile corpus as its seeds."""
    project = base / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for folder in ("templates", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, project / folder)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("facts"))
    for rel, text in HAND_WRITTEN.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    seeds = project / "seeds"
    shutil.copytree(HOSTILE, seeds, ignore=shutil.ignore_patterns(".*"))
    shutil.copy(ROOT / "seeds" / "putin-trump-call.txt", seeds)
    (seeds / "huge.txt").write_text("Headline\n" + "All work and no play makes a dull article. " * 120_000, encoding="utf-8")
    (seeds / "quote-marks.txt").write_text("Headline\n" + '"' * 50_000 + "\n", encoding="utf-8")
    (seeds / "long-paragraph.txt").write_text(
        "One long paragraph\n" + ("Ruritania said the talks with Freedonia would go on. " * 1000)[:50_000] + "\n", encoding="utf-8"
    )
    for name in NAMED:
        (seeds / name).write_text(f"{TITLES.get(name, name)}\n{BODY}" if name.endswith(".txt") else f"---\ntitle: {name}\n---\n{BODY}", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    project = make_project(base)
    before = snapshot(base)
    build = run("-m", "generator", "build", cwd=project)
    strict = run("-m", "generator", "build", "--strict", cwd=project)
    site_build(project)
    return {"base": base, "project": project, "before": before, "build": build, "strict": strict}


def problems(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(("error: ", "warning: "))]


def test_each_unreadable_file_gives_one_error_line_and_the_rest_is_built(site):
    lines = problems(site["build"])
    for name, reason in UNREADABLE.items():
        mine = [line for line in lines if line.startswith(f"error: seeds/{name}: ")]
        assert len(mine) == 1, (name, lines)
        assert reason in mine[0]
    assert all(line.startswith("error: seeds/") or line.startswith("warning: seeds/") for line in lines), lines
    assert site["build"].stderr.count("Traceback") == 0
    built = {p.stem for p in (site["project"] / "docs" / "facts" / "articles").glob("*.md")}
    readable = [p for p in (site["project"] / "seeds").iterdir() if p.suffix in (".txt", ".md", ".html") and p.name not in UNREADABLE]
    assert len(built) == len(readable), "every readable file has a fact sheet"
    assert {"crlf", "lone-cr", "utf-16-bom", "latin-1", "nul-bytes", "unbalanced-quotes", "wrong-types", "long-paragraph", "putin-trump-call"} <= built


def test_readable_files_with_problems_give_warnings(site):
    lines = problems(site["build"])
    expected = [
        "warning: seeds/latin-1.txt: not UTF-8",
        "warning: seeds/nul-bytes.txt: removed 2 control characters",
        "warning: seeds/wrong-types.md: front matter: url: only http:// and https:// URLs are kept",
        "warning: seeds/wrong-types.md: front matter: published: 'not-a-date' is not a date",
        "warning: seeds/wrong-types.md: front matter: tags: expected a list of words, got a number",
        "warning: seeds/markup.txt: id 'markup' is taken by another file; this one is 'markup-2'",
        "warning: seeds/cafe.txt: id 'cafe' is taken by another file; this one is 'cafe-2'",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)


def test_exit_code_is_0_or_1_with_strict(site):
    assert site["build"].returncode == 0, site["build"].stderr
    assert site["strict"].returncode == 1
    assert problems(site["strict"]) == problems(site["build"]), "a second build reports the same problems"


def test_names_give_safe_stable_unique_slugs_and_nothing_is_written_elsewhere(site):
    articles = site["project"] / "docs" / "facts" / "articles"
    for name, slug in NAMED.items():
        if slug is not None:
            assert (articles / f"{slug}.md").is_file(), name
    assert len(list(articles.glob("long-long-*.md"))) == 1
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", p.name) for p in articles.glob("*.md"))
    # The extraction cache (.cache/) is the build's own, like docs/facts/ and the site.
    after = snapshot(site["base"], skip=("project/docs/facts/", "project/site/", "project/.cache/"))
    assert after == site["before"], "the build wrote or changed nothing outside docs/facts (hand-written pages byte for byte)"


def test_the_same_title_in_two_files_gives_two_pages(site):
    articles = site["project"] / "docs" / "facts" / "articles"
    assert "Same title" in (articles / "cafe.md").read_text(encoding="utf-8")
    assert "Same title" in (articles / "cafe-2.md").read_text(encoding="utf-8")


# --- the HTML of every page ---------------------------------------------------------------------------

# Markers of the payloads written in Markdown syntax, and the elements that syntax would make.
SYNTAX_MARKERS = re.compile(r"HOSTILE-(heading|fence|indented|emphasis|strong|code|table|admonition|block|style|comment|attr|ref|snippet)")
MARKUP_FROM_SYNTAX = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "em", "strong", "style", "table", "blockquote", "iframe"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcdoc", "xlink:href", "background", "cite"}
DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data:text/html)", re.IGNORECASE)


class PageChecker(HTMLParser):
    """Collects what would run or turn into markup, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.text: list[str] = []
        self.stack: list[tuple[str, dict]] = []
        self.script: list[str] | None = None
        self.script_type = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}={value[:60]!r}>: event handler")
            compact = re.sub(r"[\s\x00-\x1f]", "", value)
            if name in URL_ATTRIBUTES and DANGEROUS_SCHEMES.match(compact):
                self.findings.append(f"<{tag} {name}={value[:60]!r}>: script URL")
            if name in URL_ATTRIBUTES and MARKER in value:
                self.findings.append(f"<{tag} {name}={value[:60]!r}>: URL from article text")
        if tag in ("iframe", "object", "embed", "frame", "base") or (tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh"):
            self.findings.append(f"<{tag}>: element that loads or sends elsewhere")
        if tag in ("img", "svg", "style", "link") and MARKER in " ".join(v or "" for _, v in attrs):
            self.findings.append(f"<{tag}> from article text")
        if tag == "script":
            self.script, self.script_type = [], attributes.get("type", "")
            if MARKER in (attributes.get("src") or ""):
                self.findings.append("<script src> from article text")
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed"):
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            content = "".join(self.script)
            # JSON-LD carries article text as data: it must stay valid JSON, so it cannot end its script early.
            if self.script_type in ("application/ld+json", "application/json"):
                try:
                    json.loads(content)
                except ValueError:
                    self.findings.append("JSON script that is not JSON: article text broke out of it")
            elif MARKER in content:
                self.findings.append(f"<script> from article text: {content[:80]!r}")
            self.script = None
        if tag in (t for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)
            return
        if SYNTAX_MARKERS.search(data):
            # Markdown read the text as syntax: a heading from "#", code from a fence, an admonition from "!!!".
            markup = [t for t, a in self.stack if t in MARKUP_FROM_SYNTAX or "admonition" in (a.get("class") or "")]
            if markup:
                self.findings.append(f"{MARKER} text inside <{'/'.join(markup)}>: {data[:60]!r}")
        # The fact sheet links each mark in the source text back to its fact ("Q1"): not text of the article.
        if not any(t == "a" and (a.get("href") or "").startswith("#fact-") for t, a in self.stack):
            self.text.append(data)

    def handle_comment(self, data):
        if MARKER in data:
            self.findings.append(f"HTML comment from article text: {data[:60]!r}")


def check(page: Path) -> PageChecker:
    checker = PageChecker()
    checker.feed(page.read_text(encoding="utf-8"))
    checker.close()
    return checker


def visible(text: str) -> str:
    return " ".join(text.split())


def test_no_page_runs_or_links_anything_from_article_text(site):
    pages = sorted((site["project"] / "site").rglob("*.html"))
    assert len(pages) > 20
    findings = {str(page.relative_to(site["project"])): check(page).findings for page in pages}
    assert {page: found for page, found in findings.items() if found} == {}


@pytest.mark.parametrize("article", ["markup", "markup-2"])
def test_every_payload_is_shown_as_its_literal_text(site, article):
    page = site["project"] / "site" / "facts" / "articles" / article / "index.html"
    text = visible("".join(check(page).text))
    missing = [line for line in payload_lines() if visible(line) not in text]
    assert missing == []
    assert "{{ 7*7 }}" in text and "49" not in text.replace("2026", "")
    assert "root:x:0:0" not in page.read_text(encoding="utf-8"), "no file was included"


def test_headline_and_front_matter_fields_are_literal_text(site):
    md = visible("".join(check(site["project"] / "site" / "facts" / "articles" / "markup" / "index.html").text))
    txt = visible("".join(check(site["project"] / "site" / "facts" / "articles" / "markup-2" / "index.html").text))
    assert "<script>alert('HOSTILE-title')</script> {{ 7*7 }} Talks | end" in md
    assert "<img src=x onerror=alert('HOSTILE-author')>" in md
    assert "<iframe src=\"javascript:alert('HOSTILE-outlet')\"></iframe>" in md
    assert "<script>alert('HOSTILE-tag')</script>" in md
    assert "<script>alert('HOSTILE-headline')</script> {{ 7*7 }} # Talks | end <img src=x onerror=alert('HOSTILE-headline2')>" in txt


def test_party_names_and_quotes_from_corrections_are_literal_text(site):
    for article in ("markup", "markup-2"):
        text = visible("".join(check(site["project"] / "site" / "facts" / "articles" / article / "index.html").text))
        assert "Bureau of <b onmouseover=alert('HOSTILE-party')>Affairs</b>" in text
        assert "<img src=x onerror=alert('HOSTILE-summary')>" in text
        assert "edited" in text, "facts from the corrections file are marked as edited"


def test_search_index_holds_article_markup_as_the_text_readers_see(site):
    """The index keeps each page's text as a reader sees it: an article's markup is in it as characters. Pagefind
    escapes them in the excerpts it makes, and the search box shows those as text (tests/browser)."""
    text = " ".join(record["content"] for record in search_records(site["project"] / "site"))
    assert "<script>alert('HOSTILE-title')</script>" in text


@pytest.mark.parametrize(
    ("html", "finding"),
    [
        ("<p onclick=\"x()\">a</p>", "event handler"),
        ("<a href=\" java\tscript:alert(1)\">a</a>", "script URL"),
        ("<a href=\"https://evil.example/HOSTILE\">a</a>", "URL from article text"),
        ("<script>alert('HOSTILE-script')</script>", "<script> from article text"),
        ("<script type=\"application/ld+json\">{\"a\": \"</script><p>\"}</script>", "JSON script that is not JSON"),
        ("<iframe src=\"https://example.com\"></iframe>", "element that loads or sends elsewhere"),
        ("<h1>HOSTILE-heading</h1>", "text inside <h1>"),
        ("<div class=\"admonition warning\"><p>HOSTILE-admonition</p></div>", "text inside <div>"),
        ("<pre><code>HOSTILE-fence</code></pre>", "text inside <pre/code>"),
    ],
)
def test_the_page_check_finds_what_it_looks_for(tmp_path, html, finding):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    found = check(page).findings
    assert len(found) == 1 and finding in found[0], found


def test_the_literal_text_check_sees_text_turned_into_markup(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p><em>HOSTILE-emphasis</em> and {{ 7*7 }}</p><h1>HOSTILE-heading</h1>", encoding="utf-8")
    text = visible("".join(check(page).text))
    assert "*HOSTILE-emphasis*" not in text and "# HOSTILE-heading" not in text


# --- the build under stress: one failing article, interrupted writes, removed articles -------------------

ARTICLE = "Ruritania and Freedonia agreed to a 30-day ceasefire on Monday, officials said.\n"


def small_project(tmp_path: Path, names: tuple[str, ...] = ("alpha", "beta", "gamma")) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        (seeds / f"{name}.txt").write_text(f"Talks {name}\n{ARTICLE}", encoding="utf-8")
    for rel, text in HAND_WRITTEN.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return Settings(seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache", jobs=1)


def test_an_exception_while_extracting_one_article_names_its_file(tmp_path, monkeypatch):
    import generator.extract

    real = generator.extract.facts_from_doc

    def failing_for_beta(article, doc):
        if article.meta.id == "beta":
            raise RuntimeError("rule blew up")
        return real(article, doc)

    monkeypatch.setattr(generator.extract, "facts_from_doc", failing_for_beta)
    settings = small_project(tmp_path)
    report = build(settings)
    assert [str(p) for p in report.problems] == [f"error: {settings.seeds_dir / 'beta.txt'}: extraction failed: RuntimeError: rule blew up"]
    assert sorted(s.article.id for s in report.sheets) == ["alpha", "gamma"]
    assert (settings.generated_dir / "articles" / "alpha.md").is_file()
    assert not (settings.generated_dir / "articles" / "beta.md").exists()


def test_an_extractor_failing_on_one_article_costs_that_part_of_its_sheet_only(tmp_path, monkeypatch):
    import generator.extract

    real = generator.extract.find_quotes

    def failing_for_beta(doc, index):
        if "talks resume" in doc.text:
            raise RuntimeError("rule blew up")
        return real(doc, index)

    monkeypatch.setattr(generator.extract, "find_quotes", failing_for_beta)
    settings = small_project(tmp_path)
    (settings.seeds_dir / "beta.txt").write_text(f"Talks beta\n{ARTICLE}The talks resume in May.\n", encoding="utf-8")
    report = build(settings)
    [problem] = report.problems
    assert not problem.fatal and problem.source == str(settings.seeds_dir / "beta.txt")
    assert problem.reason.startswith("quotes: extraction failed, the fact sheet lacks what it would have found: RuntimeError: rule blew up")
    beta = next(s for s in report.sheets if s.article.id == "beta")
    assert beta.parties and beta.agreements and [u.part for u in beta.unread] == ["quotes"]
    page = (settings.generated_dir / "articles" / "beta.md").read_text("utf-8")
    assert "The quotes of this article could not be read." in page
    assert "could not be read" not in (settings.generated_dir / "articles" / "alpha.md").read_text("utf-8")


def test_hand_written_pages_survive_every_build_and_only_stale_pages_go(tmp_path):
    settings = small_project(tmp_path)
    (settings.generated_dir / "notes-by-hand.md").parent.mkdir(parents=True)
    (settings.generated_dir / "notes-by-hand.md").write_text("# Mine\n", encoding="utf-8")
    hand_written = snapshot(settings.docs_dir, skip=("facts/articles", "facts/data", "facts/parties"))
    build(settings)
    generated = snapshot(settings.generated_dir)
    assert {"articles/alpha.md", "articles/beta.md", "data/beta.json"} <= set(generated)

    (settings.seeds_dir / "beta.txt").unlink()
    build(settings)
    after = snapshot(settings.generated_dir)
    assert {"articles/alpha.md", "articles/gamma.md"} <= set(after)
    assert not {"articles/beta.md", "data/beta.json"} & set(after)
    gone = set(generated) - set(after)
    assert gone and all("beta" in page for page in gone), f"only the removed article's pages go: {gone}"
    assert "notes-by-hand.md" in after, "a file the build did not write is never deleted"
    current = snapshot(settings.docs_dir)
    assert {rel: digest for rel, digest in current.items() if rel in hand_written} == hand_written


def test_a_damaged_manifest_deletes_nothing(tmp_path):
    out = tmp_path / "facts"
    write_pages({"a.md": "A", "b.md": "B"}, out)
    (out / MANIFEST).write_text("{not json", encoding="utf-8")
    write_pages({"a.md": "A"}, out)
    assert (out / "b.md").read_text(encoding="utf-8") == "B"


def test_a_manifest_cannot_delete_outside_its_folder(tmp_path):
    out = tmp_path / "docs" / "facts"
    (tmp_path / "docs" / "index.md").parent.mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("home", encoding="utf-8")
    write_pages({"a.md": "A"}, out)
    (out / MANIFEST).write_text(json.dumps(["a.md", "../index.md", str(tmp_path / "docs" / "index.md")]), encoding="utf-8")
    write_pages({"a.md": "A"}, out)
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8") == "home"


@pytest.mark.parametrize("rel", ["../escape.md", "/etc/passwd", "a/../../escape.md", ".", "..", "a/.."])
def test_a_page_outside_the_generated_folder_is_refused(tmp_path, rel):
    with pytest.raises(ValueError, match="refusing to write outside"):
        write_pages({rel: "x"}, tmp_path / "facts")
    assert not (tmp_path / "escape.md").exists()


def test_a_stale_page_leaves_no_empty_folder(tmp_path):
    out = tmp_path / "facts"
    write_pages({"a.md": "A", "parties/x/index.md": "X"}, out)
    write_pages({"a.md": "A"}, out)
    assert not (out / "parties").exists()


def test_an_interrupted_write_leaves_the_old_page_whole(tmp_path, monkeypatch):
    out = tmp_path / "facts"
    write_pages({"a.md": "old A", "b.md": "old B"}, out)
    real_fdopen = os.fdopen

    class Interrupted:
        """A file whose write stops half-way, as on a full disk or a killed process."""

        def __init__(self, fd, mode):
            self.handle = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Interrupted)
    with pytest.raises(OSError, match="No space left"):
        write_pages({"a.md": "new A " * 100, "b.md": "new B " * 100}, out)
    monkeypatch.undo()
    assert (out / "a.md").read_text(encoding="utf-8") == "old A"
    assert (out / "b.md").read_text(encoding="utf-8") == "old B"
    assert [p.name for p in out.rglob("*.tmp")] == [], "no half-written temporary file is left behind"


def test_a_page_is_replaced_in_one_step(tmp_path, monkeypatch):
    """Readers (mkdocs serve, a web server) see the old page or the new one: the new one is renamed over the old."""
    out = tmp_path / "facts"
    write_pages({"a.md": "old"}, out)
    seen = []
    real_replace = os.replace

    def replace(src, dst):
        seen.append((Path(dst).read_text(encoding="utf-8"), Path(src).read_text(encoding="utf-8")))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_pages({"a.md": "new"}, out)
    assert seen[0] == ("old", "new"), "until the rename, the page holds its old content and the new one is complete"
    assert (out / "a.md").stat().st_mode & 0o777 == 0o644


def test_a_saved_web_page_keeps_its_markup_as_text(site):
    page = site["project"] / "site" / "facts" / "articles" / "markup-page" / "index.html"
    text = visible("".join(check(page).text))
    assert "\"<script>alert('HOSTILE-htmlquote')</script> is not what we signed,\"" in text
    assert "{{ 7*7 }} and {% include '/etc/passwd' %} stay text." in text
    assert "<img src=x onerror=alert('HOSTILE-og')> Talks end in a truce" in text


def test_an_unexpected_exception_while_reading_one_file_names_it(tmp_path, monkeypatch):
    import generator.build

    real = generator.build.load

    def failing_for_beta(path):
        if path.stem == "beta":
            raise IndexError("reader bug")
        return real(path)

    monkeypatch.setattr(generator.build, "load", failing_for_beta)
    settings = small_project(tmp_path)
    report = build(settings)
    assert [str(p) for p in report.problems] == [f"error: {settings.seeds_dir / 'beta.txt'}: could not be read: IndexError: reader bug"]
    assert sorted(s.article.id for s in report.sheets) == ["alpha", "gamma"]


def test_strict_passes_when_every_article_builds_cleanly(tmp_path):
    from typer.testing import CliRunner

    from generator.cli import app

    settings = small_project(tmp_path)
    options = ["--seeds", str(settings.seeds_dir), "--docs", str(settings.docs_dir), "--templates", str(settings.templates_dir)]
    assert CliRunner().invoke(app, ["build", "--strict", *options]).exit_code == 0
    (settings.seeds_dir / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--strict", *options])
    assert result.exit_code == 1
    assert f"error: {settings.seeds_dir / 'empty.txt'}: empty file" in result.output


def test_extract_over_the_corpus_names_each_bad_file_and_writes_the_rest(tmp_path):
    from typer.testing import CliRunner

    from generator.cli import app

    inputs = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".txt", ".md", ".html"))
    result = CliRunner().invoke(app, ["extract", *map(str, inputs), "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 1, "some files cannot be read"
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == len([name for name in UNREADABLE if (HOSTILE / name).exists()])
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "markup.json" in written and "markup-2.json" in written, "markup.md and markup.txt do not overwrite each other"
    assert len(written) == len(inputs) - len(errors)


@pytest.mark.parametrize(
    ("article", "shown"),
    [
        ("unbalanced-quotes", (HOSTILE / "unbalanced-quotes.txt").read_text(encoding="utf-8").splitlines()),
        ("latin-1", ["Café talks in Zürich end in a truce", "said Anna Bergström"]),
        ("utf-16-bom", ["Talks in Kraków end in a truce"]),
        ("nul-bytes", ["Talks end in a truce", "a 30-day ceasefire on Monday"]),
        ("lone-cr", ["Talks end in a truce, with old Mac line ends", "officials in both capitals said."]),
    ],
)
def test_odd_files_show_their_text_whole(site, article, shown):
    page = site["project"] / "site" / "facts" / "articles" / article / "index.html"
    text = visible("".join(check(page).text))
    assert [line for line in shown if visible(line) not in text] == []
