"""Command line: `factsheet` or `python -m generator`."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from generator.build import BuildReport, Problem, apply_editors_corrections, build, load_articles, write_atomically
from generator.config import DEFAULT_MODEL, MODEL_ENV, Settings, available_cores
from generator.model import FactSheet
from generator.slugs import unique

app = typer.Typer(help="Turn news articles into a searchable static website of fact sheets.", no_args_is_help=True)

ModelOption = Annotated[str, typer.Option("--model", envvar=MODEL_ENV, help="spaCy pipeline: package name or path.")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes extracting at once (default: all cores).")]
CacheOption = Annotated[Path, typer.Option("--cache-dir", help="Folder of extraction results and rendered pages kept between builds (safe to delete).")]

# Fewer articles than this to extract take a few seconds: no progress bar for them.
PROGRESS_MIN_ARTICLES = 8


def _print_problems(report: BuildReport) -> None:
    for problem in report.problems:
        typer.echo(str(problem), err=True)


@contextlib.contextmanager
def _extraction_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while articles are extracted, when stderr is a terminal and there are enough of them."""
    console = Console(stderr=True)
    # Refreshed on each update, not by a thread of its own: extraction forks worker processes only from a process
    # running a single thread (generator.extract._worker_context).
    display = Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console, transient=True, auto_refresh=False
    )
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            if not console.is_terminal or total < PROGRESS_MIN_ARTICLES:
                return
            display.start()
            task = display.add_task("extracting", total=total)
        display.update(task, completed=done, refresh=True)

    try:
        yield advance
    finally:
        display.stop()


def _summary(report: BuildReport, settings: Settings, seconds: float) -> str:
    return (
        f"built {len(report.sheets):,} fact sheets ({report.facts:,} facts) into {settings.generated_dir} in {seconds:.1f} s; "
        f"{report.from_cache:,} from cache, {report.extracted:,} extracted; {len(report.written):,} files changed"
    )


def _build_and_report(settings: Settings) -> BuildReport:
    started = time.perf_counter()
    with _extraction_progress() as progress:
        report = build(settings, progress)
    _print_problems(report)
    typer.echo(_summary(report, settings, time.perf_counter() - started))
    return report


@app.command("build")
def build_command(
    seeds: Annotated[Path, typer.Option(help="Folder of article files.")] = Settings().seeds_dir,
    docs: Annotated[Path, typer.Option(help="MkDocs docs folder; generated pages go in a folder of their own inside it.")] = Settings().docs_dir,
    templates: Annotated[Path, typer.Option(help="Folder of Jinja2 templates.")] = Settings().templates_dir,
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = available_cores(),
    cache_dir: CacheOption = Settings().cache_dir,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 on any error or warning (an article left out, a field dropped).")] = False,
) -> None:
    """Generate the Markdown fact-sheet pages from the articles in SEEDS."""
    settings = Settings(seeds_dir=seeds, docs_dir=docs, templates_dir=templates, model=model, jobs=jobs, cache_dir=cache_dir)
    report = _build_and_report(settings)
    if strict and report.problems:
        raise typer.Exit(1)


@app.command("extract")
def extract_command(
    inputs: Annotated[list[Path], typer.Argument(help="Article files.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for one NAME.json per article.")],
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = available_cores(),
    cache_dir: CacheOption = Settings().cache_dir,
) -> None:
    """Extract the facts of each article into OUT/<stem>.json."""
    from generator.build import extract_articles

    report = BuildReport()
    settings = Settings(model=model, jobs=jobs, cache_dir=cache_dir)
    articles = load_articles(inputs, report)
    with _extraction_progress() as progress:
        sheets = extract_articles(articles, settings, report, progress)
    report.sheets = apply_editors_corrections(sheets, report)
    out.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    for sheet in report.sheets:
        # `a.txt` and `a.md`, or the same name in two folders, must not overwrite each other's JSON.
        stem = Path(sheet.article.source).stem
        name = unique(stem, written)
        if name != stem:
            report.problems.append(Problem(sheet.article.source, f"{stem}.json is another input's; written as {name}.json", fatal=False))
        data = json.dumps(sheet.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
        write_atomically(out / f"{name}.json", data.encode("utf-8"))
    _print_problems(report)
    if report.failed:
        raise typer.Exit(1)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the per-article JSON."""
    typer.echo(json.dumps(FactSheet.model_json_schema(), indent=2))


@app.command("init")
def init_command(
    folder: Annotated[Path, typer.Argument(help="Folder for the new project; created if missing.")],
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that is not empty, replacing files of the same name.")] = False,
) -> None:
    """Start a new fact-sheet site in FOLDER: mkdocs.yml, docs/, templates/ and seeds/ with a sample article."""
    from generator.init import MERMAID, InitError, init_project

    try:
        written = init_project(folder, force=force)
    except InitError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if MERMAID not in written and not (folder / MERMAID).is_file():
        typer.echo(f"warning: this installation carries no copy of Mermaid ({MERMAID}): the site's diagrams would load it from a CDN", err=True)
    typer.echo(f"created a fact-sheet project in {folder} ({len(written)} files). Next:")
    typer.echo(f"  cd {folder}")
    typer.echo("  factsheet build    # fact sheets from the articles in seeds/ into docs/facts/")
    typer.echo("  mkdocs serve       # preview the site; `mkdocs build` writes it into site/")


@app.command("serve")
def serve_command(
    seeds: Annotated[Path, typer.Option(help="Folder of article files.")] = Settings().seeds_dir,
    docs: Annotated[Path, typer.Option(help="MkDocs docs folder (the config file's docs_dir).")] = Settings().docs_dir,
    templates: Annotated[Path, typer.Option(help="Folder of Jinja2 templates.")] = Settings().templates_dir,
    config_file: Annotated[Path, typer.Option("--config-file", "-f", help="MkDocs configuration.")] = Path("mkdocs.yml"),
    dev_addr: Annotated[str, typer.Option("--dev-addr", "-a", help="IP:PORT to serve the preview on.")] = "127.0.0.1:8000",
    interval: Annotated[float, typer.Option(help="Seconds between looks for changed articles and templates.", min=0.1)] = 0.5,
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = available_cores(),
    cache_dir: CacheOption = Settings().cache_dir,
) -> None:
    """Preview the site: `mkdocs serve`, regenerating the fact sheets whenever a file in SEEDS or TEMPLATES changes."""
    from generator.serve import serve

    settings = Settings(seeds_dir=seeds, docs_dir=docs, templates_dir=templates, model=model, jobs=jobs, cache_dir=cache_dir)
    raise typer.Exit(serve(settings, config_file, dev_addr, interval, _build_and_report, typer.echo))
