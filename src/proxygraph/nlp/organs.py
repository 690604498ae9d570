"""Demonym + organ phrases: "Pakistani intelligence agencies" -> Pakistan's intelligence."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, function_words, rule_words

NOT_NOW = rule_words("not_now")  # "former", "ex": no longer an organ of the state
GROUP_SOURCE_PREPS = function_words("group_source_preps")  # "mercenaries from X"
FALLBACK_ORGANS = {"military": ("army",), "security": ("military",), "army": ("military",)}


def match_organ(doc: Doc, i: int, lex: Lexicon) -> tuple[int, str] | None:
    """Longest organ phrase starting at token i: (end token, organ kind)."""
    for size in range(min(lex.max_organ_len, len(doc) - i), 0, -1):
        key = tuple(t.lower_ for t in doc[i : i + size])
        organ = lex.organ_phrases.get(key)
        if organ:
            return i + size, organ
    return None


def resolve_organ(
    kb: KnowledgeBase, lex: Lexicon, state: ActorSpec, organ: str, demonym: str, on: date | None
) -> tuple[str, str, str, str | None]:
    """(actor_id, name, type, part_of) for a state's organ on a date."""
    governing = kb.governing(state.id, on) or state
    if organ in lex.speaks_for_state:
        return governing.id, governing.name, governing.type, None
    owners = [governing] if governing.id == state.id else [governing, state]
    for owner in owners:
        for kind in (organ, *FALLBACK_ORGANS.get(organ, ())):
            agency = kb.organ_of(owner.id, kind)
            if agency is not None:
                return agency.id, agency.name, agency.type, owner.id
    label = lex.organ_labels.get(organ, organ)
    return f"{governing.id}~{organ}", f"{demonym} {label}", "STATE_AGENCY", governing.id


def organ_mentions(
    doc: Doc,
    states_at: dict[int, tuple[int, ActorSpec]],
    kb: KnowledgeBase,
    lex: Lexicon,
    on: date | None,
    groups_at: frozenset[int] = frozenset(),
) -> list[Found]:
    """Find organ phrases after demonyms or state names, coordinations included.

    states_at (dict): token index -> (end token, state) for each demonym or state name.
    groups_at (frozenset[int]): where names of groups and agencies start: "Russian
        mercenaries from the Wagner Group" are the group's, not an organ of Russia.
    """
    found: list[Found] = []
    of_organ: dict[int, str] = {}
    for i, (end, state) in sorted(states_at.items()):
        if i > 0 and doc[i - 1].text in ("-", "pro", "anti"):
            continue  # "pro-Pakistan government": a modifier, not the state's organ
        if i > 0 and doc[i - 1].lower_ in NOT_NOW:
            continue  # "a former Pakistani envoy" no longer speaks for the state
        organ = _organ_before_of(doc, i, lex) or _coordinated_organ(doc, i, of_organ)
        if organ is not None:
            of_organ[end] = organ
            demonym = _demonym(state, doc[i:end].text)
            aid, name, typ, part_of = resolve_organ(kb, lex, state, organ, demonym, on)
            found.append(Found(i, end, typ, aid, name, "organ-of-state", part_of))
            continue
        j = end + 1 if end < len(doc) and doc[end].lower_ in ("'s", "’s") else end
        hit = match_organ(doc, j, lex)
        if hit is not None:
            organ_end, organ = hit
            if _group_named_after(doc, organ_end, groups_at):
                continue
            demonym = _demonym(state, doc[i:end].text)
            aid, name, typ, part_of = resolve_organ(kb, lex, state, organ, demonym, on)
            found.append(Found(i, organ_end, typ, aid, name, "organ-phrase", part_of))
            continue
        # "Pakistani and Tajik intelligence agencies": the first demonym borrows the organ
        k = end
        if k < len(doc) and doc[k].lower_ in ("and", ",", "or") and k + 1 in states_at:
            nxt_end, _ = states_at[k + 1]
            hit = match_organ(doc, nxt_end, lex)
            if hit is not None:
                demonym = _demonym(state, doc[i:end].text)
                aid, name, typ, part_of = resolve_organ(kb, lex, state, hit[1], demonym, on)
                found.append(Found(i, end, typ, aid, name, "organ-coordination", part_of))
    return found


def _group_named_after(doc: Doc, end: int, groups_at: frozenset[int]) -> bool:
    """ "from the Wagner Group", "of the RSF" right after an organ phrase."""
    if end >= len(doc) or doc[end].lower_ not in GROUP_SOURCE_PREPS:
        return False
    k = end + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return k in groups_at


def _organ_before_of(doc: Doc, i: int, lex: Lexicon) -> str | None:
    """ "the intelligence agencies of Tajikistan": the organ phrase before "of (the)"."""
    k = i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return None
    for size in range(min(lex.max_organ_len, k), 0, -1):
        start = k - size
        organ = lex.organ_phrases.get(tuple(t.lower_ for t in doc[start:k]))
        if organ is None:
            continue
        before = doc[start - 1] if start >= 1 else None
        if before is not None and before.lower_ in ("the", "a", "an"):
            before = doc[start - 2] if start >= 2 else None
        if before is not None and before.text == ",":
            return None  # an apposition describes the preceding name ("GDI, the agency of ...")
        return organ
    return None


def _coordinated_organ(doc: Doc, i: int, of_organ: dict[int, str]) -> str | None:
    """ "of Tajikistan and Pakistan": the second state shares the first one's organ."""
    if i >= 2 and doc[i - 1].lower_ in ("and", ",", "or"):
        return of_organ.get(i - 1)
    return None


def _demonym(state: ActorSpec, surface: str) -> str:
    if surface in state.demonyms:
        return surface
    return state.demonyms[0] if state.demonyms else surface
