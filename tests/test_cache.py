"""The extraction and page caches: what invalidates an entry, what does not, and builds that redo only what changed.

Most tests swap the extraction step for a counting fake, so that they show how many articles a build
extracted without paying for spaCy; one runs the real pipeline through the cache.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.cache
import generator.extract
import generator.render
from generator.build import MANIFEST, build, write_pages
from generator.cache import ExtractionCache, PageCache, pipeline_version
from generator.config import DEFAULT_MODEL, Settings
from generator.load import load
from generator.model import Article, ArticleMeta, FactSheet, Party, PartyKind, Quote, Span
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "harbour-deal.txt": "Harbour deal signed\nMarta Vell said the harbour would reopen in May.\n",
    "rail-strike.txt": "Rail strike ends\nIvo Brand said the strike was over.\n",
}


def fake_facts(article: Article) -> FactSheet:
    """A small, valid fact sheet that follows the text: its speaker is the words before the first "said"."""
    said = article.text.index(" said ") + 1
    name = article.text[article.text.rfind("\n", 0, said) + 1 : said - 1]
    return FactSheet(
        article=article.meta,
        text=article.text,
        parties=[Party(id="p1", name=name, kind=PartyKind.person, mentions=[Span(start=0, end=len(name))])],
        quotes=[Quote(id="q1", speaker="p1", text=article.text[said:].strip(), evidence=Span(start=said, end=len(article.text.rstrip())))],
    )


@pytest.fixture
def extracted(monkeypatch) -> list[str]:
    """The sources of the articles extracted, in order, with extraction replaced by `fake_facts`."""
    calls: list[str] = []

    def fake_extract_all(articles, model, jobs=1):
        for article in articles:
            calls.append(Path(article.meta.source).name)
            yield fake_facts(article)

    monkeypatch.setattr(generator.extract, "extract_all", fake_extract_all)
    return calls


@pytest.fixture
def project(tmp_path) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return Settings(
        seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=tmp_path / "templates", cache_dir=tmp_path / "cache", jobs=1
    )


def mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def sample_article() -> Article:
    return Article(meta=ArticleMeta(id="a", title="A title", source="seeds/a.txt"), text="Marta Vell said yes.\n")


# --- keys --------------------------------------------------------------------------------------------------


def test_an_entry_round_trips_to_an_equal_fact_sheet(tmp_path, nlp):
    cache = ExtractionCache(tmp_path, DEFAULT_MODEL)
    article = load(ROOT / "seeds" / "putin-trump-call.txt")
    sheet = generator.extract.facts_from_doc(article, nlp(article.text))
    assert sheet.parties and sheet.quotes
    assert cache.get(article) is None
    cache.put(article, sheet)
    assert cache.get(article) == sheet


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda a: a.model_copy(update={"text": a.text + "More.\n"}), id="text"),
        pytest.param(lambda a: a.model_copy(update={"meta": a.meta.model_copy(update={"title": "Another title"})}), id="title"),
        pytest.param(lambda a: a.model_copy(update={"meta": a.meta.model_copy(update={"source": "seeds/b.txt"})}), id="source"),
    ],
)
def test_a_changed_article_misses(tmp_path, change):
    cache = ExtractionCache(tmp_path, DEFAULT_MODEL)
    article = sample_article()
    cache.put(article, fake_facts(article))
    assert cache.get(change(article)) is None


def test_load_warnings_are_not_part_of_the_key(tmp_path):
    cache = ExtractionCache(tmp_path, DEFAULT_MODEL)
    article = sample_article()
    cache.put(article, fake_facts(article))
    assert cache.get(article.model_copy(update={"warnings": ["decoded as Latin-1"]})) is not None


def test_another_extractor_version_misses(tmp_path, monkeypatch):
    article = sample_article()
    ExtractionCache(tmp_path, DEFAULT_MODEL).put(article, fake_facts(article))
    monkeypatch.setattr(generator.cache, "extractor_version", lambda: "a rule changed")
    assert ExtractionCache(tmp_path, DEFAULT_MODEL).get(article) is None


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the generator package, read by the cache in place of the real one."""
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(generator.cache, "_PACKAGE", package)
    generator.cache.extractor_version.cache_clear()
    generator.cache.renderer_version.cache_clear()
    yield package
    generator.cache.extractor_version.cache_clear()
    generator.cache.renderer_version.cache_clear()


