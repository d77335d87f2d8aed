"""Agreements from short sentences written for these tests: what is and is not an agreement, one entry per
agreement, parties, duration, status, and each side's account."""

from __future__ import annotations

import pytest

from generator.model import AgreementStatus, FactSheet


def _names(sheet: FactSheet, ids: list[str]) -> set[str]:
    return {p.name for pid in ids if (p := sheet.party(pid)) is not None}


def _evidence(sheet: FactSheet, agreement) -> list[str]:
    return [span.text_of(sheet.text) for span in agreement.evidence]


@pytest.mark.parametrize(
    ("text", "parties", "summary_words"),
    [
        ("Acme Corp has agreed to buy Widget Ltd for $2bn, the companies said on Monday.", {"Acme Corp", "Widget Ltd"}, ["buy", "$2bn"]),
        ("Brazil and Argentina signed a trade pact on Tuesday.", {"Brazil", "Argentina"}, ["trade pact"]),
        ("Israel and Hamas agreed to a truce, mediators in Cairo said.", {"Israel", "Hamas"}, ["truce"]),
        ("Delta Airlines said it had sold its regional unit to Summit Aviation.", {"Delta Airlines", "Summit Aviation"}, ["sold", "regional unit"]),
        ("Zeta Motors will pay Omega Group $300m for its battery unit.", {"Zeta Motors", "Omega Group"}, ["pay"]),
        ("Kenya and Uganda have signed a preliminary agreement to build a pipeline.", {"Kenya", "Uganda"}, ["preliminary agreement"]),
        ("Widget Ltd has accepted a takeover offer from Acme Corp worth $2bn.", {"Widget Ltd", "Acme Corp"}, ["takeover offer", "$2bn"]),
        ("Acme Corp and Widget Ltd have agreed to merge, creating the largest toolmaker in Europe.", {"Acme Corp", "Widget Ltd"}, ["merge"]),
    ],
)
def test_an_agreement_is_found_with_its_parties(facts, text, parties, summary_words):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [a.summary for a in sheet.agreements]
    agreement = sheet.agreements[0]
    assert parties <= _names(sheet, agreement.parties)
    assert agreement.status in {AgreementStatus.agreed, AgreementStatus.signed}
    for word in summary_words:
        assert word in agreement.summary
    assert len(agreement.summary) < len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Both sides hope to reach a deal by the end of the year, officials said.",
        "Orion Bank offered to buy Delta Insurance for $500m.",
        "Kenya refused to sign the agreement.",
        "Peru may sign a free trade deal with Chile next year.",
        "Norway will only sign the treaty if Sweden drops its fishing quotas.",
        "Analysts agree that the market for steel is weak.",
        "Talks on a ceasefire broke down on Monday.",
        "Sales at Acme rose 5% to $3bn last year.",
        "France demanded that Germany cut its energy subsidies.",
        "A failure to reach an agreement could hurt both economies, Spain warned.",
        "Vale Mining would be willing to buy the smelter.",
        "Acme Corp rejected a takeover bid from Widget Ltd.",
        "Previous ceasefires between Chile and Peru have collapsed within days.",
        "Norway has banned the sale of alcohol at petrol stations.",
        "Analysts said the price was high but agreed that the plan made sense.",
        "Toyota is in talks with Mazda about a possible merger.",
        # Denials and comparisons name an agreement without reporting one.
        "Spain and Portugal said no agreement had been reached.",
        "The summit of Spain and Portugal broke up without a deal.",
        '"It is a ceasefire, not a peace treaty," said Anna Berg, a senior fellow at the Lund Institute.',
        # "a deal" with no one party to it and nothing said of it.
        "Neither side disclosed the price, which had been the main obstacle to a deal.",
        # "agreed that" with a clause of what is: a view shared, not an agreement.
        "Three legal scholars, Anna Berg, Lars Holm and Eva Lind, agreed that there are many qualified candidates.",
        "Lawmakers in both parties agree that such deals are harmful to workers.",
        # The small model makes the that-clause's object the object of "agreed".
        "Lars Holm, former chief of staff of the Joint Committee on Budgets, agreed that the Finance Department has "
        "limited power to stop corporate tax dodging.",
        # The small model's lemma of "hopes" is "hop".
        "Bolivia hopes to sign a similar pact with Brazil.",
        # "would have been" in reported speech is still hypothetical.
        "Critics said a deal to cut spending would have been better.",
        # Support promised on a condition.
        "Lars Holm and Eva Lind agreed that they would support a bid by Anna Berg if it emerged.",
        # Agreements of a sort, none in particular.
        "Such agreements between Chile and Peru often include a clause on secrecy.",
        "Critics doubt any agreement between Chile and Peru that involves the return of migrants.",
        # Deals approached, pursued or said to be out of reach.
        "Chile and Peru are close to a deal on water rights.",
        "Chile and Peru are on the verge of a deal on water rights.",
        "A deal between Chile and Peru remains elusive.",
        "Chile says a deal with Peru is within reach.",
        "Chile pressed Peru for a deal on water rights.",
        "Berg's determination to broker a ceasefire between Chile and Peru was driven by fear.",
        # Only ever proposed or being negotiated.
        "Critics attacked the proposed deal between Chile and Peru.",
        "Chile confirmed the proposed water deal with Peru on Monday.",
        "The pact, which Chile and Peru have been hammering out for a year, would cut tariffs.",
        # Agreeing in general, by no one.
        "The tax was meant to stop workers from agreeing to extensive tests and procedures that they might not actually need.",
    ],
)
def test_hopes_views_proposals_and_demands_are_not_agreements(facts, text):
    sheet = facts(text)
    assert sheet.agreements == [], [a.summary for a in sheet.agreements]


