"""An offline corpus of N articles for the benchmarks, and a fresh project to build it in.

Every tenth article is the sample article (seeds/putin-trump-call.txt) under a headline of its own; the others are
short news stories written for the benchmarks, filled in with varied names, countries, organisations, numbers and
dates, so that each article has a text (and a content hash) of its own, the party pages and indexes grow with the
corpus as they would with real news, and every kind of fact occurs: parties, agreements, demands, quotes and
expert commentary. The same count and seed always give the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from generator.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"
SAMPLE_EVERY = 10

FIRST_NAMES = [
    "Amara", "Bence", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas", "Kwame", "Lucia",
    "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samuel", "Tove", "Umar", "Vera", "Wilhelm", "Yara",
]
SURNAMES = [
    "Adeyemi", "Bergstrom", "Castellano", "Dvorak", "Eriksen", "Fontaine", "Grabowski", "Halvorsen", "Iwasaki",
    "Jovanovic", "Kowalczyk", "Lindqvist", "Marchetti", "Novak", "Okonkwo", "Petrov", "Quiroga", "Rasmussen",
    "Santos", "Tanaka", "Umarov", "Varga", "Whitfield", "Zielinski",
]
COUNTRIES = [
    "Argentina", "Australia", "Austria", "Brazil", "Canada", "Chile", "Colombia", "Denmark", "Egypt", "Estonia",
    "Finland", "Ghana", "Greece", "Hungary", "Indonesia", "Ireland", "Italy", "Japan", "Kenya", "Mexico", "Morocco",
    "Nigeria", "Norway", "Peru", "Poland", "Portugal", "Romania", "Senegal", "Spain", "Sweden", "Thailand", "Vietnam",
]
COMPANIES = [
    "Norvale Shipping", "Corvant Energy", "Helion Motors", "Brightwater Foods", "Altmark Steel", "Quayside Logistics",
    "Meridian Telecom", "Oakhurst Pharma", "Silverline Rail", "Tessaro Mining", "Vantor Airlines", "Wexford Chemicals",
]
UNIONS = ["Transport Workers Union", "United Dockers Federation", "National Nurses Association", "Metalworkers Alliance"]
UNIVERSITIES = [
    "the University of Leeds", "Lund University", "the University of Cape Town", "McGill University",
    "the University of Melbourne", "Leiden University", "the University of Bologna", "Keio University",
]
THINK_TANKS = ["the Institute for Global Affairs", "the Centre for Economic Policy", "the Harbour Policy Forum"]
OUTLETS = ["The Daily Ledger", "Morning Wire", "Global Desk", "The Harbour Times", "Evening Courier"]
DURATIONS = ["30-day", "60-day", "90-day", "six-month", "one-year", "two-year"]
SECTORS = ["fishing", "grain", "steel", "electricity", "rail freight", "shipping"]


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` article files into `folder` (created if missing); the paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sample_headline, sample_body = SAMPLE.read_text("utf-8").split("\n", 1)
    paths = []
    for number in range(1, count + 1):
        if number % SAMPLE_EVERY == 0:
            path = folder / f"sample-{number:05d}.txt"
            path.write_text(f"{sample_headline} (report {number})\n{sample_body}", "utf-8")
        else:
            story = rng.choice(STORIES)
            title, body = story(Slots(rng, number))
            published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(1000))
            front_matter = f'---\ntitle: "{title}"\noutlet: {rng.choice(OUTLETS)}\npublished: {published.isoformat()}\n---\n'
            path = folder / f"{story.__name__}-{number:05d}.md"
            path.write_text(front_matter + "\n\n".join(body) + "\n", "utf-8")
        paths.append(path)
    return paths


def new_project(folder: Path) -> Settings:
    """A project in `folder` with this repository's site configuration and hand-written pages, and no articles."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("facts"))
    (folder / "seeds").mkdir()
    return Settings(seeds_dir=folder / "seeds", docs_dir=folder / "docs", templates_dir=ROOT / "templates", cache_dir=folder / ".cache")


class Slots:
    """Names and numbers for one story, none repeated within it."""

    def __init__(self, rng: random.Random, number: int):
        self.rng = rng
        self.number = number
        self.used: set[str] = set()

    def pick(self, choices: list[str]) -> str:
        choice = self.rng.choice([c for c in choices if c not in self.used])
        self.used.add(choice)
        return choice

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(SURNAMES)}"

    def surname(self, person: str) -> str:
        return person.split()[-1]


# --- the stories: each takes its slots and returns a headline and paragraphs ----------------------


def truce(s: Slots) -> tuple[str, list[str]]:
    a, b = s.pick(COUNTRIES), s.pick(COUNTRIES)
    leader_a, leader_b, expert = s.person(), s.person(), s.person()
    duration, sector = s.pick(DURATIONS), s.pick(SECTORS)
    university = s.pick(UNIVERSITIES)
    return f"{a} and {b} agree {duration} truce in {sector} dispute", [
        f"{a} and {b} agreed on Tuesday to a {duration} truce in their long-running {sector} dispute, "
        f"after talks that ran late into the night in the capital of {b}.",
        f"“We have agreed to stop all new tariffs while our negotiators work,” President {leader_a} of {a} told reporters.",
        f"Prime Minister {leader_b} of {b} said the truce was “a first step, not a settlement.” "
        f"{s.surname(leader_b)} insisted that {a} withdraw its export quotas before {b} will agree to a permanent deal.",
        f"{a} has demanded that {b} reopen its ports to ships from {a} as a condition of any longer agreement.",
        f"Prof. {expert}, a senior lecturer in international trade at {university}, said the truce was fragile. "
        f"“Both governments need a win at home, and a {duration} pause gives each of them one,” {s.surname(expert)} said.",
    ]


