"""The store commands through click: load, edges, actor, evidence, merge."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_support import BACKENDS, FIXTURES, backend_url

from proxygraph.cli import main
from proxygraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(params=BACKENDS)
def loaded(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store (SQLite, then PostgreSQL) loaded with the fixture records."""
    store_url = backend_url(request.param, tmp_path)
    code, _, err = run(
        "load", "--claims", str(FIXTURES / "contested.jsonl"),
        "--claims", str(FIXTURES / "syndicated.jsonl"), "--db", store_url,
    )  # fmt: skip
    assert code == 0, err
    assert "13 documents: 13 new, 0 updated, 0 skipped (already loaded); 20 claims stored" in err
    return store_url


def test_load_claims_twice_skips_everything(loaded: str):
    code, _, err = run("load", "--claims", str(FIXTURES / "contested.jsonl"), "--db", loaded)
    assert code == 0 and "2 documents: 0 new, 0 updated, 2 skipped" in err


def test_load_reports_bad_lines_and_goes_on(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    good = (FIXTURES / "contested.jsonl").read_text(encoding="utf-8").splitlines()[0]
    bad.write_text('{"not json\n' + good + '\n{"format": "proxygraph.doc/1"}\n', encoding="utf-8")
    code, _, err = run("load", "--claims", str(bad), "--db", str(tmp_path / "s.db"))
    assert code == 1
    assert f"{bad}:1: not JSON" in err and "malformed record" in err
    assert "1 documents: 1 new" in err and "; 2 failed" in err


def test_load_needs_an_input(tmp_path: Path):
    code, _, err = run("load", "--db", str(tmp_path / "s.db"))
    assert code == 2 and "give PATHS" in err


def test_edges_table_json_and_csv(loaded: str):
    code, out, _ = run("edges", "--db", loaded)
    assert code == 0 and "(8 edges)" in out
    assert "United Arab Emirates -[SUPPORTS:weapons]-> Rapid Support Forces CONTESTED" in out
    assert "-[FIGHTS]<->" in out
    code, out, _ = run("edges", "--db", loaded, "--contested", "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["source"], r["deniers"]) for r in rows] == [
        ("United Arab Emirates", ["United Arab Emirates"])
    ]
    code, out, _ = run(
        "edges", "--db", loaded, "--relation", "SUPPORTS", "--support-type", "weapons",
        "--min-independent", "2", "--since", "2024-01-01", "--format", "csv",
    )  # fmt: skip
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["source"], r["outlets"], r["independent_outlets"]) for r in table] == [
        ("Iran", "11", "2"),
        ("United Arab Emirates", "2", "2"),
    ]
    code, out, _ = run("edges", "--db", loaded, "--actor", "Houthis", "--limit", "1")
    assert "(1 edges)" in out


def test_actor_evidence_and_merge(loaded: str):
    code, out, _ = run("actor", "Sudanese army", "--db", loaded)
    assert code == 0 and out.startswith("Sudanese Armed Forces  (STATE_AGENCY; kb:sd-saf)")
    assert "part of:  kb:sd" in out
    code, out, _ = run("actor", "RSF", "--db", loaded, "--format", "json")
    assert json.loads(out)["degree"] == 5
    with Store(loaded) as store:
        edge = store.edges(relation="SUPPORTS", actor="ae")[0].edge_id
    code, out, _ = run("evidence", edge[:6], "--db", loaded)
    assert code == 0 and "CONTESTED" in out and "2 claims, 2 outlets, 2 independent" in out
    assert "- Gulf Times, 2024-06-11, doc gulf-2024-06-11" in out
    assert '"The United Arab Emirates denied providing any weapons' in out
    code, out, _ = run("evidence", edge, "--db", loaded, "--format", "json")
    assert [json.loads(line)["polarity"] for line in out.splitlines()] == ["affirmed", "denied"]
    code, out, _ = run("merge", "JANJAWEED MILITIA", "Rapid Support Forces", "--db", loaded)
    assert code == 0 and "merged:   name:ARMED_GROUP:janjaweed militia" in out
    code, out, _ = run("actor", "Janjaweed militia", "--db", loaded)
    assert out.startswith("Rapid Support Forces")


def test_query_errors_are_one_line(tmp_path: Path, loaded: str):
    code, _, err = run("edges", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no store at" in err and "Traceback" not in err
    code, _, err = run("actor", "Nobody", "--db", loaded)
    assert code == 1 and "no actor called 'Nobody'" in err
    code, _, err = run("evidence", "abc", "--db", loaded)
    assert code == 1 and "too short" in err
    code, _, err = run("merge", "RSF", "Rapid Support Forces", "--db", loaded)
    assert code == 1 and "already the same actor" in err


@pytest.mark.slow
def test_load_extracts_documents_and_a_rerun_skips_them(tmp_path: Path):
    db = str(tmp_path / "corpus.db")
    code, _, err = run("load", str(ROOT / "examples" / "corpus"), "--db", db)
    assert code == 0 and "7 documents: 7 new" in err, err
    code, _, err = run("load", str(ROOT / "examples" / "corpus"), "--db", db)
    assert code == 0 and "7 documents: 0 new, 0 updated, 7 skipped" in err
    code, out, _ = run("edges", "--db", db, "--actor", "M23", "--relation", "SUPPORTS")
    assert "Rwanda -[SUPPORTS:unspecified]-> M23 CONTESTED" in out


@pytest.mark.slow
def test_extract_output_gives_identical_edges_in_sqlite_and_postgresql(tmp_path: Path):
    """The seed, the shared evaluation documents (when present) and the example corpus."""
    inputs = [str(ROOT / "examples" / "corpus")]
    inputs += [str(p) for p in (SHARED / "seed" / "seed.txt", SHARED / "eval" / "claims-dev.jsonl")
               if p.exists()]  # fmt: skip
    records = tmp_path / "records.jsonl"
    code, _, err = run("extract", *inputs, "--emit-text", "-o", str(records))
    assert code == 0, err
    edges = []
    for backend in ("sqlite", "postgresql"):
        url = backend_url(backend, tmp_path)
        code, _, err = run("load", "--claims", str(records), "--db", url)
        assert code == 0, err
        code, out, _ = run("edges", "--db", url, "--format", "json")
        edges.append([json.loads(line) for line in out.splitlines()])
        assert len(edges[-1]) > 20
    assert edges[0] == edges[1]
