"""Parties: actors only, one per actor, aliases merged, kinds, titles and affiliations."""

from __future__ import annotations

import pytest

from generator.extract.parties import PartyIndex
from generator.model import FactSheet, Party


def _by_name(sheet: FactSheet, name: str) -> Party:
    found = [p for p in sheet.parties if p.name == name or name in p.aliases]
    assert len(found) == 1, f"{name!r} in {[(p.name, p.aliases) for p in sheet.parties]}"
    return found[0]


def _names(sheet: FactSheet) -> set[str]:
    return {p.name for p in sheet.parties}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname is the person named in full before.
        ("Chancellor Maria Lindqvist met union leaders on Monday. Lindqvist said the talks went well.", {"Maria Lindqvist": ["Lindqvist"]}),
        # Capitals and seats of government are their country.
        ("Ukraine accused Russia of shelling the port. Kyiv said Moscow had broken its word, and the Kremlin denied it.",
         {"Ukraine": ["Kyiv"], "Russia": ["Moscow", "Kremlin"]}),
        ("The White House said the United States would send aid.", {"United States": ["White House"]}),
        ("Downing Street said Britain would not take part.", {"United Kingdom": ["Downing Street", "Britain"]}),
        # A demonym before a state noun is the state.
        ("Egypt hosted the talks. Egyptian officials said both delegations had arrived.", {"Egypt": ["Egyptian officials"]}),
        # An acronym is the organisation spelled out before it.
        ("Northern Power Holdings agreed to sell its grid business. NPH said the sale would close in May.",
         {"Northern Power Holdings": ["NPH"]}),
        # A title phrase is the person holding that title, told apart by nationality.
        ("President Anna Kowal of Poland met Brazilian President Paulo Reis in Lisbon. The Polish president said trade would grow.",
         {"Anna Kowal": ["the Polish president"]}),
        # "the company" is the organisation named last in that role.
        ("Brightline Foods said it would close two plants. The company blamed rising costs.", {"Brightline Foods": ["the company"]}),
    ],
)
def test_aliases_merge_into_one_party(facts, text, expected):
    sheet = facts(text)
    for name, aliases in expected.items():
        party = _by_name(sheet, name)
        assert set(aliases) <= set(party.aliases), party.aliases


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # An analyst's employer is not a party; the place of an event is not either.
        ('"Prices will keep rising," said Omar Haddad, an analyst at Crestmoor Securities in Dubai.',
         {"Omar Haddad"}, {"Crestmoor Securities", "Dubai"}),
        # An outlet reports the news; it is not in it.
        ("Velora Airlines cut 300 jobs, the Morning Journal reported.", {"Velora Airlines"}, {"Morning Journal"}),
        ("Velora Airlines cut 300 jobs, the Tribune news agency said.", {"Velora Airlines"}, {"Tribune"}),
        # Nationality adjectives and products are not actors.
        ("Korvan Motors said German and French buyers ordered 500 Korvan X5 cars.", {"Korvan Motors"}, {"German", "French", "Korvan X5"}),
        # Institutions speak for themselves; words the model left out of a name are taken back in.
        ("The Institute for Fiscal Studies said the burden had risen. The Liberal Democrats said it was unfair.",
         {"Institute for Fiscal Studies", "Liberal Democrats"}, {"Democrats"}),
        # Mentions inside a quotation do not make an actor.
        ('Mayor Lena Brandt said: "Norway and Sweden have shown what cities can do."', {"Lena Brandt"}, {"Norway", "Sweden"}),
    ],
)
def test_only_actors_are_parties(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names
    assert not absent & names, names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Ministers met in Rome. Greece and Italy signed the accord.", "Greece", "country"),
        ("The European Union agreed to lift the tariffs.", "European Union", "organization"),
        ("Veltrix Capital bought the stake from Harlan Group.", "Veltrix Capital", "organization"),
        ("Harmon Industries said it would appeal.", "Harmon Industries", "organization"),
        ("Senator Joan Whitfield said the bill would pass.", "Joan Whitfield", "person"),
        ("Chief executive Jean-Marc Olivier said profits rose.", "Jean-Marc Olivier", "person"),
        # A company the model calls a place is told apart by never being used as a place.
        ("Delmarva Air said it was in talks with Alitalia about a merger.", "Alitalia", "organization"),
    ],
)
def test_kinds(facts, text, name, kind):
    assert _by_name(facts(text), name).kind.value == kind


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        ("Brightline chief executive Karen Osei said sales fell.", "Karen Osei", "Chief executive", "Brightline"),
        ("Jorge Pena, Altamira's chairman, said the merger was off.", "Jorge Pena", "chairman", "Altamira"),
        ("Russian President Ivan Sokolov spoke to reporters.", "Ivan Sokolov", "President", "Russia"),
        ("Harbin Steel's chief executive, Lena Marsh, said the plant would stay open.", "Lena Marsh", "chief executive", "Harbin Steel"),
        ("The health secretary, Omar Jalil, said waiting lists were falling.", "Omar Jalil", "health secretary", None),
    ],
)
def test_titles_and_affiliations(facts, text, name, title, affiliation):
    party = _by_name(facts(text), name)
    assert (party.title, party.affiliation) == (title, affiliation)


def test_ids_are_slugs_and_unique(facts):
    sheet = facts("Harbour Bank sold its stake to Meridian Group. Harbour Bank said Meridian Group paid in cash.")
    ids = [p.id for p in sheet.parties]
    assert ids == sorted(set(ids), key=ids.index)
    assert "harbour-bank" in ids and "meridian-group" in ids


def test_mentions_are_spans_of_the_names(facts):
    text = "Lisa Moreau resigned on Friday. Moreau said she was proud of her record."
    party = _by_name(facts(text), "Lisa Moreau")
    assert [text[m.start : m.end] for m in party.mentions] == ["Lisa Moreau", "Moreau"]


def test_party_index_resolves_spans_and_pronouns(facts, nlp):
    from generator.extract.parties import find_parties

    text = "Talia Brooks joined Orbis Bank in May. She said the bank would grow."
    doc = nlp(text)
    index: PartyIndex = find_parties(doc)
    talia, bank = index.at(0, 5), index.at(text.index("Orbis"), text.index("Orbis") + 5)
    assert talia == "talia-brooks" and bank == "orbis-bank"
    assert index.within(0, len(text)) == ["talia-brooks", "orbis-bank"]
    she = next(t for t in doc if t.text == "She")
    assert index.refer(she) == "talia-brooks"
    assert index.before(text.index("She"), None) == "orbis-bank"