@pytest.mark.parametrize(
    "version, edited, changes",
    [
        ("extractor_version", "extract/__init__.py", True),  # where EXTRACTOR_VERSION is
        ("extractor_version", "extract/quotes.py", True),
        ("extractor_version", "slugs.py", True),  # imported by the extractors: party ids are slugs
        ("extractor_version", "model.py", True),
        ("extractor_version", "data/titles.txt", True),
        ("extractor_version", "render.py", False),
        ("extractor_version", "build.py", False),
        ("renderer_version", "render.py", True),
        ("renderer_version", "slugs.py", True),  # imported by render.py: party page names
        ("renderer_version", "model.py", True),
        ("renderer_version", "config.py", True),
        ("renderer_version", "extract/quotes.py", False),
        ("renderer_version", "build.py", False),
    ],
)
def test_the_code_versions_follow_the_code_they_cover(package_copy, version, edited, changes):
    digest = getattr(generator.cache, version)
    before = digest()
    with (package_copy / edited).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    digest.cache_clear()
    assert (digest() != before) is changes


def test_a_module_imported_deep_inside_a_function_is_covered(tmp_path, monkeypatch):
    package = tmp_path / "generator"
    package.mkdir()
    (package / "start.py").write_text(
        "def f(x):\n    if x:\n        try:\n            from generator.deep import g\n"
        "        except ImportError:\n            pass\n    return [lambda: x]\n",
        encoding="utf-8",
    )
    (package / "deep.py").write_text("import generator.deeper\n", encoding="utf-8")
    (package / "deeper.py").write_text("", encoding="utf-8")
    (package / "unused.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(generator.cache, "_PACKAGE", package)
    found = generator.cache._modules_read_by([package / "start.py"])
    assert {path.name for path in found} == {"start.py", "deep.py", "deeper.py"}


def write_pipeline_meta(folder: Path, name: str, version: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "meta.json").write_text(json.dumps({"lang": "en", "name": name, "version": version}), encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("name, version", [("core_news_sm", "3.8.0"), ("core_web_sm", "3.8.1")], ids=["name", "version"])
def test_another_model_name_or_version_misses(tmp_path, name, version):
    article = sample_article()
    model = write_pipeline_meta(tmp_path / "model", "core_web_sm", "3.8.0")
    ExtractionCache(tmp_path / "cache", model).put(article, fake_facts(article))
    assert ExtractionCache(tmp_path / "cache", model).get(article) is not None
    write_pipeline_meta(tmp_path / "model", name, version)
    assert ExtractionCache(tmp_path / "cache", model).get(article) is None


def test_the_installed_model_is_identified_from_its_package_metadata():
    import importlib.metadata

    identity = pipeline_version(DEFAULT_MODEL)
    assert identity["model_version"] == importlib.metadata.version(DEFAULT_MODEL)
    assert identity["spacy"] == importlib.metadata.version("spacy")
    assert identity["model"].startswith("en_core_web_sm")


def test_an_unknown_model_has_an_identity_of_its_own():
    assert pipeline_version("no_such_pipeline")["model"] == "no_such_pipeline"
    assert pipeline_version("no_such_pipeline")["model_version"] == "unknown"


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"schema_version": 1}', b"\x00\xff" * 20])
def test_a_damaged_entry_is_ignored(tmp_path, damage):
    cache = ExtractionCache(tmp_path, DEFAULT_MODEL)
    article = sample_article()
    cache.put(article, fake_facts(article))
    cache.path(cache.key(article)).write_bytes(damage)
    assert cache.get(article) is None


def test_an_entry_holding_another_article_is_ignored(tmp_path):
    cache = ExtractionCache(tmp_path, DEFAULT_MODEL)
    article = sample_article()
    other = article.model_copy(update={"text": "Ivo Brand said no.\n"})
    cache.path(cache.key(article)).parent.mkdir(parents=True)
    cache.path(cache.key(article)).write_text(fake_facts(other).model_dump_json(), encoding="utf-8")
    assert cache.get(article) is None


# --- builds ------------------------------------------------------------------------------------------------


def test_a_build_with_nothing_changed_extracts_nothing_and_rewrites_nothing(project, extracted):
    first = build(project)
    assert sorted(extracted) == sorted(ARTICLES) and (first.extracted, first.from_cache) == (2, 0)
    before = mtimes(project.generated_dir)
    second = build(project)
    assert len(extracted) == 2, "nothing extracted again"
    assert (second.extracted, second.from_cache) == (0, 2)
    assert second.sheets == first.sheets
    assert second.written == []
    assert mtimes(project.generated_dir) == before


def test_a_changed_article_is_the_only_one_extracted_and_rewrites_only_its_pages(project, extracted):
    build(project)
    before = mtimes(project.generated_dir)
    (project.seeds_dir / "rail-strike.txt").write_text("Rail strike ends\nIvo Brand said the strike was over at last.\n", encoding="utf-8")
    report = build(project)
    assert extracted[2:] == ["rail-strike.txt"]
    assert "articles/rail-strike.md" in report.written and "data/rail-strike.json" in report.written
    assert not any("harbour-deal" in page for page in report.written), "the other article's pages stay as they are"
    after = mtimes(project.generated_dir)
    # The manifest records the rewritten pages' new sizes and times.
    assert {page for page in after if after[page] != before.get(page)} == set(report.written) | {MANIFEST}


def test_unchanged_pages_are_known_by_the_manifest_without_reading_them(tmp_path, monkeypatch):
    out = tmp_path / "facts"
    write_pages({"a.md": "A", "b/c.md": "C"}, out)
    read = []
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or real_read_bytes(path))
    assert write_pages({"a.md": "A", "b/c.md": "C"}, out) == []
    assert read == [MANIFEST], "only the manifest is read back"