def merger(s: Slots) -> tuple[str, list[str]]:
    buyer, target = s.pick(COMPANIES), s.pick(COMPANIES)
    ceo, rival_ceo, analyst = s.person(), s.person(), s.person()
    union = s.pick(UNIONS)
    price = s.rng.randrange(2, 90)
    return f"{buyer} agrees to buy {target} for ${price} billion", [
        f"{buyer} has agreed to buy {target} for ${price} billion, the two companies said on Monday, "
        f"in a deal that would create one of the largest groups in its industry.",
        f"“This brings together two businesses that have always competed on quality,” said {ceo}, chief executive of {buyer}.",
        f"{rival_ceo}, who leads {target}, said the board had accepted the offer unanimously. "
        f"The company will keep its headquarters for at least five years under the agreement.",
        f"The {union} demanded guarantees that no jobs would be cut before it would support the takeover.",
        f"{analyst}, an economist at {s.pick(THINK_TANKS)}, said regulators were likely to look closely at the deal. "
        f"“Competition authorities will want to see remedies,” {s.surname(analyst)} said.",
    ]


def strike(s: Slots) -> tuple[str, list[str]]:
    union, company = s.pick(UNIONS), s.pick(COMPANIES)
    leader, manager, expert = s.person(), s.person(), s.person()
    raise_pct = s.rng.randrange(3, 15)
    return f"{union} rejects {company} pay offer and threatens strike", [
        f"The {union} on Thursday rejected a pay offer from {company} and said its members would strike next month "
        f"unless the company improved it.",
        f"“Our members will not accept a pay cut dressed up as a raise,” said {leader}, the union's general secretary.",
        f"{leader} said the union wanted a {raise_pct} percent increase and insisted that {company} restore overtime rates "
        f"before talks could resume.",
        f"{manager}, a spokesperson for {company}, said the offer was fair. “We have put a generous proposal on the table,” "
        f"{s.surname(manager)} said.",
        f"Dr. {expert}, a labour economist at {s.pick(UNIVERSITIES)}, said both sides had reasons to settle. "
        f"{s.surname(expert)} said a long strike would hurt the company more than the union.",
    ]


def climate_pact(s: Slots) -> tuple[str, list[str]]:
    countries = [s.pick(COUNTRIES) for _ in range(3)]
    minister, envoy, expert = s.person(), s.person(), s.person()
    year = s.rng.randrange(2030, 2051)
    return f"{countries[0]}, {countries[1]} and {countries[2]} sign pact to cut emissions by {year}", [
        f"{countries[0]}, {countries[1]} and {countries[2]} signed a pact on Friday to cut their carbon emissions by half "
        f"by {year}, the first agreement of its kind between the three governments.",
        f"“Today we have shown that cooperation is possible,” said {minister}, the environment minister of {countries[0]}.",
        f"{countries[1]} insisted on a review clause, and its envoy {envoy} said {countries[1]} would leave the pact "
        f"if the others missed their interim targets.",
        f"The pact will last ten years, according to a joint statement from the three governments.",
        f"{expert}, a research fellow at {s.pick(THINK_TANKS)}, said the targets were ambitious. "
        f"“The question is whether the money follows the promises,” {s.surname(expert)} said.",
    ]


def ceasefire_talks(s: Slots) -> tuple[str, list[str]]:
    a, b, mediator = s.pick(COUNTRIES), s.pick(COUNTRIES), s.pick(COUNTRIES)
    leader_a, leader_b, expert = s.person(), s.person(), s.person()
    duration = s.pick(DURATIONS)
    return f"{a} proposes {duration} ceasefire as {b} demands withdrawal", [
        f"{a} proposed a {duration} ceasefire along its border with {b} on Sunday, in talks hosted by {mediator}.",
        f"President {leader_a} said {a} was ready to sign “the moment {b} stops shelling our villages.”",
        f"{b} demanded that {a} withdraw its troops from the border region before any ceasefire. "
        f"“There can be no truce while foreign soldiers stand on our land,” said {leader_b}, the foreign minister of {b}.",
        f"The foreign ministry of {mediator} said both delegations had agreed to meet again next week.",
        f"{expert}, a former ambassador and now a professor at {s.pick(UNIVERSITIES)}, said the proposal was "
        f"a test of goodwill. “Neither side wants to be seen rejecting peace,” {s.surname(expert)} said.",
    ]


def trade_deal(s: Slots) -> tuple[str, list[str]]:
    a, b = s.pick(COUNTRIES), s.pick(COUNTRIES)
    minister_a, minister_b, expert = s.person(), s.person(), s.person()
    sector = s.pick(SECTORS)
    quota = s.rng.randrange(10, 500) * 1000
    return f"{a} and {b} reach deal on {sector} exports", [
        f"Trade ministers from {a} and {b} reached a deal on Wednesday that allows {quota:,} tonnes of {sector} "
        f"exports a year without tariffs.",
        f"“This deal opens a market that was closed to our producers for a decade,” said {minister_a}, "
        f"the trade minister of {a}.",
        f"{minister_b} said {b} had accepted the quota on condition that {a} drop its anti-dumping case at the World Trade Organization.",
        f"The agreement must still be approved by the parliaments of both countries, and will run for three years.",
        f"{expert}, an associate professor of economics at {s.pick(UNIVERSITIES)}, said the quota was modest. "
        f"“It is a symbolic opening more than a commercial one,” {s.surname(expert)} said.",
    ]


STORIES = [truce, merger, strike, climate_pact, ceasefire_talks, trade_deal]
