"""The JSON API's response shapes, for validation and the OpenAPI document.

Edges and actors are the store's own dataclasses (proxygraph.store.Edge, Actor), and
EvidenceOut is built from its Evidence; the rest adds what the web views need (document
keys, safe links, highlight offsets).
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, get_type_hints

from pydantic import BaseModel, Field, create_model

from proxygraph.store import Actor, Edge, Evidence


class Highlight(BaseModel):
    """A span of a claim's sentence: where its source, target or claimant is named."""

    start: int = Field(description="offset in the sentence (characters)")
    end: int
    role: str = Field(description="source, target or claimant")


# What the API says of the store's Evidence fields (the rest are as the store has them).
_EVIDENCE_NOTES = {
    "url": "the original article, only when it is http(s)",
    "sentence": "the evidence sentence, as plain text",
    "evidence_start": "offset of the sentence in the document",
}


def _evidence_out() -> type[BaseModel]:
    """EvidenceOut: the store's Evidence, with the document's key after claim_id and the
    highlights last."""
    hints = get_type_hints(Evidence)
    spec: dict[str, Any] = {}
    for f in fields(Evidence):
        spec[f.name] = (hints[f.name], Field(description=_EVIDENCE_NOTES.get(f.name)))
        if f.name == "claim_id":
            spec["doc_key"] = (
                str,
                Field(description="the document's key: GET /api/documents/{doc_key}"),
            )
    spec["highlights"] = (list[Highlight], ...)
    return create_model("EvidenceOut", __doc__=Evidence.__doc__, **spec)


if TYPE_CHECKING:
    EvidenceOut = BaseModel  # for the type checker, which cannot follow create_model
else:
    EvidenceOut = _evidence_out()


class EdgeEvidence(BaseModel):
    """An edge and every claim behind it."""

    edge: Edge
    evidence: list[EvidenceOut]


class Node(BaseModel):
    """An actor in the network view."""

    id: str = Field(description="the actor key")
    name: str
    type: str
    degree: int = Field(description="edges it has in this view")


class Graph(BaseModel):
    """The network: nodes and edges matching the filters."""

    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(description="true when more edges matched than the limit")


class ActorSummary(BaseModel):
    key: str
    name: str
    type: str


class DocumentSummary(BaseModel):
    doc_key: str
    doc_id: str
    outlet: str
    date: str | None
    url: str | None = Field(description="only when it is http(s)")
    title: str | None
    claims: int
    cluster: str = Field(description="near-duplicate cluster (copies share one)")


class DocumentPage(BaseModel):
    total: int
    documents: list[DocumentSummary]


class ActorDetail(BaseModel):
    actor: Actor
    edges: list[Edge]
    documents: list[DocumentSummary]


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    type: str
    actor_key: str | None
    actor: str | None
    rule: str | None
    geo: dict[str, Any] | None


class DocumentClaim(BaseModel):
    claim_id: str
    edge_id: str | None
    relation: str
    source: str
    source_key: str
    source_type: str
    target: str
    target_key: str
    target_type: str
    support_type: list[str] | None
    kind: str | None
    role: str | None
    polarity: str
    modality: str
    claimant: str
    claimant_mention: str | None
    time: str | None
    evidence_start: int | None
    evidence_end: int | None
    sentence: str
    confidence: float | None
    rule: str | None
    highlights: list[Highlight]


class DocumentDetail(DocumentSummary):
    text: str | None = Field(
        description="the analysed text; null when the store has none (records loaded "
        "without --emit-text)"
    )
    mentions: list[MentionOut]
    claims: list[DocumentClaim]


class TimelineClaim(BaseModel):
    claim_id: str
    edge_id: str | None
    date: str | None = Field(description="the document's date")
    relation: str
    support_type: list[str] | None
    source: str
    source_key: str
    target: str
    target_key: str
    polarity: str
    modality: str
    claimant: str
    sentence: str
    doc_key: str
    doc_id: str
    outlet: str
    title: str | None


class Timeline(BaseModel):
    claims: list[TimelineClaim]
    truncated: bool


class PlaceDocument(BaseModel):
    doc_key: str
    title: str
    outlet: str
    date: str | None


class Place(BaseModel):
    """A geocoded place mentioned in the documents."""

    id: str = Field(description="gazetteer id")
    name: str
    lat: float
    lon: float
    country_code: str | None
    feature: str | None
    admin_path: list[str]
    mentions: int
    documents: int
    surfaces: list[str] = Field(description="how the documents wrote it")
    document_list: list[PlaceDocument] = Field(description="the newest documents (at most 20)")


class Facets(BaseModel):
    """The values the filters offer."""

    relations: list[str]
    support_types: list[str]
    modalities: list[str]
    polarities: list[str]
    actor_types: list[str]
    claimants: list[str]
    first_date: str | None
    last_date: str | None


class Stats(BaseModel):
    documents: int
    claims: int
    actors: int
    edges: int
