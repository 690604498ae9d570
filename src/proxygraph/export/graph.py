"""What exporters and the brief read: the claim graph's nodes and edges, filtered.

A node is a store `Actor` plus what the knowledge base knows of it (its country, the
name of what it is part of); an edge is a store `Edge`, with the claims behind it when
the reader needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from proxygraph.kb.loader import KnowledgeBase, load_kb
from proxygraph.store import Actor, Edge, EdgeFilter, Evidence, Store


@dataclass(frozen=True)
class GraphNode:
    """One actor of the graph.

    actor (Actor): the store's actor.
    country (str | None): ISO 3166 alpha-2 code from the knowledge base (its own, else
        that of the state it is part of).
    wikidata (str | None): its Wikidata id from the knowledge base.
    """

    actor: Actor
    country: str | None = None
    wikidata: str | None = None

    @property
    def key(self) -> str:
        return self.actor.key

    def to_dict(self) -> dict[str, Any]:
        """The actor's fields with country and wikidata added."""
        data = self.actor.to_dict()
        data["country"] = self.country
        data["wikidata"] = self.wikidata
        return data


@dataclass(frozen=True)
class GraphEdge:
    """One edge of the graph and, when asked for, every claim behind it.

    edge (Edge): the store's aggregated edge.
    evidence (tuple[Evidence, ...]): its claims, each with sentence and source.
    """

    edge: Edge
    evidence: tuple[Evidence, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        data = self.edge.to_dict()
        data["evidence"] = [ev.to_dict() for ev in self.evidence]
        return data


@dataclass(frozen=True)
class Graph:
    """Nodes (by name) and edges (best corroborated first) of one export or brief."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def items(self) -> Iterator[GraphNode | GraphEdge]:
        """Every node, then every edge: the order exporters are fed in."""
        yield from self.nodes
        yield from self.edges


def _is_unfiltered(flt: EdgeFilter) -> bool:
    return flt == EdgeFilter()


def node_for(actor: Actor, kb: KnowledgeBase) -> GraphNode:
    """An actor with its country from the knowledge base, and its part_of as a name (the
    store knows only the key of a KB state never seen in a document)."""
    spec = kb.get(actor.kb_id)
    parent_id = actor.part_of_key[3:] if (actor.part_of_key or "").startswith("kb:") else None
    parent = kb.get(parent_id) or (kb.get(spec.part_of) if spec and spec.part_of else None)
    country = spec.country if spec else None
    if country is None and parent is not None:
        state = kb.state_of(parent.id) or parent
        country = state.country
    if actor.part_of and actor.part_of == actor.part_of_key and parent is not None:
        actor = replace(actor, part_of=parent.name)
    return GraphNode(actor=actor, country=country, wikidata=spec.wikidata if spec else None)


def load_graph(
    store: Store,
    flt: EdgeFilter | None = None,
    *,
    evidence: bool = False,
    kb: KnowledgeBase | None = None,
) -> Graph:
    """The edges matching a filter and the actors at their ends.

    store (Store): an open store.
    flt (EdgeFilter | None): which edges; None for all.
    evidence (bool): also read every claim behind each edge.
    kb (KnowledgeBase | None): for countries and part_of names; the built-in one if None.
    """
    flt = flt or EdgeFilter()
    kb = kb or load_kb()
    edges = store.edges(flt)
    if _is_unfiltered(flt):
        actors: Iterable[Actor] = store.actors()
    else:
        keys = sorted({k for e in edges for k in (e.source_key, e.target_key)})
        actors = sorted((store.actor(k) for k in keys), key=lambda a: (a.name, a.key))
    nodes = tuple(node_for(a, kb) for a in actors)
    graph_edges = tuple(
        GraphEdge(edge=e, evidence=tuple(store.evidence(e.edge_id)) if evidence else ())
        for e in edges
    )
    return Graph(nodes=nodes, edges=graph_edges)
