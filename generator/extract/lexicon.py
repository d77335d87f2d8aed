"""General-knowledge tables shipped in generator/data: countries, titles, reporting verbs and role nouns.

Nothing here is about one article: these are the lists a reader of any news story brings along.
"""

from __future__ import annotations

import functools

from generator.tables import Country, countries
from generator.tables import lines as _lines


def _key(name: str) -> str:
    """Lookup key of a place name: lower case, no leading "the", plain apostrophes."""
    key = name.lower().replace("\u2019", "'").strip()
    return key[4:] if key.startswith("the ") else key


@functools.cache
def _place_table() -> dict[str, tuple[Country, str]]:
    """Every name, capital and seat of government, to its country and what kind of name it is.

    Seats and names win over capitals: "Brussels" is the EU's seat in news usage, and Belgium's capital.
    """
    table: dict[str, tuple[Country, str]] = {}
    for rank in ("capital", "name", "seat"):
        for country in countries():
            names = {
                "capital": country.capitals,
                "name": (country.name, *country.aliases),
                "seat": country.seats,
            }[rank]
            for name in names:
                table[_key(name)] = (country, rank)
    return table


def place(name: str) -> tuple[Country, str] | None:
    """The country a place name stands for ("Kyiv" -> Ukraine, "the Kremlin" -> Russia), and whether it is
    the country's own name, its capital or its seat of government."""
    return _place_table().get(_key(name))


@functools.cache
def _demonym_table() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for country in countries():
        for demonym in country.demonyms:
            table.setdefault(demonym.lower(), country)
    return table


def country_of_demonym(word: str) -> Country | None:
    """ "Russian" -> Russia; plurals too ("Russians")."""
    word = word.lower()
    table = _demonym_table()
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


@functools.cache
def titles() -> frozenset[str]:
    """Offices and roles ("president", "chief executive"), lower case."""
    return frozenset(_lines("titles.txt"))


@functools.cache
def honorifics() -> frozenset[str]:
    return frozenset(_lines("honorifics.txt"))


@functools.cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(_lines("reporting_verbs.txt"))


@functools.cache
def expert_roles() -> frozenset[str]:
    return frozenset(_lines("expert_roles.txt"))


@functools.cache
def organization_nouns() -> frozenset[str]:
    return frozenset(_lines("organization_nouns.txt"))


@functools.cache
def government_bodies() -> frozenset[str]:
    return frozenset(_lines("government_bodies.txt"))


@functools.cache
def organization_name_words() -> frozenset[str]:
    return frozenset(_lines("organization_name_words.txt"))


@functools.cache
def outlet_words() -> frozenset[str]:
    return frozenset(_lines("outlet_words.txt"))


@functools.cache
def state_nouns() -> frozenset[str]:
    return frozenset(_lines("state_nouns.txt"))


@functools.cache
def group_nouns() -> frozenset[str]:
    return frozenset(_lines("group_nouns.txt"))


@functools.cache
def _federated_states() -> frozenset[str]:
    return frozenset(_key(name) for name in _lines("federated_states.txt"))


def federated_state(name: str) -> bool:
    """Whether `name` is a state of a federation ("Ohio", "Queensland"): a region, not a country."""
    return _key(name) in _federated_states()


@functools.cache
def party_members() -> frozenset[str]:
    return frozenset(_lines("party_members.txt"))
