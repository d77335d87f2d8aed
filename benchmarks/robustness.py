"""Whether factsheet reads every article of a folder without an extraction bug: failures by extractor and error.

    python benchmarks/robustness.py DIR [DIR ...]        # every *.txt, *.md and *.html article in them
    python benchmarks/robustness.py DIR --jobs 2

Each article is loaded and extracted afresh (no cache). It prints the number of articles, those with a failure
and how many of them got no sheet at all (the parties extractor failed, or loading did), then each failure by
extractor and error with the articles it hit (a failure of any other extractor costs only its part of the sheet:
FactSheet.unread), then the seconds taken, wall and CPU. The exit status is 1 when anything failed.
Meant for large folders of real news nobody here wrote, such as a public corpus fetched outside the project.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Failures keyed by (extractor, error), each with the names of the articles it hit.
Failures = dict[tuple[str, str], list[str]]


def failing_extractor(exc: BaseException) -> str:
    """The extractor module a whole-sheet failure came from, read from its traceback: the first frame in
    generator/extract/ other than the package itself (which only calls the extractors)."""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.parent.name == "extract" and path.name != "__init__.py":
            return path.stem
    # A worker process sends an exception back without its traceback.
    return "unknown"


def check_folders(folders: list[Path], model: str, jobs: int) -> tuple[int, set[str], Failures]:
    """The number of articles, the names of those left without a sheet, and every failure."""
    from generator.extract import extract_all
    from generator.load import article_files, load

    failures: Failures = defaultdict(list)
    unbuilt: set[str] = set()
    articles = []
    paths = [path for folder in folders for path in article_files(folder)]
    for path in paths:
        try:
            articles.append(load(path))
        except Exception as exc:
            failures["load", f"{type(exc).__name__}: {exc}"].append(path.name)
            unbuilt.add(path.name)
    for article, outcome in zip(articles, extract_all(articles, model, jobs)):
        name = Path(article.meta.source).name
        if isinstance(outcome, Exception):
            failures[failing_extractor(outcome), f"{type(outcome).__name__}: {outcome}"].append(name)
            unbuilt.add(name)
            continue
        for unread in outcome.unread:
            failures[unread.part, unread.error].append(name)
    return len(paths), unbuilt, failures


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main(argv: list[str] | None = None) -> int:
    from generator.config import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="+", metavar="DIR", help="folder of articles")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline to read with (default {DEFAULT_MODEL})")
    parser.add_argument("--jobs", type=int, default=1, help="processes extracting at once (default 1)")
    args = parser.parse_args(argv)

    started, cpu_started = time.perf_counter(), _cpu_seconds()
    articles, unbuilt, failures = check_folders(args.folders, args.model, args.jobs)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started

    hit = {name for names in failures.values() for name in names}
    print(f"articles: {articles}")
    print(f"articles with a failure: {len(hit)}, of which without a sheet: {len(unbuilt)}")
    print(f"failures: {sum(len(names) for names in failures.values())}")
    for (extractor, error), names in sorted(failures.items(), key=lambda item: (item[0][0], -len(item[1]), item[0][1])):
        print(f"  {extractor}: {error}: {len(names)}")
        for name in sorted(names):
            print(f"    {name}")
    # CPU time too: on a machine shared with other work, the wall time says more about the others than about this.
    print(f"seconds: {seconds:.1f} (CPU {cpu:.1f}, worker processes included)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
