"""RSS and Atom feeds: one Document per entry, parsed by feedparser without network."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from proxygraph.errors import InvalidInput
from proxygraph.ids import content_id
from proxygraph.ingest.dates import normalise_date
from proxygraph.ingest.html import fragment_text
from proxygraph.records import Document

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_ENCODING_DECL = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")
_SNIFF_CHARS = 2048


def looks_like_feed(text: str) -> bool:
    """True when the start of `text` has an RSS, Atom or RDF root element."""
    return bool(_FEED_ROOT.search(text[:_SNIFF_CHARS]))


def feed_documents(text: str, where: str, name: str) -> Iterator[Document | InvalidInput]:
    """Yield one Document per feed entry, or an InvalidInput per unreadable entry.

    Text is the entry's content (else its summary) with HTML stripped; title, link
    (as url) and published (else updated) date come from the entry; the source is
    the feed's title, else `name` (the file name). doc_id is the entry id (guid), else a
    content hash. The origin of entry n (from 1) is "FILE#n".
    """
    import feedparser  # only when a feed is seen

    # The text is already decoded: make the XML declaration agree with the bytes we pass.
    data = _ENCODING_DECL.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser can fail on odd markup, e.g. "&#xD800;"
        yield InvalidInput(where, f"not a readable RSS or Atom feed ({_one_line(exc)})")
        return
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            reason = _one_line(parsed.get("bozo_exception") or "malformed XML")
            yield InvalidInput(where, f"not a readable RSS or Atom feed ({reason})")
        elif not parsed.get("version"):
            yield InvalidInput(where, "not an RSS or Atom feed")
        else:
            yield InvalidInput(where, "feed has no entries")
        return
    source = _clean(parsed.feed.get("title")) or name
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{where}#{number}"
        body = _entry_text(entry)
        if not body:
            yield InvalidInput(origin, "feed entry has no text")
            continue
        yield Document(
            doc_id=_clean(entry.get("id")) or content_id(body),
            text=body,
            source=source,
            date=normalise_date(
                entry.get("published_parsed")
                or entry.get("updated_parsed")
                or entry.get("published")
                or entry.get("updated")
            ),
            url=_clean(entry.get("link")),
            title=_clean(fragment_text(entry.get("title", ""))),
            origin=origin,
        )


def _entry_text(entry: Any) -> str:
    """The entry's content (longest part) or summary, as plain text."""
    candidates = [part for part in entry.get("content", []) if part.get("value", "").strip()]
    if candidates:
        part = max(candidates, key=lambda item: len(item["value"]))
    elif entry.get("summary", "").strip():
        part = entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}
    else:
        return ""
    value = part.get("value", "")
    if part.get("type") == "text/plain":
        return value.strip()
    return fragment_text(value)


def _clean(value: object) -> str | None:
    """A stripped non-empty string, else None."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _one_line(value: object) -> str:
    """An error message on one line (parsers' messages may hold line breaks)."""
    return " ".join(str(value).split()) or type(value).__name__
