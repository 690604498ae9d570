"""`proxygraph extract --engine ray`: the command-line side of ray_engine.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from proxygraph.cli.common import report_error


def run_ray(
    paths: Sequence[str],
    output: Any,
    fmt: str,
    workers: int,
    address: str | None,
    settings: dict[str, Any],
) -> None:
    """Run the Ray job; exit 1 when some inputs failed (each named on stderr in one line)."""
    from proxygraph.scale.ray_engine import RayJob, RayUnavailable, run

    out_dir = getattr(output, "name", "-")
    if out_dir in ("-", "<stdout>"):
        raise click.UsageError("--engine ray writes a directory: give it with -o DIRECTORY")
    if fmt != "jsonl":
        raise click.UsageError("--engine ray writes JSON Lines only (--format jsonl)")
    if "-" in paths:
        raise click.UsageError("--engine ray reads files or directories, not stdin")
    job = RayJob(address=address, workers=max(1, workers), extractor=settings)
    try:
        result = run(list(paths), out_dir, job)
    except RayUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    for error in result.errors:
        report_error(error)
    if result.errors:
        raise SystemExit(1)
