"""Parties: actors only, one per actor, aliases merged, kinds, titles and affiliations."""

from __future__ import annotations

import pytest

from generator.extract.parties import PartyIndex, _common_word_opening_a_sentence
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
        # A department is also written with its noun last, by its subject alone, or by initials that keep the "of".
        ("The Department of Trade sued Norvel. The Trade Department said the case was strong. The DOT declined to comment.",
         {"Department of Trade": ["Trade Department", "DOT"]}),
        ("The Department of Coastal Security signed the accord. Coastal Security said it would take effect in May.",
         {"Department of Coastal Security": ["Coastal Security"]}),
        # A party's members in the plural are the party.
        ("The Whig Party voted against the bill. The Whigs said the deal was dead.", {"Whig Party": ["Whigs"]}),
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
        ("The Institute for Harbour Studies said the burden had risen. The Green Democrats said it was unfair.",
         {"Institute for Harbour Studies", "Green Democrats"}, {"Democrats"}),
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


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # A nationality in a role phrase picks the organisation of that country, not the one named last.
        ("French carmaker Velmont agreed to buy engines from Japan's Hoshida Motors. The Japanese firm will build them in Osaka.",
         "Hoshida Motors", "the Japanese firm"),
        ("Japan's Hoshida Motors will supply engines to French carmaker Velmont. The French carmaker will sell the cars in Europe.",
         "Velmont", "the French carmaker"),
        # A role noun in apposition to a name is that name.
        ("Tradelink, the retail lobby group, called on the Commission to act quickly.", "Tradelink", "the retail lobby group"),
        # "The company" is the organisation last named in that role ("the Kenyan firm"), not the one backing out.
        ("If Norvik walks away, Zentel - the Kenyan firm beaten in the first auction - could return. "
         "The company has said it would take a smaller holding.", "Zentel", "the company"),
        # An organisation does not stand for itself in its own clause: the buyer pays for the target.
        ("Swedish brewer Ostbryg has agreed to buy Hallam Ales. The Stockholm-based firm will pay $40m in cash for Hallam Ales.",
         "Ostbryg", "the Stockholm-based firm"),
        # A name inside quotation marks does not set the organisation in focus.
        ('Dunmore Group chief executive Lena Ross said Dunmore would buy the plant. "We have admired Kestrow Mills for years," '
         "she said. The company expects to close the deal in May.", "Dunmore Group", "the company"),
        # One distinctive word of a company's full name stands for it.
        ("KLT Orvane Holdings agreed to supply parts to the army. Orvane said the deal was worth $2bn.", "KLT Orvane Holdings", "Orvane"),
        ("Vesta Mobil agreed to sell its towers. Vesta said the sale would cut its debt.", "Vesta Mobil", "Vesta"),
        # "the minister" is the one minister of the article, whatever his portfolio.
        ("China's commerce minister, Bo Lin, said talks would go on. The minister insisted that any deal must respect China's rights.",
         "Bo Lin", "the minister"),
    ],
)
def test_role_nouns_and_short_names_resolve_to_the_right_party(facts, text, name, alias):
    party = _by_name(facts(text), name)
    assert party.name == name and alias in party.aliases, (party.name, party.aliases)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # What a deal is about is a party to it: a stake, a takeover target.
        ("Deltacom is to buy a 25% stake in Orbis Telenet for $1bn.", {"Deltacom", "Orbis Telenet"}),
        ("Lakeside Group completed the takeover of Brava Inc last week.", {"Lakeside Group", "Brava Inc"}),
        # Whoever is urged or called on to act is a party.
        ("The union called on Marlo Foods to reopen the plant.", {"Marlo Foods"}),
        # A nationality on a noun of acting is the state acting.
        ("France rejected a Chinese demand for talks.", {"France", "China"}),
        # A name after a role noun or in apposition to one, which the small model leaves unlabelled.
        ("Under the deal, state energy firm Gazelco will supply gas from 2018.", {"Gazelco"}),
        # A name with lower-case particles is one person ("van der" names are cut short by the small model).
        ("Commission President Ilse van der Berg said the talks would resume in May.", {"Ilse van der Berg"}),
    ],
)
def test_parties_the_small_model_leaves_unlabelled(facts, text, present):
    assert present <= _names(facts(text))


def test_an_unlabelled_subject_introduced_as_an_analyst_is_a_person(facts):
    sheet = facts("Oslo is calm. Karin Sandvik, an energy analyst at Fjord Securities, said prices would fall.")
    assert _by_name(sheet, "Karin Sandvik").kind.value == "person"


