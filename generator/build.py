"""Stage 5, build: the whole pipeline, load -> extract -> render -> write, over a folder of articles."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Settings
from generator.load import LoadError, article_files, load
from generator.model import Article, FactSheet
from generator.render import render_site

# Lists the files the last build wrote, so a build deletes only its own stale pages.
MANIFEST = ".generated.json"


@dataclass
class Problem:
    source: str
    reason: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{'error' if self.fatal else 'warning'}: {self.source}: {self.reason}"


@dataclass
class BuildReport:
    sheets: list[FactSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)


def build(settings: Settings) -> BuildReport:
    """Generate the Markdown site from `settings.seeds_dir` into `settings.generated_dir`."""
    report = BuildReport()
    articles = load_articles(article_files(settings.seeds_dir), report)
    report.sheets = extract_articles(articles, settings, report)
    pages = render_site(report.sheets, settings)
    report.written = write_pages(pages, settings.generated_dir)
    return report


def load_articles(paths: list[Path], report: BuildReport) -> list[Article]:
    articles = []
    for path in paths:
        try:
            article = load(path)
        except LoadError as exc:
            report.problems.append(Problem(str(path), str(exc)))
            continue
        report.problems.extend(Problem(str(path), w, fatal=False) for w in article.warnings)
        articles.append(article)
    return articles


def extract_articles(articles: list[Article], settings: Settings, report: BuildReport) -> list[FactSheet]:
    # Imported here so that commands which never extract do not pay for loading spaCy.
    from generator.extract import extract_all

    sheets = []
    for article, outcome in zip(articles, extract_all(articles, settings.model)):
        if isinstance(outcome, FactSheet):
            sheets.append(outcome)
        else:
            report.problems.append(Problem(article.meta.source, f"extraction failed: {outcome}"))
    return sheets


def write_pages(pages: dict[str, str | bytes], out_dir: Path) -> list[str]:
    """Write the pages under `out_dir`, each atomically and only if changed; delete pages of earlier builds no longer generated."""
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    changed = []
    for rel, content in sorted(pages.items()):
        target = (root / rel).resolve()
        if not target.is_relative_to(root) or target == root:
            raise ValueError(f"refusing to write outside {out_dir}: {rel!r}")
        data = content.encode("utf-8") if isinstance(content, str) else content
        if target.is_file() and target.read_bytes() == data:
            continue
        write_atomically(target, data)
        changed.append(rel)
    manifest = root / MANIFEST
    previous = set(json.loads(manifest.read_text("utf-8"))) if manifest.is_file() else set()
    for stale in sorted(previous - set(pages)):
        path = (root / stale).resolve()
        if path.is_relative_to(root) and path.is_file():
            path.unlink()
    write_atomically(manifest, json.dumps(sorted(pages), indent=1).encode("utf-8"))
    return changed


def write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates the file private; pages are meant to be read by web servers and other users.
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
