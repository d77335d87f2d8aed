"""Command line: `factsheet` or `python -m generator`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from generator.build import BuildReport, build, load_articles
from generator.config import DEFAULT_MODEL, MODEL_ENV, Settings
from generator.model import FactSheet

app = typer.Typer(help="Turn news articles into a searchable static website of fact sheets.", no_args_is_help=True)

ModelOption = Annotated[str, typer.Option("--model", envvar=MODEL_ENV, help="spaCy pipeline: package name or path.")]


def _print_problems(report: BuildReport) -> None:
    for problem in report.problems:
        typer.echo(str(problem), err=True)


@app.command("build")
def build_command(
    seeds: Annotated[Path, typer.Option(help="Folder of article files.")] = Settings().seeds_dir,
    docs: Annotated[Path, typer.Option(help="MkDocs docs folder; generated pages go in a folder of their own inside it.")] = Settings().docs_dir,
    templates: Annotated[Path, typer.Option(help="Folder of Jinja2 templates.")] = Settings().templates_dir,
    model: ModelOption = DEFAULT_MODEL,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any article could not be built.")] = False,
) -> None:
    """Generate the Markdown fact-sheet pages from the articles in SEEDS."""
    settings = Settings(seeds_dir=seeds, docs_dir=docs, templates_dir=templates, model=model)
    report = build(settings)
    _print_problems(report)
    typer.echo(f"built {len(report.sheets)} fact sheets into {settings.generated_dir} ({len(report.written)} files changed)")
    if strict and report.failed:
        raise typer.Exit(1)


@app.command("extract")
def extract_command(
    inputs: Annotated[list[Path], typer.Argument(help="Article files.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for one NAME.json per article.")],
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Extract the facts of each article into OUT/<stem>.json."""
    from generator.build import extract_articles

    report = BuildReport()
    settings = Settings(model=model)
    articles = load_articles(inputs, report)
    report.sheets = extract_articles(articles, settings, report)
    out.mkdir(parents=True, exist_ok=True)
    stems = {article.meta.source: Path(article.meta.source).stem for article in articles}
    for sheet in report.sheets:
        (out / f"{stems[sheet.article.source]}.json").write_text(
            json.dumps(sheet.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    _print_problems(report)
    if report.failed:
        raise typer.Exit(1)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the per-article JSON."""
    typer.echo(json.dumps(FactSheet.model_json_schema(), indent=2))
