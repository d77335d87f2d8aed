"""Stage 2, extract: read an article with spaCy and our own rules into a `FactSheet`.

The only stage that imports spaCy. Each submodule holds small functions from a spaCy `Doc`
to one kind of fact; `facts_from_doc` runs them in dependency order (parties first, since
every other fact names its parties by id).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from generator.extract.agreements import find_agreements
from generator.extract.commentary import find_commentary
from generator.extract.conditions import find_conditions
from generator.extract.parties import find_parties
from generator.extract.quotes import find_quotes
from generator.model import Article, FactSheet

# Bump when a change to the rules changes what extraction produces (it keys the cache).
EXTRACTOR_VERSION = "1"


@functools.cache
def load_pipeline(model: str) -> Language:
    """Load a spaCy pipeline once per process, by package or path name."""
    return spacy.load(model)


def extract_all(articles: list[Article], model: str) -> Iterator[FactSheet | Exception]:
    """One outcome per article, in order: its fact sheet, or the exception that stopped its extraction."""
    nlp = load_pipeline(model)
    for article, doc in zip(articles, nlp.pipe(article.text for article in articles)):
        try:
            yield facts_from_doc(article, doc)
        except Exception as exc:  # one bad article must not stop the others
            yield exc


def facts_from_doc(article: Article, doc: Doc) -> FactSheet:
    index = find_parties(doc)
    quotes = find_quotes(doc, index)
    commentary = find_commentary(doc, index, quotes)
    agreements = find_agreements(doc, index)
    conditions = find_conditions(doc, index, agreements)
    return FactSheet(
        article=article.meta,
        text=article.text,
        parties=index.parties,
        agreements=agreements,
        conditions=conditions,
        quotes=quotes,
        commentary=commentary,
    )
