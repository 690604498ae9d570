"""Load the extraction data files: ontology rules, relation frames, cues, support words."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from proxygraph.errors import InvalidKB
from proxygraph.kb.loader import DATA_DIR, check_words, read_yaml

Role = str  # subject, object, prep:W, possessor, compound, between, modified, hyphen, dative


class Trigger(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pos: list[Literal["VERB", "NOUN", "ADJ"]]
    lemmas: list[str]


class Conditions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    modifiers: list[str] = []
    object_words: list[str] = []
    clause_words: list[str] = []
    sentence_words: list[str] = []
    head_words: list[str] = []


class Frame(BaseModel):
    """One relation frame of data/patterns/relations.yaml."""

    model_config = ConfigDict(extra="forbid")
    rule: str
    relation: str
    trigger: Trigger
    source: list[Role]
    target: list[Role]
    requires: Conditions | None = None
    excludes: Conditions | None = None
    support_type: list[str] | None = None
    support_from: Literal["trigger", "object"] | None = None
    requires_support_words: Literal["object"] | None = None
    kind: str | None = None
    kind_from: Literal["trigger", "object"] | None = None
    kind_by_lemma: dict[str, str] = {}
    source_types: list[str] | None = None  # narrower than the relation's, when given


class FrameFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    frames: list[Frame]


@dataclass
class RelationRule:
    """Direction and allowed end types of one relation (data/ontology.yaml)."""

    name: str
    symmetric: bool
    source_types: frozenset[str]
    target_types: frozenset[str]
    attributes: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Patterns:
    """Everything the claim extractor reads from data files."""

    frames: list[Frame]
    relations: dict[str, RelationRule]
    support_words: dict[tuple[str, ...], str]
    kind_words: dict[str, str]
    cues: dict[str, Any]

    def frames_for(self, lemma: str, pos: str) -> list[Frame]:
        return self._by_lemma.get((lemma, pos), [])

    def __post_init__(self) -> None:
        self._by_lemma: dict[tuple[str, str], list[Frame]] = {}
        for frame in self.frames:
            for lemma in frame.trigger.lemmas:
                for pos in frame.trigger.pos:
                    self._by_lemma.setdefault((lemma, pos), []).append(frame)


def _types(spec: Any, groups: dict[str, list[str]]) -> frozenset[str]:
    if isinstance(spec, str):
        return frozenset(groups.get(spec, [spec]))
    out: set[str] = set()
    for item in spec:
        out |= set(groups.get(item, [item]))
    return frozenset(out)


def _load_relations(path: Path) -> dict[str, RelationRule]:
    raw = read_yaml(path)
    groups = raw.get("groups", {})
    out: dict[str, RelationRule] = {}
    for name, spec in raw["relations"].items():
        attrs = {k: v for k, v in spec.items() if k in ("support_type", "kind")}
        out[name] = RelationRule(
            name,
            bool(spec.get("symmetric")),
            _types(spec["source"], groups),
            _types(spec["target"], groups),
            attrs,
        )
    return out


@lru_cache(maxsize=4)
def load_patterns(data_dir: str = str(DATA_DIR)) -> Patterns:
    """Read and validate the pattern files under data_dir (the package data by default)."""
    root = Path(data_dir)
    frames_path = root / "patterns" / "relations.yaml"
    raw_frames = read_yaml(frames_path)
    check_words(raw_frames, frames_path, "")
    try:
        frames = FrameFile.model_validate(raw_frames).frames
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InvalidKB(
            f"{frames_path}: {'.'.join(map(str, first['loc']))}: {first['msg']}"
        ) from exc
    relations = _load_relations(root / "ontology.yaml")
    for frame in frames:
        if frame.relation not in relations:
            raise InvalidKB(f"{frames_path}: frame {frame.rule}: unknown relation {frame.relation}")
    support_raw = read_yaml(root / "patterns" / "support_types.yaml")["support_types"]
    support_words: dict[tuple[str, ...], str] = {}
    for stype, words in support_raw.items():
        for word in words:
            support_words.setdefault(tuple(word.lower().split()), stype)
    cues = read_yaml(root / "patterns" / "cues.yaml")
    check_words(cues, root / "patterns" / "cues.yaml", "")
    kinds_path = root / "patterns" / "kinds.yaml"
    kinds = read_yaml(kinds_path)
    check_words(kinds, kinds_path, "")
    kind_words = {word.lower(): kind for kind, words in kinds["kinds"].items() for word in words}
    return Patterns(frames, relations, support_words, kind_words, cues)
