"""Deals across articles (generator/deals.py): which agreement mentions of different articles are one deal.

The sheets here are built by hand from invented sentences (made-up countries, firms and places), so the grouping is
tested apart from extraction; tests/fixtures/deals/ holds invented articles for the end-to-end test, through
extraction, and for the benchmark (benchmarks/deals.py).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from benchmarks.deals import read_gold, score
from generator.build import BuildReport, build, read_site_corrections, site_deal_edits
from generator.config import Settings
from generator.corrections import CorrectionsError, SiteCorrections, deal_edits
from generator.deals import group_deals, sentence_around
from generator.model import Agreement, AgreementStatus, ArticleMeta, Commentary, Condition, FactSheet, Party, PartyKind, Site, Span
from generator.render import render_site
from generator.slugs import slugify

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "deals"
SETTINGS = Settings(templates_dir=ROOT / "templates")

KINDS = {"Velmora": PartyKind.country, "Kastria": PartyKind.country, "Olvenia": PartyKind.country, "Dunmark": PartyKind.country}


def sheet(
    article_id: str,
    published: dt.date | None,
    *agreements: tuple[str, list[str], AgreementStatus],
    text: str | None = None,
    party_ids: dict[str, str] | None = None,
) -> FactSheet:
    """A fact sheet whose text is the agreements' sentences; each agreement (sentence, party names, status) has its
    sentence as evidence. `party_ids`: ids other than the slug of the name, as another article's resolution gives."""
    body = text or " ".join(sentence for sentence, _, _ in agreements)
    names = sorted({name for _, parties, _ in agreements for name in parties})
    ids = {name: (party_ids or {}).get(name, slugify(name)) for name in names}
    parties = [Party(id=ids[name], name=name, kind=KINDS.get(name, PartyKind.organization)) for name in names]
    facts = []
    for number, (sentence, party_names, status) in enumerate(agreements, start=1):
        start = body.index(sentence)
        facts.append(
            Agreement(
                id=f"a{number}",
                summary=sentence.rstrip("."),
                parties=[ids[name] for name in party_names],
                status=status,
                evidence=[Span(start=start, end=start + len(sentence))],
            )
        )
    meta = ArticleMeta(id=article_id, title=article_id.replace("-", " "), source=f"seeds/{article_id}.md", published=published)
    return FactSheet(article=meta, text=body, parties=parties, agreements=facts)


S = AgreementStatus
QUOTA = [
    sheet("quota-signed", dt.date(2026, 3, 19), ("Velmora and Kastria signed the Sorrel Bay fishing quota pact in Halvik.", ["Velmora", "Kastria"], S.signed)),
    sheet("quota-proposed", dt.date(2026, 1, 12), ("Velmora proposed a pact with Kastria to share fishing quotas in Sorrel Bay.", ["Velmora", "Kastria"], S.proposed)),
    sheet("quota-walkout", dt.date(2026, 6, 2), ("Velmora walked away from the Sorrel Bay fishing quota pact with Kastria.", ["Velmora", "Kastria"], S.withdrawn)),
    sheet("quota-tentative", dt.date(2026, 2, 20), ("Velmora and Kastria reached a tentative deal on Sorrel Bay fishing quotas.", ["Velmora", "Kastria"], S.tentative)),
    sheet("quota-approved", dt.date(2026, 3, 5), ("Kastria's parliament approved the Sorrel Bay fishing quota deal with Velmora.", ["Kastria", "Velmora"], S.approved)),
]
# Other deals, so that the words of the quota pact are rare among the site's mentions, as among many articles.
OTHERS = [
    sheet("dairy", dt.date(2026, 2, 2), ("Brightwell Foods agreed to buy Tamsin Dairies for 900 million crowns.", ["Brightwell Foods", "Tamsin Dairies"], S.agreed)),
    sheet("docks", dt.date(2026, 4, 22), ("Dock workers ratified a new contract with the Halvik Port Authority.", ["Halvik Port Authority"], S.ratified)),
    sheet("rail", dt.date(2026, 2, 25), ("Velmora and Kastria agreed to build a rail link across the Tarn river.", ["Velmora", "Kastria"], S.agreed)),
]


