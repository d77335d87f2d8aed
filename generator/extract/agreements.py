"""Agreements: deals, truces, ceasefires, accords and commitments, with parties, duration, status and each
side's account.

Reading order:

1. **Mentions.** Every clause that states an agreement: a verb of agreeing or of a transaction ("agreed to",
   "signed a preliminary agreement", "has sold X to Y", "will pay X ... for", "swapped X for Y") or an agreement
   noun ("a deal bringing ...", "the ceasefire", "Under the agreement"). A noun inside the clause of a verb
   mention belongs to that mention ("sold Acme a stake, as part of a supply agreement" is one mention).
2. **Not agreements.** A mention under a hope, wish, plan, offer, demand, refusal, condition or failure ("both
   sides hope to reach a deal", "a failure to reach an agreement", "prepared to accept ... if", "before X will
   agree to"), negated, or under a modal ("could", "would") is not a reported agreement.
3. **One entry per agreement.** A definite mention ("the deal", "this agreement", "the sale", "Under the
   agreement") refers back to the latest agreement of a fitting kind (a sale to a sale or a generic deal, a
   ceasefire to a ceasefire) and adds its evidence; so does an indefinite one naming the same thing ("a
   preliminary agreement" ... "preliminary agreements"). A lone "the deal" with nothing to refer back to points at
   the lead: the first sentence naming two or more parties states the deal in news style.
4. **Facts.** Parties from the subjects, objects and partners of each mention ("both sides" and "the two leaders"
   to the two parties last named); duration ("30-day", "over the next 10 years"); status from what happens to it
   ("terminated", "suspended", "rejected"); a summary from the clause of the most telling mention.
5. **Accounts.** Who describes each mention: the speaker of the quotation it is in ("... the White House read-out
   said") or the subject of the reporting verb over it ("the Kremlin noted that it had agreed ..."). Two parties
   describing agreements of the same specific kind (both a ceasefire) describe the same event: each account is
   attached to both, so a fact sheet can set them side by side. Accounts are kept only where two or more parties
   give one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from generator.extract import lexicon
from generator.extract.parties import PartyIndex
from generator.model import Account, Agreement, AgreementStatus, PartyKind, Quote, Span

# Agreement nouns and the kind of agreement each names. "generic" refers back to any kind.
_NOUN_KINDS = {
    **dict.fromkeys("deal agreement accord pact treaty contract settlement memorandum arrangement understanding".split(), "generic"),
    **dict.fromkeys("ceasefire cease-fire truce armistice".split(), "truce"),
    **dict.fromkeys("partnership alliance collaboration venture".split(), "partnership"),
    **dict.fromkeys("sale purchase acquisition takeover merger buyout pay-off payoff payout".split(), "transaction"),
    # "a prisoner swap", "a swap brokered by X": an exchange the two sides agreed.
    "swap": "generic",
}
_PLURAL_NOT_AGREEMENT = frozenset({"sale", "purchase", "acquisition"})
# Adjectives that say nothing of what was agreed: "a partial agreement was reached" names no agreement of its own.
_VAGUE_ADJECTIVES = frozenset(
    "limited broad broader new final first initial tentative preliminary formal informal historic landmark major big "
    "important significant partial full overall wider general fresh latest bipartisan controversial sweeping ambitious".split()
)
# Nouns that name an agreement only in some company: "understanding" and "arrangement" also mean other things,
# "venture" needs "joint".
_WEAK_NOUNS = frozenset({"understanding", "arrangement", "venture", "memorandum"})
# Verbs of a transaction, with the kind they make ("take over" reads as "buy").
_TRANSACTION_VERBS = frozenset({"sell", "buy", "acquire", "purchase", "pay", "swap", "merge"})
# What a party settles when it settles with the other side: "settled the lawsuit", "settled claims".
_DISPUTE_NOUNS = frozenset(
    "lawsuit suit case claim dispute charge allegation litigation action complaint row probe investigation inquiry".split()
)
# "a similar deal", "another agreement", "a separate settlement": a deal other than the one told before.
_OTHER = frozenset("similar another separate other different previous earlier prior".split())
_ACCEPT_VERBS = frozenset({"accept", "approve", "ratify", "sign", "seal", "conclude", "clinch", "finalise", "finalize", "strike", "reach", "broker", "cut"})
# What can be accepted or approved and make an agreement of it.
_ACCEPTABLE = frozenset(set(_NOUN_KINDS) | {"offer", "bid", "proposal", "terms", "plan", "package", "compromise", "conditions"})
# What a buyer buys when the thing bought is not itself a party: a business or a share of one.
_BUSINESS_NOUNS = frozenset(
    "stake share shares company firm business unit arm division subsidiary assets operations operation rival "
    "maker group bank brand chain network holding holdings interest".split()
)
# Words over a mention that make it a hope, plan, offer, demand or refusal rather than a reported agreement.
_IRREALIS_HEADS = frozenset(
    "hope want wish seek try attempt aim plan intend expect propose offer consider discuss negotiate push urge call "
    "demand ask need prepare prepared willing ready keen eager likely unlikely fail failure refuse refusal reject "
    "decline option right bid effort talk talks negotiation negotiations progress chance possibility prospect lead "
    "alternative threaten promise pledge vow insist condition precondition would-be prospective potential set "
    "possible proposed draft planned appeal help vie strive struggle scramble determination drive quest race press pressure lobby encourage future "
    # "had been unable to agree on the bills", "is open to a cease-fire": an agreement not (yet) made.
    "unable open".split()
)
# A definite mention ("the deal") stands for an agreement already made even under a modal ("the deal could
# collapse"); only a hope or a condition over it makes it hypothetical.
_HYPOTHETICAL_HEADS = frozenset("hope want wish seek propose offer need prepared willing ready refuse decline fail".split())
# Words of getting near a deal not yet made: "close to", "nearing", "on the verge of", "on the brink of".
_APPROACH = frozenset("close closer near nearer verge brink cusp edge".split())
# What is said of a deal not made: "remains elusive", "looks possible", "is unlikely".
_UNREAL_PREDICATES = frozenset("elusive possible impossible likely unlikely imminent distant remote achievable doable".split())
_IRREALIS_MARKS = frozenset({"if", "unless", "whether", "before", "until", "once", "lest"})
# "The priority has been to secure a contract": what a copula's subject names as an aim is not yet done.
_AIM_NOUNS = frozenset("priority goal aim objective task mission purpose ambition".split())
_MODALS = frozenset({"could", "would", "might", "may", "should", "must", "can", "ca", "shall"})
_MAKING_VERBS = frozenset({"make", "do", "strike", "reach", "sign", "cut", "get"})
_TOWARD = frozenset({"toward", "towards"})
# Verbs whose subject takes part in the agreement that is their object: "X signed a deal", "X pulled out of the deal";
# not who rejects or blocks a deal others made ("Bolivia rejected the treaty").
_TAKING_PART_VERBS = frozenset(
    "agree reach strike cut sign seal conclude clinch finalise finalize broker negotiate accept approve ratify have "
    "enter join renew extend honour honor implement win announce complete keep consider pull walk back opt "
    "suspend terminate cancel scrap freeze halt end abandon break breach violate withdraw quit tear unwind".split()
)
_TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "summit", "discussion", "discussions"})
# "X pulled out of the deal", "X backed out": these take part only with their particle; "X backed the deal" backs
# a deal others made.
_LEAVING_VERBS = frozenset({"pull", "walk", "back", "opt"})


def _takes_part(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _LEAVING_VERBS:
        return any(c.lower_ in {"out", "away", "off"} for c in verb.children)
    return lemma in _TAKING_PART_VERBS


# Where a deal stands, read from the verb of the clause that mentions it ("the Senate passed the deal", "X pulled
# out of the pact", "the truce collapsed"): one word, or a verb and its particle or preposition.
_S = AgreementStatus
_STATUS_VERBS = {
    "propose": _S.proposed, "table": _S.proposed, "offer": _S.proposed, "float": _S.proposed,
    "negotiate": _S.under_negotiation, "discuss": _S.under_negotiation,
    "agree": _S.agreed, "reach": _S.agreed, "strike": _S.agreed, "cut": _S.agreed, "seal": _S.agreed, "clinch": _S.agreed,
    "conclude": _S.agreed, "settle": _S.agreed, "accept": _S.agreed, "announce": _S.agreed,
    "sign": _S.signed, "ink": _S.signed, "countersign": _S.signed,
    "approve": _S.approved, "pass": _S.approved, "endorse": _S.approved, "adopt": _S.approved, "clear": _S.approved,
    "ratify": _S.ratified,
    "suspend": _S.suspended, "freeze": _S.suspended, "halt": _S.suspended, "pause": _S.suspended, "end": _S.suspended,
    "reject": _S.rejected, "veto": _S.rejected, "block": _S.rejected, "overturn": _S.rejected, "rebuff": _S.rejected,
    "sink": _S.rejected, "refuse": _S.rejected, "defeat": _S.rejected,
    "collapse": _S.collapsed, "fail": _S.collapsed, "founder": _S.collapsed, "unravel": _S.collapsed,
    "withdraw": _S.withdrawn, "terminate": _S.withdrawn, "cancel": _S.withdrawn, "scrap": _S.withdrawn,
    "abandon": _S.withdrawn, "quit": _S.withdrawn, "exit": _S.withdrawn, "unwind": _S.withdrawn, "annul": _S.withdrawn,
    "void": _S.withdrawn, "renounce": _S.withdrawn,
}
_STATUS_PHRASES = {
    ("hammer", "out"): _S.under_negotiation, ("work", "out"): _S.under_negotiation,
    ("vote", "down"): _S.rejected, ("break", "down"): _S.collapsed, ("fall", "apart"): _S.collapsed,
    ("fall", "through"): _S.collapsed, ("break", "up"): _S.collapsed, ("pull", "out"): _S.withdrawn,
    ("walk", "away"): _S.withdrawn, ("back", "out"): _S.withdrawn, ("opt", "out"): _S.withdrawn,
    ("tear", "up"): _S.withdrawn, ("come", "end"): _S.suspended,
    ("take", "effect"): _S.in_force, ("come", "force"): _S.in_force, ("come", "effect"): _S.in_force,
    ("go", "effect"): _S.in_force, ("enter", "force"): _S.in_force, ("be", "force"): _S.in_force,
    ("be", "effect"): _S.in_force, ("sign", "law"): _S.signed,
}
# Words on the agreement noun itself: "a tentative deal", "the proposed accord", "the signed treaty".
_STATUS_ADJECTIVES = {
    "tentative": _S.tentative, "preliminary": _S.tentative, "interim": _S.tentative, "provisional": _S.tentative,
    "proposed": _S.proposed, "draft": _S.proposed, "planned": _S.proposed, "signed": _S.signed,
    "ratified": _S.ratified,
}
# Statuses that a later event sets over the stages before it; otherwise the furthest stage told wins.
_STAGES = (_S.proposed, _S.under_negotiation, _S.tentative, _S.agreed, _S.signed, _S.approved, _S.ratified, _S.in_force)
_ENDINGS = frozenset({_S.suspended, _S.rejected, _S.collapsed, _S.withdrawn})
# Who set a status, where the clause says: "approved by the Senate", "X pulled out".
_STATUS_WITH_ACTOR = frozenset({_S.signed, _S.approved, _S.ratified, _S.rejected, _S.withdrawn, _S.suspended})
_REPORTING_EXTRA = frozenset({"note", "confirm", "report", "indicate", "show", "announce", "state"})
# Who agrees with an opinion rather than to an agreement.
_COMMENTATORS = frozenset(
    "analyst expert observer economist commentator critic scientist researcher academic historian most many "
    "everyone everybody people pundit investor trader voter reader".split()
)
# Unnamed subjects that can make an agreement, besides the role and state nouns of the general tables.
_AGREEING_NOUNS = frozenset(
    "official negotiator member shareholder board director creditor lender union employer worker owner buyer "
    "seller partner rebel militia faction minister envoy delegation mediator team club administration "
    "management family".split()
)
# Plural nouns that stand for the parties of an agreement: "both sides agreed", "the two leaders agreed".
_SIDE_NOUNS = {
    "side": None, "party": None, "leader": PartyKind.person, "president": PartyKind.person,
    "firm": PartyKind.organization, "company": PartyKind.organization, "group": PartyKind.organization,
    "country": PartyKind.country, "nation": PartyKind.country, "government": PartyKind.country,
    "state": PartyKind.country, "partner": None,
    # "the two economic superpowers", "the two neighbours", "the two allies".
    "superpower": PartyKind.country, "power": PartyKind.country, "neighbour": PartyKind.country,
    "neighbor": PartyKind.country, "ally": PartyKind.country, "rival": PartyKind.country,
}
# Verbs whose subject is an agreement and whose object its terms.
_TERMS_VERBS = frozenset("include mean involve give require allow see cover provide oblige commit let make".split())
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_NUMBER_WORDS = (
    r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|ninety|a hundred|hundred"
)
_UNITS = r"(?:hour|day|week|month|year|decade)"
_DURATION = re.compile(
    rf"\b(?:(?:{_NUMBER_WORDS})-{_UNITS}\b|(?:for|over|during|lasting|last)\s+(?:a period of\s+|the next\s+|the coming\s+|up to\s+)?"
    rf"(?:{_NUMBER_WORDS})\s+{_UNITS}s?\b)",
    re.IGNORECASE,
)
_MAX_SUMMARY_TOKENS = 28
# How far into the story (in paragraphs after the lead's) a lone "the deal" may refer to the lead.
_LEAD_REACH_PARAGRAPHS = 2
# How far back (in tokens, about two sentences) a deal told again may reach.
_TOLD_AGAIN_TOKENS = 60
# What else an agreement's length is given for: "a three-year bailout", "a 99-year lease".
_TERM_NOUNS = frozenset("bailout loan programme program lease licence license freeze moratorium extension term period plan".split())


@dataclass
class _Mention:
    sent: SpacySpan
    anchor: Token  # the trigger word
    tokens: list[Token]  # the clause that states it, in order
    kind: str
    definite: bool = False  # refers back: "the deal", "this agreement", "Under the agreement"
    content: bool = True  # says what was agreed (not a bare "the deal")
    parties: list[str] = field(default_factory=list)
    source: str | None = None  # who describes it

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last)


@dataclass
class _Entry:
    mentions: list[_Mention]
    kinds: set[str]
    status: AgreementStatus = AgreementStatus.agreed
    accounts: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


# --- finding mentions -------------------------------------------------------------------------------


def _hyphenated(token: Token) -> str:
    """The whole of a hyphenated word the tokenizer split ("pay - off" -> "pay-off")."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_:
        return f"{doc[token.i - 2].lower_}-{token.lower_}"
    return token.lower_


