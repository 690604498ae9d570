"""`proxygraph load`: extract documents (or read extract output) into the claim store."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterator
from contextlib import closing
from itertools import chain
from pathlib import Path
from typing import Any

import click

from proxygraph.cli.common import (
    engine_options,
    extraction_options,
    extractor_settings,
    kb_option,
    progress,
    report_error,
)
from proxygraph.cli.db import db_option, store_session
from proxygraph.cli.extract_cmd import _Counter, readable_documents
from proxygraph.errors import LimitExceeded, ProxygraphError, StoreError
from proxygraph.records import Document
from proxygraph.scale.ray_engine import PARQUET_SUFFIXES
from proxygraph.store import LoadResult, Store
from proxygraph.store.repository import BATCH_SIZE


def _claim_records(files: tuple[str, ...], counter: _Counter) -> Iterator[dict[str, Any]]:
    """Records of proxygraph.doc/1 JSONL files (- is stdin), Parquet files (column
    "record", as `extract --engine ray --format parquet` writes) or directories of them;
    a bad line or file is reported."""
    for name in files:
        for path in _claim_paths(name, counter):
            if path.endswith(PARQUET_SUFFIXES):
                yield from _parquet_records(path, counter)
            else:
                yield from _jsonl_records(path, counter)


def _claim_paths(name: str, counter: _Counter) -> list[str]:
    """`name`, or the .jsonl and Parquet files under a directory (in name order)."""
    if name == "-" or not os.path.isdir(name):
        return [name]
    found = sorted(
        str(path)
        for path in Path(name).rglob("*")
        if path.is_file()
        and not path.name.startswith((".", "_"))
        and path.name.endswith((".jsonl", *PARQUET_SUFFIXES))
    )
    if not found:
        report_error(f"{name}: no .jsonl or .parquet files")
        counter.failed += 1
    return found


def _jsonl_records(name: str, counter: _Counter) -> Iterator[dict[str, Any]]:
    with click.open_file(name, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                report_error(f"{name}:{number}: not JSON ({exc.msg})")
                counter.failed += 1


def _parquet_records(name: str, counter: _Counter) -> Iterator[dict[str, Any]]:
    """The records of a Parquet file's "record" column (JSON strings); a bad file or row
    is reported in one line."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise click.ClickException(
            f"{name}: reading Parquet needs pyarrow: pip install pyarrow (or 'proxygraph[ray]')"
        ) from exc
    row = 0
    try:
        reader = pq.ParquetFile(name)
        if "record" not in reader.schema_arrow.names:
            raise ValueError("no column 'record'")
        for batch in reader.iter_batches(columns=["record"]):
            for value in batch.column(0).to_pylist():
                row += 1
                try:
                    yield json.loads(value)
                except (json.JSONDecodeError, TypeError) as exc:
                    report_error(f"{name}: row {row}: record is not JSON ({exc})")
                    counter.failed += 1
    except (OSError, ValueError, pa.ArrowException) as exc:
        report_error(f"{name}: not a readable Parquet file of records ({_one_line(exc)})")
        counter.failed += 1


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _store(store: Store, records: Iterator[dict[str, Any]], result: LoadResult,
           counter: _Counter) -> None:  # fmt: skip
    """Store records in batches (Store.load_stream); name each one that fails on stderr."""
    for outcome in store.load_stream(progress(records, desc="load")):
        if isinstance(outcome, StoreError):
            report_error(str(outcome))
            counter.failed += 1
        else:
            result.add(*outcome)


