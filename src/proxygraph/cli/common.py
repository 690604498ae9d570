"""Option sets and helpers shared by several commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

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
