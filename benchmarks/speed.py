"""How fast factsheet builds a site of N articles, against baselines measured in the same run.

    python benchmarks/speed.py               # 1,000 articles: about 10 minutes on 2 cores
    python benchmarks/speed.py --quick       # 40 articles: a smoke test of the harness, figures not meaningful
    python benchmarks/speed.py --articles 300 --jobs 2

It writes a corpus into a temporary project (benchmarks/corpus.py: the sample article plus articles written from
templates, with varied titles, names, places and dates: no network, nothing from the dev set), runs a
copy of the generator and templates taken at the start (so that edits made meanwhile do not change what
is measured) and prints four figures, each with its target and PASS or FAIL:

1. extraction words/s against raw `nlp.pipe` of the same model on the same texts, best of 1 and 2 processes;
2. a cold build (generate with an empty cache, then `mkdocs build`) against `mkdocs build` alone on the same docs;
3. a warm build with 1 article changed: the generator step against the cold one (median of 3 builds);
4. peak memory of the cold generator step: the summed PSS of its process tree (the build and its worker
   processes), sampled from /proc every 50 ms, so Linux only. PSS (proportional set size) splits pages that
   forked workers share with the build between them, where summed RSS would count them once per process;
   getrusage would give only the largest single process, not the sum of those running at once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# Run as a script (`python benchmarks/speed.py`): this folder is on the import path.
from corpus import ROOT, make_project

TARGET_THROUGHPUT = 0.8
TARGET_COLD = 1.3
TARGET_WARM = 0.05
TARGET_MEMORY_MB = 1536
WARM_RUNS = 3


def snapshot_code(folder: Path) -> Path:
    """A copy of the generator package and the templates, imported from here on by this process and the builds."""
    code = folder / "code"
    shutil.copytree(ROOT / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", code / "templates")
    sys.path.insert(0, str(code))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))
    return code


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
    """Run a command to its end: (seconds, peak PSS of its process tree in bytes, its last line of output).

    The disk's write-back of earlier commands is done first, so that a command does not pay for the previous one's
    writes (a warm build right after `mkdocs build` wrote its site took a tenth longer).
    """
    os.sync()
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


def stage_times(project: Path, templates: Path, model: str, jobs: int) -> dict[str, float]:
    """Seconds spent in each stage of one build run in this process (the stage functions `build` calls, timed)."""
    import generator.build as build_module
    from generator.config import Settings

    spent: dict[str, float] = {}

    def timing(name, stage):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return stage(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

        return timed

    stages = ("load_articles", "extract_articles", "apply_editors_corrections", "resolve_site_actors", "render_pages", "write_pages")
    originals = {name: getattr(build_module, name) for name in stages if hasattr(build_module, name)}
    for name, stage in originals.items():
        setattr(build_module, name, timing(name, stage))
    previous = Path.cwd()
    try:
        os.chdir(project)
        build_module.build(Settings(templates_dir=templates, model=model, jobs=jobs))
    finally:
        os.chdir(previous)
        for name, stage in originals.items():
            setattr(build_module, name, stage)
    return spent


def change_article(path: Path) -> None:
    path.write_text(path.read_text("utf-8") + "An editor added this sentence, said Vera Holm.\n", encoding="utf-8")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# --- the four figures ---------------------------------------------------------------------------------------


def throughput(seeds: Path, sample: int, model: str, rounds: int) -> tuple[float, float]:
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
    print(f"  raw nlp.pipe: {raw[1]:,.0f} words/s on 1 process, {raw[2]:,.0f} on 2 (n_process=2)")
    print(f"  factsheet:    {ours[1]:,.0f} words/s on 1 process, {ours[2]:,.0f} on 2 (spaCy and the rules)")
    print(f"  on 1 process alone: {ours[1] / raw[1]:.2f}x")
    return max(raw.values()), max(ours.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--quick", action="store_true", help="40 articles: checks the harness, not the speed")
    parser.add_argument("--throughput-articles", type=int, default=300, help="articles timed for words/s (default 300)")
    parser.add_argument("--jobs", type=int, help="--jobs of the builds (default: all cores)")
    parser.add_argument("--model", help="spaCy pipeline (default: the generator's)")
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--templates", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages_of:
        stages = stage_times(args.stages_of, args.templates, args.model, args.jobs)
        print(", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items()))
        return
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
        raw, ours = throughput(project / "seeds", sample, model, rounds=1 if args.quick else 2)
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
        parsing = total_words / max(raw, ours)
        floor = (parsing + mk_first) / mk_alone
        print(f"  floor with this model: parsing the corpus at the best rate above ({max(raw, ours):,.0f} words/s) takes {parsing:.1f} s, so at least {floor:.2f}x")
        print(f"  => {cold / mk_alone:.2f}x mkdocs build alone   target <= {TARGET_COLD}x   {verdict(cold / mk_alone <= TARGET_COLD)}\n")

        # Three builds, each after another article changed, against the noise of a shared machine: their median.
        *changed, staged = sorted((project / "seeds").glob("article-*.txt"))[: WARM_RUNS + 1]
        warm = []
        for path in changed:
            change_article(path)
            seconds, _, warm_summary = run(generate, project)
            warm.append(seconds)
        gen_warm = statistics.median(warm)
        print(f"3. warm build, 1 of {count:,} articles changed")
        print(f"  generate: {warm_summary}")
        print(f"  {WARM_RUNS} builds, each after another article changed: {', '.join(f'{s:.2f}' for s in warm)} s")
        change_article(staged)
        # In a fresh process, like the builds above: this one has spaCy loaded already.
        stages_command = [python, __file__, "--stages-of", str(project), "--templates", str(code / "templates"), "--model", model, "--jobs", str(jobs)]
        _, _, stages = run(stages_command, project)
        print(f"  the same again (another article changed), by stage: {stages}")
        # What any build that extracts one article pays before its own work: a Python process, spaCy, the pipeline.
        startup, _, _ = run([python, "-c", f"from generator.extract import load_pipeline; load_pipeline({model!r})"], project)
        print(f"  of which fixed: starting Python, importing spaCy and loading the pipeline as the build does take {startup:.2f} s alone ({startup / gen_cold:.1%} of cold)")
        print(f"  => generate {gen_warm:.2f} s (median) against {gen_cold:.1f} s cold: {gen_warm / gen_cold:.1%}   target <= {TARGET_WARM:.0%}   {verdict(gen_warm / gen_cold <= TARGET_WARM)}\n")

        megabytes = gen_memory / 2**20
        print(f"4. peak memory of the cold generate step ({count:,} articles)")
        print(f"  summed PSS of the build process and its workers, sampled every {TreeMemory.PERIOD * 1000:.0f} ms (mkdocs build: {mk_memory / 2**20:,.0f} MB)")
        print(f"  => {megabytes:,.0f} MB   target <= {TARGET_MEMORY_MB:,} MB   {verdict(megabytes <= TARGET_MEMORY_MB)}")


if __name__ == "__main__":
    main()
