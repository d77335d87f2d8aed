"""Whether factsheet reads every article of a folder without an extraction bug: failures by extractor and error.

    python benchmarks/robustness.py DIR [DIR ...]        # every *.txt, *.md and *.html article in them
    python benchmarks/robustness.py DIR --jobs 2

Each article is loaded and extracted afresh (no cache) and counted once: read whole, read with a part missing
(an extractor failed and the sheet was built without its facts: FactSheet.unread), or not read at all (no sheet:
the failure of the parties extractor, or of loading). It prints the number of articles, then each failure grouped
by extractor and error with the articles it hit, then the seconds taken; the exit status is 1 when anything failed.
Meant for large folders of real news nobody here wrote, such as a public corpus fetched outside the project.
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    from generator.config import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="+", metavar="DIR", help="folder of articles")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline to read with (default {DEFAULT_MODEL})")
    parser.add_argument("--jobs", type=int, default=1, help="processes extracting at once (default 1)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    articles, unbuilt, failures = check_folders(args.folders, args.model, args.jobs)
    seconds = time.perf_counter() - started

    hit = {name for names in failures.values() for name in names}
    print(f"articles: {articles}")
    print(f"articles with a failure: {len(hit)}, of which without a sheet: {len(unbuilt)}")
    print(f"failures: {sum(len(names) for names in failures.values())}")
    for (extractor, error), names in sorted(failures.items(), key=lambda item: (item[0][0], -len(item[1]), item[0][1])):
        print(f"  {extractor}: {error}: {len(names)}")
        for name in sorted(names):
            print(f"    {name}")
    print(f"seconds: {seconds:.1f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
