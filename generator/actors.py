"""Site-level stage between corrections and render: one actor, one id, across every article.

Each article names its parties on its own: "Okafor" in one, "Amara Okafor" in another, "Sen. Ana Ruiz" here and
"Ruiz" there, the "U.S. Coast Guard" and the "Coast Guard", the "NFU" and the "National Farmers Union". `resolve_actors`
gives every party the id and name of the actor it stands for across the site, so that each actor has one page:

- names alike once titles ("Sen.", "House Speaker"), "the", middle initials and quoted nicknames are taken off;
- people whose names differ only by a familiar form of the given name ("Steve" and "Steven": data/given_names.txt);
- a bare surname, and the name a name of one word stands for: the one full name across the site that it matches
  (a surname, a family name written first, an alias, an acronym, the name without its country ("the U.S. Coast Guard")
  or without its company word ("Vantor Pharmaceuticals")).

Where a name could stand for two actors (two people share the surname, "Steve" for "Steven" and for "Stephen"),
it joins neither: a wrong merge puts words in someone else's mouth, a missed one only splits a page. An editor
merges and splits actors in the site's corrections file (generator/corrections.py, `ActorCorrections`).

Names that are no actor's are dropped from the site as a safety net under extraction: a day or month, an
all-capitals heading, a URL, a byline or picture credit, a bare title, an event or a document ("the Games", "the
Harbour Agreement"), a person's name with a possessive ("X's plan"), two actors named together ("X and Y"), a word
the article itself writes in lower case. A party named by a common noun ("the court") stays on its fact sheet, with
no page (`has_page`): it is an actor of its article, and of no other.

Pure functions over the fact sheets: no spaCy, no I/O. A sheet the resolution leaves alone is returned as it
came, so its pages stay in the page cache; one it changes has another digest, so its pages are rendered again.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.corrections import ActorCorrections, CorrectionsError
from generator.model import FactSheet, Party, PartyKind
from generator.slugs import slugify, unique
from generator.tables import countries, lines
from generator.tables import words as table

_SPACES = re.compile(r"\s+")
# Words that join the words of a name without being names themselves ("Bank of England", "bin Laden").
_CONNECTORS = frozenset("of the and for & de del der van von la le da di du al bin ibn y".split())
_DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Titles written before a given name, not a surname ("Queen Ana", "Sheikh Omar"): no bare surname after them.
_GIVEN_NAME_TITLES = frozenset("king queen prince princess emperor empress pope sheikh sir dame lord lady cardinal".split())
# Words an organisation's name may end in or do without ("Widget Motor", "Widget Motor Company").
_COMPANY_WORDS = frozenset({"motor", "company", "co", "co.", "companies", "limited", "incorporated"})
_QUOTED = re.compile(r"^[\"“”'‘’].*[\"“”'‘’]$")
_POSSESSIVE = re.compile(r"\w['’]s?\s+\w")
_URL = re.compile(r"://|^www\.|\.(?:com|org|net|gov|edu|co\.uk)\b", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]{2})")
# Longest heading word we take for an acronym: "NATO", "UNESCO"; "CONTINUE" or "TARIFFS" is a heading.
_ACRONYM_LENGTH = 6


@functools.cache
def _title_words() -> frozenset[str]:
    """Words of titles, honorifics and the words that go with them before a name, lower case."""
    found = {word for title in table("titles.txt") for word in title.split()}
    return frozenset(found | table("honorifics.txt") | table("name_prefixes.txt")) - _CONNECTORS


@functools.cache
def _familiar_forms() -> dict[str, frozenset[str]]:
    """Each given name to the names it may stand beside for one person: its familiar forms, or its formal ones."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in lines("given_names.txt"):
        formal, _, familiar = line.partition(":")
        for form in familiar.split():
            table[formal.strip()].add(form)
            table[form].add(formal.strip())
    return {name: frozenset(forms) for name, forms in table.items()}


@functools.cache
def _countries_by_name() -> dict[str, str]:
    """Country names, other names and adjectives ("U.S.", "American") to the country's name, as name keys."""
    table = {}
    for country in countries():
        for name in (country.name, *country.aliases, *country.demonyms):
            table.setdefault(_key(name), _key(country.name))
    return table


# --- names ---------------------------------------------------------------------------------------


