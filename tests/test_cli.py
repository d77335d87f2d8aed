"""The command line: `extract` writes the JSON contract per article, `schema` publishes its JSON Schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from generator.cli import app
from generator.model import FactSheet

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"

runner = CliRunner()


def test_extract_writes_one_json_per_article_named_by_stem(tmp_path):
    article = tmp_path / "in" / "talks.txt"
    article.parent.mkdir()
    shutil.copy(SAMPLE, article)
    result = runner.invoke(app, ["extract", str(article), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "talks.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert set(data) >= {"article", "text", "parties", "agreements", "conditions", "quotes", "commentary"}
    assert data["article"]["title"] == SAMPLE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert data["text"] == SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    FactSheet.model_validate(data)


def test_every_span_lies_inside_the_text(tmp_path):
    runner.invoke(app, ["extract", str(SAMPLE), "--out", str(tmp_path)])
    sheet = FactSheet.model_validate_json((tmp_path / "putin-trump-call.json").read_text(encoding="utf-8"))
    spans = [m for p in sheet.parties for m in p.mentions] + [q.evidence for q in sheet.quotes]
    spans += [s for fact in (*sheet.agreements, *sheet.conditions, *sheet.commentary) for s in fact.evidence]
    assert spans
    assert all(0 <= s.start < s.end <= len(sheet.text) for s in spans)


def test_extract_names_an_unreadable_file_and_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"error: {empty}:" in result.output


def test_schema_is_the_json_schema_of_the_fact_sheet():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "FactSheet"
    assert {"parties", "agreements", "quotes", "commentary", "conditions"} <= set(schema["properties"])


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True, check=True)
    assert "extract" in result.stdout and "build" in result.stdout
