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

from generator.extract import lexicon
from generator.extract.quotemarks import is_speech, quotations
from generator.model import Party, PartyKind, Span
from generator.slugs import slugify, unique

_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# Nouns that make their possessor or modifier an actor: "Russia's decision", "the White House read-out".
_ACT_NOUNS = frozenset(
    "decision statement announcement demand offer proposal plan bid move refusal call version read-out "
    "readout comment response position complaint request warning threat deal agreement order".split()
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
# Outlets report the news; they are not in it.
_OUTLET_NOUNS = frozenset("agency newspaper paper daily magazine broadcaster channel website tabloid wire".split())
_NEWS_WORDS = frozenset({"news", "press", "wire"})
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
        """The party a subject token stands for: a mention, a pronoun, or a role noun ("the company").

        Pronouns go to the party of fitting kind mentioned last before them: "he"/"she" to a person,
        "it" to an organisation or country, "they" to a group or organisation.
        """
        hit = self.at(token.idx, token.idx + len(token))
        if hit:
            return hit
        word = token.lower_
        if word in {"he", "she", "him", "her"}:
            return self._person_in_focus(token)
        if word in {"it", "its"}:
            return self._subject_in_focus(token, {PartyKind.organization, PartyKind.country}) or self.before(
                token.idx, {PartyKind.organization, PartyKind.country}
            )
        if word in {"they", "them"}:
            if self._unnamed_plural_in_focus(token):
                return None
            return self.before(token.idx, {PartyKind.group, PartyKind.organization, PartyKind.country})
        if token.lemma_.lower() in lexicon.organization_nouns() and token.tag_ in {"NN", "NNP"}:
            return self.before(token.idx, {PartyKind.organization})
        return None

    def _subject_in_focus(self, pronoun: Token, kinds: set[PartyKind]) -> str | None:
        """The party of one of `kinds` that is the subject of the sentence so far ("The council condemned the test of
        X and pledged sanctions against what it called ...": the council, not X named last)."""
        subjects = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in {"nsubj", "nsubjpass"} and not self.in_quote(t.idx)]
        for subject in reversed(subjects):
            party = self.get(self.at(subject.idx, subject.idx + len(subject)))
            if party is not None and party.kind in kinds:
                return party.id
        return None

    def _person_in_focus(self, pronoun: Token) -> str | None:
        """The person "he" or "she" stands for: the subject of the sentence so far, else the subject of the
        sentence before (news style keeps the speaker in subject position: "X, an analyst at Y, said ... "...,"
        he said"), else the person named last. A person described but not named ("an analyst in Zurich, who
        did not want to be named, said") is no one: the pronoun does not jump to an earlier name."""
        sentence = pronoun.sent
        in_focus = self._subject_in_focus(pronoun, {PartyKind.person})
        if in_focus:
            return in_focus
        doc = pronoun.doc
        paragraph_start = doc.text.rfind("\n", 0, pronoun.idx) + 1
        # A sentence that opens its paragraph ("“...,” he said.") continues the last sentence of the one before.
        if sentence.start_char <= paragraph_start:
            paragraph_start = doc.text.rfind("\n", 0, max(paragraph_start - 1, 0)) + 1
        # Up to two sentences back: the one just before may be a quotation with no subject of the narrator's.
        for _ in range(2):
            if sentence.start == 0 or doc[sentence.start - 1].idx < paragraph_start:
                break
            sentence = doc[sentence.start - 1].sent
            subject = _main_subject(sentence)
            if subject is None or self.in_quote(subject.idx):
                continue
            if subject.lower_ == pronoun.lower_:
                return self._person_in_focus(subject)  # "He also said ... “...,” he said": the same person still
            # The name may sit in an appositive of the subject ("the ministry's spokesman, X, said").
            phrase = [self.get(pid) for pid in self.within(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))]
            persons = [p for p in phrase if p is not None and p.kind is PartyKind.person]
            if persons:
                return persons[0].id
            if subject.lemma_.lower() in _PERSON_DESCRIPTIONS:
                return None
            break
        return self.before(pronoun.idx, {PartyKind.person})

    def _unnamed_plural_in_focus(self, pronoun: Token) -> bool:
        """Whether "they" opening a sentence continues a plural subject that names no party ("Unions at the plant
        have threatened strikes. They have demanded ..."): then it is those people, not the party named last."""
        sentence = pronoun.sent
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or any(
            t.dep_ in {"nsubj", "nsubjpass"} for t in sentence if t.i < pronoun.i
        ) or sentence.start == 0:
            return False
        subject = _main_subject(pronoun.doc[sentence.start - 1].sent)
        if subject is None or subject.tag_ != "NNS" or self.in_quote(subject.idx):
            return False
        return not self.within(subject.left_edge.idx, subject.idx + len(subject))

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


