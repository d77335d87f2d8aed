"""Conditions and demands: who demands what of whom, linked to the agreement it gates.

What counts (GUIDELINES.md): a demand, precondition or condition one party places on another party or on an
agreement. The rules read these shapes:

- a verb of demanding: "X demanded that Y stop ...", "..., demanding that Y ...", "Y was demanded by X", "X insists on
  ...", "X called on Y to ...", "X appealed to Y to ...", "X pushed for ...", "X urged (warned, told, forced) Y to ...",
  "X wants Y to ...", "X wants the deal to ...", "X wanted the sanctions lifted", "X wants guarantees", "X wants to
  ensure that Y ...", "X requested (sought) Z from Y", "X held out for Z", "X said Y must (should) ...", "X said any deal
  must ...", "the sanctions must be lifted, X said", "'You should resign,' X told Y", "'Y must ... We will not wait,' X
  said";
- a noun of demanding or asking: "an X demand for Y to ...", "X's demands", "as a precondition for ...", "on condition
  that", "X said Y will be a condition of ...", "X sounded a call for Y to ...", "X's advice that Y should ...",
  "Liberal demands for Z", "Z, a key Liberal demand";
- a conditional commitment: "negotiations will start only if ...", "X will only sign if ...", "X is prepared to ... if Y
  ...", "unless", "as long as", "no progress until ...", "will not sign without ...", "would ... in return for ...",
  "depends on ...";
- an approval a deal awaits: "it still needs approval from X", "if ratified by X", "X must then vote on it";
- a restriction: "only firms ... will be permitted to bid", by whoever decided it ("X's decision to bar ...");
- a repeated demand ("give in to demands to free the prisoners"), or conditions said to be set a sentence from a stated
  demand of the same party ("X laid out conditions for talks"), adds evidence to the demand it repeats.

The one who demands is the subject of the verb of demanding or, for what another may do ("Y could ... only if"), the one
who reported it; "I" in a quotation is its speaker.

Not conditions: hopes and predictions (no shape above reads them; "if that happens", "if the talks collapse", "Y must
be feeling the pressure"), the terms of an agreement already reached or proposed ("Under the agreement (proposal), X
must (would) ..."), a consequence the narration states ("unless Y passes a bill, the government will close"), what a
condition is for or what became of it ("conditions to end the war", "conditions being accepted"), a demand denied ("X
has not called for ...", "you don't have to ..."), and a demand no party can be found for.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from generator.extract import lexicon, resolve
from generator.extract.agreements import _noun_kind  # the same agreement nouns
from generator.extract.parties import PartyIndex
from generator.model import Agreement, Condition, Party, PartyKind, Quote, Span

_DEMAND_VERBS = frozenset({"demand", "insist", "stipulate"})
# "X requested (sought) Z from Y": a demand where what is sought is another's to give.
_SEEKING_VERBS = frozenset({"seek", "request"})
_SOUGHT_NOUNS = frozenset({"assurance", "guarantee", "concession", "commitment", "pledge", "apology", "compensation", "release", "withdrawal", "removal", "relief", "raise", "increase", "cut", "reduction", "recognition", "exemption", "waiver", "ceasefire", "truce", "halt", "end", "return", "access", "refund", "resignation", "restoration", "reinstatement", "protection", "repeal", "reversal", "extension", "delay", "freeze", "cap"})
# "X urged Y to ...": verbs whose object is asked to act. The everyday ones ("asked", "told", "forced") only
# where the object is a party: "told reporters to expect delays" is no demand.
_OBJECT_CONTROL_VERBS = frozenset({"urge", "press", "push", "pressure", "implore", "warn"})
_OBJECT_CONTROL_VERBS_OF_A_PARTY = frozenset({"ask", "tell", "order", "force", "require"})
# "X called for ...", "X pushed for ..."; "X called on Y to ...", "X appealed to Y to ...".
_ASKING_FOR_VERBS = frozenset({"call", "push", "press", "lobby", "appeal", "ask"})
_ASKING_OF = {"call": {"on", "upon"}, "appeal": {"to"}}
_OBLIGATION_MODALS = frozenset({"must", "should"})
_KNOWING_VERBS = frozenset({"know", "understand", "realize", "realise", "remember", "learn"})
# "as long as it takes", "as long as they live": a duration, not a condition.
_DURATION_VERBS = frozenset({"take", "last", "live"})
_EXCHANGE_NOUNS = frozenset({"return", "exchange"})
_REFUSAL_VERBS = frozenset({"refuse", "decline"})
_REJECTING_VERBS = frozenset({"reject", "oppose", "veto", "resist"})
_PRESSURE_VERBS = frozenset({"block", "hold", "withhold", "boycott", "freeze", "suspend", "stall", "strike", "fight", "protest", "oppose", "blockade", "occupy", "picket", "filibuster"})
_THREAT_VERBS = frozenset({"threaten", "warn"})
_HYPOTHETICAL_MODALS = frozenset({"could", "might", "may"})  # "X could threaten to ...": a worry, not a threat
_ABILITY_MODALS = frozenset({"can", "ca"})  # "ca" of "can't"
_PROMISE_VERBS = frozenset({"agree", "offer", "promise", "pledge", "vow", "propose"})
_FUTURE_MODALS = frozenset({"will", "would", "'ll", "'d", "wo"})
# Steps of a deal a party may promise on a condition: "X would sign the treaty if ...".
_COMMITMENT_VERBS = frozenset({"agree", "accept", "sign", "support", "back", "approve", "ratify", "endorse", "join", "resume", "lift", "drop", "withdraw", "release", "allow", "end", "halt", "stop", "suspend", "delay", "extend", "grant"})
_STARTING_VERBS = frozenset({"begin", "start", "open", "hold", "negotiate", "talk", "proceed", "enter"})
_OFFER_VERBS = frozenset({"offer", "propose"})
# Measures a party can be asked to undo: "the sanctions must be lifted".
_MEASURE_NOUNS = frozenset({"cut", "sanction", "tariff", "embargo", "blockade", "ban", "restriction", "duty", "quota", "levy"})
_PROPOSAL_NOUNS = frozenset({"offer", "proposal", "plan", "draft", "framework"})
_DEPENDING_WORDS = {"depend": {"on", "upon"}, "hinge": {"on", "upon"}, "contingent": {"on", "upon"}, "conditional": {"on", "upon"}}
_APPROVAL_NOUNS = frozenset({"approval", "ratification", "consent", "endorsement", "vote"})
_APPROVAL_VERBS = frozenset({"approve", "ratify", "endorse", "vote"})
_AWAITING_VERBS = frozenset({"need", "require", "await"})
_DEMAND_NOUNS = frozenset({"demand", "precondition", "condition", "ultimatum", "requirement", "prerequisite"})
# "conditions to end the war", "conditions for talks": what a condition gates, not what it asks.
_CONDITION_NOUNS = frozenset({"condition", "precondition", "prerequisite", "requirement"})
# "demands being met", "conditions accepted by Y": what is done with a demand, in a participle.
_ANSWERING_VERBS = frozenset({"accept", "meet", "fulfil", "fulfill", "satisfy", "reject", "refuse", "drop", "dismiss", "make", "set", "issue", "outline"})
# Nouns of asking, which state a demand only with what is asked: "a call for Y to ...", "X's advice that Y should ...".
_ASKING_NOUNS = frozenset({"call", "request", "appeal", "advice"})
# "X sounded (issued, renewed) a call for ...": the subject of these verbs makes the demand their object names.
_MAKING_VERBS = frozenset({"make", "issue", "renew", "repeat", "reiterate", "sound", "voice", "lodge", "deliver", "send", "submit", "present"})
_SETTING_VERBS = frozenset({"set", "lay", "attach", "impose", "outline"})  # "X set conditions for ..."
# "demand for oil", "the conditions in the camps": senses of the nouns that are not a party's demand.
_NOT_A_DEMAND = frozenset({"market", "consumer", "customer", "energy", "oil", "power", "weather", "economic", "living", "working", "health", "phone", "conference", "close", "wake", "roll"})
_FAILING_VERBS = frozenset({"collapse", "fail", "falter", "founder", "stall"})
_OFFER_ADJECTIVES = frozenset({"prepared", "willing", "ready", "happy", "open"})
_RESTRICTING_VERBS = frozenset({"permit", "allow", "eligible", "able", "entitle", "let"})
_DECISION_NOUNS = frozenset({"decision", "ruling", "law", "rule", "ban", "move", "order", "decree", "regulation", "policy", "response", "answer", "vote", "approval", "offer"})
_RESTRICTION_VERBS = frozenset({"bar", "ban", "exclude", "restrict", "limit", "prohibit", "forbid", "block", "require"})
_ROLE_PLACES = {"country": PartyKind.country, "nation": PartyKind.country, "state": PartyKind.country}
_REPORTING_FAVOURS = frozenset({"anonymity", "comment"})  # "asking for anonymity": the terms of an interview, no demand
_MAX_SUMMARY_TOKENS = 24
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_TELLING_VERBS = frozenset({"tell", "warn", "urge"})
_ADDRESSEE_REACH = 60  # characters between a quotation and the "X told Y" that attributes it
_LEGISLATOR_NOUNS = frozenset({"lawmaker", "legislator", "senator", "congressman", "congresswoman", "mp", "mep", "deputy", "parliamentarian"})
_CANDIDATE_NOUNS = frozenset({"candidate", "nominee", "front-runner", "frontrunner", "hopeful", "challenger", "incumbent", "contender"})
_MEMBER_NOUNS = frozenset({"official", "leader", "member", "representative", "negotiator", "diplomat", "lawmaker", "aide", "employee", "delegate"})
# What a condition gates when the sentence names no actor: "negotiations will start only if ...".
_GATED_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "membership", "aid", "funding", "loan", "bailout", "payment", "sanction", "sanctions", "process", "progress", "support", "extension", "delay", "relief"})


@dataclass
class _Found:
    by: str | None
    of: str | None
    what: list[Token]
    evidence: list[tuple[int, int]]
    anchor: Token
    keys: set[str] = field(default_factory=set)  # content words, to recognise the same demand stated again
    fellows: list[str] = field(default_factory=list)  # parties demanding it with `by`: "X and Y called for ..."
    unstated: bool = False  # "X laid out conditions for talks": that there are conditions, not what they are


# --- small helpers ----------------------------------------------------------------------------------------


def _span(tokens: list[Token]) -> tuple[int, int]:
    # A non-projective parse yields a subtree out of order ("insisted on X -- an objective that Y reiterated").
    tokens = sorted([t for t in tokens if not t.is_space] or tokens, key=lambda t: t.i)
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
        if head.dep_ == "conj" and head.tag_ in _FINITE_TAGS and head.head.tag_ not in _FINITE_TAGS:
            # "X went after Y for Z's refusal to use the term and called for ...": a finite verb the small model hangs
            # on an infinitive is coordinated with the finite verb above it.
            finite = next((a for a in head.ancestors if a.tag_ in _FINITE_TAGS), None)
            if finite is not None:
                head = finite
                continue
        if head.dep_ in {"xcomp", "conj", "advcl", "acl", "ccomp", "acomp"} and head.head != head:
            head = head.head
            continue
        if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ in {"VERB", "AUX"}:
            head = head.head.head  # "X seeks survival by demanding ...": the one who acts demands
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
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
            return None  # "a group of teachers", "a coalition": someone new, not the organisation named before
        return resolve.organisation_meant(index, token)
    if token.lemma_.lower() in _ROLE_PLACES and token.tag_ == "NN":
        return index.before(token.idx, {_ROLE_PLACES[token.lemma_.lower()]})
    found = index.refer(token)
    if found:
        return found
    if token.tag_ == "PRP$":
        return _possessor(token, index)
    lemma = token.lemma_.lower()
    if token.tag_ == "NN" and lemma in _CANDIDATE_NOUNS and any(c.lower_ == "the" for c in token.children) and not any(c.dep_ == "prep" for c in token.children):
        # "the GOP candidate", "the Democratic nominee": the person of that role named before, not the party of the modifier
        return index.before(token.idx, {PartyKind.person})
    if token.tag_ == "NNS" and lemma in _MEMBER_NOUNS or token.tag_ == "NN" and lemma in lexicon.titles():
        # "officials in (of, from) X", "the head of X's delegation", "a spokesman for X" speak for X
        source = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "from", "at", "for"}), None)
        named = index.within(source.idx, source.right_edge.idx + len(source.right_edge)) if source is not None else []
        if named:
            return named[0]
    including = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"including", "led"}), None)
    if including is not None and (named := index.within(including.idx, including.right_edge.idx + len(including.right_edge))):
        return named[0]  # "others, including X and Y, urged ...": the first named of them
    inside = index.within(token.left_edge.idx, token.idx + len(token))
    if lemma in _LEGISLATOR_NOUNS:
        # "Canadian lawmakers", "British MPs": members of a legislature do not speak for their country's government.
        inside = [pid for pid in inside if (party := index.get(pid)) is not None and party.kind is not PartyKind.country]
    return inside[-1] if inside else None


_POSSESSIVE_KINDS = {
    "his": {PartyKind.person},
    "her": {PartyKind.person},
    "its": {PartyKind.organization, PartyKind.country},
    "their": {PartyKind.group, PartyKind.organization, PartyKind.country},
}


def _possessor(pronoun: Token, index: PartyIndex) -> str | None:
    """Whose "his"/"its"/"their" it is: the subject of the main clause when the pronoun comes before it ("Conceding
    defeat in his demand that ..., X agreed"), else the party of fitting kind named last."""
    kinds = _POSSESSIVE_KINDS.get(pronoun.lower_)
    if kinds is None:
        return None
    root = pronoun.sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.i > pronoun.i and (party := index.get(index.refer(subject))) and party.kind in kinds:
        return party.id
    return index.before(pronoun.idx, kinds)


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
            # "by listing the troubles that Y faces and calling for ...": who acts in a relative clause does not call
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ != "relcl" and (pid := _subject_party(token, index)):
                return pid
    return _subject_party(_subject(verb), index)


def _subject_party(subject: Token | None, index: PartyIndex) -> str | None:
    """The party of a subject; "it" and "they" inside what someone said are the one who said it ("The company
    has said it is prepared to ...")."""
    if subject is None:
        return None
    if subject.tag_ in {"WP", "WDT"} and subject.head.dep_ == "relcl":
        return _party(subject.head.head, index)  # "officials who want ...": the noun the clause describes
    if subject.lower_ in {"it", "they", "he", "she"}:
        # Inside quotation marks the speaker is "I" or "we": a third person is someone the narration does not name.
        if index.in_quote(subject.idx):
            return None
        clause = subject.head
        while clause.dep_ in {"xcomp", "acomp", "conj"} and clause.head != clause:
            clause = clause.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.reporting_verbs():
            speaker = _subject(clause.head)
            if speaker is not None and speaker.lower_ not in {"it", "they", "he", "she"}:
                return _party(speaker, index)
        if subject.lower_ == "they" and (named := _coordinated_subject_before(subject, index)):
            return named
    return _party(subject, index)


def _coordinated_subject_before(pronoun: Token, index: PartyIndex) -> str | None:
    """ "X and other lawyers say ... They say ...": "they" after a coordinated subject is its first named party."""
    sentence = pronoun.sent
    candidates = [t for t in sentence if t.i < pronoun.i and t.dep_ in {"nsubj", "nsubjpass"}]
    if not candidates and sentence.start > 0:
        previous = pronoun.doc[sentence.start - 1].sent
        candidates = [t for t in previous if t.dep_ in {"nsubj", "nsubjpass"} and t.head == previous.root]
    for subject in reversed(candidates):
        if subject.conjuncts:
            named = [pid for t in (subject, *subject.conjuncts) if (pid := index.refer(t))]
            return named[0] if named else None
    return None


def _reporter(verb: Token) -> Token | None:
    """The reporting verb whose reported clause holds `verb` ("X told reporters [there could be no ...]")."""
    current = verb
    while current.head != current:
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in lexicon.reporting_verbs():
            return current.head
        current = current.head
    return None


def _conditioner(verb: Token, index: PartyIndex) -> str | None:
    """Who sets a condition on what `verb` states: its subject where that is a party ("X will only sign if ..."), else
    the one who said it ("X said any deal would depend on ...", "X told reporters there could be no progress until
    ..."), else, for talks or a deal, whoever the sentence before said would hold them."""
    subject = _subject(verb)
    reporter = _reporter(verb)
    # "X suggested that Y could ignore the law only if ...": what Y may do is permitted by X, on X's condition.
    permitted = any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_MODALS | _ABILITY_MODALS for c in verb.children)
    if permitted and reporter is not None and (by := _demander(reporter, index)):
        return by
    if by := _subject_party(subject, index):
        return by
    if reporter is not None and (by := _demander(reporter, index)):
        return by
    if subject is not None and _gated_noun(subject):
        return _previous_subject(verb.sent, index)
    return None


