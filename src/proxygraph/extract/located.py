"""LOCATED_IN from where an actor's members, bases or territory are said to be.

- members: "fighters of the NRF ambushed a column in Panjshir", "two ISKP members were
  killed in operations in Faryab", "members of the RDF were present in Rutshuru" -> operates
  (live/reside/stay -> resides);
- bases: "the militia's headquarters near Qaim", "new centres for the group were set up in
  Khyber Pakhtunkhwa", "Tajikistan has become the main rear base for the NRF" -> based
  (sanctuary/haven/hideout -> sheltered);
- territory: "the group, which controls a third of Yemen", "rebels seized Tal Rifaat"
  -> operates.

A state's own organs in their own country are not located claims (the Taliban's forces in
Kabul), nor is the place an attack hit unless the attackers are said to be there.
"""

from __future__ import annotations

from spacy.tokens import Token

from proxygraph.extract.args import MentionMap, children, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import function_words, rule_word_map, rule_words

MEMBER_NOUNS = rule_words("member_nouns")
BASE_NOUNS = rule_word_map("base_nouns")  # noun -> LOCATED_IN kind
# spaCy lemmatises "bases" as "basis"
LEMMA_FIXES = rule_word_map("lemma_fixes")
# verbs whose subject owns the base in their object ("X maintains bases in Y")
HOLDING_VERBS = rule_words("holding_verbs")
CONTROL_VERBS = rule_words("control_verbs")
RESIDE_VERBS = rule_words("reside_verbs")
PLACE_PREPS = function_words("place_preps")
EVENT_NOUNS = rule_words("event_nouns")
# "those (said to have) found refuge ... include A, B": a list stands for the subject
LISTED_SUBJECTS = rule_words("listed_subjects")
SOURCE_TYPES = frozenset({"ARMED_GROUP", "POLITICAL_ORG", "STATE_AGENCY"})


