"""Phrase matchers over the knowledge base: names, aliases, demonyms and metonyms."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from proxygraph.kb.loader import KnowledgeBase

# Labels of the matches, by what the alias is.
NAME, DEMONYM, METONYM = "name", "demonym", "metonym"


def is_case_sensitive(alias: str) -> bool:
    """Acronyms and aliases that contain one ("IS Pakistan", "US Central Command") match
    only as written, so that "is Pakistan" or "us" never match."""
    if not any(ch.islower() for ch in alias):
        return True
    return any(len(w) >= 2 and w.isalpha() and w.isupper() for w in alias.replace("-", " ").split())


def spelling_variants(alias: str) -> dict[str, bool]:
    """The alias and its spellings with a space for a hyphen, each with whether it must
    match case-sensitively. The spaced forms ("al Qaeda", "Al Qaeda") match only as
    written, so that "IS-Pakistan" never turns into the words "is Pakistan"."""
    out = {alias: is_case_sensitive(alias)}
    if "-" in alias and not is_case_sensitive(alias):
        spaced = alias.replace("-", " ")
        out.setdefault(spaced, True)
        out.setdefault(spaced[:1].upper() + spaced[1:], True)
    return out


@dataclass
class KBMatch:
    """One knowledge-base hit: token span, what kind of alias, which actors."""

    start: int
    end: int
    kind: str
    actor_ids: tuple[str, ...]


@dataclass
class KBIndex:
    """Alias tables and the two phrase matchers (exact case and lower case)."""

    exact: PhraseMatcher
    folded: PhraseMatcher
    targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonym_of: dict[str, str] = field(default_factory=dict)

    def matches(self, doc: Doc) -> list[KBMatch]:
        """Every (possibly overlapping) alias hit in the doc."""
        out: list[KBMatch] = []
        for matcher in (self.exact, self.folded):
            for key, start, end in matcher(doc):
                label = doc.vocab.strings[key]
                kind, _, _ = label.partition("|")
                out.append(KBMatch(start, end, kind, self.targets[label]))
        return out


def build_index(kb: KnowledgeBase, nlp: Language) -> KBIndex:
    """Compile the KB's aliases into phrase matchers on nlp's vocabulary."""
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_alias: dict[tuple[str, str, bool], set[str]] = defaultdict(set)
    demonym_of: dict[str, str] = {}
    for actor in kb.actors.values():
        for alias in {actor.name, *actor.aliases}:
            for form, sensitive in spelling_variants(alias).items():
                by_alias[(NAME, form, sensitive)].add(actor.id)
        for alias in actor.metonyms:
            by_alias[(METONYM, alias, is_case_sensitive(alias))].add(actor.id)
        for alias in actor.demonyms:
            by_alias[(DEMONYM, alias, False)].add(actor.id)
            demonym_of.setdefault(alias.lower(), actor.id)
    index = KBIndex(exact=exact, folded=folded, demonym_of=demonym_of)
    grouped: dict[tuple[str, bool, tuple[str, ...]], list[str]] = defaultdict(list)
    for (kind, alias, sensitive), ids in by_alias.items():
        grouped[(kind, sensitive, tuple(sorted(ids)))].append(alias)
    for (kind, sensitive, ids), aliases in grouped.items():
        label = f"{kind}|{'|'.join(ids)}"
        index.targets[label] = ids
        docs = list(nlp.tokenizer.pipe(aliases))
        (exact if sensitive else folded).add(label, docs)
    return index