def _gated_noun(noun: Token) -> bool:
    """A deal, or a step of talks a condition can gate: "any deal", "the talks", "the loan", "an extension"."""
    return noun.lemma_.lower() in _GATED_NOUNS or _noun_kind(noun) is not None


def _step(verb: Token) -> bool:
    """A step of a deal or of talks, which a condition can hold back: "sign the accord", "begin that process", "there
    could be no deal", "recommend entering talks"."""
    if verb.lemma_.lower() in _COMMITMENT_VERBS | _STARTING_VERBS:
        return True
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in _STARTING_VERBS for c in verb.children):
        return True
    return any(c.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"} and _gated_noun(c) for c in verb.children)


def _under_terms(verb: Token) -> bool:
    """ "Under the settlement, X said Y must ...", "As part of the deal, Y is required to ...": the terms of an agreement
    reached, not a demand; "Under the proposal, X would ... in return for ...": the terms of a proposal, no one's demand."""
    for head in [verb, *verb.ancestors]:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"under", "as"}:
                continue
            nouns = [o for o in prep.children if o.dep_ == "pobj"]
            nouns += [o for part in nouns if part.lemma_.lower() == "part" for of in part.children if of.lower_ == "of" for o in of.children if o.dep_ == "pobj"]
            if any(_noun_kind(n) or n.lemma_.lower() in _PROPOSAL_NOUNS for n in nouns):
                return True
    return False


