"""A site started with `factsheet init`, built as its README says, in Chromium: it draws its diagrams with its own
copy of Mermaid and loads nothing from outside the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.browser import serve_folder
from generator.cli import app
from tests.browser.test_pages import TIMEOUT_MS, assert_stayed_local_and_quiet, open_shadow_roots
from tests.test_site import mkdocs_build

SAMPLE_SHEET = "facts/articles/putin-trump-call/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> str:
    """Overrides the session's site: the visits of this module go to a project made by `factsheet init`."""
    project = tmp_path_factory.mktemp("init-site") / "newsroom"
    created = CliRunner().invoke(app, ["init", str(project)])
    assert created.exit_code == 0, created.output
    built = subprocess.run([sys.executable, "-m", "generator", "build", "--strict"], cwd=project, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    with serve_folder(mkdocs_build(project)) as url:
        yield url


def test_a_site_made_by_init_draws_its_diagram_with_its_own_mermaid(visit):
    page = visit.page
    open_shadow_roots(page)
    page.goto(SAMPLE_SHEET)
    page.locator("div.mermaid svg").first.wait_for(timeout=TIMEOUT_MS)
    assert any(Path(url).name == "mermaid.min.js" for url in visit.requests), visit.requests
    assert_stayed_local_and_quiet(visit)
