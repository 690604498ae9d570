"""Generic group and office references: "civilians", "the regime", "we", "the Foreign Secretary".

These name no knowledge-base actor; they stay unlinked unless an antecedent is found
("they" after an armed group, "I" after the person quoted).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon

ORG_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG"}
)
MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod", "quantmod", "predet"})
PERSON_LINKED = ("pronoun", "anaphora", "speaker")


def _covered(found: list[Found]) -> set[int]:
    return {i for f in found for i in range(f.start, f.end)}


def office_titles(doc: Doc, taken: list[Found], lex: Lexicon) -> list[Found]:
    """Capitalised offices with no name after them ("The Foreign Secretary met ...")."""
    if not lex.office_titles:
        return []
    covered = _covered(taken)
    longest = max(len(t) for t in lex.office_titles)
    out: list[Found] = []
    i = 0
    while i < len(doc):
        size = _title_at(doc, i, lex, longest)
        if not size or covered.intersection(range(i, i + size)):
            i += 1
            continue
        end = i + size
        end = _office_scope(doc, end, covered)
        if end < len(doc) and _starts_name(doc[end]):
            i = end  # "Foreign Secretary Boris Johnson": the name is the mention
            continue
        start = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
        out.append(Found(start, end, "PERSON", None, doc[start:end].text, "office-title"))
        covered.update(range(start, end))
        i = end
    return out


def _title_at(doc: Doc, i: int, lex: Lexicon, longest: int) -> int:
    """Length of the longest capitalised office title starting at token i, else 0."""
    if not doc[i].is_title:
        return 0
    for size in range(min(longest, len(doc) - i), 0, -1):
        key = tuple(t.lower_ for t in doc[i : i + size])
        if key in lex.office_titles and all(
            t.is_title or t.lower_ == "of" for t in doc[i : i + size]
        ):
            return size
    return 0


def _office_scope(doc: Doc, end: int, covered: set[int]) -> int:
    """Extend "Minister for the Middle East" over "for/of (the) Capitalised Name"."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("for", "of"):
        return end
    k = end + 1
    if doc[k].lower_ == "the":
        k += 1
    stop = k
    while stop < len(doc) and doc[stop].is_title and stop not in covered:
        stop += 1
    return stop if stop > k else end


def _starts_name(tok: Token) -> bool:
    return tok.tag_ in ("NNP", "NNPS") and tok.is_title


def group_mentions(doc: Doc, taken: list[Found], lex: Lexicon) -> list[Found]:
    """Group nouns ("civilians", "the international community") and group pronouns."""
    covered = _covered(taken)
    out: list[Found] = []
    for tok in doc:
        if tok.i in covered:
            continue
        if tok.lower_ in lex.group_pronouns and tok.pos_ == "PRON":
            out.append(_group_pronoun(doc, tok, taken))
            covered.add(tok.i)
            continue
        hit = _group_noun(doc, tok, lex)
        if hit is None:
            continue
        start, typ = hit
        if covered.intersection(range(start, tok.i + 1)) or (start - 1) in covered:
            continue  # "ISIL forces": the noun belongs to the actor before it
        text = doc[start : tok.i + 1].text
        out.append(Found(start, tok.i + 1, typ, None, text, "group-noun"))
        covered.update(range(start, tok.i + 1))
    return out


def _group_noun(doc: Doc, tok: Token, lex: Lexicon) -> tuple[int, str] | None:
    """(start, type) when tok heads a group noun phrase."""
    if tok.lower_ not in lex.group_heads or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.dep_ == "compound":
        return None
    typ = None
    size = 1
    for (*mods, head), t in lex.group_nouns.items():
        if head != tok.lower_:
            continue
        n = len(mods)
        if n and (tok.i < n or [x.lower_ for x in doc[tok.i - n : tok.i]] != mods):
            continue
        if typ is None or n + 1 > size:
            typ, size = t, n + 1
    if typ is None:
        return None
    start = tok.i - size + 1
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i != tok.i or prev.dep_ not in MODIFIER_DEPS or prev.lower_ in lex.group_skip:
            break
        start -= 1
    return start, typ


def _group_pronoun(doc: Doc, tok: Token, taken: list[Found]) -> Found:
    """ "they": the nearest earlier organisation in this or the previous sentence."""
    if tok.lower_ in ("they", "them"):
        sent_start = tok.sent.start
        prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        before = [
            f
            for f in taken
            if f.end <= tok.i and f.start >= prev_start and f.type in ORG_TYPES and f.members == ()
        ]
        if before:
            ante = max(before, key=lambda f: f.start)
            return Found(
                tok.i,
                tok.i + 1,
                ante.type,
                ante.actor_id,
                ante.name,
                "group-pronoun",
                ante.part_of,
                ante.kb_ids,
            )
    return Found(tok.i, tok.i + 1, "POLITICAL_ORG", None, tok.text, "group-pronoun")


def speaker_pronouns(doc: Doc, taken: list[Found], lex: Lexicon) -> list[Found]:
    """ "I", "my": the person quoted nearest before, or an unlinked person."""
    covered = _covered(taken)
    people = sorted((f for f in taken if f.type == "PERSON"), key=lambda f: f.start)
    out: list[Found] = []
    for tok in doc:
        if tok.i in covered or tok.lower_ not in lex.speaker_pronouns or tok.pos_ != "PRON":
            continue
        if tok.lower_ == "i" and tok.text != "I":
            continue
        before = [f for f in people if f.end <= tok.i and f.rule not in PERSON_LINKED]
        ante = before[-1] if before else None
        if ante is not None:
            out.append(
                Found(tok.i, tok.i + 1, "PERSON", ante.actor_id, ante.name, "speaker-pronoun")
            )
        else:
            out.append(Found(tok.i, tok.i + 1, "PERSON", None, tok.text, "speaker-pronoun"))
    return out


def leader_regimes(doc: Doc, found: list[Found], lex: Lexicon) -> list[Found]:
    """ "the Assad regime", "Assad's brutal regime": a person's regime is an organisation."""
    out: list[Found] = []
    for f in found:
        if f.type != "PERSON" or f.rule in PERSON_LINKED or f.end >= len(doc):
            out.append(f)
            continue
        k = f.end
        if doc[k].lower_ in ("'s", "’s"):
            k += 1
        while k < len(doc) and k - f.end < 3 and doc[k].pos_ == "ADJ":
            k += 1
        head = doc[k] if k < len(doc) else None
        if head is not None and lex.group_nouns.get((head.lower_,)) == "STATE":
            start = f.start - 1 if f.start > 0 and doc[f.start - 1].lower_ == "the" else f.start
            text = doc[start : k + 1].text
            out.append(Found(start, k + 1, "STATE", None, text, "leader-regime"))
        else:
            out.append(f)
    return out
