"""`proxygraph extract`: documents in, proxygraph.doc/1 JSON Lines (or a table) out."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import click

from proxygraph.cli.common import (
    engine_options,
    extraction_options,
    extractor_settings,
    format_option,
    kb_option,
    progress,
    report_error,
)
from proxygraph.cli.table import render_record
from proxygraph.errors import InvalidInput, LimitExceeded, ProxygraphError
from proxygraph.ingest import iter_documents, non_english_reason
from proxygraph.limits import DEFAULT_MAX_CHARS, too_long
from proxygraph.records import Document


class _Counter:
    failed = 0


def readable_documents(
    paths: Iterable[str], counter: _Counter, max_bytes: int, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Document]:
    """Documents that could be read; every failure is reported in one line and counted.

    max_chars (int): longest text passed on; a longer one is reported and skipped.
    """
    for item in iter_documents(list(paths), max_bytes=max_bytes):
        if isinstance(item, InvalidInput):
            report_error(str(item))
            counter.failed += 1
            continue
        error = too_long(item, max_chars)
        if error is not None:
            report_error(str(error))
            counter.failed += 1
            continue
        reason = non_english_reason(item.text)
        if reason:
            report_error(f"{item.origin or item.source}: {reason}; skipped")
            counter.failed += 1
            continue
        yield item


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of stdout.",
)
@format_option(
    ["jsonl", "table", "parquet"],
    "jsonl: proxygraph.doc/1 records; table: for reading; parquet: with --engine ray, "
    "Parquet files (the record as JSON in column record).",
)
@kb_option
@click.option("--emit-text", is_flag=True, help="Add the analysed text to each record.")
@extraction_options
@engine_options("a Ray Data job over JSONL/Parquet shards, -o an output directory")
def extract_command(
    paths: tuple[str, ...],
    output: TextIO,
    fmt: str,
    kb_dirs: tuple[str, ...],
    emit_text: bool,
    workers: int,
    max_bytes: int,
    max_chars: int,
    max_seconds_per_doc: float | None,
    model: str | None,
    disabled_rules: tuple[str, ...],
    engine: str = "local",
    address: str | None = None,
) -> None:
    """Find actors, places and attributed claims in documents.

    PATHS are .txt/.md files, .html pages, .json/.jsonl records (with a "text" field),
    RSS/Atom feeds, directories (searched recursively) or - for stdin.

    \b
    Examples:
      proxygraph extract examples/corpus --format table
      proxygraph extract reports/ -o claims.jsonl --workers 2
      cat articles.jsonl | proxygraph extract - > claims.jsonl
      proxygraph extract report.txt --disable-rule opposes-verb --disable-rule title-leads-before
      proxygraph extract shards/ --engine ray --workers 4 -o out/
      proxygraph extract shards/ --engine ray --format parquet -o out/

    \b
    Each claim names the rule that made it, e.g. "supports-verb|reporting:accuse"
    (rule supports-verb, attribution by reporting:accuse). --disable-rule takes the
    part before the "|"; a name that matches no rule is ignored.

    \b
    Limits: a file over --max-bytes, a text over --max-chars and a document whose
    analysis runs past --max-seconds-per-doc are each reported and skipped.

    \b
    Exit status:
      0  every input was processed
      1  some inputs failed or were skipped (each is named on stderr in one line),
         or the run could not start (knowledge base, model)
      2  usage error (unknown option, bad value, missing argument)
    """
    from proxygraph.extractor import Extractor

    settings = extractor_settings(kb_dirs, model, disabled_rules, max_chars, max_seconds_per_doc)
    if engine == "ray":
        from proxygraph.scale.cli import run_ray

        # --emit-text and --max-bytes do not apply
        run_ray(paths, output, fmt, workers, address, settings)
        return
    if fmt == "parquet":
        raise click.UsageError("--format parquet writes a directory: it needs --engine ray")
    counter = _Counter()
    # Records come back in input order, so the texts wait in a queue (doc ids may repeat).
    texts: deque[str] = deque()

    def documents() -> Iterator[Document]:
        for doc in readable_documents(paths, counter, max_bytes, max_chars=max_chars):
            if emit_text:
                texts.append(doc.text)
            yield doc

    def skipped(error: LimitExceeded) -> None:
        report_error(str(error))
        counter.failed += 1
        if emit_text:
            texts.popleft()  # skips come in input order, like records

    extractor = Extractor(**settings)
    try:
        if workers > 1:
            # Build the pipeline here first: an error in the KB, a lexicon or the model is
            # then reported once, instead of failing in every worker process as it starts.
            _ = extractor.pipe
        for record in progress(
            extractor.extract_many(documents(), workers=workers, on_skip=skipped),
            desc="extract",
        ):
            if emit_text:
                record["text"] = texts.popleft()
            _write(output, record, fmt)
    except ProxygraphError as exc:
        raise click.ClickException(str(exc)) from exc
    if counter.failed:
        raise SystemExit(1)


def _write(output: TextIO, record: dict[str, Any], fmt: str) -> None:
    if fmt == "jsonl":
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        output.write(render_record(record) + "\n")
    output.flush()
