"""Checks on the curated knowledge base shipped in src/proxygraph/data/actors/."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest
import yaml

from proxygraph.kb.loader import DATA_DIR, actor_files, load_actor_file, load_kb

FILES = actor_files(DATA_DIR)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _names(actor) -> set[str]:
    """Every surface form an actor claims (case-folded)."""
    forms = [actor.name, *actor.aliases, *actor.metonyms, *actor.demonyms]
    return {f.casefold() for f in forms}


def test_every_actor_file_validates():
    assert FILES, "no packaged actor files"
    for path in FILES:
        assert load_actor_file(path), f"{path.name} has no actors"


def test_ids_unique_across_files():
    # the loader lets a later file override an id silently, so read the raw files
    ids = Counter()
    for path in FILES:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids.update(entry["id"] for entry in raw["actors"])
    dupes = sorted(i for i, n in ids.items() if n > 1)
    assert not dupes, f"ids defined more than once: {dupes}"


def test_no_name_claimed_by_two_actors(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in kb.actors.values():
        for form in _names(actor):
            owners[form].add(actor.id)
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not shared, f"names shared by several actors: {shared}"


def test_references_resolve(kb):
    missing = []
    for actor in kb.actors.values():
        if actor.part_of and actor.part_of not in kb.actors:
            missing.append((actor.id, "part_of", actor.part_of))
        for gov in actor.governed_by:
            if gov.actor not in kb.actors:
                missing.append((actor.id, "governed_by", gov.actor))
    assert not missing


def test_agencies_roll_up_to_a_state(kb):
    orphans = [
        a.id for a in kb.actors.values() if a.type == "STATE_AGENCY" and kb.state_of(a.id) is None
    ]
    assert not orphans


def test_one_primary_per_state_and_organ(kb):
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for actor in kb.actors.values():
        if actor.type == "STATE_AGENCY" and actor.organ and actor.organ != "other":
            groups[(kb.state_of(actor.id).id, actor.organ)].append(actor)
    problems = []
    for key, members in groups.items():
        primaries = [a for a in members if a.primary]
        if len(primaries) > 1 or (len(members) > 1 and not primaries):
            problems.append((key, [a.id for a in members]))
        # organ_of only looks at direct children of the state
        problems += [(key, a.id) for a in primaries if a.part_of != key[0]]
    assert not problems


def test_coverage(kb):
    by_type = Counter(a.type for a in kb.actors.values())
    assert by_type["STATE"] >= 190
    assert by_type["ARMED_GROUP"] >= 200
    assert by_type["INTERNATIONAL_ORG"] >= 20
    assert by_type["POLITICAL_ORG"] >= 20
    with_intel = {
        kb.state_of(a.id).id
        for a in kb.actors.values()
        if a.type == "STATE_AGENCY" and a.organ == "intelligence"
    }
    assert len(with_intel) >= 40


def test_codes_and_types_are_consistent(kb):
    for actor in kb.actors.values():
        if actor.type == "STATE" and len(actor.id) == 2:
            assert actor.country == actor.id.upper(), actor.id
        if actor.type == "STATE_AGENCY":
            assert actor.organ, actor.id
        if actor.type == "PERSON":
            # only holders of public office, known by their offices and nothing else
            assert actor.offices and kb.origin[actor.id].name == "leaders.yaml", actor.id
            assert not (actor.demonyms or actor.metonyms or actor.part_of), actor.id


def test_taliban_and_afghanistan(kb):
    taliban = kb.get("taliban")
    assert taliban.type == "STATE"
    assert "Islamic Emirate of Afghanistan" in taliban.aliases
    assert kb.governing("af", date(2023, 1, 1)).id == "taliban"
    assert kb.governing("af", date(2019, 1, 1)).id == "af-republic"
    assert kb.organ_of("taliban", "intelligence").id == "taliban-gdi"


@pytest.mark.parametrize(
    ("state", "organ", "expected"),
    [
        ("pk", "intelligence", "pk-isi"),
        ("pk", "military", "pk-army"),
        ("tj", "intelligence", "tj-gknb"),
        ("ir", "intelligence", "ir-mois"),
        ("ru", "intelligence", "ru-svr"),
        ("us", "intelligence", "us-cia"),
        ("ua", "intelligence", "ua-hur"),
    ],
)
def test_primary_organs(kb, state, organ, expected):
    assert kb.organ_of(state, organ).id == expected


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("ISKP", "iskp"),
        ("IS-K", "iskp"),
        ("ISIS-K", "iskp"),
        ("Islamic State Khorasan Province", "iskp"),
        ("National Resistance Front of Afghanistan", "nrf"),
        ("NRF", "nrf"),
        ("GDI", "taliban-gdi"),
        ("GKNB", "tj-gknb"),
        ("ISI", "pk-isi"),
        ("Pakistani military", "pk-army"),
        ("Islamabad", "pk"),
        ("Pakistani", "pk"),
        ("Tajik", "tj"),
        ("the Kremlin", "ru"),
        ("Hizballah", "hezbollah"),
        ("Houthis", "ansar-allah"),
    ],
)
def test_seed_and_common_names_resolve(kb, name, actor_id):
    owners = [a.id for a in kb.actors.values() if name.casefold() in _names(a)]
    assert owners == [actor_id]
