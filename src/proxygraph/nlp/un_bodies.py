"""UN bodies named without their country: "UN experts said ...", "UN peacekeepers were
attacked ...".

The knowledge base holds one sanctions panel per regime (an INTERNATIONAL_ORG under the
Security Council, `part_of: unsc`) and one mission per country (`part_of: un`), each with
its `country`. A phrase of the lexicon (`groups.yaml`: `expert_panels`, `un_missions`)
means the body of that kind for the country the document names most; with no named
country that has one, or a tie, the phrase is left to the other rules ("UN" alone is the
United Nations). After the first such phrase, its references back ("the experts", "the
mission": `expert_panel_anaphora`, `un_mission_anaphora`) mean the same body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp.found import Found
from proxygraph.nlp.kb_index import KBMatch
from proxygraph.nlp.lexicon import Lexicon

Phrases = set[tuple[str, ...]]


@dataclass(frozen=True)
class BodyKind:
    """A kind of country-specific UN body: its parent in the KB and its rule name."""

    parent: str
    rule: str


PANEL = BodyKind("unsc", "expert-panel")
MISSION = BodyKind("un", "un-mission")


def _bodies(kb: KnowledgeBase, kind: BodyKind) -> dict[str, ActorSpec]:
    """country code -> the body of that kind for the country."""
    return {
        a.country: a
        for a in kb.actors.values()
        if a.type == "INTERNATIONAL_ORG" and a.part_of == kind.parent and a.country
    }


def _dominant_country(hits: Sequence[KBMatch], kb: KnowledgeBase, among: set[str]) -> str | None:
    """The country (of `among`) that the document's KB matches name most; None on a tie."""
    counts = Counter(
        country for hit in hits if (country := kb.actors[hit.actor_ids[0]].country) in among
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _phrases(doc: Doc, phrases: Phrases, start: int = 0) -> list[tuple[int, int]]:
    """Token spans of `phrases` (lower-cased token tuples) from `start` on, longest first."""
    if not phrases:
        return []
    lengths = sorted({len(p) for p in phrases}, reverse=True)
    spans: list[tuple[int, int]] = []
    i = start
    while i < len(doc):
        n = next((n for n in lengths if tuple(t.lower_ for t in doc[i : i + n]) in phrases), 0)
        if n:
            spans.append((i, i + n))
        i += max(n, 1)
    return spans


def _body_mentions(
    doc: Doc,
    hits: Sequence[KBMatch],
    kb: KnowledgeBase,
    kind: BodyKind,
    phrases: Phrases,
    back: Phrases,
) -> list[Found]:
    spans = [
        (s, e)
        for s, e in _phrases(doc, phrases)
        if not any(h.start < e and s < h.end and h.end - h.start > e - s for h in hits)
    ]  # a longer KB name wins ("UN Mission in South Sudan" when it is an alias)
    if not spans:
        return []
    bodies = _bodies(kb, kind)
    country = _dominant_country(hits, kb, set(bodies))
    if country is None:
        return []
    body = bodies[country]
    named = {s for s, _ in spans}
    later = [
        (s, e) for s, e in _phrases(doc, back, spans[0][1]) if not any(s <= n < e for n in named)
    ]
    out = [Found(s, e, body.type, body.id, body.name, kind.rule) for s, e in spans]
    out += [Found(s, e, body.type, body.id, body.name, kind.rule + "-anaphora") for s, e in later]
    return out


def un_bodies(doc: Doc, hits: Sequence[KBMatch], kb: KnowledgeBase, lex: Lexicon) -> list[Found]:
    """Mentions of the document's UN sanctions panel and UN mission by generic phrases."""
    out = _body_mentions(doc, hits, kb, PANEL, lex.expert_panels, lex.expert_panel_anaphora)
    panels = list(out)
    for f in _body_mentions(doc, hits, kb, MISSION, lex.un_missions, lex.un_mission_anaphora):
        if not any(p.overlaps(f.start, f.end) for p in panels):
            out.append(f)
    return sorted(out, key=lambda f: f.start)
