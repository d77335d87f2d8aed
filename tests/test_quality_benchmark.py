"""benchmarks/quality.py: extraction of a folder of annotated articles, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def quality():
    return quality_module()


def test_a_missing_scorer_is_a_clear_error(quality, tmp_path, capsys):
    assert quality.main([str(tmp_path), "--scorer", str(tmp_path / "score.py")]) == 2
    assert "scorer not found" in capsys.readouterr().err


def test_a_folder_without_gold_is_a_clear_error(quality, tmp_path, capsys):
    scorer = tmp_path / "score.py"
    scorer.write_text("")
    (tmp_path / "lonely.txt").write_text("Headline\nBody without gold.", encoding="utf-8")
    assert quality.main([str(tmp_path), "--scorer", str(scorer)]) == 2
    assert "no annotated articles" in capsys.readouterr().err


def test_only_articles_with_gold_are_read(quality, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Headline\nBody.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    assert [p.name for p in quality.annotated_articles(tmp_path)] == ["a.txt"]


def test_the_dev_set_is_scored_with_its_groups(quality, shared_dir, tmp_path, capfd):
    keep = tmp_path / "pred"
    assert quality.main([str(shared_dir / "devset"), "--scorer", str(shared_dir / "eval" / "score.py"), "--keep", str(keep), "--json"]) == 0
    report = json.loads(capfd.readouterr().out)
    assert {"parties", "agreements", "conditions", "commentary", "quotes"} <= set(report["summary"])
    assert len(list(keep.glob("*.json"))) == len(list((shared_dir / "devset").glob("*.gold.json")))
    all_label = next(label for label in report["groups"] if label.startswith("all "))
    assert report["groups"][all_label] == {category: {key: round(value, 3) for key, value in scores.items()} for category, scores in report["summary"].items()}
    assert any(label.startswith("modern ") for label in report["groups"]) and "held aside 5" in report["groups"]


def test_groups_and_the_articles_held_aside():
    names = [f"a-{n}" for n in range(6)] + [f"b-{n}" for n in range(10)]
    groups = quality_module().groups_of(names, ["b=b-*"], 3)
    assert list(groups) == ["all 16", "b 10", "held aside 3"]
    assert set(groups["held aside 3"]) < set(groups["b 10"])
    # The same choice every run, and another for other names.
    assert groups["held aside 3"] == quality_module().groups_of(names, ["b=b-*"], 3)["held aside 3"]


def test_a_group_summary_adds_up_the_counts_of_its_articles():
    counts = {"x": {"quotes": {"tp": 3, "fp": 1, "fn": 0}}, "y": {"quotes": {"tp": 1, "fp": 0, "fn": 4}}}
    assert quality_module().group_summary(counts, ["x", "y"]) == {"quotes": {"precision": 0.8, "recall": 0.5, "f1": 0.615}}
    assert quality_module().group_summary(counts, ["x"])["quotes"]["recall"] == 1.0


def quality_module():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
