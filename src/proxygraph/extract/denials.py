"""Denials that point back: "X dismissed the accusations", "a charge X rejects", "X arms Y
despite its denials" (post-processing of the claim engine)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from proxygraph.extract.args import MentionMap, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.patterns import Patterns
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.nlp.found import Found
from proxygraph.records import ActorRef, Claim

DENIAL_CONFIDENCE = 0.6


def _text(doc: Doc, f: Found | None) -> str | None:
    return doc[f.start : f.end].text if f is not None else None


class DenialReader:
    """Mixin of ClaimExtractor: the denied copies of claims made earlier."""

    kb: KnowledgeBase
    p: Patterns

    def root_state(self, f: Found) -> str:
        raise NotImplementedError

    def _denials_of_previous(
        self, doc: Doc, mentions: MentionMap, claims: list[Claim], outlet: str
    ) -> list[Claim]:
        """ "X dismissed the accusations": X denies what was alleged against X just before."""
        objects = set(self.p.cues["denial_objects"])
        denials = set(self.p.cues["denial_verbs"])
        out: list[Claim] = []
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            for tok in sent:
                if tok.lemma_.lower() not in denials or not (
                    tok.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in tok.children)
                ):
                    continue  # a verb, or a verb mistagged as a noun but given a subject
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                on_noun = tok.dep_ == "relcl" and tok.head.lower_ in objects
                # "a charge the Taliban reject", parsed with the charge as subject and the
                # denier in apposition to it
                subj_noun = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in objects]
                if not on_noun and not subj_noun and not any(o.lower_ in objects for o in objs):
                    continue
                heads = [a for n in subj_noun for a in n.children if a.dep_ == "appos"]
                heads = heads if subj_noun else subject_heads(tok)
                deniers = [f for h in heads for f in mentions.in_phrase(h)]
                if not deniers:
                    continue
                denier = deniers[0]
                lo = sents[max(0, n - 2)].start_char
                for claim in claims:
                    if not (lo <= claim.evidence_start <= sent.start_char):
                        continue
                    if claim.polarity != "affirmed" or claim.modality not in ("alleged",):
                        continue
                    if not self._same_side(claim.source, denier):
                        continue
                    out.append(
                        Claim(
                            source=claim.source,
                            relation=claim.relation,
                            target=claim.target,
                            evidence_start=sent.start_char,
                            evidence_end=sent.end_char,
                            evidence_text=sent.text,
                            rule="denial-of-previous",
                            support_type=claim.support_type,
                            kind=claim.kind,
                            role=claim.role,
                            polarity="denied",
                            modality="reported",
                            claimant_name=denier.name,
                            claimant_mention=_text(doc, denier),
                            time=claim.time,
                            confidence=DENIAL_CONFIDENCE,
                        )
                    )
        return out

    def _despite_denials(
        self, doc: Doc, mentions: MentionMap, cand: Candidate, made: list[Claim]
    ) -> list[Claim]:
        """ "X arms Y despite its denials": X denies it, besides whoever asserts it."""
        if not made or made[0].polarity != "affirmed":
            return []
        trigger = doc[cand.trigger]
        verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
        cur = trigger
        while cur.dep_ == "conj":
            cur = cur.head
            verbs.append(cur)
        nouns = set(self.p.cues["denial_nouns"])
        preps = set(self.p.cues.get("despite_words", []))
        out: list[Claim] = []
        for verb in verbs:
            for prep in verb.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps:
                    continue
                for noun in prep.children:
                    if noun.dep_ != "pobj" or noun.lower_ not in nouns:
                        continue
                    owners = [c for c in noun.children if c.dep_ == "poss"]
                    owners += [
                        o
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ == "by"
                        for o in c.children
                        if o.dep_ == "pobj"
                    ]
                    deniers = [f for o in owners for f in mentions.in_phrase(o)]
                    claim = made[0]
                    for denier in deniers:
                        if not self._same_side(claim.source, denier):
                            continue
                        out.append(
                            replace(
                                claim,
                                rule=f"{cand.rule}|denial-despite",
                                polarity="denied",
                                modality="reported",
                                claimant_name=denier.name,
                                claimant_mention=_text(doc, denier),
                            )
                        )
                        break
        return out

    def _same_side(self, ref: ActorRef, denier: Found) -> bool:
        if ref.name == denier.name:
            return True
        ref_state = None
        if ref.actor_id:
            state = self.kb.state_of(ref.actor_id) if ref.actor_id in self.kb.actors else None
            ref_state = state.id if state else ref.actor_id.split("~")[0]
        return ref_state is not None and ref_state == self.root_state(denier)
