"""Pick a reader for an input (by suffix, else by sniffing) and run it on decoded text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePath

from proxygraph.errors import InvalidInput
from proxygraph.ids import content_id
from proxygraph.ingest.feeds import feed_documents, looks_like_feed
from proxygraph.ingest.html import html_document
from proxygraph.ingest.jsondocs import json_documents, jsonl_documents
from proxygraph.records import Document

SUFFIX_KINDS = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
SUPPORTED_SUFFIXES = frozenset(SUFFIX_KINDS)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"\r\n?")


def kind_for(name: str) -> str | None:
    """The reader kind for a file name's suffix, or None when unknown."""
    return SUFFIX_KINDS.get(PurePath(name).suffix.lower())


def sniff_kind(text: str) -> str:
    """Guess the kind of unnamed input (stdin, unknown suffix) from how it starts."""
    head = text.lstrip()[:2048]
    if head.startswith("{"):
        return "json" if _is_one_json_value(text) else "jsonl"
    if head.startswith("["):
        return "json"
    if _HTML_START.match(head):
        return "html"
    if head.startswith("<") and looks_like_feed(head):
        return "feed"
    return "text"


def _is_one_json_value(text: str) -> bool:
    """True when the whole text is one JSON value (e.g. a pretty-printed object)."""
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def read_text(text: str, where: str, source: str, kind: str) -> Iterator[Document | InvalidInput]:
    """Yield the documents of decoded input `text` read as `kind`.

    where: the file (or "<stdin>") for origins and errors; source: the name used as
    source when the input names none (the file name, or "stdin").
    """
    if kind == "text":
        yield text_document(text, where, source)
    elif kind == "html":
        try:
            yield html_document(text, where, source)
        except InvalidInput as exc:
            yield exc
    elif kind == "json":
        yield from json_documents(text, where, source)
    elif kind == "jsonl":
        yield from jsonl_documents(text, where, source)
    elif kind == "feed":
        yield from feed_documents(text, where, source)
    else:
        raise ValueError(f"unknown input kind {kind!r}")


def text_document(text: str, where: str, source: str) -> Document:
    """One plain-text or Markdown document; CRLF and lone CR become LF."""
    text = _LINE_BREAKS.sub("\n", text)
    return Document(doc_id=content_id(text), text=text, source=source, origin=where)
