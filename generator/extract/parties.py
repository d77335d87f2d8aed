"""Parties: the actors of the story, one per real-world actor, with every mention as a span.

Reading order: collect mentions (named entities, places from the general country table, proper-noun
subjects the model left unlabelled, state institutions), give each a merge key (a country for its capital
or seat of government, a full name for its surname, an organisation for its acronym), find the mentions
the model missed by searching for the names again, and keep only the actors: parties that act, speak,
agree, demand or are acted upon somewhere outside quotation marks. Then title phrases ("the U.S.
president") and role nouns ("the company") are resolved to the party they stand for.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from generator.extract import lexicon, resolve
from generator.extract.furniture import furniture
from generator.extract.isolation import isolated
from generator.extract.quotemarks import is_speech, quotations
from generator.model import Party, PartyKind, Span, UnreadPart
from generator.slugs import slugify, unique

_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# Nouns that make their possessor or modifier an actor: "Russia's decision", "the White House read-out".
_ACT_NOUNS = frozenset(
    "decision statement announcement demand offer proposal plan bid move refusal call version read-out "
    "readout comment response position complaint request warning threat deal agreement order settlement accord pact "
    "mediation".split()
)
# "the state of X", "the government of X": X in the place of the noun.
_POLITY_NOUNS = frozenset({"state", "government", "republic", "kingdom", "people", "city", "province", "administration"})
# Prepositions whose object takes part in what its verb or noun describes: "sold to X", "talks with X".
_PARTNER_PREPS = frozenset({"with", "against", "to", "from", "between"})
_TALK_NOUNS = frozenset({"talk", "negotiation", "dispute", "relation", "meeting", "summit"})
# Facilities and places are never actors, whatever the model labels them.
_THING_HEADS = frozenset(
    "airport station stadium bridge street road square museum hotel field desert river sea ocean mountain "
    "valley island exchange market".split()
)
# Events happen; they do not act ("the Games were postponed").
_EVENT_HEADS = frozenset("games olympics paralympics championship championships cup tournament festival expo fair".split())
# Days are when things happen ("Flag Day", "Super Tuesday"); a person may be named Day.
_DAY_HEADS = frozenset("day monday tuesday wednesday thursday friday saturday sunday".split())
# Bills, laws, treaties and programmes are what parties agree on, not parties ("the Clean Water Act",
# "the Free Trade Agreement", "the Farm Aid Plan").
_LAW_HEADS = frozenset("act bill law plan agreement treaty accord amendment program programme protocol convention".split())
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# An amount the small model labels a name: "693p", "40bn", "12.5m" (not "3M": a unit is written in lower case).
_AMOUNT = re.compile(r"^\d[\d.,]*(?:p|c|k|m|bn|pc)?$")
# What is made, sold or prescribed: a name introduced by one of these is a product ("the drug X", "a powerful
# painkiller, X", "the maker of X").
_PRODUCT_NOUNS = frozenset(
    "drug medicine medication painkiller opioid vaccine pill treatment product brand device phone smartphone car "
    "vehicle model truck aircraft plane jet airliner ship vessel app software game film movie show book album".split()
)
_MAKER_NOUNS = frozenset("maker manufacturer producer developer inventor seller distributor".split())
# Outlets report the news; they are not in it.
_OUTLET_NOUNS = frozenset("agency newspaper paper daily magazine broadcaster channel website tabloid wire".split())
_NEWS_WORDS = frozenset({"news", "press", "wire"})
# Outlet nouns that also name public bodies ("the Customs agency"): an outlet only with a news word.
_PUBLIC_OUTLET_NOUNS = frozenset({"agency", "paper", "channel"})
# Words that make a name an outlet's wherever they stand in it ("Acme News Service", "the Lark Broadcasting Network").
_OUTLET_NAME_WORDS = frozenset({"news", "broadcasting"})


def _outlet_name(name: str) -> bool:
    """A news outlet's name: one ending in an outlet word ("Journal", "Times") or holding "News" or "Broadcasting";
    not a company so named ("Lark News Corp")."""
    words = _clean(name).lower().split()
    if not words or _CORPORATE_SUFFIXES.search(_clean(name)):
        return False
    return words[-1] in lexicon.outlet_words() or bool(_OUTLET_NAME_WORDS & set(words))
_CORPORATE_SUFFIXES = re.compile(r"[,\s]+(?:inc|ltd|plc|corp|corporation|co|llc|ag|sa|nv|group)\.?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    tokens: SpacySpan
    kind: PartyKind
    key: str = ""
    # A place the country table does not know, labelled one by the model: a region, province, state or city.
    region: bool = False


@dataclass
class _Actor:
    key: str
    kind: PartyKind
    mentions: list[_Mention] = field(default_factory=list)
    name: str = ""
    title: str | None = None
    affiliation: str | None = None
    nation: str | None = None
    role: str | None = None  # the common noun the text gives it ("firm" for "UK firm X")


@dataclass
class PartyIndex:
    """The parties of one article and where each is mentioned, for the other extractors to resolve spans to ids."""

    parties: list[Party] = field(default_factory=list)
    # Quoted words: a pronoun or "the company" outside them never refers back into them.
    quoted: list[tuple[int, int]] = field(default_factory=list)
    # Rules of find_parties that failed on this text: the parties lack what those rules would have added.
    unread: list[UnreadPart] = field(default_factory=list)
    _quote_starts: list[int] = field(init=False, repr=False, compare=False)
    _sorted_for: int = field(default=-1, init=False, repr=False, compare=False)
    _sorted_mentions: tuple = field(default=((), ()), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.quoted = sorted(self.quoted)
        self._quote_starts = [start for start, _ in self.quoted]

    def at(self, start: int, end: int) -> str | None:
        """Id of the party with a mention overlapping [start, end), the earliest-starting one."""
        hits = [(m.start, p.id) for p in self.parties for m in p.mentions if m.start < end and start < m.end]
        return min(hits)[1] if hits else None

    def within(self, start: int, end: int) -> list[str]:
        """Ids of the parties mentioned inside [start, end), in order of first mention, without repeats."""
        hits = sorted((m.start, p.id) for p in self.parties for m in p.mentions if start <= m.start and m.end <= end)
        return list(dict.fromkeys(pid for _, pid in hits))

    def get(self, party_id: str | None) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def in_quote(self, position: int) -> bool:
        """Whether `position` lies inside quoted words (`quoted` is sorted and non-overlapping)."""
        n = bisect.bisect_right(self._quote_starts, position) - 1
        return n >= 0 and position < self.quoted[n][1]

    def before(self, position: int, kinds: set[PartyKind] | None = None) -> str | None:
        """Id of the party mentioned last before `position` outside quotation marks (of one of `kinds`, when given)."""
        ends, mentions = self._unquoted_mentions()
        for n in range(bisect.bisect_right(ends, position) - 1, -1, -1):
            party = mentions[n][1]
            if kinds is None or party.kind in kinds:
                return party.id
        return None

    def _unquoted_mentions(self) -> tuple[list[int], list[tuple[int, Party]]]:
        """Mentions outside quotation marks sorted by end, rebuilt only when mentions were added:
        every quotation and pronoun asks for the party before it, and a scan each time is quadratic."""
        count = sum(len(p.mentions) for p in self.parties)
        if self._sorted_for != count:
            mentions = sorted(
                ((m.end, p) for p in self.parties for m in p.mentions if not self.in_quote(m.start)),
                key=lambda hit: hit[0],
            )
            self._sorted_mentions = ([end for end, _ in mentions], mentions)
            self._sorted_for = count
        return self._sorted_mentions

    def refer(self, token: Token) -> str | None:
        """The party a token stands for: a mention, a pronoun, or a role noun ("the company"); see resolve.refer."""
        return resolve.refer(self, token)

    def add_group(self, member_ids: list[str], mention: Span | None = None, alias: str | None = None) -> str:
        """The group party of several parties speaking or acting together ("X and Y ... the companies said"),
        created on first use."""
        members = [p for pid in member_ids if (p := self.get(pid))]
        name = " and ".join(p.name for p in members)
        group = next((p for p in self.parties if p.name == name and p.kind is PartyKind.group), None)
        if group is None:
            group = Party(id=unique(slugify(name), {p.id for p in self.parties}), name=name, kind=PartyKind.group)
            self.parties.append(group)
        if alias and alias not in group.aliases:
            group.aliases = [*group.aliases, alias]
        if mention is not None and mention not in group.mentions:
            group.mentions = [*group.mentions, mention]
        return group.id


# --- collecting mentions -------------------------------------------------------------------------


def _strip(span: SpacySpan) -> SpacySpan:
    """Drop a leading "the", honorifics, stray punctuation ("”― Jane Doe") and a trailing possessive from a mention."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].lower_ in lexicon.honorifics() or (doc[start].is_punct or doc[start].is_space) and start + 1 < end):
        start += 1
    # The possessive of a name ending in "s" ("Wells’ share"), which the small model may tag a closing quote.
    while end > start and (doc[end - 1].tag_ == "POS" or end - 1 > start and doc[end - 1].text in {"'", "\u2019"}):
        end -= 1
    return doc[start:end]


# Words that count a crowd, capitalised where they open a sentence.
_QUANTIFIERS = frozenset("many several some most few all both other numerous various".split())


def _extend_name(ent: SpacySpan) -> SpacySpan:
    """Take in the capitalised words of a name that the small model left out ("the Green Democrats" labelled
    "Democrats"), stopping at titles, role nouns, nationalities and places ("US oil giant X")."""
    doc, start = ent.doc, ent.start
    while start > 0:
        prev = doc[start - 1]
        word = prev.lower_
        if not (
            prev.text[:1].isupper()
            and prev.pos_ in {"PROPN", "ADJ"}
            and prev.dep_ in {"compound", "amod"}
            and ent.start <= prev.head.i < ent.end
            and not prev.ent_type_
            and word not in lexicon.titles() | lexicon.honorifics() | lexicon.organization_nouns() | lexicon.expert_roles()
            and not (ent.label_ == "PERSON" and word in lexicon.party_members())  # "Libertarian Jane Roe"
            and word not in _QUANTIFIERS  # "Many Freedonians said": some of the Freedonians, the same party
            and not lexicon.place(prev.text)
            and not lexicon.country_of_demonym(prev.text)
            and not _common_word_opening_a_sentence(doc[prev.i : prev.i + 1])  # "Rival Jane Roe's campaign said"
        ):
            break
        start -= 1
    return doc[start : ent.end]


def _clean(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip()).strip()


def _bare(name: str) -> str:
    """A name compared without case, possessive or leading "the"."""
    return re.sub(r"^the\s+", "", _clean(name).lower())


def _place_mentions(doc: Doc, taken: set[int]) -> list[tuple[SpacySpan, lexicon.Country]]:
    """Country names, capitals and seats of government that the model did not label (or mislabelled)."""
    found = []
    i = 0
    while i < len(doc):
        hit = None
        for size in (4, 3, 2, 1) if doc[i].text[:1].isupper() else ():
            span = doc[i : i + size]
            if len(span) == size and span[-1].text[:1].isupper() and (entry := lexicon.place(span.text)):
                hit = (span, entry[0])
                break
        if hit and not any(t.i in taken for t in hit[0]):
            found.append(hit)
            i = hit[0].end
        else:
            i += 1
    return found


