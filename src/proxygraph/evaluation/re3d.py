"""Score mentions and relations against Dstl re3d folders (`proxygraph eval --re3d`).

A re3d dataset folder holds `documents.json`, `entities.json` and `relations.json`, each
mongoexport output (one JSON object per line; a JSON array is accepted too). Gold entities
and relations with confidence >= 0.5 count. Mentions match one-to-one on overlapping spans
of the same type; relations match one-to-one when the types agree and the two argument
spans overlap the gold ones in either order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proxygraph.errors import InvalidGold
from proxygraph.evaluation.jsonl import json_lines
from proxygraph.evaluation.metrics import PRF
from proxygraph.records import Document

MIN_CONFIDENCE = 0.5
MENTION_TYPES = ("Person", "Organisation", "Location")
# ontology actor type (or a re3d type, for baselines that emit those) -> re3d entity type
TYPE_MAP: dict[str, str] = {
    "PERSON": "Person",
    "STATE": "Organisation",
    "STATE_AGENCY": "Organisation",
    "ARMED_GROUP": "Organisation",
    "POLITICAL_ORG": "Organisation",
    "INTERNATIONAL_ORG": "Organisation",
    "LOCATION": "Location",
    **{t: t for t in MENTION_TYPES},
}
# re3d relation type -> ontology relation
RELATION_MAP: dict[str, str] = {
    "FightingAgainst": "FIGHTS",
    "AlliesOf": "COOPERATES_WITH",
    "CommWith": "MEETS_WITH",
    "BelongsTo": "MEMBER_OF",
    "InChargeOf": "LEADS",
}
DATA_FILES = ("documents.json", "entities.json", "relations.json")

Span = tuple[int, int]


@dataclass(frozen=True)
class Re3dRelation:
    """A gold relation mapped to the ontology: type and its two argument spans."""

    relation: str
    arg1: Span
    arg2: Span


@dataclass
class Re3dDoc:
    """One re3d document with its gold Person/Organisation/Location mentions and relations."""

    doc_id: str
    dataset: str
    title: str
    text: str
    source: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    relations: list[Re3dRelation] = field(default_factory=list)

    def to_document(self) -> Document:
        """The Document the extractor reads for this entry."""
        return Document(
            doc_id=self.doc_id,
            text=self.text,
            source=self.source,
            title=self.title or None,
            origin=f"{self.dataset}:{self.doc_id}",
        )


@dataclass
class Re3dReport:
    """Mention and relation figures of one re3d evaluation."""

    documents: int = 0
    datasets: list[str] = field(default_factory=list)
    mention_types: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in MENTION_TYPES})
    mentions_untyped: PRF = field(default_factory=PRF)
    relation_types: dict[str, PRF] = field(
        default_factory=lambda: {r: PRF() for r in RELATION_MAP.values()}
    )

    @property
    def mentions(self) -> PRF:
        """Micro-averaged typed mention counts."""
        return _summed(self.mention_types.values())

    @property
    def relations(self) -> PRF:
        """Micro-averaged relation counts."""
        return _summed(self.relation_types.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "datasets": list(self.datasets),
            "mentions": {
                "overall": self.mentions.to_dict(),
                "per_type": {k: v.to_dict() for k, v in self.mention_types.items()},
                "untyped": self.mentions_untyped.to_dict(),
            },
            "relations": {
                "overall": self.relations.to_dict(),
                "per_relation": {k: v.to_dict() for k, v in self.relation_types.items()},
            },
        }


def _summed(counters: Iterable[PRF]) -> PRF:
    out = PRF()
    for c in counters:
        out.add(c)
    return out


def _tally(counter: PRF, tp: int, predicted: int, gold: int) -> None:
    """Add one document's matches (tp) of `predicted` items against `gold` ones."""
    counter.tp, counter.fp, counter.fn = (
        counter.tp + tp,
        counter.fp + predicted - tp,
        counter.fn + gold - tp,
    )


