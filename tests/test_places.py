"""Geocoding of place mentions: stated containment, country hints, place descriptions."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def geo(nlp, finder):
    """geo(text) -> {surface: GeoRef | None} for the LOCATION mentions."""

    def run(text: str):
        doc = nlp(text)
        return {doc[f.start : f.end].text: f.geo for f in finder.find(doc) if f.type == "LOCATION"}

    return run


def test_apposition_states_the_container_and_the_country(geo):
    places = geo("He lives in Miskeeni Salarzo, a village in Pakistan's Bajaur agency.")
    ref = places["Miskeeni Salarzo"]
    assert ref is not None
    assert ref.country_code == "PK"
    assert ref.admin_path[-2:] == ("Bajaur", "Miskeeni Salarzo")
    assert ref.feature == "village"


def test_district_in_province(geo):
    ref = geo("The fighters moved to Asmaar district in Kunar.")["Asmaar district"]
    assert ref is not None
    assert ref.admin_path == ("Afghanistan", "Kunar", "Asmar")


def test_country_used_as_a_place_is_geocoded(geo):
    ref = geo("Weapons were moved to Tajikistan.")["Tajikistan"]
    assert ref is not None
    assert ref.country_code == "TJ"
    assert ref.feature == "country"


def test_small_place_found_in_a_country_the_document_names(geo):
    # Shahritus is a Tajik town too small for is_place alone; Tajikistan is named in the text.
    places = geo("Tajikistan said that shelling in Shahritus killed four people.")
    ref = places.get("Shahritus")
    assert ref is not None
    assert ref.country_code == "TJ"


def test_place_description_takes_the_place_of_its_kind(geo):
    places = geo(
        "He lives in Miskeeni Salarzo, a village in Pakistan's Bajaur agency. "
        "He later moved to Asmaar district in Kunar. The village was quiet."
    )
    ref = places["The village"]
    assert ref is not None
    assert ref.name == "Miskeeni Salarzo"


def test_mention_record_carries_geo(nlp, finder):
    from proxygraph.extractor import to_mention

    doc = nlp("Refugees fled Aleppo after the shelling.")
    found = [f for f in finder.find(doc) if f.type == "LOCATION"]
    record = to_mention(doc, found[0]).to_dict()
    assert record["geo"]["country_code"] == "SY"
    assert record["geo"]["admin_path"][0] == "Syria"
