"""Helpers for the crash and concurrency tests of the store (issue 8).

`write_claims` generates a `proxygraph.doc/1` JSON Lines file of hundreds of documents from
hand-written templates (no spaCy: `proxygraph load --claims` reads it quickly);
`check_store` checks the store's invariants and returns its edges, recomputed from the
claims, for comparison with a reference load.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from proxygraph.store import Store, database_url
from proxygraph.store.rows import document_key
from proxygraph.store.tables import (
    actor_aliases,
    actors,
    claim_edges,
    claims,
    doc_bands,
    documents,
    edges,
    mentions,
)

# (name, type, KB id or None)
ACTORS = [
    ("Iran", "STATE", "ir"),
    ("Houthis", "ARMED_GROUP", "houthis"),
    ("United Arab Emirates", "STATE", "ae"),
    ("Rapid Support Forces", "ARMED_GROUP", "rsf"),
    ("Sudanese Armed Forces", "STATE_AGENCY", "sd-saf"),
    ("Russia", "STATE", "ru"),
    ("Wagner Group", "ARMED_GROUP", "wagner"),
    ("Hezbollah", "ARMED_GROUP", "hezbollah"),
    ("Janjaweed militia", "ARMED_GROUP", None),
    ("Tigray Defence Forces", "ARMED_GROUP", None),
]
OUTLETS = ["Nile Post", "Gulf Times", "Levant Wire", "Horn Monitor", "Sahel Daily", "Red Sea Eye"]
SUPPORT_TYPES = ["weapons", "funding", "training", "fighters", "logistics"]

# Each template is one sentence; {s} and {t} are the claim's ends, {c} its claimant.
TEMPLATES = [
    ("SUPPORTS", "affirmed", "{c} said {s} supplied {what} to {t} last month."),
    ("SUPPORTS", "denied", "{s} denied giving {what} to {t}, {c} reported."),
    ("FIGHTS", "affirmed", "{s} fought {t} near the border, {c} said."),
    ("OPPOSES", "affirmed", "{c} said {s} condemned {t} in a statement."),
    ("COOPERATES_WITH", "affirmed", "{s} worked with {t} on supply routes, {c} said."),
]
FILLER = [
    "Residents described heavy shelling overnight.",
    "Aid agencies said access to the area remained limited.",
    "Prices for fuel and bread rose again in the capital.",
    "Talks mediated by neighbouring states were postponed.",
]


def _end(name: str, type_: str, kb: str | None, start: int) -> dict[str, Any]:
    return {"name": name, "type": type_, "actor_id": kb, "mention": name,
            "start": start, "end": start + len(name)}  # fmt: skip


def make_record(rng: random.Random, number: int, outlet: str) -> dict[str, Any]:
    """One document: 1-4 claims from the templates, with offsets into its text."""
    text = f"Report {number} from {outlet}. "
    doc_mentions: list[dict[str, Any]] = []
    doc_claims: list[dict[str, Any]] = []
    for _ in range(rng.randint(1, 4)):
        relation, polarity, template = rng.choice(TEMPLATES)
        (sn, st, sk), (tn, tt, tk), (cn, _, _) = rng.sample(ACTORS, 3)
        what = rng.sample(SUPPORT_TYPES, rng.randint(1, 2))
        sentence_start = len(text)
        sentence = template.format(s=sn, t=tn, c=cn, what=" and ".join(what))
        s_at = sentence_start + sentence.index(sn)
        t_at = sentence_start + sentence.index(tn)
        for name, type_, kb, at in ((sn, st, sk, s_at), (tn, tt, tk, t_at)):
            doc_mentions.append({"start": at, "end": at + len(name), "text": name,
                                 "type": type_, "actor": name, "actor_id": kb,
                                 "rule": "fixture"})  # fmt: skip
        doc_claims.append({
            "source": _end(sn, st, sk, s_at), "relation": relation,
            "target": _end(tn, tt, tk, t_at),
            "support_type": what if relation == "SUPPORTS" else None,
            "kind": None, "role": None, "polarity": polarity,
            "modality": rng.choice(["asserted", "alleged", "reported"]),
            "claimant": {"name": cn, "mention": cn}, "time": None,
            "evidence": {"start": sentence_start, "end": sentence_start + len(sentence),
                         "text": sentence},
            "confidence": 0.7, "rule": "fixture",
        })  # fmt: skip
        text += sentence + " " + rng.choice(FILLER) + " "
    return {
        "format": "proxygraph.doc/1",
        "doc_id": f"doc-{number:05d}",
        "source": outlet,
        "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
        "url": f"https://example.org/{number}",
        "title": f"Report {number}",
        "text": text.strip(),
        "mentions": doc_mentions,
        "claims": doc_claims,
    }


def make_records(n: int, seed: int = 8, first: int = 0) -> list[dict[str, Any]]:
    """n documents numbered from `first`; every fifth is syndicated (the same text under
    another outlet), so near-duplicate clusters form and are relabelled during a load."""
    rng = random.Random(seed * 100_003 + first)
    out: list[dict[str, Any]] = []
    for number in range(first, first + n):
        if number % 5 == 4 and out:
            copy = dict(out[-1])
            copy["source"] = OUTLETS[(OUTLETS.index(copy["source"]) + 1) % len(OUTLETS)]
            copy["doc_id"] = f"doc-{number:05d}"
            out.append(copy)
            continue
        out.append(make_record(rng, number, rng.choice(OUTLETS)))
    return out


def write_claims(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def doc_keys(records: list[dict[str, Any]]) -> set[str]:
    return {document_key(r["source"], r["doc_id"]) for r in records}


def start_load(*args: str, stderr: Any = subprocess.PIPE) -> subprocess.Popen[str]:
    """`python -m proxygraph load ARGS` in a new process (stdin closed, stderr piped)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PROXYGRAPH_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "proxygraph", "load", *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, text=True, env=env,
    )  # fmt: skip