def test_figures_are_not_parties(facts):
    sheet = facts("The agreement limits duty-free steel to 3.3m tonnes a year.")
    assert not {p.name for p in sheet.parties} & {"m", "3.3m"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A country before a role noun is the company's nationality, not an actor.
        ("US chipmaker Norvex has agreed to pay a 620m euro fine to settle the case.", {"Norvex"}, {"United States"}),
        # "Its chief executive, X, called on ...": the small model makes the title the root; X still acts.
        ("Arvo Systems welcomed the ruling. Its chief executive, Mara Quist, called on regulators in Canada to act.",
         {"Arvo Systems", "Mara Quist"}, set()),
        # A nationality on a government body is that state; the nationality nearest the noun decides.
        ("The Emirati foreign ministry said the exchange went well.", {"United Arab Emirates"}, set()),
        ("Russia agreed to recognise the Serbian Montenegrin government.", {"Russia", "Montenegro"}, {"Serbia"}),
    ],
)
def test_nationalities_and_titles_before_names(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


def test_a_company_a_stake_is_bought_in_is_not_a_place(facts):
    sheet = facts("Vale Minerals bought a 9% stake in Northway in March. Northway declined to comment.")
    assert _by_name(sheet, "Northway").kind.value == "organization"


@pytest.mark.parametrize(
    ("text", "name", "kind", "alias"),
    [
        # An honorific before an unlabelled subject makes it a person, the one named in full before.
        ('President Ana Ruiz met the unions. "We have a deal," Ms Ruiz told the summit.', "Ana Ruiz", "person", "Ruiz"),
        # "Europe" acting is the European Union, as "Brussels" is.
        ("Luxembourg chaired the summit. Europe is in a deep crisis, the EU said.", "European Union", "organization", "Europe"),
        # The European Commission acts for the EU: one party, as the annotation guidelines merge metonyms.
        ("The European Commission fined Norvex 620m euros. The EU said the fine was fair.", "European Union", "organization",
         "European Commission"),
    ],
)
def test_honorifics_and_metonyms(facts, text, name, kind, alias):
    party = _by_name(facts(text), name)
    assert party.kind.value == kind and alias in party.aliases, (party.name, party.kind, party.aliases)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # An office is not a name, even capitalised as a subject; it is the person holding it.
        ("Northern Ireland Secretary Peter Hain welcomed the deal. The Secretary of State had threatened to close the assembly.",
         {"Secretary", "Secretary of State"}),
        # "Prof. X of Queen's University Y said": the small model makes the end of the employer's name the subject.
        ("Professor Paul Bew of Queen's University Belfast said the two parties could govern together.",
         {"University Belfast", "Belfast"}),
    ],
)
def test_offices_and_employers_parsed_as_subjects_are_not_parties(facts, text, absent):
    assert not absent & _names(facts(text))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A dateline names where the story was filed from and the agency that filed it.
        ("BERGEN, Norway (Nordwire) \u2014 Vantor Energy's board agreed on Sunday to sell the grid unit, officials from the company said.",
         set(), {"BERGEN", "Nordwire"}),
        # Credits name the outlet's staff and where they worked from.
        ("Vantor Energy agreed to sell its grid unit.\nReporting by Lena Strom; Editing by Piet Olsen",
         {"Vantor Energy"}, {"Lena Strom", "Piet Olsen"}),
        ("Vantor Energy agreed to sell its grid unit.\nMarta Quill and Ivo Brenn contributed to this report.",
         {"Vantor Energy"}, {"Marta Quill", "Ivo Brenn"}),
        ("Vantor Energy agreed to sell its grid unit.\nMarta Quill reported from Bergen.", {"Vantor Energy"}, {"Marta Quill", "Bergen"}),
        # Links to other stories, captions, video players and sign-up boxes.
        ("Vantor Energy agreed to sell its grid unit.\nMore: Odile Marsh says the sale will fail", {"Vantor Energy"}, {"Odile Marsh"}),
        ("Vantor Energy agreed to sell its grid unit.\nEnlarge this image toggle caption Hal Brisk/Nordwire Hal Brisk/Nordwire",
         {"Vantor Energy"}, {"Hal Brisk/Nordwire Hal Brisk/Nordwire", "Hal Brisk"}),
        ("Vantor Energy agreed to sell its grid unit.\nPlay Video 0:34 Odile Marsh answers questions from reporters \u2013 video",
         {"Vantor Energy"}, {"Odile Marsh"}),
        ("JUST WATCHED Ulla Dane: The market is calm Replay More Videos ... MUST WATCH\nVantor Energy agreed to sell its grid unit.",
         {"Vantor Energy"}, {"Ulla Dane", "Replay More Videos"}),
        ("Vantor Energy agreed to sell its grid unit.\nGet the Harbor Letters you care about delivered to your inbox.",
         {"Vantor Energy"}, {"Harbor Letters"}),
        # A subheading is no sentence: its capitalised words name nobody.
        ("Vantor Energy agreed to sell its grid unit.\nQUOTAS ON THE TABLE\nOlsen, however, is still pushing for higher quotas.",
         {"Vantor Energy"}, {"QUOTAS"}),
        # The state written out in brackets after a lawmaker's name is a label too; the state acting elsewhere is a party.
        ("Senators Ada Quill (Ohio) and Cal Ostrow (New Mexico) denounced the plan.", {"Ada Quill", "Cal Ostrow"},
         {"Ohio", "New Mexico"}),
        ("Senators Ada Quill (Ohio) and Cal Ostrow (Oregon) denounced the plan. Oregon sued the agency.", {"Oregon"}, {"Ohio"}),
    ],
)
def test_page_furniture_holds_no_parties(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # A family name written first: the person, not a company the first word stands for.
        ("Premier Park Min-ho met President Ana Ruiz in Lima. Park said the talks went well.", "Park Min-ho", "Park"),
        ("Trade ministry spokesman Wei Lanfang told reporters the talks would go on. Wei said both sides wanted a deal.",
         "Wei Lanfang", "Wei"),
        # A double-barrelled surname is one word, even where the small model labels only its second half.
        ('Tariffs hurt farmers, said Maria Ortiz-Blanc, an economist. "Prices will rise," Ortiz-Blanc said.', "Maria Ortiz-Blanc",
         "Ortiz-Blanc"),
    ],
)
def test_person_names_of_other_shapes_merge(facts, text, name, alias):
    party = _by_name(facts(text), name)
    assert party.kind.value == "person" and alias in party.aliases, (party.name, party.kind, party.aliases)


