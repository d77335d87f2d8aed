"""Actors across articles (generator/actors.py), on small corpora of fact sheets written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.extract
from generator.actors import not_an_actor, resolve_actors
from generator.build import build
from generator.config import Settings
from generator.corrections import ActorCorrections, CorrectionsError, load_site_corrections
from generator.model import Agreement, ArticleMeta, FactSheet, Party, PartyKind, Quote, Span
from generator.render import render_site
from generator.slugs import slugify

ROOT = Path(__file__).resolve().parent.parent
P, O, G, C = PartyKind.person, PartyKind.organization, PartyKind.group, PartyKind.country


def article(article_id: str, parties: list[tuple[str, PartyKind]], text: str = "") -> FactSheet:
    """A fact sheet naming these parties, each once, in a text of its own (after `text`, if given)."""
    body = text + " ".join(f"{name} spoke." for name, _ in parties)
    found = []
    for name, kind in parties:
        start = body.index(f"{name} spoke.")
        found.append(Party(id=slugify(name), name=name, kind=kind, mentions=[Span(start=start, end=start + len(name))]))
    return FactSheet(article=ArticleMeta(id=article_id, title=article_id, source=f"seeds/{article_id}.txt"), text=body, parties=found)


def actors_of(corpus: dict[str, list[tuple[str, PartyKind]]], corrections: ActorCorrections | None = None) -> dict[tuple[str, str], str]:
    """(article, party name as the article wrote it) -> the id of its actor across the site; parties left out are not listed."""
    resolved = resolve_actors([article(name, parties) for name, parties in corpus.items()], corrections)
    found = {}
    for sheet in resolved:
        for party in sheet.parties:
            for written in [party.name, *party.aliases]:
                found[(sheet.article.id, written)] = party.id
    return found


def one_actor(corpus: dict[str, list[tuple[str, PartyKind]]]) -> set[str]:
    """The ids the parties of the corpus have, all told."""
    return set(actors_of(corpus).values())


@pytest.mark.parametrize(
    "corpus, actor",
    [
        # A bare surname is the one full name it ends; the small model often labels it an organisation.
        ({"a": [("Ana Ruiz", P)], "b": [("Ruiz", P)]}, "ana-ruiz"),
        ({"a": [("Ana Ruiz", P)], "b": [("Ruiz", O)], "c": [("Ruiz", P)]}, "ana-ruiz"),
        # A family name written first: "Park" for "Park Min-jun".
        ({"a": [("Park Min-jun", P)], "b": [("Park", O)]}, "park-min-jun"),
        # Half a double surname, as a tokenizer splits it.
        ({"a": [("Lena Brandt-Okafor", P)], "b": [("Okafor", O)]}, "lena-brandt-okafor"),
        # Familiar forms of the given name.
        ({"a": [("Steve Okafor", P)], "b": [("Steven Okafor", P)]}, "steven-okafor"),
        ({"a": [("Bill Tanaka", P)], "b": [("William Tanaka", P)], "c": [("Tanaka", P)]}, "william-tanaka"),
        # Middle initials, quoted nicknames; "Jr." with or without its dot.
        ({"a": [("Ana M. Ruiz", P)], "b": [("Ana Ruiz", P)]}, "ana-ruiz"),
        ({"a": [("Pablo “Pablito” Ruiz", P)], "b": [("Pablo Ruiz", P)]}, "pablo-ruiz"),
        ({"a": [("Pablo Ruiz Jr.", P)], "b": [("Pablo Ruiz Jr", P)]}, "pablo-ruiz-jr"),
        # Titles before the name, and the bodies that go with them; a name the model took for an organisation.
        ({"a": [("Sen. Ana Ruiz", P)], "b": [("Ana Ruiz", P)]}, "ana-ruiz"),
        ({"a": [("Senate Majority Leader Ana Ruiz", P)], "b": [("Ana Ruiz", P)]}, "ana-ruiz"),
        ({"a": [("House Speaker Ana Ruiz", P)], "b": [("House Ana Ruiz", O)], "c": [("Ana Ruiz", P)]}, "ana-ruiz"),
        ({"a": [("Treasury Secretary Ana Ruiz", P)], "b": [("President Ruiz", P)], "c": [("Ana Ruiz", P)]}, "ana-ruiz"),
        # A social media handle.
        ({"a": [("AnaRuiz", O)], "b": [("Ana Ruiz", P)]}, "ana-ruiz"),
        # An organisation with and without its country, in any spelling of the country.
        ({"a": [("U.S. Coast Guard", O)], "b": [("Coast Guard", O)], "c": [("US Coast Guard", O)]}, "u-s-coast-guard"),
        ({"a": [("the Constitutional Court", O)], "b": [("Chilean Constitutional Court", O)]}, "chilean-constitutional-court"),
        ({"a": [("Chilean Navy", O)], "b": [("Navy", O)]}, "chilean-navy"),
        # An acronym, of the whole name or its last words; an alias; a name without its company words.
        ({"a": [("National Farmers Union", O)], "b": [("NFU", O)]}, "national-farmers-union"),
        ({"a": [("Andean Democratic Farmers Union", O)], "b": [("DFU", O)]}, "andean-democratic-farmers-union"),
        ({"a": [("Kestrel Pharmaceuticals", O)], "b": [("Kestrel", O)]}, "kestrel-pharmaceuticals"),
        ({"a": [("Bluestone Motor Company", O)], "b": [("Bluestone", O)]}, "bluestone-motor-company"),
        # A group and one of its members: "Unionist" for the "Unionists".
        ({"a": [("Unionists", G)], "b": [("Unionist", O)]}, "unionists"),
        # The same name in two articles, whatever kind each gave it.
        ({"a": [("Park Min-jun", O)], "b": [("Park Min-jun", P)], "c": [("Park Min-jun", P)]}, "park-min-jun"),
    ],
)
def test_names_of_one_actor_join(corpus, actor):
    assert one_actor(corpus) == {actor}


def test_an_organisation_joins_the_one_its_alias_names():
    corpus = [article("a", [("Harbourline Freight", O)]), article("b", [("Harbourline", O)])]
    corpus[0].parties[0].aliases = ["Harbourline", "the company"]
    assert {p.id for sheet in resolve_actors(corpus) for p in sheet.parties} == {"harbourline-freight"}


@pytest.mark.parametrize(
    "corpus, actors",
    [
        # Two people share a surname: each keeps a page, and the bare surname joins neither.
        ({"a": [("Ana Ruiz", P)], "b": [("Pablo Ruiz", P)], "c": [("Ruiz", P)]}, {"ana-ruiz", "pablo-ruiz", "ruiz"}),
        ({"a": [("Ana Ruiz", P), ("Pablo Ruiz", P)], "b": [("Ruiz", O)]}, {"ana-ruiz", "pablo-ruiz", "ruiz"}),
        # "Steve" could be "Steven" or "Stephen", who are two people: all three stay apart.
        ({"a": [("Steve Okafor", P)], "b": [("Steven Okafor", P)], "c": [("Stephen Okafor", P)]}, {"steve-okafor", "steven-okafor", "stephen-okafor"}),
        # Two middle names: two people.
        ({"a": [("Ana Maria Ruiz", P)], "b": [("Ana Lucia Ruiz", P)]}, {"ana-maria-ruiz", "ana-lucia-ruiz"}),
        # A father and his son; the bare surname is either.
        ({"a": [("Pablo Ruiz Jr.", P)], "b": [("Pablo Ruiz", P)], "c": [("Ruiz", P)]}, {"pablo-ruiz-jr", "pablo-ruiz", "ruiz"}),
        # Given names that are not forms of each other.
        ({"a": [("Carla Vell", P)], "b": [("Marta Vell", P)]}, {"carla-vell", "marta-vell"}),
        # A title that goes with a given name keeps it: "King Oskar" is no surname.
        ({"a": [("King Oskar", P)], "b": [("Oskar Brandt", P)]}, {"king-oskar", "oskar-brandt"}),
        # Two countries' coast guards: the bare "Coast Guard" is neither.
        ({"a": [("U.S. Coast Guard", O)], "b": [("Chilean Coast Guard", O)], "c": [("Coast Guard", O)]}, {"u-s-coast-guard", "chilean-coast-guard", "coast-guard"}),
        # An acronym two names spell, an alias two organisations have.
        ({"a": [("National Farmers Union", O)], "b": [("Northern Fisheries Union", O)], "c": [("NFU", O)]}, {"national-farmers-union", "northern-fisheries-union", "nfu"}),
        # A name that could be a person's surname and a company's short name.
        ({"a": [("Gerald Kestrel", P)], "b": [("Kestrel Pharmaceuticals", O)], "c": [("Kestrel", O)]}, {"gerald-kestrel", "kestrel-pharmaceuticals", "kestrel"}),
        # A country is no person's surname, a person's full name no company's alias.
        ({"a": [("Georgia", C)], "b": [("Anne Georgia", P)]}, {"georgia", "anne-georgia"}),
        # An organisation with another word after the shared one is another organisation.
        ({"a": [("Kestrel Bluestone", O)], "b": [("Kestrel", O)]}, {"kestrel-bluestone", "kestrel"}),
    ],
)
def test_names_that_may_be_two_actors_stay_apart(corpus, actors):
    assert one_actor(corpus) == actors


def test_an_organisation_with_a_title_word_and_a_possessive_stays_an_organisation():
    # "Trade" is a title word ("Trade Minister") and "U.S." ends with a dot, but no abbreviated title stands first.
    assert one_actor({"a": [("U.S. Trade Envoy’s Office", O)]}) == {"u-s-trade-envoys-office"}


def test_a_person_s_aliases_join_nobody():
    corpus = [article("a", [("Ana Ruiz", P)]), article("b", [("Harbour Board", O)])]
    corpus[0].parties[0].aliases = ["Harbour Board"]
    assert {p.id for sheet in resolve_actors(corpus) for p in sheet.parties} == {"ana-ruiz", "harbour-board"}


@pytest.mark.parametrize(
    "name, kind, reason",
    [
        ("the tribunal", O, "a common noun"),
        ("https://news.example.com/2031/05/talks", O, "a URL"),
        ("www.example.org", O, "a URL"),
        ("Ana Ruiz/Reuters", O, "a byline or picture credit"),
        ("Harbour Board/Ana Ruiz/Handout", O, "a byline or picture credit"),
        ("TALKS RESUME", P, "a heading"),
        ("FOLLOWING", O, "a heading"),
        ("Ana Ruiz’s plan", P, "a possessive"),
        ("Prime Minister", P, "a title"),
        ("the Winter Games", O, "an event or a document"),
        ("Games", O, "an event or a document"),
        ("Andean Summit", O, "an event or a document"),
        ("the Harbour Agreement", O, "an event or a document"),
    ],
)
def test_names_that_are_no_actor_s(name, kind, reason):
    assert not_an_actor(Party(id="x", name=name, kind=kind)) == reason


@pytest.mark.parametrize(
    "name, kind",
    [("NFU", O), ("UNESCO", O), ("bin Haddad", P), ("Harbour Board's Union", O), ("Accord", O), ("O'Neill", P), ("eBay", O)],
)
def test_names_that_may_be_an_actor_s(name, kind):
    assert not_an_actor(Party(id="x", name=name, kind=kind)) is None


@pytest.mark.parametrize(
    "corpus, text, dropped",
    [
        # A day; a month, where it is no surname of anyone on the site.
        ({"a": [("Thursday", O), ("Ana Ruiz", P)]}, "", "Thursday"),
        ({"a": [("June", P), ("Ana Ruiz", P)]}, "", "June"),
        # Two actors named together.
        ({"a": [("Kestrel and Bluestone", G), ("Kestrel", O), ("Bluestone", O)]}, "", "Kestrel and Bluestone"),
        # A common noun capitalised at the start of a sentence, as its article writes it in lower case.
        ({"a": [("Harbours", O), ("Ana Ruiz", P)]}, "The harbours were shut. ", "Harbours"),
    ],
)
def test_names_that_turn_out_no_actor_s_are_left_out(corpus, text, dropped):
    sheets = [article(name, parties, text) for name, parties in corpus.items()]
    names = {p.name for sheet in resolve_actors(sheets) for p in sheet.parties}
    assert dropped not in names and names


def test_a_month_that_is_a_surname_joins_the_person():
    assert one_actor({"a": [("Carla June", P)], "b": [("June", P)]}) == {"carla-june"}


def test_each_sheet_names_the_actor_and_keeps_its_own_wording():
    resolved = resolve_actors([article("a", [("Ana Ruiz", P)]), article("b", [("Sen. Ruiz", O)]), article("c", [("Ana Ruiz", P)])])
    party = resolved[1].parties[0]
    assert (party.id, party.name, party.kind, party.aliases) == ("ana-ruiz", "Ana Ruiz", P, ["Sen. Ruiz"])


def test_the_name_of_an_actor_is_the_fullest_most_articles_use():
    corpus = {"a": [("Ana Ruiz", P)], "b": [("Ana Ruiz", P)], "c": [("Ana M. Ruiz", P)], "d": [("Ruiz", P)]}
    resolved = resolve_actors([article(name, parties) for name, parties in corpus.items()])
    assert {p.name for sheet in resolved for p in sheet.parties} == {"Ana Ruiz"}


def test_parties_of_one_article_that_are_one_actor_become_one_party_and_their_facts_follow():
    sheet = article("a", [("Ana Ruiz", P), ("Ruiz", O), ("Harbour Board", O), ("Thursday", O)])
    mention = sheet.parties[1].mentions[0]
    sheet.agreements = [Agreement(id="a1", summary="a deal", parties=["ruiz", "ana-ruiz", "harbour-board", "thursday"], evidence=[mention])]
    sheet.quotes = [Quote(id="q1", speaker="ruiz", text="spoke", evidence=mention), Quote(id="q2", speaker="thursday", text="spoke", evidence=mention)]
    resolved = resolve_actors([sheet])[0]
    assert [p.id for p in resolved.parties] == ["ana-ruiz", "harbour-board"]
    assert resolved.parties[0].mentions == [sheet.parties[0].mentions[0], mention]
    assert resolved.agreements[0].parties == ["ana-ruiz", "harbour-board"]
    assert [q.speaker for q in resolved.quotes] == ["ana-ruiz", None]


def test_a_party_named_by_a_common_noun_stays_on_its_sheet_as_it_is():
    sheets = [article("a", [("the tribunal", O), ("Ana Ruiz", P)]), article("b", [("the tribunal", O), ("Ruiz", P)])]
    resolved = resolve_actors(sheets)
    assert [p.id for sheet in resolved for p in sheet.parties] == ["the-tribunal", "ana-ruiz", "the-tribunal", "ana-ruiz"]
    assert resolved[1].parties[0] is sheets[1].parties[0]


def test_a_sheet_the_resolution_leaves_alone_is_the_same_sheet():
    # The page cache keys a sheet's pages by its digest: a sheet left alone must stay byte for byte what it was.
    sheets = [article("a", [("Ana Ruiz", P)]), article("b", [("Ruiz", P)])]
    resolved = resolve_actors(sheets)
    assert resolved[0] is sheets[0] and resolved[1] is not sheets[1]


# --- the editor's corrections ---------------------------------------------------------------------------------


def test_an_editor_merges_actors_the_rules_keep_apart():
    corpus = {"a": [("Lena Okafor", P)], "b": [("Lena Brandt", P)], "c": [("Okafor", P)]}
    found = actors_of(corpus, ActorCorrections(merge={"Lena Okafor": ["lena-brandt"]}))
    assert set(found.values()) == {"lena-okafor"}


def test_an_editor_splits_a_bare_surname_from_the_full_name():
    corpus = {"a": [("Ana Ruiz", P)], "b": [("Ruiz", P)], "c": [("Ruiz", P)]}
    found = actors_of(corpus, ActorCorrections(split={"Ruiz": ["b"]}))
    assert (found[("a", "Ana Ruiz")], found[("b", "Ruiz")], found[("c", "Ruiz")]) == ("ana-ruiz", "ruiz", "ana-ruiz")


def test_an_editor_splits_two_people_of_one_name():
    corpus = {"a": [("Ana Ruiz", P)], "b": [("Ana Ruiz", P)], "c": [("Ana Ruiz", P)], "d": [("Ana Ruiz", P)]}
    resolved = resolve_actors([article(name, parties) for name, parties in corpus.items()], ActorCorrections(split={"Ana Ruiz": ["b", "d"]}))
    assert [(s.parties[0].id, s.parties[0].edited) for s in resolved] == [
        ("ana-ruiz", False),
        ("ana-ruiz-2", True),
        ("ana-ruiz", False),
        ("ana-ruiz-2", True),
    ]


@pytest.mark.parametrize(
    "corrections, reasons",
    [
        (ActorCorrections(merge={"Ana Ruiz": ["Nobody"]}), ["actors: merge: Ana Ruiz: no actor named 'Nobody'"]),
        (
            ActorCorrections(merge={"Ana Ruiz": ["Okafor"]}),
            ["actors: merge: Ana Ruiz: 'Okafor' names 2 actors (pages lena-okafor, pablo-okafor); name one by its page"],
        ),
        (ActorCorrections(split={"Ruiz": ["z"]}), ["actors: split: Ruiz: no article 'z'"]),
        (ActorCorrections(split={"Pablo Ruiz": ["a"]}), ["actors: split: Pablo Ruiz: no party named 'Pablo Ruiz' in 'a'"]),
        # Every problem at once.
        (
            ActorCorrections(split={"Ruiz": ["z"]}, merge={"Ana Ruiz": ["Nobody"]}),
            ["actors: split: Ruiz: no article 'z'", "actors: merge: Ana Ruiz: no actor named 'Nobody'"],
        ),
    ],
)
def test_corrections_that_name_nothing_are_reported(corrections, reasons):
    sheets = [article("a", [("Ana Ruiz", P), ("Lena Okafor", P)]), article("b", [("Pablo Okafor", P)])]
    sheets[0].parties[1].aliases = ["Okafor"]
    sheets[1].parties[0].aliases = ["Okafor"]
    with pytest.raises(CorrectionsError) as raised:
        resolve_actors(sheets, corrections)
    assert raised.value.reasons == reasons


# The example of the README's "One actor, one page".
README_EXAMPLE = """\
# seeds/corrections.yml: the site's corrections, of what spans articles
actors:
  merge:                 # an actor (by its page id, name or alias): the actors that are really the same one
    Lena Okafor: [Lena Brandt]
  split:                 # a name: the articles (by id) in which it is another actor, kept apart
    Ruiz: [harbour-talks]
