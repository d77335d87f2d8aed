"""Quotes: the quoted words as spans, each with its speaker."""

from __future__ import annotations

import pytest

from generator.extract.quotemarks import is_speech, quotations


def _quotes(sheet) -> list[tuple[str | None, str]]:
    names = {p.id: p.name for p in sheet.parties}
    return [(names.get(q.speaker), q.text) for q in sheet.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Speaker after the quotation, straight and curly marks, "said X" and "X said".
        ('"We will appeal against the ruling," said Nadia Petrov.', [("Nadia Petrov", "We will appeal against the ruling")]),
        ("\u201cWe will appeal against the ruling,\u201d Petrov Holdings said.", [("Petrov Holdings", "We will appeal against the ruling")]),
        # Speaker before the quotation, with a reporting verb other than "say".
        ('Carlos Mendes wrote: "The vote was a turning point for the party."', [("Carlos Mendes", "The vote was a turning point for the party.")]),
        # A quotation split around its attribution is two quotes of one speaker.
        ('"This is not the end," Helga Brun said, "but it is a serious blow to our plans."',
         [("Helga Brun", "This is not the end"), ("Helga Brun", "but it is a serious blow to our plans.")]),
        # Multi-sentence quotation, and a second one that continues after the attribution.
        ('"Sales fell. Costs rose," said Ravi Menon, the chief executive. "We must change course now."',
         [("Ravi Menon", "Sales fell. Costs rose"), ("Ravi Menon", "We must change course now.")]),
        # A pronoun speaker is the person named last.
        ('Ines Duarte left the meeting early. "Nothing was decided today," she said.', [("Ines Duarte", "Nothing was decided today")]),
        # "according to X".
        ('According to Farid Amin, the plan "will cost far more than promised".', [("Farid Amin", "will cost far more than promised")]),
        # A document or an institution speaks for its owner.
        ('"The ministers agreed to meet again in June," the Kremlin read-out said.', [("Russia", "The ministers agreed to meet again in June")]),
        # Speaker named after a long appositive.
        ('"Both sides will claim victory," Dr. Maya Lind, a lecturer at Calder University who studies trade law, observed.',
         [("Maya Lind", "Both sides will claim victory")]),
        # Scare quotes and names of things are not quotes.
        ('Orla Finch called the plan a "new dawn" for the "Better Homes Now" campaign.', []),
        # An unattributed quotation is not anyone's quote.
        ('The banner read "no more cuts to our schools".', []),
    ],
)
def test_speaker_and_words(facts, text, expected):
    assert _quotes(facts(text)) == expected


def test_quote_reopened_in_the_next_paragraph(facts):
    text = (
        "\u201cWe have rebuilt the factory,\u201d said Tomas Varga, the plant manager. \u201cIt took two years.\n"
        "\u201cNow we need the orders to keep it running.\u201d\n"
        "Exports rose by a third."
    )
    assert _quotes(facts(text)) == [
        ("Tomas Varga", "We have rebuilt the factory"),
        ("Tomas Varga", "It took two years."),
        ("Tomas Varga", "Now we need the orders to keep it running."),
    ]


def test_joint_speakers_get_a_group_party(facts):
    text = (
        "Halden Steel and Norvik Metals welcomed the ruling. "
        '"It is a fair outcome for the whole industry," the companies said in a joint statement.'
    )
    sheet = facts(text)
    (quote,) = sheet.quotes
    group = sheet.party(quote.speaker)
    assert group.kind.value == "group" and group.name == "Halden Steel and Norvik Metals"


@pytest.mark.parametrize(
    "text",
    [
        # Two named speakers of one quotation after it ("said X and Y in a joint statement") speak as a group.
        "\u201cWe are pleased to have reached an agreement that rewards the dockers,\u201d said Harbour Board President "
        "Nina Solberg and Union President Arne Vik in a joint statement.",
        "Nina Solberg and Arne Vik said in a joint statement: \u201cWe are pleased to have reached an agreement that rewards the dockers.\u201d",
    ],
)
def test_two_named_speakers_speak_as_a_group(facts, text):
    sheet = facts(text)
    (quote,) = sheet.quotes
    assert sheet.party(quote.speaker).name == "Nina Solberg and Arne Vik"


