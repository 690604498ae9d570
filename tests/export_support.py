"""Stores for the export and brief tests: the store fixtures (SQLite), and one whose names,
outlets, titles, URLs and evidence carry HTML and script payloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store_support import fixture_records

from proxygraph.store import Store

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<svg onload=alert(3)>",
    "javascript:alert(4)",
]


def fixture_store(path: Path) -> str:
    """A SQLite store loaded with tests/fixtures/store/*.jsonl; its URL."""
    url = str(path / "fixtures.db")
    with Store(url) as store:
        store.load_records(fixture_records("contested") + fixture_records("syndicated"))
    return url


def _actor(name: str, kind: str, start: int) -> dict[str, Any]:
    return {"name": name, "type": kind, "actor_id": None, "mention": name,
            "start": start, "end": start + len(name)}  # fmt: skip


def hostile_record() -> dict[str, Any]:
    """One document whose every free text is an attack on an HTML renderer."""
    militia = "Militia <script>alert(1)</script>"
    backer = 'Backer <img src=x onerror="alert(2)">'
    sentence = (
        f"{backer} arms {militia}, said the <svg onload=alert(3)> spokesman "
        '</blockquote><script>alert("x")</script> | *bold* [link](javascript:alert(5))'
    )
    claim = {
        "source": _actor(backer, "STATE", 0),
        "relation": "SUPPORTS",
        "target": _actor(militia, "ARMED_GROUP", len(backer) + 6),
        "support_type": ["weapons"],
        "kind": None, "role": None, "polarity": "affirmed", "modality": "alleged",
        "claimant": {"name": "<b onmouseover=alert(6)>Ministry</b>", "mention": "<i>them</i>"},
        "time": None,
        "evidence": {"start": 0, "end": len(sentence), "text": sentence},
        "confidence": 0.9, "rule": "fixture",
    }  # fmt: skip
    denied = sentence + " Denied."
    denial = {**claim, "polarity": "denied", "modality": "reported",
              "claimant": {"name": backer, "mention": backer},
              "evidence": {"start": 0, "end": len(denied), "text": denied}}  # fmt: skip
    return {
        "format": "proxygraph.doc/1",
        "doc_id": "x<script>1</script>",
        "source": "<script>alert(7)</script> Times",
        "date": "2024-07-01",
        "url": "javascript:alert(8)",
        "title": '<img src=x onerror="alert(9)">',
        "text": sentence + " Denied.",
        "mentions": [
            {"start": 0, "end": len(backer), "text": backer, "type": "STATE", "actor": backer,
             "actor_id": None, "rule": "fixture"},
            {"start": len(backer) + 6, "end": len(backer) + 6 + len(militia), "text": militia,
             "type": "ARMED_GROUP", "actor": militia, "actor_id": None, "rule": "fixture"},
        ],  # fmt: skip
        "claims": [claim, denial],
    }


def hostile_store(path: Path) -> str:
    """A SQLite store holding hostile_record(); its URL."""
    url = str(path / "hostile.db")
    with Store(url) as store:
        store.load_records([hostile_record()])
    return url