def mentions_of(deal) -> list[str]:
    return [f"{event.article}:{event.agreement}" for event in deal.timeline]


def deal_with(deals, article: str):
    return next(deal for deal in deals if article in {event.article for event in deal.timeline})


def test_one_deal_followed_across_articles_is_one_deal_in_date_order():
    deals = group_deals(QUOTA + OTHERS)
    quota = deal_with(deals, "quota-signed")
    assert mentions_of(quota) == ["quota-proposed:a1", "quota-tentative:a1", "quota-approved:a1", "quota-signed:a1", "quota-walkout:a1"]
    assert [event.status for event in quota.timeline] == [S.proposed, S.tentative, S.approved, S.signed, S.withdrawn]
    assert quota.status == S.withdrawn  # the latest article's
    assert quota.id == "quota-proposed-a1" and quota.parties == ["Velmora", "Kastria"]
    assert quota.timeline[2].evidence == "Kastria's parliament approved the Sorrel Bay fishing quota deal with Velmora."


def test_a_step_of_the_timeline_quotes_the_sentence_that_gives_its_status():
    """The status may be told sentences after the deal is named: the timeline quotes those words, not the naming."""
    text = "Velmora and Kastria agreed on a Sorrel Bay fishing quota pact. Kastria's senate ratified it on Tuesday."
    ratified = sheet("quota-ratified", dt.date(2026, 3, 9), ("Velmora and Kastria agreed on a Sorrel Bay fishing quota pact.", ["Velmora", "Kastria"], S.ratified), text=text)
    words = text.index("ratified it")
    ratified.agreements[0].status_evidence = Span(start=words, end=words + len("ratified"))
    quota = deal_with(group_deals([*QUOTA, ratified, *OTHERS]), "quota-ratified")
    event = next(event for event in quota.timeline if event.article == "quota-ratified")
    assert event.status == S.ratified and event.evidence == "Kastria's senate ratified it on Tuesday."


def test_a_deal_keeps_its_id_as_later_articles_join_it():
    early = deal_with(group_deals(QUOTA[1:2] + QUOTA[3:4] + OTHERS), "quota-tentative")
    later = deal_with(group_deals(QUOTA + OTHERS), "quota-tentative")
    assert early.id == later.id == "quota-proposed-a1" and len(early.timeline) == 2


def test_different_deals_between_the_same_parties_stay_apart():
    power = sheet("power", dt.date(2026, 4, 10), ("Velmora and Kastria signed a pact under which the Orlen dam will export hydropower.", ["Velmora", "Kastria"], S.signed))
    deals = group_deals(QUOTA + OTHERS + [power])
    assert mentions_of(deal_with(deals, "rail")) == ["rail:a1"]
    assert mentions_of(deal_with(deals, "power")) == ["power:a1"]
    assert len(deal_with(deals, "quota-signed").timeline) == 5