def test_evidence_is_the_span_of_the_quoted_words(facts):
    text = 'Paula Grant said the deal was "a win for both sides of the border".'
    (quote,) = facts(text).quotes
    assert text[quote.evidence.start : quote.evidence.end] == quote.text == "a win for both sides of the border"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "one two three" and "four five six".', ["one two three", "four five six"]),
        ('"Opened here. "Re-opened here."', ["Opened here. ", "Re-opened here."]),
        ("\u201cRuns to the end of the paragraph\nNext", ["Runs to the end of the paragraph"]),
    ],
)
def test_quotation_marks(text, spans):
    assert [text[q.start : q.end] for q in quotations(text)] == [s.rstrip() for s in spans]


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ('a "new dawn"', False),
        ('the motto "Power to the People"', False),
        ('he said "we will not give up"', True),
    ],
)
def test_scare_quotes_and_names_are_not_speech(text, speech):
    (quotation,) = quotations(text)
    assert is_speech(text, quotation) is speech


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Dorran Foods cut prices. "We had no choice," a spokesman for Dorran Foods said.', "Dorran Foods"),
        ('Dorran Foods cut prices. "We had no choice," said the company\'s chief executive, Alma Ruiz.', "Alma Ruiz"),
        ('Dorran Foods cut prices. "We had no choice," the company said.', "Dorran Foods"),
    ],
)
def test_speaker_inside_a_noun_phrase(facts, text, speaker):
    sheet = facts(text)
    assert [sheet.party(q.speaker).name for q in sheet.quotes] == [speaker]


def test_pronoun_speaker_is_not_someone_named_inside_the_quote(facts):
    text = (
        "Anton Weiss, the finance minister, rejected the plan. Greta Holm met him on Monday. "
        '"I told Anton Weiss that we cannot wait," she said.'
    )
    sheet = facts(text)
    assert [sheet.party(q.speaker).name for q in sheet.quotes] == ["Greta Holm"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Rosa Lind spoke to reporters in Oslo on Friday, and said the vote was close. "We will win this in the end."', "Rosa Lind"),
        ('"We will win this in the end." Rosa Lind made the remark in Oslo, adding that the count was slow.', "Rosa Lind"),
    ],
)
def test_speaker_named_in_the_neighbouring_sentence(facts, text, speaker):
    sheet = facts(text)
    assert [sheet.party(q.speaker).name for q in sheet.quotes] == [speaker]


def test_phrase_in_the_narrators_sentence_is_not_attributed_to_a_neighbour(facts):
    text = 'Investors fear a "race to the bottom on taxes". Orla Byrne said the rules were fair.'
    assert facts(text).quotes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he" is the subject of the sentence before, not the person named last in it.
        ('Karl Weber, an analyst at Crestmoor Securities, said the plan differed from the one Paul Brandt had proposed. '
         '"This one can work in practice," he said.', [("Karl Weber", "This one can work in practice")]),
        # The subject's name may sit in an appositive.
        ("Norway's foreign ministry spokesman, Anders Holm, said Oslo would wait, as Erik Dahl had advised. "
         '"These pressures will not change our path," he told reporters.', [("Anders Holm", "These pressures will not change our path")]),
        # "he" opening a paragraph is the subject of the paragraph before, through its own "he".
        ("Tomas Brenn met Prime Minister Ida Sorlie in Oslo. He also said he expects no problems now that Ida Sorlie is in charge.\n"
         "\u201cWe are going to do a very big deal,\u201d he said.", [("Tomas Brenn", "We are going to do a very big deal")]),
        # A question is attributed after its closing mark; a verb of manner of speaking attributes it.
        ("Greta Holm spoke first. \u201cWho would have believed that we would win so many votes?\u201d Ivo Marsh shouted.",
         [("Ivo Marsh", "Who would have believed that we would win so many votes?")]),
        # A speaker described but not named is no one: the pronoun does not jump to an earlier name.
        ("Ravi Menon said the price was fair. An analyst in Zurich, who did not want to be named, said the buyer was paying "
         'too much. "They are buying a lot of debt," he said.', []),
        # "the statement said": the party that issued the statement.
        ("A joint statement was released by Kenya's foreign ministry. "
         '"The parties have committed to a lasting ceasefire," the statement said.',
         [("Kenya's foreign ministry", "The parties have committed to a lasting ceasefire")]),
    ],
)
def test_pronoun_and_document_speakers(facts, text, expected):
    assert _quotes(facts(text)) == expected


