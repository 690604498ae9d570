"""Per-document resource limits of extraction: a character cap and a time budget.

The character cap (`DEFAULT_MAX_CHARS`, spaCy's own `nlp.max_length`) is checked before a
text is parsed. The time budget covers proxygraph's analysis of a parsed document (mention
finding and claim extraction), the stages whose time depends on the text's shape (many
mentions, long sentences) rather than only its length. Where the platform allows it (the
main thread of a POSIX process, which each `--workers` process is) an interval timer
interrupts the analysis when the budget runs out; elsewhere the document is dropped when
its analysis returns late. spaCy's parse is not interrupted or counted: it runs in time
linear in the text, which the character cap bounds.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from proxygraph.errors import LimitExceeded
from proxygraph.records import Document

DEFAULT_MAX_CHARS = 1_000_000
T = TypeVar("T")


def where(document: Document) -> str:
    """How messages name a document: its origin ("FILE", "FILE:LINE"), else its id."""
    return document.origin or document.doc_id


def too_long(document: Document, max_chars: int) -> LimitExceeded | None:
    """A LimitExceeded when the document's text is over `max_chars` characters, else None."""
    size = len(document.text)
    if size <= max_chars:
        return None
    return LimitExceeded(
        where(document),
        f"text is {size:,} characters, over the limit of {max_chars:,} (--max-chars); skipped",
    )


def within_budget(
    seconds: float | None, document: Document, func: Callable[..., T], *args: Any
) -> T | LimitExceeded:
    """Return func(*args), or a LimitExceeded naming `document` when it takes longer than
    `seconds` (None: no budget). Partial results of an interrupted call are discarded."""
    if seconds is None:
        return func(*args)
    started = time.monotonic()
    expired = False
    try:
        with _alarm(seconds):
            result = func(*args)
    except _Expired:
        expired = True
    if expired or time.monotonic() - started > seconds:
        return LimitExceeded(
            where(document),
            f"analysis took longer than the budget of {seconds:g} s "
            "(--max-seconds-per-doc); skipped",
        )
    return result


class _Expired(BaseException):
    """Raised by the timer inside the analysis; a BaseException, so that no `except
    Exception` in the code it interrupts can swallow it."""


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise _Expired in the block once `seconds` have passed, where timers are usable; the
    previous SIGALRM handler and timer are restored afterwards."""
    if not _can_interrupt() or not math.isfinite(seconds):
        yield
        return
    armed = True

    def expire(signum: int, frame: object) -> None:
        if armed:
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-6))
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
