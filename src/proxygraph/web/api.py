"""The JSON API under /api: read-only, GET only, described at /api/openapi.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from proxygraph.store import Actor, Edge, Store
from proxygraph.web.data import (
    GraphFilter,
    NotFound,
    actor_queries,
    claim_queries,
    document_queries,
    edge_queries,
    facet_queries,
    place_queries,
)
from proxygraph.web.filters import Blank, Text, graph_filter
from proxygraph.web.schemas import (
    ActorDetail,
    ActorSummary,
    DocumentDetail,
    DocumentPage,
    EdgeEvidence,
    Facets,
    Graph,
    Place,
    Stats,
    Timeline,
)

router = APIRouter(prefix="/api")

EdgeId = Annotated[
    str,
    Path(pattern=r"^[0-9a-fA-F]{4,16}$", description="an edge id or a unique prefix of it"),
]
DocKey = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="a document key")]
ActorKey = Annotated[
    str, Path(max_length=300, description="an actor key, KB id, name or alias (URL-encoded)")
]


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[GraphFilter, Depends(graph_filter)]


def not_found(exc: NotFound) -> HTTPException:
    return HTTPException(status_code=404, detail=str(exc))


@router.get("/stats", response_model=Stats, summary="Row counts")
def stats(store: StoreDep) -> dict[str, int]:
    """How many documents, claims, actors and edges the store holds."""
    return store.stats()


@router.get("/facets", response_model=Facets, summary="Values the filters offer")
def facets(store: StoreDep) -> dict[str, Any]:
    """Relations, support types, modalities, actor types (from the ontology), the most
    frequent claimants and the documents' date range."""
    return facet_queries.facets(store)


@router.get("/graph", response_model=Graph, summary="The network, filtered")
def graph(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    """Nodes (actors) and edges matching the filters, best corroborated edges first.

    `modality`, `claimant` and `until` are applied to the best 50,000 edges matching the
    other filters."""
    try:
        found, truncated = edge_queries.select_edges(store, flt)
    except NotFound as exc:
        raise not_found(exc) from exc
    return {**edge_queries.graph(found), "truncated": truncated}


@router.get("/edges", response_model=list[Edge], summary="Edges, filtered")
def edge_list(store: StoreDep, flt: FilterDep) -> list[Edge]:
    """The aggregated edges matching the filters (as `proxygraph edges --format json`)."""
    try:
        return edge_queries.select_edges(store, flt)[0]
    except NotFound as exc:
        raise not_found(exc) from exc


@router.get("/edges/{edge_id}", response_model=EdgeEvidence, summary="An edge and its evidence")
def edge_evidence(store: StoreDep, edge_id: EdgeId) -> dict[str, Any]:
    """The edge and every claim behind it: sentence (with where its source, target and
    claimant are named), claimant, polarity, modality, outlet, date and document."""
    try:
        edge, items = edge_queries.evidence(store, edge_id)
    except NotFound as exc:
        raise not_found(exc) from exc
    return {"edge": edge, "evidence": items}


@router.get("/actors", response_model=list[ActorSummary], summary="Find actors")
def actor_search(
    store: StoreDep,
    q: Annotated[Text | None, Blank, Query(description="part of a name")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[dict[str, Any]]:
    """Actors on an edge whose name contains `q`, by name."""
    return actor_queries.search_actors(store, q, limit)


@router.get("/actors/{key:path}", response_model=ActorDetail, summary="An actor")
def actor(store: StoreDep, key: ActorKey) -> dict[str, Any]:
    """An actor (aliases, type, part_of, places, degree), its edges and the documents
    that name it."""
    try:
        resolved = actor_queries.resolve_key(store, key)
    except NotFound as exc:
        raise not_found(exc) from exc
    info: Actor = store.actor(resolved)
    return {
        "actor": info,
        "edges": edge_queries.select_edges(store, GraphFilter(actor=resolved, limit=1000))[0],
        "documents": actor_queries.actor_documents(store, resolved),
    }


@router.get("/documents", response_model=DocumentPage, summary="Documents")
def documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Stored documents, newest first."""
    found, total = document_queries.list_documents(store, limit=limit, offset=offset)
    return {"total": total, "documents": found}


@router.get("/documents/{doc_key}", response_model=DocumentDetail, summary="A document")
def document(store: StoreDep, doc_key: DocKey) -> dict[str, Any]:
    """A document with its text (null when the store has none), every mention (with its
    actor and, for places, its geocoding) and every claim (with its evidence offsets)."""
    try:
        return document_queries.document(store, doc_key)
    except NotFound as exc:
        raise not_found(exc) from exc


@router.get("/claims", response_model=Timeline, summary="Claims over time")
def claims(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    """Claims by their document's date (undated last), with actors, claimant and document.
    Takes the graph's filters (`min_independent` and `contested` are edge properties and
    are ignored here)."""
    try:
        found, truncated = claim_queries.select_claims(store, flt)
    except NotFound as exc:
        raise not_found(exc) from exc
    return {"claims": found, "truncated": truncated}


@router.get("/places", response_model=list[Place], summary="Places mentioned")
def places(store: StoreDep) -> list[dict[str, Any]]:
    """Geocoded places mentioned in the documents, with coordinates and counts, the most
    mentioned first."""
    return place_queries.places(store)
