"""Stage 2, extract: read an article with spaCy and our own rules into a `FactSheet`.

The only stage that imports spaCy. Each submodule holds small functions from a spaCy `Doc`
to one kind of fact; `facts_from_doc` runs them in dependency order (parties first, since
every other fact names its parties by id).
"""

from __future__ import annotations

import functools
import gc
import itertools
import math
import multiprocessing
import pickle
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from generator.extract.agreements import find_agreements
from generator.extract.commentary import find_commentary
from generator.extract.conditions import find_conditions
from generator.extract.isolation import isolated
from generator.extract.parties import find_parties
from generator.extract.quotes import find_quotes
from generator.model import Agreement, Article, Commentary, Condition, FactSheet, Quote

# The cache (generator/cache.py) keys its entries on a digest of the extraction code and data, this line
# included: an edited rule re-extracts every article by itself. Bump this where results change for a reason
# the digest cannot see, such as a dependency other than spaCy behaving differently.
EXTRACTOR_VERSION = "1"

# What the extractors read from a Doc, in the names of `nlp.analyze_pipes()`. A component that declares it sets
# none of these is switched off. Every component of en_core_web_sm sets one (tagger: tag_, attribute_ruler: pos_,
# lemmatizer: lemma_, parser: dep_ and sentences, ner: entities; tok2vec feeds tagger and parser), so that model
# runs whole; other pipelines lose what the rules never read, such as text classifiers or entity linkers.
NEEDED_ANNOTATIONS = frozenset(
    {"token.tag", "token.pos", "token.lemma", "token.dep", "token.head", "token.is_sent_start", "doc.sents", "doc.ents",
     "token.ent_iob", "token.ent_type"}
)
# Starting worker processes costs up to a second or two (spawned ones import spaCy and load the pipeline): below
# this much text (about 3 s of parsing on one core) one process is faster.
PARALLEL_MIN_CHARS = 100_000
# Articles per task sent to a worker: enough for nlp.pipe to batch, small enough to keep every core busy to the end.
MAX_BATCH = 16


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph (one a line) ends its last sentence even without a full stop (a tweet, a caption, a dateline): the
    parser otherwise runs a sentence on into the next paragraph and hangs that paragraph's subject on the last one's verb."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or (doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text):
            token.is_sent_start = True
    return doc


@functools.cache
def load_pipeline(model: str) -> Language:
    """Load a spaCy pipeline once per process, by package or path name, with only the components extraction reads."""
    nlp = spacy.load(model)
    nlp.select_pipes(disable=_unused_components(nlp))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    # The pipeline stays loaded until the process ends. Frozen, its hundreds of thousands of objects are out of reach
    # of the cycle collector, which would otherwise walk them all in every full collection (and again at exit), here
    # and in the workers forked from here (extract_all), where that walk would also copy the memory pages they
    # share with this process. gc.freeze() takes every object alive at this moment; reference counting still frees
    # them, only a reference cycle among them would stay.
    gc.freeze()
    return nlp


def _unused_components(nlp: Language) -> list[str]:
    summary = nlp.analyze_pipes()["summary"]
    unused = {
        name
        for name, info in summary.items()
        if info["assigns"] and not NEEDED_ANNOTATIONS.intersection(info["assigns"]) and not info["retokenizes"]
    }
    # An embedding layer (tok2vec, transformer) sets nothing the rules read but feeds components that do.
    feeding = {name for name in unused if set(getattr(nlp.get_pipe(name), "listening_components", ())) - unused}
    return sorted(unused - feeding)


def extract_all(articles: list[Article], model: str, jobs: int = 1) -> Iterator[FactSheet | Exception]:
    """One outcome per article, in order: its fact sheet, or the exception that stopped its extraction.

    With `jobs` above 1 and enough text, batches of articles go to that many worker processes, each running both
    spaCy and the rules: the rules alone in this process would cap throughput.
    """
    total_chars = sum(len(article.text) for article in articles)
    workers = min(jobs, len(articles)) if total_chars >= PARALLEL_MIN_CHARS else 1
    if workers <= 1:
        yield from _extract_batch(articles, model)
        return
    # Several batches per worker, so that one holding the longest articles does not finish long after the others.
    size = max(1, min(MAX_BATCH, math.ceil(len(articles) / (workers * 4))))
    batches = [articles[i : i + size] for i in range(0, len(articles), size)]
    with ProcessPoolExecutor(workers, mp_context=_worker_context(model)) as pool:
        futures = [pool.submit(_extract_batch_for_worker, batch, model) for batch in batches]
        for number, future in enumerate(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in native code) and took the pool with it. The
                # articles not done yet go again, each in a process of its own, so that only one that kills its
                # worker fails; the pool's threads end first, so that those processes can be forked.
                pool.shutdown(wait=True)
                for article in itertools.chain.from_iterable(batches[number:]):
                    yield _extract_alone(article, model)
                return
            yield from outcomes


def _extract_alone(article: Article, model: str) -> FactSheet | Exception:
    with ProcessPoolExecutor(1, mp_context=_worker_context(model)) as pool:
        try:
            return pool.submit(_extract_batch_for_worker, [article], model).result()[0]
        except BrokenProcessPool:
            return RuntimeError("its worker process stopped (out of memory, or killed)")


def _worker_context(model: str) -> multiprocessing.context.BaseContext:
    """fork where it is safe, so that workers start at once with the pipeline loaded here; else spawn.

    Safe means Linux (macOS system libraries break in forked children) and a process running one thread: a
    child forked from several inherits their locks, held for good if a thread held one at that moment.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        load_pipeline(model)
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _extract_batch(articles: list[Article], model: str) -> Iterator[FactSheet | Exception]:
    nlp = load_pipeline(model)
    for article, doc in zip(articles, nlp.pipe(article.text for article in articles)):
        try:
            yield facts_from_doc(article, doc)
        except Exception as exc:  # one bad article must not stop the others
            yield exc


def _extract_batch_for_worker(articles: list[Article], model: str) -> list[FactSheet | Exception]:
    return [outcome if isinstance(outcome, FactSheet) else _picklable(outcome) for outcome in _extract_batch(articles, model)]


def _picklable(exc: Exception) -> Exception:
    """The exception itself when it can travel back from a worker process, else one that tells the same."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def facts_from_doc(article: Article, doc: Doc) -> FactSheet:
    """The article's facts. Only a failure of the parties extractor, which every other fact names, fails the sheet;
    that extractor guards its own rules. Any other extractor failing loses its facts alone (see isolation)."""
    index = find_parties(doc)
    unread = list(index.unread)
    quotes: list[Quote] = []
    commentary: list[Commentary] = []
    agreements: list[Agreement] = []
    conditions: list[Condition] = []
    with isolated("quotes", unread):
        quotes = find_quotes(doc, index)
    with isolated("commentary", unread):
        commentary = find_commentary(doc, index, quotes)
    with isolated("agreements", unread):
        agreements = find_agreements(doc, index, quotes)
    with isolated("conditions", unread):
        conditions = find_conditions(doc, index, agreements, quotes)
    return FactSheet(
        article=article.meta,
        text=article.text,
        parties=index.parties,
        agreements=agreements,
        conditions=conditions,
        quotes=quotes,
        commentary=commentary,
        unread=unread,
    )
