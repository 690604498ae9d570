"""Load gold-standard claim files (docs/evaluation.md) and extraction outputs to score."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proxygraph.errors import InvalidGold
from proxygraph.evaluation.jsonl import json_lines, parse_json
from proxygraph.ontology import ontology
from proxygraph.records import Document

_ONTOLOGY = ontology()
RELATIONS: frozenset[str] = _ONTOLOGY.relations
SYMMETRIC: frozenset[str] = _ONTOLOGY.symmetric
ACTOR_TYPES: frozenset[str] = _ONTOLOGY.actor_types
SUPPORT_TYPES: frozenset[str] = _ONTOLOGY.support_types
POLARITIES: frozenset[str] = _ONTOLOGY.polarities
MODALITIES: frozenset[str] = _ONTOLOGY.modalities


def norm(name: str | None) -> str:
    """Case-fold, collapse whitespace and drop a leading "the" (for name comparison)."""
    if not name:
        return ""
    out = " ".join(name.casefold().split())
    if out.startswith("the "):
        out = out[4:]
    return out


@dataclass(frozen=True)
class GoldActor:
    """An annotated actor: canonical name, ontology type, its surface mentions."""

    name: str
    type: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class GoldClaim:
    """An annotated claim; `source`/`target` are canonical names (SAME_AS source: any string)."""

    source: str
    relation: str
    target: str
    polarity: str
    modality: str
    claimant: str | None
    evidence: str
    support_type: tuple[str, ...] | None = None
    kind: str | None = None
    role: str | None = None
    time: str | None = None


@dataclass(frozen=True)
class GoldDoc:
    """One gold document with its actors and claims."""

    id: str
    text: str
    outlet: str
    date: str | None
    actors: tuple[GoldActor, ...]
    claims: tuple[GoldClaim, ...]
    origin: str = ""
    _names: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def names_for(self, name: str) -> frozenset[str]:
        """Normalised strings that refer to the gold actor (or raw string) `name`."""
        cached = self._names.get(name)
        if cached is None:
            out = {norm(name)}
            for actor in self.actors:
                if actor.name == name:
                    out.update(norm(m) for m in actor.mentions)
            cached = frozenset(out - {""})
            self._names[name] = cached
        return cached

    def to_document(self) -> Document:
        """The Document the extractor reads for this gold entry."""
        return Document(
            doc_id=self.id, text=self.text, source=self.outlet, date=self.date, origin=self.origin
        )


def _str(value: Any, where: str, key: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value.strip()):
        raise InvalidGold(f"{where}: `{key}` must be a non-empty string, got {value!r}")
    return value


def _parse_actor(raw: Any, where: str, text: str) -> GoldActor:
    if not isinstance(raw, dict):
        raise InvalidGold(f"{where}: each actor must be an object, got {raw!r}")
    name = _str(raw.get("name"), where, "actors[].name")
    assert name is not None
    atype = raw.get("type")
    if atype not in ACTOR_TYPES:
        raise InvalidGold(
            f"{where}: actor {name!r} has type {atype!r}, want one of {sorted(ACTOR_TYPES)}"
        )
    mentions = raw.get("mentions", [])
    if not isinstance(mentions, list) or not all(isinstance(m, str) for m in mentions):
        raise InvalidGold(f"{where}: actor {name!r}: `mentions` must be a list of strings")
    for m in mentions:
        if m not in text:
            raise InvalidGold(f"{where}: mention {m!r} of actor {name!r} is not in the text")
    return GoldActor(name=name, type=atype, mentions=tuple(mentions))


def _parse_claim(raw: Any, where: str, names: set[str], mentions: set[str]) -> GoldClaim:
    if not isinstance(raw, dict):
        raise InvalidGold(f"{where}: each claim must be an object, got {raw!r}")
    rel = raw.get("relation")
    if rel not in RELATIONS:
        raise InvalidGold(f"{where}: relation {rel!r} is not one of {sorted(RELATIONS)}")
    src = _str(raw.get("source"), where, "source")
    tgt = _str(raw.get("target"), where, "target")
    assert src is not None and tgt is not None
    for role, name in (("source", src), ("target", tgt)):
        ok = name in names or (rel == "SAME_AS" and role == "source" and name in mentions)
        if not ok:
            raise InvalidGold(f"{where}: {rel} {role} {name!r} is not an actor of the document")
    polarity = raw.get("polarity", "affirmed")
    if polarity not in POLARITIES:
        raise InvalidGold(f"{where}: polarity {polarity!r} is not one of {sorted(POLARITIES)}")
    modality = raw.get("modality", "asserted")
    if modality not in MODALITIES:
        raise InvalidGold(f"{where}: modality {modality!r} is not one of {sorted(MODALITIES)}")
    claimant = _str(raw.get("claimant"), where, "claimant", optional=True)
    if claimant is not None and claimant not in names:
        raise InvalidGold(f"{where}: claimant {claimant!r} is not an actor of the document")
    support = raw.get("support_type")
    if rel == "SUPPORTS":
        if not isinstance(support, list) or not support or not set(support) <= SUPPORT_TYPES:
            raise InvalidGold(
                f"{where}: SUPPORTS needs `support_type`, a non-empty list from "
                f"{sorted(SUPPORT_TYPES)}; got {support!r}"
            )
    elif support:
        raise InvalidGold(f"{where}: `support_type` is only allowed on SUPPORTS")
    evidence = raw.get("evidence", "")
    if not isinstance(evidence, str):
        raise InvalidGold(f"{where}: `evidence` must be a string")
    return GoldClaim(
        source=src,
        relation=rel,
        target=tgt,
        polarity=polarity,
        modality=modality,
        claimant=claimant,
        evidence=evidence,
        support_type=tuple(support) if rel == "SUPPORTS" else None,
        kind=raw.get("kind"),
        role=raw.get("role"),
        time=raw.get("time"),
    )


def parse_gold_line(line: str, where: str) -> GoldDoc:
    """Parse one gold JSON line; `where` ("file:line") prefixes every error."""
    return _gold_doc(parse_json(line, where, column=True), where)


def _gold_doc(raw: Any, where: str) -> GoldDoc:
    if not isinstance(raw, dict):
        raise InvalidGold(f"{where}: expected a JSON object")
    doc_id = _str(raw.get("id"), where, "id")
    text = _str(raw.get("text"), where, "text")
    assert doc_id is not None and text is not None
    outlet = raw.get("outlet") or ""
    if not isinstance(outlet, str):
        raise InvalidGold(f"{where}: `outlet` must be a string")
    date = _str(raw.get("date"), where, "date", optional=True)
    actors_raw, claims_raw = raw.get("actors", []), raw.get("claims", [])
    if not isinstance(actors_raw, list) or not isinstance(claims_raw, list):
        raise InvalidGold(f"{where}: `actors` and `claims` must be lists")
    actors = tuple(_parse_actor(a, where, text) for a in actors_raw)
    names = {a.name for a in actors}
    mentions = {m for a in actors for m in a.mentions}
    claims = tuple(
        _parse_claim(c, f"{where}: claim {i}", names, mentions) for i, c in enumerate(claims_raw)
    )
    return GoldDoc(
        id=doc_id, text=text, outlet=outlet, date=date, actors=actors, claims=claims, origin=where
    )


def load_gold(path: Path | str) -> list[GoldDoc]:
    """Read and check a gold JSON Lines file; raise InvalidGold naming file:line on error."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidGold(f"{path}: cannot read gold file ({exc})") from None
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    for where, raw in json_lines(lines, path, column=True):
        doc = _gold_doc(raw, where)
        if doc.id in seen:
            raise InvalidGold(f"{where}: document id {doc.id!r} already used at {seen[doc.id]}")
        seen[doc.id] = where
        docs.append(doc)
    if not docs:
        raise InvalidGold(f"{path}: no gold documents")
    return docs


def iter_records(path: Path | str) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a `proxygraph.doc/1` JSON Lines file (errors name file:line)."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InvalidGold(f"{path}: cannot read predictions ({exc})") from None
    with handle:
        for where, rec in json_lines(handle, path):
            if not isinstance(rec, dict) or not isinstance(rec.get("doc_id"), str):
                raise InvalidGold(f"{where}: expected a proxygraph.doc/1 object with doc_id")
            yield rec


def records_by_id(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Index extraction records by doc_id (a later record for the same id wins)."""
    return {rec["doc_id"]: rec for rec in records}