@pytest.mark.parametrize(
    "edit",
    [
        lambda page: page.write_text("hand-edited", encoding="utf-8"),
        # Same size: only the modification time tells.
        lambda page: (page.write_text("Z", encoding="utf-8"), os.utime(page, ns=(0, 0))),
        lambda page: page.unlink(),
    ],
    ids=["edited", "same-size-edit", "deleted"],
)
def test_a_generated_page_changed_by_hand_is_written_again(tmp_path, edit):
    out = tmp_path / "facts"
    write_pages({"a.md": "A", "b.md": "B"}, out)
    edit(out / "a.md")
    assert write_pages({"a.md": "A", "b.md": "B"}, out) == ["a.md"]
    assert (out / "a.md").read_text(encoding="utf-8") == "A"


def test_a_changed_page_is_written_even_where_the_manifest_says_it_is_unchanged(tmp_path):
    out = tmp_path / "facts"
    write_pages({"a.md": "A"}, out)
    assert write_pages({"a.md": "B"}, out) == ["a.md"]
    assert (out / "a.md").read_text(encoding="utf-8") == "B"


def test_a_manifest_of_page_names_only_still_tells_stale_pages(tmp_path):
    """As builds wrote it before recording digests."""
    out = tmp_path / "facts"
    write_pages({"a.md": "A", "b.md": "B"}, out)
    (out / MANIFEST).write_text(json.dumps(["a.md", "b.md"]), encoding="utf-8")
    assert write_pages({"a.md": "A"}, out) == []
    assert not (out / "b.md").exists()
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8")).keys() == {"a.md"}


