"""Live preview (generator/serve.py): which changes trigger a build, that a build picks up edited articles and
templates, and `python -m generator serve` end to end, serving over HTTP and regenerating after an edit."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.build import BuildReport, build
from generator.config import Settings
from generator.serve import SourceWatcher, changed_files, regenerate_if_changed, snapshot
from tests.test_site import new_project

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Harbour Council and Dock Workers Union agree 60-day pause in strike
The Harbour Council and the Dock Workers Union agreed on Monday to a 60-day pause in the strike that has closed the port.
"We will return to work while the talks go on," said Maria Kovacs, the union's leader.
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.fixture
def folders(tmp_path) -> Settings:
    write(tmp_path / "seeds" / "strike.txt", ARTICLE)
    write(tmp_path / "templates" / "fact_sheet.md.j2", "# {{ meta.title }}\n")
    return Settings(seeds_dir=tmp_path / "seeds", docs_dir=tmp_path / "docs", templates_dir=tmp_path / "templates", cache_dir=tmp_path / "cache")


class Builds:
    """A stand-in for the build that records its calls, and can be told to fail like a broken template would."""

    def __init__(self):
        self.calls: list[Settings] = []
        self.error: Exception | None = None

    def __call__(self, settings: Settings) -> BuildReport:
        self.calls.append(settings)
        if self.error:
            raise self.error
        return BuildReport()


def test_snapshot_sees_added_modified_and_removed_files_but_not_editor_temporaries(folders):
    seeds = folders.seeds_dir
    before = snapshot([seeds])
    write(seeds / ".strike.txt.swp", "swap")
    write(seeds / "strike.txt~", "backup")
    write(seeds / ".git" / "index", "hidden folder")
    assert changed_files(before, snapshot([seeds])) == []
    write(seeds / "new.txt", "Headline\nBody.\n")
    write(seeds / "strike.txt", ARTICLE + "One more paragraph.\n")
    after = snapshot([seeds])
    assert changed_files(before, after) == [seeds / "new.txt", seeds / "strike.txt"]
    (seeds / "new.txt").unlink()
    assert changed_files(after, snapshot([seeds])) == [seeds / "new.txt"]


def test_a_build_runs_once_per_change_to_an_article_or_template(folders):
    watcher, builds, said = SourceWatcher(folders), Builds(), []
    assert regenerate_if_changed(watcher, folders, builds, said.append) is None
    write(folders.seeds_dir / "strike.txt", ARTICLE + "One more paragraph.\n")
    assert isinstance(regenerate_if_changed(watcher, folders, builds, said.append), BuildReport)
    assert builds.calls == [folders]
    assert said == [f"changed: {folders.seeds_dir / 'strike.txt'}"]
    assert regenerate_if_changed(watcher, folders, builds, said.append) is None
    write(folders.templates_dir / "fact_sheet.md.j2", "# {{ meta.title }}\n\nEdited.\n")
    regenerate_if_changed(watcher, folders, builds, said.append)
    (folders.seeds_dir / "strike.txt").unlink()
    regenerate_if_changed(watcher, folders, builds, said.append)
    assert len(builds.calls) == 3
    # Files elsewhere, such as the generated pages the build itself writes, never trigger a build.
    write(folders.docs_dir / "facts" / "index.md", "# Fact sheets\n")
    assert regenerate_if_changed(watcher, folders, builds, said.append) is None


def test_a_failing_build_is_reported_and_the_next_change_builds_again(folders):
    watcher, builds, said = SourceWatcher(folders), Builds(), []
    builds.error = SyntaxError("unexpected '}'")
    write(folders.templates_dir / "fact_sheet.md.j2", "# {{ meta.title }\n")
    assert regenerate_if_changed(watcher, folders, builds, said.append) is None
    assert said[-1] == "error: build failed: SyntaxError: unexpected '}'"
    builds.error = None
    write(folders.templates_dir / "fact_sheet.md.j2", "# {{ meta.title }}\n")
    assert isinstance(regenerate_if_changed(watcher, folders, builds, said.append), BuildReport)
    assert len(builds.calls) == 2


def test_rebuilds_in_one_process_pick_up_edited_templates_and_articles(tmp_path, nlp):
    """A preview runs for hours: each build must read the templates and articles as they are now, not as first loaded."""
    settings = new_project(tmp_path).model_copy(
        update={"templates_dir": tmp_path / "templates", "cache_dir": tmp_path / ".cache", "jobs": 1}
    )
    shutil.copytree(ROOT / "templates", settings.templates_dir)
    write(settings.seeds_dir / "strike.txt", ARTICLE)
    page = settings.generated_dir / "articles" / "strike.md"
    watcher = SourceWatcher(settings)
    build(settings)
    assert page.read_text("utf-8").count("Harbour Council and Dock Workers Union agree 60-day pause in strike") >= 1

    template = settings.templates_dir / "fact_sheet.md.j2"
    template.write_text(template.read_text("utf-8") + "\nPreview marker: edited template.\n", "utf-8")
    report = regenerate_if_changed(watcher, settings, build, print)
    assert report is not None and report.extracted == 0
    assert "Preview marker: edited template." in page.read_text("utf-8")
    # Only the pages the template draws changed; MkDocs reloads just those.
    assert "articles/strike.md" in report.written and "index.md" not in report.written

    write(settings.seeds_dir / "strike.txt", ARTICLE.replace("60-day pause", "90-day pause"))
    report = regenerate_if_changed(watcher, settings, build, print)
    assert report is not None and report.extracted == 1
    assert "90-day pause in strike" in page.read_text("utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_until(url: str, expected: str, process: subprocess.Popen, log: Path, deadline: float) -> str:
    """The page at `url` once it contains `expected`; fails when the deadline passes or the server died."""
    body = ""
    while time.monotonic() < deadline:
        assert process.poll() is None, f"`generator serve` exited with status {process.returncode}:\n{log.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            body = ""
        if expected in body:
            return body
        time.sleep(0.5)
    pytest.fail(f"{url} did not show {expected!r} in time; last response began: {body[:300]!r}\n{log.read_text()[-3000:]}")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_serve_command_serves_the_site_regenerates_an_edited_article_and_stops_with_mkdocs(tmp_path, stop):
    settings = new_project(tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    write(settings.seeds_dir / "strike.txt", ARTICLE)
    port = free_port()
    log_path = tmp_path / "serve.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}", "--jobs", "1", "--interval", "0.2"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
        # Ctrl-C as in a terminal: a test run started in the background (`make test &`) passes SIGINT on ignored,
        # and Python then never raises KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    url = f"http://127.0.0.1:{port}/facts/articles/strike/"
    try:
        # Generous: the first build loads spaCy, and the machine may be busy. Nothing here measures speed.
        deadline = time.monotonic() + 240
        page = fetch_until(url, "60-day pause in strike", process, log_path, deadline)
        # MkDocs' live-reload script is in every page it serves: the open browser tab reloads on the next build.
        assert "livereload" in page
        write(settings.seeds_dir / "strike.txt", ARTICLE.replace("60-day pause", "90-day pause"))
        fetch_until(url, "90-day pause in strike", process, log_path, deadline)
    finally:
        process.send_signal(stop)
        try:
            status = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            pytest.fail(f"`generator serve` did not stop on {stop.name}:\n{log_path.read_text()[-3000:]}")
        log.close()
    assert status == 0, log_path.read_text()
    # MkDocs stopped with it: nothing serves the port any more.
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
