"""What the store's queries return: edges, actors, evidence, load results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Edge:
    """All claims with one (source, relation, target[, support_type]), aggregated."""

    edge_id: str
    source: str
    source_key: str
    source_type: str
    relation: str
    target: str
    target_key: str
    target_type: str
    support_type: str | None
    claims: int
    documents: int
    outlets: int
    independent_outlets: int
    affirmed: int
    denied: int
    contested: bool
    first_date: str | None
    last_date: str | None
    outlet_names: list[str]
    claimants: list[str]
    deniers: list[str]
    modalities: dict[str, int]
    kinds: dict[str, int]
    roles: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: Any) -> Edge:
        """From a row of queries.edge_select()."""
        m = row._mapping
        return cls(
            edge_id=m["edge_id"],
            source=m["source_name"],
            source_key=m["source_actor"],
            source_type=m["source_type"],
            relation=m["relation"],
            target=m["target_name"],
            target_key=m["target_actor"],
            target_type=m["target_type"],
            support_type=m["support_type"] or None,
            claims=m["n_claims"],
            documents=m["n_documents"],
            outlets=m["n_outlets"],
            independent_outlets=m["n_independent"],
            affirmed=m["n_affirmed"],
            denied=m["n_denied"],
            contested=bool(m["contested"]),
            first_date=m["first_date"],
            last_date=m["last_date"],
            outlet_names=list(m["outlets"]),
            claimants=list(m["claimants"]),
            deniers=list(m["deniers"]),
            modalities=dict(m["modalities"]),
            kinds=dict(m["kinds"]),
            roles=list(m["roles"]),
        )


@dataclass(frozen=True)
class Actor:
    """An actor across documents."""

    key: str
    name: str
    type: str
    kb_id: str | None
    part_of: str | None  # the name of the state or organisation it belongs to
    part_of_key: str | None
    aliases: list[str]
    places: list[str]  # targets of its LOCATED_IN edges
    degree: int  # distinct actors it shares an edge with
    edges: int
    documents: int
    merged: list[str] = field(default_factory=list)  # keys merged into it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    """One claim behind an edge, with where it was read."""

    claim_id: str
    doc_id: str
    outlet: str
    date: str | None
    url: str | None
    title: str | None
    sentence: str
    evidence_start: int | None
    evidence_end: int | None
    claimant: str
    claimant_mention: str | None
    polarity: str
    modality: str
    source_mention: str | None
    target_mention: str | None
    support_type: list[str] | None
    kind: str | None
    role: str | None
    time: str | None
    rule: str | None
    confidence: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LoadResult:
    """What a load did: documents new, updated (a new text under a known id), skipped."""

    new: int = 0
    updated: int = 0
    skipped: int = 0
    claims: int = 0

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.skipped

    def add(self, status: str, claims: int) -> None:
        setattr(self, status, getattr(self, status) + 1)
        self.claims += claims

    def summary(self) -> str:
        return (
            f"{self.documents} documents: {self.new} new, {self.updated} updated, "
            f"{self.skipped} skipped (already loaded); {self.claims} claims stored"
        )