def test_a_statement_given_by_a_subject_speaks_for_it(facts):
    sheet = facts(
        "The Emirati foreign ministry said in a statement that the exchange was the tenth. "
        "\u201cThe UAE will continue its efforts to help,\u201d the statement said."
    )
    assert _quotes(sheet) == [("United Arab Emirates", "The UAE will continue its efforts to help")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two quoted words right after a reporting verb are speech; the same words named or too short are not.
        ('Trade Commissioner Lena Voss said talks had made "some progress" on Monday.', [("Lena Voss", "some progress")]),
        ('Chile gave Peru a "golden share" in the mine, said Lena Voss.', []),
        ('Lena Voss said the border was a "new dawn" for Chile.', []),
    ],
)
def test_two_quoted_words(facts, text, expected):
    assert _quotes(facts(text)) == expected


def test_a_statement_issued_by_two_speaks_for_both(facts):
    sheet = facts(
        "Arvo Systems and Norvex Mining issued a joint statement on Monday. "
        '"Both companies will keep their plants open until 2030," the statement said.'
    )
    assert _quotes(sheet) == [("Arvo Systems and Norvex Mining", "Both companies will keep their plants open until 2030")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle of a reporting verb shares the subject of the clause it hangs on, not the name after it.
        ("Ada Lorne toured the region on Monday. \u201cWe know the valley well,\u201d she said, adding that Kestrel Point, "
         "\u201cwhile very large, was not enough\u201d.",
         [("Ada Lorne", "We know the valley well"), ("Ada Lorne", "while very large, was not enough")]),
        # ... but not the subject of another verb it hangs on.
        ("Ada Lorne told reporters that there could be no deal until the unions stopped their strikes, saying "
         "\u201cYou can have a strike or you can have a raise.\u201d", [("Ada Lorne", "You can have a strike or you can have a raise.")]),
        # A verb that characterises in quoted words of its subject's: call, accuse, promise.
        ("Senator Ivo Marsh called the budget \u201ca betrayal of working families\u201d on Friday.",
         [("Ivo Marsh", "a betrayal of working families")]),
        ("Ivo Marsh accused Halloran of a \u201cgross abuse of the power of his office.\u201d",
         [("Ivo Marsh", "gross abuse of the power of his office.")]),
        ("Mira Holt promised to \u201cbegin the hard work of cleaning our rivers.\u201d",
         [("Mira Holt", "begin the hard work of cleaning our rivers.")]),
        # The governing verb lies before an earlier quotation of the same sentence.
        ('Tor Lund called Brann a "reckless and vain gambler" who is "utterly unfit for any public office."',
         [("Tor Lund", "reckless and vain gambler"), ("Tor Lund", "utterly unfit for any public office.")]),
    ],
)
def test_speaker_is_the_subject_of_the_governing_verb(facts, text, expected):
    assert _quotes(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation signed with a dash and a name that end the paragraph.
        ("\u201cThe new bridge has cut my commute in half.\u201d \u2015 Marisol Quenby",
         [("Marisol Quenby", "The new bridge has cut my commute in half.")]),
        ("\u201cThe new bridge has cut my commute in half.\u201d\u2015 Marisol Quenby.\n"
         "\u201cIt was loud and dusty for a year and nobody asked us.\u201d \u2014Tomas Ekdahl",
         [("Marisol Quenby", "The new bridge has cut my commute in half."),
          ("Tomas Ekdahl", "It was loud and dusty for a year and nobody asked us.")]),
        # The signature holds for the part before a nested quotation.
        ("\u201cAs a young woman I would rather live in what he calls \u201chell\u201d than live in a world he runs.\u201d \u2015 Marisol Quenby",
         [("Marisol Quenby", "As a young woman I would rather live in what he calls")]),
    ],
)
def test_quotation_signed_with_a_dash(facts, text, expected):
    assert _quotes(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A colon that ends the paragraph before introduces the quotation that opens this one.
        ("Mara Quist turned to the budget next. Quist continued:\n"
         "\u201cThe health budget is the largest item, and it has grown by a third in four years.\u201d",
         [("Mara Quist", "The health budget is the largest item, and it has grown by a third in four years.")]),
        # A quotation standing after a sentence about a person, with no reporting verb, is that person's.
        ("Ola Brekke identified fatigue with scandal as a reason to vote for the party. "
         "\u201cThe younger voters are tired of all of it.\u201d", [("Ola Brekke", "The younger voters are tired of all of it.")]),
        # ... or after the paragraph that ends with such a sentence, as a paragraph of its own.
        ("Ola Brekke restricted his comments to the realm of future cases.\n\u201cIf any bank cannot be managed, it should be broken up.\u201d",
         [("Ola Brekke", "If any bank cannot be managed, it should be broken up.")]),
    ],
)
def test_speaker_of_the_sentence_before_a_standing_quotation(facts, text, expected):
    assert _quotes(facts(text)) == expected


