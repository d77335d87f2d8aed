"""The offline corpus of the benchmarks: the sample article plus short news articles written from templates here,
with varied titles, names, places, organisations and dates (no network, nothing from the dev set), and a project
to build it in, and fact sheets for large sites. Used by speed.py, search.py and builders.py; the same count always
gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"

FIRST_NAMES = [
    "Amara", "Bogdan", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas", "Katya", "Luis",
    "Mireille", "Nikhil", "Olga", "Pavel", "Quentin", "Rania", "Sven", "Tamar", "Umar", "Vera", "Wendell", "Ximena",
    "Yusuf", "Zofia", "Anselm", "Beatriz", "Cormac", "Dalia", "Emeka", "Freya", "Goran", "Halima", "Ivo", "Jelena",
]
SURNAMES = [
    "Abernathy", "Brandt", "Castellano", "Dragomir", "Eklund", "Fontaine", "Gallagher", "Haddad", "Iversen", "Jankowski",
    "Kowalczyk", "Lindqvist", "Marchetti", "Novak", "Okafor", "Petrov", "Quiroga", "Rasmussen", "Szabo", "Tanaka",
    "Ueda", "Valdez", "Whitcombe", "Xu", "Yilmaz", "Zeller", "Achterberg", "Bellamy", "Cardoso", "Delacroix", "Esposito",
    "Farrow", "Grieve", "Holm", "Ilves", "Juarez", "Kaminski", "Larsen", "Moreau", "Nakamura", "Oyelaran", "Pereira",
]
COUNTRIES = [
    ("Norway", "Oslo", "Norwegian"), ("Chile", "Santiago", "Chilean"), ("Kenya", "Nairobi", "Kenyan"),
    ("Portugal", "Lisbon", "Portuguese"), ("Vietnam", "Hanoi", "Vietnamese"), ("Peru", "Lima", "Peruvian"),
    ("Ghana", "Accra", "Ghanaian"), ("Finland", "Helsinki", "Finnish"), ("Morocco", "Rabat", "Moroccan"),
    ("Indonesia", "Jakarta", "Indonesian"), ("Austria", "Vienna", "Austrian"), ("Colombia", "Bogota", "Colombian"),
    ("Senegal", "Dakar", "Senegalese"), ("Greece", "Athens", "Greek"), ("Mongolia", "Ulaanbaatar", "Mongolian"),
    ("Uruguay", "Montevideo", "Uruguayan"), ("Ireland", "Dublin", "Irish"), ("Malaysia", "Kuala Lumpur", "Malaysian"),
]
ORG_STEMS = ["Northwind", "Bluestone", "Harbourline", "Greyfield", "Silverbeck", "Redmoor", "Eastgate", "Brightwater",
             "Kestrel", "Lodestar", "Marlow", "Oakhurst", "Pinecrest", "Quayside", "Riverbend", "Summit"]
ORG_KINDS = ["Energy", "Freight", "Telecom", "Holdings", "Airlines", "Mining", "Bank", "Pharmaceuticals", "Shipping"]
UNIONS = ["dockworkers' union", "teachers' union", "farmers' association", "nurses' federation", "miners' union"]
UNIVERSITIES = ["University of Eastmoor", "Westbrook Institute of Technology", "Caldera University",
                "the Hollins School of Economics", "Marisco University", "the Institute for Peace Studies at Lornbay"]
EXPERT_ROLES = ["a professor of international relations", "a senior lecturer in economics", "an economist",
                "a senior fellow", "a researcher in energy policy", "a former trade negotiator"]
OUTLETS = ["The Morning Ledger", "Coastal Times", "The Evening Courier", "Northern Herald", "Daily Meridian"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister", "Chief Executive"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

HEADLINES = [
    "{a} and {b} agree {n}-day ceasefire after talks in {city_a}",
    "{org_a} to buy {org_b} in ${amount} million deal",
    "{person_a} demands guarantees before signing {a}-{b} accord",
    "Talks between {a} and {b} stall over border dispute",
    "{union} ends strike after {org_a} accepts pay offer",
    "{b} rejects {a}'s proposal for a {n}-day truce",
    "{person_a} and {person_b} sign trade pact in {city_b}",
]
PARAGRAPHS = [
    "{a} and {b} agreed on {weekday} to a {n}-day ceasefire along their shared border, officials in {city_a} said, "
    "after three days of talks that both governments described as difficult but constructive.",
    "\"We have made real progress, but there is still a long way to go,\" {title_a} {person_a} told reporters in "
    "{city_a}. \"Our people expect results, not more promises.\"",
    "{person_b}, the {demonym_b} {title_b_lower}, insisted that {a} withdraw its forces from the disputed area before "
    "{b} would agree to any lasting settlement.",
    "{expert}, {role} at {university}, said the agreement was fragile. \"Both sides need to show their voters a win, "
    "and a pause in the fighting is the easiest one to sell,\" {expert_surname} said.",
    "{org_a} agreed to buy {org_b} for ${amount} million, the two companies said in a joint statement on {weekday}. "
    "The deal still needs the approval of regulators in {a}.",
    "According to {person_c}, the board of {org_a} approved the plan unanimously after a meeting that lasted late "
    "into the night.",
    "The {union} said its members would return to work on {weekday} after {org_a} accepted a pay rise of {pct} percent "
    "over two years, ending a strike that had shut ports across {a} for {n} days.",
    "{b} rejected the proposal on {weekday}, calling it \"a list of demands dressed up as an offer\". A spokesman for "
    "the {demonym_b} government said talks would continue at a lower level.",
    "The talks followed months of rising tension over fishing rights, transit fees and the fate of several hundred "
    "workers stranded on both sides of the border. Diplomats from {c} had shuttled between the two capitals since "
    "the spring, carrying draft texts that were rewritten many times.",
    "Markets reacted calmly to the news. Shares in {org_a} rose {pct} percent in early trading, while the "
    "{demonym_a} currency was little changed against the dollar.",
    "{person_a} and {person_b} signed a preliminary agreement on energy cooperation, under which {a} will supply "
    "electricity to {b} during the winter months.",
    "Critics were unconvinced. {person_c}, a member of the opposition in {a}, said the government had given away too "
    "much and demanded that parliament vote on the text before it takes effect.",
    "{expert} said the accord could set a precedent for the region. \"If this holds for {n} days, it will be the "
    "longest pause in a decade,\" said {expert_surname}, who has written two books on the conflict.",
    "Observers noted that neither side had published the full text of the agreement, and that key questions about "
    "monitoring, sanctions and the return of displaced families were left for a later round of negotiations.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def written_article(rng: random.Random, number: int) -> tuple[str, str]:
    """A short news article from the templates above: (headline, body)."""
    (a, city_a, demonym_a), (b, city_b, demonym_b), (c, _, _) = rng.sample(COUNTRIES, 3)
    org_a, org_b = (f"{stem} {rng.choice(ORG_KINDS)}" for stem in rng.sample(ORG_STEMS, 2))
    expert = _person(rng)
    title_b = rng.choice(TITLES)
    fill = {
        "a": a, "b": b, "c": c, "city_a": city_a, "city_b": city_b, "demonym_a": demonym_a, "demonym_b": demonym_b,
        "org_a": org_a, "org_b": org_b, "union": rng.choice(UNIONS), "person_a": _person(rng), "person_b": _person(rng),
        "person_c": _person(rng), "title_a": rng.choice(TITLES), "title_b_lower": title_b.lower(), "expert": expert,
        "expert_surname": expert.split()[-1], "role": rng.choice(EXPERT_ROLES), "university": rng.choice(UNIVERSITIES),
        "weekday": rng.choice(WEEKDAYS), "n": rng.choice([7, 14, 30, 60, 90]), "amount": rng.randrange(50, 5000, 10),
        "pct": rng.randint(2, 15),
    }
    paragraphs = [PARAGRAPHS[0], *rng.sample(PARAGRAPHS[1:], rng.randint(6, 11))]
    body = "\n".join(p.format(**fill) for p in paragraphs)
    headline = rng.choice(HEADLINES).format(**fill)
    return f"{headline} ({number})", body


def write_corpus(seeds: Path, count: int) -> None:
    """The sample article plus `count - 1` written articles, half of them .md with front matter (dates, outlets)."""
    seeds.mkdir(parents=True)
    shutil.copy(SAMPLE, seeds / SAMPLE.name)
    rng = random.Random(20261125)
    first_day = dt.date(2025, 1, 1)
    for number in range(1, count):
        headline, body = written_article(rng, number)
        if number % 2:
            (seeds / f"article-{number:05d}.txt").write_text(f"{headline}\n{body}\n", encoding="utf-8")
        else:
            published = first_day + dt.timedelta(days=rng.randrange(600))
            front = f"---\ntitle: \"{headline}\"\npublished: {published}\noutlet: {rng.choice(OUTLETS)}\n---\n"
            (seeds / f"article-{number:05d}.md").write_text(f"{front}{body}\n", encoding="utf-8")


def make_project(folder: Path, count: int) -> Path:
    """A site project like this repository's, with its own seeds: mkdocs.yml, hand-written docs, overrides."""
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=lambda d, names: ["facts"] if Path(d) == ROOT / "docs" else [])
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", folder / "overrides")
    write_corpus(folder / "seeds", count)
    return folder


