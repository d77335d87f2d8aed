"""`factsheet init DIR`: a new project from the installed package, which then builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.init import MERMAID

ROOT = Path(__file__).resolve().parent.parent
SCAFFOLD = ROOT / "generator" / "scaffold"
SAMPLE = ROOT / "seeds" / "putin-trump-call.txt"

runner = CliRunner()


def _hand_written_docs() -> list[str]:
    """The repository's own pages in docs/: what git keeps, without generated or downloaded files."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot tell hand-written docs pages from generated ones")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "docs"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


def _project_files() -> dict[str, Path]:
    """Every file a new project gets, and the file of this repository it must be identical to."""
    expected = {name: ROOT / name for name in ("mkdocs.yml", ".gitignore", "seeds/putin-trump-call.txt")}
    for folder in ("templates", "overrides"):
        expected |= {path.relative_to(ROOT).as_posix(): path for path in (ROOT / folder).rglob("*") if path.is_file()}
    expected |= {name: ROOT / name for name in _hand_written_docs()}
    # Not hand-written: `make mermaid` fetches it, for this site and for the scaffold alike.
    expected[MERMAID.as_posix()] = ROOT / "docs" / "assets" / "javascripts" / "mermaid.min.js"
    return expected


def _files_under(folder: Path) -> set[str]:
    # followlinks: the scaffold's folders are links to the repository's own.
    return {(Path(parent) / name).relative_to(folder).as_posix() for parent, _, files in os.walk(folder, followlinks=True) for name in files}


def test_a_new_project_is_this_projects_site_files(tmp_path):
    target = tmp_path / "newsroom"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    expected = _project_files()
    assert _files_under(target) == set(expected)
    differ = [name for name, original in expected.items() if (target / name).read_bytes() != original.read_bytes()]
    assert not differ, f"differ from this repository's files: {differ}"
    assert "factsheet build" in result.output
    assert "warning" not in result.output


def test_an_installation_without_mermaid_says_the_site_would_load_it_from_a_cdn(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.init._project_files", lambda scaffold: [])
    result = runner.invoke(app, ["init", str(tmp_path / "newsroom")])
    assert result.exit_code == 0, result.output
    assert "warning: this installation carries no copy of Mermaid" in result.output


def test_every_scaffold_link_points_into_this_repository():
    links = [Path(folder) / name for folder, dirs, files in os.walk(SCAFFOLD) for name in dirs + files]
    links = [link for link in links if link.is_symlink()]
    assert links, "the scaffold holds no links to the repository's files"
    for link in links:
        target = link.resolve()
        assert target.exists(), f"{link.relative_to(ROOT)} points to {os.readlink(link)}, which does not exist"
        assert target.is_relative_to(ROOT) and not target.is_relative_to(SCAFFOLD), link


def test_every_hand_written_docs_page_is_in_the_scaffold():
    shipped = {name.removeprefix("docs/") for name in _files_under(SCAFFOLD) if name.startswith("docs/")}
    missing = [name for name in _hand_written_docs() if name.removeprefix("docs/") not in shipped]
    hint = "; ".join(f"ln -s {os.path.relpath(ROOT / name, (SCAFFOLD / name).parent)} generator/scaffold/{name}" for name in missing)
    assert not missing, f"new projects would lack {missing}: link them into the scaffold ({hint})"


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: ours\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert f"error: {tmp_path} is not empty" in result.output
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: ours\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_force_replaces_the_project_files_and_keeps_the_rest(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: ours\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "our-story.txt").write_text("Our headline\nOur text.\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path), "--force"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    assert (tmp_path / "seeds" / "our-story.txt").read_text(encoding="utf-8") == "Our headline\nOur text.\n"


def test_a_file_is_not_a_project_folder(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target), "--force"])
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.output


def _package_sources(destination: Path) -> None:
    """What building the package reads: its metadata, the generator package, and the files its scaffold links to."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, destination / name)
    shutil.copytree(ROOT / "generator", destination / "generator", symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for folder, dirs, files in os.walk(SCAFFOLD):
        for link in (Path(folder) / name for name in dirs + files):
            if link.is_symlink():
                original = link.resolve()
                copy = destination / original.relative_to(ROOT)
                copy.parent.mkdir(parents=True, exist_ok=True)
                if original.is_dir():
                    shutil.copytree(original, copy, dirs_exist_ok=True)
                else:
                    shutil.copy2(original, copy)


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_a_project_from_the_built_package_builds_its_site(tmp_path):
    """The whole story of a newsroom without this repository: install the package, init, build, mkdocs build."""
    sources, wheels, installed, work = (tmp_path / name for name in ("src", "wheels", "installed", "work"))
    for folder in (sources, work):
        folder.mkdir()
    _package_sources(sources)
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    pip = [sys.executable, "-m", "pip", "--quiet"]
    _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(wheels), str(sources)], tmp_path, env)
    (wheel,) = wheels.glob("factsheet-*.whl")
    _run([*pip, "install", "--no-deps", "--target", str(installed), str(wheel)], tmp_path, env)

    # The installed package comes first; its dependencies (spaCy, MkDocs, ...) from this environment.
    env["PYTHONPATH"] = str(installed)
    imported_from = _run([sys.executable, "-c", "import generator; print(generator.__file__)"], work, env)
    assert Path(imported_from.strip()).is_relative_to(installed)

    _run([sys.executable, "-m", "generator", "init", "newsroom"], work, env)
    project = work / "newsroom"
    assert not any(path.is_symlink() for path in project.rglob("*"))
    _run([sys.executable, "-m", "generator", "build", "--strict"], project, env)
    _run([sys.executable, "-m", "mkdocs", "build", "--strict"], project, env)

    headline = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert (project / "site" / "index.html").is_file()
    sheets = [page for page in (project / "site" / "facts").rglob("*.html") if headline in page.read_text(encoding="utf-8")]
    assert sheets, f"no page of the built site shows the sample article's headline {headline!r}"
    assert (project / "site" / MERMAID.relative_to("docs")).read_bytes() == (ROOT / "docs" / MERMAID.relative_to("docs")).read_bytes()
