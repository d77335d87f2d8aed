"""URL- and file-safe identifiers for articles and parties."""

from __future__ import annotations

import re
import unicodedata

_MAX_LENGTH = 80


def slugify(value: str, fallback: str = "item") -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:_MAX_LENGTH].rstrip("-")
    return slug or fallback


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` ... whichever is not in `taken`; records the result in `taken`."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
