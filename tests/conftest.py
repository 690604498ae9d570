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
