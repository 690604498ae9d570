"""Load the knowledge base: the package's YAML files, merged with a user folder."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from proxygraph.errors import InvalidKB
from proxygraph.kb.specs import ActorFile, ActorSpec

# libyaml's C parser when PyYAML was built with it (several times faster), else Python's.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_DIR = Path(str(resources.files("proxygraph") / "data"))


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, naming it in any error."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidKB(f"{path}: cannot read YAML ({exc})") from exc


def _format_validation(path: Path, exc: ValidationError, raw: Any) -> str:
    first = exc.errors()[0]
    loc = list(first["loc"])
    key = ".".join(str(p) for p in loc)
    if len(loc) >= 2 and loc[0] == "actors" and isinstance(loc[1], int):
        with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
            key = f"actors[{loc[1]}] (id {raw['actors'][loc[1]].get('id')!r})." + ".".join(
                str(p) for p in loc[2:]
            )
    return f"{path}: {key}: {first['msg']}"


def load_actor_file(path: Path) -> list[ActorSpec]:
    """Validate one actors file and return its actors."""
    raw = read_yaml(path)
    try:
        return ActorFile.model_validate(raw).actors
    except ValidationError as exc:
        raise InvalidKB(_format_validation(path, exc, raw)) from exc


@dataclass
class KnowledgeBase:
    """All actors by id, plus the lexicons the linker reads."""

    actors: dict[str, ActorSpec] = field(default_factory=dict)
    origin: dict[str, Path] = field(default_factory=dict)
    lexicon: dict[str, Any] = field(default_factory=dict)
    _surnames: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def add(self, actor: ActorSpec, path: Path) -> None:
        """Add or replace (user folders override the package) one actor."""
        self.actors[actor.id] = actor
        self.origin[actor.id] = path
        self._surnames = None

    def get(self, actor_id: str | None) -> ActorSpec | None:
        return self.actors.get(actor_id) if actor_id else None

    def state_of(self, actor_id: str) -> ActorSpec | None:
        """The STATE an agency rolls up to (following part_of), if any."""
        seen: set[str] = set()
        current = self.actors.get(actor_id)
        while current is not None and current.id not in seen:
            if current.type == "STATE":
                return current
            seen.add(current.id)
            current = self.actors.get(current.part_of) if current.part_of else None
        return None

    def governing(self, state_id: str, on: date | None) -> ActorSpec | None:
        """Who acts for a state on a date (the state itself unless `governed_by` says)."""
        state = self.actors.get(state_id)
        if state is None:
            return None
        when = on or date.today()
        for gov in state.governed_by:
            if (gov.since is None or gov.since <= when) and (gov.until is None or when < gov.until):
                return self.actors.get(gov.actor, state)
        return state

    def persons_by_surname(self, name: str) -> list[str]:
        """KB persons (with offices) whose name or an alias ends in `name`, a lone surname
        ("Hollande", "Kabila"); [] for a name of several words."""
        if len(name.split()) != 1:
            return []
        if self._surnames is None:
            index: dict[str, set[str]] = {}
            for actor in self.actors.values():
                if actor.type == "PERSON" and actor.offices:
                    for full in (actor.name, *actor.aliases):
                        index.setdefault(full.split()[-1].lower(), set()).add(actor.id)
            self._surnames = {k: sorted(v) for k, v in index.items()}
        return self._surnames.get(name.lower(), [])

    def office_org(self, person_id: str, titles: set[str], on: date | None) -> ActorSpec | None:
        """The state or group a KB person leads under one of `titles` ("president"): with
        a date, the office held on it (none: "toppled President X" was no longer in
        office); without, the only organisation such offices name (None when unsure)."""
        person = self.actors.get(person_id)
        if person is None:
            return None
        offices = [o for o in person.offices if o.title in titles]
        if on is not None:
            offices = [o for o in offices if o.held_on(on)]
        orgs = {o.org for o in offices}
        return self.actors.get(orgs.pop()) if len(orgs) == 1 else None

    def office_org_any(self, person_id: str | None, on: date | None) -> ActorSpec | None:
        """The state or group a KB person held any office in on the date (office_org over
        all their titles)."""
        person = self.get(person_id)
        if person is None or not person.offices:
            return None
        return self.office_org(person.id, {o.title for o in person.offices}, on)

    def organ_of(self, state_id: str, organ: str) -> ActorSpec | None:
        """The primary agency of a state for an organ kind ("intelligence")."""
        best: ActorSpec | None = None
        for actor in self.actors.values():
            if actor.part_of == state_id and actor.organ == organ:
                if actor.primary:
                    return actor
                best = best or actor
        return best


def actor_files(folder: Path) -> list[Path]:
    """YAML files under folder/actors, sorted for a stable merge order."""
    sub = folder / "actors"
    return sorted(sub.glob("*.yaml")) if sub.is_dir() else []


def _load_lexicons(folder: Path, into: dict[str, Any]) -> None:
    sub = folder / "lexicon"
    if not sub.is_dir():
        return
    for path in sorted(sub.glob("*.yaml")):
        raw = read_yaml(path)
        if not isinstance(raw, dict):
            raise InvalidKB(f"{path}: top level must be a mapping")
        check_words(raw, path, "")
        into[path.stem] = raw


def check_words(value: Any, path: Path, key: str) -> None:
    """Word lists hold text: YAML reads unquoted on/off/yes/no as booleans, so name them."""
    if isinstance(value, dict):
        for k, v in value.items():
            check_words(v, path, f"{key}.{k}" if key else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            check_words(v, path, f"{key}[{i}]")
    elif isinstance(value, bool) or value is None:
        raise InvalidKB(f"{path}: {key}: {value!r} is not a word (quote it, e.g. 'on')")


def load_kb(extra_dirs: Iterable[Path | str] = (), *, builtin: bool = True) -> KnowledgeBase:
    """Load the built-in KB (unless builtin=False), then each extra folder over it."""
    return _load(tuple(str(Path(p)) for p in extra_dirs), builtin)


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[str, ...], builtin: bool) -> KnowledgeBase:
    kb = KnowledgeBase()
    if not builtin:  # the word lists always come from the package; only actors are left out
        _load_lexicons(DATA_DIR, kb.lexicon)
    folders = (DATA_DIR,) if builtin else ()
    for folder in (*folders, *(Path(p) for p in extra_dirs)):
        if folder != DATA_DIR and not folder.is_dir():
            raise InvalidKB(f"{folder}: not a directory")
        files = actor_files(folder)
        if folder != DATA_DIR and not files and not folder.joinpath("lexicon").is_dir():
            # a user folder may also hold actor files at its top level
            files = sorted(folder.glob("*.yaml"))
        for path in files:
            for actor in load_actor_file(path):
                kb.add(actor, path)
        _load_lexicons(folder, kb.lexicon)
    return kb
