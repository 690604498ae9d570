"""`proxygraph load`: extract documents (or read extract output) into the claim store."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from itertools import chain
from typing import Any, NamedTuple

import click

from proxygraph.cli.common import extraction_options, kb_option, progress, report_error
from proxygraph.cli.db import db_option, open_store
from proxygraph.cli.extract_cmd import _Counter, readable_documents
from proxygraph.errors import LimitExceeded, ProxygraphError, StoreError
from proxygraph.records import Document
from proxygraph.store import LoadResult, Store


class Limits(NamedTuple):
    """The input limits of `extract`: file bytes, text characters, seconds per document."""

    bytes: int
    chars: int
    seconds: float | None


def _claim_records(files: tuple[str, ...], counter: _Counter) -> Iterator[dict[str, Any]]:
    """Records of proxygraph.doc/1 JSONL files (- is stdin); a bad line is reported."""
    for name in files:
        with click.open_file(name, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    report_error(f"{name}:{number}: not JSON ({exc.msg})")
                    counter.failed += 1


def _store(store: Store, records: Iterator[dict[str, Any]], result: LoadResult,
           counter: _Counter) -> None:  # fmt: skip
    for record in progress(records, desc="load"):
        try:
            status, n = store.load_record(record)
        except StoreError as exc:
            report_error(str(exc))
            counter.failed += 1
            continue
        result.add(status, n)


@click.command("load")
@click.argument("paths", nargs=-1)
@click.option(
    "--claims",
    "claim_files",
    multiple=True,
    metavar="FILE.jsonl",
    help="Store precomputed `proxygraph extract` output (- for stdin) instead of "
    "extracting; repeatable.",
)
@db_option
@kb_option
@extraction_options
def load_command(
    paths: tuple[str, ...],
    claim_files: tuple[str, ...],
    db: str,
    kb_dirs: tuple[str, ...],
    workers: int,
    max_bytes: int,
    max_chars: int,
    max_seconds_per_doc: float | None,
    model: str | None,
    disabled_rules: tuple[str, ...],
) -> None:
    """Extract documents and store their actors, mentions and claims in the claim graph.

    PATHS are read as by `proxygraph extract` (files, directories, - for stdin). Each
    document is stored in one transaction; one already stored (same outlet, id and
    text) is skipped without extracting it again, so an interrupted load can simply be
    run again. A new text under a known outlet and id replaces the old version.

    \b
    Examples:
      proxygraph load examples/corpus
      proxygraph load reports/ --db postgresql://analyst:secret@localhost/proxygraph
      proxygraph extract feed.jsonl -o claims.jsonl && proxygraph load --claims claims.jsonl

    Prints one summary line on stderr. Exit status: 0 when every input was stored, 1
    when some failed (each is named on stderr), 2 on a usage error.
    """
    if not paths and not claim_files:
        raise click.UsageError("give PATHS to extract or --claims FILE.jsonl")
    counter = _Counter()
    result = LoadResult()
    store = open_store(db, create=True)
    try:
        if claim_files:
            _store(store, _claim_records(claim_files, counter), result, counter)
        if paths:
            limits = Limits(max_bytes, max_chars, max_seconds_per_doc)
            _extract_and_store(store, paths, result, counter, kb_dirs=kb_dirs, workers=workers,
                               limits=limits, model=model,
                               disabled_rules=disabled_rules)  # fmt: skip
    except ProxygraphError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    failed = f"; {counter.failed} failed" if counter.failed else ""
    click.echo(f"proxygraph: {db}: {result.summary()}{failed}", err=True)
    if counter.failed:
        raise SystemExit(1)


def _extract_and_store(
    store: Store,
    paths: tuple[str, ...],
    result: LoadResult,
    counter: _Counter,
    *,
    kb_dirs: tuple[str, ...],
    workers: int,
    limits: Limits,
    model: str | None,
    disabled_rules: tuple[str, ...],
) -> None:
    from proxygraph.extractor import Extractor

    texts: deque[str] = deque()
    already = [0]  # documents skipped before extraction (counted apart: with --workers,
    # this generator runs in the pool's feeder thread)

    def documents() -> Iterator[Document]:
        for doc in readable_documents(paths, counter, limits.bytes, max_chars=limits.chars):
            if store.is_loaded(doc.source, doc.doc_id, doc.text):
                already[0] += 1
                continue
            texts.append(doc.text)
            yield doc

    def skipped(error: LimitExceeded) -> None:
        report_error(str(error))
        counter.failed += 1
        texts.popleft()  # skips come in input order, like records

    def records(docs: Iterator[Document]) -> Iterator[dict[str, Any]]:
        for record in extractor.extract_many(docs, workers=workers, on_skip=skipped):
            record["text"] = texts.popleft()
            yield record

    rules = tuple(rule.split("|", 1)[0].strip() for rule in disabled_rules)
    extractor = Extractor(
        kb_dirs=kb_dirs,
        model=model,
        disabled_rules=rules,
        max_chars=limits.chars,
        max_seconds_per_doc=limits.seconds,
    )
    pending = documents()
    first = next(pending, None)  # nothing new: no need to load the pipeline
    if first is not None:
        if workers > 1:
            _ = extractor.pipe  # report a KB or model error once, before the workers start
        _store(store, records(chain([first], pending)), result, counter)
    result.skipped += already[0]
