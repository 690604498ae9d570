"""A claim before attribution: two actors, a relation, attributes, the trigger and rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from proxygraph.nlp.found import Found


@dataclass
class Candidate:
    """What a frame or rule read from one sentence."""

    source: Found
    relation: str
    target: Found
    trigger: int  # token index the attribution walk starts from
    rule: str
    support_type: tuple[str, ...] | None = None
    kind: str | None = None
    role: str | None = None
    respective: bool = False
    extra_cues: dict[str, str] = field(default_factory=dict)
