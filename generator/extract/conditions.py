"""Conditions and demands: who demands what of whom, linked to the agreement it gates."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.parties import PartyIndex
from generator.model import Agreement, Condition


def find_conditions(doc: Doc, index: PartyIndex, agreements: list[Agreement]) -> list[Condition]:
    return []
