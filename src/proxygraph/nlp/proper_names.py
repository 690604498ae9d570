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
    if start >= 2 and doc[start - 1].lower_ == "of":
        noun = doc[start - 2]  # "the western district of Qaim", "the city of Manbij"
        if noun.is_lower and noun.lower_ in lex.place_nouns:
            return "LOCATION", end, "name-place-of"
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
    if all(t.lower_ in lex.titles for t in doc[start:end]):
        return False  # "Secretary of State X": an office, not a place
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


def _proper(tok: Token) -> bool:
    return tok.tag_ in PROPER_TAGS or tok.text in ("-", "‐")


def _titled_apposition(doc: Doc, end: int, lex: Lexicon) -> bool:
    """ "Yolande Makolo, communications director for ...": a person's apposition, a title
    within its first three words and no article."""
    if end >= len(doc) or doc[end].text != "," or end - 2 < 0:
        return False
    if not all(_proper(t) and t.is_title for t in doc[end - 2 : end]):
        return False
    words = doc[end + 1 : end + 4]
    return (
        bool(len(words))
        and words[0].lower_ not in ("a", "an", "the", "which", "who", "whose")
        and words[0].is_lower
        and any(t.lower_ in lex.titles for t in words)
    )


def repair_person_names(doc: Doc, taken: list[Found], lex: Lexicon) -> list[Found]:
    """Person names the NER cut, mistyped or dressed in a rank, put right.

    - a run of honorifics or titles alone is no name ("Government spokesman Colonel X":
      "Colonel"); nor is its repeat;
    - a leading honorific is no part of a name of two words or more ("Mullah Abdul Ghani
      Baradar" -> "Abdul Ghani Baradar"); an unlinked ORG-typed entity that starts with a
      rank is a person ("Lieutenant General Nadeem Anjum");
    - an unlinked person name directly followed by an unlinked capitalised name is one
      name ("Amir Khan" + "Muttaqi", "Abd-Rabbu" + "Mansour Hadi", "Faustin-Archange" +
      "Touadera" typed as a place);
    - a one-word unlinked entity that repeats a full person name's last word is that
      person, whatever the NER typed it ("Musavi" read as an organisation).
    """
    words = lex.honorifics | lex.titles
    out: list[Found] = []
    for f in sorted(taken, key=lambda f: f.start):
        if f.actor_id is not None or f.rule == "office-title":
            out.append(f)
            continue
        toks = doc[f.start : f.end]
        if f.type == "PERSON" and all(t.lower_ in words for t in toks):
            continue  # "Colonel", "Lieutenant General"
        if f.type != "PERSON" and f.rule == "ner-org" and _titled_apposition(doc, f.end, lex):
            f.type, f.rule = "PERSON", f.rule + "+apposition"  # "X Y, communications director"
        if f.rule.startswith(("ner-", "name-")) and f.type != "LOCATION":
            k = f.start
            while k < f.end and doc[k].lower_ in lex.honorifics:
                k += 1
            if k > f.start and f.end - k >= 2 and all(_proper(t) for t in doc[k : f.end]):
                f.start, f.type, f.name = k, "PERSON", doc[k : f.end].text
        out.append(f)
    merged: list[Found] = []
    for f in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == "PERSON"
            and prev.actor_id is None
            and f.actor_id is None
            and prev.end == f.start
            and prev.rule.startswith(("ner-", "name-"))
            and f.rule.startswith(("ner-", "name-"))
            and all(_proper(t) and (t.is_title or not t.is_alpha) for t in doc[f.start : f.end])
        ):
            prev.end = f.end
            prev.name = doc[prev.start : prev.end].text
            continue
        merged.append(f)
    surnames = {
        doc[f.end - 1].text
        for f in merged
        if f.type == "PERSON" and f.end - f.start >= 2 and f.rule != "office-title"
    }
    for f in merged:
        if (
            f.type != "PERSON"
            and f.actor_id is None
            and f.end - f.start == 1
            and f.rule.startswith("ner-")
            and doc[f.start].text in surnames
        ):
            f.type, f.rule = "PERSON", f.rule + "+surname"
    return merged