def test_a_name_written_the_same_way_is_one_party(facts):
    # The signature under a pull quote, which the small model labels an organisation.
    sheet = facts("They think that's the way of doing business Jana Velk, Safe Roads\n"
                  "Jana Velk, chair of the Safe Roads coalition, said the deal was weak.")
    assert [p.kind.value for p in sheet.parties if p.name == "Jana Velk"] == ["person"]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Products: "the maker of X", "the drug X", "a powerful painkiller, X".
        ("Hollis Labs, the maker of the painkiller Zentrofen, agreed to pay $2bn. Sales of Zentrofen fell.", {"Hollis Labs"}, {"Zentrofen"}),
        ("A court fined Hollis Labs for pushing doctors to prescribe a powerful painkiller, Zentrofen, to patients.",
         {"Hollis Labs"}, {"Zentrofen"}),
        # Events: named by their year, or by an event noun.
        ("Sporting events have been suspended, with Copa 2021 being moved to next year. The Ravenna Games were cancelled.",
         set(), {"Copa", "Ravenna Games", "Games"}),
        # Where a statement was made from is a place.
        ('"We are ready," Mayor Tova Lind said from the Blue Hall.', {"Tova Lind"}, {"Blue Hall"}),
        # A common noun capitalised because it opens the sentence is no name.
        ("Barley rose on Tuesday. Vantor Energy agreed to sell its grid unit.", {"Vantor Energy"}, {"Barley"}),
        # The people of a nation are the object of aid here, not an actor.
        ("Lawmakers approved aid that will give Peruvians four months of income.", set(), {"Peruvians"}),
        # A day named is when things happen, whatever it "brings"; a person may still be named Day.
        ("Super Tuesday brings the candidates closer to the nomination, Ada Quill said.", {"Ada Quill"}, {"Super Tuesday"}),
        ("Harvest Day draws crowds to the valley, and Nora Day said the fair would grow.", {"Nora Day"}, {"Harvest Day"}),
        # The plural of an acronym is many of a kind, no one organisation; the acronym alone is one.
        ("Super PACs and NGOs spent millions on the race, Ada Quill said.", {"Ada Quill"}, {"PACs", "NGOs", "Super PACs"}),
        ("Ada Quill said NGOs had raised money for the clinics, and the WFO agreed to match it.", {"Ada Quill", "WFO"}, {"NGOs"}),
    ],
)
def test_things_events_and_places_are_not_parties(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # A state's ministry speaks for the state; a nationality used as a singular noun is the state.
        ("Finland's Foreign Ministry said talks would resume.", "Finland", "Foreign Ministry"),
        ("The Finnish Foreign Ministry said talks would resume.", "Finland", "Finnish Foreign Ministry"),
        ("Sweden raised its tariffs. The Finnish announced duties of their own shortly after.", "Finland", "Finnish"),
    ],
)
def test_a_state_acts_through_its_ministries_and_its_name_as_a_noun(facts, text, name, alias):
    party = _by_name(facts(text), name)
    assert alias in party.aliases, (party.name, party.aliases)


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        # A group of no name that acts is one party, whatever words it is named by.
        ("The rebels agreed to a truce on Sunday. Later the rebels said they would disarm.", "rebels", []),
        ("Several state attorneys general rejected the offer. The attorneys general want more money.", "state attorneys general",
         ["attorneys general"]),
        ("Coastal tribes sued the province in May. The tribes settled the case on Friday.", "Coastal tribes", ["tribes"]),
    ],
)
def test_a_crowd_that_acts_is_a_group(facts, text, name, aliases):
    party = _by_name(facts(text), name)
    assert party.kind.value == "group" and set(aliases) <= set(party.aliases), (party.name, party.aliases)


