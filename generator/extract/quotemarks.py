"""Where quotations are in a text: the spans between quotation marks, straight or curly.

Shared by the party extractor (words inside quotation marks are not the narrator's, so they do not
make anyone an actor) and the quote extractor.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.extract import lexicon

_OPENING = "\u201c"
_CLOSING = "\u201d"
_STRAIGHT = '"'
# Words that make the quoted words a name rather than speech: "the motto "...", the so-called "...".
_NAMING_WORDS = re.compile(
    r"\b(?:motto|slogan|slogans|dubbed|called|so-called|nicknamed|named|titled|entitled|known as|term|phrase|word|words|"
    r"headline|banner|label|labelled|labeled|brand|brands|branded|tagline|campaign)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# "what it called "..."", "which the minister called "..."": the subject's own words for something, not a name.
_WHAT_THEY_CALLED = re.compile(r"\b(?:what|which)\s+(?:[\w.'\u2019-]+\s+){1,4}called\s*$", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
MIN_WORDS = 3


@dataclass(frozen=True)
class Quotation:
    start: int  # first character of the quoted words (after the opening mark)
    end: int  # end of the quoted words (before the closing mark, or the end of the paragraph)
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None where the quotation runs to the end of its paragraph

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _is_opening(text: str, i: int) -> bool:
    """A straight mark opens a quotation at the start of a text or after a space or bracket, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2013\u2014") and not after.isspace()


# Single quotation marks quote in a line with no double ones: headlines and their links ("X admits 'both sides
# will suffer'"), and papers that quote in single marks. Elsewhere they nest inside a double quotation, or are
# apostrophes. The closing mark ends a word and is not followed by a letter ("the leaders' plan" does not close).
_SINGLE = re.compile(r"(?<![\w\u2019'])[\u2018'](?=\w)(?P<words>[^\u2018\u2019'\n]*?(?:[\u2019'](?=\w)[^\u2018\u2019'\n]*?)*)(?<=[\w.,!?])[\u2019'](?!\w)")


def quotations(text: str) -> list[Quotation]:
    """Every span of quoted words, paragraph by paragraph (one paragraph a line).

    A quotation left open at the end of its paragraph ends there: news style re-opens it in the next paragraph
    without closing the first. A quotation re-opened before it was closed ends at the re-opening mark.
    """
    found: list[Quotation] = []
    offset = 0
    for paragraph in text.split("\n"):
        if not any(mark in paragraph for mark in (_OPENING, _CLOSING, _STRAIGHT, "''")):
            # A title-cased line in single marks is a subhead ('All Bets Are Off.'), even with its full stop.
            singles = [m for m in _SINGLE.finditer(paragraph) if not _title_cased(m.group("words").split())]
            found += [Quotation(offset + m.start("words"), offset + m.end("words"), offset + m.start(), offset + m.end() - 1) for m in singles]
            # A quotation in single marks left open at the end of its paragraph runs on into the next, as one in double
            # marks does: "She said: ‘... this House." and the next paragraph reopens with ‘.
            run_on = _SINGLE_RUN_ON.search(paragraph, singles[-1].end() if singles else 0)
            if run_on:
                found.append(Quotation(offset + run_on.start("words"), offset + run_on.end("words"), offset + run_on.start(), None))
            offset += len(paragraph) + 1
            continue
        start: int | None = None
        for i, char in enumerate(paragraph):
            opens = char == _OPENING or (char == _STRAIGHT and _is_opening(paragraph, i))
            closes = char == _CLOSING or (char == _STRAIGHT and not opens)
            if opens:
                if start is not None:  # re-opened without closing: the previous quotation ends before this mark
                    found.append(Quotation(offset + start, offset + _trim_end(paragraph, start, i), offset + start - 1, None))
                start = i + 1
            elif closes and start is not None:
                found.append(Quotation(offset + start, offset + i, offset + start - 1, offset + i))
                start = None
        if start is not None:
            found.append(Quotation(offset + start, offset + _trim_end(paragraph, start, len(paragraph)), offset + start - 1, None))
        offset += len(paragraph) + 1
    return [q for q in found if q.end > q.start]


def _trim_end(paragraph: str, start: int, end: int) -> int:
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    return end


# Only the curly opening mark: a straight one may be an apostrophe. The quoted words end a sentence at the end of the
# paragraph, with no closing mark after them (an apostrophe inside a word is no closing mark).
_SINGLE_RUN_ON = re.compile(r"(?<![\w\u2019])\u2018(?=\w)(?P<words>(?:[^\u2018\u2019\n]|\u2019(?=\w))*[.!?])[ \t]*$")


def _reported_just_before(text: str, quotation: Quotation) -> bool:
    """Whether a reporting verb opens the clause the quoted words end: "said talks had made "some progress"",
    "said Israel would "respond forcefully""."""
    sentence = re.split(r"[.!?]\s", text[max(0, quotation.open_mark - 80) : quotation.open_mark])[-1]
    words = [w.lower().strip(",;:") for w in sentence.split()][-8:]
    return any(w in _reported_forms() for w in words)


@functools.cache
def _reported_forms() -> frozenset[str]:
    """The past and present forms of the reporting verbs ("said", "warns", "told")."""
    forms = {"said", "told", "wrote", "says", "tells", "writes"}
    for verb in lexicon.reporting_verbs():
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb + "s", stem + "ed", verb + "d" if verb.endswith("e") else verb + "ed"}
    return frozenset(forms)


def is_speech(text: str, quotation: Quotation) -> bool:
    """True for quoted speech; False for scare quotes ("new dawn"), names, mottos and titles.

    Two quoted words are speech only when a reporting verb comes just before them and they are long enough to be
    a quotation under the guidelines (10 characters): "said talks had made "some progress"" but not "a "new dawn""."""
    quoted = text[quotation.start : quotation.end]
    words = quoted.split()
    short_speech = len(words) == MIN_WORDS - 1 and len(quoted.strip()) >= 10 and _reported_just_before(text, quotation)
    if len(words) < MIN_WORDS and not short_speech:
        return False
    # "the campaign "..."" names a slogan, unless someone is reported to speak of it ("X said she expects the campaign "to ...").
    before = text[max(0, quotation.open_mark - 40) : quotation.open_mark]
    if _NAMING_WORDS.search(before) and not _reported_just_before(text, quotation) and not _WHAT_THEY_CALLED.search(before):
        return False
    # A title-cased run of words ("Bringing Light to Every Home") names something; speech is written in sentence case.
    return not (_title_cased(words) and text[quotation.end - 1 : quotation.end] not in ".!?")


def _title_cased(words: list[str]) -> bool:
    content = [w for w in words if w.lower().strip(".,!?;:") not in _SMALL_WORDS]
    return len(content) >= 2 and all(w[:1].isupper() for w in content)