def test_mentions_of_one_agreement_are_merged_with_all_their_evidence(facts):
    sheet = facts(
        "Brazil and Argentina signed a trade pact on Tuesday. The pact cuts tariffs on cars. "
        "Under the agreement, Brazil will buy more wheat over the next five years."
    )
    assert len(sheet.agreements) == 1
    agreement = sheet.agreements[0]
    evidence = " | ".join(_evidence(sheet, agreement))
    assert "signed a trade pact" in evidence and "The pact" in evidence and "Under the agreement" in evidence
    assert agreement.duration == "over the next five years"


def test_a_sale_and_the_sale_are_one_agreement_and_a_second_deal_is_another(facts):
    sheet = facts(
        "Nordic Bank has sold its insurance arm to Baltic Life for $900m. The sale gives Baltic Life more customers. "
        "Separately, Iceland and Norway agreed to a 90-day truce on fishing quotas."
    )
    assert len(sheet.agreements) == 2, [a.summary for a in sheet.agreements]
    sale, truce = sheet.agreements
    assert any("The sale" in e for e in _evidence(sheet, sale))
    assert truce.duration == "90-day"
    assert {"Iceland", "Norway"} <= _names(sheet, truce.parties)


def test_a_bare_reference_points_back_to_the_lead(facts):
    sheet = facts(
        "A new vaccine is set to be developed by Helix Pharma and Orbis Labs. "
        "Under the deal, Helix Pharma will receive royalties, said its chief executive."
    )
    assert len(sheet.agreements) == 1
    evidence = _evidence(sheet, sheet.agreements[0])
    assert evidence[0].startswith("A new vaccine") and any(e.startswith("Under the deal") for e in evidence)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chile and Peru signed a border accord in 1999. Last year, Peru suspended the accord.", AgreementStatus.suspended),
        ("Chile and Peru signed a border accord in 1999. Last year, Peru's parliament rejected the accord.", AgreementStatus.rejected),
        ("Chile and Peru signed a border accord in 1999.", AgreementStatus.signed),
        # What the accord ends is not the accord ending.
        ("Chile and Peru signed a border accord in 1999. The accord ends tariffs on wheat.", AgreementStatus.signed),
    ],
)
def test_status_follows_what_happened_to_the_agreement(facts, text, status):
    sheet = facts(text)
    assert len(sheet.agreements) == 1
    assert sheet.agreements[0].status is status


def test_both_sides_are_the_parties_last_named(facts):
    sheet = facts("Chile and Peru have agreed to start talks on water rights. Both sides agreed to free all prisoners.")
    assert len(sheet.agreements) == 2
    assert {"Chile", "Peru"} <= _names(sheet, sheet.agreements[1].parties)


def test_each_side_gives_its_own_account(facts):
    sheet = facts(
        "President Anna Berg of Norway and President Lars Holm of Sweden spoke by phone on Monday. "
        "\u201cThe leaders agreed that talks would begin with a ceasefire on the border,\u201d the Norwegian "
        "government said in a statement. "
        "In its version, Sweden noted that it had agreed to a 10-day ceasefire on border posts."
    )
    accounts = {account.by for agreement in sheet.agreements for account in agreement.accounts}
    assert {"norway", "sweden"} <= accounts, [(a.summary, a.accounts) for a in sheet.agreements]
    first = next(a for a in sheet.agreements if a.accounts)
    assert len({account.by for account in first.accounts}) >= 2


def test_a_deal_abandoned_is_one_agreement_with_its_status(facts):
    sheet = facts("Acme Corp has pulled out of a deal to buy Widget Ltd.")
    assert len(sheet.agreements) == 1
    assert sheet.agreements[0].status is AgreementStatus.withdrawn
    assert "to buy Widget Ltd" in sheet.agreements[0].summary


def test_an_agreement_blocked_later_is_rejected(facts):
    sheet = facts("Last year Hollander agreed to merge its African operations with Kappa Brewing, but the merger was blocked by regulators.")
    assert len(sheet.agreements) == 1
    assert sheet.agreements[0].status is AgreementStatus.rejected
    assert any(e.text_of(sheet.text) == "the merger" for e in sheet.agreements[0].evidence)


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Chile and Peru agreed to a 30-day truce on Monday.", "30-day"),
        ("Chile and Peru have agreed to resume talks after a two-year pause.", None),
        ("Chile and Peru signed a water pact. Under the terms of the deal, Chile will supply water for ten years.", "for ten years"),
    ],
)
def test_duration_is_the_agreements_own(facts, text, duration):
    sheet = facts(text)
    assert len(sheet.agreements) == 1
    assert sheet.agreements[0].duration == duration