def test_a_crowd_that_only_suffers_is_no_party(facts):
    assert "rebels" not in _names(facts("The army shelled the rebels on Sunday."))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A region or city that only says where: "counties which include X", "X, Ontario", "moved ... to X".
        ("Halvard Mining agreed to pay two Ontario counties $20m. The settlement with the counties, which include Barrie and "
         "Orillia, Ontario, was small.", {"Halvard Mining"}, {"Ontario", "Barrie", "Orillia"}),
        # A place one moves to is a destination, whatever the model labels it.
        ("The win propelled Jane Holt to the Ontario Legislative Assembly in 2017.", {"Jane Holt"}, {"Ontario Legislative Assembly"}),
        # One that acts or is paid under a deal is a party.
        ("Manitoba sued Halvard Mining in May.", {"Manitoba", "Halvard Mining"}, set()),
        ("Halvard Mining agreed to pay Manitoba $20m.", {"Manitoba", "Halvard Mining"}, set()),
    ],
)
def test_regions_and_cities_act_only_where_they_do_something(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    "text",
    [
        "Vermont's voter ID law was struck down. Tribes sued the state in 2016. The state had been seeking a dismissal of that case.",
        "The state of Vermont sued Halvard Mining in May. The state had been seeking a settlement.",
    ],
)
def test_the_state_is_the_state_of_a_federation_named_before(facts, text):
    assert "the state" in _by_name(facts(text), "Vermont").aliases


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Courts in general are no party.
        ("Hollis Labs agreed to pay $20m. Firms are wary that the courts could order even larger payouts.", {"Hollis Labs"},
         {"the court", "the courts"}),
        # Names coordinated before a plural place noun are each one of those places: a partner in the settlement.
        ("The settlement with Kerrow and Dunmore counties was relatively small.", {"Kerrow", "Dunmore"}, set()),
        # A region's own settlement is its act; a settlement named after the region only says where.
        ("Manitoba's settlement with Hollis Labs was small.", {"Manitoba", "Hollis Labs"}, set()),
        ("Hollis Labs made no admission of liability in the Manitoba settlement.", set(), {"Manitoba"}),
    ],
)
def test_courts_counties_and_settlements(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # A title or honorific the small model runs into the name is no part of it.
        ("Spokeswoman Jana Velk said the plan would pass. Velk spoke on Friday.", "Jana Velk", "Velk"),
        # A first name used alone, where the surname is used alone too, is the person.
        ("Marla Quince attacked Tomas Brandt on Monday. Quince said Brandt was wrong. Marla said she would win.", "Marla Quince",
         "Marla"),
        # A name shown as a person once ("President X") is a person wherever the small model labels it otherwise.
        ("President Oduya spoke on Monday. Oduya said the talks would go on. Oduya left for Nairobi.", "Oduya", "Oduya"),
    ],
)
def test_people_keep_one_party_under_titles_and_first_names(facts, text, name, alias):
    sheet = facts(text)
    party = _by_name(sheet, name)
    assert party.kind.value == "person" and (alias == name or alias in party.aliases), (party.name, party.aliases)
    assert [p.name for p in sheet.parties].count(name) == 1


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # The party and state after a lawmaker's name are labels.
        ('"We will win," said Sen. Jana Velk, R-Ore., on Tuesday. Velk voted no.', {"Jana Velk"}, {"Ore.", "R-Ore."}),
        # Bills, laws and treaties are what parties agree on.
        ("The Clean Rivers Act was passed by the Senate. The Senate said the Clean Rivers Act would cut pollution.", {"Senate"},
         {"Clean Rivers Act"}),
        ("The Northern Free Trade Agreement was signed by Canada and Peru in 1994.", {"Canada", "Peru"},
         {"Northern Free Trade Agreement"}),
        # A dateline with a horizontal bar.
        ("HEMPSTEAD, N.Y. \u2015 If it worked against Tomas Brandt, it might work again, Marla Quince said.", {"Marla Quince"},
         {"HEMPSTEAD"}),
    ],
)
def test_labels_laws_and_datelines_are_not_parties(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


def test_credits_run_on_at_the_end_of_a_paragraph_are_not_parties(facts):
    names = _names(facts("Vantor Energy agreed to sell its grid unit on Friday. Reporting by Lena Strom and Piet Olsen; Editing by Ola Berg"))
    assert names == {"Vantor Energy"}


def test_a_crowd_the_model_takes_for_a_name_is_a_group(facts):
    sheet = facts("OSLO (Nordwire) - Lawmakers rejected Prime Minister Ada Lund\u2019s pension deal for a second time on Friday.")
    assert _by_name(sheet, "Lawmakers").kind.value == "group"


def test_a_blank_span_labelled_a_place_does_not_stop_extraction(nlp):
    from spacy.tokens import Span

    from generator.extract.parties import find_parties

    doc = nlp("Talks resumed on Monday.\n\nVantor Energy agreed to sell its grid unit.")
    blank = next(t for t in doc if t.is_space)
    doc.ents = [e for e in doc.ents if not e.start <= blank.i < e.end] + [Span(doc, blank.i, blank.i + 1, label="GPE")]
    assert "Vantor Energy" in {p.name for p in find_parties(doc).parties}


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        # Words of the office stay in the title; the body before them is the affiliation.
        ("Senate Majority Leader Tom Ashby said the bill would pass.", "Tom Ashby", "Majority Leader", "Senate"),
        # A nationality says whose office it is; it is no part of the title.
        ("He will meet the Brazilian president, Paulo Reis, in May.", "Paulo Reis", "president", "Brazil"),
        # An age is no part of a role; an employer written before the role is the affiliation.
        ("Lena Marsh, the 61-year-old founder of Harbin Steel, said the plant would stay open.", "Lena Marsh", "founder",
         "Harbin Steel"),
        ("Omar Jalil, a Keystone Institute senior analyst, said the plan would fail.", "Omar Jalil", "senior analyst", "Keystone Institute"),
    ],
)
def test_titles_are_clean_phrases_and_affiliations_checked(facts, text, name, title, affiliation):
    party = _by_name(facts(text), name)
    assert (party.title, party.affiliation) == (title, affiliation)