def test_a_subject_inside_the_quotation_is_not_the_speaker(facts):
    text = (
        "Norway tested a new rocket on Friday. \"If it doesn't have the range to reach its neighbours yet, it will at some point, "
        "probably sooner rather than later,\" said Ola Brekke, a physicist who is co-director of the Arms Program at the Polar Institute."
    )
    assert [name for name, _ in _quotes(facts(text))] == ["Ola Brekke"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A colon hands the words after it to the subject of the clause it ends, whatever that clause's verb.
        ("Calvanian President Ada Moreno celebrated the breakthrough on social media: \u201cThe world is witnessing a "
         "historic moment for peace.\u201d",
         [("Ada Moreno", "The world is witnessing a historic moment for peace.")]),
        ("Meanwhile, UN chief Omar Lind called for a permanent ceasefire: \u201cI urge all sides to seize this opportunity "
         "to make peace.\u201d",
         [("Omar Lind", "I urge all sides to seize this opportunity to make peace.")]),
        # Not words that go on the narrator's sentence after a colon, nor a clause of no one.
        ('Omar Lind listed what the deal covers: "fishing quotas, border checks and customs duties".', []),
        ('The agreement covers three areas: "Fishing quotas, border checks and customs duties."', []),
        # A pronoun before the colon hands the words to no one.
        ("The Calvania Poll Institute published its report on Monday.\n"
         'It is not enough to look representative, more from the report: "Vendors now weight their samples on many other '
         'variables."', []),
    ],
)
def test_quotation_introduced_by_a_colon(facts, text, expected):
    assert _quotes(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A naming word ("campaign") before quoted words someone is reported to speak is no slogan.
        ("Ida Sorlie said she expects the campaign \u201cto keep calling out examples of bias as we deem necessary.\u201d",
         [("Ida Sorlie", "to keep calling out examples of bias as we deem necessary.")]),
        # "what it called "..."": the subject's own words, not a name.
        ('The Arctic Council on Friday condemned the test and pledged new sanctions as a deterrent to what it called '
         '"a clear threat to peace and security in the north."', [("Arctic Council", "a clear threat to peace and security in the north.")]),
        ('A group called "the friends of the lake and the river" met on Monday.', []),
        # "go on (about)" reports speech.
        ("Ida Sorlie and Tor Lund spoke at the rally. \u201cWe know the valley well,\u201d Lund said. "
         "As Sorlie went on about \u201chow the system is rigged against farmers,\u201d the crowd cheered.",
         [("Tor Lund", "We know the valley well"), ("Ida Sorlie", "how the system is rigged against farmers")]),
        # The colon introduction holds for a quotation cut short by one nested in it.
        ("Anna Berg took the stage. Berg continued:\n"
         "\u201cThe health issue is partisan, but the question was this: \u201cDo you think it matters?\u201d Most said yes.\u201d",
         [("Anna Berg", "The health issue is partisan, but the question was this"), ("Anna Berg", "Do you think it matters?")]),
    ],
)
def test_reported_speech_constructions(facts, text, expected):
    assert _quotes(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as X put it" attributes the quoted words beside it.
        ('Ina Halvorsen runs the fund. The main test for the permit is a "steady income from lawful work," as Halvorsen put it.',
         [("Ina Halvorsen", "steady income from lawful work")]),
        # A list of quotations shares the speaker of the first, whoever is named after the last.
        ("Ida Sorlie and Tor Lund spoke at the rally. As Sorlie went on about \u201chow the system is rigged against "
         "farmers,\u201d and \u201cthe families of the valley\u201d and \u201cour own forgotten towns,\u201d Lund said yes.",
         [("Ida Sorlie", "how the system is rigged against farmers"), ("Ida Sorlie", "the families of the valley"),
          ("Ida Sorlie", "our own forgotten towns")]),
        # Of two subjects the small model gives the reporting verb, the one in the attribution speaks.
        ("The two \u201cloopholes\u201d she cited are \u201cthe right to deduct losses on farmland beyond what was invested,\u201d "
         "the Marlow Courier reported.", [("Marlow Courier", "the right to deduct losses on farmland beyond what was invested")]),
        # A statement speaks for whoever issued it, not for a party its own clause names.
        ("Ina Halvorsen issued a statement vowing to protect the Sami Council. \u201cWe will keep the grazing rules as they "
         "are,\u201d the statement said.", [("Ina Halvorsen", "We will keep the grazing rules as they are")]),
    ],
)
def test_attribution_constructions(facts, text, expected):
    assert _quotes(facts(text)) == expected


