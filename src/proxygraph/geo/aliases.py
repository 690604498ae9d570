"""Loader for the curated place file (data/places/aliases.yaml), with strict validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from proxygraph.errors import InvalidKB

DEFAULT_ALIAS_FILE = Path(str(resources.files("proxygraph") / "data" / "places" / "aliases.yaml"))

FEATURES = frozenset(
    {"country", "province", "district", "city", "town", "village", "region", "valley"}
)
_PLACE_KEYS = frozenset(
    {
        "name",
        "aliases",
        "feature",
        "country",
        "parent",
        "lat",
        "lon",
        "wikidata",
        "geonames",
        "note",
    }
)
_COUNTRY_KEYS = frozenset({"name", "aliases"})
_TOP_KEYS = frozenset({"version", "countries", "places", "not_places"})


@dataclass(frozen=True)
class CuratedPlace:
    """One curated place: a name the packaged gazetteers lack or spell differently."""

    name: str
    feature: str
    country: str | None
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # a name, "geonames:<id>" or "iso:<ISO 3166-2 code>"
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    geonames: int | None = None


@dataclass(frozen=True)
class CountryOverride:
    """A preferred English display name and extra aliases for one country."""

    code: str
    name: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class AliasFile:
    """The parsed alias file."""

    path: Path
    places: tuple[CuratedPlace, ...] = ()
    countries: tuple[CountryOverride, ...] = ()
    not_places: frozenset[str] = field(default_factory=frozenset)


def _fail(path: Path, key: str, msg: str) -> InvalidKB:
    return InvalidKB(f"{path}: {key}: {msg}")


def _str(path: Path, key: str, value: Any, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, f"expected a non-empty string, got {value!r}")
    return value.strip()


def _str_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(path, key, f"expected a list of strings, got {value!r}")
    return tuple(_str(path, f"{key}[{i}]", v) or "" for i, v in enumerate(value))


def _coord(path: Path, key: str, value: Any, limit: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise _fail(path, key, f"expected a number within ±{limit:g}, got {value!r}")
    return float(value)


def _country_code(path: Path, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 2 or not value.isalpha():
        raise _fail(path, key, f"expected an ISO 3166-1 alpha-2 code, got {value!r}")
    return value.upper()


def _place(path: Path, key: str, raw: Any) -> CuratedPlace:
    if not isinstance(raw, dict):
        raise _fail(path, key, f"expected a mapping, got {raw!r}")
    unknown = sorted(set(raw) - _PLACE_KEYS)
    if unknown:
        raise _fail(path, f"{key}.{unknown[0]}", "unknown key")
    name = _str(path, f"{key}.name", raw.get("name")) or ""
    key = f"{key} ({name})"
    feature = _str(path, f"{key}.feature", raw.get("feature")) or ""
    if feature not in FEATURES:
        raise _fail(path, f"{key}.feature", f"expected one of {sorted(FEATURES)}, got {feature!r}")
    geonames = raw.get("geonames")
    if geonames is not None and (isinstance(geonames, bool) or not isinstance(geonames, int)):
        raise _fail(path, f"{key}.geonames", f"expected an integer id, got {geonames!r}")
    wikidata = _str(path, f"{key}.wikidata", raw.get("wikidata"), optional=True)
    if wikidata is not None and not (wikidata[0] == "Q" and wikidata[1:].isdigit()):
        raise _fail(path, f"{key}.wikidata", f"expected a Q-id, got {wikidata!r}")
    lat = _coord(path, f"{key}.lat", raw.get("lat"), 90)
    lon = _coord(path, f"{key}.lon", raw.get("lon"), 180)
    if (lat is None) != (lon is None):
        raise _fail(path, f"{key}.lat", "give both lat and lon, or neither")
    return CuratedPlace(
        name=name,
        feature=feature,
        country=_country_code(path, f"{key}.country", raw.get("country")),
        aliases=_str_list(path, f"{key}.aliases", raw.get("aliases")),
        parent=_str(path, f"{key}.parent", raw.get("parent"), optional=True),
        lat=lat,
        lon=lon,
        wikidata=wikidata,
        geonames=geonames,
    )


def load_alias_file(path: Path | str = DEFAULT_ALIAS_FILE) -> AliasFile:
    """Parse and validate an alias file; InvalidKB names the file and the bad key."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidKB(f"{path}: cannot read YAML ({exc})") from exc
    if raw is None:
        return AliasFile(path=path)
    if not isinstance(raw, dict):
        raise _fail(path, "<top>", f"expected a mapping, got {type(raw).__name__}")
    unknown = sorted(set(raw) - _TOP_KEYS)
    if unknown:
        raise _fail(path, unknown[0], "unknown key")

    places_raw = raw.get("places") or []
    if not isinstance(places_raw, list):
        raise _fail(path, "places", "expected a list")
    places = tuple(_place(path, f"places[{i}]", p) for i, p in enumerate(places_raw))

    countries_raw = raw.get("countries") or {}
    if not isinstance(countries_raw, dict):
        raise _fail(path, "countries", "expected a mapping of ISO2 code to entry")
    countries: list[CountryOverride] = []
    for code, entry in countries_raw.items():
        key = f"countries.{code}"
        cc = _country_code(path, key, code) or ""
        if not isinstance(entry, dict):
            raise _fail(path, key, f"expected a mapping, got {entry!r}")
        bad = sorted(set(entry) - _COUNTRY_KEYS)
        if bad:
            raise _fail(path, f"{key}.{bad[0]}", "unknown key")
        countries.append(
            CountryOverride(
                code=cc,
                name=_str(path, f"{key}.name", entry.get("name"), optional=True),
                aliases=_str_list(path, f"{key}.aliases", entry.get("aliases")),
            )
        )

    not_places = _str_list(path, "not_places", raw.get("not_places"))
    return AliasFile(
        path=path,
        places=places,
        countries=tuple(countries),
        not_places=frozenset(not_places),
    )
