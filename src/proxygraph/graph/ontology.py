"""The relation rules aggregation reads from data/ontology.yaml (symmetry, attributes)."""

from __future__ import annotations

from functools import lru_cache

from proxygraph.kb.loader import DATA_DIR, read_yaml


@lru_cache(maxsize=1)
def symmetric_relations() -> frozenset[str]:
    """Relations marked `symmetric: true` in the ontology (stored once, in canonical order)."""
    raw = read_yaml(DATA_DIR / "ontology.yaml")
    return frozenset(name for name, spec in raw["relations"].items() if spec.get("symmetric"))


@lru_cache(maxsize=1)
def relation_names() -> tuple[str, ...]:
    """Every relation of the ontology, in file order."""
    return tuple(read_yaml(DATA_DIR / "ontology.yaml")["relations"])
