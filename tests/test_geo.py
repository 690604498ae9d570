"""Offline geocoding: hierarchy, curated aliases, text-stated containment, typing checks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from proxygraph.errors import InvalidKB
from proxygraph.geo import Gazetteer, default_gazetteer, load_alias_file
from proxygraph.geo.names import clean_mention, display_name, fold, split_suffix
from proxygraph.records import GeoRef


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return default_gazetteer()


# --- the seed document's four places -----------------------------------------------


def test_asmaar_district_within_kunar(gz: Gazetteer) -> None:
    ref = gz.resolve("Asmaar", within="Kunar", country="AF")
    assert ref is not None
    assert ref.name == "Asmar"
    assert ref.country_code == "AF"
    assert ref.admin_path == ("Afghanistan", "Kunar", "Asmar")
    assert ref.feature == "district"
    assert ref.lat is not None and 34 < ref.lat < 36
    assert gz.resolve("Asmaar district", within="Kunar") == ref


def test_miskeeni_salarzo_from_stated_containment(gz: Gazetteer) -> None:
    ref = gz.resolve("Miskeeni Salarzo", within="Bajaur", country="PK", feature="village")
    assert ref is not None
    assert ref.gazetteer_id.startswith("text:")
    assert ref.name == "Miskeeni Salarzo"
    assert ref.country_code == "PK"
    assert ref.admin_path == ("Pakistan", "Khyber Pakhtunkhwa", "Bajaur", "Miskeeni Salarzo")
    assert ref.feature == "village"
    bajaur = gz.resolve("Bajaur", country="PK")
    assert bajaur is not None
    assert (ref.lat, ref.lon) == (bajaur.lat, bajaur.lon)
    # not a curated entry: without the stated container it is unknown
    assert gz.resolve("Miskeeni Salarzo") is None


def test_bajaur_is_a_district_of_khyber_pakhtunkhwa(gz: Gazetteer) -> None:
    ref = gz.resolve("Bajaur", country="PK")
    assert ref is not None
    assert ref.admin_path == ("Pakistan", "Khyber Pakhtunkhwa", "Bajaur")
    assert ref.feature == "district"
    assert ref.gazetteer_id == "geonames:1183781"
    assert gz.resolve("Bajaur agency") == ref
    assert gz.resolve("Pakistan's Bajaur agency") == ref


def test_kunar_province(gz: Gazetteer) -> None:
    ref = gz.resolve("Kunar", country="AF")
    assert ref is not None
    assert ref.admin_path == ("Afghanistan", "Kunar")
    assert ref.feature == "province"
    assert gz.resolve("Kunar province") == ref


# --- packaged data: countries, ISO subdivisions, cities, homonyms ------------------------


def test_country(gz: Gazetteer) -> None:
    ref = gz.resolve("Tajikistan")
    assert ref is not None
    assert ref.feature == "country"
    assert ref.country_code == "TJ"
    assert ref.admin_path == ("Tajikistan",)
    assert ref.lat is not None and ref.lon is not None
    assert gz.country_of("Tajikistan") == "TJ"
    assert gz.country_of("Pakistan") == "PK"
    assert gz.country_of("Syria") == "SY"
    assert gz.country_of("DRC") == "CD"
    assert gz.country_of("PAK") == "PK"
    assert gz.country_of("Kabul") is None
    assert gz.country_of("Taliban") is None


def test_iso_subdivision(gz: Gazetteer) -> None:
    ref = gz.resolve("Texas")
    assert ref is not None
    assert ref.country_code == "US"
    assert ref.admin_path == ("United States", "Texas")
    assert ref.feature == "state"
    nk = gz.resolve("North Kivu")
    assert nk is not None and nk.country_code == "CD"


def test_big_city(gz: Gazetteer) -> None:
    ref = gz.resolve("Kabul")
    assert ref is not None
    assert ref.feature == "city"
    assert ref.country_code == "AF"
    assert ref.admin_path[0] == "Afghanistan" and ref.admin_path[-1] == "Kabul"
    assert ref.lat == pytest.approx(34.53, abs=0.05)
    assert ref.lon == pytest.approx(69.17, abs=0.05)


def test_homonym_resolved_by_country_hint(gz: Gazetteer) -> None:
    default = gz.resolve("Hyderabad")
    pk = gz.resolve("Hyderabad", country="PK")
    assert default is not None and default.country_code == "IN"
    assert pk is not None and pk.country_code == "PK"
    assert pk.admin_path[:2] == ("Pakistan", "Sindh")
    paris = gz.resolve("Paris")
    assert paris is not None and paris.country_code == "FR"
    assert gz.resolve("Paris", country="United States").country_code == "US"


def test_spelling_variants(gz: Gazetteer) -> None:
    panjshir = gz.resolve("Panjsher")
    assert panjshir is not None and panjshir.name == "Panjshir"
    assert gz.resolve("Baluchistan") == gz.resolve("Balochistan")
    kp = gz.resolve("KPK")
    assert kp is not None and kp.name == "Khyber Pakhtunkhwa"


def test_regions(gz: Gazetteer) -> None:
    mideast = gz.resolve("the Middle East")
    assert mideast is not None and mideast.feature == "region" and mideast.country_code is None
    east = gz.resolve("eastern Congo")
    assert east is not None
    assert east.country_code == "CD" and east.feature == "region"
    assert east.admin_path[-1] == "eastern Congo"


def test_unknown_name(gz: Gazetteer) -> None:
    assert gz.resolve("Qwzxplorvania") is None
    assert gz.resolve("") is None
    assert not gz.is_place("Qwzxplorvania")


def test_is_place(gz: Gazetteer) -> None:
    for name in ("Kabul", "Pakistan", "Kunar", "Kunar province", "Bajaur agency", "Texas"):
        assert gz.is_place(name), name
    for name in ("Taliban", "Monday", "ISKP", "Islamic State", "Pakistani", "National"):
        assert not gz.is_place(name), name


def test_lookups_are_fast(gz: Gazetteer) -> None:
    names = ["Kabul", "Taliban", "Kunar province", "Bajaur", "Hyderabad", "Monday"]
    start = time.perf_counter()
    for i in range(200):
        for name in names:
            gz.is_place(f"{name}{i % 2 * ' '}")
            gz.resolve(name, country="PK" if i % 2 else None)
    assert time.perf_counter() - start < 2.0


# --- normalisation ------------------------------------------------------------------


def test_names() -> None:
    assert fold("Kunaṟ") == "kunar"
    assert fold("Côte d'Ivoire") == "cote divoire"
    assert split_suffix("kunar province") == ("kunar", "adm1")
    assert split_suffix("kunar") == ("kunar", None)
    assert display_name("Āsmār") == "Asmar"
    assert display_name("Île-de-France") == "Île-de-France"
    assert clean_mention("the Gaza Strip's") == "Gaza Strip"


# --- alias file ----------------------------------------------------------------------


def test_packaged_alias_file_loads() -> None:
    aliases = load_alias_file()
    names = {p.name for p in aliases.places}
    assert {"Bajaur", "Kunar", "Asmar", "Khyber Pakhtunkhwa"} <= names
    assert "Miskeeni Salarzo" not in names


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("places:\n  - {name: X, feature: hamlet, country: PK}\n", "places[0] (X).feature"),
        ("places:\n  - {name: X, feature: city, country: PK, lat: 95, lon: 1}\n", ".lat"),
        ("places:\n  - {feature: city}\n", "places[0].name"),
        ("places:\n  - {name: X, feature: city, colour: red}\n", "places[0].colour"),
        ("places: {name: X}\n", "places"),
        ("countries:\n  PAK: {name: Pakistan}\n", "countries.PAK"),
        ("places: [\n", "cannot read YAML"),
    ],
)
def test_malformed_alias_file_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = tmp_path / "bad-aliases.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InvalidKB) as err:
        load_alias_file(path)
    assert str(path) in str(err.value)
    assert key in str(err.value)


def test_custom_alias_file(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "places:\n"
        "  - name: Testabad\n"
        "    aliases: [Testabaad]\n"
        "    feature: village\n"
        "    country: AF\n"
        "    parent: Kunar\n",
        encoding="utf-8",
    )
    gz = Gazetteer(path)
    ref = gz.resolve("Testabaad")
    assert isinstance(ref, GeoRef)
    assert ref.gazetteer_id == "curated:testabad"
    assert ref.admin_path[0] == "Afghanistan" and ref.admin_path[-1] == "Testabad"
    assert ref.lat is not None  # inherits its parent's coordinates
    assert gz.is_place("Testabad")
    # a curated parent that does not exist is an error naming the file
    path.write_text(
        "places:\n  - {name: Y, feature: village, country: AF, parent: Nowhereistan}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidKB, match="aliases.yaml"):
        Gazetteer(path).load()
