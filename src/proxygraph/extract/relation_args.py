"""Shared helpers of the OPPOSES / COOPERATES_WITH / MEETS_WITH readers: the actors a
phrase names and the pairs co-subjects form."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from proxygraph.extract.args import MentionMap, children, subject_heads
from proxygraph.nlp.found import Found

ACTOR_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG", "PERSON"}
)


def actors(m: MentionMap, heads: Iterable[Token]) -> list[Found]:
    """Actors (not places) named by the phrases under heads, each name once."""
    out: list[Found] = []
    for head in heads:
        for f in m.in_phrase(head):
            if f.type in ACTOR_TYPES and all(f.name != g.name for g in out):
                out.append(f)
    return out


def named_conjuncts(m: MentionMap, heads: Iterable[Token]) -> list[Found]:
    """Like actors(), but a conjunct counts only when it names an actor itself or through
    its possessor or modifier ("Belarus's KGB and the involvement of X": not X)."""
    out: list[Found] = []
    for head in heads:
        for tok in [head, *(t for t in head.subtree if t.dep_ == "conj" and t.head.i >= head.i)]:
            named = (
                [tok]
                if tok.i in m.at
                else [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            )
            for t in named:
                f = m.at.get(t.i)
                if f is not None and f.type in ACTOR_TYPES and all(f.name != g.name for g in out):
                    out.append(f)
    return out


def subjects(m: MentionMap, verb: Token) -> list[Found]:
    """The actors of a verb's subject (control and conjunction climbing as for frames)."""
    return actors(m, subject_heads(verb))


def pairs(items: list[Found]) -> list[tuple[Found, Found]]:
    """Every unordered pair of distinct actors ("A, B and C met": A-B, A-C, B-C)."""
    out: list[tuple[Found, Found]] = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.name != b.name and not (a.actor_id and a.actor_id == b.actor_id):
                out.append((a, b))
    return out


def prep_objs(tok: Token, words: Iterable[str]) -> list[Token]:
    """Objects of the prepositions `words` hanging on tok."""
    wanted = set(words)
    return [
        o
        for p in children(tok, "prep")
        if p.lower_ in wanted
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    ]


def with_partners(m: MentionMap, tok: Token) -> list[Found]:
    """ "with B" on the verb or on its object ("held talks with B", "ties with B")."""
    heads = prep_objs(tok, ["with"])
    for obj in children(tok, "dobj"):
        heads += prep_objs(obj, ["with"])
    return actors(m, heads)
