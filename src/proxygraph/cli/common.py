"""Option sets and helpers shared by several commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from proxygraph.errors import InvalidKB

if TYPE_CHECKING:
    from proxygraph.kb.loader import KnowledgeBase

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def kb_option(func: F) -> F:
    """--kb DIR (repeatable): extra knowledge-base folders merged over the built-in one."""
    return click.option(
        "--kb",
        "kb_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False),
        help="Extra knowledge-base folder (YAML) merged over the built-in one; repeatable.",
    )(func)


def load_kb_dirs(kb_dirs: Iterable[str]) -> KnowledgeBase:
    """The knowledge base with the --kb folders; an invalid one is a one-line click error."""
    from proxygraph.kb.loader import load_kb

    try:
        return load_kb(kb_dirs)
    except InvalidKB as exc:
        raise click.ClickException(str(exc)) from exc


def format_option(choices: Sequence[str], help: str) -> Callable[[F], F]:
    """--format (as `fmt`): one of choices, the first by default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


def report_error(message: str) -> None:
    """Print one error line on stderr."""
    click.echo(f"proxygraph: error: {message}", err=True)


def progress(items: Iterable[T], *, desc: str, unit: str = "doc") -> Iterator[T]:
    """Wrap items in a progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, unit=unit, file=sys.stderr, leave=False)


def extraction_options(func: F) -> F:
    """The options every command that runs extraction takes (extract, load, ...)."""
    from proxygraph.limits import DEFAULT_MAX_CHARS

    options = [
        click.option(
            "--workers",
            type=click.IntRange(1, 64),
            default=1,
            show_default=True,
            help="Processes to use for extraction; the output is identical to one process.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(1),
            default=20_000_000,
            show_default=True,
            help="Largest input file read.",
        ),
        click.option(
            "--max-chars",
            type=click.IntRange(1),
            default=DEFAULT_MAX_CHARS,
            show_default=True,
            help="Longest document text analysed, in characters; a longer one is reported "
            "and skipped.",
        ),
        click.option(
            "--max-seconds-per-doc",
            type=click.FloatRange(0, min_open=True),
            default=None,
            metavar="SECONDS",
            help="Time budget for analysing one document (finding actors and claims, after "
            "spaCy's parse); a document over it is reported and skipped. Default: none.",
        ),
        click.option(
            "--model", default=None, help="spaCy pipeline to use (default en_core_web_sm)."
        ),
        click.option(
            "--disable-rule",
            "disabled_rules",
            multiple=True,
            metavar="RULE",
            help="Switch off a claim rule, named as in the claims' rule field before the '|' "
            "(e.g. opposes-verb, denial-of-previous); repeatable.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def extractor_settings(
    kb_dirs: tuple[str, ...],
    model: str | None,
    disabled_rules: tuple[str, ...],
    max_chars: int,
    max_seconds_per_doc: float | None,
) -> dict[str, Any]:
    """The Extractor's keyword arguments from the extraction_options and --kb."""
    rules = tuple(rule.split("|", 1)[0].strip() for rule in disabled_rules)
    return dict(kb_dirs=kb_dirs, model=model, disabled_rules=rules, max_chars=max_chars,
                max_seconds_per_doc=max_seconds_per_doc)  # fmt: skip


def engine_options(ray_help: str) -> Callable[[F], F]:
    """--engine local|ray and --address, with the command's own words for what ray does."""

    def decorate(func: F) -> F:
        func = click.option(
            "--address",
            default=None,
            help="With --engine ray: the Ray cluster (ray://HOST:10001, auto); default local Ray.",
        )(func)
        return click.option(
            "--engine",
            type=click.Choice(["local", "ray"]),
            default="local",
            show_default=True,
            help=f"ray: {ray_help} (needs pip install 'proxygraph[ray]'; see docs/scale.md).",
        )(func)

    return decorate
