"""Conditions and demands: who demands what of whom, linked to the agreement it gates.

What counts (GUIDELINES.md): a demand, precondition or condition one party places on another party or on an
agreement. The rules read five shapes:

- a verb of demanding: "X demanded that Y stop ...", "..., demanding that Y ...", "X insists on ...",
  "X called on Y to ...", "X urged Y to ...", "X requires Y to ...";
- a noun of demanding: "an X demand for Y to ...", "X's demands", "as a precondition for ...", "on condition that";
- a conditional commitment: "negotiations will start only if ...", "X will only sign if ...", "X is prepared to ... if Y
  ...", "unless" after a refusal;
- a restriction: "only firms ... will be permitted to bid", by whoever decided it ("X's decision to bar ...");
- a repeated demand ("give in to demands to free the prisoners") adds evidence to the demand it repeats.

Not conditions: hopes and predictions (no shape above reads them), the terms of an agreement already reached
("Under the agreement, X must ...": no demanding word), and a demand no party can be found for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from generator.extract import lexicon
from generator.extract.agreements import _noun_kind  # the same agreement nouns
from generator.extract.parties import PartyIndex
from generator.model import Agreement, Condition, PartyKind, Span

_DEMAND_VERBS = frozenset({"demand", "insist", "require", "urge", "press", "stipulate", "want"})
_DEMAND_NOUNS = frozenset({"demand", "precondition", "condition", "ultimatum", "requirement", "prerequisite"})
# "demand for oil", "the conditions in the camps": senses of the nouns that are not a party's demand.
_NOT_A_DEMAND = frozenset({"market", "consumer", "customer", "energy", "oil", "power", "weather", "economic", "living", "working", "health"})
_OFFER_ADJECTIVES = frozenset({"prepared", "willing", "ready", "happy", "open"})
_RESTRICTING_VERBS = frozenset({"permit", "allow", "eligible", "able", "entitle", "let"})
_DECISION_NOUNS = frozenset({"decision", "ruling", "law", "rule", "ban", "move", "order", "decree", "regulation", "policy"})
_RESTRICTION_VERBS = frozenset({"bar", "ban", "exclude", "restrict", "limit", "prohibit", "forbid", "block", "require"})
_ROLE_PLACES = {"country": PartyKind.country, "nation": PartyKind.country, "state": PartyKind.country}
_MAX_SUMMARY_TOKENS = 24
# What a condition gates when the sentence names no actor: "negotiations will start only if ...".
_GATED_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "membership", "aid", "funding", "loan", "bailout", "payment", "sanction", "sanctions", "process"})


@dataclass
class _Found:
    by: str | None
    of: str | None
    what: list[Token]
    evidence: list[tuple[int, int]]
    anchor: Token
    keys: set[str] = field(default_factory=set)  # content words, to recognise the same demand stated again


# --- small helpers ----------------------------------------------------------------------------------------


def _span(tokens: list[Token]) -> tuple[int, int]:
    tokens = [t for t in tokens if not t.is_space] or tokens
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _right_of(token: Token) -> list[Token]:
    """The token and what its subtree holds after it: "demanding that Kyiv stop ..."."""
    return [t for t in token.subtree if t.i >= token.i]


def _subject(verb: Token) -> Token | None:
    head = verb
    for _ in range(6):
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if head.dep_ in {"xcomp", "conj", "advcl", "acl", "ccomp", "acomp"} and head.head != head:
            head = head.head
            continue
        return None
    return None


def _party(token: Token | None, index: PartyIndex) -> str | None:
    """The party a noun or pronoun stands for.

    A role noun ("the company", "the firm") goes to the organisation named last before it, even where the
    party index has placed it already: a demand or offer is made by the actor of the sentences just before.
    """
    if token is None:
        return None
    if token.lemma_.lower() in lexicon.organization_nouns() and token.tag_ == "NN":
        return index.before(token.idx, {PartyKind.organization})
    if token.lemma_.lower() in _ROLE_PLACES and token.tag_ == "NN":
        return index.before(token.idx, {_ROLE_PLACES[token.lemma_.lower()]})
    found = index.refer(token)
    if found:
        return found
    if token.tag_ == "PRP$":
        return index.before(token.idx)
    inside = index.within(token.left_edge.idx, token.idx + len(token))
    return inside[-1] if inside else None


def _first_party(tokens: list[Token], index: PartyIndex) -> str | None:
    """The party of the first subject in `tokens`, else the first party named in them."""
    for token in tokens:
        if token.dep_ in {"nsubj", "nsubjpass"} and (pid := _party(token, index)):
            return pid
    for token in tokens:
        if token.lemma_.lower() in _ROLE_PLACES or token.lemma_.lower() in lexicon.organization_nouns():
            if pid := _party(token, index):
                return pid
    if tokens:
        inside = index.within(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        return inside[0] if inside else None
    return None


def _demander(verb: Token, index: PartyIndex) -> str | None:
    """Who makes the demand a verb states.

    A participle after a comma ("..., demanding that ...") belongs to the nearest clause before it with an actor
    for its subject; the small model often hangs it on another verb of the sentence.
    """
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp"}:
        for token in reversed(verb.doc[verb.sent.start : verb.i]):
            if token.dep_ in {"nsubj", "nsubjpass"} and (pid := _subject_party(token, index)):
                return pid
    return _subject_party(_subject(verb), index)


def _subject_party(subject: Token | None, index: PartyIndex) -> str | None:
    """The party of a subject; "it" and "they" inside what someone said are the one who said it ("The company
    has said it is prepared to ...")."""
    if subject is None:
        return None
    if subject.lower_ in {"it", "they", "he", "she"}:
        clause = subject.head
        while clause.dep_ in {"xcomp", "acomp", "conj"} and clause.head != clause:
            clause = clause.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.reporting_verbs():
            speaker = _subject(clause.head)
            if speaker is not None and speaker.lower_ not in {"it", "they", "he", "she"}:
                return _party(speaker, index)
    return _party(subject, index)


def _keys(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ == "VERB" and not t.is_stop}


def _previous_subject(sent: SpacySpan, index: PartyIndex) -> str | None:
    """The party that was the subject of the sentence before: "Chile will open talks ... However, negotiations will
    start only if ..." is Chile's condition."""
    doc = sent.doc
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    subject = _subject(previous.root)
    return _party(subject, index)


# --- the five shapes --------------------------------------------------------------------------------------


def _demand_verb(token: Token, index: PartyIndex) -> _Found | None:
    lemma = token.lemma_.lower()
    if lemma not in _DEMAND_VERBS or token.pos_ not in {"VERB", "AUX"}:
        return None
    children = list(token.children)
    clause = next((c for c in children if c.dep_ in {"ccomp", "xcomp"}), None)
    on = next((c for c in children if c.dep_ == "prep" and c.lower_ == "on"), None)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if lemma == "insist":
        # "insisted the deal was fair" reports a view; "insisted on X", "insisted that Y must ..." demand.
        obliged = clause is not None and any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children)
        # "insisted that Y commit to ...": the bare verb of the subjunctive is a demand too.
        # The tagger reads it as a plural present ("VBP") after a singular subject: "that the DUP commit".
        singular = clause is not None and any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} for c in clause.children)
        subjunctive = (
            clause is not None
            and (clause.tag_ == "VB" or clause.tag_ == "VBP" and singular)
            and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
        )
        if on is None and not obliged and not subjunctive:
            return None
    if lemma in {"urge", "press", "require"} and (obj is None or clause is None) and lemma != "require":
        return None
    if lemma == "require" and (obj is None or _party(obj, index) is None or clause is None):
        return None
    if lemma == "want":
        # "X wants Y to stop ...": a demand of Y; "X wants to buy ..." is a wish of its own.
        actor = obj if obj is not None else next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
        if clause is None or _party(actor, index) is None or not any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children):
            return None
    what_root = clause or on or obj
    if what_root is None:
        return None
    what = [t for t in what_root.subtree] if what_root != on else [t for t in on.subtree][1:]
    while what and what[0].dep_ == "mark":
        what = what[1:]
    by = _demander(token, index)
    of = _party(obj, index) if obj is not None else None
    source = next((c for c in children if c.dep_ == "prep" and c.lower_ in {"from", "of"}), None)
    if of is None and source is not None:  # "demanded compensation from Y"
        of = _party(next((o for o in source.children if o.dep_ == "pobj"), None), index)
    if of is None and clause is not None:
        of = _party(next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None), index)
    return _Found(by, of, what, [_span(_right_of(token))], token, _keys(what))


