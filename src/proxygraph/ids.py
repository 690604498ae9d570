"""Stable identifiers derived from content."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


def content_id(text: str) -> str:
    """Return a stable id for `text`: the first 16 hex digits of its UTF-8 SHA-256.

    The same text always gets the same id, on every machine and Python version.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH]
