"""JSON and JSON Lines inputs: one Document per object, text kept exactly as given."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from proxygraph.errors import InvalidInput
from proxygraph.ids import content_id
from proxygraph.ingest.dates import normalise_date
from proxygraph.records import Document

_TOO_DEEP = "invalid JSON (nested too deeply to read)"


def jsonl_documents(text: str, where: str, name: str) -> Iterator[Document | InvalidInput]:
    """Yield a Document per non-blank line, or an InvalidInput naming FILE:LINE.

    Lines are split on "\\n" only, so U+2028 and friends inside strings are safe. `name`
    is the source of objects that have no "source" or "outlet".
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{where}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InvalidInput(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield InvalidInput(origin, _TOO_DEEP)
            continue
        yield _from_object(obj, origin, name)


def json_documents(text: str, where: str, name: str) -> Iterator[Document | InvalidInput]:
    """Yield the Documents of a JSON object or list of objects (item n is "FILE#n").

    A .json file that turns out to hold JSON Lines is read as JSON Lines.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from jsonl_documents(text, where, name)
            return
        reason = f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        yield InvalidInput(where, reason)
        return
    except RecursionError:
        yield InvalidInput(where, _TOO_DEEP)
        return
    if isinstance(value, dict):
        yield _from_object(value, where, name)
    elif isinstance(value, list):
        if not value:
            yield InvalidInput(where, "empty JSON list")
        for number, item in enumerate(value, start=1):
            yield _from_object(item, f"{where}#{number}", name)
    else:
        yield InvalidInput(where, f"expected a JSON object or list, got {_kind(value)}")


def _from_object(obj: Any, origin: str, name: str) -> Document | InvalidInput:
    """Turn one decoded object into a Document, or say what is wrong with it."""
    if not isinstance(obj, dict):
        return InvalidInput(origin, f"expected a JSON object, got {_kind(obj)}")
    text = obj.get("text")
    if text is None:
        return InvalidInput(origin, 'missing "text" field')
    if not isinstance(text, str):
        return InvalidInput(origin, f'"text" must be a string, got {_kind(text)}')
    if not text.strip():
        return InvalidInput(origin, '"text" is empty')
    doc_id = obj.get("id")
    if doc_id is None or doc_id == "":
        doc_id = content_id(text)
    elif isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
        return InvalidInput(origin, f'"id" must be a string or integer, got {_kind(doc_id)}')
    return Document(
        doc_id=str(doc_id),
        text=text,
        source=_source(obj) or name,
        date=normalise_date(obj.get("date")),
        url=_string(obj.get("url")),
        title=_string(obj.get("title")),
        origin=origin,
    )


def _source(obj: dict[str, Any]) -> str | None:
    """The "source" or "outlet" field; a {"name": ...} object is accepted too."""
    for key in ("source", "outlet"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if _string(value):
            return _string(value)
    return None


def _string(value: object) -> str | None:
    """A stripped non-empty string, else None (other types are ignored)."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def _kind(value: object) -> str:
    """The JSON name of a decoded value's type."""
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
