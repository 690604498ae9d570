"""Typed access to the word lists under data/lexicon (organs, descriptors, anaphora), and
the package's function and rule words that rule modules keep as constants."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from proxygraph.errors import InvalidKB
from proxygraph.kb.loader import DATA_DIR, KnowledgeBase, check_words, read_yaml


def _words(raw: Any, where: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise InvalidKB(f"lexicon {where}: expected a list of strings")
    return [w.lower() for w in raw]


@cache
def _package_file(name: str) -> dict[str, Any]:
    """data/lexicon/<name>.yaml of the package, read and linted once."""
    path = DATA_DIR / "lexicon" / f"{name}.yaml"
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise InvalidKB(f"{path}: top level must be a mapping")
    check_words(raw, path, "")
    return raw


def package_words(name: str, key: str) -> frozenset[str]:
    """One word list of the package's lexicon/<name>.yaml, lower-cased."""
    return frozenset(_words(_package_file(name).get(key), f"{name}.{key}"))


def package_word_map(name: str, key: str) -> dict[str, str]:
    """{word: group} from a `group: [words]` mapping of the package's lexicon/<name>.yaml."""
    groups = _package_file(name).get(key)
    if not isinstance(groups, dict) or not all(isinstance(g, str) for g in groups):
        raise InvalidKB(f"lexicon {name}.{key}: expected a mapping of names to word lists")
    out: dict[str, str] = {}
    for group, words in groups.items():
        for word in _words(words, f"{name}.{key}.{group}"):
            if out.setdefault(word, group) != group:
                raise InvalidKB(f"lexicon {name}.{key}: {word!r} is under {out[word]} and {group}")
    return out


def function_words(key: str) -> frozenset[str]:
    """Determiners, pronouns and prepositions of lexicon/function_words.yaml."""
    return package_words("function_words", key)


def rule_words(key: str) -> frozenset[str]:
    """Verbs, nouns and modifiers of lexicon/rule_words.yaml."""
    return package_words("rule_words", key)


def rule_word_map(key: str) -> dict[str, str]:
    """{word: group} of a grouped list of lexicon/rule_words.yaml ("base_nouns")."""
    return package_word_map("rule_words", key)


@dataclass
class Lexicon:
    """Organ phrases, type descriptors and anaphora phrases, lower-cased."""

    organ_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    organ_labels: dict[str, str] = field(default_factory=dict)
    speaks_for_state: set[str] = field(default_factory=set)
    type_words: dict[str, set[str]] = field(default_factory=dict)
    default_org_type: str = "POLITICAL_ORG"
    not_actors: set[str] = field(default_factory=set)
    anaphora: dict[tuple[str, ...], str] = field(default_factory=dict)
    pronouns: dict[str, str] = field(default_factory=dict)
    anaphora_window: int = 3
    plural_anaphora: dict[tuple[str, ...], str] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    person_verbs: set[str] = field(default_factory=set)
    place_nouns: set[str] = field(default_factory=set)
    never_names: set[str] = field(default_factory=set)
    leader_titles: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    group_nouns: dict[tuple[str, ...], str] = field(default_factory=dict)
    group_heads: set[str] = field(default_factory=set)
    group_skip: set[str] = field(default_factory=set)
    group_pronouns: set[str] = field(default_factory=set)
    speaker_pronouns: set[str] = field(default_factory=set)
    office_titles: set[tuple[str, ...]] = field(default_factory=set)
    place_prepositions: set[str] = field(default_factory=set)
    of_actor_heads: set[str] = field(default_factory=set)
    directions: set[str] = field(default_factory=set)
    place_heads: set[str] = field(default_factory=set)
    place_descriptions: set[tuple[str, ...]] = field(default_factory=set)
    ethnonyms: set[str] = field(default_factory=set)
    ethnic_heads: set[str] = field(default_factory=set)
    branch_nouns: set[str] = field(default_factory=set)
    expert_panels: set[tuple[str, ...]] = field(default_factory=set)
    expert_panel_anaphora: set[tuple[str, ...]] = field(default_factory=set)
    un_missions: set[tuple[str, ...]] = field(default_factory=set)
    un_mission_anaphora: set[tuple[str, ...]] = field(default_factory=set)

    @property
    def max_organ_len(self) -> int:
        return max((len(k) for k in self.organ_phrases), default=0)


