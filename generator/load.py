"""Stage 1, load: read an article file into an `Article` (metadata + body text).

`.txt`: headline on the first line, body after, one paragraph a line.
`.md`: YAML front matter (title, url, outlet, published, author, tags), body after it; without
front matter, the first line is the headline (a leading `#` dropped), as in `.txt`.
`.html`, `.htm`: a saved news page, read by `generator.html`.
The headline is kept apart from the body: the body is what the offsets count.

Article files come from the web and are untrusted: a file that cannot be read raises
`LoadError` with a one-line reason; a file that can be read despite a problem (not UTF-8, a
field of the wrong type, control characters) loads with the problem in `Article.warnings`.
The article id is the slug of the file name, not of the title: file names are unique in
a folder, stay put when an editor fixes a headline, and are what the user chose to call it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.model import Article, ArticleMeta
from generator.slugs import slugify

# Saved web pages, read by generator/html.py.
PAGE_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (".txt", ".md", *PAGE_SUFFIXES)

# A news article is rarely over 60,000 characters. spaCy's parser needs about 0.8 GB per
# 200,000 characters (measured with en_core_web_sm), so longer texts are refused, not parsed.
MAX_TEXT_CHARS = 200_000
# No word, number or link in an article runs this long without a space. spaCy's tokenizer takes
# time quadratic in such a run when it holds punctuation: 50,000 quotation marks took 220 s.
MAX_RUN_CHARS = 1_000
# Up to 4 bytes a character (UTF-32): larger files are refused before they are read.
MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS + 4

# Above this share of control characters a file is binary data, not text with a few stray bytes.
_BINARY_SHARE = 0.05
_BINARY_MIN_CONTROLS = 16

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
# Line ends of every platform and Unicode's own separators; all become "\n".
_LINE_ENDS = re.compile("\r\n|[\r\u2028\u2029\x85]")
# C0 and C1 control characters other than tab and newline: invisible, and invalid in HTML.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\^{}|]")
# libyaml's parser when PyYAML was built with it: the pure-Python one took most of the time of loading 1,000
# articles. Both build the same values with the same safe constructor, so only the wording of syntax errors differs.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LoadError(Exception):
    """An article file that cannot be read; the message is the reason, for one line of output."""


def article_files(folder: Path) -> list[Path]:
    """The article files in a folder, in a stable order (hidden files, such as editors' backups, left out)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
    )


