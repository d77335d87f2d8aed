"""Load, for saved web pages: the article and its metadata out of a news page's HTML.

trafilatura finds the article among the menus, ads, comments and footers of the page and reads
its metadata (JSON-LD, Open Graph and other `<meta>` tags, the byline). Nothing is fetched: the
URL is the page's own canonical link (or `og:url`), and like every other field of an untrusted
file it passes the same checks as front matter (only http and https URLs are kept).
The headline is kept apart from the body, and the body is one paragraph a line, as in a `.txt`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import trafilatura

from generator.load import MAX_TEXT_CHARS, LoadError, clean, decode, read_bytes, read_front_matter
from generator.model import Article, ArticleMeta
from generator.slugs import slugify

# A saved page carries scripts, styles and markup around the article, often a hundred times its
# text; MAX_TEXT_CHARS applies to the article found in it.
MAX_PAGE_BYTES = 16 * 1024 * 1024

# Ad slots trafilatura's own boilerplate rules miss: class names that many news sites use for them,
# and the data attributes of ad servers. Whole class tokens only, so "advertising-feature" stays.
_AD_CLASSES = ("advert", "advertisement", "ad-slot", "ad-container", "sponsored", "dfp-ad", "gpt-ad")
_PRUNE_ADS = [
    *(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in _AD_CLASSES),
    "//*[@data-ad-unit or @data-ad-slot or @data-google-query-id or starts-with(@id, 'div-gpt-ad')]",
]

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, in the first kilobytes.
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# As browsers do (WHATWG Encoding): a page that says Latin-1 or ASCII is Windows-1252, and one whose
# <meta>, readable as ASCII, says UTF-16 or UTF-32 is UTF-8.
_DECLARED_MEANS = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-32": "utf-8"}


def load_page(path: Path) -> Article:
    """A saved news page as an `Article`; `LoadError` when it cannot be read or holds no article."""
    raw = read_bytes(path, MAX_PAGE_BYTES, "too large for a saved web page", f"{MAX_PAGE_BYTES:,}")
    warnings: list[str] = []
    page = clean(decode_page(raw, warnings), warnings)
    if not page.strip():
        raise LoadError("empty file" if not raw else "no text, only white space")
    fields, body = read_page(page)
    if not any(_reads_as_prose(paragraph) for paragraph in body.split("\n")):
        raise LoadError("no article text found in the page (is it a saved news article?)")
    if len(body) > MAX_TEXT_CHARS:
        raise LoadError(f"article too long ({len(body):,} characters; the limit is {MAX_TEXT_CHARS:,})")
    if not fields.get("title"):
        raise LoadError("no headline found in the page (no <title>, <h1> or og:title)")
    meta = read_front_matter(fields, warnings, origin="page metadata")
    return Article(meta=ArticleMeta(id=slugify(path.stem, fallback="article"), source=str(path), **meta), text=body, warnings=warnings)


def decode_page(raw: bytes, warnings: list[str]) -> str:
    """Text from bytes: by byte-order mark, else by the page's declared charset, else as any article file."""
    declared = _DECLARED_CHARSET.search(raw[:4096])
    if declared and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            return raw.decode(_DECLARED_MEANS.get(encoding.removesuffix("-le").removesuffix("-be"), encoding))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: guess, as for any other file
    return decode(raw, warnings)


def read_page(page: str) -> tuple[dict[str, str], str]:
    """The page's metadata fields (title, url, outlet, published, author; unchecked) and the article body."""
    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        # Tables of figures and image captions read as run-on sentences to the extractors.
        include_tables=False,
        include_images=False,
        prune_xpath=_PRUNE_ADS,
        # Dates from the page's markup only (JSON-LD, meta tags, <time>), never guessed from the text,
        # and the first publication rather than the last update.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return {}, ""
    title = " ".join((document.title or "").split())
    fields = {
        "title": title,
        "url": document.url,
        "outlet": document.sitename,
        "published": document.date,
        "author": document.author,
    }
    return {name: value for name, value in fields.items() if value}, body_text(document.text or "", title)


def _reads_as_prose(paragraph: str) -> bool:
    """Six words or more, ending as a sentence does. Where a page holds no article (an index page,
    a login wall), trafilatura returns what text it finds, such as menu items, which never do."""
    return len(paragraph.split()) >= 6 and paragraph.rstrip("\"”’)»").endswith((".", "!", "?", "…"))


def body_text(text: str, title: str) -> str:
    """One paragraph a line, white space collapsed, without the headline where the page repeats it on top."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs.pop(0)
    return "\n".join(paragraphs)
