"""re3d scorer on tests/fixtures/eval/re3d; every expected figure is worked by hand.

Text: "John Smith of the Free Syrian Army met Ali in Aleppo. ISIS fought the army."
Gold mentions (confidence >= 0.5, P/O/L only): John Smith 0-10 Person, Free Syrian Army
18-34 Org, Aleppo 46-52 Loc, ISIS 54-58 Org, the army 66-74 Org (Ali 0.3 and the
Nationality "Syrian" are left out). Gold relations: MEMBER_OF(John Smith, FSA),
MEETS_WITH(John Smith, Ali), FIGHTS(ISIS, the army) given both ways (counted once);
CoLocated and a 0.2 AlliesOf are left out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from proxygraph.errors import InvalidGold
from proxygraph.evaluation import load_re3d, score_re3d, spacy_baseline_records
from proxygraph.evaluation.re3d import match_one_to_one

RE3D = Path(__file__).parent / "fixtures" / "eval" / "re3d"


def m(start: int, end: int, typ: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": "", "type": typ}


def c(rel: str, a: tuple[int, int] | None, b: tuple[int, int] | None) -> dict[str, Any]:
    def end(s: tuple[int, int] | None) -> dict[str, Any]:
        return {"name": "x", "start": s[0] if s else None, "end": s[1] if s else None}
    return {"source": end(a), "relation": rel, "target": end(b)}


PRED = {"DOC1": {"doc_id": "DOC1", "mentions": [
    m(0, 10, "PERSON"),        # John Smith: TP
    m(5, 10, "PERSON"),        # "Smith": overlaps the same gold, one-to-one -> FP
    m(23, 34, "ARMED_GROUP"),  # "Syrian Army" overlaps Free Syrian Army: TP Organisation
    m(46, 52, "STATE"),        # Aleppo typed Organisation: FP Org, Location missed
    m(54, 58, "ARMED_GROUP"),  # ISIS: TP
    m(39, 42, "PERSON"),       # Ali: gold below 0.5 -> FP
], "claims": [
    c("FIGHTS", (66, 74), (54, 58)),     # reversed: TP
    c("MEMBER_OF", (5, 10), (23, 34)),   # overlapping spans: TP
    c("MEETS_WITH", (0, 10), (46, 52)),  # wrong partner: FP (gold MEETS_WITH missed)
    c("LEADS", None, (0, 10)),           # no span: FP
    c("SUPPORTS", (0, 10), (18, 34)),    # not scored on re3d
]}}


@pytest.fixture(scope="module")
def loaded():
    return load_re3d(RE3D)


def test_loader_filters_confidence_types_and_duplicate_relations(loaded):
    names, docs = loaded
    assert names == ["ds1"] and len(docs) == 1
    doc = docs[0]
    assert sorted(doc.mentions) == [(0, 10, "Person"), (18, 34, "Organisation"),
                                    (46, 52, "Location"), (54, 58, "Organisation"),
                                    (66, 74, "Organisation")]
    assert sorted(r.relation for r in doc.relations) == ["FIGHTS", "MEETS_WITH", "MEMBER_OF"]


def test_dataset_folder_or_parent_folder_give_the_same(loaded):
    assert load_re3d(RE3D / "ds1")[1] == loaded[1]


def test_mentions_typed_and_untyped(loaded):
    names, docs = loaded
    r = score_re3d(docs, PRED, names)
    per = {t: (p.tp, p.fp, p.fn) for t, p in r.mention_types.items()}
    assert per == {"Person": (1, 2, 0), "Organisation": (2, 1, 1), "Location": (0, 0, 1)}
    # overall: TP 3, FP 3, FN 2 -> P 0.5, R 0.6, F1 6/11
    assert (r.mentions.precision, r.mentions.recall) == (0.5, 0.6)
    assert r.mentions.f1 == pytest.approx(6 / 11)
    u = r.mentions_untyped
    assert (u.tp, u.fp, u.fn) == (4, 2, 1)


def test_relations_unordered_with_overlap(loaded):
    names, docs = loaded
    r = score_re3d(docs, PRED, names)
    per = {k: (p.tp, p.fp, p.fn) for k, p in r.relation_types.items()}
    assert per == {"FIGHTS": (1, 0, 0), "COOPERATES_WITH": (0, 0, 0), "MEETS_WITH": (0, 1, 1),
                   "MEMBER_OF": (1, 0, 0), "LEADS": (0, 1, 0)}
    assert r.relations.precision == 0.5
    assert r.relations.recall == pytest.approx(2 / 3)


def test_perfect_and_empty(loaded):
    names, docs = loaded
    doc = docs[0]
    typ = {"Person": "PERSON", "Organisation": "ARMED_GROUP", "Location": "LOCATION"}
    perfect = {"DOC1": {"mentions": [m(s, e, typ[t]) for s, e, t in doc.mentions],
                        "claims": [c(x.relation, x.arg2, x.arg1) for x in doc.relations]}}
    r = score_re3d(docs, perfect, names)
    assert r.mentions.f1 == 1.0 and r.relations.f1 == 1.0
    r = score_re3d(docs, {}, names)
    assert (r.mentions.tp, r.mentions.fp, r.mentions.fn) == (0, 0, 5)
    assert r.mentions.f1 == 0.0 and r.relations.fn == 3


def test_one_to_one_prefers_larger_overlap():
    # pred (0,10) overlaps both golds; the better pairing leaves (8,12) for (9,20)
    assert match_one_to_one([(0, 10), (8, 12)], [(0, 9), (9, 20)]) == 2
    assert match_one_to_one([(0, 5)], [(5, 9)]) == 0  # touching is no overlap


def test_json_array_files_and_errors(tmp_path: Path):
    ds = tmp_path / "arr"
    shutil.copytree(RE3D / "ds1", ds)
    for name in ("documents.json", "entities.json", "relations.json"):
        lines = (ds / name).read_text().splitlines()
        (ds / name).write_text(json.dumps([json.loads(x) for x in lines]))
    assert len(load_re3d(ds)[1][0].mentions) == 5
    (ds / "entities.json").write_text('{"_id": 1}\n{broken\n')
    with pytest.raises(InvalidGold, match=r"entities\.json:2: invalid JSON"):
        load_re3d(ds)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InvalidGold, match="no re3d dataset"):
        load_re3d(empty)


def test_spacy_baseline_mapping(loaded):
    _, docs = loaded

    def ent(s: int, e: int, label: str) -> SimpleNamespace:
        return SimpleNamespace(start_char=s, end_char=e, text="", label_=label)

    class FakeNLP:
        def pipe(self, texts):
            for _ in texts:
                yield SimpleNamespace(ents=[ent(0, 10, "PERSON"), ent(18, 34, "ORG"),
                                            ent(23, 29, "NORP"), ent(46, 52, "GPE"),
                                            ent(54, 58, "ORG")])

    recs = spacy_baseline_records(docs, nlp=FakeNLP())
    types = [x["type"] for x in recs["DOC1"]["mentions"]]
    assert types == ["Person", "Organisation", "Location", "Organisation"]  # NORP dropped
    r = score_re3d(docs, recs)
    assert (r.mentions.tp, r.mentions.fp, r.mentions.fn) == (4, 0, 1)
