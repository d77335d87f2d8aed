"""How fast factsheet builds a site of N articles, against baselines measured in the same run.

    python benchmarks/speed.py               # 1,000 articles: about 10 minutes on 2 cores
    python benchmarks/speed.py --quick       # 40 articles: a smoke test of the harness, figures not meaningful
    python benchmarks/speed.py --articles 300 --jobs 2

It writes a corpus into a temporary project (the sample article plus articles written here from
templates, with varied titles, names, places and dates: no network, nothing from the dev set), runs a
copy of the generator and templates taken at the start (so that edits made meanwhile do not change what
is measured) and prints four figures, each with its target and PASS or FAIL:

1. extraction words/s against raw `nlp.pipe` of the same model on the same texts, best of 1 and 2 processes;
2. a cold build (generate with an empty cache, then `mkdocs build`) against `mkdocs build` alone on the same docs;
3. a warm build with 1 article changed: the generator step against the cold one;
4. peak memory of the cold generator step: the summed PSS of its process tree (the build and its worker
   processes), sampled from /proc every 50 ms, so Linux only. PSS (proportional set size) splits pages that
   forked workers share with the build between them, where summed RSS would count them once per process;
   getrusage would give only the largest single process, not the sum of those running at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"

TARGET_THROUGHPUT = 0.8
TARGET_COLD = 1.3
TARGET_WARM = 0.05
TARGET_MEMORY_MB = 1536

# --- the corpus ---------------------------------------------------------------------------------------------

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


def snapshot_code(folder: Path) -> Path:
    """A copy of the generator package and the templates, imported from here on by this process and the builds."""
    code = folder / "code"
    shutil.copytree(ROOT / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", code / "templates")
    sys.path.insert(0, str(code))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))
    return code


def make_project(folder: Path, count: int) -> Path:
    """A site project like this repository's, with its own seeds: mkdocs.yml, hand-written docs, overrides."""
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=lambda d, names: ["facts"] if Path(d) == ROOT / "docs" else [])
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", folder / "overrides")
    write_corpus(folder / "seeds", count)
    return folder


# --- measuring ----------------------------------------------------------------------------------------------


class TreeMemory:
    """Peak summed PSS of a process and its descendants, sampled from /proc."""

    PERIOD = 0.05

    def __init__(self, pid: int):
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(_pss(pid) for pid in self._tree()))
            time.sleep(self.PERIOD)

    def _tree(self) -> set[int]:
        parents = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    # The field after the parenthesised command name is the state, then the parent pid.
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree = {self.pid}
        grew = True
        while grew:
            grown = tree | {pid for pid, parent in parents.items() if parent in tree}
            grew, tree = grown != tree, grown
        return tree