def _clean(name: str) -> str:
    """The name as one line, without the punctuation around it ("— Ana Ruiz" is "Ana Ruiz")."""
    return _SPACES.sub(" ", name).strip(" \t-–—,;:!?()[]\"“”").strip()


@functools.lru_cache(maxsize=1 << 14)
def _key(name: str) -> str:
    """What two names that are the same name share: lower case, straight apostrophes, "and" for "&", no dots in
    abbreviations ("U.S.")."""
    words = []
    for word in _clean(name.replace("\u2019", "'")).split():
        bare = word.replace(".", "")
        words.append("and" if word == "&" else (bare if bare.isupper() and bare.isalpha() else word).casefold())
    return " ".join(words)


def _proper(name: str) -> bool:
    """Whether a name is a proper name: every word capitalised but the small words between ("Bank of England")."""
    words = _clean(name).removeprefix("the ").split()
    return bool(words) and all(w[:1].isupper() or w.casefold() in _CONNECTORS or not w[:1].isalpha() for w in words)


@functools.lru_cache(maxsize=1 << 14)
def _person_name(name: str) -> tuple[str, str]:
    """A person's name as a page shows it, without the titles before it ("Senate Majority Leader") or a leading "the";
    and its key, without quoted nicknames ("“Tony”") or middle initials ("J.") either, and "Jr." written one way."""
    words = _clean(name).split()
    if words[:1] == ["the"]:
        words = words[1:]
    for at in range(len(words) - 2, -1, -1):
        # Up to the last title word that leaves a name: "Treasury Secretary Ana Ruiz", "Sen. Ruiz"; but "King Oskar"
        # stays whole, where the title goes with a given name.
        title = words[at].casefold()
        if title in _title_words() and all(w[:1].isupper() or w.casefold() in _title_words() | _CONNECTORS for w in words[:at]):
            if at < len(words) - 2 or title not in _GIVEN_NAME_TITLES:
                words = words[at + 1 :]
            break
    named = [w for w in words if not _QUOTED.match(w)] or words
    # "Jr." is part of who one is: "Ana Ruiz Jr." is not "Ana Ruiz".
    suffix = [named.pop().casefold().rstrip(".")] if len(named) > 2 and named[-1].casefold() in _NAME_SUFFIXES else []
    if len(named) > 2:
        named = [named[0], *(w for w in named[1:-1] if not re.fullmatch(r"[A-Z]\.?", w)), named[-1]]
    return " ".join(words), _key(" ".join(named + suffix))


def _camel_words(name: str) -> str:
    """A name written as one word ("AnaRuiz", a social media handle) in words."""
    return _CAMEL.sub(" ", name)


def _given_names_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1:
        return a[0] == b[0]
    return b in _familiar_forms().get(a, ())


@dataclass(frozen=True)
class _PersonName:
    given: str
    middle: tuple[str, ...]
    surname: str
    suffix: str | None

    @classmethod
    def of(cls, key: str) -> _PersonName:
        words = key.split()
        suffix = words.pop() if len(words) > 2 and words[-1] in _NAME_SUFFIXES else None
        return cls(words[0], tuple(words[1:-1]), words[-1], suffix)

    def same_person_as(self, other: _PersonName) -> bool:
        """Whether the two names can be one person's: one surname, given names alike, middle names not in conflict."""
        return (
            self.surname == other.surname
            and self.suffix == other.suffix
            and _given_names_agree(self.given, other.given)
            and (self.middle == other.middle or not self.middle or not other.middle)
        )

    def called(self) -> set[str]:
        """The words a person of this name is called by alone: the surname (or part of a double one), or a family name
        written first ("Park" for "Park Min-ho")."""
        return {self.surname, self.given, *self.surname.split("-")}


@functools.lru_cache(maxsize=1 << 14)
def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in _CONNECTORS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


@functools.lru_cache(maxsize=1 << 14)
def _acronyms(key: str) -> frozenset[str]:
    """The acronyms an organisation may go by, lower case: its initials, without its country too, and those of its
    last three words or more ("DFU" for the "Andean Democratic Farmers Union")."""
    words = [w for w in key.split() if w not in _CONNECTORS]
    found = {_initials(key), _initials(_without_country(key) or "")}
    found |= {"".join(w[0] for w in words[start:]) for start in range(1, len(words) - 2)}
    return frozenset(acronym for acronym in found if acronym)