class LocatedReader:
    """Reads LOCATED_IN claims off one document's parse."""

    def __init__(self, mentions: MentionMap, kb: KnowledgeBase) -> None:
        self.m = mentions
        self.kb = kb

    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in self.m.doc:
            lemma = LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()
            if tok.pos_ == "NOUN" and lemma in MEMBER_NOUNS:
                out += self._members(tok)
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in BASE_NOUNS:
                out += self._bases(tok, BASE_NOUNS[lemma])
            elif tok.pos_ == "VERB" and lemma in CONTROL_VERBS:
                out += self._control(tok)
        return out

    # --- owners and places ------------------------------------------------------------
    def _owners(self, noun: Token) -> list[Found]:
        """ "ISKP members", "the group's fighters", "fighters of the TTP", "bases for X"."""
        heads: list[Token] = []
        hit = self.m.at.get(noun.i)
        if hit is not None:
            return [hit] if hit.type in SOURCE_TYPES else []
        heads += children(noun, "poss")
        for c in children(noun, "compound", "amod", "nmod"):
            if c.i in self.m.at:
                heads.append(c)
        for prep in children(noun, "prep"):
            if prep.lower_ in ("of", "for"):
                heads += children(prep, "pobj")
        out = [f for h in heads for f in self.m.in_phrase(h) if f.type in SOURCE_TYPES]
        return out

    def _places(self, tok: Token, depth: int = 0) -> list[Found]:
        """Places in the in/at/near phrases on tok, and one level through an event noun
        ("killed in operations in Faryab")."""
        out: list[Found] = []
        for prep in children(tok, "prep"):
            if prep.lower_ not in PLACE_PREPS:
                continue
            for obj in children(prep, "pobj"):
                here = [f for f in self.m.in_phrase(obj) if f.type in ("LOCATION", "STATE")]
                if here:
                    out += here
                elif depth == 0 and obj.lemma_.lower() in EVENT_NOUNS:
                    out += self._places(obj, depth + 1)
        return out

    def _same_state(self, actor: Found, place: Found) -> bool:
        if actor.type not in ("STATE", "STATE_AGENCY"):
            return False
        a = self._state_id(actor.actor_id)
        for pid in (place.actor_id, *place.kb_ids):
            if a is not None and self._state_id(pid) == a:
                return True
        return a is None

    def _state_id(self, aid: str | None) -> str | None:
        spec = self.kb.get(aid) if aid else None
        if spec is None:
            return aid.split("~")[0] if aid and "~" in aid else None
        state = spec if spec.type == "STATE" else self.kb.state_of(spec.id)
        if state is None:
            return None
        gov = self.kb.governing(state.id, None) or state
        return gov.id

    def _as_named(self, place: Found) -> Found:
        """A capital named for its country ("Kabul" -> Afghanistan) is, as a place, itself."""
        if "metonym" not in place.rule:
            return place
        text = self.m.doc[place.start : place.end].text
        return Found(
            place.start, place.end, "LOCATION", None, text, place.rule, kb_ids=place.kb_ids
        )

    def _emit(
        self, owners: list[Found], places: list[Found], trigger: int, rule: str, kind: str
    ) -> list[Candidate]:
        out: list[Candidate] = []
        for o in owners:
            for p in places:
                if o.name == p.name or self._same_state(o, p):
                    continue
                out.append(Candidate(o, "LOCATED_IN", self._as_named(p), trigger, rule, kind=kind))
        return out

    # --- rules ------------------------------------------------------------------------
    def _members(self, noun: Token) -> list[Candidate]:
        owners = self._owners(noun)
        if not owners:
            return []
        places = self._places(noun)
        verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        kind = "operates"
        if not places and verb is not None and verb.pos_ in ("VERB", "AUX"):
            places = self._places(verb)
            for acomp in children(verb, "acomp"):  # "were present in Rutshuru"
                places += self._places(acomp)
            if verb.lemma_.lower() in RESIDE_VERBS:
                kind = "resides"
        return self._emit(owners, places, noun.i, "located-members", kind)

    def _bases(self, noun: Token, kind: str) -> list[Candidate]:
        # a state organ's own offices and barracks are not news; a group's bases are
        owners = [o for o in self._owners(noun) if o.type != "STATE_AGENCY"]
        rule = "located-base"
        if not owners and noun.dep_ == "dobj" and noun.head.lemma_.lower() in HOLDING_VERBS:
            # "the group runs training centres in X", "whose fighters hold a stronghold in X"
            owners = [
                f
                for h in subject_heads(noun.head)
                for f in (self._owners(h) if h.lemma_.lower() in MEMBER_NOUNS else [])
                or self.m.in_phrase(h)
                if f.type in SOURCE_TYPES and f.type != "STATE_AGENCY"
            ]
            rule = "located-held-base"
        if not owners and kind == "sheltered":
            owners, rule = self._listed_refugees(noun), "located-refuge-list"
        if not owners:
            return []
        places = self._places(noun)
        if not places and noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
            places = [
                f
                for h in subject_heads(noun.head)
                for f in self.m.in_phrase(h)
                if f.type in ("LOCATION", "STATE")
            ]
        if not places and noun.dep_ in ("nsubjpass", "dobj", "nsubj"):
            places = self._places(noun.head)
        return self._emit(owners, places, noun.i, rule, kind)

    def _listed_refugees(self, noun: Token) -> list[Found]:
        """ "Those said to have found refuge in X include A, B and C": the people listed."""
        verb = noun.head if noun.dep_ == "dobj" else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        subj = subject_heads(verb)
        if not subj or subj[0].lower_ not in LISTED_SUBJECTS:
            return []
        out: list[Found] = []
        for tok in noun.sent:
            if tok.lemma_.lower() != "include" or tok.pos_ != "VERB":
                continue
            if not any(s.i == subj[0].i for s in subject_heads(tok)) and tok.head != subj[0].head:
                continue
            for obj in children(tok, "dobj"):
                for t in obj.subtree:
                    f = self.m.at.get(t.i)
                    if f is None or f.type != "PERSON" or f in out or t.i != f.end - 1:
                        continue
                    cur = t  # listed: reached from the object through conjuncts and appositions
                    while cur.i != obj.i and cur.dep_ in ("conj", "appos"):
                        cur = cur.head
                    if cur.i == obj.i:
                        out.append(f)
        return out

    def _control(self, verb: Token) -> list[Candidate]:
        subjects = [
            f for h in subject_heads(verb) for f in self.m.in_phrase(h) if f.type == "ARMED_GROUP"
        ]
        if not subjects:
            return []
        places = [
            f for o in children(verb, "dobj") for f in self.m.in_phrase(o) if f.type == "LOCATION"
        ]
        return self._emit(subjects, places, verb.i, "located-control", "operates")
