"""Shared fixtures: the English pipeline, a tiny KB, a mention finder on it."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI_KB = FIXTURES / "kb"


@pytest.fixture(scope="session")
def nlp():
    from proxygraph.nlp.model import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def mini_kb():
    from proxygraph.kb.loader import load_kb

    return load_kb([MINI_KB], builtin=False)


@pytest.fixture(scope="session")
def finder(nlp, mini_kb):
    from proxygraph.nlp.mentions import MentionFinder

    return MentionFinder(mini_kb, nlp)


@pytest.fixture(scope="session")
def find(nlp, finder):
    """find(text, on=None) -> [(surface, type, actor name, rule)]."""
    from proxygraph.extractor import parse_date

    def run(text: str, on: str | None = None) -> list[tuple[str, str, str, str]]:
        doc = nlp(text)
        return [
            (doc[f.start : f.end].text, f.type, f.name, f.rule)
            for f in finder.find(doc, parse_date(on))
        ]

    return run


@pytest.fixture(scope="session")
def pipeline(nlp):
    """The full pipeline on the packaged knowledge base."""
    from proxygraph.nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def claims(pipeline):
    """claims(text, date=None) -> list of Claim records of one document."""
    from proxygraph.extractor import parse_date

    def run(text: str, date: str | None = None) -> list:
        doc = pipeline.nlp(text)
        found = pipeline.finder.find(doc, parse_date(date))
        return pipeline.claims.extract(doc, found, "test-outlet", parse_date(date))

    return run


def find_claim(claims, relation, source, target, **attrs):
    """The first claim of `relation` whose ends match by name or mention, with attrs."""
    for c in claims:
        if c.relation != relation:
            continue
        ends = {c.source.name, c.source.mention}, {c.target.name, c.target.mention}
        forward = source in ends[0] and target in ends[1]
        symmetric = relation in ("SAME_AS", "MEETS_WITH", "FIGHTS", "COOPERATES_WITH")
        backward = symmetric and source in ends[1] and target in ends[0]
        if (forward or backward) and all(getattr(c, k) == v for k, v in attrs.items()):
            return c
    return None


@pytest.fixture(scope="session")
def has():
    return find_claim
