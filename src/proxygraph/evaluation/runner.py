"""Run the extractor over evaluation documents, with an optional progress bar on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from tqdm import tqdm

from proxygraph.records import Document


class SupportsExtractMany(Protocol):
    """Anything with the Extractor's `extract_many` signature."""

    def extract_many(
        self, docs: Sequence[Document], *, workers: int = 1
    ) -> Iterator[dict[str, Any]]: ...


def run_extraction(
    extractor: SupportsExtractMany,
    docs: Sequence[Document],
    *,
    workers: int = 1,
    progress: bool = False,
    desc: str = "extracting",
) -> dict[str, dict[str, Any]]:
    """Extract every document; return the doc/1 records by doc_id.

    progress (bool): show a tqdm bar on stderr (callers pass it when stderr is a terminal).
    """
    out: dict[str, dict[str, Any]] = {}
    records = extractor.extract_many(docs, workers=workers)
    bar = tqdm(
        records,
        total=len(docs),
        desc=desc,
        unit="doc",
        file=sys.stderr,
        disable=not progress,
        leave=False,
    )
    for rec in bar:
        out[rec["doc_id"]] = rec
    return out