def _negated(verb: Token) -> bool:
    """ "will not sign", "never agree", "refused to sign", "there could be no progress", "no deal is possible"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSAL_VERBS:
        return True
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return True
        if child.dep_ in {"attr", "dobj", "nsubj", "nsubjpass"} and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
    return False


def _without_conjuncts(head: Token) -> list[Token]:
    """The subtree of `head` without the clauses coordinated with it: "warned them not to act [and urged Y to ...]"."""
    cut = {t.i for c in head.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    return [t for t in head.subtree if t.i not in cut]


def _fellows(verb: Token, index: PartyIndex) -> list[str]:
    """The parties coordinated with the subject of `verb`: "X and Y called for ..." is a demand of each."""
    subject = _subject(verb)
    if subject is None:
        return []
    return [pid for c in subject.conjuncts if (pid := _party(c, index))]


def _restated(keys: set[str], earlier: set[str]) -> bool:
    """The same demand again: one's words all among the other's, or two words shared. One shared verb is not enough:
    "free the sailors only after Y allowed boats in" and "demands that Y allow the villagers to return" are two."""
    shared = keys & earlier
    return bool(shared) and (shared in (keys, earlier) or len(shared) >= 2)


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


# --- the shapes -------------------------------------------------------------------------------------------


def _demand_verb(token: Token, index: PartyIndex) -> _Found | None:
    lemma = token.lemma_.lower()
    if lemma not in _DEMAND_VERBS | _SEEKING_VERBS or token.pos_ not in {"VERB", "AUX"} or _negated(token):
        return None  # "she had not demanded that ...": no demand
    children = list(token.children)
    clause = next((c for c in children if c.dep_ in {"ccomp", "xcomp"}), None)
    on = next((c for c in children if c.dep_ == "prep" and c.lower_ == "on"), None)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if lemma in _SEEKING_VERBS and not _sought_of_another(token, obj, clause, index):
        return None
    if lemma == "insist":
        # "insisted the deal was fair" reports a view; "insisted on X", "insisted that Y must ..." demand.
        obliged = clause is not None and (
            any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_MODALS for c in clause.children)
            or clause.lemma_.lower() in {"have", "need"} and _to_clause(clause, clause.i) is not None  # "would have to"
        )
        # "insisted that Y commit to ...": the bare verb of the subjunctive is a demand too.
        # The tagger reads it as a plural present ("VBP") after a singular subject: "that the council commit".
        singular = clause is not None and any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} for c in clause.children)
        subjunctive = (
            clause is not None
            and (clause.tag_ == "VB" or clause.tag_ == "VBP" and singular)
            and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
        )
        if on is None and not obliged and not subjunctive:
            return None
    agent = next((c for c in children if c.dep_ == "agent"), None)
    demanded = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if clause is None and on is None and obj is None and agent is not None and demanded is not None:
        # "A ceasefire had been demanded by X before ...": the agent demands the subject.
        what = list(demanded.subtree)
        by = _party(next((o for o in agent.children if o.dep_ == "pobj"), None), index)
        evidence = [t for t in token.subtree if demanded.left_edge.i <= t.i]
        return _Found(by, None, what, [_span(evidence)], token, _keys(what) | {demanded.lemma_.lower()})
    what_root = clause or on or obj
    if clause is not None and clause.lemma_.lower() == "know" and lemma == "demand":
        return None  # "demanded to know who ...": a question, no demand
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
    return _Found(by, of, what, [_span(_right_of(token))], token, _keys(what), _fellows(token, index))


def _sought_of_another(verb: Token, obj: Token | None, clause: Token | None, index: PartyIndex) -> bool:
    """ "X requested guarantees (that Y ...)", "X sought assurances from Y", "X are seeking a raise": what one party asks
    another to give. Not "X seeks survival", "X seeks to ..." (a goal of its own) nor "requested anonymity"."""
    if obj is None:
        # "requested that Y delay the vote", "requested that the vote be delayed"; not "requested that its ministries
        # come up with ideas": what no party is asked to do.
        if verb.lemma_.lower() != "request" or clause is None or clause.dep_ != "ccomp":
            return False
        return any(c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and _party(c, index) for c in clause.children)
    if obj.lemma_.lower() in _REPORTING_FAVOURS:
        return False
    if verb.lemma_.lower() == "request":
        return True
    source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if source is not None and _party(next((o for o in source.children if o.dep_ == "pobj"), None), index):
        return True
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    return any(o.lemma_.lower() in _SOUGHT_NOUNS for o in objects)


def _to_clause(verb: Token, after: int) -> Token | None:
    """The infinitive clause of a verb after position `after`: "urged Y [to sign ...]"."""
    return next(
        (c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl", "acl"} and c.i > after and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )


def _object_control(token: Token, index: PartyIndex) -> _Found | None:
    """ "X urged Y to ...", "X warned Y not to ...", "X is determined to force Y to ...", "X requires Y to ..."."""
    lemma = token.lemma_.lower()
    # "X gave Y until Friday to ...": a deadline is a demand.
    deadline = lemma == "give" and any(c.dep_ == "prep" and c.lower_ in {"until", "till"} for c in token.children)
    if lemma not in _OBJECT_CONTROL_VERBS | _OBJECT_CONTROL_VERBS_OF_A_PARTY and not deadline or token.pos_ != "VERB" or _negated(token) or _under_terms(token):
        return None
    obj = next((c for c in token.children if c.dep_ in {"dobj", "dative"}), None)
    clause = _to_clause(token, obj.i) if obj is not None else None
    if obj is None or clause is None:
        return None
    # The infinitive follows the one asked: "pushing her to victory despite her struggles to attract ..." asks nothing.
    to = next(a for a in clause.children if a.dep_ == "aux" and a.lower_ == "to")
    if not deadline and any(t.lower_ not in {"not", "never"} for t in token.doc[obj.right_edge.i + 1 : to.i]):
        return None
    if any(t.tag_ in {"WP", "WRB"} for t in clause.children):
        return None  # "told them what to say": an instruction, no demand
    of = _party(obj, index)
    by = _demander(token, index)
    if (lemma in _OBJECT_CONTROL_VERBS_OF_A_PARTY or deadline) and (of is None or of == by):
        return None
    own = _without_conjuncts(clause)
    what = [t for t in own if not (t.dep_ == "aux" and t.lower_ == "to" and t.head == clause)]
    clause_tokens = {t.i for t in clause.subtree} - {t.i for t in own}
    evidence = [t for t in _without_conjuncts(token) if t.i >= token.i and t.i not in clause_tokens]
    return _Found(by, of, what, [_span(evidence)], token, _keys(what), _fellows(token, index))


def _wish_of_another(token: Token, index: PartyIndex) -> _Found | None:
    """What a party wants of another or of a deal: "X wants Y to ...", "X wants any deal to include ...", "X wanted
    the sanctions lifted", "X wanted relief for closing the plant", "X wants to see Y ...".

    "X wants to buy ..." is a wish of its own, and no condition."""
    if token.lemma_.lower() != "want" or token.pos_ != "VERB":
        return None
    children = list(token.children)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    # "wants any deal to include ...": the small model may hang the infinitive on the object. What is wanted follows
    # the verb: a clause before it is said, not wanted ("That was a mistake, I want to tell you").
    clause = next((c for c in children if c.dep_ in {"ccomp", "xcomp"} and c.i > token.i), None) or (_to_clause(obj, obj.i) if obj is not None else None)
    by = _demander(token, index)
    what: list[Token] = []
    of = None
    if clause is not None:
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        actor = obj if obj is not None else next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        seen = next((c for c in clause.children if c.dep_ in {"dobj", "ccomp"}), None) if clause.lemma_.lower() == "see" else None
        if to and actor is not None and (_party(actor, index) or _noun_kind(actor)):
            what, of = list(clause.subtree), _party(actor, index) or next((p for p in _parties_in(clause, index) if p != by), None)
        elif to and actor is None and seen is not None and (of := _party(seen if seen.dep_ == "dobj" else _subject(seen), index)):
            what = list(clause.subtree)  # "want to see Y out of business"
        elif to and actor is None and (ensured := _ensured(clause)) is not None and (
            (of := next((p for p in [_party(_subject(ensured), index)] if p != by), None)) or _gated_noun(_subject(ensured) or clause)
        ):
            what = list(ensured.subtree)  # "X wants to guarantee that the talks lead to ...": an assurance asked of another
        elif to and actor is None and seen is not None and _thing_done(seen):
            what = list(clause.subtree)  # "want to see speed limits added": a thing done, as "wanted Z lifted"
        elif clause.tag_ in {"VBN", "VBD"} and actor is not None and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in clause.children):
            what, of = list(clause.subtree), _party(actor, index)  # "wanted the sanctions lifted"
    elif obj is not None:
        exchange = next(
            (c for c in [*children, *obj.children] if c.dep_ == "prep" and (c.lower_ == "for" and any(p.dep_ == "pcomp" for p in c.children) or _in_exchange(c))),
            None,
        )
        if exchange is not None:  # "wanted complete relief for dismantling the plant"
            what = [*obj.subtree, *exchange.subtree]
        elif not _as_a_condition(token) and any(o.lemma_.lower() in _SOUGHT_NOUNS for o in (obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ == "appos"))):
            what = list(obj.subtree)  # "X wants guarantees", "X want clean legislation, an increase without conditions"
    if not what:
        return None
    evidence = [t for t in token.subtree if t.i >= token.i and t.i <= what[-1].i]
    return _Found(by, of, what, [_span(evidence)], token, _keys(what), _fellows(token, index))


def _ensured(clause: Token) -> Token | None:
    """What "want to ensure (guarantee) that ..." wants made sure: the clause of the verb of ensuring."""
    if clause.lemma_.lower() not in {"ensure", "guarantee", "secure"}:
        return None
    return next((c for c in clause.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _thing_done(seen: Token) -> bool:
    """ "see [speed limits added]", "see [the tariffs] lifted": a named thing and what is to be done to it (not "see
    this done": a pronoun names nothing asked for)."""
    if seen.dep_ == "dobj":
        return seen.pos_ != "PRON" and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in seen.children)
    return seen.tag_ == "VBN" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in seen.children)


