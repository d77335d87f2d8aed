"""Quotes: words inside quotation marks, with their speaker.

A quotation's speaker is the subject of the reporting verb next to it ("X said", "said X", "X wrote",
"according to X", "the White House read-out said"), in the words between the quotation and the end of
its sentence or between the start of its sentence and the quotation. A quotation with no reporting verb
of its own continues the quotation before it in the same or the previous paragraph ("...," he said.
"And ..."), or is attributed in the sentence that follows it.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc, Token

from generator.extract import lexicon, resolve
from generator.extract.parties import PartyIndex
from generator.extract.quotemarks import Quotation, is_speech, quotations
from generator.model import Party, PartyKind, Quote, Span
from generator.slugs import slugify, unique

_STOP = re.compile(r"(?P<word>[\w.]*)[.!?](?=\s)")
_PLURAL_SUBJECTS = frozenset({"they", "both"})
_ABBREVIATIONS = frozenset("st gen sen rep gov lt col sgt capt jr sr inc corp ltd co vs no jan feb aug sept oct nov dec".split())


@functools.lru_cache(maxsize=4)
def _all_sentence_ends(text: str) -> tuple[int, ...]:
    """Offsets just after each . ! or ? that ends a sentence in `text`; an abbreviation
    ("Mr.", "Prof.", "U.S.", "J.") does not end one. Computed once per text: every quotation
    asks for the sentence around it, and scanning its paragraph each time is quadratic in a long one."""
    ends = []
    for match in _STOP.finditer(text):
        word = match.group("word").lower()
        mark = text[match.end() - 1]
        if mark == "." and (
            f"{word}." in lexicon.honorifics() or word in lexicon.honorifics() or word in _ABBREVIATIONS
            or "." in word or len(word) == 1
        ):
            continue
        ends.append(match.end())
    return tuple(ends)


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """The sentence ends of `text` that fall in text[start:end]."""
    ends = _all_sentence_ends(text)
    return list(ends[bisect.bisect_right(ends, start) : bisect.bisect_left(ends, end)])


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence that holds `position` (counting the paragraph start as a sentence start)."""
    paragraph = text.rfind("\n", 0, position) + 1
    ends = _sentence_ends(text, paragraph, position)
    return ends[-1] if ends else paragraph


def _sentence_end(text: str, position: int) -> int:
    paragraph = text.find("\n", position)
    paragraph = len(text) if paragraph < 0 else paragraph
    ends = _sentence_ends(text, position, paragraph)
    return ends[0] if ends else paragraph


def _windows(text: str, quote: Quotation, others: list[Quotation]) -> list[tuple[int, int]]:
    """Where the attribution of `quote` may be written: before it in its sentence, after it to its sentence end.

    Other quotations are never part of a window: their words are not the narrator's.
    """
    before_start = max([_sentence_start(text, quote.open_mark)] + [q.outer_end for q in others if q.outer_end <= quote.open_mark])
    windows = [(before_start, quote.open_mark)]
    quoted = text[quote.start : quote.end].rstrip()
    after = text[quote.outer_end : quote.outer_end + 3].lstrip()
    # A quotation that ends its own sentence ("... zero." Next sentence) is attributed only when the
    # sentence goes on after the closing mark in lower case ("... zero." he said); a question or an exclamation
    # does not end the sentence that attributes it ("... zero?" Jane Doe asked).
    if not quoted.endswith((".", "!", "?")) or quoted.endswith(("!", "?")) or after[:1].islower():
        end = min([_sentence_end(text, quote.outer_end)] + [q.open_mark for q in others if q.open_mark >= quote.outer_end])
        windows.append((quote.outer_end, end))
    return [(s, e) for s, e in windows if e > s]


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _group_before(doc: Doc, index: PartyIndex, position: int) -> list[str]:
    """The parties last named together as one subject ("Acme and Zenith Holdings ... welcomed")."""
    first = doc.char_span(position, position + 1, alignment_mode="expand")
    for token in reversed(doc[: first.start] if first is not None else doc):
        if token.dep_ == "conj" and token.head.dep_ in {"nsubj", "nsubjpass"}:
            members = [index.at(t.idx, t.idx + len(t)) for t in (token.head, *token.head.conjuncts)]
            members = list(dict.fromkeys(m for m in members if m))
            if len(members) > 1:
                return members
    return []


