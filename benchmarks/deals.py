"""How well factsheet groups agreement mentions into deals: pairwise merge precision and recall against a judgment file.

    python -m generator extract ARTICLES... --out SHEETS_DIR
    python benchmarks/deals.py GOLD_FILE SHEETS_DIR [--json]

SHEETS_DIR holds fact sheets as JSON (as `extract` writes them). GOLD_FILE says which mentions are one deal: one deal
a line, its mentions separated by tabs, each named as in the site corrections file, "ARTICLE-ID: words of the
agreement's evidence"; lines starting with # are comments. A mention on a line of its own is a deal of its own.

Scored over every pair of listed mentions from different articles (two mentions of one article are the extractor's
business, never joined by the grouping): a pair is a merge when both are in one deal. Precision is the share of
predicted merges that are in one deal in the gold, recall the share of gold merges predicted. Predicted merges of a
listed mention with one the file does not list are printed as unjudged, to be judged and added.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.corrections import find_mention  # noqa: E402
from generator.deals import MentionKey, deal_of, group_deals  # noqa: E402
from generator.model import FactSheet  # noqa: E402


def read_gold(path: Path, sheets: list[FactSheet]) -> tuple[list[list[MentionKey]], list[str]]:
    """The gold deals, each a list of mention keys, and one problem line per mention that names no agreement."""
    by_id = {sheet.article.id: sheet for sheet in sheets}
    deals, problems = [], []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        deal = []
        for ref in filter(str.strip, line.split("\t")):
            try:
                deal.append(find_mention(by_id, ref))
            except ValueError as exc:
                problems.append(f"{path.name}:{number}: {exc}")
        deals.append(deal)
    return deals, problems


def score(gold: list[list[MentionKey]], sheets: list[FactSheet]) -> dict:
    """Pairwise merge counts, precision and recall of the grouping of these sheets against the gold deals."""
    gold_deal = {key: number for number, deal in enumerate(gold) for key in deal}
    predicted = {key: deal.id for key, deal in deal_of(group_deals(sheets)).items()}
    pairs = [(a, b) for a, b in combinations(sorted(gold_deal), 2) if a[0] != b[0]]
    merged = {pair for pair in pairs if predicted[pair[0]] == predicted[pair[1]]}
    same = {pair for pair in pairs if gold_deal[pair[0]] == gold_deal[pair[1]]}
    unjudged = sorted(
        (a, b) for a in gold_deal for b in predicted if b not in gold_deal and a[0] != b[0] and predicted[a] == predicted[b]
    )
    correct = len(merged & same)
    return {
        "mentions": len(gold_deal),
        "pairs": len(pairs),
        "gold merges": len(same),
        "predicted merges": len(merged),
        "correct merges": correct,
        "precision": correct / len(merged) if merged else None,
        "recall": correct / len(same) if same else None,
        "wrong merges": sorted(merged - same),
        "missed merges": sorted(same - merged),
        "unjudged merges": unjudged,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="the judgment file: one deal a line, mentions separated by tabs")
    parser.add_argument("sheets", type=Path, help="a folder of fact sheets as JSON, as `extract --out` writes them")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    sheets = [FactSheet.model_validate_json(path.read_bytes()) for path in sorted(args.sheets.glob("*.json"))]
    gold, problems = read_gold(args.gold, sheets)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    report = score(gold, sheets)
    if args.json:
        print(json.dumps(report, indent=2, default=list))
        return 0
    for name in ("mentions", "pairs", "gold merges", "predicted merges", "correct merges"):
        print(f"{name:>17}: {report[name]}")
    for name in ("precision", "recall"):
        value = report[name]
        print(f"{name:>17}: {'n/a' if value is None else f'{value:.3f}'}")
    for name in ("wrong merges", "missed merges", "unjudged merges"):
        for a, b in report[name]:
            print(f"{name[:-1]}: {a[0]}:{a[1]} ~ {b[0]}:{b[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
