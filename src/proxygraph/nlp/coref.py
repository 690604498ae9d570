"""In-document linking: acronyms defined in parentheses, short person names, anaphora."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, function_words
from proxygraph.nlp.typing_rules import type_from_words

# What a person leads (the KB's offices), for "the government of President X".
LedBy = Callable[[Found], Found | None]
SEAT_PREPS = function_words("seat_preps")  # "the government in Kigali"

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-]*[A-Z0-9][A-Za-z0-9\-]*$")
NAME_GLUE = function_words("name_glue")


def _covering(found: list[Found], start: int, end: int) -> Found | None:
    for f in found:
        if f.overlaps(start, end):
            return f
    return None


def _capitalised_run(doc: Doc, end: int) -> int | None:
    """Start of the capitalised name ending just before token `end` ("General ... (GDI)")."""
    i = end - 1
    start = None
    while i >= 0:
        tok = doc[i]
        if tok.is_title or tok.is_upper:
            start = i
        elif tok.lower_ not in NAME_GLUE or start is None:
            break
        i -= 1
    return start


def link_acronyms(doc: Doc, found: list[Found], lex: Lexicon) -> list[Found]:
    """ "Long Name (LN)": LN mentions, there and later, resolve to the long name's actor."""
    defined: dict[str, Found] = {}
    for k, tok in enumerate(doc[:-2]):
        if tok.text != "(" or doc[k + 2].text != ")" or not ACRONYM.match(doc[k + 1].text):
            continue
        long_form = next((f for f in found if f.end == k), None)
        covering = next((f for f in found if f.start < k < f.end), None)
        if long_form is None and covering is not None:
            long_form = covering  # a KB alias that includes its own "(ACRONYM)"
        if long_form is None:
            start = _capitalised_run(doc, k)
            if start is None or k - start < 2:
                continue
            text = doc[start:k].text
            typ = type_from_words(text, lex) or lex.default_org_type
            long_form = Found(start, k, typ, None, text, "acronym-long-form")
            found.append(long_form)
        defined[doc[k + 1].text] = long_form
    if not defined:
        return found
    for tok in doc:
        ref = defined.get(tok.text)
        if ref is None:
            continue
        hit = _covering(found, tok.i, tok.i + 1)
        if hit is None:
            found.append(
                Found(
                    tok.i,
                    tok.i + 1,
                    ref.type,
                    ref.actor_id,
                    ref.name,
                    "acronym",
                    ref.part_of,
                    ref.kb_ids,
                )
            )
        elif hit.actor_id is None and hit.start == tok.i and hit.end == tok.i + 1:
            hit.actor_id, hit.name, hit.type = ref.actor_id, ref.name, ref.type
            hit.part_of, hit.rule = ref.part_of, "acronym"
    return found


def link_short_names(doc: Doc, found: list[Found]) -> list[Found]:
    """A person's surname alone ("Mujahid") refers to the full name used before."""
    by_surname: dict[str, Found] = {}
    for f in sorted(found, key=lambda f: f.start):
        if f.type != "PERSON" or f.rule == "office-title":
            continue
        if f.end - f.start >= 2:
            by_surname.setdefault(doc[f.end - 1].text, f)
        elif f.actor_id is None and f.name in by_surname:
            full = by_surname[f.name]
            if full.start < f.start:
                f.name, f.actor_id, f.rule = full.name, full.actor_id, "short-name"
    for tok in doc:
        full = by_surname.get(tok.text)
        if full is None or tok.i < full.end or not tok.is_title:
            continue
        if _covering(found, tok.i, tok.i + 1) is None:
            found.append(Found(tok.i, tok.i + 1, "PERSON", full.actor_id, full.name, "short-name"))
    return found


def _sentence_index(doc: Doc) -> list[int]:
    idx = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            idx[i] = n
    return idx


def _state_named_after(
    doc: Doc, found: list[Found], j: int, led_by: LedBy | None = None
) -> Found | None:
    """ "the government in Kigali", "the regime of Syria", "the government of President X":
    the state that the place right after the phrase stands for, as the document names it
    elsewhere (or there), or the one the person after it leads."""
    if j + 1 >= len(doc) or doc[j].lower_ not in SEAT_PREPS:
        return None
    # the person may follow a title: "the government of President X"
    person = next((f for f in found if f.type == "PERSON" and f.start in (j + 1, j + 2)), None)
    if person is not None:
        return led_by(person) if led_by is not None else None
    place = _covering(found, j + 1, j + 2)
    if place is None or place.actor_id is None or place.type not in ("STATE", "LOCATION"):
        return None
    if place.type == "STATE":
        return place
    return next((f for f in found if f.actor_id == place.actor_id and f.type == "STATE"), None)


