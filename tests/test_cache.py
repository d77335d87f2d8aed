"""The extraction cache: what invalidates an entry, what does not, and builds that redo only what changed.

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
from generator.build import build
from generator.cache import ExtractionCache, pipeline_version
from generator.config import DEFAULT_MODEL, Settings
from generator.load import load
from generator.model import Article, ArticleMeta, FactSheet, Party, PartyKind, Quote, Span

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "harbour-deal.txt": "Harbour deal signed\nMarta Vell said the harbour would reopen in May.\n",
    "rail-strike.txt": "Rail strike ends\nIvo Brand said the strike was over.\n",
}


def fake_facts(article: Article) -> FactSheet:
    """A small, valid fact sheet that follows the text: its speaker is the body's first two words."""
    name = " ".join(article.text.split()[:2])
    said = article.text.index(" said ") + 1
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
    yield package
    generator.cache.extractor_version.cache_clear()


@pytest.mark.parametrize(
    "edited, changes",
    [
        ("extract/__init__.py", True),  # where EXTRACTOR_VERSION is
        ("extract/quotes.py", True),
        ("slugs.py", True),  # imported by the extractors: party ids are slugs
        ("model.py", True),
        ("data/titles.txt", True),
        ("render.py", False),
        ("build.py", False),
    ],
)
def test_the_extractor_version_follows_the_extraction_code_and_data(package_copy, edited, changes):
    before = generator.cache.extractor_version()
    with (package_copy / edited).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    generator.cache.extractor_version.cache_clear()
    assert (generator.cache.extractor_version() != before) is changes


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
    assert {page for page in after if after[page] != before.get(page)} == set(report.written)


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
    for entry in project.cache_dir.glob("*/*.json"):
        entry.write_bytes(entry.read_bytes()[:20])
    assert build(project).extracted == 2
    assert build(project).extracted == 0


def test_entries_of_articles_no_longer_in_the_site_are_deleted(project, extracted):
    build(project)
    assert len(list(project.cache_dir.glob("*/*.json"))) == 2
    (project.seeds_dir / "rail-strike.txt").unlink()
    build(project)
    assert len(list(project.cache_dir.glob("*/*.json"))) == 1


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
