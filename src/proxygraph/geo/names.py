"""Name normalisation for gazetteer keys: folding, feature suffixes, spelling variants."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_APOSTROPHES = re.compile(r"[\u2018\u2019`'\u02bb\u02bc\u02bf\u02be]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")

# Trailing words that name the kind of place, mapped to a feature hint.
SUFFIX_HINTS: dict[str, str] = {
    "province": "adm1",
    "governorate": "adm1",
    "state": "adm1",
    "oblast": "adm1",
    "prefecture": "adm1",
    "region": "region",
    "district": "adm2",
    "agency": "adm2",
    "county": "adm2",
    "raion": "adm2",
    "tehsil": "adm3",
    "valley": "valley",
    "city": "city",
    "town": "city",
    "village": "village",
}

# Adjectives that carve a part out of a place ("eastern Congo").
DIRECTIONS = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    ]
)

# Combining marks GeoNames uses for scholarly transliteration (macron, dot/line below),
# dropped from display names: "Kunaṟ" -> "Kunar", "Āsmār" -> "Asmar".
_TRANSLIT_MARKS = frozenset("\u0304\u0323\u0331\u032e\u0332\u0324")
_AYN = str.maketrans({"\u2018": "", "\u02bb": "", "\u02bf": "", "\u02be": ""})


_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ß": "ss",
        "đ": "d",
        "ł": "l",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "ng",
        "ə": "a",
        "\u2018": "",
        "\u2019": "",
        "\u02bb": "",
        "\u02bc": "",
        "\u02bf": "",
        "\u02be": "",
    }
)
_COMBINING = re.compile(r"[\u0300-\u036f]")
_NON_LATIN = re.compile(r"[^\x00-\u036f\u1e00-\u1eff\u2000-\u206f]")


def fold(text: str) -> str:
    """The lookup key of a name: ASCII, lower case, punctuation to single spaces."""
    low = text.lower()
    if low.isascii():
        if _PLAIN.fullmatch(low):
            return low
    else:
        low = _COMBINING.sub("", unicodedata.normalize("NFKD", low.translate(_SPECIAL)))
        if not low.isascii():
            low = unidecode(low).lower()
    low = _APOSTROPHES.sub("", low)
    return _NON_ALNUM.sub(" ", low).strip()


def is_latin(text: str) -> bool:
    """True if text is in Latin script (aliases in other scripts are not indexed)."""
    return text.isascii() or _NON_LATIN.search(text) is None


def display_name(name: str) -> str:
    """The name with transliteration marks removed; real diacritics (é, ü, ş) kept."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFD", name.translate(_AYN))
    kept: list[str] = []
    for ch in decomposed:
        # a cedilla under h/t/d/z is Arabic transliteration (Ḩalab); under s/c it is spelling
        if ch in _TRANSLIT_MARKS or (ch == "\u0327" and kept and kept[-1] in "hHtTdDzZ"):
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def slug(text: str) -> str:
    """A URL-safe id fragment: "Miskeeni Salarzo" -> "miskeeni-salarzo"."""
    return fold(text).replace(" ", "-")


def clean_mention(text: str) -> str:
    """Trim a mention: whitespace, a leading article, a trailing possessive."""
    text = " ".join(text.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    if text[-2:] in ("'s", "\u2019s"):
        text = text[:-2]
    return text.strip(" ,.;:")


def split_suffix(key: str) -> tuple[str, str | None]:
    """Split a folded key into (base, feature hint): "kunar province" -> ("kunar", "adm1")."""
    head, _, last = key.rpartition(" ")
    hint = SUFFIX_HINTS.get(last)
    if head and hint:
        return head, hint
    return key, None


def split_direction(text: str) -> tuple[str | None, str]:
    """Split "eastern Congo" into ("eastern", "Congo"); (None, text) otherwise."""
    first, _, rest = text.partition(" ")
    if rest and first.lower() in DIRECTIONS:
        return first.lower(), rest
    return None, text


def spelling_variants(key: str) -> list[str]:
    """Transliteration variants of a folded key: doubled letters and ee/oo collapsed."""
    out: list[str] = []
    collapsed = re.sub(r"([a-z])\1+", r"\1", key)
    if collapsed != key:
        out.append(collapsed)
    vowels = key.replace("ee", "i").replace("oo", "u")
    if vowels not in (key, collapsed):
        out.append(vowels)
    return out
