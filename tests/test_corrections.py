"""Editors' corrections: rename, merge, drop and add, applied to a fact sheet written for the test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.build import build
from generator.cli import app
from generator.config import Settings

from generator.corrections import (
    Corrections,
    CorrectionsError,
    apply_corrections,
    corrections_path,
    load_corrections,
    load_site_corrections,
    locate,
    orphan_corrections,
)
from generator.model import Agreement, ArticleMeta, Commentary, Condition, FactSheet, Party, PartyKind, Quote, Span

TEXT = (
    "Ruritania and Freedonia agreed to a 30-day truce on Monday, the Ruritanian foreign ministry said.\n"
    'Freedonia insisted that Ruritania withdraw its troops first. "We will not wait forever," said Anna Berg.\n'
    "Marek Novak, a professor at the Institute of Peace Studies, said the truce was fragile.\n"
    "Officials in Zenda said the capital welcomed the deal.\n"
    "Lena Ortiz, an economist at the Bank of Zenda, said the deal would lift trade, The Zenda Courier reported."
)


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start=start, end=start + len(text))


@pytest.fixture
def sheet() -> FactSheet:
    return FactSheet(
        article=ArticleMeta(id="truce", title="Truce agreed", source="seeds/truce.txt"),
        text=TEXT,
        parties=[
            Party(id="ruritania", name="Ruritania", kind=PartyKind.country, mentions=[span("Ruritania"), span("Ruritania", 1)]),
            Party(id="freedonia", name="Freedonia", kind=PartyKind.country, mentions=[span("Freedonia"), span("Freedonia", 1)]),
            Party(id="zenda", name="Zenda", kind=PartyKind.country, mentions=[span("Zenda")]),
            Party(id="berg", name="Berg", kind=PartyKind.person, aliases=["Anna Berg"], mentions=[span("Anna Berg")]),
            Party(id="marek-novak", name="Marek Novak", kind=PartyKind.person, mentions=[span("Marek Novak")]),
            Party(id="the-zenda-courier", name="The Zenda Courier", kind=PartyKind.organization, mentions=[span("The Zenda Courier")]),
        ],
        agreements=[
            Agreement(
                id="a1",
                summary="30-day truce",
                parties=["ruritania", "freedonia", "zenda"],
                duration="30-day",
                evidence=[span("Ruritania and Freedonia agreed to a 30-day truce on Monday")],
            )
        ],
        conditions=[
            Condition(
                id="c1",
                by="freedonia",
                of="ruritania",
                summary="withdraw troops",
                agreement="a1",
                evidence=[span("Freedonia insisted that Ruritania withdraw its troops first.")],
            )
        ],
        quotes=[Quote(id="q1", speaker="zenda", text="We will not wait forever,", evidence=span("We will not wait forever,"))],
        commentary=[
            Commentary(
                id="e1",
                expert="marek-novak",
                credentials="professor",
                text="the truce was fragile",
                evidence=[span("said the truce was fragile")],
            )
        ],
    )


def correct(sheet: FactSheet, data: dict) -> FactSheet:
    corrected, warnings = apply_corrections(sheet, Corrections.model_validate(data))
    assert warnings == []
    return corrected


def reasons(sheet: FactSheet, data: dict) -> list[str]:
    with pytest.raises(CorrectionsError) as caught:
        apply_corrections(sheet, Corrections.model_validate(data))
    return caught.value.reasons


def test_no_corrections_change_nothing(sheet):
    assert correct(sheet, {}) == sheet


def test_the_input_sheet_is_left_as_it_was(sheet):
    before = sheet.model_copy(deep=True)
    correct(sheet, {"rename": {"Berg": "Anna Berg"}, "drop": {"quotes": ["We will not wait"]}})
    assert sheet == before


def test_rename_a_party_by_an_alias_moves_every_reference(sheet):
    corrected = correct(sheet, {"rename": {"anna berg": "Anna Berg"}})
    party = corrected.party("anna-berg")
    assert party is not None and party.name == "Anna Berg" and party.edited
    assert party.aliases == ["Berg"]
    assert corrected.party("berg") is None


def test_rename_repoints_the_facts_that_name_the_party(sheet):
    corrected = correct(sheet, {"rename": {"Zenda": "Kingdom of Zenda"}})
    assert corrected.quotes[0].speaker == "kingdom-of-zenda"
    assert "kingdom-of-zenda" in corrected.agreements[0].parties
    assert not corrected.quotes[0].edited, "following a renamed party is not a change of the fact"


def test_rename_to_the_name_of_another_party_asks_for_a_merge(sheet):
    assert reasons(sheet, {"rename": {"Zenda": "Ruritania"}}) == ["rename: Zenda: 'Ruritania' is already a party; merge the two instead"]


def test_merge_parties_into_one(sheet):
    corrected = correct(sheet, {"merge": {"Ruritania": ["Zenda"]}})
    assert [p.id for p in corrected.parties] == ["ruritania", "freedonia", "berg", "marek-novak", "the-zenda-courier"]
    ruritania = corrected.party("ruritania")
    assert ruritania.edited and ruritania.aliases == ["Zenda"]
    assert span("Zenda") in ruritania.mentions and ruritania.mentions == sorted(ruritania.mentions, key=lambda m: m.start)
    assert corrected.agreements[0].parties == ["ruritania", "freedonia"], "no party twice in one agreement"
    assert corrected.quotes[0].speaker == "ruritania"


def test_drop_a_party_removes_it_from_every_fact(sheet):
    corrected = correct(sheet, {"drop": {"parties": ["Zenda", "Marek Novak"]}})
    assert corrected.party("zenda") is None
    assert corrected.agreements[0].parties == ["ruritania", "freedonia"] and corrected.agreements[0].edited
    assert corrected.quotes[0].speaker is None and corrected.quotes[0].edited
    assert corrected.commentary == [], "commentary without its expert is dropped with the expert"


@pytest.mark.parametrize(
    ("kind", "quote"),
    [
        ("agreements", "agreed to a 30-day truce"),
        ("conditions", "withdraw its troops"),
        ("quotes", "not wait forever"),
        ("commentary", "the truce was fragile"),
    ],
)
def test_drop_a_fact_by_a_quote_from_its_evidence(sheet, kind, quote):
    corrected = correct(sheet, {"drop": {kind: [quote]}})
    assert getattr(corrected, kind) == []
    untouched = {"agreements", "conditions", "quotes", "commentary"} - {kind, "conditions" if kind == "agreements" else kind}
    for other in untouched:
        assert getattr(corrected, other) == getattr(sheet, other)


def test_dropping_an_agreement_unlinks_its_conditions(sheet):
    corrected = correct(sheet, {"drop": {"agreements": ["30-day truce"]}})
    assert corrected.conditions[0].agreement is None and corrected.conditions[0].edited


def test_a_drop_that_finds_no_fact_is_a_warning(sheet):
    _, warnings = apply_corrections(sheet, Corrections.model_validate({"drop": {"quotes": ["Officials in Zenda"]}}))
    assert warnings == ["drop: quotes: no quotes at 'Officials in Zenda' (nothing left to drop)"]


def test_add_a_party_finds_its_mentions(sheet):
    corrected = correct(sheet, {"add": {"parties": [{"name": "Institute of Peace Studies", "kind": "organization", "aliases": ["Institute"]}]}})
    party = corrected.party("institute-of-peace-studies")
    assert party.edited and party.kind == PartyKind.organization
    assert party.mentions == [span("Institute of Peace Studies")], "an alias inside the full name is one mention"


def test_add_one_fact_of_each_kind_with_evidence_located_in_the_text(sheet):
    corrected = correct(
        sheet,
        {
            "add": {
                "parties": [{"name": "Ruritanian foreign ministry", "kind": "organization"}],
                "agreements": [{"summary": "capital welcomes the deal", "parties": ["Zenda"], "evidence": "the capital welcomed the deal"}],
                "conditions": [{"by": "Freedonia", "of": "Ruritania", "summary": "troops out", "agreement": "30-day truce", "evidence": ["withdraw its troops first"]}],
                "quotes": [{"speaker": "Anna Berg", "evidence": "“We will not   wait forever,”"}],
                "commentary": [{"expert": "Marek Novak", "affiliation": "Institute of Peace Studies", "evidence": "the truce was fragile"}],
            }
        },
    )
    agreement = corrected.agreements[-1]
    assert (agreement.id, agreement.parties, agreement.edited) == ("a2", ["zenda"], True)
    assert agreement.evidence == [span("the capital welcomed the deal")]
    condition = corrected.conditions[-1]
    assert (condition.id, condition.by, condition.of, condition.agreement) == ("c2", "freedonia", "ruritania", "a1")
    quote = corrected.quotes[-1]
    assert (quote.id, quote.speaker, quote.edited) == ("q2", "berg", True)
    assert quote.text == '"We will not wait forever,"', "curly marks and spacing of the editor's copy are matched"
    comment = corrected.commentary[-1]
    assert (comment.id, comment.expert, comment.text) == ("e2", "marek-novak", "the truce was fragile")
    assert corrected.party("ruritanian-foreign-ministry").mentions == [span("Ruritanian foreign ministry")]


# The example of the README's "Correcting a fact sheet", for the article of the `sheet` fixture.
README_EXAMPLE = """\
rename:                  # a party (by name, alias or id): its new name; the old name stays an alias
  Berg: Anna Berg
