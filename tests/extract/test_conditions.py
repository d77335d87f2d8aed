"""Conditions and demands from short sentences written for these tests: who demands what of whom, the agreement
it gates, and what is not a condition."""

from __future__ import annotations

import signal

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
        ("The Harbour Party had insisted that the Farmers League commit to a firm date for the vote.", "Harbour Party", "Farmers League", ["commit to a firm date"]),
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


# One invented sentence per construction of news English that states a condition or demand (issue 13).
@pytest.mark.parametrize(
    ("text", "by", "of", "summary_words"),
    [
        # "warn Y not to", "force Y to", "appeal to Y to": a verb asking its object to act.
        ("Uganda and Kenya met in Kampala. Kenya warned Uganda not to close the border crossing.", "Kenya", "Uganda", ["close the border crossing"]),
        ("Peru is still determined to force Bolivia to reopen the gas pipeline.", "Peru", "Bolivia", ["reopen the gas pipeline"]),
        ("Estonia and Finland met in Tallinn. Finland appealed to Estonia to delay the vote on fishing quotas.", "Finland", "Estonia", ["delay the vote"]),
        # A passive demand: the agent demands the subject.
        ("A full audit had been demanded by Portugal before any loan could be paid.", "Portugal", None, ["full audit"]),
        # "X wants the deal to ...", "X wanted Z done", "X wanted Z for doing W": a want of a deal or of a thing.
        ("Togo and Ghana met in Lome. Ghana wants any agreement to include a guarantee from Togo on water rights.", "Ghana", "Togo", ["include a guarantee"]),
        ("Ireland wanted the fishing limits scrapped entirely.", "Ireland", None, ["fishing limits scrapped"]),
        ("Serbia wanted full debt relief for closing its old coal mines.", "Serbia", None, ["debt relief", "closing its old coal mines"]),
        # "push for", "press for".
        ("Norway had been pushing for tighter controls on whaling.", "Norway", None, ["tighter controls"]),
        # "X said (added) Y must (should) ...": the one who said it demands it of Y.
        ("Poland said Hungary must return the seized grain.", "Poland", "Hungary", ["return the seized grain"]),
        ("Chile rejected the offer, adding that Argentina should share the costs of the dam.", "Chile", "Argentina", ["share the costs"]),
        # "as long as", "unless", "until" after a refusal, "without" after a refusal, "in return for" in an offer.
        (
            "Egypt told reporters it was fine with Sudan filling the reservoir as long as the river keeps flowing.",
            "Egypt",
            None,
            ["the river keeps flowing"],
        ),
        ("Austria will block the merger unless Italy lowers its steel tariffs.", "Austria", "Italy", ["lowers its steel tariffs"]),
        ("Norway told reporters there could be no deal on fishing until Iceland stopped its whaling.", "Norway", "Iceland", ["stopped its whaling"]),
        ("Cuba refused to sign the accord until Spain lifted the visa rules.", "Cuba", "Spain", ["lifted the visa rules"]),
        ("Morocco will not sign the trade pact without a guarantee on olive oil quotas.", "Morocco", None, ["guarantee on olive oil quotas"]),
        ("Algeria will not reopen the border without a guarantee on grazing rights.", "Algeria", None, ["guarantee on grazing rights"]),
        ("Without a guarantee on olive oil quotas, Morocco will not sign the trade pact.", "Morocco", None, ["guarantee on olive oil quotas"]),
        ("Vietnam would open its ports to the fleet in return for new fishing rights.", "Vietnam", None, ["new fishing rights"]),
        # "depend(s) on", "contingent on": set by the one who said so.
        ("Canada said any new trade deal would depend on Mexico lowering its dairy tariffs.", "Canada", "Mexico", ["lowering its dairy tariffs"]),
        ("Sweden said the length of the extension would depend on Norway approving the treaty.", "Sweden", "Norway", ["approving the treaty"]),
        ("Germany said the loan was contingent on Greece cutting its deficit.", "Germany", "Greece", ["cutting its deficit"]),
        # A threat or a promised step makes its "if" a condition; "only after".
        ("Brazil threatened to leave the talks if Paraguay raised the dam tariff.", "Brazil", "Paraguay", ["raised the dam tariff"]),
        ("Chile will suspend gas exports if Peru does not pay its debts.", "Chile", "Peru", ["pay its debts"]),
        ("Latvia would sign the energy treaty if Lithuania dropped its transit fees.", "Latvia", "Lithuania", ["dropped its transit fees"]),
        ("Romania will resume talks only after Moldova releases the detained crew.", "Romania", "Moldova", ["releases the detained crew"]),
        ("Slovakia agreed to extend the gas contract if Hungary paid its arrears.", "Slovakia", "Hungary", ["paid its arrears"]),
        # conditions set, conditioned, a deadline given, an obligation insisted on
        ("Sweden set three conditions for backing the treaty.", "Sweden", None, ["three conditions"]),
        ("Sweden set out its conditions for an extension.", "Sweden", None, ["conditions for an extension"]),
        ("Sweden and Norway met. Sweden conditioned its support on Norway ending its whaling.", "Sweden", "Norway", ["ending its whaling"]),
        ("Sweden and Norway met. Sweden gave Norway until Friday to withdraw its ships.", "Sweden", "Norway", ["withdraw its ships"]),
        ("Sweden insisted that Norway would have to withdraw its ships.", "Sweden", "Norway", ["withdraw its ships"]),
        ("Sweden will sign on the condition that Norway withdraws its ships.", "Sweden", "Norway", ["withdraws its ships"]),
        # "ask for", "X's demand for", "Y needs to".
        ("Croatia asked for a delay of the vote.", "Croatia", None, ["delay of the vote"]),
        ("The talks stalled over Norway's demand for a larger fishing quota.", "Norway", None, ["larger fishing quota"]),
        ("Poland said Hungary needs to return the seized grain.", "Poland", "Hungary", ["return the seized grain"]),
        # An approval a deal awaits is the approver's condition.
        ("Walvis Bank has reviewed the loan terms. The buyout still needs approval from Walvis Bank.", "Walvis Bank", None, ["approval"]),
        ("The new treaty, if ratified by Poland, would take effect in June.", "Poland", None, ["ratified by Poland"]),
        # "Y will be a condition of Z", said by whoever says so ("they" after "X and others" is X).
        (
            "Kenya and other growers say they will hold out. They say a price floor will be a condition of any coffee agreement.",
            "Kenya",
            None,
            ["price floor"],
        ),
        # "his demand" before the name: the subject of the main clause.
        (
            "Conceding defeat in his demand that Lagos fund the stadium, Governor Tunde Bakare agreed to sign the budget.",
            "Tunde Bakare",
            None,
            ["fund the stadium"],
        ),
        # "called for" after a time adverbial that opens with "For" (issue 14: this raised IndexError).
        ("For decades, Denmark has called for a ban on bottom trawling.", "Denmark", None, ["ban on bottom trawling"]),
        # An offer below the verb: "X is prepared for a fight if Y does not ...".
        (
            "Tomas Berg says he is prepared for a floor fight at the congress if the party does not change its farm policy.",
            "Tomas Berg",
            None,
            ["change its farm policy"],
        ),
        # A permission reported ("Y could ... only if") is the reporter's condition, not Y's.
        ("Sweden and Norway met. Sweden suggested that Norway could join the pact only if it cut its fishing quotas.", "Sweden", "Norway", ["cut its fishing quotas"]),
        # "called for Y to be done", the clause hung on the verb; a finite "called" the small model hangs on an infinitive.
        (
            "Lena Holm met Sweden. Though she called Norway's conduct outrageous and called for compensation to be clawed back from its executives, Holm restricted her comments.",
            "Lena Holm",
            None,
            ["compensation to be clawed back"],
        ),
        (
            "Tomas Berg met Lena Holm. Likewise, Berg went after Holm for following the mayor's refusal to use the term as well and called for her to quit her bid for mayor.",
            "Tomas Berg",
            None,
            ["quit her bid"],
        ),
        # Nouns of asking, made by the subject or owned: "sounded a call for Y to ...", "X's advice that Y should ...".
        ("Sweden and Norway met. Sweden sounded a call for Norway to accept more refugees.", "Sweden", "Norway", ["accept more refugees"]),
        ("Sweden and Norway met. Denmark backed Sweden's advice that Norway should stay in the union.", "Sweden", "Norway", ["stay in the union"]),
        # Who a role speaks for: "officials in X", "the head of X's delegation"; "the Labour candidate" is a person.
        ("Sweden met Norway. Officials in Sweden have pressed for Norway to open its ports.", "Sweden", "Norway", ["open its ports"]),
        (
            "Sweden met Norway. The deputy head of Sweden's delegation said Norway should reduce its patrols in the region.",
            "Sweden",
            "Norway",
            ["reduce its patrols"],
        ),
        ("Tomas Berg met Liberals in Oslo. The Labour candidate has insisted that Sweden pay for the bridge.", "Tomas Berg", "Sweden", ["pay for the bridge"]),
        # "I" in a quotation is its speaker, in a sentence that names no one
        (
            "Norway and Sweden met on Monday. \u201cWe talked for hours. I will only sign the treaty if Norway drops its whaling quotas. That is final,\u201d Prime Minister Lena Holm said.",
            "Lena Holm",
            "Norway",
            ["drops its whaling quotas"],
        ),
        # "others, including X, urged ...": X among them
        (
            "Finland criticised the ruling. Sweden met Norway. But others, including Finland, are gently urging Sweden to accept the ruling of the court.",
            "Finland",
            "Sweden",
            ["accept the ruling"],
        ),
        # "upon the condition that", hung by the small model on the object of the verb
        ("Senator Maria Pretorius offered to attend the summit upon the condition that Kenya pay for her travel.", "Maria Pretorius", "Kenya", ["pay for her travel"]),
        # pressure promised to last until another acts
        ("Senator Maria Lindqvist vowed to block the budget until the Harbour Party drops its tax plan.", "Maria Lindqvist", "Harbour Party", ["drops its tax plan"]),
        ("Mayor Tom Reyes said he would hold up the permits until the Acme Corporation agrees to pay for the road.", "Tom Reyes", "Acme Corporation", ["pay for the road"]),
        # a finite call after a clause of what may be
        ("Sweden and Norway met. The move may come as no surprise, as Sweden called for a boycott of Norway last year.", "Sweden", None, ["boycott"]),
        # "but only after": the small model coordinates the restricted clause
        ("Senator Maria Lindqvist said she would back the treaty, but only after Norway lifts its fishing quotas.", "Maria Lindqvist", "Norway", ["lifts its fishing quotas"]),
        # who acts in a relative clause does not make the call of the participle after it
        (
            "Mayor Tom Reyes answered a question about the budget by listing the troubles that Norway faces and calling for a national effort to fix them.",
            "Tom Reyes",
            None,
            ["national effort"],
        ),
    ],
)
def test_a_condition_of_each_construction_is_found(facts, text, by, of, summary_words):
    sheet = facts(text)
    assert len(sheet.conditions) == 1, [(c.summary, _name(sheet, c.by)) for c in sheet.conditions]
    condition = sheet.conditions[0]
    assert _name(sheet, condition.by) == by
    if of is not None:
        assert _name(sheet, condition.of) == of
    for word in summary_words:
        assert word.lower() in condition.summary.lower()
    assert condition.evidence[0].text_of(sheet.text) in text