@functools.lru_cache(maxsize=1 << 14)
def _without_country(key: str) -> str | None:
    """An organisation's name without the country before it ("the U.S. Coast Guard" is the "Coast Guard"), if it has one."""
    words = key.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        if " ".join(words[:size]) in _countries_by_name():
            return " ".join(words[size:])
    return None


@functools.lru_cache(maxsize=1 << 14)
def _with_country_named(key: str) -> str:
    """The key with its country written one way ("US Coast Guard", "U.S. Coast Guard", "American Coast Guard" alike)."""
    rest = _without_country(key)
    if rest is None:
        return key
    country = key[: len(key) - len(rest)].strip()
    return f"{_countries_by_name()[country]} {rest}"


@functools.lru_cache(maxsize=1 << 14)
def _without_company_words(key: str) -> str | None:
    """An organisation's name without the company words it ends in ("Widget Motor Company" is "Widget")."""
    words = key.split()
    end = len(words)
    company_words = table("organization_name_words.txt") | _COMPANY_WORDS
    while end > 1 and words[end - 1] in company_words:
        end -= 1
    return " ".join(words[:end]) if end < len(words) else None


# --- what is no actor ------------------------------------------------------------------------------

_COMMON_NOUN = "a common noun"


def has_page(party: Party) -> bool:
    """Whether a party is an actor across articles, with a page: not one named by a common noun ("the court"), which
    stays a party of its article, where the words around it say which court it is."""
    return not_an_actor(party) != _COMMON_NOUN


def not_an_actor(party: Party) -> str | None:
    """Why this party's name is no actor's, from the name alone; None for a name that may be one."""
    return _why_no_actor(party.name, party.kind is PartyKind.person)


@functools.lru_cache(maxsize=1 << 14)
def _why_no_actor(name: str, person: bool) -> str | None:
    name = _clean(name)
    words = name.split()
    if _URL.search(name):
        return "a URL"
    if not words or not re.search(r"[A-Z]", name):
        return _COMMON_NOUN
    if "/" in name:
        return "a byline or picture credit"
    letters = re.sub(r"[^A-Za-z]", "", name)
    if letters.isupper() and (len(words) > 1 or len(letters) > _ACRONYM_LENGTH):
        return "a heading"
    if person and _POSSESSIVE.search(name):
        return "a possessive"
    if _key(name) in table("titles.txt"):
        return "a title"
    # "the Games", "the Andean Summit", "the Harbour Agreement"; but a lone word in the singular may be a company's or
    # a county's name.
    if words[-1].casefold() in table("non_actor_nouns.txt") and (len(words) > 1 or words[-1].endswith("s")):
        return "an event or a document"
    return None


# --- the resolution ----------------------------------------------------------------------------------


@dataclass
class _Member:
    """One party of one article, as the resolution sees it."""

    sheet: int
    party: Party
    key: str
    display: str
    pinned: int | None = None
    # Named as a person: labelled a person, or another kind under a person's name ("House Ana Ruiz").
    person: bool = False


@dataclass
class _Actor:
    members: list[_Member]
    id: str = ""
    name: str = ""
    kind: PartyKind = PartyKind.organization
    edited: bool = False
    dropped: bool = False
    # The name of the actor an editor merged others into: it stays the name.
    named_by_editor: str | None = None


