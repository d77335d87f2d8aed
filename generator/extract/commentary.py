"""Expert commentary: named analysts, academics and former officials, and what they said."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.parties import PartyIndex
from generator.model import Commentary, Quote


def find_commentary(doc: Doc, index: PartyIndex, quotes: list[Quote]) -> list[Commentary]:
    return []