def test_a_person_described_by_an_organisations_title_speaks_not_the_organisation(nlp):
    """ "Andrew Hollis, the Rowing Federation President, says ...": the small model can take the organisation for the
    subject and the title for its appositive (a parse set here by hand, as the model produced it on a news report)."""
    from spacy.tokens import Doc

    from generator.extract.parties import PartyIndex
    from generator.extract.quotes import _subject_party
    from generator.model import Party, PartyKind, Span

    words = ["Andrew", "Hollis", ",", "the", "Rowing", "Federation", "President", ",", "says", "it", "was", "right", "."]
    heads = [1, 1, 8, 5, 5, 8, 5, 8, 8, 10, 8, 10, 8]
    deps = ["compound", "ROOT", "punct", "det", "compound", "nsubj", "appos", "punct", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 12)
    person = Party(id="andrew-hollis", name="Andrew Hollis", kind=PartyKind.person, mentions=[Span(start=0, end=13)])
    federation = Party(id="rowing-federation", name="Rowing Federation", kind=PartyKind.organization, mentions=[Span(start=20, end=37)])
    index = PartyIndex(parties=[person, federation])
    assert _subject_party(doc, index, doc[5]) == "andrew-hollis"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person described but not named speaks, and is named again by the noun alone.
        ("A Brazilian diplomat said Lisbon was surprised by the vote. \u201cIt was a shock. We are still trying to "
         "understand it,\u201d the diplomat said.", [("A Brazilian diplomat", "It was a shock. We are still trying to understand it")]),
        # "a person familiar with ...": the description names the source.
        ('"The two sides are close on the tariff schedule," a person familiar with the talks said.',
         [("a person familiar with the talks", "The two sides are close on the tariff schedule")]),
        # A news outlet that reports in quoted words.
        ("Orla Brennan met farmers in Cork. \u201cThe subsidy scheme will end next year,\u201d the Marlow Courier reported.",
         [("Marlow Courier", "The subsidy scheme will end next year")]),
        # "the paper" names again the outlet named before.
        ("Orla Brennan met farmers in Cork. The Kessel Gazette reported on the scheme. \u201cThe subsidy scheme will end "
         "in a year,\u201d the paper wrote.", [("Kessel Gazette", "The subsidy scheme will end in a year")]),
        # A place before the outlet noun does not name the outlet.
        ("Almost a week after the floods, a Riverton newspaper called on Ana Ruiz to visit. \u201cThe valley needs more than "
         "a passing visit,\u201d the newspaper admitted.", []),
        # A television station named by its call sign alone.
        ("Orla Brennan met farmers in Cork. \u201cThe subsidy scheme will end next year,\u201d the Cork-based television "
         "station KXBR reported.", [("KXBR", "The subsidy scheme will end next year")]),
        # A statement two parties issued together speaks for both.
        ('"Trade between the ports will resume on Monday," Norway and Iceland\'s joint statement said.',
         [("Norway and Iceland", "Trade between the ports will resume on Monday")]),
        # An office names again the person the story follows, not the one named last in passing.
        ("Lena Varga says too much is made of the budget row.\nThe Liberal nominee was speaking in Pecs, hours after "
         "the mayor mocked the singer Tomas Ruzicka.\nThe Hungarian senator said voters care about "
         "\u201cjobs and schools, not the gossip.\u201d", [("Lena Varga", "jobs and schools, not the gossip.")]),
        # Subjects that name no one in particular stay without a party.
        ('"The market has turned for good," analysts said.', []),
    ],
)
def test_an_unlisted_speaker_becomes_a_party(facts, text, expected):
    assert _quotes(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A line with no double marks quotes in single ones: headlines and their links.
        ("More: Mayor Ana Ruiz admits 'both sides will lose out'", ["both sides will lose out"]),
        ("Mayor vows \u2018we will rebuild every home\u2019 after the floods", ["we will rebuild every home"]),
        # Apostrophes and a title-cased subhead are not quotations; single marks nested in double ones are not either.
        ("The farmers\u2019 union and the leaders' plan for the \u201990s", []),
        ("\u2018A Long Road Home.\u2019", []),
        ('He said, "She told me \u2018never again\u2019 and left."', ["She told me \u2018never again\u2019 and left."]),
        # A quotation in single marks left open at the end of its paragraph runs on into the next one.
        ("Ana Ruiz told the council: \u2018The port will reopen and the town\u2019s fleet will sail again.\n"
         "\u2018It is clear that nobody wants another strike.\u2019",
         ["The port will reopen and the town\u2019s fleet will sail again.", "It is clear that nobody wants another strike."]),
        # Not a mark opening words that never end a sentence, nor a straight mark, which may be an apostrophe.
        ("The \u2018harbour plan was shelved", []),
        ("Ana Ruiz told the council: 'The port will reopen.", []),
    ],
)
def test_single_quotation_marks(text, spans):
    assert [text[q.start : q.end] for q in quotations(text)] == spans