def test_a_link_among_the_pages_is_replaced_not_written_through(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("keep", encoding="utf-8")
    out = tmp_path / "facts"
    out.mkdir()
    (out / "a.md").symlink_to(outside)
    assert write_pages({"a.md": "A"}, out) == ["a.md"]
    assert outside.read_text(encoding="utf-8") == "keep"
    assert not (out / "a.md").is_symlink() and (out / "a.md").read_text(encoding="utf-8") == "A"


def test_a_changed_template_rerenders_without_extracting(project, extracted):
    build(project)
    template = project.templates_dir / "fact_sheet.md.j2"
    template.write_text(template.read_text("utf-8") + "\nPrinted by a changed template.\n", encoding="utf-8")
    report = build(project)
    assert len(extracted) == 2 and report.from_cache == 2
    assert "articles/harbour-deal.md" in report.written
    assert "Printed by a changed template." in (project.generated_dir / "articles" / "harbour-deal.md").read_text("utf-8")


def test_corrections_reapply_without_extracting(project, extracted):
    build(project)
    corrections = project.seeds_dir / "harbour-deal.corrections.yml"
    corrections.write_text("rename:\n  Marta Vell: Marta Vell-Ostrova\n", encoding="utf-8")
    renamed = build(project)
    assert len(extracted) == 2 and renamed.from_cache == 2
    assert "Marta Vell-Ostrova" in {p.name for s in renamed.sheets for p in s.parties}
    corrections.unlink()
    restored = build(project)
    assert len(extracted) == 2, "the cache holds the result before corrections"
    assert "Marta Vell-Ostrova" not in {p.name for s in restored.sheets for p in s.parties}


def test_another_extractor_version_or_model_reextracts_every_article(project, extracted, monkeypatch):
    build(project)
    monkeypatch.setattr(generator.cache, "extractor_version", lambda: "rules changed")
    assert build(project).extracted == 2
    monkeypatch.setattr(generator.cache, "pipeline_version", lambda model: {"model": "en_core_web_md", "model_version": "3.8.0"})
    assert build(project).extracted == 2
    assert len(extracted) == 6


def test_a_damaged_entry_is_extracted_again_and_replaced(project, extracted):
    build(project)
    for entry in project.cache_dir.glob("??/*.json"):
        entry.write_bytes(entry.read_bytes()[:20])
    assert build(project).extracted == 2
    assert build(project).extracted == 0


def test_entries_of_articles_no_longer_in_the_site_are_deleted(project, extracted):
    build(project)
    assert len(list(project.cache_dir.glob("??/*.json"))) == 2
    (project.seeds_dir / "rail-strike.txt").unlink()
    build(project)
    assert len(list(project.cache_dir.glob("??/*.json"))) == 1


def test_only_files_named_like_entries_are_deleted(project, extracted):
    foreign = [project.cache_dir / "notes.json", project.cache_dir / "ab" / "notes.json", project.cache_dir / "ab" / f"{'c' * 64}.json"]
    for path in foreign:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    build(project)
    assert all(path.is_file() for path in foreign)


def test_progress_is_told_about_each_article_extracted(project, extracted):
    told: list[tuple[int, int]] = []
    build(project, progress=lambda done, total: told.append((done, total)))
    assert told == [(0, 2), (1, 2), (2, 2)]
    told.clear()
    build(project, progress=lambda done, total: told.append((done, total)))
    assert told == [], "nothing extracted, nothing to tell"


def test_the_build_command_closes_with_a_summary_line(project, extracted):
    from typer.testing import CliRunner

    from generator.cli import app

    options = ["--seeds", str(project.seeds_dir), "--docs", str(project.docs_dir), "--templates", str(project.templates_dir)]
    options += ["--cache-dir", str(project.cache_dir), "--jobs", "1"]
    cold = CliRunner().invoke(app, ["build", *options])
    warm = CliRunner().invoke(app, ["build", *options])
    assert cold.exit_code == 0 and warm.exit_code == 0, cold.output + warm.output
    pattern = r"built 2 fact sheets \(4 facts\) into .* in \d+\.\d s; {} from cache, {} extracted; {} files changed\n"
    assert re.fullmatch(pattern.format(0, 2, r"\d+"), cold.stdout), cold.stdout
    assert re.fullmatch(pattern.format(2, 0, 0), warm.stdout), warm.stdout


# --- the page cache -----------------------------------------------------------------------------------------


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """What was rendered (not taken from the page cache), in order: the paths of fact sheets and party pages, and
    rows/<id> for the rows an article adds to the pages listing every article."""
    calls: list[str] = []
    render_fact_sheet, render_party_page = generator.render.render_fact_sheet, generator.render.render_party_page
    render_article_rows = generator.render.render_article_rows

    def counting_fact_sheet(env, view):
        calls.append(f"articles/{view.sheet.article.id}.md")
        return render_fact_sheet(env, view)

    def counting_party_page(env, page):
        calls.append(f"parties/{page.party.slug}.md")
        return render_party_page(env, page)

    def counting_rows(env, view):
        calls.append(f"rows/{view.sheet.article.id}")
        return render_article_rows(env, view)

    monkeypatch.setattr(generator.render, "render_fact_sheet", counting_fact_sheet)
    monkeypatch.setattr(generator.render, "render_article_rows", counting_rows)
    monkeypatch.setattr(generator.render, "render_party_page", counting_party_page)
    return calls


@pytest.fixture
def shared_party(project) -> Settings:
    """A third article whose party shares a page with another article's."""
    (project.seeds_dir / "port-talks.txt").write_text("Port talks resume\nMarta Vell said talks would resume.\n", encoding="utf-8")
    return project


def assert_pages_as_rendered_afresh(settings: Settings, sheets: list[FactSheet]) -> None:
    """Every generated page is the page render_site makes of these sheets without any cache."""
    afresh = render_site(sheets, settings)
    on_disk = {p.relative_to(settings.generated_dir).as_posix() for p in settings.generated_dir.rglob("*") if p.is_file()}
    assert on_disk - {".generated.json"} == set(afresh)
    for path, page in afresh.items():
        assert (settings.generated_dir / path).read_text("utf-8") == page, path


def test_a_build_with_nothing_changed_renders_no_fact_sheet_or_party_page(shared_party, extracted, rendered):
    build(shared_party)
    assert sorted(rendered) == ["articles/harbour-deal.md", "articles/port-talks.md", "articles/rail-strike.md", "parties/ivo-brand.md", "parties/marta-vell.md", "rows/harbour-deal", "rows/port-talks", "rows/rail-strike"]
    rendered.clear()
    report = build(shared_party)
    assert rendered == [] and report.written == []
    assert_pages_as_rendered_afresh(shared_party, report.sheets)


def test_a_changed_article_rerenders_its_fact_sheet_and_the_pages_of_its_parties_only(shared_party, extracted, rendered):
    build(shared_party)
    rendered.clear()
    (shared_party.seeds_dir / "rail-strike.txt").write_text("Rail strike ends\nIvo Brand said the strike was over at last.\n", encoding="utf-8")
    report = build(shared_party)
    assert sorted(rendered) == ["articles/rail-strike.md", "parties/ivo-brand.md", "rows/rail-strike"]
    assert_pages_as_rendered_afresh(shared_party, report.sheets)


@pytest.mark.parametrize("template", ["fact_sheet.md.j2", "party.md.j2", "partials/source_meta.md.j2"])
def test_a_changed_template_rerenders_every_page(shared_party, extracted, rendered, template):
    build(shared_party)
    rendered.clear()
    path = shared_party.templates_dir / template
    path.write_text(path.read_text("utf-8") + "\n", encoding="utf-8")
    report = build(shared_party)
    assert sorted(rendered) == ["articles/harbour-deal.md", "articles/port-talks.md", "articles/rail-strike.md", "parties/ivo-brand.md", "parties/marta-vell.md", "rows/harbour-deal", "rows/port-talks", "rows/rail-strike"]
    assert_pages_as_rendered_afresh(shared_party, report.sheets)


def test_another_renderer_version_rerenders_every_page(project, extracted, rendered, monkeypatch):
    build(project)
    rendered.clear()
    monkeypatch.setattr(generator.cache, "renderer_version", lambda: "rendering code changed")
    build(project)
    assert len(rendered) == 6  # two fact sheets, their rows and their parties' pages


def test_corrections_rerender_the_pages_they_change(project, extracted, rendered):
    build(project)
    rendered.clear()
    (project.seeds_dir / "harbour-deal.corrections.yml").write_text("rename:\n  Marta Vell: Marta Vell-Ostrova\n", encoding="utf-8")
    report = build(project)
    assert sorted(rendered) == ["articles/harbour-deal.md", "parties/marta-vell-ostrova.md", "rows/harbour-deal"]
    assert "Marta Vell-Ostrova" in (project.generated_dir / "articles" / "harbour-deal.md").read_text("utf-8")
    assert_pages_as_rendered_afresh(project, report.sheets)


def page_entries(settings: Settings) -> list[Path]:
    return sorted((settings.cache_dir / "pages").glob("*/*.md"))


@pytest.mark.parametrize("damage", [b"", b"0" * 64 + b"\n# Another page\n", b"\xff\xfe" * 40])
def test_a_damaged_page_entry_is_rendered_again_where_it_is_read(project, extracted, rendered, damage):
    build(project)
    for entry in page_entries(project):
        entry.write_bytes(damage)
    rendered.clear()
    report = build(project)
    # The rows are read at every build; the pages on disk still have the digests kept, so their entries are not.
    assert sorted(rendered) == ["rows/harbour-deal", "rows/rail-strike"]
    assert_pages_as_rendered_afresh(project, report.sheets)
    shutil.rmtree(project.generated_dir)
    rendered.clear()
    report = build(project)
    assert sorted(rendered) == ["articles/harbour-deal.md", "articles/rail-strike.md", "parties/ivo-brand.md", "parties/marta-vell.md"]
    assert_pages_as_rendered_afresh(project, report.sheets)


def test_pages_on_disk_as_kept_are_not_read_back(project, extracted, monkeypatch):
    build(project)
    read = []
    real = PageCache._read

    def reading(self, path, digest, render):
        read.append(path)
        return real(self, path, digest, render)

    monkeypatch.setattr(PageCache, "_read", reading)
    build(project)
    assert len(read) == 2  # the rows of the two articles, which the pages listing every article are joined from
    (project.generated_dir / "articles" / "harbour-deal.md").write_text("# Edited by hand\n", encoding="utf-8")
    read.clear()
    build(project)
    assert len(read) == 3
    assert "Edited by hand" not in (project.generated_dir / "articles" / "harbour-deal.md").read_text("utf-8")


def test_page_entries_no_longer_used_are_deleted(shared_party, extracted):
    build(shared_party)
    # Per article its fact sheet and its rows on the pages listing every article; the pages of the two parties.
    assert len(page_entries(shared_party)) == 3 * 2 + 2
    (shared_party.seeds_dir / "rail-strike.txt").unlink()
    build(shared_party)
    assert len(page_entries(shared_party)) == 2 * 2 + 1


def test_a_page_cache_that_cannot_be_written_is_a_warning(project, extracted, monkeypatch):
    def refuse(target, data):
        raise PermissionError(f"read-only: {target}")

    monkeypatch.setattr(generator.cache, "write_atomically", refuse)
    report = build(project)
    assert not report.failed
    assert [p.reason for p in report.problems if "rendered pages" in p.reason]
    assert_pages_as_rendered_afresh(project, report.sheets)


# --- the real pipeline --------------------------------------------------------------------------------------


def test_a_warm_build_neither_imports_spacy_nor_extracts(tmp_path):
    """Runs in fresh interpreters: the test session itself has spaCy loaded already."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "putin-trump-call.txt", tmp_path / "seeds")
    settings = f"Settings(seeds_dir={str(tmp_path / 'seeds')!r}, docs_dir={str(tmp_path / 'docs')!r}, templates_dir={str(ROOT / 'templates')!r}, cache_dir={str(tmp_path / 'cache')!r}, jobs=1)"
    script = (
        "import sys\nfrom generator.build import build\nfrom generator.config import Settings\n"
        f"report = build({settings})\n"
        "print(report.extracted, report.from_cache, 'spacy' in sys.modules, len(report.sheets[0].parties) > 0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert cold.stdout.split() == ["1", "0", "True", "True"]
    assert warm.stdout.split() == ["0", "1", "False", "True"]


def test_an_article_that_resolves_another_articles_party_rerenders_that_article(project, extracted, rendered):
    # Alone, "Vell" is an actor of its own; once an article names "Marta Vell", it is her (generator/actors.py), and
    # the fact sheet that says "Vell" links to her page: that sheet changed though its article did not.
    (project.seeds_dir / "harbour-deal.txt").unlink()
    (project.seeds_dir / "port-talks.txt").write_text("Port talks resume\nVell said talks would resume.\n", encoding="utf-8")
    build(project)
    assert (project.generated_dir / "parties" / "vell.md").is_file()
    rendered.clear()
    (project.seeds_dir / "harbour-deal.txt").write_text(ARTICLES["harbour-deal.txt"], encoding="utf-8")
    report = build(project)
    assert sorted(rendered) == ["articles/harbour-deal.md", "articles/port-talks.md", "parties/marta-vell.md", "rows/harbour-deal", "rows/port-talks"]
    assert not (project.generated_dir / "parties" / "vell.md").exists()
    assert "(../parties/marta-vell.md)" in (project.generated_dir / "articles" / "port-talks.md").read_text("utf-8")
    assert_pages_as_rendered_afresh(project, report.sheets)