merge:                   # a party: the parties that are really the same actor
  Ruritania: [Zenda]
drop:
  parties:               # by name (an alias: just that name and its mentions)
    - The Zenda Courier
  quotes:                # facts by some words of their evidence
    - We will not wait forever
add:                     # evidence: words copied from the article text
  parties:
    - name: Lena Ortiz
      kind: person       # person, country, organization or group
      title: Dr.
  agreements:
    - summary: the capital welcomes the truce
      parties: [Ruritania]
      status: agreed     # proposed, under negotiation, tentative, agreed, signed, approved, ratified, in force,
                         # suspended, rejected, collapsed or withdrawn
      evidence: the capital welcomed the deal
  conditions:
    - by: Freedonia
      of: Ruritania
      summary: Ruritania withdraws its troops first
      agreement: agreed to a 30-day truce   # optional: words of the evidence of the agreement it gates
      evidence: Freedonia insisted that Ruritania withdraw its troops first.
  quotes:
    - speaker: Anna Berg
      evidence: “We will not wait forever,”
  commentary:
    - expert: Lena Ortiz
      credentials: economist
      affiliation: Bank of Zenda
      evidence: said the deal would lift trade
"""


def test_the_readme_example_applies(sheet, tmp_path):
    path = tmp_path / "truce.corrections.yml"
    path.write_text(README_EXAMPLE, encoding="utf-8")
    corrected = correct(sheet, load_corrections(path).model_dump())
    assert [p.name for p in corrected.parties] == ["Ruritania", "Freedonia", "Anna Berg", "Marek Novak", "Lena Ortiz"]
    assert [(q.speaker, q.text) for q in corrected.quotes] == [("anna-berg", '"We will not wait forever,"')]
    assert [c.agreement for c in corrected.conditions] == ["a1", "a1"]
    assert (corrected.agreements[-1].id, corrected.commentary[-1].expert) == ("a2", "lena-ortiz")


def test_every_problem_is_reported_at_once(sheet):
    found = reasons(
        sheet,
        {
            "rename": {"Nobody": "Somebody"},
            "drop": {"quotes": ["words nobody wrote"]},
            "add": {
                "parties": [{"name": "Atlantis", "kind": "country"}, {"name": "Anna Berg", "kind": "person"}],
                "quotes": [{"speaker": "Berg", "evidence": "words nobody said"}],
                "conditions": [{"by": "Freedonia", "summary": "x", "agreement": "Officials in Zenda", "evidence": "withdraw"}],
            },
        },
    )
    assert found == [
        "rename: Nobody: no party named 'Nobody' (parties: Ruritania, Freedonia, Zenda, Berg, Marek Novak, The Zenda Courier)",
        "drop: quotes: 'words nobody wrote' is not in the article text",
        "add: parties[0]: neither 'Atlantis' nor its aliases are in the article text",
        "add: parties[1]: 'Anna Berg' is already the party 'Berg'; rename or merge it instead",
        "add: conditions[0]: no agreement has 'Officials in Zenda' in its evidence",
        "add: quotes[0]: 'words nobody said' is not in the article text",
    ]


def test_locate_prefers_the_exact_text_and_allows_other_white_space():
    assert locate("a  b\nc", "b c") == Span(start=3, end=6)
    assert locate("say 'yes' or \u2018yes\u2019", "\u2018yes\u2019") == Span(start=13, end=18)
    assert locate("text", "   ") is None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.corrections.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_a_corrections_file(tmp_path):
    path = write(tmp_path, "rename:\n  Berg: Anna Berg\ndrop:\n  quotes:\n    - not wait forever\n")
    assert load_corrections(path) == Corrections(rename={"Berg": "Anna Berg"}, drop={"quotes": ["not wait forever"]})
    assert load_corrections(write(tmp_path, "# nothing yet\n")) == Corrections()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("rename: [unclosed\n", "not valid YAML: expected ',' or ']', but got '<stream end>' (line 2)"),
        ("- a list\n", "expected a mapping with any of: rename, merge, drop, add"),
        ("renam:\n  a: b\n", "renam: Extra inputs are not permitted"),
        ("add:\n  quotes:\n    - speaker: A\n", "add.quotes[0].evidence: Field required"),
        ("add:\n  parties:\n    - name: A\n      kind: planet\n", "add.parties[0].kind: Input should be 'person', 'country', 'organization' or 'group'"),
        ("!!python/object:os.system\n", "not valid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system' (line 1)"),
    ],
)
def test_a_bad_corrections_file_gives_a_clear_reason(tmp_path, text, reason):
    with pytest.raises(CorrectionsError) as caught:
        load_corrections(write(tmp_path, text))
    assert caught.value.reasons == [reason]


def test_corrections_file_sits_beside_its_article(tmp_path):
    assert corrections_path(Path("seeds/truce.txt")) == Path("seeds/truce.corrections.yml")
    for name in ("truce.txt", "truce.corrections.yml", "gone.corrections.yml"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    assert orphan_corrections(tmp_path, [tmp_path / "truce.txt"]) == [tmp_path / "gone.corrections.yml"]


# --- through the build and `extract`, with real extraction -------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"
SAMPLE_CORRECTIONS = """\
rename:
  Putin: Vladimir Vladimirovich Putin
