"""Build time of the site step, MkDocs against Zensical, side by side in one run, at 1,000 and 3,000 articles.

For each size it writes the generator's pages once (benchmarks/corpus.py: the corpus and its fact sheets, kept in
`--sheets DIR` between runs), then times each builder on the same docs/ in turn, from the same project: `mkdocs
build` and `zensical build` with an empty cache (a first build, as in CI), then Zensical again with the cache its
first build left (it rebuilds only what changed: here nothing). The search index, the same step after either
builder, is timed once per size.

    .venv/bin/python benchmarks/builders.py                          # 1,000 and 3,000 articles
    .venv/bin/python benchmarks/builders.py --articles 300 --sheets /tmp/sheets
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.build import write_pages
from generator.config import Settings, available_cores
from generator.render import render_site

# Run as a script: this folder is on the import path.
from corpus import ROOT, fact_sheets, make_project

SIZES = (1000, 3000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append", help="articles in the site; repeat for several sizes (default: 1,000 and 3,000)")
    parser.add_argument("--sheets", type=Path, metavar="DIR", help="keep extracted fact sheets here for the next run (default: not kept)")
    parser.add_argument("--jobs", type=int, default=available_cores(), help="extraction processes (default: all cores)")
    args = parser.parse_args()
    sizes = args.articles or list(SIZES)
    rows = []
    with tempfile.TemporaryDirectory(prefix="factsheet-builders-") as scratch:
        sheets = args.sheets or Path(scratch) / "sheets"
        sheets.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            rows.append((size, *time_builders(Path(scratch) / f"site-{size}", size, sheets, args.jobs)))
    print("\nsite step (seconds): the builder alone, then the search index made of its site")
    print(f"{'articles':>9} {'pages':>7} {'mkdocs build':>13} {'zensical build':>15} {'ratio':>6} {'zensical, cached':>17} {'search index':>13}")
    for size, pages, mkdocs, zensical, cached, index in rows:
        print(f"{size:>9,} {pages:>7,} {mkdocs:>13.1f} {zensical:>15.1f} {mkdocs / zensical:>5.1f}x {cached:>17.1f} {index:>13.1f}")


def time_builders(folder: Path, articles: int, sheets: Path, jobs: int) -> tuple[int, float, float, float, float]:
    """(pages, mkdocs build, zensical build from an empty cache, zensical build with its cache, search index) in s."""
    project = make_project(folder, articles)
    settings = Settings(seeds_dir=project / "seeds", docs_dir=project / "docs", templates_dir=ROOT / "templates", cache_dir=folder.parent / "cache", jobs=jobs)
    write_pages(render_site(fact_sheets(settings, sheets, articles), settings), settings.generated_dir)
    bin_dir = Path(sys.executable).parent
    mkdocs = timed([str(bin_dir / "mkdocs"), "build", "--quiet"], project)
    # Zensical keeps its cache in .cache/ beside mkdocs.yml: emptied for a first build, into an empty site folder.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.rmtree(project / "site")
    zensical = timed([str(bin_dir / "zensical"), "build"], project)
    cached = timed([str(bin_dir / "zensical"), "build"], project)
    index = timed([sys.executable, "-m", "generator", "index", "site"], project)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    print(f"{articles:,} articles, {pages:,} pages: mkdocs {mkdocs:.1f} s, zensical {zensical:.1f} s (cached {cached:.1f} s), index {index:.1f} s", file=sys.stderr)
    return pages, mkdocs, zensical, cached, index


def timed(command: list[str], cwd: Path) -> float:
    """Seconds `command` took, after the disk has written back what earlier commands wrote."""
    os.sync()
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
