"""Find every actor and place mention in a parsed Doc and link it to an actor."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp import coref
from proxygraph.nlp.found import Found
from proxygraph.nlp.kb_index import DEMONYM, METONYM, KBIndex, KBMatch, build_index
from proxygraph.nlp.lexicon import Lexicon, build_lexicon
from proxygraph.nlp.organs import organ_mentions
from proxygraph.nlp.proper_names import find_proper_names, propagate_names, type_run
from proxygraph.nlp.typing_rules import type_for_name

PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "into",
        "inside",
        "to",
        "from",
        "across",
        "near",
        "at",
        "throughout",
        "within",
        "toward",
        "towards",
        "around",
        "outside",
        "via",
        "through",
    ]
)
LEADING_DROPS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


class MentionFinder:
    """Runs the mention rules over a Doc in priority order.

    kb (KnowledgeBase): the merged knowledge base.
    nlp (Language): the pipeline whose vocabulary the matchers use.
    """

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self.lex: Lexicon = build_lexicon(kb)
        self.index: KBIndex = build_index(kb, nlp)

    def find(self, doc: Doc, on: date | None = None) -> list[Found]:
        """All mentions of the doc, sorted, without overlaps."""
        hits = self.index.matches(doc)
        states_at = self._state_starts(hits)
        taken: list[Found] = []
        taken += organ_mentions(doc, states_at, self.kb, self.lex, on)
        for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
            if hit.kind == DEMONYM or any(f.overlaps(hit.start, hit.end) for f in taken):
                continue
            taken.append(self._from_kb(doc, hit, on))
        taken += self._from_ner(doc, taken)
        taken += find_proper_names(doc, taken, self.lex)
        taken = propagate_names(doc, taken)
        taken.sort(key=lambda f: f.start)
        taken = coref.link_acronyms(doc, taken, self.lex)
        taken = coref.link_short_names(doc, taken)
        taken = coref.resolve_anaphora(doc, taken, self.lex)
        return sorted(taken, key=lambda f: f.start)

    def _from_ner(self, doc: Doc, taken: list[Found]) -> list[Found]:
        """spaCy's entities that no KB rule covered, typed by label, head words and context."""
        out: list[Found] = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            if doc[start].lower_ in LEADING_DROPS and end - start > 1:
                start += 1
            if doc[end - 1].lower_ in ("'s", "’s") and end - start > 1:
                end -= 1
            if any(f.overlaps(start, end) for f in (*taken, *out)):
                continue
            typ = type_for_name(doc[start:end].text, ent.label_, self.lex)
            rule = f"ner-{ent.label_.lower()}"
            if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
                typed = type_run(doc, start, end, self.lex)
                if typed is not None and typed[0] == "LOCATION":
                    typ, end, rule = "LOCATION", typed[1], f"{rule}+{typed[2]}"
            if typ is not None and not any(f.overlaps(start, end) for f in taken):
                out.append(Found(start, end, typ, None, bare_name(doc, start, end, self.lex), rule))
        return out

    def _state_starts(self, hits: list[KBMatch]) -> dict[int, tuple[int, ActorSpec]]:
        """Token index -> (end, state) for demonyms and state names (organ phrase heads)."""
        out: dict[int, tuple[int, ActorSpec]] = {}
        for hit in hits:
            actor = self.kb.get(hit.actor_ids[0])
            if actor is None or actor.type != "STATE" or hit.kind == METONYM:
                continue
            if hit.start not in out or out[hit.start][0] < hit.end:
                out[hit.start] = (hit.end, actor)
        return out

    def _from_kb(self, doc: Doc, hit: KBMatch, on: date | None) -> Found:
        actor = self.kb.actors[hit.actor_ids[0]]
        rule = "kb-metonym" if hit.kind == METONYM else "kb-alias"
        if actor.type == "STATE":
            if _used_as_place(doc, hit.start):
                return Found(
                    hit.start,
                    hit.end,
                    "LOCATION",
                    actor.id,
                    actor.name,
                    rule + "-place",
                    kb_ids=hit.actor_ids,
                )
            gov = self.kb.governing(actor.id, on) or actor
            return Found(hit.start, hit.end, gov.type, gov.id, gov.name, rule, kb_ids=hit.actor_ids)
        state = self.kb.state_of(actor.id) if actor.part_of else None
        return Found(
            hit.start,
            hit.end,
            actor.type,
            actor.id,
            actor.name,
            rule,
            part_of=state.id if state else actor.part_of,
            kb_ids=hit.actor_ids,
        )


def bare_name(doc: Doc, start: int, end: int, lex: Lexicon) -> str:
    """The name without a trailing place noun ("Kunar province" -> "Kunar")."""
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in lex.place_nouns:
        end -= 1
    return doc[start:end].text


def _used_as_place(doc: Doc, start: int) -> bool:
    """A country or capital named after a locative preposition is a place, not an actor."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.lower_ == "the" and start >= 2:
        prev = doc[start - 2]
    return prev.lower_ in PLACE_PREPOSITIONS