@click.command("load")
@click.argument("paths", nargs=-1)
@click.option(
    "--claims",
    "claim_files",
    multiple=True,
    metavar="FILE",
    help="Store precomputed `proxygraph extract` output instead of extracting: JSON Lines "
    "(- for stdin), Parquet from --engine ray, or a directory of them; repeatable.",
)
@db_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=BATCH_SIZE,
    show_default=True,
    help="Documents stored per transaction (an interrupted load keeps every batch it "
    "committed; batches also commit every 2 s while extraction is slow).",
)
@kb_option
@extraction_options
@engine_options(
    "extract PATHS (JSONL/Parquet shards) as a Ray Data job and store the records from here"
)
def load_command(
    paths: tuple[str, ...],
    claim_files: tuple[str, ...],
    db: str,
    batch_size: int,
    kb_dirs: tuple[str, ...],
    workers: int,
    max_bytes: int,
    max_chars: int,
    max_seconds_per_doc: float | None,
    model: str | None,
    disabled_rules: tuple[str, ...],
    engine: str = "local",
    address: str | None = None,
) -> None:
    """Extract documents and store their actors, mentions and claims in the claim graph.

    PATHS are read as by `proxygraph extract` (files, directories, - for stdin).
    Documents are stored in transactions of --batch-size documents; one already stored
    (same outlet, id and text) is skipped without extracting it again, so an
    interrupted load can simply be run again. A new text under a known outlet and id
    replaces the old version.

    \b
    Examples:
      proxygraph load examples/corpus
      proxygraph load reports/ --db postgresql://analyst:secret@localhost/proxygraph
      proxygraph extract feed.jsonl -o claims.jsonl && proxygraph load --claims claims.jsonl
      proxygraph load shards/ --engine ray --workers 4

    Prints one summary line on stderr. Exit status: 0 when every input was stored, 1
    when some failed (each is named on stderr), 2 on a usage error.
    """
    if not paths and not claim_files:
        raise click.UsageError("give PATHS to extract or --claims FILE.jsonl")
    if engine == "ray":
        _check_ray_usage(paths, claim_files)
    counter = _Counter()
    result = LoadResult()
    settings = extractor_settings(kb_dirs, model, disabled_rules, max_chars, max_seconds_per_doc)
    with store_session(db, create=True, errors=(ProxygraphError,)) as store:
        store.batch_size = batch_size
        if claim_files:
            _store(store, _claim_records(claim_files, counter), result, counter)
        if paths and engine == "ray":
            _ray_load(store, paths, result, counter, workers, address, settings)
        elif paths:
            _extract_and_store(store, paths, result, counter, settings=settings, workers=workers,
                               max_bytes=max_bytes)  # fmt: skip
    failed = f"; {counter.failed} failed" if counter.failed else ""
    click.echo(f"proxygraph: {db}: {result.summary()}{failed}", err=True)
    if counter.failed:
        raise SystemExit(1)


def _check_ray_usage(paths: tuple[str, ...], claim_files: tuple[str, ...]) -> None:
    from proxygraph.scale.cli import check_inputs

    if claim_files:
        raise click.UsageError("--engine ray extracts PATHS; --claims is stored without it")
    check_inputs(paths)


def _ray_load(
    store: Store,
    paths: tuple[str, ...],
    result: LoadResult,
    counter: _Counter,
    workers: int,
    address: str | None,
    settings: dict[str, Any],
) -> None:
    """Extract on Ray (see docs/scale.md) and store the records here as they come."""
    from proxygraph.scale.cli import ray_records

    records = ray_records(store, paths, workers, address, settings, counter=counter,
                          result=result)  # fmt: skip
    with closing(records):
        _store(store, records, result, counter)


def _extract_and_store(
    store: Store,
    paths: tuple[str, ...],
    result: LoadResult,
    counter: _Counter,
    *,
    settings: dict[str, Any],
    workers: int,
    max_bytes: int,
) -> None:
    from proxygraph.extractor import Extractor

    texts: deque[str] = deque()
    already = [0]  # documents skipped before extraction (counted apart: with --workers,
    # this generator runs in the pool's feeder thread)

    def documents() -> Iterator[Document]:
        for doc in readable_documents(paths, counter, max_bytes, max_chars=settings["max_chars"]):
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

    extractor = Extractor(**settings)
    pending = documents()
    first = next(pending, None)  # nothing new: no need to load the pipeline
    if first is not None:
        if workers > 1:
            _ = extractor.pipe  # report a KB or model error once, before the workers start
        _store(store, records(chain([first], pending)), result, counter)
    result.skipped += already[0]
