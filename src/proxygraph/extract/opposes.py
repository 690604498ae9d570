"""OPPOSES read outside the single-trigger frames: traded accusations (both directions),
accusation nouns ("Kinshasa's accusation that Kigali backs the M23") and refusals to do
what someone asks ("the refusal of X to comply with the directives of Y")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from proxygraph.extract.args import MentionMap, children, governing_verb, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.relation_args import actors, pairs, prep_objs, subjects, with_partners


class OpposesReader:
    """Per-sentence OPPOSES rules; words from data/patterns/cues.yaml."""

    def __init__(self, mentions: MentionMap, cues: dict[str, Any]) -> None:
        self.m = mentions
        self.exchange_verbs = set(cues.get("exchange_verbs", []))
        self.exchange_objects: dict[str, str] = cues.get("exchange_objects", {})
        self.accusations: dict[str, str] = cues.get("accusation_nouns", {})
        self.making = set(cues.get("accusation_making_verbs", []))
        self.refusals = set(cues.get("refusal_words", []))

    def sentence(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.exchange_verbs:
                out += self._traded(tok)
            elif tok.pos_ == "NOUN" and tok.lower_ in self.accusations:
                out += self._accusation(tok)
            if tok.lemma_.lower() in self.refusals and tok.pos_ in ("NOUN", "VERB"):
                out += self._refusal(tok)
        return out

    def _refusal(self, tok: Token) -> list[Candidate]:
        """ "X's refusal to comply with the directives of Y", "X refused to obey Y's
        orders": X refuses Y, the one whose demands the complement names."""
        clauses = children(tok, "acl", "xcomp")
        if not clauses and tok.pos_ == "NOUN":
            clauses = _infinitive_after(tok)
        if not clauses:
            return []
        if tok.pos_ == "NOUN":
            refusers = actors(self.m, children(tok, "poss")) or actors(
                self.m, prep_objs(tok, ["of", "by"])
            )
        else:
            refusers = subjects(self.m, tok)
        asked = [
            f
            for c in clauses
            for f in actors(self.m, children(c, "dobj") + prep_objs(c, ["with", "to"]))
        ]
        return [
            Candidate(r, "OPPOSES", a, tok.i, "opposes-refusal", kind="refuses")
            for r in refusers
            for a in asked[:1]
            if r.name != a.name
        ]

    def _traded(self, verb: Token) -> list[Candidate]:
        """ "A and B traded accusations" / "A exchanged threats with B": both ways."""
        kind = next(
            (
                self.exchange_objects[o.lower_]
                for o in children(verb, "dobj", "nsubjpass")
                if o.lower_ in self.exchange_objects
            ),
            None,
        )
        if kind is None:
            return []
        subj = subjects(self.m, verb)
        partners = with_partners(self.m, verb)
        ends = pairs(subj) if len(subj) >= 2 and not partners else []
        ends += [(s, p) for s in subj for p in partners if s.name != p.name]
        out: list[Candidate] = []
        for a, b in ends:
            for s, t in ((a, b), (b, a)):
                out.append(Candidate(s, "OPPOSES", t, verb.i, "opposes-traded", kind=kind))
        return out

    def _accusation(self, noun: Token) -> list[Candidate]:
        """The accuser owns the noun; the accused is its "against" object or the subject
        of its that-clause."""
        accusers = actors(self.m, children(noun, "poss"))
        accusers = accusers or actors(self.m, prep_objs(noun, ["by", "from"]))
        accusers = accusers or [
            f
            for c in children(noun, "amod", "compound", "nmod")
            for f in ([self.m.demonym(c)] if self.m.demonym(c) else actors(self.m, [c]))
        ]
        if not accusers:
            verb = governing_verb(noun)
            if verb is not None and verb.lemma_.lower() in self.making:
                accusers = subjects(self.m, verb)
        accused = actors(self.m, prep_objs(noun, ["against"]))
        if not accused:
            clauses = [
                c
                for c in children(noun, "acl", "ccomp")
                if any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
            ]
            accused = [f for c in clauses for f in actors(self.m, subject_heads(c))]
        kind = self.accusations[noun.lower_]
        return [
            Candidate(a, "OPPOSES", t, noun.i, "opposes-accusation-noun", kind=kind)
            for a in accusers
            for t in accused[:1]
            if a.name != t.name
        ]


def _infinitive_after(noun: Token) -> list[Token]:
    """The first to-infinitive after a noun, when the parser hung it elsewhere ("the
    refusal of X, the government, to comply with ..."); none past a finite verb."""
    for t in noun.doc[noun.i + 1 : min(noun.sent.end, noun.i + 20)]:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return []
        if t.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return [t]
    return []
