"""MEETS_WITH read outside the single-trigger frames: co-subjects of a meeting verb or of
holding talks ("A and B met", "A and B held talks"), and no meeting with the mediator or
host of talks between others."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from proxygraph.extract.args import MentionMap, children
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.relation_args import pairs, subjects, with_partners


class MeetingReader:
    """Per-sentence MEETS_WITH rules; words from data/patterns/cues.yaml."""

    def __init__(self, mentions: MentionMap, cues: dict[str, Any]) -> None:
        self.m = mentions
        self.verbs = set(cues.get("meeting_verbs", []))
        self.hold = set(cues.get("meeting_hold_verbs", []))
        self.nouns = set(cues.get("meeting_nouns", []))
        self.mediation = set(cues.get("mediation_verbs", []))

    def sentence(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            if (
                lemma in self.verbs
                and not children(tok, "dobj")
                or lemma in self.hold
                and any(
                    o.lower_ in self.nouns or o.lemma_.lower() in self.nouns
                    for o in children(tok, "dobj")
                )
            ):
                out += self._co_subjects(tok)
        return out

    def _co_subjects(self, verb: Token) -> list[Candidate]:
        """ "A and B met" (no object, no "with" partner): every pair of co-subjects."""
        if with_partners(self.m, verb):
            return []  # the frames read "A met with B"
        subj = subjects(self.m, verb)
        return [Candidate(a, "MEETS_WITH", b, verb.i, "meets-co-subjects") for a, b in pairs(subj)]

    def drop_mediators(self, doc_sent: Span, cands: list[Candidate]) -> list[Candidate]:
        """ "Algiers brokered talks between Mali and the rebels": no Algiers-Mali meeting."""
        mediators: set[str] = set()
        for tok in doc_sent:
            if (
                tok.pos_ == "VERB"
                and tok.lemma_.lower() in self.mediation
                and any(
                    o.lemma_.lower() in self.nouns or o.lower_ in self.nouns
                    for o in children(tok, "dobj", "nsubjpass")
                )
            ):
                mediators |= {f.name for f in subjects(self.m, tok)}
        if not mediators:
            return cands
        return [
            c
            for c in cands
            if c.relation != "MEETS_WITH" or not ({c.source.name, c.target.name} & mediators)
        ]