def test_you_must_said_to_a_party_is_a_demand_of_it(facts):
    sheet = facts(
        "Senator Lena Holm questioned the bank chief Tomas Berg on Tuesday. "
        "\u201cYou should resign. You should give back the money you took,\u201d Holm told Berg."
    )
    assert [(_name(sheet, c.by), _name(sheet, c.of)) for c in sheet.conditions] == [("Lena Holm", "Tomas Berg")] * 2
    assert [c.evidence[0].text_of(sheet.text) for c in sheet.conditions] == ["You should resign", "You should give back the money you took"]


def test_each_of_coordinated_demanders_demands_it(facts):
    sheet = facts("Ghana and Togo both called for the summit to be postponed until June.")
    assert sorted(_name(sheet, c.by) for c in sheet.conditions) == ["Ghana", "Togo"]


def test_a_warning_and_an_appeal_in_one_sentence_are_two_conditions(facts):
    sheet = facts("Uganda, Tanzania and Kenya met in Arusha. Kenya warned Uganda not to close the border and urged Tanzania to open its ports.")
    assert sorted((_name(sheet, c.by), _name(sheet, c.of)) for c in sheet.conditions) == [("Kenya", "Tanzania"), ("Kenya", "Uganda")]


@pytest.mark.parametrize(
    "text",
    [
        # durations, not conditions
        "Norway will keep searching for the crew as long as it takes.",
        # no party sets it
        "Prices will rise unless demand for timber falls.",
        "The economy of Norway depends on exports of timber.",
        # a decision on a thing, and an obligation of one's own
        "The committee said the Games must be rescheduled to next year.",
        "Norway said it must cut costs.",
        # "told reporters to expect": the object is no party
        "Norway told reporters to expect delays.",
        # the terms of a deal reached
        "Sweden agreed to buy the jets in return for lower tariffs.",
        # a guess, not a refusal; a fact of the economy; a worry of a threat; an instruction
        "Norway and Sweden met on Monday. Without him on the ticket, the enthusiasm might not be there, Norway said.",
        "Sweden and Norway met on Monday. Norway's prosperity depends on a closer relationship with Sweden.",
        "Regulators worried that if Sweden held up the deal, Volvo could threaten to close its plants.",
        "Norway and Sweden met on Monday. Norway told Sweden what to say.",
        # a verdict with no one to act, an ability, a passive, a refusal offered as hypothesis, a forecast
        "Sweden and Norway met. Everything Norway says is a lie unless proven otherwise, Sweden said.",
        "Sweden and Norway met. Norway can't win the vote without help from the unions.",
        "Sweden and Norway met. Norway's latest provocation cannot be left without consequences.",
        "Sweden and Norway met. Norway said it would not accept Sweden's endorsement if it were offered.",
        "Sweden and Norway met. Sweden said Norway's performance should boost its poll numbers.",
        "Sweden and Norway met. Sweden said immunity deals should not be a requirement for talks.",
        "Sweden and Norway met. Tomas Berg was called a charlatan by doctors for promoting quack cures.",
        "Sweden and Norway met. Norway called Tomas Berg a charlatan for promoting quack cures.",
        "Sweden and Norway met. Norway sees this as the conditions for its workers.",
        # an expert's "should" is commentary
        "Lena Holm, a senior fellow at the Nordic Policy Institute, said Norway should cut its fuel taxes.",
        # a phone call on a day, not a call on someone
        "Norway called Sweden on Friday to thank its firefighters.",
        # the one a threat would hurt does not act
        "Norway will be hurt badly if Sweden does not sign the deal.",
        # a plain "if" with no threat or promised step
        "If Sweden wins the vote, Norway will congratulate it.",
        # a pronoun inside quotation marks names no one the narration knows
        "\u201cThey wanted the tariffs lifted,\u201d said Ola Berg, Norway's trade minister.",
        # an approver's possessor is not the approver
        "If the board backs the plan, Volvo's workforce must then vote on it.",
        # a demand denied, or not made
        "Sweden and Norway met. Sweden has not called for Norway to withdraw its ships.",
        "Sweden and Norway met. Sweden did not demand that Norway withdraw its ships.",
        "Sweden and Norway met. In the end, Sweden did not make a definitive call on which plan is better.",
        # "pushing her to victory": no infinitive follows the one pushed
        "Lena Holm won the vote. Norway turned out in force to support Holm, pushing her to victory despite her continued struggles to attract young women.",
        # "until" with no step of a deal or of talks held back
        'Sweden and Norway met. "Until you have sat at that desk, you don\'t know what it is like," Sweden said.',
        # a view denied, and a view of a state
        "Sweden and Norway met. Sweden does not believe Norway should be immune from criticism.",
        "Sweden and Norway met. Sweden said Norway should be ashamed of its record.",
        # a phone call
        "Sweden and Norway met. Lena Holm took a phone call from Sweden to discuss the deal.",
        # an appeal described, not what it asks; a question; a view of who someone should be; a forecast of a state
        "Sweden and Norway met. Sweden sent out an email fundraising appeal that presaged its poor showing.",
        "Sweden and Norway met. Sweden demanded to know which rival leaked the plan.",
        "Sweden and Norway met. Sweden said Norway should be the president.",
        "Sweden met Norway. Unless further rivals immediately quit the race, it's very difficult to see how Sweden is stopped, Norway said.",
        # the terms of an agreement reached, reported
        "Sweden and Norway met. Under the settlement, Norway must pay a fine of $5bn, Sweden said.",
        "Sweden and Norway met. Sweden said that under the new treaty Norway must close its whaling stations.",
        "Sweden and Norway met. As part of the deal, Sweden will require Norway to close its whaling stations.",
        # a generic "you" in a quotation said to no one
        "Senator Lena Holm spoke to Tomas Berg. \u201cYou have to look at the risks we face abroad,\u201d Holm said.",
        # a forecast in a quotation
        "Norway and Sweden met on Monday. \u201cWe talked for hours. I think prices will rise if Norway drops its quotas. That is final,\u201d Prime Minister Lena Holm said.",
        # to consider a step is no promise of it
        "Sweden and Norway met. And if Norway is the host, Sweden said, it would consider a boycott of the games.",
        # a modal before its subject: a hypothesis or a question, no obligation
        "Sweden and Norway met. Sweden said that should Norway win the vote, the talks would end.",
        'Sweden and Norway met. Sweden asked: "Should Norway pay for the bridge?"',
        # what a party may do one day, no call it made
        "Sweden and Norway met. Sweden could take Norway to court, pushing for an inquiry into the fishing quotas.",
        "Sweden and Norway met. Sweden might call for a vote on the fishing quotas.",
        # the terms of an interview, no demand
        "\u201cIf I was a donor, I'd want answers,\u201d said a prominent Harbour Party member who supports Lindqvist, asking for anonymity to speak freely.",
        # a rumour of conditions, none set
        "Sweden and Norway met. Sweden rejected rumours that Norway might try to lay out some conditions for a peace settlement.",
        # "until" of what lasts, nothing pressed or promised
        "Senator Maria Lindqvist blocked the road until the Harbour Party left.",
        "Senator Maria Lindqvist will stay in the race until the convention opens in July.",
        "Senator Maria Lindqvist backed the treaty, but only after a long debate.",
    ],
)
def test_near_misses_of_the_constructions_are_not_conditions(facts, text):
    sheet = facts(text)
    assert sheet.conditions == [], [(c.summary, _name(sheet, c.by)) for c in sheet.conditions]