def test_the_governing_body_of_a_movement_is_a_party_of_its_own(facts):
    sheet = facts("The Liberation Front\u2019s ruling council agreed on Sunday to a truce, officials from the armed group said. "
                  "The ruling council met for a week.")
    council = _by_name(sheet, "Liberation Front\u2019s ruling council")
    assert "the ruling council" in council.aliases and "the armed group" not in council.aliases


def test_one_member_described_by_party_is_no_party(facts):
    names = _names(facts("The top Whig in parliament denounced the plan. Vantor Energy agreed to sell its grid unit."))
    assert "Whig" not in names and "Vantor Energy" in names


def test_a_family_acts_as_one_party(facts):
    sheet = facts("Members of the Dalby family who own the company would also pay from their fortunes. "
                  "Critics want the Dalbys to pay more.")
    family = _by_name(sheet, "Dalby family")
    assert family.kind.value == "group" and "Dalbys" in family.aliases, (family.name, family.aliases)


# "The Lord", "the Lady": an honorific standing alone as a subject, which is no one's name (it once emptied a name).
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The pastor told the crowd that the Lord will guide the valley farmers through the drought.", set()),
        ("\"I believe the Lord wants us to rebuild the chapel,\" said Amara Okafor.", {"Amara Okafor"}),
        ("Villagers in Eastmoor say the Lady appeared to them beside the well.", set()),
    ],
)
def test_an_honorific_alone_as_a_subject_names_nobody(facts, text, names):
    sheet = facts(text)
    assert (_names(sheet), sheet.unread) == (names, [])