def _subject_chunk(token: Token) -> SpacySpan:
    """The run of proper nouns ending at `token` ("Ironbridge Minerals")."""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound":
        start -= 1
    return token.doc[start : token.i + 1]


def _collect(doc: Doc) -> list[_Mention]:
    mentions: list[_Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _LABELS or any(t.i in taken for t in ent) or len(ent) == 1 and ent[0].lower_ in lexicon.group_nouns():
            continue  # "Lawmakers rejected ...": a crowd, taken below, however the small model labels it
        if ent.label_ == "PERSON":
            name = _without_titles(_owner_only(_complete_hyphenated_name(_complete_particle_name(ent))))
            ent = SpacySpan(doc, name.start, name.end, label="PERSON")
        span = _strip(_extend_name(ent) if ent.label_ in {"ORG", "NORP", "PERSON"} else ent)
        if not span.text.strip() or "-" in span.text and all(lexicon.place(p) for p in span.text.split("-")):
            continue  # "U.S.-Russia": a relationship, not an actor
        if _AMOUNT.match(span.text):
            continue
        while len(span) > 1 and span[0].is_sent_start and span[0].pos_ == "NOUN" and span[0].tag_ == "NNS":
            span = span.doc[span.start + 1 : span.end]  # "Rivals British Airways": a common noun opening the sentence
        # The model often runs a product into its maker ("Skyward A90s"): keep the maker.
        while len(span) > 1 and any(c.isdigit() for c in span[-1].text):
            span = span.doc[span.start : span.end - 1]
        entry = lexicon.place(span.text)
        if span.root.dep_ == "compound" and span.root.head.lower_ == "family" and span.root.head.i == span.end:
            family = doc[span.start : span.end + 1]  # "the Roe family": a family acts as one
            mentions.append(_Mention(family.start_char, family.end_char, family.text, family, PartyKind.group, key=f"family:{span.text}"))
        elif entry:
            kind = PartyKind.country if entry[0].is_state else PartyKind.organization
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, kind, key=f"place:{entry[0].name}"))
        elif lexicon.federated_state(span.text) and ent.label_ in {"GPE", "LOC", "ORG"}:
            # A state of a federation is a region whatever the small model labels it ("Montana" as ORG).
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, PartyKind.country, key=f"region:{span.text}", region=True))
        elif (ministry := _ministry_of_state(span)) is not None:
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, PartyKind.country, key=f"place:{ministry.name}"))
        elif ent.label_ == "NORP" or lexicon.country_of_demonym(span.text) and ent.label_ == "ORG":
            if span.start > 0 and doc[span.start - 1].text in _CHAMBER_WORDS and not lexicon.country_of_demonym(span.text):
                span = doc[span.start - 1 : span.end]  # "House Democrats": the party's members in one chamber
            mention = _nation_as_noun(span) or _group_mention(span) or _demonym_actor(span)
            if mention is None:
                continue  # an adjective, free to open a name the model left unlabelled ("Hellenic Telenet")
            mentions.append(mention)
        elif ent.label_ in {"GPE", "LOC"}:
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, PartyKind.country, region=True))
        else:
            kind = PartyKind.person if ent.label_ == "PERSON" else PartyKind.organization
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, kind))
        taken.update(t.i for t in ent)
    for span, country in _place_mentions(doc, taken):
        kind = PartyKind.country if country.is_state else PartyKind.organization
        mentions.append(_Mention(span.start_char, span.end_char, span.text, span, kind, key=f"place:{country.name}"))
        taken.update(t.i for t in span)
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN":
            pass
        elif (named := _unlabelled_name(token)) is not None:
            span, kind = named
            if not any(t.i in taken for t in span):
                mentions.append(_Mention(span.start_char, span.end_char, span.text, span, kind))
                taken.update(t.i for t in span)
                continue
        # A proper-noun subject of a verb is an actor even when the small model gives it no entity label.
        name_of = token.dep_ in {"nsubj", "nsubjpass"} and token.lemma_.lower() in lexicon.organization_nouns() and token.pos_ == "NOUN"
        if name_of and token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].dep_ == "compound" and token.i - 1 not in taken:
            span = _subject_chunk(doc[token.i - 1])  # "the Unite union said": the name before the role noun
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, PartyKind.organization))
            taken.update(t.i for t in span)
        elif token.dep_ in {"nsubj", "nsubjpass"} and token.pos_ == "PROPN" and token.i not in taken and token.text[:1].isupper() and (
            token.lower_ not in lexicon.group_nouns()
        ):
            span = _complete_hyphenated_name(_subject_chunk(token))
            while len(span) > 1 and span[0].lower_ in lexicon.organization_nouns():
                span = doc[span.start + 1 : span.end]  # "Miner Ironbridge Minerals": the role noun opens the sentence
            if any(t.i in taken for t in span):
                continue
            if len(span) == 1 and span[0].is_sent_start and not _written_inside_a_sentence(doc, span.text):
                continue  # "Soybeans rose", "Infrastructure is ...": a common noun capitalised by its place
            if span.text.lower() in lexicon.titles() or span.start > 0 and (doc[span.start - 1].tag_ == "POS" or doc[span.start - 1].lower_ == "of"):
                # "The Secretary of State had ...": an office, not a name; "Prof. X of Queen's University Y said":
                # the small model makes the end of the employer's name the subject.
                continue
            named = _without_titles(_strip(span))  # "Ms Ruiz", "Mayor Ruiz": an honorific or a title makes the name a person's
            if not named:
                continue  # "the Lord said": an honorific alone names nobody
            person = len(named) < len(span) or _appositive_noun(token) in _person_nouns()
            kind = PartyKind.person if person else PartyKind.organization
            mentions.append(_Mention(named.start_char, named.end_char, named.text, named, kind))
            taken.update(t.i for t in span)
        # "Peru's parliament", "the army": state institutions act in their own right.
        elif token.lower_ in lexicon.state_nouns() and token.pos_ == "NOUN" and (mention := _state_mention(token)):
            mentions.append(mention)
            taken.update(t.i for t in mention.tokens)
        elif token.lemma_.lower() in lexicon.government_bodies() and token.pos_ == "NOUN" and token.i not in taken:
            mention = _institution_mention(token)
            if mention:
                mentions.append(mention)
        elif token.lemma_.lower() in _GOVERNING_NOUNS and token.tag_ == "NN" and token.i not in taken and (mention := _governing_body(token)):
            mentions.append(mention)
            taken.update(t.i for t in mention.tokens)
        elif (token.tag_ in {"NNS", "NNPS"} or token.lower_ in lexicon.group_nouns()) and token.i not in taken and (mention := _crowd_mention(token)):
            mentions.append(mention)
    # An office written alone ("the Prime Minister said") is no name: a title phrase, resolved later. Nor is a
    # span of blanks the small model may label (issue 14: it stopped extraction).
    mentions = [m for m in mentions if m.key or not _common_word_opening_a_sentence(m.tokens)]
    for m in mentions:
        if not m.key and lexicon.federated_state(m.text):
            m.key, m.kind, m.region = f"region:{m.text}", PartyKind.country, True  # "Montana was holding its primary"
    return [m for m in mentions if m.text.strip() and _clean(m.text).lower() not in lexicon.titles()]


def _common_word_opening_a_sentence(span: SpacySpan) -> bool:
    """ "Pigs are considered unclean", "Plenty of people ...", "Aides said": a common noun the small model labels
    as a name because a sentence opens with it. A name is written capitalised inside sentences too, and is no
    common noun written in lower case elsewhere."""
    if len(span) != 1 or not span[0].is_sent_start or _written_inside_a_sentence(span.doc, span.text, alone=True):
        return False
    word = span[0]
    return word.tag_ == "NNS" or re.search(rf"(?<![\w-]){re.escape(word.lower_)}(?![\w-])", span.doc.text) is not None


def _crowd_mention(noun: Token) -> _Mention | None:
    """A group of no name that acts together: "the rebels", "state attorneys general", "many lawmakers". One whose
    words name who they belong to ("Acme workers", "Afghan negotiators") is left to that party."""
    doc = noun.doc
    end = noun.i + 1
    if end < len(doc) and f"{noun.lower_} {doc[end].lower_}" in lexicon.group_nouns():
        end += 1  # "attorneys general"
    elif noun.lower_ not in lexicon.group_nouns():
        return None
    start = noun.i
    while start > 0 and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ in {"amod", "compound", "nummod", "det"} and not doc[start - 1].is_space:
        start -= 1
    modifiers = doc[start : noun.i]
    if any(t.ent_type_ in {"ORG", "PERSON", "GPE"} and t.pos_ == "PROPN" for t in modifiers):
        return None
    if len(modifiers) and modifiers[0].lower_ == "the":
        start += 1
    span = doc[start:end]
    return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.group, key=f"crowd:{' '.join(t.lower_ for t in doc[noun.i:end])}")


# Lower-case particles inside surnames: "Ursula von der Leyen", "Pedro da Silva".
_NAME_PARTICLES = frozenset("von van der den de da di du del della la le bin ibn al el dos das ter".split())


def _complete_particle_name(ent: SpacySpan) -> SpacySpan:
    """The small model often ends a name at its particles ("Ursula von der" + "Leyen" as a place): take the
    capitalised word that follows them."""
    doc, end = ent.doc, ent.end
    if ent[-1].lower_ in _NAME_PARTICLES and end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
        return doc[ent.start : end + 1]
    return ent


def _written_inside_a_sentence(doc: Doc, word: str, alone: bool = False) -> bool:
    """Whether `word` is written capitalised somewhere other than at the start of a sentence or a quotation; `alone`:
    outside a longer name, where a common noun is capitalised too ("the Office of Veterans Services")."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", doc.text):
        token = doc.char_span(match.start(), match.end())
        if token is None or token[0].is_sent_start or doc[token.start - 1].is_quote or doc[token.start - 1].text == ":":
            continue
        neighbours = [doc[token.start - 1], *doc[token.end : token.end + 1]]
        if not alone or not any(t.text[:1].isupper() and t.pos_ == "PROPN" or t.lower_ == "of" for t in neighbours):
            return True
    return False


def _complete_hyphenated_name(ent: SpacySpan) -> SpacySpan:
    """A double-barrelled surname or a name with a joined particle is one word: the small model may label only its
    second half ("Holtz-" left out of "Jane Holtz-Vance", "al-" of "al-Shabaab")."""
    doc, start = ent.doc, ent.start
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ and (
        doc[start - 2].text[:1].isupper() or doc[start - 2].lower_ in _NAME_PARTICLES
    ):
        start -= 2
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and start < ent.start and doc[start - 1].whitespace_:
        start -= 1  # the given name before the double-barrelled surname
    return doc[start : ent.end]


def _without_titles(ent: SpacySpan) -> SpacySpan:
    """ "Spokeswoman Jane Roe", "Senators Jane Roe", "Rep. Jane Roe" labelled as one name: the title is no part of it."""
    start = ent.start
    while ent.end - start > 1 and (ent.doc[start].lower_ in _person_nouns() | lexicon.honorifics() or ent.doc[start].lower_.rstrip("s") in _person_nouns()):
        start += 1
    return ent.doc[start : ent.end]


def _owner_only(ent: SpacySpan) -> SpacySpan:
    """ "Jane Roe's movement" labelled as one name: the person is the owner, before the possessive."""
    owner_end = next((t.i for t in ent[:-1] if t.tag_ == "POS"), None)
    return ent.doc[ent.start : owner_end] if owner_end is not None and owner_end > ent.start else ent


def _demonym_actor(span: SpacySpan) -> _Mention | None:
    """A nationality on a noun of acting ("a Chinese demand", "the French proposal") or on a government body
    ("the Emirati foreign ministry", where the small model may label the nationality ORG): the state acting."""
    root = span.root
    country = lexicon.country_of_demonym(span.text)
    head = root.head.lemma_.lower()
    acting = root.dep_ == "amod" and head in _ACT_NOUNS or root.dep_ in {"amod", "nmod", "compound"} and head in lexicon.government_bodies()
    # "the Serbian Montenegrin government": the nationality nearest the noun is the state's.
    between = span.doc[span.end : root.head.i]
    if not acting or country is None or not country.is_state or any(lexicon.country_of_demonym(t.text) for t in between):
        return None
    return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.country, key=f"place:{country.name}")


def _person_nouns() -> frozenset[str]:
    """Nouns that can only describe a person: an office or an expert's role."""
    return lexicon.titles() | lexicon.expert_roles()


