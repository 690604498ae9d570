"""Ontology types for names the knowledge base lacks, from NER labels and head words."""

from __future__ import annotations

from proxygraph.nlp.lexicon import Lexicon

NER_TO_TYPE = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}
ORG_TYPE_ORDER = ("ARMED_GROUP", "STATE_AGENCY", "INTERNATIONAL_ORG", "POLITICAL_ORG")


def type_for_name(text: str, ner_label: str, lex: Lexicon) -> str | None:
    """The actor type of an unlinked name, or None when it is not an actor or place."""
    if ner_label in NER_TO_TYPE:
        return NER_TO_TYPE[ner_label]
    if ner_label != "ORG":
        return None
    typ = type_from_words(text, lex)
    if typ is None and lex.not_actors & set(text.lower().split()):
        return None  # "the Jaffar Express": a train, not an organisation ("Express Tribune" is)
    return typ or lex.default_org_type


def type_from_words(text: str, lex: Lexicon) -> str | None:
    """Type suggested by descriptor words in a name ("... Front" -> ARMED_GROUP)."""
    lowered = " " + " ".join(text.lower().replace("'s", "").split()) + " "
    words = set(lowered.split())
    for typ in ORG_TYPE_ORDER:
        for word in lex.type_words.get(typ, ()):
            if (" " in word and f" {word} " in lowered) or word in words:
                return typ
    return None