# People the narrator describes without naming them ("an analyst", "a spokesman", "one official").
_PERSON_DESCRIPTIONS = frozenset("analyst economist observer official source spokesman spokeswoman spokesperson expert trader diplomat".split())


def _main_subject(sentence: SpacySpan) -> Token | None:
    """The subject of a sentence's main verb (or of the first verb it is conjoined with)."""
    verb = sentence.root
    while True:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subject
        verb = verb.head


# --- collecting mentions -------------------------------------------------------------------------


def _strip(span: SpacySpan) -> SpacySpan:
    """Drop a leading "the", honorifics, stray punctuation ("”― Jane Doe") and a trailing possessive from a mention."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].lower_ in lexicon.honorifics() or (doc[start].is_punct or doc[start].is_space) and start + 1 < end):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end]


def _extend_name(ent: SpacySpan) -> SpacySpan:
    """Take in the capitalised words of a name that the small model left out ("the Liberal Democrats" labelled
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
            and not lexicon.place(prev.text)
            and not lexicon.country_of_demonym(prev.text)
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
        if ent.label_ not in _LABELS or any(t.i in taken for t in ent):
            continue
        if ent.label_ == "PERSON":
            ent = _complete_particle_name(ent)
        span = _strip(_extend_name(ent) if ent.label_ in {"ORG", "NORP", "PERSON"} else ent)
        if not span.text.strip() or "-" in span.text and all(lexicon.place(p) for p in span.text.split("-")):
            continue  # "U.S.-Russia": a relationship, not an actor
        while len(span) > 1 and span[0].is_sent_start and span[0].pos_ == "NOUN" and span[0].tag_ == "NNS":
            span = span.doc[span.start + 1 : span.end]  # "Rivals British Airways": a common noun opening the sentence
        # The model often runs a product into its maker ("Skyward A90s"): keep the maker.
        while len(span) > 1 and any(c.isdigit() for c in span[-1].text):
            span = span.doc[span.start : span.end - 1]
        entry = lexicon.place(span.text)
        if entry:
            kind = PartyKind.country if entry[0].is_state else PartyKind.organization
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, kind, key=f"place:{entry[0].name}"))
        elif ent.label_ == "NORP" or lexicon.country_of_demonym(span.text) and ent.label_ == "ORG":
            mention = _group_mention(span) or _demonym_actor(span)
            if mention is None:
                continue  # an adjective, free to open a name the model left unlabelled ("Hellenic Telenet")
            mentions.append(mention)
        elif ent.label_ in {"GPE", "LOC"}:
            mentions.append(_Mention(span.start_char, span.end_char, span.text, span, PartyKind.country))
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
        elif token.dep_ in {"nsubj", "nsubjpass"} and token.pos_ == "PROPN" and token.i not in taken and token.text[:1].isupper():
            span = _subject_chunk(token)
            while len(span) > 1 and span[0].lower_ in lexicon.organization_nouns():
                span = doc[span.start + 1 : span.end]  # "Miner Ironbridge Minerals": the role noun opens the sentence
            if any(t.i in taken for t in span):
                continue
            if span.text.lower() in lexicon.titles() or span.start > 0 and (doc[span.start - 1].tag_ == "POS" or doc[span.start - 1].lower_ == "of"):
                # "The Secretary of State had ...": an office, not a name; "Prof. X of Queen's University Y said":
                # the small model makes the end of the employer's name the subject.
                continue
            named = _strip(span)  # "Ms Ruiz": an honorific makes the name a person's
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
    return mentions


