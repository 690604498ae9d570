"""Find every actor and place mention in a parsed Doc and link it to an actor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp import coref
from proxygraph.nlp.ethnic import branch_mentions, drop_bare_ethnonyms, ethnic_groups
from proxygraph.nlp.found import Found
from proxygraph.nlp.groups import (
    group_mentions,
    leader_regimes,
    office_titles,
    speaker_pronouns,
)
from proxygraph.nlp.kb_index import DEMONYM, METONYM, KBIndex, KBMatch, build_index
from proxygraph.nlp.lexicon import Lexicon, build_lexicon, function_words, rule_words
from proxygraph.nlp.organs import organ_mentions
from proxygraph.nlp.places import Places, place_descriptions
from proxygraph.nlp.proper_names import (
    find_proper_names,
    propagate_names,
    repair_person_names,
    type_run,
)
from proxygraph.nlp.typing_rules import type_for_name, type_from_words
from proxygraph.nlp.un_bodies import un_bodies

LEADING_DROPS = function_words("leading_drops")
CONTROL_VERBS = rule_words("control_verbs")  # "rebels captured Goma": Goma is a place
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
PLACE_TYPES = frozenset({"LOCATION"})
GROUP_TYPES = frozenset({"ARMED_GROUP", "STATE_AGENCY", "POLITICAL_ORG"})


class MentionFinder:
    """Runs the mention rules over a Doc in priority order.

    kb (KnowledgeBase): the merged knowledge base.
    nlp (Language): the pipeline whose vocabulary the matchers use.
    """

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self.lex: Lexicon = build_lexicon(kb)
        self.index: KBIndex = build_index(kb, nlp)
        self.places = Places(self.lex)

    def find(self, doc: Doc, on: date | None = None) -> list[Found]:
        """All mentions of the doc, sorted, without overlaps, places geocoded."""
        hits = self.index.matches(doc)
        states_at = self._state_starts(hits)
        hint = self.places.countries_named(
            [self.kb.actors[h.actor_ids[0]].name for h in hits if h.kind != DEMONYM]
        )
        taken: list[Found] = []
        groups_at = frozenset(
            h.start for h in hits if self.kb.actors[h.actor_ids[0]].type in GROUP_TYPES
        )
        taken += organ_mentions(doc, states_at, self.kb, self.lex, on, groups_at)
        taken += un_bodies(doc, hits, self.kb, self.lex)
        for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
            if hit.kind == DEMONYM or any(f.overlaps(hit.start, hit.end) for f in taken):
                continue
            taken.append(self._from_kb(doc, hit, on))
        taken = branch_mentions(doc, taken, self.kb, self.lex)
        taken += office_titles(doc, taken, self.lex)
        taken += ethnic_groups(doc, taken, self.lex)
        taken += self._from_ner(doc, taken, hint)
        taken += find_proper_names(doc, taken, self.lex, self._place_test(hint))
        taken = drop_bare_ethnonyms(doc, taken, self.lex)
        taken = propagate_names(doc, taken)
        taken.sort(key=lambda f: f.start)
        taken = repair_person_names(doc, taken, self.lex)
        taken = coref.link_acronyms(doc, taken, self.lex)
        taken = coref.link_short_names(doc, taken)
        taken = coref.resolve_anaphora(doc, taken, self.lex, lambda f: self._led_by(f, on))
        taken = leader_regimes(doc, taken, self.lex)
        taken = _places_by_context(doc, taken, self.lex)
        taken += place_descriptions(doc, taken, self.lex)
        taken += speaker_pronouns(doc, taken, self.lex)
        taken += group_mentions(doc, taken, self.lex)
        taken.sort(key=lambda f: f.start)
        return self.places.geocode(doc, taken, hint)

    def _led_by(self, person: Found, on: date | None) -> Found | None:
        """The state or group a KB person held office in on the date, as a mention."""
        org = self.kb.office_org_any(person.actor_id, on)
        if org is None:
            return None
        return Found(person.start, person.end, org.type, org.id, org.name, "office")

    def _place_test(self, hint: tuple[str, ...]) -> Callable[[str], bool]:
        return lambda name: self.places.place_like(name, hint)

    def _from_ner(self, doc: Doc, taken: list[Found], hint: tuple[str, ...]) -> list[Found]:
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
                elif self._ner_place(doc, start, end, ent.label_, typed, hint):
                    typ, rule = "LOCATION", f"{rule}+gazetteer"
            if typ is not None and not any(f.overlaps(start, end) for f in taken):
                out.append(Found(start, end, typ, None, bare_name(doc, start, end, self.lex), rule))
        return out

    def _ner_place(
        self,
        doc: Doc,
        start: int,
        end: int,
        label: str,
        typed: tuple[str, int, str] | None,
        hint: tuple[str, ...],
    ) -> bool:
        """A PERSON or ORG entity that the gazetteer knows as a place and nothing else types.

        An ORG needs no descriptor word ("Sinjar"); a PERSON also needs a place context
        ("in Palmyra") and no title or person verb.
        """
        if label not in ("PERSON", "ORG") or typed is not None:
            return False
        text = doc[start:end].text
        if type_from_words(text, self.lex) is not None:
            return False
        placed = _place_context(doc, start, self.lex) or _taken_territory(doc, start, end)
        if label == "PERSON" and not placed:
            return False
        return self.places.place_like(text, hint)

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
        place_use = hit.kind == METONYM and actor.type != "STATE"
        if place_use and _used_as_place(doc, hit.start, hit.end, self.lex):
            return Found(
                hit.start,
                hit.end,
                "LOCATION",
                actor.id,
                doc[hit.start : hit.end].text,
                rule + "-place",
                kb_ids=hit.actor_ids,
            )
        if actor.type == "PERSON":
            # a person keeps the spelling the document gives (transliterations differ); the
            # KB id still makes them one actor across documents
            text = doc[hit.start : hit.end].text
            return Found(hit.start, hit.end, "PERSON", actor.id, text, rule, kb_ids=hit.actor_ids)
        if actor.type == "STATE":
            # only a country is a place; a de-facto government ("Islamic Emirate") is not
            is_country = not actor.country or actor.id == actor.country.lower()
            if is_country and _used_as_place(doc, hit.start, hit.end, self.lex):
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


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    """The span heads a subject or a possessor ("Islamabad rejected", "Baghdad's plan")."""
    root = doc[start:end].root
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return True
    return root.dep_ in SUBJECT_DEPS


def _place_context(doc: Doc, start: int, lex: Lexicon) -> bool:
    """A locative preposition (or "of") before the name, skipping "the" and a direction."""
    k = start - 1
    while k >= 0 and (doc[k].lower_ == "the" or doc[k].lower_ in lex.directions):
        k -= 1
    return k >= 0 and (doc[k].lower_ in lex.place_prepositions or doc[k].lower_ == "of")


def _taken_territory(doc: Doc, start: int, end: int) -> bool:
    """The object of a verb of taking ground ("rebels captured Goma")."""
    root = doc[start:end].root
    return root.dep_ == "dobj" and root.head.lemma_.lower() in CONTROL_VERBS


def _used_as_place(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A country or capital used as a place rather than as an actor.

    After a locative preposition ("in Syria"), a direction ("northern Iraq"), "of" after a
    noun that is no office or group ("the future of Syria"), or "for" unless an office comes
    before or an infinitive after ("support for Iraq"). The object of a verb stays an actor
    ("visited Islamabad" is a meeting with the state).
    """
    if start == 0:
        return False
    k = start - 1
    if doc[k].lower_ in lex.directions:
        return True
    if doc[k].lower_ == "the" and k >= 1:
        k -= 1
    prev = doc[k]
    if prev.lower_ in lex.place_prepositions:
        return True
    if prev.lower_ in ("of", "for") and end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return False  # "support for Iraq's democratic process": the state acts
    if prev.lower_ == "of" and k >= 1:
        head = doc[k - 1].lower_
        return not (
            head in lex.of_actor_heads
            or head in lex.titles
            or head in lex.group_heads
            or (head,) in lex.organ_phrases
        )
    if prev.lower_ == "for" and k >= 1:
        after = doc[end] if end < len(doc) else None
        return doc[k - 1].lower_ not in lex.titles and not (
            after is not None and after.lower_ == "to"
        )
    return False