def _read_objects(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidGold(f"{path}: cannot read ({exc})") from None
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidGold(f"{path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
        if not all(isinstance(o, dict) for o in data):
            raise InvalidGold(f"{path}: expected a list of objects")
        return data
    out = []
    for where, obj in json_lines(text.splitlines(), path):
        if not isinstance(obj, dict):
            raise InvalidGold(f"{where}: expected a JSON object")
        out.append(obj)
    return out


def dataset_dirs(root: Path | str) -> list[Path]:
    """The re3d dataset folders at `root`: itself, or the folders below it with the files."""
    root = Path(root)
    if not root.is_dir():
        raise InvalidGold(f"{root}: not a folder")
    if (root / "documents.json").is_file():
        return [root]
    found = sorted(p.parent for p in root.rglob("documents.json"))
    if not found:
        raise InvalidGold(f"{root}: no re3d dataset (documents.json) in it or below it")
    return found


def _field(obj: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InvalidGold(f"{where}: `{key}` must be {kind.__name__}, got {value!r}")
    return value


def load_dataset(folder: Path | str) -> list[Re3dDoc]:
    """Read one re3d dataset folder."""
    folder = Path(folder)
    for name in DATA_FILES:
        if not (folder / name).is_file():
            raise InvalidGold(f"{folder}: missing {name}")
    docs: dict[str, Re3dDoc] = {}
    for i, obj in enumerate(_read_objects(folder / "documents.json"), 1):
        where = f"{folder / 'documents.json'}: object {i}"
        doc_id = _field(obj, "_id", str, where)
        docs[doc_id] = Re3dDoc(
            doc_id=doc_id,
            dataset=folder.name,
            title=str(obj.get("title") or ""),
            text=_field(obj, "text", str, where),
            source=str(obj.get("sourceName") or folder.name),
        )
    for i, obj in enumerate(_read_objects(folder / "entities.json"), 1):
        where = f"{folder / 'entities.json'}: object {i}"
        if obj.get("type") not in MENTION_TYPES or _conf(obj, where) < MIN_CONFIDENCE:
            continue
        doc = docs.get(_field(obj, "documentId", str, where))
        if doc is None:
            raise InvalidGold(f"{where}: unknown documentId {obj.get('documentId')!r}")
        mention = (_field(obj, "begin", int, where), _field(obj, "end", int, where), obj["type"])
        if mention not in doc.mentions:
            doc.mentions.append(mention)
    for i, obj in enumerate(_read_objects(folder / "relations.json"), 1):
        where = f"{folder / 'relations.json'}: object {i}"
        rel = RELATION_MAP.get(str(obj.get("type")))
        if rel is None or _conf(obj, where) < MIN_CONFIDENCE:
            continue
        doc = docs.get(_field(obj, "documentId", str, where))
        if doc is None:
            raise InvalidGold(f"{where}: unknown documentId {obj.get('documentId')!r}")
        a1 = (_field(obj, "sourceBegin", int, where), _field(obj, "sourceEnd", int, where))
        a2 = (_field(obj, "targetBegin", int, where), _field(obj, "targetEnd", int, where))
        r = Re3dRelation(rel, *sorted((a1, a2)))
        if r not in doc.relations:
            doc.relations.append(r)
    return list(docs.values())


def _conf(obj: Mapping[str, Any], where: str) -> float:
    value = obj.get("confidence", 1.0)
    if not isinstance(value, int | float):
        raise InvalidGold(f"{where}: `confidence` must be a number, got {value!r}")
    return float(value)


def load_re3d(root: Path | str) -> tuple[list[str], list[Re3dDoc]]:
    """Read one dataset folder or a folder of them; return (dataset names, documents)."""
    dirs = dataset_dirs(root)
    docs: list[Re3dDoc] = []
    for d in dirs:
        docs.extend(load_dataset(d))
    return [d.name for d in dirs], docs


def _overlap(a: Span, b: Span) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match_one_to_one(pred: Sequence[Span], gold: Sequence[Span]) -> int:
    """How many pairs a greedy one-to-one matching of overlapping spans finds (largest first)."""
    pairs = sorted(
        (
            (_overlap(p, g), i, j)
            for i, p in enumerate(pred)
            for j, g in enumerate(gold)
            if _overlap(p, g) > 0
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _pred_mentions(record: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in record.get("mentions") or []:
        rtype = TYPE_MAP.get(str(m.get("type")))
        start, end = m.get("start"), m.get("end")
        if rtype and isinstance(start, int) and isinstance(end, int) and end > start:
            item = (start, end, rtype)
            if item not in out:
                out.append(item)
    return out


def _span(endpoint: Any) -> Span | None:
    if isinstance(endpoint, dict):
        s, e = endpoint.get("start"), endpoint.get("end")
        if isinstance(s, int) and isinstance(e, int) and e > s:
            return (s, e)
    return None


def _pred_relations(record: Mapping[str, Any]) -> list[tuple[str, Span | None, Span | None]]:
    out: list[tuple[str, Span | None, Span | None]] = []
    targets = set(RELATION_MAP.values())
    for c in record.get("claims") or []:
        rel = c.get("relation")
        if rel not in targets:
            continue
        a1, a2 = _span(c.get("source")), _span(c.get("target"))
        item = (rel, *sorted((a1, a2), key=lambda s: s or (-1, -1)))
        if item not in out:
            out.append(item)  # type: ignore[arg-type]
    return out


def _match_relations(
    pred: list[tuple[str, Span | None, Span | None]], gold: list[Re3dRelation]
) -> int:
    used: set[int] = set()
    hits = 0
    for rel, p1, p2 in pred:
        if p1 is None or p2 is None:
            continue
        for j, g in enumerate(gold):
            if j in used or g.relation != rel:
                continue
            straight = _overlap(p1, g.arg1) > 0 and _overlap(p2, g.arg2) > 0
            crossed = _overlap(p1, g.arg2) > 0 and _overlap(p2, g.arg1) > 0
            if straight or crossed:
                used.add(j)
                hits += 1
                break
    return hits


def score_re3d_doc(doc: Re3dDoc, record: Mapping[str, Any] | None, report: Re3dReport) -> None:
    """Add one document's mention and relation counts to `report`."""
    report.documents += 1
    record = record or {}
    pred_m = _pred_mentions(record)
    for t in MENTION_TYPES:
        p = [(s, e) for s, e, ty in pred_m if ty == t]
        g = [(s, e) for s, e, ty in doc.mentions if ty == t]
        _tally(report.mention_types[t], match_one_to_one(p, g), len(p), len(g))
    p_all = sorted({(s, e) for s, e, _ in pred_m})
    g_all = sorted({(s, e) for s, e, _ in doc.mentions})
    _tally(report.mentions_untyped, match_one_to_one(p_all, g_all), len(p_all), len(g_all))

    pred_r = _pred_relations(record)
    for rel, counter in report.relation_types.items():
        p = [x for x in pred_r if x[0] == rel]
        g = [x for x in doc.relations if x.relation == rel]
        _tally(counter, _match_relations(p, g), len(p), len(g))


def score_re3d(
    docs: Iterable[Re3dDoc],
    records: Mapping[str, Mapping[str, Any]],
    datasets: Sequence[str] = (),
) -> Re3dReport:
    """Score doc/1 records (by doc_id) against re3d documents."""
    report = Re3dReport(datasets=list(datasets))
    for doc in docs:
        score_re3d_doc(doc, records.get(doc.doc_id), report)
    return report


# bare spaCy NER labels -> re3d types, for the baseline figure
SPACY_BASELINE_MAP: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
}


def spacy_baseline_records(
    docs: Sequence[Re3dDoc], *, label_map: Mapping[str, str] | None = None, nlp: Any = None
) -> dict[str, dict[str, Any]]:
    """doc/1-like records holding bare spaCy NER entities mapped to re3d types (no claims)."""
    if nlp is None:
        from proxygraph.nlp.model import load_spacy

        nlp = load_spacy()
    mapping = dict(SPACY_BASELINE_MAP if label_map is None else label_map)
    out: dict[str, dict[str, Any]] = {}
    for doc, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        mentions = [
            {
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "type": mapping[ent.label_],
            }
            for ent in sdoc.ents
            if ent.label_ in mapping
        ]
        out[doc.doc_id] = {"doc_id": doc.doc_id, "mentions": mentions, "claims": []}
    return out
