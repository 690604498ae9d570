"""Extractor: read a Document, return its `proxygraph.doc/1` record (mentions and claims)."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from proxygraph import FORMAT
from proxygraph.errors import LimitExceeded, ProxygraphError
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.limits import DEFAULT_MAX_CHARS, too_long, within_budget
from proxygraph.nlp.found import Found
from proxygraph.nlp.pipeline import Pipeline, build_pipeline
from proxygraph.records import Document, Mention


def parse_date(value: str | None) -> date | None:
    """A document date (YYYY-MM-DD, YYYY-MM or YYYY) as a date, else None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    nums += [1] * (3 - len(nums))
    try:
        return date(nums[0], nums[1], nums[2])
    except ValueError:
        return None


def to_mention(doc: Doc, found: Found) -> Mention:
    """A token-offset Found as a character-offset Mention record."""
    span = doc[found.start : found.end]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=found.type,
        actor=found.name,
        actor_id=found.actor_id,
        rule=found.rule,
        part_of=found.part_of,
        geo=found.geo if found.type == "LOCATION" else None,
    )


def analyse(pipe: Pipeline, document: Document, doc: Doc) -> dict[str, Any]:
    """The doc/1 record of one parsed document."""
    on = parse_date(document.date)
    found = pipe.finder.find(doc, on)
    mentions = [to_mention(doc, f) for f in found]
    claims = [c.to_dict() for c in pipe.claims.extract(doc, found, document.source, on)]
    return {
        "format": FORMAT,
        "doc_id": document.doc_id,
        "source": document.source,
        "date": document.date,
        "url": document.url,
        "title": document.title,
        "mentions": [m.to_dict() for m in mentions],
        "claims": claims,
    }


