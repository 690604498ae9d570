"""Capitalised names that neither the KB nor NER found, typed from their context."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon
from proxygraph.nlp.typing_rules import type_from_words

PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _is_name_token(tok: Token) -> bool:
    return tok.tag_ in PROPER_TAGS and (tok.is_title or tok.is_upper) and tok.is_alpha


def _runs(doc: Doc, taken: list[Found]) -> list[tuple[int, int]]:
    covered = set()
    for f in taken:
        covered.update(range(f.start, f.end))
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if i in covered or not _is_name_token(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and _is_name_token(doc[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def place_suffix_end(doc: Doc, end: int, lex: Lexicon) -> int | None:
    """End of "Kunar province" when a lower-case place noun follows a name."""
    if end < len(doc) and doc[end].is_lower and doc[end].lower_ in lex.place_nouns:
        return end + 1
    return None


def _appositive_place(doc: Doc, end: int, lex: Lexicon) -> bool:
    """ "Miskeeni Salarzo, a village in ..." names a place."""
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the"):
        return doc[end + 2].lower_ in lex.place_nouns
    return False


def _titled(doc: Doc, start: int, lex: Lexicon) -> bool:
    """A title within the four tokens before the name ("governor for Kunar province X")."""
    return any(doc[k].lower_ in lex.titles for k in range(max(0, start - 5), start))


def _person_context(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    head = doc[end - 1]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lower_ in lex.person_verbs:
        return True
    nxt = doc[end : end + 3]
    return len(nxt) >= 2 and nxt[0].text == "," and nxt[1].lower_ in lex.titles


def type_run(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[str, int, str] | None:
    """(type, end, rule) for a capitalised run, or None when the context says nothing."""
    text = doc[start:end].text
    if end - start == 1 and doc[start].lower_ in lex.never_names:
        return None
    suffix_end = place_suffix_end(doc, end, lex)
    if suffix_end is not None:
        return "LOCATION", suffix_end, "name-place-suffix"
    if _appositive_place(doc, end, lex):
        return "LOCATION", end, "name-place-apposition"
    if end - start >= 2 and doc[end - 1].is_title and doc[end - 1].lower_ in lex.place_heads:
        return "LOCATION", end, "name-place-head"
    typ = type_from_words(text, lex)
    if typ is not None and end - start >= 2:
        return typ, end, "name-descriptor"
    if _titled(doc, start, lex) or _person_context(doc, start, end, lex):
        return "PERSON", end, "name-person-context"
    return None


def find_proper_names(
    doc: Doc, taken: list[Found], lex: Lexicon, is_place: Callable[[str], bool] | None = None
) -> list[Found]:
    """New mentions for uncovered capitalised runs that the context or the gazetteer types."""
    out: list[Found] = []
    for start, end in _runs(doc, taken):
        opener = start == doc[start].sent.start and end - start == 1
        typed = None if opener else type_run(doc, start, end, lex)
        if (
            typed is None
            and is_place is not None
            and _gazetteer_candidate(doc, start, end, lex)
            and is_place(doc[start:end].text)
        ):
            typed = ("LOCATION", end, "name-gazetteer")
        if typed is None:
            continue
        typ, stop, rule = typed
        name = doc[start:end].text  # stop may include a place noun, the name does not
        out.append(Found(start, stop, typ, None, name, rule))
    return out


def _gazetteer_candidate(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A run the gazetteer may type: no common word, title or person context around it."""
    if end - start == 1 and (len(doc[start]) < 3 or doc[start].lower_ in lex.never_names):
        return False
    if _titled(doc, start, lex) or _person_context(doc, start, end, lex):
        return False
    return not (end < len(doc) and doc[end].tag_ in PROPER_TAGS)


def propagate_names(doc: Doc, taken: list[Found]) -> list[Found]:
    """Every later use of an unlinked name found once gets the same type and actor."""
    seen: dict[str, Found] = {}
    for f in taken:
        if f.actor_id is None and f.rule not in ("anaphora", "pronoun"):
            seen.setdefault(doc[f.start : f.end].text, f)
    if not seen:
        return taken
    covered = set()
    for f in taken:
        covered.update(range(f.start, f.end))
    out = list(taken)
    at: dict[str, list[int]] = {}  # token text -> its positions, in order
    for tok in doc:
        at.setdefault(tok.text, []).append(tok.i)
    for text, ref in seen.items():
        size = ref.end - ref.start
        for i in at.get(doc[ref.start].text, ()):
            if i == ref.start:
                continue
            span = doc[i : i + size]
            if span.text != text or any(k in covered for k in range(i, i + size)):
                continue
            out.append(Found(i, i + size, ref.type, None, ref.name, "name-repeat"))
            covered.update(range(i, i + size))
    return out
