"""SAME_AS from aliases the text states: "X, alias Y", "X (a.k.a. Y)", "X, sometimes called
Y", "X is the name the state uses for Z", "Z, which it has designated as X"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxygraph.extract.args import MentionMap, children, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import rule_words

ACTOR_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG", "PERSON"}
)
ALIAS_WORDS = rule_words("alias_words")
NAMING_VERBS = rule_words("naming_verbs")
NAME_NOUNS = rule_words("name_nouns")
SKIP = frozenset({",", "(", ")", ":", "-", "–", '"', "“", "”"})


class SameAsReader:
    """Reads stated aliases off one document."""

    def __init__(self, mentions: MentionMap) -> None:
        self.m = mentions
        self.doc = mentions.doc

    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.lower_ in ALIAS_WORDS and tok.i not in self.m.at:
                out += self._alias_word(tok)
            elif tok.pos_ == "VERB" and lemma in NAMING_VERBS:
                out += self._naming_verb(tok)
            elif tok.pos_ == "NOUN" and lemma in NAME_NOUNS and tok.dep_ == "attr":
                out += self._name_for(tok)
        return [c for c in out if _distinct(c.source, c.target, self.doc)]

    def _actor(self, f: Found | None) -> Found | None:
        if f is None or f.type not in ACTOR_TYPES:
            return None
        if f.rule in ("pronoun", "anaphora", "plural-anaphora"):
            return None
        return f

    def _alias_word(self, tok: Token) -> list[Candidate]:
        """ "Said Muhammad, alias Qureshi Ustad"."""
        k = tok.i - 1
        while k >= 0 and self.doc[k].text in SKIP:
            k -= 1
        j = tok.i + 1
        while j < len(self.doc) and self.doc[j].text in SKIP:
            j += 1
        left = self._actor(self.m.at.get(k)) if k >= 0 else None
        right = self._actor(self.m.at.get(j)) if j < len(self.doc) else None
        if left is None or right is None or right.start != j:
            return []
        return [Candidate(right, "SAME_AS", left, tok.i, "same-as-alias")]

    def _naming_verb(self, verb: Token) -> list[Candidate]:
        """ "X, sometimes called Y" / "X, also known as Y" / "Z, which it designated as Y"."""
        named: list[Found] = []
        for c in children(verb, "oprd", "attr", "dobj"):
            named += [f for f in self.m.in_phrase(c) if self._actor(f)]
        for prep in children(verb, "prep"):
            if prep.lower_ == "as":
                for obj in children(prep, "pobj"):
                    named += [f for f in self.m.in_phrase(obj) if self._actor(f)]
        if not named:
            return []
        bearer: list[Found] = []
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            hit = self._actor(self.m.at.get(verb.head.i))
            bearer = [hit] if hit else []
        else:
            rel = [c for c in children(verb, "dobj", "nsubjpass") if c.lower_ in ("which", "who")]
            if rel and verb.dep_ == "relcl":
                bearer = [f for f in self.m.in_phrase(verb.head) if self._actor(f)]
        if not bearer:  # "X, sometimes called Y," parsed as a main clause
            bearer = self._before_comma(verb)
        named = [f for f in named if all(f is not b for b in bearer)]
        return [
            Candidate(n, "SAME_AS", b, verb.i, "same-as-naming") for n in named[:1] for b in bearer
        ]

    def _before_comma(self, verb: Token) -> list[Found]:
        k = verb.i - 1
        while k >= 0 and self.doc[k].pos_ == "ADV":
            k -= 1
        if k < 1 or self.doc[k].text != ",":
            return []
        hit = self._actor(self.m.at.get(k - 1))
        return [hit] if hit else []

    def _name_for(self, noun: Token) -> list[Candidate]:
        """ "Fitna al Khawarij is the name the Pakistani state uses for the TTP"."""
        subj = [f for h in subject_heads(noun.head) for f in self.m.in_phrase(h) if self._actor(f)]
        if not subj:
            return []
        for t in noun.subtree:
            if t.dep_ == "prep" and t.lower_ == "for":
                for obj in children(t, "pobj"):
                    named = [f for f in self.m.in_phrase(obj) if self._actor(f)]
                    if named:
                        return [Candidate(subj[0], "SAME_AS", named[0], noun.i, "same-as-name-for")]
        return []


def _distinct(a: Found, b: Found, doc: Doc) -> bool:
    """Two different names (a: the alias stated, b: the name it is given for), stated as
    one actor's (even when the KB already joins them);
    overlapping spans ("X (FARDC)") are one mention, not a stated alias."""
    if a.start < b.end and b.start < a.end:
        return False
    texts = (doc[a.start : a.end].text, doc[b.start : b.end].text)
    if a.name == b.name and _acronym(texts[0]) and not _acronym(texts[1]):
        return False  # "X, known as ISKP": an acronym given for the name is a mention
    return a.name != b.name or texts[0] != texts[1]


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        " " not in text
        and len(letters) >= 2
        and sum(c.isupper() for c in letters) >= len(letters) - 1
    )
