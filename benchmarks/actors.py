"""How well a built site keeps one page per actor: party pages that look like the same actor, and pages that are no actor.

    python benchmarks/actors.py docs/facts            # the generated folder of a built site
    python benchmarks/actors.py docs/facts --json

It reads the party pages (`parties/*.md`) and, from `facts.json`, the names and aliases of the parties each page
gathers, then lists, with simple checks of its own (not the rules the build resolves actors with):

- same surname: a page whose name is one word that is the first or last word of a person's page
  ("Berg" and "Anna Berg"), or two people's pages with the same last word ("Anna Berg", "Annie Berg");
- same acronym: a page named in capitals that spells the initials of an organisation's page ("NFU" and
  "National Farmers Union");
- alias of another page: a page whose name is an alias of another page, or is another page's name once
  "the", a country ("U.S.") or a leading title ("Sen.") is taken off;
- no actor: a page named by a common noun (no capital letter), a day or month, an all-capitals heading,
  a URL, a byline or picture credit ("Name/Agency"), or a person's name with a possessive in it.

A pair found by more than one check is counted once. People who really share a surname are listed too: the
list is for a reader to judge, and its length for comparing builds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.render import party_page_slug  # noqa: E402

_DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
_PREFIXES = re.compile(r"^(?:the|u\.?s\.?|u\.?k\.?|us|uk|sen\.|rep\.|gov\.|house|senate|president|prime minister)\s+", re.IGNORECASE)
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "&"})


@dataclass
class Page:
    slug: str
    name: str
    kinds: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


def read_pages(generated: Path) -> dict[str, Page]:
    """Each party page of the site by slug, with every name and alias of the parties it gathers."""
    pages = {}
    for path in sorted((generated / "parties").glob("*.md")):
        if path.stem == "index":
            continue
        title = re.search(r"^title: (.*)$", path.read_text("utf-8"), re.MULTILINE)
        pages[path.stem] = Page(path.stem, _unquote(title.group(1)) if title else path.stem)
    data = json.loads((generated / "facts.json").read_text("utf-8"))
    # {"articles": [...], "deals": [...]}; a list of the articles' sheets in builds before deals.
    for sheet in data["articles"] if isinstance(data, dict) else data:
        for party in sheet["parties"]:
            page = pages.get(party_page_slug(party["id"]))
            if page is not None:
                page.kinds.add(party["kind"])
                page.names.update([party["name"], *party["aliases"]])
    return pages


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.replace("&#x27;", "'").replace("&amp;", "&").replace("&#39;", "'")


def _words(name: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", name)


def _stripped(name: str) -> str:
    previous = None
    name = name.casefold().strip()
    while previous != name:
        previous, name = name, _PREFIXES.sub("", name)
    return name


def _initials(name: str) -> str:
    return "".join(word[0] for word in _words(name) if word.casefold() not in _SMALL_WORDS).upper()


def duplicates(pages: dict[str, Page]) -> dict[tuple[str, str], str]:
    """Pairs of page slugs that look like one actor, each with the first check that found it."""
    found: dict[tuple[str, str], str] = {}

    def pair(a: str, b: str, why: str) -> None:
        if a != b:
            found.setdefault((min(a, b), max(a, b)), why)

    people_by_word: dict[str, list[str]] = defaultdict(list)
    surnames: dict[str, list[str]] = defaultdict(list)
    for page in pages.values():
        words = _words(_stripped(page.name))
        if "person" in page.kinds and len(words) > 1:
            surnames[words[-1]].append(page.slug)
            for word in {words[0], words[-1], *words[-1].split("-")}:
                people_by_word[word].append(page.slug)
    for page in pages.values():
        words = _words(_stripped(page.name))
        if len(words) == 1:
            for other in people_by_word.get(words[0], []):
                pair(page.slug, other, "same surname")
    for slugs in surnames.values():
        for other in slugs[1:]:
            pair(slugs[0], other, "same surname")
    for page in pages.values():
        if re.fullmatch(r"[A-Z]{2,6}", page.name):
            for other in pages.values():
                if other is not page and "person" not in other.kinds and len(_words(other.name)) > 1 and _initials(other.name) == page.name:
                    pair(page.slug, other.slug, "same acronym")
    for page in pages.values():
        key = _stripped(page.name)
        for other in pages.values():
            if other is page:
                continue
            other_names = {name.casefold() for name in other.names} - {other.name.casefold()}
            if page.name.casefold() in other_names or (key and key == _stripped(other.name)):
                pair(page.slug, other.slug, "alias of another page")
    return found


def non_actors(pages: dict[str, Page]) -> dict[str, str]:
    """Pages that name no actor, each with why."""
    found = {}
    for page in pages.values():
        name = page.name
        words = _words(name)
        if re.search(r"https?:|www\.|\.com\b", name):
            found[page.slug] = "URL"
        elif not re.search(r"[A-Z]", name):
            found[page.slug] = "common noun"
        elif "/" in name:
            found[page.slug] = "byline or credit"
        elif len(words) == 1 and name.casefold() in _DAYS_AND_MONTHS:
            found[page.slug] = "day or month"
        elif name.isupper() and (len(words) > 1 or len(name) > 6):
            found[page.slug] = "heading"
        elif "person" in page.kinds and re.search(r"\w['’]s\s", name):
            found[page.slug] = "possessive"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("generated", type=Path, help="the generated folder of a built site (docs/facts)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)
    pages = read_pages(args.generated)
    pairs = duplicates(pages)
    junk = non_actors(pages)
    if args.json:
        report = {
            "pages": len(pages),
            "duplicates": [{"pages": list(key), "check": why} for key, why in sorted(pairs.items())],
            "non_actors": [{"page": slug, "check": why} for slug, why in sorted(junk.items())],
        }
        print(json.dumps(report, indent=2))
        return 0
    print(f"{len(pages)} party pages")
    print(f"{len(pairs)} pairs of pages that look like one actor:")
    for (a, b), why in sorted(pairs.items(), key=lambda item: (item[1], item[0])):
        print(f"  {why:22} {a} = {b}")
    print(f"{len(junk)} pages that name no actor:")
    for slug, why in sorted(junk.items(), key=lambda item: (item[1], item[0])):
        print(f"  {why:22} {slug}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
