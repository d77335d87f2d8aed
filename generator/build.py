"""Stage 5, build: the whole pipeline, load -> extract -> render -> write, over a folder of articles."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import Settings
from generator.corrections import (
    CorrectionsError,
    apply_corrections,
    deal_edits,
    find_corrections,
    find_site_corrections,
    load_corrections,
    load_site_corrections,
    orphan_corrections,
)
from generator.deals import DealEdits
from generator.load import LoadError, article_files, load
from generator.model import Article, FactSheet
from generator.render import KeptPage, page_text, render_site
from generator.slugs import unique

if TYPE_CHECKING:
    from generator.cache import ExtractionCache

# Lists the files the last build wrote, so a build deletes only its own stale pages, each with the digest of its
# content and the size and modification time it had: a build then knows a page is unchanged without reading it.
MANIFEST = ".generated.json"

# Told (articles done, articles to do) as extraction goes; for a progress display.
Progress = Callable[[int, int], None]


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
    from_cache: int = 0
    extracted: int = 0

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)

    @property
    def facts(self) -> int:
        return sum(
            len(s.parties) + len(s.agreements) + len(s.conditions) + len(s.quotes) + len(s.commentary) for s in self.sheets
        )


def build(settings: Settings, progress: Progress | None = None) -> BuildReport:
    """Generate the Markdown site from `settings.seeds_dir` into `settings.generated_dir`."""
    report = BuildReport()
    with rare_garbage_collection():
        paths = article_files(settings.seeds_dir)
        articles = load_articles(paths, report)
        sheets = extract_articles(articles, settings, report, progress)
        forget_other_articles(articles, settings)
        report.sheets = apply_editors_corrections(sheets, report)
        warn_orphan_corrections(settings.seeds_dir, paths, report)
        edits = site_deal_edits(settings.seeds_dir, report.sheets, report)
        pages = render_pages(report.sheets, settings, report, edits)
        report.written = write_pages(pages, settings.generated_dir)
    return report


@contextlib.contextmanager
def rare_garbage_collection() -> Iterator[None]:
    """Python's cycle collector, run far less often than by default until the block ends (as mypy does in its builds).

    A build holds hundreds of thousands of objects at once (fact sheets, their views, the spaCy pipeline), and
    the collector walks them all again and again as more are made: at the default thresholds that was a quarter of
    a build that changed one article. Reference counting still frees at once what a build discards.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def load_articles(paths: list[Path], report: BuildReport) -> list[Article]:
    """The articles that can be read, each with an id no other has; one problem per file that cannot."""
    articles = []
    taken: set[str] = set()
    for path in paths:
        try:
            article = load(path)
        except LoadError as exc:
            report.problems.append(Problem(str(path), str(exc)))
            continue
        except Exception as exc:  # a reader's bug on one hostile file must not stop the others
            report.problems.append(Problem(str(path), f"could not be read: {type(exc).__name__}: {exc}"))
            continue
        report.problems.extend(Problem(str(path), w, fatal=False) for w in article.warnings)
        # Ids come from file names; `a.txt` and `a.md`, or `Café.txt` and `cafe.txt`, still share one.
        # Paths come sorted, so the same files always get the same ids.
        article_id = unique(article.meta.id, taken)
        if article_id != article.meta.id:
            report.problems.append(Problem(str(path), f"id {article.meta.id!r} is taken by another file; this one is {article_id!r}", fatal=False))
            article.meta.id = article_id
        articles.append(article)
    return articles


def extract_articles(articles: list[Article], settings: Settings, report: BuildReport, progress: Progress | None = None) -> list[FactSheet]:
    """The fact sheet of each article, raw (before corrections): from the cache where it has one, else extracted and cached."""
    # Imported here: the cache uses this module's write_atomically.
    from generator.cache import ExtractionCache

    cache = ExtractionCache(settings.cache_dir, settings.model)
    sheets = [cache.get(article) for article in articles]
    missing = [number for number, sheet in enumerate(sheets) if sheet is None]
    report.from_cache, report.extracted = len(articles) - len(missing), len(missing)
    if missing:
        extracted = _extract_and_keep([articles[number] for number in missing], cache, settings, report, progress)
        for number, sheet in zip(missing, extracted):
            sheets[number] = sheet
    return [sheet for sheet in sheets if sheet is not None]


def _extract_and_keep(articles: list[Article], cache: ExtractionCache, settings: Settings, report: BuildReport, progress: Progress | None) -> Iterator[FactSheet | None]:
    """Each article's fact sheet, kept in the cache; None (and a problem) for one whose extraction failed."""
    # Imported here: a build finding every article in the cache never needs spaCy.
    from generator.extract import extract_all

    unkept = None
    if progress:
        progress(0, len(articles))
    for done, (article, outcome) in enumerate(zip(articles, extract_all(articles, settings.model, settings.jobs)), start=1):
        if progress:
            progress(done, len(articles))
        if not isinstance(outcome, FactSheet):
            report.problems.append(Problem(article.meta.source, f"extraction failed: {type(outcome).__name__}: {outcome}"))
            yield None
            continue
        try:
            cache.put(article, outcome)
        except OSError as exc:
            unkept = exc
        yield outcome
    if unkept:
        report.problems.append(Problem(str(settings.cache_dir), f"cannot keep extraction results for the next build: {unkept}", fatal=False))


def forget_other_articles(articles: list[Article], settings: Settings) -> None:
    """Delete cached results of articles no longer in the site (removed, or since edited)."""
    from generator.cache import ExtractionCache

    ExtractionCache(settings.cache_dir, settings.model).prune(articles)


