"""Expert commentary: named analysts, academics and former officials, and what they said.

An expert is a person the text introduces by a commentator's role ("Jane Doe, an analyst at
Bluefin Securities", "economist X", "Prof. X, a senior lecturer at Y", "former minister X"). What they said is
every quote attributed to them and every reported clause they are the subject of ("X said the move was
..."). Unnamed "analysts" and "observers" are no one in particular: they are not parties, so never experts.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from generator.extract import lexicon
from generator.extract.parties import PartyIndex, roles
from generator.model import Commentary, Party, PartyKind, Quote, Span

_EXPERT_HONORIFICS = frozenset({"prof", "prof.", "professor"})


def _phrases(role: str) -> set[str]:
    words = role.lower().replace(",", " ").split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _is_former(role: str) -> bool:
    return role.lower().startswith("former ")


def _is_expert_role(role: str) -> bool:
    # Former officials comment: they no longer act for anyone.
    return _is_former(role) or bool(_phrases(role) & lexicon.expert_roles())


def _holds_office(role: str) -> bool:
    """A present office in the story ("the chairman of the talks", "the envoy"), not a former one."""
    return not _is_former(role) and bool(_phrases(role) & lexicon.titles())


# Research institutions: whoever speaks from one ("a director at the Peace Institute") speaks as a commentator.
_RESEARCH_WORDS = frozenset("institute institution university college school foundation endowment centre center".split())


def _research_affiliation(affiliation: str | None) -> bool:
    return affiliation is not None and bool(set(affiliation.lower().split()) & _RESEARCH_WORDS)


def _predicated_roles(doc: Doc, party: Party) -> list[tuple[str, str | None]]:
    """Roles a clause of its own gives a person: "X is a Democratic consultant", "X, who was chief strategist for
    Y, said"."""
    found = []
    for mention in party.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        name = span.root
        verbs = [name.head] if name.dep_ == "nsubj" else []
        verbs += [c for c in name.children if c.dep_ == "relcl"]
        for attr in (c for verb in verbs if verb.lemma_ == "be" for c in verb.children if c.dep_ == "attr"):
            role = " ".join(t.text for t in doc[attr.left_edge.i : attr.i + 1] if t.dep_ != "det")
            employer = next(
                (g for c in attr.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "for"} for g in c.children if g.dep_ == "pobj"), None
            )
            found.append((role, doc[employer.left_edge.i : employer.i + 1].text if employer is not None else None))
    return found


def _credentials(doc: Doc, party: Party) -> tuple[str, str | None] | None:
    described = roles(doc, party) + _predicated_roles(doc, party)
    expert = [(role, affiliation) for role, affiliation in described if _is_expert_role(role) or _research_affiliation(affiliation)]
    # "The chairman of the talks, former senator X": a former office does not make a commentator of one who acts in
    # the story in a present one.
    if all(_is_former(role) and not _research_affiliation(affiliation) for role, affiliation in expert) and any(
        _holds_office(role) for role, _ in described
    ):
        expert = []
    if expert:
        role, affiliation = max(expert, key=lambda r: len(r[0]))
        return role, affiliation or party.affiliation
    if party.title and party.title.lower() in _EXPERT_HONORIFICS:
        return party.title, party.affiliation
    return None


def _paraphrases(doc: Doc, index: PartyIndex, expert: str, quoted: list[tuple[int, int]]) -> list[Span]:
    """The reported clauses of reporting verbs whose subject is the expert, outside quotation marks."""
    spans = []
    for token in _reporting_verbs(doc):
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or index.refer(subject) != expert:
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            start, end = _extent(clause)
        elif _characterises(token):
            start, end = _extent(token)  # "X calls it a "loser" issue": the whole clause is the judgement
        else:
            continue
        if any(s < end and start < e for s, e in quoted):
            continue  # the words are a quotation, already a quote
        spans.append(Span(start=start, end=end))
    return spans


def _reporting_verbs(doc: Doc) -> list[Token]:
    return [t for t in doc if t.pos_ == "VERB" and (t.lemma_.lower() in lexicon.reporting_verbs() or _characterises(t))]


def _characterises(verb: Token) -> bool:
    """ "calls it a "loser" issue", "called the plan unworkable": a verb that judges its object in a complement."""
    return verb.lemma_.lower() == "call" and any(c.dep_ == "oprd" for c in verb.children) and any(c.dep_ == "dobj" for c in verb.children)


def _extent(token: Token) -> tuple[int, int]:
    tokens = [t for t in token.subtree if not t.is_punct or t.i not in (token.left_edge.i, token.right_edge.i)]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def find_commentary(doc: Doc, index: PartyIndex, quotes: list[Quote]) -> list[Commentary]:
    """One entry per point an expert makes: a reader (and the annotation guidelines) count an expert's quote and
    each of their paraphrased claims as separate commentary."""
    text = doc.text
    # The quoted speech find_parties already located: an expert's paraphrase is what lies outside it.
    quoted = index.quoted
    points = []
    for party in index.parties:
        if party.kind is not PartyKind.person:
            continue
        credentials = _credentials(doc, party)
        if credentials is None:
            continue
        evidence = [q.evidence for q in quotes if q.speaker == party.id]
        evidence += _paraphrases(doc, index, party.id, quoted)
        points += [(spans, party, credentials) for spans in _distinct_points(text, evidence)]
    points.sort(key=lambda point: point[0][0].start)
    return [
        Commentary(
            id=f"e{n}",
            expert=party.id,
            credentials=role,
            affiliation=affiliation,
            text=spans[0].text_of(text),
            evidence=spans,
        )
        for n, (spans, party, (role, affiliation)) in enumerate(points, 1)
    ]


def _distinct_points(text: str, evidence: list[Span]) -> list[list[Span]]:
    """One expert's spans grouped by point: words repeated later (a summary paragraph quoted again in the body,
    "The rise is temporary" and then "As I said, the rise is temporary; it will pass") are the same point."""
    points: list[list[Span]] = []
    for span in sorted(evidence, key=lambda s: s.start):
        words = _words(span.text_of(text))
        same = next((p for p in points if words in _words(p[0].text_of(text)) or _words(p[0].text_of(text)) in words), None)
        if same is None:
            points.append([span])
        else:
            same.append(span)
    return points


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