def count_documents(engine: sa.Engine) -> int:
    """Stored documents (0 while the schema is not there yet)."""
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
    except sa.exc.OperationalError:
        return 0
    except sa.exc.ProgrammingError:  # PostgreSQL: no such table yet
        return 0


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def _count(conn: sa.Connection, query: sa.Select[Any]) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()


def edge_rows(conn: sa.Connection) -> list[tuple[Any, ...]]:
    """Every edge row, by id (JSON columns as sorted text so backends compare equal)."""
    out = []
    for row in conn.execute(sa.select(edges).order_by(edges.c.edge_id)):
        out.append(tuple(json.dumps(v, sort_keys=True) for v in row))
    return out


def orphans(conn: sa.Connection) -> dict[str, int]:
    """Rows that point at nothing (each must be 0)."""
    doc = sa.select(documents.c.doc_key)
    claim = sa.select(claims.c.claim_id)
    actor = sa.select(actors.c.actor_key)
    linked = sa.select(claim_edges.c.claim_id)
    return {
        "mentions without document": _count(
            conn, sa.select(mentions.c.doc_key).where(mentions.c.doc_key.not_in(doc))
        ),
        "claims without document": _count(
            conn, sa.select(claims.c.claim_id).where(claims.c.doc_key.not_in(doc))
        ),
        "bands without document": _count(
            conn, sa.select(doc_bands.c.doc_key).where(doc_bands.c.doc_key.not_in(doc))
        ),
        "claim links without claim": _count(
            conn, sa.select(claim_edges.c.claim_id).where(claim_edges.c.claim_id.not_in(claim))
        ),
        "claims without edge link": _count(
            conn, sa.select(claims.c.claim_id).where(claims.c.claim_id.not_in(linked))
        ),
        "edges without claims": _count(
            conn,
            sa.select(edges.c.edge_id).where(
                edges.c.edge_id.not_in(sa.select(claim_edges.c.edge_id))
            ),
        ),
        "claim links without edge": _count(
            conn,
            sa.select(claim_edges.c.edge_id).where(
                claim_edges.c.edge_id.not_in(sa.select(edges.c.edge_id))
            ),
        ),
        "claims with unknown actor": _count(
            conn,
            sa.select(claims.c.claim_id).where(
                sa.or_(claims.c.source_actor.not_in(actor), claims.c.target_actor.not_in(actor))
            ),
        ),
        "mentions with unknown actor": _count(
            conn,
            sa.select(mentions.c.doc_key).where(
                mentions.c.actor_key.is_not(None), mentions.c.actor_key.not_in(actor)
            ),
        ),
        "aliases of unknown actor": _count(
            conn,
            sa.select(actor_aliases.c.actor_key).where(actor_aliases.c.actor_key.not_in(actor)),
        ),
        # Actors are never deleted, but with no document replaced and no merge, each is
        # named by some stored mention or claim: a half-written document would leave one.
        "actors named nowhere": _count(
            conn,
            sa.select(actors.c.actor_key).where(
                actors.c.actor_key.not_in(
                    sa.select(mentions.c.actor_key).where(mentions.c.actor_key.is_not(None))
                ),
                actors.c.actor_key.not_in(sa.select(claims.c.source_actor)),
                actors.c.actor_key.not_in(sa.select(claims.c.target_actor)),
            ),
        ),
        "documents with a wrong claim count": _count(
            conn,
            sa.select(documents.c.doc_key).where(
                documents.c.n_claims
                != sa.select(sa.func.count())
                .where(claims.c.doc_key == documents.c.doc_key)
                .scalar_subquery()
            ),
        ),
        "edges with a wrong claim count": _count(
            conn,
            sa.select(edges.c.edge_id).where(
                edges.c.n_claims
                != sa.select(sa.func.count())
                .where(claim_edges.c.edge_id == edges.c.edge_id)
                .scalar_subquery()
            ),
        ),
        "documents in a cluster of no document": _count(
            conn, sa.select(documents.c.doc_key).where(documents.c.cluster.not_in(doc))
        ),
    }


def check_store(url: str, expected: set[str] | None = None) -> list[tuple[Any, ...]]:
    """Assert the store's invariants; return its edge rows.

    expected (set | None): the document keys that must be there, each exactly once
        (None: only check that the stored ones are a consistent subset).
    The edges must equal those recomputed from the stored claims (Store.rebuild_edges).
    """
    engine = sa.create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            bad = {k: v for k, v in orphans(conn).items() if v}
            keys = list(conn.execute(sa.select(documents.c.doc_key)).scalars())
            pairs = list(conn.execute(sa.select(documents.c.source, documents.c.doc_id)))
            stored = edge_rows(conn)
    finally:
        engine.dispose()
    assert bad == {}, bad
    assert len(keys) == len(set(keys)) and len(pairs) == len(set(pairs))
    if expected is not None:
        assert set(keys) == expected, (len(keys), len(expected))
    with Store(url) as store:
        store.rebuild_edges()
        with store.engine.connect() as conn:
            rebuilt = edge_rows(conn)
    assert stored == rebuilt, "edges differ from the ones recomputed from claims"
    return stored


def reference_edges(records: list[dict[str, Any]], tmp_path: Path) -> list[tuple[Any, ...]]:
    """The edges of one uninterrupted, single-process load of records (SQLite)."""
    url = str(tmp_path / "reference.db")
    with Store(url) as store:
        store.load_records(records)
    return check_store(url, doc_keys(records))