def test_of_two_subjects_of_a_reporting_verb_the_one_nearest_it_speaks(nlp):
    """ "Kessel Radio and anchor Petra Lind has said ...": the small model can give the verb both names as subjects
    (a parse set here by hand, as the model produced it on a news report)."""
    from spacy.tokens import Doc

    from generator.extract.parties import PartyIndex
    from generator.extract.quotes import _speaker_of_verb
    from generator.model import Party, PartyKind, Span

    words = ["Kessel", "Radio", "and", "anchor", "Petra", "Lind", "has", "said", "it", "."]
    heads = [1, 7, 1, 5, 5, 7, 7, 7, 7, 7]
    deps = ["compound", "nsubj", "cc", "compound", "compound", "nsubj", "aux", "ROOT", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 9)
    radio = Party(id="kessel-radio", name="Kessel Radio", kind=PartyKind.organization, mentions=[Span(start=0, end=12)])
    lind = Party(id="petra-lind", name="Petra Lind", kind=PartyKind.person, mentions=[Span(start=24, end=34)])
    index = PartyIndex(parties=[radio, lind])
    assert _speaker_of_verb(doc, index, doc[7], (0, len(doc.text))) == "petra-lind"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the two countries", "both sides": a count of two names again the pair named together before.
        ("Norland and Vestria agreed to extend their fishing truce on Friday.\n"
         "In a joint statement, the two countries emphasized \u201ctheir shared resolve to protect the northern stocks for ten years.\u201d",
         [("Norland and Vestria", "their shared resolve to protect the northern stocks for ten years.")]),
        ("Norland and Vestria agreed to end the fighting on Tuesday.\n"
         "\u201cThe delegations have agreed to tell the people of the region that they have made peace,\u201d says a joint "
         "statement released by the two sides on Wednesday.",
         [("Norland and Vestria", "The delegations have agreed to tell the people of the region that they have made peace")]),
        # "the statement read"; a statement given in a clause whose verb has its subject further up ("agreed to ...").
        ("Norland and Vestria agreed to extend their fishing truce on Friday, in a joint statement.\n"
         "Fishing fleets from both countries will stay in port for a month.\n"
         "\u201cThese reports do not reflect the state of the negotiations in any way,\u201d the statement read.",
         [("Norland and Vestria", "These reports do not reflect the state of the negotiations in any way")]),
        # "the document says", "the statement said": another noun names the same document again; a bare "the statement"
        # between them is that document too, not a new one of no issuer.
        ("Uruguay issued a joint declaration with its neighbours calling for lower farm tariffs.\n"
         "The statement said \u201csome progress\u201d had been made.\n"
         '"Export subsidies for farm goods in rich countries must be removed at once," the document says.',
         [("Uruguay", "some progress"), ("Uruguay", "Export subsidies for farm goods in rich countries must be removed at once")]),
        # A document issued by countries a common noun lists: all of them speak.
        ("Mr Hale was greeted by a joint declaration issued by the developing countries Peru, Chile and Bolivia.\n"
         '"All forms of export subsidies must be eliminated," the statement said.',
         [("Peru and Chile and Bolivia", "All forms of export subsidies must be eliminated")]),
        # "a group of parents" is no organisation named before: their letter is not the organisation's.
        ("In July, the Teachers League called for a moratorium on new academies.\n"
         "In late September, a group of parents with children in academies sent a letter to the league urging it to reconsider.\n"
         "\u201cWe see academies offering our children hope of a better future,\u201d the letter reads.",
         []),
        # A party named in the words a document is quoted as saying is not its issuer.
        ("The Ecuadorian government and the rebels of the north agreed to end the fighting on Tuesday.\n"
         "\u201cThe representatives of the Government of Ecuador and the rebels have agreed to tell the people that they "
         "have made peace,\u201d says a joint statement released by the two sides on Wednesday.\n"
         "\u201cWe have agreed to silence the guns for good,\u201d the document says.",
         []),
    ],
)
def test_documents_and_pairs_named_again(facts, text, expected):
    assert _quotes(facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the prime minister said" names the person in office again, not an office or a state of its own.
        ("Ecuador said that the two armies had agreed to a truce starting on Sunday.\n"
         "Thirty prisoners will be released in the first phase, Ecuador\u2019s Prime Minister Sheikh Omar bin Khalid Al-Rami said.\n"
         "\u201cThe two armies have reached a deal on the prisoner swap,\u201d he said.\n"
         "\u201cWe hope this is the last page of the war,\u201d the prime minister added.\n"
         "Also in the first phase, troops will withdraw from the towns to \u201callow for the return of the displaced people "
         "to their homes\u201d, the prime minister said.",
         [("Omar bin Khalid Al-Rami", "The two armies have reached a deal on the prisoner swap"),
          ("Omar bin Khalid Al-Rami", "We hope this is the last page of the war"),
          ("Omar bin Khalid Al-Rami", "allow for the return of the displaced people to their homes")]),
        # "The Prime Minister said: ... She added:": the pronoun is the person in office, not the person named last.
        ("Half an hour later, Anna Holt and Lars Gunn appeared side by side to announce their agreement.\n"
         "The Prime Minister said: \u201cWe have been working extremely hard this week.\u201d She added: "
         "\u201cI very much welcome the prospect of moving ahead to the next phase.\u201d",
         [("Anna Holt", "We have been working extremely hard this week."),
          ("Anna Holt", "I very much welcome the prospect of moving ahead to the next phase.")]),
        # A participle of a reporting verb hung on another verb shares its subject: here the office named again; the
        # small model may hang that verb on one of the quotation ("I believe").
        ("Ines Moreau will now face a vote of no confidence brought by the opposition.\n"
         "At the end of five days of debate, the Prime Minister made a last-ditch plea to the delegates, telling them: "
         '"We have a duty to deliver on the decision of the voters."',
         [("Ines Moreau", "We have a duty to deliver on the decision of the voters.")]),
        ("Ines Moreau will now face a vote of no confidence brought by the opposition.\n"
         "At the end of five days of debate on the deal, the Prime Minister made a last-ditch plea to the delegates, telling "
         'them: "I believe we have a duty to deliver on the decision of the voters, and to do so in a way that brings our '
         'country together".',
         [("Ines Moreau", "I believe we have a duty to deliver on the decision of the voters, and to do so in a way that "
                          "brings our country together")]),
        # Not the person in focus where the text gives that person another employer; "he" after a quotation of two
        # sentences opening its paragraph is the subject of the paragraph before.
        ("The pilots' strike will be called off if Ola Brand restores travel perks, Aerunion joint leader Tom Vale has said.\n"
         "Only this morning, the Nordair boss had said there was still a chance to avoid a strike.\n"
         '"Nordair will be flying tomorrow. We will not be grounded by a tiny minority," he told a radio show.',
         []),
        # A place is no employer.
        ("Ohio Senator Tom Vale called for a vote on the bill.\n"
         'The bill will "close the loopholes that let the biggest firms avoid paying their taxes", the Ohio senator said.',
         [("Tom Vale", "close the loopholes that let the biggest firms avoid paying their taxes")]),
    ],
)
def test_speaker_named_by_office(facts, text, expected):
    assert _quotes(facts(text)) == expected
