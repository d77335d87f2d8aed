"""benchmarks/actors.py: the check of a built site for party pages that look like one actor, or like none."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from generator.actors import resolve_actors
from generator.config import Settings
from generator.model import ArticleMeta, FactSheet, Party, PartyKind, Span
from generator.render import render_site
from generator.slugs import slugify

ROOT = Path(__file__).resolve().parent.parent
P, O = PartyKind.person, PartyKind.organization
CORPUS = {
    "harbour-talks": [("Ana Ruiz", P), ("National Farmers Union", O), ("U.S. Coast Guard", O)],
    "union-vote": [("Ruiz", O), ("NFU", O), ("Coast Guard", O), ("Lena Okafor", P), ("the tribunal", O)],
    "port-deal": [("Pablo Okafor", P), ("Thursday", O), ("Ana Ruiz/Reuters", O)],
}


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("actors_benchmark", ROOT / "benchmarks" / "actors.py")
    module = importlib.util.module_from_spec(spec)
    # Registered before it runs: its dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def sheets() -> list[FactSheet]:
    found = []
    for article_id, parties in CORPUS.items():
        text = " ".join(f"{name} spoke." for name, _ in parties)
        found.append(
            FactSheet(
                article=ArticleMeta(id=article_id, title=article_id, source=f"seeds/{article_id}.txt"),
                text=text,
                parties=[
                    Party(id=slugify(name), name=name, kind=kind, mentions=[Span(start=text.index(name), end=text.index(name) + len(name))])
                    for name, kind in parties
                ],
            )
        )
    return found


def generated(tmp_path: Path, corpus: list[FactSheet]) -> Path:
    settings = Settings(seeds_dir=tmp_path, docs_dir=tmp_path / "docs", templates_dir=ROOT / "templates", cache_dir=tmp_path / "cache")
    for path, page in render_site(corpus, settings).items():
        (settings.generated_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (settings.generated_dir / path).write_text(page, encoding="utf-8")
    return settings.generated_dir


def test_pages_of_one_actor_and_of_none_are_listed(check, tmp_path):
    pages = check.read_pages(generated(tmp_path, sheets()))
    assert check.duplicates(pages) == {
        ("ana-ruiz", "ruiz"): "same surname",
        ("lena-okafor", "pablo-okafor"): "same surname",
        ("national-farmers-union", "nfu"): "same acronym",
        ("coast-guard", "u-s-coast-guard"): "alias of another page",
    }
    # "the tribunal" has no page even so: render gives none to a party named by a common noun.
    assert check.non_actors(pages) == {"thursday": "day or month", "ana-ruiz-reuters": "byline or credit"}


def test_a_site_with_actors_resolved_keeps_only_people_who_share_a_surname(check, tmp_path, capsys):
    folder = generated(tmp_path, resolve_actors(sheets()))
    pages = check.read_pages(folder)
    assert check.duplicates(pages) == {("lena-okafor", "pablo-okafor"): "same surname"}
    assert check.non_actors(pages) == {}
    assert check.main([str(folder)]) == 0
    assert capsys.readouterr().out.startswith("5 party pages\n1 pairs of pages that look like one actor:\n")