def _pss(pid: int) -> int:
    """Bytes; 0 for a process that has ended meanwhile."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def run(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run a command to its end: (seconds, peak PSS of its process tree in bytes, its last line of output)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{err[-3000:]}")
    lines = out.strip().splitlines()
    return seconds, peak, lines[-1] if lines else ""


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# --- the four figures ---------------------------------------------------------------------------------------


def throughput(seeds: Path, sample: int, model: str, rounds: int) -> tuple[float, float, int]:
    """Best words/s of raw nlp.pipe and of extraction, each on 1 and 2 processes, over the first `sample` articles."""
    import spacy

    from generator.extract import extract_all, load_pipeline
    from generator.load import article_files, load

    articles = [load(path) for path in article_files(seeds)[:sample]]
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    raw_nlp = spacy.load(model)
    raw_nlp("Warm up.")
    load_pipeline(model)("Warm up.")

    def timed(work) -> float:
        started = time.perf_counter()
        work()
        return words / (time.perf_counter() - started)

    # Interleaved, best of `rounds`: a neighbour's load on a shared machine then weighs on both sides alike.
    raw = {1: 0.0, 2: 0.0}
    ours = {1: 0.0, 2: 0.0}
    for _ in range(rounds):
        for n in (1, 2):
            raw[n] = max(raw[n], timed(lambda n=n: sum(1 for _ in raw_nlp.pipe(texts, n_process=n))))
            ours[n] = max(ours[n], timed(lambda n=n: sum(1 for _ in extract_all(articles, model, jobs=n))))
    print(f"  raw nlp.pipe: {raw[1]:,.0f} words/s on 1 process, {raw[2]:,.0f} on 2")
    print(f"  factsheet:    {ours[1]:,.0f} words/s on 1 process, {ours[2]:,.0f} on 2 (spaCy and the rules)")
    return max(raw.values()), max(ours.values()), words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--quick", action="store_true", help="40 articles: checks the harness, not the speed")
    parser.add_argument("--throughput-articles", type=int, default=300, help="articles timed for words/s (default 300)")
    parser.add_argument("--jobs", type=int, help="--jobs of the builds (default: all cores)")
    parser.add_argument("--model", help="spaCy pipeline (default: the generator's)")
    args = parser.parse_args()
    count = 40 if args.quick else args.articles
    sample = min(count, 20 if args.quick else args.throughput_articles)
    python = sys.executable

    with tempfile.TemporaryDirectory(prefix="factsheet-speed-") as tmp:
        code = snapshot_code(Path(tmp))
        from generator.config import DEFAULT_MODEL, available_cores
        from generator.load import article_files, load

        model = args.model or DEFAULT_MODEL
        jobs = args.jobs or available_cores()
        print(f"factsheet speed benchmark: {count:,} articles, --jobs {jobs}, model {model}, {available_cores()} cores")
        if args.quick:
            print("quick mode: a check of the harness; the figures mean little at this size")
        project = make_project(Path(tmp) / "project", count)
        total_words = sum(len(load(path).text.split()) for path in article_files(project / "seeds"))
        print(f"corpus: {count:,} articles, {total_words:,} words\n")

        print(f"1. extraction throughput ({sample:,} articles)")
        raw, ours, _ = throughput(project / "seeds", sample, model, rounds=1 if args.quick else 2)
        ratio = ours / raw
        print(f"  => {ratio:.2f}x raw nlp.pipe (best of 1 and 2 processes each)   target >= {TARGET_THROUGHPUT}x   {verdict(ratio >= TARGET_THROUGHPUT)}\n")

        generate = [python, "-m", "generator", "build", "--templates", str(code / "templates"), "--model", model, "--jobs", str(jobs)]
        mkdocs = [python, "-m", "mkdocs", "build", "--quiet"]
        gen_cold, gen_memory, cold_summary = run(generate, project)
        mk_first, mk_memory, _ = run(mkdocs, project)
        mk_alone, _, _ = run(mkdocs, project)
        cold = gen_cold + mk_first
        print(f"2. cold build of {count:,} articles")
        print(f"  generate: {cold_summary}")
        print(f"  generate {gen_cold:.1f} s + mkdocs build {mk_first:.1f} s = {cold:.1f} s; mkdocs build alone {mk_alone:.1f} s")
        print(f"  floor with this model: raw nlp.pipe over the corpus at {raw:,.0f} words/s is {total_words / raw:.1f} s")
        print(f"  => {cold / mk_alone:.2f}x mkdocs build alone   target <= {TARGET_COLD}x   {verdict(cold / mk_alone <= TARGET_COLD)}\n")

        changed = next((project / "seeds").glob("article-*.txt"))
        changed.write_text(changed.read_text("utf-8") + "An editor added this sentence, said Vera Holm.\n", encoding="utf-8")
        gen_warm, _, warm_summary = run(generate, project)
        print(f"3. warm build, 1 of {count:,} articles changed")
        print(f"  generate: {warm_summary}")
        print(f"  => generate {gen_warm:.2f} s against {gen_cold:.1f} s cold: {gen_warm / gen_cold:.1%}   target <= {TARGET_WARM:.0%}   {verdict(gen_warm / gen_cold <= TARGET_WARM)}\n")

        megabytes = gen_memory / 2**20
        print(f"4. peak memory of the cold generate step ({count:,} articles)")
        print(f"  summed PSS of the build process and its workers, sampled every {TreeMemory.PERIOD * 1000:.0f} ms (mkdocs build: {mk_memory / 2**20:,.0f} MB)")
        print(f"  => {megabytes:,.0f} MB   target <= {TARGET_MEMORY_MB:,} MB   {verdict(megabytes <= TARGET_MEMORY_MB)}")


if __name__ == "__main__":
    main()
