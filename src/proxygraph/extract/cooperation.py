"""COOPERATES_WITH read outside the single-trigger frames: co-agents ("A and B jointly
attacked C", "A fought alongside B"), joint undertakings ("joint programmes with Iran"),
cooperation received from someone, and renewed or strengthened military ties."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from proxygraph.extract.args import MentionMap, children, governing_verb
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.relation_args import (
    actors,
    named_conjuncts,
    pairs,
    prep_objs,
    subjects,
    with_partners,
)
from proxygraph.nlp.found import Found


class CooperationReader:
    """Per-sentence COOPERATES_WITH rules; words from data/patterns/cues.yaml."""

    def __init__(self, mentions: MentionMap, cues: dict[str, Any]) -> None:
        self.m = mentions
        self.adverbs = set(cues.get("joint_adverbs", []))
        self.preps = set(cues.get("joint_preps", []))
        self.adjectives = set(cues.get("joint_adjectives", []))
        self.joint_nouns = set(cues.get("joint_nouns", []))
        self.coop_nouns = set(cues.get("cooperation_nouns", []))
        self.receiving = set(cues.get("receiving_verbs", []))
        self.tie_verbs = set(cues.get("tie_verbs", []))
        self.tie_nouns = set(cues.get("tie_nouns", []))
        self.tie_modifiers = set(cues.get("tie_modifiers", []))

    def sentence(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX"):
                out += self._co_agents(tok)
                if lemma in self.tie_verbs:
                    out += self._ties(tok)
            elif tok.pos_ == "NOUN":
                if tok.lower_ in self.joint_nouns:
                    out += self._joint_noun(tok)
                if tok.lower_ in self.coop_nouns:
                    out += self._received(tok)
        return out

    def _cands(self, ends: list[tuple[Found, Found]], trigger: int, rule: str, kind: str):
        return [Candidate(a, "COOPERATES_WITH", b, trigger, rule, kind=kind) for a, b in ends]

    def _co_agents(self, verb: Token) -> list[Candidate]:
        """ "A and B jointly attacked C" (the co-subjects); "A attacked C alongside B"."""
        joint = any(
            c.dep_ == "advmod" and c.lower_ in self.adverbs and not children(c, "prep")
            for c in verb.children
        )
        partners = actors(self.m, prep_objs(verb, self.preps))
        # "together with B", "jointly with B"
        partners += actors(
            self.m,
            [
                o
                for c in verb.children
                if c.dep_ == "advmod" and c.lower_ in self.adverbs
                for o in prep_objs(c, ["with"])
            ],
        )
        if not joint and not partners:
            return []
        subj = subjects(self.m, verb)
        ends = pairs(subj) if joint and not partners else []
        ends += [(s, p) for s in subj for p in partners if s.name != p.name]
        return self._cands(ends, verb.i, "cooperates-joint-action", "coordination")

    def _joint_noun(self, noun: Token) -> list[Candidate]:
        """ "joint military programmes with Iran", "a joint operation between A and B"."""
        if not any(c.dep_ == "amod" and c.lower_ in self.adjectives for c in noun.children):
            return []
        between = actors(self.m, prep_objs(noun, ["between", "among"]))
        if len(between) >= 2:
            return self._cands(pairs(between), noun.i, "cooperates-joint-noun", "coordination")
        partners = actors(self.m, prep_objs(noun, ["with"]))
        owners = actors(self.m, children(noun, "poss"))
        if not owners:
            verb = governing_verb(noun)
            owners = subjects(self.m, verb) if verb is not None else []
        if not partners:
            ends = pairs(owners)
        else:
            ends = [(o, p) for o in owners for p in partners if o.name != p.name]
        return self._cands(ends, noun.i, "cooperates-joint-noun", "coordination")

    def _received(self, noun: Token) -> list[Candidate]:
        """ "the cooperation Moscow had received from Belarus's KGB"."""
        out: list[tuple[Found, Found]] = []
        for clause in children(noun, "relcl"):
            if clause.lemma_.lower() not in self.receiving:
                continue
            receivers = subjects(self.m, clause)
            givers = named_conjuncts(self.m, prep_objs(clause, ["from"]))
            out += [(r, g) for r in receivers for g in givers if r.name != g.name]
        return self._cands(out, noun.i, "cooperates-received", "coordination")

    def _ties(self, verb: Token) -> list[Candidate]:
        """ "A and B renewed military ties", "A strengthened security ties with B"."""
        objs = [
            o
            for o in children(verb, "dobj", "nsubjpass")
            if o.lower_ in self.tie_nouns
            and (
                o.lower_ in self.coop_nouns
                or any(c.lower_ in self.tie_modifiers for c in o.children if c.dep_ == "amod")
            )
        ]
        if not objs:
            return []
        subj = subjects(self.m, verb)
        partners = with_partners(self.m, verb)
        ends = pairs(subj) if not partners else []
        ends += [(s, p) for s in subj for p in partners if s.name != p.name]
        return self._cands(ends, verb.i, "cooperates-ties", "coordination")
