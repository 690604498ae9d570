"""Rules that read a claim from its surroundings rather than from one trigger's frame:
meeting participation, origin, protection, agreements between a meeting's parties."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from proxygraph.extract.args import MentionMap, children, governing_verb, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.nlp.found import Found

ACTOR_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG", "PERSON"}
)


class ContextRules:
    """Per-document state (who met so far) and the rules that use it."""

    def __init__(self, mentions: MentionMap, cues: dict[str, Any]) -> None:
        self.m = mentions
        self.participation = set(cues["participation_verbs"])
        self.meeting_nouns = set(cues["meeting_nouns"])
        self.origin = set(cues["origin_cues"])
        self.protection: dict[str, str] = cues["protection_nouns"]
        self.agreements = set(cues["agreement_nouns"])
        self.met: list[Found] = []

    def remember_meetings(self, cands: list[Candidate]) -> None:
        for c in cands:
            if c.relation == "MEETS_WITH":
                for f in (c.source, c.target):
                    if all(f.name != g.name for g in self.met):
                        self.met.append(f)

    def sentence(self, sent: Span, found_here: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        out += self._agreement_parties(sent, found_here)
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in self.participation and tok.pos_ == "VERB":
                out += self._participation(tok)
            elif tok.lower_ == "from" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in self.origin:
                out += self._origin(tok)
            elif tok.pos_ == "NOUN" and lemma in self.protection and tok.head.lower_ == "under":
                out += self._protection(tok, self.protection[lemma])
        return out

    def _participation(self, verb) -> list[Candidate]:
        objs = [
            t
            for t in verb.subtree
            if t.lemma_.lower() in self.meeting_nouns or t.lower_ in self.meeting_nouns
        ]
        if not objs or not self.met:
            return []
        subjects = [
            f for h in subject_heads(verb) for f in self.m.in_phrase(h) if f.type in ACTOR_TYPES
        ]
        return [
            Candidate(s, "MEETS_WITH", other, verb.i, "meets-participation")
            for s in subjects
            for other in self.met
            if other.name != s.name
        ]

    def _origin(self, prep) -> list[Candidate]:
        places = [
            f
            for c in prep.children
            if c.dep_ == "pobj"
            for f in self.m.in_phrase(c)
            if f.type in ("LOCATION", "STATE")
        ]
        if not places:
            return []
        anchor = prep.head
        subjects: list[Found] = []
        if anchor.pos_ in ("VERB", "AUX"):
            subjects = [f for h in subject_heads(anchor) for f in self.m.in_phrase(h)]
        if not subjects:
            before = [
                f
                for f in self.m.found
                if f.end <= prep.i and f.type == "PERSON" and f.start >= prep.sent.start
            ]
            subjects = before[-1:]
        return [
            Candidate(s, "LOCATED_IN", places[0], prep.i, "located-origin", kind="origin")
            for s in subjects
            if s.type in ACTOR_TYPES
        ]

    def _protection(self, noun, stype: str) -> list[Candidate]:
        protectors = [
            f
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for c in p.children
            for f in self.m.in_phrase(c)
        ]
        protectors += [f for c in children(noun, "poss") for f in self.m.in_phrase(c)]
        verb = governing_verb(noun)
        protected = [f for h in subject_heads(verb) for f in self.m.in_phrase(h)] if verb else []
        return [
            Candidate(p, "SUPPORTS", t, noun.i, "supports-under-protection", support_type=(stype,))
            for p in protectors
            for t in protected
            if p.type in ACTOR_TYPES and t.type in ACTOR_TYPES and p.name != t.name
        ]

    def _agreement_parties(self, sent: Span, found_here: list[Candidate]) -> list[Candidate]:
        """ "In a meeting between A and B, an agreement was reached": A and B agreed."""
        meetings = [c for c in found_here if c.relation == "MEETS_WITH"]
        if not meetings or any(c.relation == "COOPERATES_WITH" for c in found_here):
            return []
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.agreements:
                kind = "alliance" if tok.lemma_.lower() == "alliance" else "agreement"
                return [
                    Candidate(
                        c.source,
                        "COOPERATES_WITH",
                        c.target,
                        tok.i,
                        "cooperates-meeting-parties",
                        kind=kind,
                    )
                    for c in meetings
                ]
        return []