def _appositive_noun(token: Token) -> str | None:
    """The noun in apposition to a name ("X, an analyst at Y" -> "analyst"), lower case."""
    noun = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if noun is None:
        return None
    words = [t.lower_ for t in noun.lefts if t.dep_ in {"compound", "amod"}] + [noun.lower_]
    return next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in _person_nouns()), noun.lemma_.lower())


def _name_run(token: Token) -> SpacySpan:
    """The proper nouns written together from `token` on ("Hellenic Telenet")."""
    doc, end = token.doc, token.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end:
        end += 1
    start = token.i
    while start > 0 and doc[start - 1].pos_ in {"PROPN", "ADJ"} and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start:end]


def _unlabelled_name(token: Token) -> tuple[SpacySpan, PartyKind] | None:
    """Names the small model leaves without an entity label where the words around them say what they are:
    after a role noun ("state energy firm Acme will supply"), in apposition to one ("Acme, the retail lobby
    group, called on"), or as what is bought ("a 25% stake in Acme", "the takeover of Acme")."""
    doc = token.doc
    if token.dep_ == "compound":
        return None  # the run is taken whole from its last word
    span = _name_run(token)
    if not all(t.text[:1].isupper() for t in span):
        return None  # "3.3m tonnes": a unit the tagger calls a proper noun
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.pos_ == "NOUN" and prev.lemma_.lower() in lexicon.organization_nouns() and prev.dep_ == "compound":
        return span, PartyKind.organization
    noun = _appositive_noun(token)
    if noun in _person_nouns():
        return span, PartyKind.person
    if noun in lexicon.organization_nouns():
        return span, PartyKind.organization
    if token.dep_ == "pobj" and _bought(token.head):
        return span, PartyKind.organization
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _BUY_VERBS:
        return span, PartyKind.organization
    return None


# What changes hands in a deal: its object is a party to it ("a stake in X", "the takeover of X", "a bid for X").
_HOLDING_NOUNS = frozenset("stake holding share shareholding interest".split())
_TAKEOVER_NOUNS = frozenset("takeover acquisition purchase buyout bid offer merger control sale".split())
_BUY_VERBS = frozenset("buy acquire purchase take bid".split())


def _bought(prep: Token) -> bool:
    """Whether the object of `prep` is what a deal is about: "a stake in X", "the takeover of X", "a bid for X"."""
    noun = prep.head.lemma_.lower()
    return (
        prep.lower_ == "in" and noun in _HOLDING_NOUNS
        or prep.lower_ in {"of", "for"} and noun in _TAKEOVER_NOUNS
    )


def _ministry_of_state(span: SpacySpan) -> lexicon.Country | None:
    """ "China's Foreign Ministry", "the Chinese Foreign Ministry": a ministry speaks for its state's government."""
    if span.root.lower_ != "ministry":
        return None
    doc = span.doc
    owner = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].tag_ == "POS" else None
    entry = lexicon.place(owner.text) if owner is not None else None
    country = entry[0] if entry else lexicon.country_of_demonym(span[0].text) if span[0].text[:1].isupper() else None
    return country if country is not None and country.is_state else None


def _nation_as_noun(span: SpacySpan) -> _Mention | None:
    """ "The Chinese announced ...", "talks with the French", "the Russians have used ...": a nationality used as a
    noun after "the" is its state (plural ones without "the" are people: "Russians voted")."""
    doc = span.doc
    country = lexicon.country_of_demonym(span.text)
    after_the = span.start > 0 and doc[span.start - 1].lower_ == "the"
    as_noun = span.root.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}
    if country is None or not country.is_state or not after_the or not as_noun:
        return None
    return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.country, key=f"place:{country.name}")


def _group_mention(span: SpacySpan) -> _Mention | None:
    """A nationality or religion used as a noun ("the Kurds", "Maasai herders"), not an adjective ("Danish firms")."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.tag_ == "NNS":
        whole = span.doc[span.start : root.head.i + 1]
        return _Mention(whole.start_char, whole.end_char, whole.text, whole, PartyKind.group)
    if root.tag_ in {"NNPS", "NNS"} or (root.pos_ in {"PROPN", "NOUN"} and root.text.endswith("s")):
        return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.group)
    return None


def _state_mention(token: Token) -> _Mention | None:
    """ "Russian forces", "the German government", "Egyptian officials": the state acting."""
    doc = token.doc
    demonym = next((c for c in token.children if c.dep_ in {"amod", "compound"} and c.i == token.i - 1), None)
    if demonym is None:
        return None
    entry = lexicon.place(demonym.text)
    country = entry[0] if entry else lexicon.country_of_demonym(demonym.text)
    if country is None or not country.is_state:
        return None
    span = doc[demonym.i : token.i + 1]
    return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.country, key=f"place:{country.name}")


# The bodies that govern an organisation or a movement and act in its name.
_GOVERNING_NOUNS = frozenset("council board committee leadership politburo".split())


def _governing_body(token: Token) -> _Mention | None:
    """ "The Front's ruling council agreed ...": an organisation's governing body is an actor of its own."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ in {"ORG", "NORP"} and c.pos_ == "PROPN"), None)
    if owner is None or lexicon.place(owner.text):
        return None
    span = _strip(token.doc[owner.left_edge.i : token.i + 1])
    owner_name = token.doc[span.start : owner.i + 1].text
    return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.organization, key=f"body:{owner_name}:{token.lemma_.lower()}")


def _institution_mention(token: Token) -> _Mention | None:
    if token.tag_ == "NNS":
        return None  # "wary that the courts could order more": courts in general
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    doc = token.doc
    if owner is not None and lexicon.place(_clean(owner.text)):
        country = lexicon.place(_clean(owner.text))[0]
        span = doc[owner.i : token.i + 1]
        return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.organization, key=f"body:{country.name}:{token.lemma_.lower()}")
    after_the = token.i > 0 and doc[token.i - 1].lower_ == "the"
    unmodified = not any(c.i < token.i for c in token.children)
    if after_the or (token.dep_ in {"nsubj", "nsubjpass", "pobj"} and unmodified):
        span = doc[token.i - 1 if after_the else token.i : token.i + 1]
        return _Mention(span.start_char, span.end_char, span.text, span, PartyKind.organization, key=f"body::{token.lemma_.lower()}")
    return None


# --- merging -------------------------------------------------------------------------------------


# "the Party of Ruritania": the organisation of a place, written also "Ruritania's Party", "the Ruritania Party".
_OF_A_PLACE = re.compile(r"^(?P<body>.+?) of (?:the )?(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)$")


# "the Department of Fisheries", also written "the Fisheries Department", "Fisheries" alone or "DoF".
_DEPARTMENT_OF = re.compile(r"^(?P<noun>Department|Ministry|Office|Bureau) of (?:the )?(?P<what>[A-Z].*)$")


def _org_key(name: str) -> str:
    name = _CORPORATE_SUFFIXES.sub("", _clean(name))
    name = re.sub(r"(?:'s|\u2019s)\s", " ", name)
    if (of := _OF_A_PLACE.match(name)) and (lexicon.place(of.group("place")) or lexicon.federated_state(of.group("place"))):
        name = f"{of.group('place')} {of.group('body')}"
    elif department := _DEPARTMENT_OF.match(name):
        name = f"{department.group('what')} {department.group('noun')}"
    return re.sub(r"\s+", " ", name.lower().replace("\u2019", "'")).strip()


_OWNED_OFFICE = re.compile(r"^(?P<owner>.+?)(?:'s|\u2019s)\s+(?P<office>[A-Z].*)$")


def _initials(name: str, of: bool = False) -> str:
    """ "NMC" for "Northern Mining Corporation"; with `of`, "DOJ" for "Department of Justice"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in {"the", "and", "&", "for", *(() if of else ("of",))}]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _correct_kinds(mentions: list[_Mention]) -> None:
    """Fix the kinds the small model gets wrong, from the words around a name."""
    for m in mentions:
        if m.key:
            continue
        doc = m.tokens.doc
        prev = doc[m.tokens.start - 1] if m.tokens.start > 0 else None
        last = m.text.split()[-1].lower()
        if m.kind is PartyKind.person and (
            prev is not None and prev.lemma_.lower() in lexicon.organization_nouns() or last in lexicon.organization_name_words()
        ):
            m.kind = PartyKind.organization  # "miner Ironbridge Minerals", "Widget Works"
        elif (
            m.kind is not PartyKind.person
            and last not in lexicon.organization_name_words()
            and len(m.text.split()) > 1
            and _after_title(m.tokens)
        ):
            m.kind = PartyKind.person  # "Chancellor Maria Lindqvist", "Chief executive Jean-Luc Armand" labelled ORG
        elif m.kind is not PartyKind.person and m.tokens.root.dep_ == "appos" and m.tokens.root.head.lower_ in lexicon.titles():
            m.kind = PartyKind.person  # "the business secretary, Vince Cable" labelled ORG
        elif m.kind is not PartyKind.person and _appositive_noun(m.tokens.root) in _person_nouns():
            m.kind = PartyKind.person  # "Jane Doe, an energy analyst at Y," labelled ORG
    surnames = {m.text.split()[-1] for m in mentions if m.kind is PartyKind.person and len(m.text.split()) > 1}
    for m in mentions:
        if not m.key and m.text in surnames:
            m.kind = PartyKind.person  # "Lindqvist" labelled GPE after "Maria Lindqvist"
    # A place the country table does not know is a region or city only where the text uses it as a place;
    # otherwise the small model has labelled a company GPE ("talks with Alitalia").
    unknown_places = [m for m in mentions if m.kind is PartyKind.country and not m.key]
    located = {m.text for m in unknown_places if _used_as_place(m.tokens.root)}
    for m in unknown_places:
        if m.text not in located:
            m.kind = PartyKind.organization


_GENDERED_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})


def _followed_by_he_or_she(mention: _Mention) -> bool:
    """A name that speaks and that the text goes on to call "he" or "she", with no other person named in between: a
    person, as the interviewee of a profile named by surname only ("said X. ... She asked X ...")."""
    doc, root = mention.tokens.doc, mention.tokens.root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in lexicon.reporting_verbs():
        return False  # the name speaks, as people do
    end = mention.tokens.sent.end
    following = doc[mention.tokens.end : min(len(doc), doc[end].sent.end if end < len(doc) else end)]
    for token in following:
        if token.ent_type_ == "PERSON" and token.text != mention.text:
            return False
        if token.lower_ in _GENDERED_PRONOUNS and token.pos_ == "PRON":
            return True
    return False


def _after_honorific_or_title(mention: _Mention) -> bool:
    prev = mention.tokens.doc[mention.tokens.start - 1] if mention.tokens.start > 0 else None
    return prev is not None and (prev.lower_ in lexicon.honorifics() or prev.lower_ in lexicon.titles())


def _one_kind_per_name(mentions: list[_Mention]) -> None:
    """A name written the same way is one actor. The small model labels a person's name ORG out of context (a
    signature under a quotation: "... ,” Jane Roe, Families First", a bare "Roe said"), so a name shown as a
    person once (a title or honorific before it) is a person everywhere, and one labelled a person as often as an
    organisation is a person, and so is a given name and surname whose surname alone is shown as a person's
    ("Ada Roe ... Dr. Roe said"), and the last words of a person's longer name ("Ana Ruiz Vidal ... Ruiz Vidal")."""
    votes: dict[str, int] = {}
    shown = set()
    for m in mentions:
        words = m.text.split()
        if not m.key and m.kind is PartyKind.person:
            shown.update(" ".join(words[-size:]) for size in range(2, len(words)))
        if not m.key and m.kind in {PartyKind.person, PartyKind.organization}:
            votes[m.text] = votes.get(m.text, 0) + (1 if m.kind is PartyKind.person else -1)
            if m.kind is PartyKind.person and (_after_honorific_or_title(m) or _shown_as_person(m)):
                shown.add(m.text)
    for m in mentions:
        words = m.text.split()
        if not m.key and m.kind is PartyKind.organization and (
            m.text in shown or len(words) > 1 and votes[m.text] >= 0 or len(words) == 2 and words[0].istitle() and words[1] in shown
        ):
            m.kind = PartyKind.person