def _places_by_context(doc: Doc, found: list[Found], lex: Lexicon) -> list[Found]:
    """Countries coordinated with or placed after a place are places ("Anbar, Iraq",
    "in Syria and Iraq"); a direction before a place joins it ("eastern Aleppo")."""
    found = sorted(found, key=lambda f: f.start)
    place_tokens: set[int] = set()
    covered = {i for f in found for i in range(f.start, f.end)}
    for f in found:
        if f.type == "STATE" and f.rule in ("kb-alias", "kb-metonym"):
            root = doc[f.start : f.end].root
            after_place = (
                f.start >= 2 and doc[f.start - 1].text == "," and (f.start - 2 in place_tokens)
            )
            conj_place = root.dep_ == "conj" and root.head.i in place_tokens
            if after_place or conj_place:
                f.type, f.rule = "LOCATION", f.rule + "-place"
                f.actor_id = f.kb_ids[0] if f.kb_ids else f.actor_id
                f.name, f.part_of = doc[f.start : f.end].text, None
        if f.type in PLACE_TYPES:
            before = f.start - 1
            if before >= 0 and doc[before].lower_ in lex.directions and before not in covered:
                f.start = before
                covered.add(before)
                if f.actor_id is None:
                    f.name = doc[f.start : f.end].text
            place_tokens.update(range(f.start, f.end))
    return found
