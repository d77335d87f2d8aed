"""benchmarks/robustness.py: every article of a folder extracted, failures counted by extractor and error."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import generator.extract
from generator.extract import parties

ROOT = Path(__file__).resolve().parent.parent


def robustness_module():
    spec = importlib.util.spec_from_file_location("robustness", ROOT / "benchmarks" / "robustness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _raise(*args, **kwargs):
    raise IndexError("list index out of range")


def test_failures_are_counted_by_extractor_and_error(tmp_path, monkeypatch, capsys):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Talks {name}\nNorland and Vestmark agreed to a truce, officials said.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(generator.extract, "find_conditions", _raise)
    assert robustness_module().main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "articles: 3\narticles with a failure: 3, of which without a sheet: 1\nfailures: 3\n" in out
    assert "  conditions: IndexError: list index out of range (__init__.py:" in out and "    a.txt\n    b.txt\n" in out
    assert "  load: LoadError: " in out and "    empty.txt\n" in out


def test_a_sheet_lost_to_the_parties_extractor_is_put_down_to_it(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text("Talks\nNorland and Vestmark agreed to a truce, officials said.\n", encoding="utf-8")
    monkeypatch.setattr(parties, "_collect", _raise)
    assert robustness_module().main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "of which without a sheet: 1" in out and "  parties: IndexError: list index out of range: 1\n    a.txt\n" in out
