"""Deals across articles: the agreement mentions of different articles that are one deal, grouped, in date order.

News follows a deal over weeks (proposed, struck, passed, signed, abandoned) and each article's fact sheet lists
its own mention of it. Two mentions are linked only on strong evidence, since a wrong merge is worse than a
missed one:

- they come from different articles (the extractor already told apart the agreements of one article);
- their parties overlap (by party id, name or alias, so that a party resolved differently across articles still
  matches), and their counterparts do not clash: a country, organisation or group on each side that the other
  does not name (a U.S.-Japan deal is not a U.S.-China deal);
- they are the same kind of deal: both name it (a settlement is not a cease-fire) or neither does;
- their articles appeared within `MAX_DAYS` of each other, where both are dated, and the later does not go back
  to an early stage (proposed, under negotiation, tentative) more than `RELAPSE_DAYS` after the earlier concluded
  it (signed, ratified, rejected...): that is the next round, as next year's budget is another deal;
- they share distinctive words: the words of their summaries and evidence, without function words, the generic
  vocabulary of agreeing (deal, signed, tentative...) and the names of their parties (matched above), weighted by how rare each is
  among all the mentions of the site (inverse document frequency), are similar enough (cosine at least
  `MIN_SIMILARITY`), sharing two words or a pair of adjacent words ("phase one", "debt ceiling").

Mentions join deals as news arrives: each, in date order, joins the deals of the earlier mentions it is like, the
most like first, each whose mentions none clashes with it or with the deal it joined already: no two mentions of
one article, no two kinds named, no clash of counterparts or of dates.
An editor's site corrections file (generator/corrections.py) can merge mentions into one deal or split them apart;
those come first and the links never undo them.

A deal's id is the article id and agreement id of its earliest mention (by publication date, then article id):
news arrives in date order, so an article reporting a later stage never changes the id of a deal it joins.

Pure functions over fact sheets: no I/O, no spaCy.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from generator.model import Agreement, AgreementStatus, Deal, DealEvent, FactSheet, PartyKind, Span
from generator.slugs import slugify

MIN_SIMILARITY = 0.3
MAX_DAYS = 365
RELAPSE_DAYS = 30
EARLY_STAGES = frozenset({AgreementStatus.proposed, AgreementStatus.under_negotiation, AgreementStatus.tentative})
CONCLUDED = frozenset(
    {
        AgreementStatus.signed,
        AgreementStatus.approved,
        AgreementStatus.ratified,
        AgreementStatus.in_force,
        AgreementStatus.rejected,
        AgreementStatus.collapsed,
        AgreementStatus.withdrawn,
    }
)
# A word in more mentions than this proposes no links of its own (its pairs would grow with the square of the site);
# it still counts in the similarity of pairs that rarer words propose.
CANDIDATE_POSTINGS = 200

# (article id, agreement id): one agreement mention.
MentionKey = tuple[str, str]

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n")
# A word before a full stop that makes it an abbreviation's: a title ("Mr", "Dr", "Sen"), an initial, "U.S".
_ABBREVIATION = re.compile(r"(?:^|[^\w.])(?:[A-Z][a-z]{0,2}|(?:[A-Za-z]\.)+[A-Za-z])$")

FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here it its it's they them their
    we us our you your he him his she her i me my who whom whose which what when where why how all any both each
    few more most other some such no not only own same too very can could may might must shall should will would
    do does did doing done be is are was were been being am have has had having of in on at by for with about
    against between into through during before after above below to from up down out off over under again further
    once also as just now still even ever because while until since per via upon within without across around
    among along toward towards onto s t mr mrs ms dr said says say told tells according statement
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks month months
    year years day days night morning afternoon evening earlier later last next ago recently
    january february march april may june july august september october november december""".split()
)
# The vocabulary of agreeing, in any deal: what it is called and what happens to it. Shared, it tells nothing of
# which deal two mentions are about.
AGREEMENT_WORDS = frozenset(
    """agree agreed agrees agreeing agreement agreements deal deals accord accords pact pacts arrangement
    understanding consensus compromise terms sign signed signs signing signature approve approved approves approval
    ratify ratified ratifies ratification pass passed passes passage vote voted votes adopt adopted back backed
    endorse endorsed tentative preliminary provisional final draft principle framework proposed propose proposes
    proposal proposals offer offered plan plans talk talks negotiate negotiated negotiating negotiation negotiations
    negotiator negotiators reach reached reaches reaching strike struck strikes hammer hammered seal sealed clinch
    clinched broker brokered announce announced announces confirm confirmed welcome welcomed hail hailed reject
    rejected rejects collapse collapsed collapses suspend suspended suspends walk walked walks away pull pulled quit
    abandon abandoned scrap scrapped end ended force effect take took takes come came new two sides side parties
    party both leaders officials government governments""".split()
)
# What a deal is called, whatever deal it is.
DEAL_NOUNS = frozenset("deal deals agreement agreements accord accords pact pacts arrangement".split())
# Kinds of deal a word names: mentions naming different kinds are different deals.
DEAL_KINDS = {
    "cease-fire": ("ceasefire", "cease-fire", "truce", "armistice"),
    "settlement": ("settlement", "settlements", "settle", "settled", "settles", "lawsuit", "lawsuits"),
    "contract": ("contract", "contracts"),
    "treaty": ("treaty", "treaties"),
    "legislation": ("bill", "bills", "legislation", "statute"),
    "acquisition": ("merger", "takeover", "acquisition", "buyout", "acquire", "acquired", "acquires"),
    "loan": ("loan", "loans", "bailout"),
}
_KIND_OF_WORD = {word: kind for kind, words in DEAL_KINDS.items() for word in words}
# Kinds of party a deal has only so many of on each side: a second one is another deal's counterpart.
COUNTERPART_KINDS = (PartyKind.country, PartyKind.organization, PartyKind.group)


