"""Choosing among homonyms: the places a name may mean, ranked by fit to the feature hint,
curation, class, whether the name is the primary one, and population."""

from __future__ import annotations

from proxygraph.geo.names import fold, spelling_variants, split_suffix
from proxygraph.geo.place import CLASS_ADM1, CLASS_ADM2, Place
from proxygraph.geo.place_index import PlaceIndex

HINT_FEATURES = {
    "adm1": {"province"},
    "adm2": {"district"},
    "region": {"region", "province"},
    "valley": {"valley"},
    "city": {"city", "town", "populated place"},
    "village": {"village", "town", "populated place"},
}


def rank(
    index: PlaceIndex,
    cands: list[tuple[str, bool]],
    *,
    cc: str | None,
    hint: str | None,
    within: Place | None = None,
) -> list[Place]:
    """Candidates that fit cc and within, best first."""
    wanted = HINT_FEATURES.get(hint or "", set())
    cand_keys = {k for k, _ in cands}
    scored = []
    for key, primary in cands:
        place = index.place(key)
        if cc is not None and place.country != cc:
            continue
        ancestors = index.chain(key)[1:]
        if within is not None and within.key not in {p.key for p in ancestors}:
            continue
        klass = place.klass
        if key[0] == "C":
            # a town inside a namesake district ranks with it (and wins on population)
            nested = [a.klass for a in ancestors if a.key in cand_keys]
            klass = max([klass, *(k for k in nested if k < CLASS_ADM1)])
        hint_ok = bool(wanted) and (
            place.feature in wanted
            or (hint == "adm1" and place.klass == CLASS_ADM1 and place.key[0] == "S")
            or (hint == "adm2" and place.key[0] == "S" and place.klass == CLASS_ADM2)
            or (hint in ("city", "village") and place.key[0] == "C")
        )
        score = (hint_ok, place.curated, klass, primary, place.population)
        scored.append((score, key, place))
    scored.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return [p for _, _, p in scored]


def find(
    index: PlaceIndex, text: str, *, cc: str | None, within: Place | None, hint: str | None
) -> Place | None:
    """The best place for a cleaned mention ("Kunar province"), spelling variants tried
    when no place has the name; None when nothing fits."""
    key = fold(text)
    base, suffix_hint = split_suffix(key)
    hint = hint or suffix_hint
    cands = index.candidates(key)
    if base != key:
        cands += [c for c in index.candidates(base) if c not in cands]
    ranked = rank(index, cands, cc=cc, hint=hint, within=within)
    if not ranked and not cands:
        for variant in spelling_variants(base):
            ranked = rank(index, index.candidates(variant), cc=cc, hint=hint, within=within)
            if ranked:
                break
    return ranked[0] if ranked else None