def read_bytes(path: Path, limit: int, too_large: str, stated_limit: str) -> bytes:
    """The file's bytes, refused before reading when over `limit` bytes: a huge file must not fill memory."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(f"{too_large} ({size:,} bytes; the limit is {stated_limit})")
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from exc


def load(path: Path) -> Article:
    # A link in a contributed folder of articles could publish any file the build can read (keys, /proc/self/environ).
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        raise LoadError("a symbolic link to a file outside its folder; not read")
    if path.suffix.lower() in PAGE_SUFFIXES:
        # Imported here: generator.html builds on this module's checks, and only saved pages need trafilatura.
        from generator.html import load_page

        return load_page(path)
    raw = read_bytes(path, MAX_FILE_BYTES, "too large to be an article", f"{MAX_TEXT_CHARS:,} characters")
    warnings: list[str] = []
    text = clean(decode(raw, warnings), warnings)
    if not text.strip():
        raise LoadError("empty file" if not raw else "no text, only white space")
    if len(text) > MAX_TEXT_CHARS:
        raise LoadError(f"too long to be an article ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})")
    if run := _LONG_RUN.search(text):
        line = text.count("\n", 0, run.start()) + 1
        raise LoadError(f"not article text: {len(run.group()):,} characters without a space on line {line} (the limit is {MAX_RUN_CHARS:,})")
    if path.suffix.lower() == ".md" and _FENCE.match(text):
        fields, body = split_front_matter(text)
        meta = read_front_matter(fields, warnings)
    else:
        headline, body = split_headline(text, markdown=path.suffix.lower() == ".md")
        meta = {"title": headline}
    if not body.strip():
        raise LoadError("no article text after the headline")
    article_meta = ArticleMeta(id=slugify(path.stem, fallback="article"), source=str(path), **meta)
    return Article(meta=article_meta, text=body, warnings=warnings)


def decode(raw: bytes, warnings: list[str]) -> str:
    """Text from bytes: by byte-order mark, else UTF-8, else Windows-1252/Latin-1 with a warning."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(f"starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()} (byte {exc.start + len(bom)})") from exc
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise LoadError(f"binary file ({kind}), not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if raw.count(0) > _BINARY_SHARE * len(raw):
        raise LoadError("binary data, not text (or UTF-16 without a byte-order mark: save it as UTF-8)")
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
        text = raw.decode("latin-1")
    warnings.append(f"not UTF-8 (byte {first_bad}: 0x{raw[first_bad]:02x}): read as Latin-1 (Windows-1252); save it as UTF-8")
    return text


def clean(text: str, warnings: list[str]) -> str:
    """One kind of line end; control characters removed (with a warning), binary data refused."""
    text = _LINE_ENDS.sub("\n", text)
    controls = len(_CONTROLS.findall(text))
    if controls:
        if controls > max(_BINARY_SHARE * len(text), _BINARY_MIN_CONTROLS):
            raise LoadError(f"binary data, not text ({controls:,} control characters in {len(text):,})")
        text = _CONTROLS.sub("", text)
        warnings.append(f"removed {controls:,} control character{'s' if controls > 1 else ''} (such as NUL bytes)")
    return text


def split_headline(text: str, markdown: bool) -> tuple[str, str]:
    headline, _, body = text.lstrip().partition("\n")
    if markdown:
        headline = headline.lstrip("#")
    return " ".join(headline.split()), body


def split_front_matter(text: str) -> tuple[dict, str]:
    """The YAML fields between the first two `---` lines (the second may be `...`) and the body after them."""
    opening = _FENCE.match(text)
    closing = _FRONT_MATTER_END.search(text, opening.end())
    if closing is None:
        raise LoadError("front matter is not closed by a '---' line")
    try:
        fields = yaml.load(text[opening.end() : closing.start()], Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise LoadError(f"front matter is not valid YAML: {_yaml_reason(exc)}") from exc
    if not isinstance(fields, dict):
        raise LoadError("front matter is not a mapping of fields (title: ..., url: ...)")
    return fields, text[closing.end() :].lstrip("\n")


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or "cannot be parsed"
    mark = getattr(exc, "problem_mark", None)
    # The YAML starts at the end of the opening '---' line, so its line numbers are the file's, from 0.
    return f"{problem} (line {mark.line + 1})" if mark else problem


def read_front_matter(fields: dict, warnings: list[str], origin: str = "front matter") -> dict:
    """The known fields, checked: a bad title stops loading, any other bad field is dropped with a warning."""
    try:
        title = _text(fields.get("title", ""))
    except ValueError as exc:
        raise LoadError(f"{origin}: title: {exc}") from exc
    if not title:
        raise LoadError("front matter has no title (a line `title: ...`)")
    meta: dict = {"title": title}
    checks = {"url": _url, "outlet": _text, "author": _names, "published": _date, "tags": _tags}
    for name, check in checks.items():
        value = fields.get(name)
        if value is None:
            continue
        try:
            meta[name] = check(value)
        except ValueError as exc:
            warnings.append(f"{origin}: {name}: {exc}; left out")
    return meta


def _text(value: object) -> str:
    """A one-line string from a YAML scalar; lists, mappings and the like are not text."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        raise ValueError(f"expected text, got {_kind(value)}")
    return " ".join(str(value).split())


def _names(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    return _text(value)


def _url(value: object) -> str:
    url = _text(value)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"only http:// and https:// URLs are kept, not {url[:40]!r}")
    if _URL_FORBIDDEN.search(url):
        raise ValueError("not a valid URL (it contains spaces, quotes or angle brackets)")
    return url


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(_text(value)[:10])
    except ValueError:
        raise ValueError(f"{str(value)[:40]!r} is not a date (YYYY-MM-DD)") from None


def _tags(value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"expected a list of words, got {_kind(value)}")
    tags = [_text(tag) for tag in value]
    return list(dict.fromkeys(tag for tag in tags if tag))


def _kind(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)
