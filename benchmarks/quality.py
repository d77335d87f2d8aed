"""How well factsheet reads articles: extraction scored against hand-made gold, category by category.

    python benchmarks/quality.py GOLD_DIR                     # e.g. ../shared/devset
    python benchmarks/quality.py GOLD_DIR --model en_core_web_md
    python benchmarks/quality.py GOLD_DIR --scorer path/to/score.py --keep out/   # keep the predictions
    python benchmarks/quality.py GOLD_DIR --json                                  # the scorer's JSON report
    python benchmarks/quality.py GOLD_DIR --group 'modern=modern-*' --held-aside 5  # the default groups

GOLD_DIR holds annotated articles: NAME.txt (headline on line 1, then the body, one paragraph a line) and its
gold NAME.gold.json (parties, agreements, conditions, commentary, quotes; evidence given as exact substrings of
the body, no offsets; the format of the project's annotation guidelines, GUIDELINES.md beside the scorer).
Every NAME.txt that has a gold file is extracted afresh (no cache) with the chosen spaCy model, its JSON written
as the `extract` command writes it, and the scorer's table printed: true positives / false positives / misses
per article and precision, recall and F1 per category. Then F1 (precision / recall) per category for every
article, for each group of articles (`--group LABEL=GLOB` on the file names), and for the articles held aside:
N articles of the last group, picked by the SHA-256 of their names, whose text and misses a developer does not
read while tuning the rules, so that their score estimates how the rules do on news they were not written against.

The scorer (score.py) is not part of this repository: it lives with the shared evaluation material and is
looked for at ../shared/eval/score.py beside the checkout; point --scorer at it when it is elsewhere.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def annotated_articles(gold_dir: Path) -> list[Path]:
    """The NAME.txt files of GOLD_DIR that have a NAME.gold.json beside them, in name order."""
    return sorted(p for p in gold_dir.glob("*.txt") if (gold_dir / f"{p.stem}.gold.json").is_file())


def write_predictions(articles: list[Path], out: Path, model: str, jobs: int = 1) -> list[str]:
    """Extract each article into OUT/NAME.json; returns one problem line per article that failed."""
    from generator.extract import extract_all
    from generator.load import load

    loaded = [load(path) for path in articles]
    problems = []
    out.mkdir(parents=True, exist_ok=True)
    for path, outcome in zip(articles, extract_all(loaded, model, jobs)):
        if isinstance(outcome, Exception):
            problems.append(f"{path.name}: extraction failed: {type(outcome).__name__}: {outcome}")
            continue
        (out / f"{path.stem}.json").write_text(json.dumps(outcome.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return problems


def held_aside(names: list[str], count: int) -> list[str]:
    """`count` of `names`, by the SHA-256 of each name: a choice at random that every run repeats."""
    return sorted(sorted(names, key=lambda name: hashlib.sha256(name.encode("utf-8")).hexdigest())[:count])


def group_summary(articles: dict[str, dict[str, dict[str, int]]], names: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per category over `names`, from the scorer's per-article counts (micro-averaged, as
    its own summary is)."""
    summary = {}
    for category in next(iter(articles.values()), {}):
        tp, fp, fn = (sum(articles[name][category][count] for name in names) for count in ("tp", "fp", "fn"))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        summary[category] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
    return summary


def groups_of(names: list[str], patterns: list[str], aside: int) -> dict[str, list[str]]:
    """Each group's article names, all articles first and the held-aside ones last."""
    groups = {f"all {len(names)}": names}
    members: list[str] = []
    for pattern in patterns:
        label, _, glob = pattern.partition("=")
        members = [name for name in names if fnmatch.fnmatch(name, glob or label)]
        groups[f"{label} {len(members)}"] = members
    if aside and members:
        groups[f"held aside {min(aside, len(members))}"] = held_aside(members, aside)
    return groups


def print_groups(groups: dict[str, dict[str, dict[str, float]]]) -> None:
    categories = list(next(iter(groups.values())))
    print("F1 (precision / recall)".ljust(24) + "".join(category.ljust(22) for category in categories))
    for label, summary in groups.items():
        cells = (f"{summary[c]['f1']:.3f} ({summary[c]['precision']:.2f} / {summary[c]['recall']:.2f})" for c in categories)
        print(label.ljust(24) + "".join(cell.ljust(22) for cell in cells))


def main(argv: list[str] | None = None) -> int:
    from generator.config import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path, help="folder of NAME.txt articles with their NAME.gold.json")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline to read with (default {DEFAULT_MODEL})")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help=f"path of score.py (default {DEFAULT_SCORER})")
    parser.add_argument("--keep", type=Path, help="write the predictions here and keep them (default: a temporary folder)")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1)")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON report, with a summary per group, instead of tables")
    parser.add_argument("--group", action="append", metavar="LABEL=GLOB", help="a group of articles by file name, scored apart (default: modern=modern-*)")
    parser.add_argument("--held-aside", type=int, default=5, metavar="N", help="N articles of the last group, scored apart (default 5; 0 for none)")
    args = parser.parse_args(argv)

    if not args.scorer.is_file():
        print(
            f"error: scorer not found at {args.scorer}: it is not part of this repository; "
            "pass --scorer PATH/score.py (it ships with the shared evaluation material)",
            file=sys.stderr,
        )
        return 2
    if not args.gold_dir.is_dir():
        print(f"error: {args.gold_dir} is not a folder", file=sys.stderr)
        return 2
    articles = annotated_articles(args.gold_dir)
    if not articles:
        print(f"error: no annotated articles in {args.gold_dir} (expected NAME.txt beside NAME.gold.json)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="factsheet-quality-") as scratch:
        out = args.keep or Path(scratch)
        problems = write_predictions(articles, out, args.model, args.jobs)
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        command = [sys.executable, str(args.scorer), str(args.gold_dir), str(out)]
        table = subprocess.run(command, check=False) if not args.json else None
        scored = subprocess.run([*command, "--json"], check=False, capture_output=True, text=True)
    if scored.returncode:
        print(scored.stderr, file=sys.stderr, end="")
        return scored.returncode
    report = json.loads(scored.stdout)
    names = [path.stem for path in articles]
    groups = {label: group_summary(report["articles"], members) for label, members in groups_of(names, args.group or ["modern=modern-*"], args.held_aside).items() if members}
    if args.json:
        print(json.dumps({**report, "groups": groups}, indent=2))
    else:
        print(f"\n{len(articles)} articles, model {args.model}")
        print_groups(groups)
    return (table.returncode if table else 0) or (1 if problems else 0)


if __name__ == "__main__":
    sys.exit(main())
