"""The Ray engine (proxygraph[ray]) on local Ray gives the single-process records, and
`load --engine ray` the single-process store. One local Ray serves the whole module."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from proxygraph.cli import main
from proxygraph.store import Store

EXAMPLE_JSONL = Path(__file__).parent.parent / "examples" / "corpus" / "sahel-horn-wire.jsonl"

DOCS = [
    {"id": "d1", "source": "Wire", "date": "2024-03-05",
     "text": "Iran supplied weapons to the Houthis in Yemen, officials said on 5 March 2024."},
    {"id": 7, "outlet": {"name": "Gulf Monitor"}, "title": "Talks",
     "text": "The foreign ministers of Qatar and Turkey met in Doha on Monday."},
    {"text": "Rwanda denied backing the M23 rebels in eastern Congo, a spokesman said."},
    {"id": "d4", "url": "https://example.org/a",
     "text": "Russia's Wagner Group fought alongside the Malian army near Gao in 2023."},
]  # fmt: skip


def _ray_or_skip() -> None:
    try:
        import ray.data  # noqa: F401
    except ImportError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("ray is not installed in CI: `make setup` installs proxygraph[ray]")
        pytest.skip("ray is not installed (pip install 'proxygraph[ray]'); CI requires it")


def _by_id(lines: list[str]) -> dict[str, dict]:
    records = [json.loads(line) for line in lines if line.strip()]
    by_id = {r["doc_id"]: r for r in records}
    assert len(by_id) == len(records)
    return by_id


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """A small local Ray, which the engine uses as it finds it (and leaves to us to stop)."""
    _ray_or_skip()
    import ray

    ray.init(num_cpus=3, object_store_memory=100 * 1024 * 1024, include_dashboard=False,
             log_to_driver=False)  # fmt: skip
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three JSONL shards of 6 documents; a.jsonl also has a line that is not JSON."""
    shards = tmp_path_factory.mktemp("shards")
    (shards / "a.jsonl").write_text(
        "\n".join(json.dumps(d) for d in DOCS[:2]) + "\n\nnot json\n", encoding="utf-8"
    )
    (shards / "b.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS[2:]), encoding="utf-8")
    (shards / "c.jsonl").write_text(EXAMPLE_JSONL.read_text(encoding="utf-8"), encoding="utf-8")
    return shards


@pytest.fixture(scope="module")
def plain_edges(shards: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The edges of a plain (single-process) `load` of the shards."""
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    result = CliRunner().invoke(main, ["load", str(shards), "--db", str(db)])
    assert result.exit_code == 1, result.output  # the "not json" line
    assert "6 documents: 6 new" in result.stderr
    edges = _edges(db)
    assert edges
    return edges


def _edges(db: Path) -> list[dict]:
    with Store(str(db), create=False) as store:
        return [edge.to_dict() for edge in store.edges()]


@pytest.mark.slow
def test_ray_matches_single_process(local_ray: Any, shards: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    single = runner.invoke(main, ["extract", str(shards)])
    assert single.exit_code == 1  # the "not json" line
    expected = _by_id(single.stdout.splitlines())
    assert len(expected) == len(DOCS) + 2

    out = tmp_path / "out"
    result = runner.invoke(
        main, ["extract", str(shards), "--engine", "ray", "--workers", "2", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert "a.jsonl: invalid JSON" in result.stderr
    lines = [ln for f in sorted(out.glob("*.jsonl")) for ln in f.read_text("utf-8").splitlines()]
    got = _by_id(lines)
    assert got == expected
    assert any(r["claims"] for r in got.values())


@pytest.mark.slow
def test_ray_load_matches_plain_load_and_skips_stored(
    local_ray: Any,
    shards: Path,
    plain_edges: list[dict],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from proxygraph.cli import load_cmd

    texts = {d["text"] for d in DOCS} | {
        json.loads(line)["text"] for line in EXAMPLE_JSONL.read_text("utf-8").splitlines()
    }
    stored: list[dict] = []  # the records the driver is given to store
    real_store = load_cmd._store

    def spy(store: Store, records: Iterator[dict], *rest: Any) -> None:
        real_store(store, (stored.append(r) or r for r in records), *rest)

    monkeypatch.setattr(load_cmd, "_store", spy)
    db = tmp_path / "ray.db"
    missing = tmp_path / "missing.jsonl"
    args = ["load", str(shards), str(missing), "--engine", "ray", "--workers", "2", "--db", str(db)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 1, first.output
    errors = [ln for ln in first.stderr.splitlines() if "error:" in ln]
    assert len(errors) == 2, errors
    assert errors[0].endswith(f"{missing}: no such file")
    assert "a.jsonl: invalid JSON" in errors[1]
    assert "6 documents: 6 new, 0 updated, 0 skipped" in first.stderr
    assert "; 2 failed" in first.stderr
    assert {r["text"] for r in stored} == texts
    assert _edges(db) == plain_edges

    stored.clear()
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 1, again.output
    assert "6 documents: 0 new, 0 updated, 6 skipped" in again.stderr
    assert stored == []  # skipped on the actors, before extraction
    assert _edges(db) == plain_edges


@pytest.mark.slow
def test_ray_parquet_output_loads_like_plain_load(
    local_ray: Any, shards: Path, plain_edges: list[dict], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["extract", str(shards), "--engine", "ray", "--format", "parquet", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "a.jsonl: invalid JSON" in result.stderr
    assert list(out.glob("*.parquet"))

    db = tmp_path / "claims.db"
    loaded = CliRunner().invoke(main, ["load", "--claims", str(out), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "6 documents: 6 new" in loaded.stderr
    assert _edges(db) == plain_edges


def test_ray_missing_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    result = CliRunner().invoke(
        main, ["extract", str(EXAMPLE_JSONL), "--engine", "ray", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "pip install 'proxygraph[ray]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_ray_needs_an_output_directory() -> None:
    result = CliRunner().invoke(main, ["extract", str(EXAMPLE_JSONL), "--engine", "ray"])
    assert result.exit_code == 2
    assert "-o DIRECTORY" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["load", str(EXAMPLE_JSONL), "--engine", "ray", "--claims", str(EXAMPLE_JSONL)],
        ["load", "-", "--engine", "ray"],
        ["extract", str(EXAMPLE_JSONL), "--format", "parquet", "-o", "out"],
        ["extract", str(EXAMPLE_JSONL), "--engine", "ray", "--format", "table", "-o", "out"],
    ],
    ids=["load-claims", "load-stdin", "extract-parquet-local", "extract-ray-table"],
)
def test_ray_usage_errors(args: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, [*args, *(["--db", str(tmp_path / "s.db")] * (args[0] == "load"))]
    )
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "s.db").exists()


def test_ray_load_missing_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        main, ["load", str(EXAMPLE_JSONL), "--engine", "ray", "--db", str(db)]
    )
    assert result.exit_code == 1
    assert "pip install 'proxygraph[ray]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_load_claims_names_a_bad_parquet_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    record = json.loads((Path(__file__).parent / "fixtures" / "store" / "contested.jsonl")
                        .read_text(encoding="utf-8").splitlines()[0])  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    pq.write_table(pa.table({"record": [json.dumps(record), "{oops"]}), out / "good.parquet")
    (out / "broken.parquet").write_bytes(b"not parquet at all")
    pq.write_table(pa.table({"other": [1]}), tmp_path / "nocol.parquet")
    db = tmp_path / "s.db"
    args = ["load", "--claims", str(out), "--claims", str(tmp_path / "nocol.parquet")]
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 1, result.output
    errors = [ln for ln in result.stderr.splitlines() if "error:" in ln]
    assert len(errors) == 3, errors
    assert f"{out / 'broken.parquet'}: not a readable Parquet file" in errors[0]
    assert f"{out / 'good.parquet'}: row 2: record is not JSON" in errors[1]
    assert "nocol.parquet: not a readable Parquet file of records (no column 'record')" in errors[2]
    assert "1 documents: 1 new" in result.stderr and "; 3 failed" in result.stderr


def test_load_claims_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        main, ["load", "--claims", str(tmp_path / "x.parquet"), "--db", str(db)]
    )
    assert result.exit_code == 1
    assert "x.parquet: reading Parquet needs pyarrow" in result.output


def test_stored_hashes_are_the_store_content_hashes(tmp_path: Path) -> None:
    from proxygraph.scale.stored import is_stored, stored_hashes

    lines = (Path(__file__).parent / "fixtures" / "store" / "contested.jsonl").read_text("utf-8")
    record = {**json.loads(lines.splitlines()[0]), "text": "Some text."}
    with Store(str(tmp_path / "s.db")) as store:
        assert len(stored_hashes(store)) == 0
        store.load_record(record)
        store.load_record({**record, "doc_id": "other", "text": "Other text."})
        hashes = stored_hashes(store)
        assert hashes.dtype.name == "uint64" and list(hashes) == sorted(hashes)
        cases = [
            (record["source"], record["doc_id"], "Some text."),
            (record["source"], record["doc_id"], "Changed text."),
            (record["source"], "other", "Other text."),
            ("Elsewhere", "other", "Other text."),
        ]
        found = [is_stored(hashes, *case) for case in cases]
        assert found == [store.is_loaded(*case) for case in cases] == [True, False, True, False]


@pytest.mark.parametrize("command", [["extract", "-o", "out"], ["load", "--db", "s.db"]])
def test_ray_names_missing_inputs(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "missing.jsonl"  # nothing left to run: Ray is not started
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*command, str(missing), "--engine", "ray"])
    assert result.exit_code == 1, result.output
    assert f"proxygraph: error: {missing}: no such file" in result.stderr
