"""Quotes: words inside quotation marks, with their speaker."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.parties import PartyIndex
from generator.model import Quote


def find_quotes(doc: Doc, index: PartyIndex) -> list[Quote]:
    return []
