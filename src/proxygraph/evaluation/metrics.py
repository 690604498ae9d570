"""Precision/recall/F1 counts and accuracy counters shared by the scorers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class PRF:
    """True positives, false positives and misses; P/R/F1 are 0.0 when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def add(self, other: PRF) -> None:
        """Add another counter's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class Accuracy:
    """Correct out of total; accuracy is None when nothing was compared."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def count(self, ok: bool) -> None:
        """Record one comparison."""
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        acc = self.accuracy
        return {
            "accuracy": None if acc is None else round(acc, 4),
            "correct": self.correct,
            "total": self.total,
        }
