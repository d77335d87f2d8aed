"""Page furniture: the words a news page carries around the story that are not the story.

Datelines ("WASHINGTON (Reuters) -"), bylines and credits ("Reporting by ...", "X contributed to this report",
"X reported from Y", "Contributing: X"), photo and video captions ("(Photo: X/AP)", "toggle caption",
"JUST WATCHED ... Replay More Videos"), links and sign-up boxes ("Read or Share this story: https://...",
"Get the ... delivered to your inbox"), the signature of an embedded post ("- Name (@handle) May 13, 2019") and
subheadings (a short line with no sentence ending). Names in them are the outlet's staff, its products or its
layout, never actors of the story.
"""

from __future__ import annotations

import re

_SPAN_PATTERNS = [
    # A dateline: the place the story was filed from and the agency, before the first dash or at the very start.
    re.compile(r"^[A-Z][A-Z .'-]+(?:,[^\n(\u2014\u2013-]{1,40})?\s*(?:\([A-Za-z .]{1,30}\)\s*)?[\u2014\u2013-]\s", re.MULTILINE),
    re.compile(r"^\([A-Za-z .]{1,30}\)\s", re.MULTILINE),
    # Credits of a photograph or a line of staff names: "(Photo: Jane Doe/AP)", "Jane Doe/Getty Images".
    re.compile(r"\((?:Photo|Image|Picture|Video|Credit)s?:[^)\n]*\)", re.IGNORECASE),
    re.compile(r"\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)+/[A-Z][\w.]*(?: [A-Z][\w.]*)*"),
    # Links.
    re.compile(r"\b(?:https?://|www\.)\S+"),
    # The signature of an embedded social media post: "- Jane Doe (@janedoe) March 3, 2020".
    re.compile(r"[\u2014\u2013-]\s*[^\n\u2014\u2013]{1,60}\(@\w+\)[^\n]{0,25}\d{4}"),
]

# Whole lines that are page furniture.
_LINE_PATTERNS = [
    re.compile(
        r"^\W*(?:(?:Additional |Further )?(?:Reporting|Writing|Editing|Research) by\b|By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}"
        r"(?:,? (?:AP|Reuters|AFP|[A-Z][\w ]{0,30} (?:Staff|Writer|Correspondent)))?\W*$|Contributing:|Related:|More:|READ MORE|"
        r"Read more\b|Read or Share\b|Play Video\b|JUST WATCHED\b|MUST WATCH\b|Watch:|WATCH:|Enlarge this image\b|"
        r"Copyright\b|\u00a9|Click here\b|Sign up\b|Subscribe\b|Follow\b.{0,40}\bon (?:Twitter|Facebook|Instagram)\b)",
        re.IGNORECASE,
    ),
    re.compile(r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b", re.IGNORECASE),
    re.compile(r"^\W*[A-Z][\w.'-]+(?: (?:and )?[A-Z][\w.'-]+){0,5} reported (?:from|in) [A-Z][\w ,.'-]{0,40}\.?\s*$"),
    re.compile(r"\bdelivered to your inbox\b|\bBy signing up\b|\bReplay More Videos\b|\btoggle caption\b", re.IGNORECASE),
]
_SENTENCE_END = re.compile(r"[.?!:\"'\u201d\u2019)]\s*$")
_HEADING_MAX_WORDS = 8


def furniture(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` that are page furniture, sorted and non-overlapping."""
    spans = []
    for pattern in _SPAN_PATTERNS:
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
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