# Lower-case particles inside surnames: "Ursula von der Leyen", "Pedro da Silva".
_NAME_PARTICLES = frozenset("von van der den de da di du del della la le bin ibn al el dos das ter".split())


def _complete_particle_name(ent: SpacySpan) -> SpacySpan:
    """The small model often ends a name at its particles ("Ursula von der" + "Leyen" as a place): take the
    capitalised word that follows them."""
    doc, end = ent.doc, ent.end
    if ent[-1].lower_ in _NAME_PARTICLES and end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
        return doc[ent.start : end + 1]
    return ent


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


def _institution_mention(token: Token) -> _Mention | None:
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


def _org_key(name: str) -> str:
    name = _CORPORATE_SUFFIXES.sub("", _clean(name))
    return re.sub(r"\s+", " ", name.lower().replace("\u2019", "'")).strip()


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in {"of", "the", "and", "&", "for"}]
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
            m.kind = PartyKind.person  # "Chancellor Olaf Scholz", "Chief executive Jean-Cyril Spinetta" labelled ORG
        elif m.kind is not PartyKind.person and m.tokens.root.dep_ == "appos" and m.tokens.root.head.lower_ in lexicon.titles():
            m.kind = PartyKind.person  # "the business secretary, Vince Cable" labelled ORG
        elif m.kind is not PartyKind.person and _appositive_noun(m.tokens.root) in _person_nouns():
            m.kind = PartyKind.person  # "Jane Doe, an energy analyst at Y," labelled ORG
    surnames = {m.text.split()[-1] for m in mentions if m.kind is PartyKind.person and len(m.text.split()) > 1}
    for m in mentions:
        if not m.key and m.text in surnames:
            m.kind = PartyKind.person  # "Scholz" labelled GPE after "Olaf Scholz"
    # A place the country table does not know is a region or city only where the text uses it as a place;
    # otherwise the small model has labelled a company GPE ("talks with Alitalia").
    unknown_places = [m for m in mentions if m.kind is PartyKind.country and not m.key]
    located = {m.text for m in unknown_places if _used_as_place(m.tokens.root)}
    for m in unknown_places:
        if m.text not in located:
            m.kind = PartyKind.organization


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


def _merge(mentions: list[_Mention]) -> list[_Actor]:
    _correct_kinds(mentions)
    persons = [m for m in mentions if m.kind is PartyKind.person and not m.key]
    # News refers to a person by surname, never by first name: a two-word "person" named again by its first word
    # alone is a company the small model labelled PERSON ("Vesta Mobil ... Vesta said").
    first_names = {m.text.split()[0] for m in persons if len(m.text.split()) > 1}
    short_forms = {m.text for m in persons if len(m.text.split()) == 1 and m.text in first_names and not _after_title(m.tokens)}
    for m in persons:
        if m.text.split()[0] in short_forms:
            m.kind = PartyKind.organization
    persons = [m for m in persons if m.kind is PartyKind.person]
    full_names = {m.text.split()[-1]: m.text for m in persons if len(m.text.split()) > 1}
    for m in persons:
        if len(m.text.split()) == 1 and m.text not in full_names:
            prev = m.tokens.doc[m.tokens.start - 1] if m.tokens.start > 0 else None
            # The small model labels many one-word company names PERSON ("Corvel", "Zantrax"); news style
            # introduces a person by full name, so a lone word with no full name and no honorific is an organisation.
            if prev is None or prev.lower_ not in lexicon.honorifics() and prev.lower_ not in lexicon.titles():
                m.kind = PartyKind.organization
                continue
        m.key = "person:" + full_names.get(m.text.split()[-1], m.text)
    orgs = [m for m in mentions if not m.key]
    names = {_org_key(m.text): m.text for m in orgs}
    by_initials = {_initials(text): key for key, text in names.items() if _initials(text)}
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
        m.key = f"{m.kind.value}:{key}"
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