def _as_a_condition(verb: Token) -> bool:
    """ "wanted Z as a precondition for ...": the noun of demanding reads it, with its demander."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(o.lemma_.lower() in _DEMAND_NOUNS for o in c.children) for c in verb.children)


def _parties_in(head: Token, index: PartyIndex) -> list[str]:
    return index.within(head.left_edge.idx, head.right_edge.idx + len(head.right_edge))


def _in_exchange(prep: Token) -> bool:
    """ "in return for", "in exchange for": the preposition "in" of the phrase."""
    noun = next((o for o in prep.children if o.dep_ == "pobj"), None)
    return prep.lower_ == "in" and noun is not None and noun.lemma_.lower() in _EXCHANGE_NOUNS and any(c.lower_ == "for" for c in noun.children)


def _call_on(token: Token, index: PartyIndex) -> _Found | None:
    """ "X called on Y to ...", "X calls upon Y to ...", "X appealed to Y to ...", "X called (pushed, pressed) for Y to
    ..." / "... for a Z", "X held out for Z"."""
    lemma = token.lemma_.lower()
    holding_out = lemma == "hold" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)  # "X held out for Z"
    if lemma not in _ASKING_FOR_VERBS and not holding_out or token.pos_ != "VERB" or _negated(token) or _speculated(token):
        return None  # "she had not yet called for his resignation": no call
    # The preposition right after the verb: "called X on Friday to thank her" is a phone call.
    on = next(
        (c for c in token.children if c.dep_ in {"prep", "dative"} and c.lower_ in _ASKING_OF.get(lemma, ()) and all(t.pos_ == "ADV" for t in token.doc[token.i + 1 : c.i])),
        None,
    )
    # The preposition after the verb: "For decades, X has called for ..." is a time, not what is called for.
    for_ = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > token.i), None)
    # "was called a charlatan for ...", "called X for ...": a name or a phone call, not a call for something.
    named = any(c.dep_ in {"dobj", "oprd", "nsubjpass", "auxpass"} for c in token.children)
    if on is None and for_ is not None and not named:
        what = list(for_.subtree)[1:]
        clause = next((c for c in token.children if c.dep_ in {"ccomp", "xcomp"} and c.i > for_.i), None)
        if not what and clause is not None:
            what = list(clause.subtree)  # "called for compensation to be clawed back": the clause hangs on the verb
        end = for_.right_edge.i + 1
        doc = token.doc
        if end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end].head.pos_ == "VERB" and doc[end].head.i > end:
            what += [t for t in doc[end].head.subtree if t.i >= end]  # "called for Y to (be) ..." (small-model attachment)
        if not what:
            return None
        evidence = [t for t in token.subtree if token.i <= t.i <= what[-1].i]
        target = next((o for o in for_.children if o.dep_ == "pobj"), None)
        if target is not None and target.lemma_.lower() in _REPORTING_FAVOURS:
            return None
        keys = _keys(what) | {target.lemma_.lower()} if target is not None else _keys(what)
        return _Found(_demander(token, index), _party(target, index), what, [_span(evidence)], token, keys, _fellows(token, index))
    marked = next((c for c in token.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
    if on is None and marked is not None:
        # "called (pressed) for Y to ...", which the small model reads as a clause marked by "for"
        what = [t for t in marked.subtree if not (t.dep_ == "mark" and t.head == marked)]
        target = next((c for c in marked.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        evidence = [t for t in token.subtree if t.i >= token.i]
        return _Found(_demander(token, index), _party(target, index), what, [_span(evidence)], token, _keys(what), _fellows(token, index))
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
    what = [t for t in what if t.lower_ != "to" or t.i != what[0].i]
    return _Found(by, _party(target, index), what, [_span(_right_of(token))], token, _keys(what), _fellows(token, index))


def _speculated(verb: Token) -> bool:
    """ "X could push for ...", "X might try to call for ...", "X could take it to court, pushing for ...": what a
    party may do one day, no call it made."""
    # A finite verb states its own call: "It may come as no surprise, as X called for ..."
    held = [verb, verb.head] if verb.dep_ in {"advcl", "conj", "xcomp"} and verb.tag_ not in _FINITE_TAGS else [verb]
    return any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_MODALS for t in held for c in t.children)


def _reported_obligation(token: Token, index: PartyIndex) -> _Found | None:
    """ "X said (added) that Y must (should) ...": a demand of Y by the one who said it, where Y is another party;
    "X said any deal must include ...", "the sanctions must be lifted, X said": a condition X sets on a deal or a
    measure."""
    reporter = _reporting_verb(token)
    if reporter is None or _negated(reporter) or not _obliged(token):
        return None  # "X does not believe Y should ...": no demand
    by = _demander(reporter, index)
    what = [t for t in token.subtree if t.dep_ != "mark" or t.head != token]
    # Only an actor can be asked to act: "the Games must be rescheduled" is a decision on a thing.
    # The subject names the party itself: "X's performance should boost ..." is a forecast about X.
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    of = index.refer(subject) if subject is not None and subject.pos_ != "PRON" else None
    if of is not None:
        return _Found(by, of, what, [_span(what)], token, _keys(what)) if by is not None and of != by else None
    subject = subject or next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or by is None or not _deal_or_measure_asked(subject, token):
        return None
    return _Found(by, None, what, [_span(what)], token, _keys(what) | {subject.lemma_.lower()})


def _reporting_verb(verb: Token) -> Token | None:
    """The verb that reports `verb`'s clause: "X said [Y must ...]", or the aside "[Y], X said, [must ...]"."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.reporting_verbs():
        return verb.head
    return next((c for c in verb.children if c.dep_ == "parataxis" and c.lemma_.lower() in lexicon.reporting_verbs()), None)


def _deal_or_measure_asked(subject: Token, verb: Token) -> bool:
    """ "any agreement must include ...", "the sanctions must be lifted", "tariffs should be lowered": what a deal
    must hold, or a measure to be undone, is a condition on the deal. Not "the deal must be approved by X" (the
    approver's condition) nor "the talks must continue" (a hope)."""
    lemma = subject.lemma_.lower()
    if not (_gated_noun(subject) or lemma in _MEASURE_NOUNS):
        return False
    if any(c.dep_ == "det" and c.lower_ in {"any", "every"} for c in subject.children):
        return True
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _obliged(verb: Token) -> bool:
    """ "Y must (should, needs to, has to) act": an act asked of the subject. Not "Y should be immune from criticism",
    "Y should be the president" (a view of a state), nor an obligation under the terms of an agreement reached."""
    if verb.lemma_.lower() == "be" and any(c.dep_ in {"acomp", "attr"} for c in verb.children) or _under_terms(verb):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBG" and "be" in auxiliaries or verb.tag_ == "VBN" and "have" in auxiliaries:
        return False  # "Y must be feeling the pressure", "Y must have known": a guess, no act asked
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # "Should Y win the vote, ...", "Should Y resign?": a modal before its subject asks nothing of it
    modal = any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_MODALS and (subject is None or c.i > subject.i) for c in verb.children)
    # "you don't have to share my faith": nothing asked ("Y must not ..." forbids); "Y need to know that ...": a
    # warning, no act asked.
    needed = verb.lemma_.lower() in {"need", "have"} and (clause := _to_clause(verb, verb.i)) is not None and clause.lemma_.lower() not in _KNOWING_VERBS
    return modal and verb.lemma_.lower() not in _KNOWING_VERBS or needed and not _negated(verb)


def _told_obligation(token: Token, index: PartyIndex, quotes: list[Quote]) -> _Found | None:
    """ "'You should resign,' X told Y": inside a quotation, "you must (should) ..." said to a party is a demand of it."""
    if token.lower_ != "you" or token.dep_ != "nsubj" or not _obliged(token.head):
        return None
    quote = next((q for q in quotes if q.speaker and q.evidence.start <= token.idx < q.evidence.end), None)
    if quote is None:
        return None
    of = _addressee(token.doc, quote, index)
    if of is None or of == quote.speaker:
        return None  # "you have to look at both ...": a generic "you", said to no one in particular
    verb = token.head
    what = [t for t in verb.subtree if t.i >= token.i]
    return _Found(quote.speaker, of, what, [_span(what)], verb, _keys(what))


def _quoted_obligation(token: Token, index: PartyIndex, quotes: list[Quote]) -> _Found | None:
    """ '"Y must withdraw its ships. We will not wait," X said': a sentence of a quotation that asks another party to act
    is its speaker's demand, though no verb of saying governs it (the last sentence's "X said" reads that one)."""
    if token.dep_ != "ROOT" or not _obliged(token):
        return None
    quote = next((q for q in quotes if q.speaker and q.evidence.start <= token.idx < q.evidence.end), None)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if quote is None or subject is None or subject.pos_ == "PRON":
        return None
    of = index.refer(subject)
    if of is None or of == quote.speaker:
        return None
    what = list(token.subtree)
    return _Found(quote.speaker, of, what, [_span(what)], token, _keys(what))


def _quoted_first_person(anchor: Token, quotes: list[Quote]) -> str | None:
    """The speaker of a quotation whose "I" sets the condition: "'I will only sign it if Y ...,' X said"."""
    start = anchor.head.head if anchor.dep_ == "mark" else anchor  # "if Y ...": the clause it hangs on
    for head in [start, *start.ancestors]:
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            if subject.lower_ != "i":
                return None
            return next((q.speaker for q in quotes if q.evidence.start <= subject.idx < q.evidence.end), None)
    return None


def _addressee(doc: Doc, quote: Quote, index: PartyIndex) -> str | None:
    """The party a quotation is said to: the object of "told" (warned, urged) just before or after it."""
    near = _ADDRESSEE_REACH
    for token in doc:
        if quote.evidence.start - near <= token.idx < quote.evidence.start or quote.evidence.end <= token.idx < quote.evidence.end + near:
            if token.lemma_.lower() in _TELLING_VERBS and (told := next((c for c in token.children if c.dep_ in {"dobj", "dative"}), None)):
                return index.refer(told)
    return None


def _demand_noun(token: Token, index: PartyIndex) -> _Found | None:
    lemma = token.lemma_.lower()
    if lemma not in _DEMAND_NOUNS | _ASKING_NOUNS or token.pos_ != "NOUN":
        return None
    doc = token.doc
    modifiers = [c for c in token.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
    if any(m.lemma_.lower() in _NOT_A_DEMAND for m in modifiers):
        return None
    head = token.head
    # "... it wanted X as a precondition for Y": the verb's subject demands its object.
    if token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in {"VERB", "AUX"} and token.tag_ == "NN":
        verb = head.head
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        what = list(obj.subtree)
        evidence = [t for t in verb.subtree if t.i >= verb.i and t.i <= token.right_edge.i]
        return _Found(_subject_party(_subject(verb), index), None, what, [_span(evidence)], token, _keys(what) | {obj.lemma_.lower()})
    # "on (under) condition that ...": the main clause's subject sets it.
    if lemma == "condition" and token.dep_ == "pobj" and head.lower_ in {"on", "upon", "under"}:
        clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"}), None)
        if clause is None or token.tag_ != "NN" or _about_the_demand(token, clause):
            return None  # "would rely on three conditions being accepted by Y": no condition stated
        what = [t for t in clause.subtree if t.dep_ != "mark" or t.head != clause]
        # "attend the summit on condition that ...": the small model may hang the condition on the verb's object
        verb = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), head.head)
        return _Found(_party(_subject(verb), index), _first_party(what, index), what, [_span([head, *clause.subtree])], token, _keys(what))
    # "They say the release of documents will be a condition of any agreement": the subject is the condition, set by
    # the one who says so.
    if token.dep_ == "attr" and head.lemma_.lower() == "be":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        reporter = _reporter(head)
        if subject is None or reporter is None or _negated(head):
            return None  # "X should not be a requirement" is no condition
        if subject.lemma_.lower() in _DEMAND_NOUNS | _ASKING_NOUNS:
            return None  # "Y's conditions were an ultimatum": a view of a demand made by another
        what = list(subject.subtree)
        evidence = [t for t in head.subtree if subject.left_edge.i <= t.i <= token.right_edge.i]
        return _Found(_demander(reporter, index), None, what, [_span(evidence)], token, _keys(what) | {subject.lemma_.lower()})
    # "X set (laid out, attached) conditions for ...": the subject sets them.
    if token.dep_ == "dobj" and head.lemma_.lower() in _SETTING_VERBS:
        if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_MODALS for t in [head, *head.ancestors][:3] for c in t.children):
            return None  # "X might try to lay out conditions": a rumour or a worry, none set
        what = list(token.subtree)
        evidence = [t for t in head.subtree if head.i <= t.i <= token.right_edge.i]
        return _Found(_demander(head, index), None, what, [_span(evidence)], token, _keys(what) | {token.lemma_.lower()}, unstated=True)
    owner = next((p for m in modifiers if m.dep_ == "poss" and (p := _party(m, index))), None)
    if lemma in {"condition", "requirement"} and token.tag_ == "NNS" and owner is None:
        return None  # "conditions for investors", "capital requirements": circumstances, not a party's demand
    by = next((p for m in modifiers if (p := _party(m, index) or _members(m, index))), None)
    by_prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
    if by is None and by_prep is not None:
        by = _party(next((o for o in by_prep.children if o.dep_ == "pobj"), None), index)
    made = token.dep_ == "dobj" and head.lemma_.lower() in _MAKING_VERBS
    if made and _negated(head):
        return None  # "they do not make a call on ...": nothing asked
    if by is None and made:
        by = _demander(head, index)
    what: list[Token] = []
    of = None
    evidence = [head, *token.subtree] if made else list(token.subtree)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            target = next((o for o in child.children if o.dep_ == "pobj"), None)
            of = _party(target, index)
            what = sorted({*what, *list(child.subtree)[1:]}, key=lambda t: t.i)
        elif child.dep_ in {"acl", "relcl", "ccomp", "advcl"} and child.pos_ in {"VERB", "AUX"} and not (child.dep_ == "relcl" and lemma in _ASKING_NOUNS) and not _about_the_demand(token, child):
            # "a demand for Y to do Z": Y and what it is to do ("an appeal that presaged her defeat" describes the
            # appeal, not what it asks)
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
    elif end < len(doc) and doc[end].dep_ == "mark" and doc[end].lower_ == "that" and doc[end].head.head == token.head and doc[end].head.i > end:
        # "discussing the demand that Y ...": the small model hangs the demand's clause on the verb above the noun.
        clause = [t for t in doc[end].head.subtree if t.i >= end]
        what, evidence = what + clause[1:], evidence + clause
        if of is None:
            of = _party(next((c for c in doc[end].head.children if c.dep_ in {"nsubj", "nsubjpass"}), None), index)
    if not what and token.dep_ == "appos" and by is not None:
        # "... lower fuel taxes, a key Liberal demand": the demand is what the noun renames.
        renamed = token.head
        while renamed.dep_ == "pobj" and renamed.head.dep_ == "prep" and renamed.head.head.pos_ in {"NOUN", "PROPN"}:
            renamed = renamed.head.head
        what = [t for t in renamed.subtree if t.i < token.left_edge.i and not (t.is_punct and t.i == token.left_edge.i - 1)]
        evidence = [*what, *evidence]
        if what:
            return _Found(by, None, what, [_span(evidence)], token, _keys(what) | {renamed.lemma_.lower()})
    if not what:
        return None
    # "demand for steel" is a market; "a demand for X to do Y", "the union's demands for ..." or "the union's demand
    # for ..." is a party's.
    owned = any(m.dep_ == "poss" for m in modifiers) and (token.tag_ == "NNS" or by is not None) or by is not None and token.tag_ == "NNS"
    if (not owned or lemma in _ASKING_NOUNS) and not any(t.pos_ in {"VERB", "AUX"} for t in what):
        return None
    evidence = [t for t in evidence if t.i >= min(token.left_edge.i, head.i if made else token.i)]
    return _Found(by, of, [t for t in what if t.lower_ != "to" or t is not what[0]], [_span(evidence)], token, _keys(what))


def _members(modifier: Token, index: PartyIndex) -> str | None:
    """The party a member's adjective names: "Liberal demands" are the demands of the Liberals."""
    plural = f"{modifier.lower_}s"
    return next((p.id for p in index.parties if p.name.lower() == plural or p.name.lower() == f"the {plural}"), None)


def _about_the_demand(noun: Token, clause: Token) -> bool:
    """A clause on a noun of demanding that says what the demand is for or what became of it, not what it asks: "his
    conditions to end the war", "three conditions being accepted by Y", "demands that the leaders rejected"."""
    if clause.lemma_.lower() in _ANSWERING_VERBS and clause.tag_ == "VBN":
        return True  # "a call for Y to accept Z" asks Y to accept
    if noun.lemma_.lower() in _CONDITION_NOUNS and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return True
    return clause.dep_ == "relcl" and any(c.tag_ in {"WDT", "WP"} and c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in clause.children)


def _conditional_clause(token: Token, index: PartyIndex) -> _Found | None:
    """ "negotiations will start only if Y ...", "X will only sign if Y ...", "X is prepared to ... if Y ...", "X will
    ... unless Y ...", "X is fine with it as long as Y ...", "there can be no progress until Y ..."."""
    if token.dep_ != "mark" or token.lower_ not in {"if", "unless", "provided", "providing", "until", "as", "after", "once"}:
        return None
    clause = token.head
    doc = token.doc
    # "X would back it, but only after Y ...": the small model coordinates the restricted clause with the main one.
    restricted = clause.dep_ == "conj" and token.i > 0 and doc[token.i - 1].lower_ == "only"
    if clause.dep_ != "advcl" and not restricted or clause.head.i == clause.i:
        return None
    main = clause.head
    # "fine with Y taking action as long as ...": the clause belongs to the verb above the phrase it hangs on.
    while main.pos_ not in {"VERB", "AUX"} or main.dep_ in {"pcomp", "advmod"}:
        if main.head.i == main.i:
            return None
        main = main.head
    if token.lower_ == "as":
        lasting = token.i >= 2 and doc[token.i - 1].lower_ == "long" and doc[token.i - 2].lower_ in {"as", "so"}
        if not lasting or clause.lemma_.lower() in _DURATION_VERBS:
            return None
    if token.lower_ == "until" and not (_negated(main) and _step(main) or _pressure_kept_up(main)):
        return None  # "until you've sat at that desk, you don't know ...": no step waits
    judged = next((c for c in main.children if c.dep_ == "acomp"), None)
    clause_of_it = any(x.dep_ in {"xcomp", "ccomp"} for x in [*main.children, *(judged.children if judged is not None else [])])
    if main.lemma_.lower() == "be" and judged is not None and clause_of_it and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in main.children):
        return None  # "unless Y quits, it is difficult to see how ...": a forecast, set by no one
    only = token.i > 0 and doc[token.i - 1].lower_ == "only" or any(c.lower_ == "only" for c in main.children)
    # "X is prepared for a fight if Y ...": the offer adjective below the verb, or above it ("X is prepared to accept Z if")
    offer = next((c for c in main.children if c.dep_ == "acomp" and _offering(c)), None)
    current = main
    for _ in range(4 if offer is None else 0):
        if _offering(current):
            offer = current
            break
        if current.head == current:
            break
        current = current.head
    if token.lower_ in {"after", "once"} and not only:
        return None
    if clause.lemma_.lower() in _FAILING_VERBS or any(c.dep_ == "nsubj" and c.lower_ in {"that", "this"} for c in clause.children):
        return None  # "X will ramp up pressure if the talks collapse", "if that happens": an event, nothing asked of anyone
    # "Unless Y passes a bill, the government will close", in the narration: a consequence, no party's condition. A
    # party's refusal, threat or step, or what a party says will happen unless ..., is one.
    refused = _negated(main) or main.lemma_.lower() in _REJECTING_VERBS  # "X will reject a delay unless Y ..."
    chosen = only or offer is not None or refused or _step(main) or _threat(main, clause) or _pressure_kept_up(main)
    if token.lower_ == "unless" and not (chosen or _reporter(main) is not None or index.in_quote(token.idx)):
        return None
    # "a lie unless proven otherwise": a condition names who is to act.
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
        return None
    what = [t for t in clause.subtree if t.i > token.i]
    start = offer or main
    by = _conditioner(start, index)
    of = next((p for p in [_first_party(what, index)] if p != by), None)
    if token.lower_ == "if" and not (only or offer is not None or _conditional_commitment(main)):
        # A threat is a demand of another party: "X will act if Y does not ...".
        if not _threat(main, clause) or of is None:
            return None
    first = _subject(start)
    evidence_tokens = [t for t in token.sent if first is not None and first.left_edge.i <= t.i <= clause.right_edge.i]
    if not evidence_tokens:
        evidence_tokens = [t for t in token.sent if main.left_edge.i <= t.i <= clause.right_edge.i]
    return _Found(by, of, what, [_span(evidence_tokens)], token, _keys(what))


