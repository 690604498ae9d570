"""The store's schema as SQLAlchemy Core tables (SQLite and PostgreSQL alike).

Keys are strings derived from content (see proxygraph.ids), so the same input gives the
same rows on every backend. migrations.py creates and upgrades these tables.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

KEY = sa.String(80)
ID = sa.String(16)

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    # doc_key: hash of (source, doc_id), the document's identity; content_hash decides
    # whether a second load of it is a no-op or a new version.
    sa.Column("doc_key", ID, primary_key=True),
    sa.Column("doc_id", sa.String(300), nullable=False, index=True),
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("content_hash", ID, nullable=False, index=True),
    sa.Column("text", sa.Text),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("cluster", ID, nullable=False, index=True),
    sa.Column("n_claims", sa.Integer, nullable=False, default=0),
    sa.Column("loaded_at", sa.String(32), nullable=False),
)

doc_bands = sa.Table(
    "doc_bands",
    metadata,
    sa.Column("band", sa.String(20), nullable=False),
    sa.Column(
        "doc_key", ID, sa.ForeignKey("documents.doc_key", ondelete="CASCADE"), nullable=False
    ),
    sa.PrimaryKeyConstraint("band", "doc_key"),
    sa.Index("ix_doc_bands_doc_key", "doc_key"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("actor_key", KEY, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("norm_name", sa.String(300), nullable=False, index=True),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("kb_id", sa.String(80), index=True),
    sa.Column("part_of", KEY),
    sa.Column("merged_into", KEY, index=True),
)

actor_aliases = sa.Table(
    "actor_aliases",
    metadata,
    sa.Column("actor_key", KEY, nullable=False),
    sa.Column("alias", sa.String(300), nullable=False),
    sa.Column("norm_alias", sa.String(300), nullable=False, index=True),
    sa.PrimaryKeyConstraint("actor_key", "alias"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column(
        "doc_key", ID, sa.ForeignKey("documents.doc_key", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("actor_key", KEY, index=True),
    sa.Column("rule", sa.String(80)),
    sa.Column("geo", sa.JSON),
    sa.PrimaryKeyConstraint("doc_key", "ordinal"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("claim_id", ID, primary_key=True),
    sa.Column(
        "doc_key", ID, sa.ForeignKey("documents.doc_key", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("source_actor", KEY, nullable=False, index=True),
    sa.Column("relation", sa.String(40), nullable=False),
    sa.Column("target_actor", KEY, nullable=False, index=True),
    sa.Column("source_raw", KEY, nullable=False),  # the key before any analyst merge
    sa.Column("target_raw", KEY, nullable=False),
    sa.Column("source_mention", sa.Text),
    sa.Column("target_mention", sa.Text),
    sa.Column("support_type", sa.JSON),
    sa.Column("kind", sa.String(40)),
    sa.Column("role", sa.Text),
    sa.Column("polarity", sa.String(20), nullable=False),
    sa.Column("modality", sa.String(20), nullable=False),
    sa.Column("claimant", sa.String(300), nullable=False),
    sa.Column("claimant_mention", sa.Text),
    sa.Column("time", sa.String(40)),
    sa.Column("evidence_start", sa.Integer),
    sa.Column("evidence_end", sa.Integer),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float),
    sa.Column("rule", sa.String(120)),
    sa.Index("ix_claims_doc_key", "doc_key"),
)

claim_edges = sa.Table(
    "claim_edges",
    metadata,
    sa.Column("edge_id", ID, nullable=False),
    sa.Column("claim_id", ID, sa.ForeignKey("claims.claim_id", ondelete="CASCADE"), nullable=False),
    sa.PrimaryKeyConstraint("edge_id", "claim_id"),
    sa.Index("ix_claim_edges_claim_id", "claim_id"),
)

edges = sa.Table(
    "edges",
    metadata,
    sa.Column("edge_id", ID, primary_key=True),
    sa.Column("source_actor", KEY, nullable=False),
    sa.Column("relation", sa.String(40), nullable=False),
    sa.Column("target_actor", KEY, nullable=False),
    sa.Column("support_type", sa.String(40), nullable=False),
    sa.Column("n_claims", sa.Integer, nullable=False),
    sa.Column("n_documents", sa.Integer, nullable=False),
    sa.Column("n_outlets", sa.Integer, nullable=False),
    sa.Column("n_independent", sa.Integer, nullable=False),
    sa.Column("n_affirmed", sa.Integer, nullable=False),
    sa.Column("n_denied", sa.Integer, nullable=False),
    sa.Column("contested", sa.Boolean, nullable=False),
    sa.Column("first_date", sa.String(10)),
    sa.Column("last_date", sa.String(10)),
    sa.Column("outlets", sa.JSON, nullable=False),
    sa.Column("claimants", sa.JSON, nullable=False),
    sa.Column("deniers", sa.JSON, nullable=False),
    sa.Column("modalities", sa.JSON, nullable=False),
    sa.Column("kinds", sa.JSON, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    # Each query filters on one column group and returns the best corroborated first:
    # these indexes hold both, so a query with a limit reads only the rows it returns.
    sa.Index("ix_edges_source", "source_actor", "n_independent", "n_claims", "edge_id"),
    sa.Index("ix_edges_target", "target_actor", "n_independent", "n_claims", "edge_id"),
    sa.Index("ix_edges_relation", "relation", "n_independent", "n_claims", "edge_id"),
    sa.Index(
        "ix_edges_support", "relation", "support_type", "n_independent", "n_claims", "edge_id"
    ),
    sa.Index("ix_edges_contested", "contested", "n_independent", "n_claims", "edge_id"),
    sa.Index("ix_edges_rank", "n_independent", "n_claims", "edge_id"),
)


def claims_of_edges() -> sa.Join:
    """claim_edges joined with its claims and their documents."""
    return claim_edges.join(claims, claims.c.claim_id == claim_edges.c.claim_id).join(
        documents, documents.c.doc_key == claims.c.doc_key
    )


V1_TABLES = [
    documents,
    doc_bands,
    actors,
    actor_aliases,
    mentions,
    claims,
    claim_edges,
    edges,
]