def _noun_kind(token: Token) -> str | None:
    """The kind of agreement a noun names, or None when it names none here."""
    kind = _lexical_kind(token)
    if kind is None:
        return None
    children = list(token.children)
    lemma = token.lemma_.lower()
    # "takeover bid", "merger talks", "ceasefire agreement": a modifier of another noun is not a mention of its own.
    if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i:
        return None
    # "a great deal of", "in agreement with", "of its own accord": other senses of the words.
    if lemma == "deal" and any(c.dep_ == "amod" and c.lower_ in {"great", "good"} for c in children):
        return None
    # "a big deal about X", "it's no big deal": a matter of weight, unless it is a kind of deal ("a big trade deal").
    if lemma == "deal" and any(c.dep_ == "amod" and c.lower_ in {"big", "huge"} for c in children) and not any(
        c.dep_ in {"compound", "nmod"} or (c.dep_ == "prep" and c.lower_ in {"with", "between", "to", "for", "on"}) for c in children
    ):
        return None
    if lemma == "agreement" and token.dep_ == "pobj" and token.head.lower_ == "in" and not any(c.dep_ == "det" for c in children):
        return None
    if lemma == "accord" and any(c.lower_ == "own" for c in children):
        return None
    # "so much bipartisan agreement", "a higher level of agreement": a bare "agreement" is consensus unless it is
    # reached, signed or struck ("they reached agreement").
    if lemma == "agreement" and token.tag_ == "NN" and not any(c.dep_ in {"det", "poss", "nummod"} for c in children):
        if not (token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in _TAKING_PART_VERBS):
            return None
    # "Israeli settlements", "a settlement of 200 homes": a settlement is an agreement only when reached or paid.
    # "The settlement, approved on Friday, ...": a definite one refers back to a settlement reached.
    reached = token.head.lemma_.lower() in _ACCEPT_VERBS | {"agree", "pay", "announce"} or _is_definite(token) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in children
    )
    if lemma == "settlement" and not (token.tag_ == "NN" and reached):
        return None
    return kind


def _lexical_kind(token: Token) -> str | None:
    word = _hyphenated(token)
    if token.pos_ not in {"NOUN", "PROPN"} and not (token.tag_.startswith("NN")):
        return None
    if word in _NOUN_KINDS and word not in _WEAK_NOUNS:
        return _NOUN_KINDS[word]
    lemma = token.lemma_.lower()
    # "sales of $5bn", "product sales": the plural is turnover, not a sale.
    if lemma in _PLURAL_NOT_AGREEMENT and token.tag_ in {"NNS", "NNPS"}:
        return None
    kind = _NOUN_KINDS.get(lemma) or _NOUN_KINDS.get(word)
    if kind is None:
        return None
    if lemma in _WEAK_NOUNS and not _strong_weak_noun(token):
        return None
    # The small model tags the verb "accords with" as a plural noun ("the read-outs accords with the analysis").
    if lemma == "accord" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "with":
        return None
    return kind


def _strong_weak_noun(token: Token) -> bool:
    left = {c.lower_ for c in token.lefts}
    lemma = token.lemma_.lower()
    if lemma == "venture":
        return "joint" in left
    if bool(left & {"signed", "written", "formal", "binding"}):
        return True
    # "a memorandum of understanding"; "an understanding of the issue" is knowledge, "an understanding between X
    # and Y" an agreement.
    preps = {c.lower_ for c in token.rights if c.dep_ == "prep"}
    return "of" in preps if lemma in {"memorandum", "arrangement"} else bool(preps & {"between", "with"})


def _compound_kind(token: Token) -> set[str]:
    """Kinds named by a noun and its compounds: "partnership agreement" is both generic and a partnership."""
    kinds = {k for k in (_noun_kind(token),) if k}
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nmod"} and (k := _NOUN_KINDS.get(child.lemma_.lower())):
            kinds.add(k)
    return kinds