def _pressure_kept_up(main: Token) -> bool:
    """ "X vowed to block the budget until Y ...", "X will hold up the permits until Y ...": pressure promised to last
    until another acts is a demand of it. Not "the talks went on until Y arrived": nothing pressed, nothing promised."""
    pressing = [t for t in [main, *(c for c in main.children if c.dep_ == "xcomp")] if t.lemma_.lower() in _PRESSURE_VERBS]
    promised = main.lemma_.lower() in _PROMISE_VERBS | _THREAT_VERBS
    return any(promised or any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in t.children) for t in pressing)


def _offering(token: Token) -> bool:
    return token.lemma_.lower() in _OFFER_ADJECTIVES or token.lower_ in _OFFER_ADJECTIVES


def _threat(main: Token, clause: Token) -> bool:
    """ "X threatened to ... if Y ...", "X will act if Y does not ...": a threat makes its "if" a demand. Not "X will be
    hurt if Y does not ...": the one threatened is no one who acts."""
    threatened = any(
        t.lemma_.lower() in _THREAT_VERBS and not any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_MODALS for c in t.children)
        for t in [main, *main.ancestors][:3]
    )
    modal = any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in main.children)
    active = any(c.dep_ == "nsubj" for c in main.children)
    return threatened or modal and active and _negated(clause)


