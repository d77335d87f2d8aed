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
import resource
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
# Each build may use this much memory (address space) before it is stopped: Zensical 0.0.73 took 6.5 GB for 1,000
# articles, and at 3,000 grew past the 24 GB of the machine until the kernel killed it, and other work with it.
MEMORY_CAP_GB = 12


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
    print(f"\nsite step: each builder alone, then the search index made of its site (seconds, and peak memory; a build over {MEMORY_CAP_GB} GB is stopped)")
    print(f"{'articles':>9} {'pages':>7} {'mkdocs build':>17} {'zensical build':>17} {'zensical, cached':>17} {'search index':>17}")
    for size, pages, *runs in rows:
        print(f"{size:>9,} {pages:>7,} " + " ".join(f"{run:>17}" for run in runs))


def time_builders(folder: Path, articles: int, sheets: Path, jobs: int) -> tuple[int, str, str, str, str]:
    """(pages, then for mkdocs build, zensical build from an empty cache, zensical build with its cache and the
    search index: seconds and peak memory, or how it failed)."""
    project = make_project(folder, articles)
    settings = Settings(seeds_dir=project / "seeds", docs_dir=project / "docs", templates_dir=ROOT / "templates", cache_dir=folder.parent / "cache", jobs=jobs)
    write_pages(render_site(fact_sheets(settings, sheets, articles), settings), settings.generated_dir)
    bin_dir = Path(sys.executable).parent
    mkdocs = timed([str(bin_dir / "mkdocs"), "build", "--quiet"], project)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    # Zensical keeps its cache in .cache/ beside mkdocs.yml: emptied for a first build, into an empty site folder.
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.rmtree(project / "site")
    zensical = timed([str(bin_dir / "zensical"), "build"], project)
    cached = timed([str(bin_dir / "zensical"), "build"], project) if zensical.endswith("MB") else "-"
    if not (project / "site" / "index.html").is_file():
        timed([str(bin_dir / "mkdocs"), "build", "--quiet"], project)
    index = timed([sys.executable, "-m", "generator", "index", "site"], project)
    print(f"{articles:,} articles, {pages:,} pages: mkdocs {mkdocs}, zensical {zensical} (cached {cached}), index {index}", file=sys.stderr)
    return pages, mkdocs, zensical, cached, index


def timed(command: list[str], cwd: Path) -> str:
    """How long `command` took and its peak memory ("12.3 s, 1,200 MB"), or how it failed; after the disk has written
    back what earlier commands wrote."""
    os.sync()
    cap = MEMORY_CAP_GB * 2**30

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=limit_memory)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        return f"failed at {seconds:.0f} s"
    return f"{seconds:.1f} s, {usage.ru_maxrss / 1024:,.0f} MB"


if __name__ == "__main__":
    main()
