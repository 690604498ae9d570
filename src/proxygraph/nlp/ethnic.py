"""Peoples and branches: names that are no KB actor of their own but shape one.

- An ethnonym ("Tuareg", "Hutu", "Kurdish") is never a person or a place by itself; before
  an armed-group noun it names that group: "Tuareg-led separatists", "the Hutu rebels",
  "Tuareg armed groups" -> an unlinked ARMED_GROUP mention over the whole phrase.
- "<Org>'s <Region> branch|province|affiliate", "the <Region> branch": the KB actor that is
  part of <Org> (or of any organisation) and carries <Region> in its name ("the Islamic
  State's Khorasan branch" -> Islamic State Khorasan Province).
"""

from __future__ import annotations

from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, rule_words

LED = rule_words("led")
PLACE_LIKE = frozenset({"LOCATION", "STATE"})
REGIONAL = rule_words("regional")
POSSESSIVE = frozenset({"'s", "’s"})


def _covered(found: list[Found]) -> set[int]:
    return {i for f in found for i in range(f.start, f.end)}


def ethnic_groups(doc: Doc, taken: list[Found], lex: Lexicon) -> list[Found]:
    """ "Tuareg-led separatists", "the Hutu rebels": unlinked armed-group mentions."""
    if not lex.ethnonyms:
        return []
    covered = _covered(taken)
    out: list[Found] = []
    for tok in doc:
        if tok.lower_ not in lex.ethnonyms or not tok.text[:1].isupper() or tok.i in covered:
            continue
        k = tok.i + 1
        if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in LED:
            k += 2
        while k < len(doc) and k - tok.i <= 4 and doc[k].pos_ in ("ADJ", "VERB", "NOUN", "PROPN"):
            word = doc[k]
            if word.lower_ in lex.ethnic_heads and word.dep_ != "compound":
                break
            if word.pos_ in ("NOUN", "PROPN") and word.lower_ not in ("separatist", "rebel"):
                k = len(doc)
                break
            k += 1
        if k >= len(doc) or doc[k].lower_ not in lex.ethnic_heads:
            continue
        head = doc[k]
        if head.lower_ in ("groups", "movement", "movements") and doc[k - 1].lower_ != "armed":
            continue
        if covered.intersection(range(tok.i, k + 1)):
            continue
        start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
        name = doc[tok.i : k + 1].text
        out.append(Found(start, k + 1, "ARMED_GROUP", None, name, "ethnic-group"))
        covered.update(range(start, k + 1))
    return out


def drop_bare_ethnonyms(doc: Doc, found: list[Found], lex: Lexicon) -> list[Found]:
    """An unlinked one-word person or place that is an ethnonym names nobody."""
    return [
        f
        for f in found
        if not (
            f.actor_id is None
            and f.type in ("PERSON", "LOCATION")
            and f.end - f.start == 1
            and doc[f.start].lower_ in lex.ethnonyms
        )
    ]


def branch_mentions(doc: Doc, taken: list[Found], kb: KnowledgeBase, lex: Lexicon) -> list[Found]:
    """Extend "<Org>'s <Region> branch" (and read "the <Region> branch") to the KB branch;
    "<Org>'s regional branch" is the one branch of <Org> the document names elsewhere."""
    if not lex.branch_nouns:
        return taken
    children: dict[str, list[ActorSpec]] = {}
    for actor in kb.actors.values():
        if actor.part_of and actor.part_of in kb.actors:
            children.setdefault(actor.part_of, []).append(actor)
    out = list(taken)
    for tok in doc:
        if tok.lower_ not in lex.branch_nouns or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        k = tok.i - 1
        while k >= 0 and tok.i - k <= 3 and doc[k].pos_ in ("PROPN", "ADJ", "NOUN"):
            k -= 1
        if k == tok.i - 1:
            continue
        region = {t.lower_ for t in doc[k + 1 : tok.i] if t.is_title}
        parent = None
        if k >= 1 and doc[k].lower_ in POSSESSIVE:
            parent = next((f for f in out if f.end == k and f.actor_id in children), None)
        between = {t.lower_ for t in doc[k + 1 : tok.i]}
        if not region and (parent is None or not between <= REGIONAL):
            continue
        pool = (
            children[parent.actor_id]
            if parent is not None
            else [a for group in children.values() for a in group]
        )
        if region:
            hits = [a for a in pool if region & {w.lower() for w in a.name.split()}]
        else:  # "the Islamic State's regional branch": the branch named elsewhere
            named = {f.actor_id for f in out}
            hits = [a for a in pool if a.id in named]
        if len(hits) != 1:
            continue
        actor = hits[0]
        start = parent.start if parent is not None else k + 1
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        clash = [f for f in out if f.overlaps(start, tok.i + 1)]
        if any(f.actor_id and f is not parent and f.type not in PLACE_LIKE for f in clash):
            continue  # a linked actor already covers the words ("Mozambique" is a region)
        state = kb.state_of(actor.id)
        out = [f for f in out if f not in clash]
        out.append(
            Found(
                start,
                tok.i + 1,
                actor.type,
                actor.id,
                actor.name,
                "kb-branch",
                part_of=state.id if state else actor.part_of,
                kb_ids=(actor.id,),
            )
        )
    return out
