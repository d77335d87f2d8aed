"""The GitHub Pages workflow builds the site with the README's first command and deploys what it built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "the workflow is not a YAML mapping"
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _action(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def test_it_runs_on_pushes_to_main_and_by_hand(workflow):
    # YAML 1.1 reads the key `on` as the boolean true.
    triggers = workflow[True]
    assert "main" in triggers["push"]["branches"]
    assert "workflow_dispatch" in triggers


def test_it_may_deploy_to_pages_and_nothing_more(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]


def test_the_site_is_built_with_the_readme_command(workflow):
    runs = [step.get("run", "") for step in _steps(workflow)]
    assert any(re.search(r"^\s*make site\s*$", run, re.MULTILINE) for run in runs), runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make site\b", readme, re.MULTILINE), "the README's first command is no longer `make site`"
    assert re.search(r"^site:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)


def test_it_uploads_the_folder_mkdocs_builds_into(workflow):
    from mkdocs.config import load_config

    uploads = [step for step in _steps(workflow) if _action(step) == "actions/upload-pages-artifact"]
    assert len(uploads) == 1
    assert uploads[0]["with"]["path"] == "site"
    site_dir = Path(load_config(str(ROOT / "mkdocs.yml"))["site_dir"])
    assert site_dir == ROOT / "site"


def test_the_upload_follows_the_build(workflow):
    build_steps = workflow["jobs"]["build"]["steps"]
    position = {("make" if "make site" in step.get("run", "") else _action(step)): i for i, step in enumerate(build_steps)}
    assert position["actions/checkout"] < position["make"] < position["actions/upload-pages-artifact"]


def test_a_deploy_job_publishes_the_upload(workflow):
    deploy = next(job for job in workflow["jobs"].values() if any(_action(s) == "actions/deploy-pages" for s in job.get("steps", [])))
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    step = next(s for s in deploy["steps"] if _action(s) == "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_every_action_is_pinned_to_a_version(workflow):
    for step in _steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+|[0-9a-f]{40})", step["uses"]), step["uses"]
