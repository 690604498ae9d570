"""Property-based and hostile-input tests of every reader (issue 8).

The invariants (reading never raises; every item is a Document with text or a one-line
InvalidInput naming the input) live in scripts/fuzz_readers.py, which runs them for long;
here they run on a modest number of cases so the suite stays fast. Cases that ran are
counted in docs/robustness.md.
"""

from __future__ import annotations

import codecs
import importlib.util
import io
import json
import os
import time
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proxygraph.errors import InvalidInput
from proxygraph.ingest import iter_documents
from proxygraph.records import Document

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz_readers.py"
FUZZ_CASES = int(os.environ.get("PROXYGRAPH_FUZZ_CASES", "20000"))


def _fuzz_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_readers", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz_script()
DATA, SUFFIX = FUZZ.strategies()


def read(path: Path, **kwargs: object) -> list[Document | InvalidInput]:
    return list(iter_documents([str(path)], **kwargs))  # type: ignore[arg-type]


# --- generated inputs -------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=DATA, suffix=SUFFIX)
def test_any_bytes_in_any_format_give_documents_or_one_line_errors(
    data: bytes, suffix: str, tmp_path: Path
) -> None:
    FUZZ.check_input(data, suffix, tmp_path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=300), suffix=st.sampled_from([".txt", ".md"]))
def test_any_unicode_text_file_is_kept_or_refused_whole(
    text: str, suffix: str, tmp_path: Path
) -> None:
    """UTF-8 text (any script, controls, zero-width, RTL marks) is read back exactly as
    written (line ends normalised) or refused in one line; never garbled."""
    path = tmp_path / f"t{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    [item] = read(path)
    if isinstance(item, Document):
        expected = text.replace("\r\n", "\n").replace("\r", "\n")
        assert item.text == expected.removeprefix("\ufeff")
    else:
        assert item.reason in {
            "empty",
            "not a text file (binary content)",
        } or item.reason.startswith("cannot decode as UTF-8"), item


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(
        st.one_of(
            st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=40).map(
                lambda t: json.dumps({"text": t}, ensure_ascii=False)
            ),
            st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=40),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_jsonl_broken_lines_are_reported_by_number_and_the_rest_read(
    lines: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    items = read(path)
    numbers = []
    for item in items:
        where = item.where if isinstance(item, InvalidInput) else item.origin
        if where == str(path):  # the whole file was refused (empty, binary, undecodable)
            assert len(items) == 1
            return
        numbers.append(int(where.rsplit(":", 1)[1]))
    # one item per non-blank line, in order: each line is a document or its own error
    assert numbers == [n for n, line in enumerate(lines, 1) if line.strip()]


# --- named hostile inputs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Iran \xff\xfe backed \xc3( the Houthis", "cannot decode as UTF-8 (invalid byte 0xff"),
        (b"\xed\xa0\x80 lone surrogate", "cannot decode as UTF-8"),
        (b"Iran backed\x00 the Houthis", "not a text file (binary content)"),
        (b"\x00" * 100, "not a text file (binary content)"),
        (b"", "empty"),
        (b"\n\n \t", "empty"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "cannot decode as UTF-16"),  # lone surrogate
    ],
)
def test_named_bad_bytes(data: bytes, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [error] = read(path)
    assert isinstance(error, InvalidInput)
    assert reason in error.reason, error


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_with_bom_in_every_format(encoding: str, tmp_path: Path) -> None:
    text = "Iran backed the Houthis, officials said."
    bodies = {
        ".txt": text,
        ".jsonl": json.dumps({"text": text}),
        ".html": f"<html><body><p>{text}</p></body></html>",
        ".rss": f"<rss version='2.0'><channel><item><description>{text}</description>"
        "</item></channel></rss>",
    }
    for suffix, body in bodies.items():
        path = tmp_path / f"u16{suffix}"
        bom = (
            b""
            if encoding == "utf-16"
            else codecs.BOM_UTF16_BE
            if "be" in encoding
            else codecs.BOM_UTF16_LE
        )
        path.write_bytes(bom + body.encode(encoding))
        [doc] = read(path)
        assert isinstance(doc, Document), (suffix, doc)
        assert text in doc.text


def test_50_mb_single_line_is_refused_quickly_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: the size check must not read it
    started = time.monotonic()
    [error] = read(path)
    assert isinstance(error, InvalidInput)
    assert error.reason == "input is larger than the limit of 20,000,000 bytes"
    assert time.monotonic() - started < 5  # generous: it is a stat() call


def test_50_mb_single_line_on_stdin_reads_only_up_to_the_limit() -> None:
    class Endless(io.RawIOBase):
        """A stream that would give 50 MB; counts what is read from it."""

        taken = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            n = min(len(buffer), 50_000_000 - self.taken)
            buffer[:n] = b"x" * n
            self.taken += n
            return n

    stream = Endless()
    [error] = iter_documents(["-"], max_bytes=1_000_000, stdin=io.BufferedReader(stream))
    assert str(error) == "<stdin>: input is larger than the limit of 1,000,000 bytes"
    assert stream.taken <= 1_000_001 + io.DEFAULT_BUFFER_SIZE


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (
            "deep.jsonl",
            b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
            "nested too deeply",
        ),
        ("deep.dat", b"[" * 100_000, "invalid JSON"),  # sniffed as JSON from stdin-like input
        (
            "surrogate.xml",
            b"<rss><channel><item><title>&#xD800;</title></item></channel></rss>",
            "feed",
        ),
        ("surrogate2.xml", b"<>&#xD800;", "feed"),
    ],
)
def test_deeply_nested_or_broken_structures_are_one_error(
    name: str, body: bytes, expected: str, tmp_path: Path
) -> None:
    """Found by fuzzing: RecursionError from json, UnicodeEncodeError from feedparser."""
    path = tmp_path / name
    path.write_bytes(body)
    items = read(path)
    assert all(isinstance(i, InvalidInput) for i in items), items
    assert expected in str(items[0]), items


