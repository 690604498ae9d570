"""The input layer reads every supported format into Documents."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxygraph.errors import InvalidInput
from proxygraph.ids import content_id
from proxygraph.ingest import iter_documents
from proxygraph.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXAMPLES = Path(__file__).parent.parent / "examples" / "corpus"


def read(*paths: str | Path, **kwargs: object) -> list[Document | InvalidInput]:
    return list(iter_documents([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def docs(*paths: str | Path, **kwargs: object) -> list[Document]:
    items = read(*paths, **kwargs)
    assert all(isinstance(item, Document) for item in items), items
    return items  # type: ignore[return-value]


def test_content_id_is_stable_short_hex() -> None:
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16
    assert int(content_id("abc"), 16) >= 0
    assert content_id("abc") == "ba7816bf8f01cfea"  # sha256("abc"), never changes


def test_txt_file_is_one_document() -> None:
    path = FIXTURES / "report.txt"
    [doc] = docs(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.doc_id == content_id(doc.text)
    assert doc.source == "report.txt"
    assert doc.origin == str(path)
    assert (doc.date, doc.url, doc.title) == (None, None, None)


def test_markdown_file_is_read_as_text() -> None:
    [doc] = docs(FIXTURES / "notes.md")
    assert doc.text.startswith("# Briefing\n")
    assert doc.source == "notes.md"


def test_crlf_and_cr_become_lf_in_text_files(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    [doc] = docs(path)
    assert doc.text == "one\ntwo\nthree\n"
    assert doc.doc_id == content_id("one\ntwo\nthree\n")


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 talks")
    [doc] = docs(path)
    assert doc.text == "Café talks"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes(tmp_path: Path, encoding: str) -> None:
    text = "Kigali denied backing M23 — “baseless”."
    data = text.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own BOM
        data = ("\ufeff" + text).encode(encoding)
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    [doc] = docs(path)
    assert doc.text == text


def test_html_main_text_and_metadata() -> None:
    [doc] = docs(FIXTURES / "page.html")
    assert "received armed drones from a neighbouring government" in doc.text
    assert "denied sending any weapons" in doc.text
    for boilerplate in ("SCRIPT-TEXT", "NAVIGATION-LINK", "FOOTER-COPYRIGHT"):
        assert boilerplate not in doc.text
    assert doc.title == "Militia gets drones, monitors say"
    assert doc.date == "2023-11-02"
    assert doc.source == "Example Times"
    assert doc.url == "https://example.org/news/militia-drones"
    assert doc.doc_id == content_id(doc.text)


def test_html_falls_back_to_lxml_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import proxygraph.ingest.html as html

    monkeypatch.setattr(html, "_trafilatura", lambda markup: {})
    path = tmp_path / "short.htm"
    path.write_text(
        "<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav>"
        "<p>Short   note about\n the <b>ceasefire</b>.</p><script>x()</script>"
        "<ul><li>one</li><li>two</li></ul></body></html>",
        encoding="utf-8",
    )
    [doc] = docs(path)
    assert doc.text == "Short note about the ceasefire.\none\ntwo"
    assert doc.title == "T"
    assert doc.source == "short.htm"


def test_short_html_page_without_trafilatura_text_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "tiny.html"
    path.write_text("<html><body><p>The army shelled the town.</p></body></html>")
    [doc] = docs(path)
    assert "The army shelled the town." in doc.text


def test_html_without_text_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body> </body></html>")
    [error] = read(path)
    assert isinstance(error, InvalidInput)
    assert str(error).startswith(f"{path}: ")
    assert "no text" in str(error)


def test_jsonl_reports_bad_lines_with_numbers_and_keeps_the_rest() -> None:
    path = FIXTURES / "docs.jsonl"
    items = read(path)
    good = [item for item in items if isinstance(item, Document)]
    bad = [str(item) for item in items if isinstance(item, InvalidInput)]
    assert [d.doc_id for d in good] == ["a1", content_id(good[1].text), "7"]
    first = good[0]
    assert (first.source, first.date, first.url, first.title) == (
        "Wire One",
        "2024-01-05",
        "https://wire.example/a1",
        "First",
    )
    assert first.origin == f"{path}:1"
    assert good[1].source == "Wire Two"
    assert good[1].date == "2024-03"
    assert good[1].text == "  Exact text\r\nwith CRLF and trailing spaces  "
    assert bad[0].startswith(f"{path}:2: invalid JSON (Expecting")
    assert bad[1] == f'{path}:4: missing "text" field'
    assert bad[2] == f'{path}:6: "text" must be a string, got number'
    assert len(items) == 6  # the blank line 5 is skipped


def test_jsonl_without_source_uses_file_name(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text('{"text": "Hello."}\n')
    [doc] = docs(path)
    assert doc.source == "plain.jsonl"
    assert doc.doc_id == content_id("Hello.")


def test_jsonl_rejects_odd_ids_and_non_objects(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": {"x": 1}, "text": "t"}\n[1, 2]\n{"id": "ok", "text": " "}\n')
    messages = [str(item) for item in read(path)]
    assert messages == [
        f'{path}:1: "id" must be a string or integer, got object',
        f"{path}:2: expected a JSON object, got list",
        f'{path}:3: "text" is empty',
    ]


def test_json_list_and_object() -> None:
    path = FIXTURES / "list.json"
    first, second, third = read(path)
    assert isinstance(first, Document) and isinstance(third, Document)
    assert (first.doc_id, first.source, first.date, first.origin) == (
        "j1",
        "Nested Source",
        "2023-06-05",
        f"{path}#1",
    )
    assert str(second) == f"{path}#2: expected a JSON object, got string"
    assert third.date is None
    assert third.doc_id == content_id("Third item, no id.")
    [single] = docs(FIXTURES / "single.json")
    assert (single.doc_id, single.source, single.text) == (
        "s1",
        "Solo Outlet",
        "A single object document.",
    )


def test_json_file_holding_json_lines_is_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"text": "one"}\n{"text": "two"}\n')
    assert [d.text for d in docs(path)] == ["one", "two"]


def test_malformed_json_file_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "a"\n]')
    [error] = read(path)
    assert str(error).startswith(f"{path}: invalid JSON (Expecting ',' delimiter at line 3")


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1).filter(lambda t: t.strip()))
def test_json_text_is_kept_exactly(text: str) -> None:
    for ensure_ascii in (True, False):
        line = json.dumps({"text": text}, ensure_ascii=ensure_ascii)
        [doc] = iter_documents(["-"], stdin=io.BytesIO(line.encode("utf-8", "surrogatepass")))
        assert isinstance(doc, Document)
        assert doc.text == text


def test_rss_feed_entries() -> None:
    path = FIXTURES / "feed.xml"
    first, second, third = read(path)
    assert isinstance(first, Document) and isinstance(third, Document)
    assert first.text == "Monitors said the militia received drones.\nThe state denied it."
    assert (first.doc_id, first.title, first.url, first.date, first.source, first.origin) == (
        "feed-1",
        "First & foremost",
        "https://feed.example/1",
        "2024-01-03",
        "Example Conflict Feed",
        f"{path}#1",
    )
    assert str(second) == f"{path}#2: feed entry has no text"
    assert third.text == "Plain summary text about a ceasefire."
    assert third.doc_id == content_id(third.text)
    assert third.date is None


def test_atom_feed_without_title_uses_file_name() -> None:
    [doc] = docs(FIXTURES / "atom.atom")
    assert doc.text == "The army accused the rebels of attacking the convoy."
    assert (doc.doc_id, doc.url, doc.date, doc.source) == (
        "urn:example:atom:1",
        "https://atom.example/1",
        "2024-02-01",
        "atom.atom",
    )


def test_xml_that_is_not_a_feed_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>Title</book></catalog>')
    [error] = read(path)
    assert isinstance(error, InvalidInput)
    assert str(error).startswith(f"{path}: not")
    assert "feed" in str(error)


def test_feed_with_no_entries_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    [error] = read(path)
    assert str(error) == f"{path}: feed has no entries"


def test_directory_is_recursive_sorted_and_skips_hidden_and_unsupported() -> None:
    tree = FIXTURES / "tree"
    names = [Path(d.origin).relative_to(tree).as_posix() for d in docs(tree)]
    assert names == ["a.txt", "b/a.md", "b/c.txt", "c/d.txt", "c.txt"]


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"x")
    [error] = read(tmp_path)
    assert isinstance(error, InvalidInput)
    assert str(error).startswith(f"{tmp_path}: no supported files")


def test_inputs_keep_their_order_and_errors_do_not_stop_reading(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    items = read(FIXTURES / "single.json", missing, FIXTURES / "report.txt")
    assert isinstance(items[0], Document) and items[0].doc_id == "s1"
    assert str(items[1]) == f"{missing}: no such file"
    assert isinstance(items[2], Document) and items[2].source == "report.txt"


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text('{"id": "x", "text": "sniffed as JSON Lines"}\n')
    [doc] = docs(path)
    assert doc.doc_id == "x"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'  {"id": "s", "text": "from stdin"}\n{"text": "second"}', ["from stdin", "second"]),
        (b'[{"text": "a list"}]', ["a list"]),
        (b"<!DOCTYPE html><html><body><p>Page text here.</p></body></html>", ["Page text here."]),
        (b"<html><body><p>Page text here.</p></body></html>", ["Page text here."]),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>'
            b"<item><description>Feed text.</description></item></channel></rss>",
            ["Feed text."],
        ),
        (b"Plain words\r\non stdin.", ["Plain words\non stdin."]),
    ],
)
def test_stdin_is_sniffed(data: bytes, expected: list[str]) -> None:
    found = docs("-", stdin=io.BytesIO(data))
    assert [d.text.strip() for d in found] == expected
    assert all(d.origin.startswith("<stdin>") for d in found)


def test_stdin_text_source_is_stdin() -> None:
    [doc] = docs("-", stdin=io.BytesIO(b"Some text."))
    assert (doc.source, doc.origin) == ("stdin", "<stdin>")


def test_example_corpus_reads_cleanly() -> None:
    found = docs(EXAMPLES)
    assert len(found) == 7
    assert len({d.doc_id for d in found}) == 7
    for doc in found:
        assert 100 <= len(doc.text.split()) <= 260, doc.origin
    suffixes = {Path(d.origin.split("#")[0].rsplit(":", 1)[0]).suffix for d in found}
    assert suffixes == {".txt", ".html", ".jsonl", ".xml"}


def test_stdin_json_without_source_is_stdin() -> None:
    [doc] = docs("-", stdin=io.BytesIO(b'{"text": "x y"}'))
    assert (doc.source, doc.origin) == ("stdin", "<stdin>")


def test_jsonl_with_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b'{"text": "one"}\r\n{"text": "two\\r\\n"}\r\n')
    assert [d.text for d in docs(path)] == ["one", "two\r\n"]


def test_non_english_documents_are_still_yielded(tmp_path: Path) -> None:
    path = tmp_path / "arabic.txt"
    path.write_text("قالت مصادر أمنية إن الاستخبارات وفرت ملاذا آمنا لقادة التنظيم.", "utf-8")
    [doc] = docs(path)
    assert doc.text.startswith("قالت")


def test_a_single_path_string_is_one_input() -> None:
    [doc] = iter_documents(str(FIXTURES / "report.txt"))  # type: ignore[arg-type]
    assert isinstance(doc, Document)


def test_stdin_pretty_printed_object() -> None:
    data = b'{\n  "id": "p1",\n  "text": "Pretty\\nprinted."\n}\n'
    [doc] = docs("-", stdin=io.BytesIO(data))
    assert (doc.doc_id, doc.text, doc.origin) == ("p1", "Pretty\nprinted.", "<stdin>")