@dataclass(frozen=True)
class DealEdits:
    """An editor's corrections of the deals, each mention named by its key: groups of mentions that are one deal,
    and groups whose mentions are each a deal apart from the others (a group of one: a deal of its own)."""

    merge: tuple[tuple[MentionKey, ...], ...] = ()
    split: tuple[tuple[MentionKey, ...], ...] = ()


@dataclass(eq=False)
class Mention:
    """One agreement of one article, with what linking needs of it."""

    sheet: FactSheet
    agreement: Agreement
    parties: list[tuple[PartyKind, frozenset[str]]]
    kinds: frozenset[str]
    terms: frozenset[str]

    @functools.cached_property
    def party_keys(self) -> frozenset[str]:
        return frozenset(key for _, keys in self.parties for key in keys)

    @functools.cached_property
    def key(self) -> MentionKey:
        return (self.sheet.article.id, self.agreement.id)

    @functools.cached_property
    def order(self) -> tuple:
        published = self.sheet.article.published
        return (published is None, published.toordinal() if published else 0, self.sheet.article.id, _id_order(self.agreement.id))


@dataclass
class _Group:
    members: list[Mention] = field(default_factory=list)
    edited: bool = False

    @property
    def articles(self) -> set[str]:
        return {mention.sheet.article.id for mention in self.members}


def group_deals(sheets: list[FactSheet], edits: DealEdits | None = DealEdits()) -> list[Deal]:
    """Every agreement mention of the sheets in exactly one deal; deals ordered by id.

    `edits` None: the editor's corrections could not be read, and no mention joins another (a wrong merge the
    editor had split must not come back)."""
    mentions = [_mention(sheet, agreement) for sheet in sheets for agreement in sheet.agreements]
    group_of: dict[MentionKey, _Group] = {mention.key: _Group([mention]) for mention in mentions}
    if edits is not None:
        _apply_edits(group_of, edits)
        vectors = _weighted_terms(mentions)
        apart = {frozenset(pair) for keys in edits.split for pair in combinations(keys, 2)}
        alone = {keys[0] for keys in edits.split if len(keys) == 1}
        # Deals grown from many links meet again and again: each pair of mentions is judged once.
        compatible: dict[tuple[int, int], bool] = {}

        def may_join(first: _Group, second: _Group) -> bool:
            if first.articles & second.articles or any(m.key in alone for m in (*first.members, *second.members)):
                return False
            for a in first.members:
                for b in second.members:
                    pair = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))
                    if pair not in compatible:
                        compatible[pair] = frozenset((a.key, b.key)) not in apart and _compatible(a, b)
                    if not compatible[pair]:
                        return False
            return True

        # As news arrives: each mention, in date order, joins the deals of the earlier mentions it is like, the most
        # like first, each that it can be part of (so it may bridge two); else it starts one. A later article never
        # pulls apart what earlier ones made.
        earlier: dict[MentionKey, list[tuple[float, Mention]]] = defaultdict(list)
        for similarity, a, b in _links(mentions, vectors):
            first, later = (a, b) if a.order < b.order else (b, a)
            earlier[later.key].append((similarity, first))
        for mention in sorted(mentions, key=lambda mention: mention.order):
            for _, other in sorted(earlier[mention.key], key=lambda link: (-link[0], link[1].order)):
                deal, own = group_of[other.key], group_of[mention.key]
                if deal is not own and may_join(deal, own):
                    _join(group_of, deal, own)
    groups = list({id(group): group for group in group_of.values()}.values())
    return sorted((_deal(group) for group in groups), key=lambda deal: deal.id)


