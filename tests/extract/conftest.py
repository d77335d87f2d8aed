"""Extractor tests: one fact sheet from a short text written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.extract import facts_from_doc
from generator.model import Article, ArticleMeta, FactSheet


@pytest.fixture(scope="session")
def facts(nlp) -> Callable[[str], FactSheet]:
    def extract(body: str) -> FactSheet:
        article = Article(meta=ArticleMeta(id="test", title="Test", source="test.txt"), text=body)
        return facts_from_doc(article, nlp(body))

    return extract
