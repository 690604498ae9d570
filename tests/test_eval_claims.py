"""Claim scorer on tests/fixtures/eval/gold_small.jsonl; every expected figure is worked by hand.

Gold: 5 unique keys. d1: Pakistan SUPPORTS Taliban; Russia MEETS_WITH China;
Pakistan SUPPORTS Tehrik-i-Taliban Pakistan (denied, reported, claimant Pakistan).
d2: Iran SUPPORTS Houthis (reported); Houthis FIGHTS Saudi Arabia.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from proxygraph.errors import InvalidGold
from proxygraph.evaluation import load_gold, score_claims
from proxygraph.evaluation.gold import parse_gold_line

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold_small.jsonl"
OUTLETS = {"d1": "Example Times", "d2": "Example Post"}


def claim(src: str, rel: str, tgt: str, *, polarity: str = "affirmed",
          modality: str = "asserted", claimant: str | None = None,
          support: list[str] | None = None, mention_only: bool = False,
          evidence: str = "ev") -> dict[str, Any]:
    """A doc/1 claim; `mention_only` puts the names in `mention` and junk in `name`."""
    def end(n: str) -> dict[str, Any]:
        return {"name": "unlinked", "mention": n} if mention_only else {"name": n, "mention": n}
    return {"source": end(src), "relation": rel, "target": end(tgt), "support_type": support,
            "polarity": polarity, "modality": modality,
            "claimant": {"name": claimant, "mention": None}, "evidence": {"text": evidence}}


def perfect() -> dict[str, dict[str, Any]]:
    """Predictions equal to the gold (claimant: the outlet when gold is null)."""
    return {
        "d1": {"doc_id": "d1", "source": OUTLETS["d1"], "claims": [
            claim("Pakistan", "SUPPORTS", "Taliban", support=["unspecified"],
                  claimant=OUTLETS["d1"]),
            claim("Russia", "MEETS_WITH", "China", claimant=OUTLETS["d1"]),
            claim("Pakistan", "SUPPORTS", "Tehrik-i-Taliban Pakistan", polarity="denied",
                  modality="reported", claimant="Pakistan", support=["funding"]),
        ]},
        "d2": {"doc_id": "d2", "source": OUTLETS["d2"], "claims": [
            claim("Iran", "SUPPORTS", "Houthis", modality="reported", support=["weapons"],
                  claimant=OUTLETS["d2"]),
            claim("Houthis", "FIGHTS", "Saudi Arabia", claimant=OUTLETS["d2"]),
        ]},
    }


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_perfect_prediction(gold):
    r = score_claims(gold, perfect())
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (5, 0, 0)
    assert r.overall.precision == r.overall.recall == r.overall.f1 == 1.0
    assert r.per_relation["SUPPORTS"].tp == 3
    assert {k: (a.correct, a.total) for k, a in r.attributes.items()} == {
        "modality": (5, 5), "claimant": (5, 5), "support_type": (3, 3)}
    assert r.errors == [] and r.missing_docs == []


def test_empty_prediction(gold):
    r = score_claims(gold, {"d1": {"doc_id": "d1", "claims": []},
                            "d2": {"doc_id": "d2", "claims": []}})
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (0, 0, 5)
    assert r.overall.precision == r.overall.recall == r.overall.f1 == 0.0
    assert all(a.accuracy is None for a in r.attributes.values())
    assert sorted(e.kind for e in r.errors) == ["miss"] * 5


def test_missing_documents_count_as_misses(gold):
    r = score_claims(gold, {})
    assert r.overall.fn == 5 and r.missing_docs == ["d1", "d2"]


def test_denied_vs_affirmed_is_a_false_positive_and_a_miss(gold):
    preds = perfect()
    preds["d1"]["claims"][2]["polarity"] = "affirmed"
    r = score_claims(gold, preds)
    # TP 4, FP 1, FN 1 -> P = R = F1 = 0.8; SUPPORTS: TP 2, FP 1, FN 1 -> 2/3
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (4, 1, 1)
    assert r.overall.f1 == pytest.approx(0.8)
    sup = r.per_relation["SUPPORTS"]
    assert sup.precision == pytest.approx(2 / 3) and sup.recall == pytest.approx(2 / 3)
    kinds = {(e.kind, e.polarity) for e in r.errors}
    assert kinds == {("false_positive", "affirmed"), ("miss", "denied")}
    fp = next(e for e in r.errors if e.kind == "false_positive")
    assert fp.target == "Tehrik-i-Taliban Pakistan" and fp.evidence == "ev"


def test_symmetric_backwards_matches_directed_backwards_does_not(gold):
    preds = {
        "d1": {"doc_id": "d1", "claims": [
            claim("China", "MEETS_WITH", "Russia"),
            claim("Taliban", "SUPPORTS", "Pakistan", support=["unspecified"]),
        ]},
        "d2": {"doc_id": "d2", "claims": [claim("Saudi Arabia", "FIGHTS", "The Houthis",
                                                mention_only=True)]},
    }
    r = score_claims(gold, preds)
    # TP 2, FP 1, FN 3: P = 2/3, R = 2/5, F1 = 0.5
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (2, 1, 3)
    assert r.overall.precision == pytest.approx(2 / 3)
    assert r.overall.recall == pytest.approx(0.4)
    assert r.overall.f1 == pytest.approx(0.5)
    assert r.per_relation["MEETS_WITH"].tp == r.per_relation["FIGHTS"].tp == 1


def test_mentions_match_and_duplicates_count_once(gold):
    preds = {"d1": {"doc_id": "d1", "claims": [
        # "Islamabad" and "the Taliban" are gold mentions; case and spaces do not matter
        claim("Islamabad", "SUPPORTS", "the  TALIBAN", support=["unspecified"],
              mention_only=True),
        claim("Pakistan", "SUPPORTS", "Taliban", support=["unspecified"]),
        # the same wrong claim three times (once each way round): one FP
        claim("Russia", "FIGHTS", "China"),
        claim("China", "FIGHTS", "Russia"),
        claim("Russia", "FIGHTS", "China"),
        # an endpoint that is no gold actor or mention
        claim("Moscow mayor", "MEETS_WITH", "China"),
    ]}}
    r = score_claims(gold, preds)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (1, 2, 4)
    assert r.per_relation["FIGHTS"].fp == 1 and r.per_relation["MEETS_WITH"].fp == 1


def test_attribute_accuracy_on_matched_claims(gold):
    preds = copy.deepcopy(perfect())
    preds["d2"]["claims"][0]["modality"] = "alleged"            # modality 4/5
    preds["d1"]["claims"][1]["claimant"] = {"name": "Russia", "mention": "Moscow"}  # 4/5
    preds["d1"]["claims"][0]["support_type"] = ["unspecified", "weapons"]  # support 2/3
    r = score_claims(gold, preds)
    assert r.overall.f1 == 1.0
    got = {k: (a.correct, a.total) for k, a in r.attributes.items()}
    assert got == {"modality": (4, 5), "claimant": (4, 5), "support_type": (2, 3)}
    details = sorted(e.detail.split(":")[0] for e in r.errors if e.kind == "attribute")
    assert details == ["claimant", "modality", "support_type"]


def test_claimant_null_accepts_missing_claimant_and_named_claimant_needs_match(gold):
    preds = copy.deepcopy(perfect())
    preds["d1"]["claims"][0]["claimant"] = None              # gold null: right
    preds["d1"]["claims"][2]["claimant"] = {"name": "Example Times", "mention": None}  # wrong
    r = score_claims(gold, preds)
    assert (r.attributes["claimant"].correct, r.attributes["claimant"].total) == (4, 5)


def test_predictions_for_other_documents_are_ignored(gold):
    preds = perfect()
    preds["zz"] = {"doc_id": "zz", "claims": [claim("A", "FIGHTS", "B")]}
    assert score_claims(gold, preds).overall.fp == 0


def test_invalid_gold_names_file_and_line():
    with pytest.raises(InvalidGold, match=r"gold_bad_relation\.jsonl:2: claim 0: relation 'ARMS'"):
        load_gold(FIXTURES / "gold_bad_relation.jsonl")


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "invalid JSON"),
    ('{"id": "x", "text": "A B", "actors": [{"name": "A", "type": "GANG", "mentions": []}]}',
     "type 'GANG'"),
    ('{"id": "x", "text": "A B", "actors": [{"name": "A", "type": "STATE", '
     '"mentions": ["C"]}]}', "mention 'C'"),
    ('{"id": "x", "text": "A B", "actors": [], "claims": [{"source": "A", '
     '"relation": "FIGHTS", "target": "B"}]}', "source 'A' is not an actor"),
])
def test_gold_line_errors(line: str, message: str):
    with pytest.raises(InvalidGold, match=f"^f.jsonl:3: .*{message}"):
        parse_gold_line(line, "f.jsonl:3")


def test_duplicate_document_id(tmp_path: Path):
    line = GOLD.read_text().splitlines()[0]
    p = tmp_path / "g.jsonl"
    p.write_text(line + "\n" + line + "\n")
    with pytest.raises(InvalidGold, match=r"g\.jsonl:2: document id 'd1' already used"):
        load_gold(p)
