"""The input layer: turn files, directories and stdin into Documents.

Formats (by suffix; stdin and unknown suffixes are sniffed):

- .txt, .md: one document; CRLF and lone CR are turned into LF, a BOM is dropped;
  doc_id is the content hash, source the file name.
- .html, .htm: main text by trafilatura (plain lxml text as fallback); title, date,
  url and site name (as source, else the file name) from the page's metadata.
- .json (an object or a list of objects), .jsonl (one object per line): "text"
  (required, kept exactly), optional "id", "source" or "outlet", "date", "url", "title".
- .xml, .rss, .atom: an RSS or Atom feed, one document per entry.

Errors are yielded, not raised, as InvalidInput whose message starts with where the
problem is: "FILE", "FILE:LINE" (JSON Lines) or "FILE#N" (item N of a JSON list or
entry N of a feed, from 1). Document.origin uses the same notation. stdin is "<stdin>".
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import BinaryIO

from proxygraph.errors import InvalidInput
from proxygraph.ingest.decode import decode_text, read_file, read_stream
from proxygraph.ingest.language import non_english_reason
from proxygraph.ingest.paths import directory_files
from proxygraph.ingest.readers import SUPPORTED_SUFFIXES, kind_for, read_text, sniff_kind
from proxygraph.records import Document

__all__ = ["SUPPORTED_SUFFIXES", "STDIN", "iter_documents", "non_english_reason"]

STDIN = "-"
STDIN_NAME = "<stdin>"
DEFAULT_MAX_BYTES = 20_000_000


def iter_documents(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | InvalidInput]:
    """Yield each document of each input in order; yield (not raise) an InvalidInput for
    each input or line that cannot be read, so the caller reports it in one line and
    goes on.

    paths: files, directories (searched recursively, sorted, hidden entries skipped)
    or "-" for `stdin` (default sys.stdin.buffer). max_bytes: the largest input read.
    """
    if isinstance(paths, str | os.PathLike):  # a lone path, not a sequence of them
        paths = [paths]
    for path in paths:
        path = os.fspath(path)
        if path == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        elif os.path.isdir(path):
            try:
                files = directory_files(path)
            except InvalidInput as exc:
                yield exc
                continue
            for file in files:
                yield from _read_path(file, max_bytes)
        else:
            yield from _read_path(path, max_bytes)


def _read_path(path: str, max_bytes: int) -> Iterator[Document | InvalidInput]:
    """Yield the documents of one file."""
    try:
        text = decode_text(read_file(path, max_bytes), path)
    except InvalidInput as exc:
        yield exc
        return
    kind = kind_for(path) or sniff_kind(text)
    yield from read_text(text, path, PurePath(path).name, kind)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Document | InvalidInput]:
    """Yield the documents read from stdin, whose format is sniffed."""
    try:
        text = decode_text(read_stream(stream, STDIN_NAME, max_bytes), STDIN_NAME)
    except InvalidInput as exc:
        yield exc
        return
    except OSError as exc:
        yield InvalidInput(STDIN_NAME, f"cannot read ({exc.strerror or exc})")
        return
    yield from read_text(text, STDIN_NAME, "stdin", sniff_kind(text))
