"""URL- and file-safe identifiers for articles and parties.

A slug is lower-case ASCII letters, digits and single hyphens: it can name a file on any
system and sit in a URL unescaped, and it can never be a path (no dots, no slashes).
Slugs are stable: the same value gives the same slug on every build, whatever else is built.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_MAX_LENGTH = 80
_HASH_LENGTH = 8

# Names Windows refuses as a file name whatever the extension, and names MkDocs reads as a
# folder's index page; a slug equal to one of these would not be a page of its own.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin", "conout", "clock"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
    | {"index", "readme"}
)

# Cyrillic and Greek letters have no decomposition to ASCII; transliterate them (simplified
# general tables) so such titles keep readable slugs.
_TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезиклмнопрстуфыэ", "abvgdeziklmnoprstufye")),
        "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
        "ъ": "", "ь": "", "є": "ye", "і": "i", "ґ": "g", "ђ": "dj",
        "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
        **dict(zip("αβγδεζηικλμνξοπρσςτυφχω", "abgdeziiklmnxoprsstyfho")),
        "θ": "th", "ψ": "ps",
    }
)


def slugify(value: str, fallback: str = "item") -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path, never a reserved name.

    Text with no letters or digits that transliterate to ASCII (emoji, Chinese ...) gets
    `fallback` plus a short hash of the text, so two such names still get different slugs.
    A slug cut to the length limit keeps a hash of the whole text for the same reason.
    """
    # Decompose first so accented letters (é, ά, й) lose their marks and meet the table unaccented.
    decomposed = unicodedata.normalize("NFKD", value.lower()).translate(_TRANSLITERATION)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if not slug:
        return f"{fallback}-{_digest(value)}" if value.strip() else fallback
    if len(slug) > _MAX_LENGTH:
        slug = f"{slug[: _MAX_LENGTH - _HASH_LENGTH - 1].rstrip('-')}-{_digest(value)}"
    if slug in RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` ... whichever is not in `taken`; records the result in `taken`."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LENGTH]
