"""Name normalisation for gazetteer keys: folding, feature suffixes, spelling variants."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_APOSTROPHES = re.compile(r"[\u2018\u2019`'\u02bb\u02bc\u02bf\u02be]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_PLAIN = re.compile(r"[a-z0-9 ]*")

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
    "eastern western northern southern central northeastern northwestern southeastern "
    "southwestern north-eastern north-western south-eastern south-western".split()
)

# Combining marks GeoNames uses for scholarly transliteration (macron, dot/line below),
# dropped from display names: "Kunaṟ" -> "Kunar", "Āsmār" -> "Asmar".
_TRANSLIT_MARKS = frozenset("\u0304\u0323\u0331\u032e\u0332\u0324")


def fold(text: str) -> str:
    """The lookup key of a name: ASCII, lower case, punctuation to single spaces."""
    low = text.lower()
    if low.isascii() and _PLAIN.fullmatch(low) and "  " not in low:
        return low.strip()
    if not low.isascii():
        low = unidecode(low).lower()
    low = _APOSTROPHES.sub("", low)
    return _NON_ALNUM.sub(" ", low).strip()


def is_latin(text: str) -> bool:
    """True if every letter of text is Latin script (aliases in other scripts are skipped)."""
    for ch in text:
        o = ord(ch)
        if o >= 0x250 and not 0x1E00 <= o <= 0x1EFF and ch.isalpha():
            return False
    return True


def display_name(name: str) -> str:
    """The name with transliteration marks removed; real diacritics (é, ü, ş) kept."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFD", name)
    if not any(ch in _TRANSLIT_MARKS for ch in decomposed):
        return name
    kept = "".join(ch for ch in decomposed if ch not in _TRANSLIT_MARKS)
    return unicodedata.normalize("NFC", kept)


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
