"""Fault isolation: an extractor, or a rule of the parties extractor, that raises on an article's text loses its own
facts and is recorded as unread; the rest of the sheet stands."""

from __future__ import annotations

import pytest

import generator.extract
from generator.extract import parties

# An article written for these tests: a party, an agreement, a quote, an expert, a demand.
TEXT = (
    "Norland and Vestmark agreed on Friday to a 90-day truce over the disputed island. "
    "Norland demanded that Vestmark withdraw its patrol boats. "
    "\"We will keep our word,\" said Ilse Marwick, the Norland foreign minister. "
    "\"The truce is fragile,\" said Teodor Vance, a professor of security studies at Caldera University."
)


def _raise(*args, **kwargs):
    raise RuntimeError("rule blew up")


@pytest.mark.parametrize(
    ("extractor", "part"),
    [("find_quotes", "quotes"), ("find_commentary", "commentary"), ("find_agreements", "agreements"), ("find_conditions", "conditions")],
)
def test_a_failing_extractor_loses_its_facts_alone(facts, monkeypatch, extractor, part):
    whole = facts(TEXT)
    assert whole.quotes and whole.commentary and whole.agreements and whole.conditions and not whole.unread
    monkeypatch.setattr(generator.extract, extractor, _raise)
    sheet = facts(TEXT)
    [unread] = sheet.unread
    assert unread.part == part and unread.error.startswith("RuntimeError: rule blew up (")
    assert getattr(sheet, part) == []
    assert sheet.parties == whole.parties
    # Commentary reads the quotes, and agreements their accounts: a missing kind may thin those, nothing else.
    others = {"quotes", "commentary", "agreements", "conditions"} - {part} - ({"commentary", "agreements"} if part == "quotes" else set())
    assert all(getattr(sheet, other) == getattr(whole, other) for other in others)


@pytest.mark.parametrize("rule", ["_correct_kinds", "_find_again", "_governments_to_states", "_describe", "_title_phrases", "_role_nouns"])
def test_a_failing_rule_of_the_parties_extractor_loses_its_part_not_the_parties(facts, monkeypatch, rule):
    monkeypatch.setattr(parties, rule, _raise)
    sheet = facts(TEXT)
    assert {"Norland", "Vestmark"} <= {p.name for p in sheet.parties}
    assert sheet.unread and {u.part for u in sheet.unread} == {"parties"}
    assert all(u.error.startswith("RuntimeError: rule blew up") for u in sheet.unread)


def test_a_name_without_words_is_left_out_not_the_parties(facts, monkeypatch):
    real = parties._collect

    def with_a_blank_name(doc):
        blank = doc[0:0]
        return [*real(doc), parties._Mention(blank.start_char, blank.end_char, blank.text, blank, parties.PartyKind.person)]

    monkeypatch.setattr(parties, "_collect", with_a_blank_name)
    sheet = facts(TEXT)
    assert {"Norland", "Vestmark", "Ilse Marwick"} <= {p.name for p in sheet.parties}
    assert [u.part for u in sheet.unread] == ["parties"] and "without words" in sheet.unread[0].error
