"""How definite descriptions name actors: "the army", "security forces", "the paramilitary
group", "the Turkish-backed fighters", "the authorities in Kabul" (callbacks of the claim
engine's MentionMap)."""

from __future__ import annotations

from spacy.tokens import Token

from proxygraph.extract.patterns import Patterns
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon
from proxygraph.nlp.organs import resolve_organ

DESCRIBED_ORGANS = frozenset({"military", "army", "security", "police", "government"})


class DescriptionResolver:
    """Mixin of ClaimExtractor: resolves descriptions to the actor the context names."""

    kb: KnowledgeBase
    lex: Lexicon
    p: Patterns
    demonym_of: dict[str, str]
    group_heads: frozenset[str]
    _backed: dict[str, list[Found]]

    def root_state(self, f: Found) -> str:
        raise NotImplementedError

    def _organ_description(self, tok: Token, found: list[Found]) -> Found | None:
        """ "the army", "security forces", "the junta": that organ of the state named last."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        organ = None
        start = tok.i
        if tok.i > 0:
            organ = self.lex.organ_phrases.get((self.doc_lower(tok, -1), tok.lower_))
            start = tok.i - 1 if organ else tok.i
        organ = organ or self.lex.organ_phrases.get((tok.lower_,))
        if (
            organ is not None
            and start == tok.i
            and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children)
        ):
            organ = None  # "coalition forces", "peacekeeping troops": no state's organ
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        backer = self._hyphen_backer(tok, found)
        if backer is not None:  # "the Turkish-backed fighters": the group Turkey backs
            return self._backed_group(tok, backer)
        if organ is None and tok.lower_ in self.group_heads and dets & {"the", "this", "that"}:
            return self._group_before(found, tok)
        if organ is None or organ not in DESCRIBED_ORGANS:
            return None
        state = self._state_in(tok, found)  # "the authorities in Kabul", "officials in Islamabad"
        if state is None and not (
            dets & {"the", "its", "their"} or (not dets and tok.tag_ == "NNS")
        ):
            return None
        state = (
            state
            or self._home_of_conjoined_group(tok, found)
            or ("the" in dets and self._same_organ_before(found, start, organ) or None)
            or self._state_before(found, start)
        )
        if state is None:
            return None
        demonym = state.demonyms[0] if state.demonyms else state.name
        aid, name, typ, part_of = resolve_organ(self.kb, self.lex, state, organ, demonym, None)
        return Found(start, tok.i + 1, typ, aid, name, "organ-description", part_of)

    def _hyphen_backer(self, tok: Token, found: list[Found]) -> str | None:
        """The backer named before "-backed"/"-supported" on a noun, as a root state id."""
        backing = set(self.p.cues.get("backed_participles", []))
        for c in tok.children:
            if c.dep_ not in ("amod", "compound") or c.lemma_.lower() not in backing:
                continue
            if c.i < 2 or tok.doc[c.i - 1].text != "-":
                continue
            prev = tok.doc[c.i - 2]
            hit = next((f for f in found if f.start <= prev.i < f.end), None)
            if hit is not None and hit.type != "LOCATION":
                return self.root_state(hit)
            sid = self.demonym_of.get(prev.lower_) or (hit.actor_id if hit else None)
            if sid and sid in self.kb.actors:
                gov = self.kb.governing(sid, None) or self.kb.actors[sid]
                return gov.id
        return None

    def _backed_group(self, tok: Token, backer: str) -> Found | None:
        """The group the document last said `backer` backs; none if it said none."""
        groups = self._backed.get(backer) or []
        if not groups:
            return None
        g = groups[-1]
        return Found(
            tok.i, tok.i + 1, g.type, g.actor_id, g.name, "backed-description", g.part_of, g.kb_ids
        )

    def _group_before(self, found: list[Found], tok: Token) -> Found | None:
        """The armed group named last before a definite group noun, within three sentences."""
        sent_start = tok.sent.start
        for f in sorted(found, key=lambda f: f.start, reverse=True):
            if (
                f.end > tok.i
                or f.type != "ARMED_GROUP"
                or f.actor_id is None
                and f.rule in ("group-noun", "group-pronoun")
            ):
                continue
            if tok.doc[f.start].sent.start < sent_start - 200:
                return None
            return Found(
                tok.i,
                tok.i + 1,
                f.type,
                f.actor_id,
                f.name,
                "group-description",
                f.part_of,
                f.kb_ids,
            )
        return None

    @staticmethod
    def doc_lower(tok: Token, offset: int) -> str:
        return tok.doc[tok.i + offset].lower_

    def _state_in(self, tok: Token, found: list[Found]) -> ActorSpec | None:
        """The state whose capital or name follows "in" after an organ word."""
        by_start = {f.start: f for f in found}
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                f = by_start.get(obj.i) or next(
                    (g for g in found if g.start <= obj.i < g.end), None
                )
                if f is None:
                    continue
                for aid in (*f.kb_ids, f.actor_id):
                    actor = self.kb.get(aid) if aid else None
                    if actor is not None and actor.type == "STATE":
                        return actor
        return None

    def _home_of_conjoined_group(self, tok: Token, found: list[Found]) -> ActorSpec | None:
        """ "the war between the army and the RSF": an army coordinated with an armed group
        of known country is that country's army."""
        by_token = {i: f for f in found for i in range(f.start, f.end)}
        conjuncts = [c for c in tok.children if c.dep_ == "conj"]
        if tok.dep_ == "conj":
            conjuncts.append(tok.head)
        for c in conjuncts:
            f = by_token.get(c.i)
            group = self.kb.get(f.actor_id) if f is not None and f.type == "ARMED_GROUP" else None
            state = self.kb.get(group.country.lower()) if group and group.country else None
            if state is not None and state.type == "STATE":
                return state
        return None

    def _same_organ_before(self, found: list[Found], i: int, organ: str) -> ActorSpec | None:
        """ "the army" after "Sudan's army": the state whose same organ was named before."""
        for f in sorted(found, key=lambda f: f.start, reverse=True):
            if f.end > i or f.type != "STATE_AGENCY" or not f.actor_id:
                continue
            state = self.kb.get(f.part_of) if f.part_of else None
            if state is None and f.actor_id in self.kb.actors:
                state = self.kb.state_of(f.actor_id)
            if state is None or state.type != "STATE":
                continue
            demonym = state.demonyms[0] if state.demonyms else state.name
            if resolve_organ(self.kb, self.lex, state, organ, demonym, None)[0] == f.actor_id:
                return state
        return None

    def _state_before(self, found: list[Found], i: int) -> ActorSpec | None:
        for f in sorted(found, key=lambda f: f.start, reverse=True):
            if f.end > i:
                continue
            for aid in (f.part_of, *f.kb_ids, f.actor_id):
                actor = self.kb.get(aid) if aid else None
                if actor is not None and actor.type == "STATE":
                    return self.kb.actors.get(actor.id)
        return None
