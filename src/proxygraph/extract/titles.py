"""MEMBER_OF from organ appositions: "the GDI, the intelligence agency of the Islamic
Emirate" (person titles are in extract/roles.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from proxygraph.extract.args import MentionMap
from proxygraph.extract.candidates import Candidate
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import function_words

ORG_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG"}
)
STOP = frozenset({",", ";", ":", "(", ")", '"', "“", "”"}) | function_words("apposition_stops")


def _role_text(doc: Doc, start: int, end: int, skip: Found | None) -> str | None:
    words = [
        t
        for t in doc[start:end]
        if not (skip and skip.start <= t.i < skip.end)
        and t.lower_ not in ("'s", "’s")
        and t.lower_ not in ("the", "a", "an")
    ]
    text = " ".join(t.text for t in words).strip()
    return text.lower() if text else None


class TitleReader:
    """Reads organ appositions ("the GDI, the intelligence agency of X") around mentions;
    person titles are read off the parse by extract/roles.py."""

    def __init__(self, mentions: MentionMap) -> None:
        self.m = mentions

    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for f in self.m.found:
            if f.rule in ("pronoun", "anaphora", "plural-anaphora"):
                continue
            if f.type in ("STATE_AGENCY", "ARMED_GROUP"):
                out.extend(self._org_apposition(f))
        return out

    def _org_apposition(self, org: Found) -> list[Candidate]:
        """ "the GDI, the intelligence agency of the Islamic Emirate": MEMBER_OF."""
        doc = self.m.doc
        i = org.end
        if i < len(doc) and doc[i].text == "(":  # skip "(GDI)"
            close = next((t.i for t in doc[i : i + 4] if t.text == ")"), None)
            if close is None:
                return []
            i = close + 1
            owner_hit = self.m.at.get(i - 2)
            if owner_hit is not None and owner_hit is not org:
                org = owner_hit if owner_hit.actor_id == org.actor_id else org
        if i >= len(doc) or doc[i].text != ",":
            return []
        j = i + 1
        saw_of = False
        while j < min(len(doc), i + 10):
            tok = doc[j]
            if tok.text in STOP or tok.pos_ in ("VERB", "AUX"):
                return []
            if tok.lower_ == "of":
                saw_of = True
            hit = self.m.at.get(j)
            if hit is not None and hit.actor_id != org.actor_id:
                if saw_of and hit.type in ORG_TYPES:
                    role = _role_text(doc, i + 1, hit.start - 1, None)
                    return [
                        Candidate(
                            org, "MEMBER_OF", hit, org.start, "apposition-member-of", role=role
                        )
                    ]
                return []
            j += 1
        return []
