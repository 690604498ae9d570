"""Mentions resolved by what the document says around them: UN panels and missions, "the
government in X", things that are not actors."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def mentions(pipeline):
    """mentions(text) -> [(surface, type, actor name, rule)] on the packaged KB."""

    def run(text: str) -> list[tuple[str, str, str, str]]:
        doc = pipeline.nlp(text)
        return [
            (doc[f.start : f.end].text, f.type, f.name, f.rule) for f in pipeline.finder.find(doc)
        ]

    return run


def test_un_experts_are_the_panel_of_the_country_the_document_is_about(mentions):
    out = mentions(
        "UN experts say Rwanda is arming the M23 rebels in eastern Congo. Kinshasa has long "
        "accused Kigali of backing the rebels in Congo. The experts also cite Ugandan help."
    )
    panel = [m for m in out if m[2] == "UN Group of Experts on the DRC"]
    assert [(m[0], m[3]) for m in panel] == [
        ("UN experts", "expert-panel"),
        ("The experts", "expert-panel-anaphora"),
    ]


def test_un_experts_stay_unresolved_when_no_country_has_a_panel(mentions):
    out = mentions("UN experts said France and Germany had agreed on the text.")
    assert not [m for m in out if m[3].startswith("expert-panel")]
    assert not [m for m in out if "Experts" in m[2]]


def test_the_government_in_a_capital_is_that_capitals_state(mentions):
    out = mentions(
        "Rwanda has denied the claims. Uganda said nothing. "
        "The experts accuse the government in Kigali of breaching the embargo."
    )
    government = [m for m in out if m[0] == "the government"]
    assert government == [("the government", "STATE", "Rwanda", "anaphora-place")]


def test_un_peacekeepers_are_the_mission_in_the_country_the_document_is_about(mentions):
    out = mentions(
        "Rebels attacked UN peacekeepers near Bangui in the Central African Republic. "
        "The mission said two soldiers were wounded; the Central African Republic's army "
        "pursued the attackers."
    )
    mission = [(m[0], m[2], m[3]) for m in out if m[2] == "MINUSCA"]
    assert mission == [
        ("UN peacekeepers", "MINUSCA", "un-mission"),
        ("The mission", "MINUSCA", "un-mission-anaphora"),
    ]


def test_a_train_is_no_actor_but_a_newspaper_is(mentions):
    train = mentions("On Tuesday BLA fighters ambushed the Jaffar Express in a remote area.")
    assert [m[0] for m in train] == ["BLA"]
    paper = mentions("The Express Tribune reported that the TTP attacked a checkpoint.")
    assert ("Express Tribune", "POLITICAL_ORG") in [(m[0], m[1]) for m in paper]


def test_the_government_of_a_president_is_the_state_they_lead(pipeline):
    from proxygraph.extractor import parse_date

    text = (
        "The United States condemned the attack. The Houthis are at war with the government "
        "of President Abd-Rabbu Mansour Hadi."
    )
    doc = pipeline.nlp(text)
    found = pipeline.finder.find(doc, parse_date("2016-05-01"))
    government = [(f.name, f.rule) for f in found if doc[f.start : f.end].text == "the government"]
    assert government == [("Yemen", "anaphora-place")]


def test_a_town_taken_by_rebels_is_a_place_even_when_spacy_calls_it_a_person(mentions):
    out = mentions("M23 rebels captured Goma in January.")
    assert ("Goma", "LOCATION") in [(m[0], m[1]) for m in out]


def test_fighters_from_a_named_group_are_the_groups_not_their_countrys(mentions):
    out = mentions("Russian mercenaries from the Wagner Group have been deployed to Mali.")
    assert "Russia" not in [m[2] for m in out]
    assert ("Wagner Group", "ARMED_GROUP") in [(m[0], m[1]) for m in out]


def test_an_agreement_or_an_operation_is_no_actor(mentions):
    out = mentions("Russia and Iran must work to support a nationwide Cessation of Hostilities.")
    assert [m[0] for m in out if "Cessation" in m[0]] == []