@pytest.mark.parametrize(
    "near_miss",
    [
        # The same kind of deal, with the same words, with another counterpart.
        sheet("olvenia", dt.date(2026, 5, 14), ("Kastria and Olvenia signed a deal to share fishing quotas in Sorrel Bay.", ["Kastria", "Olvenia"], S.signed)),
        sheet("dunmark", dt.date(2026, 3, 1), ("Velmora and Dunmark reached a tentative deal on Sorrel Bay fishing quotas.", ["Velmora", "Dunmark"], S.tentative)),
        # The same words between other parties altogether.
        sheet("trawlers", dt.date(2026, 3, 2), ("The Trawler Guild and the Net Makers Union signed a Sorrel Bay fishing quota pact.", ["Trawler Guild", "Net Makers Union"], S.signed)),
        # Another kind of deal: a settlement is not a quota pact, though the words are alike.
        sheet("lawsuit", dt.date(2026, 4, 1), ("Velmora and Kastria reached a settlement of the Sorrel Bay fishing quota lawsuit.", ["Velmora", "Kastria"], S.agreed)),
        # Over a year later: another pact of the same name.
        sheet("renewal", dt.date(2027, 6, 19), ("Velmora and Kastria signed the Sorrel Bay fishing quota pact in Halvik.", ["Velmora", "Kastria"], S.signed)),
        # Months after the pact was abandoned, a proposal in its words: the next round, another deal.
        sheet("next-round", dt.date(2026, 9, 1), ("Velmora proposed a new Sorrel Bay fishing quota pact to Kastria.", ["Velmora", "Kastria"], S.proposed)),
        # No party named: nothing to say it is their deal.
        sheet("unnamed", dt.date(2026, 3, 20), ("The Sorrel Bay fishing quota pact was signed in Halvik.", [], S.signed)),
    ],
    ids=lambda s: s.article.id,
)
def test_near_misses_stay_apart(near_miss):
    deals = group_deals(QUOTA + OTHERS + [near_miss])
    assert mentions_of(deal_with(deals, near_miss.article.id)) == [f"{near_miss.article.id}:a1"]


def test_two_agreements_of_one_article_never_join_one_deal():
    both = sheet(
        "both",
        dt.date(2026, 3, 25),
        ("Velmora and Kastria signed the Sorrel Bay fishing quota pact.", ["Velmora", "Kastria"], S.signed),
        ("Velmora and Kastria ratified the Sorrel Bay fishing quota pact.", ["Velmora", "Kastria"], S.ratified),
    )
    deals = group_deals(QUOTA + OTHERS + [both])
    assert len({deal.id for deal in deals if "both" in {e.article for e in deal.timeline}}) == 2


def test_parties_match_by_name_when_articles_give_them_other_ids():
    renamed = sheet(
        "quota-signed",
        dt.date(2026, 3, 19),
        ("Velmora and Kastria signed the Sorrel Bay fishing quota pact in Halvik.", ["Velmora", "Kastria"], S.signed),
        party_ids={"Velmora": "republic-of-velmora", "Kastria": "kastria-2"},
    )
    deals = group_deals([renamed, *QUOTA[1:], *OTHERS])
    assert len(deal_with(deals, "quota-signed").timeline) == 5


def test_undated_articles_come_last_and_do_not_set_the_status():
    undated = sheet("quota-undated", None, ("Velmora and Kastria reached a tentative deal on the Sorrel Bay fishing quotas.", ["Velmora", "Kastria"], S.tentative))
    quota = deal_with(group_deals(QUOTA + OTHERS + [undated]), "quota-undated")
    assert mentions_of(quota)[-1] == "quota-undated:a1" and quota.status == S.withdrawn


def test_editor_merges_and_splits_deals():
    corrections = SiteCorrections.model_validate(
        {
            "deals": {
                "merge": [["rail: build a rail link", "docks: ratified a new contract"]],
                "split": [["quota-walkout: walked away"]],
            }
        }
    )
    sheets = QUOTA + OTHERS
    deals = group_deals(sheets, deal_edits(sheets, corrections))
    assert mentions_of(deal_with(deals, "rail")) == ["rail:a1", "docks:a1"] and deal_with(deals, "rail").edited
    assert mentions_of(deal_with(deals, "quota-walkout")) == ["quota-walkout:a1"]
    assert len(deal_with(deals, "quota-signed").timeline) == 4


def test_editor_splits_two_mentions_apart():
    corrections = SiteCorrections.model_validate({"deals": {"split": [["quota-signed: signed the Sorrel", "quota-walkout: walked away"]]}})
    sheets = QUOTA + OTHERS
    deals = group_deals(sheets, deal_edits(sheets, corrections))
    assert deal_with(deals, "quota-signed").id != deal_with(deals, "quota-walkout").id


