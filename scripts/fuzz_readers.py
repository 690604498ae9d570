"""Fuzz every input reader: bytes in, only Documents or one-line InvalidInput errors out.

    python scripts/fuzz_readers.py                      # hypothesis, 5,000 cases
    python scripts/fuzz_readers.py --cases 50000        # more
    python scripts/fuzz_readers.py --atheris -runs=200000   # coverage-guided (atheris)

Each case is one input (random bytes, HTML/JSON/feed fragments, text in several encodings)
written to a file of every supported suffix (and to stdin, sniffed). The invariants, shared
with tests/test_fuzz_readers.py, are in `check_input`: reading never raises, and every
item is a Document with non-blank text or an InvalidInput whose one-line message starts
with the input's name. atheris (`pip install atheris`, Linux/macOS wheels) is optional; the
script prints how many cases ran.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from proxygraph.errors import InvalidInput
from proxygraph.ingest import iter_documents
from proxygraph.records import Document

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom", ".dat")

# Pieces that make inputs interesting to the readers: markup, JSON syntax, escapes, BOMs,
# control and zero-width characters, other scripts, feed roots, an XML declaration.
FRAGMENTS = (
    "<", ">", "</", "<p>", "</p>", "<div>", "<html>", "<body>", "<!--", "-->", "<![CDATA[",
    "]]>", "<script>", "&", "&amp;", "&#0;", "&#xD800;", "&#x110000;", "{", "}", "[", "]",
    '"text"', ":", ",", '"', "\\", "\\u0000", "\\ud800", "\n", "\r", "\r\n", "\x00", "\ufeff",
    "\u2028", "<rss>", "<feed>", "<item>", "<entry>", "<description>",
    "<?xml version='1.0' encoding='latin-1'?>", "text", "Iran", " ", "\t", "\x1b", "é",
    "العربية", "中文", "Россия", "😀", "\u200b", "\u202e", "null", "1e999", "-0", "true",
)  # fmt: skip
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "latin-1", "utf-32")


def check_input(data: bytes, suffix: str, folder: Path) -> int:
    """Read `data` as a file named in*suffix* and as stdin; assert the invariants.

    Returns the number of items read from the file.
    """
    path = folder / f"in{suffix}"
    path.write_bytes(data)
    items = list(iter_documents([str(path)]))
    assert items, "an input gives at least one item"
    for item in items:
        _check_item(item, str(path))
    for item in iter_documents(["-"], stdin=io.BytesIO(data)):
        _check_item(item, "<stdin>")
    return len(items)


def _check_item(item: object, where: str) -> None:
    if isinstance(item, InvalidInput):
        message = str(item)
        assert "\n" not in message and "\r" not in message, repr(message)
        assert message.startswith(where), message
        assert item.reason.strip(), message
    else:
        assert isinstance(item, Document), item
        assert isinstance(item.text, str) and item.text.strip(), item
        assert item.doc_id and isinstance(item.doc_id, str), item
        assert (item.origin or "").startswith(where), item


def strategies():  # type: ignore[no-untyped-def]
    """(data, suffix) strategies for hypothesis."""
    from hypothesis import strategies as st

    markup = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    )
    encoded = st.tuples(st.text(max_size=200), st.sampled_from(ENCODINGS)).map(
        lambda pair: pair[0].encode(pair[1], "replace")
    )
    data = st.one_of(st.binary(max_size=400), markup, encoded)
    return data, st.sampled_from(SUFFIXES)


def run_hypothesis(cases: int) -> int:
    from hypothesis import HealthCheck, given, settings

    data, suffix = strategies()
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        @settings(
            max_examples=cases,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(data=data, suffix=suffix)
        def fuzz(data: bytes, suffix: str) -> None:
            nonlocal count
            count += 1
            check_input(data, suffix, folder)

        fuzz()
    return count


def run_atheris(argv: list[str]) -> None:
    import atheris

    folder = Path(tempfile.mkdtemp())

    def one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
        check_input(fdp.ConsumeBytes(fdp.remaining_bytes()), suffix, folder)

    import feedparser  # noqa: F401  (loaded on first use: load it now, so it is instrumented)
    import trafilatura  # noqa: F401

    atheris.instrument_all()  # coverage feedback from every loaded Python function
    atheris.Setup([sys.argv[0], *argv], one)
    atheris.Fuzz()  # prints its own counts ("#N DONE"); exits when -runs is reached


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cases", type=int, default=5000, help="hypothesis cases")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, by atheris")
    args, rest = parser.parse_known_args()
    if args.atheris:
        run_atheris(rest)
        return 0
    started = time.monotonic()
    count = run_hypothesis(args.cases)
    seconds = time.monotonic() - started
    sys.stderr.write(f"fuzz_readers: {count} cases passed in {seconds:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
