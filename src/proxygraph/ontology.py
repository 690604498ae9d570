"""The ontology's vocabularies, read once from data/ontology.yaml (docs/ontology.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from proxygraph.kb.loader import DATA_DIR, read_yaml


class Ontology(NamedTuple):
    """Actor types, relations and claim attribute values."""

    actor_types: frozenset[str]
    relations: frozenset[str]
    symmetric: frozenset[str]
    support_types: frozenset[str]
    kinds: dict[str, frozenset[str]]
    polarities: frozenset[str]
    modalities: frozenset[str]


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The packaged ontology."""
    raw = read_yaml(DATA_DIR / "ontology.yaml")
    relations = raw["relations"]
    return Ontology(
        actor_types=frozenset(raw["actor_types"]),
        relations=frozenset(relations),
        symmetric=frozenset(r for r, spec in relations.items() if spec.get("symmetric")),
        support_types=frozenset(relations["SUPPORTS"]["support_type"]),
        kinds={r: frozenset(spec["kind"]) for r, spec in relations.items() if "kind" in spec},
        polarities=frozenset(raw["polarity"]),
        modalities=frozenset(raw["modality"]),
    )