def test_it_is_the_organisation_that_is_the_subject_so_far(nlp):
    from generator.extract.parties import find_parties

    doc = nlp("Halden Steel accused Norway of delaying the permits and said it would reach a deal with the workers soon.")
    index = find_parties(doc)
    (it,) = [t for t in doc if t.lower_ == "it"]
    assert index.get(index.refer(it)).name == "Halden Steel"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A place or a body described by a copula is not acting: "X was the runner-up", "the Assembly is within reach".
        ("Asked which ally mattered most, voters named Norland. Estavia was the runner-up with 16 percent.",
         set(), {"Estavia"}),
        # A place that holds an election or has something does not act.
        ("Gov. Rhea Tarn praised the turnout. Montana was holding its primary on Tuesday.", {"Rhea Tarn"}, {"Montana"}),
        # A city and its state after a voter's name locate the voter.
        ("Dana Pike of Boise, Idaho says she will vote for Rhea Tarn.", set(), {"Idaho"}),
        # People counted are not acting: "14 Quakers were admitted", "Quakers make up 1 percent".
        ("Ivo Marsh said 14 Quakers and four Mennonites were admitted.", {"Ivo Marsh"}, {"Quakers", "Mennonites"}),
        ("Ivo Marsh said that Quakers make up less than 1 percent of arrivals.", {"Ivo Marsh"}, {"Quakers"}),
        # A pollster, an outlet spoken to and a social network written to are not actors.
        ("A survey conducted by the Harbor Research Group found Ivo Marsh ahead. In a statement to the Lantern, Marsh thanked "
         "voters. Later he took to Chirper to say thanks.", {"Ivo Marsh"}, {"Harbor Research Group", "Lantern", "Chirper"}),
        # A chant in quotation marks and a room gone into are not actors.
        ("Ivo Marsh spoke to reporters. His supporters chanted \u201cVelmont! Velmont!\u201d as he entered the Amber Room.",
         {"Ivo Marsh"}, {"Velmont! Velmont", "Amber Room"}),
    ],
)
def test_what_is_described_counted_or_gone_to_does_not_act(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # "for X to do": X is the subject of the infinitive.
        ("Ana Lobo said it would have been an insult for Piet Voss to refuse the medal.", {"Ana Lobo", "Piet Voss"}),
        # A name the small model hangs on the noun before it still says what follows.
        ("In a statement to the Lantern, her senior adviser, Jonas Brill, said: \u201cWe will win this race.\u201d", {"Jonas Brill"}),
        # A name in apposition after "one of", followed by its verb, is that verb's subject.
        ("Talks dragged on until one of the largest lenders, Brevik Bank, agreed to a $40m deal with the union.",
         {"Brevik Bank"}),
        # A person described by a copula who speaks in the same sentence is acting.
        ("Sen. Ola Venn was also critical of the plan, telling the Lantern: \u201cIt is a bad plan for farmers.\u201d", {"Ola Venn"}),
        # "by X" after a noun of acting: X's own act.
        ("The first truce in the war, reached after mediation by Norway, was hailed around the world. Rebels said it would hold.",
         {"Norway", "Rebels"}),
        ("The ceasefire followed an offer by Norway to host talks. Rebels said it would hold.", {"Norway", "Rebels"}),
    ],
)
def test_subjects_the_small_model_hides_still_act(facts, text, present):
    assert present <= _names(facts(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Sen. Ola Venn (Ore.) has said that he would vote no.", {"Ore."}),
        ("Lisbon (AFP) \u2013 Prime Minister Ola Venn will speak on Monday.", {"Lisbon (AFP)", "Lisbon"}),
    ],
)
def test_labels_datelines_and_calls_to_follow_are_furniture(facts, text, absent):
    names = _names(facts(text))
    assert "Ola Venn" in names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # An outlet is one wherever it is named: by its acronym too.
        ("Ivo Marsh spoke to the Lark Broadcasting Network. In a video posted by LBN, Marsh said he would run.", {"Ivo Marsh"},
         {"Lark Broadcasting Network", "LBN"}),
        # A journalist introduced by the outlet's name is not in the story.
        ("Ivo Marsh leads in the polls. The Harbor Times's Ola Venn takes a look at why.", {"Ivo Marsh"}, {"Ola Venn"}),
        # A broadcaster is known by its own name (general knowledge), as a wire agency is: it hosts and airs, not acts.
        ("In a debate hosted by MSNBC on Thursday, Ada Quill said she would cut taxes.", {"Ada Quill"}, {"MSNBC"}),
        ("Ada Quill said the race was close, and ABC aired the debate.", {"Ada Quill"}, {"ABC"}),
        ("The Harbour Observer found that one in four residents lived in distressed areas. Mayor Ines Calvo said the city "
         "would act.", {"Ines Calvo"}, {"Harbour Observer"}),
    ],
)
def test_outlets_and_their_staff_are_not_parties(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # Members of one family are different people; the surname alone is the one introduced first.
        ("Sen. Arne Volk said he would run. His wife, Greta Volk, said: \u201cWe will keep going.\u201d Volk thanked voters.",
         {"Arne Volk": {"Volk"}, "Greta Volk": set()}),
        ("Gov. Tomas Reyes, the son of former President Luis A. Reyes and brother of Mateo B. Reyes, said he would quit. "
         "Luis A. Reyes praised him and Mateo B. Reyes thanked him. Reyes said no more.",
         {"Tomas Reyes": {"Reyes"}, "Luis A. Reyes": set(), "Mateo B. Reyes": set()}),
        # A middle initial does not make another person; a joined particle is dropped when the surname is written alone.
        ("Sen. Ivo J. Marsh said he would run. Ivo Marsh later thanked voters.", {"Ivo J. Marsh": {"Ivo Marsh"}}),
        ("President Omar al-Haddad met the envoy. Haddad said the talks were useful.", {"Omar al-Haddad": {"Haddad"}}),
    ],
)
def test_people_of_one_family_stay_apart_and_variants_of_one_name_merge(facts, text, persons):
    sheet = facts(text)
    for name, aliases in persons.items():
        party = next((p for p in sheet.parties if p.name == name), None)
        assert party is not None and aliases <= set(party.aliases), [(p.name, p.aliases) for p in sheet.parties]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A chamber won or within reach is a prize, not an actor; one that votes acts.
        ("Ivo Marsh told members of his party that the Assembly is within reach. \u201cWe will win back the Assembly,\u201d he said.",
         {"Ivo Marsh"}, {"Assembly"}),
        ("The Senate voted 60-40 to pass the measure, and Ivo Marsh praised the vote.", {"Ivo Marsh", "Senate"}, set()),
        # The members of a party in one chamber are one group, named also by the party's name alone.
        ("Senate Democrats rejected the offer. Democrats said Ivo Marsh had not listened.", {"Senate Democrats", "Ivo Marsh"},
         {"Democrats"}),
    ],
)
def test_a_chamber_acts_only_where_it_does_something(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        # A clause after a comma is no title.
        ("In describing fellow investor Ivo Marsh, Ola Venn said he sees someone without the curiosity to serve as chief "
         "executive.", "Ivo Marsh", None, None),
        ("The debate turned to the fitness of the nominee, Ivo Marsh, to be commander in chief. Marsh said he was fit.",
         "Ivo Marsh", None, None),
        # A name opening a clause about the title before it does not hold that title.
        ("The federal judge Ivo Marsh was referring to is Ola Venn, who was born in Oslo. Marsh said Venn was biased.",
         "Ivo Marsh", None, None),
        # An affiliation is a name: a town of residence is not one, a description is not one, a group's name after
        # its role noun is one.
        ("\u201cI am not sure,\u201d said undecided voter Dana Pike of Harlowton before the event.", "Dana Pike", None, None),
        ("Rhea Tarn, the scheduled speaker for the presidential candidate, will not attend, Tarn said.", "Rhea Tarn",
         "scheduled speaker", None),
        ("Jonas Brill, communications director of the advocacy group Rivers for Farmers, said Tarn had options.", "Jonas Brill",
         "communications director", "Rivers for Farmers"),
    ],
)
def test_titles_are_noun_phrases_and_affiliations_names(facts, text, name, title, affiliation):
    party = _by_name(facts(text), name)
    assert (party.title, party.affiliation) == (title, affiliation)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # "the Russians" acting is the state, as "the French" is.
        ("Norway pressed Russia for a deal. The Russians have used the talks to gain time, Norway said.", "Russia", "Russians"),
        # "X's Party", "the Party of X" and "the X Party" are one organisation.
        ("Vermont\u2019s Liberty Party gathers on Saturday. On Thursday the Liberty Party of Vermont said Ivo Marsh "
         "would not speak.", "Liberty Party of Vermont", "Vermont\u2019s Liberty Party"),
        # A surname that is also a country's name, speaking, is the person.
        ("Rep. Dana Jordan said the bill would pass. \u201cWe have the votes,\u201d Jordan said.", "Dana Jordan", "Jordan"),
    ],
)
def test_one_actor_under_a_nationality_a_place_possessive_or_a_surname(facts, text, name, alias):
    sheet = facts(text)
    party = _by_name(sheet, name)
    assert alias in party.aliases, [(p.name, p.aliases) for p in sheet.parties]


