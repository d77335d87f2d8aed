"""Agreements: deals, truces, ceasefires, accords and commitments, with parties, duration and status."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.parties import PartyIndex
from generator.model import Agreement


def find_agreements(doc: Doc, index: PartyIndex) -> list[Agreement]:
    return []
