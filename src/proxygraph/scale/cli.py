"""`proxygraph extract|load --engine ray`: the command-line side of ray_engine.py."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click

from proxygraph.cli.common import report_error

if TYPE_CHECKING:
    from proxygraph.cli.extract_cmd import _Counter
    from proxygraph.scale.ray_engine import RayJob, RayResult
    from proxygraph.store import LoadResult, Store

RAY_FORMATS = ("jsonl", "parquet")


def check_inputs(paths: Sequence[str]) -> None:
    """A usage error for stdin, which Ray cannot read."""
    if "-" in paths:
        raise click.UsageError("--engine ray reads files or directories, not stdin")


def existing_inputs(paths: Sequence[str], failed: Callable[[str], None]) -> list[str]:
    """The inputs but local paths that do not exist (each passed to `failed`): Ray would
    fail the whole job on one of them."""
    found = []
    for path in paths:
        if "://" not in path and not os.path.exists(path):
            failed(f"{path}: no such file")
        else:
            found.append(path)
    return found


def run_ray(
    paths: Sequence[str],
    output: Any,
    fmt: str,
    workers: int,
    address: str | None,
    settings: dict[str, Any],
) -> None:
    """Run the Ray job; exit 1 when some inputs failed (each named on stderr in one line)."""
    from proxygraph.scale.ray_engine import RayUnavailable, run

    out_dir = getattr(output, "name", "-")
    if out_dir in ("-", "<stdout>"):
        raise click.UsageError("--engine ray writes a directory: give it with -o DIRECTORY")
    if fmt not in RAY_FORMATS:
        raise click.UsageError("--engine ray writes --format jsonl or parquet, not a table")
    check_inputs(paths)
    inputs = existing_inputs(paths, report_error)
    job = _job(address, workers, settings)
    try:
        errors = run(inputs, out_dir, job, fmt=fmt).errors if inputs else []
    except RayUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    for error in errors:
        report_error(error)
    if errors or len(inputs) < len(paths):
        raise SystemExit(1)


def ray_records(
    store: Store,
    paths: Sequence[str],
    workers: int,
    address: str | None,
    settings: dict[str, Any],
    *,
    counter: _Counter,
    result: LoadResult,
) -> Iterator[dict[str, Any]]:
    """Records (with their text) of the documents of `paths` not yet in `store`, extracted
    on Ray, for `load --engine ray`. A failed input is named on stderr and counted in
    `counter`; the documents skipped as already stored are added to `result` at the end.
    """
    from proxygraph.scale.ray_engine import RayResult, RayUnavailable, iter_records
    from proxygraph.scale.stored import stored_hashes

    check_inputs(paths)

    def failed(error: str) -> None:
        report_error(error)
        counter.failed += 1

    inputs = existing_inputs(paths, failed)
    ray_result = RayResult()
    records: Iterator[dict[str, Any]] = iter(())
    job = _job(address, workers, settings)
    try:
        if inputs:
            records = iter_records(inputs, job, ray_result, stored=stored_hashes(store),
                                   on_error=failed)  # fmt: skip
    except RayUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    return _count_skipped(records, ray_result, result)


def _count_skipped(
    records: Iterator[dict[str, Any]], ray_result: RayResult, result: LoadResult
) -> Iterator[dict[str, Any]]:
    try:
        yield from records
    finally:
        result.skipped += ray_result.skipped


def _job(address: str | None, workers: int, settings: dict[str, Any]) -> RayJob:
    from proxygraph.scale.ray_engine import RayJob

    return RayJob(address=address, workers=max(1, workers), extractor=settings)
