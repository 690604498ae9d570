"""A `proxygraph.doc/1` record as the rows the store writes (no database here)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from proxygraph import FORMAT
from proxygraph.errors import StoreError
from proxygraph.graph.actors import actor_key, normalise_name
from proxygraph.ids import content_id

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class ActorRow:
    """An actor as one document names it."""

    actor_key: str
    name: str
    type: str
    kb_id: str | None
    part_of: str | None = None

    def to_row(self) -> dict[str, Any]:
        return {
            "actor_key": self.actor_key,
            "name": self.name,
            "norm_name": normalise_name(self.name),
            "type": self.type,
            "kb_id": self.kb_id,
            "part_of": self.part_of,
            "merged_into": None,
        }


@dataclass
class ParsedDocument:
    """Everything the store keeps of one record."""

    doc_key: str
    doc_id: str
    source: str
    date: str | None
    url: str | None
    title: str | None
    content_hash: str
    text: str | None
    fingerprint_text: str  # what near-duplicate detection reads
    actors: dict[str, ActorRow] = field(default_factory=dict)
    aliases: set[tuple[str, str]] = field(default_factory=set)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)


def document_key(source: str, doc_id: str) -> str:
    """A document's identity: its outlet and id (a new text under it is a new version)."""
    return content_id(json.dumps([source, doc_id], ensure_ascii=False))


def content_hash(record: dict[str, Any], text: str | None) -> str:
    """Hash of the outlet, the id and the text; without a text, of the extracted content."""
    body: Any = text
    if text is None:
        body = {k: v for k, v in record.items() if k not in ("text", "format")}
    payload = json.dumps([record.get("source"), record.get("doc_id"), body], sort_keys=True)
    return content_id(payload)


def _date(value: Any) -> str | None:
    match = _DATE.match(value) if isinstance(value, str) else None
    return match.group(0) if match else None


def _end(doc: ParsedDocument, end: dict[str, Any]) -> str:
    """Register one end of a claim as an actor; return its key."""
    name, type_ = str(end["name"]), str(end["type"])
    key = actor_key(name, type_, end.get("actor_id"))
    doc.actors.setdefault(key, ActorRow(key, name, type_, end.get("actor_id")))
    doc.aliases.add((key, name))
    if end.get("mention"):
        doc.aliases.add((key, str(end["mention"])))
    return key


def _mention(doc: ParsedDocument, ordinal: int, m: dict[str, Any]) -> dict[str, Any]:
    key = None
    if m.get("actor"):
        key = actor_key(m["actor"], m["type"], m.get("actor_id"))
        part_of = f"kb:{m['part_of']}" if m.get("part_of") else None
        row = doc.actors.setdefault(key, ActorRow(key, m["actor"], m["type"], m.get("actor_id")))
        row.part_of = row.part_of or part_of
        doc.aliases.add((key, m["actor"]))
        doc.aliases.add((key, m["text"]))
    return {
        "doc_key": doc.doc_key,
        "ordinal": ordinal,
        "start_char": int(m["start"]),
        "end_char": int(m["end"]),
        "text": m["text"],
        "type": m["type"],
        "actor_key": key,
        "rule": m.get("rule"),
        "geo": m.get("geo"),
    }


def _claim(doc: ParsedDocument, ordinal: int, c: dict[str, Any]) -> dict[str, Any]:
    source, target = _end(doc, c["source"]), _end(doc, c["target"])
    claimant = c.get("claimant") or {}
    evidence = c.get("evidence") or {}
    support = sorted(set(c.get("support_type") or [])) or None
    row = {
        "doc_key": doc.doc_key,
        "ordinal": ordinal,
        "source_actor": source,
        "relation": str(c["relation"]),
        "target_actor": target,
        "source_raw": source,
        "target_raw": target,
        "source_mention": c["source"].get("mention"),
        "target_mention": c["target"].get("mention"),
        "support_type": support,
        "kind": c.get("kind"),
        "role": c.get("role"),
        "polarity": c.get("polarity") or "affirmed",
        "modality": c.get("modality") or "asserted",
        "claimant": claimant.get("name") or doc.source,
        "claimant_mention": claimant.get("mention"),
        "time": c.get("time"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "evidence_text": evidence.get("text") or "",
        "confidence": c.get("confidence"),
        "rule": c.get("rule"),
    }
    key_fields = [doc.doc_key] + [
        row[k]
        for k in (
            "relation", "source_raw", "target_raw", "support_type", "kind", "role", "polarity",
            "modality", "claimant", "evidence_start", "evidence_end",
        )
    ]  # fmt: skip
    row["claim_id"] = content_id(json.dumps(key_fields, ensure_ascii=False))
    return row


def parse_record(record: dict[str, Any], *, text: str | None = None) -> ParsedDocument:
    """Read one proxygraph.doc/1 record.

    record (dict): the record; its "text" (from --emit-text) is used when present.
    text (str | None): the analysed text when the caller has it.
    Raises StoreError naming the document when the record is malformed.
    """
    where = f"document {record.get('doc_id', '?')!r}" if isinstance(record, dict) else "record"
    if not isinstance(record, dict):
        raise StoreError(f"{where}: not a JSON object")
    if record.get("format", FORMAT) != FORMAT:
        raise StoreError(f"{where}: format {record.get('format')!r}, expected {FORMAT}")
    text = text if text is not None else record.get("text")
    try:
        doc_id, source = str(record["doc_id"]), str(record.get("source") or "")
        evidence = [c.get("evidence", {}).get("text") or "" for c in record.get("claims", [])]
        title = record.get("title")
        doc = ParsedDocument(
            doc_key=document_key(source, doc_id),
            doc_id=doc_id,
            source=source,
            date=_date(record.get("date")),
            url=record.get("url"),
            title=title,
            content_hash=content_hash(record, text),
            text=text,
            fingerprint_text=text or "\n".join([title or "", *dict.fromkeys(evidence)]),
        )
        doc.mentions = [_mention(doc, i, m) for i, m in enumerate(record.get("mentions", []))]
        seen: set[str] = set()
        for i, c in enumerate(record.get("claims", [])):
            row = _claim(doc, i, c)
            if row["claim_id"] not in seen:
                seen.add(row["claim_id"])
                doc.claims.append(row)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreError(f"{where}: malformed record ({type(exc).__name__}: {exc})") from exc
    return doc
