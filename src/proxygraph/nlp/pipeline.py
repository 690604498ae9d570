"""Build the analysis pipeline: spaCy English + the KB mention finder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from proxygraph.kb.loader import KnowledgeBase, load_kb
from proxygraph.nlp.mentions import MentionFinder
from proxygraph.nlp.model import load_spacy


@dataclass
class Pipeline:
    """Everything one process needs to analyse documents."""

    nlp: Language
    kb: KnowledgeBase
    finder: MentionFinder


def build_pipeline(kb_dirs: Sequence[Path | str] = (), *, model: str | None = None) -> Pipeline:
    """Load spaCy and the knowledge base (built-in plus kb_dirs) and compile the matchers."""
    nlp = load_spacy(model)
    kb = load_kb(kb_dirs)
    return Pipeline(nlp=nlp, kb=kb, finder=MentionFinder(kb, nlp))
