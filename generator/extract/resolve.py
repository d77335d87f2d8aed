"""Coreference: the party a pronoun or a role noun stands for, in one place for every extractor.

The small model has no coreference, so this resolver goes by what news English keeps stable: a pronoun refers to
the nearest compatible party before it, compatible by person or not ("he", "she" a person; "it" an organisation or
a state; "they" a group, an organisation or a state, or a plural crowd of no name), and a role noun ("the
company", "the union") to the organisation last named. The speaker in focus beats the person named last: news keeps
the speaker in subject position ("X, an analyst at Y, said ... "...," he said"). Names, title phrases ("the
Polish president") and role nouns the text puts in apposition are resolved earlier, when the party index is built
(generator/extract/parties.py); this module resolves what is left at the moment an extractor asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span as SpacySpan, Token

from generator.extract import lexicon
from generator.model import PartyKind

if TYPE_CHECKING:
    from generator.extract.parties import PartyIndex

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# People the narrator describes without naming them ("an analyst", "a spokesman", "one official").
PERSON_DESCRIPTIONS = frozenset("analyst economist observer official source spokesman spokeswoman spokesperson expert trader diplomat".split())


def refer(index: PartyIndex, token: Token) -> str | None:
    """The party `token` stands for: a mention of it, a pronoun, or a role noun ("the company"); None for none.

    Pronouns go to the party of fitting kind mentioned last before them: "he"/"his" to a person, "it"/"its" to an
    organisation or country, "they"/"their" to a group, organisation or country (or to no party where they continue
    a plural subject that names none).
    """
    hit = index.at(token.idx, token.idx + len(token))
    if hit:
        return hit
    word = token.lower_
    if word in _PERSON_PRONOUNS:
        return person_in_focus(index, token)
    if word in _THING_PRONOUNS:
        return subject_in_focus(index, token, {PartyKind.organization, PartyKind.country}) or index.before(
            token.idx, {PartyKind.organization, PartyKind.country}
        )
    if word in _PLURAL_PRONOUNS:
        if unnamed_plural_in_focus(index, token):
            return None
        return index.before(token.idx, {PartyKind.group, PartyKind.organization, PartyKind.country})
    # "the company" names again the organisation named last; "a group of parents" is a new one.
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in token.children)
    if token.lemma_.lower() in lexicon.organization_nouns() and token.tag_ in {"NN", "NNP"} and not indefinite:
        return organisation_meant(index, token)
    return None


# Words of the names of unions: "the union" is the "... Workers" or the "... Federation" named before.
_ROLE_NAME_WORDS = {"union": frozenset({"workers", "federation", "association", "brotherhood", "teamsters", "guild", "confederation"})}


def organisation_meant(index: PartyIndex, noun: Token) -> str | None:
    """The organisation a role noun ("the union", "the company") stands for: the last named before it whose name holds
    the noun or a word of such names ("the Harbour Union ... the union", "the Steel Workers ... the union", where another
    firm was named between them), else the last named."""
    words = {noun.lemma_.lower(), *_ROLE_NAME_WORDS.get(noun.lemma_.lower(), ())}
    named = [
        (m.start, p)
        for p in index.parties
        # Its own name, not an alias: "the company" among the aliases is the placement being second-guessed here.
        if p.kind is PartyKind.organization and words & set(p.name.lower().split())
        for m in p.mentions
        if m.end <= noun.idx and not index.in_quote(m.start)
    ]
    if named:
        return max(named, key=lambda hit: hit[0])[1].id
    return index.before(noun.idx, {PartyKind.organization})


def subject_in_focus(index: PartyIndex, pronoun: Token, kinds: set[PartyKind]) -> str | None:
    """The party of one of `kinds` that is the subject of the sentence so far ("The council condemned the test of X
    and pledged sanctions against what it called ...": the council, not X named last)."""
    subjects = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in {"nsubj", "nsubjpass"} and not index.in_quote(t.idx)]
    for subject in reversed(subjects):
        party = index.get(index.at(subject.idx, subject.idx + len(subject)))
        if party is not None and party.kind in kinds:
            return party.id
    return None


