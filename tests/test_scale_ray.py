"""The Ray engine (proxygraph[ray]) on local Ray gives the single-process records."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from proxygraph.cli import main

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


@pytest.mark.slow
def test_ray_matches_single_process(tmp_path: Path) -> None:
    _ray_or_skip()
    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "a.jsonl").write_text(
        "\n".join(json.dumps(d) for d in DOCS[:2]) + "\n\nnot json\n", encoding="utf-8"
    )
    (shards / "b.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS[2:]), encoding="utf-8")
    (shards / "c.jsonl").write_text(EXAMPLE_JSONL.read_text(encoding="utf-8"), encoding="utf-8")

    runner = CliRunner()
    single = runner.invoke(main, ["extract", str(shards)])
    assert single.exit_code == 1  # the "not json" line
    expected = _by_id(single.stdout.splitlines())
    assert len(expected) == len(DOCS) + 2

    import ray

    # a small local Ray, which the engine uses as it finds it (and leaves to us to stop)
    ray.init(num_cpus=3, object_store_memory=100 * 1024 * 1024, include_dashboard=False,
             log_to_driver=False)  # fmt: skip
    out = tmp_path / "out"
    try:
        result = runner.invoke(
            main, ["extract", str(shards), "--engine", "ray", "--workers", "2", "-o", str(out)]
        )
    finally:
        ray.shutdown()
    assert result.exit_code == 1, result.output
    assert "a.jsonl: invalid JSON" in result.stderr
    lines = [ln for f in sorted(out.glob("*.jsonl")) for ln in f.read_text("utf-8").splitlines()]
    got = _by_id(lines)
    assert got == expected
    assert any(r["claims"] for r in got.values())


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
