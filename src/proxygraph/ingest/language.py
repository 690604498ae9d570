"""A cheap check for text that is clearly not English (the caller decides what to do)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SAMPLE_CHARS = 5000
MIN_LETTERS = 40
MIN_WORDS = 20
MIN_LATIN_SHARE = 0.5
ENGLISH_FLOOR = 0.15  # English prose: ~35-45% of words are in the list below
FOREIGN_FLOOR = 0.15
UNKNOWN_FLOOR = 0.05

# fmt: off
_ENGLISH = frozenset({
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been",
    "but", "by", "from", "had", "has", "have", "he", "her", "his", "i", "in", "into", "is",
    "it", "its", "more", "not", "of", "on", "or", "over", "said", "she", "than", "that", "the",
    "their", "there", "they", "this", "to", "under", "was", "we", "were", "which", "who",
    "will", "with", "would",
})
# fmt: on
_OTHER = {
    "French": "au aux avec ce dans des du elle est et il la le les leur mais ont par pas "
    "pour qui sa se ses son sont sur un une été",
    "Spanish": "al como con del el en es las lo los más para por se su sus un una y",
    "German": "auch auf das dem den der des die ein eine für im ist mit nicht sich und "
    "von wurde zu",
    "Portuguese": "ao com da das do dos em na não no os para por se um uma",
    "Italian": "al che con da del della di gli il la le non per sono un una è",
    "Dutch": "aan de dat die een en er het met niet op te van voor zijn",
}
_OTHER_SETS = {name: frozenset(words.split()) for name, words in _OTHER.items()}
_WORD = re.compile(r"[^\W\d_]+")


def non_english_reason(text: str) -> str | None:
    """Return why `text` looks clearly non-English, or None when it may be English.

    Looks at the first 5,000 characters only: a text mostly in a non-Latin script
    gives e.g. "text looks like another language (Arabic script)"; Latin text with
    few English function words names the language whose function words it has, e.g.
    "text looks like another language (French)". Short texts are given the benefit
    of the doubt.
    """
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    scripts: dict[str, int] = {}
    for ch in letters:
        script = _script(ch)
        scripts[script] = scripts.get(script, 0) + 1
    if scripts.get("Latin", 0) < MIN_LATIN_SHARE * len(letters):
        dominant = max((n, s) for s, n in scripts.items() if s != "Latin")[1]
        return f"text looks like another language ({dominant} script)"
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    english = sum(word in _ENGLISH for word in words) / len(words)
    if english >= ENGLISH_FLOOR:
        return None
    share, language = max(
        (sum(word in vocab for word in words) / len(words), name)
        for name, vocab in _OTHER_SETS.items()
    )
    if share >= FOREIGN_FLOOR and share > english:
        return f"text looks like another language ({language})"
    if english < UNKNOWN_FLOOR:
        return "text looks like another language (few English words)"
    return None


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """The script of a letter, named as in its Unicode name ("Latin", "Arabic", "CJK")."""
    if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff":
        return "Latin"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0] if name else "unknown"
    return {"CJK": "CJK", "LATIN": "Latin"}.get(first, first.capitalize())