def _verb_trigger(token: Token, index: PartyIndex) -> str | None:
    """The kind of agreement a verb states, or None."""
    if token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"):
        return None
    lemma = token.lemma_.lower()
    children = list(token.children)
    deps = {c.dep_ for c in children}
    if lemma == "agree":
        if token.tag_ == "VBG" and token.dep_ == "amod":
            return None
        preps = {c.lower_ for c in children if c.dep_ == "prep"}
        subject = _subject(token)
        # "By signing up, you agree to our terms": the reader is never a party.
        if subject is not None and subject.lower_ == "you":
            return None
        # "by agreeing to tests they may not need": agreeing in general, by no one named.
        if subject is None and token.tag_ == "VBG":
            return None
        if _misparsed_view(token):
            return None
        # "Analysts agree that ...": commentators sharing an opinion, not parties making an agreement.
        named = [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
        if subject is not None and subject.pos_ == "NOUN" and not _party_of(subject, index) and not _can_agree(subject) and not any(
            _party_of(c, index) for c in named
        ):
            return None  # "US chipmaker X has agreed": the name in apposition is the subject
        if _shares_a_view(token, subject, preps):
            return None
        # "Most lawmakers agree that ...", "the party agrees only on its opposition": the present tense tells a view
        # held, not an agreement reached; "agree to" a truce still reads as one.
        if token.tag_ in {"VBP", "VBZ"} and "to" not in preps and "xcomp" not in deps:
            return None
        if deps & {"xcomp", "ccomp", "dobj", "nsubjpass"} or preps & {"to", "on", "upon"}:
            kinds = {k for c in token.subtree if (k := _noun_kind(c)) and c.i != token.i}
            return "truce" if "truce" in kinds or _stops_fighting(token) else "generic"
        return None
    if lemma == "settle":
        return "generic" if _settles_a_dispute(token, index) else None
    if lemma in _ACCEPT_VERBS:
        obj = next((c for c in children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if obj is None or obj.lemma_.lower() not in _ACCEPTABLE or _denied(obj) or _irrealis(obj):
            return None
        if lemma in {"reach", "strike", "broker", "cut"} and _noun_kind(obj) is None:
            return None
        # "cut a deal" is an idiom of that one noun: "cut its offer" lowers it.
        if lemma == "cut" and obj.lemma_.lower() != "deal":
            return None
        return _noun_kind(obj) or "generic"
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in children):
        lemma = "buy"
    if lemma not in _TRANSACTION_VERBS:
        return None
    partners = [c for c in children if c.dep_ == "dative" and _party_of(c, index)]
    for prep in (c for c in children if c.dep_ in {"prep", "dative"}):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ in {"to", "from", "with"} and any(_party_of(o, index) for o in objects):
            partners.append(prep)
    obj = next((c for c in children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if lemma == "pay" and obj is not None:
        # The small model reads "pay Acme 1.55bn euros" as one noun phrase with the payee as a modifier of the sum.
        partners.extend(c for c in obj.children if c.dep_ in {"nmod", "compound"} and c.i < obj.i and _party_of(c, index))
    priced = any(c.dep_ == "prep" and c.lower_ == "for" for c in children)
    business = obj is not None and (obj.lemma_.lower() in _BUSINESS_NOUNS or bool(_parties_in(obj, index)))
    subject = _subject(token)
    if subject is None or not (_party_of(subject, index) or subject.lower_ in {"it", "they", "he", "she"}):
        return None
    if lemma == "swap":
        return "transaction" if priced and obj is not None else None
    if lemma == "merge":
        return "transaction" if partners or any(c.dep_ == "conj" for c in subject.children) else None
    if lemma == "pay":
        # "X and Y are to pay $260m to settle the lawsuits": a payment that settles is a settlement.
        settles = any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() == "settle" for c in children)
        return "transaction" if partners or settles or (priced and any(_parties_in(p, index) for p in children if p.lower_ == "for")) else None
    if lemma == "sell":
        return "transaction" if partners or (priced and business) else None
    # buy, acquire, purchase: a business or a share of one ("bought a 5% stake in X", "acquired its rival").
    return "transaction" if business else None


# "agreed to cease hostilities", "agreed to stop the fighting": a truce in other words.
_STOPPING = frozenset("cease stop halt end suspend".split())
_FIGHTING = frozenset("hostility fighting fight attack fire war conflict violence shelling".split())


def _stops_fighting(verb: Token) -> bool:
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _STOPPING and any(o.dep_ == "dobj" and o.lemma_.lower() in _FIGHTING for o in c.children)
        for c in verb.children
    )


def _shares_a_view(verb: Token, subject: Token | None, preps: set[str]) -> bool:
    """ "The judge agreed with X that ...", "Y agreed that the rules should change", "all agreed that": one person
    sharing a view is no agreement; two sides agreeing that ("the leaders agreed that", "X and Y agreed that") are."""
    if "with" in preps and any(c.dep_ == "ccomp" for c in verb.children):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or subject is None:
        return False
    if subject.dep_ == "nsubjpass":  # "it was agreed that ..."
        return False
    # "The scholars agreed that there are good candidates", "lawmakers who agree that such deals are harmful": a
    # that-clause stating what is (no will, would, should or bare verb of what is to be done) is a view.
    if not any(_to_be_done(c) for c in clauses):
        return True
    if verb.dep_ == "relcl":
        return False
    if subject.lower_ in {"all", "everyone", "everybody", "most", "many"}:
        return True
    together = subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in {"they", "we"} or any(c.dep_ == "conj" for c in subject.children)
    return not together


def _misparsed_view(verb: Token) -> bool:
    """ "X agreed that the agency has limited power": the small model sometimes makes the that-clause's object the
    object of "agreed"; with no will, would or should after "that", it is still a view."""
    doc = verb.doc
    after = verb.i + 1
    if after >= len(doc) or doc[after].lower_ != "that" or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    rest = doc[after : verb.sent.end]
    return not any(t.tag_ == "MD" or t.lower_ in {"will", "'ll"} for t in rest)


def _to_be_done(clause: Token) -> bool:
    """ "that the border would reopen", "that talks will begin", "that the envoy be named": what the sides are to do;
    not "that they would back X if it ran", a support on a condition."""
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children) for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" or a.lower_ in {"will", "'ll", "'d"} for a in auxiliaries):
        return True
    return clause.tag_ == "VB" or any(a.tag_ == "VB" for a in auxiliaries)


def _settles_a_dispute(verb: Token, index: PartyIndex) -> bool:
    """ "X has settled a lawsuit", "settled the first of the suits", "settled with Y", "X settles for $20m": the
    sides of a dispute settling it, not a question or a bill being settled."""
    children = list(verb.children)
    subject = _subject(verb)
    if subject is None or not (_party_of(subject, index) or _can_agree(subject) or subject.lower_ in {"it", "they", "he", "she"}):
        return False
    for obj in (c for c in children if c.dep_ in {"dobj", "nsubjpass"}):
        nouns = [obj, *(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
        if any(n.lemma_.lower() in _DISPUTE_NOUNS for n in nouns):
            return True
    preps = {c.lower_: c for c in children if c.dep_ == "prep"}
    with_party = "with" in preps and any(_party_of(o, index) for o in preps["with"].children if o.dep_ == "pobj")
    priced = "for" in preps and any(o.like_num or o.tag_ == "$" or o.ent_type_ == "MONEY" for o in preps["for"].subtree)
    return with_party or priced


def _can_agree(noun: Token) -> bool:
    """Whether an unnamed subject can be a side of an agreement: "the firm", "both sides", "ministers", not
    "analysts" or "the price"."""
    lemma = noun.lemma_.lower()
    if lemma in _COMMENTATORS:
        return False
    return (
        lemma in _SIDE_NOUNS
        or lemma in _AGREEING_NOUNS
        or lemma in lexicon.organization_nouns()
        or lemma in lexicon.government_bodies()
        or lemma in lexicon.state_nouns()
        or lemma in lexicon.titles()
    )


def _subject(verb: Token) -> Token | None:
    head = verb
    for _ in range(6):
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
        if subject is not None:
            # "which" in a relative clause stands for the noun it hangs on.
            return subject.head.head if subject.tag_ in {"WDT", "WP"} and head.dep_ == "relcl" else subject
        if head.dep_ in {"advcl", "conj"} and (stranded := _stranded_subject(head)) is not None:
            return stranded
        if head.dep_ in {"xcomp", "conj", "advcl", "acl"} and head.head != head:
            head = head.head
            continue
        return None
    return None


# Conjunctions of time the small model reads as prepositions: "days after X reached a deal" makes X their object.
_TIME_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "once", "when"})


def _stranded_subject(verb: Token) -> Token | None:
    """ "came days after one of the largest makers, Nordsteel, reached a deal": the small model hangs the subject of
    "reached" on "after" as its object; it is the noun phrase right before the verb (its name, when one is given in
    apposition)."""
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _TIME_CONJUNCTIONS or not prep.i < verb.i:
            continue
        if prep.right_edge.i != verb.i - 1:
            continue
        noun = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if noun is None:
            return None
        named = next((t for t in noun.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"), None)
        return named if named is not None and noun.pos_ != "PROPN" else noun
    return None


def _irrealis(token: Token, definite: bool = False) -> bool:
    """True when `token` sits under a hope, plan, offer, demand, refusal, condition, failure, negation or modal."""
    current, coordinate = token, False
    for _ in range(12):
        children = list(current.children)
        if any(c.dep_ == "mark" and c.lower_ in _IRREALIS_MARKS for c in children):
            return True
        if current.pos_ in {"VERB", "AUX", "ADJ"}:
            # "X will only sign (the treaty) if Y ...": a future made conditional is not an agreement yet.
            future = any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "would"} for c in children)
            if future and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children) for c in children):
                return True
        if not definite and current.pos_ in {"VERB", "AUX", "ADJ"}:
            if any(c.dep_ == "neg" for c in children):
                return True
            modals = {c.lower_ for c in children if c.dep_ == "aux" and c.lower_ in _MODALS}
            # "X said it would buy Y": reported speech puts "will" in the past; it is still the announcement.
            # Not a copula: "critics said a deal would have been better" is hypothetical.
            reported = current.dep_ == "ccomp" and current.head.lemma_.lower() in {"say", "announce", "confirm", "state"} and current.lemma_.lower() != "be"
            if modals - ({"would"} if reported else set()):
                return True
        # "The agreement still needs approval": what the agreement's own verb wants is not a wish for it.
        own_verb = current == token.head and token.dep_ in {"nsubj", "nsubjpass"} and definite
        # "a list of children Kyiv wanted returned, but the delegation agreed to ...": the small model makes "agreed" a
        # conjunct of "wanted"; what is coordinate with a wish is not under it.
        if current != token and not own_verb and not coordinate and _word_in(current, _HYPOTHETICAL_HEADS if definite else _IRREALIS_HEADS):
            return True
        if not definite and current != token and current.lower_ in _TOWARD:
            return True
        # "pressed for a deal", "a framework for a deal", "calls for a truce": what it is for is not yet made.
        if not definite and current == token.head and current.lower_ == "for" and current.dep_ == "prep":
            return True
        # "close to a deal", "nearing a deal", "on the verge of a deal": one still to be made.
        if current != token and current.lemma_.lower() in _APPROACH and not (current.pos_ == "VERB" and current.lemma_.lower() == "close"):
            return True
        if current == token.head and token.dep_ == "nsubj" and _unreal_predicate(current):
            return True
        # "A formal agreement will be published before May": an agreement still to come, unless told as made ("a
        # ceasefire agreed on Friday will take effect").
        if not definite and current == token.head and token.dep_ in {"nsubj", "nsubjpass"} and _will(current) and not any(
            c.dep_ in {"acl", "relcl"} and c.tag_ == "VBN" for c in token.children
        ):
            return True
        if not definite and current.dep_ == "xcomp" and _future_or_aim(current.head):
            return True
        # "We are going to make the deals for you": a deal still to be made, whatever its article.
        if current == token.head and token.dep_ == "dobj" and current.lemma_.lower() in _MAKING_VERBS and current.dep_ == "xcomp" and _future_or_aim(current.head):
            return True
        if any(c.dep_ == "amod" and c.lemma_.lower() in _IRREALIS_HEADS for c in children) and current.pos_ == "NOUN" and not definite:
            return True
        if current.dep_ in {"ROOT", "relcl"} or current.head == current:
            return False
        if current.dep_ == "ccomp":
            head = current.head
            return head.lemma_.lower() in (_HYPOTHETICAL_HEADS if definite else _IRREALIS_HEADS) or (
                not definite and any(c.dep_ == "neg" for c in head.children) and head.lemma_.lower() in {"expect", "think", "believe"}
            )
        coordinate = current.dep_ == "conj"
        current = current.head
    return False


def _will(verb: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "'ll"} for c in verb.children)


def _word_in(token: Token, words: frozenset[str]) -> bool:
    """Whether a word is one of `words`, also where the small model's lemma is wrong ("hopes", "hoped" -> "hop")."""
    lower = token.lower_
    return token.lemma_.lower() in words or lower in words or lower.endswith(("s", "d")) and lower[:-1] in words


def _unreal_predicate(verb: Token) -> bool:
    """ "a deal remains elusive", "a deal is within reach", "a truce looks possible": said of one not made."""
    if verb.lemma_.lower() not in {"be", "remain", "seem", "look", "appear"}:
        return False
    return any(
        c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in _UNREAL_PREDICATES or c.dep_ == "prep" and c.lower_ == "within"
        for c in verb.children
    )


def _future_or_aim(verb: Token) -> bool:
    """ "We are going to do a deal" (a plan, not a deal); "the priority has been to secure a deal" (an aim)."""
    if verb.lemma_.lower() == "go" and verb.tag_ == "VBG":
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() == "be" and subject is not None and subject.lemma_.lower() in _AIM_NOUNS


def _clause(anchor: Token) -> list[Token]:
    """The tokens of the clause a trigger states, trimmed of discourse words and side clauses."""
    root = anchor
    # "X is to pay ...", "X has to sell ...": the clause starts at the subject of the verb above.
    while root.dep_ == "xcomp" and root.head.lemma_.lower() in {"be", "have"} and root.head != root:
        root = root.head
    anchor = root if anchor.pos_ not in {"NOUN", "PROPN"} else anchor
    if anchor.pos_ in {"NOUN", "PROPN"}:
        tokens = _noun_phrase(anchor)
    else:
        tokens = _trimmed_subtree(root)
    return tokens


def _infinitive_of(verb: Token) -> Token | None:
    """The agreement noun right before "to VERB" when the small model hung the infinitive on the main verb
    ("pulled out of a deal to buy X": "buy" under "pulled")."""
    doc = verb.doc
    if verb.dep_ != "advcl" or verb.i < 2 or doc[verb.i - 1].lower_ != "to":
        return None
    noun = doc[verb.i - 2]
    return noun if _lexical_kind(noun) and noun.head.i < noun.i else None


def _noun_phrase(noun: Token) -> list[Token]:
    keep = {noun.i}
    for child in noun.children:
        if child.i < noun.i or child.dep_ in {"prep", "acl", "relcl", "amod", "compound", "nummod", "appos"}:
            if child.dep_ == "prep" and child.lower_ in {"as", "despite", "amid", "after", "because"}:
                continue
            keep.update(t.i for t in _trimmed_subtree(child))
    doc = noun.doc
    after = noun.right_edge.i + 2
    if after < len(doc) and doc[after - 1].lower_ == "to" and _infinitive_of(doc[after]) == noun:
        keep.update(t.i for t in _trimmed_subtree(doc[after]))
    indices = sorted(keep)
    # Contiguous, so that a hyphen the model attached elsewhere stays ("the X-Y alliance").
    skipped = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ in {"as", "despite", "amid", "after", "because"} for t in c.subtree}
    return [doc[i] for i in range(indices[0], indices[-1] + 1) if i not in skipped]


def _trimmed_subtree(root: Token) -> list[Token]:
    skip: set[int] = set()
    for child in root.children:
        drop = child.dep_ in {"mark", "cc", "punct"} and (child.i < root.i or child.i == root.right_edge.i)
        drop |= child.dep_ in {"advmod", "npadvmod"} and child.i < root.i and child.i == root.left_edge.i
        drop |= child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"while", "although", "though", "as", "whereas"} for m in child.children)
        # A participle clause after the statement ("..., demanding that ...") says something else.
        drop |= child.dep_ == "advcl" and child.i > root.i and not any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        drop |= child.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "but" for c in root.children if c.i < child.i)
        drop |= child.dep_ == "cc" and child.lower_ == "but"
        drop |= child.dep_ == "prep" and child.i < root.i and child.lower_ in {"in", "for", "under", "with"} and child.i == root.left_edge.i
        # "the talks at which X and Y signed the accord": the clause starts after the relative word.
        drop |= child.dep_ == "prep" and child.i == root.left_edge.i and any(t.tag_ in {"WDT", "WP"} for t in child.subtree)
        if drop:
            skip.update(t.i for t in child.subtree)
    inside = [t.i for t in root.subtree if t.i not in skip]
    # Contiguous: the small model sometimes attaches a word inside the clause elsewhere ("worth $2bn").
    tokens = [root.doc[i] for i in range(min(inside), max(inside) + 1) if i not in skip]
    # A reporting frame around the clause ("..., X has announced") is not part of it.
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in {"that", "but", "and", "however"}):
        tokens.pop(0)
    return _without_dateline(tokens)


_DASHES = frozenset({"—", "–", "--", "-"})


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """A report's dateline and credit ("PARIS, France (AP) —", "(CNN)") open its first paragraph; they are not
    part of what it says, and the place in them is no party."""
    if not tokens:
        return tokens
    sent = tokens[0].sent
    opening = [t for t in sent[:10] if not t.is_space]
    for n, token in enumerate(opening):
        credit = token.text == ")" and n > 1 and opening[0].text == "(" and all(t.pos_ == "PROPN" for t in opening[1:n])
        dash = token.text in _DASHES and n > 0 and all(t.pos_ == "PROPN" or t.is_punct for t in opening[:n])
        if credit or dash:
            return [t for t in tokens if t.i > token.i]
        if not (token.pos_ == "PROPN" or token.is_punct):
            break
    return tokens


