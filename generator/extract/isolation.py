"""Fault isolation: an extractor, or a rule of one, that fails on an article's text loses its own facts, not the sheet.

Real news holds constructions no test foresaw, and a bug met on one of them must not cost the reader the facts the
other extractors found. The failure is kept on the sheet (`FactSheet.unread`): the build warns about it and the
fact-sheet page says which kind of fact could not be read.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from pathlib import Path

from generator.model import UnreadPart

_PACKAGE = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def isolated(part: str, unread: list[UnreadPart]) -> Iterator[None]:
    """Run the block; should it raise, record the error as `part` unread and go on after the block."""
    try:
        yield
    except Exception as exc:  # a bug met on this text: what the other extractors found still stands
        unread.append(UnreadPart(part=part, error=error_text(exc)))


def error_text(exc: Exception) -> str:
    """The error and the line of ours it was raised from, for a bug report: "IndexError: ... (conditions.py:62 in _span)"."""
    ours = [frame for frame in traceback.extract_tb(exc.__traceback__) if Path(frame.filename).resolve().is_relative_to(_PACKAGE)]
    where = f" ({Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name})" if ours else ""
    return f"{type(exc).__name__}: {exc}{where}"
