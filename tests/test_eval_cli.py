"""`proxygraph eval` command: options, output formats, errors, the extraction path."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from proxygraph.cli import main
from proxygraph.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold_small.jsonl"


def _pred_file(tmp_path: Path) -> Path:
    """d1: Pakistan SUPPORTS Taliban right, TTP support affirmed (gold: denied); d2: none."""
    def end(n: str) -> dict[str, Any]:
        return {"name": n, "mention": n, "start": None, "end": None}
    claims = [
        {"source": end("Pakistan"), "relation": "SUPPORTS", "target": end("Taliban"),
         "support_type": ["unspecified"], "polarity": "affirmed", "modality": "asserted",
         "claimant": {"name": "Example Times", "mention": None},
         "evidence": {"text": "Pakistan backs the Taliban."}},
        {"source": end("Pakistan"), "relation": "SUPPORTS", "target": end("TTP"),
         "support_type": ["funding"], "polarity": "affirmed", "modality": "reported",
         "claimant": {"name": "Pakistan", "mention": None},
         "evidence": {"text": "Islamabad denied funding the TTP, a spokesman said."}},
    ]
    p = tmp_path / "pred.jsonl"
    recs = [{"format": "proxygraph.doc/1", "doc_id": "d1", "source": "Example Times",
             "mentions": [], "claims": claims},
            {"format": "proxygraph.doc/1", "doc_id": "d2", "source": "Example Post",
             "mentions": [], "claims": []}]
    p.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return p


def test_gold_json_with_predictions(tmp_path: Path):
    res = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), "--predictions",
                                    str(_pred_file(tmp_path)), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    # TP 1, FP 1, FN 4: P 0.5, R 0.2, F1 = 2*0.1/0.7
    assert data["overall"]["precision"] == 0.5
    assert data["overall"]["recall"] == 0.2
    assert data["overall"]["f1"] == round(0.2 / 0.7, 4)
    assert data["per_relation"]["SUPPORTS"]["tp"] == 1
    assert data["attributes"]["modality"]["accuracy"] == 1.0
    assert "errors" not in data


def test_gold_table_with_errors(tmp_path: Path):
    res = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), "--predictions",
                                    str(_pred_file(tmp_path)), "--errors"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "overall" in out and "0.500" in out
    assert "FP   d1: Pakistan -SUPPORTS-> TTP" in out
    assert "MISS d1: Pakistan -SUPPORTS-> Tehrik-i-Taliban Pakistan [denied]" in out
    assert "evidence: Islamabad denied funding the TTP, a spokesman said." in out
    assert out.count("MISS") == 4


def test_invalid_gold_is_a_clean_error():
    res = CliRunner().invoke(main, ["eval", "--gold", str(FIXTURES / "gold_bad_relation.jsonl")])
    assert res.exit_code == 1
    assert "Error: " in res.output and "gold_bad_relation.jsonl:2" in res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize("args", [[], ["--gold", str(GOLD), "--re3d", str(FIXTURES / "re3d")],
                                  ["--gold", str(GOLD), "--baseline", "spacy"]])
def test_usage_errors(args: list[str]):
    res = CliRunner().invoke(main, ["eval", *args])
    assert res.exit_code == 2


class FakeExtractor:
    """Stands in for proxygraph.extractor.Extractor: one gold claim for d2, nothing else."""

    seen: list[Document] = []
    kb: tuple[Any, ...] = ()

    def __init__(self, *, kb_dirs: Iterable[Any] = ()) -> None:
        FakeExtractor.kb = tuple(kb_dirs)

    def extract_many(self, docs: Iterable[Document], *, workers: int = 1
                     ) -> Iterator[dict[str, Any]]:
        for d in docs:
            FakeExtractor.seen.append(d)
            claims = []
            if d.doc_id == "d2":
                claims = [{"source": {"name": "Houthis"}, "relation": "FIGHTS",
                           "target": {"name": "Saudi Arabia"}, "polarity": "affirmed",
                           "modality": "asserted", "claimant": {"name": d.source}}]
            mentions = [{"start": 0, "end": 10, "type": "PERSON"}]
            yield {"doc_id": d.doc_id, "source": d.source, "mentions": mentions,
                   "claims": claims}


def test_extraction_path_uses_the_extractor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import proxygraph.extractor

    monkeypatch.setattr(proxygraph.extractor, "Extractor", FakeExtractor)
    FakeExtractor.seen = []
    res = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), "--format", "json",
                                    "--kb", str(tmp_path)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["overall"]["tp"], data["overall"]["fn"]) == (1, 4)
    assert data["attributes"]["claimant"]["accuracy"] == 1.0
    d1 = FakeExtractor.seen[0]
    assert (d1.doc_id, d1.source, d1.date) == ("d1", "Example Times", "2024-05-01")
    assert FakeExtractor.kb == (tmp_path,)

    res = CliRunner().invoke(main, ["eval", "--re3d", str(FIXTURES / "re3d"), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    # one Person mention at 0-10 = John Smith: Person TP 1; overall P 1, R 1/5
    assert data["mentions"]["per_type"]["Person"]["f1"] == 1.0
    assert data["mentions"]["overall"]["recall"] == 0.2
    assert data["relations"]["overall"]["fn"] == 3


def test_re3d_table_with_predictions(tmp_path: Path):
    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps({"doc_id": "DOC1", "mentions": [
        {"start": 46, "end": 52, "type": "LOCATION"}], "claims": []}) + "\n")
    res = CliRunner().invoke(main, ["eval", "--re3d", str(FIXTURES / "re3d" / "ds1"),
                                    "--predictions", str(p)])
    assert res.exit_code == 0, res.output
    assert "re3d (proxygraph): 1 documents in 1 dataset(s)" in res.output
    loc = next(line for line in res.output.splitlines() if line.startswith("Location"))
    assert loc.split()[1:] == ["1", "1", "1", "1.000", "1.000", "1.000"]
