"""Who says a claim, how sure the text is, and whether it is denied."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from spacy.tokens import Span, Token

from proxygraph.extract.args import MentionMap, children, subject_heads
from proxygraph.nlp.found import Found

RANK = {"asserted": 0, "reported": 1, "alleged": 2, "planned": 3, "hypothetical": 3}


@dataclass
class Attribution:
    """The voice of one claim.

    claimant (Found | None): the quoted actor; None means the document's outlet.
    also_alleged_by (Found | None): the owner of a claim noun under a denial ("Kabul's
        claim that ..."), who asserts what the denier denies.
    """

    claimant: Found | None = None
    modality: str = "asserted"
    polarity: str = "affirmed"
    rule: str = "outlet"
    also_alleged_by: Found | None = None
    directive: bool = False  # the claim is only demanded ("urged X to expel Y")


class Attributor:
    """Reads attribution cues (data/patterns/cues.yaml) around a trigger."""

    def __init__(self, mentions: MentionMap, cues: dict[str, Any]) -> None:
        self.m = mentions
        self.reporting: dict[str, str] = cues["reporting_verbs"]
        self.claim_nouns = set(cues["claim_nouns"])
        self.denials = set(cues["denial_verbs"])
        self.denial_nouns = set(cues["denial_nouns"])
        self.alleged_adverbs = set(cues["alleged_adverbs"])
        self.alleged_phrases = [tuple(p.split()) for p in cues["alleged_phrases"]]
        self.planned = {w for w in cues["planned_words"] if " " not in w}
        self.planned_phrases = [tuple(p.split()) for p in cues["planned_words"] if " " in p]
        self.hypothetical = {w for w in cues["hypothetical_words"] if " " not in w}
        self.negations = set(cues["negations"])
        self.according = [tuple(p.split()) for p in cues["according_preps"]]
        self.directives = set(cues.get("directive_verbs", [])) | set(cues.get("wish_verbs", []))
        self.presupposed = list(cues.get("presupposed_rules", []))
        self.temporal_marks = set(cues.get("temporal_marks", []))

    def _speaker(self, verb: Token) -> Found | None:
        """Who speaks with a reporting verb: its subject, or in the passive its agent
        ("Rwanda was accused by Kinshasa of ...": Kinshasa; with no agent, nobody named)."""
        if any(c.dep_ == "auxpass" for c in verb.children):
            agents = [o for a in children(verb, "agent") for o in children(a, "pobj")]
            found = [f for h in agents for f in self.m.in_phrase(h) if f.type != "LOCATION"]
            return found[0] if found else None
        subj = subject_heads(verb)
        actors = [f for h in subj for f in self.m.in_phrase(h) if f.type != "LOCATION"]
        if not actors and verb.dep_ == "parataxis":
            actors = [f for h in subject_heads(verb.head) for f in self.m.in_phrase(h)]
        return actors[0] if actors else None

    def attribute(self, trigger: Token, rule: str | None = None) -> Attribution:
        """Walk from the trigger up to the root, reading the innermost voice first.

        rule (str): the candidate's rule; a title or apposition is the outlet's own voice.
        """
        att = Attribution()
        if rule is not None and any(fnmatchcase(rule, p) for p in self.presupposed):
            att.rule = "presupposed"
            return att
        # "rejected Kinshasa's accusation": the accusation was still made
        claim_noun = trigger.lower_ in self.claim_nouns
        voice_set = False
        if self._negated(trigger):
            att.polarity = "denied"
        att.modality = self._local_modality(trigger)
        cur = trigger
        chain: list[Token] = []
        presupposed = False
        aside = False
        while cur.head is not cur and len(chain) < 12:
            dep = cur.dep_
            below = cur
            # ", blaming X": a participle set off by a comma is the subject's own act
            aside = aside or (
                dep == "advcl" and cur.tag_ == "VBG" and cur.i > 0 and cur.nbor(-1).text == ","
            )
            presupposed = presupposed or dep in ("relcl", "acl")
            if dep in ("relcl", "acl") and cur.head.dep_ == "appos" and not chain:
                # "X, the movement headed by Y": a description set off beside a name is the
                # outlet's own background, whoever speaks in the sentence
                att.rule = "presupposed"
                return att
            cur = cur.head
            chain.append(cur)
            lemma = cur.lemma_.lower()
            if (
                not voice_set
                and cur.pos_ == "VERB"
                and (lemma in self.directives or cur.lower_ in self.directives)
                and dep in ("ccomp", "xcomp")
                and not presupposed
            ):
                att.directive = True
            via_content = dep in (
                "ccomp",
                "xcomp",
                "advcl",
                "pcomp",
                "dobj",
                "prep",
                "acl",
                "conj",
                "relcl",
                "pobj",
                "nsubj",
                "nsubjpass",
                "appos",
            )
            if (
                dep == "nsubj"
                and cur.pos_ in ("VERB", "AUX")
                and (lemma in self.reporting or lemma in self.denials)
            ):
                via_content = False  # the speaker's own phrase, not what is said
            if claim_noun and below is trigger and dep in ("dobj", "nsubjpass"):
                via_content = False
            if dep == "advcl" and self._temporal(below):
                break  # "accused X ..., days after Y shot down Z": the outlet's narrative
            if cur.pos_ in ("VERB", "AUX") and lemma in self.denials and via_content:
                speaker = self._speaker(cur)
                if aside and not voice_set:
                    att.claimant, att.rule = speaker, f"reporting:{lemma}"
                    att.modality = _stronger(att.modality, "reported")
                    voice_set = True
                    continue
                prior = att.claimant if voice_set else None
                att.polarity = "denied"
                if prior is not None and att.modality in ("alleged", "reported"):
                    att.also_alleged_by = prior
                att.claimant, att.modality, att.rule = speaker, "reported", f"denial:{lemma}"
                voice_set = True
                continue
            if voice_set:
                continue
            if cur.pos_ in ("VERB", "AUX") and lemma in self.reporting and via_content:
                speaker = self._speaker(cur)
                # unnamed sources ("officials said") report too, with no named claimant
                if speaker is not None or self._unnamed_speaker(cur):
                    att.claimant = speaker
                    att.modality = _stronger(att.modality, self.reporting[lemma])
                    att.rule = f"reporting:{lemma}"
                    voice_set = True
                    if self._negated(cur):
                        att.polarity = "denied"
            elif cur.pos_ == "NOUN" and cur.lower_ in self.claim_nouns:
                # "Kabul's claim", "a US claim", "an Iranian statement": whose claim it is
                owners = [
                    f
                    for c in children(cur, "poss", "compound", "amod")
                    for f in self.m.in_phrase(c)
                    if f.type != "LOCATION"
                ]
                owners += [
                    f
                    for c in cur.children
                    if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children
                    for f in self.m.in_phrase(g)
                ]
                att.claimant = owners[0] if owners else None
                att.modality = _stronger(att.modality, "alleged")
                att.rule = f"claim-noun:{cur.lower_}"
                voice_set = True
            elif cur.pos_ == "NOUN" and cur.lower_ in self.denial_nouns:
                owners = [f for c in children(cur, "poss") for f in self.m.in_phrase(c)]
                att.claimant = owners[0] if owners else None
                att.polarity = "denied"
                att.modality = "reported"
                att.rule = f"denial-noun:{cur.lower_}"
                voice_set = True
            for child in cur.children:
                if child.dep_ == "parataxis" and child.lemma_.lower() in self.reporting:
                    speaker = self._speaker(child)
                    if (speaker is not None or self._unnamed_speaker(child)) and not voice_set:
                        att.claimant = speaker
                        att.modality = _stronger(att.modality, self.reporting[child.lemma_.lower()])
                        att.rule = f"reporting:{child.lemma_.lower()}"
                        voice_set = True
        if not voice_set:
            hit, according = self._according(trigger)
            if hit:
                att.claimant, att.rule = according, "according-to"
                att.modality = _stronger(att.modality, "reported")
        if att.modality in ("asserted", "reported") and self._hedged(trigger, chain):
            att.modality = "alleged"
        return att

    def _unnamed_speaker(self, verb: Token) -> bool:
        """ "officials said", "the report claimed", "..., sources said": reported speech
        whose speaker names no actor (the claimant stays empty)."""
        if verb.lemma_.lower() in ("claim", "allege", "accuse", "report"):
            return True
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it" for c in verb.children)

    def _temporal(self, clause: Token) -> bool:
        """An adverbial clause that only places events in time ("days after X ...")."""
        return any(c.dep_ == "mark" and c.lower_ in self.temporal_marks for c in clause.children)

    def _negated(self, tok: Token) -> bool:
        """A negation on the trigger, on the verb it is a conjunct of ("does not fund or
        arm"), or on the verb it complements ("did not try to arm")."""
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        # "sent no weapons", "obtained no arms"
        if any(
            d.lower_ in ("no", "neither") and d.dep_ == "det"
            for o in tok.children
            if o.dep_ in ("dobj", "nsubjpass")
            for d in o.children
        ):
            return True
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False  # "did not name X, but officials pressed Y": a clause of its own
        if tok.dep_ == "conj" and not any(
            c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.head.children
        ):
            return False  # "was not backing M23 and accused X": "not" stops at "and"
        return tok.dep_ in ("xcomp", "conj") and any(c.dep_ == "neg" for c in tok.head.children)

    def _local_modality(self, trigger: Token) -> str:
        """planned / hypothetical from auxiliaries and governing words up to the first clause."""
        cur = trigger
        for _ in range(5):
            for child in cur.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in self.hypothetical:
                    return "hypothetical"
                if child.dep_ in ("aux", "auxpass") and child.lower_ in self.planned:
                    return "planned"
            if cur.dep_ in ("ccomp", "parataxis") or cur.head is cur:
                break
            head = cur.head
            if cur.dep_ in ("xcomp", "acl") and head.lower_ in self.planned | {
                "agreement",
                "deal",
                "plan",
                "plans",
            }:
                return "planned"
            if cur.dep_ in ("pobj", "pcomp") and head.head.lower_ in self.planned:
                return "planned"
            if cur.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                break  # "paramilitaries already helping X": not what "would join" plans
            cur = head
        return "asserted"

    def _hedged(self, trigger: Token, chain: list[Token]) -> bool:
        for tok in [trigger, *chain[:3]]:
            if any(c.lower_ in self.alleged_adverbs for c in tok.children):
                return True
        sent = trigger.sent
        words = [t.lower_ for t in sent[: max(0, trigger.i - sent.start)]]
        return any(_contains(words[-6:], p) for p in self.alleged_phrases)

    def _according(self, trigger: Token) -> tuple[bool, Found | None]:
        """ "according to X": (found, X's actor); "according to some sources": (True, None).
        Read once per sentence: every claim of a sentence shares the answer."""
        sent = trigger.sent
        cache: dict[int, tuple[bool, Found | None]] = self.__dict__.setdefault(
            "_according_cache", {}
        )
        if sent.start not in cache:
            cache[sent.start] = self._according_in(sent)
        return cache[sent.start]

    def _according_in(self, sent: Span) -> tuple[bool, Found | None]:
        for tok in sent:
            for phrase in self.according:
                span = [t.lower_ for t in sent.doc[tok.i : tok.i + len(phrase)]]
                if tuple(span) == phrase:
                    end = tok.i + len(phrase)
                    last = sent.doc[end - 1]
                    objs = [c for c in last.children if c.dep_ == "pobj"]
                    if objs:  # the actors inside the object phrase only
                        lo, hi = objs[0].left_edge.i, objs[0].right_edge.i
                        for f in self.m.found:
                            if lo <= f.start <= hi and f.type != "LOCATION":
                                return True, f
                        return True, None
                    for f in self.m.found:
                        if f.start >= end and f.start <= end + 3 and f.type != "LOCATION":
                            return True, f
                    return True, None
        return False, None


def _stronger(current: str, new: str) -> str:
    return new if RANK.get(new, 0) > RANK.get(current, 0) else current


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[k : k + n]) == phrase for k in range(len(words) - n + 1))
