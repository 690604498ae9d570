"""Unreadable inputs are yielded as one-line InvalidInput errors that name the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from proxygraph.errors import InvalidInput
from proxygraph.ingest import iter_documents


def only_error(path: Path | str, **kwargs: object) -> InvalidInput:
    items = list(iter_documents([str(path)], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1
    [error] = items
    assert isinstance(error, InvalidInput)
    assert "\n" not in str(error)
    assert str(error).startswith(f"{path}: ")
    return error


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00def",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 10,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"\x01\x02\x03\x04\x05\x06\x07\x08\xc0\xc1\x0e\x0f" * 20,
    ],
)
def test_binary_content(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    assert only_error(path).reason == "not a text file (binary content)"


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 talks in Bamako".encode("latin-1"))
    reason = only_error(path).reason
    assert reason.startswith("cannot decode as UTF-8 (invalid byte 0xe9 at offset 3)")


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf  \n", "\ufeff \n".encode("utf-16-le")]
)
def test_empty_or_blank(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert only_error(path).reason == "empty"


def test_empty_jsonl_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    assert only_error(path).reason == "empty"


def test_oversize_file_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 101)
    assert "limit of 100 bytes" in only_error(path, max_bytes=100).reason
    [doc] = iter_documents([str(path)], max_bytes=101)
    assert not isinstance(doc, InvalidInput)


def test_oversize_stdin_names_the_limit() -> None:
    [error] = iter_documents(["-"], max_bytes=10, stdin=io.BytesIO(b"y" * 11))
    assert isinstance(error, InvalidInput)
    assert str(error) == "<stdin>: input is larger than the limit of 10 bytes"


def test_missing_path(tmp_path: Path) -> None:
    assert only_error(tmp_path / "nope.txt").reason == "no such file"


def test_binary_stdin_is_reported() -> None:
    [error] = iter_documents(["-"], stdin=io.BytesIO(b"\x00\x01binary"))
    assert str(error) == "<stdin>: not a text file (binary content)"


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions are not enforced
            pytest.skip("permissions not enforced for this user")
        assert only_error(path).reason == "permission denied"
    finally:
        path.chmod(0o644)
