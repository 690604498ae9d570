"""Paste each command's --help into docs/cli.md, between marker lines.

    python scripts/gen_cli_docs.py           # rewrite docs/cli.md in place
    python scripts/gen_cli_docs.py --check   # exit 1 when docs/cli.md is out of date

A block looks like this in the Markdown (the lines between the markers are generated):

    <!-- help: proxygraph kb check -->
    ```text
    Usage: proxygraph kb check [OPTIONS]
    ...
    ```
    <!-- end help -->

tests/test_docs.py runs `render` to check that the file is up to date.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

from proxygraph.cli import main as cli_main

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
WIDTH = 90
_BLOCK = re.compile(
    r"(?P<open><!-- help: (?P<cmd>[a-z ]+?) -->\n).*?(?P<close><!-- end help -->)", re.DOTALL
)


def commands(
    cmd: click.Command = cli_main, path: tuple[str, ...] = ("proxygraph",)
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and subcommand, as (("proxygraph", "kb", "check"), command)."""
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from commands(cmd.commands[name], (*path, name))


def help_text(path: tuple[str, ...]) -> str:
    """The --help of one command, as a user sees it on a terminal WIDTH columns wide."""
    result = CliRunner().invoke(
        cli_main, [*path[1:], "--help"], prog_name=path[0], terminal_width=WIDTH
    )
    if result.exit_code != 0:
        raise RuntimeError(f"{' '.join(path)} --help failed: {result.output}")
    return result.stdout


def render(markdown: str) -> str:
    """The Markdown with every help block regenerated."""

    def block(match: re.Match[str]) -> str:
        path = tuple(match["cmd"].split())
        body = help_text(path).rstrip("\n")
        return f"{match['open']}```text\n{body}\n```\n{match['close']}"

    return _BLOCK.sub(block, markdown)


def documented(markdown: str) -> set[str]:
    """The commands that have a help block in the Markdown."""
    return {m["cmd"] for m in _BLOCK.finditer(markdown)}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current)
    missing = {" ".join(p) for p, _ in commands()} - documented(current)
    for name in sorted(missing):
        sys.stderr.write(f"{DOC}: no help block for `{name}`\n")
    if check:
        if fresh != current:
            sys.stderr.write(f"{DOC} is out of date: run python scripts/gen_cli_docs.py\n")
            return 1
        return 1 if missing else 0
    if fresh != current:
        DOC.write_text(fresh, encoding="utf-8")
        sys.stderr.write(f"rewrote {DOC}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
