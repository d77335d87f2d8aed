"""Page furniture: the words a news page carries around the story that are not the story.

Datelines ("WASHINGTON (Reuters) -"), credits ("Reporting by ...", "X contributed to this report", "X reported from
Y"), links to other stories ("More: ..."), photo and video captions ("toggle caption X/AP", "JUST WATCHED ..."),
sign-up boxes ("Get the ... delivered to your inbox"), subheadings (a short line with no sentence ending) and the
party-and-state label after a lawmaker's name ("R-Ore.", "(Ohio)"). Names in them are the outlet's staff, its products
or its layout, never actors of the story.
"""

from __future__ import annotations

import re

from generator.extract import lexicon

_SPAN_PATTERNS = [
    # Credits, often run on at the end of the last paragraph: "... on Friday. Reporting by X; Editing by Y".
    re.compile(r"\b(?:Additional reporting|Reporting|Writing|Editing) by [A-Z][^\n]*"),
    # The party and state written after a lawmaker's name ("Sen. Jane Roe, R-Ore."): labels, not actors.
    re.compile(r"\b[RDI]-[A-Z][A-Za-z.]*"),
    # The state alone in brackets after a lawmaker's name ("Sen. Jane Roe (Ore.)"): an abbreviation, a label too.
    re.compile(r"\((?:[A-Z][a-z]{0,4}\.\s?){1,2}\)"),
    # A dateline: the place the story was filed from and the agency, before the first dash.
    re.compile(r"^[A-Z][A-Z .'-]+(?:,[^\n(\u2013\u2014\u2015-]{1,40})?\s*(?:\([A-Za-z .]{1,30}\)\s*)?[\u2013\u2014\u2015-]\s", re.MULTILINE),
    # A dateline written in ordinary case is told by its agency in brackets ("Lisbon (Nordwire) -").
    re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [^\n(\u2013\u2014\u2015-]{1,40})? \([A-Za-z .]{1,30}\)\s*[\u2013\u2014\u2015-]\s", re.MULTILINE),
]

# Whole lines that are page furniture: credits, links to other stories, video and photo captions, sign-up boxes.
_LINE_PATTERNS = [
    re.compile(r"^\W*(?:More:|Play Video\b|JUST WATCHED\b)"),
    re.compile(r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b|\breported from [A-Z]"),
    re.compile(r"\btoggle caption\b|\bdelivered to your inbox\b"),
    # Calls to follow the writer or to sign up: "Follow X on Twitter", "Sign up for her newsletter", "Like the page".
    re.compile(r"^\W*Follow [A-Z][^\n]* on (?:Twitter|Facebook|Instagram)\b|\bSign up for\b|\bLike (?:the|our|us on) page\b|^\W*Enter your email\b"),
]
_BRACKETED_WORDS = re.compile(r"\(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\)")
_SENTENCE_END = re.compile(r"[.?!:\"'\u201d\u2019)]\s*$")
_HEADING_MAX_WORDS = 8


def furniture(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` that are page furniture, sorted and non-overlapping."""
    spans = []
    for pattern in _SPAN_PATTERNS:
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    # The state written out in brackets after a lawmaker's name ("Sen. Jane Roe (Ohio)"): a label, like "(Ore.)".
    spans += [(m.start(), m.end()) for m in _BRACKETED_WORDS.finditer(text) if lexicon.federated_state(m.group(1))]
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and (any(p.search(line) for p in _LINE_PATTERNS) or _heading(line)):
            spans.append((start, end))
        start = end + 1
    merged: list[tuple[int, int]] = []
    for span in sorted(spans):
        if merged and span[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return merged


def _heading(line: str) -> bool:
    """A subheading: a line of a few words with no sentence ending ("Talks Stall Again", "TARIFFS IN HAND")."""
    words = line.split()
    return 0 < len(words) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line) and not line.rstrip().endswith(",")