def test_a_document_speaks_for_its_owner(facts):
    sheet = facts(
        "Japan and South Korea have agreed to resume military talks. "
        "In a statement, Tokyo said the two countries had agreed to a 12-month intelligence-sharing pact. "
        "Seoul's version said the pact would initially last six months."
    )
    pact = next(a for a in sheet.agreements if "pact" in a.summary)
    assert {account.by for account in pact.accounts} == {"japan", "south-korea"}


@pytest.mark.parametrize(
    "text",
    [
        # "accepted the truce" refers back to the ceasefire agreed before.
        "Austria and Hungary agreed on Tuesday to a 30-day ceasefire along their border. "
        "Budapest had accepted the truce only after receiving guarantees.",
        # A later name for the deal the lead states ("this partnership") is the same deal.
        'Velmont has agreed to buy engines from Hoshida Motors. "This partnership gives us volume," said Hoshida\'s president, Ken Sato.',
    ],
)
def test_a_deal_referred_to_again_by_another_name_is_one_agreement(facts, text):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    assert len(sheet.agreements[0].evidence) == 2


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # The name in apposition to the subject ("US chipmaker X") agrees.
        ("US chipmaker Norvex has agreed to pay a 620m euro fine and change its sales practices to settle the case.", "Norvex"),
        # A swap of prisoners brokered by a third party is an agreement.
        ("Armenia and Azerbaijan exchanged 40 prisoners on Friday in a swap brokered by Qatar.", "Qatar"),
    ],
)
def test_agreements_named_in_other_words(facts, text, party):
    sheet = facts(text)
    assert len(sheet.agreements) == 1
    assert party in _names(sheet, sheet.agreements[0].parties)


def test_a_party_telling_its_agreement_in_the_first_person_is_the_same_agreement(facts):
    sheet = facts(
        "President Ana Ruiz and Premier Tomas Berg have agreed to end four years of fighting, at a summit in Geneva. "
        '"We have agreed on a cessation of all acts of violence," Ms Ruiz told the summit.'
    )
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    assert len(sheet.agreements[0].evidence) == 2


def test_a_word_of_a_partys_name_is_not_an_agreement(facts):
    sheet = facts("The Pacific Shipping Alliance, which represents port operators, said on Monday that talks would resume.")
    assert sheet.agreements == [], [a.summary for a in sheet.agreements]


def test_an_agreement_restated_in_an_adverbial_clause_is_one_agreement(facts):
    sheet = facts(
        "Israel and Lebanon agreed to a ceasefire on Tuesday, after Israel's cabinet approved a deal brokered by France."
    )
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]


@pytest.mark.parametrize(
    "text",
    [
        # A bare "agreement" is consensus, not a deal.
        "There is so much bipartisan agreement on roads among voters in Velland.",
        "There was broad agreement among economists in Velland on Monday.",
        # The reader of a sign-up box is never a party.
        "By signing up, you agree to our Terms of Service.",
        # Aims, plans and appeals.
        "The top priority of the union has been to secure a fair contract that its members deserve.",
        '"We are going to do a very big trade deal with Peru," Carlos Ruiz said.',
        "In a speech on Tuesday, Lisa Marsh appealed to Acme Corp to buy a stake in Widget Ltd.",
        "Oslo will work with Rome and Bern to help them reach a settlement.",
        # One person sharing a view.
        "Mayor Tom Reyes agreed that the city's zoning rules should be modernized.",
        "The judge agreed with Ana Lopes that there was no reason to delay the trial.",
        # Other senses of the words.
        "Carlos Ruiz made a big deal about the tax plan.",
        "Critics have made a huge deal of the merger talks.",
        "Jo Park showed a better understanding of history than her rival.",
        # A deal that broke down before it was made.
        "The summit between Chile and Peru ended in failure on Friday. "
        "Carlos Ruiz said the deal had broken down because Peru wanted more.",
        # The present tense of "agree": a view held, not an agreement reached.
        "Most senators agree that a governor should not be able to veto the budget.",
        "The union today agrees only on its opposition to anything the mayor wants.",
        # Deals still to be made, whatever their article: future ones, ones someone is going to make or pressed for.
        "The rule makes sure the assembly has to approve any future deals with Peru before they can go forward.",
        "The assembly will review future agreements between Chile and Peru.",
        '"We are going to make the deals for the farmers," Carlos Ruiz said.',
        "Lisa Marsh pressed Carlos Ruiz to sign an agreement with the league that would tie the club closer to the city.",
        # A question reports nothing.
        "Does the militia have no choice but to agree its provisional plan to let the colonel stay in power?",
        "Why waste time on an agreement with Peru that will not create jobs?",
        # "a big deal" said of something, with the curly apostrophe the small model reads as a verb.
        "Carlos Ruiz won the vote. That\u2019s a big frigging deal.",
        # Pacts in general opening a subheading, which the party extractor takes for a group.
        "\nNondisclosure pacts govern words of ex-wives and campaign staffers.\n\n"
        "The attacks began soon after Lena Ostrova filed a lawsuit against Carl Vesk.",
        # A partnership naming one side only: its cooperation, no agreement between two.
        "The United States backed the offensive. Freedonia's army went through Dorva before reaching the border "
        "with U.S. partnership against the rebels.",
    ],
)
def test_views_aims_and_other_senses_are_not_agreements(facts, text):
    sheet = facts(text)
    assert sheet.agreements == [], [a.summary for a in sheet.agreements]


