"""Render evaluation reports as plain-text tables or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from proxygraph.evaluation.claims_score import ClaimsReport
from proxygraph.evaluation.metrics import PRF
from proxygraph.evaluation.re3d import Re3dReport


def _prf_table(title: str, rows: Iterable[tuple[str, PRF]], total: tuple[str, PRF]) -> list[str]:
    head = f"{title:<18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [head, "-" * len(head)]
    for name, c in [*rows, total]:
        if name == total[0]:
            lines.append("-" * len(head))
        lines.append(
            f"{name:<18} {c.gold:>5} {c.predicted:>5} {c.tp:>5} "
            f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
        )
    return lines


def claims_table(report: ClaimsReport, *, errors: bool = False) -> str:
    """The claim scores as a table; `errors` appends false positives, misses and mismatches."""
    lines = [
        f"claims: {report.documents} gold documents, unique "
        "(document, source, relation, target, polarity) keys",
        "",
    ]
    lines += _prf_table(
        "relation", sorted(report.per_relation.items()), ("overall", report.overall)
    )
    lines += ["", "attributes on matched claims:"]
    for name, acc in report.attributes.items():
        value = "-" if acc.accuracy is None else f"{acc.accuracy:.3f}"
        lines.append(f"  {name:<14} {value:>6}  ({acc.correct}/{acc.total})")
    if report.missing_docs:
        lines += [
            "",
            f"{len(report.missing_docs)} gold document(s) had no prediction: "
            + ", ".join(report.missing_docs[:10])
            + (" ..." if len(report.missing_docs) > 10 else ""),
        ]
    if errors:
        lines += ["", "errors:" if report.errors else "errors: none"]
        labels = {"false_positive": "FP", "miss": "MISS", "attribute": "ATTR"}
        for e in report.errors:
            pol = "" if e.polarity == "affirmed" else f" [{e.polarity}]"
            detail = f"  ({e.detail})" if e.detail else ""
            lines.append(
                f"{labels.get(e.kind, e.kind):<4} {e.doc_id}: "
                f"{e.source} -{e.relation}-> {e.target}{pol}{detail}"
            )
            lines.append(f"       evidence: {e.evidence or '-'}")
    return "\n".join(lines)


def claims_json(report: ClaimsReport, *, errors: bool = False) -> str:
    """The claim scores as JSON (`overall.precision`, `per_relation`, `attributes`, ...)."""
    return json.dumps(report.to_dict(errors=errors), indent=2, ensure_ascii=False)


def re3d_table(report: Re3dReport, *, label: str = "proxygraph") -> str:
    """The re3d mention and relation scores as tables."""
    lines = [
        f"re3d ({label}): {report.documents} documents in "
        f"{len(report.datasets)} dataset(s); overlap matching, gold confidence >= 0.5",
        "",
    ]
    lines += _prf_table("mention type", report.mention_types.items(), ("overall", report.mentions))
    u = report.mentions_untyped
    lines.append(
        f"{'(any type)':<18} {u.gold:>5} {u.predicted:>5} {u.tp:>5} "
        f"{u.precision:>6.3f} {u.recall:>6.3f} {u.f1:>6.3f}"
    )
    lines.append("")
    lines += _prf_table("relation", report.relation_types.items(), ("overall", report.relations))
    return "\n".join(lines)


def re3d_json(report: Re3dReport, *, label: str = "proxygraph") -> str:
    """The re3d scores as JSON (`mentions.overall`, `relations.per_relation`, ...)."""
    return json.dumps({"system": label, **report.to_dict()}, indent=2, ensure_ascii=False)
