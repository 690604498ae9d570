"""Typed shapes of the knowledge-base YAML files, validated when they load."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorType = Literal[
    "STATE",
    "STATE_AGENCY",
    "ARMED_GROUP",
    "POLITICAL_ORG",
    "INTERNATIONAL_ORG",
    "PERSON",
    "LOCATION",
]
ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]

Organ = Literal[
    "government",
    "intelligence",
    "military",
    "army",
    "navy",
    "air_force",
    "police",
    "security",
    "paramilitary",
    "foreign_ministry",
    "defence_ministry",
    "interior_ministry",
    "presidency",
    "legislature",
    "judiciary",
    "other",
]


class Governance(BaseModel):
    """Who acts for a state in a period ("Afghanistan" -> Taliban from 2021-08-15)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    actor: str
    since: date | None = Field(default=None, alias="from")
    until: date | None = Field(default=None, alias="to")


class Office(BaseModel):
    """An office a person holds or held ("president" of "tj" from 1994-11-16)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    org: str
    title: str = Field(min_length=1)
    since: date | None = Field(default=None, alias="from")
    until: date | None = Field(default=None, alias="to")

    def held_on(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)


class ActorSpec(BaseModel):
    """One knowledge-base actor.

    id (str): stable kb id, lowercase slug ("pk", "pk-isi", "iskp").
    name (str): neutral canonical name.
    aliases (list[str]): other names, acronyms included; all-capital and short
        aliases match case-sensitively, the rest ignore case.
    demonyms (list[str]): adjectives for a state ("Pakistani").
    metonyms (list[str]): capitals and seats that stand for a state ("Islamabad").
    organ (Organ): for agencies, what kind of organ it is; `primary` marks the one
        that "<demonym> <organ word>" phrases resolve to.
    offices (list[Office]): for persons, the offices they hold or held, so that a title
        alone ("President X") tells which state or group they lead.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$")
    name: str = Field(min_length=1)
    type: ActorType
    aliases: list[str] = []
    demonyms: list[str] = []
    metonyms: list[str] = []
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    part_of: str | None = None
    organ: Organ | None = None
    primary: bool = False
    governed_by: list[Governance] = []
    offices: list[Office] = []
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    note: str | None = None


class ActorFile(BaseModel):
    """A file under data/actors/: a list of actors."""

    model_config = ConfigDict(extra="forbid")

    actors: list[ActorSpec]
