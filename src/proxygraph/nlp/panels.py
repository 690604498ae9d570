"""UN sanctions panels named without their country: "UN experts said Rwanda arms the M23".

The knowledge base holds one panel per sanctions regime (an INTERNATIONAL_ORG under the
Security Council, `unsc`, with the regime's `country`). A phrase of the lexicon's
`groups.expert_panels` ("UN experts", "U.N. investigators", "UN panel of experts") means
the panel of the country the document names most; when no named country has a panel, or
two tie, the phrase is left to the other rules ("UN" alone is the United Nations). After
the first such phrase, "the experts", "the panel", ... (`groups.expert_panel_anaphora`)
refer back to the same panel.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase
from proxygraph.kb.specs import ActorSpec
from proxygraph.nlp.found import Found
from proxygraph.nlp.kb_index import KBMatch
from proxygraph.nlp.lexicon import Lexicon

RULE = "expert-panel"


def _panels(kb: KnowledgeBase) -> dict[str, ActorSpec]:
    """country code -> the sanctions panel of that country."""
    return {
        a.country: a
        for a in kb.actors.values()
        if a.type == "INTERNATIONAL_ORG" and a.part_of == "unsc" and a.country
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


def _phrases(doc: Doc, phrases: set[tuple[str, ...]], start: int = 0) -> list[tuple[int, int]]:
    """Token spans of `phrases` (lower-cased token tuples) from `start` on, longest first."""
    lengths = sorted({len(p) for p in phrases}, reverse=True)
    spans: list[tuple[int, int]] = []
    i = start
    while i < len(doc):
        n = next((n for n in lengths if tuple(t.lower_ for t in doc[i : i + n]) in phrases), 0)
        if n:
            spans.append((i, i + n))
        i += max(n, 1)
    return spans


def expert_panels(
    doc: Doc, hits: Sequence[KBMatch], kb: KnowledgeBase, lex: Lexicon
) -> list[Found]:
    """Mentions of the document's sanctions panel by a generic phrase, and the phrases
    that refer back to it after the first ("the experts")."""
    spans = _phrases(doc, lex.expert_panels) if lex.expert_panels else []
    if not spans:
        return []
    panels = _panels(kb)
    country = _dominant_country(hits, kb, set(panels))
    if country is None:
        return []
    panel = panels[country]
    named = {s for s, _ in spans}
    back = [
        (s, e)
        for s, e in _phrases(doc, lex.expert_panel_anaphora, spans[0][1])
        if not any(s <= n < e for n in named)
    ]
    out = [Found(s, e, panel.type, panel.id, panel.name, RULE) for s, e in spans]
    out += [Found(s, e, panel.type, panel.id, panel.name, RULE + "-anaphora") for s, e in back]
    return sorted(out, key=lambda f: f.start)
