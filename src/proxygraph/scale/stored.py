"""Documents already in a store, as a compact set that Ray actors test before extracting.

A stored document is known by the content hash the store keeps (outlet, id and text; see
store/rows.py content_hash): 16 hex digits, here a 64-bit integer. The set is a sorted
numpy array of them (8 bytes a document), small enough to hand to every actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from proxygraph.store import Store


def document_hash(source: str, doc_id: str, text: str) -> int:
    """The store's content hash of a document with its text, as an integer."""
    from proxygraph.store.rows import content_hash

    return int(content_hash({"source": source, "doc_id": doc_id}, text), 16)


def stored_hashes(store: Store) -> np.ndarray:
    """The sorted content hashes (uint64) of every document in `store`."""
    import sqlalchemy as sa

    from proxygraph.store.tables import documents

    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(documents.c.content_hash)).scalars()
        hashes = np.fromiter((int(h, 16) for h in rows), dtype=np.uint64)
    hashes.sort()
    return hashes


def is_stored(hashes: np.ndarray, source: str, doc_id: str, text: str) -> bool:
    """Whether this text is stored under this outlet and id (as Store.is_loaded)."""
    if not len(hashes):
        return False
    key = np.uint64(document_hash(source, doc_id, text))
    at = int(np.searchsorted(hashes, key))
    return at < len(hashes) and hashes[at] == key