@pytest.mark.parametrize(
    ("text", "common"),
    [
        # Written in lower case elsewhere, or a plural common noun: a word capitalised by its place only.
        ("Goats are considered unclean by some. Farmers keep goats.", True),
        ("Aides said the speech was ready.", True),
        # Capitalised inside a sentence only as a word of a longer name.
        ("Veterans in 2014 were dying at three times the national rate, the Office of Veterans Services found. Many "
         "veterans wait months for care.", True),
        # A name is a name at the start of a sentence too.
        ("Zantrax said the plant would close. Workers at Zantrax were told on Monday.", False),
        ("Orvane said the deal was worth $2bn. KLT Orvane Holdings agreed to supply parts to the army.", False),
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_name(nlp, text, common):
    doc = nlp(text)
    assert _common_word_opening_a_sentence(doc[0:1]) is common


def test_a_surname_alone_that_speaks_and_is_she_is_a_person(facts):
    sheet = facts("\u201cThe law is clear,\u201d said Okafor. She added that the court would rule in June.")
    assert _by_name(sheet, "Okafor").kind.value == "person"


def test_a_common_noun_opening_a_sentence_does_not_join_the_name_after_it(facts):
    sheet = facts("Ivo Marsh raised $21 million in January, beating his rival Ola Venn. Rival Ola Venn's campaign says it "
                  "raised $15 million.")
    assert _names(sheet) == {"Ivo Marsh", "Ola Venn"}


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        # "the party" is a political party named or introduced so, not a charity or chamber named before.
        ("Marlow Aid Trust sued the province on Monday. Leaders of the party have opposed its clinics for years.",
         "Marlow Aid Trust", "the party"),
        ("The Assembly passed the measure on Friday. The party will campaign against it in the autumn.",
         "Assembly", "the party"),
        # "the agency" is a body introduced as one, not a legislature.
        ("Parliament voted to fund the port. The agency will hire 300 inspectors next year.", "Parliament", "the agency"),
    ],
)
def test_a_role_noun_of_one_kind_of_body_names_only_a_body_of_that_kind(facts, text, name, wrong):
    party = _by_name(facts(text), name)
    assert wrong not in party.aliases, (party.name, party.aliases)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The party a person belongs to, written before the name, describes the person: no part of the name.
        ("Libertarian Gordon Pratt said he would stay in the race.", "Gordon Pratt"),
        ("Socialist Gordon Pratt said he would stay in the race.", "Gordon Pratt"),
    ],
)
def test_a_party_member_word_before_a_name_is_no_part_of_it(facts, text, name):
    assert name in _names(facts(text))


