"""benchmarks/quality.py: extraction of a folder of annotated articles, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_the_dev_set_is_scored(quality, shared_dir, tmp_path, capfd):
    keep = tmp_path / "pred"
    assert quality.main([str(shared_dir / "devset"), "--scorer", str(shared_dir / "eval" / "score.py"), "--keep", str(keep), "--json"]) == 0
    report = json.loads(capfd.readouterr().out)
    assert set(report["summary"]) == {"parties", "agreements", "conditions", "commentary", "quotes"}
    assert len(list(keep.glob("*.json"))) == len(list((shared_dir / "devset").glob("*.gold.json")))
    assert report["summary"]["agreements"]["f1"] >= 0.8