"""


def test_the_readme_example_applies(tmp_path):
    assert README_EXAMPLE in (ROOT / "README.md").read_text("utf-8")
    path = tmp_path / "corrections.yml"
    path.write_text(README_EXAMPLE, encoding="utf-8")
    corpus = {"port-deal": [("Lena Okafor", P), ("Ana Ruiz", P)], "harbour-talks": [("Ruiz", P)], "union-vote": [("Lena Brandt", P)]}
    found = actors_of(corpus, load_site_corrections(path).actors)
    assert found == {
        ("port-deal", "Lena Okafor"): "lena-okafor",
        ("port-deal", "Ana Ruiz"): "ana-ruiz",
        ("harbour-talks", "Ruiz"): "ruiz",
        ("union-vote", "Lena Okafor"): "lena-okafor",
        ("union-vote", "Lena Brandt"): "lena-okafor",
    }


# --- the site: one page per actor ---------------------------------------------------------------------------------


def test_a_party_page_lists_the_articles_quotes_and_agreements_of_the_actor_across_articles(tmp_path):
    talks = article("harbour-talks", [("Ana Ruiz", P), ("Harbour Board", O)])
    vote = article("union-vote", [("Sen. Ruiz", O), ("Dockers Union", O), ("the tribunal", O)])
    talks.quotes = [Quote(id="q1", speaker="ana-ruiz", text="We will reopen the harbour", evidence=talks.parties[0].mentions[0])]
    vote.agreements = [
        Agreement(id="a1", summary="a wage deal for the docks", parties=["sen-ruiz", "dockers-union"], evidence=vote.parties[0].mentions)
    ]
    settings = Settings(seeds_dir=tmp_path, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache")
    pages = render_site(resolve_actors([talks, vote]), settings)
    assert "parties/sen-ruiz.md" not in pages
    # A party named by a common noun is on its fact sheet, as plain text: it has no page.
    assert "parties/the-tribunal.md" not in pages and "the tribunal" in pages["articles/union-vote.md"]
    assert "the-tribunal.md" not in pages["articles/union-vote.md"]
    page = pages["parties/ana-ruiz.md"]
    assert "(../articles/harbour-talks.md)" in page and "(../articles/union-vote.md)" in page
    assert "We will reopen the harbour" in page and "a wage deal for the docks" in page


def test_a_build_with_a_site_corrections_file_that_cannot_be_applied_joins_nothing(tmp_path, monkeypatch):
    def fake_extract_all(articles, model, jobs=1):
        for loaded in articles:
            name = loaded.text.split(" spoke")[0]
            yield FactSheet(
                article=loaded.meta,
                text=loaded.text,
                parties=[Party(id=slugify(name), name=name, kind=P, mentions=[Span(start=0, end=len(name))])],
            )

    monkeypatch.setattr(generator.extract, "extract_all", fake_extract_all)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "port-deal.txt").write_text("Port deal\nAna Ruiz spoke.\n", encoding="utf-8")
    (seeds / "union-vote.txt").write_text("Union vote\nRuiz spoke.\n", encoding="utf-8")
    settings = Settings(seeds_dir=seeds, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache", jobs=1)
    build(settings)
    assert sorted(p.name for p in (settings.generated_dir / "parties").glob("*.md")) == ["ana-ruiz.md", "index.md"]
    (seeds / "corrections.yml").write_text("actors:\n  merge:\n    Ana Ruiz: [Nobody]\n", encoding="utf-8")
    report = build(settings)
    assert [str(p) for p in report.problems] == [f"error: {seeds / 'corrections.yml'}: actors: merge: Ana Ruiz: no actor named 'Nobody'"]
    assert sorted(p.name for p in (settings.generated_dir / "parties").glob("*.md")) == ["ana-ruiz.md", "index.md", "ruiz.md"]