@pytest.mark.parametrize(
    "text",
    [
        # A word counting a crowd opens the sentence: some of the same crowd, no second party.
        "Freedonians rejected the plan on Monday. Many Freedonians said they would vote against it.",
        "Freedonians rejected the plan on Monday. Several Freedonians said they would vote against it.",
    ],
)
def test_a_crowd_counted_by_a_quantifier_is_the_same_party(facts, text):
    assert _names(facts(text)) == {"Freedonians"}


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # A surname of two words, named again without the given name.
        ("Senator Lena Marquez Oyelaran said the bill would pass. Marquez Oyelaran added that the vote was close.",
         "Lena Marquez Oyelaran", "Marquez Oyelaran"),
        # A generational suffix is no surname.
        ("Carl B. Henning Jr. won the primary. Henning said he would vote against the bill.", "Carl B. Henning Jr.", "Henning"),
        # The possessive of a surname ending in "s", written with an apostrophe alone.
        ("Nora Blix beat businessman Elias Rhodes in the three-way primary, claiming 41 percent of the vote to Rhodes\u2019 33 "
         "percent.", "Elias Rhodes", "Rhodes"),
        # A full name the small model labels an organisation, whose surname alone follows an honorific.
        ("Orrin Valdez experienced the shift away from the centre firsthand. Dr. Valdez was beaten in the primary in 2010.",
         "Orrin Valdez", "Valdez"),
    ],
)
def test_one_person_under_a_shortened_name(facts, text, name, alias):
    sheet = facts(text)
    party = _by_name(sheet, name)
    others = [p for p in sheet.parties if p is not party and p.kind.value != "person"]
    assert party.kind.value == "person" and alias in party.aliases and not others, [(p.name, p.kind, p.aliases) for p in sheet.parties]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # One member of a people or a party, introduced by "a": a person described, not the party.
        ("The day before, a Moldovan had attacked a guard at the border. Romania said it would respond.", {"Romania"}, {"Moldovan"}),
        ("An Ostrian fired at the crowd, police said.", set(), {"Ostrian"}),
        # But "a" before an institution describes the institution itself.
        ("The agreement marks a breakthrough for a Congress still reeling from a partial shutdown.", {"Congress"}, set()),
        ("Moderates are leaving a rightward-driving Whig Party, the pollster said.", {"Whig Party"}, set()),
        # An amount the small model labels a name.
        ("Brannock Group has agreed to pay 693p per share for Lisle in a deal which is set to create a global leader.",
         {"Brannock Group"}, {"693p"}),
        # A country after a city only says where the city is, even before "according to".
        ("The Varnian army and the rebels agreed to stop fighting after days of talks in Mombasa, Kenya, according to a statement.",
         {"rebels"}, {"Kenya"}),
    ],
)
def test_descriptions_amounts_and_locating_places_are_not_parties(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names


def test_an_office_named_with_its_owner_is_one_party_under_its_own_name(facts):
    sheet = facts("The Federal Transit Agency\u2019s Audit Office has reached a $3 million settlement with Norvel to resolve an "
                  "investigation. Norvel failed to notify the FTA of the problems. During its inquiry, the Audit Office learned "
                  "that Norvel had hidden the faults.")
    office = _by_name(sheet, "Audit Office")
    assert len(sheet.parties) == 2 and office.name.startswith("Federal Transit Agency"), [(p.name, p.aliases) for p in sheet.parties]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Someone's coming to office dates another event; it shows no one acting in the story.
        ("Senate leaders reached the first long-term pact since President Ana Ruiz took office.", set(), {"Ana Ruiz"}),
        ("Spending has doubled since Ana Ruiz came to power in 2010, the Zemblan Trade Union said.", {"Zemblan Trade Union"},
         {"Ana Ruiz"}),
        # Taking office is acting where it is the news itself.
        ("President Ana Ruiz took office in May and signed the accord.", {"Ana Ruiz"}, set()),
    ],
)
def test_a_time_named_by_someone_taking_office_shows_no_actor(facts, text, present, absent):
    names = _names(facts(text))
    assert present <= names and not absent & names, names
