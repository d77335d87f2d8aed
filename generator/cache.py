"""The build's caches: each article's fact sheet, kept until the article, the extraction code or the model changes;
and rendered pages, kept until what they are made from changes.

Extraction is the slow stage (spaCy parses every sentence) while most builds change one article or none, so a
build extracts only the articles it has no entry for. An entry is the raw extraction result, before editors'
corrections: a corrections file or a template can then change without re-extracting anything.

An entry's key hashes everything its result depends on:
- the article as loaded (metadata and text);
- the extraction code: the source of `generator/extract/` (which holds `EXTRACTOR_VERSION`), of every module
  of this package it imports (the typed model, slugs) and of the data tables, so that an edited rule never
  serves a stale result;
- the spaCy pipeline's name and version and spaCy's own version, read from package metadata: a build whose
  articles are all cached neither imports spaCy nor loads the pipeline.

Entries are files `<folder>/<key[:2]>/<key>.json`, written atomically. One that cannot be read or does not
validate is ignored, and its article extracted again.

The page cache serves rendering, the slow stage of a build that extracts one article or none: rendering every
fact sheet and party page again would take longer than all else such a build does. Its keys hash what
`render_site` names as a page's inputs (the digests of the sheets it shows), the templates and the rendering code.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from generator.build import write_atomically
from generator.model import Article, FactSheet
from generator.render import KeptPage

_PACKAGE = Path(__file__).resolve().parent
# Libraries whose behaviour shows in the pages as they render them: templating, escaping, the YAML front matter.
_RENDERING_LIBRARIES = ("jinja2", "markupsafe", "pyyaml")


# Once per process: the code a process runs is the code it imported, whatever is edited on disk since (by a
# live-preview server, say), and one build must not key its entries two ways.
@functools.cache
def extractor_version() -> str:
    """A digest of the extraction code and the data it reads.

    Every file is hashed whole, comments included: a needless re-extraction after a cosmetic edit is
    cheaper than a stale fact sheet.
    """
    modules = _modules_read_by((_PACKAGE / "extract").glob("*.py"))
    return _files_digest(_PACKAGE, modules | {path for path in _PACKAGE.glob("data/**/*") if path.is_file()})


# Once per process, as the extractor version.
@functools.cache
def renderer_version() -> str:
    """A digest of the rendering code (render.py and the modules of this package it imports) and of the versions of
    the libraries it renders with. The templates are not in it: they are read at each build, as Jinja2 reads them."""
    code = _files_digest(_PACKAGE, _modules_read_by([_PACKAGE / "render.py"]))
    return json.dumps({"code": code, **{name: _distribution_version(name) for name in _RENDERING_LIBRARIES}}, sort_keys=True)


def _files_digest(root: Path, files: Iterable[Path]) -> str:
    """A digest of these files under `root`: their paths relative to it and their content."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _modules_read_by(modules: Iterable[Path]) -> set[Path]:
    """These modules and those of this package they import, directly or not, found by reading, not running, them."""
    found: set[Path] = set()
    todo = list(modules)
    while todo:
        path = todo.pop()
        if path in found:
            continue
        found.add(path)
        for node in _import_statements(ast.parse(path.read_bytes(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from generator import slugs` names a module; `from generator.model import Party` names one too.
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == _PACKAGE.name and len(parts) > 1:
                    module = _PACKAGE.joinpath(*parts[1:])
                    todo += [candidate for candidate in (module.with_suffix(".py"), module / "__init__.py") if candidate.is_file()]
    return found


def _import_statements(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """The module's import statements, at any depth (in functions too); each build looks for them.

    Only statements are walked, not the expressions that make up most of a tree (an import is never inside
    one): ast.walk over every node took most of the time of finding the modules.
    """
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        else:
            todo += [child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt | ast.excepthandler | ast.match_case)]


def pipeline_version(model: str) -> dict[str, str]:
    """Name and version of a spaCy pipeline (package name, path or `blank:xx`) and of spaCy, without loading either."""
    meta = _pipeline_meta(model)
    name = f"{meta['lang']}_{meta['name']}" if meta.get("lang") and meta.get("name") else model
    return {"model": name, "model_version": str(meta.get("version", "unknown")), "spacy": _distribution_version("spacy")}


def _pipeline_meta(model: str) -> dict:
    folder: Path | None = Path(model)
    if not folder.is_dir() and model.isidentifier():
        # An installed pipeline package keeps its meta.json beside its __init__.py.
        spec = importlib.util.find_spec(model)
        folder = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else None
    if folder is None or not (folder / "meta.json").is_file():
        return {"version": _distribution_version(model)}
    try:
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _distribution_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return "unknown"


class ExtractionCache:
    """Fact sheets by article, under a folder; keyed for one extraction code and one spaCy pipeline."""

    def __init__(self, folder: Path, model: str):
        self.folder = folder
        self.fingerprint = json.dumps({"extractor": extractor_version(), **pipeline_version(model)}, sort_keys=True)

    def key(self, article: Article) -> str:
        content = article.model_dump_json(exclude={"warnings"})
        return hashlib.sha256(f"{self.fingerprint}\0{content}".encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> FactSheet | None:
        """The cached fact sheet of this article, or None when there is none that can be trusted."""
        try:
            sheet = FactSheet.model_validate_json(self.path(self.key(article)).read_bytes())
        except (OSError, ValidationError):
            return None
        # The key already covers both; this catches an entry damaged into another valid sheet.
        if sheet.article != article.meta or sheet.text != article.text:
            return None
        return sheet

    def put(self, article: Article, sheet: FactSheet) -> None:
        write_atomically(self.path(self.key(article)), sheet.model_dump_json().encode("utf-8"))

    def prune(self, keep: list[Article]) -> None:
        """Delete every entry but those of `keep` (the articles of the whole site)."""
        _delete_entries(self.folder, ".json", keep={f"{self.key(article)}.json" for article in keep})


class PageCache:
    """Rendered pages under a folder, for `render_site`'s memo: `page(key, render)` returns the page kept under the key,
    or renders and keeps it.

    A page's entry key hashes the key `render_site` gives it with the templates and the rendering code, so that
    an edited template or a new version of the code renders every page again. Beside the entries, an index holds
    the digest of each: a kept page comes back as a `KeptPage`, read only if its text is needed, as it is not
    where the page on disk already has that digest (reading the thousands of pages of a large site back took
    longer than all else a build that changed one article does). An entry that does not match its digest is
    rendered again, never published.
    """

    INDEX = "digests.json"

    def __init__(self, folder: Path, templates_dir: Path):
        self.folder = folder
        templates = _files_digest(templates_dir, (path for path in templates_dir.rglob("*") if path.is_file()))
        self.fingerprint = f"{renderer_version()}\0{templates}"
        self._kept = _read_index(folder / self.INDEX)
        self.digests = dict(self._kept)
        # Names of the entries this build served or kept.
        self.used: set[str] = set()
        # The last error keeping a page; the build goes on without it, and tells.
        self.unkept: OSError | None = None

    def entry(self, key: str) -> str:
        """The name of the entry for a page key."""
        return hashlib.sha256((self.fingerprint + "\0" + key).encode()).hexdigest() + ".md"

    def page(self, key: str, render: Callable[[], str]) -> str | KeptPage:
        entry = self.entry(key)
        self.used.add(entry)
        digest = self.digests.get(entry)
        if digest is None:
            return self._render_and_keep(entry, render)
        return KeptPage(digest, functools.partial(self._read, entry, digest, render))

    def _path(self, entry: str) -> Path:
        return self.folder / entry[:2] / entry

    def _read(self, entry: str, digest: str, render: Callable[[], str]) -> str:
        try:
            data = self._path(entry).read_bytes()
            if hashlib.sha256(data).hexdigest() == digest:
                return data.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            pass
        return self._render_and_keep(entry, render)

    def _render_and_keep(self, entry: str, render: Callable[[], str]) -> str:
        page = render()
        data = page.encode("utf-8")
        try:
            write_atomically(self._path(entry), data)
        except OSError as exc:
            self.unkept = exc
            self.digests.pop(entry, None)
        else:
            self.digests[entry] = hashlib.sha256(data).hexdigest()
        return page

    def prune(self) -> None:
        """Delete every entry this cache has not served or kept (pages no longer in the site, or made from what changed)
        and save the index of the others."""
        _delete_entries(self.folder, ".md", keep=self.used)
        self.digests = {name: digest for name, digest in self.digests.items() if name in self.used}
        if self.digests != self._kept:
            try:
                write_atomically(self.folder / self.INDEX, json.dumps(self.digests, indent=0, sort_keys=True).encode("utf-8"))
            except OSError as exc:
                self.unkept = exc


def _read_index(path: Path) -> dict[str, str]:
    """Entry names and digests; none from an index missing or damaged (every page is then rendered again)."""
    try:
        index = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(index, dict):
        return {}
    return {name: digest for name, digest in index.items() if isinstance(name, str) and isinstance(digest, str)}


def _delete_entries(folder: Path, suffix: str, keep: set[str]) -> None:
    """Delete the entries under `folder` but those named in `keep`.

    Only files named like entries go, in folders named like theirs, so that a cache folder pointed at the wrong place
    loses nothing else.
    """
    name = re.compile(rf"[0-9a-f]{{64}}{re.escape(suffix)}")
    try:
        subfolders = [sub for sub in os.scandir(folder) if len(sub.name) == 2 and sub.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for sub in subfolders:
        removed = False
        with contextlib.suppress(OSError):  # removed by a build running at the same time
            for entry in os.scandir(sub.path):
                if entry.name not in keep and entry.name.startswith(sub.name) and name.fullmatch(entry.name):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
                    removed = True
        if removed:
            with contextlib.suppress(OSError):  # not empty, or removed by a build running at the same time
                os.rmdir(sub.path)