def fact_sheets(settings, kept: Path, extracted: int) -> list:
    """A fact sheet for each article in `settings.seeds_dir`, without extracting them all: the first `extracted`
    articles are extracted with spaCy (or read from `kept`, where extraction keeps them), and each article past them
    gets a copy of the fact sheet of an extracted one under its own id, file name, headline, date and outlet. A
    site of 10,000 articles then has as many pages and as much text as a real one (its words repeat more) and
    builds in minutes.
    """
    # Imported here: speed.py imports this module before it puts its snapshot of the generator on the import path.
    from generator.build import BuildReport, extract_articles, load_articles
    from generator.load import article_files
    from generator.model import FactSheet

    report = BuildReport()
    articles = load_articles(article_files(settings.seeds_dir), report)
    # The sample article first, then the written ones in order: the same articles are extracted at any size.
    articles.sort(key=lambda article: (article.meta.id.startswith("article-"), article.meta.id))
    originals = articles[:extracted]
    missing = [article for article in originals if not (kept / f"{article.meta.id}.json").is_file()]
    if missing:
        print(f"extracting {len(missing):,} articles with spaCy (kept in {kept} for the next run)", file=sys.stderr)
        for sheet in extract_articles(missing, settings, report):
            (kept / f"{sheet.article.id}.json").write_text(sheet.model_dump_json(), encoding="utf-8")
    assert not [problem for problem in report.problems if problem.fatal], report.problems
    sheets = [FactSheet.model_validate_json((kept / f"{article.meta.id}.json").read_text("utf-8")) for article in originals]
    # A copy takes its article's own metadata, so that its page, address and place in the lists are its own.
    copies = [
        sheets[number % len(sheets)].model_copy(update={"article": article.meta})
        for number, article in enumerate(articles[extracted:])
    ]
    return sheets + copies
