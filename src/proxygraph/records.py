"""Immutable records passed between the stages: documents, mentions, claims."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One input document.

    doc_id (str): the input's id, else a content hash.
    text (str): the text that is analysed; offsets refer to it.
    source (str): the outlet or file name it came from.
    """

    doc_id: str
    text: str
    source: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""  # file name (and line or entry) for error messages


@dataclass(frozen=True)
class GeoRef:
    """Where a place mention was geocoded to."""

    gazetteer_id: str
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin_path: tuple[str, ...] = ()
    feature: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["admin_path"] = list(self.admin_path)
        return out


@dataclass(frozen=True)
class Mention:
    """An actor or place mention: character span, ontology type and linked actor."""

    start: int
    end: int
    text: str
    type: str
    actor: str | None
    actor_id: str | None
    rule: str = "kb"
    part_of: str | None = None
    geo: GeoRef | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "actor": self.actor,
            "actor_id": self.actor_id,
            "rule": self.rule,
        }
        if self.part_of:
            out["part_of"] = self.part_of
        if self.geo is not None:
            out["geo"] = self.geo.to_dict()
        return out


@dataclass(frozen=True)
class ActorRef:
    """One end of a claim: the resolved actor and the mention it was read from."""

    name: str
    type: str
    actor_id: str | None
    mention: str | None
    start: int | None
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """One attributed claim in the ontology of docs/ontology.md."""

    source: ActorRef
    relation: str
    target: ActorRef
    evidence_start: int
    evidence_end: int
    evidence_text: str
    rule: str
    support_type: tuple[str, ...] | None = None
    kind: str | None = None
    role: str | None = None
    polarity: str = "affirmed"
    modality: str = "asserted"
    claimant_name: str = ""
    claimant_mention: str | None = None
    time: str | None = None
    confidence: float = 0.7
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source.to_dict(),
            "relation": self.relation,
            "target": self.target.to_dict(),
            "support_type": list(self.support_type) if self.support_type else None,
            "kind": self.kind,
            "role": self.role,
            "polarity": self.polarity,
            "modality": self.modality,
            "claimant": {"name": self.claimant_name, "mention": self.claimant_mention},
            "time": self.time,
            "evidence": {
                "start": self.evidence_start,
                "end": self.evidence_end,
                "text": self.evidence_text,
            },
            "confidence": self.confidence,
            "rule": self.rule,
        }
        out.update(self.extra)
        return out