def _group_reference(doc: Doc, index: PartyIndex, noun: Token) -> str | None:
    """The group of the parties last named together that a plural phrase names again: "they", "both", "the
    companies", "the two countries", "both sides" (a count of two or "both" points back at a pair whatever the noun)."""
    counted = any(c.dep_ in {"det", "nummod", "predet", "preconj"} and c.lower_ in {"both", "two"} for c in noun.children)
    if not (noun.lower_ in _PLURAL_SUBJECTS or noun.lemma_.lower() in lexicon.organization_nouns() or counted and noun.tag_ == "NNS"):
        return None
    members = _group_before(doc, index, noun.idx)
    if not members:
        return None
    phrase = doc[noun.left_edge.i : noun.i + 1].text
    return index.add_group(members, Span(start=doc[noun.left_edge.i].idx, end=noun.idx + len(noun)), alias=phrase)


def _subject_party(doc: Doc, index: PartyIndex, subject: Token) -> str | None:
    if subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in _PLURAL_SUBJECTS:
        found = index.at(subject.idx, subject.idx + len(subject)) or _group_reference(doc, index, subject)
        if found:
            return found
    found = index.refer(subject)
    # "the Prime Minister said", "the US president said": the person in office speaks, not the office or the state
    # the text may list as a party of its own.
    holder = resolve.office_holder(index, subject) if resolve.names_office(subject) else None
    if found:
        speaker = index.get(found)
        return _titled_person(doc, index, subject) or (holder if holder and speaker.kind is not PartyKind.person else found)
    # "the White House read-out", "a spokesman for X": the party owns the speaking document or speaks through
    # the spokesman; a person named in the subject ("the firm's chief, Jane Doe") is the speaker herself.
    crosses_verb = subject.i < subject.head.i <= subject.right_edge.i
    last = subject if crosses_verb else subject.right_edge
    inside = [index.get(pid) for pid in index.within(subject.left_edge.idx, last.idx + len(last))]
    chosen = [p for p in inside if p.kind is PartyKind.person] or inside
    issuers = _document_owners(index, subject) if subject.lemma_.lower() in _DOCUMENT_NOUNS else []
    if len(issuers) > 1:
        return index.add_group(issuers)  # "a statement from X and Y said": both speak
    if chosen:
        return holder if holder and chosen[0].kind is not PartyKind.person else chosen[0].id
    return holder or _document_author(doc, index, subject) or _unlisted_speaker(doc, index, subject)


# Nouns by which a text refers back to a news outlet it named: "the paper notes".
_OUTLET_NOUNS = frozenset("paper newspaper station network broadcaster outlet channel".split())
_INDEFINITE = frozenset({"a", "an", "one"})


def _unlisted_speaker(doc: Doc, index: PartyIndex, subject: Token) -> str | None:
    """A speaker the parties extractor leaves out, who becomes a party by being quoted: a news outlet ("Reuters
    reported", "the paper notes") or a person described but not named ("a senior official said", and later "the
    official said"). Plural and bare subjects ("analysts said") stay no one in particular."""
    # "the broadcaster KXYZ": the small model may tag a call sign after its outlet noun a common noun.
    named_outlet = subject.text[:1].isupper() and any(c.dep_ == "compound" and c.lemma_.lower() in _OUTLET_NOUNS for c in subject.children)
    # One name: a subject coordinated with others ("X and anchor Y have ...") is not one outlet or person.
    # A lower-case word the small model tags a proper noun ("the prime minister") is no name.
    if (subject.pos_ == "PROPN" and subject.text[:1].isupper() or named_outlet) and subject.ent_type_ in {"ORG", "PERSON", ""} and not subject.conjuncts:
        # A name the model did not label ("the television station KXYZ reported") is its run of proper nouns.
        name = next((e for e in doc.ents if e.start <= subject.i < e.end), None) or doc[_proper_start(subject) : subject.i + 1]
        if name[0].lower_ == "the":
            name = name[1:]
        kind = PartyKind.person if subject.ent_type_ == "PERSON" else PartyKind.organization
        return _quoted_party(index, name.text, kind, Span(start=name.start_char, end=name.end_char)) if len(name) else None
    determiner = next((c.lower_ for c in subject.children if c.dep_ in {"det", "nummod"}), None)
    lemma = subject.lemma_.lower()
    if subject.tag_ != "NN" or determiner is None:
        return None
    mention = Span(start=subject.idx, end=subject.idx + len(subject))
    if determiner == "the" and lemma in _OUTLET_NOUNS:
        outlet = next((e for e in reversed(doc.ents[: _entity_count_before(doc, subject.i)]) if _names_outlet(e)), None)
        if outlet is None or index.in_quote(outlet.start_char):
            return None
        name = outlet[1:] if outlet[0].lower_ == "the" else outlet
        return _quoted_party(index, name.text, PartyKind.organization, Span(start=name.start_char, end=name.end_char), mention)
    if lemma not in resolve.PERSON_DESCRIPTIONS and lemma not in lexicon.titles() and lemma != "person":
        return None
    if determiner in _INDEFINITE:
        return _quoted_party(index, _description(subject), PartyKind.person, mention)
    if determiner == "the":
        # "the official said" names again the person described earlier as "an official".
        for earlier in reversed(doc[: subject.i]):
            if earlier.lemma_.lower() == lemma and earlier.tag_ == "NN" and not index.in_quote(earlier.idx) and any(
                c.dep_ in {"det", "nummod"} and c.lower_ in _INDEFINITE for c in earlier.children
            ):
                return _quoted_party(index, _description(earlier), PartyKind.person, Span(start=earlier.idx, end=earlier.idx + len(earlier)), mention)
        if lemma in lexicon.titles():
            # "the Vermont senator said": news names its person in focus again by the office, as by "he".
            return resolve.office_holder(index, subject)
    return None


