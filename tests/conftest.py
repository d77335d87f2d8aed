"""Shared fixtures: one spaCy pipeline for the whole session, and the dev set where it is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from generator.extract import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "devset").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"dev set not found at {SHARED} (clone the project beside its shared/ folder to run this test)")
    return SHARED
