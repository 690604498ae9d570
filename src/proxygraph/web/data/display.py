"""Document text prepared for display, as data: safe links, where a claim's mentions sit
in its sentence, and a text cut into pieces and segments. Nothing here builds markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a document's URL is untrusted input, and a
    javascript: or data: URL must never become a link."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    return url.strip() if scheme in ("http", "https") else None


def highlights(sentence: str, marks: list[tuple[str | None, str]]) -> list[dict[str, Any]]:
    """Where the claim's mentions sit in its sentence: [{"start", "end", "role"}], sorted,
    not overlapping (the first found of two overlapping marks wins).

    marks (list): (mention text, role) pairs, e.g. ("UAE", "source").
    """
    found: list[dict[str, Any]] = []
    folded = sentence.casefold() if len(sentence.casefold()) == len(sentence) else None
    for text, role in marks:
        if not text:
            continue
        start = _find_word(sentence, text)
        if start < 0:
            start = sentence.find(text)
        if start < 0 and folded is not None:
            start = folded.find(text.casefold())
        if start < 0:
            continue
        end = start + len(text)
        if any(start < h["end"] and h["start"] < end for h in found):
            continue
        found.append({"start": start, "end": end, "role": role})
    return sorted(found, key=lambda h: h["start"])


def _find_word(sentence: str, text: str) -> int:
    """Where text first stands as whole words in sentence ("Rwanda", not in "Rwandan")."""
    match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)
    return match.start() if match else -1


def split(text: str, marks: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The text cut at non-overlapping marks: [(piece, role or None)]."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for h in marks:
        if h["start"] > pos:
            out.append((text[pos : h["start"]], None))
        out.append((text[h["start"] : h["end"]], h["role"]))
        pos = h["end"]
    if pos < len(text):
        out.append((text[pos:], None))
    return out


@dataclass
class Segment:
    """A piece of a document's text: the mention it is part of, the claims whose evidence
    covers it, and the claims whose evidence starts here (anchors)."""

    text: str
    mention: dict[str, Any] | None
    claims: list[str]
    anchors: list[str]


def segments(text: str, doc_mentions: list[dict[str, Any]], doc_claims: list[dict[str, Any]]
             ) -> list[Segment]:  # fmt: skip
    """A document's text cut wherever a mention or a claim's evidence starts or ends.

    Offsets outside the text, or ending before they start, are ignored.
    """
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for m in doc_mentions:
        if 0 <= m["start"] < m["end"] <= n:
            spans.append((m["start"], m["end"], "mention", m))
    for c in doc_claims:
        s, e = c["evidence_start"], c["evidence_end"]
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
            spans.append((s, e, "claim", c["claim_id"]))
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[tuple[int, int, str, Any]]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    active: list[tuple[int, int, str, Any]] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s[1] > a] + starts.get(a, [])
        mention = next((s[3] for s in active if s[2] == "mention"), None)
        covering = [s[3] for s in active if s[2] == "claim"]
        anchors = [s[3] for s in starts.get(a, []) if s[2] == "claim"]
        out.append(Segment(text[a:b], mention, covering, anchors))
    return out