drop:
  quotes:
    - This war would never have started
add:
  conditions:
    - by: Vladimir Vladimirovich Putin
      of: Ukraine
      summary: Kyiv stops mobilizing and arming its soldiers
      evidence: demanding that Kyiv stop mobilizing and arming its soldiers
"""


def corrected_project(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / "call.txt")
    (seeds / "call.corrections.yml").write_text(SAMPLE_CORRECTIONS, encoding="utf-8")
    return Settings(seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache")


def check_corrected(sheet: FactSheet) -> None:
    putin = sheet.party("vladimir-vladimirovich-putin")
    assert putin is not None and putin.edited and "Vladimir Putin" in putin.aliases
    assert not any(q.text.startswith("This war would never have started") for q in sheet.quotes)
    added = [c for c in sheet.conditions if c.edited]
    assert [(c.by, c.of, c.summary) for c in added] == [("vladimir-vladimirovich-putin", "ukraine", "Kyiv stops mobilizing and arming its soldiers")]


def test_corrections_are_applied_by_every_build_and_marked_on_the_page(tmp_path):
    settings = corrected_project(tmp_path)
    for _ in range(2):  # kept across rebuilds: extraction starts afresh, the corrections file is applied again
        report = build(settings)
        assert report.problems == []
        check_corrected(report.sheets[0])
    page = (settings.generated_dir / "articles" / "call.md").read_text(encoding="utf-8")
    assert page.count('class="fs-edited"') >= 2, "the renamed party and the added condition are marked edited"
    check_corrected(FactSheet.model_validate_json((settings.generated_dir / "data" / "call.json").read_text(encoding="utf-8")))


def test_extract_applies_corrections_too(tmp_path):
    settings = corrected_project(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(settings.seeds_dir / "call.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    check_corrected(FactSheet.model_validate_json((tmp_path / "out" / "call.json").read_text(encoding="utf-8")))


def test_a_bad_corrections_file_is_an_error_naming_it_and_leaves_only_its_article_out(tmp_path):
    settings = corrected_project(tmp_path)
    shutil.copy(SAMPLE, settings.seeds_dir / "other.txt")
    bad = settings.seeds_dir / "other.corrections.yml"
    bad.write_text("add:\n  quotes:\n    - speaker: Trump\n      evidence: words nobody said\n", encoding="utf-8")
    (settings.seeds_dir / "gone.corrections.yml").write_text("{}\n", encoding="utf-8")
    report = build(settings)
    assert [str(p) for p in report.problems] == [
        f"error: {bad}: add: quotes[0]: 'words nobody said' is not in the article text",
        f"warning: {settings.seeds_dir / 'gone.corrections.yml'}: no article beside this corrections file (renamed or removed?)",
    ]
    assert [s.article.id for s in report.sheets] == ["call"], "corrections files are not articles, and a sheet that cannot be corrected is not published"
    assert not (settings.generated_dir / "articles" / "other.md").exists()


def test_dropping_an_alias_drops_only_that_name_and_its_mentions(sheet):
    corrected = correct(sheet, {"drop": {"parties": ["Anna Berg"]}})
    berg = corrected.party("berg")
    assert berg is not None and berg.aliases == [] and berg.mentions == [] and berg.edited
    assert corrected.quotes == sheet.quotes


def test_merging_a_party_into_itself_is_a_warning(sheet):
    _, warnings = apply_corrections(sheet, Corrections.model_validate({"merge": {"Berg": ["Anna Berg"]}}))
    assert warnings == ["merge: Berg: 'Anna Berg' is already part of 'Berg'"]


def test_an_added_party_is_found_with_either_apostrophe():
    text = "Officials at King’s College said so. King's College agreed."
    sheet = FactSheet(article=ArticleMeta(id="a", title="t", source="a.txt"), text=text)
    corrected = correct(sheet, {"add": {"parties": [{"name": "King's College", "kind": "organization"}]}})
    assert [m.text_of(text) for m in corrected.parties[0].mentions] == ["King’s College", "King's College"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("deals: [unclosed", "not valid YAML"),
        ("- a list\n", "expected a mapping with any of: actors, deals"),
        ("deal:\n  merge: []\n", "deal: Extra inputs are not permitted"),
        ("deals:\n  merge:\n    - []\n", "a group names no mention"),
        ("actors:\n  merge: [Ana]\n", "actors.merge: Input should be a valid dictionary"),
        ("actors:\n  join: {}\n", "actors.join: Extra inputs are not permitted"),
    ],
)
def test_a_site_corrections_file_that_cannot_be_read_says_why(tmp_path, text, reason):
    path = tmp_path / "corrections.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError) as error:
        load_site_corrections(path)
    assert any(reason in line for line in error.value.reasons), error.value.reasons