def _conditional_commitment(main: Token) -> bool:
    """ "X would sign (accept, back, resume talks) if ...", "X agreed (offered) to ... if ...": a step of a deal promised
    on a condition."""
    if _negated(main):
        return False  # "X would not accept it if it were offered" is a refusal, no promise
    modal = any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in main.children)
    # A promise of a step: "agreed to extend", "offered to sign". "If Y ..., X offers voters what they want" is a forecast.
    promised = (
        main.dep_ == "xcomp" and main.head.lemma_.lower() in _PROMISE_VERBS
        or main.lemma_.lower() in _PROMISE_VERBS and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "to" for c in main.children)
    )
    ending_up = any(c.dep_ == "prt" and c.lower_ == "up" for c in main.children)  # "X will end up passing ...": an outcome
    return modal and main.lemma_.lower() in _COMMITMENT_VERBS and not ending_up or promised


def _refusal_without(token: Token, index: PartyIndex) -> _Found | None:
    """ "X will not sign without Y ...", "there will be no deal without Y ...": what the refusal waits for."""
    if token.lower_ != "without" or token.dep_ != "prep":
        return None
    main = token.head
    # "will not agree to the release of X without Y": the small model hangs the phrase on the object of the step.
    step = main.head.head if main.dep_ == "pobj" and main.head.dep_ == "prep" else main.head
    if main.pos_ == "NOUN" and main.dep_ in {"pobj", "dobj"} and step.pos_ == "VERB" and _step(step) and _negated(step):
        main = step
    # A refusal to act ("will not sign"), or no deal at all ("there will be no deal"): "without him, the enthusiasm
    # might not be there" is a guess.
    if main.pos_ in {"NOUN", "PROPN"} and main.dep_ in {"attr", "dobj", "nsubj"}:
        if not any(d.dep_ == "det" and d.lower_ == "no" for d in main.children) or not _gated_noun(main):
            return None
        main = main.head
    elif (
        main.lemma_.lower() == "be"
        or any(c.dep_ == "nsubjpass" for c in main.children)
        or any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_MODALS | _ABILITY_MODALS for c in main.children)
    ):
        return None  # "cannot be left without consequences", "she can't win without ...": no one refuses
    if main.pos_ not in {"VERB", "AUX"} or not _negated(main):
        return None
    what = list(token.subtree)[1:]
    if not what:
        return None
    evidence = _clause_with(main, token, token.right_edge)
    by = _conditioner(main, index)
    return _Found(by, next((p for p in [_first_party(what, index)] if p != by), None), what, [_span(evidence)], token, _keys(what))


