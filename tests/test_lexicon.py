"""The function and rule words of data/lexicon that rule modules keep as constants."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxygraph.errors import InvalidKB
from proxygraph.kb.loader import DATA_DIR, read_yaml
from proxygraph.nlp import lexicon

FILES = ("function_words", "rule_words")
MAPS = {"base_nouns", "lemma_fixes"}  # `group: [words]`, read as {word: group}


def _raw_lists(name: str) -> dict[str, list]:
    """Every word list of a file, by key (`key.group` for a grouped one)."""
    raw = read_yaml(DATA_DIR / "lexicon" / f"{name}.yaml")
    out: dict[str, list] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            out.update({f"{key}.{group}": words for group, words in value.items()})
        else:
            out[key] = value
    return out


@pytest.fixture
def package_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the loader at tmp_path/lexicon, with a fresh cache before and after."""
    (tmp_path / "lexicon").mkdir()
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon._package_file.cache_clear()
    yield tmp_path / "lexicon"
    lexicon._package_file.cache_clear()


@pytest.mark.parametrize("name", FILES)
def test_every_list_loads_non_empty_and_lower_case(name: str):
    lists = _raw_lists(name)
    assert lists
    for key, words in lists.items():
        assert words and all(isinstance(w, str) and w for w in words), key
        # the rules compare lower-cased words and lemmas: the file must not rely on folding
        assert [w.lower() for w in words] == words, key
        assert len(set(words)) == len(words), f"{key}: a word listed twice"
    for key in {k.split(".")[0] for k in lists}:
        if key in MAPS:
            assert lexicon.package_word_map(name, key)
        else:
            assert lexicon.package_words(name, key) == frozenset(lists[key])


def test_constants_come_from_the_files():
    from proxygraph.extract import args, located, roles, same_as, titles
    from proxygraph.nlp import places

    assert lexicon.rule_words("object_control") == args.OBJECT_CONTROL
    assert "on" in args.LOCATIVE_PREPS and "on" in located.PLACE_PREPS  # quoted 'on'
    assert located.BASE_NOUNS["hq"] == "based" and located.BASE_NOUNS["haven"] == "sheltered"
    assert located.LEMMA_FIXES == {"bases": "base"}
    assert "chief" in roles.NOT_ROLES and "within" in roles.ORG_PREPS
    assert "a.k.a." in same_as.ALIAS_WORDS
    # punctuation stays in code and joins the words
    assert {",", "and", "who"} <= titles.STOP
    assert {"in", "of", ","} == places.CONTAINMENT_WORDS


def test_a_yaml_boolean_is_rejected(package_dir: Path):
    (package_dir / "rule_words.yaml").write_text("reside_verbs: [live, on, stay]\n")
    with pytest.raises(InvalidKB, match=r"reside_verbs\[1\]: True is not a word"):
        lexicon.rule_words("reside_verbs")


def test_a_missing_or_misshapen_list_is_rejected(package_dir: Path):
    (package_dir / "rule_words.yaml").write_text(
        "deputy: [deputy, 1]\nbase_nouns: {based: [base], sheltered: [base]}\n"
    )
    with pytest.raises(InvalidKB, match="expected a list of strings"):
        lexicon.rule_words("deputy")
    with pytest.raises(InvalidKB, match="expected a list of strings"):
        lexicon.rule_words("no_such_list")
    with pytest.raises(InvalidKB, match="'base' is under based and sheltered"):
        lexicon.rule_word_map("base_nouns")
