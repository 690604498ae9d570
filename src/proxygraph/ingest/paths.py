"""Expand a directory into its supported files, recursively and sorted."""

from __future__ import annotations

import os
from pathlib import Path

from proxygraph.errors import InvalidInput
from proxygraph.ingest.readers import SUPPORTED_SUFFIXES


def directory_files(directory: str) -> list[str]:
    """Return the supported files under `directory`, sorted by path, hidden ones skipped.

    Files and sub-directories sort together by name ("a.txt" < "b/c.txt" < "c.txt").
    Symbolic links to directories are not followed. Raises InvalidInput when the
    directory holds no supported file.
    """
    found: list[tuple[str, ...]] = []
    for current, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        base = Path(current).relative_to(directory).parts
        found.extend(
            (*base, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
        )
    if not found:
        suffixes = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InvalidInput(directory, f"no supported files in directory ({suffixes})")
    return [os.path.join(directory, *parts) for parts in sorted(found)]