# A given name written with a lower-case syllable after a hyphen ("Min-ho", "Seo-yeon"): a person's name.
_HYPHENATED_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _shown_as_person(mention: _Mention) -> bool:
    """Whether the words around a name show a person: a title or role before it ("spokesman Wei Lan",
    "President Lee Min-ho"), a title it is in apposition to ("the country's president, Lee Min-ho"), or a given
    name of the hyphenated kind."""
    doc, span = mention.tokens.doc, mention.tokens
    prev = doc[span.start - 1] if span.start > 0 else None
    root = span.root
    return (
        _after_title(span)
        or prev is not None and prev.lower_ in _person_nouns()
        or root.dep_ == "appos" and root.head.lower_ in _person_nouns()
        or bool(_HYPHENATED_GIVEN_NAME.match(mention.text.split()[-1]))
    )


def _used_as_place(token: Token) -> bool:
    head = token.head
    if token.dep_ == "pobj" and _bought(head):
        return False  # "a stake in X": a company, not a place
    if token.dep_ == "pobj" and head.lower_ in {"in", "at", "from", "across", "throughout", "near", "to"}:
        return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _POLITY_NOUNS


def _after_title(span: SpacySpan) -> bool:
    """Whether a capitalised title ends just before `span` ("President X", "Chief executive X")."""
    doc = span.doc
    for size in (1, 2, 3):
        words = doc[max(0, span.start - size) : span.start]
        if len(words) == size and words[0].text[:1].isupper() and words.text.lower() in lexicon.titles() | lexicon.honorifics():
            return True
    return False


def _worded(mentions: list[_Mention], unread: list[UnreadPart]) -> list[_Mention]:
    """The mentions that hold a word. Merging reads the words of every mention: one without any, a rule's bug,
    is left out (and recorded) rather than failing the parties."""
    blank = [m for m in mentions if not m.text.split()]
    if blank:
        unread.append(UnreadPart(part="parties", error=f"names without words left out: {len(blank)}"))
    return [m for m in mentions if m.text.split()]


# Particles joined to a surname that news drops when it names the person again: "al-Haddad" ... "Haddad".
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ben|bin|ibn)-(?=[A-Z])")


# A generational suffix after a surname, which the name drops when it names the person again ("Ed Roe Jr." ... "Roe").
_GENERATION_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _GENERATION_SUFFIXES:
        words.pop()
    return _JOINED_PARTICLE.sub("", words[-1])


def _canonical_full_names(names: list[str]) -> dict[str, str]:
    """Each full name (in order of mention) to the first one written for the same person: the same given name and
    surname, and no middle name that tells them apart ("Ana M. Ruiz" is "Ana Ruiz"; "Tomas A. Berg" is
    not "Tomas K.L. Berg"); or the last words of a longer name, a surname of two words ("Ana Ruiz Vidal" ...
    "Ruiz Vidal")."""
    canonical: dict[str, str] = {}
    for name in names:
        words = name.split()
        same = next(
            (
                c for c in dict.fromkeys(canonical.values())
                if c.split()[0] == words[0] and _surname(c) == _surname(name)
                and (len(words) == 2 or len(c.split()) == 2 or c.split()[1:-1] == words[1:-1])
                or len(c.split()) > len(words) and c.split()[-len(words) :] == words
            ),
            None,
        )
        canonical[name] = same or canonical.get(name) or name
    return canonical