@pytest.mark.parametrize("text", ["No deal with Norway unless Sweden pays.", "Tariffs on steel, if Norway agrees."])
def test_a_condition_in_a_verbless_headline_ends(facts, text):
    """A clause of condition under a noun root (a headline-like fragment) once made the search for its verb loop."""

    def too_long(signum, frame):
        raise TimeoutError(text)

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(20)
    try:
        facts(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

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


@pytest.mark.parametrize(
    "text",
    [
        "The tariff was a terrible idea, I want to tell you.",
        "Sweden and Norway met. The old treaty was a disaster, we want to tell you.",
        "Norway worked hard to stop the bridge and I don't blame them, they just don't want to pay for it.",
    ],
)
def test_a_clause_before_want_is_not_what_is_wanted(facts, text):
    """The small model hangs a clause that opens the sentence on a later "want" as its complement; what is wanted
    follows the verb."""
    sheet = facts(text)
    assert not sheet.unread, sheet.unread
    assert not sheet.conditions, [c.summary for c in sheet.conditions]


@pytest.mark.parametrize(
    "text",
    [
        "The Farmers Union called for a ban on imports. Last week, a group of teachers sent a letter to the Farmers Union urging them to reconsider.",
        "The Acme Corporation called for lower taxes. A coalition of nurses then wrote to the Acme Corporation urging it to raise wages.",
    ],
)
def test_an_indefinite_group_is_not_the_organisation_named_before(facts, text):
    """ "a group of teachers ... urging them": someone new, whom no party names, makes this demand."""
    sheet = facts(text)
    assert len(sheet.conditions) == 1, [(c.summary, _name(sheet, c.by)) for c in sheet.conditions]
    assert "urging" not in sheet.conditions[0].evidence[0].text_of(sheet.text)


# Constructions read on real negotiation reports nobody tuned on (round 4): each sentence is invented.
@pytest.mark.parametrize(
    ("text", "by", "of", "evidence_words"),
    [
        # "by demanding": the one who acts through the participle demands.
        ("Chile seeks survival by demanding a permanent truce from Peru.", "Chile", None, ["demanding a permanent truce"]),
        # "will not agree to the release of X without Y": the phrase hangs on the object of the refused step.
        (
            "Chile has said it will not agree to the release of the prisoners without Peru committing to a full truce.",
            "Chile",
            "Peru",
            ["without Peru committing"],
        ),
        # "the demand that Y ...", whose clause the small model hangs on the verb above the noun.
        (
            "The two spoke by telephone discussing the EU demand that Brazil put forward a concrete offer before the official negotiations start.",
            "European Union",
            "Brazil",
            ["demand that Brazil put forward a concrete offer"],
        ),
        # "the movement", "the organization": the organisation named before.
        (
            "The Harbour Movement held a rally in Lima. A spokesman said the movement demands a full review of the pay scales.",
            "Harbour Movement",
            None,
            ["demands a full review"],
        ),
        # "Y must not ..." forbids; "X offered to sign if Y ...": a promise of a step.
        ("Chile and Peru met. Chile said Peru must not build the dam.", "Chile", "Peru", ["must not build the dam"]),
        ("Chile and Peru met. Chile offered to sign the treaty if Peru cut its tariffs.", "Chile", "Peru", ["if Peru cut its tariffs"]),
        # "X said any deal must ...", "the tariffs must be lifted, X said": a condition on a deal, or a measure to undo.
        ("Chile and Peru met in Lima. Chile said any agreement must include the return of all fishing boats.", "Chile", None, ["any agreement must include"]),
        ("Chile and Peru met in Lima. In addition, Chile said, the import tariffs must be lifted.", "Chile", None, ["tariffs must be lifted"]),
        # "X requested (sought) Z from Y", "X is seeking a raise": what another party is to give.
        ("Chile and Peru met. Chile is requesting guarantees from the United Nations that Peru will respect the truce.", "Chile", None, ["requesting guarantees"]),
        ("Chile and Peru met. Peru has sought specific assurances from Chile regarding the release of the sailors.", "Peru", None, ["sought specific assurances"]),
        ("The Harbour Union is seeking smaller classes, more nurses and a 12 per cent raise.", "Harbour Union", None, ["12 per cent raise"]),
        ("Chile and Peru met. Chile requested that Peru delay the vote.", "Chile", "Peru", ["requested that Peru delay the vote"]),
        # What a party says will happen "unless" another acts is its condition (in the narration, a consequence).
        ("Chile and Peru met. Chile said the border will close unless Peru pays its debts.", "Chile", "Peru", ["unless Peru pays its debts"]),
        # "X held out for Z"; "X is seeking Z, an end to W": every thing sought.
        ("Chile and Peru met. Chile is holding out for lower tariffs and other provisions.", "Chile", None, ["holding out for lower tariffs"]),
        (
            "The Harbour Union held a rally. The union is seeking restoration of holiday pay, an end to split shifts for dock jobs.",
            "Harbour Union",
            None,
            ["an end to split shifts"],
        ),
        # "X will reject Z unless Y ...": a refusal with its condition.
        ("Chile and Peru met. Chile will reject the idea of delaying the vote unless Peru first ratifies the fishing treaty.", "Chile", "Peru", ["unless Peru first ratifies"]),
        # "the union" is the organisation named before whose own name holds the noun, not the firm named between.
        (
            "The Harbour Union called a strike at the Acme Corporation. The Acme Corporation said talks would resume on Monday. The union is asking for a significant pay rise.",
            "Harbour Union",
            None,
            ["asking for a significant pay rise"],
        ),
        # "Socialist demands for Z": the members' adjective names the party; "Z, a key Socialist demand": what it renames.
        ("Socialists and Liberals met on Monday. Talks stalled over Socialist demands for lower fuel taxes.", "Socialists", None, ["demands for lower fuel taxes"]),
        (
            "Socialists and Liberals met on Monday. They had made little progress in persuading the Liberals to accept significant cuts to farm subsidies, a key Socialist demand.",
            "Socialists",
            None,
            ["significant cuts to farm subsidies"],
        ),
        # "X want Z" where Z is another's to give; "X want to see Z done".
        ("Liberals and Greens met. The Greens want clean legislation, a pension increase without conditions.", "Greens", None, ["pension increase"]),
        ("Liberals and Greens met. The Greens want to see speed limits added for trucks that use the mountain roads.", "Greens", None, ["speed limits added"]),
        # "it would be conditional on Z", "it" a step named before; "Z must be paired with any W": a measure asked.
        ("Ireland and Malta met. Ireland said a loan would be possible but it would be conditional on a positive vote in parliament.", "Ireland", None, ["conditional on a positive vote"]),
        ("Liberals and Greens met. The Liberals have long said that tax cuts must be paired with any increase in the fuel levy.", "Liberals", None, ["tax cuts must be paired"]),
        # "the union" is also the "... Workers" named before.
        (
            "The Steel Workers called a strike at the Acme Corporation. The Acme Corporation said talks would resume on Monday. The union is asking for a significant pay rise.",
            "Steel Workers",
            None,
            ["asking for a significant pay rise"],
        ),
        # "X wants to guarantee (ensure) that Y ...": an assurance asked of another or of the talks.
        ("Chile and Peru met. Chile wants to guarantee that these talks would lead to the end of the dispute.", "Chile", None, ["guarantee that these talks"]),
        ("Chile and Peru met. Chile wants to ensure that Peru lifts the tariffs.", "Chile", "Peru", ["ensure that Peru lifts the tariffs"]),
        # "could not recommend entering talks until Y ...": a step held back.
        ("Chile and Peru met. Chile said it could not recommend entering full trade talks with Peru until Peru recognized the border.", "Chile", "Peru", ["until Peru recognized the border"]),
        # A sentence of a quotation that asks another party to act, with no verb of saying of its own.
        ('Chile and Peru met in Lima. "Peru must withdraw its ships from the bay. We will not wait forever," Chile said.', "Chile", "Peru", ["Peru must withdraw its ships"]),
        # A non-projective parse ("insisted on X -- an objective that Y reiterated") gives its subtree out of order.
        (
            "Governor Tunde Bakare has insisted on remaining in office — an objective that his deputy reiterated shortly after the vote.",
            "Tunde Bakare",
            None,
            ["insisted on remaining in office"],
        ),
    ],
)
def test_a_demand_of_real_negotiation_reports_is_found(facts, text, by, of, evidence_words):
    sheet = facts(text)
    assert len(sheet.conditions) == 1, [c.summary for c in sheet.conditions]
    condition = sheet.conditions[0]
    assert _name(sheet, condition.by) == by
    if of is not None:
        assert _name(sheet, condition.of) == of
    evidence = condition.evidence[0].text_of(sheet.text)
    assert all(word in evidence for word in evidence_words), evidence


def test_two_demands_sharing_one_verb_are_two_conditions(facts):
    """ "only after Y ... allowed boats in" and "demands that Y allow the villagers to return" share "allow" alone."""
    sheet = facts(
        "Chile said it would free the sailors only after Peru has withdrawn its ships and allowed fishing boats into the bay. "
        "In addition, Chile demands that Peru allow the displaced villagers to return to their homes."
    )
    assert len(sheet.conditions) == 2, [c.summary for c in sheet.conditions]


@pytest.mark.parametrize(
    "text",
    [
        # The terms of a proposal are no one's demand.
        "Under the proposal, Chile would release ten sailors in exchange for Peruvian prisoners.",
        # What a condition is for ("to end the dispute"), or what became of it, is not what it asks.
        "Chile and Peru met in Lima. Chile's conditions to end the dispute include non-starters for Peru.",
        "Chile and Peru met. Peru appeared to suggest an end to the fighting would rely on three conditions being accepted by Chile.",
        # A demand called an ultimatum is a view of another's demand.
        "Peru's conditions were an ultimatum that cannot be accepted, Chile claimed.",
        # "unless" before a consequence no party chooses; "if the talks collapse": a plan for a failure.
        "Unless the Assembly passes a bill before midnight, the government will partially close.",
        "Chile is ready to ramp up pressure on Peru if the talks collapse.",
        # A goal of one's own, or the terms of an interview, is sought of no one.
        "Chile seeks survival in a hostile region.",
        "Chile and Peru met. Chile has requested that different cabinet ministries come up with specific expectations.",
        # "must" of a guess.
        'Chile and Peru met in Lima. "Peru must be feeling the pressure. We will not wait forever," Chile said.',
        "Chile and Peru met in Lima. Chile said Peru must have known about the ships.",
        "Chile and Peru met. Chile wants to ensure that its farmers are paid on time.",
        "Ireland and Malta met. The weather was fine but it was conditional on the wind.",
        "Chile wants a seat at the table.",
        "Liberals and Greens met. He wants to see this done as soon as possible.",
        # A market's demand for a good.
        "Chile and Peru met. Chilean demand for copper rose.",
        "Chile held out the hope of a deal for Peru.",
        "Peru is seeking to expand its ports.",
        "Chile and Peru met. A Chilean diplomat, who requested anonymity, said the talks went well.",
        # Read on political news: what need not be done, what one needs to know, a forecast with "offers", an event
        # ("if that happens"), an outcome ("end up").
        'Chile and Peru met. "You don\'t have to share my faith to share my disgust," Chile told Peru.',
        "Chile and Peru met. Chile said Peru needs to know that there are consequences to leaving.",
        "Chile and Peru met. If Peru moderates its rhetoric, Chile offers voters what they want most.",
        "Chile and Peru met. If that happens, Chile will sign the treaty.",
        "Chile and Peru met. If the vote is close, Chile will almost certainly end up passing a different tax bill.",
        # Talks that must go on are a hope; terms of a deal reached are no demand.
        "Chile and Peru met in Lima. Chile said the talks must continue.",
        "Chile and Peru met in Lima. Under the deal, Chile said, the tariffs must be lifted by May.",
    ],
)
def test_what_asks_nothing_of_anyone_is_not_a_condition(facts, text):
    sheet = facts(text)
    assert sheet.conditions == [], [(c.summary, _name(sheet, c.by)) for c in sheet.conditions]


def test_conditions_said_to_be_set_beside_a_stated_demand_are_that_demand(facts):
    """ "X set out its conditions" a sentence after X's stated demand adds evidence to it; alone it stays a condition."""
    sheet = facts("Sweden said it would not sign the treaty until Norway ended its whaling. Sweden set out its conditions for an extension.")
    assert len(sheet.conditions) == 1, [c.summary for c in sheet.conditions]
    assert len(sheet.conditions[0].evidence) == 2


def test_lawmakers_do_not_speak_for_their_country(facts):
    """ "U.K. lawmakers called for ...": members of a legislature are not their country's government."""
    sheet = facts("Chile and the United Kingdom met. Several U.K. lawmakers have called for further action in the wake of the settlement.")
    assert all(_name(sheet, c.by) != "United Kingdom" for c in sheet.conditions), [(c.summary, _name(sheet, c.by)) for c in sheet.conditions]