@pytest.mark.parametrize(
    ("deals", "reason"),
    [
        ({"merge": [["nowhere: signed the pact", "rail: build a rail link"]]}, "no article 'nowhere'"),
        ({"merge": [["rail: words not in the article", "docks: ratified"]]}, "no agreement of 'rail' has 'words not in the article'"),
        ({"split": [["rail build a rail link"]]}, "is not ARTICLE-ID: words of its evidence"),
        ({"merge": [["rail: rail link", "docks: ratified"]], "split": [["rail: rail link", "docks: ratified"]]}, "both merged and split"),
    ],
)
def test_editor_corrections_that_cannot_apply_say_why(deals, reason):
    with pytest.raises(CorrectionsError) as error:
        deal_edits(QUOTA + OTHERS, SiteCorrections.model_validate({"deals": deals}))
    assert any(reason in line for line in error.value.reasons), error.value.reasons


def test_unreadable_corrections_join_nothing():
    assert all(len(deal.timeline) == 1 for deal in group_deals(QUOTA + OTHERS, None))


@pytest.mark.parametrize(
    ("text", "words", "sentence"),
    [
        ("Talks ended. Velmora signed the pact on Friday. Kastria did not.", "signed the pact", "Velmora signed the pact on Friday."),
        ("Kastria said: “We signed.” Then it left.", "We signed", "Kastria said: “We signed.”"),
        ("First line\nVelmora walked away", "walked away", "Velmora walked away"),
        ("Talks ended. Mr. Brell of the U.S. signed the pact. Then he left.", "signed the pact", "Mr. Brell of the U.S. signed the pact."),
        ("Ties frayed. Velmora's J. K. Orrin signed it. Kastria did not.", "signed it", "Velmora's J. K. Orrin signed it."),
    ],
)
def test_the_sentence_around_the_words(text, words, sentence):
    start = text.index(words)
    assert sentence_around(text, Span(start=start, end=start + len(words))) == sentence


def test_deal_page_has_the_timeline_in_date_order_and_what_surrounds_it():
    signed = QUOTA[0].model_copy(deep=True)
    text = signed.text + " Kastria insists that Velmora report every catch. “Quotas hold only if counted,” said analyst Ines Roth."
    signed.text = text
    analyst = Party(id="ines-roth", name="Ines Roth", kind=PartyKind.person)
    signed.parties.append(analyst)
    demand = text.index("Kastria insists")
    signed.conditions = [Condition(id="c1", by="kastria", of="velmora", summary="Velmora reports every catch", agreement="a1", evidence=[Span(start=demand, end=demand + 48)])]
    comment = text.index("“Quotas")
    signed.commentary = [Commentary(id="e1", expert="ines-roth", text="Quotas hold only if counted", evidence=[Span(start=comment, end=comment + 30)])]
    pages = render_site([signed, *QUOTA[1:], *OTHERS], SETTINGS)
    page = pages["deals/quota-proposed-a1.md"]
    order = [page.index(f"articles/{article}.md") for article in ("quota-proposed", "quota-tentative", "quota-approved", "quota-signed", "quota-walkout")]
    assert order == sorted(order)
    assert page.index("2026-01-12") < page.index("2026-06-02")
    assert "Velmora reports every catch" in page and "Ines Roth" in page
    assert "Kastria's parliament approved" in page and "exclude" not in page.split("---")[1]
    assert "search:\n  exclude: true" in pages["deals/rail-a1.md"]  # one article's: its fact sheet is found instead
    # The tracker lists the deal once, with its latest status; each fact sheet links to the deal's page.
    tracker = pages["agreements.md"]
    assert tracker.count("deals/quota-proposed-a1.md") == 1 and "fs-status--withdrawn" in tracker
    assert "(../deals/quota-proposed-a1.md)" in pages["articles/quota-walkout.md"]
    site = Site.model_validate_json(pages["facts.json"])
    quota = next(deal for deal in site.deals if deal.id == "quota-proposed-a1")
    assert [event.date for event in quota.timeline] == sorted(event.date for event in quota.timeline)
    data = json.loads(pages["facts.json"])["deals"][0]
    assert {"id", "summary", "parties", "status", "timeline"} <= set(data)
    assert {"article", "date", "status", "evidence"} <= set(data["timeline"][0])


