"""`proxygraph export`: GraphML and GEXF open in networkx with typed attributes, CSV has its
headers, JSON Lines round-trips, FollowTheMoney entities validate against the FtM model."""

from __future__ import annotations

import csv
import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from export_support import fixture_store, hostile_store

from proxygraph.cli import main
from proxygraph.export import exporter_names, get_exporter, load_graph
from proxygraph.export.base import EDGE_FIELDS, NODE_FIELDS
from proxygraph.export.csv import csv_paths
from proxygraph.export.jsonl import read_jsonl
from proxygraph.store import EdgeFilter, Store

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
UAE_RSF = "bc129530b0baed99"  # United Arab Emirates -[SUPPORTS:weapons]-> RSF, contested
IRAN_HOUTHIS = "2270f66e7158eb26"  # 11 claims, 11 outlets, 2 independent


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return fixture_store(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return hostile_store(tmp_path_factory.mktemp("hostile"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_formats_are_registered_by_name():
    assert exporter_names()[:5] == ["graphml", "gexf", "csv", "jsonl", "ftm"]
    for name in ("graphml", "gexf", "csv", "jsonl"):
        cls = get_exporter(name)
        assert cls.name == name and callable(cls.write) and callable(cls.finalize)


def test_graphml_loads_in_networkx_with_typed_attributes(db: str, tmp_path: Path):
    out = tmp_path / "graph.graphml"
    code, _, err = run("export", "--format", "graphml", "-o", str(out), "--db", db)
    assert code == 0, err
    assert f"graphml: 9 nodes, 8 edges -> {out}" in err
    graph = nx.read_graphml(out, force_multigraph=True)  # edge ids are the keys
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == 9 and graph.number_of_edges() == 8
    rsf = graph.nodes["kb:rsf"]
    assert rsf["label"] == "Rapid Support Forces" and rsf["type"] == "ARMED_GROUP"
    assert rsf["aliases"] == "RSF" and rsf["country"] == "SD" and rsf["degree"] == 5
    saf = graph.nodes["kb:sd-saf"]
    assert saf["type"] == "STATE_AGENCY" and saf["part_of"] == "Sudan" and saf["country"] == "SD"
    edge = graph.edges["kb:ae", "kb:rsf", UAE_RSF]
    assert edge["relation"] == "SUPPORTS" and edge["support_type"] == "weapons"
    assert edge["contested"] is True and edge["claims"] == 2 and edge["denied"] == 1
    assert edge["claimants"] == "Sudanese Armed Forces"
    assert edge["deniers"] == "United Arab Emirates"
    assert (edge["first_date"], edge["last_date"]) == ("2024-05-02", "2024-06-11")
    iran = graph.edges["kb:ir", "kb:ansar-allah", IRAN_HOUTHIS]
    assert iran["independent_outlets"] == 2 and iran["outlets"] == 11
    assert iran["weight"] == 2.0 and iran["contested"] is False
    # the types are declared, so Gephi reads numbers and booleans as such
    keys = {k.get("attr.name"): k.get("attr.type") for k in ET.parse(out).getroot()
            if k.tag.endswith("key")}  # fmt: skip
    assert keys["claims"] in ("int", "long") and keys["contested"] == "boolean"
    assert keys["weight"] == "double" and keys["country"] == "string"
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert ">true</data>" in text and ">True</data>" not in text  # XML Schema booleans


def test_gexf_parses_with_typed_attributes(db: str, tmp_path: Path):
    out = tmp_path / "graph.gexf"
    assert run("export", "--format", "gexf", "-o", str(out), "--db", db)[0] == 0
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf"
    graph = nx.read_gexf(out)
    assert graph.number_of_nodes() == 9 and graph.number_of_edges() == 8
    assert graph.nodes["kb:rsf"]["label"] == "Rapid Support Forces"
    assert graph.nodes["kb:rsf"]["country"] == "SD"
    ns = {"g": "http://www.gexf.net/1.2draft"}
    fights = next(e for e in root.iterfind(".//g:edge", ns) if e.get("label") == "FIGHTS")
    values = {v.get("for"): v.get("value") for v in fights.iterfind(".//g:attvalue", ns)}
    symmetric = next(a.get("id") for a in root.iterfind(".//g:attribute", ns)
                     if a.get("title") == "symmetric")  # fmt: skip
    assert values[symmetric] == "true"
    titles = {a.get("title"): a.get("type") for a in root.iterfind(".//g:attribute", ns)}
    assert titles["contested"] == "boolean" and titles["independent_outlets"] in ("integer", "long")


@pytest.mark.parametrize(
    ("target", "nodes", "edges"),
    [("tables/", "tables/nodes.csv", "tables/edges.csv"),
     ("out/sudan", "out/sudan.nodes.csv", "out/sudan.edges.csv"),
     ("sudan.csv", "sudan.nodes.csv", "sudan.edges.csv")],
)  # fmt: skip
def test_csv_node_and_edge_tables(db: str, tmp_path: Path, target: str, nodes: str, edges: str):
    code, _, err = run("export", "--format", "csv", "-o", f"{tmp_path}/{target}", "--db", db)
    assert code == 0, err
    with open(tmp_path / nodes, encoding="utf-8", newline="") as f:
        node_rows = list(csv.DictReader(f))
    with open(tmp_path / edges, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        edge_rows = list(reader)
    assert list(node_rows[0]) == NODE_FIELDS and list(reader.fieldnames or []) == EDGE_FIELDS
    assert {"id", "label", "type", "aliases", "part_of", "country"} <= set(NODE_FIELDS)
    assert len(node_rows) == 9 and len(edge_rows) == 8
    uae = next(r for r in edge_rows if r["id"] == UAE_RSF)
    assert uae["contested"] == "true" and uae["source"] == "kb:ae" and uae["claims"] == "2"


def test_csv_into_an_existing_folder(db: str, tmp_path: Path):
    assert csv_paths(str(tmp_path)) == (tmp_path / "nodes.csv", tmp_path / "edges.csv")
    assert run("export", "--format", "csv", "-o", str(tmp_path), "--db", db)[0] == 0
    assert (tmp_path / "nodes.csv").is_file() and (tmp_path / "edges.csv").is_file()


def test_csv_refuses_stdout(db: str):
    code, out, err = run("export", "--format", "csv", "--db", db)
    assert code == 1 and out == ""
    assert "--format csv writes files: give -o DIR/ or -o PREFIX" in err


def test_jsonl_has_kinds_and_round_trips(db: str):
    code, out, _ = run("export", "--format", "jsonl", "--db", db)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in records] == ["node"] * 9 + ["edge"] * 8
    edge = next(r for r in records if r.get("edge_id") == UAE_RSF)
    assert {ev["polarity"] for ev in edge["evidence"]} == {"affirmed", "denied"}
    with Store(db) as store:
        expected = load_graph(store, evidence=True)
    assert read_jsonl(out.splitlines()) == expected


def test_filters_select_edges_and_their_actors(db: str):
    code, out, err = run("export", "--format", "jsonl", "--actor", "RSF", "--contested",
                         "--db", db)  # fmt: skip
    assert code == 0, err
    graph = read_jsonl(out.splitlines())
    assert [e.edge.edge_id for e in graph.edges] == [UAE_RSF]
    assert sorted(n.actor.name for n in graph.nodes) == ["Rapid Support Forces",
                                                        "United Arab Emirates"]  # fmt: skip
    code, out, _ = run("export", "--format", "jsonl", "--min-independent", "2",
                       "--since", "2024-06-01", "--relation", "SUPPORTS", "--db", db)  # fmt: skip
    assert [e.edge.edge_id for e in read_jsonl(out.splitlines()).edges] == [UAE_RSF]


def test_unknown_actor_is_one_line_error(db: str, tmp_path: Path):
    code, _, err = run("export", "--format", "graphml", "--actor", "Nobody", "-o",
                       str(tmp_path / "x.graphml"), "--db", db)  # fmt: skip
    assert code == 1 and err.strip() == "Error: no actor called 'Nobody' in the store"
    assert not (tmp_path / "x.graphml").exists()


def test_xml_formats_keep_hostile_text_as_text(hostile_db: str, tmp_path: Path):
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"h.{fmt}"
        assert run("export", "--format", fmt, "-o", str(out), "--db", hostile_db)[0] == 0
        text = out.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text
        graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        labels = {data["label"] for _, data in graph.nodes(data=True)}
        assert labels == {'Backer <img src=x onerror="alert(2)">',
                          "Militia <script>alert(1)</script>"}  # fmt: skip


# --- FollowTheMoney ----------------------------------------------------------------------


def require_ftm() -> None:
    try:
        import followthemoney  # noqa: F401
    except ModuleNotFoundError:
        if IN_CI:
            pytest.fail("CI=true but followthemoney is missing: make setup installs .[ftm]")
        pytest.skip("followthemoney is not installed: pip install -e '.[ftm]' (make setup does)")


def ftm_entities(db: str) -> list[dict]:
    code, out, err = run("export", "--format", "ftm", "--db", db)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def assert_valid_ftm(entities: list[dict]) -> None:
    """Every entity validates with the followthemoney model, and every reference resolves
    to an emitted entity of a schema the property accepts."""
    from followthemoney import model
    from followthemoney.types import registry

    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "duplicate entity ids"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        assert schema.validate(data) is None
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value by its type
        assert proxy.id == data["id"] and registry.entity.clean(data["id"]) == data["id"]
        assert proxy.to_dict()["properties"] == data["properties"], "values change on cleaning"
        for name, values in data["properties"].items():
            prop = schema.properties.get(name)
            assert prop is not None, f"{schema.name} has no property {name}"
            assert not prop.stub, f"{schema.name}.{name} is a reverse property"
            if prop.type == registry.entity:
                for ref in values:
                    assert ref in by_id, f"{schema.name}.{name} -> {ref}: not emitted"
                    assert model.get(by_id[ref]["schema"]).is_a(prop.range), (name, ref)
        missing = [p for p in schema.required if not data["properties"].get(p)]
        assert missing == [], f"{schema.name} lacks {missing}"


def test_ftm_entities_validate_with_the_followthemoney_model(db: str):
    require_ftm()
    entities = ftm_entities(db)
    assert_valid_ftm(entities)
    names = [e for e in entities if "name" in e["properties"]]
    schemas = {e["properties"]["name"][0]: e["schema"] for e in names}
    assert schemas == {
        "Abdel Rahim Dagalo": "Person", "El Fasher": "Address", "Houthis": "Organization",
        "Iran": "PublicBody", "Janjaweed militia": "Organization", "Nyala": "Address",
        "Rapid Support Forces": "Organization", "Sudanese Armed Forces": "PublicBody",
        "United Arab Emirates": "PublicBody",
    }  # fmt: skip
    links = {e["properties"]["recordId"][0]: e for e in entities if "recordId" in e["properties"]}
    assert len(links) == 8
    assert sorted(e["schema"] for e in links.values()) == ["Membership"] + ["UnknownLink"] * 7
    uae = links[UAE_RSF]
    assert uae["properties"]["role"] == ["supports (weapons)"]
    assert uae["properties"]["status"] == ["contested"]
    description = uae["properties"]["description"][0]
    with Store(db) as store:
        for ev in store.evidence(UAE_RSF):
            assert ev.sentence in description and ev.outlet in description
    summary = uae["properties"]["summary"][0]
    assert "Asserted by Sudanese Armed Forces" in summary
    assert "Denied by United Arab Emirates" in summary


def test_ftm_hostile_text_still_validates(hostile_db: str):
    require_ftm()
    entities = ftm_entities(hostile_db)
    assert_valid_ftm(entities)
    link = next(e for e in entities if e["schema"] == "UnknownLink")
    assert "sourceUrl" not in link["properties"]  # javascript: is not a URL FtM keeps


def test_ftm_without_the_extra_is_a_one_line_error(db: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "followthemoney", None)  # import fails as if missing
    monkeypatch.delitem(sys.modules, "proxygraph.export.ftm", raising=False)
    code, out, err = run("export", "--format", "ftm", "--db", db)
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "--format ftm needs the followthemoney library: pip install 'proxygraph[ftm]'" in err


def test_library_export_with_a_filter(db: str, tmp_path: Path):
    from proxygraph.export import export

    with Store(db) as store:
        graph = export(store, "graphml", tmp_path / "s.graphml", EdgeFilter(relation="FIGHTS"))
    assert [e.edge.relation for e in graph.edges] == ["FIGHTS"]
    assert nx.read_graphml(tmp_path / "s.graphml").number_of_edges() == 1
