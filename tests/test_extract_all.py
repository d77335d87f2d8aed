"""Extraction over many articles: batched, across processes, with only the pipeline components the rules read."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
import spacy

import generator.extract
from generator.config import DEFAULT_MODEL
from generator.extract import _picklable, _unused_components, extract_all, load_pipeline
from generator.load import load
from generator.model import Article, ArticleMeta, FactSheet

ROOT = Path(__file__).resolve().parent.parent

BODIES = [
    "Marta Vell, the mayor of Lisbon, said the harbour would reopen in May.\n",
    "The union and the rail operator agreed to a 30-day truce, a spokesman said.\n",
    "\"We will not sign,\" Ivo Brand told reporters on Tuesday.\n",
]


def articles() -> list[Article]:
    made = [Article(meta=ArticleMeta(id=f"a{n}", title=f"Title {n}", source=f"seeds/a{n}.txt"), text=body) for n, body in enumerate(BODIES)]
    return made + [load(ROOT / "seeds" / "putin-trump-call.txt")]


@pytest.mark.parametrize("other_thread", [False, True], ids=["forked", "spawned"])
def test_worker_processes_give_the_same_fact_sheets_in_the_same_order(monkeypatch, other_thread):
    monkeypatch.setattr(generator.extract, "PARALLEL_MIN_CHARS", 0)
    serial = list(extract_all(articles(), DEFAULT_MODEL, jobs=1))
    # With a second thread running, workers are spawned, not forked (generator.extract._worker_context).
    release = threading.Event()
    thread = threading.Thread(target=release.wait) if other_thread else None
    if thread:
        thread.start()
    try:
        # Threads that other tests leave running (a session's web server) also rule out forking.
        forks = sys.platform.startswith("linux") and threading.active_count() == 1
        assert generator.extract._worker_context(DEFAULT_MODEL).get_start_method() == ("fork" if forks else "spawn")
        parallel = list(extract_all(articles(), DEFAULT_MODEL, jobs=2))
    finally:
        release.set()
        if thread:
            thread.join()
    assert all(isinstance(sheet, FactSheet) for sheet in serial)
    assert parallel == serial
    assert [s.article.id for s in parallel] == ["a0", "a1", "a2", "putin-trump-call"]
    assert serial[-1].parties and serial[-1].quotes


def test_little_text_is_extracted_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("worker processes started for three short articles")

    monkeypatch.setattr(generator.extract, "ProcessPoolExecutor", no_pool)
    outcomes = list(extract_all(articles()[:3], DEFAULT_MODEL, jobs=2))
    assert [sheet.article.id for sheet in outcomes] == ["a0", "a1", "a2"]


def test_one_failing_article_does_not_stop_the_others(monkeypatch):
    real = generator.extract.facts_from_doc

    def failing_on_a1(article, doc):
        if article.meta.id == "a1":
            raise KeyError("no such party")
        return real(article, doc)

    monkeypatch.setattr(generator.extract, "facts_from_doc", failing_on_a1)
    outcomes = list(extract_all(articles()[:3], DEFAULT_MODEL))
    assert isinstance(outcomes[0], FactSheet) and isinstance(outcomes[2], FactSheet)
    assert isinstance(outcomes[1], KeyError)


# Run in a process of its own: the stand-in reaches the workers only if they are forked, and a test process may
# be running other threads (a test server), which rules forking out.
KILLED_WORKER = """
import os, sys
sys.path.insert(0, {tests!r})
import generator.extract
from test_extract_all import articles

parent = os.getpid()
real = generator.extract.facts_from_doc

def dying_on_a1(article, doc):
    if article.meta.id == "a1" and os.getpid() != parent:
        os._exit(9)  # as the kernel's out-of-memory killer ends a process
    return real(article, doc)

generator.extract.facts_from_doc = dying_on_a1
generator.extract.PARALLEL_MIN_CHARS = 0
for outcome in generator.extract.extract_all(articles(), {model!r}, jobs=2):
    print(type(outcome).__name__, getattr(getattr(outcome, "article", None), "id", outcome))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_worker_killed_by_one_article_fails_that_article_only():
    script = KILLED_WORKER.format(tests=str(Path(__file__).parent), model=DEFAULT_MODEL)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        "FactSheet a0",
        "RuntimeError its worker process stopped (out of memory, or killed)",
        "FactSheet a2",
        "FactSheet putin-trump-call",
    ]


class _Unpicklable(Exception):
    def __init__(self, message, handle):
        super().__init__(message)
        self.handle = handle

    def __reduce__(self):
        raise TypeError("cannot pickle")


def test_an_exception_that_cannot_cross_processes_is_told_in_words():
    assert isinstance(_picklable(ValueError("bad")), ValueError)
    portable = _picklable(_Unpicklable("lost its way", handle=object()))
    assert isinstance(portable, RuntimeError) and str(portable) == "_Unpicklable: lost its way"


def test_every_component_of_the_default_model_is_read_by_the_rules():
    nlp = load_pipeline(DEFAULT_MODEL)
    assert {"tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "tok2vec"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    "components, unused",
    [
        (["sentencizer", "textcat"], ["textcat"]),
        (["sentencizer", "entity_ruler"], []),
        (["tok2vec", "textcat"], ["textcat", "tok2vec"]),
    ],
)
def test_components_setting_nothing_the_rules_read_are_switched_off(components, unused):
    nlp = spacy.blank("en")
    for name in components:
        nlp.add_pipe(name)
    assert _unused_components(nlp) == unused


@pytest.mark.parametrize(
    "text",
    [
        "Tariffs will hurt our growers\nLena Ostby, an economist at Norrland Bank, said she expects a deal.",
        "Tariffs will hurt our growers\n\nLena Ostby, an economist at Norrland Bank, said she expects a deal.",
    ],
)
def test_a_paragraph_ends_its_last_sentence_without_a_full_stop(text):
    doc = load_pipeline(DEFAULT_MODEL)(text)
    assert [sentence.text.strip() for sentence in doc.sents] == text.split("\n")[:1] + text.split("\n")[-1:]
