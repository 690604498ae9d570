"""Score extracted claims against gold claims (the `proxygraph eval --gold` scorer).

A gold claim is the unique key (document, source, relation, target, polarity); symmetric
relations ignore direction. A predicted claim matches a gold key when document, relation and
polarity are equal and each endpoint's `name` or `mention` equals (after `norm`) the gold
actor's canonical name or one of its gold mentions. Predictions are deduplicated: several
predicted claims on one gold key make one true positive, and unmatched predictions count
once per (document, source, relation, target, polarity) of their names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from proxygraph.evaluation.gold import SYMMETRIC, GoldClaim, GoldDoc, norm
from proxygraph.evaluation.metrics import PRF, Accuracy

GoldKey = tuple[str, str, str, str]  # (source, relation, target, polarity)
ATTRIBUTES = ("modality", "claimant", "support_type")


@dataclass(frozen=True)
class ClaimError:
    """One false positive, miss or attribute mismatch, with its evidence sentence."""

    kind: str  # "false_positive" | "miss" | "attribute"
    doc_id: str
    source: str
    relation: str
    target: str
    polarity: str
    evidence: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "source": self.source,
            "relation": self.relation,
            "target": self.target,
            "polarity": self.polarity,
            "evidence": self.evidence,
        }
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass
class ClaimsReport:
    """The figures of one claim evaluation."""

    documents: int = 0
    overall: PRF = field(default_factory=PRF)
    per_relation: dict[str, PRF] = field(default_factory=dict)
    attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in ATTRIBUTES}
    )
    errors: list[ClaimError] = field(default_factory=list)
    missing_docs: list[str] = field(default_factory=list)

    def relation(self, rel: str) -> PRF:
        """The counter of one relation type (created on first use)."""
        return self.per_relation.setdefault(rel, PRF())

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": self.documents,
            "overall": self.overall.to_dict(),
            "per_relation": {k: v.to_dict() for k, v in sorted(self.per_relation.items())},
            "attributes": {k: v.to_dict() for k, v in self.attributes.items()},
        }
        if self.missing_docs:
            out["documents_without_prediction"] = list(self.missing_docs)
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


@dataclass(frozen=True)
class _Pred:
    raw: dict[str, Any]
    relation: str
    polarity: str
    src: tuple[str, str]  # (name, mention), raw strings
    tgt: tuple[str, str]
    order: int

    @property
    def label_src(self) -> str:
        return self.src[0] or self.src[1]

    @property
    def label_tgt(self) -> str:
        return self.tgt[0] or self.tgt[1]

    def unique_key(self) -> tuple[str, str, str, str]:
        s, t = norm(self.label_src), norm(self.label_tgt)
        if self.relation in SYMMETRIC and t < s:
            s, t = t, s
        return (s, self.relation, t, self.polarity)

    @property
    def evidence(self) -> str:
        ev = self.raw.get("evidence")
        return (ev.get("text") or "") if isinstance(ev, dict) else str(ev or "")

    @property
    def confidence(self) -> float:
        c = self.raw.get("confidence")
        return float(c) if isinstance(c, int | float) else 0.0


def _endpoint(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return (str(value.get("name") or ""), str(value.get("mention") or ""))
    if isinstance(value, str):
        return (value, "")
    return ("", "")


def _preds(record: Mapping[str, Any]) -> list[_Pred]:
    out = []
    for i, c in enumerate(record.get("claims") or []):
        if not isinstance(c, dict):
            continue
        out.append(
            _Pred(
                raw=c,
                relation=str(c.get("relation") or ""),
                polarity=str(c.get("polarity") or "affirmed"),
                src=_endpoint(c.get("source")),
                tgt=_endpoint(c.get("target")),
                order=i,
            )
        )
    return out


def gold_key(claim: GoldClaim) -> GoldKey:
    """The unique key of a gold claim (symmetric relations in sorted order)."""
    s, t = claim.source, claim.target
    if claim.relation in SYMMETRIC and t < s:
        s, t = t, s
    return (s, claim.relation, t, claim.polarity)


def _endpoint_score(pred: tuple[str, str], gold_name: str, doc: GoldDoc) -> int:
    """2: predicted name is the canonical name; 1: name or mention is a gold mention; 0: no."""
    if pred[0] and norm(pred[0]) == norm(gold_name):
        return 2
    names = doc.names_for(gold_name)
    return 1 if any(p and norm(p) in names for p in pred) else 0


def _match_score(pred: _Pred, key: GoldKey, doc: GoldDoc) -> int:
    gsrc, rel, gtgt, pol = key
    if pred.relation != rel or pred.polarity != pol:
        return 0
    best = 0
    s, t = _endpoint_score(pred.src, gsrc, doc), _endpoint_score(pred.tgt, gtgt, doc)
    if s and t:
        best = s + t
    if rel in SYMMETRIC:
        s, t = _endpoint_score(pred.src, gtgt, doc), _endpoint_score(pred.tgt, gsrc, doc)
        if s and t:
            best = max(best, s + t)
    return best


def _claimant(raw: Mapping[str, Any]) -> tuple[str, str]:
    return _endpoint(raw.get("claimant"))


def _claimant_ok(pred: _Pred, gold: GoldClaim, doc: GoldDoc, record: Mapping[str, Any]) -> bool:
    name, mention = _claimant(pred.raw)
    outlets = {norm(doc.outlet), norm(str(record.get("source") or ""))} - {""}
    pred_is_outlet = not (name or mention) or (norm(name) in outlets and not mention)
    if gold.claimant is None:
        return pred_is_outlet
    names = doc.names_for(gold.claimant)
    return any(p and norm(p) in names for p in (name, mention))


def _attribute_checks(
    pred: _Pred, golds: Sequence[GoldClaim], doc: GoldDoc, record: Mapping[str, Any]
) -> dict[str, tuple[bool, str, str]]:
    """Per attribute: (correct against any gold claim of the key, predicted, gold) strings."""
    out: dict[str, tuple[bool, str, str]] = {}
    p_mod = str(pred.raw.get("modality") or "")
    out["modality"] = (
        any(g.modality == p_mod for g in golds),
        p_mod,
        "|".join(sorted({g.modality for g in golds})),
    )
    name, mention = _claimant(pred.raw)
    out["claimant"] = (
        any(_claimant_ok(pred, g, doc, record) for g in golds),
        name or mention or "null",
        "|".join(sorted({g.claimant or "null" for g in golds})),
    )
    if golds[0].relation == "SUPPORTS":
        p_st = set(pred.raw.get("support_type") or [])
        out["support_type"] = (
            any(set(g.support_type or ()) == p_st for g in golds),
            ",".join(sorted(p_st)) or "none",
            "|".join(sorted({",".join(sorted(g.support_type or ())) for g in golds})),
        )
    return out


def score_doc(doc: GoldDoc, record: Mapping[str, Any] | None, report: ClaimsReport) -> None:
    """Add one document's counts and errors to `report`."""
    report.documents += 1
    gold: dict[GoldKey, list[GoldClaim]] = {}
    for claim in doc.claims:
        gold.setdefault(gold_key(claim), []).append(claim)
    record = record or {}
    preds = _preds(record)

    # candidates per predicted claim, then a greedy one-to-one-first assignment
    cands: list[tuple[_Pred, list[tuple[int, GoldKey]]]] = []
    for p in preds:
        scored = [(s, k) for k in gold if (s := _match_score(p, k, doc))]
        scored.sort(key=lambda sk: -sk[0])
        cands.append((p, scored))
    assigned: dict[GoldKey, list[tuple[int, _Pred]]] = {}
    matched_unique: set[tuple[str, str, str, str]] = set()
    for p, scored in sorted(cands, key=lambda pc: (len(pc[1]) or 10**9, pc[0].order)):
        if not scored:
            continue
        free = [sk for sk in scored if sk[1] not in assigned]
        score, key = (free or scored)[0]
        assigned.setdefault(key, []).append((score, p))
        matched_unique.add(p.unique_key())

    for key, claims in gold.items():
        counter = report.relation(key[1])
        if key not in assigned:
            counter.fn += 1
            report.errors.append(
                ClaimError("miss", doc.id, key[0], key[1], key[2], key[3], claims[0].evidence)
            )
            continue
        counter.tp += 1
        _, best = max(assigned[key], key=lambda sp: (sp[0], sp[1].confidence, -sp[1].order))
        for attr, (ok, pv, gv) in _attribute_checks(best, claims, doc, record).items():
            report.attributes[attr].count(ok)
            if not ok:
                report.errors.append(
                    ClaimError(
                        "attribute",
                        doc.id,
                        key[0],
                        key[1],
                        key[2],
                        key[3],
                        best.evidence,
                        f"{attr}: predicted {pv}, gold {gv}",
                    )
                )

    seen_fp: set[tuple[str, str, str, str]] = set()
    for p in preds:
        ukey = p.unique_key()
        if ukey in matched_unique or ukey in seen_fp:
            continue
        seen_fp.add(ukey)
        report.relation(p.relation).fp += 1
        report.errors.append(
            ClaimError(
                "false_positive",
                doc.id,
                p.label_src,
                p.relation,
                p.label_tgt,
                p.polarity,
                p.evidence,
            )
        )


def score_claims(
    gold_docs: Sequence[GoldDoc], records: Mapping[str, Mapping[str, Any]]
) -> ClaimsReport:
    """Score doc/1 records (by doc_id) against gold documents; records of other ids are ignored."""
    report = ClaimsReport()
    for doc in gold_docs:
        rec = records.get(doc.id)
        if rec is None:
            report.missing_docs.append(doc.id)
        score_doc(doc, rec, report)
    for counter in report.per_relation.values():
        report.overall.add(counter)
    return report