def _apply_edits(group_of: dict[MentionKey, _Group], edits: DealEdits) -> None:
    for keys in edits.merge:
        for key in keys[1:]:
            _join(group_of, group_of[keys[0]], group_of[key])
    for key in [keys[0] for keys in edits.merge] + [key for keys in edits.split for key in keys]:
        group_of[key].edited = True


def deal_of(deals: Iterable[Deal]) -> dict[MentionKey, Deal]:
    """Each mention's deal."""
    return {(event.article, event.agreement): deal for deal in deals for event in deal.timeline}


def _mention(sheet: FactSheet, agreement: Agreement) -> Mention:
    words = _words(_mention_text(sheet, agreement))
    parties = []
    party_words: set[str] = set()
    for party_id in agreement.parties:
        party = sheet.party(party_id)
        names = (party.name, *party.aliases) if party else ()
        party_words.update(word for name in names for word in _words(name))
        parties.append((party.kind if party else PartyKind.group, frozenset(filter(None, map(_party_key, (*names, party_id))))))
    return Mention(
        sheet=sheet,
        agreement=agreement,
        parties=parties,
        kinds=frozenset(_KIND_OF_WORD[word] for word in words if word in _KIND_OF_WORD),
        terms=_terms(words, party_words),
    )


def _mention_text(sheet: FactSheet, agreement: Agreement) -> str:
    spans = [*agreement.evidence, *([agreement.status_evidence] if agreement.status_evidence else [])]
    return " \n ".join([agreement.summary, *(span.text_of(sheet.text) for span in spans)])


def _words(text: str) -> list[str]:
    # Possessives and curly apostrophes folded, so that "Ruritania's" is a word of the name "Ruritania".
    folded = text.casefold().replace("’", "'").replace("'s ", " ")
    return [word.removesuffix("'s") for word in _WORD.findall(folded)]


def _party_key(name: str) -> str:
    """A party's name as matched across articles: "The U.S." and "us" alike."""
    words = _words(name.replace(".", ""))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _terms(words: list[str], party_words: set[str]) -> frozenset[str]:
    """The distinctive words of a mention (plurals folded), and its pairs of adjacent distinctive words, or of one and
    the name of a deal ("quota pact" and "quota deal" alike)."""
    def plain(word: str) -> bool:
        return word not in FUNCTION_WORDS and word not in AGREEMENT_WORDS and word not in party_words and not word[0].isdigit()

    terms = {_singular(word) for word in words if plain(word)}
    for first, second in zip(words, words[1:]):
        if plain(first) and (plain(second) or second in DEAL_NOUNS):
            terms.add(f"{_singular(first)} {_singular(second) if plain(second) else 'deal'}")
    return frozenset(terms)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def _weighted_terms(mentions: list[Mention]) -> dict[MentionKey, dict[str, float]]:
    """Each mention's terms weighted by inverse document frequency over all mentions, as a unit vector."""
    frequency = Counter(term for mention in mentions for term in mention.terms)
    total = len(mentions)
    vectors = {}
    for mention in mentions:
        weights = {term: math.log((1 + total) / (1 + frequency[term])) + 1 for term in mention.terms}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        vectors[mention.key] = {term: weight / norm for term, weight in weights.items()}
    return vectors


def _links(mentions: list[Mention], vectors: dict[MentionKey, dict[str, float]]) -> list[tuple[float, Mention, Mention]]:
    """The pairs of mentions with strong evidence of one deal, with their similarity."""
    # Candidates share a party and a pair of words or two words, each in few mentions: far fewer pairs than those
    # sharing any word, which grow with the square of the site.
    frequency = Counter(term for mention in mentions for term in mention.terms)
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, mention in enumerate(mentions):
        rare = [term for term in mention.terms if frequency[term] <= CANDIDATE_POSTINGS]
        for key in {key for _, keys in mention.parties for key in keys}:
            for term in rare:
                postings[(key, term)].append(number)
    shared_words: Counter = Counter()
    candidates = set()
    for (_, term), posting in postings.items():
        pairs = combinations(posting, 2)
        if " " in term:
            candidates.update(pairs)
        else:
            shared_words.update(pairs)
    candidates.update(pair for pair, count in shared_words.items() if count >= 2)
    links = []
    for first, second in candidates:
        a, b = mentions[first], mentions[second]
        # Of one kind, said of both: a mention that names no kind of deal is never linked to one that does.
        if not (a.kinds & b.kinds or not (a.kinds or b.kinds)):
            continue
        shared = a.terms & b.terms
        if not (len(shared) >= 2 or any(" " in term for term in shared)):
            continue
        weights_a, weights_b = vectors[a.key], vectors[b.key]
        similarity = sum(weights_a[term] * weights_b[term] for term in shared)
        if similarity >= MIN_SIMILARITY and _compatible(a, b):
            links.append((similarity, a, b))
    return links


