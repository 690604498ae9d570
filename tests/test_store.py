"""The claim store on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_support import BACKENDS, backend_url, fixture_records

from proxygraph.errors import StoreError
from proxygraph.store import EdgeFilter, Store, database_url
from proxygraph.store import batch as store_batch
from proxygraph.store.migrations import LATEST, MIGRATIONS
from proxygraph.store.tables import claims, documents, mentions, schema_migrations


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database, once SQLite and once PostgreSQL."""
    return backend_url(request.param, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def only(edges: list, relation: str) -> object:
    found = [e for e in edges if e.relation == relation]
    assert len(found) == 1, found
    return found[0]


def test_one_outlet_asserts_another_denies_gives_one_contested_edge(store: Store):
    result = store.load_records(fixture_records("contested"))
    assert (result.new, result.skipped, result.claims) == (2, 0, 9)
    supports = store.edges(relation="SUPPORTS")
    assert len(supports) == 1
    edge = supports[0]
    assert (edge.source, edge.target, edge.support_type) == (
        "United Arab Emirates", "Rapid Support Forces", "weapons",
    )  # fmt: skip
    assert edge.contested and (edge.affirmed, edge.denied) == (1, 1)
    assert edge.claimants == ["Sudanese Armed Forces"]
    assert edge.deniers == ["United Arab Emirates"]
    assert edge.outlet_names == ["Gulf Times", "Nile Post"] and edge.independent_outlets == 2
    assert edge.modalities == {"alleged": 1, "reported": 1}
    assert (edge.first_date, edge.last_date) == ("2024-05-02", "2024-06-11")
    assert store.edges(contested=True) == [edge]


def test_symmetric_relation_in_both_directions_is_one_edge(store: Store):
    store.load_records(fixture_records("contested"))
    fights = only(store.edges(), "FIGHTS")
    assert fights.claims == 2 and fights.outlets == 2
    assert {fights.source_key, fights.target_key} == {"kb:rsf", "kb:sd-saf"}
    assert fights.source_key < fights.target_key


def test_unlinked_actors_resolve_by_normalised_name_and_type(store: Store):
    store.load_records(fixture_records("contested"))
    militia = store.actor("janjaweed militia")
    assert militia.key == "name:ARMED_GROUP:janjaweed militia"
    assert "JANJAWEED MILITIA" in militia.aliases
    assert militia.places == ["Nyala"] and militia.degree == 2 and militia.documents == 2


def test_ten_near_identical_copies_count_as_one_independent_outlet(store: Store):
    store.load_records(fixture_records("syndicated"))
    edge = only(store.edges(), "SUPPORTS")
    assert edge.claims == 11 and edge.outlets == 11 and edge.documents == 11
    assert edge.independent_outlets == 2
    assert store.edges(min_independent=2) == [edge]
    assert store.edges(min_independent=3) == []


def test_clusters_do_not_depend_on_load_order(store_url: str):
    records = fixture_records("syndicated")
    with Store(store_url) as store:
        store.load_records(reversed(records))
        assert only(store.edges(), "SUPPORTS").independent_outlets == 2


def test_loading_again_changes_nothing(store: Store):
    records = fixture_records("contested") + fixture_records("syndicated")
    store.load_records(records)
    before = (store.stats(), store.edges(), store.evidence(store.edges()[0].edge_id))
    again = store.load_records(copy.deepcopy(records))
    assert (again.new, again.updated, again.skipped, again.claims) == (0, 0, 13, 0)
    assert (store.stats(), store.edges(), store.evidence(store.edges()[0].edge_id)) == before


def test_a_new_text_under_a_known_id_replaces_the_old_version(store: Store):
    first, second = fixture_records("contested")
    store.load_records([first, second])
    changed = copy.deepcopy(second)
    changed["text"] += " A later update."
    changed["claims"] = [c for c in changed["claims"] if c["relation"] != "SUPPORTS"]
    assert store.load_record(changed) == ("updated", 2)
    assert store.stats()["documents"] == 2
    edge = only(store.edges(), "SUPPORTS")
    assert not edge.contested and edge.denied == 0 and edge.outlet_names == ["Nile Post"]


def test_a_failure_mid_document_leaves_no_half_document(
    store: Store, monkeypatch: pytest.MonkeyPatch
):
    records = fixture_records("contested")
    store.load_record(records[0])
    before = store.edges()

    def broken(*args: object, **kwargs: object) -> int:
        raise sa.exc.OperationalError("refresh edges", {}, Exception("disk full"))

    monkeypatch.setattr(store_batch, "refresh_edges", broken)
    with pytest.raises(StoreError, match="gulf-2024-06-11.*disk full"):
        store.load_record(records[1])
    with store.engine.connect() as conn:
        for table in (documents, claims, mentions):
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == (
                conn.execute(
                    sa.select(sa.func.count())
                    .select_from(table)
                    .where(table.c.doc_key.in_(sa.select(documents.c.doc_key)))
                ).scalar()
            )
        assert conn.execute(sa.select(documents.c.doc_id)).scalars().all() == ["nile-2024-05-02"]
    assert store.edges() == before
    monkeypatch.undo()
    assert store.load_record(records[1])[0] == "new"  # rerunning the load completes it


def test_a_malformed_record_is_refused_whole(store: Store):
    bad = fixture_records("contested")[0]
    del bad["claims"][2]["relation"]
    with pytest.raises(StoreError, match="nile-2024-05-02.*malformed"):
        store.load_record(bad)
    with pytest.raises(StoreError, match="format"):
        store.load_record({"format": "other/1", "doc_id": "x"})
    assert store.stats() == {"documents": 0, "claims": 0, "actors": 0, "edges": 0}


def test_merge_moves_claims_and_edges(store: Store):
    store.load_records(fixture_records("contested"))
    ids_before = {e.edge_id for e in store.edges(actor="Janjaweed militia")}
    merged = store.merge("Janjaweed militia", "RSF")
    assert merged.key == "kb:rsf" and merged.name == "Rapid Support Forces"
    assert {"Janjaweed militia", "JANJAWEED MILITIA"} <= set(merged.aliases)
    assert merged.merged == ["name:ARMED_GROUP:janjaweed militia"]
    assert merged.places == ["El Fasher", "Nyala"]
    assert store.actor("janjaweed militia").key == "kb:rsf"
    edges = store.edges(actor="RSF")
    assert not ids_before & {e.edge_id for e in edges}
    located = [e for e in edges if e.relation == "LOCATED_IN"]
    assert sorted(e.target for e in located) == ["El Fasher", "Nyala"]
    assert any(e.relation == "COOPERATES_WITH" and e.source == e.target for e in edges)
    # a later load of a document naming the merged actor resolves it to the survivor
    record = fixture_records("contested")[1]
    record["doc_id"] = "gulf-copy"
    store.load_record(record)
    assert store.actor("JANJAWEED MILITIA").key == "kb:rsf"
    with pytest.raises(StoreError, match="already the same actor"):
        store.merge("Janjaweed militia", "Rapid Support Forces")


def test_queries_filter_edges(store: Store):
    store.load_records(fixture_records("contested") + fixture_records("syndicated"))
    everything = store.edges()
    assert len(everything) == store.stats()["edges"] == 8
    assert everything[0].independent_outlets >= everything[-1].independent_outlets
    assert {e.relation for e in store.edges(actor="ae")} == {"SUPPORTS", "OPPOSES"}
    assert [e.target for e in store.edges(support_type="weapons")] == [
        "Houthis", "Rapid Support Forces",
    ]  # fmt: skip
    assert store.edges(relation="supports", actor="Iran")[0].claims == 11
    assert {e.relation for e in store.edges(since="2024-06-01")} == {"SUPPORTS", "FIGHTS",
                                                                     "LOCATED_IN"}  # fmt: skip
    assert len(store.edges(limit=3)) == 3
    assert store.edges(EdgeFilter(actor="rsf", contested=False, relation="FIGHTS"))[0].claims == 2
    with pytest.raises(StoreError, match="no actor called"):
        store.edges(actor="Nobody at all")


def test_actor_reports_type_aliases_part_of_and_degree(store: Store):
    store.load_records(fixture_records("contested"))
    saf = store.actor("Sudanese army")
    assert (saf.name, saf.type, saf.kb_id) == ("Sudanese Armed Forces", "STATE_AGENCY", "sd-saf")
    assert saf.part_of == "kb:sd" and "Sudanese army" in saf.aliases
    assert saf.degree == 2  # the UAE and the RSF
    rsf = store.actor("kb:rsf")
    assert rsf.degree == 5 and rsf.places == ["El Fasher"]
    nodes = store.actors()
    assert [a.name for a in nodes] == sorted(a.name for a in nodes)
    assert {a.key for a in nodes} == {
        k for e in store.edges() for k in (e.source_key, e.target_key)
    }
    assert len(store.actors(in_edges=False)) == store.stats()["actors"] > len(nodes)


def test_evidence_lists_every_claim_with_sentence_claimant_outlet_and_date(store: Store):
    store.load_records(fixture_records("contested"))
    edge = only(store.edges(), "SUPPORTS")
    items = store.evidence(edge.edge_id[:8])
    assert [(i.outlet, i.date, i.polarity, i.claimant) for i in items] == [
        ("Nile Post", "2024-05-02", "affirmed", "Sudanese Armed Forces"),
        ("Gulf Times", "2024-06-11", "denied", "United Arab Emirates"),
    ]
    assert items[1].sentence.startswith("The United Arab Emirates denied")
    assert items[0].url == "https://nilepost.example/nile-2024-05-02"
    with pytest.raises(StoreError, match="no edge"):
        store.evidence("ffffffffffff")


def test_sqlite_and_postgresql_give_identical_edges(tmp_path: Path):
    records = fixture_records("contested") + fixture_records("syndicated")
    results = []
    for backend in ("sqlite", "postgresql"):
        with Store(backend_url(backend, tmp_path)) as store:
            store.load_records(copy.deepcopy(records))
            store.merge("Janjaweed militia", "Rapid Support Forces")
            edges = store.edges()
            results.append(
                (
                    [e.to_dict() for e in edges],
                    [[ev.to_dict() for ev in store.evidence(e.edge_id)] for e in edges],
                    store.actor("RSF").to_dict(),
                )
            )
    assert results[0] == results[1]


def test_migrations_are_recorded_and_a_newer_schema_is_refused(store_url: str):
    with Store(store_url) as store:
        assert store.version == LATEST
        with store.engine.begin() as conn:
            versions = conn.execute(sa.select(schema_migrations.c.version)).scalars().all()
            assert versions == [m[0] for m in MIGRATIONS]
            conn.execute(
                schema_migrations.insert().values(version=LATEST + 1, name="future", applied_at="x")
            )
    with pytest.raises(StoreError, match="newer than this proxygraph"):
        Store(store_url)


def test_sqlite_uses_wal_and_urls_map_to_their_drivers(tmp_path: Path):
    path = tmp_path / "graph.db"
    with Store(str(path)) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert database_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert database_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url(str(path)) == f"sqlite:///{path}"
    with pytest.raises(StoreError, match="no store at"):
        Store(str(tmp_path / "missing.db"), create=False)
    with pytest.raises(StoreError, match="cannot open"):
        Store("postgresql://nobody:x@127.0.0.1:1/none")
