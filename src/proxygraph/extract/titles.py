"""MEMBER_OF and LEADS from titles and appositions around names.

"Taliban spokesman Zabihullah Mujahid", "ISKP's governor for Kunar province Ayoub Zareen",
"Qari Fateh, a senior commander of ISKP", "the GDI, the intelligence agency of the Islamic
Emirate".
"""

from __future__ import annotations

from spacy.tokens import Doc

from proxygraph.extract.args import MentionMap
from proxygraph.extract.candidates import Candidate
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon

ORG_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG"}
)
STOP = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "and", "or", "who", "which", "that"})


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
    """Reads person-title and organ-apposition patterns around mentions."""

    def __init__(
        self, mentions: MentionMap, lex: Lexicon, leader_titles: set[str], window: int = 8
    ) -> None:
        self.m = mentions
        self.lex = lex
        self.leaders = leader_titles
        self.window = window
        # person titles are read off the parse by extract/roles.py; this window reader
        # is kept for organ appositions ("the GDI, the intelligence agency of X")
        self.persons = False

    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for f in self.m.found:
            if f.rule in ("pronoun", "anaphora", "plural-anaphora"):
                continue
            if f.type == "PERSON" and self.persons:
                out.extend(self._left_title(f))
                out.extend(self._right_apposition(f))
            elif f.type in ("STATE_AGENCY", "ARMED_GROUP"):
                out.extend(self._org_apposition(f))
        return out

    def _relation(self, title_words: list[str], det: str | None) -> str:
        if det not in ("a", "an") and any(w in self.leaders for w in title_words):
            return "LEADS"
        return "MEMBER_OF"

    def _left_title(self, person: Found) -> list[Candidate]:
        doc = self.m.doc
        k = person.start - 1
        titles: list[int] = []
        org: Found | None = None
        while k >= max(0, person.start - self.window):
            tok = doc[k]
            hit = self.m.at.get(k)
            if hit is not None and hit is not person:
                if hit.type in ORG_TYPES and org is None:
                    org = hit
                    k = hit.start - 1
                    continue
                if hit.type == "LOCATION":
                    k = hit.start - 1
                    continue
                break
            if tok.text in STOP or tok.pos_ in ("VERB", "AUX", "ADP") and tok.lower_ != "for":
                break
            if tok.lower_ in self.lex.titles:
                titles.append(k)
            k -= 1
        if org is None or not titles:
            return []
        start = min(titles[-1], org.end)
        role = _role_text(doc, start, person.start, org)
        words = [doc[i].lower_ for i in titles]
        rel = self._relation(words, None)
        return [Candidate(person, rel, org, person.start, f"title-{rel.lower()}-before", role=role)]

    def _right_apposition(self, person: Found) -> list[Candidate]:
        """ "Qari Fateh, a senior commander of ISKP," and "X, ISKP's governor for Kunar,"."""
        doc = self.m.doc
        i = person.end
        if i >= len(doc) or doc[i].text != ",":
            return []
        det = doc[i + 1].lower_ if i + 1 < len(doc) else None
        j = i + 1
        titles: list[int] = []
        org: Found | None = None
        while j < min(len(doc), i + 1 + self.window + 4):
            tok = doc[j]
            if tok.text in STOP or tok.pos_ in ("VERB", "AUX"):
                break
            hit = self.m.at.get(j)
            if hit is not None:
                if hit.type in ORG_TYPES and org is None:
                    org = hit
                j = hit.end
                continue
            if tok.lower_ in self.lex.titles:
                titles.append(j)
            j += 1
        if org is None or not titles:
            return []
        role = _role_text(doc, i + 1, j, org)
        words = [doc[t].lower_ for t in titles]
        rel = self._relation(words, det)
        return [
            Candidate(person, rel, org, person.start, f"title-{rel.lower()}-apposition", role=role)
        ]

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
