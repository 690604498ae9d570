"""Claim time: `past` for clearly historical statements, else a year the sentence gives."""

from __future__ import annotations

import re

from spacy.tokens import Span

YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def claim_time(sent: Span, past_phrases: list[tuple[str, ...]]) -> str | None:
    """`past` when a historical cue opens the statement, else the year of a DATE entity."""
    words = [t.lower_ for t in sent]
    for phrase in past_phrases:
        n = len(phrase)
        if any(tuple(words[k : k + n]) == phrase for k in range(len(words) - n + 1)):
            return "past"
    for ent in sent.ents:
        if ent.label_ != "DATE" or not _adverbial(ent):
            continue
        m = YEAR.search(ent.text)
        if m:
            return m.group(1)
    return None


def _adverbial(ent: Span) -> bool:
    """A date that places an event ("in 2012", "since 2018", "last year") rather than one
    that names a thing ("the 1994 genocide", "the 2020 coup")."""
    root = ent.root
    names_a_thing = root.dep_ in ("nummod", "compound", "amod", "poss")
    return not (names_a_thing and root.head.pos_ in ("NOUN", "PROPN"))
