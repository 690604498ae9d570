"""Places in a document: gazetteer typing of unknown names, place descriptions, geocoding.

Every LOCATION mention gets a GeoRef, resolved with the containment the text states
("Miskeeni Salarzo, a village in Pakistan's Bajaur agency" -> within Bajaur, country PK;
"Asmaar district in Kunar" -> within Kunar); a name the gazetteer does not know as a
sizeable place is looked up in the countries the document names, commonest first.
The gazetteer loads on first use; every lookup is cached per name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from proxygraph.geo import Gazetteer, default_gazetteer
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, function_words
from proxygraph.records import GeoRef

CONTAINMENT_WORDS = function_words("containment") | {","}
POSSESSIVE = frozenset({"'s", "’s"})
ARTICLES = function_words("articles")


class Places:
    """Gazetteer look-ups for the mention finder, cached per name.

    lex (Lexicon): place nouns and descriptions.
    gazetteer (Gazetteer | None): None uses the shared default one, loaded on first use.
    """

    def __init__(self, lex: Lexicon, gazetteer: Gazetteer | None = None) -> None:
        self.lex = lex
        self._gz = gazetteer
        self._country: dict[str, str | None] = {}

    @property
    def gz(self) -> Gazetteer:
        if self._gz is None:
            self._gz = default_gazetteer()
        return self._gz

    def is_place(self, name: str) -> bool:
        """A known place (country, subdivision, curated, or a sizeable town)."""
        return self.gz.is_place(name)

    def local_place(self, name: str, countries: tuple[str, ...]) -> GeoRef | None:
        """A gazetteer place in one of the countries, however small ("Sarmin" in Syria)."""
        for country in countries:
            ref = self.gz.resolve(name, country=country)
            if (
                ref is not None
                and not ref.gazetteer_id.startswith("text:")
                and ref.country_code == country
            ):
                return ref
        return None

    def place_like(self, name: str, countries: tuple[str, ...]) -> bool:
        """is_place, or a place of a country the document names."""
        return self.is_place(name) or self.local_place(name, countries) is not None

    def country_code(self, name: str) -> str | None:
        """ISO2 code when name is a country, else None."""
        if name not in self._country:
            self._country[name] = self.gz.country_of(name)
        return self._country[name]

    def countries_named(self, names: list[str]) -> tuple[str, ...]:
        """ISO2 codes of the countries among the names, commonest first."""
        codes = Counter(c for c in map(self.country_code, names) if c)
        return tuple(c for c, _n in codes.most_common())

    def geocode(self, doc: Doc, found: list[Found], hint: tuple[str, ...]) -> list[Found]:
        """found with geo set on every LOCATION mention that resolves."""
        by_start = {f.start: f for f in found}
        out: list[Found] = []
        places: list[GeoRef] = []  # resolved places below country level, in text order
        for f in sorted(found, key=lambda f: f.start):
            if f.type != "LOCATION":
                out.append(f)
                continue
            if f.rule == "place-description":
                geo = _antecedent_place(places, doc[f.end - 1].lower_)
            else:
                geo = self._resolve_one(doc, f, by_start, hint)
            f = replace(f, geo=geo)
            if geo is not None and geo.feature != "country":
                places.append(geo)
            out.append(f)
        return out

    def _resolve_one(
        self, doc: Doc, f: Found, by_start: dict[int, Found], hint: tuple[str, ...]
    ) -> GeoRef | None:
        name = _place_name(doc, f, self.lex)
        if self.country_code(name):
            return self.gz.resolve(name)
        within, country, feature = self._containment(doc, f, by_start)
        if within or country:
            return self.gz.resolve(name, within=within, country=country, feature=feature)
        if self.is_place(name):
            return self.gz.resolve(name, feature=feature)
        return self.local_place(name, hint) or self.gz.resolve(name, feature=feature)

    def _containment(
        self, doc: Doc, f: Found, by_start: dict[int, Found]
    ) -> tuple[str | None, str | None, str | None]:
        """(within, country, feature) the text states right after a place mention."""
        i, feature = f.end, None
        if f.end - f.start > 1 and doc[f.end - 1].lower_ in self.lex.place_nouns:
            feature = doc[f.end - 1].lower_
        if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ARTICLES:
            # "X, a (small) village in Y"
            k = i + 2
            while k < min(len(doc), i + 5) and doc[k].lower_ not in self.lex.place_nouns:
                k += 1
            if k < len(doc) and doc[k].lower_ in self.lex.place_nouns:
                feature = doc[k].lower_
                i = k + 1
        if i >= len(doc) or doc[i].lower_ not in CONTAINMENT_WORDS:
            return None, None, feature
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        country = None
        owner = by_start.get(i)
        if owner is not None and owner.end < len(doc) and doc[owner.end].lower_ in POSSESSIVE:
            country = self.country_code(owner.name)
            owner = by_start.get(owner.end + 1)
        if owner is None or owner.type not in ("LOCATION", "STATE"):
            return None, country, feature
        owner_name = _place_name(doc, owner, self.lex)
        owner_cc = self.country_code(owner.name)
        if owner_cc:
            return None, country or owner_cc, feature
        return owner_name, country, feature


def _antecedent_place(places: list[GeoRef], noun: str) -> GeoRef | None:
    """The latest place of the described kind ("the village"), else the latest place."""
    for geo in reversed(places):
        if geo.feature == noun:
            return geo
    return places[-1] if places else None


def _place_name(doc: Doc, f: Found, lex: Lexicon) -> str:
    """The name to geocode: the actor's name for a linked country, else the surface name."""
    first = doc[f.start]
    prefix = first.lower_ + " " if first.lower_ in lex.directions else ""
    if f.actor_id is not None:
        return prefix + f.name
    text = f.name
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def place_descriptions(doc: Doc, taken: list[Found], lex: Lexicon) -> list[Found]:
    """ "the city", "the village": place mentions that take the previous place's geo."""
    if not lex.place_descriptions:
        return []
    covered = {i for f in taken for i in range(f.start, f.end)}
    longest = max(len(d) for d in lex.place_descriptions)
    firsts = {d[0] for d in lex.place_descriptions if d}
    lowers = [t.lower_ for t in doc]
    out: list[Found] = []
    i = 0
    while i < len(lowers):
        if lowers[i] not in firsts:
            i += 1  # no description starts here
            continue
        for size in range(min(longest, len(lowers) - i), 1, -1):
            key = tuple(lowers[i : i + size])
            if key in lex.place_descriptions and not covered.intersection(range(i, i + size)):
                nxt = lowers[i + size] if i + size < len(lowers) else None
                if nxt is not None and nxt == "of" and size == 2:
                    break  # "the city of Mosul": the name that follows is the mention
                text = doc[i : i + size].text
                out.append(Found(i, i + size, "LOCATION", None, text, "place-description"))
                i += size - 1
                break
        i += 1
    return out