def test_invented_articles_about_one_deal_build_one_deal_page(tmp_path):
    """Through extraction: the fixture articles, built; the quota pact has one page, its near misses others."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES, seeds, ignore=shutil.ignore_patterns("*.tsv"))
    settings = Settings(seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache", jobs=1)
    report = build(settings)
    assert not report.failed, report.problems
    site = Site.model_validate_json((tmp_path / "docs/facts/facts.json").read_bytes())
    quota = deal_with(site.deals, "quota-signed")
    articles = [event.article for event in quota.timeline]
    assert len(articles) >= 3 and {"rail-link", "power-exports", "olvenia-quotas", "dunmark-quotas"}.isdisjoint(articles)
    assert [event.date for event in quota.timeline] == sorted(event.date for event in quota.timeline)
    # Each step of the timeline has the status its own article gives; the deal, the latest article's.
    agreements = {(sheet.article.id, agreement.id): agreement for sheet in report.sheets for agreement in sheet.agreements}
    assert [event.status for event in quota.timeline] == [agreements[event.article, event.agreement].status for event in quota.timeline]
    assert len({event.status for event in quota.timeline}) > 1 and quota.status == quota.timeline[-1].status
    page = (tmp_path / f"docs/facts/deals/{quota.id}.md").read_text("utf-8")
    assert page.index("articles/quota-tentative.md") < page.index("articles/quota-signed.md")
    gold, problems = read_gold(FIXTURES / "gold-deals.tsv", report.sheets)
    assert not problems
    measured = score(gold, report.sheets)
    assert measured["precision"] == 1.0 and measured["recall"] >= 0.4, measured



def test_warm_builds_follow_articles_joining_a_deal_and_the_editors_corrections(tmp_path):
    """Deals are found across articles, after the page cache: a later article joining a deal, or a site corrections
    file splitting one, changes the deal page and every fact sheet linking to it, as a build from scratch would."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("quota-tentative.md", "quota-signed.md", "rail-link.md", "dairy-takeover.md"):
        shutil.copy(FIXTURES / name, seeds / name)
    settings = Settings(seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache", jobs=1)

    def assert_as_built_afresh() -> None:
        report = build(settings)
        assert not report.failed, report.problems
        edits = site_deal_edits(seeds, report.sheets, read_site_corrections(seeds, BuildReport()), BuildReport())
        for path, page in render_site(report.sheets, settings, deal_edits=edits).items():
            assert (settings.generated_dir / path).read_text("utf-8") == page, path

    build(settings)
    shutil.copy(FIXTURES / "quota-abandoned.md", seeds / "quota-abandoned.md")
    assert_as_built_afresh()
    assert "followed in 3 articles" in (settings.generated_dir / "articles/quota-signed.md").read_text("utf-8")
    (seeds / "corrections.yml").write_text("deals:\n  split:\n    - ['quota-abandoned: quota pact with Kastria']\n", encoding="utf-8")
    assert_as_built_afresh()
    assert "followed in 2 articles" in (settings.generated_dir / "articles/quota-signed.md").read_text("utf-8")


def test_a_site_corrections_file_that_cannot_apply_is_an_error_and_joins_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("quota-tentative.md", "quota-signed.md"):
        shutil.copy(FIXTURES / name, seeds / name)
    (seeds / "corrections.yml").write_text("deals:\n  merge:\n    - ['nowhere: a deal']\n", encoding="utf-8")
    settings = Settings(seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache", jobs=1)
    report = build(settings)
    assert [str(problem) for problem in report.problems] == [f"error: {seeds / 'corrections.yml'}: deals: merge[0]: no article 'nowhere'"]
    site = Site.model_validate_json((settings.generated_dir / "facts.json").read_bytes())
    assert all(len(deal.timeline) == 1 for deal in site.deals)
