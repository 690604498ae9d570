"""Actor identity across documents: a KB id, else the normalised name and type."""

from __future__ import annotations

import re
import unicodedata

_ARTICLE = re.compile(r"^(the|al|el)\s+")
_NON_WORD = re.compile(r"[^\w]+")


def normalise_name(name: str) -> str:
    """A name folded for matching: no accents, case, punctuation or leading article.

    name (str): a surface form or canonical name ("the Rapid Support Forces").
    RETURNS (str): e.g. "rapid support forces".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _NON_WORD.sub(" ", text.replace("'s ", " ").replace("’s ", " ")).strip()
    return _ARTICLE.sub("", text).strip()


def actor_key(name: str, type_: str, actor_id: str | None) -> str:
    """The store key of an actor: "kb:ID" when linked, else "name:TYPE:normalised name"."""
    if actor_id:
        return f"kb:{actor_id}"
    return f"name:{type_}:{normalise_name(name)}"
