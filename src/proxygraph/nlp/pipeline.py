"""Build the analysis pipeline: spaCy English + the KB mention finder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from proxygraph.extract.engine import ClaimExtractor
from proxygraph.extract.patterns import load_patterns
from proxygraph.kb.loader import KnowledgeBase, load_kb
from proxygraph.nlp.mentions import MentionFinder
from proxygraph.nlp.model import load_analysis


@dataclass
class Pipeline:
    """Everything one process needs to analyse documents."""

    nlp: Language
    kb: KnowledgeBase
    finder: MentionFinder
    claims: ClaimExtractor


def build_pipeline(
    kb_dirs: Sequence[Path | str] = (),
    *,
    model: str | None = None,
    disabled_rules: Sequence[str] = (),
    builtin_kb: bool = True,
    kb: KnowledgeBase | None = None,
) -> Pipeline:
    """Load spaCy and the knowledge base (built-in plus kb_dirs) and compile the matchers.

    disabled_rules (Sequence[str]): claim rule names to switch off.
    kb (KnowledgeBase | None): a knowledge base already loaded (from kb_dirs and
        builtin_kb), used instead of reading it again.
    """
    nlp = load_analysis(model)
    if kb is None:
        kb = load_kb(kb_dirs, builtin=builtin_kb)
    finder = MentionFinder(kb, nlp)
    claims = ClaimExtractor(
        kb, finder.lex, load_patterns(), finder.index.demonym_of, disabled_rules
    )
    return Pipeline(nlp=nlp, kb=kb, finder=finder, claims=claims)
