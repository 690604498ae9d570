"""What a brief says, before it is rendered: key actors, who backs whom, contested claims
side by side, the other relations, and every claim behind them as a numbered citation."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from proxygraph.export.graph import Graph, GraphEdge, GraphNode
from proxygraph.ontology import ontology
from proxygraph.store import Edge, Evidence

RELATION_PHRASES: dict[str, str] = {
    "SUPPORTS": "supports",
    "COOPERATES_WITH": "cooperates with",
    "MEETS_WITH": "meets with",
    "FIGHTS": "fights",
    "OPPOSES": "opposes",
    "MEMBER_OF": "is a member of",
    "LEADS": "leads",
    "LOCATED_IN": "is located in",
    "SAME_AS": "is the same as",
}


@dataclass(frozen=True)
class Citation:
    """One claim, numbered: the quoted sentence and where it was read."""

    number: int
    edge_id: str
    evidence: Evidence

    @property
    def anchor(self) -> str:
        return f"c{self.number}"


@dataclass(frozen=True)
class KeyActor:
    node: GraphNode
    degree: int  # distinct actors it shares an edge with, in this brief
    edges: int


@dataclass
class Brief:
    """Everything a renderer needs; built by `build_brief`."""

    title: str
    scope: str
    graph: Graph
    key_actors: list[KeyActor]
    backing: list[GraphEdge]  # SUPPORTS edges
    contested: list[GraphEdge]
    other: list[GraphEdge]  # every other edge
    citations: dict[str, list[Citation]] = field(default_factory=dict)  # by edge id
    stats: dict[str, int] = field(default_factory=dict)

    def all_citations(self) -> list[Citation]:
        return [c for e in self.graph.edges for c in self.citations.get(e.edge.edge_id, [])]


def statement(edge: Edge) -> str:
    """The edge as a sentence of claims: 'A supports B (weapons)'."""
    phrase = RELATION_PHRASES.get(edge.relation, edge.relation.lower().replace("_", " "))
    text = f"{edge.source} {phrase} {edge.target}"
    return text + (f" ({edge.support_type})" if edge.support_type else "")


def quotable_mention(ev: Evidence) -> bool:
    """Whether the claimant was named otherwise in the text (worth quoting)."""
    mention = ev.claimant_mention or ""
    return bool(mention) and mention.casefold() != ev.claimant.casefold()


def linkable(url: str) -> bool:
    """Whether a document's URL may become a link: http(s) only."""
    return url.lower().startswith(("http://", "https://"))


def sides(cites: list[Citation]) -> tuple[list[Citation], list[Citation]]:
    """The citations of a contested edge: (asserting it, denying it)."""
    return (
        [c for c in cites if c.evidence.polarity != "denied"],
        [c for c in cites if c.evidence.polarity == "denied"],
    )


def is_symmetric(edge: Edge) -> bool:
    return edge.relation in ontology().symmetric


def status(edge: Edge) -> str:
    """contested, denied (denials only) or asserted."""
    if edge.contested:
        return "contested"
    return "denied" if edge.affirmed == 0 and edge.denied > 0 else "asserted"


def key_actors(graph: Graph, top: int) -> list[KeyActor]:
    """The actors with the most distinct neighbours in the graph, then most edges."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for item in graph.edges:
        e = item.edge
        counts[e.source_key] += 1
        counts[e.target_key] += 1
        if e.source_key != e.target_key:
            neighbours[e.source_key].add(e.target_key)
            neighbours[e.target_key].add(e.source_key)
    ranked = sorted(
        graph.nodes,
        key=lambda n: (-len(neighbours[n.key]), -counts[n.key], n.actor.name, n.key),
    )
    return [KeyActor(n, len(neighbours[n.key]), counts[n.key]) for n in ranked[:top]]


def build_brief(
    graph: Graph,
    *,
    title: str = "Claim graph brief",
    scope: str = "all edges",
    stats: dict[str, int] | None = None,
    top: int = 15,
) -> Brief:
    """Sort a graph (loaded with evidence) into the sections of a brief and number every
    claim behind its edges."""
    citations: dict[str, list[Citation]] = {}
    number = 0
    for item in graph.edges:
        cites = []
        for ev in item.evidence:
            number += 1
            cites.append(Citation(number, item.edge.edge_id, ev))
        citations[item.edge.edge_id] = cites
    return Brief(
        title=title,
        scope=scope,
        graph=graph,
        key_actors=key_actors(graph, top),
        backing=[e for e in graph.edges if e.edge.relation == "SUPPORTS"],
        contested=[e for e in graph.edges if e.edge.contested],
        other=[e for e in graph.edges if e.edge.relation != "SUPPORTS"],
        citations=citations,
        stats=dict(stats or {}),
    )
