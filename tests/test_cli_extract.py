"""`proxygraph extract` as a user runs it: the proxygraph.doc/1 contract, formats, inputs,
errors, --workers, --kb and --disable-rule. Fixtures: tests/fixtures/cli/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from proxygraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
DOCS = FIXTURES / "docs"
BAD = FIXTURES / "bad"
USER_KB = FIXTURES / "kb_user"
DOC_NAMES = ("01-kivu.txt", "02-gulf.md", "wire-1", "wire-2")  # sources / ids, in input order

# The proxygraph.doc/1 contract (docs/claims-format.md): these keys, never renamed or dropped.
RECORD_KEYS = {"format", "doc_id", "source", "date", "mentions", "claims"}
MENTION_KEYS = {"start", "end", "text", "type", "actor", "actor_id"}
CLAIM_KEYS = {
    "source", "relation", "target", "support_type", "kind", "role", "polarity", "modality",
    "claimant", "time", "evidence", "confidence", "rule",
}  # fmt: skip
END_KEYS = {"name", "type", "actor_id", "mention", "start", "end"}
# Fields added on top of the contract today; a new one should be documented, then listed here.
RECORD_EXTRAS = {"url", "title", "text"}
MENTION_EXTRAS = {"rule", "part_of", "geo"}
ACTOR_TYPES = {
    "STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG", "PERSON",
    "LOCATION",
}  # fmt: skip


def extract(*args: str, input: bytes | str | None = None) -> Result:
    """Run `proxygraph extract ARGS` in-process (the pipeline stays cached between runs)."""
    return CliRunner().invoke(main, ["extract", *args], input=input)


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def docs_run() -> Result:
    """One run over the fixture directory with --emit-text, shared by several tests."""
    res = extract(str(DOCS), "--emit-text")
    assert res.exit_code == 0, res.output
    return res


@pytest.fixture(scope="module")
def docs_records(docs_run: Result) -> list[dict[str, Any]]:
    return records(docs_run.stdout)


# --- the output contract --------------------------------------------------------------


def test_directory_gives_one_record_per_document_in_order(docs_run: Result, docs_records):
    assert docs_run.stderr == ""
    assert [
        r["doc_id"] if r["doc_id"].startswith("wire") else r["source"] for r in docs_records
    ] == list(DOC_NAMES)
    wire = docs_records[2]
    assert (wire["source"], wire["date"]) == ("Example Wire", "2024-03-05")
    assert docs_records[0]["date"] is None


def test_jsonl_keys_match_the_contract(docs_records):
    claims = 0
    for rec in docs_records:
        assert set(rec) - RECORD_EXTRAS == RECORD_KEYS
        assert rec["format"] == "proxygraph.doc/1"
        assert isinstance(rec["doc_id"], str) and rec["doc_id"]
        assert rec["mentions"], rec["doc_id"]
        for m in rec["mentions"]:
            assert set(m) - MENTION_EXTRAS == MENTION_KEYS
            assert isinstance(m["start"], int) and isinstance(m["end"], int)
            assert m["type"] in ACTOR_TYPES
            assert m["actor_id"] is None or m["actor"], m
        for c in rec["claims"]:
            claims += 1
            assert set(c) == CLAIM_KEYS, set(c) ^ CLAIM_KEYS
            assert set(c["source"]) == END_KEYS and set(c["target"]) == END_KEYS
            assert set(c["claimant"]) == {"name", "mention"}
            assert set(c["evidence"]) == {"start", "end", "text"}
            assert c["polarity"] in {"affirmed", "denied"}
            assert c["support_type"] is None or isinstance(c["support_type"], list)
            assert 0.0 <= c["confidence"] <= 1.0
            assert isinstance(c["rule"], str) and c["rule"]
    assert claims >= 5


def test_offsets_index_the_emitted_text(docs_records):
    for rec in docs_records:
        text = rec["text"]
        for m in rec["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], m
        for c in rec["claims"]:
            ev = c["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]
            for end in (c["source"], c["target"]):
                if end["start"] is not None:
                    assert text[end["start"] : end["end"]] == end["mention"], end


def test_text_is_only_emitted_on_request():
    rec = records(extract(str(DOCS / "03-wire.jsonl")).stdout)[0]
    assert "text" not in rec


def test_emit_text_with_repeated_documents(tmp_path: Path):
    """Two inputs with the same text (so the same doc_id) both get their text."""
    body = (DOCS / "01-kivu.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body, encoding="utf-8")
    res = extract(str(tmp_path), "--emit-text")
    assert res.exit_code == 0, res.output
    a, b = records(res.stdout)
    assert a["doc_id"] == b["doc_id"]
    assert a["text"] == b["text"] == body


def test_known_claims_are_read(docs_records):
    """The fixtures hold a few unambiguous claims; a regression here is user-visible."""
    got = {
        (c["source"]["actor_id"], c["relation"], c["target"]["actor_id"], c["polarity"])
        for rec in docs_records
        for c in rec["claims"]
    }
    assert ("ir", "SUPPORTS", "ansar-allah", "affirmed") in got
    assert ("taliban", "SUPPORTS", "ttp", "affirmed") in got
    assert ("rw", "OPPOSES", "bi", "affirmed") in got
    assert ("bi", "SUPPORTS", "fdlr", "denied") in got  # "Burundi denied the accusation."


# --- formats, inputs, outputs ---------------------------------------------------------


def test_table_format(docs_records):
    res = extract(str(DOCS / "03-wire.jsonl"), "--format", "table")
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert out.startswith("== wire-1  Example Wire  2024-03-05\n")
    assert "== wire-2  Example Wire  2024-03-06" in out
    assert "Tehrik-i-Taliban Pakistan  <- TTP" in out
    assert "Taliban -[SUPPORTS]-> Tehrik-i-Taliban Pakistan" in out
    n_claims = len(docs_records[2]["claims"])
    assert f"claims ({n_claims}):" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


def test_stdin_dash():
    text = (DOCS / "01-kivu.txt").read_bytes()
    res = extract("-", input=text)
    assert res.exit_code == 0, res.output
    (rec,) = records(res.stdout)
    assert rec["source"] == "stdin"
    assert {"Rwanda", "Burundi"} <= {m["actor"] for m in rec["mentions"]}


def test_stdin_jsonl_is_sniffed():
    res = extract("-", input=(DOCS / "03-wire.jsonl").read_bytes())
    assert res.exit_code == 0, res.output
    assert [r["doc_id"] for r in records(res.stdout)] == ["wire-1", "wire-2"]


def test_output_file(tmp_path: Path):
    out = tmp_path / "claims.jsonl"
    res = extract(str(DOCS / "03-wire.jsonl"), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    again = extract(str(DOCS / "03-wire.jsonl")).stdout
    assert out.read_text(encoding="utf-8") == again
    assert [r["doc_id"] for r in records(again)] == ["wire-1", "wire-2"]


# --- bad inputs: one stderr line each, the rest still processed, exit status 1 ----------


def _bad_inputs(tmp: Path) -> dict[str, tuple[str, str]]:
    """name -> (path argument, what its stderr line must contain besides the path)."""
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp / "latin1.txt").write_bytes(b"Caf\xe9 owners in Goma said M23 rebels took the town.\n")
    return {
        "binary": (str(tmp / "image.txt"), "binary"),
        "empty": (str(BAD / "empty.txt"), "empty"),
        "undecodable": (str(tmp / "latin1.txt"), "UTF-8"),
        "malformed-jsonl-line": (str(BAD / "mixed.jsonl"), "invalid JSON"),
        "missing": (str(tmp / "no-such-file.txt"), "no such file"),
        "non-english": (str(BAD / "french.txt"), "French"),
    }


@pytest.mark.parametrize(
    "case",
    ["binary", "empty", "undecodable", "malformed-jsonl-line", "missing", "non-english"],
)
def test_bad_input_is_one_line_and_the_rest_goes_on(case: str, tmp_path: Path):
    path, reason = _bad_inputs(tmp_path)[case]
    good = str(DOCS / "03-wire.jsonl")
    res = extract(path, good)
    assert res.exit_code == 1, res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1, lines
    where = f"{path}:2" if case == "malformed-jsonl-line" else path
    assert lines[0].startswith(f"proxygraph: error: {where}: "), lines[0]
    assert reason in lines[0]
    assert "Traceback" not in res.output
    ids = [r["doc_id"] for r in records(res.stdout)]
    expected = ["ok-1", "ok-2"] if case == "malformed-jsonl-line" else []
    assert ids == [*expected, "wire-1", "wire-2"]


def test_all_bad_inputs_together(tmp_path: Path):
    bad = _bad_inputs(tmp_path)
    paths = [p for p, _ in bad.values()]
    res = extract(paths[0], paths[1], str(DOCS / "01-kivu.txt"), *paths[2:])
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert len(lines) == len(bad)
    for line, path in zip(lines, paths, strict=True):
        assert path in line
    assert [r["source"] for r in records(res.stdout)] == [
        "01-kivu.txt",
        "Example Wire",
        "Example Wire",
    ]


def test_directory_with_bad_files_names_each(tmp_path: Path):
    res = extract(str(BAD))
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert [ln.split(": ")[2] for ln in lines] == [
        str(BAD / "empty.txt"), str(BAD / "french.txt"), str(BAD / "mixed.jsonl") + ":2",
    ]  # fmt: skip
    assert [r["doc_id"] for r in records(res.stdout)] == ["ok-1", "ok-2"]


def test_directory_without_supported_files(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    res = extract(str(tmp_path))
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and str(tmp_path) in res.stderr
    assert res.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--format", "csv", str(DOCS)],
        ["--workers", "0", str(DOCS)],
        ["--kb", "/no/such/kb/folder", str(DOCS)],
        ["--no-such-option", str(DOCS)],
    ],
)
def test_usage_errors_exit_2(args: list[str]):
    res = extract(*args)
    assert res.exit_code == 2, res.output
    assert "Usage:" in res.stderr
    assert res.stdout == ""


def test_bad_model_is_one_clean_error():
    res = extract("--model", "no-such-spacy-model", str(DOCS / "01-kivu.txt"))
    assert res.exit_code == 1
    assert res.stderr.startswith("Error: no English spaCy pipeline found")
    assert "Traceback" not in res.output


@pytest.mark.parametrize("folder", ["kb_bad_type", "kb_bad_lexicon"])
def test_bad_kb_with_workers_fails_before_starting_them(folder: str):
    """A broken --kb is reported once (a worker failing as it starts would hang the pool)."""
    res = extract("--workers", "2", "--kb", str(FIXTURES / folder), str(DOCS))
    assert res.exit_code == 1
    (line,) = res.stderr.splitlines()
    assert line.startswith("Error: ") and ("kb_bad_type" in line or "names.yaml: titles" in line)
    assert res.stdout == ""


# --- workers, --kb, --disable-rule ----------------------------------------------------


def test_workers_output_is_identical():
    """Two worker processes give the same bytes as one, and get --disable-rule too."""
    args = (str(DOCS), "--emit-text", "--disable-rule", "opposes-verb")
    one = extract(*args)
    two = extract(*args, "--workers", "2")
    assert two.exit_code == 0, two.output
    assert two.stdout == one.stdout
    recs = records(two.stdout)
    assert [r["text"] is not None for r in recs] == [True] * len(DOC_NAMES)
    assert not [c for r in recs for c in r["claims"] if c["rule"].startswith("opposes-verb")]


def test_user_kb_adds_a_linked_actor():
    wire = str(DOCS / "03-wire.jsonl")
    before = records(extract(wire).stdout)[1]
    assert "lotus-brigade" not in {m["actor_id"] for m in before["mentions"]}
    res = extract(wire, "--kb", str(USER_KB))
    assert res.exit_code == 0, res.output
    after = records(res.stdout)[1]
    hits = [m for m in after["mentions"] if m["actor_id"] == "lotus-brigade"]
    assert [(m["text"], m["actor"], m["type"]) for m in hits] == [
        ("Lotus Brigade", "Brigade of the Lotus", "ARMED_GROUP")
    ]


def test_disable_rule_switches_rules_off(docs_records):
    def rules(recs: list[dict[str, Any]]) -> set[str]:
        return {c["rule"].split("|")[0] for r in recs for c in r["claims"]}

    before = rules(docs_records)
    assert {"opposes-verb", "denial-of-previous"} <= before
    res = extract(
        str(DOCS), "--disable-rule", "opposes-verb", "--disable-rule", "denial-of-previous|"
    )
    assert res.exit_code == 0, res.output
    after = rules(records(res.stdout))
    assert after == before - {"opposes-verb", "denial-of-previous"}


def test_help_documents_disable_rule():
    res = CliRunner().invoke(main, ["extract", "--help"])
    assert res.exit_code == 0
    assert "--disable-rule RULE" in res.stdout
    assert "--disable-rule opposes-verb" in res.stdout


# --- the real program -----------------------------------------------------------------


def test_python_dash_m_smoke(tmp_path: Path):
    """`python -m proxygraph extract` in a fresh process: exit status, stdout, stderr."""
    missing = tmp_path / "gone.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "proxygraph", "extract", str(missing), "-",
         "--format", "jsonl"],
        input=(DOCS / "03-wire.jsonl").read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.decode().splitlines() == [f"proxygraph: error: {missing}: no such file"]
    recs = records(proc.stdout.decode("utf-8"))
    assert [r["doc_id"] for r in recs] == ["wire-1", "wire-2"]
    assert all(r["format"] == "proxygraph.doc/1" for r in recs)


def test_readme_example_command_runs_clean():
    """README: `proxygraph extract examples/corpus --format table` works on a fresh clone."""
    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    res = extract(str(corpus), "--format", "table")
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    blocks = [line for line in res.stdout.splitlines() if line.startswith("== ")]
    assert len(blocks) >= len(list(corpus.iterdir()))
    assert "-[SUPPORTS]->" in res.stdout