def _in_return(token: Token, index: PartyIndex) -> _Found | None:
    """ "X would (is prepared to, offered to) ... in return for Y ...": what an offer asks for.

    Not the terms of a deal already reached ("X agreed to ... in return for ..."): those are the agreement."""
    if not _in_exchange(token) or token.dep_ != "prep":
        return None
    main = token.head
    if main.pos_ not in {"VERB", "AUX"}:
        return None
    modal = any(c.dep_ == "aux" and c.lower_ in {"would", "will", "could", "'d", "'ll"} for c in main.children)
    offering = any(t.lemma_.lower() in _OFFER_VERBS | _OFFER_ADJECTIVES for t in [main, *main.ancestors][:3])
    if not (modal or offering) or _under_terms(main):
        return None
    noun = next(o for o in token.children if o.dep_ == "pobj")
    for_ = next(c for c in noun.children if c.lower_ == "for")
    what = list(for_.subtree)[1:]
    if not what:
        return None
    evidence = _clause_with(main, token, for_.right_edge)
    by = _conditioner(main, index)
    return _Found(by, next((p for p in [_first_party(what, index)] if p != by), None), what, [_span(evidence)], token, _keys(what))


def _clause_with(main: Token, first: Token, last: Token) -> list[Token]:
    """The words from the subject of `main` (or `first`, when the phrase opens the sentence: "Without X, Y will not
    ...") to `last` (or `main`, when the phrase comes first)."""
    subject = _subject(main)
    start = subject.left_edge.i if subject is not None and subject.i < main.i else main.i
    start, end = min(start, first.i), max(last.i, main.i)
    return [t for t in main.sent if start <= t.i <= end]