@pytest.mark.parametrize(
    ("text", "evidence_count"),
    [
        # Settling a lawsuit and paying to settle it, told in two sentences by the same side.
        ("The carmaker Vantor Motors has settled a fraud lawsuit in a climbdown. "
         "Vantor Motors agreed to pay two Texas towns a total of $20m to avoid a trial.", 2),
        # "X said it reached agreement": the pronoun is X, and its deal is the one told before.
        ("Vantor Motors agreed to pay Dale County $20m to end the lawsuit. Vantor Motors made no admission of "
         "liability and said it reached agreement in order to direct money toward treatment.", 2),
        # "The agreement ... still needs approval": the agreement is there, the approval is pending.
        ("Congressional leaders and the White House reached a two-year budget deal on Monday. The agreement, "
         "announced by President Ray Dorsey, still needs approval from the House and the Senate.", 2),
        # A deal described in apposition, set off by dashes.
        ("Her turn against the Pacific Grain Pact with Asian countries - a deal she once supported - makes sense.", 2),
    ],
)
def test_one_deal_told_again_is_one_agreement(facts, text, evidence_count):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    assert len(sheet.agreements[0].evidence) == evidence_count


def test_a_deal_by_unnamed_sides_takes_the_names_told_after(facts):
    sheet = facts(
        "Four big chemical companies agreed to a multimillion-dollar payout over river pollution on Monday. "
        "Varna Chemicals and three shippers are to pay a total of $90m to settle the first of hundreds of lawsuits. "
        "Among the companies that agreed to the payout on Monday were the shippers Kestrel and Boland."
    )
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    assert _names(sheet, sheet.agreements[0].parties) == {"Varna Chemicals", "Kestrel", "Boland"}


@pytest.mark.parametrize(
    ("text", "main_evidence"),
    [
        ("Velland signed an agreement with Kessia on Thursday on asylum seekers. The deal is similar to agreements "
         "Velland reached with Dorn earlier this year. Kessia's foreign minister said the accord was fair.", "the accord"),
        ("Streamly agreed to pay a $2 billion fine to settle a probe by the Norland Trade Agency. "
         "The company agreed in April to a similar settlement with regulators in Ostmark.", None),
    ],
)
def test_a_similar_deal_is_another_agreement(facts, text, main_evidence):
    sheet = facts(text)
    assert len(sheet.agreements) == 2, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    if main_evidence:
        assert main_evidence in _evidence(sheet, sheet.agreements[0])


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # The dateline and the place where the truce holds are not sides.
        ("LIMA, Peru (AP) — The rebels' ruling council agreed Sunday to a temporary cease-fire in Peru, officials said.", set()),
        # The state in "two Texas counties" locates them.
        ("Texas has sued drug makers for years. Vantor Motors agreed to pay two Texas counties a total of $20m.", {"Vantor Motors"}),
        # "it was agreed": the sides just told.
        ('Tomas Berg and Erna Lund agreed on Monday to delay the chess final. "Therefore, it was agreed that the flame '
         'will stay in Oslo," they said.', {"Tomas Berg", "Erna Lund"}),
        # The pronoun of "when they settled" is the main clause's subject, not the organisation named last.
        ("Acme Corp declined to comment. The Atlantic Fishing Guild secured a major victory this week when they settled "
         "two lawsuits over quotas.", {"Atlantic Fishing Guild"}),
        # "the state's agreement" names no one by itself: not the speaker named before it.
        ("Tribal lawyer Tim Cole told reporters the state's agreement with the tribes was crucial.", set()),
        # "the two neighbours": the two countries named last.
        ("After months of talks, Brazil and Argentina announced Friday the two neighbours have reached an agreement "
         "on a trade deal.", {"Brazil", "Argentina"}),
    ],
)
def test_the_parties_are_those_who_agreed(facts, text, parties):
    sheet = facts(text)
    assert sheet.agreements, text
    assert _names(sheet, sheet.agreements[-1].parties) == parties


def test_a_persons_employer_before_the_title_is_not_a_side(facts):
    sheet = facts(
        "Kenya's Prime Minister Ruth Mbeki and International Cycling Union (ICU) president Lars Holm agreed Tuesday "
        "to postpone the race until 2027. The ICU has been facing pressure."
    )
    names = _names(sheet, sheet.agreements[0].parties)
    assert "Lars Holm" in names and "International Cycling Union" not in names


@pytest.mark.parametrize(
    ("text", "summary_start"),
    [
        # A relative clause reads as a headline with the one it is about.
        ("The envoys, who signed a border accord with Peru on Friday, flew home.", "The envoys signed"),
        # Words either side of a dropped comma stay apart.
        ('Tomas Berg and Erna Lund agreed to delay the final. "Therefore, it was agreed that the flame will stay '
         'in Oslo," they said.', "Therefore it was agreed"),
        # "at which" opens no headline.
        ("Ecuador hosted the talks at which Chile and Peru signed the accord.", "Chile and Peru signed the accord"),
        # The dateline is not part of the headline.
        ("LIMA, Peru (AP) — Chile and Bolivia agreed on Sunday to a temporary truce, officials said.", "Chile and Bolivia agreed"),
    ],
)
def test_a_summary_reads_as_a_headline(facts, text, summary_start):
    sheet = facts(text)
    assert sheet.agreements[-1].summary.startswith(summary_start), sheet.agreements[-1].summary


