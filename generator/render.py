"""Stage 4, render: fact sheets to Markdown pages through the Jinja2 templates in `templates/`."""

from __future__ import annotations

from generator.config import Settings
from generator.model import FactSheet


def render_site(sheets: list[FactSheet], settings: Settings) -> dict[str, str | bytes]:
    """Every generated page, keyed by its path relative to the generated folder."""
    return {f"articles/{sheet.article.id}.json": sheet.model_dump_json(indent=2) for sheet in sheets}