def _find_again(doc: Doc, text: str, actors: list[_Actor]) -> None:
    """Add the occurrences of each name that the model did not label ("Corvel had sales", "recognise Kosovo")."""
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
                if any(i in taken for i in range(match.start(), match.end())):
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
    """A facility, a product or a news outlet: never an actor, whatever the model labels it."""
    span = mention.tokens
    root = span.root
    if root.lower_ in _THING_HEADS:
        return True
    if mention.kind is PartyKind.organization and mention.text.split()[-1].lower() in lexicon.outlet_words():
        return True  # "The Wall Street Journal reported"
    if any(t.dep_ == "appos" and span.start <= t.head.i < span.end and t.lower_ in _OUTLET_NOUNS for t in span.doc[span.end : span.end + 4]):
        return True  # "Newsline, the news agency"
    if root.dep_ == "compound" and root.head.lemma_ in _OUTLET_NOUNS and any(c.lower_ in _NEWS_WORDS for c in root.head.children):
        return True  # "the Newsline news agency"
    # An outlet reports that ...; a company reports a loss.
    return root.dep_ == "nsubj" and root.head.lemma_ == "report" and not any(c.dep_ == "dobj" for c in root.head.children)


def _acts(mention: _Mention) -> bool:
    """Whether this mention shows its party acting: the subject or object of a verb, a partner in a deal
    ("sold to X", "talks with X"), the agent of a passive, the owner of a decision or statement."""
    if _is_outlet_or_thing(mention):
        return False
    gov = _governor(mention.tokens.root)
    # "the Unite union said": the name stands in its role noun's place. A country there is the company's
    # nationality ("US chipmaker X agreed" is X acting, not the United States).
    org_noun = gov.head.lemma_.lower() in lexicon.organization_nouns() and gov.head.dep_ != "compound"
    if gov.dep_ == "compound" and org_noun and not mention.key.startswith("place:"):
        gov = _governor(gov.head)
    if gov.dep_ in {"amod", "nmod", "compound"} and mention.key.startswith("place:") and gov.head.lemma_.lower() in lexicon.government_bodies():
        gov = _governor(gov.head)  # "the Norwegian government said": the state acts where its government does
    if gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.lemma_.lower() in _POLITY_NOUNS:
        gov = _governor(gov.head.head)  # "the state of Texas" acts where "the state" does
    if mention.kind is PartyKind.person and (_unattached_speaker(gov) or _signs_a_quotation(mention)):
        return True
    if gov.dep_ == "ROOT" and gov.pos_ in {"PROPN", "NOUN"}:
        # "X, the retail lobby group, called on ...", "Its chief executive, X, called on ...": the small model
        # makes the name (or the noun before it) the root and the verb a modifier of the name or of its appositive.
        heads = [gov, *(c for c in gov.children if c.dep_ == "appos")]
        if any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i > gov.i for h in heads for c in h.children):
            return True
    if gov.dep_ in {"dobj", "dative"}:
        return gov.head.lemma_.lower() not in lexicon.reporting_verbs()  # being told something ("told the BBC") is not acting
    if gov.dep_ in {"nsubj", "nsubjpass", "csubj"}:
        return True
    if gov.dep_ == "pobj":
        return _partner(gov.head, mention.kind)
    if gov.dep_ in {"poss", "compound", "nmod"}:
        return _owns_an_act(gov)
    if gov.dep_ == "amod" and mention.key.startswith("place:"):
        return gov.head.lemma_.lower() in _ACT_NOUNS  # "a Chinese demand"
    return False


def _partner(prep: Token, kind: PartyKind) -> bool:
    if prep.dep_ == "agent" or prep.lower_ == "by" and prep.head.pos_ == "VERB" or prep.lower_ == "according":
        return True
    if _bought(prep):
        return True  # "a stake in X", "the takeover of X": what is bought is a party to the deal
    if prep.lower_ == "on" and prep.head.lemma_.lower() == "call":
        return True  # "called on X to ...": X is asked to act
    if prep.lower_ not in _PARTNER_PREPS:
        return False  # "in", "at", "of": a place or a mere mention
    head = prep.head
    if not (head.pos_ in {"VERB", "AUX"} or head.lemma_ in _ACT_NOUNS or head.lemma_ in _TALK_NOUNS):
        return False
    # "moved to Spain", "imports from China": a country after "to" or "from" is a destination or a source.
    return kind is not PartyKind.country or prep.lower_ in {"with", "against", "between"}


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
    outside = [m for m in actor.mentions if not any(s <= m.start < e for s, e in quoted)]
    return any(_acts(m) for m in outside)


