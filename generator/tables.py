"""The general-knowledge tables shipped in generator/data, read without spaCy: the extractors (generator/extract/lexicon.py)
and the site-level stages (generator/actors.py) read the same files.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources


def lines(name: str) -> list[str]:
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def words(name: str) -> frozenset[str]:
    """A table of one word or phrase a line, as a set."""
    return frozenset(lines(name))


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = field(default=())

    @property
    def is_state(self) -> bool:
        """False for the supranational bodies in the table (EU, UN, NATO): they are organisations."""
        return bool(self.capitals)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@functools.cache
def countries() -> tuple[Country, ...]:
    rows = []
    for line in resources.files("generator").joinpath("data", "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, capitals, demonyms, seats = (line.split("\t") + [""] * 5)[:5]
        rows.append(Country(name.strip(), _split(aliases), _split(capitals), _split(demonyms), _split(seats)))
    return tuple(rows)