@pytest.mark.parametrize(
    ("text", "status", "by", "evidence"),
    [
        ("Chile and Peru reached a tentative deal on water rights.", AgreementStatus.tentative, None, "tentative"),
        ("Chile and Peru signed a border accord in 1999. Last year, the accord was defeated in a vote.", AgreementStatus.rejected, None, "defeated"),
        ("Chile and Peru agreed in principle on a water treaty.", AgreementStatus.tentative, None, "agreed in principle"),
        ("Chile and Peru agreed on water rights on Friday.", AgreementStatus.agreed, None, "agreed"),
        ("Chile and Peru signed a water treaty on Friday.", AgreementStatus.signed, None, "signed"),
        ("President Ana Ruiz signed the water treaty with Peru into law on Monday.", AgreementStatus.signed, "Ana Ruiz", "signed the water treaty with Peru into law"),
        ("Chile and Peru reached a deal on water rights. The Chilean Senate approved the deal on Friday.", AgreementStatus.approved, "Chilean Senate", "approved"),
        ("Chile and Peru agreed on a water treaty. The treaty was ratified by the Peruvian Congress in May.", AgreementStatus.ratified, "Peruvian Congress", "ratified"),
        ("Chile and Peru signed a water treaty in 2001. The treaty took effect in 2003.", AgreementStatus.in_force, None, "took effect"),
        ("Chile and Peru signed a water treaty in 2001. The treaty came into force in 2003.", AgreementStatus.in_force, None, "came into force"),
        ("Chile and Peru signed a water treaty in 2001. Last year, Peru suspended the treaty.", AgreementStatus.suspended, "Peru", "suspended"),
        ("Chile and Peru signed a water treaty in 2001. The Peruvian Congress rejected the treaty.", AgreementStatus.rejected, "Peruvian Congress", "rejected"),
        ("Chile and Peru signed a water treaty in 2001. The treaty collapsed in 2005.", AgreementStatus.collapsed, None, "collapsed"),
        ("Chile and Peru signed a water treaty in 2001. Peru walked away from the treaty last year.", AgreementStatus.withdrawn, "Peru", "walked away"),
        ("Acme Corp has pulled out of a deal to buy Widget Ltd.", AgreementStatus.withdrawn, "Acme Corp", "pulled out"),
        # What is still to come sets no status.
        ("Chile and Peru agreed on a water treaty. The new treaty, if ratified by Peru, will last ten years.", AgreementStatus.agreed, None, "agreed"),
        ("Chile and Peru signed a water treaty. Officials said the treaty would take effect in May.", AgreementStatus.signed, None, "signed"),
        ("Chile and Peru agreed on a water treaty. Talks stalled when both sides were on the verge of signing the treaty.", AgreementStatus.agreed, None, "agreed"),
    ],
)
def test_status_is_read_from_the_clause_with_who_set_it_and_its_words(facts, text, status, by, evidence):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    agreement = sheet.agreements[0]
    assert agreement.status is status
    assert (sheet.party(agreement.status_by).name if agreement.status_by else None) == by
    assert agreement.status_evidence is not None and agreement.status_evidence.text_of(sheet.text) == evidence


@pytest.mark.parametrize(
    "text",
    [
        "Norway and Sweden agreed that the border would reopen in May.",
        "Chile and Peru agreed that talks will begin on Monday.",
    ],
)
def test_agreeing_that_something_will_be_done_is_an_agreement(facts, text):
    assert len(facts(text).agreements) == 1


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # Who urges that a deal be blocked takes no part in it; the lead told again is one agreement.
        ("Orion Bank signed a deal with Delta Insurance. Senator Anna Berg called on the regulator to block the deal.",
         {"Orion Bank", "Delta Insurance"}),
        # Accepting the offer is the deal just told.
        ("Leaders of the Nordic Union agreed on Thursday to delay the exit of Norway until October. "
         "Prime Minister Anna Berg accepted the offer.", None),
        # One who endorses a deal is no side of it; "the bipartisan deal" is the deal told before.
        ("Chile and Peru reached a trade deal on Monday. Ostby opposed the deal, but Ana Ruiz endorsed the bipartisan deal.",
         {"Chile", "Peru"}),
        # Agreeing to the terms is agreeing to the settlement told.
        ("The regulator fined Orion Bank $2bn on Wednesday. Under the settlement, Orion Bank must create a new board "
         "committee. Orion Bank agreed to the terms, the regulator said.", None),
        # Who rejects a deal others made is no side of it.
        ("Chile and Peru signed a border treaty in May. Bolivia rejected the treaty on Friday.", {"Chile", "Peru"}),
        # "the merger with X": a definite deal naming only sides told before.
        ("Vale Mining agreed a deal with Delta Insurance in 2001. Critics said the merger with Delta Insurance was costly.",
         {"Vale Mining", "Delta Insurance"}),
        # A deal others have been negotiating is not the one agreed.
        ("Chile and Peru agreed to a ceasefire on Sunday. A key part of the agreement, which Brazil and Bolivia have "
         "been negotiating for a year, is a road.", {"Chile", "Peru"}),
    ],
)
def test_one_deal_told_again_in_other_words_is_one_agreement(facts, text, parties):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [a.summary for a in sheet.agreements]
    if parties is not None:
        assert _names(sheet, sheet.agreements[0].parties) == parties