def _proper_start(name: Token) -> int:
    start = name.i
    while start > 0 and name.doc[start - 1].pos_ == "PROPN" and name.doc[start - 1].head.i == name.i:
        start -= 1
    return start


def _entity_count_before(doc: Doc, position: int) -> int:
    return sum(1 for e in doc.ents if e.end <= position)


def _names_outlet(entity) -> bool:
    """A name of a news outlet: "The Daily Courier", "the television station KXYZ" (the small model may label it
    a person)."""
    # The name after its outlet noun, not a place before it ("a Riverton newspaper").
    head = entity.root.head
    return entity[-1].pos_ == "PROPN" and (
        entity[-1].lower_ in lexicon.outlet_words() or head.lemma_.lower() in _OUTLET_NOUNS and head.i < entity.start
    )


def _description(noun: Token) -> str:
    """The noun phrase that describes an unnamed person, up to its noun and a short phrase after it
    ("a trade expert from Kessel University", "a person familiar with the talks"), without a relative clause."""
    words = list(noun.doc[noun.left_edge.i : noun.i + 1])
    after = list(noun.doc[noun.i + 1 : noun.right_edge.i + 1])
    if after and after[0].dep_ in {"prep", "amod", "acl"} and len(after) <= 6 and not any(t.pos_ in {"VERB", "PUNCT"} for t in after[1:]):
        words += after
    return "".join(t.text_with_ws for t in words).strip()


def _quoted_party(index: PartyIndex, name: str, kind: PartyKind, *mentions: Span) -> str:
    """The party of that name, created on its first quotation, with these mentions added."""
    party = next((p for p in index.parties if p.name.lower() == name.lower()), None)
    if party is None:
        party = Party(id=unique(slugify(name), {p.id for p in index.parties}), name=name, kind=kind)
        index.parties.append(party)
    party.mentions = [*party.mentions, *(m for m in mentions if m not in party.mentions)]
    return party.id