class _Keys:
    """Union-find over name keys: two keys in one set name one actor."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        while key != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def resolve_actors(sheets: list[FactSheet], corrections: ActorCorrections | None = None) -> list[FactSheet]:
    """The sheets with each party named and identified as the actor it stands for across all of them; parties that
    are no actor dropped. Raises `CorrectionsError`, one line per problem, for corrections that cannot be applied."""
    corrections = corrections or ActorCorrections()
    errors: list[str] = []
    members, dropped = _members(sheets, _split_pins(sheets, corrections, errors))
    keys = _Keys()
    free = [m for m in members if m.pinned is None]
    for member in members:
        keys.find(member.key)
    _join_people(free, keys)
    _join_short_names(free, keys)
    actors = _actors(members, keys)
    _describe(actors)
    if corrections.merge:
        _merge_by_editor(actors, corrections, errors)
        _describe(actors)
    if errors:
        raise CorrectionsError(errors)
    _drop_non_actors(actors, sheets)
    by_party: dict[tuple[int, str], _Actor | None] = {(m.sheet, m.party.id): actor for actor in actors for m in actor.members}
    by_party.update({(number, party_id): None for number, party_id in dropped})
    return [_rewrite(sheet, number, by_party) for number, sheet in enumerate(sheets)]


def _members(sheets: list[FactSheet], pins: dict[tuple[int, str], int]) -> tuple[list[_Member], list[tuple[int, str]]]:
    """Every party that may be an actor, keyed by its name; and the (sheet, party id) of those that are not."""
    members, dropped = [], []
    people = set()
    for number, sheet in enumerate(sheets):
        for party in sheet.parties:
            if not has_page(party):
                continue
            if not_an_actor(party):
                dropped.append((number, party.id))
                continue
            display = _clean(party.name).removeprefix("the ")
            member = _Member(number, party, _key(display), display, pins.get((number, party.id)))
            if party.kind is PartyKind.person:
                member.display, member.key = _person_name(party.name)
                member.person = True
                if len(member.key.split()) > 1:
                    people.add(member.key)
            members.append(member)
    # A name the model gave another kind is a person's where, titles taken off or its words split, it is a person's
    # name elsewhere ("House Ana Ruiz" labelled an organisation, the handle "AnaRuiz"), or where an abbreviated
    # title stands before it ("Sen. Ruiz"): "General" in "General Harbour Lines" is a title too, "Gen." only a person's.
    for member in members:
        if member.party.kind is not PartyKind.person:
            for display, key in (_person_name(member.party.name), _person_name(_camel_words(member.party.name))):
                first = member.display.split()[0]
                abbreviated = display != member.display and first.endswith(".") and first.casefold() in _title_words()
                if abbreviated or len(key.split()) > 1 and key in people:
                    member.display, member.key, member.person = display, key, True
                    break
        if not member.person:
            member.key = _with_country_named(member.key)
        if member.pinned is not None:
            member.key = f"split {member.pinned}: {member.key}"
    return members, dropped


def _split_pins(sheets: list[FactSheet], corrections: ActorCorrections, errors: list[str]) -> dict[tuple[int, str], int]:
    """The parties an editor keeps apart, each with the number of its split entry; a problem for each that names
    nothing."""
    by_article = {sheet.article.id: number for number, sheet in enumerate(sheets)}
    pins = {}
    for entry, (name, articles) in enumerate(corrections.split.items()):
        for article in articles:
            number = by_article.get(article)
            if number is None:
                errors.append(f"actors: split: {name}: no article {article!r}")
                continue
            party = _named(sheets[number].parties, name)
            if party is None:
                errors.append(f"actors: split: {name}: no party named {name!r} in {article!r}")
                continue
            pins[(number, party.id)] = entry
    return pins


def _named(parties: Iterable[Party], name: str) -> Party | None:
    wanted = _key(name)
    return next((p for p in parties if p.id == name or wanted in {_key(n) for n in [p.name, *p.aliases]}), None)


def _join_people(members: list[_Member], keys: _Keys) -> None:
    """Join the names of two words or more that are one person's: "Steve Ruiz" and "Steven Ruiz", "Ana Ruiz" and
    "Ana M. Ruiz". Names that are alike two by two but not all together ("Steve" with "Steven" and with "Stephen")
    stay apart."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for member in members:
        if member.person and len(member.key.split()) > 1:
            by_surname[_PersonName.of(member.key).surname].add(member.key)
    for names in by_surname.values():
        graph = {a: {b for b in names if b != a and _PersonName.of(a).same_person_as(_PersonName.of(b))} for a in names}
        for group in _connected(graph):
            if all(graph[a] >= group - {a} for a in group):
                for name in group:
                    keys.join(min(group), name)


def _connected(graph: dict[str, set[str]]) -> list[set[str]]:
    groups, seen = [], set()
    for start in sorted(graph):
        if start in seen:
            continue
        group, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node not in group:
                group.add(node)
                todo.extend(graph[node] - group)
        seen |= group
        groups.append(group)
    return groups