def _party_of(token: Token, index: PartyIndex) -> str | None:
    """The party a noun or pronoun stands for, if any."""
    # "X said it had agreed": the pronoun of a reported clause is the one who reports it.
    if token.lower_ in {"it", "he", "she", "they"} and token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ccomp":
        reporter = _subject(token.head.head) if token.head.head.lemma_.lower() in lexicon.reporting_verbs() else None
        if reporter is not None and reporter.pos_ != "PRON" and (found := index.at(reporter.idx, reporter.idx + len(reporter))):
            party = index.get(found)
            if party is not None and (party.kind is PartyKind.person) == (token.lower_ in {"he", "she"}):
                return found
    found = index.refer(token)
    if found:
        return found
    # "its deal", "their pact": the party last named; "the state's agreement" names no one by itself.
    if token.tag_ == "PRP$" or (token.dep_ == "poss" and token.pos_ == "PRON"):
        # "their deal" is never one person's.
        plural = token.lower_ == "their"
        return index.before(token.idx, kinds=set(PartyKind) - {PartyKind.person} if plural else None)
    return None


def _parties_in(token: Token, index: PartyIndex) -> list[str]:
    """Parties named in a noun phrase, not counting its prepositional tails."""
    if token is None:
        return []
    own = [t for t in token.subtree if t.i <= token.i or t.dep_ in {"conj", "appos"}]
    if not own:
        return []
    found = index.within(own[0].idx, own[-1].idx + len(own[-1]))
    found = [p for p in found if not any(_names_a_locality(t) for t in own if index.at(t.idx, t.idx + len(t)) == p)]
    # "the rebels' council" is the rebels' own, not the last organisation named before it.
    owned = any(c.dep_ == "poss" for c in token.children)
    return found or ([p] if not owned and (p := _party_of(token, index)) else [])


def _side_parties(noun: Token, index: PartyIndex, entries: list[_Entry]) -> list[str]:
    """ "both sides", "the two leaders", "the two firms": the parties last named together."""
    lemma = noun.lemma_.lower()
    # "the companies that agreed" may be any number of them; "both firms", "the two countries" are two.
    counted = any(c.lower_ in {"both", "two"} for c in noun.children)
    if lemma in _LOCALITIES and noun.tag_ in {"NNS", "NNPS"} and counted:
        return _named_localities(noun, index)
    if lemma not in _SIDE_NOUNS or noun.tag_ not in {"NNS", "NNPS"}:
        return []
    if _SIDE_NOUNS[lemma] not in {None, PartyKind.person} and not counted:
        return []
    kind = _SIDE_NOUNS[lemma]
    # "the two countries": the countries of the agreement just told, not its people.
    told = [p for p in _last_sides(entries, noun) if kind is None or ((party := index.get(p)) is not None and party.kind is kind)]
    if len(told) >= 2:
        return told[:2]
    earlier = sorted(
        ((m.end, p.id) for p in index.parties for m in p.mentions if m.end <= noun.idx and (kind is None or p.kind is kind)),
        reverse=True,
    )
    found = list(dict.fromkeys(pid for _, pid in earlier))[:2]
    return found if len(found) == 2 else []


def _named_localities(noun: Token, index: PartyIndex) -> list[str]:
    """ "the two counties": the last two parties named as such a place ("X and Y counties", "X County")."""
    place_word = noun.lemma_.lower()
    earlier: list[str] = []
    for token in noun.doc[: noun.i]:
        first = token
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        named_as_place = first.head.lemma_.lower() == place_word or token.pos_ == "PROPN" and token.lemma_.lower() == place_word
        if named_as_place and (found := index.at(token.idx, token.idx + len(token))):
            earlier.append(found)
    found = list(dict.fromkeys(reversed(earlier)))[:2]
    return found if len(found) == 2 else []


def _last_sides(entries: list[_Entry], token: Token) -> list[str]:
    """The parties of the latest agreement with two or more, told not long before `token`."""
    for entry in reversed(entries):
        parties = list(dict.fromkeys(p for m in entry.mentions for p in m.parties))
        if len(parties) >= 2 and entry.mentions[-1].sent.start_char >= token.sent.start_char - 1500:
            return parties
    return []


def _main_subject(pronoun: Token) -> Token | None:
    """ "X secured a victory when they settled": the pronoun of a subordinate clause is the main clause's subject."""
    if pronoun.pos_ != "PRON" or pronoun.head.dep_ != "advcl":
        return None
    main = _subject(pronoun.head.head)
    return main if main is not None and main.pos_ != "PRON" else None


def _listed_among(noun: Token) -> Token | None:
    """ "Among the firms that signed the deal were X and Y": the names after the copula are the ones who signed."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "among" or noun.head.head.lemma_.lower() != "be":
        return None
    return next((c for c in noun.head.head.children if c.dep_ in {"nsubj", "attr"}), None)


def _mention_parties(mention: _Mention, index: PartyIndex, entries: list[_Entry]) -> list[str]:
    anchor = mention.anchor
    holders: list[Token] = []
    if anchor.pos_ in {"NOUN", "PROPN"}:
        for child in anchor.children:
            if child.dep_ in {"poss", "compound", "nmod", "amod"} and not _names_the_venue(child):
                holders.append(child)
            elif child.dep_ == "prep" and child.lower_ in {"with", "between", "to", "from", "among"}:
                holders.extend(o for o in child.children if o.dep_ == "pobj")
        verb = anchor.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ in {"pobj", "prep", "conj"} and verb.head != verb:
            verb = verb.head
        # "X called on Y to block the deal", "X wants to join the pact": who urges or hopes takes no part in it.
        urged = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _IRREALIS_HEADS
        if not urged and _takes_part(verb) and (subject := _subject(verb)) is not None:
            if subject.i != anchor.i:
                holders.append(subject)
        for child in verb.children if verb.pos_ in {"VERB", "AUX"} else ():
            if child.dep_ == "prep" and child.lower_ in {"with", "between"}:
                holders.extend(o for o in child.children if o.dep_ == "pobj")
        # "Talks between X and Y ended with an agreement": the sides of the talks reached it.
        talks = _subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if talks is not None and talks.i != anchor.i and talks.lemma_.lower() in _TALKS:
            for child in (c for c in talks.children if c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}):
                holders.extend(o for o in child.children if o.dep_ == "pobj")
    else:
        subject = _subject(anchor)
        listed = _listed_among(subject) if subject is not None else None
        if listed is not None:
            return _parties_in(listed, index)
        # (Not the subject a conjunct shares: "X wanted a full truce but agreed to a local one".)
        if subject is not None and subject.i < mention.tokens[0].i and subject.dep_ in {"nsubj", "nsubjpass"} and anchor.dep_ != "conj":
            # The small model makes the dateline the subject and the real one its apposition.
            subject = next((c for c in subject.subtree if c.dep_ == "appos" and c.i >= mention.tokens[0].i), None)
            if subject is not None:
                return _without_affiliations(_parties_in(subject, index), mention, index)
        # "Therefore, it was agreed that ...": the sides of the agreement just told agreed again.
        if subject is not None and subject.lower_ == "it" and subject.dep_ == "nsubjpass":
            return _last_sides(entries, subject)
        main = _main_subject(subject) if subject is not None else None
        if main is not None:
            return _without_affiliations(_parties_in(main, index), mention, index)
        if subject is not None:
            holders.append(subject)
        for child in anchor.children:
            if child.dep_ in {"dative", "dobj"}:
                holders.append(child)
                # "X reached a deal with the two counties": the deal's other side.
                for prep in child.children if child.dep_ == "dobj" else ():
                    if prep.dep_ == "prep" and prep.lower_ in {"with", "between"}:
                        holders.extend(o for o in prep.children if o.dep_ == "pobj")
            elif child.dep_ in {"prep", "agent"} and child.lower_ in {"with", "between", "to", "from", "by"}:
                holders.extend(o for o in child.children if o.dep_ == "pobj")
        # "agreed to buy X", "agreed to pay Y": the other side of a transaction; not "agreed to postpone the games".
        for xcomp in (c for c in anchor.children if c.dep_ == "xcomp" and c.lemma_.lower() in _TRANSACTION_VERBS | {"settle"}):
            for child in xcomp.children:
                if child.dep_ in {"dobj", "dative"} or child.dep_ == "prep" and child.lower_ in {"with", "from", "to"}:
                    holders.append(child if child.dep_ != "prep" else next((o for o in child.children if o.dep_ == "pobj"), child))
    parties: list[str] = []
    for holder in holders:
        for token in (holder, *holder.conjuncts):
            role = holder.dep_
            # "It was agreed that ...": an empty subject.
            if token.lower_ == "it" and role == "nsubjpass":
                continue
            side = _side_parties(token, index, entries)
            if side:
                parties.extend(side)
                continue
            if role in {"dobj", "nsubjpass"} and holder.head.lemma_.lower() in _TRANSACTION_VERBS | {"agree"}:
                parties.extend(_parties_in(token, index))
                continue
            if token.lower_ in {"it", "they", "he", "she", "its", "their", "his", "her"} or role in {"nsubj", "nsubjpass", "poss", "pobj", "dative", "appos"}:
                pid = _party_of(token, index)
                if pid:
                    parties.append(pid)
                    continue
            parties.extend(_parties_in(token, index) if role in {"compound", "nmod", "amod"} else [])
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:
        # The parties named in the clause itself: "a deal bringing Peru a step closer to OECD membership".
        speakers = {
            pid
            for t in mention.tokens
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in lexicon.reporting_verbs() and (pid := index.at(t.idx, t.idx + len(t)))
        }
        located = _named_as_no_side(mention, index)
        parties.extend(p for p in index.within(mention.start, mention.end) if p not in parties and p not in speakers | located)
    denied = _denied_in_aside(mention, index)
    return _without_affiliations([p for p in parties if p not in denied], mention, index)


def _denied_in_aside(mention: _Mention, index: PartyIndex) -> set[str]:
    """ "X signed the pact with the rebels — not the government of Y — on Monday", "X's minister A — not the
    government — signed": who an aside opening with "not" names is said not to be a side, unless the clause names
    it as a side elsewhere (not only as whose minister A is)."""
    tokens = mention.tokens
    inside: set[int] = set()
    for n, token in enumerate(tokens):
        if token.lower_ != "not" or n == 0 or tokens[n - 1].text not in _DASHES | {",", "("}:
            continue
        for word in tokens[n + 1 :]:
            if word.text in _DASHES | {",", ")"}:
                break
            inside.add(word.i)
    if not inside:
        return set()

    def party(token: Token) -> str | None:
        return index.at(token.idx, token.idx + len(token)) if token.pos_ in {"PROPN", "NOUN"} else None

    denied = {pid for t in tokens if t.i in inside and (pid := party(t))}
    named = {pid for t in tokens if t.i not in inside and t.dep_ not in {"poss", "compound", "amod"} and (pid := party(t))}
    return denied - named


# Prepositions of place: "a ceasefire in X", "talks at X" locate the deal; X is no signatory.
_THING_ENTITIES = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "FAC"})
_LOCALITIES = frozenset("county city town village municipality district province region borough parish port".split())
# Verbs of backing or attacking a deal: "the deal embraced by X" names a supporter, not a side.
_STANCE_VERBS = frozenset(
    "embrace back support champion endorse praise welcome defend tout oppose criticize criticise attack denounce "
    "condemn slam decry".split()
)
_LOCATING = frozenset({"in", "at", "across", "near", "throughout", "inside", "outside", "within"})


def _in_description(token: Token, anchor: Token) -> bool:
    """ "the settlement with two counties, which include X and Y": a relative clause describing a side names its
    parts, not more sides (one on the agreement itself, "the pact, which X and Y signed", names them)."""
    head = token
    while head.head != head and head != anchor:
        side = head.head
        if head.dep_ == "relcl" and side.dep_ in {"pobj", "conj"} and side.head.lower_ in {"with", "between"}:
            return True
        head = head.head
    return False


def _names_the_venue(token: Token) -> bool:
    """ "the Paris climate agreement", "the Minsk accords": a capital naming a deal after where it was made; a pair
    ("the Washington-Beijing truce") names its sides."""
    if token.dep_ != "compound" or not _lexical_kind(token.head):
        return False
    place = lexicon.place(token.text)
    doc = token.doc
    paired = any(0 <= j < len(doc) and doc[j].text in _DASHES | {"and", "&"} for j in (token.i - 1, token.i + 1))
    return place is not None and place[1] == "capital" and not paired


def _names_a_locality(token: Token) -> bool:
    """ "two Oregon counties", "Texas towns": the state names where the parties are; it is not one of them. "X and Y
    counties" names the counties themselves, and so does "X County", a proper name."""
    if token.dep_ not in {"compound", "nmod"} or token.head.pos_ == "PROPN":
        return False
    return token.head.lemma_.lower() in _LOCALITIES and not list(token.conjuncts)