def _document_owners(index: PartyIndex, document: Token) -> list[str]:
    """The parties a document's own phrase names as its issuers: "X's statement", "X and Y's joint statement", "a
    statement from X", "a letter released by X and Y"; not others its clauses name ("a letter to X", "a statement
    vowing to protect X")."""
    owners = [c for c in document.children if c.dep_ in {"poss", "nmod", "compound"}]
    for child in document.children:
        heads = [child] if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"} else []
        if child.dep_ == "acl":
            heads = [c for c in child.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"]
        owners += [g for h in heads for g in h.children if g.dep_ == "pobj"]
    return list(dict.fromkeys(pid for owner in owners for t in (owner, *owner.conjuncts) if (pid := _owner_party(index, t))))


def _owner_party(index: PartyIndex, owner: Token) -> str | None:
    """The party a document's issuer phrase names: a name, "the two sides", or a common noun that a name modifies
    ("the G5 countries") or lists ("the developing countries Brazil, Chile and Peru": all of them)."""
    found = index.refer(owner) or _group_reference(owner.doc, index, owner)
    if found or owner.pos_ != "NOUN":
        return found
    modifiers = [pid for c in owner.children if c.dep_ in {"nmod", "compound"} and (pid := index.refer(c))]
    if modifiers:
        return modifiers[0]
    listed = [pid for c in owner.children if c.dep_ == "appos" for t in (c, *c.conjuncts) if (pid := index.refer(t))]
    listed = list(dict.fromkeys(listed))
    return index.add_group(listed) if len(listed) > 1 else listed[0] if listed else None


def _titled_person(doc: Doc, index: PartyIndex, subject: Token) -> str | None:
    """ "Jane Doe, the Paralympic Committee President, says": the small model may take the organisation for the
    subject, with the title in apposition to it; the speaker is the person the comma-set phrase describes."""
    party = index.get(index.refer(subject))
    titled = any(c.dep_ == "appos" and c.lower_ in lexicon.titles() for c in subject.children)
    first = subject.left_edge.i
    if party is None or party.kind is PartyKind.person or not titled or first < 2 or doc[first - 1].text != ",":
        return None
    named = index.get(index.at(doc[first - 2].idx, doc[first - 2].idx + len(doc[first - 2])))
    return named.id if named is not None and named.kind is PartyKind.person else None


def _issuer(doc: Doc, index: PartyIndex, subject: Token) -> str | None:
    """Who issued a document: the subject, or the group of the parties named together as the subject."""
    if subject.conjuncts and None in [index.refer(t) for t in subject.conjuncts]:
        return None  # "X and the tribes issued a statement": not X alone, and the others have no party to join him in
    return _joint_speaker(index, subject) or _subject_party(doc, index, subject)


def _joint_speaker(index: PartyIndex, subject: Token) -> str | None:
    """The group of the parties a coordinated subject names ("X and Y said in a joint statement"), each named."""
    named = [index.refer(t) for t in (subject, *subject.conjuncts)]
    members = list(dict.fromkeys(named))
    return index.add_group(members) if len(members) > 1 and None not in members else None


# Documents that speak for whoever issued them: "the statement said".
_DOCUMENT_NOUNS = frozenset("statement communique communiqué declaration readout read-out report letter memo filing document text".split())
# Nouns that name again whatever document the text named before ("a joint declaration ... the document says").
_GENERIC_DOCUMENT_NOUNS = frozenset({"document", "text"})


def _bare_reference(index: PartyIndex, document: Token) -> bool:
    """ "the statement" with no issuer in its phrase: a document named again, its issuer named where it was introduced."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in document.children) and not _document_owners(index, document)


def _document_author(doc: Doc, index: PartyIndex, subject: Token) -> str | None:
    """"the statement said": the party that issued the statement named earlier ("a joint statement released by
    X", "X's statement", "a statement from X")."""
    if subject.lemma_.lower() not in _DOCUMENT_NOUNS or not any(t.lower_ == "the" for t in subject.lefts):
        return None
    lemma = subject.lemma_.lower()
    # A bare "the statement" before names the same document again, not where it came from.
    earlier_documents = [
        t for t in doc[: subject.i] if t.lemma_.lower() in _DOCUMENT_NOUNS and not index.in_quote(t.idx) and not _bare_reference(index, t)
    ]
    if not earlier_documents:
        return None
    # "a joint declaration ... the statement said": one document, named again by another noun when none before has its own.
    same = [t for t in earlier_documents if t.lemma_.lower() == lemma and lemma not in _GENERIC_DOCUMENT_NOUNS]
    earlier = (same or earlier_documents)[-1]
    # "a statement released by X" names X in the noun's phrase, "a statement was released by X" in its clause.
    inside = _document_owners(index, earlier)
    if len(inside) > 1:
        return index.add_group(inside)
    if not inside and earlier.dep_ in {"nsubj", "nsubjpass"}:
        start, end = earlier.head.left_edge.idx, earlier.head.right_edge.idx + len(earlier.head.right_edge)
        # Not a party named in the words the document is quoted as saying ("“... the people of X ...,” says a statement").
        inside = [
            pid for pid in index.within(start, end)
            if any(start <= m.start < end and not index.in_quote(m.start) for m in index.get(pid).mentions)
        ]
    verb = earlier.head.head if earlier.dep_ == "pobj" else earlier.head if earlier.dep_ == "dobj" else None
    if not inside and verb is not None and verb.pos_ == "VERB":
        # "X said in a statement that ...", "X and Y issued a joint statement", "X agreed to extend it in a statement":
        # the statement is the subject's, the subject of the clause the verb completes where it has none of its own.
        while verb.dep_ in {"xcomp", "conj"} and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return _issuer(doc, index, subject) if subject is not None else None
    return inside[0] if inside else None


def _speaker_of_verb(doc: Doc, index: PartyIndex, verb: Token, window: tuple[int, int]) -> str | None:
    head = verb
    while True:
        # A subject inside quotation marks, or a dash the small model takes for a noun, is a misparse, not the speaker.
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.text[:1].isalnum() and not index.in_quote(c.idx)]
        # A misparse may give the verb a second subject ("The four loopholes he cited are "...," The Hill reported",
        # "X and anchor Y has said"): the one in the attribution speaks, else the one nearest the verb.
        subjects = [c for c in subjects if window[0] <= c.idx < window[1]] or subjects
        subject = subjects[-1] if subjects else None
        # "X said ... and added", "X said, adding that ...", "X made a plea to MPs, telling them: ...": a verb without
        # a subject of its own, joined to the clause before or hung on it as a participle, shares that clause's subject;
        # hung on a clause inside the sentence ("... until Y stopped Z, saying "...""), the small model may have
        # attached it to the wrong verb.
        participle = head.dep_ == "advcl" and head.tag_ == "VBG" and (_reports_speech(head.head) or _main_verb(index, head.head))
        if subject is not None or not (head.dep_ == "conj" or participle):
            break
        head = head.head
    if subject is not None:
        speaker = _joint_speaker(index, subject) or _subject_party(doc, index, subject)
        # None for no one in particular ("analysts said"), unless that subject is only the main verb's, reached through a
        # participle the small model may have hung on the wrong clause: then the person named nearest speaks.
        if speaker is not None or head is verb or _reports_speech(head):
            return speaker
    # The small model often leaves an inverted or long subject unattached ("..., said analyst X at Y",
    # "..., Prof. X, a lecturer at Y who specializes in Z, observed"): take the person named nearest the verb.
    start, end = window
    if verb.idx > start:
        between = index.within(start, verb.idx)
        persons = [pid for pid in between if (p := index.get(pid)) and p.kind is PartyKind.person]
        if persons or between:
            return (persons or between)[0]
    after = index.within(verb.idx + len(verb), end)
    return after[0] if after else None


def _main_verb(index: PartyIndex, verb: Token) -> bool:
    """The verb of the narrator's main clause; the small model may hang it on a verb of the quotation that follows
    ("X made a plea, telling them: "I believe ..."")."""
    return verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and index.in_quote(verb.head.idx)


# Verbs of manner of speaking that attribute a quotation beside them as reporting verbs do ("...!" X shouted,
# "...," X boasted); the other extractors need not read them as reports.
_QUOTING_VERBS = frozenset("boast shout exclaim plead joke".split())


def _reports_speech(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children):
        return True  # "..., he went on", "as X went on about "...""
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return True  # "as a ministry memo put it"
    if lemma == "read" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENT_NOUNS for c in token.children):
        return True  # "..., the statement read": a document reads as a person says
    return token.pos_ == "VERB" and (lemma in lexicon.reporting_verbs() or lemma in _QUOTING_VERBS)


