"""Stage 1, load: read an article file into an `Article` (metadata + body text).

`.txt`: headline on line 1, body after, one paragraph a line.
`.md`: YAML front matter (title, url, outlet, published, author, tags), body after it.
The headline is kept apart from the body: the body is what the offsets count.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import ValidationError

from generator.model import Article, ArticleMeta
from generator.slugs import slugify

SUPPORTED_SUFFIXES = (".txt", ".md")


class LoadError(Exception):
    """An article file that cannot be read; the message is the reason, for one line of output."""


def article_files(folder: Path) -> list[Path]:
    """The article files in a folder, in a stable order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)


def load(path: Path) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from exc
    text = normalise(decode(raw))
    if path.suffix.lower() == ".md":
        fields, body = split_front_matter(text)
    else:
        headline, _, body = text.partition("\n")
        fields = {"title": headline}
    title = str(fields.get("title") or "").strip()
    if not title:
        raise LoadError("no headline")
    if not body.strip():
        raise LoadError("no article text after the headline")
    try:
        meta = ArticleMeta(
            id=slugify(path.stem, fallback="article"),
            title=title,
            source=str(path),
            url=fields.get("url"),
            outlet=fields.get("outlet"),
            published=_date(fields.get("published")),
            author=fields.get("author"),
            tags=fields.get("tags") or [],
        )
    except ValidationError as exc:
        raise LoadError(f"front matter: {_first_error(exc)}") from exc
    return Article(meta=meta, text=body)


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text (byte {exc.start})") from exc


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        raise LoadError("front matter is not closed by '---'")
    try:
        fields = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise LoadError(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(fields, dict):
        raise LoadError("front matter is not a mapping of fields")
    body = text[end + len("\n---") :].split("\n", 1)
    return fields, (body[1] if len(body) > 1 else "").lstrip("\n")


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise LoadError(f"front matter: published {value!r} is not a date (YYYY-MM-DD)") from exc


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"])
    return f"{field}: {error['msg']}"