def _join_short_names(members: list[_Member], keys: _Keys) -> None:
    """Join a name to the one actor it can stand for across the site: a surname to the full name, an alias or an
    acronym to the organisation, a name without its country or its company words to the name with them.

    A person's full name joins nothing this way: it is a name of its own, not a short form of another.
    """
    people_called: dict[str, set[str]] = defaultdict(set)
    organisations_called: dict[str, set[str]] = defaultdict(set)
    acronyms: dict[str, set[str]] = defaultdict(set)
    for member in members:
        key = member.key
        if member.person:
            if len(key.split()) > 1:
                for word in _PersonName.of(key).called():
                    people_called[word].add(key)
            continue
        # A person's aliases are no evidence: extraction lists there whatever it took for the person.
        for alias in member.party.aliases:
            if _proper(alias):
                organisations_called[_key(alias)].add(key)
        for short in (_without_country(key), _without_company_words(key)):
            if short:
                organisations_called[short].add(key)
        for acronym in _acronyms(key):
            acronyms[acronym].add(key)
        # "Democrat" for the "Democrats", "Unionist" for the "Unionists".
        if member.party.kind is PartyKind.group and len(key.split()) == 1 and key.endswith("s"):
            organisations_called[key[:-1]].add(key)
    stands_for: dict[str, set[str]] = defaultdict(set)
    for member in members:
        key = member.key
        if member.person and len(key.split()) > 1:
            continue
        stands_for[key] |= organisations_called.get(key, set())
        if member.display.isupper():
            stands_for[key] |= acronyms.get(key, set())
        if len(key.split()) == 1 and member.party.kind is not PartyKind.country:
            stands_for[key] |= people_called.get(key, set())
    joins = []
    for key, others in stands_for.items():
        roots = {keys.find(other) for other in others} - {keys.find(key)}
        if len(roots) == 1:
            joins.append((key, roots.pop()))
    for key, other in joins:
        keys.join(key, other)


def _actors(members: list[_Member], keys: _Keys) -> list[_Actor]:
    groups: dict[str, list[_Member]] = defaultdict(list)
    for member in members:
        groups[keys.find(member.key)].append(member)
    # An actor an editor split off is edited: the page says so.
    actors = [_Actor(group) for group in groups.values()]
    for actor in actors:
        actor.edited = _split_off(actor)
    return actors


def _merge_by_editor(actors: list[_Actor], corrections: ActorCorrections, errors: list[str]) -> None:
    """Merge the actors an editor says are one, each named by its page id, a name or an alias; a problem for a name
    that is no actor's, or more than one's."""

    def named(name: str, where: str) -> _Actor | None:
        wanted = _key(name)
        found = [
            actor
            for actor in actors
            if actor.id == name or any(wanted in {_key(n) for n in [m.display, m.party.name, *m.party.aliases]} for m in actor.members)
        ]
        if len(found) > 1:
            errors.append(f"{where}: {name!r} names {len(found)} actors (pages {', '.join(sorted(a.id for a in found))}); name one by its page")
        elif not found:
            errors.append(f"{where}: no actor named {name!r}")
        return found[0] if len(found) == 1 else None

    for into, names in corrections.merge.items():
        target = named(into, f"actors: merge: {into}")
        for name in names:
            source = named(name, f"actors: merge: {into}")
            if target is None or source is None or source is target:
                continue
            target.members += source.members
            target.edited = True
            target.named_by_editor = target.name
            actors.remove(source)


def _describe(actors: list[_Actor]) -> None:
    """Each actor's name, kind and id: the fullest name most articles use, the kind most of them give it."""
    for actor in actors:
        articles: dict[str, set[int]] = defaultdict(set)
        plain = set()
        for member in actor.members:
            articles[member.display].add(member.sheet)
            # Written as the name itself, without a nickname, initials or "Jr.": "Ana Ruiz" rather than "Ana M. Ruiz".
            if not member.person or _key(member.display) == member.key:
                plain.add(member.display)
        actor.name = actor.named_by_editor or max(
            articles, key=lambda name: (len(name.split()) > 1, len(articles[name]), name in plain, len(name.split()), len(name), _reverse(name))
        )
        kinds = Counter(PartyKind.person if m.person else m.party.kind for m in actor.members if m.display == actor.name)
        actor.kind = max(kinds, key=lambda kind: (kinds[kind], kind is PartyKind.person))
    taken: set[str] = set()
    # Ids in a stable order: an actor an editor split off takes a suffix, never the one it was split from.
    for actor in sorted(actors, key=lambda a: (slugify(a.name, fallback="party"), _split_off(a), min((m.sheet, m.party.id) for m in a.members))):
        actor.id = unique(slugify(actor.name, fallback="party"), taken)


def _split_off(actor: _Actor) -> bool:
    return any(m.pinned is not None for m in actor.members)