def apply_editors_corrections(sheets: list[FactSheet], report: BuildReport) -> list[FactSheet]:
    """Each sheet with the corrections file beside its article applied.

    A sheet whose corrections cannot be applied is left out, not published uncorrected: it
    could show again what an editor removed, such as a misattributed quote.
    """
    corrected = []
    for sheet in sheets:
        path = find_corrections(Path(sheet.article.source))
        if path is None:
            corrected.append(sheet)
            continue
        try:
            sheet, warnings = apply_corrections(sheet, load_corrections(path))
        except CorrectionsError as exc:
            report.problems.extend(Problem(str(path), reason) for reason in exc.reasons)
            continue
        report.problems.extend(Problem(str(path), warning, fatal=False) for warning in warnings)
        corrected.append(sheet)
    return corrected


def warn_orphan_corrections(seeds_dir: Path, article_paths: list[Path], report: BuildReport) -> None:
    for path in orphan_corrections(seeds_dir, article_paths):
        report.problems.append(Problem(str(path), "no article beside this corrections file (renamed or removed?)", fatal=False))


def site_deal_edits(seeds_dir: Path, sheets: list[FactSheet], report: BuildReport) -> DealEdits | None:
    """The editor's corrections of the deals, from the site's corrections file; None (and one problem per reason)
    when they cannot be applied: then no two mentions join, rather than bring back a wrong merge an editor split."""
    path = find_site_corrections(seeds_dir)
    if path is None:
        return DealEdits()
    try:
        return deal_edits(sheets, load_site_corrections(path))
    except CorrectionsError as exc:
        report.problems.extend(Problem(str(path), reason) for reason in exc.reasons)
        return None


def render_pages(sheets: list[FactSheet], settings: Settings, report: BuildReport, edits: DealEdits | None) -> dict[str, str | bytes | KeptPage]:
    """Every page of the site; those made from unchanged sheets with unchanged templates as the page cache kept them."""
    from generator.cache import PageCache

    cache = PageCache(settings.cache_dir / "pages", settings.templates_dir)
    pages = render_site(sheets, settings, cache.page, settings.cache_dir / "compiled-templates", edits)
    cache.prune()
    if cache.unkept:
        report.problems.append(Problem(str(cache.folder), f"cannot keep rendered pages for the next build: {cache.unkept}", fatal=False))
    return pages


def write_pages(pages: dict[str, str | bytes | KeptPage], out_dir: Path) -> list[str]:
    """Write the pages under `out_dir`, each atomically and only if changed; delete pages of earlier builds no longer generated."""
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    manifest = root / MANIFEST
    previous = _previous_pages(manifest)
    folders: dict[str, str] = {}
    changed = []
    records: dict[str, list] = {}
    for rel, content in sorted(pages.items()):
        target = _inside(root, rel, folders)
        if isinstance(content, KeptPage):
            data, digest = None, content.digest
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            digest = hashlib.sha256(data).hexdigest()
        on_disk = _regular_file(target)
        # Reading all of a thousand articles' pages back took longer than anything else a one-article build does;
        # a file whose size and time are still those recorded holds what the manifest says. One edited by hand, or
        # removed, since no longer matches and is read back or written again.
        if on_disk is not None and previous.get(rel) == [digest, on_disk.st_size, on_disk.st_mtime_ns]:
            records[rel] = previous[rel]
            continue
        if data is None:
            data = page_text(content).encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
        if on_disk is None or Path(target).read_bytes() != data:
            write_atomically(Path(target), data)
            changed.append(rel)
            on_disk = os.lstat(target)
        records[rel] = [digest, on_disk.st_size, on_disk.st_mtime_ns]
    for stale in sorted(set(previous) - set(pages)):
        path = (root / stale).resolve()
        if path.is_relative_to(root) and path.is_file():
            path.unlink()
            _remove_empty_folders(path.parent, root)
    listing = json.dumps(records, indent=0, sort_keys=True).encode("utf-8")
    # Left alone when unchanged too: `mkdocs serve` rebuilds on any change in docs/, hidden files included.
    if not manifest.is_file() or manifest.read_bytes() != listing:
        write_atomically(manifest, listing)
    return changed


def _inside(root: Path, rel: str, folders: dict[str, str]) -> str:
    """Where page `rel` goes, refused unless under `root`.

    Only its folder is resolved and checked, once for all the pages in it (doing so for each of thousands of
    pages took a tenth of a build): a link in the last place is replaced by the page, never written through.
    """
    folder_name, name = os.path.split(rel)
    folder = folders.get(folder_name)
    if folder is None:
        resolved = (root / folder_name).resolve()
        if not resolved.is_relative_to(root):
            raise ValueError(f"refusing to write outside {root}: {rel!r}")
        folder = folders[folder_name] = str(resolved)
    if name in ("", ".", ".."):
        raise ValueError(f"refusing to write outside {root}: {rel!r}")
    return os.path.join(folder, name)


def _regular_file(path: str) -> os.stat_result | None:
    """The file's status, if it is a file (not a link, a folder, or missing)."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def _previous_pages(manifest: Path) -> dict[str, list | None]:
    """The pages the last build wrote, each with its record (None from a manifest without them, as builds before
    records wrote); none when the manifest is missing or damaged (then nothing is deleted)."""
    try:
        listed = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(listed, list):
        return {page: None for page in listed if isinstance(page, str)}
    return {page: record for page, record in listed.items() if isinstance(page, str)} if isinstance(listed, dict) else {}


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


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
