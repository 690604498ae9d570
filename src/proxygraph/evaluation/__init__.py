"""Scorers behind `proxygraph eval`: claims against gold JSONL, mentions/relations against re3d.

from proxygraph.evaluation import evaluate_gold, evaluate_re3d
report = evaluate_gold("my-gold.jsonl")          # runs the Extractor
report.overall.f1, report.per_relation["SUPPORTS"].recall
report = evaluate_gold("gold.jsonl", predictions="out.jsonl")   # score a saved run
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from proxygraph.evaluation.claims_score import ClaimError, ClaimsReport, score_claims
from proxygraph.evaluation.gold import GoldDoc, iter_records, load_gold, records_by_id
from proxygraph.evaluation.metrics import PRF, Accuracy
from proxygraph.evaluation.re3d import (
    Re3dDoc,
    Re3dReport,
    load_re3d,
    score_re3d,
    spacy_baseline_records,
)
from proxygraph.evaluation.runner import run_extraction

__all__ = [
    "PRF",
    "Accuracy",
    "ClaimError",
    "ClaimsReport",
    "GoldDoc",
    "Re3dDoc",
    "Re3dReport",
    "evaluate_gold",
    "evaluate_re3d",
    "load_gold",
    "load_re3d",
    "iter_records",
    "records_by_id",
    "run_extraction",
    "score_claims",
    "score_re3d",
    "spacy_baseline_records",
]


def evaluate_gold(
    gold_path: Path | str,
    *,
    predictions: Path | str | None = None,
    kb_dirs: Sequence[Path | str] = (),
    workers: int = 1,
    progress: bool = False,
) -> ClaimsReport:
    """Score claims on a gold file: extract its texts (or read `predictions`) and compare."""
    gold = load_gold(gold_path)
    records = _records(gold, predictions, kb_dirs=kb_dirs, workers=workers, progress=progress)
    return score_claims(gold, records)


def evaluate_re3d(
    root: Path | str,
    *,
    predictions: Path | str | None = None,
    baseline: str | None = None,
    kb_dirs: Sequence[Path | str] = (),
    workers: int = 1,
    progress: bool = False,
) -> Re3dReport:
    """Score mentions and relations on re3d folder(s).

    baseline (str | None): "spacy" scores bare spaCy NER instead of proxygraph.
    """
    datasets, docs = load_re3d(root)
    if baseline == "spacy":
        records = spacy_baseline_records(docs)
    elif baseline is not None:
        raise ValueError(f"unknown baseline {baseline!r}")
    else:
        records = _records(docs, predictions, kb_dirs=kb_dirs, workers=workers, progress=progress)
    return score_re3d(docs, records, datasets)


def _records(
    docs: Sequence[GoldDoc | Re3dDoc],
    predictions: Path | str | None,
    *,
    kb_dirs: Sequence[Path | str],
    workers: int,
    progress: bool,
) -> dict[str, dict[str, Any]]:
    """The doc/1 records to score, by doc_id: read from `predictions`, or extracted."""
    if predictions is not None:
        return records_by_id(iter_records(predictions))
    from proxygraph.extractor import Extractor

    return run_extraction(
        Extractor(kb_dirs=kb_dirs),
        [d.to_document() for d in docs],
        workers=workers,
        progress=progress,
    )
