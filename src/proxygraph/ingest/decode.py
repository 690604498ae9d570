"""Read input bytes within a size limit and decode them to text, or say why not."""

from __future__ import annotations

import codecs
import os
from typing import BinaryIO

from proxygraph.errors import InvalidInput

# File signatures of common binary formats people pass by mistake.
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # old MS Office
)
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# C0 control characters, which text files hardly ever hold (tab, newlines, form feed are fine).
_CONTROL = frozenset(chr(c) for c in range(32)) - frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01


def _limit_reason(max_bytes: int) -> str:
    return f"input is larger than the limit of {max_bytes:,} bytes"


def read_file(path: str, max_bytes: int) -> bytes:
    """Return the bytes of the file at `path`, refusing files over `max_bytes`."""
    try:
        if os.path.isfile(path) and os.path.getsize(path) > max_bytes:
            raise InvalidInput(path, _limit_reason(max_bytes))
        with open(path, "rb") as handle:
            return read_stream(handle, path, max_bytes)
    except FileNotFoundError:
        raise InvalidInput(path, "no such file") from None
    except IsADirectoryError:
        raise InvalidInput(path, "is a directory") from None
    except PermissionError:
        raise InvalidInput(path, "permission denied") from None
    except OSError as exc:
        raise InvalidInput(path, f"cannot read ({exc.strerror or exc})") from None


def read_stream(stream: BinaryIO, where: str, max_bytes: int) -> bytes:
    """Read all of `stream`, refusing more than `max_bytes`."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InvalidInput(where, _limit_reason(max_bytes))
    return data


def decode_text(data: bytes, where: str) -> str:
    """Decode UTF-8 (a BOM is dropped) or UTF-16 with a BOM; refuse binary or empty input.

    Raises InvalidInput with reason "empty", "not a text file (binary content)" or
    "cannot decode as UTF-8 (...)".
    """
    if not data.strip():
        raise InvalidInput(where, "empty")
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InvalidInput(where, f"cannot decode as UTF-16 ({exc.reason})") from None
            return _checked(text, where)
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        raise InvalidInput(where, "not a text file (binary content)")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_control(data.decode("latin-1")):
            raise InvalidInput(where, "not a text file (binary content)") from None
        byte = data[exc.start]
        raise InvalidInput(
            where,
            f"cannot decode as UTF-8 (invalid byte 0x{byte:02x} at offset {exc.start}); "
            "save it as UTF-8",
        ) from None
    return _checked(text, where)


def _checked(text: str, where: str) -> str:
    """Refuse decoded text that is blank or full of control characters."""
    if not text.strip():
        raise InvalidInput(where, "empty")
    if "\x00" in text or _mostly_control(text):
        raise InvalidInput(where, "not a text file (binary content)")
    return text


def _mostly_control(text: str) -> bool:
    """True when more than 1% of the first 64 KiB are control characters."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch in _CONTROL)
    return controls > _MAX_CONTROL_SHARE * len(sample)