def test_a_deal_owned_by_one_who_is_no_side_of_the_last_is_another(facts):
    sheet = facts(
        "Prime Minister Anna Berg of Norway spoke on Monday. Denmark and Sweden agreed on Thursday to delay the vote "
        "until October. Norway's exit deal has been rejected by parliament three times."
    )
    assert len(sheet.agreements) == 2, [a.summary for a in sheet.agreements]
    assert _names(sheet, sheet.agreements[0].parties) == {"Denmark", "Sweden"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # The small model hangs the subject of "reached" on "after"; the name in apposition reached the deal.
        ("Nordsteel and Vale Mining are steel makers. The strike at Vale Mining ended days after one of the largest "
         "steel makers, Nordsteel, reached a $40m deal with the union of Oslo dockers.", {"Nordsteel"}, set()),
        # "who signed": the one the relative clause is about signed.
        ("The deal was praised by Lars Holm, who signed the agreement with Chile on Monday, and by Eva Lind.",
         {"Lars Holm", "Chile"}, {"Eva Lind"}),
        # A country named in an aside opening with "not" is said not to be a side.
        ("Chile signed the pact with the rebels — not the government of Bolivia — on Monday in Quito.", {"Chile"}, {"Bolivia"}),
        ("The asylum pact was signed by Chile's interior minister, Rosa Diaz — not the government — on Monday.",
         {"Rosa Diaz"}, {"Chile"}),
        # "X and Y counties" names the counties themselves.
        ("Nordsteel reached a settlement with Alder and Birch counties on Monday, after a long dispute with Alder County "
         "and Birch County.", {"Alder County", "Birch County"}, set()),
    ],
)
def test_the_parties_are_the_ones_who_agreed_not_every_name_in_the_sentence(facts, text, present, absent):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [a.summary for a in sheet.agreements]
    names = _names(sheet, sheet.agreements[0].parties)
    assert present <= names and not absent & names, names


def test_a_clause_opening_at_its_verb_reads_as_a_headline_with_its_actor(facts):
    sheet = facts(
        "Nordsteel and Vale Mining are steel makers. The strike at Vale Mining ended days after one of the largest "
        "steel makers, Nordsteel, reached a $40m deal with the union of Oslo dockers."
    )
    assert sheet.agreements[0].summary.startswith("Nordsteel reached a $40m deal"), sheet.agreements[0].summary


def test_who_brought_the_lawsuits_settled_is_the_other_side(facts):
    sheet = facts(
        "Fishing guilds in Norway secured a victory this week when they settled a pair of lawsuits challenging the "
        "quota rules. The lawsuits were brought by the Atlantic Fishing Guild, the Nordic Trawler Union and several fishermen."
    )
    assert len(sheet.agreements) == 1
    assert {"Atlantic Fishing Guild", "Nordic Trawler Union"} <= _names(sheet, sheet.agreements[0].parties)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Lorain and Medina counties sued Rovex Mining last year, saying the firm polluted their rivers. "
            "Rovex Mining reached a $40m deal with the two counties on Monday.",
            {"Rovex Mining", "Lorain", "Medina"},
        ),
        ("Korvan Labs struck a deal with Velto Bank on Monday.", {"Korvan Labs", "Velto Bank"}),
    ],
)
def test_the_other_side_of_a_deal_reached_with_counted_places_is_the_places_named(facts, text, parties):
    sheet = facts(text)
    assert [_names(sheet, a.parties) for a in sheet.agreements] == [parties]


@pytest.mark.parametrize(
    ("text", "not_a_side"),
    [
        ("Hamas fired rockets on Monday. Cairo entered the town with U.S. partnership against Hamas.", "Hamas"),
        ("Ana Ruiz spoke on Monday. Voters worried about the fishing treaty with Norway embraced by Ana Ruiz.", "Ana Ruiz"),
        ("Ana Ruiz spoke on Monday. Voters worried about the fishing treaty with Norway backed by Ana Ruiz.", "Ana Ruiz"),
    ],
)
def test_whom_a_pact_is_against_and_who_backs_it_are_no_sides(facts, text, not_a_side):
    sheet = facts(text)
    assert len(sheet.agreements) == 1
    assert not_a_side not in _names(sheet, sheet.agreements[0].parties)


@pytest.mark.parametrize(
    "text",
    [
        "Velto Chemicals agreed to pay $90m to settle a lawsuit over its pesticides. "
        "The lawsuit was brought by Lorain County and Medina County.",
        "Velto Chemicals and two distributors are to pay a total of $90m to settle the first of hundreds of lawsuits by "
        "towns across Canada. The trial had been due on Monday. Other trials are scheduled later this year. "
        "The Manitoba lawsuit was brought by two counties, Lorain and Medina, using fraud laws.",
    ],
)
def test_who_brought_the_lawsuit_told_a_few_sentences_later_is_the_other_side(facts, text):
    sheet = facts(text)
    assert len(sheet.agreements) == 1
    names = " ".join(_names(sheet, sheet.agreements[0].parties))
    assert "Velto Chemicals" in names and "Lorain" in names and "Medina" in names


