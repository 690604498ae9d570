"""The JSON Lines reading the evaluation files share: blank lines skipped, errors naming
file:line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from proxygraph.errors import InvalidGold


def parse_json(line: str, where: str, *, column: bool = False) -> Any:
    """One JSON value; InvalidGold prefixed with `where` (and the column, if asked) if not."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        at = f" at column {exc.colno}" if column else ""
        raise InvalidGold(f"{where}: invalid JSON ({exc.msg}{at})") from None


def json_lines(
    lines: Iterable[str], path: Path | str, *, column: bool = False
) -> Iterator[tuple[str, Any]]:
    """("path:line", value) for each non-blank line of `lines`, read from `path`."""
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{ln}"
        yield where, parse_json(line, where, column=column)