class Extractor:
    """Finds actors, places and claims in documents.

    kb_dirs (Sequence[Path | str]): user knowledge-base folders merged over the built-in one.
    model (str | None): a spaCy pipeline name or path; None picks en_core_web_sm.
    disabled_rules (Sequence[str]): claim rule names to switch off ("opposes-verb").
    max_chars (int): longest text analysed; a longer document is skipped (see extract_many).
    max_seconds_per_doc (float | None): time budget of one document's analysis (mention
        finding and claims; spaCy's parse is not counted), None for none; see limits.py.
    """

    def __init__(
        self,
        *,
        kb_dirs: Sequence[Path | str] = (),
        model: str | None = None,
        disabled_rules: Sequence[str] = (),
        max_chars: int = DEFAULT_MAX_CHARS,
        max_seconds_per_doc: float | None = None,
    ) -> None:
        self.kb_dirs = tuple(str(p) for p in kb_dirs)
        self.model = model
        self.disabled_rules = tuple(disabled_rules)
        self.max_chars = max_chars
        self.max_seconds_per_doc = max_seconds_per_doc
        self._pipe: Pipeline | None = None
        self._kb: KnowledgeBase | None = None  # a KB already loaded (a worker gets its parent's)

    @property
    def pipe(self) -> Pipeline:
        if self._pipe is None:
            self._pipe = build_pipeline(
                self.kb_dirs, model=self.model, disabled_rules=self.disabled_rules, kb=self._kb
            )
        return self._pipe

    def extract(self, doc: Document) -> dict[str, Any]:
        """Return the proxygraph.doc/1 record of one document."""
        return next(self.extract_many([doc]))

    def extract_many(
        self,
        docs: Iterable[Document],
        *,
        workers: int = 1,
        batch_size: int = 16,
        on_skip: Callable[[LimitExceeded], None] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield one record per document, in input order.

        on_skip (Callable | None): called with the LimitExceeded of each document that is
            over max_chars or max_seconds_per_doc, which is then skipped; None raises it.
            A document over the time budget is passed in input order; one over max_chars
            when the parser reaches it (a caller that needs order checks length first).

        workers (int): processes to use. Where the platform forks processes by default
            (Linux before Python 3.14, as for spaCy's own n_process) this process builds
            the pipeline once and the workers start as copies of it; otherwise each worker
            builds it (from this process's knowledge base when that is loaded).
        """
        if workers > 1:
            for result in _parallel(docs, workers, self):
                if isinstance(result, LimitExceeded):
                    _skip(result, on_skip)
                else:
                    yield result
            return
        pipe = self.pipe
        pipe.nlp.max_length = max(pipe.nlp.max_length, self.max_chars)
        if self.max_seconds_per_doc is not None:
            _warm_up(pipe)
        pairs = ((d.text, d) for d in self._short_enough(docs, on_skip))
        for doc, document in pipe.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            result = within_budget(self.max_seconds_per_doc, document, analyse, pipe, document, doc)
            if isinstance(result, LimitExceeded):
                _skip(result, on_skip)
            else:
                yield result

    def _short_enough(
        self, docs: Iterable[Document], on_skip: Callable[[LimitExceeded], None] | None
    ) -> Iterator[Document]:
        for document in docs:
            error = too_long(document, self.max_chars)
            if error is None:
                yield document
            else:
                _skip(error, on_skip)


def _warm_up(pipe: Pipeline) -> None:
    """Analyse a short text once, so that what loads on first use (the gazetteer, caches)
    is not charged to the first document's time budget."""
    if getattr(pipe, "_warmed", False):
        return
    text = "Iran supplied weapons to the Houthis in Yemen, officials said on 5 March 2024."
    analyse(pipe, Document(doc_id="warm-up", text=text, source="warm-up"), pipe.nlp(text))
    pipe._warmed = True  # type: ignore[attr-defined]


def _skip(error: LimitExceeded, on_skip: Callable[[LimitExceeded], None] | None) -> None:
    if on_skip is None:
        raise error
    on_skip(error)


_WORKER: Extractor | None = None
_WORKER_ERROR: ProxygraphError | None = None


def _init_worker(
    kb_dirs: tuple[str, ...],
    model: str | None,
    disabled_rules: tuple[str, ...] = (),
    kb: KnowledgeBase | None = None,
    limits: tuple[int, float | None] = (DEFAULT_MAX_CHARS, None),
) -> None:
    """Load the pipeline once per worker; a failure is kept and raised on the first
    document, since a pool would restart a worker whose initialiser raises, forever.

    kb (KnowledgeBase | None): the parent's knowledge base, to skip reading the YAML again.
    """
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = Extractor(
            kb_dirs=kb_dirs,
            model=model,
            disabled_rules=disabled_rules,
            max_chars=limits[0],
            max_seconds_per_doc=limits[1],
        )
        _WORKER._kb = kb
        _ = _WORKER.pipe
    except ProxygraphError as exc:
        _WORKER_ERROR = exc


def _init_forked(parent: Extractor) -> None:
    """A forked worker uses the parent's extractor, inherited (not pickled) with its
    built pipeline."""
    global _WORKER
    _WORKER = parent


def _work(document: Document) -> dict[str, Any] | LimitExceeded:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER is not None
    try:
        return _WORKER.extract(document)
    except LimitExceeded as exc:  # sent back to the parent, which reports it in order
        return exc


def _forks_by_default() -> bool:
    """Whether the start method in force, else the platform's default, is fork (as
    spaCy's own n_process uses)."""
    method = multiprocessing.get_start_method(allow_none=True)
    return (method or multiprocessing.get_all_start_methods()[0]) == "fork"


def _parallel(
    docs: Iterable[Document], workers: int, parent: Extractor
) -> Iterator[dict[str, Any] | LimitExceeded]:
    """Records of the documents from a pool of worker processes, in input order."""
    if _forks_by_default():
        built = parent.pipe
        _ = built.finder.places.gz  # the gazetteer loads on first use: load it once, here
        ctx = multiprocessing.get_context("fork")
        gc.freeze()  # the workers' collections then leave the inherited objects (shared) alone
        try:
            pool = ctx.Pool(workers, initializer=_init_forked, initargs=(parent,))
        finally:
            gc.unfreeze()
    else:
        kb = parent._pipe.kb if parent._pipe is not None else None
        limits = (parent.max_chars, parent.max_seconds_per_doc)
        initargs = (parent.kb_dirs, parent.model, parent.disabled_rules, kb, limits)
        ctx = multiprocessing.get_context("spawn")
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=initargs)
    with pool:
        yield from pool.imap(_work, docs, chunksize=4)