def _compatible(a: Mention, b: Mention) -> bool:
    """Whether the two could be one deal whatever their words: other articles, one kind, no clash of counterparts,
    dates close enough and no relapse to an early stage long after the deal was concluded."""
    if a.sheet.article.id == b.sheet.article.id:
        return False
    if a.kinds and b.kinds and not a.kinds & b.kinds:
        return False
    if _counterparts_clash(a, b):
        return False
    first, second = a.sheet.article.published, b.sheet.article.published
    if first is None or second is None:
        return True
    if second < first:
        a, b, first, second = b, a, second, first
    relapse = a.agreement.status in CONCLUDED and b.agreement.status in EARLY_STAGES and (second - first).days > RELAPSE_DAYS
    return (second - first).days <= MAX_DAYS and not relapse


def _matched(party: frozenset[str], other: Mention) -> bool:
    return not party.isdisjoint(other.party_keys)


def _parties_overlap(a: Mention, b: Mention) -> bool:
    return not a.party_keys.isdisjoint(b.party_keys)


def _counterparts_clash(a: Mention, b: Mention) -> bool:
    """Whether each names a country, organisation or group (of one kind) that the other does not, where that says
    they are other deals: they share a party, or both name two or more (one that names a single party may have
    left out the rest, as "X walked away from the pact with Y" does X)."""
    unmatched_a = {kind for kind, keys in a.parties if kind in COUNTERPART_KINDS and not _matched(keys, b)}
    unmatched_b = {kind for kind, keys in b.parties if kind in COUNTERPART_KINDS and not _matched(keys, a)}
    both_named = len(a.parties) > 1 and len(b.parties) > 1
    return bool(unmatched_a & unmatched_b) and (both_named or _parties_overlap(a, b))


def _join(group_of: dict[MentionKey, _Group], first: _Group, second: _Group) -> None:
    if first is second:
        return
    first.members += second.members
    first.edited = first.edited or second.edited
    for mention in second.members:
        group_of[mention.key] = first


def _deal(group: _Group) -> Deal:
    members = sorted(group.members, key=lambda mention: mention.order)
    earliest = members[0]
    timeline = [
        DealEvent(
            article=mention.sheet.article.id,
            agreement=mention.agreement.id,
            date=mention.sheet.article.published,
            status=mention.agreement.status,
            evidence=_status_sentence(mention.sheet.text, mention.agreement),
        )
        for mention in members
    ]
    dated = [event for event in timeline if event.date is not None]
    return Deal(
        id=slugify(f"{earliest.sheet.article.id}-{earliest.agreement.id}", fallback="deal"),
        summary=earliest.agreement.summary,
        parties=_party_names(members),
        status=(dated or timeline)[-1].status,
        timeline=timeline,
        edited=group.edited,
    )


def _party_names(members: list[Mention]) -> list[str]:
    """The parties of all the mentions, each once (by id, name or alias), under the name its first mention gives."""
    names: list[str] = []
    seen: set[str] = set()
    for mention in members:
        for party_id, (_, keys) in zip(mention.agreement.parties, mention.parties):
            if keys & seen:
                continue
            party = mention.sheet.party(party_id)
            names.append(party.name if party else party_id)
            seen |= keys
    return names


def _status_sentence(text: str, agreement: Agreement) -> str:
    """The sentence holding the words that give the agreement's status (its first evidence, where none do)."""
    span = agreement.status_evidence or agreement.evidence[0]
    return sentence_around(text, span)


def sentence_around(text: str, span: Span) -> str:
    """The sentence (or sentences) holding the span, on one line."""
    start = max((end for end in _sentence_ends(text, 0, span.start)), default=0)
    end = next(_sentence_ends(text, max(span.end - 1, start), len(text)), len(text))
    return " ".join(text[start:end].split())


def _sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Where sentences end between `start` and `end`: after a full stop, question or exclamation mark (and a closing
    quotation mark) before white space, or at a line end; not after an abbreviation or initial ("Mr.", "U.S.", "J.")."""
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group() == "\n":
            yield match.start()
        elif not (match.group()[0] == "." and _ABBREVIATION.search(text, max(0, match.start() - 4), match.start())):
            yield match.end()


def _id_order(fact_id: str) -> tuple:
    """"a2" before "a10"."""
    number = re.search(r"\d+$", fact_id)
    return (fact_id[: number.start()] if number else fact_id, int(number.group()) if number else 0)

