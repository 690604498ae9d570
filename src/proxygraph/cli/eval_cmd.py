"""`proxygraph eval`: score extraction against gold claims or Dstl re3d folders."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from proxygraph.cli.common import format_option
from proxygraph.errors import ProxygraphError


@click.command("eval")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold claims JSONL (format: docs/evaluation.md).",
)
@click.option(
    "--re3d",
    "re3d",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A re3d dataset folder, or a folder of them.",
)
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this proxygraph.doc/1 JSONL instead of running extraction.",
)
@click.option(
    "--baseline",
    type=click.Choice(["spacy"]),
    help="With --re3d: score bare spaCy NER instead of proxygraph.",
)
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="List false positives, misses and attribute mismatches with evidence.",
)
@format_option(
    ["table", "json"],
    "table: aligned figures for reading; json: the same figures as one JSON object.",
)
@click.option(
    "--kb",
    "kb_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Extra knowledge-base folder (repeatable).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extraction worker processes.",
)
def eval_command(
    gold: Path | None,
    re3d: Path | None,
    predictions: Path | None,
    baseline: str | None,
    show_errors: bool,
    fmt: str,
    kb_dirs: tuple[Path, ...],
    workers: int,
) -> None:
    """Score extraction against gold claims (--gold) or re3d annotations (--re3d).

    \b
    Examples:
      proxygraph eval --gold my-gold.jsonl --errors
      proxygraph eval --gold gold.jsonl --predictions out.jsonl --format json
      proxygraph eval --re3d ../shared/eval/re3d-dev
      proxygraph eval --re3d ../shared/eval/re3d-dev --baseline spacy
    """
    from proxygraph import evaluation
    from proxygraph.evaluation import report

    if (gold is None) == (re3d is None):
        raise click.UsageError("give exactly one of --gold FILE or --re3d DIR")
    if baseline and gold is not None:
        raise click.UsageError("--baseline works with --re3d only")
    if baseline and predictions is not None:
        raise click.UsageError("--baseline and --predictions exclude each other")
    progress = sys.stderr.isatty()
    try:
        if gold is not None:
            result = evaluation.evaluate_gold(
                gold, predictions=predictions, kb_dirs=kb_dirs, workers=workers, progress=progress
            )
            out = (
                report.claims_json(result, errors=show_errors)
                if fmt == "json"
                else report.claims_table(result, errors=show_errors)
            )
        else:
            assert re3d is not None
            r3 = evaluation.evaluate_re3d(
                re3d,
                predictions=predictions,
                baseline=baseline,
                kb_dirs=kb_dirs,
                workers=workers,
                progress=progress,
            )
            label = f"{baseline} baseline" if baseline else "proxygraph"
            if show_errors:
                click.echo("note: --errors lists claim errors of --gold only", err=True)
            out = (
                report.re3d_json(r3, label=label)
                if fmt == "json"
                else report.re3d_table(r3, label=label)
            )
    except ProxygraphError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(out)