def _attribution(doc: Doc, index: PartyIndex, window: tuple[int, int], near: int) -> tuple[int, str] | None:
    """(distance from the quotation, speaker id) of the reporting verb in `window` nearest to the quotation."""
    start, end = window
    tokens = _tokens_in(doc, start, end)
    found = []
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            party = index.within(doc[token.i + 1].idx, end)
            if party:
                found.append((abs(token.idx - near), party[0]))
        elif _reports_speech(token):
            party = _speaker_of_verb(doc, index, token, window)
            if party:
                found.append((abs(token.idx - near), party))
    return min(found) if found else None


def find_quotes(doc: Doc, index: PartyIndex) -> list[Quote]:
    text = doc.text
    speech = [q for q in quotations(text) if is_speech(text, q)]
    quotes: list[Quote] = []
    speakers: list[str | None] = []
    for n, quote in enumerate(speech):
        others = speech[:n] + speech[n + 1 :]
        hits = []
        for window in _windows(text, quote, others):
            near = quote.open_mark if window[1] <= quote.open_mark else quote.outer_end
            hit = _attribution(doc, index, window, near)
            if hit:
                hits.append(hit)
        speaker = (
            speakers[n - 1]
            if _listed_after(text, speech, n) and speakers[n - 1]
            else min(hits)[1]
            if hits
            else _signed_speaker(index, text, quote) or _governing_speaker(doc, index, quote) or _continued_speaker(text, speech, speakers, n)
        )
        if speaker is None:
            speaker = _introduced_speaker(doc, index, text, quote)
        if speaker is None and _stands_alone(text, quote):
            speaker = _neighbouring_speaker(doc, index, text, quote, speech)
        speakers.append(speaker)
        if speaker is None:
            continue  # an unattributed quotation is not a quote of anyone
        end = quote.end
        while end > quote.start and text[end - 1] in ",;: ":
            end -= 1
        quotes.append(Quote(id=f"q{len(quotes) + 1}", speaker=speaker, text=text[quote.start : end], evidence=Span(start=quote.start, end=end)))
    return quotes