def test_every_name_listed_as_bringing_the_lawsuits_is_the_other_side(facts):
    sheet = facts(
        "Tribes won when they settled two lawsuits. The lawsuits were brought by the Silver Lake Nation, the Standing "
        "Elk Sioux Tribe and several fishermen contesting a rule on catches. The Standing Elk Sioux Tribe welcomed the news."
    )
    assert len(sheet.agreements) == 1
    assert {"Silver Lake Nation", "Standing Elk Sioux Tribe"} <= _names(sheet, sheet.agreements[0].parties)


@pytest.mark.parametrize(
    ("text", "not_a_side"),
    [
        ("Velto Motors agreed to build a plant in Ohio. Ana Ruiz backed the deal, while Tom Berg threatened to tear it up.", "Ana Ruiz"),
        (
            '"Word is," Tom Berg said last month, "that Velto Motors, because of my constant badgering, is going to cancel '
            'their deal to go to Mexico."',
            "Tom Berg",
        ),
    ],
)
def test_who_backs_a_deal_and_one_person_for_their_deal_are_no_sides(facts, text, not_a_side):
    sheet = facts(text)
    assert sheet.agreements
    assert all(not_a_side not in _names(sheet, a.parties) for a in sheet.agreements)


def test_who_backs_out_of_a_deal_is_still_its_side(facts):
    sheet = facts("Korvan Labs backed out of the deal with Velto Motors on Monday.")
    assert {"Korvan Labs", "Velto Motors"} <= _names(sheet, sheet.agreements[0].parties)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Talks between Peru and Chile ended on Monday with an agreement to reopen the border.", {"Peru", "Chile"}),
        (
            "Negotiations between Velto Motors and the Steelworkers Guild produced a tentative deal on Friday.",
            {"Velto Motors", "Steelworkers Guild"},
        ),
    ],
)
def test_the_sides_of_the_talks_that_ended_in_a_deal_are_its_sides(facts, text, parties):
    sheet = facts(text)
    assert [_names(sheet, a.parties) for a in sheet.agreements] == [parties]


def test_a_deal_cut_is_a_deal_struck(facts):
    sheet = facts("Velto Motors cut a deal with Korvan Labs on Monday.")
    assert [_names(sheet, a.parties) for a in sheet.agreements] == [{"Velto Motors", "Korvan Labs"}]
    assert sheet.agreements[0].status is AgreementStatus.agreed
    assert not facts("Velto Motors cut its offer for Korvan Labs on Monday.").agreements


@pytest.mark.parametrize(
    "text",
    [
        "Tom Berg agreed to sign a school funding bill that cuts money for his stadium. The bill, passed easily by "
        "both the National Assembly and the Federal Council on Tuesday, raises teachers' pay.",
        "Tom Berg agreed to sign a school funding bill. The bill was passed by the National Assembly and the Federal "
        "Council on Tuesday.",
    ],
)
def test_who_passed_the_bill_a_leader_agreed_to_sign_is_a_side(facts, text):
    sheet = facts(text)
    assert len(sheet.agreements) == 1
    names = _names(sheet, sheet.agreements[0].parties)
    assert {"Tom Berg", "National Assembly", "Federal Council"} <= names


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # The same kind of agreement named again by a third party is the one reached.
        ("Norland and the Vessa rebels reached a ceasefire agreement on Friday. Mediator Ana Ruiz confirmed that a "
         "ceasefire agreement had been reached.", {"Norland"}),
        # "the new collective agreement" the members approved is the collective deal reached.
        ("Workers at Tarvo Steel ended their strike after reaching a collective deal with management. Members of the "
         "Metal Union approved the new four-year collective agreement on Monday.", None),
        # "signed the peace accord" after "signed a peace deal".
        ("The government of Velland signed a peace deal with the Dorn Front. Velland's Justice Minister Karl Amis "
         "signed the peace accord in the town of Sert.", None),
        # "They" in a mediator's quotation is the side told before, not the mediators.
        ('Dorn rebels agreed to a truce on Thursday, mediators said. "They have agreed to a truce," mediator Ana Ruiz '
         "said.", None),
        # A deal the sides have, told in the first person.
        ("Velland and Dorn agreed a prisoner swap on Sunday. \"We have a deal for the prisoners,\" Karl Amis "
         "posted.", None),
        # The offer accepted is the deal reached.
        ("Tarvo Steel reached a deal with its workers on Monday, ending a strike. Four fifths of the workforce voted "
         "to accept an improved offer.", None),
        # The same thing agreed to, told again.
        ("Velland and Dorn agreed to exchange prisoners on Monday. Karl Amis said the two sides had agreed to exchange "
         "500 prisoners each.", None),
        # Agreeing to cease hostilities is a truce, and the peace agreement the sides then announce is it.
        ("Velland and the Dorn Front agreed to cease hostilities on Sunday. Velland and the Dorn Front have agreed to "
         "announce that they have concluded a peace agreement.", None),
        # Agreeing to announce a peace agreement: the peace agreement told before.
        ("Velland and the Dorn Front signed a peace agreement on Sunday. Velland and the Dorn Front have agreed to "
         "announce that they have concluded a peace agreement.", None),
    ],
)
def test_a_deal_named_again_in_other_words_is_one_agreement(facts, text, parties):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]
    assert len(sheet.agreements[0].evidence) == 2
    if parties is not None:
        assert parties <= _names(sheet, sheet.agreements[0].parties)
    assert "Ana Ruiz" not in _names(sheet, sheet.agreements[0].parties)