def _dependence(token: Token, index: PartyIndex) -> _Found | None:
    """ "X said any deal would depend on Y ...", "the aid is contingent on Y ...": a deal or step that waits on
    something, set by the one who said so (or whose step it is)."""
    if token.lemma_.lower() == "condition" and token.pos_ == "VERB":
        # "X conditioned its support on Y ...": the subject sets the condition.
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        on = next((c for c in [*token.children, *(obj.children if obj is not None else [])] if c.dep_ == "prep" and c.lower_ in {"on", "upon"}), None)
        if on is None:
            return None
        what = [t for t in token.subtree if t.i > on.i]
        by = _demander(token, index)
        return _Found(by, next((p for p in [_first_party(what, index)] if p != by), None), what, [_span(_right_of(token))], token, _keys(what))
    preps = _DEPENDING_WORDS.get(token.lemma_.lower())
    if preps is None or token.pos_ not in {"VERB", "ADJ"}:
        return None
    on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in preps), None)
    if on is None and token.dep_ == "acomp" and token.i + 1 < len(token.doc):
        # "it would be conditional on ...": the small model hangs the phrase on the verb.
        on = next((c for c in token.head.children if c.dep_ == "prep" and c.lower_ in preps and c.i == token.i + 1), None)
    if on is None:
        return None
    verb = token if token.pos_ == "VERB" else token.head
    subject = _subject(verb)
    # "The economy depends on exports" is a fact: a deal, a step of the talks ("the length of the extension") or a
    # party's decision waits on a condition.
    if subject is None or not any(_gated_noun(t) or t.lemma_.lower() in _DECISION_NOUNS for t in subject.subtree if t.i >= subject.i):
        if subject is None or subject.lower_ != "it" or not any(_gated_noun(t) for t in token.sent if t.i < subject.i):
            return None  # "a loan would be possible, but it would be conditional on ...": "it" is the step
    what = list(on.subtree)[1:]
    by = _conditioner(verb, index)
    evidence = [t for t in token.sent if subject.left_edge.i <= t.i <= on.right_edge.i]
    return _Found(by, next((p for p in [_first_party(what, index)] if p != by), None), what, [_span(evidence)], token, _keys(what))


def _approval(token: Token, index: PartyIndex) -> _Found | None:
    """An approval a deal still awaits, the approver's condition: "it still needs approval from X", "if ratified by
    X", "it must be approved by X", "X must then vote on it"."""
    lemma = token.lemma_.lower()
    if lemma in _APPROVAL_NOUNS and token.pos_ == "NOUN" and _awaited(token):
        source = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}), None)
        if source is None or (by := _approver(next((o for o in source.children if o.dep_ == "pobj"), None), index)) is None:
            return None
        verb = token.head if token.dep_ == "dobj" else token.head.head.head
        subject = _subject(verb)
        start = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
        evidence = [t for t in token.sent if start <= t.i <= source.right_edge.i]
        return _Found(by, None, list(token.subtree), [_span(evidence)], token, {lemma})
    if lemma not in _APPROVAL_VERBS or token.pos_ != "VERB":
        return None
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if token.tag_ == "VBN" and agent is not None and (aux & {"must"} or any(c.dep_ == "mark" and c.lower_ == "if" for c in token.children)):
        by = _approver(next((o for o in agent.children if o.dep_ == "pobj"), None), index)  # "if ratified by X"
        what = [t for t in token.subtree if t.dep_ != "mark" or t.head != token]
    elif "must" in aux and token.tag_ == "VB" and (lemma != "vote" or any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children)):
        subject = _subject(token)
        by = _approver(subject, index)  # "X must then vote on it"
        what = [t for t in token.subtree if subject is None or t.i > subject.right_edge.i]
    else:
        return None
    if by is None:
        return None
    return _Found(by, None, what, [_span(list(token.subtree))], token, {lemma})


def _awaited(noun: Token) -> bool:
    """ "needs (requires, awaits) approval", "is subject to approval"."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in _AWAITING_VERBS
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "subject" and noun.head.head.head.pos_ == "AUX"


def _approver(token: Token | None, index: PartyIndex) -> str | None:
    """The party an approver's noun names itself ("the Senate", "shareholders"): "Vantor's workforce" is not Vantor, nor
    "the Liberation Front chief" the Liberation Front."""
    return index.refer(token) if token is not None else None


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


def _commentator(party: Party | None) -> bool:
    """A party the text introduces by a commentator's role ("a senior fellow at ...")."""
    title = (party.title or "").lower() if party is not None else ""
    return any(f" {role} " in f" {title} " for role in lexicon.expert_roles())


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


def _fold_unstated(found: list[_Found]) -> list[_Found]:
    """ "X could not recommend talks until Y ... She laid out conditions for talks": conditions said to be set, beside a
    demand of the same party stated a sentence away, are that demand, and add their evidence to it."""
    kept = []
    for hit in found:
        stated = next((f for f in found if f is not hit and not f.unstated and f.by == hit.by and _adjacent(f.anchor.sent, hit.anchor.sent)), None)
        if hit.unstated and stated is not None:
            stated.evidence.extend(e for e in hit.evidence if e not in stated.evidence)
        else:
            kept.append(hit)
    return kept


def _adjacent(one: SpacySpan, other: SpacySpan) -> bool:
    """The same sentence, or one right after the other."""
    if one.start > other.start:
        one, other = other, one
    return one == other or other.start > 0 and other.doc[other.start - 1].sent == one


def find_conditions(doc: Doc, index: PartyIndex, agreements: list[Agreement], quotes: list[Quote]) -> list[Condition]:
    """Every demand, precondition and condition in the article, each once, with who demands it of whom."""
    found: list[_Found] = []
    seen: set[int] = set()
    token_starts = [t.idx for t in doc]  # to find the tokens of a span without a scan of the doc per hit
    for token in doc:
        hit = (
            _demand_verb(token, index)
            or _object_control(token, index)
            or _wish_of_another(token, index)
            or _call_on(token, index)
            or _reported_obligation(token, index)
            or _told_obligation(token, index, quotes)
            or _quoted_obligation(token, index, quotes)
            or _demand_noun(token, index)
            or _conditional_clause(token, index)
            or _refusal_without(token, index)
            or _in_return(token, index)
            or _dependence(token, index)
            or _approval(token, index)
            or _restriction(token, index)
        )
        if hit is None or hit.anchor.i in seen:
            continue
        if hit.by is None:
            hit.by = _quoted_first_person(hit.anchor, quotes)
        covered = doc[bisect_left(token_starts, hit.evidence[0][0]) : bisect_left(token_starts, hit.evidence[0][1])]
        start, end = _span(list(covered) or [hit.anchor])
        if any(f.evidence[0][0] <= start and end <= f.evidence[0][1] for f in found):
            continue  # inside a demand already read ("demanding that X ... before Y will agree to ...")
        seen.add(hit.anchor.i)
        # The same demand stated again ("give in to demands to free the prisoners") adds its evidence.
        same = next((f for f in found if _restated(hit.keys, f.keys) and (hit.by is None or hit.by == f.by)), None)
        if same is not None:
            same.evidence.extend(e for e in hit.evidence if e not in same.evidence)
            continue
        if hit.by is None or _commentator(index.get(hit.by)):
            continue  # a demand no party can be found for; an expert's "should" is commentary
        found.append(hit)
    found = _fold_unstated(found)
    conditions = []
    for hit in found:
        for by in dict.fromkeys([hit.by, *hit.fellows]):
            conditions.append(
                Condition(
                    id=f"c{len(conditions) + 1}",
                    by=by,
                    of=hit.of if hit.of != by else None,
                    summary=_summary(hit, index),
                    agreement=_gated(hit, agreements),
                    evidence=[Span(start=s, end=e) for s, e in hit.evidence],
                )
            )
    return conditions