def person_in_focus(index: PartyIndex, pronoun: Token) -> str | None:
    """The person "he" or "she" stands for: the subject of the sentence so far, else the subject of the sentence
    before, else the person named last. A person described but not named ("an analyst in Zurich, who did not want
    to be named, said") is no one: the pronoun does not jump to an earlier name."""
    sentence = pronoun.sent
    in_focus = subject_in_focus(index, pronoun, {PartyKind.person})
    if in_focus:
        return in_focus
    doc = pronoun.doc
    text = _text(doc)
    paragraph_start = text.rfind("\n", 0, pronoun.idx) + 1
    # A sentence that opens its paragraph ("“...,” he said.") continues the last sentence of the one before; so does
    # one that ends a quotation opening it ("“... tomorrow. We will ...,” he said.").
    opens_quoted = text[paragraph_start : paragraph_start + 1] in {'"', "\u201c", "\u2018"} and index.in_quote(sentence.start_char)
    if sentence.start_char <= paragraph_start or opens_quoted:
        paragraph_start = text.rfind("\n", 0, max(paragraph_start - 1, 0)) + 1
    # Up to two sentences back: the one just before may be a quotation with no subject of the narrator's.
    for _ in range(2):
        if sentence.start == 0 or doc[sentence.start - 1].idx < paragraph_start:
            break
        sentence = doc[sentence.start - 1].sent
        subject = main_subject(sentence)
        if subject is None or index.in_quote(subject.idx):
            continue
        if subject.lower_ == pronoun.lower_:
            return person_in_focus(index, subject)  # "He also said ... “...,” he said": the same person still
        # The name may sit in an appositive of the subject ("the ministry's spokesman, X, said"); the subject's own
        # name comes before a person its modifiers name ("X adviser Y, ..., said": Y).
        phrase = [index.get(index.at(subject.idx, subject.idx + len(subject)))]
        phrase += [index.get(pid) for pid in index.within(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))]
        persons = [p for p in phrase if p is not None and p.kind is PartyKind.person]
        if persons:
            return persons[0].id
        # "The Prime Minister said: ... She added": the person who holds the office the subject names.
        if names_office(subject):
            return office_holder(index, subject)
        if subject.lemma_.lower() in PERSON_DESCRIPTIONS:
            return None
        break
    return index.before(pronoun.idx, {PartyKind.person})


def names_office(token: Token) -> bool:
    """Whether `token` is the head of a definite title phrase naming a person by office ("the prime minister", "the
    US president"), not a spokesman or an official of no name."""
    lemma = token.lemma_.lower()
    return (
        token.tag_ in {"NN", "NNP"}
        and lemma in lexicon.titles()
        and lemma not in PERSON_DESCRIPTIONS
        and not lemma.startswith("spokes")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    )


def office_holder(index: PartyIndex, office: Token) -> str | None:
    """The person "the Vermont senator" names again: the person who is the subject of the sentence so far or of one
    of the three before it. Not the person named last: one named in passing ("... shaming X. The governor said")
    holds no office the story follows. Nor a person the text gives another employer ("Union leader X" is not "the
    Nordair boss"; a place or a party camp is no employer: "the California congressman", "the Democratic senator")."""
    employers = [c.text.lower() for c in office.children if c.dep_ in {"compound", "poss", "nmod"} and _names_employer(c)]

    def may_hold(pid: str | None) -> bool:
        person = index.get(pid)
        affiliation = (person.affiliation or "").lower() if person is not None else ""
        return person is not None and (not employers or not affiliation or any(e in affiliation for e in employers))

    in_focus = subject_in_focus(index, office, {PartyKind.person})
    if in_focus and may_hold(in_focus):
        return in_focus
    doc = office.doc
    sentence = office.sent
    for _ in range(3):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
        subject = main_subject(sentence)
        if subject is None or index.in_quote(subject.idx):
            continue
        # The subject may name the person again ("“...,” he said"; "the prime minister added", resolved when parties
        # were read).
        named = [index.get(refer(index, subject))]
        named += [index.get(pid) for pid in index.within(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))]
        persons = [p.id for p in named if p is not None and p.kind is PartyKind.person and may_hold(p.id)]
        if persons:
            return persons[0]
    return None


def _names_employer(modifier: Token) -> bool:
    word = modifier.text
    return (
        modifier.pos_ == "PROPN"
        and modifier.ent_type_ not in {"GPE", "LOC"}
        and not (lexicon.place(word) or lexicon.country_of_demonym(word) or lexicon.federated_state(word))
        and not any(word.lower().startswith(member) for member in lexicon.party_members())
    )


def unnamed_plural_in_focus(index: PartyIndex, pronoun: Token) -> bool:
    """Whether "they" opening a sentence continues a plural subject that names no party ("Unions at the plant have
    threatened strikes. They have demanded ..."): then it is those people, not the party named last."""
    sentence = pronoun.sent
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or any(
        t.dep_ in {"nsubj", "nsubjpass"} for t in sentence if t.i < pronoun.i
    ) or sentence.start == 0:
        return False
    subject = main_subject(pronoun.doc[sentence.start - 1].sent)
    if subject is None or subject.tag_ != "NNS" or index.in_quote(subject.idx):
        return False
    return not index.within(subject.left_edge.idx, subject.idx + len(subject))


_TEXT_KEY = "factsheet.text"


def _text(doc: Doc) -> str:
    """The article's text, joined once per doc: Doc.text joins every token anew on each call, and a long article
    asks for it once per pronoun (a fifth of the rules' time on political news)."""
    if _TEXT_KEY not in doc.user_data:
        doc.user_data[_TEXT_KEY] = doc.text
    return doc.user_data[_TEXT_KEY]


def main_subject(sentence: SpacySpan) -> Token | None:
    """The subject of a sentence's main verb (or of the first verb it is conjoined with)."""
    verb = sentence.root
    while True:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subject
        verb = verb.head