def _reverse(name: str) -> tuple[int, ...]:
    """Sorts names in reverse alphabetical order, so that `max` picks the first of equal names."""
    return tuple(-ord(c) for c in name)


def _drop_non_actors(actors: list[_Actor], sheets: list[FactSheet]) -> None:
    """Mark the actors whose name, once resolved, is still no actor's: a day or month (a name such as "May" is a
    surname where the site has the full name), two actors named together, a word its articles write in lower case."""
    names = {_key(actor.name) for actor in actors}
    for actor in actors:
        key = _key(actor.name)
        parts = re.split(r" (?:and|&) ", actor.name)
        if key in _DAYS_AND_MONTHS:
            actor.dropped = True
        elif len(parts) == 2 and all(_key(part) in names for part in parts):
            actor.dropped = True
        elif (
            len(key.split()) == 1
            and actor.kind is not PartyKind.person
            and not actor.name.isupper()
            and all(re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", sheets[m.sheet].text) for m in actor.members)
        ):
            actor.dropped = True


# --- the sheets, rewritten -----------------------------------------------------------------------------


def _rewrite(sheet: FactSheet, number: int, by_party: dict[tuple[int, str], _Actor | None]) -> FactSheet:
    """The sheet with its parties as the actors they are; the sheet itself where that changes nothing."""
    ids: dict[str, str | None] = {}
    groups: dict[tuple[bool, str], list[Party]] = {}
    actors: dict[tuple[bool, str], _Actor] = {}
    for party in sheet.parties:
        if (number, party.id) not in by_party:
            # Named by a common noun: a party of its article only, as it is.
            ids[party.id] = party.id
            groups.setdefault((False, party.id), []).append(party)
            continue
        actor = by_party[(number, party.id)]
        if actor is None or actor.dropped:
            ids[party.id] = None
            continue
        ids[party.id] = actor.id
        groups.setdefault((True, actor.id), []).append(party)
        actors[(True, actor.id)] = actor
    new_parties = [_as_actor(same, actors[key]) if key in actors else same[0] for key, same in groups.items()]
    if all(old is new for old, new in zip(sheet.parties, new_parties)) and len(new_parties) == len(sheet.parties):
        return sheet
    return _with_party_ids(sheet.model_copy(update={"parties": new_parties}), ids)


def _as_actor(parties: list[Party], actor: _Actor) -> Party:
    """The parties of one article that are one actor, as one party named and identified as the actor; the party itself
    where it is already that."""
    first = parties[0]
    if len(parties) == 1 and (first.id, first.name, first.kind) == (actor.id, actor.name, actor.kind) and not actor.edited:
        return first
    names = [n for p in parties for n in (p.name, *p.aliases)]
    mentions = {(m.start, m.end): m for p in parties for m in p.mentions}
    return first.model_copy(
        update={
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "aliases": [n for n in dict.fromkeys(names) if n != actor.name],
            "title": next((p.title for p in parties if p.title), None),
            "affiliation": next((p.affiliation for p in parties if p.affiliation), None),
            "mentions": [mentions[at] for at in sorted(mentions)],
            "edited": actor.edited or any(p.edited for p in parties),
        }
    )


def _with_party_ids(sheet: FactSheet, ids: dict[str, str | None]) -> FactSheet:
    """The sheet's facts naming each party by its new id (None: by no one; commentary of no expert is left out)."""

    def new(party_id: str | None) -> str | None:
        return ids.get(party_id, party_id) if party_id else None

    agreements = [
        agreement.model_copy(
            update={
                "parties": list(dict.fromkeys(p for p in map(new, agreement.parties) if p)),
                "status_by": new(agreement.status_by),
                "accounts": [a.model_copy(update={"by": new(a.by)}) for a in agreement.accounts if new(a.by)],
            }
        )
        for agreement in sheet.agreements
    ]
    conditions = [c.model_copy(update={"by": new(c.by), "of": new(c.of)}) for c in sheet.conditions]
    quotes = [q.model_copy(update={"speaker": new(q.speaker)}) for q in sheet.quotes]
    commentary = [c.model_copy(update={"expert": new(c.expert)}) for c in sheet.commentary if new(c.expert)]
    return sheet.model_copy(update={"agreements": agreements, "conditions": conditions, "quotes": quotes, "commentary": commentary})