# --- names, titles, roles ------------------------------------------------------------------------

_APPOSITIVE = re.compile(r"^,\s+(?P<text>[^,;()\"\u201c\u201d]+?)(?=,|;|\s+who\s|\s+which\s|\s+that\s|\s+[-\u2013\u2014]\s|\.(?:\s|$)|$)")
_NOT_APPOSITIVE = frozenset("who whose which that where when and but or said says added told according".split())
_AFFILIATION_SPLIT = re.compile(r"\s+(?:at|of|for|with|from)\s+")


def _best_name(actor: _Actor) -> str:
    if actor.key.startswith("place:"):
        return actor.key.split(":", 1)[1]
    if actor.key.startswith("body::"):
        return "the " + actor.key[len("body::") :]  # "the army"
    texts = [_clean(m.text) for m in actor.mentions if m.text[:1].isupper()] or [_clean(m.text) for m in actor.mentions]
    return max(texts, key=lambda t: (len(t.split()), len(t)))


def _pre_name_title(doc: Doc, mention: _Mention) -> tuple[str | None, str | None, str | None]:
    """Title, affiliation and nationality written before a name: "Acme chief executive Jane Doe",
    "Russian President Ivan Sokolov", "EU Trade Commissioner John Smith"."""
    i = mention.tokens.start
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
    while before and not before[-1].ent_type_ and before[-1].pos_ != "PROPN" and (
        not before[-1].text[:1].isupper() or before[-1].lower_ in lexicon.organization_nouns() | lexicon.titles()
    ):
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
            if employer is not None:
                return None, _clean(employer.text)  # a state here ("President X of Russia") is the nation, see _describe
        return None, None
    text = match.group("text").strip()
    words = text.split()
    if not words or words[0].lower() in _NOT_APPOSITIVE:
        return None, None
    if words and words[0].lower() in {"a", "an", "the"}:
        text = " ".join(words[1:])
    # "professor of international relations at Oxford University": the employer follows "at" where there is one.
    parts = re.split(r"\s+at\s+", text, maxsplit=1) if " at " in text else _AFFILIATION_SPLIT.split(text, maxsplit=1)
    role, affiliation = parts[0], (parts[1] if len(parts) > 1 else None)
    owner = re.match(r"^(?P<owner>.+?)(?:'s|\u2019s)\s+(?P<role>.+)$", role)
    if owner and not affiliation:
        affiliation, role = owner.group("owner"), owner.group("role")
    role_words = role.lower().split()
    known = lexicon.titles() | lexicon.expert_roles()
    if not any(" ".join(role_words[i:j]) in known for i in range(len(role_words)) for j in range(i + 1, len(role_words) + 1)):
        return None, None
    if affiliation:
        affiliation = re.split(r"\s+in\s+(?=[A-Z])", affiliation)[0]  # "Bluefin Securities in Oslo": the place is not the employer
    return role, affiliation


def _describe(doc: Doc, actor: _Actor) -> None:
    actor.name = _best_name(actor)
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
    owner = next((t for t in head.lefts if t.dep_ == "poss" and t.pos_ != "PRON"), None)  # not "their leader"
    role = " ".join(t.text for t in [*words, head])
    affiliation = _clean(mention.tokens.doc[owner.left_edge.i : owner.i + 1].text) if owner is not None else None
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
    actors = _merge(_collect(doc))
    _find_again(doc, text, actors)
    actors = _governments_to_states(actors, [a for a in actors if _is_actor(a, quoted)])
    for actor in actors:
        _describe(doc, actor)
    taken = {i for a in actors for m in a.mentions for i in range(m.start, m.end)}
    _title_phrases(doc, actors, taken)
    _role_nouns(doc, actors, taken, quoted)
    taken_ids: set[str] = set()
    parties = []
    for actor in sorted(actors, key=lambda a: a.mentions[0].start):
        actor.affiliation = actor.affiliation or actor.nation
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
    return PartyIndex(parties=parties, quoted=quoted)
