"""Conditions and demands from short sentences written for these tests: who demands what of whom, the agreement
it gates, and what is not a condition."""

from __future__ import annotations

import pytest

from generator.model import FactSheet


def _name(sheet: FactSheet, party_id: str | None) -> str | None:
    party = sheet.party(party_id)
    return party.name if party else None


@pytest.mark.parametrize(
    ("text", "by", "of", "summary_words"),
    [
        ("Norway demanded that Sweden withdraw its troops from the border.", "Norway", "Sweden", ["withdraw its troops"]),
        (
            "Chile has blamed Peru for the delay, demanding that Lima release the prisoners before Santiago will sign a truce.",
            "Chile",
            "Peru",
            ["release the prisoners"],
        ),
        ("Norway will only sign the treaty if Sweden drops its fishing quotas.", "Norway", "Sweden", ["drops its fishing quotas"]),
        ("The talks came despite China's demand for Japan to apologise.", "China", None, ["Japan to apologise"]),
        (
            "Spain said it wanted a full review of the budget as a precondition for any bailout.",
            "Spain",
            None,
            ["full review of the budget", "precondition"],
        ),
        ("Germany called for Greece to cut public spending.", "Germany", "Greece", ["Greece to cut public spending"]),
        # The small model hangs "called" on the name as a clause modifying it; with someone called on, X still calls.
        (
            "Varnell Steel welcomed the ruling. Its chief executive, Tomas Ekberg, called on regulators to open an inquiry.",
            "Tomas Ekberg",
            None,
            ["an inquiry"],
        ),
        ("Japan urged Korea to settle the dispute over fishing rights.", "Japan", None, ["Settle the dispute"]),
        # "insisted that Y commit": the subjunctive is a demand.
        ("Sinn Fein had insisted that the DUP commit to a firm date for devolution.", "Sinn Fein", "DUP", ["commit to a firm date"]),
        # "X wants Y to ...": a demand of Y.
        ("Brussels wants China to curb shipments of steel.", "European Union", "China", ["curb shipments of steel"]),
        (
            "Vale Mining has said it is prepared to sell the smelter if Brazil will lower its export tax.",
            "Vale Mining",
            "Brazil",
            ["lower its export tax"],
        ),
    ],
)
def test_a_condition_is_found_with_who_demands_it_of_whom(facts, text, by, of, summary_words):
    sheet = facts(text)
    assert len(sheet.conditions) == 1, [c.summary for c in sheet.conditions]
    condition = sheet.conditions[0]
    assert _name(sheet, condition.by) == by
    if of is not None:
        assert _name(sheet, condition.of) == of
    for word in summary_words:
        assert word in condition.summary
    assert condition.evidence[0].text_of(sheet.text) in text


@pytest.mark.parametrize(
    "text",
    [
        "Both sides hope that Sweden will withdraw its troops.",
        "Norway expects Sweden to win the vote next year.",
        "Norway and Sweden signed a border treaty, and under the treaty Sweden must withdraw its troops.",
        "Demand for oil in Norway fell sharply last year.",
        "Norway insisted the deal with Sweden was fair.",
        "If prices rise, Sweden will export more timber.",
        "Growth in Norway will only recover if interest rates fall.",
        "Strong demand for steel in China lifted prices.",
        # A wish of its own, not a demand of another party.
        "Sweden wants to buy more gas from Norway.",
    ],
)
def test_hopes_predictions_and_terms_are_not_conditions(facts, text):
    sheet = facts(text)
    assert sheet.conditions == [], [c.summary for c in sheet.conditions]


def test_a_demand_stated_twice_is_one_condition_with_both_evidence_spans(facts):
    sheet = facts(
        "The deal came despite China's demand for Japan to apologise for the war. "
        "Japan had refused to give in to demands to apologise for the war."
    )
    assert len(sheet.conditions) == 1
    texts = [span.text_of(sheet.text) for span in sheet.conditions[0].evidence]
    assert any("demand for Japan" in t for t in texts) and any(t.startswith("demands to apologise") for t in texts)


def test_a_condition_is_linked_to_the_agreement_it_gates(facts):
    sheet = facts(
        "Orion Telecom signed a $2bn deal to build a mobile network in Chile. "
        "Vale Mining has said it is prepared to take a smaller holding if Chile will give it the network deal."
    )
    assert len(sheet.agreements) == 1 and len(sheet.conditions) == 1
    assert sheet.conditions[0].agreement == sheet.agreements[0].id


def test_a_restriction_is_a_condition_of_whoever_decided_it(facts):
    sheet = facts(
        "Mining groups reacted to Brazil's decision to exclude overseas companies from the copper auction. "
        "Only companies with mostly Brazilian owners will be allowed to bid."
    )
    assert len(sheet.conditions) == 1
    condition = sheet.conditions[0]
    assert _name(sheet, condition.by) == "Brazil"
    assert len(condition.evidence) == 2


def test_they_after_an_unnamed_plural_subject_is_not_the_party_named_last(facts):
    sheet = facts(
        "Deltacom is to buy a 25% stake in Orbis Telenet. Unions at the company have threatened strikes over the sale. "
        "They have demanded that the new owner guarantee all jobs for five years."
    )
    assert "Orbis Telenet" in {p.name for p in sheet.parties}
    assert all(_name(sheet, c.by) not in {"Orbis Telenet", "Deltacom"} for c in sheet.conditions), [
        (_name(sheet, c.by), c.summary) for c in sheet.conditions
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wendell Farrow, for one, called the plan a disgrace.",
        "For example, calls to hold a referendum on the canal were dismissed by the regional assembly.",
    ],
)
def test_a_for_before_the_verb_is_no_call_for(facts, text):
    sheet = facts(text)
    assert not sheet.unread, sheet.unread
    assert not sheet.conditions, [c.summary for c in sheet.conditions]