def _call_on(token: Token, index: PartyIndex) -> _Found | None:
    """ "X called on Y to ...", "X calls upon Y to ...", "X called for Y to ..." / "X called for a Z"."""
    if token.lemma_.lower() != "call" or token.pos_ != "VERB":
        return None
    on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}), None)
    # "For instance, calls to ..." and "X, for one, called ...": a "for" before the verb is no "call for".
    for_ = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > token.i), None)
    if on is None and for_ is not None:
        what = list(for_.subtree)[1:]
        end = for_.right_edge.i + 1
        doc = token.doc
        if end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end + 1].pos_ == "VERB":
            what += [t for t in doc[end + 1].subtree if t.i >= end]  # "called for Y to ..." (small-model attachment)
        if not what:
            return None
        evidence = [t for t in token.subtree if token.i <= t.i <= what[-1].i]
        target = next((o for o in for_.children if o.dep_ == "pobj"), None)
        return _Found(_demander(token, index), _party(target, index), what, [_span(evidence)], token, _keys(what) | {target.lemma_.lower()} if target is not None else _keys(what))
    marked = next((c for c in token.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
    if on is None and marked is not None:
        # "called for Y to ...", which the small model reads as a clause marked by "for"
        what = [t for t in marked.subtree if not (t.dep_ == "mark" and t.head == marked)]
        target = next((c for c in marked.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        evidence = [t for t in token.subtree if t.i >= token.i]
        return _Found(_demander(token, index), _party(target, index), what, [_span(evidence)], token, _keys(what))
    if on is None:
        return None
    target = next((c for c in on.children if c.dep_ == "pobj"), None)
    clause = next((t for t in token.subtree if t.dep_ in {"xcomp", "acl", "ccomp", "advcl"} and t.i > on.i and any(a.lower_ == "to" for a in t.children)), None)
    if target is None or clause is None:
        return None
    what = list(clause.subtree)
    by = _demander(token, index)
    if by is None and token.dep_ == "acl":
        # "Its chief executive, X, called on Y to ...", which the small model reads as a clause modifying X (or "chief
        # executive", X in apposition): with someone called on (Y), the verb is active, and X does the calling.
        named = token.head
        by = _party(named, index) or _party(next((c for c in named.children if c.dep_ == "appos"), None), index)
    return _Found(by, _party(target, index), [t for t in what if t.lower_ != "to" or t.i != what[0].i], [_span(_right_of(token))], token, _keys(what))



def _demand_noun(token: Token, index: PartyIndex) -> _Found | None:
    lemma = token.lemma_.lower()
    if lemma not in _DEMAND_NOUNS or token.pos_ != "NOUN":
        return None
    doc = token.doc
    modifiers = [c for c in token.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
    if any(m.lemma_.lower() in _NOT_A_DEMAND for m in modifiers):
        return None
    head = token.head
    # "... it wanted X as a precondition for Y": the verb's subject demands its object.
    if token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        what = list(obj.subtree)
        evidence = [t for t in verb.subtree if t.i >= verb.i and t.i <= token.right_edge.i]
        return _Found(_subject_party(_subject(verb), index), None, what, [_span(evidence)], token, _keys(what) | {obj.lemma_.lower()})
    # "on condition that ...": the main clause's subject sets it.
    if lemma == "condition" and token.dep_ == "pobj" and head.lower_ == "on":
        clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"}), None)
        if clause is None:
            return None
        what = [t for t in clause.subtree if t.dep_ != "mark" or t.head != clause]
        verb = head.head
        return _Found(_party(_subject(verb), index), _first_party(what, index), what, [_span([head, *clause.subtree])], token, _keys(what))
    if lemma in {"condition", "requirement"} and token.tag_ == "NNS":
        return None  # "conditions for investors", "capital requirements": circumstances, not a party's demand
    by = next((p for m in modifiers if (p := _party(m, index))), None)
    by_prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
    if by is None and by_prep is not None:
        by = _party(next((o for o in by_prep.children if o.dep_ == "pobj"), None), index)
    what: list[Token] = []
    of = None
    evidence = list(token.subtree)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            target = next((o for o in child.children if o.dep_ == "pobj"), None)
            of = _party(target, index)
            what = sorted({*what, *list(child.subtree)[1:]}, key=lambda t: t.i)
        elif child.dep_ in {"acl", "relcl", "ccomp", "advcl"} and child.pos_ in {"VERB", "AUX"}:
            # "a demand for Y to do Z": Y and what it is to do
            what = sorted({*what, *child.subtree}, key=lambda t: t.i)
            if of is None:
                of = _party(next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None), index)
    # The small model hangs "to recognise X" in "a demand for Y to recognise X" on the main verb: take the
    # infinitive that follows the noun phrase as the demand's content.
    end = evidence[-1].i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end + 1].pos_ == "VERB":
        infinitive = list(doc[end + 1].subtree)
        what = what + [t for t in infinitive if t.i >= end]
        evidence = evidence + [t for t in infinitive if t.i >= end]
    if not what:
        return None
    # "demand for steel" is a market; "a demand for X to do Y" or "the union's demands for ..." is a party's.
    owned = any(m.dep_ == "poss" for m in modifiers) and token.tag_ == "NNS"
    if not owned and not any(t.pos_ in {"VERB", "AUX"} for t in what):
        return None
    evidence = [t for t in evidence if t.i >= token.left_edge.i]
    return _Found(by, of, [t for t in what if t.lower_ != "to" or t is not what[0]], [_span(evidence)], token, _keys(what))


def _only_if(token: Token, index: PartyIndex) -> _Found | None:
    """ "negotiations will start only if Y ...", "X will only sign if Y ...", "X is prepared to ... if Y ..."."""
    if token.dep_ != "mark" or token.lower_ not in {"if", "unless", "provided", "providing"}:
        return None
    clause = token.head
    main = clause.head
    if clause.dep_ != "advcl" or main is clause:
        return None
    doc = token.doc
    only = token.i > 0 and doc[token.i - 1].lower_ == "only" or any(c.lower_ == "only" for c in main.children)
    offer = None
    current = main
    for _ in range(4):  # "it is prepared to accept X if ...": the offer adjective above the verb
        if current.lemma_.lower() in _OFFER_ADJECTIVES:
            offer = current
            break
        if current.head == current:
            break
        current = current.head
    refusal = token.lower_ == "unless" and any(c.dep_ == "neg" for c in main.children)
    if not (only or offer is not None or refusal or token.lower_ in {"provided", "providing"}):
        return None
    what = [t for t in clause.subtree if t.i > token.i]
    subject = _subject(offer if offer is not None else main)
    by = _subject_party(subject, index)
    if by is None and subject is not None and (subject.lemma_.lower() in _GATED_NOUNS or _noun_kind(subject)):
        # "negotiations will start only if ...": the condition of whoever the sentence before said would hold the talks
        by = _previous_subject(token.sent, index)
    start = (offer or main)
    first = _subject(start)
    evidence_tokens = [t for t in token.sent if first is not None and first.left_edge.i <= t.i <= clause.right_edge.i]
    if not evidence_tokens:
        evidence_tokens = [t for t in token.sent if t.i <= clause.right_edge.i]
    return _Found(by, _first_party(what, index), what, [_span(evidence_tokens)], token, _keys(what))


def _restriction(token: Token, index: PartyIndex) -> _Found | None:
    """ "Only firms ... will be permitted to bid": a rule set by whoever decided it."""
    if token.lemma_.lower() not in _RESTRICTING_VERBS:
        return None
    subject = next((c for c in token.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    if subject is None or not any(t.lower_ == "only" for t in subject.subtree if t.i < subject.i + 1):
        return None
    sent = token.sent
    what = [t for t in sent if not t.is_space]
    by, decision = _decider(token.doc, index, sent.start_char)
    if by is None:
        return None
    evidence = [_span(what)]
    if decision is not None:
        evidence.append(decision)
    return _Found(by, None, what, evidence, token, _keys(what))


def _decider(doc: Doc, index: PartyIndex, before: int) -> tuple[str | None, tuple[int, int] | None]:
    """The party of the last decision to restrict before `before` ("Peru's decision to exclude overseas bidders")."""
    found: tuple[str | None, tuple[int, int] | None] = (None, None)
    for token in doc:
        if token.idx >= before:
            break
        if token.lemma_.lower() not in _DECISION_NOUNS or token.pos_ != "NOUN":
            continue
        owner = next((c for c in token.children if c.dep_ in {"poss", "compound"}), None)
        party = _party(owner, index) if owner is not None else None
        restricting = next((c for c in token.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in _RESTRICTION_VERBS), None)
        if party and restricting is not None:
            found = (party, _span([owner, *[t for t in token.subtree if t.i >= owner.i]]))
    return found


# --- entry point ------------------------------------------------------------------------------------------


def _summary(found: _Found, index: PartyIndex) -> str:
    tokens = [t for t in found.what if not t.is_space][: _MAX_SUMMARY_TOKENS]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in {"cc"}):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"that", "to", "for"}):
        tokens = tokens[1:]
    text = "".join(t.text + t.whitespace_ for t in tokens).strip()
    text = text.replace("\u201c", "").replace("\u201d", "").replace('"', "")
    if len(found.what) > _MAX_SUMMARY_TOKENS:
        text += " …"
    if found.anchor.lemma_.lower() in {"precondition", "condition"} and found.anchor.dep_ == "pobj" and found.anchor.head.lower_ == "as":
        gated = [t for t in found.anchor.subtree if t.i > found.anchor.i]
        if gated:
            text += f" ({found.anchor.text} {''.join(t.text + t.whitespace_ for t in gated).strip()})"
    return text[:1].upper() + text[1:]


def _gated(found: _Found, agreements: list[Agreement]) -> str | None:
    """The agreement a condition gates, where the condition's clause refers to one ("... give it the network deal")."""
    for agreement in agreements:
        for start, end in found.evidence:
            if any(sp.start < end and start < sp.end for sp in agreement.evidence):
                return agreement.id
    for token in found.what:
        if _noun_kind(token) and any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its"} or c.dep_ == "poss" for c in token.children):
            earlier = [a for a in agreements if min(sp.start for sp in a.evidence) < token.idx]
            if earlier:
                return max(earlier, key=lambda a: max(sp.start for sp in a.evidence if sp.start < token.idx)).id
    return None


def find_conditions(doc: Doc, index: PartyIndex, agreements: list[Agreement]) -> list[Condition]:
    """Every demand, precondition and condition in the article, each once, with who demands it of whom."""
    found: list[_Found] = []
    seen: set[int] = set()
    for token in doc:
        hit = (
            _demand_verb(token, index)
            or _call_on(token, index)
            or _demand_noun(token, index)
            or _only_if(token, index)
            or _restriction(token, index)
        )
        if hit is None or hit.anchor.i in seen:
            continue
        start, end = _span([t for t in doc if hit.evidence[0][0] <= t.idx < hit.evidence[0][1]] or [hit.anchor])
        if any(f.evidence[0][0] <= start and end <= f.evidence[0][1] for f in found):
            continue  # inside a demand already read ("demanding that X ... before Y will agree to ...")
        seen.add(hit.anchor.i)
        # The same demand stated again ("give in to demands to free the prisoners") adds its evidence.
        same = next((f for f in found if hit.keys and hit.keys & f.keys and (hit.by is None or hit.by == f.by)), None)
        if same is not None:
            same.evidence.extend(e for e in hit.evidence if e not in same.evidence)
            continue
        if hit.by is None:
            continue  # a demand no party can be found for
        found.append(hit)
    conditions = []
    for hit in found:
        conditions.append(
            Condition(
                id=f"c{len(conditions) + 1}",
                by=hit.by,
                of=hit.of if hit.of != hit.by else None,
                summary=_summary(hit, index),
                agreement=_gated(hit, agreements),
                evidence=[Span(start=s, end=e) for s, e in hit.evidence],
            )
        )
    return conditions