def _merge(mentions: list[_Mention], unread: list[UnreadPart]) -> list[_Actor]:
    with isolated("parties", unread):
        _correct_kinds(mentions)
    with isolated("parties", unread):
        _one_kind_per_name(mentions)
    # "Ivo J. Marsh ... Ivo Marsh": a name a person's full name shortens is that person's, however it is labelled.
    given_and_surname = {(m.text.split()[0], _surname(m.text)) for m in mentions if m.kind is PartyKind.person and not m.key and len(m.text.split()) > 2}
    for m in mentions:
        if not m.key and m.kind is PartyKind.organization and len(m.text.split()) == 2 and (m.text.split()[0], _surname(m.text)) in given_and_surname:
            m.kind = PartyKind.person
    persons = [m for m in mentions if m.kind is PartyKind.person and not m.key]
    # News refers to a person by surname, rarely by first name: a two-word "person" named again by its first word
    # alone is a company the small model labelled PERSON ("Vesta Mobil ... Vesta said"), unless the text shows a
    # person: a title or role before the name, a family name written first ("President Lee Min-ho ... Lee said"),
    # or the last word also used alone ("Jane Roe ... Roe said ... Jane said").
    lone_words = {m.text for m in persons if len(m.text.split()) == 1}
    by_first_word = {
        m.text.split()[0]: m.text
        for m in persons
        if len(m.text.split()) > 1 and (_shown_as_person(m) or m.text.split()[-1] in lone_words)
    }
    first_names = {m.text.split()[0] for m in persons if len(m.text.split()) > 1}
    short_forms = {
        m.text for m in persons if len(m.text.split()) == 1 and m.text in first_names - by_first_word.keys() and not _after_title(m.tokens)
    }
    for m in persons:
        if m.text.split()[0] in short_forms:
            m.kind = PartyKind.organization
    persons = [m for m in persons if m.kind is PartyKind.person]
    canonical = _canonical_full_names([m.text for m in persons if len(m.text.split()) > 1])
    # A surname alone is the person of that surname introduced first, the story's principal: "Ostby" is the
    # senator, not "his wife, Jane Ostby", named later; members of one family stay apart.
    full_names = {word: canonical[text] for word, text in by_first_word.items()}
    for text in canonical:
        full_names.setdefault(_surname(text), canonical[text])
    # The small model labels many one-word company names PERSON ("Corvel", "Zantrax"); news style introduces a
    # person by full name, so a lone word with no full name and never an honorific or title before it is an
    # organisation.
    titled = {m.text for m in persons if len(m.text.split()) == 1 and (_after_honorific_or_title(m) or _followed_by_he_or_she(m))}
    for m in persons:
        if len(m.text.split()) == 1 and m.text not in full_names and m.text not in titled:
            m.kind = PartyKind.organization
            continue
        m.key = "person:" + (canonical.get(m.text) or full_names.get(_surname(m.text), m.text))
    # "Rep. Jo Israel ... Israel said": a person's surname that is also a place's name, speaking, is the person.
    for m in mentions:
        person = full_names.get(m.text) if m.key.startswith("place:") and m.text in {_surname(n) for n in canonical} else None
        if person and m.tokens.root.dep_ == "nsubj" and m.tokens.root.head.lemma_.lower() in lexicon.reporting_verbs():
            m.key, m.kind = f"person:{person}", PartyKind.person
    orgs = [m for m in mentions if not m.key]
    names = {_org_key(m.text): m.text for m in orgs}
    by_initials = {initials: _org_key(m.text) for m in orgs for initials in (_initials(m.text, of=True), _initials(m.text)) if initials}
    # "the Federal Transit Agency's Audit Office reached a settlement ... the FTA ... the Audit Office learned": an
    # office named with its owner is one party, called by the owner's initials and by its own name.
    offices = {}
    for key, text in names.items():
        if owned := _OWNED_OFFICE.match(_clean(text)):
            offices[_org_key(owned.group("office"))] = key
            if _initials(owned.group("owner")):
                by_initials.setdefault(_initials(owned.group("owner")), key)
        elif (department := _DEPARTMENT_OF.match(_clean(text))) and len(department.group("what").split()) > 1:
            offices[_org_key(department.group("what"))] = key  # "Homeland Security" alone
    # A company is often named by one distinctive word of its full name after the first mention: "Acme" for
    # "Acme Mobil", "Peugeot" for "PSA Peugeot Citroen". A word two names share stands for neither.
    name_words: dict[str, set[str]] = {}
    for key, text in names.items():
        if len(key.split()) > 1:
            for word in _CORPORATE_SUFFIXES.sub("", _clean(text)).split():
                if _distinctive(word) and word.lower() not in lexicon.organization_name_words():
                    name_words.setdefault(word.lower(), set()).add(key)
    for m in orgs:
        key = _org_key(m.text)
        if m.text.isupper() and m.text.replace(".", "") in by_initials:
            key = by_initials[m.text.replace(".", "")]  # "NMC" for "Northern Mining Corporation", "WTO" for the World Trade Organisation
        elif len(key.split()) == 1 and len(name_words.get(key, ())) == 1 and m.kind is PartyKind.organization:
            key = next(iter(name_words[key]))
        elif len(key.split()) == 1 and key.endswith("s") and f"{key[:-1]} party" in names:
            key = f"{key[:-1]} party"  # "the Whigs" for "the Whig Party"
        key = offices.get(key, key)
        m.key = f"{m.kind.value}:{key}"
    # "Democrats" alone is the one chamber's Democrats the article names ("Senate Democrats"), if it names one.
    in_chamber: dict[str, set[str]] = {}
    for m in mentions:
        words = m.key.split(":", 1)[1].split() if m.key.startswith("group:") else []
        if len(words) == 2 and words[0].capitalize() in _CHAMBER_WORDS:
            in_chamber.setdefault(f"group:{words[1]}", set()).add(m.key)
    for m in mentions:
        if len(chambers := in_chamber.get(m.key, set())) == 1:
            m.key = next(iter(chambers))
    # "the Roes" is the Roe family named before.
    families = {m.key[len("family:") :] for m in mentions if m.key.startswith("family:")}
    for m in mentions:
        if not m.key.startswith("family:") and m.text.endswith("s") and m.text[:-1] in families:
            m.key, m.kind = f"family:{m.text[:-1]}", PartyKind.group
    # A bare "parliament" is the one parliament named with its country ("Peru's parliament"), if there is one.
    owned_bodies = {}
    for m in mentions:
        if m.key.startswith("body:") and not m.key.startswith("body::"):
            owned_bodies.setdefault(m.key.rsplit(":", 1)[1], set()).add(m.key)
    for m in mentions:
        if m.key.startswith("body::") and len(owned := owned_bodies.get(m.key[len("body::") :], set())) == 1:
            m.key = next(iter(owned))
    actors: dict[str, _Actor] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        actor = actors.setdefault(m.key, _Actor(key=m.key, kind=m.kind))
        if not any(x.start == m.start for x in actor.mentions):
            actor.mentions.append(m)
    return list(actors.values())


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` lies in one of `spans` (sorted, non-overlapping)."""
    n = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return n >= 0 and position < spans[n][1]


def _find_again(doc: Doc, text: str, actors: list[_Actor], outside_story: list[tuple[int, int]]) -> None:
    """Add the occurrences of each name that the model did not label ("Corvel had sales", "recognise Kosovo"),
    except in page furniture."""
    taken = {i for a in actors for m in a.mentions for i in range(m.start, m.end)}
    for actor in actors:
        forms = {m.text for m in actor.mentions if m.text[:1].isupper()}
        short_forms = set()
        if actor.kind is PartyKind.person:
            forms |= {f.split()[-1] for f in forms}
        elif actor.kind is PartyKind.organization:
            # A company is often named by its first word after the first mention ("Corvel" for "Corvel Life & Annuity").
            short_forms = {f.split()[0] for f in forms if len(f.split()) > 1 and _distinctive(f.split()[0])} - forms
        for form in sorted(forms | short_forms, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                if any(i in taken for i in range(match.start(), match.end())) or _inside(outside_story, match.start()):
                    continue
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None or span.text != form:
                    continue
                if form in short_forms and span.end < len(doc) and doc[span.end].pos_ == "PROPN":
                    continue  # the first word of another name
                actor.mentions.append(_Mention(match.start(), match.end(), form, span, actor.kind, actor.key))
                taken.update(range(match.start(), match.end()))
        actor.mentions.sort(key=lambda m: m.start)


_GENERIC_FIRST_WORDS = frozenset(
    "general national federal royal united international global first new central state public standard bank "
    "world european american british asian african".split()
)


def _distinctive(word: str) -> bool:
    """Whether the first word of an organisation's name can stand for it alone: a name, not a common adjective."""
    return (
        len(word) >= 4
        and word[:1].isupper()
        and word.lower() not in _GENERIC_FIRST_WORDS
        and not lexicon.place(word)
        and not lexicon.country_of_demonym(word)
    )


# --- who is an actor -----------------------------------------------------------------------------


def _governor(token: Token) -> Token:
    """Climb conjunctions and appositions to the token whose role in the clause counts ("X and Y said")."""
    while token.dep_ in {"conj", "appos"} and token.head is not token:
        token = token.head
    return token


def _is_outlet_or_thing(mention: _Mention) -> bool:
    """A facility, an event, a product or a news outlet: never an actor, whatever the model labels it."""
    span = mention.tokens
    root = span.root
    if root.lower_ in _THING_HEADS or root.lower_ in _EVENT_HEADS or root.lower_ in _LAW_HEADS:
        return True
    if mention.kind is not PartyKind.person and root.lower_ in _DAY_HEADS:
        return True
    if len(span) == 1 and mention.kind is not PartyKind.person and any(c.dep_ == "det" for c in root.children) and any(
        c.dep_ == "amod" and c.text.islower() for c in root.children
    ):
        return True  # "the top Democrat in Congress", "a senior Conservative": one member described, not a party
    member = root.ent_type_ == "NORP" or root.lower_ in lexicon.party_members() or lexicon.country_of_demonym(root.text)
    if member and mention.kind is not PartyKind.person and any(c.dep_ == "det" and c.lower_ in {"a", "an"} and c.i < span.start for c in root.children):
        return True  # "a Moldovan attacked a guard", "a so-called Blue Dog Democrat": one member, not a party (but "a divided Congress")
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and _YEAR.match(following.text) and following.head.i in range(span.start, span.end):
        return True  # "Expo 2030": an event named by its year
    if mention.kind is PartyKind.organization and _outlet_name(mention.text):
        return True  # "The Harbour Times reported", "the Christian Broadcasting Network"
    if any(t.dep_ == "appos" and span.start <= t.head.i < span.end and t.lower_ in _OUTLET_NOUNS for t in span.doc[span.end : span.end + 4]):
        return True  # "Newsline, the news agency"
    if root.dep_ == "compound" and root.head.lemma_ in _OUTLET_NOUNS and (
        root.head.lemma_ not in _PUBLIC_OUTLET_NOUNS or any(c.lower_ in _NEWS_WORDS for c in root.head.children)
    ):
        return True  # "the Newsline news agency", "Epoch magazine"
    # An outlet reports that ...; a company reports a loss.
    return root.dep_ == "nsubj" and root.head.lemma_ == "report" and not any(c.dep_ == "dobj" for c in root.head.children)


def _acts(mention: _Mention, region: bool = False) -> bool:
    """Whether this mention shows its party acting: the subject or object of a verb, a partner in a deal
    ("sold to X", "talks with X"), the agent of a passive, the owner of a decision or statement.

    A region or city mostly locates ("counties which include X", "Eugene, Oregon", "moved to X"): it acts only as
    a subject, an agent, a partner in talks or the owner of an act.
    """
    if _is_outlet_or_thing(mention):
        return False
    root = mention.tokens.root
    if region and (root.dep_ == "appos" and root.head.ent_type_ in {"GPE", "LOC"} or _after_a_place(mention.tokens)):
        return False  # "Eugene, Oregon", "a voter of Eugene, Oregon, said": the state says where the city is
    if region and _governor(root).dep_ in {"dobj", "attr", "oprd"}:
        return False  # "counties which include X", "visited X"
    gov = _governor(root)
    if _verb_after_without_subject(mention.tokens):
        return True  # "her adviser, X, said", "one of the steel makers, X, reached a deal"
    if gov.dep_ in {"nsubj", "nsubjpass"} and gov.i < gov.head.i and _describes_or_locates(gov.head, region):
        return False  # not "The firms who agreed were X and Y": there the copula is turned round
    if gov.dep_ == "nsubj" and _dates_by_taking_office(gov.head):
        return False  # "the first pact since X took office": a date, not X acting
    if gov.dep_ == "dobj" and mention.kind is not PartyKind.person and gov.head.lemma_.lower() in _VISIT_VERBS:
        return False  # "entered the Oval Office", "visited the court": a place gone to
    if mention.kind is not PartyKind.person and (any(c.dep_ == "nummod" for c in root.children) or _a_share(gov)):
        return False  # "14 Catholics were admitted", "Christians make up 1 percent": people counted, not acting
    if gov.dep_ == "pobj" and gov.head.lower_ == "for" and _subject_of_infinitive(mention.tokens):
        return True  # "for Ruiz to have turned it down": the subject of the infinitive
    # "the Unite union said": the name stands in its role noun's place. A country there is the company's
    # nationality ("US chipmaker X agreed" is X acting, not the United States).
    org_noun = gov.head.lemma_.lower() in lexicon.organization_nouns() and gov.head.dep_ != "compound"
    if gov.dep_ == "compound" and org_noun and not mention.key.startswith("place:"):
        gov = _governor(gov.head)
    if gov.dep_ in {"amod", "nmod", "compound"} and mention.key.startswith("place:") and gov.head.lemma_.lower() in lexicon.government_bodies():
        gov = _governor(gov.head)  # "the Norwegian government said": the state acts where its government does
    if gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.lemma_.lower() in _POLITY_NOUNS:
        gov = _governor(gov.head.head)  # "the state of Texas" acts where "the state" does
    elif gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.lemma_.lower() == "member" and mention.key.startswith("family:"):
        gov = _governor(gov.head.head)  # "members of the Roe family will pay": the family pays
    elif gov.dep_ in {"nmod", "compound"} and _coordinated(gov) and gov.head.lemma_.lower() in _PLACE_NOUNS and gov.head.tag_ == "NNS":
        gov = _governor(gov.head)  # "a deal with X and Y counties": each of the counties is a partner
    if mention.kind is PartyKind.person and (_unattached_speaker(gov) or _signs_a_quotation(mention)):
        return True
    if gov.dep_ == "ROOT" and gov.pos_ in {"PROPN", "NOUN"}:
        # "X, the retail lobby group, called on ...", "Its chief executive, X, called on ...": the small model
        # makes the name (or the noun before it) the root and the verb a modifier of the name or of its appositive.
        heads = [gov, *(c for c in gov.children if c.dep_ == "appos")]
        if any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i > gov.i for h in heads for c in h.children):
            return True
    if mention.key.startswith("crowd:"):
        # A crowd of no name is an actor where it does something: "the rebels agreed", "approved by lawmakers".
        return gov.dep_ in {"nsubj", "nsubjpass"} or gov.dep_ == "pobj" and gov.head.dep_ == "agent"
    if mention.kind is PartyKind.group and lexicon.country_of_demonym(mention.text):
        # "aid for Freedonians", "talks between Freedonians": the people of a country act only as a subject.
        return gov.dep_ in {"nsubj", "nsubjpass"}
    if gov.dep_ in {"dobj", "dative"}:
        return gov.head.lemma_.lower() not in lexicon.reporting_verbs()  # being told something ("told the BBC") is not acting
    if gov.dep_ in {"nsubj", "nsubjpass", "csubj"}:
        return True
    if gov.dep_ == "pobj":
        return _partner(gov.head, PartyKind.country if region else mention.kind)
    if gov.dep_ in {"poss", "compound", "nmod"}:
        # "the Oregon settlement" is the settlement made in Oregon; "Oregon's settlement" is the state's own.
        return (gov.dep_ == "poss" or not region) and _owns_an_act(gov)
    if gov.dep_ == "amod" and mention.key.startswith("place:"):
        return gov.head.lemma_.lower() in _ACT_NOUNS  # "a Chinese demand"
    return False


# A subject of these does not act: "X is the runner-up" describes it.
_COPULAS = frozenset({"be", "seem", "remain", "become"})
# What a place as a subject does without acting: it has things, it holds and votes in elections.
_PLACE_VERBS = frozenset({"have", "hold", "host", "caucus", "offer", "include"})
_VISIT_VERBS = frozenset({"visit", "enter", "tour", "reach", "eye", "attend", "board"})
# The numbers a group is counted by: "Christians make up 1 percent", "account for a third".
_SHARE_VERBS = frozenset({"make", "account", "comprise", "constitute", "represent", "number"})
# Speech addressed to someone ("a statement to X", "an interview with X"): X is the audience, often an outlet.
_SPEECH_NOUNS = frozenset({"statement", "interview", "comment", "remark", "speech", "appearance"})
_POLL_NOUNS = frozenset({"poll", "survey", "study"})


def _describes_or_locates(verb: Token, region: bool) -> bool:
    """Whether the verb of a subject says what it is rather than what it does ("X was the runner-up"), or, for a
    place, what it has or holds ("New York has several", "the state holds its primary")."""
    lemma = verb.lemma_.lower()
    predicates = [c for c in verb.children if c.i > verb.i and _predicate(c)]
    # "was critical of X, telling the paper": speaking
    doing = any(c.dep_ in {"advcl", "conj"} and c.lemma_.lower() in lexicon.reporting_verbs() for c in verb.children)
    if lemma in _COPULAS and verb.pos_ in {"AUX", "VERB"} and predicates and not doing:
        return True
    return region and lemma in _PLACE_VERBS


_TIME_MARKS = frozenset({"since", "before", "after", "until", "when"})


def _dates_by_taking_office(verb: Token) -> bool:
    """ "since X took office", "before X came to power": a time named by someone's coming to office."""
    took = verb.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ in {"office", "power"} for c in verb.children)
    came = verb.lemma_ == "come" and any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "power" for g in c.children) for c in verb.children)
    return (took or came) and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)


def _predicate(token: Token) -> bool:
    """What a copula says its subject is: "the runner-up", "third", "within reach"; not "ready to sign", "critical
    of Y" nor "in talks with Y", which tell what it does."""
    if token.dep_ == "attr":
        return True
    if token.dep_ == "acomp":
        return not any(c.dep_ in {"xcomp", "prep", "ccomp"} for c in token.children)
    return token.dep_ == "prep" and not any(c.lemma_.lower() in _TALK_NOUNS for c in token.children)


def _a_share(gov: Token) -> bool:
    head = gov.head
    return gov.dep_ == "nsubj" and head.lemma_.lower() in _SHARE_VERBS and (
        head.lemma_.lower() != "make" or any(c.dep_ == "prt" and c.lower_ == "up" for c in head.children)
    )


def _verb_after_without_subject(span: SpacySpan) -> bool:
    """ "her adviser, X, said:", "one of the makers, X, reached a deal": a name in apposition that the small model
    hangs on the noun before it, followed by the verb it is the subject of, left with no subject."""
    doc = span.doc
    verb = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "," and span.start > 0 and doc[span.start - 1].text == "," else None
    # Not a participle: "talks in Mombasa, Kenya, according to ...", "X, saying ..." opens a phrase of the clause.
    return verb is not None and verb.pos_ == "VERB" and verb.tag_ != "VBG" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _after_a_place(span: SpacySpan) -> bool:
    doc = span.doc
    before = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].text == "," else None
    return before is not None and (before.ent_type_ in {"GPE", "LOC"} or before.pos_ == "PROPN" and before.dep_ == "pobj")


def _subject_of_infinitive(span: SpacySpan) -> bool:
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "to" and doc[span.end + 1].pos_ in {"VERB", "AUX"}


def _partner(prep: Token, kind: PartyKind) -> bool:
    if prep.lower_ == "by" and prep.head.dep_ == "acl" and prep.head.head.lemma_.lower() in _POLL_NOUNS:
        return False  # "a survey conducted by X": a pollster counts, it does not act
    if prep.dep_ == "agent" or prep.lower_ == "by" and prep.head.pos_ == "VERB" or prep.lower_ == "according":
        return True
    if prep.lower_ == "by" and prep.head.lemma_.lower() in _ACT_NOUNS:
        return True  # "mediation by X", "an offer by X": X's own act
    if prep.lower_ in {"to", "with"} and prep.head.lemma_.lower() in _SPEECH_NOUNS:
        return False  # "in a statement to the Observer", "in an interview with X": the audience
    if prep.lower_ == "to" and prep.head.lemma_.lower() == "take" and not any(c.dep_ == "dobj" for c in prep.head.children):
        return False  # "took to Twitter": a medium
    if _bought(prep):
        return True  # "a stake in X", "the takeover of X": what is bought is a party to the deal
    if prep.lower_ == "on" and prep.head.lemma_.lower() == "call":
        return True  # "called on X to ...": X is asked to act
    if prep.lower_ not in _PARTNER_PREPS:
        return False  # "in", "at", "of": a place or a mere mention
    head = prep.head
    if head.lemma_.lower() in lexicon.reporting_verbs() and prep.lower_ in {"from", "to"} and head.pos_ == "VERB":
        return prep.lower_ == "to" and kind is not PartyKind.country  # "said from the palace": where it was said
    if not (head.pos_ in {"VERB", "AUX"} or head.lemma_ in _ACT_NOUNS or head.lemma_ in _TALK_NOUNS):
        return False
    # "moved to Spain", "imports from China": a country after "to" or "from" is a destination or a source, and so
    # is anything after a verb of moving ("moved the race to X").
    if head.lemma_.lower() in _MOTION_VERBS and prep.lower_ in {"to", "from"}:
        return False
    return kind is not PartyKind.country or prep.lower_ in {"with", "against", "between"}


_CHAMBER_WORDS = frozenset("House Senate Congress Parliament Assembly Commons Lords Congressional".split())
_PLACE_NOUNS = frozenset("county state province city town district region municipality".split())


def _coordinated(token: Token) -> bool:
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


_MOTION_VERBS = frozenset("move relocate travel fly go come return head drive walk sail propel".split())


def _owns_an_act(token: Token) -> bool:
    """ "Russia's decision", "the White House read-out said", "the company's statement"."""
    owned = token.head
    # The tokenizer splits "read-out": read the compound as written.
    noun = token.doc[token.i + 1 : owned.i + 1].text.replace(" ", "").lower() if owned.i > token.i else owned.lemma_.lower()
    speaks = (
        owned.dep_ == "nsubj"
        and owned.head.lemma_.lower() in lexicon.reporting_verbs()
        and owned.lemma_.lower() not in lexicon.organization_nouns() | lexicon.titles()
    )
    return speaks or owned.lemma_.lower() in _ACT_NOUNS or noun in _ACT_NOUNS


def _unattached_speaker(token: Token) -> bool:
    """A name the small model failed to make the subject of its reporting verb: after a long appositive
    ("Prof. X, a lecturer at Y who specializes in Z, observed") it parses the name as the root of the
    sentence and the verb as a modifier of the name."""
    if token.dep_ not in {"ROOT", "npadvmod"}:
        return False
    return any(
        t.lemma_.lower() in lexicon.reporting_verbs() and t.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        for t in token.subtree
        if t.i > token.i
    )


_SIGNATURE_DASH = re.compile(r"[\u201d\"][ \t\u00a0]*[\u2015\u2014\u2013-][ \t\u00a0]*$")


def _signs_a_quotation(mention: _Mention) -> bool:
    """A name after a quotation and a dash signs it: "...” ― Jane Doe" speaks."""
    text = mention.tokens.doc.text
    return bool(_SIGNATURE_DASH.search(text, max(0, mention.start - 8), mention.start))


def _is_actor(actor: _Actor, quoted: list[tuple[int, int]]) -> bool:
    if actor.kind is not PartyKind.person and any(_introduced_as_product(m) or _outlet_name(m.text) for m in actor.mentions):
        return False  # a product, or an outlet wherever it is named by its acronym ("posted by CBN")
    if actor.kind is PartyKind.person and _outlet_staff(actor.mentions[0]):
        return False  # introduced as the outlet's journalist
    if all(_PLURAL_ACRONYM.match(m.tokens[-1].text) for m in actor.mentions):
        return False  # "super PACs", "NGOs": many of a kind, no one organisation
    outside = [m for m in actor.mentions if not any(s <= m.start < e for s, e in quoted)]
    # A legislative chamber, like a region, is also where things happen ("win back the House"): it acts only
    # where it does something itself.
    region = any(m.region for m in actor.mentions) or actor.kind is PartyKind.organization and _clean(actor.mentions[0].text).split()[-1] in _CHAMBER_WORDS
    return any(_acts(m, region) for m in outside)


def _outlet_staff(mention: _Mention) -> bool:
    """ "the Lantern's Ivo Marsh takes a look": a journalist of the outlet, introduced by its name."""
    doc, start = mention.tokens.doc, mention.tokens.start
    if start < 2 or doc[start - 1].tag_ != "POS":
        return False
    owner = next((e for e in doc.ents if e.start < start - 1 and e.end in {start - 1, start}), None)  # the model may take in the "'s"
    return owner is not None and _outlet_name(owner.text)


def _introduced_as_product(mention: _Mention) -> bool:
    """ "the maker of X", "the drug X", "a powerful painkiller, X": the name is of a product, wherever it recurs."""
    root = mention.tokens.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _MAKER_NOUNS:
        return True
    before = mention.tokens.doc[mention.tokens.start - 1] if mention.tokens.start > 0 else None
    if before is not None and before.lemma_.lower() in _PRODUCT_NOUNS and before.pos_ in {"NOUN", "ADJ"} and before.head.i == root.i:
        return True
    return root.dep_ == "appos" and head.i < root.i and head.lemma_.lower() in _PRODUCT_NOUNS and head.pos_ == "NOUN"


# --- names, titles, roles ------------------------------------------------------------------------

_APPOSITIVE = re.compile(r"^,\s+(?P<text>[^,;()\"\u201c\u201d]+?)(?=,|;|\s+who\s|\s+which\s|\s+that\s|\s+[-\u2013\u2014]\s|\.(?:\s|$)|$)")
_NOT_APPOSITIVE = frozenset("who whose which that where when and but or said says added told according".split())
_AFFILIATION_SPLIT = re.compile(r"\s+(?:at|of|for|with|from)\s+")


def _best_name(actor: _Actor) -> str:
    if actor.key.startswith("place:"):
        return actor.key.split(":", 1)[1]
    if actor.key.startswith("body::"):
        return "the " + actor.key[len("body::") :]  # "the army"
    # A name, not a common noun capitalised at the start of a sentence ("The state said").
    names = [m for m in actor.mentions if m.text[:1].isupper() and not re.match(r"The [a-z]", m.text)]
    texts = [_clean(m.text) for m in names] or [_clean(m.text) for m in actor.mentions]
    return max(texts, key=lambda t: (len(t.split()), len(t)))


def _pre_name_title(doc: Doc, mention: _Mention) -> tuple[str | None, str | None, str | None]:
    """Title, affiliation and nationality written before a name: "Acme chief executive Jane Doe",
    "Russian President Ivan Sokolov", "EU Trade Commissioner John Smith"."""
    i = mention.tokens.start
    noun = doc[i - 1] if i > 0 else None
    if noun is not None and noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and not mention.tokens.start <= noun.head.i < mention.tokens.end:
        return None, None, None  # "the federal judge X was referring to": the judge is an argument of its own
    words: list[Token] = []
    # By part of speech, not by dependency: the small model often attaches a title to the wrong name
    # ("Russian President Ivan Sokolov" as a conjunct of the name before it).
    while i > 0 and not doc[i - 1].ent_type_ == "PERSON" and (
        doc[i - 1].pos_ in {"PROPN", "NOUN", "ADJ"}
        or doc[i - 1].lower_ == "of" and i > 1 and doc[i - 2].lower_ in lexicon.titles()
        # a capitalised name the small model tags as a verb ("Acme chief executive X")
        or doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ not in {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PUNCT"}
    ):
        words.insert(0, doc[i - 1])
        i -= 1
        if doc[i].is_sent_start:
            break
    lowered = " ".join(w.lower_ for w in words)
    known = lexicon.titles() | lexicon.expert_roles()
    size = next((n for n in range(len(words), 0, -1) if " ".join(w.lower_ for w in words[-n:]) in known), 0)
    if not lowered or not size:
        return None, None, None
    title_words = words[-size:]
    # Words before the title that are not a name of something belong to the title ("natural resources minister").
    before = words[: len(words) - len(title_words)]
    former = [w for w in before[:1] if w.lower_ in {"former", "ex"}]
    before = before[len(former) :]
    while before and (before[-1].lower_ in _TITLE_MODIFIERS or not before[-1].ent_type_ and before[-1].pos_ != "PROPN" and (
        not before[-1].text[:1].isupper() or before[-1].lower_ in lexicon.organization_nouns() | lexicon.titles()
    )):
        title_words.insert(0, before.pop())
    nation = affiliation = None
    if before:
        text = " ".join(w.text for w in before)
        entry = lexicon.place(text)
        country = entry[0] if entry else lexicon.country_of_demonym(text)
        if country is not None and country.is_state:
            nation = country.name
        else:
            affiliation = text
    title = " ".join(w.text.lower() if former else w.text for w in former + title_words)
    return title[:1].upper() + title[1:], affiliation, nation


# Words that belong to the title before them, capitalised or not: "Senate Majority Leader" is the Senate's
# majority leader, "White House Press Secretary" the White House's press secretary.
_TITLE_MODIFIERS = frozenset("majority minority press deputy assistant acting vice chief senior".split())


def _appositive(doc: Doc, mention: _Mention) -> tuple[str | None, str | None]:
    """Role and affiliation from an appositive after a name: "X, an analyst at Y", "X, Y's chairman"."""
    # The words after the name, as written (Doc.text would rebuild the whole text on every call).
    last = mention.tokens[-1] if len(mention.tokens) else doc[mention.tokens.start]
    match = _APPOSITIVE.match(last.whitespace_ + doc[mention.tokens.end : mention.tokens.end + 60].text)
    if not match:
        # "analyst Jane Doe at Bluefin Securities": the employer follows the name directly.
        after = doc[mention.tokens.end : mention.tokens.end + 1]
        if len(after) and after[0].lower_ in {"at", "of"}:
            employer = next((e for e in doc.ents if e.start == after[0].i + 1 and e.label_ in {"ORG", "FAC", "PERSON", "GPE"}), None)
            if employer is not None and (employer.label_ != "GPE" or lexicon.place(employer.text) or lexicon.federated_state(employer.text)):
                # "voter Jane Doe of Springfield": a town is where she lives, not whom she works for
                return None, _clean(employer.text)  # a state here ("President X of Russia") is the nation, see _describe
        return None, None
    text = match.group("text").strip()
    words = text.split()
    if not words or words[0].lower() in _NOT_APPOSITIVE or not _noun_phrase(doc, last.idx + len(last.text) + match.start("text"), text):
        return None, None
    if words and words[0].lower() in {"a", "an", "the"}:
        text = " ".join(words[1:])
    # "professor of international relations at Oxford University": the employer follows "at" where there is one.
    parts = re.split(r"\s+at\s+", text, maxsplit=1) if " at " in text else _AFFILIATION_SPLIT.split(text, maxsplit=1)
    role, affiliation = parts[0], (parts[1] if len(parts) > 1 else None)
    owner = re.match(r"^(?P<owner>.+?)(?:'s|\u2019s)\s+(?P<role>.+)$", role)
    if owner and not affiliation:
        affiliation, role = owner.group("owner"), owner.group("role")
    role = re.sub(r"^\d+-year-old\s+", "", role)  # "75-year-old founder": the age is no part of the role
    leading = re.match(r"^((?:[A-Z][\w.&'-]*\s+)+)(?=[a-z])", role)
    if leading and not affiliation and not lexicon.country_of_demonym(leading.group(1).split()[0]):
        affiliation, role = leading.group(1).strip(), role[leading.end() :]  # "a Brookings Institution senior analyst"
    role_words = role.lower().split()
    known = lexicon.titles() | lexicon.expert_roles()
    if not any(" ".join(role_words[i:j]) in known for i in range(len(role_words)) for j in range(i + 1, len(role_words) + 1)):
        return None, None
    if affiliation:
        affiliation = re.split(r"\s+in\s+(?=[A-Z])", affiliation)[0]  # "Bluefin Securities in Oslo": the place is not the employer
        if not re.sub(r"^the\s+", "", affiliation)[:1].isupper():
            # "the advocacy group Democracy Now": the name after its role noun; "the presidential candidate": no name
            named = _NAME_AFTER_ROLE_NOUN.search(affiliation)
            affiliation = named.group("name") if named and named.group("noun").lower() in lexicon.organization_nouns() else None
    return role, affiliation


_NAME_AFTER_ROLE_NOUN = re.compile(r"\b(?P<noun>[a-z]+)\s+(?P<name>[A-Z][\w.&'-]*(?:\s+(?:of|for|and|on|[A-Z][\w.&'-]*))*)$")


def _noun_phrase(doc: Doc, start: int, text: str) -> bool:
    """Whether the words of an appositive make a noun phrase ("an analyst at Y"), not a clause the comma happens to
    open ("Cuban said he sees someone ...", "to be commander in chief", "senator whom others dislike")."""
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is None:
        return False
    return not (
        span[0].lower_ == "to"
        or any(t.tag_ in {"WP", "WDT", "WP$"} for t in span)
        or any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in span)
    )


def _describe(doc: Doc, actor: _Actor) -> None:
    for mention in actor.mentions:
        if actor.kind is PartyKind.person:
            title, affiliation, nation = _pre_name_title(doc, mention)
            role, role_affiliation = _appositive(doc, mention)
            if role is None and (before := _role_before(mention))[0]:
                role, role_affiliation = before
            prev = doc[mention.tokens.start - 1] if mention.tokens.start > 0 else None
            if prev is not None and prev.lower_ in lexicon.honorifics() and prev.lower_ not in {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"}:
                title = title or prev.text
            actor.title = actor.title or title or role
            actor.affiliation = actor.affiliation or affiliation or role_affiliation
            entry = lexicon.place(role_affiliation) if role_affiliation else None
            actor.nation = actor.nation or nation or (entry[0].name if entry and entry[0].is_state else None)
        else:
            role = _org_role(mention)
            actor.role = actor.role or role
            actor.nation = actor.nation or _org_nation(mention)


def _role_before(mention: _Mention) -> tuple[str | None, str | None]:
    """Role and affiliation from the noun a name is in apposition to: "the business secretary, X",
    "Tata Steel's chief executive, X"."""
    root = mention.tokens.root
    head = root.head
    if root.dep_ != "appos" or head.i > root.i:
        return None, None
    words = [t for t in head.lefts if t.dep_ in {"compound", "amod"}]
    phrase = [t.lower_ for t in [*words, head]]
    if not any(" ".join(phrase[i:]) in lexicon.titles() | lexicon.expert_roles() for i in range(len(phrase))):
        return None, None
    # "the North Korean foreign minister": the nationality says whose minister, it is no part of the title.
    nationality = []
    while words and (lexicon.place(words[0].text) or lexicon.country_of_demonym(words[0].text) or words[0].lower_ in {"north", "south"}):
        nationality.append(words.pop(0))
    owner = next((t for t in head.lefts if t.dep_ == "poss" and t.pos_ != "PRON"), None)  # not "their leader"
    role = " ".join(t.text for t in [*words, head])
    affiliation = _clean(mention.tokens.doc[owner.left_edge.i : owner.i + 1].text) if owner is not None else _nation_of_words(nationality)
    return role, affiliation


def roles(doc: Doc, party: Party) -> list[tuple[str, str | None]]:
    """Every (role, affiliation) the text gives a person, before the name ("analyst X at Y", "Acme chief
    executive X") or in an appositive after it ("X, a senior lecturer at Y")."""
    found = []
    for mention in party.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        m = _Mention(mention.start, mention.end, span.text, span, party.kind)
        title, affiliation, _ = _pre_name_title(doc, m)
        role, role_affiliation = _appositive(doc, m)
        if title:
            found.append((title, affiliation or role_affiliation))
        if role:
            found.append((role, role_affiliation))
        elif (before := _role_before(m))[0]:
            found.append(before)
    return found


def _org_role(mention: _Mention) -> str | None:
    """The common noun that introduces an organisation: "UK firm X", "X, the Kenyan firm", "company X"."""
    doc = mention.tokens.doc
    prev = doc[mention.tokens.start - 1] if mention.tokens.start > 0 else None
    if prev is not None and prev.lemma_.lower() in lexicon.organization_nouns():
        return prev.lemma_.lower()
    root = mention.tokens.root
    if root.dep_ in {"appos", "compound"} and root.head.lemma_.lower() in lexicon.organization_nouns():
        return root.head.lemma_.lower()  # "the world's largest delivery company, UPS", "the Unite union"
    after = doc[mention.tokens.end : mention.tokens.end + 8]
    for token in after:
        if token.dep_ == "appos" and token.head.i in range(mention.tokens.start, mention.tokens.end) and token.lemma_.lower() in lexicon.organization_nouns():
            return token.lemma_.lower()
    return None


def _nation_of_words(words: list[Token]) -> str | None:
    """The one state that modifiers name ("South African", "Italy's", "Copenhagen-based"), None for none or several."""
    found = set()
    texts = [w.text for w in words]
    n = 0
    while n < len(texts):
        for size in (2, 1):  # "South African", "New Zealand" before "African"
            phrase = " ".join(texts[n : n + size])
            entry = lexicon.place(phrase)
            country = entry[0] if entry else lexicon.country_of_demonym(phrase) if phrase[:1].isupper() else None
            if country is not None and country.is_state:
                found.add(country.name)
                n += size - 1
                break
        n += 1
    return found.pop() if len(found) == 1 else None


def _org_nation(mention: _Mention) -> str | None:
    """The state an organisation belongs to, as the words introducing it say: "Swiss carrier X", "Italy's X",
    "X - the Kenyan firm", "the Nairobi-based firm" (a capital standing for its country)."""
    doc = mention.tokens.doc
    i = mention.tokens.start
    before = []
    while i > 0 and (doc[i - 1].pos_ in {"ADJ", "NOUN", "PROPN", "PART"} or doc[i - 1].text in {"-", "based"}) and not doc[i - 1].is_sent_end:
        i -= 1
        before.insert(0, doc[i])
        if len(before) == 6 or doc[i].is_sent_start:
            break
    if (nation := _nation_of_words(before)) is not None:
        return nation
    root = mention.tokens.root
    for noun in (t for t in doc[mention.tokens.end : mention.tokens.end + 6] if t.dep_ == "appos" and t.head == root):
        if noun.lemma_.lower() in lexicon.organization_nouns():
            return _nation_of_words([t for t in noun.subtree if t.i < noun.i])
    return None


def _phrase_nation(noun: Token) -> str | None:
    """The state a role-noun phrase names ("the Swedish carmaker" -> Sweden)."""
    return _nation_of_words([t for t in noun.subtree if t.i < noun.i])


# --- title phrases and role nouns ----------------------------------------------------------------


def _title_phrases(doc: Doc, actors: list[_Actor], taken: set[int]) -> None:
    """ "the U.S. president", "the American president" -> the person holding that title in the article."""
    persons = [a for a in actors if a.kind is PartyKind.person and a.title]
    for token in doc:
        if token.lower_ not in lexicon.titles() or token.idx in taken or token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ in {"compound", "amod"} and doc[start - 1].head.i >= token.i:
            start -= 1
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        words = [t.lower_ for t in doc[start : token.i + 1]]
        title_size = max(n for n in range(1, len(words) + 1) if " ".join(words[-n:]) in lexicon.titles())
        modifier = doc[start : token.i + 1 - title_size].text
        nation = None
        if modifier:
            entry = lexicon.place(modifier)
            country = entry[0] if entry else lexicon.country_of_demonym(modifier)
            if country is None:
                continue
            nation = country.name
        title = " ".join(words[-title_size:])
        # The same office, not one qualified by other words: "the chancellor" is not the shadow chancellor.
        holders = [a for a in persons if a.title.lower() == title]
        if not holders and " " not in title:
            # "the minister" for the one "commerce minister" of the article; never for an office a qualifier
            # changes ("the chancellor" is not the shadow chancellor, "the president" not the vice-president).
            holders = [
                a for a in persons
                if a.title.lower().split()[-1] == title and not set(a.title.lower().split()) & _OTHER_OFFICE_WORDS
            ]
        if nation:
            holders = [a for a in holders if a.nation == nation] or [a for a in holders if a.nation is None]
        if len(holders) == 1:
            span = doc[start - 1 : token.i + 1]
            holders[0].mentions.append(_Mention(span.start_char, span.end_char, span.text, span, PartyKind.person, holders[0].key))
            holders[0].mentions.sort(key=lambda m: m.start)


_OTHER_OFFICE_WORDS = frozenset({"shadow", "former", "ex", "deputy", "vice", "assistant", "junior", "acting", "opposition"})


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause `token` sits in, through "willing to buy" and "X did this and bought"."""
    head = token.head
    while True:
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or head.dep_ not in {"xcomp", "acomp", "conj", "advcl", "pcomp"} or head.head is head:
            return subject
        head = head.head


# Role nouns any organisation may be called; the others say what kind it is ("bank", "regulator", "union").
_GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "business", "giant", "operator", "conglomerate", "organisation", "organization"})
# Role nouns of public and political bodies: each names one kind of body, which its name or introduction says.
_BODY_KIND_NOUNS = frozenset({"party", "agency", "committee", "commission", "council", "union"})


def _modifies_thing(token: Token) -> bool:
    """A name modifying a noun that is neither a role noun nor an office ("Acme factories", not "Acme chairman X")."""
    head = token.head.lemma_.lower()
    return token.dep_ in {"compound", "nmod"} and head not in lexicon.organization_nouns() and head not in _title_heads()


@functools.cache
def _title_heads() -> frozenset[str]:
    """The last words of the titles ("executive" of "chief executive")."""
    return frozenset(title.split()[-1] for title in lexicon.titles())


def _reporters(token: Token) -> list[Token]:
    """Subjects of the reporting verbs `token` is reported under: in "the regulator said the bank failed",
    the bank is not the regulator."""
    found = []
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in lexicon.reporting_verbs():
            found += [c for c in ancestor.children if c.dep_ == "nsubj"]
    return found


def _clause_arguments(token: Token) -> list[Token]:
    """The subject and objects of the clause `token` sits in ("the firm will pay 410p for X": X): an organisation
    does not stand for itself in its own clause."""
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return []

    def own_clause(t: Token) -> bool:
        return next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None) == verb

    return [t for t in verb.subtree if t != token and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "dative"} and own_clause(t)]


def _describes(token: Token) -> bool:
    """A role noun under a superlative or ordinal ("the third-largest beer maker", "the biggest bank") describes
    a company rather than pointing back to one."""
    return any(t.tag_ in {"JJS", "RBS"} or t.ent_type_ == "ORDINAL" or re.search(r"(?:est|first|second|third)$", t.lower_) for t in token.lefts)


def _role_nouns(doc: Doc, actors: list[_Actor], taken: set[int], quoted: list[tuple[int, int]]) -> None:
    """ "the company", "the firm", "the chemicals firm" -> the organisation named last in that role.

    A role noun in apposition to a name ("X, the retail lobby group,") is that name. Otherwise: an organisation
    does not stand for itself in its own clause ("Acme will help the firm", "the firm will pay 410p for X"),
    so those are skipped; a nationality in the phrase ("the Swedish carmaker") keeps only organisations of that
    country (or of no known country); one introduced with the same role noun ("UK firm X") is preferred; names
    inside quotation marks do not set the organisation in focus.
    """
    orgs = [a for a in actors if a.kind is PartyKind.organization]
    for token in doc:
        if token.lemma_.lower() not in lexicon.organization_nouns() or token.tag_ != "NN" or token.idx in taken:
            continue
        if token.dep_ == "attr":
            continue  # "X is the best airline": a description, not a reference
        left = [t for t in token.lefts]
        if not left or left[0].lower_ != "the" or any(t.ent_type_ in {"ORG", "PERSON"} or t.pos_ == "PROPN" and not t.ent_type_ for t in left):
            continue
        if any(c.dep_ in {"prep", "appos"} and c.lower_ == "of" for c in token.children):
            continue
        named = token.head if token.dep_ == "appos" else None
        apposed = [a for a in orgs if named is not None and any(m.tokens.start <= named.i < m.tokens.end for m in a.mentions)]
        if not apposed and _describes(token):
            continue
        excluded = _reporters(token) + _clause_arguments(token)
        if token.dep_ not in {"nsubj", "nsubjpass"} and (subject := _clause_subject(token)) is not None:
            excluded.append(subject)
        nation = _phrase_nation(token)
        candidates = []
        for actor in apposed or orgs:
            # A name modifying another noun ("Widget Works factories") does not set the organisation in focus.
            before = [
                m for m in actor.mentions
                if m.end <= token.idx and not _modifies_thing(m.tokens.root) and not any(s <= m.start < e for s, e in quoted)
            ]
            if not apposed and (not before or any(m.start <= t.idx < m.end for t in excluded for m in actor.mentions)):
                continue
            roles = {actor.role, actor.name.split()[-1].lower()} & lexicon.organization_nouns()
            noun = token.lemma_.lower()
            if not apposed and noun not in _GENERIC_ORG_NOUNS and roles - _GENERIC_ORG_NOUNS - {noun}:
                continue  # a bank is not "the regulator"
            if not apposed and noun in _BODY_KIND_NOUNS and noun not in roles:
                continue  # "the party" is a party named or introduced so, not a charity or a chamber named before
            if not apposed and noun in _GENERIC_ORG_NOUNS and actor.key.startswith("body:"):
                continue  # "the group" is the movement, not its ruling council
            candidates.append((nation is not None and actor.nation == nation, noun in roles, before[-1].end if before else 0, actor))
        if nation is not None:
            candidates = [c for c in candidates if c[3].nation in {nation, None}]
        if not candidates:
            continue
        actor = max(candidates, key=lambda c: c[:3])[3]
        actor.nation = actor.nation or nation
        actor.role = actor.role or token.lemma_.lower()
        span = doc[left[0].i : token.i + 1]
        actor.mentions.append(_Mention(span.start_char, span.end_char, span.text, span, actor.kind, actor.key))
        actor.mentions.sort(key=lambda m: m.start)


def _the_state(doc: Doc, actors: list[_Actor]) -> None:
    """ "The state had been seeking a dismissal": the state of a federation named last before it (a region the
    country table does not know). Not "the state law" nor "the state of X", which names its own."""
    regions = [a for a in actors if any(m.region for m in a.mentions)]
    # A city is never "the state": where a state of a federation is named, it is that one.
    regions = [a for a in regions if a.key.startswith("region:")] or regions
    for match in re.finditer(r"\b[Tt]he state\b", doc.text) if regions else ():
        words = doc.char_span(match.start(), match.end())
        if words is None:
            continue
        token = words[-1]
        if token.dep_ in {"compound", "amod", "nmod"}:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue
        before = [(m.end, a) for a in regions for m in a.mentions if m.end <= token.idx]
        if not before:
            continue
        actor = max(before, key=lambda hit: hit[0])[1]
        span = doc[token.i - 1 : token.i + 1]
        actor.mentions.append(_Mention(span.start_char, span.end_char, span.text, span, actor.kind, actor.key, region=True))
        actor.mentions.sort(key=lambda m: m.start)


def _governments_to_states(candidates: list[_Actor], actors: list[_Actor]) -> list[_Actor]:
    """A bare "the government" is the government of the state that acts last before it in the story, or
    failing that, of the state named last before it ("Japan's economy ... The government said")."""
    result = [a for a in actors if a.key != "body::government"]
    government = next((a for a in actors if a.key == "body::government"), None)
    if government is None:
        return result
    unplaced = []
    for mention in government.mentions:
        for pool in (actors, candidates):
            before = [(m.end, a) for a in pool if a.kind is PartyKind.country and a.key.startswith("place:") for m in a.mentions if m.end <= mention.start]
            if before:
                state = max(before, key=lambda b: b[0])[1]
                state.mentions = sorted([*state.mentions, mention], key=lambda m: m.start)
                if state not in result:
                    result.append(state)
                break
        else:
            unplaced.append(mention)
    if unplaced:
        government.mentions = unplaced
        result.append(government)
    return result


def find_parties(doc: Doc) -> PartyIndex:
    text = doc.text
    quoted = [(q.start, q.end) for q in quotations(text) if is_speech(text, q)]
    # Collecting and merging the names is the core, which every other fact needs. Each rule around it corrects or
    # adds to what the core found: one failing on this text loses its part (recorded as unread), not the parties.
    unread: list[UnreadPart] = []
    outside_story = furniture(text)
    actors = _merge(_worded([m for m in _collect(doc) if not _inside(outside_story, m.start)], unread), unread)
    with isolated("parties", unread):
        _find_again(doc, text, actors, outside_story)
    with isolated("parties", unread):
        _the_state(doc, actors)
    # Words in quotation marks of any kind (speech, a chant, a title) show no one acting in the story.
    all_quoted = [(q.start, q.end) for q in quotations(text)]
    candidates, actors = actors, [a for a in actors if _is_actor(a, all_quoted)]
    with isolated("parties", unread):
        actors = _governments_to_states(candidates, actors)
    for actor in actors:
        actor.name = _best_name(actor)
        with isolated("parties", unread):
            _describe(doc, actor)
    taken = {i for a in actors for m in a.mentions for i in range(m.start, m.end)}
    with isolated("parties", unread):
        _title_phrases(doc, actors, taken)
    with isolated("parties", unread):
        _role_nouns(doc, actors, taken, quoted)
    taken_ids: set[str] = set()
    parties = []
    for actor in sorted(actors, key=lambda a: a.mentions[0].start):
        # A country belongs to no one: the nationality words near its name are of other parties.
        actor.affiliation = None if actor.kind is PartyKind.country else actor.affiliation or actor.nation
        # "The company" opening a sentence is the same alias as "the company".
        forms = (re.sub(r"^The\s", "the ", m.text) for m in actor.mentions)
        aliases = list(dict.fromkeys(f for f in forms if _bare(f) != _bare(actor.name)))
        parties.append(
            Party(
                id=unique(slugify(actor.name), taken_ids),
                name=actor.name,
                kind=actor.kind,
                aliases=aliases,
                title=actor.title,
                affiliation=actor.affiliation,
                mentions=[Span(start=m.start, end=m.end) for m in actor.mentions],
            )
        )
    return PartyIndex(parties=parties, quoted=quoted, unread=unread)