_LIST_GAP = re.compile(r"[ ,;]*(?:and|or|as well as) (?:as )?(?:an? |the )?")


def _listed_after(text: str, speech: list[Quotation], n: int) -> bool:
    """Whether the quotation is one more item of a list of quotations ("about "A," and "B" and "C," X said"): the
    items share the speaker of the first, whoever is named after the last."""
    return n > 0 and bool(_LIST_GAP.fullmatch(text, speech[n - 1].outer_end, speech[n].open_mark))


# A paragraph of quotation signed with a dash and a name at its end: "...” ― Jane Doe" (readers' voices, epigraphs).
_SIGNATURE = re.compile(r"[\u201d\"][ \t\u00a0]*[\u2015\u2014\u2013-][ \t\u00a0]*(?P<name>[^\n\u201d\"]{2,60}?)[ \t.]*$")


def _signed_speaker(index: PartyIndex, text: str, quote: Quotation) -> str | None:
    """The name signing the paragraph of quotation that holds `quote` (a nested quotation may cut it in parts)."""
    paragraph_start = text.rfind("\n", 0, quote.open_mark) + 1
    paragraph_end = text.find("\n", quote.open_mark)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    if text[paragraph_start : paragraph_start + 1] not in "\u201c\"" or paragraph_start == paragraph_end:
        return None
    signature = _SIGNATURE.search(text, quote.open_mark, paragraph_end)
    if signature is None:
        return None
    named = index.within(signature.start("name"), signature.end("name"))
    return named[0] if named else None


# Verbs whose subject characterises something, demands or promises in quoted words of its own: "X called the plan
# "a betrayal of ..."", "X accused Y of a "gross abuse of ..."", "X vowed to "...."". Not reporting verbs: a quotation
# beside them may be someone else's; one inside their own clause is their subject's.
_CHARACTERISING_VERBS = frozenset(
    "call brand label accuse attack dismiss denounce condemn criticize criticise blast slam praise laud threaten vow promise pledge demand".split()
)


def _governing_speaker(doc: Doc, index: PartyIndex, quote: Quotation) -> str | None:
    """The subject of the reporting or characterising verb that governs the quoted words in the parse, however far
    from them ("Y, who is "a bully" and "a danger to ..."", hung on "X called Y ..." before the first quotation)."""
    quoted = _tokens_in(doc, quote.start, quote.end)
    if not quoted:
        return None
    inside = {t.i for t in quoted}
    for token in quoted:
        if token.head.i in inside:
            continue
        for ancestor in token.ancestors:
            if index.in_quote(ancestor.idx):
                break
            if _reports_speech(ancestor) or ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in _CHARACTERISING_VERBS:
                sentence = ancestor.sent
                return _speaker_of_verb(doc, index, ancestor, (sentence.start_char, sentence.end_char))
    return None


def _stands_alone(text: str, quote: Quotation) -> bool:
    """Whether the quotation is a sentence of its own: a few quoted words inside a sentence of the narrator's
    ("fears of a "race to the bottom".") are a phrase, not someone's statement."""
    before = text[_sentence_start(text, quote.open_mark) : quote.open_mark]
    after = text[quote.outer_end : _sentence_end(text, quote.outer_end)] if text[quote.start : quote.end].rstrip()[-1:] not in ".!?" else ""
    return not before.strip() and not after.strip(" .!?")


