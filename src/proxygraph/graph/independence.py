"""Near-duplicate and syndicated copies: MinHash signatures, LSH bands, independence.

Each document gets a MinHash signature (datasketch) of its word 3-shingles. Documents
whose estimated Jaccard similarity is at least SIMILARITY are copies of one another and
share a *cluster* (single linkage). The store finds candidate pairs through LSH band keys
(BANDS bands of ROWS values) and confirms them with the estimated similarity.

An edge's independent outlets are the groups left after joining its documents that share
an outlet or a cluster: ten sites reprinting one wire story count once, and one outlet
repeating itself counts once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 1
SCHEME = "affine32"  # pinned: stored signatures stay comparable across datasketch versions
SHINGLE = 3
SIMILARITY = 0.6  # estimated Jaccard of 3-shingles at or above which two texts are copies

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word `size`-grams of the folded text (the words themselves when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _permutations() -> Any:
    from datasketch import MinHash  # imported here: it pulls in scipy (half a second)

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _new_minhash() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text as bytes (NUM_PERM uint32), None for no words."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = _new_minhash()
    minhash.update_batch(list(grams))
    return minhash.hashvalues.astype("<u4").tobytes()


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_values(a) == _values(b)))


def band_keys(sig: bytes) -> list[str]:
    """The LSH band keys of a signature: two documents sharing one are candidates."""
    values = _values(sig)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(f"{band:02d}{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def count_independent(items: Iterable[tuple[str, str]]) -> int:
    """How many independent groups (outlet, cluster) pairs form.

    items (Iterable[tuple[str, str]]): one (outlet, cluster) per claim or document.
    RETURNS (int): the connected components when pairs sharing an outlet or a cluster
        are joined.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for outlet, cluster in items:
        a, b = f"o:{outlet}", f"c:{cluster}"
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return len({find(x) for x in parent})