def resolve_anaphora(
    doc: Doc, found: list[Found], lex: Lexicon, led_by: LedBy | None = None
) -> list[Found]:
    """ "the group", "he": the nearest earlier actor of the described type, if close enough."""
    if not lex.anaphora and not lex.pronouns:
        return found
    sent_of = _sentence_index(doc)
    longest = max((len(k) for k in (*lex.anaphora, *lex.plural_anaphora)), default=1)
    firsts = {k[0] for k in (*lex.anaphora, *lex.plural_anaphora) if k}
    lowers = [t.lower_ for t in doc]
    out = list(found)
    i = 0
    n_tokens = len(lowers)
    while i < n_tokens:
        hit_len, typ, plural = 0, None, False
        if lowers[i] not in firsts and lowers[i] not in lex.pronouns:
            i += 1  # no anaphor starts here (the loop below would find none)
            continue
        for size in range(min(longest, n_tokens - i), 0, -1):
            key = tuple(lowers[i : i + size])
            typ = lex.anaphora.get(key)
            if not typ and key in lex.plural_anaphora:
                typ, plural = lex.plural_anaphora[key], True
            if typ:
                hit_len = size
                break
        if plural and typ and _covering(out, i, i + hit_len) is None:
            group = _antecedent_group(doc, out, i, typ, sent_of, lex.anaphora_window)
            if group:
                first = group[0]
                out.append(
                    Found(
                        i,
                        i + hit_len,
                        first.type,
                        first.actor_id,
                        first.name,
                        "plural-anaphora",
                        first.part_of,
                        first.kb_ids,
                        members=tuple(group),
                    )
                )
            i += hit_len
            continue
        if not typ and lowers[i] in lex.pronouns and doc[i].pos_ == "PRON":
            typ, hit_len = lex.pronouns[lowers[i]], 1
        if typ and _covering(out, i, i + hit_len) is None:
            ante = _state_named_after(doc, out, i + hit_len, led_by) if typ == "STATE" else None
            placed = ante is not None
            if ante is None:
                ante = _antecedent(out, i, typ, sent_of, lex.anaphora_window)
            if ante is not None:
                rule = "pronoun" if hit_len == 1 and doc[i].pos_ == "PRON" else "anaphora"
                rule = "anaphora-place" if placed else rule
                out.append(
                    Found(
                        i,
                        i + hit_len,
                        ante.type,
                        ante.actor_id,
                        ante.name,
                        rule,
                        ante.part_of,
                        ante.kb_ids,
                    )
                )
        i += max(hit_len, 1)
    return out


def _antecedent_group(
    doc: Doc, found: list[Found], i: int, typ: str, sent_of: list[int], window: int
) -> list[Found]:
    """The last actors of a type named together before token i ("ISKP and the NRF")."""
    before = [
        f
        for f in sorted(found, key=lambda f: f.start)
        if f.end <= i
        and sent_of[i] - sent_of[f.start] <= window
        and f.rule not in ("pronoun", "anaphora", "plural-anaphora")
    ]
    typed = [f for f in before if f.type == typ]
    if not typed:
        return []
    group = [typed[-1]]
    for f in reversed(before[: before.index(typed[-1])]):
        gap = doc[f.end : group[0].start]
        if (
            f.type == typ
            and len(gap) <= 3
            and all(t.lower_ in ("and", ",", "or", "the") for t in gap)
        ):
            group.insert(0, f)
        else:
            break
    return group


def _antecedent(
    found: list[Found], i: int, typ: str, sent_of: list[int], window: int
) -> Found | None:
    best: Found | None = None
    for f in found:
        if f.end > i or f.type != typ or f.rule in ("pronoun", "anaphora"):
            continue
        if sent_of[i] - sent_of[f.start] > window:
            continue
        if best is None or f.start > best.start:
            best = f
    return best