def build_lexicon(kb: KnowledgeBase) -> Lexicon:
    """Read the lexicon files the KB loaded into a Lexicon."""
    lex = Lexicon()
    organs = kb.lexicon.get("organs", {})
    for organ, spec in (organs.get("organs") or {}).items():
        lex.organ_labels[organ] = str(spec.get("label", organ))
        for phrase in _words(spec.get("phrases", []), f"organs.{organ}.phrases"):
            lex.organ_phrases[tuple(phrase.split())] = organ
    lex.speaks_for_state = set(
        _words(organs.get("speaks_for_state", []), "organs.speaks_for_state")
    )
    desc = kb.lexicon.get("descriptors", {})
    for typ, spec in (desc.get("types") or {}).items():
        lex.type_words[typ] = set(_words(spec.get("words", []), f"descriptors.{typ}"))
    lex.default_org_type = str(desc.get("default_org_type", lex.default_org_type))
    lex.not_actors = set(_words(desc.get("not_actors", []), "descriptors.not_actors"))
    ana = kb.lexicon.get("anaphora", {})
    lex.anaphora_window = int(ana.get("window", 3))
    for typ, phrases in (ana.get("descriptions") or {}).items():
        for phrase in _words(phrases, f"anaphora.descriptions.{typ}"):
            lex.anaphora[tuple(phrase.split())] = typ
    for typ, phrases in (ana.get("plural_descriptions") or {}).items():
        for phrase in _words(phrases, f"anaphora.plural_descriptions.{typ}"):
            lex.plural_anaphora[tuple(phrase.split())] = typ
    for typ, words in (ana.get("pronouns") or {}).items():
        for word in _words(words, f"anaphora.pronouns.{typ}"):
            lex.pronouns[word] = typ
    names = kb.lexicon.get("names", {})
    for key in (
        "titles",
        "person_verbs",
        "place_nouns",
        "never_names",
        "leader_titles",
        "honorifics",
    ):
        setattr(lex, key, set(_words(names.get(key, []), f"names.{key}")))
    _load_groups(lex, kb.lexicon.get("groups", {}))
    _load_places(lex, kb.lexicon.get("places", {}))
    return lex


def _load_groups(lex: Lexicon, groups: dict[str, Any]) -> None:
    for typ, words in (groups.get("nouns") or {}).items():
        for phrase in _words(words, f"groups.nouns.{typ}"):
            lex.group_nouns[tuple(phrase.split())] = typ
            lex.group_heads.add(phrase.split()[-1])
    lex.group_skip = set(_words(groups.get("skip_modifiers", []), "groups.skip_modifiers"))
    pronouns = groups.get("pronouns") or {}
    lex.group_pronouns = set(_words(pronouns.get("group", []), "groups.pronouns.group"))
    lex.speaker_pronouns = set(_words(pronouns.get("speaker", []), "groups.pronouns.speaker"))
    for key in ("ethnonyms", "ethnic_heads", "branch_nouns"):
        setattr(lex, key, set(_words(groups.get(key, []), f"groups.{key}")))
    titles = _words(groups.get("office_titles", []), "groups.office_titles")
    lex.office_titles = {tuple(t.split()) for t in titles}
    for key in ("expert_panels", "expert_panel_anaphora", "un_missions", "un_mission_anaphora"):
        phrases = _words(groups.get(key, []), f"groups.{key}")
        setattr(lex, key, {tuple(p.split()) for p in phrases})


def _load_places(lex: Lexicon, places: dict[str, Any]) -> None:
    for key, attr in (
        ("prepositions", "place_prepositions"),
        ("of_actor_heads", "of_actor_heads"),
        ("directions", "directions"),
        ("heads", "place_heads"),
    ):
        setattr(lex, attr, set(_words(places.get(key, []), f"places.{key}")))
    descriptions = _words(places.get("descriptions", []), "places.descriptions")
    lex.place_descriptions = {tuple(d.split()) for d in descriptions}
