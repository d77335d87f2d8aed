"""Expert commentary: named commentators, their credentials and affiliation, and what they said."""

from __future__ import annotations

import pytest


def _commentary(sheet) -> list[tuple[str, str | None, str | None, str]]:
    names = {p.id: p.name for p in sheet.parties}
    return [(names[c.expert], c.credentials, c.affiliation, c.text) for c in sheet.commentary]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Quote, with credentials and affiliation from an appositive.
        (
            '"The merger makes sense on paper," said Lucy Hart, an analyst at Redfern Partners.',
            [("Lucy Hart", "analyst", "Redfern Partners", "The merger makes sense on paper")],
        ),
        # Paraphrase, with the role before the name and the employer after it.
        (
            "Economist Pavel Novak of the Baltic Policy Institute said the rate cut came too late.",
            [("Pavel Novak", "Economist", "the Baltic Policy Institute", "the rate cut came too late")],
        ),
        # A long appositive: the employer is the institution after "at".
        (
            '"Neither side wants a long war," Prof. Amara Obi, a senior lecturer at Westbrook University who studies conflict, observed.',
            [("Amara Obi", "senior lecturer", "Westbrook University", "Neither side wants a long war")],
        ),
        # A former official comments; he no longer acts for anyone.
        (
            "Former finance minister Gustav Ek said the budget was unrealistic.",
            [("Gustav Ek", "Former finance minister", None, "the budget was unrealistic")],
        ),
        # Whoever speaks from a research institute comments, whatever the title.
        (
            "Olga Berg, programme director at the Nordic Peace Research Institute, said the talks would fail.",
            [("Olga Berg", "programme director", "the Nordic Peace Research Institute", "the talks would fail")],
        ),
        # A judgement in an object complement: "X calls it a "..." issue".
        (
            'Pia Lund, a political science professor at Tarnby University, spoke on Monday. Ms. Lund calls it a "loser" issue.',
            [("Pia Lund", "political science professor", "Tarnby University", "Ms. Lund calls it a \"loser\" issue")],
        ),
        # An analyst the small model leaves unlabelled, introduced after another paragraph.
        (
            "Oslo is calm.\nKarin Sandvik, an energy analyst at Fjord Securities, said prices would fall.",
            [("Karin Sandvik", "energy analyst", "Fjord Securities", "prices would fall")],
        ),
    ],
)
def test_experts_and_what_they_said(facts, text, expected):
    assert _commentary(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The role in a sentence of its own, or in a relative clause.
        (
            'Tomas Ruzicka is a Liberal consultant who worked for two mayors. "The council has lost the trust of the suburbs," Ruzicka said.',
            [("Tomas Ruzicka", "Liberal consultant", None, "The council has lost the trust of the suburbs")],
        ),
        (
            '"The turnout will decide it," said Mira Holm, who was chief strategist for the Green campaign in 2012.',
            [("Mira Holm", "chief strategist", "the Green campaign", "The turnout will decide it")],
        ),
        # Pollsters read the public for others: commentators.
        (
            '"The turnout in the suburbs will decide it," said Liberal pollster Mira Holm.',
            [("Mira Holm", "Pollster", "Liberal", "The turnout in the suburbs will decide it")],
        ),
        # An office holder in a sentence of his own is no commentator.
        ('Tomas Ruzicka is the mayor of Pecs. "The council has lost the trust of the suburbs," Ruzicka said.', []),
    ],
)
def test_roles_said_of_an_expert(facts, text, expected):
    assert _commentary(facts(text)) == expected


def test_each_point_of_an_expert_is_an_entry_of_its_own(facts):
    text = (
        '"Demand is collapsing," said Noor Saleh, an economist at Delta Research. '
        "Saleh said prices could fall by a fifth next year."
    )
    entries = facts(text).commentary
    assert [[text[s.start : s.end] for s in entry.evidence] for entry in entries] == [
        ["Demand is collapsing"],
        ["prices could fall by a fifth next year"],
    ]
    assert {(entry.credentials, entry.affiliation) for entry in entries} == {("economist", "Delta Research")}


def test_a_point_repeated_later_is_one_entry(facts):
    text = (
        '"The basic aim is to fix the pipes," says Pia Lund, a professor at Tarnby University.\n'
        "Water is the main theme of the campaign.\n"
        '"With water, the basic aim is to fix the pipes; to fix them soon," says Pia Lund.'
    )
    (entry,) = facts(text).commentary
    assert [text[s.start : s.end] for s in entry.evidence] == [
        "The basic aim is to fix the pipes",
        "With water, the basic aim is to fix the pipes; to fix them soon",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Unnamed analysts and observers are no one in particular.
        "Analysts said the deal was fair. Observers said the price was high.",
        # An actor of the story speaking is a quote, not commentary.
        '"We will build the plant in Ohio," said Carla Diaz, chief executive of Stellan Energy.',
        # An expert who says nothing here is not commentary.
        "Jonas Berg, an analyst at Fjord Capital, attended the meeting.",
        # A former official who acts in the story in a present office (the talks' chair) is a party, not a commentator.
        "The chairwoman of the talks, former Senator Ada Klein, paid tribute to the delegations. "
        'She said: "Violence will never solve the problems of this region."',
    ],
)
def test_not_commentary(facts, text):
    assert facts(text).commentary == []


def test_experts_employer_is_not_a_party(facts):
    sheet = facts('"It is a bold move," said Kenji Mori, a strategist at Hollis Advisers.')
    assert {p.name for p in sheet.parties} == {"Kenji Mori"}
