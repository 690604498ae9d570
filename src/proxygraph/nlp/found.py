"""The working record of a mention while the finder builds it (token offsets)."""

from __future__ import annotations

from dataclasses import dataclass

from proxygraph.records import GeoRef


@dataclass
class Found:
    """A mention in token offsets, with the actor it resolves to.

    start, end (int): token span [start, end).
    type (str): ontology actor type of this use (a country named as a place is LOCATION).
    actor_id (str | None): KB id or a synthetic "state~organ" id; None when unlinked.
    name (str): canonical name of the actor (the mention text when unlinked).
    rule (str): the rule that found or linked it.
    kb_ids (tuple[str, ...]): every KB id the alias could mean (for disambiguation).
    geo (GeoRef | None): where a LOCATION mention was geocoded to.
    """

    start: int
    end: int
    type: str
    actor_id: str | None
    name: str
    rule: str
    part_of: str | None = None
    kb_ids: tuple[str, ...] = ()
    members: tuple[Found, ...] = ()  # for plural references ("these proxies")
    geo: GeoRef | None = None

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