def _named_as_no_side(mention: _Mention, index: PartyIndex) -> set[str]:
    """Parties the clause names only as where it happens ("a truce in X"), as a thing (an event, a product, a
    law), as whom the pact is against ("a partnership against X"), as one who backs or attacks it ("the deal
    embraced by X"), never as a side."""
    where: dict[str, bool] = {}
    for token in mention.tokens:
        pid = index.at(token.idx, token.idx + len(token))
        if pid is None:
            continue
        head = token
        # "talks in Pretoria, South Africa": a place in apposition to a place is where, too.
        while head.dep_ in {"compound", "flat", "appos"} and head.head != head:
            head = head.head
        locating = head.dep_ == "pobj" and head.head.lower_ in _LOCATING | {"against"}
        locating |= head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.lemma_.lower() in _STANCE_VERBS
        # "the deal, which needs to be approved by X": who is still to approve it is not (yet) a side.
        locating |= head.dep_ == "pobj" and head.head.dep_ == "agent" and _still_to_come(head.head.head)
        # "postpone the Regatta", "sales of the Model X", "under the Clean Air Act": events, products, buildings
        # and laws are no sides.
        thing = token.ent_type_ in _THING_ENTITIES
        thing |= _names_a_locality(token) or _names_the_venue(token) or _in_description(token, mention.anchor)
        where[pid] = where.get(pid, True) and (locating or thing)
    return {pid for pid, locating in where.items() if locating}


def _still_to_come(verb: Token) -> bool:
    """ "needs to be approved", "is expected to be ratified": a step not yet taken."""
    return verb.dep_ == "xcomp" and _word_in(verb.head, _IRREALIS_HEADS | {"expect", "require"})


def _without_affiliations(parties: list[str], mention: _Mention, index: PartyIndex) -> list[str]:
    """ "X's Prime Minister A and the Y Committee president B agreed": A and B agreed; X and Y are who they
    serve, and a bare title is no one."""
    people = [p for p in parties if (party := index.get(p)) is not None and party.kind is PartyKind.person]
    if not people:
        return parties
    doc = mention.sent.doc
    dropped: set[str] = set()
    for pid in parties:
        party = index.get(pid)
        if party is None:
            continue
        if party.kind is PartyKind.person and party.name.lower() in lexicon.titles():
            dropped.add(pid)
            continue
        if party.kind is PartyKind.person:
            continue
        for span in party.mentions:
            if not (mention.start <= span.start and span.end <= mention.end):
                continue
            after = doc.char_span(span.end, mention.end, alignment_mode="expand")
            if after is not None and _title_then_person(after, people, index):
                dropped.add(pid)
    return [p for p in parties if p not in dropped]


def _title_then_person(tokens: SpacySpan, people: list[str], index: PartyIndex) -> bool:
    """Whether the words after an organisation or country are a title leading to one of the people: "'s Prime
    Minister A", " (WFA) president B"."""
    inside = False
    for token in tokens:
        pid = index.at(token.idx, token.idx + len(token))
        if pid in people:
            return True
        if token.text == "(":
            inside = True
        elif token.text == ")":
            inside = False
        elif not (inside or token.tag_ == "POS" or token.lower_ in _title_words()):
            return False
    return False


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(word for title in lexicon.titles() for word in title.split())


def _mentions(doc: Doc, index: PartyIndex) -> list[_Mention]:
    found: list[_Mention] = []
    for sent in doc.sents:
        # "Does the militia have to agree the plan?", "Why waste time on an agreement?": a question reports nothing.
        if sent.text.rstrip().rstrip('"”’\'').endswith("?"):
            continue
        covered: set[int] = set()
        verbs = []
        for token in sent:
            kind = _verb_trigger(token, index)
            # "a deal to buy X": the verb spells out the noun's agreement, which the noun's mention holds.
            if kind and (token.dep_ in {"acl", "relcl"} and _lexical_kind(token.head) or _infinitive_of(token) is not None):
                continue
            if kind and not _irrealis(token):
                verbs.append((token, kind))
        # The outermost verb states the agreement; verbs and nouns in its clause are its terms.
        for token, kind in verbs:
            if token.i in covered:
                continue
            tokens = _clause(token)
            # What the clause holds is its terms; what was trimmed from it ("..., but the merger was blocked") is read apart.
            covered.update(t.i for t in tokens)
            # "the companies that agreed to the payout": a definite noun names those of an agreement already told.
            told = token.dep_ == "relcl" and _is_definite(token.head) and not _lexical_kind(token.head)
            found.append(_Mention(sent, token, tokens, kind, definite=told, content=_verb_content(token)))
        nouns = []
        for token in sent:
            if token.i in covered or not (kind := _noun_kind(token)):
                continue
            if token.pos_ == "PROPN" and index.at(token.idx, token.idx + len(token)):
                continue  # a word of a party's name ("the Maritime Alliance", "the Treaty Organisation")
            if kind == "partnership" and not _partnership_made(token, index):
                continue
            definite = _is_definite(token)
            if _irrealis(token, definite=definite) or _denied(token):
                continue
            # "previous ceasefires", "joint ventures": agreements in general, none in particular.
            # A party named inside makes them particular ("ceasefires between X and Y"); the noun read as a party does not.
            named = set(index.within(token.left_edge.idx, token.right_edge.idx + len(token.right_edge))) - {index.at(token.idx, token.idx + len(token))}
            if token.tag_ in {"NNS", "NNPS"} and not definite and not any(c.dep_ in {"det", "nummod"} for c in token.children) and not named:
                continue
            nouns.append((token, kind, definite))
        for token, kind, definite in nouns:
            if token.i in covered:
                continue
            tokens = _clause(token)
            covered.update(t.i for t in token.subtree)
            content = _has_content(token)
            mention = _Mention(sent, token, tokens, kind, definite=definite, content=content)
            # "Under the agreement, X will ...": the whole sentence states the agreement's terms.
            if _under(token):
                mention.tokens = _sentence_tokens(sent)
                covered.update(t.i for t in sent)
            # "The deal includes ...", "The payment means the two firms will ...": its clause states the terms.
            elif definite and token.dep_ == "nsubj" and token.head.lemma_.lower() in _TERMS_VERBS:
                mention.tokens = _trimmed_subtree(token.head)
                covered.update(t.i for t in token.head.subtree)
            found.append(mention)
    return found


# Verbs that make a partnership: "formed an alliance", "signed a partnership", "announced a joint venture".
_FORMING_VERBS = frozenset("form forge sign agree announce enter create launch seal strike set establish unveil build".split())


def _partnership_made(noun: Token, index: PartyIndex) -> bool:
    """ "a partnership with X", "the X-Y alliance", "they formed an alliance": a partnership between named sides or
    one being made, or one pointed back at ("this partnership"); "a very productive partnership", "our
    partnerships", "the alliance, which includes ..." are relations or bodies, not agreements."""
    # "the X-Y alliance" names both sides; "the U.S. partnership against Z" only one, whose cooperation it is.
    own = {index.at(t.idx, t.idx + len(t)) for c in noun.children if c.dep_ in {"poss", "compound", "nmod", "amod"} for t in c.subtree if t.pos_ != "PRON"}
    if len(own - {None}) >= 2:
        return True
    other = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"with", "between"} for o in c.subtree]
    if any(index.at(t.idx, t.idx + len(t)) for t in other if t.pos_ != "PRON"):
        return True
    # "This partnership gives us volume": a demonstrative points back at a deal told before.
    if any(c.dep_ == "det" and c.lower_ in {"this", "that", "these"} for c in noun.children):
        return True
    verb = _governing_verb(noun)
    return verb is not None and verb.lemma_.lower() in _FORMING_VERBS


def _denied(noun: Token) -> bool:
    """A noun that says there is no agreement ("no agreement was reached", "broke up without a deal") or only
    compares something to one ("it's a ceasefire, not a peace treaty"): a description, not a report."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    # "any agreement that involves ...", "such deals are harmful", "such an accord would": deals of a sort, none made.
    if any(c.dep_ in {"det", "predet", "amod"} and c.lower_ in {"any", "such"} for c in noun.children):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return True
    # "ended without agreement on a ceasefire": what no agreement was reached on.
    over = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in {"on", "over", "for"} else None
    if over is not None and over.pos_ == "NOUN" and _lexical_kind(over) and _denied(over):
        return True
    # "That's a big deal": the small model reads the contracted copula as a verb with an object.
    predicate = noun if noun.dep_ == "attr" or noun.dep_ == "dobj" and noun.head.lower_ in {"'s", "’s"} else noun.head if noun.dep_ in {"conj", "appos"} and noun.head.dep_ == "attr" else None
    return predicate is not None and not _is_definite(predicate) and any(c.dep_ == "det" for c in predicate.children)


def _verb_content(verb: Token) -> bool:
    """ "They reached a partial agreement" says no more than its noun; "agreed to ...", "sold X to Y" do; "has also
    agreed to sign", "what they had agreed to" say no more than that there is a deal."""
    if verb.lemma_.lower() == "agree":
        return not _bare_agreeing(verb)
    if verb.lemma_.lower() not in _ACCEPT_VERBS:
        return True
    noun = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    return noun is None or _has_content(noun) or any(c.dep_ == "prep" and c.lower_ in {"on", "over", "for"} for c in verb.children)


def _bare_agreeing(verb: Token) -> bool:
    """ "X has also agreed to sign", "what they had agreed to": agreeing to an agreement the clause does not name."""
    children = list(verb.children)
    if any(c.dep_ == "ccomp" for c in children):
        return False
    # A stranded "to" ("what they had agreed to") is parsed as a clause of its own.
    said = [c for c in children if c.dep_ in {"dobj", "xcomp"} and c.tag_ != "TO"]
    said += [o for c in children if c.dep_ == "prep" for o in c.children if o.dep_ in {"pobj", "pcomp"}]
    if any(c.dep_ == "xcomp" and (c.lemma_.lower() not in _ACCEPT_VERBS or any(o.dep_ in {"dobj", "prep"} for o in c.children)) for c in said):
        return False
    return all(c.tag_ in {"WDT", "WP"} or c.dep_ == "xcomp" for c in said)


def _is_definite(noun: Token) -> bool:
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _DEFINITE:
            return True
        if child.dep_ == "poss":
            return True
    return False


def _has_content(noun: Token) -> bool:
    """A mention says something of its own when it has more than a determiner and vague adjectives ("the deal",
    "a partial agreement" have not)."""
    for child in noun.children:
        if child.dep_ in {"det", "punct", "case", "advmod", "predet"}:
            continue
        if child.dep_ == "amod" and child.lemma_.lower() in _VAGUE_ADJECTIVES:
            continue
        return True
    return False


def _under(noun: Token) -> bool:
    """ "Under the agreement", "With this deal", "Under the terms of the deal"."""
    if not _is_definite(noun) or noun.dep_ != "pobj":
        return False
    head = noun.head
    if head.lower_ == "of" and head.head.lemma_.lower() in {"term", "condition", "provision"} and head.head.dep_ == "pobj":
        head = head.head.head
    if head.lower_ == "with":
        # "With this deal, we strive to ...": fronted before the verb it frames; not "satisfied with the deal",
        # "bills that fall in line with the deal".
        return head.head.pos_ in {"VERB", "AUX"} and head.i < head.head.i
    return head.lower_ == "under" and head.i < noun.i


def _sentence_tokens(sent: SpacySpan) -> list[Token]:
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return _without_dateline(tokens)


# --- merging -------------------------------------------------------------------------------------------


def _named_by(mention: _Mention) -> Token | None:
    """The agreement noun a mention names: its own anchor, or the object of its verb ("signed a ... agreement")."""
    anchor = mention.anchor
    if anchor.pos_ in {"NOUN", "PROPN"}:
        return anchor
    return next((c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"} and _noun_kind(c)), None)


def _signature(mention: _Mention) -> tuple[str, ...]:
    """What names one agreement when it is stated twice: the agreement noun's lemma and its modifiers
    ("a preliminary agreement" ... "preliminary agreements")."""
    noun = _named_by(mention)
    if noun is None:
        return ()
    mods = sorted(c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"})
    return (noun.lemma_.lower(), *mods) if mods else ()


# Transaction words that refer back to one another: "the sale" to "has sold", "the pay-off" to "is to pay".
_FAMILIES = {
    "sale": "sell", "sell": "sell", "sell-off": "sell",
    "purchase": "buy", "buy": "buy", "acquisition": "buy", "acquire": "buy", "takeover": "buy", "buyout": "buy",
    "pay-off": "pay", "payoff": "pay", "payment": "pay", "pay": "pay", "payout": "pay",
    # Settling a claim is paying for it: "settled the lawsuit" ... "agreed to pay the counties $20m".
    "settle": "pay", "settlement": "pay",
    "merger": "merge", "merge": "merge",
}


def _families(mention: _Mention) -> set[str]:
    words = {_hyphenated(t) for t in mention.tokens} | {t.lemma_.lower() for t in mention.tokens}
    return {_FAMILIES[w] for w in words if w in _FAMILIES}


def _named_generic(entry: _Entry) -> bool:
    """Whether the agreement has been called a deal or an agreement (by a noun, not only "they agreed")."""
    return any(_noun_kind(t) == "generic" for m in entry.mentions for t in m.tokens)


def _antecedent(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    """The agreement a definite mention refers back to: the latest mentioned one of a fitting kind."""
    # "the deal" is the story's deal, not one it was compared with.
    recent = sorted((e for e in entries if not all(_names_another(m) for m in e.mentions)), key=lambda e: max(m.start for m in e.mentions), reverse=True)
    if mention.kind == "transaction":
        family = _families(mention)
        if family:  # "the sale" refers to a sale, not to a payment told before
            return next((e for e in recent if family & {f for m in e.mentions for f in _families(m)}), None)
        return next((e for e in recent if "transaction" in e.kinds), None)
    if mention.kind == "generic":
        family = _families(mention)
        return (
            next((e for e in recent if _named_generic(e)), None)
            or next((e for e in recent if family & {f for m in e.mentions for f in _families(m)}), None)
            or next((e for e in recent if any(_lexical_kind(t) for m in e.mentions for t in m.tokens)), None)
            or (recent[0] if recent else None)
        )
    return next((e for e in recent if mention.kind in e.kinds), None)


def _group(mentions: list[_Mention], doc: Doc, index: PartyIndex) -> list[_Entry]:
    entries: list[_Entry] = []
    waiting: list[_Mention] = []  # "a partial agreement was reached": named before the sentence that says what
    for mention in mentions:
        mention.parties = _mention_parties(mention, index, entries)
        target = None
        other = _names_another(mention)
        signature = _signature(mention) if not other else ()
        if signature:
            target = next(
                (e for e in reversed(entries) if any(_signature(m) == signature and set(m.parties) & set(mention.parties) for m in e.mentions)),
                None,
            )
        if target is None:
            target = _governing_entry(mention, entries) or _restated(mention, entries)
        if target is None and mention.anchor.pos_ not in {"NOUN", "PROPN"} and not other:
            target = _told_again(mention, entries)
        if target is None and (mention.definite or _names_definite(mention)):
            target = _antecedent(mention, entries)  # "the deal", "Y had accepted the truce"
            if target is not None and (_made_by_others(mention, target, index) or _owned_by_another(mention, target, index)):
                target = None
        if target is None and mention.definite and not other:
            target = _same_sides(mention, entries)
        if target is None and mention.definite and not mention.content:
            fate = _mention_status(mention, index)
            if fate is not None and fate.status is AgreementStatus.collapsed:
                continue  # "the deal broke down", with no deal told before: talks failed, nothing was agreed
            lead = _lead_statement(doc, index, mention)
            if lead is not None:
                # The lead may already state an agreement of another name ("agreed to buy" ... "this partnership").
                stated = next((e for e in entries if any((m.start, m.end) == (lead.start, lead.end) for m in e.mentions)), None)
                # "X signed a deal with Y": a statement of the lead waiting to be told more of is the lead itself.
                in_lead = [w for w in waiting if w.sent == lead.sent]
                if stated is not None:
                    stated.mentions.append(mention)
                    stated.kinds.add(mention.kind)
                elif in_lead:
                    entries.append(_Entry([*in_lead, mention], {mention.kind, *(w.kind for w in in_lead)}))
                    waiting = [w for w in waiting if w not in in_lead]
                else:
                    entries.append(_Entry([lead, mention], {lead.kind, mention.kind}))
                continue
            if not mention.parties:
                continue  # "the deal" with nothing to refer to and no one in its sentence
        if target is None and not mention.definite and not mention.content:
            # "X said it reached agreement": X's deal told before, where there is one.
            target = next((e for e in reversed(entries) if set(mention.parties) & {p for m in e.mentions for p in m.parties}), None)
            if target is None:
                waiting.append(mention)
                continue
        if target is None and mention.kind == "transaction" and mention.anchor.pos_ in {"NOUN", "PROPN"} and not index.within(mention.start, mention.end):
            continue  # "the sale of alcohol": a sale by or to no one in the story
        if target is None and not other:
            target = _retold(mention, entries, index)
        if target is None:
            target = _Entry([], set())
            entries.append(target)
        target.mentions.append(mention)
        target.kinds |= _kinds_of(mention)
        if waiting and len(target.mentions) == 1:
            target.mentions[:0] = waiting
            waiting = []
    for mention in waiting:  # never said what: an agreement of its own, if anyone is party to it ("obstacle to a deal": none)
        if mention.parties:
            entries.append(_Entry([mention], _kinds_of(mention)))
    return entries


def _made_by_others(mention: _Mention, entry: _Entry, index: PartyIndex) -> bool:
    """ "the agreement, which X and Y have been hammering out": a deal whose makers are told, and are not the sides
    of the agreement told before, is another deal."""
    noun = _named_by(mention)
    clause = next((c for c in noun.children if c.dep_ == "relcl"), None) if noun is not None else None
    subject = _subject(clause) if clause is not None else None
    makers = set(_parties_in(subject, index)) if subject is not None and subject.i > noun.i else set()
    return len(makers) >= 2 and not makers <= {p for m in entry.mentions for p in m.parties}


def _owned_by_another(mention: _Mention, entry: _Entry, index: PartyIndex) -> bool:
    """ "Leaders agreed to delay X's exit. ... Her exit deal was rejected": a deal someone owns, who is no side of
    the agreement told before, is that one's own deal."""
    noun = _named_by(mention)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    party = _party_of(owner, index) if owner is not None else None
    sides = {p for m in entry.mentions for p in m.parties}
    return party is not None and bool(sides) and party not in sides


def _names_another(mention: _Mention) -> bool:
    """ "a similar deal", "another agreement", "is similar to agreements X reached with Y", "like the pact of
    2010": a deal other than the one the story is about."""
    noun = _named_by(mention) or next((t for t in mention.tokens if _lexical_kind(t)), None)
    if noun is None:
        return False
    if any(c.dep_ in {"amod", "det"} and c.lower_ in _OTHER for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ == "pobj" and (head.lower_ == "like" or head.lower_ == "to" and head.head.lemma_.lower() in {"similar", "comparable", "akin", "identical"})


# Words that date a deal to a time before the story's: "agreed a ceasefire in May last year", "a 2019 accord".
_EARLIER = frozenset("last ago earlier previous previously prior before former once january february march april may june july "
                     "august september october november december".split())


def _deal_noun(mention: _Mention) -> Token | None:
    """The agreement noun a mention names: its anchor, the object of its verb, or what was agreed to ("agreed to a
    cease-fire")."""
    noun = _named_by(mention)
    anchor = mention.anchor
    lemma = anchor.lemma_.lower()
    if noun is None and lemma == "agree":
        objects = [o for c in anchor.children if c.dep_ == "prep" and c.lower_ in {"to", "on"} for o in c.children if o.dep_ == "pobj"]
        # "have agreed to announce that they have concluded a peace agreement": what they announce names it.
        objects += [t for c in anchor.children if c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.reporting_verbs() | _REPORTING_EXTRA for t in c.subtree]
        noun = next((o for o in objects if _noun_kind(o)), None)
    if noun is None and lemma in _ACCEPT_VERBS:
        # "voted to accept an improved offer": the offer accepted is the deal.
        noun = next((c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _ACCEPTABLE), None)
    return noun


def _topic(noun: Token) -> set[str]:
    """What a deal is about, as the nouns before it say ("the trade deal", "the withdrawal agreement"); not the words
    of a kind of agreement ("a cease-fire deal"), the parts of a hyphenated word, numbers or lengths."""
    doc = noun.doc
    return {
        c.lemma_.lower()
        for c in noun.children
        if c.dep_ == "compound"
        and not _lexical_kind(c)
        and not (c.i + 2 == noun.i and doc[c.i + 1].text == "-")
        and not any(t.like_num or t.ent_type_ in {"DATE", "MONEY", "CARDINAL"} for t in c.subtree)
    }


def _named_counterpart(noun: Token) -> bool:
    """ "an agreement with a technology company", "a settlement with Y": the noun names its other side."""
    return any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in noun.children)


def _counterparts(noun: Token, index: PartyIndex) -> list[str]:
    """The parties a deal noun names as its sides: "a settlement with X", "a truce between X and Y"."""
    objects = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"with", "between"} for o in c.children if o.dep_ == "pobj"]
    # "with a cable company" names a side not told before, whatever company was.
    objects = [o for o in objects if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in o.children)]
    return [p for o in objects for t in (o, *o.conjuncts) for p in _parties_in(t, index)]


def _retold(mention: _Mention, entries: list[_Entry], index: PartyIndex) -> _Entry | None:
    """A report tells its deal many times, in other words each time: "X and Y reached a ceasefire agreement ... Z
    confirmed that a ceasefire agreement had been reached", "reached a collective deal ... members approved the new
    six-year collective agreement", "signed a peace deal ... signed the peace accord". An agreement noun of the kind
    of the latest agreement named by a noun, naming no deal of another topic, no other sides and no earlier time,
    is that agreement told again."""
    # "an agreement had also been made to return the remains": one more agreement.
    if any(c.dep_ == "advmod" and c.lower_ in {"also", "too", "additionally"} for t in (mention.anchor, mention.anchor.head) for c in t.children):
        return None
    noun = _deal_noun(mention)
    if noun is None:
        return _same_undertaking(mention, entries)
    if _from_another_time(mention, noun):
        return None
    kinds = _kinds_of(mention) - {"generic"}
    # An agreement is known by its noun ("a collective deal") or by its kind ("agreed to cease hostilities").
    named = [e for e in entries if e.kinds - {"generic"} or any((n := _deal_noun(m)) is not None and not _names_another(m) for m in e.mentions)]
    entry = next((e for e in reversed(named) if kinds <= e.kinds), None)
    if entry is None or _made_by_others(mention, entry, index) or _owned_by_another(mention, entry, index):
        return None
    topics = {w for m in entry.mentions if (n := _deal_noun(m)) is not None for w in _topic(n)}
    if topics and _topic(noun) and not topics & _topic(noun):
        return None
    sides = {p for m in entry.mentions for p in m.parties}
    if not _is_definite(noun) and not _retold_nearby(mention, entry, noun):
        return None
    if _is_definite(noun) and not any(t.pos_ == "PROPN" or index.at(t.idx, t.idx + len(t)) for c in noun.children if c.i < noun.i for t in c.subtree):
        return entry  # "the peace accord", "the new collective agreement": the deal told before
    # "They have agreed to a cease-fire," a negotiator said: "they" names no new side ("it" names the one last told).
    subject = _subject(mention.anchor) if mention.anchor.pos_ not in {"NOUN", "PROPN"} else None
    if not set(mention.parties) <= sides:
        if subject is None or subject.lower_ not in {"they", "we"}:
            return None
        mention.parties = [p for p in mention.parties if p in sides]
    # "an agreement with Y" after "a settlement with X": a noun naming its other side is another deal, unless it
    # names a side told before.
    if _named_counterpart(noun):
        return entry if set(_counterparts(noun, index)) & sides else None
    return entry


# How far (in paragraphs) a report retells its deal with "a ceasefire agreement" before it is telling of another: a
# deal report names its deal every few paragraphs; a feature's other deals come many paragraphs on.
_RETOLD_PARAGRAPHS = 3


def _retold_nearby(mention: _Mention, entry: _Entry, noun: Token) -> bool:
    """An indefinite "a deal" retells the deal told just before, not one paragraphs away in a long story ("the Paris
    agreement ... [forty paragraphs on] an agreement to set goals")."""
    return noun.doc.text[entry.mentions[-1].end : mention.start].count("\n") <= _RETOLD_PARAGRAPHS


def _undertaking(mention: _Mention) -> tuple[str, str] | None:
    """What the sides agreed to do, as a verb and its object: "agreed to exchange 1,000 prisoners" -> (exchange,
    prisoner)."""
    anchor = mention.anchor
    if anchor.lemma_.lower() != "agree":
        return None
    for clause in (c for c in anchor.children if c.dep_ == "xcomp"):
        obj = next((o for o in clause.children if o.dep_ == "dobj"), None)
        if obj is not None:
            return clause.lemma_.lower(), obj.lemma_.lower()
    return None


def _same_undertaking(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    """ "both sides agreeing to exchange more prisoners ... the two sides had agreed to exchange 1,000 prisoners": the
    same thing agreed, told again."""
    undertaking = _undertaking(mention)
    if undertaking is None:
        return None
    return next((e for e in reversed(entries) if any(_undertaking(m) == undertaking for m in e.mentions)), None)


def _from_another_time(mention: _Mention, noun: Token) -> bool:
    own = {t.i for c in noun.children if c.dep_ in {"amod", "compound", "nummod"} for t in c.subtree}
    return any(
        t.ent_type_ == "DATE" and t.lower_ in _EARLIER or t.ent_type_ == "DATE" and t.text.isdigit() and len(t.text) == 4 or t.lower_ in {"earlier", "previously"}
        for t in mention.tokens
        if t.i not in own
    )


def _same_sides(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    """ "a deal with X" ... "the proposed X deal", "the merger with X": a definite mention naming only sides of an
    agreement told before, of a fitting kind, refers back to it."""
    if not mention.parties or mention.anchor.pos_ not in {"NOUN", "PROPN"}:
        return None
    for entry in reversed(entries):
        sides = {p for m in entry.mentions for p in m.parties}
        fitting = mention.kind in entry.kinds or "generic" in entry.kinds | {mention.kind}
        if fitting and set(mention.parties) <= sides:
            return entry
    return None


def _told_again(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    """A payment or sale stated again in the next sentences by the same or newly named sides is the same deal:
    "X has settled the lawsuit. X agreed to pay the counties $20m", "Four firms agreed to a payout. A and B are to
    pay $90m"."""
    families = _families(mention)
    if not families:
        return None
    for entry in reversed(entries):
        last = entry.mentions[-1]
        if mention.sent.start - last.sent.end > _TOLD_AGAIN_TOKENS:
            return None
        if not families & {f for m in entry.mentions for f in _families(m)}:
            continue
        theirs, mine = {p for m in entry.mentions for p in m.parties}, set(mention.parties)
        if not theirs or not mine or theirs <= mine or mine <= theirs:
            return entry
    return None


def _restated(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    """ "She turned against the Grain Pact - a deal she once backed -": a noun set off in apposition right after
    an agreement, naming no other side, describes that agreement."""
    noun = mention.anchor
    if noun.dep_ != "appos" or noun.left_edge.i == noun.sent.start:
        return None
    before = noun.doc[noun.left_edge.i - 1]
    if not (before.is_punct and before.i > noun.sent.start):
        return None
    for entry in reversed(entries):
        told = [m for m in entry.mentions if m.sent == mention.sent and before.i - 1 in {t.i for t in m.anchor.subtree}]
        if told and set(mention.parties) <= {p for m in entry.mentions for p in m.parties}:
            return entry
    return None


def _governing_entry(mention: _Mention, entries: list[_Entry]) -> _Entry | None:
    """The agreement stated by the clause this one is subordinate to: "X and Y agreed to a ceasefire, after X's
    cabinet approved a deal brokered by Z" tells one agreement twice, the second time in an adverbial clause."""
    anchors = {m.anchor.i: e for e in entries for m in e.mentions if m.sent == mention.sent}
    token, subordinate = mention.anchor, False
    while token.head.i != token.i:
        subordinate = subordinate or token.dep_ == "advcl"
        token = token.head
        if token.i in anchors and subordinate:
            return anchors[token.i]
    return None


def _names_definite(mention: _Mention) -> bool:
    """A verb whose object is an agreement named before, or the offer that made it: "accepted the truce", "signed
    the deal", "accepted the offer"."""
    anchor = mention.anchor
    objects = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [o for c in anchor.children if c.dep_ == "prep" and c.lower_ in {"to", "on"} for o in c.children if o.dep_ == "pobj"]
    noun = _named_by(mention) or next(
        (c for c in objects if c.lemma_.lower() in _ACCEPTABLE or c.lower_ in _ACCEPTABLE), None
    ) if anchor.pos_ not in {"NOUN", "PROPN"} else None
    return noun is not None and noun is not anchor and _is_definite(noun) and not _has_content(noun)


def _kinds_of(mention: _Mention) -> set[str]:
    kinds = {mention.kind}
    if mention.anchor.pos_ in {"NOUN", "PROPN"}:
        kinds |= _compound_kind(mention.anchor)
    else:
        kinds |= {k for t in mention.anchor.subtree if (k := _lexical_kind(t))}
    return kinds


def _lead_statement(doc: Doc, index: PartyIndex, mention: _Mention) -> _Mention | None:
    """The article's first sentence, when it names two or more parties as its actors: the lead that states the deal.
    Only a "the deal" soon after it refers to it; far into the story, a lone "the deal" is one the lead never told."""
    for sent in list(doc.sents)[:1]:
        if sent.start >= mention.sent.start or doc.text[sent.end_char : mention.start].count("\n") > _LEAD_REACH_PARAGRAPHS:
            return None
        actors = {
            pid
            for token in sent
            if token.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "dative", "conj"} and (pid := index.at(token.idx, token.idx + len(token)))
        }
        if len(actors) >= 2:
            lead = _Mention(sent, sent.root, _sentence_tokens(sent), "generic", content=True)
            lead.parties = index.within(sent.start_char, sent.end_char)
            return lead
    return None


# --- facts -----------------------------------------------------------------------------------------------


@dataclass
class _Status:
    status: AgreementStatus
    by: str | None  # the party that set it, where the clause says
    evidence: tuple[int, int]  # the words that say it
    at: int  # where it is told, to order the events an article tells


def _mention_status(mention: _Mention, index: PartyIndex) -> _Status | None:
    """Where the deal stands in one mention: the verb the agreement noun hangs on ("the Senate passed the deal",
    "X pulled out of the pact", "the truce collapsed", "took effect"), a participle on it ("the treaty, ratified by
    Y"), the mention's own verb ("they signed a deal", "agreed in principle"), or an adjective ("a tentative deal")."""
    return next(iter(_mention_statuses(mention, index)), None)


def _mention_statuses(mention: _Mention, index: PartyIndex) -> list[_Status]:
    """Every stage one mention tells, in the order `_mention_status` weighs them ("rejected the deal offered by X":
    rejected, then proposed)."""
    anchor = mention.anchor
    noun = anchor if anchor.pos_ in {"NOUN", "PROPN"} else _named_by(mention)
    verbs = [_governing_verb(noun)] if noun is not None else []
    if noun is not None:
        # "the treaty, ratified by X", "the pact, which X and Y have been hammering out"
        verbs += [c for c in noun.children if c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN"]
    if anchor.pos_ not in {"NOUN", "PROPN"}:
        verbs.append(anchor)
    described = _described_status(noun)
    told: list[_Status] = []
    for verb in verbs:
        if verb is None or _not_yet(verb) or (verb != anchor and _irrealis(verb)):
            continue
        read = _verb_status(verb)
        if read is None:
            continue
        status, words = read
        # "The agreement ends automatic cuts": what the deal does to something else is not what happens to it
        # ("the treaty took effect" is a phrase of its own).
        acts = noun is not None and noun.dep_ == "nsubj" and verb == noun.head and any(c.dep_ == "dobj" for c in verb.children)
        if acts and words == [verb]:
            continue
        if status is AgreementStatus.agreed and described is not None:
            told.append(described)  # "reached a tentative deal": the deal's own word says more than "reached"
            continue
        by = _status_actor(verb, noun, index) if status in _STATUS_WITH_ACTOR else None
        told.append(_Status(status, by, _extent(words), verb.idx))
    return [*told, described] if described is not None and described not in told else told


def _described_status(noun: Token | None) -> _Status | None:
    """ "a tentative deal", "the proposed accord", "the signed treaty"."""
    for child in noun.children if noun is not None else ():
        if child.dep_ in {"amod", "compound"} and (status := _STATUS_ADJECTIVES.get(child.lower_)):
            return _Status(status, None, _extent([child]), child.idx)
    return None


def _not_yet(verb: Token) -> bool:
    """ "would take effect", "is expected to take effect", "will be signed", "on the verge of signing": what is
    still to come."""
    future = any(c.dep_ in {"aux", "auxpass"} and (c.lower_ in _MODALS | {"will", "'ll"} or c.tag_ == "TO") for c in verb.children)
    return future or verb.dep_ in {"xcomp", "pcomp"}


def _governing_verb(noun: Token) -> Token | None:
    """The verb an agreement noun is the subject or object of, through prepositions ("pulled out of the deal")."""
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj"}:
        return noun.head if noun.head.pos_ in {"VERB", "AUX"} else None
    if noun.dep_ == "pobj":
        verb = noun.head
        while verb.dep_ in {"prep", "prt", "advmod"} and verb.head != verb:
            verb = verb.head
        return verb if verb.pos_ in {"VERB", "AUX"} else None
    return None


def _verb_status(verb: Token) -> tuple[AgreementStatus, list[Token]] | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in {"prt", "advmod", "dobj", "prep"} and (status := _STATUS_PHRASES.get((lemma, child.lemma_.lower()))):
            return status, [verb, child]
        if child.dep_ == "prep":
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                if status := _STATUS_PHRASES.get((lemma, obj.lemma_.lower())):
                    return status, [verb, child, obj]  # "came into force", "signed into law", "came to an end"
                if lemma == "agree" and child.lower_ == "in" and obj.lower_ == "principle":
                    return AgreementStatus.tentative, [verb, child, obj]
    if lemma in {"hammer", "work"} or lemma not in _STATUS_VERBS:
        return None
    # "have been negotiating a deal" is under way; "negotiated a deal" is done.
    if _STATUS_VERBS[lemma] is AgreementStatus.under_negotiation and verb.tag_ != "VBG":
        return None
    return _STATUS_VERBS[lemma], [verb]


def _status_actor(verb: Token, noun: Token | None, index: PartyIndex) -> str | None:
    """Who signed, approved, rejected or left: the agent of a passive ("passed by the Senate"), else the subject."""
    agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    subject = agent if agent is not None else _subject(verb)
    if subject is None or (noun is not None and subject == noun):
        return None
    found = _parties_in(subject, index)
    return found[0] if len(found) == 1 else None


def _extent(tokens: list[Token]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _status(entry: _Entry, index: PartyIndex) -> _Status | None:
    """The deal's standing over all its mentions: the last ending told (rejected, collapsed, withdrawn, suspended),
    else the furthest stage told (a tentative deal later signed is signed)."""
    told = [s for m in entry.mentions if (s := _mention_status(m, index)) is not None]
    endings = [s for s in told if s.status in _ENDINGS]
    if endings:
        return max(endings, key=lambda s: s.at)
    stages = [s for s in told if s.status in _STAGES]
    return max(stages, key=lambda s: (_STAGES.index(s.status), -s.at)) if stages else None


def _never_reached(entry: _Entry, index: PartyIndex) -> bool:
    """ "the proposed deal", "the deal offered by X", "the pact, which X and Y have been hammering out": a deal only
    ever told as proposed or being negotiated, never as reached, is none."""
    told = [s.status for m in entry.mentions for s in _mention_statuses(m, index)]
    unmade = {AgreementStatus.proposed, AgreementStatus.under_negotiation}
    return bool(set(told) & unmade) and not any(s in _STAGES and _STAGES.index(s) >= _STAGES.index(AgreementStatus.tentative) for s in told)


_SUITS = frozenset({"lawsuit", "suit"})
_BILLS = frozenset({"bill", "legislation", "measure"})
# The verbs that tell who made a suit or a bill: "the lawsuits were brought by X", "the bill, passed by X".
_MADE_BY = {**dict.fromkeys(_SUITS, frozenset({"bring", "file"})), **dict.fromkeys(_BILLS, frozenset({"pass", "approve"}))}
# How far after a settlement or a signing the article may tell who brought the suits or passed the bill.
_MAKERS_TOLD_SENTENCES = 6


def _made_things(mention: _Mention) -> set[str]:
    """The suits a payment settles ("paid to settle the lawsuits") and the bill a signing enacts ("agreed to sign a
    bill")."""
    lemmas = {t.lemma_.lower() for t in mention.tokens}
    suits = lemmas & _SUITS if "pay" in _families(mention) else set()
    signed = {c.lemma_.lower() for t in mention.tokens if t.lemma_.lower() == "sign" for c in t.children if c.dep_ == "dobj"}
    return suits | (signed & _BILLS)


def _makers(entry: _Entry, index: PartyIndex) -> list[str]:
    """ "X settled a pair of lawsuits ... The lawsuits were brought by Y and Z": who brought the suits settled is the
    other side of the settlement; "X agreed to sign a bill ... The bill, passed by Y and Z": who passed the bill
    agreed to it too. Only "the lawsuits", "the bill", the ones named before, told as made in one of the few
    sentences that follow; the first such sentence tells it."""
    found: list[str] = []
    for mention in entry.mentions:
        things = _made_things(mention)
        if not things:
            continue
        doc = mention.sent.doc
        following = list(doc[mention.sent.end :].sents)[:_MAKERS_TOLD_SENTENCES]
        for noun in (t for sent in following for t in sent):
            lemma = noun.lemma_.lower()
            if lemma not in things or not _is_definite(noun):
                continue
            made = [noun.head] if noun.dep_ == "nsubjpass" else [c for c in noun.children if c.dep_ == "acl"]
            made = [verb for verb in made if verb.lemma_.lower() in _MADE_BY[lemma]]
            if not made:
                continue
            for agent in (c for verb in made for c in verb.children if c.dep_ == "agent"):
                for maker in (o for o in agent.children if o.dep_ == "pobj"):
                    found.extend(p for t in (maker, *maker.conjuncts) for p in _parties_in(t, index))
                    last = _end_of_list(maker)
                    found.extend(index.within(maker.idx, last.idx + len(last)))
            break
    return found


_LIST_WORDS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "CCONJ", "PUNCT", "PART"})


def _end_of_list(noun: Token) -> Token:
    """ "by X, the Y and several voters": the last word of the list a noun opens, which the small model often
    parses as apposition to something else."""
    last = noun
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        if token.pos_ not in _LIST_WORDS or token.text in {".", ";", ":", "(", ")"} or token.text in _DASHES:
            break
        last = token
    return last


def _duration(entry: _Entry) -> str | None:
    for mention in entry.mentions:
        text = mention.sent.text
        for match in _DURATION.finditer(text):
            before = text[: match.start()].split()
            # "talks lasting ten hours": the length of something else
            if match.group(0).lower().startswith(("lasting", "during")) and (not before or before[-1].lower() not in _NOUN_KINDS):
                continue
            # "a 30-day ceasefire", "a 12-month intelligence-sharing pact", not "after a two-year pause"
            following = re.split(r"[\s-]+", text[match.end() :].lower())[:4]
            if "-" in match.group(0) and " " not in match.group(0) and not any(w.strip(".,;:") in _NOUN_KINDS or w.strip(".,;:") in _TERM_NOUNS for w in following):
                continue
            return match.group(0)
    return None


def _summary(mention: _Mention, index: PartyIndex) -> str:
    tokens = _summary_tokens(mention)
    long = len(tokens) > _MAX_SUMMARY_TOKENS
    tokens = tokens[:_MAX_SUMMARY_TOKENS]
    while tokens and tokens[0].dep_ == "det" and tokens[0].lower_ in {"a", "an", "the"}:
        tokens = tokens[1:]
    words: list[str] = []
    for n, token in enumerate(tokens):
        text = token.text
        # "it had agreed": the pronoun's party reads better on a fact sheet.
        if token.dep_ == "nsubj" and token.lower_ in {"it", "they", "he", "she"}:
            main = _main_subject(token)
            party = index.get(_party_of(token, index)) if main is None else None
            if main is not None:
                text = main.doc[main.left_edge.i : main.right_edge.i + 1].text
            elif party is not None:
                text = party.name
        # "who signed the deal with X" reads as a headline with the one who signed: "The envoys signed ...".
        if n == 0 and token.tag_ in {"WDT", "WP"} and token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "relcl":
            antecedent = token.head.head
            text = antecedent.doc[antecedent.left_edge.i : antecedent.i + 1].text
        # A word left out ("Therefore, it"): the words either side of it stay apart.
        if words and not words[-1][-1:].isspace() and token.i != tokens[n - 1].i + 1:
            words[-1] += " "
        words.append(text + token.whitespace_)
    summary = "".join(words).strip().rstrip(",;:-–—").strip()
    if tokens and (actor := _actor_left_out(mention, tokens[0], index)):
        summary = f"{actor} {summary}"
    summary = summary.replace("\u201c", "").replace("\u201d", "").replace('"', "")
    if long:
        summary += " …"
    return summary[:1].upper() + summary[1:]


def _actor_left_out(mention: _Mention, first: Token, index: PartyIndex) -> str | None:
    """ "..., X, reached a deal with Y", "X was chosen and agreed to ...": a clause that opens at its verb reads as a
    headline with the one who acts before it ("X reached a deal with Y")."""
    verb = mention.anchor
    if verb.pos_ in {"NOUN", "PROPN"} or not (first == verb or first.head == verb and first.dep_ in {"aux", "auxpass", "neg"}):
        return None
    subject = _subject(verb)
    if subject is None or subject.i >= first.i or subject.pos_ == "PRON":
        return None
    party = index.get(_party_of(subject, index))
    return party.name if party is not None else subject.doc[subject.left_edge.i : subject.i + 1].text


def _summary_tokens(mention: _Mention) -> list[Token]:
    """The mention's clause without asides: "as important for ...", "despite ...", parentheses."""
    drop: set[int] = set()
    for token in mention.tokens:
        if token.dep_ == "prep" and token.i > token.head.i and token.lower_ in {"as", "despite", "amid", "because"} and token.head.lower_ != "part":
            # the aside and what its head says after it ("as vital for the region's growth")
            for sibling in token.head.rights:
                if sibling.i >= token.i:
                    drop.update(t.i for t in sibling.subtree)
    inside = 0
    kept = []
    for token in mention.tokens:
        if token.text == "(":
            inside += 1
        if not inside and token.i not in drop:
            kept.append(token)
        if token.text == ")" and inside:
            inside -= 1
    return kept or mention.tokens


def _best(entry: _Entry) -> _Mention:
    """The mention that says most about the agreement: content first, then the verb clause, then the earliest."""
    def score(m: _Mention) -> tuple:
        is_verb = m.anchor.pos_ not in {"NOUN", "PROPN"}
        named = any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or t.pos_ == "PROPN" for t in m.tokens)
        return (not m.content, not named, not (is_verb or not m.definite), m.start)

    return min(entry.mentions, key=score)


# --- accounts ---------------------------------------------------------------------------------------------


def _source(mention: _Mention, index: PartyIndex, quotes: list[Quote]) -> str | None:
    for quote in quotes:
        if quote.evidence.start <= mention.start < quote.evidence.end + 2 and quote.speaker:
            return quote.speaker
    current = mention.anchor
    for _ in range(10):
        if current.dep_ in {"ccomp", "conj"} or current.head == current:
            verb = current.head
            lemma = verb.lemma_.lower()
            if verb != current and (lemma in lexicon.reporting_verbs() or lemma in _REPORTING_EXTRA):
                subject = _subject(verb)
                if subject is not None:
                    # "Seoul's version said", "the White House read-out said": the owner of the document speaks.
                    owner = next((c for c in subject.children if c.dep_ in {"poss", "compound"} and _party_of(c, index)), None)
                    return _party_of(subject, index) or (_party_of(owner, index) if owner is not None else None)
            if current.head == current:
                return None
        current = current.head
    return None


def _accounts(entries: list[_Entry], index: PartyIndex, quotes: list[Quote]) -> None:
    for entry in entries:
        members = {p for m in entry.mentions for p in m.parties}
        for mention in entry.mentions:
            source = _source(mention, index, quotes)
            party = index.get(source)
            if source is None or party is None:
                continue
            # A person speaks for a side only as one of its parties; an organisation or state speaks for itself.
            if party.kind is PartyKind.person and source not in members:
                continue
            spans = entry.accounts.setdefault(source, [])
            sentence = _sentence_tokens(mention.sent) or list(mention.sent)
            span = (sentence[0].idx, sentence[-1].idx + len(sentence[-1]))
            if span not in spans:
                spans.append(span)
    # Two sides describing agreements of the same specific kind describe one event.
    for entry in entries:
        specific = entry.kinds - {"generic"}
        for other in entries:
            if other is entry or not (specific & other.kinds - {"generic", "transaction"}):
                continue
            for source, spans in other.accounts.items():
                mine = entry.accounts.setdefault(source, [])
                mine.extend(s for s in spans if s not in mine)


def _speakers_own_agreements(entries: list[_Entry], quotes: list[Quote]) -> list[_Entry]:
    """"We have agreed on ...", said by a party to an agreement stated before, is that agreement told in the
    speaker's words: merged into the latest earlier one the speaker is party to."""
    kept: list[_Entry] = []
    for entry in entries:
        first = entry.mentions[0]
        quote = next((q for q in quotes if q.evidence.start <= first.start and first.end <= q.evidence.end), None)
        own = (
            quote is not None
            and all(quote.evidence.start <= m.start and m.end <= quote.evidence.end for m in entry.mentions)
            and not any(m.parties for m in entry.mentions)
            and any(t.lower_ in {"we", "i"} and t.dep_ in {"nsubj", "nsubjpass"} for m in entry.mentions for t in m.tokens)
        )
        earlier = [e for e in kept if e.mentions[0].start < first.start and any(quote.speaker in m.parties for m in e.mentions)] if own else []
        # "We have agreed on ...," said by a spokesman of no side named: the deal just told.
        if own and not earlier:
            earlier = [e for e in kept if first.start - 1500 <= e.mentions[-1].start < first.start]
        if earlier:
            earlier[-1].mentions.extend(entry.mentions)
            earlier[-1].kinds |= entry.kinds
        else:
            kept.append(entry)
    return kept


# --- entry point -----------------------------------------------------------------------------------------


def find_agreements(doc: Doc, index: PartyIndex, quotes: list[Quote] | None = None) -> list[Agreement]:
    """Every distinct agreement the article reports, each with all the places that state it."""
    entries = _speakers_own_agreements(_group(_mentions(doc, index), doc, index), quotes or [])
    entries = [e for e in entries if not _never_reached(e, index)]
    _accounts(entries, index, quotes or [])
    agreements = []
    for entry in sorted(entries, key=lambda e: e.mentions[0].start):
        spans = sorted({(m.start, m.end) for m in entry.mentions})
        status = _status(entry, index)
        parties = list(dict.fromkeys([*(p for m in entry.mentions for p in m.parties), *_makers(entry, index)]))
        accounts = [
            Account(by=source, evidence=[Span(start=s, end=e) for s, e in sorted(spans)])
            for source, spans in entry.accounts.items()
        ] if len(entry.accounts) >= 2 else []
        agreements.append(
            Agreement(
                id=f"a{len(agreements) + 1}",
                summary=_summary(_best(entry), index),
                parties=parties,
                status=status.status if status else AgreementStatus.agreed,
                status_by=status.by if status else None,
                status_evidence=Span(start=status.evidence[0], end=status.evidence[1]) if status else None,
                duration=_duration(entry),
                evidence=[Span(start=s, end=e) for s, e in spans],
                accounts=accounts,
            )
        )
    return agreements