@pytest.mark.parametrize(
    "text",
    [
        # An agreement of an earlier time is another one.
        "Velland and Dorn agreed a ceasefire on Sunday. Velland and Dorn had agreed a ceasefire in May last year, but "
        "fighting resumed after a week.",
        # A deal of another kind.
        "Tarvo Steel reached a pay deal with its workers on Monday. Earlier this month, Tarvo Steel agreed to a "
        "takeover by its rival Omeco.",
        # "also": one more agreement.
        "Velland and Dorn agreed to exchange prisoners on Monday. Karl Amis said an agreement had also been made to "
        "return the remains of soldiers.",
        # A deal told many paragraphs after another: one more.
        "Velland and Dorn reached a fishing agreement on Monday.\n" + "The talks had lasted three days.\n" * 9
        + "At a later meeting, the two sides reached a fishing agreement.",
        # A deal with another side.
        "Regulators announced a settlement with Orion Bank on Monday. The regulators also announced an agreement "
        "with a cable company.",
    ],
)
def test_a_deal_of_another_time_kind_or_side_is_another_agreement(facts, text):
    sheet = facts(text)
    assert len(sheet.agreements) == 2, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]


@pytest.mark.parametrize(
    "text",
    [
        "The Dorn Front has agreed to sign a peace deal with the government of Velland. The government of Velland has "
        "also agreed to sign.",
        "Senator Ana Ruiz and Senator Karl Amis agreed on a budget deal on Sunday. There were already disagreements as "
        "to what they had agreed to.",
    ],
)
def test_agreeing_without_saying_to_what_is_the_deal_told_before(facts, text):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [(a.summary, _evidence(sheet, a)) for a in sheet.agreements]


@pytest.mark.parametrize(
    "text",
    [
        "Since last year, the budget committees had been unable to agree on the annual spending bills.",
        "The government of Velland has made clear it is open to a cease-fire.",
        "Talks between Velland and Dorn ended without agreement on a ceasefire on Monday.",
        # Still to come.
        "A full and formal agreement to cover fishing will be published in May.",
        # "hoped", which the small model lemmatises as "hop".
        "The Dorn Front hoped to sign a ceasefire with Velland.",
        "Karl Amis left the talks on Sunday, having hoped to sign a full ceasefire with the Dorn Front.",
    ],
)
def test_an_agreement_not_reached_is_none(facts, text):
    sheet = facts(text)
    assert sheet.agreements == [], [a.summary for a in sheet.agreements]


@pytest.mark.parametrize(
    ("text", "not_a_side"),
    [
        # A place in apposition to where the talks were.
        ("The Velland government and the country's rebel forces agreed to cease hostilities after days of peace talks "
         "in Arusha, Tanzania, according to a statement.", "Tanzania"),
        # Who is "half-satisfied with the deal" (not a sentence framed by "With the deal, ...").
        ("Velland and Dorn reached a trade deal on Monday. Senator Karl Amis was only half-satisfied with the deal, "
         "having hoped for more.", "Karl Amis"),
        ("The White House reached a budget deal with Congress on Monday. Senator Ana Ruiz said she will work with "
         "Senator Karl Amis to pass bills that fall in line with the new deal.", "Karl Amis"),
        # Who still has to approve it.
        ("Leaders of the Nordic Union approved a fishing deal with Velland on Sunday. The deal, which needs to be "
         "approved by the Ostmark Assembly, covers cod.", "Ostmark Assembly"),
    ],
)
def test_who_is_only_near_the_deal_is_no_side(facts, text, not_a_side):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [a.summary for a in sheet.agreements]
    assert not_a_side not in _names(sheet, sheet.agreements[0].parties)


def test_an_indefinite_body_is_not_the_organisation_named_last(facts):
    sheet = facts(
        "A panel of twelve attorneys general announced a settlement with Orvex Pharma on Monday. A committee of "
        "regulators announced a $3bn settlement with Delmar Foods."
    )
    assert len(sheet.agreements) == 2, [a.summary for a in sheet.agreements]
    assert "Orvex Pharma" not in _names(sheet, sheet.agreements[1].parties)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # The small model makes "agreed" a conjunct of the wish: coordinate with it, not under it; the subject is shared.
        ("Velland wanted a full ceasefire but agreed to a local truce with Dorn.", "Velland"),
        ("The Dorn Front hoped for more money but accepted the offer of Velland.", "Velland"),
    ],
)
def test_an_agreement_coordinate_with_a_wish_is_an_agreement(facts, text, party):
    sheet = facts(text)
    assert len(sheet.agreements) == 1, [a.summary for a in sheet.agreements]
    assert party in _names(sheet, sheet.agreements[0].parties)