def _neighbouring_speaker(doc: Doc, index: PartyIndex, text: str, quote: Quotation, speech: list[Quotation]) -> str | None:
    """The speaker named in the sentence before the quotation ("X told reporters on Monday.") or after it
    ("That was the verdict of X."), in the same paragraph and free of other quotations."""
    start = _sentence_start(text, quote.open_mark)
    neighbours = []
    if start > 0 and text[start - 1] != "\n":
        neighbours.append((_sentence_start(text, start - 1), start, start))
    closes_sentence = text[quote.start : quote.end].rstrip().endswith((".", "!", "?"))
    end = quote.outer_end if closes_sentence else _sentence_end(text, quote.outer_end)
    if end < len(text) and text[end : end + 1] != "\n":
        after = end + len(text[end:]) - len(text[end:].lstrip(" "))
        neighbours.append((after, _sentence_end(text, after + 1), after))
    for window_start, window_end, near in neighbours:
        if any(window_start < q.outer_end and q.open_mark < window_end for q in speech):
            continue
        hit = _attribution(doc, index, (window_start, window_end), near)
        if hit:
            return hit[1]
    # "X identified the reasons for Y. "..."": a quotation standing after a sentence about a person is that person's,
    # also where it is a paragraph of its own after the paragraph that ends with that sentence.
    paragraph_end = text.find("\n", end)
    if start > 1 and text[start - 1] == "\n" and not text[end : paragraph_end if paragraph_end >= 0 else len(text)].strip():
        neighbours.insert(0, (_sentence_start(text, start - 2), start - 1, start))
    if neighbours and neighbours[0][2] == start:
        window_start, window_end, _ = neighbours[0]
        if not any(window_start < q.outer_end and q.open_mark < window_end for q in speech):
            return _subject_person(doc, index, window_start, window_end)
    return None


def _subject_person(doc: Doc, index: PartyIndex, start: int, end: int) -> str | None:
    """The person who is the subject of the main verb of the sentence in text[start:end]."""
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return None
    root = tokens[0].sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and root.pos_ == "PROPN":
        subject = root  # the small model makes a name with a long relative clause the root ("X, who lost ..., identified")
    party = index.get(index.refer(subject)) if subject is not None else None
    return party.id if party is not None and party.kind is PartyKind.person else None


def _introduced_speaker(doc: Doc, index: PartyIndex, text: str, quote: Quotation) -> str | None:
    """The speaker of the clause a colon ends just before the quotation: "X continued:" closing the paragraph before a
    paragraph of quotation, or "X celebrated the breakthrough on social media: "..."", "X called for a ceasefire:
    "I urge ..."" in its own sentence, whatever the verb: a colon hands the clause's subject the words."""
    colon = len(text[: quote.open_mark].rstrip()) - 1
    if colon < 0 or text[colon] != ":" or text[quote.start : quote.start + 1].islower():
        return None
    start = _sentence_start(text, colon)
    hit = _attribution(doc, index, (start, colon), colon)
    if hit:
        return hit[1]
    if "\n" in text[colon : quote.open_mark]:
        return _subject_person(doc, index, start, colon)
    # Only a subject that names its party: a pronoun, a role noun or a headline's capitals ("... - More from the
    # report:", "ECONOMY FAVORS X - Y:") introduce words too loosely to hand them to anyone.
    subjects = [t for t in _tokens_in(doc, start, colon) if t.dep_ in {"nsubj", "nsubjpass"} and start <= t.head.idx < colon]
    if not subjects or subjects[0].text.isupper():
        return None
    return index.at(subjects[0].idx, subjects[0].idx + len(subjects[0]))


def _continued_speaker(text: str, speech: list[Quotation], speakers: list[str | None], n: int) -> str | None:
    """The speaker of the quotation before, when this one carries on from it: later in the same paragraph
    with only the attribution between them, or opening the next paragraph."""
    if n == 0 or speakers[n - 1] is None:
        return None
    previous, quote = speech[n - 1], speech[n]
    gap = text[previous.outer_end : quote.open_mark]
    if "\n" not in gap:
        # Only the previous quotation's own attribution may stand between them.
        return speakers[n - 1] if len(_sentence_ends(gap, 0, len(gap))) <= 1 else None
    paragraph_start = text.rfind("\n", 0, quote.open_mark) + 1
    previous_paragraph_end = paragraph_start - 1
    opens_paragraph = not text[paragraph_start : quote.open_mark].strip()
    ended_previous = text.rfind("\n", 0, previous_paragraph_end) < previous.open_mark
    return speakers[n - 1] if opens_paragraph and ended_previous and gap.count("\n") == 1 else None
