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


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _distinct(names: Iterable[str]) -> list[str]:
    """Names once each (case and spacing folded), sorted; the first spelling is kept."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_fold(name), name)
    return sorted(seen.values(), key=lambda n: (_fold(n), n))


def aggregate(key: EdgeKey, facts: Iterable[ClaimFact]) -> EdgeStats:
    """Aggregate the claims of one edge.

    key (EdgeKey): the edge.
    facts (Iterable[ClaimFact]): its claims; a claim id seen twice counts once.
    RETURNS (EdgeStats): counts, outlets, independence, claimants, deniers, dates.
    """
    unique = {f.claim_id: f for f in facts}
    claims = sorted(unique.values(), key=lambda f: f.claim_id)
    affirmed = [f for f in claims if f.polarity != "denied"]
    denied = [f for f in claims if f.polarity == "denied"]
    claimants = _distinct(f.claimant or f.outlet for f in affirmed)
    deniers = _distinct(f.claimant or f.outlet for f in denied)
    # Contested: someone asserts it and someone else denies it.
    sides = {_fold(name) for name in claimants + deniers}
    contested = bool(claimants and deniers) and len(sides) > 1
    dates = sorted(f.date for f in claims if f.date)
    return EdgeStats(
        key=key,
        claims=len(claims),
        documents=len({f.doc_key for f in claims}),
        outlets=_distinct(f.outlet for f in claims),
        independent=count_independent((_fold(f.outlet), f.cluster or f.doc_key) for f in claims),
        affirmed=len(affirmed),
        denied=len(denied),
        claimants=claimants,
        deniers=deniers,
        contested=contested,
        modalities=dict(sorted(Counter(f.modality for f in claims).items())),
        kinds=dict(sorted(Counter(f.kind for f in claims if f.kind).items())),
        roles=_distinct(f.role for f in claims if f.role),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )
