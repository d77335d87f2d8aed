"""Parties: the actors of the story, one per real-world actor, with every mention as a span."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from generator.model import Party, PartyKind, Span
from generator.slugs import slugify, unique

_KIND_BY_LABEL = {"PERSON": PartyKind.person, "GPE": PartyKind.country, "ORG": PartyKind.organization, "NORP": PartyKind.group}


@dataclass
class PartyIndex:
    """The parties of one article and where each is mentioned, for the other extractors to resolve spans to ids."""

    parties: list[Party] = field(default_factory=list)

    def at(self, start: int, end: int) -> str | None:
        """Id of the party with a mention overlapping [start, end), the earliest-starting one."""
        hits = [(m.start, p.id) for p in self.parties for m in p.mentions if m.start < end and start < m.end]
        return min(hits)[1] if hits else None

    def within(self, start: int, end: int) -> list[str]:
        """Ids of the parties mentioned inside [start, end), in order of first mention, without repeats."""
        hits = sorted((m.start, p.id) for p in self.parties for m in p.mentions if start <= m.start and m.end <= end)
        return list(dict.fromkeys(pid for _, pid in hits))


def find_parties(doc: Doc) -> PartyIndex:
    by_name: dict[str, Party] = {}
    taken: set[str] = set()
    for ent in doc.ents:
        kind = _KIND_BY_LABEL.get(ent.label_)
        if kind is None:
            continue
        party = by_name.get(ent.text)
        if party is None:
            party = Party(id=unique(slugify(ent.text), taken), name=ent.text, kind=kind)
            by_name[ent.text] = party
        party.mentions.append(Span(start=ent.start_char, end=ent.end_char))
    return PartyIndex(parties=list(by_name.values()))
