"""Aggregation and independence, without a database."""

from __future__ import annotations

from proxygraph.graph import ClaimFact, EdgeKey, aggregate, count_independent, edge_keys
from proxygraph.graph.actors import actor_key, normalise_name
from proxygraph.graph.independence import shingles, signature, similarity


def fact(n: int, **kw: object) -> ClaimFact:
    base: dict[str, object] = {
        "claim_id": f"c{n}", "doc_key": f"d{n}", "polarity": "affirmed", "modality": "asserted",
        "claimant": "", "outlet": f"Outlet {n}", "date": None, "cluster": None,
    }  # fmt: skip
    base.update(kw)
    return ClaimFact(**base)  # type: ignore[arg-type]


KEY = EdgeKey("kb:ae", "SUPPORTS", "kb:rsf", "weapons")


def test_symmetric_relations_have_one_canonical_order():
    assert edge_keys("kb:b", "FIGHTS", "kb:a", None) == edge_keys("kb:a", "FIGHTS", "kb:b", None)
    assert edge_keys("kb:b", "FIGHTS", "kb:a", None)[0].source == "kb:a"
    assert edge_keys("kb:b", "SUPPORTS", "kb:a", None)[0].source == "kb:b"


def test_support_types_split_edges_and_default_to_unspecified():
    keys = edge_keys("kb:ae", "SUPPORTS", "kb:rsf", ["weapons", "funding"])
    assert [k.support_type for k in keys] == ["funding", "weapons"]
    assert edge_keys("kb:ae", "SUPPORTS", "kb:rsf", None)[0].support_type == "unspecified"
    assert edge_keys("kb:ae", "OPPOSES", "kb:rsf", ["weapons"])[0].support_type == ""


def test_edge_ids_are_stable_hashes_of_the_key():
    assert KEY.id == EdgeKey("kb:ae", "SUPPORTS", "kb:rsf", "weapons").id
    assert KEY.id != EdgeKey("kb:ae", "SUPPORTS", "kb:rsf", "funding").id
    assert len(KEY.id) == 16


def test_one_side_asserts_another_denies_is_contested():
    stats = aggregate(
        KEY,
        [
            fact(1, claimant="Sudanese Armed Forces", date="2024-05-02"),
            fact(2, polarity="denied", claimant="United Arab Emirates", date="2024-06-11"),
        ],
    )
    assert stats.contested and (stats.affirmed, stats.denied) == (1, 1)
    assert stats.claimants == ["Sudanese Armed Forces"]
    assert stats.deniers == ["United Arab Emirates"]
    assert (stats.first_date, stats.last_date) == ("2024-05-02", "2024-06-11")


def test_a_claimant_contradicting_itself_alone_is_not_contested():
    stats = aggregate(KEY, [fact(1, claimant="X"), fact(2, polarity="denied", claimant="x")])
    assert not stats.contested


def test_claimant_defaults_to_outlet_and_modalities_are_counted():
    stats = aggregate(KEY, [fact(1), fact(2, modality="alleged"), fact(3, modality="alleged")])
    assert stats.claimants == ["Outlet 1", "Outlet 2", "Outlet 3"]
    assert stats.modalities == {"alleged": 2, "asserted": 1}
    assert stats.first_date is None and not stats.contested


def test_copies_and_one_outlet_count_once():
    assert count_independent([("a", "c1"), ("b", "c1"), ("c", "c1")]) == 1
    assert count_independent([("a", "c1"), ("a", "c2"), ("b", "c3")]) == 2
    assert count_independent([("a", "c1"), ("b", "c2"), ("b", "c1"), ("c", "c3")]) == 2
    stats = aggregate(KEY, [fact(i, cluster="wire") for i in range(10)] + [fact(11)])
    assert len(stats.outlets) == 11 and stats.independent == 2


def test_near_identical_texts_are_similar_and_different_ones_not():
    story = " ".join(f"word{i} appears in sentence {i // 7}." for i in range(80))
    copy = "DUBAI (Wire) - " + story.replace("word3 ", "term3 ") + " Editing by the desk."
    other = " ".join(f"token{i} is unrelated {i}." for i in range(80))
    a, b, c = signature(story), signature(copy), signature(other)
    assert a and b and c
    assert similarity(a, b) > 0.8 > 0.1 > similarity(a, c)
    assert signature("  ") is None
    assert shingles("one two") == {b"one two"}


def test_actor_keys_fold_unlinked_names():
    assert normalise_name("The  Janjaweed-Militia") == "janjaweed militia"
    assert normalise_name("Ça") == "ca"
    assert actor_key("JANJAWEED MILITIA", "ARMED_GROUP", None) == actor_key(
        "the Janjaweed militia", "ARMED_GROUP", None
    )
    assert actor_key("X", "STATE", "ir") == "kb:ir"
    assert actor_key("Chad", "STATE", None) != actor_key("Chad", "LOCATION", None)