@pytest.mark.parametrize(
    "markup",
    [
        b"<html><body>" + b"<div>" * 50_000 + b"Iran backed the Houthis." + b"</div>" * 50_000,
        b"<html><body>" + b"<b><i>" * 20_000 + b"Iran backed the Houthis.",
        b"<html><body><p " + b'a="1" ' * 100_000,
        b"<html><body><!-- Iran backed the Houthis.",
        b"<html>" + b"<" * 500_000,
        b"<html><body><p>Iran <script>backed</p></div></span></table> the Houthis.",
    ],
)
def test_deeply_nested_or_broken_html_gives_a_document_or_one_error(
    markup: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(markup)
    FUZZ.check_input(markup, ".html", tmp_path)
    [item] = read(path)
    if isinstance(item, InvalidInput):
        assert item.reason == "no text found in the HTML page"


def test_jsonl_with_broken_lines_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "Iran backed the Houthis."}\n'
        b'{"text": "unterminated\n'
        b"\xff\xfe not utf-8 at all\n"
        b'{"text": "\\ud800 lone escape is valid JSON"}\n'
        b"[1, 2]\n"
        b'{"text": "Russia backed Wagner."}\n'
    )
    items = read(path)
    # the undecodable line makes the whole file undecodable: it is refused in one line
    assert len(items) == 1 and "cannot decode as UTF-8" in str(items[0])
    path.write_bytes(path.read_bytes().replace(b"\xff\xfe not utf-8 at all", b"{oops"))
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "Document", "InvalidInput", "InvalidInput", "Document", "InvalidInput", "Document",
    ]  # fmt: skip
    assert [str(i).split(": ")[0] for i in items if isinstance(i, InvalidInput)] == [
        f"{path}:2", f"{path}:3", f"{path}:5",
    ]  # fmt: skip


@pytest.mark.fuzz
def test_long_fuzz_run_of_the_readers(tmp_path: Path) -> None:
    """`pytest -m fuzz`: PROXYGRAPH_FUZZ_CASES cases (default 20,000) of the reader fuzz."""
    count = FUZZ.run_hypothesis(FUZZ_CASES)
    print(f"\nfuzz_readers: {count} cases passed")
    assert count >= FUZZ_CASES * 0.9
