"""Claims to edges: one edge per (source, relation, target[, support_type]).

An edge reports how many claims stand behind it, from how many outlets and how many
*independent* outlets, how many affirm and how many deny it, who claims and who denies,
the modality mix, the first and last date seen, and whether it is contested (one side
asserts what another denies).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from proxygraph.graph.independence import count_independent
from proxygraph.ids import content_id
from proxygraph.ontology import ontology

NO_SUPPORT_TYPE = ""  # the support_type of edges whose relation has none
UNSPECIFIED = "unspecified"  # SUPPORTS without a stated support type


class EdgeKey(NamedTuple):
    """The key fields of an edge; symmetric relations hold their ends in sorted order."""

    source: str
    relation: str
    target: str
    support_type: str = NO_SUPPORT_TYPE

    @property
    def id(self) -> str:
        """The stable edge id: a hash of the key fields."""
        return content_id("\x1f".join(self))


def edge_keys(
    source: str, relation: str, target: str, support_types: Sequence[str] | None
) -> list[EdgeKey]:
    """The edges one claim belongs to: one per support type (SUPPORTS), else one.

    source (str), target (str): actor keys. A symmetric relation puts the smaller first.
    support_types (Sequence[str] | None): the claim's support types; SUPPORTS without
        any counts as "unspecified".
    """
    if relation in ontology().symmetric and target < source:
        source, target = target, source
    if relation != "SUPPORTS":
        return [EdgeKey(source, relation, target)]
    types = sorted(set(support_types or ())) or [UNSPECIFIED]
    return [EdgeKey(source, relation, target, t) for t in types]


@dataclass(frozen=True)
class ClaimFact:
    """What aggregation needs of one stored claim and its document."""

    claim_id: str
    doc_key: str
    polarity: str
    modality: str
    claimant: str
    outlet: str
    date: str | None = None
    cluster: str | None = None
    kind: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class EdgeStats:
    """The aggregate of the claims behind one edge."""

    key: EdgeKey
    claims: int
    documents: int
    outlets: list[str]
    independent: int
    affirmed: int
    denied: int
    claimants: list[str]
    deniers: list[str]
    contested: bool
    modalities: dict[str, int]
    kinds: dict[str, int] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None

    def to_row(self) -> dict[str, Any]:
        """The row of the store's edges table."""
        return {
            "edge_id": self.key.id,
            "source_actor": self.key.source,
            "relation": self.key.relation,
            "target_actor": self.key.target,
            "support_type": self.key.support_type,
            "n_claims": self.claims,
            "n_documents": self.documents,
            "n_outlets": len(self.outlets),
            "n_independent": self.independent,
            "n_affirmed": self.affirmed,
            "n_denied": self.denied,
            "contested": self.contested,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "outlets": self.outlets,
            "claimants": self.claimants,
            "deniers": self.deniers,
            "modalities": self.modalities,
            "kinds": self.kinds,
            "roles": self.roles,
        }


def fold(name: str) -> str:
    """A name with case and spacing folded: names equal under it are one outlet or claimant."""
    return " ".join(name.casefold().split())


def distinct_names(names: Iterable[str]) -> list[str]:
    """Names once each (case and spacing folded), sorted; the first spelling is kept."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(fold(name), name)
    return sorted(seen.values(), key=lambda n: (fold(n), n))


@dataclass(frozen=True)
class EdgeTally:
    """What an edge's statistics are built from, however they were counted.

    Name lists are in claim-id order with repeats allowed (the first spelling of a name
    is the one kept); clusters lists (outlet, cluster) pairs for count_independent.
    """

    claims: int
    documents: int
    affirmed: int
    denied: int
    outlets: list[str]
    clusters: list[tuple[str, str]]
    claimants: list[str]
    deniers: list[str]
    modalities: dict[str, int]
    kinds: dict[str, int]
    roles: list[str]
    first_date: str | None
    last_date: str | None


def edge_stats(key: EdgeKey, tally: EdgeTally) -> EdgeStats:
    """The statistics of an edge from its tally: names made distinct, independence,
    and whether it is contested (someone asserts it and someone else denies it)."""
    claimants, deniers = distinct_names(tally.claimants), distinct_names(tally.deniers)
    sides = {fold(name) for name in claimants + deniers}
    return EdgeStats(
        key=key,
        claims=tally.claims,
        documents=tally.documents,
        outlets=distinct_names(tally.outlets),
        independent=count_independent((fold(o), c) for o, c in tally.clusters),
        affirmed=tally.affirmed,
        denied=tally.denied,
        claimants=claimants,
        deniers=deniers,
        contested=bool(claimants and deniers) and len(sides) > 1,
        modalities=dict(sorted(tally.modalities.items())),
        kinds=dict(sorted(tally.kinds.items())),
        roles=distinct_names(tally.roles),
        first_date=tally.first_date,
        last_date=tally.last_date,
    )


def aggregate(key: EdgeKey, facts: Iterable[ClaimFact]) -> EdgeStats:
    """Aggregate the claims of one edge.

    key (EdgeKey): the edge.
    facts (Iterable[ClaimFact]): its claims; a claim id seen twice counts once.
    RETURNS (EdgeStats): counts, outlets, independence, claimants, deniers, dates.
    """
    unique = {f.claim_id: f for f in facts}
    claims = sorted(unique.values(), key=lambda f: f.claim_id)
    denied = [f for f in claims if f.polarity == "denied"]
    dates = sorted(f.date for f in claims if f.date)
    tally = EdgeTally(
        claims=len(claims),
        documents=len({f.doc_key for f in claims}),
        affirmed=len(claims) - len(denied),
        denied=len(denied),
        outlets=[f.outlet for f in claims],
        clusters=[(f.outlet, f.cluster or f.doc_key) for f in claims],
        claimants=[f.claimant or f.outlet for f in claims if f.polarity != "denied"],
        deniers=[f.claimant or f.outlet for f in denied],
        modalities=dict(Counter(f.modality for f in claims)),
        kinds=dict(Counter(f.kind for f in claims if f.kind)),
        roles=[f.role for f in claims if f.role],
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )
    return edge_stats(key, tally)
